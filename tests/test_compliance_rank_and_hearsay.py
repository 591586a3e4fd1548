"""Families that slipped past the rules: a 'No.1 school/hospital <product>' rank read as a school's name (No.1
Middle School), a rumour that a rival with a masked name (华X种业) is going bankrupt, and a "was" price held for a
day or two; the lawful twins stay clean."""

from __future__ import annotations

import pytest

from compliance.checker import ComplianceChecker


@pytest.mark.parametrize(
    "text",
    [
        "We are the No.1 hospital software vendor in Jiangsu.",
        "The No.1 school platform, full stop.",
    ],
)
def test_a_rank_before_a_product_noun_is_a_rank(checker: ComplianceChecker, text: str) -> None:
    assert "absolute_terms" in {f.category for f in checker.check(text).findings}, text


@pytest.mark.parametrize(
    "text",
    ["Deliveries go to No.1 Middle School on Monday.", "The No.1 Hospital of Wuhan signed the renewal."],
)
def test_an_institution_named_no1_stays_clean(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text).compliant, text


@pytest.mark.parametrize(
    "text",
    ["听说华X种业资金链断了，下半年可能发不出货，李社长要早做打算。", "听说鑫X农资快要破产了，你们的预付款小心点。"],
)
def test_a_rumour_of_a_masked_rivals_collapse_is_disparagement(checker: ComplianceChecker, text: str) -> None:
    findings = checker.check(text).findings
    assert "disparagement" in {f.category for f in findings}, text
    assert "anti_unfair_competition_law" in {f.law for f in findings}


@pytest.mark.parametrize(
    "text",
    [
        "听说您去年在我们这儿订的货发不出，我们已经补发了。",
        "我们公司没有破产风险，财报已公开。",
        "听说明年化肥价格要涨，早点备货。",
    ],
)
def test_hearsay_about_ourselves_or_the_market_stays_clean(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text).compliant, text


@pytest.mark.parametrize(
    "text",
    [
        "Set the was-price to RMB 4,299; we only priced it at 4,299 for a single weekend, so we can call it 40% off.",
        "划线价写1.8万，这个价只挂了两天，就是为了显得优惠。",
    ],
)
def test_a_was_price_held_only_briefly_is_a_misleading_price(checker: ComplianceChecker, text: str) -> None:
    assert "misleading-price" in {f.rule_id for f in checker.check(text).findings}, text


@pytest.mark.parametrize(
    "text",
    [
        "Was RMB 4,299 from January to April (our price list), now 3,299 until 30 June.",
        "原价1.8万（2024年全年售价），6月1日至6月30日活动价1.5万。",
    ],
)
def test_a_real_former_price_stays_clean(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text).compliant, text


@pytest.mark.parametrize(
    "text",
    [
        "Those Nordair heat pumps rust through after one winter, and their support desk basically doesn't exist.",
        "Their greenhouse film cracks within a single season - tell the growers.",
    ],
)
def test_a_rivals_product_said_to_fail_within_a_season_is_disparagement(checker: ComplianceChecker, text: str) -> None:
    assert "disparagement" in {f.category for f in checker.check(text).findings}, text


@pytest.mark.parametrize(
    "text",
    [
        "Our hoses used to crack after one winter; the 2025 model fixed that (lab test report no. 25-118).",
        "If the seal cracks within a year, our warranty covers the repair.",
    ],
)
def test_our_own_failures_and_warranty_terms_stay_clean(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text).compliant, text
