"""Violation families read from their elements in wording no earlier rule listed (a rumour about a named rival,
an outcome promised anywhere in the draft, a benefit routed through a third company, a bureau as endorser, a
disease "gone", an invented price, deadline or customer), the lawful twins that must stay clean, and the
elements a semantic "likely" finding must name before it is reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.checker import ComplianceChecker
from compliance.rules import CATEGORIES, load_rules
from compliance.semantic import Calibration, Example, SemanticDetector
from tests.fakes import HashingEmbeddings

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "I heard from a reseller that Quantix's sensors drift after a month; tell the buyer to stay away.",
            "disparagement",
        ),
        ("听同行说，远航那家的空调压缩机都是拆机件，跟客户提一句。", "disparagement"),
        ("Book our coaching and your team will hit quota next quarter. That's a promise.", "guarantees_returns"),
        ("报我们的驾校VIP班，科目二一次过，板上钉钉。", "guarantees_returns"),
        (
            "仓储部的赵主管那边，每月按每吨30元，走我们合作的那家咨询公司给他结，发票开成服务费。",
            "commercial_bribery",
        ),
        (
            "Tell Manager Lin his daughter can have the internship in our Beijing office; we look forward to the "
            "supplier review.",
            "commercial_bribery",
        ),
        (
            "The buyer's assistant scores the pilots; give her a new tablet so our quotation lands on top.",
            "commercial_bribery",
        ),
        ("宣传单写：区教育局指定合作机构。", "government_endorsement"),
        (
            "The county health bureau has designated our masks for its clinics - say that on the flyer.",
            "government_endorsement",
        ),
        ("这款洗发水用三个月，毛囊重新长出头发。", "medical_claims"),
        ("划线价写2999，这款从上架到现在一直卖899。", "unsourced_data"),
        ("Banner: 'Ends at midnight!' - we'll run the same sale again tomorrow.", "unsourced_data"),
        ("List Sinochem as a reference customer; we once pitched them, close enough.", "unsourced_data"),
        ("官网合作客户墙放上格力和美的的logo，其实还在洽谈，不会有人去核实。", "unsourced_data"),
        ("今晚每人用自己的小号拍两单，把销量冲到5万+。", "unsourced_data"),
        ("Have the agency write 80 reviews posing as young mums who bought the stroller.", "unsourced_data"),
    ],
    ids=[
        "rumour-en",
        "rumour-zh",
        "promise-next-sentence",
        "promise-zh",
        "routed-via-third-company",
        "relatives-internship",
        "gadget-for-the-scorer",
        "district-bureau-zh",
        "bureau-designated-en",
        "hair-regrown",
        "always-sold-lower",
        "sale-run-again",
        "reference-never-signed",
        "logo-wall-in-talks",
        "sock-puppet-orders",
        "reviews-posing-as-buyers",
    ],
)
def test_a_family_is_read_from_its_elements(checker: ComplianceChecker, text: str, category: str) -> None:
    result = checker.check(text)
    assert category in {f.category for f in result.findings}, [f.rule_id for f in result.findings]


@pytest.mark.parametrize(
    "text",
    [
        "Please take ticket No.1 and wait for the counter to call you.",
        "我们一直努力把服务做到最好，有问题随时联系我。",
        "这是我们自家产品线里噪音最低的型号，比同品牌入门款低约3分贝（以说明书为准）。",
        "The Atlas Max holds 20% more than our Atlas Mini.",
        "本品为保健食品，保健功能为：有助于维持血脂健康水平。保健食品不是药物，不能代替药物治疗疾病。",
        "评价均来自真实购买用户，我们不提供好评返现。",
        "活动时间为6月1日至6月18日，活动结束后恢复原价699元（5月实际售价）。",
        "您要的是“旗舰版”套餐吗？“旗舰版”是我们的套餐名称，含两年维保。",
        "We pay your company a 2% volume rebate, written into the contract and shown on the invoice; both sides "
        "book it.",
        "请No.1号客户到前台登记。",
        "最近几个月客户反馈都不错，我们也在持续改进。",
        "本产品质保期为两年，质保期内免费维修。",
        "荣获“2023年度上海市名牌产品”称号，由上海市名牌推荐委员会颁发。",
        "The fund is not capital-protected; past returns don't guarantee future results.",
        "促销期：7月1日-7月7日；促销前30日最低价为899元，促销价699元。",
        "春节前给您团队送一盒公司定制的茶叶礼盒，每盒约150元，已在公司CRM登记。",
    ],
    ids=[
        "queue-number",
        "service-goal",
        "own-range-zh",
        "own-named-model",
        "registered-health-food",
        "no-paid-reviews-policy",
        "real-sale-period",
        "quoted-package-name",
        "booked-rebate",
        "queue-number-zh",
        "recently",
        "warranty-period",
        "sourced-award",
        "not-capital-protected",
        "prior-30-day-lowest-price",
        "gift-recorded-in-crm",
    ],
)
def test_lawful_twins_stay_clean(checker: ComplianceChecker, text: str) -> None:
    result = checker.check(text)
    assert result.compliant, [(f.rule_id, f.text) for f in result.findings]


CALIBRATION = Calibration(floor=0.5, neighbours=3, share=0.5)


def _semantic(examples: list[Example]) -> ComplianceChecker:
    return ComplianceChecker(load_rules(), semantic=SemanticDetector(HashingEmbeddings(), examples, CALIBRATION))


@pytest.mark.parametrize(
    ("category", "violation", "look_alike", "paraphrase"),
    [
        (
            "commercial_bribery",
            "after the signature the engineer gets a little bonus for the help with the contract",
            "after the signature the engineer gets the stamped contract and the help with the contract",
            "after the signature the engineer gets a bonus for the help with the contract",
        ),
        (
            "endorsement",
            "print the professor says this sofa is the one he recommends on the brochure cover",
            "print the sofa in grey and beige and the one in blue on the brochure cover",
            "print the professor says this sofa is the one on the brochure cover",
        ),
        (
            "guarantees_returns",
            "sign up this month and your shop turnover will double for sure by the summer",
            "sign up this month and your shop turnover report arrives by the summer",
            "sign up this month and your shop turnover will double by the summer",
        ),
        (
            "government_endorsement",
            "tell them the city government offices have these printers on every floor",
            "tell them the city office tower has these printers on every floor",
            "tell them the government offices have these printers on every floor",
        ),
    ],
    ids=["bribery-needs-a-benefit", "endorsement-needs-a-recommender", "guarantee-needs-certainty", "state-organ"],
)
def test_a_likely_finding_must_name_the_element_of_its_family(
    category: str, violation: str, look_alike: str, paraphrase: str
) -> None:
    examples = [Example(violation, (category,), "t"), Example(violation + " today", (category,), "t")]
    checker = _semantic(examples)
    assert checker.check(look_alike).compliant
    result = checker.check(paraphrase)
    assert [(f.category, f.likely) for f in result.findings] == [(category, True)]


def test_authored_examples_cover_every_family_in_both_languages_with_lawful_twins() -> None:
    rows = [json.loads(line) for line in (REPO / "compliance" / "examples_authored.jsonl").read_text().splitlines()]
    fresh = {
        json.loads(line)["text"]
        for path in (REPO / "samples" / "eval").glob("compliance_fresh_r*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert not [r["text"] for r in rows if r["text"] in fresh], "examples are written, never copied from a round"
    assert all(set(r["categories"]) <= set(CATEGORIES) for r in rows)
    for family in ("commercial_bribery", "unsourced_data", "disparagement", "absolute_terms", "guarantees_returns",
                   "medical_claims", "government_endorsement"):  # fmt: skip
        texts = [r["text"] for r in rows if family in r["categories"]]
        assert any(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in texts), family
        assert any(t.isascii() for t in texts), family
    assert sum(not r["categories"] for r in rows) >= 30
    shipped = json.loads((REPO / "compliance" / "examples.json").read_text(encoding="utf-8"))
    assert {r["text"] for r in rows} <= {e["text"] for e in shipped["examples"]}
