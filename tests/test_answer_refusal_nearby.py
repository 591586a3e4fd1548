"""A refusal names what the documents cover nearby (document and section) and who to ask, never quoting it."""

from __future__ import annotations

from datetime import date

from fixtures_knowledge import PRODUCTS, load, make_doc, new_index

from core.messages import Request
from core.settings import Settings
from knowledge.answer import Answerer
from knowledge.retriever import HybridRetriever


def _answerer() -> Answerer:
    ax200 = make_doc("/kb/products/ax-200.md", "AX-200 Large-Room Purifier", [("Warranty", "Two years, parts.")])
    index = load(new_index(), *PRODUCTS, ax200)
    return Answerer(Settings(), retriever=HybridRetriever(index=index, k=3), today=lambda: date(2026, 11, 27))


def test_an_undocumented_model_is_refused_naming_the_documented_neighbour() -> None:
    reply = _answerer().answer(Request(text="What is the warranty on the AX-400?"))
    assert not reply.grounded
    assert "not the AX-400's" in reply.answer
    assert "The documents give the AX-" in reply.answer and "› Warranty" in reply.answer
    assert "sales-ops@example.com" in reply.answer
    assert "Two years, parts" not in reply.answer  # a refusal quotes nothing


def test_chinese_refusal_names_the_neighbour_in_chinese() -> None:
    reply = _answerer().answer(Request(text="AX-400的保修期是多久？"))
    assert not reply.grounded
    assert "没有AX-400的" in reply.answer
    assert "销售运营部" in reply.answer


def test_an_off_topic_question_names_no_neighbour() -> None:
    reply = _answerer().answer(Request(text="What is the wifi password for the Paris office?"))
    assert not reply.grounded
    assert "closest" not in reply.answer and "give the" not in reply.answer
