"""Ingest leaves the BM25 snapshot (with its dictionary table) on disk: the first question after a start
loads it instead of building it."""

from __future__ import annotations

from pathlib import Path

from fakes import HashingEmbeddings

from core.settings import Settings
from ingest.pipeline import sync_paths
from knowledge.index import KnowledgeIndex
from knowledge.lexical import LexicalIndex


def test_ingest_writes_the_lexical_snapshot_of_the_new_generation(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "warranty.md").write_text(
        "# Warranty\n\nThe AX-100 has a 24-month warranty. 保修期二十四个月。\n", encoding="utf-8"
    )
    index = KnowledgeIndex(Settings(home=tmp_path / "home"), embeddings=HashingEmbeddings())
    report = sync_paths([kb], index, progress=False)
    assert report.added == 1
    snapshot = LexicalIndex.load(index.folder, index.generation())
    assert snapshot is not None and snapshot.size >= 1
    assert "warranty" in snapshot.vocab
