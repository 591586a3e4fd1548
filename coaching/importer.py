"""`salescoach kpi import`: read KPIS (and CHANNELS) from .csv or .xlsx, check every cell, store atomically.

Every problem in both files is collected and reported as `FILE: line N: column: value: reason` (the header
is line 1; for .xlsx, N is the sheet row). Any problem means nothing is written. Re-importing a period
replaces the whole period: a file is taken as the complete picture of the periods it contains, so a rep left
out of a re-import has no row for that period afterwards. The KPI file replaces KPI rows only and the channel
file channel rows only, so channels can be corrected without touching KPIs. Cross-field rules that can
legitimately be broken (collected > billed when older invoices are paid, overdue > billed when the backlog
predates the period) are warnings, not errors. Channel names are normalised to lower case with underscores
("Paid Search" -> paid_search) so a spreadsheet's spelling does not split one channel in two.
"""

from __future__ import annotations

import csv
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy import delete, insert, select

from coaching.periods import PeriodError, normalise_period
from coaching.records import (
    CHANNEL_COLUMNS,
    KPI_COLUMNS,
    ChannelRecord,
    KpiRecord,
)
from core.roster import Rep
from core.store import Store

PROGRESS_THRESHOLD = 2000
_CHANNEL_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

MONEY = "money"
COUNT = "count"
PERCENT = "percent"
CSAT = "csat"
HOURS = "hours"

KPI_KINDS: dict[str, str] = {
    "sales_amount": MONEY,
    "sales_target": MONEY,
    "billed_amount": MONEY,
    "collected_amount": MONEY,
    "overdue_amount": MONEY,
    "market_share_pct": PERCENT,
    "prev_market_share_pct": PERCENT,
    "new_customers": COUNT,
    "active_customers": COUNT,
    "repeat_customers": COUNT,
    "csat": CSAT,
    "complaints": COUNT,
    "training_hours": HOURS,
}
CHANNEL_KINDS: dict[str, str] = {
    "spend": MONEY,
    "leads": COUNT,
    "qualified": COUNT,
    "proposals": COUNT,
    "won": COUNT,
    "revenue": MONEY,
}
# Each funnel stage cannot exceed the one before it.
FUNNEL_ORDER: tuple[str, ...] = ("leads", "qualified", "proposals", "won")

Cell = str | int | float | None


class ImportFileError(ValueError):
    """A file that cannot be read at all (missing, undecodable, unsupported type): one line naming it."""


class ImportValidationError(ValueError):
    """One or more invalid cells; `problems` holds one `FILE: line N: column: value: reason` line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        plural = "s" if count != 1 else ""
        super().__init__(f"{count} problem{plural}, nothing imported:\n" + "\n".join(self.problems))


@dataclass
class ImportSummary:
    """What an import did, for the CLI to print."""

    kpi_rows: int = 0
    channel_rows: int = 0
    periods: list[str] = field(default_factory=list)
    replaced_kpi_rows: int = 0
    replaced_channel_rows: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A file read into memory: its display name, header, and (line number, cells) per non-empty row."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[Cell]]]


def read_table(path: Path) -> Table:
    """Read a .csv (UTF-8, BOM tolerated) or an .xlsx's first sheet; ImportFileError if unreadable."""
    if not path.exists():
        raise ImportFileError(f"{path}: file not found")
    if not path.is_file():
        raise ImportFileError(f"{path}: not a file")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in {".csv", ".txt", ""}:
        return _read_csv(path)
    raise ImportFileError(f"{path}: unsupported file type {suffix!r} (use .csv or .xlsx)")


def _read_csv(path: Path) -> Table:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV") from exc
    reader = csv.reader(text.splitlines(keepends=True))
    header: list[str] | None = None
    rows: list[tuple[int, list[Cell]]] = []
    try:
        for cells in reader:
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if not any(c.strip() for c in cells):
                continue
            rows.append((reader.line_num, list(cells)))
    except csv.Error as exc:
        raise ImportFileError(f"{path}: line {reader.line_num}: malformed CSV: {exc}") from exc
    if header is None:
        raise ImportFileError(f"{path}: empty file (expected a header line)")
    return Table(path.name, header, rows)


def _read_xlsx(path: Path) -> Table:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ImportFileError(f"{path}: not a readable .xlsx workbook ({exc})") from exc
    try:
        sheet = workbook.worksheets[0]
        header: list[str] | None = None
        rows: list[tuple[int, list[Cell]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_xlsx_cell(v) for v in values]
            if header is None:
                header = [str(c).strip() if c is not None else "" for c in cells]
                while header and not header[-1]:
                    header.pop()
                continue
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            rows.append((number, cells[: len(header)]))
    finally:
        workbook.close()
    if header is None:
        raise ImportFileError(f"{path}: empty sheet (expected a header row)")
    return Table(path.name, header, rows)


def _xlsx_cell(value: Any) -> Cell:
    # Excel turns "2026-09" into a date; take it back to the period it meant.
    if isinstance(value, datetime | date):
        return f"{value.year}-{value.month:02d}"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | str) or value is None:
        return value
    return str(value)


class _Bad(ValueError):
    """A cell-level problem; the message is the `reason` part of the report line."""


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _number(cell: Cell, kind: str) -> float | int:
    # Hot path (a 48k-row import calls this 350k times): try float() first, explain only on failure.
    if isinstance(cell, str):
        try:
            value = float(cell)
        except ValueError:
            raise _Bad("not a number" if cell.strip() else "missing value") from None
    elif cell is None:
        raise _Bad("missing value")
    else:
        value = float(cell)
    if not math.isfinite(value):
        raise _Bad("not a finite number")
    if kind == COUNT:
        if not value.is_integer():
            raise _Bad("must be a whole number")
        if value < 0:
            raise _Bad("must be >= 0")
        return int(value)
    if kind in {MONEY, HOURS} and value < 0:
        raise _Bad("must be >= 0")
    if kind == PERCENT and not 0 <= value <= 100:
        raise _Bad("must be between 0 and 100")
    if kind == CSAT and not 1 <= value <= 5:
        raise _Bad("must be between 1 and 5")
    return value


class _Validator:
    """Shared row checks for both files; collects problems instead of stopping at the first."""

    def __init__(self, table: Table, columns: Sequence[str], roster: set[str]) -> None:
        self.table = table
        self.columns = columns
        self.roster = roster
        self.problems: list[str] = []
        self.warnings: list[str] = []
        self.index: dict[str, int] = {}

    def report(self, line: int, column: str, value: Cell, reason: str, *, warning: bool = False) -> None:
        entry = f"{self.table.name}: line {line}: {column}: {_text(value)}: {reason}"
        (self.warnings if warning else self.problems).append(entry)

    def check_header(self) -> bool:
        header = self.table.header
        seen: set[str] = set()
        for name in header:
            if name in seen:
                self.report(1, "header", name, "duplicate column")
            seen.add(name)
            if name not in self.columns:
                self.report(1, "header", name, f"unknown column (expected: {', '.join(self.columns)})")
        for name in self.columns:
            if name not in seen:
                self.report(1, "header", name, "missing column")
        if self.problems:
            return False
        self.index = {name: header.index(name) for name in self.columns}
        return True

    def cell(self, cells: list[Cell], column: str) -> Cell:
        position = self.index[column]
        return cells[position] if position < len(cells) else None

    def row_keys(self, line: int, cells: list[Cell]) -> tuple[str, str] | None:
        """rep_id and period, both checked; None when either is bad (already reported)."""
        ok = True
        extra = [c for c in cells[len(self.table.header) :] if _text(c)]
        if extra:
            self.report(line, "row", extra[0], f"more cells than the header's {len(self.table.header)} columns")
            ok = False
        rep_id = _text(self.cell(cells, "rep_id"))
        if not rep_id:
            self.report(line, "rep_id", rep_id, "missing value")
            ok = False
        elif rep_id not in self.roster:
            self.report(line, "rep_id", rep_id, "not on the roster")
            ok = False
        raw_period = self.cell(cells, "period")
        period = ""
        try:
            period = normalise_period(_text(raw_period))
        except PeriodError:
            self.report(line, "period", raw_period, "not a period (use YYYY-Qn like 2026-Q3 or YYYY-MM)")
            ok = False
        return (rep_id, period) if ok else None

    def numbers(self, line: int, cells: list[Cell], kinds: dict[str, str]) -> dict[str, float | int] | None:
        values: dict[str, float | int] = {}
        ok = True
        for column, kind in kinds.items():
            raw = self.cell(cells, column)
            try:
                values[column] = _number(raw, kind)
            except _Bad as bad:
                self.report(line, column, raw, str(bad))
                ok = False
        return values if ok else None


def validate_kpis(table: Table, roster: set[str], tick: Callable[[], None] | None = None) -> tuple[
    list[dict[str, Any]], list[str], list[str]
]:
    """Check a KPIS table; return (records, problems, warnings)."""
    check = _Validator(table, KPI_COLUMNS, roster)
    records: list[dict[str, Any]] = []
    if not check.check_header():
        return records, check.problems, check.warnings
    first_line: dict[tuple[str, str], int] = {}
    for line, cells in table.rows:
        if tick:
            tick()
        keys = check.row_keys(line, cells)
        values = check.numbers(line, cells, KPI_KINDS)
        if keys is not None:
            if keys in first_line:
                check.report(line, "rep_id", keys[0], f"duplicate row for {keys[0]} {keys[1]} (first on line "
                             f"{first_line[keys]})")
                continue
            first_line[keys] = line
        if keys is None or values is None:
            continue
        if values["repeat_customers"] > values["active_customers"]:
            check.report(line, "repeat_customers", values["repeat_customers"],
                         f"more than active_customers ({values['active_customers']})")
            continue
        billed = values["billed_amount"]
        if values["collected_amount"] > billed:
            check.report(line, "collected_amount", values["collected_amount"],
                         f"more than billed_amount ({_text(billed)}); taken as older invoices paid",
                         warning=True)
        if values["overdue_amount"] > billed:
            check.report(line, "overdue_amount", values["overdue_amount"],
                         f"more than billed_amount ({_text(billed)}); overdue backlog predates the period",
                         warning=True)
        records.append({"rep_id": keys[0], "period": keys[1], **values})
    return records, check.problems, check.warnings


def validate_channels(table: Table, roster: set[str], tick: Callable[[], None] | None = None) -> tuple[
    list[dict[str, Any]], list[str], list[str]
]:
    """Check a CHANNELS table; return (records, problems, warnings)."""
    check = _Validator(table, CHANNEL_COLUMNS, roster)
    records: list[dict[str, Any]] = []
    if not check.check_header():
        return records, check.problems, check.warnings
    first_line: dict[tuple[str, str, str], int] = {}
    for line, cells in table.rows:
        if tick:
            tick()
        keys = check.row_keys(line, cells)
        raw_channel = check.cell(cells, "channel")
        channel = _text(raw_channel).lower().replace(" ", "_").replace("-", "_")
        channel_ok = bool(_CHANNEL_NAME.match(channel))
        if not channel_ok:
            check.report(line, "channel", raw_channel,
                         "missing value" if not channel else "not a channel name (letters, digits, _)")
        values = check.numbers(line, cells, CHANNEL_KINDS)
        if keys is not None and channel_ok:
            key = (keys[0], keys[1], channel)
            if key in first_line:
                duplicate = f"duplicate row for {keys[0]} {keys[1]} {channel}"
                check.report(line, "channel", channel, f"{duplicate} (first on line {first_line[key]})")
                continue
            first_line[key] = line
        if keys is None or values is None or not channel_ok:
            continue
        funnel_ok = True
        for before, after in itertools.pairwise(FUNNEL_ORDER):
            if values[after] > values[before]:
                check.report(line, after, values[after], f"more than {before} ({values[before]})")
                funnel_ok = False
        if funnel_ok:
            records.append({"rep_id": keys[0], "period": keys[1], "channel": channel, **values})
    return records, check.problems, check.warnings


def import_kpis(
    store: Store,
    kpis_path: Path,
    channels_path: Path | None = None,
    *,
    progress: bool = False,
    console: Console | None = None,
    progress_threshold: int = PROGRESS_THRESHOLD,
) -> ImportSummary:
    """Validate both files completely, then replace their periods in one transaction.

    Raises ImportFileError (unreadable file) or ImportValidationError (every cell problem); nothing is
    written then.
    """
    tables = [read_table(kpis_path)]
    if channels_path is not None:
        tables.append(read_table(channels_path))
    with store.session() as session:
        roster = set(session.scalars(select(Rep.rep_id)))
    total_rows = sum(len(t.rows) for t in tables)
    show = progress and total_rows > progress_threshold
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True, disable=not show,
    )
    with bar:
        task = bar.add_task("Validating", total=total_rows)

        def tick() -> None:
            bar.advance(task)

        kpi_records, problems, warnings = validate_kpis(tables[0], roster, tick if show else None)
        channel_records: list[dict[str, Any]] = []
        if len(tables) > 1:
            channel_records, more_problems, more_warnings = validate_channels(tables[1], roster,
                                                                             tick if show else None)
            problems += more_problems
            warnings += more_warnings
        if problems:
            raise ImportValidationError(problems)
        summary = ImportSummary(warnings=warnings)
        kpi_periods = sorted({r["period"] for r in kpi_records})
        channel_periods = sorted({r["period"] for r in channel_records})
        write = bar.add_task("Writing", total=len(kpi_records) + len(channel_records))
        with store.transaction() as session:
            if kpi_periods:
                summary.replaced_kpi_rows = _delete_periods(session, KpiRecord, kpi_periods)
            if len(tables) > 1 and channel_periods:
                summary.replaced_channel_rows = _delete_periods(session, ChannelRecord, channel_periods)
            for model, records in ((KpiRecord, kpi_records), (ChannelRecord, channel_records)):
                # Core insert on the table: plain executemany, without the ORM's per-row bookkeeping.
                for batch in _batches(records, 2000):
                    session.execute(insert(model.metadata.tables[model.__tablename__]), batch)
                    bar.advance(write, len(batch))
    summary.kpi_rows = len(kpi_records)
    summary.channel_rows = len(channel_records)
    summary.periods = sorted(set(kpi_periods) | set(channel_periods))
    return summary


def _delete_periods(session: Any, model: type[KpiRecord] | type[ChannelRecord], periods: list[str]) -> int:
    result = session.execute(delete(model).where(model.period.in_(periods)))
    return int(result.rowcount or 0)


def _batches(records: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(records), size):
        yield records[start : start + size]
