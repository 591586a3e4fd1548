"""Understanding authority questions: every phrasing of issue 3, its numbers, and what it must leave alone."""

from __future__ import annotations

import time

import pytest

from authority.parsing import en_number, language_of, parse_authority_question
from core.text import cn_number

# (question, kind, requested, cash_equivalent, language)
CASES = [
    # Discounts, English
    ("Can I offer a 15% discount?", "discount", 15, False, "en"),
    ("Can I give 15 percent off?", "discount", 15, False, "en"),
    ("Customer asks for 15 % off, ok?", "discount", 15, False, "en"),
    ("Is a 7.5% discount fine?", "discount", 7.5, False, "en"),
    ("Can I give them 20 per cent off list?", "discount", 20, False, "en"),
    ("Can I give fifteen percent off?", "discount", 15, False, "en"),
    ("Can I give 10% off if they pay 50% upfront?", "discount", 10, False, "en"),
    ("Can I cut the price by 12%?", "discount", 12, False, "en"),
    ("Can I give 20 percent?", "discount", 20, False, "en"),
    # Discounts, Chinese
    ("我能降价15%吗？", "discount", 15, False, "zh"),
    ("可以优惠15%吗", "discount", 15, False, "zh"),
    ("我可以让利10%吗？", "discount", 10, False, "zh"),
    ("我能给客户15个点的折扣吗", "discount", 15, False, "zh"),
    ("百分之十五的折扣可以吗", "discount", 15, False, "zh"),
    ("客户要１５％的折扣，可以吗", "discount", 15, False, "zh"),  # full-width digits and sign
    # 折 notation: the number is the share paid
    ("能打九折吗", "discount", 10, False, "zh"),
    ("能打9折吗", "discount", 10, False, "zh"),
    ("给客户打八五折可以吗", "discount", 15, False, "zh"),
    ("85折行不行", "discount", 15, False, "zh"),
    ("8.5折可以吗", "discount", 15, False, "zh"),
    ("九五折可以吗", "discount", 5, False, "zh"),
    ("95折可以吗", "discount", 5, False, "zh"),
    ("能打七折吗", "discount", 30, False, "zh"),
    ("七五折可以吗", "discount", 25, False, "zh"),
    ("打个八折行吗", "discount", 20, False, "zh"),
    ("能打对折吗", "discount", 50, False, "zh"),
    # 成 notation: tenths off, only after a discount word
    ("给经销商让利两成可以吗", "discount", 20, False, "zh"),
    ("能便宜一成吗", "discount", 10, False, "zh"),
    # Payment terms
    ("Can I give 60-day terms?", "payment_terms", 60, False, "en"),
    ("Customer wants net 60, ok?", "payment_terms", 60, False, "en"),
    ("Can I give them 60 days to pay?", "payment_terms", 60, False, "en"),
    ("Can I offer sixty-day terms?", "payment_terms", 60, False, "en"),
    ("Can I agree payment terms of two months?", "payment_terms", 60, False, "en"),
    ("客户要两个月账期可以吗", "payment_terms", 60, False, "zh"),
    ("一个月账期我能批吗", "payment_terms", 30, False, "zh"),
    ("三个月账期可以吗", "payment_terms", 90, False, "zh"),
    ("半年账期行吗", "payment_terms", 180, False, "zh"),
    ("60天账期可以吗", "payment_terms", 60, False, "zh"),
    ("账期延长到90天可以吗", "payment_terms", 90, False, "zh"),
    ("账期从30天延长到60天行吗", "payment_terms", 60, False, "zh"),
    # Gifts
    ("Can I give a gift worth 800 yuan?", "gift", 800, False, "en"),
    ("我能送价值800元的礼品吗？", "gift", 800, False, "zh"),
    ("送客户1千元的礼品可以吗", "gift", 1000, False, "zh"),
    ("Can I give a 1,000 CNY gift?", "gift", 1000, False, "en"),
    ("Can I give a gift of ¥800?", "gift", 800, False, "en"),
    ("Gift of RMB 800 to the buyer, ok?", "gift", 800, False, "en"),
    ("Can I take the buyer to a dinner worth 1500 yuan?", "gift", 1500, False, "en"),
    ("中秋送客户八百元的月饼礼盒可以吗", "gift", 800, False, "zh"),
    # Cash equivalents: flagged whatever the amount (or with none)
    ("我能送客户800块的购物卡吗", "gift", 800, True, "zh"),
    ("Can I give the buyer a 100 yuan gift card?", "gift", 100, True, "en"),
    ("Can I give the buyer a gift card?", "gift", None, True, "en"),
    ("能给采购发个红包吗", "gift", None, True, "zh"),
    ("Can I give 200 yuan cash as a gift?", "gift", 200, True, "en"),
    ("Can I spend money on a gift worth 300 yuan?", "gift", 300, False, "en"),
    ("能送客户一个价值300元的礼盒吗", "gift", 300, False, "zh"),
    # No number: the asker's limit and the table
    ("how much discount can I give?", "discount", None, False, "en"),
    ("我最多能给多少折扣？", "discount", None, False, "zh"),
    ("What payment terms can I offer?", "payment_terms", None, False, "en"),
    ("我的账期权限是多少", "payment_terms", None, False, "zh"),
    ("What is the maximum gift value I can give?", "gift", None, False, "en"),
    ("What's the longest payment term I can give?", "payment_terms", None, False, "en"),
]


@pytest.mark.parametrize(("text", "kind", "requested", "cash", "language"), CASES, ids=[c[0] for c in CASES])
def test_understands_authority_questions(
    text: str, kind: str, requested: float | None, cash: bool, language: str
) -> None:
    question = parse_authority_question(text)
    assert question is not None
    assert question.kind == kind
    assert question.requested == (None if requested is None else pytest.approx(requested))
    assert question.cash_equivalent is cash
    assert question.language == language
    assert question.unit == {"discount": "percent", "payment_terms": "days", "gift": "CNY"}[kind]


NOT_AUTHORITY = [
    "what's our collection rate target 95%?",
    "What is the AX-100 warranty?",
    "AX-100 warranty 3 years?",
    "How do I book a discount in the contract?",
    "折扣怎么入账？",
    "客户付款逾期60天怎么办",
    "送货费用800元谁出",
    "What is the conversion rate target of 20%?",
    "K7的保修期是几年？",
    "Our Q3 revenue grew 15%, what next?",
    "Can I give a 5% commission to the distributor?",
    "How many days does delivery take?",
    "这单的成本是多少？",
    "八成客户会续约吗",
    "Where do I record gifts in the CRM?",
    "What discount do channel partners get on the K7?",
    "怎样礼貌地提醒客户付款？",
    "Can I present a quote worth 50,000 yuan before the demo?",
]


@pytest.mark.parametrize("text", NOT_AUTHORITY, ids=NOT_AUTHORITY)
def test_leaves_other_questions_to_retrieval(text: str) -> None:
    assert parse_authority_question(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("八百", 800), ("两千五", 2500), ("一千零五", 1005), ("十五", 15), ("一百二十", 120), ("1千", 1000),
     ("1.5万", 15000), ("三万", 30000), ("1,000", 1000)],
    ids=["800", "2500-colloquial", "1005-with-zero", "15", "120", "1-qian", "1.5-wan", "30000", "comma"],
)  # fmt: skip
def test_chinese_numbers(text: str, value: float) -> None:
    assert cn_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("sixty", 60), ("forty-five", 45), ("a hundred and twenty", 120), ("two", 2), ("sixty days", None)],
    ids=["sixty", "forty-five", "120", "two", "not-a-number"],
)
def test_english_numbers(text: str, value: float | None) -> None:
    assert en_number(text) == value


def test_language_is_chinese_when_any_cjk() -> None:
    assert language_of("AX-100能打九折吗") == "zh"
    assert language_of("Can I give 10% off on AX-100?") == "en"


@pytest.mark.parametrize(
    "text",
    ["1" * 20000, "15%" * 5000, "Can I give 15% off? " * 1000, "一" * 20000 + "元礼品", "账期30天到" * 3000],
    ids=["digits", "percents", "repeated-question", "numerals", "repeated-terms"],
)
def test_long_pasted_text_is_parsed_in_linear_time(text: str) -> None:
    """Before the number patterns were anchored, "1" * 20000 took over a minute (quadratic backtracking)."""
    started = time.perf_counter()
    parse_authority_question(text)
    assert time.perf_counter() - started < 3.0
