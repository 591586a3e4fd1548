"""Roster import: validate a whole CSV first, then replace the `reps` table in one transaction.

Every problem is reported as one line `FILE:LINE: column: value: reason` (the header is line 1) and all of
them are listed at once, so sales ops fix the file in one pass; a file with any problem changes nothing.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from authority.policy import active_roles
from core.roster import CHANNELS, Rep
from core.store import Store

COLUMNS: tuple[str, ...] = (
    "rep_id",
    "name",
    "role",
    "manager_id",
    "telegram_user_id",
    "region",
    "channel",
    "hire_date",
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class RosterImportError(ValueError):
    """A roster file that cannot be imported; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class RosterRow:
    """One validated roster line, with the file line it came from (for cycle reports)."""

    line: int
    rep_id: str
    name: str
    role: str
    manager_id: str | None
    telegram_user_id: int | None
    region: str | None
    channel: str | None
    hire_date: date | None


@dataclass
class ImportSummary:
    """What an import did: counts by role and against the previous roster."""

    total: int
    by_role: dict[str, int]
    added: int
    updated: int
    unchanged: int
    removed: int
    roles_order: tuple[str, ...] = field(default=())

    def line(self) -> str:
        order = [r for r in self.roles_order if r in self.by_role] + sorted(
            r for r in self.by_role if r not in self.roles_order
        )
        roles = ", ".join(f"{self.by_role[r]} {r}" for r in order)
        return (
            f"imported {self.total} reps ({roles}): added {self.added}, updated {self.updated}, "
            f"unchanged {self.unchanged}, removed {self.removed}"
        )


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RosterImportError([f"{path}: cannot read: {exc.strerror or exc}"]) from exc
    try:
        # utf-8-sig drops the byte-order mark Excel writes at the start of "CSV UTF-8" files.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterImportError(
            [f"{path}: not UTF-8 text (undecodable byte at offset {exc.start}): save it as 'CSV UTF-8'"]
        ) from exc


def parse_roster(path: Path, roles: tuple[str, ...]) -> list[RosterRow]:
    """Validate every line of a roster CSV against `roles`; raise RosterImportError listing all problems."""
    text = _decode(path)
    source = str(path)
    if not text.strip():
        raise RosterImportError([f"{source}: empty file: expected the header {','.join(COLUMNS)}"])

    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    missing = [c for c in COLUMNS if c not in header]
    extra = [h for h in header if h not in COLUMNS]
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if missing or extra or duplicated:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            parts.append(f"unexpected column(s) {', '.join(extra)}")
        if duplicated:
            parts.append(f"duplicated column(s) {', '.join(duplicated)}")
        raise RosterImportError([f"{source}:1: header: {'; '.join(parts)}; expected exactly {','.join(COLUMNS)}"])
    index = {name: header.index(name) for name in COLUMNS}

    problems: list[str] = []
    raw_rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num
    for fields in reader:
        start, line = line + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue  # blank line
        if len(fields) != len(header):
            problems.append(f"{source}:{start}: row: {len(fields)} fields: expected {len(header)} ({','.join(header)})")
            continue
        raw_rows.append((start, {name: fields[i].strip() for name, i in index.items()}))

    if not raw_rows and not problems:
        raise RosterImportError([f"{source}: no reps: the file has a header but no rows"])

    def bad(line_no: int, column: str, value: str, reason: str) -> None:
        problems.append(f"{source}:{line_no}: {column}: {value!r}: {reason}")

    first_line: dict[str, int] = {}
    telegram_line: dict[int, int] = {}
    for line_no, values in raw_rows:
        rep_id = values["rep_id"]
        if not rep_id:
            bad(line_no, "rep_id", rep_id, "required")
        elif rep_id in first_line:
            bad(line_no, "rep_id", rep_id, f"duplicate (first on line {first_line[rep_id]})")
        else:
            first_line[rep_id] = line_no

    rows: list[RosterRow] = []
    for line_no, values in raw_rows:
        rep_id = values["rep_id"]
        if not values["name"]:
            bad(line_no, "name", values["name"], "required")
        role = values["role"].lower()
        if role not in roles:
            bad(line_no, "role", values["role"], f"unknown role; expected one of {', '.join(roles)}")
        manager_id = values["manager_id"] or None
        if manager_id is not None:
            if manager_id == rep_id:
                bad(line_no, "manager_id", manager_id, "a rep cannot be their own manager")
            elif manager_id not in first_line:
                bad(line_no, "manager_id", manager_id, "not a rep_id in this file")
        telegram_user_id: int | None = None
        tg = values["telegram_user_id"]
        if tg:
            if not re.fullmatch(r"\d+", tg) or int(tg) == 0:
                bad(line_no, "telegram_user_id", tg, "must be a positive whole number (or empty)")
            elif int(tg) in telegram_line:
                bad(line_no, "telegram_user_id", tg, f"duplicate (first on line {telegram_line[int(tg)]})")
            else:
                telegram_user_id = int(tg)
                telegram_line[telegram_user_id] = line_no
        channel = values["channel"].lower() or None
        if channel is not None and channel not in CHANNELS:
            bad(line_no, "channel", values["channel"], f"expected one of {', '.join(CHANNELS)} (or empty)")
        hire_date: date | None = None
        if values["hire_date"]:
            try:
                if not _DATE.fullmatch(values["hire_date"]):
                    raise ValueError
                hire_date = date.fromisoformat(values["hire_date"])
            except ValueError:
                bad(line_no, "hire_date", values["hire_date"], "expected a date YYYY-MM-DD (or empty)")
        rows.append(
            RosterRow(
                line=line_no,
                rep_id=rep_id,
                name=values["name"],
                role=role,
                manager_id=manager_id,
                telegram_user_id=telegram_user_id,
                region=values["region"] or None,
                channel=channel,
                hire_date=hire_date,
            )
        )

    problems.extend(_cycle_problems(rows, source))
    if problems:
        raise RosterImportError(sorted(problems, key=_line_number))
    return rows


def _line_number(problem: str) -> int:
    """Sort key: the LINE of a `FILE:LINE: ...` problem, so problems come out in file order."""
    match = re.search(r":(\d+): ", problem)
    return int(match.group(1)) if match else 0


def _cycle_problems(rows: list[RosterRow], source: str) -> list[str]:
    """One problem per management cycle (A manages B manages A), reported at the cycle's first line."""
    manager: dict[str, str | None] = {}
    line_of: dict[str, int] = {}
    for r in rows:
        if r.rep_id and r.rep_id not in manager:  # a duplicate id is reported on its own; use the first
            manager[r.rep_id] = r.manager_id
            line_of[r.rep_id] = r.line
    reported: set[str] = set()
    problems: list[str] = []
    for start in manager:
        path: list[str] = []
        seen: set[str] = set()
        current: str | None = start
        while current is not None and current in manager and current not in seen:
            seen.add(current)
            path.append(current)
            current = manager[current]
        if current is None or current not in seen:
            continue
        cycle = path[path.index(current) :]
        if len(cycle) == 1 or reported.intersection(cycle):  # a self-loop is reported as "own manager"
            continue
        reported.update(cycle)
        first = min(cycle, key=lambda rep: line_of[rep])
        # Rotate so the report starts at the first line of the file that takes part in the cycle.
        at = cycle.index(first)
        ordered = cycle[at:] + cycle[:at]
        loop = " -> ".join([*ordered, ordered[0]])
        problems.append(f"{source}:{line_of[first]}: manager_id: {manager[first]!r}: management cycle {loop}")
    return problems


def import_roster(store: Store, path: Path) -> ImportSummary:
    """Validate the file, then replace the roster in one transaction; RosterImportError on any problem."""
    with store.session() as session:
        roles = active_roles(session)
    rows = parse_roster(path, roles)
    try:
        with store.transaction() as session:
            existing = {rep.rep_id: rep for rep in session.scalars(select(Rep))}
            before = {rep_id: _snapshot(rep) for rep_id, rep in existing.items()}
            # Clear Telegram ids first so two reps may swap ids without tripping the unique constraint.
            session.execute(update(Rep).values(telegram_user_id=None))
            wanted = {row.rep_id for row in rows}
            removed = [rep for rep_id, rep in existing.items() if rep_id not in wanted]
            for rep in removed:
                session.delete(rep)
            added = updated = unchanged = 0
            for row in rows:
                values = _values(row)
                current = existing.get(row.rep_id)
                if current is None:
                    session.add(Rep(rep_id=row.rep_id, **values))
                    added += 1
                    continue
                for key, value in values.items():
                    setattr(current, key, value)
                if before[row.rep_id] == values:
                    unchanged += 1
                else:
                    updated += 1
    except IntegrityError as exc:
        raise RosterImportError(
            [f"{path}: the store refused the new roster ({exc.orig}); nothing was changed"]
        ) from exc
    return ImportSummary(
        total=len(rows),
        by_role=dict(Counter(row.role for row in rows)),
        added=added,
        updated=updated,
        unchanged=unchanged,
        removed=len(removed),
        roles_order=roles,
    )


def _values(row: RosterRow) -> dict[str, object]:
    return {
        "name": row.name,
        "role": row.role,
        "manager_id": row.manager_id,
        "telegram_user_id": row.telegram_user_id,
        "region": row.region,
        "channel": row.channel,
        "hire_date": row.hire_date,
    }


def _snapshot(rep: Rep) -> dict[str, object]:
    return {
        "name": rep.name,
        "role": rep.role,
        "manager_id": rep.manager_id,
        "telegram_user_id": rep.telegram_user_id,
        "region": rep.region,
        "channel": rep.channel,
        "hire_date": rep.hire_date,
    }
