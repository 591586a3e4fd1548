"""Answer composition: extractive with numbered citations, refusals, stale warnings, LLM mode + fallback."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from fakes import FailingChatModel
from fixtures_knowledge import MANUAL_EN, MANUAL_ZH, PLAYBOOK, PRODUCTS, STALE, load, make_doc, new_index
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from knowledge.answer import Answerer
from knowledge.index import KnowledgeIndex
from knowledge.messages import RepInfo, Request
from knowledge.retriever import HybridRetriever
from knowledge.settings import Settings

MANAGER = RepInfo(rep_id="M001", name="Wang Li", role="manager")
REP = RepInfo(rep_id="S001", name="Zhao Min", role="rep")


@pytest.fixture
def index() -> KnowledgeIndex:
    return load(new_index(), *PRODUCTS, MANUAL_EN, MANUAL_ZH, PLAYBOOK, STALE)


def _answerer(index: KnowledgeIndex, **kwargs: object) -> Answerer:
    settings = Settings(**{k: v for k, v in kwargs.items() if k != "chat_model"})  # type: ignore[arg-type]
    return Answerer(
        settings,
        retriever=HybridRetriever(index=index, k=5),
        chat_model=kwargs.get("chat_model"),  # type: ignore[arg-type]
        today=lambda: date(2026, 11, 27),
    )


def test_extractive_answer_quotes_sentences_with_citation_numbers(index: KnowledgeIndex) -> None:
    reply = _answerer(index).answer(Request(text="When do I escalate an overdue payment to my manager?"))
    assert reply.grounded
    assert "At 30 days overdue, escalate to your manager. [1]" in reply.answer
    first = reply.citations[0]
    assert first.source == "/kb/sales-duty-manual.md"
    assert first.section == "Sales Duty Manual > Collections"
    assert first.version == "3.2"
    assert first.title == "Sales Duty Manual"
    assert not first.stale
    assert first.snippet.startswith("Invoices are due")
    assert reply.language == "en"


def test_citations_are_unique_per_source_and_section(index: KnowledgeIndex) -> None:
    meta, chunks = make_doc(
        "/kb/long.md",
        "Long Manual",
        [
            ("Returns", "Returns are accepted within 7 days of delivery."),
            ("Returns", "Returns need the original box."),
        ],
    )
    index.replace_document(meta, chunks)
    reply = _answerer(index).answer(Request(text="Are returns accepted after delivery with the original box?"))
    keys = [(c.source, c.section) for c in reply.citations]
    assert len(keys) == len(set(keys))
    assert ("/kb/long.md", "Long Manual > Returns") in keys


def test_below_threshold_is_not_grounded_and_points_to_a_person(index: KnowledgeIndex) -> None:
    reply = _answerer(index).answer(Request(text="What is the wifi password for the Paris office?"))
    assert not reply.grounded
    assert reply.citations == []
    assert "don't cover" in reply.answer
    assert "sales-ops@example.com" in reply.answer


def test_not_covered_in_chinese_for_a_chinese_question(index: KnowledgeIndex) -> None:
    reply = _answerer(index).answer(Request(text="公司年会在哪个酒店举办？"))
    assert not reply.grounded
    assert reply.language == "zh"
    assert "没有涉及" in reply.answer
    assert "销售运营部" in reply.answer


def test_threshold_comes_from_settings(index: KnowledgeIndex) -> None:
    question = Request(text="When do I escalate an overdue payment to my manager?")
    assert not _answerer(index, relevance_threshold=1.01).answer(question).grounded


def test_chinese_question_gets_chinese_passage_first(index: KnowledgeIndex) -> None:
    reply = _answerer(index).answer(Request(text="逾期30天怎么办？"))
    assert reply.grounded
    assert reply.language == "zh"
    assert reply.citations[0].source == "/kb/sales-duty-manual-zh.md"
    assert "上报经理" in reply.answer
    assert "[1]" in reply.answer


def test_stale_document_is_flagged_in_citation_warning_and_text(index: KnowledgeIndex) -> None:
    reply = _answerer(index).answer(Request(text="What did the spring campaign include with purifier orders?"))
    stale = [c for c in reply.citations if c.stale]
    assert stale and stale[0].title == "Promotions 2024"
    assert reply.warnings and "past its review date" in reply.warnings[0]
    assert "⚠" in reply.answer


def test_restricted_document_only_for_its_audience(index: KnowledgeIndex) -> None:
    question = "Who reviews the file before a lawyer's letter for an unpaid invoice?"
    as_manager = _answerer(index).answer(Request(text=question, asker=MANAGER))
    as_rep = _answerer(index).answer(Request(text=question, asker=REP))
    assert any(c.source == PLAYBOOK[0].source for c in as_manager.citations)
    assert all(c.source != PLAYBOOK[0].source for c in as_rep.citations)


def test_llm_mode_answers_from_the_model_and_keeps_citations(index: KnowledgeIndex) -> None:
    model = FakeListChatModel(responses=["Escalate to your manager at 30 days overdue [1]."])
    reply = _answerer(index, chat_model=model).answer(Request(text="When do I escalate an overdue payment?"))
    assert reply.grounded
    assert reply.answer == "Escalate to your manager at 30 days overdue [1]."
    assert reply.citations[0].section == "Sales Duty Manual > Collections"


def test_llm_failure_falls_back_to_extractive(index: KnowledgeIndex, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="knowledge.answer"):
        reply = _answerer(index, chat_model=FailingChatModel()).answer(
            Request(text="When do I escalate an overdue payment to my manager?")
        )
    assert reply.grounded
    assert "escalate to your manager. [1]" in reply.answer
    assert "falling back to extractive" in caplog.text


def test_llm_is_not_called_when_documents_do_not_cover_the_question(index: KnowledgeIndex) -> None:
    model = FakeListChatModel(responses=["invented answer"])
    reply = _answerer(index, chat_model=model).answer(Request(text="What is the wifi password for the Paris office?"))
    assert not reply.grounded
    assert "invented" not in reply.answer


def test_llm_prompt_carries_numbered_passages_and_the_rules() -> None:
    from knowledge.llm import build_messages

    system, human = build_messages("How long is the warranty?", [(1, "AX-100 — Warranty", "Two years.")], language="zh")
    assert "ONLY the numbered passages" in str(system.content)
    assert "Chinese" in str(system.content)
    assert "[1] AX-100 — Warranty\nTwo years." in str(human.content)


def test_llm_answer_mode_builds_openai_compatible_model() -> None:
    from knowledge.llm import build_chat_model

    model = build_chat_model(Settings(answer_mode="llm", llm_base_url="http://127.0.0.1:9/v1", llm_model="local"))
    assert type(model).__name__ == "ChatOpenAI"


def test_sentence_introducing_a_table_brings_its_rows_and_header(index: KnowledgeIndex) -> None:
    meta, chunks = make_doc(
        "/kb/escalation.md",
        "Escalation Ladder",
        [
            (
                "Overdue Ladder",
                "Escalate overdue invoices by age as follows:\n| Days | Owner |\n| 15 | rep |\n"
                "| 60 | director; finance notified |\nEvery call goes into the CRM.",
            )
        ],
    )
    index.replace_document(meta, chunks)
    reply = _answerer(index).answer(Request(text="How do I escalate overdue invoices by age?"))
    assert "as follows: [1]\n| Days | Owner | [1]\n| 15 | rep | [1]\n| 60 | director; finance notified | [1]" in (
        reply.answer
    )
