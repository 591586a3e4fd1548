"""`make run` is the README's first command: what it would run, read with `make -n` (nothing is executed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _dry_run(*args: str) -> str:
    # Run as if from a shell: under `make test` the parent's MAKEFLAGS/MAKELEVEL would add directory lines.
    dropped = ("AS", "TELEGRAM_BOT_TOKEN", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    command = ["make", "--no-print-directory", "-n", "run", *args]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=True)
    return next(line for line in done.stdout.splitlines() if "salescoach chat" in line)


def test_make_run_chats_anonymously_by_default() -> None:
    line = _dry_run()
    assert "salescoach chat ;" in line and "--as" not in line  # not make's built-in AS=as


def test_make_run_as_a_rep() -> None:
    assert "salescoach chat --as S003;" in _dry_run("AS=S003")
