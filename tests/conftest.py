"""Shared fixtures: every test gets its own SALESCOACH_HOME, and nothing reaches the network."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


@contextmanager
def building_home(path: Path) -> Iterator[Path]:
    """SALESCOACH_HOME pointed at `path` while a module- or session-scoped fixture builds a template home there
    (the per-test `_isolated_home` is not active at those scopes)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SALESCOACH_HOME", str(path))
        yield path


def copy_home(template: Path, home: Path) -> Path:
    """A test's own copy of a home built once per module: the same roster, KPIs and knowledge base without
    building them again for every test. At a new path, so Chroma opens the copy as a store of its own (the
    read-only door copies its vector folder the same way)."""
    shutil.copytree(template, home, copy_function=shutil.copyfile)
    return home


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point SALESCOACH_HOME at a temporary folder and drop any real Telegram token from the environment."""
    home = tmp_path / "home"
    monkeypatch.setenv("SALESCOACH_HOME", str(home))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("SALESCOACH_DATABASE_URL", raising=False)
    monkeypatch.delenv("SALESCOACH_CHROMA_URL", raising=False)
    return home


@pytest.fixture(scope="session")
def sample_kb_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The sample knowledge base indexed once per session with fake embeddings, for the modules that only read it
    (each used to index the same 18 files again)."""
    from fakes import HashingEmbeddings

    from core.settings import Settings
    from ingest.pipeline import sync_paths
    from knowledge.index import KnowledgeIndex

    index = KnowledgeIndex(Settings(home=tmp_path_factory.mktemp("sample-kb")), embeddings=HashingEmbeddings())
    report = sync_paths([SAMPLES / "kb"], index, progress=False)
    assert report.failed == 0, report.summary()
    return index


@pytest.fixture(autouse=True, scope="session")
def _one_translation_table_per_vocabulary() -> Iterator[None]:
    """Tests rebuild the same small knowledge bases hundreds of times, and every BM25 build scans all of CC-CEDICT
    for the vocabulary's translations (~1 s). The table depends on the vocabulary alone, so each distinct vocabulary
    is translated once per session (by the real function) and every build gets its own copy. Tests of the function
    itself import it directly and still call it."""
    from knowledge import dictionary

    translate = dictionary.translation_table
    tables: dict[frozenset[str], dict[str, list[str]]] = {}

    def remembered(vocabulary: Iterable[str]) -> dict[str, list[str]]:
        key = frozenset(vocabulary)
        if key not in tables:
            tables[key] = translate(key)
        return {word: list(words) for word, words in tables[key].items()}

    patch = pytest.MonkeyPatch()
    patch.setattr(dictionary, "translation_table", remembered)
    yield
    patch.undo()


@pytest.fixture(scope="session")
def checker() -> Any:
    """The compliance checker over the shipped rules, built once: it holds no state between checks."""
    from compliance.checker import ComplianceChecker
    from compliance.rules import load_rules

    return ComplianceChecker(load_rules())
