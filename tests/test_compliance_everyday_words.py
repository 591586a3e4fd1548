"""Everyday words that look like absolute terms but rank nothing: a warehouse or a queue place numbered one,
the first customer of the day, a first-ever shipment, a usage tip (最佳研磨度, 最好敷十分钟), a property
term (满五唯一), a New Year wish; and 最近/最新一期, which tell time. Their violating neighbours still count."""

from __future__ import annotations

import pytest

from compliance.checker import ComplianceChecker, _has_elements
from compliance.rules import load_rules


@pytest.mark.parametrize(
    "text",
    [
        "Your dishwasher left our No.1 Warehouse in Wuxi this morning.",
        "You're first in the installation queue for Monday.",
        "This is our first-ever shipment of seed drills to Kazakhstan.",
        "您是明天上午第一位预约的客户，师傅第一个到您家安装空调。",
        "这款豆子建议的最佳研磨度是中度，水温92℃左右。",
        "这款护手霜最好涂十分钟后再戴手套。",
        "该房源满五唯一，税费可以线下给您细算。",
        "新年快乐！一切都是最好的安排。",
    ],
)
def test_everyday_words_stay_clean(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text).compliant, [f.rule_id for f in checker.check(text).findings]


@pytest.mark.parametrize(
    "text",
    [
        "Our air fryer is the No.1 brand in China.",
        "我们是全县第一的农资供应商。",
        "这是市面上最好的洗碗机。",
    ],
)
def test_real_ranks_still_count(checker: ComplianceChecker, text: str) -> None:
    assert "absolute_terms" in {f.category for f in checker.check(text).findings}, text


def test_time_words_are_not_superlatives_for_a_likely_finding() -> None:
    rules = load_rules()
    for text in ("最近天气冷，最新一期课程周四开讲，欢迎收看。", "最后提醒一下，最初的报价单作废。"):
        assert not _has_elements(rules, "absolute_terms", text, 0, len(text)), text
    assert _has_elements(rules, "absolute_terms", "这是最新技术，效果最强。", 0, 12)


def test_a_likely_unsourced_figure_must_name_a_figure_review_or_price() -> None:
    rules = load_rules()
    topic = "我们的医院排班系统支持按科室设置规则，护士可在手机上申请调班。"
    assert not _has_elements(rules, "unsourced_data", topic, 0, len(topic))
    for text in ("排班系统帮护士减少三成加班。", "Tell them the promo ends Friday; we'll extend it anyway."):
        assert _has_elements(rules, "unsourced_data", text, 0, len(text)), text


def test_a_waived_fee_is_no_benefit_for_a_likely_bribe() -> None:
    rules = load_rules()
    text = "植保站的培训我们派技术员讲解用药安全，不收取任何费用。"
    assert not _has_elements(rules, "commercial_bribery", text, 0, len(text))
    paid = "植保站的技术员讲一场给他劳务费两千。"
    assert _has_elements(rules, "commercial_bribery", paid, 0, len(paid))


def test_a_place_or_an_hour_is_no_share_of_the_deal() -> None:
    rules = load_rules()
    text = "农户培训会定在周六上午十点钟，地点在村委会，我们带试验田的照片过去。"
    assert not _has_elements(rules, "commercial_bribery", text, 0, len(text))
    cut = "这单定下来给他返3个点。"
    assert _has_elements(rules, "commercial_bribery", cut, 0, len(cut))
