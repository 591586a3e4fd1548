"""Fixtures shared by briefing and onboarding tests: a store with the sample roster, a hand-moved clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.settings import Settings
from core.store import Store
from workflows.roster_import import import_roster
from workflows.services import Services

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@dataclass
class ManualClock:
    """A naive-UTC clock tests advance explicitly, so reminder times are deterministic."""

    now: datetime = field(default_factory=lambda: datetime(2026, 11, 20, 8, 0, 0))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


@dataclass
class IngestRecorder:
    """Stands in for the knowledge ingest: remembers which files were ingested, can be told to fail."""

    files: list[Path] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    fail_with: Exception | None = None

    def __call__(self, path: Path) -> int:
        if self.fail_with is not None:
            raise self.fail_with
        self.files.append(path)
        self.texts.append(path.read_text(encoding="utf-8"))
        return 1


@pytest.fixture
def roster_store(tmp_path: Path) -> Store:
    """A fresh SQLite store holding the sample roster (D001 > M001, M002 > S001..S010)."""
    store = Store(f"sqlite:///{tmp_path / 'test.db'}")
    import_roster(store, SAMPLES / "roster.csv")
    return store


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


KB_FILES = (
    "sales-duty-manual.md",
    "sales-duty-manual-zh.md",
    "pricing-authority-policy.md",
    "pricing-authority-policy-zh.md",
)


def kb_services(home: Path, files: tuple[str, ...] = KB_FILES) -> Services:
    """Services over a fresh home with deterministic fake embeddings, the sample roster and some KB files."""
    from fakes import HashingEmbeddings

    from ingest.pipeline import ingest_file

    services = Services(Settings(home=home), embeddings=HashingEmbeddings())
    import_roster(services.store, SAMPLES / "roster.csv")
    for name in files:
        ingest_file(SAMPLES / "kb" / name, services.index)
    return services
