"""Fake or paid-for reviews, ratings, orders and testimonials: the finding cites the Anti-Unfair Competition Law
(false commercial publicity, organised false transactions), with the Advertising Law only as the `also` note
for when the figures are published as an ad claim. A reviewer needs the AUCL article to act on such a draft."""

from __future__ import annotations

import pytest

from compliance.checker import ComplianceChecker
from compliance.rules import load_rules
from compliance.semantic import Calibration, Example, SemanticDetector
from tests.fakes import HashingEmbeddings

UNSOURCED = ("unsourced_data",)


@pytest.mark.parametrize(
    "text",
    [
        "好评返现：下单后写五星好评，截图返5元。",
        "Could your staff place 30 orders and leave five-star reviews? We refund them.",
        "这周让员工和亲戚每人下3单，钱公司报销，把销量冲上去。",
        "官网的用户评价先放二十条，署名随便编，写成各地学校老师的口吻。",
        "For the product page, draft a dozen reviews from 'clinic managers' and make up the names.",
        "Have the five team accounts post 'works great, ordered two more' under every video.",
        "Write a testimonial from 'Ms. Gao, head nurse'. She doesn't exist, but it reads well.",
        "Just invent a couple of farmer testimonials for the flyer.",
        "朋友圈那几条客户好评都是我编的，你再照着编几条。",
    ],
)
def test_fake_reviews_cite_the_aucl(checker: ComplianceChecker, text: str) -> None:
    findings = [f for f in checker.check(text).findings if f.rule_id == "fake-reviews-transactions"]
    assert findings, text
    assert {f.law for f in findings} == {"anti_unfair_competition_law"}
    assert all("Art. 9 (2025)" in f.article and "Art. 8 (2019)" in f.article for f in findings)
    assert all(f.also and "Advertising Law" in f.also for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "评价均来自真实购买用户，我们不提供好评返现。",
        "We never pay for reviews; every rating on the page comes from a verified buyer.",
        "The case study names are real: each hospital signed a written consent to be quoted.",
        "Our team accounts on Douyin post the livestream schedule every Monday.",
        "这些感谢信是客户亲笔写的，我们从不编造评价。",
        "Every testimonial on our site is from a real customer who agreed to be quoted.",
    ],
)
def test_genuine_review_practice_stays_clean(checker: ComplianceChecker, text: str) -> None:
    assert not [f for f in checker.check(text).findings if f.rule_id == "fake-reviews-transactions"], text


def test_a_likely_fake_review_cites_the_law_of_the_example_it_resembles() -> None:
    # Both examples are fake orders the fake-reviews rule flags; the draft paraphrases them in words no rule
    # lists. The likely finding sits in the same category as unsourced data claims (Advertising Law) but must
    # cite the AUCL, as the examples it resembles do.
    examples = [
        Example("ask the warehouse crew to brush orders on the shop and refund each buyer afterwards", UNSOURCED, "t"),
        Example("ask the warehouse crew to brush orders on the shop so the counter passes 10k", UNSOURCED, "t"),
    ]
    detector = SemanticDetector(HashingEmbeddings(), examples, Calibration(floor=0.5, neighbours=3, share=0.5))
    checker = ComplianceChecker(load_rules(), semantic=detector)
    result = checker.check("ask the warehouse crew to order on the shop and refund each buyer afterwards today")
    (finding,) = result.findings
    assert finding.likely and finding.category == "unsourced_data"
    assert finding.law == "anti_unfair_competition_law" and "Art. 9 (2025)" in finding.article
