"""`make bench`: run every feature benchmark against the real code and write one JSON file.

Each bench/<feature>.py exposes `run(quick: bool = False) -> dict` and prints its own table; this runner only
collects, times and saves. `--quick` skips the largest sizes (100k chunks, 2,000-rep delivery).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

Bench = Callable[..., dict[str, Any]]


# One small function per benchmark: each imports its module only when that benchmark runs (`--only bot` never
# loads the retrieval stack), and every import is written out, so readers and the layout checks see it.
def _startup() -> Bench:
    from bench import startup

    return startup.run


def _retrieval() -> Bench:
    from bench import retrieval

    return retrieval.run


def _answers() -> Bench:
    from bench import answers

    return answers.run


def _fresh() -> Bench:
    from bench import fresh

    return fresh.run


def _authority() -> Bench:
    from bench import authority

    return authority.run


def _compliance() -> Bench:
    from bench import compliance

    return compliance.run


def _coaching() -> Bench:
    from bench import coaching

    return coaching.run


def _bot() -> Bench:
    from bench import bot

    return bot.run


def _briefings() -> Bench:
    from bench import briefings

    return briefings.run


def _web() -> Bench:
    from bench import web

    return web.run


BENCHMARKS: dict[str, Callable[[], Bench]] = {
    "startup": _startup,
    "retrieval": _retrieval,
    "answers": _answers,
    "fresh": _fresh,
    "authority": _authority,
    "compliance": _compliance,
    "coaching": _coaching,
    "bot": _bot,
    "briefings": _briefings,
    "web": _web,
}
FEATURES = tuple(BENCHMARKS)
RESULTS = Path(__file__).resolve().parent / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the largest sizes")
    parser.add_argument("--only", choices=FEATURES, action="append", help="run only these benchmarks")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    console = Console()
    results: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "quick": args.quick,
    }
    failed = []
    for name in args.only or FEATURES:
        console.rule(f"[bold]{name}")
        run = BENCHMARKS[name]()
        started = time.perf_counter()
        results[name] = run(quick=args.quick)
        results[name]["bench_seconds"] = round(time.perf_counter() - started, 2)
        if results[name].get("targets_met") is False:
            failed.append(name)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / ("latest-quick.json" if args.quick else "latest.json")
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    table = Table(title="Benchmark summary")
    table.add_column("benchmark")
    table.add_column("seconds", justify="right")
    table.add_column("targets met")
    for name in args.only or FEATURES:
        met = results[name].get("targets_met")
        table.add_row(name, str(results[name]["bench_seconds"]), "n/a" if met is None else ("yes" if met else "NO"))
    console.print(table)
    console.print(f"results written to {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
