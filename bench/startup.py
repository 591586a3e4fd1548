"""Cold start of the command line: `salescoach ask "<question>"` over the sample company, from a new process to its
printed answer, as a user runs it.

Measured, not estimated: one untimed start first (it writes the per-machine caches a fresh install lacks: jieba's
word table and the uncompressed copy of the model's weights, see core.jieba_dictionary and knowledge.embeddings),
then RUNS timed starts. Reported: every wall time, their median, each start's peak RSS (from the kernel's rusage of
that child), and the machine's load average before and after, since on a shared two-core machine the load moves the
figure more than anything in the code.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

TARGETS = {"cold_start_median_s": 3.0, "peak_rss_mb": 500.0}
QUESTION = "How fast must I follow up trade show leads?"
RUNS = 7
QUICK_RUNS = 3


def _salescoach() -> str:
    """The console script of the interpreter running the bench (the project's venv)."""
    script = Path(sys.executable).with_name("salescoach")
    return str(script) if script.exists() else shutil.which("salescoach") or "salescoach"


def _env() -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}


def timed_start(home: Path, question: str = QUESTION) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `salescoach ask` process, read from that child's own rusage (the
    output goes to files, so nothing but os.wait4 reaps the child)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        command = [_salescoach(), "--home", str(home), "ask", question]
        process = subprocess.Popen(command, env=_env(), stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0 or b"Sources:" not in stdout:
        raise RuntimeError(f"salescoach ask failed ({process.returncode}): {stderr.decode(errors='replace')[-2000:]}")
    return round(seconds, 2), round(usage.ru_maxrss / 1024.0, 1)


def run(quick: bool = False) -> dict[str, Any]:
    console = Console()
    runs = QUICK_RUNS if quick else RUNS
    with tempfile.TemporaryDirectory(prefix="salescoach-startup-") as tmp:
        home = Path(tmp) / "home"
        loaded = subprocess.run(
            [_salescoach(), "--home", str(home), "sample"], env=_env(), capture_output=True, text=True, check=False
        )
        if loaded.returncode != 0:
            raise RuntimeError(f"salescoach sample failed: {loaded.stderr[-2000:]}")
        first_s, first_rss = timed_start(home)  # writes the per-machine caches when they are missing
        load_before = os.getloadavg()
        starts = [timed_start(home) for _ in range(runs)]
        load_after = os.getloadavg()
    seconds = [s for s, _ in starts]
    rss = [r for _, r in starts]
    result: dict[str, Any] = {
        "question": QUESTION,
        "first_start_s": first_s,
        "first_start_peak_rss_mb": first_rss,
        "cold_start_s": seconds,
        "cold_start_median_s": round(statistics.median(seconds), 2),
        "peak_rss_mb": max(rss),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "cpus": os.cpu_count(),
        "targets": TARGETS,
    }
    result["targets_met"] = (
        result["cold_start_median_s"] <= TARGETS["cold_start_median_s"]
        and result["peak_rss_mb"] <= TARGETS["peak_rss_mb"]
    )
    table = Table(title=f"salescoach ask cold start ({runs} starts, {os.cpu_count()} CPUs)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    table.add_row("median cold start to first answer", f"{result['cold_start_median_s']} s", "<= 3.0 s")
    table.add_row("each start", ", ".join(f"{s}" for s in seconds), "")
    table.add_row("peak RSS (largest start)", f"{result['peak_rss_mb']} MB", "<= 500 MB")
    table.add_row("first start after install (writes caches)", f"{first_s} s, {first_rss} MB", "")
    table.add_row(
        "load average (1/5/15 min) before / after",
        f"{'/'.join(map(str, result['load_average_before']))} / {'/'.join(map(str, result['load_average_after']))}",
        "",
    )
    console.print(table)
    return result
