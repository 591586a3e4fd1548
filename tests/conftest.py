"""Shared fixtures: every test gets its own SALESCOACH_HOME, and nothing reaches the network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point SALESCOACH_HOME at a temporary folder and drop any real Telegram token from the environment."""
    home = tmp_path / "home"
    monkeypatch.setenv("SALESCOACH_HOME", str(home))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("SALESCOACH_DATABASE_URL", raising=False)
    monkeypatch.delenv("SALESCOACH_CHROMA_URL", raising=False)
    return home
