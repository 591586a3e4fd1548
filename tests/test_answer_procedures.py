"""A procedure question is answered with the numbered steps of the section that holds the procedure, in order,
each citing its own passage: also when that section was not among the retrieved passages, and before a table of
cases or a list of rules that shares more of the question's words."""

from __future__ import annotations

from datetime import date

import pytest

from core.text import has_cjk
from knowledge.answer import ASKS_STEPS, CitationBook, select_sentences
from knowledge.retriever import ScoredChunk

TITLE = "退换货管理规定"
SOURCE = "/kb/returns_and_exchange.md"


def _idf(term: str) -> float:
    return 1.0 if len(term) == 1 and has_cjk(term) else 3.0


def _chunk(chunk_id: str, section: str, text: str, ordinal: int, relevance: float = 0.5, **extra: str) -> ScoredChunk:
    title = extra.get("title", TITLE)
    metadata = {
        "title": title,
        "section": f"{title} > {section}" if section else title,
        "source": extra.get("source", SOURCE),
        "language": extra.get("language", "zh"),
        "ordinal": ordinal,
    }
    return ScoredChunk(chunk_id, text, metadata, score=0.2, relevance=relevance)


GENERAL = _chunk(
    "g", "一、总则", "为规范整机、备件及耗材的退换货处理，保障客户权益，特制定本规定。本规定适用于直销客户。", 0
)
RULES = _chunk(
    "r",
    "二、整机退换",
    "（一）整机到货后 7 日内发现运输损坏的，客户应在签收单上注明并拍照。\n"
    "（二）整机验收合格后原则上不予退货。\n"
    "（三）客户无质量原因要求退货的，须经销售总监批准，并收取合同金额 15% 的退货手续费。",
    1,
)
STEPS = _chunk(
    "s",
    "四、办理流程",
    "1. 销售代表在 CRM 系统中提交退换货申请，上传照片、签收单及客户书面说明。\n"
    "2. 售后服务部在 3 个工作日内完成技术鉴定。\n"
    "3. 鉴定结果为质量问题的，由售后服务部安排换货。\n"
    "4. 财务部在收到退货并入库后 10 个工作日内办理退款。",
    3,
)
STEP_LINES = [line for line in STEPS.text.splitlines()]


@pytest.mark.parametrize(
    "question",
    [
        "客户要退货，我这边具体怎么操作？",
        "派工程师上门安装之前，需要先做哪些事？",
        "A customer just rang me furious — how does the complaint get handled?",
        "Customer wants us to run their cartons first - who sets that up?",
        "加装电梯项目推进五步法具体是哪五步？",
    ],
    ids=["zh-how-to-operate", "zh-what-things-first", "en-how-is-it-handled", "en-set-it-up", "zh-which-five-steps"],
)
def test_procedure_phrasings_ask_for_steps(question: str) -> None:
    assert ASKS_STEPS.search(question)


@pytest.mark.parametrize("question", ["有没有进一步的优惠？", "一步到位的方案多少钱？"])
def test_a_step_in_another_sense_asks_for_no_steps(question: str) -> None:
    assert not ASKS_STEPS.search(question)


def test_the_procedure_section_of_the_best_passages_document_is_quoted_in_order() -> None:
    # Retrieval ranked the rules on returns (they repeat 退货); the steps are the document's "办理流程" section.
    book = CitationBook(date(2026, 1, 1))
    book.cite(RULES)
    chosen = select_sentences(
        "客户要退货，我这边具体怎么操作？",
        [RULES],
        book,
        _idf,
        language="zh",
        document=lambda hit: [GENERAL, RULES, STEPS],
    )
    assert [s.text for s in chosen] == STEP_LINES
    assert {s.citation for s in chosen} == {2}  # the steps' own passage, not the rules'
    assert book.citations[1].section == f"{TITLE} > 四、办理流程"


def test_numbered_steps_under_a_procedure_heading_win_over_a_table_of_cases() -> None:
    title = "Customer Complaint Handling Procedure"
    source = "/kb/complaints.md"
    levels = _chunk(
        "l",
        "Complaint levels",
        "| Level | Complaint situation | Escalation |\n|---|---|---|\n"
        "| A | Complaint about a safety risk or a customer breakdown | Quality Director within 1 hour |\n"
        "| B | Complaint about repeated failure | Service Manager within 4 hours |",
        2,
        0.6,
        title=title,
        source=source,
        language="en",
    )
    steps = _chunk(
        "t",
        "Steps",
        "1. Record. Whoever receives it logs it in CRM within 2 hours.\n"
        "2. Classify. The Quality Department sets the level and assigns an owner.\n"
        "3. Investigate. Root cause analysis using the 8D format.\n"
        "4. Close. The case is closed in CRM only after the customer confirms.",
        3,
        0.4,
        title=title,
        source=source,
        language="en",
    )
    question = "A customer just rang me furious about a breakdown - walk me through how the complaint gets handled."
    chosen = select_sentences(question, [levels, steps], {"l": 1, "t": 2}, _idf, language="en")
    texts = [s.text for s in chosen]
    assert texts[0].startswith("1. Record.")
    assert texts[-1].startswith("4. Close.")
