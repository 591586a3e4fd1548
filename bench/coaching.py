"""Coaching benchmark: import throughput through the real importer, and report times at company scale.

The data set is coaching/synthetic.py's seeded generator: 100 teams of 10 reps (1,000 reps) under one
director, 8 quarters, 5 channels per rep per quarter (8,000 KPI rows, 40,000 channel rows), written to CSV and
imported with `import_kpis` exactly as `salescoach kpi import` does. Then: the director's whole-company team
report for the latest quarter (target under 5 s), one manager's team report, and single-rep coaching.
Planted-problem recall over all 100 teams is reported too, so speed is never bought with wrong answers.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from coaching import synthetic
from coaching.coach import Coach
from coaching.importer import import_kpis
from core.settings import Settings
from core.store import Store

TEAM_REPORT_TARGET_S = 5.0


def run(quick: bool = False) -> dict[str, Any]:
    """Measure and print; `quick` uses 20 teams (200 reps) instead of 100."""
    teams = 20 if quick else 100
    periods = 8
    with tempfile.TemporaryDirectory(prefix="salescoach-bench-coaching-") as tmp:
        home = Path(tmp)
        settings = Settings(home=home)
        store = Store(f"sqlite:///{home / 'bench.db'}")
        try:
            started = time.perf_counter()
            data = synthetic.generate(teams=teams, team_size=10, periods=periods, seed=11)
            generate_s = time.perf_counter() - started
            synthetic.add_roster(store, data.reps)
            kpis, channels = synthetic.write_csv(data, home / "csv")
            rows = len(data.kpi_rows) + len(data.channel_rows)

            started = time.perf_counter()
            summary = import_kpis(store, kpis, channels)
            import_s = time.perf_counter() - started
            started = time.perf_counter()
            import_kpis(store, kpis, channels)  # re-import: every period replaced
            reimport_s = time.perf_counter() - started

            coach = Coach(settings, store=store)
            started = time.perf_counter()
            company = coach.team_report("GD1")
            company_s = time.perf_counter() - started
            started = time.perf_counter()
            team = coach.team_report("GM001")
            team_s = time.perf_counter() - started

            sample = [rep for rep in data.planted][: 10 if quick else 50]
            rep_times = []
            for rep_id in sample:
                started = time.perf_counter()
                coach.coach_rep(rep_id)
                rep_times.append(time.perf_counter() - started)

            found = total = healthy_high = 0
            flags = {m.rep_id: m.flags for m in company.members}
            for rep_id, problem in data.planted.items():
                if problem == "healthy":
                    healthy_high += any(s == "high" for s in flags[rep_id].values())
                if problem not in synthetic.EXPECTED_FINDING:
                    continue
                kpi, stage = synthetic.EXPECTED_FINDING[problem]
                key = f"stage_conversion.{stage}" if stage else kpi
                total += 1
                found += flags[rep_id].get(key) in ("high", "medium")
        finally:
            store.dispose()

    result: dict[str, Any] = {
        "reps": len(data.planted),
        "periods": periods,
        "kpi_rows": summary.kpi_rows,
        "channel_rows": summary.channel_rows,
        "generate_s": round(generate_s, 3),
        "import_s": round(import_s, 3),
        "import_rows_per_s": round(rows / import_s),
        "reimport_s": round(reimport_s, 3),
        "company_team_report_s": round(company_s, 3),
        "company_team_report_members": len(company.members),
        "manager_team_report_s": round(team_s, 3),
        "coach_rep_median_ms": round(statistics.median(rep_times) * 1000, 1),
        "coach_rep_max_ms": round(max(rep_times) * 1000, 1),
        "planted_recall": round(found / total, 4) if total else None,
        "healthy_with_high_finding": healthy_high,
        "team_report_target_s": TEAM_REPORT_TARGET_S,
        "targets_met": company_s < TEAM_REPORT_TARGET_S and found == total and healthy_high == 0,
    }
    _print(result, len(team.members))
    return result


def _print(result: dict[str, Any], team_members: int) -> None:
    table = Table(title=f"Coaching: {result['reps']:,} reps x {result['periods']} quarters")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("import (KPI + channel rows)", f"{result['kpi_rows'] + result['channel_rows']:,} rows")
    table.add_row("import time / throughput", f"{result['import_s']} s / {result['import_rows_per_s']:,} rows/s")
    table.add_row("re-import (periods replaced)", f"{result['reimport_s']} s")
    table.add_row(
        f"whole-company team report ({result['company_team_report_members']} reps)",
        f"{result['company_team_report_s']} s (target < {result['team_report_target_s']} s)",
    )
    table.add_row(f"one manager's team report ({team_members} reps)", f"{result['manager_team_report_s']} s")
    table.add_row("coach one rep (median / max)", f"{result['coach_rep_median_ms']} / {result['coach_rep_max_ms']} ms")
    table.add_row("planted problems found (high/medium)", f"{result['planted_recall']:.1%}")
    table.add_row("healthy reps with a high finding", str(result["healthy_with_high_finding"]))
    Console().print(table)


if __name__ == "__main__":
    run()
