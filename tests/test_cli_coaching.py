"""`salescoach kpi import`, `coach` and `team` through the real typer app: output, JSON, exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from coaching import synthetic
from core.settings import Settings
from core.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
runner = CliRunner()


@pytest.fixture
def sample_roster() -> None:
    """The sample roster, inserted directly (not through the roster importer)."""
    rows = list(csv.DictReader((SAMPLES / "roster.csv").open(encoding="utf-8")))
    store = Store.from_settings(Settings())
    synthetic.add_roster(
        store, [synthetic.RepSpec(r["rep_id"], r["name"], r["role"], r["manager_id"] or None) for r in rows]
    )
    store.dispose()


@pytest.fixture
def imported(sample_roster: None) -> None:
    result = runner.invoke(
        app, ["kpi", "import", str(SAMPLES / "kpis.csv"), "--channels", str(SAMPLES / "channels.csv")]
    )
    assert result.exit_code == 0, result.output


def test_import_reports_rows_and_periods(sample_roster: None) -> None:
    result = runner.invoke(
        app, ["kpi", "import", str(SAMPLES / "kpis.csv"), "--channels", str(SAMPLES / "channels.csv")]
    )
    assert result.exit_code == 0, result.output
    assert "imported 35 KPI rows and 175 channel rows for 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4" in result.stdout
    again = runner.invoke(app, ["kpi", "import", str(SAMPLES / "kpis.csv")])
    assert "(replaced 35 KPI and 0 channel rows)" in again.stdout


def test_import_problems_exit_1_with_one_line_each(sample_roster: None, tmp_path: Path) -> None:
    lines = (SAMPLES / "kpis.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("S001", "S404", 1)
    bad = tmp_path / "kpis.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["kpi", "import", str(bad)])
    assert result.exit_code == 1
    assert "kpis.csv: line 4: rep_id: S404: not on the roster" in result.stderr
    assert "1 problem(s) found; nothing imported" in result.stderr
    missing = runner.invoke(app, ["kpi", "import", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2 and "nope.csv: no such file" in missing.stderr


def test_coach_json_contract(imported: None) -> None:
    result = runner.invoke(app, ["coach", "S003", "--json", "--no-sources"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rep_id"] == "S003" and data["period"] == "2026-Q4"
    assert set(data) == {"rep_id", "period", "metrics", "benchmarks", "findings"}
    first = data["findings"][0]
    assert (first["kpi"], first["severity"]) == ("cac", "high")
    assert "paid_search" not in first["recommended_channels"] and first["recommended_channels"]
    assert first["sources"] == [] and first["stage"] is None


def test_coach_text_and_chart(imported: None, tmp_path: Path) -> None:
    chart = tmp_path / "s005.png"
    result = runner.invoke(
        app, ["coach", "S005", "--period", "2026-q3", "--chart", str(chart), "--no-sources"]
    )
    assert result.exit_code == 0, result.output
    assert "Zhou Jie (S005), 2026-Q3" in result.stdout
    assert "collection_rate" in result.stdout and "HIGH" in result.stdout
    assert chart.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["coach", "S999"], "unknown rep id 'S999'"),
        (["coach", "S001", "--period", "2025-Q4"], "available periods: 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4"),
        (["coach", "S001", "--period", "last"], "not YYYY-Qn"),
        (["coach", "M001"], "no KPI data for M001"),
        (["team", "S404"], "unknown rep id 'S404'"),
        (["team", "S001"], "S001 has no reports"),
    ],
    ids=[
        "unknown-rep",
        "no-data-period",
        "bad-period",
        "manager-without-kpis",
        "unknown-manager",
        "no-reports",
    ],
)
def test_clear_errors_exit_2(imported: None, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--no-sources"])
    assert result.exit_code == 2
    assert message in result.stderr


def test_team_json_and_chart(imported: None, tmp_path: Path) -> None:
    chart = tmp_path / "team.png"
    result = runner.invoke(app, ["team", "M001", "--json", "--no-sources", "--chart", str(chart)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [m["rep_id"] for m in data["members"]] == ["S001", "S002", "S003", "S004", "S005"]
    assert len(data["priorities"]) == 3
    flags = {m["rep_id"]: m["flags"] for m in data["members"]}
    assert flags["S003"]["cac"] == "high" and flags["S005"]["collection_rate"] == "high"
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_team_text_lists_priorities(imported: None) -> None:
    result = runner.invoke(app, ["team", "D001", "--no-sources"])
    assert result.exit_code == 0, result.output
    assert "Top coaching priorities" in result.stdout
    assert "No data for 2026-Q4: M001, M002" in result.stdout


def test_tuned_rules_file_changes_findings(imported: None, tmp_path: Path) -> None:
    from coaching.rules import default_rules_text

    strict = tmp_path / "rules.yaml"
    # Sales ops lower the bar for "high": every off-quartile KPI becomes high.
    text = default_rules_text().replace("  high: 0.35\n  medium: 0.15\n", "  high: 0.0\n  medium: 0.0\n", 1)
    strict.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["coach", "S002", "--json", "--no-sources", "--rules", str(strict)])
    assert result.exit_code == 0, result.output
    default = json.loads(runner.invoke(app, ["coach", "S002", "--json", "--no-sources"]).stdout)
    tuned = json.loads(result.stdout)
    assert [f["kpi"] for f in tuned["findings"] if f["severity"] == "high"]
    assert not [f for f in default["findings"] if f["severity"] == "high"]
    broken = tmp_path / "broken.yaml"
    broken.write_text(default_rules_text().replace("direction: higher", "direction: up", 1), encoding="utf-8")
    bad = runner.invoke(app, ["team", "M001", "--no-sources", "--rules", str(broken)])
    assert bad.exit_code == 1 and "kpis.sales_attainment.direction" in bad.stderr
