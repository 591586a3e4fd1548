"""Families that slipped past the rules: a 'No.1 school/hospital <product>' rank read as a school's name (No.1
Middle School), while a real institution's name stays clean."""

from __future__ import annotations

import pytest

from compliance.checker import ComplianceChecker
from compliance.rules import load_rules


@pytest.fixture(scope="module")
def checker() -> ComplianceChecker:
    return ComplianceChecker(load_rules())


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
