"""A price question across languages is answered from the sheet's price line, not its description."""

from __future__ import annotations

from fixtures_knowledge import make_doc

from knowledge.answer import prefer_price_section, select_sentences
from knowledge.retriever import ScoredChunk

QUESTION = "How much is one HT-C500 conference set?"
OVERVIEW = "HT-C500是面向中小会议室（4至12人）的一体化会议系统，集成摄像头、全向麦克风和扬声器，即插即用。"
PRICES = "- 建议零售价：9,800元/套（含税）\n- 最小起订量：1套\n- 交货周期：订单确认后7个工作日"
C500 = make_doc(
    "/kb/sheet_ht-c500.md",
    "HT-C500会议系统 产品说明书",
    [
        ("产品概述", OVERVIEW),
        ("性能参数", "- 摄像头：1080p，5倍光学变焦\n- 全向麦克风拾音半径：5米\n- 扬声器：10 W"),
        ("价格与订购", PRICES),
        ("保修条款", "- 整机保修：24个月"),
        ("销售要点", "- 适合作为分支机构视频会议的标准配置。\n- 大型会议室请推荐 HT-C800会议系统。"),
        ("认证", "- CCC 中国强制性产品认证"),
        ("耗材信息", "- 无耗材"),
    ],
    language="zh",
    doc_type="product_sheet",
)


def _hit(chunk_id: str, section: str, text: str, relevance: float) -> ScoredChunk:
    metadata = {
        "title": "HT-C500会议系统 产品说明书",
        "section": f"HT-C500会议系统 产品说明书 > {section}",
        "language": "zh",
    }
    return ScoredChunk(chunk_id, text, metadata, score=0.2, relevance=relevance)


def test_the_price_line_leads_an_english_price_question_on_a_chinese_sheet() -> None:
    # The description repeats the question's (translated) words; the price line shares none of them.
    hits = [_hit("a", "产品概述", OVERVIEW, 0.66), _hit("b", "价格与订购", PRICES, 0.54)]
    passages = prefer_price_section(QUESTION, hits, "en")
    assert passages[0].chunk_id == "b"
    chosen = select_sentences(f"{QUESTION} 会议 会议室", passages, {"a": 1, "b": 2}, lambda t: 1.0, language="en")
    assert chosen[0].text.startswith("- 建议零售价：9,800元")
    # in the question's own language its words find the line: the order stays
    assert prefer_price_section("HT-C500多少钱？", hits, "zh")[0].chunk_id == "a"
    # not a price question: the order stays
    assert prefer_price_section("What is the HT-C500 for?", hits, "en")[0].chunk_id == "a"


def test_questions_after_a_depth_a_time_or_a_cost_ask_for_a_figure() -> None:
    from knowledge.answer import ASKS_FIGURE

    for question in (
        "how deep does the ceiling void need to be to hang an AX-300?",
        "what time does the CRM nudge me about the weekly report?",
        "how much do I charge for a spare cartridge?",
    ):
        assert ASKS_FIGURE.search(question), question
    assert not ASKS_FIGURE.search("what's the late-delivery penalty in our standard contract?")


def test_an_answer_from_a_document_in_the_other_language_quotes_more_of_it() -> None:
    """Lines chosen through translated terms are a noisier guide: from a Chinese passage an English question gets
    the lines scoring at least CROSS_LANGUAGE_BAR of the best one (not half), up to CROSS_LANGUAGE_CHARS."""
    from knowledge.answer import ANSWER_CHARS, CROSS_LANGUAGE_CHARS

    rule = "销售代表拜访客户后{n}日内提交报告，抄送区域经理和大区总监，并附上会议纪要与照片。"
    lines = [f"第{n}条 " + rule.format(n=n) for n in range(1, 9)]
    passage = _hit("a", "拜访管理", "\n".join(lines), 0.6)
    question = "拜访 报告 How soon after a customer visit is the report due?"
    english = select_sentences(question, [passage], {"a": 1}, lambda t: 1.0, language="en")
    chinese = select_sentences(question, [passage], {"a": 1}, lambda t: 1.0, language="zh")
    assert sum(len(s.text) for s in chinese) <= ANSWER_CHARS + len(lines[0])
    assert len(english) > len(chinese)
    assert sum(len(s.text) for s in english) <= CROSS_LANGUAGE_CHARS + len(lines[0])
