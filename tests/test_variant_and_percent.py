"""A named variant the sheet never mentions is a near miss; the ladder row whose range holds the asked percent
answers an authority question."""

from __future__ import annotations

import pytest

from knowledge.percent import asked_percent, range_holds
from knowledge.qualifiers import variant_qualifier

SHEET = "HP-200 list price CNY 12,800. Power supply: 3-phase 380 V. Colours: Tengyun blue or signal red."
SHEET_ZH = "HP-200 高压清洗机 目录价 ¥12,800。颜色：机架标配曜石黑；可选银灰色或珍珠白。"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("How much is the single-phase 220 V version of the HP-200?", "single-phase 220 V"),
        ("What's the export price of the HP-200 in US dollars?", "US dollars"),
        ("How much does the HP-200 cost in coffee colour?", "coffee"),
        ("HP-200 有香槟金配色吗？要加多少钱？", "香槟金"),
        ("How much extra does the HP-200 cost in pink?", "pink"),
        ("How much is the UPS battery backup option for the HP-200?", "UPS battery backup"),
    ],
)
def test_a_variant_the_sheet_never_mentions_is_a_near_miss(question: str, asked: str) -> None:
    found = variant_qualifier(question, SHEET_ZH if "香槟金" in question else SHEET, lambda word: [])
    assert found is not None and found.asked == asked
    assert asked in found.note("en", "HP-200 sheet")


@pytest.mark.parametrize(
    "question",
    [
        "How much is the HP-200 in signal red colour?",
        "HP-200 有珍珠白配色吗？",
        "HP-200 最贵的那款多少钱？",
        "HP-200 有高杯版吗？",  # no translation known for an English sheet: no telling
    ],
)
def test_a_variant_the_sheet_names_or_cannot_be_judged_is_answered(question: str) -> None:
    sheet = SHEET_ZH if "珍珠白" in question or "那款" in question else SHEET
    assert variant_qualifier(question, sheet, lambda word: []) is None


@pytest.mark.parametrize(
    ("question", "percent"),
    [("Can I give 10% off list?", 10.0), ("可以打八五折吗？", 15.0), ("打9折要谁批", 10.0), ("给6个点行吗", 6.0)],
)
def test_the_asked_percent_is_read_in_both_languages(question: str, percent: float) -> None:
    assert asked_percent(question) == percent


def test_a_range_holds_the_asked_percent_and_a_single_bound_does_not() -> None:
    assert range_holds("| Over 8% and up to 12% | Sales Director |", 10.0)
    assert range_holds("3%以上至8%（含）：区域销售经理审批", 6.0)
    assert not range_holds("| Over 8% and up to 12% | Sales Director |", 6.0)
    assert not range_holds("| Up to 3% | Sales representative |", 2.0)
