"""Coaching reports for the console, kept while the data they come from is unchanged.

A director's company-wide report takes the Coach a second or more at 1,000 reps (quartiles and findings for
every rep); the console shows it on every sort click and period switch. Reports are therefore cached per
(kind, rep, period) and tagged with a fingerprint of the KPI tables and the roster: an import (new row ids)
or a roster change makes the next request rebuild. Rules and settings change only with a restart.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import func, select

from coaching.coach import Coach, RepReport, TeamReport
from coaching.records import ChannelRecord, KpiRecord
from core.roster import Rep

R = TypeVar("R", RepReport, TeamReport)


class ReportCache:
    """A small LRU of coaching reports, valid while `fingerprint()` is unchanged."""

    def __init__(self, coach: Coach, *, size: int = 64) -> None:
        self.coach = coach
        self.size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple[str, str, str | None], tuple[str, object]] = OrderedDict()

    def fingerprint(self) -> str:
        """Changes whenever KPI or channel rows are replaced or the roster changes (a few ms at 1,000 reps)."""
        with self.coach.store.session() as session:
            kpis = session.execute(select(func.count(KpiRecord.id), func.max(KpiRecord.id))).one()
            channels = session.execute(select(func.count(ChannelRecord.id), func.max(ChannelRecord.id))).one()
            roster = session.execute(select(Rep.rep_id, Rep.manager_id, Rep.role).order_by(Rep.rep_id)).all()
        digest = hashlib.sha256(repr((tuple(kpis), tuple(channels))).encode())
        for row in roster:
            digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()

    def _get(self, key: tuple[str, str, str | None], build: Callable[[], R]) -> R:
        stamp = self.fingerprint()
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == stamp:
                self._entries.move_to_end(key)
                report: R = found[1]  # type: ignore[assignment]
                return report
        built = build()  # outside the lock: a slow company report does not hold up other pages
        with self._lock:
            self._entries[key] = (stamp, built)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return built

    def team(self, manager_id: str, period: str | None) -> TeamReport:
        return self._get(("team", manager_id, period), lambda: self.coach.team_report(manager_id, period))

    def rep(self, rep_id: str, period: str | None) -> RepReport:
        return self._get(("rep", rep_id, period), lambda: self.coach.coach_rep(rep_id, period))
