"""Live data and workplace small talk are refused unless a retrieved passage is about the topic."""

from __future__ import annotations

import pytest

from knowledge.retriever import ScoredChunk
from knowledge.scope import out_of_scope


def _hit(text: str, section: str = "Pricing") -> ScoredChunk:
    return ScoredChunk("c1", text, {"section": section, "title": "Price List", "source": "p.md"}, 1.0, 0.5)


PRICES = [_hit("Domestic quotes are in RMB including 13% VAT. Export quotes in USD.")]


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What's today's USD to RMB exchange rate?", "exchange rate"),
        ("What's our share price today?", "share price"),
        ("Where do visitors park at the Shanghai office?", "parking"),
        ("明天上海天气怎么样？", "weather"),
        ("食堂今天吃什么？", "canteen"),
        ("公司有没有员工持股计划？", "employee shares"),
        ("竞争对手那家的 30 公斤洗脱机报价多少？", "competitor prices"),
        ("On which day of the month is salary paid?", "payday"),
        ("公司年会是哪天？", "company events"),
        ("杭州到宁波的高铁票多少钱？", "fares"),
        ("会议室怎么在系统里预订？", "meeting rooms"),
        ("How do I apply for my personal income tax refund this year?", "personal tax"),
        ("个税专项附加扣除怎么填？", "personal tax"),
        ("How many days of annual leave do I get after five years of service?", "leave"),
        ("公司年假是怎么规定的？我今年还剩几天？", "leave"),
    ],
)
def test_a_topic_no_passage_is_about_is_out_of_scope(question: str, topic: str) -> None:
    assert out_of_scope(question, PRICES) == topic


@pytest.mark.parametrize(
    "question",
    [
        "A canteen group wants 12 woks. What volume discount can I give?",
        "What is the export price in USD?",
        "Our office is in Zhangjiang Science Park; what is the address?",
        "Are export prices quoted with the tax rebate included?",
        "Can a rep take leave of the customer before the contract is signed?",
    ],
)
def test_a_company_question_sharing_a_word_with_a_topic_is_in_scope(question: str) -> None:
    assert out_of_scope(question, PRICES) is None


def test_a_topic_the_documents_cover_is_left_to_the_gate() -> None:
    travel = [_hit("Parking fees at the airport are reimbursed up to CNY 100 a day.", "Travel")]
    assert out_of_scope("Is airport parking reimbursed?", travel) is None


@pytest.mark.parametrize(
    "question",
    ["How do we position against competitors on price?", "我们的价格比竞争对手高怎么办？", "出差坐高铁能报几等座？"],
)
def test_questions_about_our_own_answer_to_rivals_and_travel_class_stay_in_scope(question: str) -> None:
    assert out_of_scope(question, PRICES) is None


def test_weather_asked_for_tomorrow_is_live_data_whatever_a_passage_says_of_weather() -> None:
    delays = [_hit("Late delivery: whatever the cause (production, supplier, carrier, weather).", "Definitions")]
    assert out_of_scope("What's the weather going to be like in Suzhou tomorrow?", delays) == "weather"
    assert out_of_scope("Does bad weather count as a late delivery?", delays) is None
