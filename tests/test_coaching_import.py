"""KPI import: every problem reported with its line, nothing written on error, periods replaced whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_coaching import settings, store  # noqa: F401
from openpyxl import Workbook
from sqlalchemy import select

from coaching import synthetic
from coaching.importer import ImportFileError, ImportValidationError, import_kpis
from coaching.records import CHANNEL_COLUMNS, KPI_COLUMNS, ChannelRecord, KpiRecord
from core.store import Store

KPI_HEADER = ",".join(KPI_COLUMNS)
CHANNEL_HEADER = ",".join(CHANNEL_COLUMNS)
GOOD_S001 = "S001,2026-Q1,900000,1000000,850000,800000,50000,12.5,12.0,10,60,30,4.4,2,16"
GOOD_S002 = "S002,2026-Q1,1100000,1000000,1000000,950000,20000,9.0,8.5,12,70,40,4.1,1,20"


@pytest.fixture
def roster_store(store: Store) -> Store:  # noqa: F811
    synthetic.add_roster(
        store,
        [
            synthetic.RepSpec("M001", "Manager", "manager", None),
            synthetic.RepSpec("S001", "Rep One", "senior", "M001"),
            synthetic.RepSpec("S002", "Rep Two", "junior", "M001"),
        ],
    )
    return store


def write(tmp_path: Path, name: str, *lines: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def kpi_rows(db: Store) -> list[tuple[str, str, float]]:
    columns = (KpiRecord.rep_id, KpiRecord.period, KpiRecord.sales_amount)
    with db.session() as session:
        return sorted(tuple(row) for row in session.execute(select(*columns)).all())


def channel_count(db: Store) -> int:
    with db.session() as session:
        return len(session.scalars(select(ChannelRecord.id)).all())


def test_valid_files_import_and_summarise(roster_store: Store, tmp_path: Path) -> None:
    kpis = write(tmp_path, "kpis.csv", KPI_HEADER, GOOD_S001, GOOD_S002)
    channels = write(
        tmp_path,
        "channels.csv",
        CHANNEL_HEADER,
        "S001,2026-Q1,paid_search,8000,100,30,10,2,40000",
        "S001,2026-Q1,Distributors,3000,40,20,10,4,80000",
    )
    summary = import_kpis(roster_store, kpis, channels)
    assert (summary.kpi_rows, summary.channel_rows, summary.periods) == (2, 2, ["2026-Q1"])
    assert kpi_rows(roster_store) == [("S001", "2026-Q1", 900000.0), ("S002", "2026-Q1", 1100000.0)]
    with roster_store.session() as session:
        assert sorted(session.scalars(select(ChannelRecord.channel))) == ["distributors", "paid_search"]


def test_every_problem_listed_with_line_nothing_imported(roster_store: Store, tmp_path: Path) -> None:
    kpis = write(
        tmp_path,
        "kpis.csv",
        KPI_HEADER,
        GOOD_S001,
        "S999,2026-Q5,abc,1000000,-5,800000,50000,120,12.0,10.5,60,30,6,2,16",
        GOOD_S001,
        "S002,2026-Q1,1,1,1,1,1,1,1,1,10,11,4,1,1",
    )
    channels = write(
        tmp_path,
        "channels.csv",
        CHANNEL_HEADER,
        "S001,2026-Q1,paid_search,8000,100,30,40,2,40000",
        "S002,2026-Q1,,1,1,1,1,1,1",
    )
    with pytest.raises(ImportValidationError) as caught:
        import_kpis(roster_store, kpis, channels)
    assert caught.value.problems == [
        "kpis.csv: line 3: rep_id: S999: not on the roster",
        "kpis.csv: line 3: period: 2026-Q5: not a period (use YYYY-Qn like 2026-Q3 or YYYY-MM)",
        "kpis.csv: line 3: sales_amount: abc: not a number",
        "kpis.csv: line 3: billed_amount: -5: must be >= 0",
        "kpis.csv: line 3: market_share_pct: 120: must be between 0 and 100",
        "kpis.csv: line 3: new_customers: 10.5: must be a whole number",
        "kpis.csv: line 3: csat: 6: must be between 1 and 5",
        "kpis.csv: line 4: rep_id: S001: duplicate row for S001 2026-Q1 (first on line 2)",
        "kpis.csv: line 5: repeat_customers: 11: more than active_customers (10)",
        "channels.csv: line 2: proposals: 40: more than qualified (30)",
        "channels.csv: line 3: channel: : missing value",
    ]
    assert kpi_rows(roster_store) == []
    assert channel_count(roster_store) == 0


def test_header_problems_name_the_columns(roster_store: Store, tmp_path: Path) -> None:
    header = KPI_HEADER.replace(",csat", ",satisfaction")
    kpis = write(tmp_path, "kpis.csv", header, GOOD_S001)
    with pytest.raises(ImportValidationError) as caught:
        import_kpis(roster_store, kpis)
    assert caught.value.problems[0].startswith("kpis.csv: line 1: header: satisfaction: unknown column")
    assert caught.value.problems[1] == "kpis.csv: line 1: header: csat: missing column"


def test_error_leaves_earlier_data_untouched(roster_store: Store, tmp_path: Path) -> None:
    import_kpis(roster_store, write(tmp_path, "a.csv", KPI_HEADER, GOOD_S001))
    bad = write(tmp_path, "b.csv", KPI_HEADER, GOOD_S002.replace("4.1", "0"))
    with pytest.raises(ImportValidationError, match=r"b.csv: line 2: csat: 0: must be between 1 and 5"):
        import_kpis(roster_store, bad)
    assert kpi_rows(roster_store) == [("S001", "2026-Q1", 900000.0)]


def test_reimport_replaces_the_whole_period_only(roster_store: Store, tmp_path: Path) -> None:
    q2 = GOOD_S001.replace("2026-Q1", "2026-Q2").replace("900000", "950000")
    import_kpis(roster_store, write(tmp_path, "a.csv", KPI_HEADER, GOOD_S001, GOOD_S002, q2))
    again = GOOD_S001.replace("900000", "777000")
    summary = import_kpis(roster_store, write(tmp_path, "b.csv", KPI_HEADER, again))
    assert summary.replaced_kpi_rows == 2
    # S002 is absent from the new 2026-Q1 file, so 2026-Q1 no longer has a row for them; 2026-Q2 is untouched.
    assert kpi_rows(roster_store) == [("S001", "2026-Q1", 777000.0), ("S001", "2026-Q2", 950000.0)]


def test_kpi_only_reimport_keeps_channel_rows(roster_store: Store, tmp_path: Path) -> None:
    channels = write(tmp_path, "c.csv", CHANNEL_HEADER, "S001,2026-Q1,referrals,100,10,5,2,1,1000")
    import_kpis(roster_store, write(tmp_path, "a.csv", KPI_HEADER, GOOD_S001), channels)
    import_kpis(roster_store, write(tmp_path, "b.csv", KPI_HEADER, GOOD_S001))
    assert channel_count(roster_store) == 1


def test_collected_above_billed_is_a_warning_not_an_error(roster_store: Store, tmp_path: Path) -> None:
    row = GOOD_S001.replace("850000,800000", "850000,900000")
    summary = import_kpis(roster_store, write(tmp_path, "k.csv", KPI_HEADER, row))
    assert summary.kpi_rows == 1
    assert summary.warnings == [
        "k.csv: line 2: collected_amount: 900000: more than billed_amount (850000); "
        "taken as older invoices paid"
    ]


def test_monthly_periods_are_normalised(roster_store: Store, tmp_path: Path) -> None:
    row = GOOD_S001.replace("2026-Q1", "2026-9")
    with pytest.raises(ImportValidationError, match="period: 2026-9: not a period"):
        import_kpis(roster_store, write(tmp_path, "k.csv", KPI_HEADER, row))
    lower = GOOD_S001.replace("2026-Q1", "2026-q3")
    summary = import_kpis(roster_store, write(tmp_path, "k2.csv", KPI_HEADER, lower))
    assert summary.periods == ["2026-Q3"]


def test_xlsx_lines_are_sheet_rows(roster_store: Store, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(KPI_COLUMNS))
    sheet.append(GOOD_S001.split(","))
    sheet.append([])  # a blank row keeps its number: the next row is sheet row 4
    bad = GOOD_S002.split(",")
    bad[2] = "lots"
    sheet.append(bad)
    path = tmp_path / "kpis.xlsx"
    book.save(path)
    with pytest.raises(ImportValidationError) as caught:
        import_kpis(roster_store, path)
    assert caught.value.problems == ["kpis.xlsx: line 4: sales_amount: lots: not a number"]

    numeric = Workbook()
    ws = numeric.active
    ws.append(list(KPI_COLUMNS))
    ws.append(["S001", "2026-Q1", 900000, 1000000, 850000, 800000, 50000, 12.5, 12, 10, 60, 30, 4.4, 2, 16])
    numeric_path = tmp_path / "numeric.xlsx"
    numeric.save(numeric_path)
    assert import_kpis(roster_store, numeric_path).kpi_rows == 1
    assert kpi_rows(roster_store) == [("S001", "2026-Q1", 900000.0)]


def test_unreadable_files_give_one_line(roster_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"missing\.csv: file not found"):
        import_kpis(roster_store, tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(KPI_HEADER.encode() + b"\nS001,\xe9\n")
    with pytest.raises(ImportFileError, match=r"latin.csv: not UTF-8 text \(byte \d+\)"):
        import_kpis(roster_store, latin)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    with pytest.raises(ImportFileError, match=r"fake\.xlsx: not a readable \.xlsx workbook"):
        import_kpis(roster_store, fake)


def test_large_generated_files_import_with_progress(store: Store, tmp_path: Path) -> None:  # noqa: F811
    from io import StringIO

    from rich.console import Console

    data = synthetic.generate(teams=3, team_size=10, periods=8)
    synthetic.add_roster(store, data.reps)
    kpis, channels = synthetic.write_csv(data, tmp_path)
    out = StringIO()
    summary = import_kpis(
        store, kpis, channels, progress=True, console=Console(file=out), progress_threshold=100
    )
    assert (summary.kpi_rows, summary.channel_rows) == (240, 1200)
    assert len(summary.periods) == 8


def test_row_with_more_cells_than_header_is_rejected(roster_store: Store, tmp_path: Path) -> None:
    kpis = write(tmp_path, "k.csv", KPI_HEADER, GOOD_S001 + ",oops")
    with pytest.raises(ImportValidationError) as caught:
        import_kpis(roster_store, kpis)
    assert caught.value.problems == ["k.csv: line 2: row: oops: more cells than the header's 15 columns"]
