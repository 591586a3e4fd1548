"""Reporting periods: `YYYY-Qn` (quarter) or `YYYY-MM` (month), parsed, ordered and stepped back by one."""

from __future__ import annotations

import re

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class PeriodError(ValueError):
    """A period string that is neither `YYYY-Qn` nor `YYYY-MM`."""


def parse_period(text: str) -> tuple[int, str, int]:
    """(year, kind, index): kind "Q" (index 1-4) or "M" (index 1-12); PeriodError otherwise."""
    value = text.strip().upper()
    if m := _QUARTER.match(value):
        return int(m.group(1)), "Q", int(m.group(2))
    if m := _MONTH.match(value):
        return int(m.group(1)), "M", int(m.group(2))
    raise PeriodError(f"period {text!r} is not YYYY-Qn (e.g. 2026-Q3) or YYYY-MM (e.g. 2026-09)")


def normalise_period(text: str) -> str:
    """The canonical spelling (`2026-q3` -> `2026-Q3`)."""
    year, kind, index = parse_period(text)
    return f"{year}-Q{index}" if kind == "Q" else f"{year}-{index:02d}"


def period_sort_key(period: str) -> tuple[int, int, int]:
    """Chronological order by first month; a quarter sorts before the months it contains."""
    year, kind, index = parse_period(period)
    first_month = (index - 1) * 3 + 1 if kind == "Q" else index
    return year, first_month, 0 if kind == "Q" else 1


def previous_period(period: str) -> str:
    """The period just before, of the same kind (2026-Q1 -> 2025-Q4, 2026-01 -> 2025-12)."""
    year, kind, index = parse_period(period)
    if kind == "Q":
        return f"{year - 1}-Q4" if index == 1 else f"{year}-Q{index - 1}"
    return f"{year - 1}-12" if index == 1 else f"{year}-{index - 1:02d}"


def periods_per_year(period: str) -> int:
    """4 for quarters, 12 for months: used to annualise per-period revenue."""
    return 4 if parse_period(period)[1] == "Q" else 12
