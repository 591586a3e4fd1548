"""Bribery recipients the rules did not know: a principal addressed as 李校长, the experts who score a tender,
and a job or internship for a decision-maker's relative as the benefit; the lawful twins stay clean."""

from __future__ import annotations

import pytest

from compliance.checker import ComplianceChecker


@pytest.mark.parametrize(
    "text",
    [
        "李校长，教学平台定我们的话，寒假请您和几位老师去云南“考察”一周，吃住全包。",
        "Dean Zhao, once the college signs the LMS renewal, your daughter can start a paid internship in our office.",
        "Before the bid evaluation on Monday, get two supermarket cards for each of the scoring experts.",
    ],
)
def test_bribes_to_principals_experts_and_relatives_are_flagged(checker: ComplianceChecker, text: str) -> None:
    findings = checker.check(text).findings
    assert "commercial_bribery" in {f.category for f in findings}, text
    assert "anti_unfair_competition_law" in {f.law for f in findings}


@pytest.mark.parametrize(
    "text",
    [
        "李校长，下周三我们来学校做平台演示，请您安排一间机房。",
        "Dean Zhao, our internship programme is open to all students; applications close in May.",
        "The tender experts will score the bids on Friday; our technical file is attached.",
    ],
)
def test_ordinary_lines_to_the_same_people_stay_clean(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text).compliant, text
