"""Regression guard on the bundled sample KB: the lexical side alone must keep finding the labelled sections.

Fake embeddings make the dense side meaningless here, so this pins down tokenizer + chunking + BM25 + model-number
handling; the real-model numbers live in `make bench`.
"""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES

from core.messages import Request
from knowledge.answer import Answerer
from knowledge.evaluation import evaluate, load_cases
from knowledge.index import KnowledgeIndex
from knowledge.retriever import HybridRetriever


@pytest.fixture(scope="module")
def sample_index(sample_kb_index: KnowledgeIndex) -> KnowledgeIndex:
    """The sample KB indexed with fake embeddings (once per session, conftest), read only here."""
    return sample_kb_index


def test_bm25_finds_the_labelled_sections(sample_index: KnowledgeIndex) -> None:
    cases = load_cases(SAMPLES / "eval" / "retrieval.jsonl")
    report = evaluate(HybridRetriever(index=sample_index, k=5, mode="bm25"), cases, k=5)
    assert report.n >= 80
    assert report.recall_at(5) >= 0.95, [(m.case.line, m.case.question) for m in report.misses()]
    assert report.recall_at(1) >= 0.88


def test_unanswerable_questions_are_mostly_refused(sample_index: KnowledgeIndex) -> None:
    lines = (SAMPLES / "eval" / "unanswerable.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["q"] for line in lines if line.strip()]
    answerer = Answerer(sample_index.settings, retriever=HybridRetriever(index=sample_index, k=5))
    refused = sum(not answerer.answer(Request(text=q)).grounded for q in questions)
    assert refused / len(questions) >= 0.8
