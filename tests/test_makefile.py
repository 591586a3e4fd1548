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
    env = {k: v for k, v in os.environ.items() if k not in ("AS", "TELEGRAM_BOT_TOKEN")}
    done = subprocess.run(["make", "-n", "run", *args], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def test_make_run_chats_anonymously_by_default() -> None:
    last = _dry_run().strip().splitlines()[-1]
    assert "salescoach chat ;" in last and "--as" not in last  # not make's built-in AS=as


def test_make_run_as_a_rep() -> None:
    assert "salescoach chat --as S003;" in _dry_run("AS=S003")
