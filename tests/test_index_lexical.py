"""BM25 over sparse postings: scores match a plain-loop Okapi reference, filters and snapshots behave."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from knowledge.lexical import LexicalIndex, query_terms

DOCS = {
    "d0": ["ax-100", "warranty", "two", "years"],
    "d1": ["ax-100", "pro", "warranty", "three", "years", "pro"],
    "d2": ["invoice", "overdue", "escalate", "manager"],
    "d3": ["逾期", "上报", "经理", "逾期"],
}


def reference_bm25(query: list[str], k1: float = 1.2, b: float = 0.75) -> dict[str, float]:
    """Textbook Okapi BM25 with the Lucene idf, written as plainly as possible."""
    n = len(DOCS)
    avgdl = sum(len(d) for d in DOCS.values()) / n
    scores = {}
    for name, doc in DOCS.items():
        total = 0.0
        for term in query:
            df = sum(term in d for d in DOCS.values())
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            tf = doc.count(term)
            total += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(doc) / avgdl))
        scores[name] = total
    return scores


@pytest.fixture
def lexical() -> LexicalIndex:
    audiences = {"d2": "manager,director"}
    return LexicalIndex.build(((cid, toks, audiences.get(cid, "")) for cid, toks in DOCS.items()), generation=3)


@pytest.mark.parametrize(
    "query",
    [["warranty"], ["ax-100", "pro"], ["逾期", "经理"], ["missing"]],
    ids=["one-term", "two-terms", "chinese", "unknown"],
)
def test_scores_match_reference(lexical: LexicalIndex, query: list[str]) -> None:
    expected = reference_bm25(query)
    got = lexical.scores(query)
    for name, value in expected.items():
        assert got[lexical.row_of[name]] == pytest.approx(value, rel=1e-5)


def test_search_orders_by_score_and_skips_zero(lexical: LexicalIndex) -> None:
    hits = lexical.search(["pro", "warranty"], 10)
    assert [lexical.chunk_ids[row] for row, _ in hits] == ["d1", "d0"]


def test_audience_mask(lexical: LexicalIndex) -> None:
    assert lexical.search(["manager"], 5, lexical.allowed_mask(None)) == []
    assert lexical.search(["manager"], 5, lexical.allowed_mask("rep")) == []
    assert [lexical.chunk_ids[r] for r, _ in lexical.search(["manager"], 5, lexical.allowed_mask("Manager"))] == ["d2"]


def test_coverage_is_idf_weighted_share_of_query_terms(lexical: LexicalIndex) -> None:
    row = lexical.row_of["d0"]
    assert lexical.coverage(["ax-100", "warranty"], row) == 1.0
    partial = lexical.coverage(["ax-100", "unknownword"], row)
    assert 0.0 < partial < 0.5  # the unknown word weighs more than a common one


def test_query_terms_dedupe_and_drop_punctuation() -> None:
    assert query_terms(["K7", "k7", "?", "lite", "，"]) == ["k7", "lite"]


def test_snapshot_round_trip_and_generation_check(lexical: LexicalIndex, tmp_path: Path) -> None:
    lexical.save(tmp_path)
    loaded = LexicalIndex.load(tmp_path, generation=3)
    assert loaded is not None
    assert loaded.chunk_ids == lexical.chunk_ids and loaded.vocab == lexical.vocab
    assert np.allclose(loaded.scores(["warranty"]), lexical.scores(["warranty"]))
    assert LexicalIndex.load(tmp_path, generation=4) is None  # stale snapshot: caller rebuilds
    good = (tmp_path / "bm25.npz").read_bytes()
    for damaged in (b"garbage", good[: len(good) // 2]):
        (tmp_path / "bm25.npz").write_bytes(damaged)
        assert LexicalIndex.load(tmp_path, generation=3) is None  # a damaged snapshot is only a cache
