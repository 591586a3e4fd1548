"""Fixtures for the authority tests: a fresh SQL store, and one loaded with the sample roster and policy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from authority.policy import import_policy
from core.store import Store
from workflows.roster_import import import_roster

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_ROSTER = SAMPLES / "roster.csv"
SAMPLE_POLICY = SAMPLES / "policy.yaml"
HEADER = "rep_id,name,role,manager_id,telegram_user_id,region,channel,hire_date"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty SQLite store of its own."""
    created = Store(f"sqlite:///{tmp_path / 'authority.db'}")
    yield created
    created.dispose()


@pytest.fixture
def loaded_store(store: Store) -> Store:
    """The store with samples/policy.yaml and samples/roster.csv imported."""
    import_policy(store, SAMPLE_POLICY)
    import_roster(store, SAMPLE_ROSTER)
    return store


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


@pytest.fixture(scope="module")
def shared_loaded_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One loaded store for a module of read-mostly cases (the labelled set): a fresh one costs ~0.3 s."""
    created = Store(f"sqlite:///{tmp_path_factory.mktemp('authority') / 'shared.db'}")
    import_policy(created, SAMPLE_POLICY)
    import_roster(created, SAMPLE_ROSTER)
    yield created
    created.dispose()
