"""Rules that read a violation from its elements, not its keywords: bribery, fake reviews and prices, false
testimonials, prizes in words or as goods; and the lawful twins that must stay clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.checker import ComplianceChecker, find_amounts


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("We pay the buyer's purchasing manager a 2% personal commission", "commercial_bribery"),
        ("We'll send a 500 yuan JD card to the buyer privately if they sign", "commercial_bribery"),
        ("给对方采购负责人个人返点2%", "commercial_bribery"),
        ("我们给采购经理个人2%的佣金", "commercial_bribery"),
        ("给设计院的张工安排一次欧洲考察，他们正在出图。", "commercial_bribery"),
        (
            "If the hospital's equipment engineer writes our specs into the tender, we'll find a job for his "
            "daughter at our Shanghai office.",
            "commercial_bribery",
        ),
        ("好评返现：下单后写五星好评，截图返5元。", "unsourced_data"),
        ("Could your staff place 30 orders and leave five-star reviews? We refund them.", "unsourced_data"),
        ("Was 9,999, now 2,999! (We never sold it at 9,999.)", "unsourced_data"),
        ("Testimonial: 'Best purchase ever!' (Mr. Li). We haven't asked him; he'll never see it.", "endorsement"),
        ("满5000元抽奖一次，头奖奖金陆万元整！", "prize_promotion"),
        ("Spend 500 yuan and enter the draw: grand prize sixty thousand yuan in cash!", "prize_promotion"),
        ("抽奖一等奖：特斯拉Model 3一辆！", "prize_promotion"),
        ("Recommended by the National Development and Reform Commission.", "government_endorsement"),
        ("全网找不到比我们更低的价格，别家不可能更便宜！", "absolute_terms"),
        ("Don't waste money on Nordtek. Their machines break within six months.", "disparagement"),
        ("刘经理，只要这批服务器的采购定我们家，首付里我们给您个人补贴五万。", "commercial_bribery"),
        ("Tom, get us shortlisted and we'll set aside shares in your name once the deal closes.", "commercial_bribery"),
        ("Once the PO is signed, we'd love to fly you and your wife to Bali, all on us.", "commercial_bribery"),
        ("Update on our lucky draw: the first prize we announced has been replaced with a voucher.", "prize_promotion"),
        ("'Over 1 million units sold!' Actual shipments were around 80k, but it reads better.", "unsourced_data"),
        ("11月1日至30日全月立减800元！今天是最后一天，明天恢复原价！", "unsourced_data"),
        ("Put 200,000 in and you get a locked-in 18% annual return.", "guarantees_returns"),
        ("We can renovate your apartment for free once the framework agreement is signed.", "commercial_bribery"),
        ("Let's hire the client's CFO's nephew at 30k a month until the renewal goes through.", "commercial_bribery"),
        ("招标前请评标专家吃顿饭，每人再塞个两千的信封。", "commercial_bribery"),
        ("给医院设备科主任的老婆开的美容院充值五万，设备采购的事就好说了。", "commercial_bribery"),
        ("让员工用自己的账号在京东上下单，下完单我们全额报销，把销量冲上去。", "unsourced_data"),
        ("我们的客户包括阿里巴巴和腾讯（其实只是参加过我们的一次免费讲座）。", "unsourced_data"),
        ("Over 98% of users recommend us (we haven't actually run a survey).", "unsourced_data"),
        ("Our coffee machine is in a class by itself.", "absolute_terms"),
        ("你放心，签了我们，明年产能翻倍不是问题。", "guarantees_returns"),
        ("跟客户说一下，蓝海科技的软件有后门，会偷偷上传数据。", "disparagement"),
        ("我托朋友从对方公司拿到了他们下季度的报价策略。", "trade_secrets"),
        ("Let's get the interns to post reviews on Xiaohongshu as if they were customers.", "unsourced_data"),
        ("Show the strikethrough price of 5,999 - nobody ever paid that.", "unsourced_data"),
        ("Dr. Zhang, a famous oncologist, swears by our water filter (he's never seen it).", "endorsement"),
    ],
    ids=[
        "commission-to-purchasing-manager", "jd-card-to-buyer", "zh-personal-rebate", "zh-personal-commission",
        "design-institute-trip", "job-for-engineers-daughter", "paid-reviews-zh", "fake-orders-en",
        "invented-was-price", "testimonial-never-asked", "prize-formal-numerals", "prize-in-english-words",
        "prize-as-a-car", "commission-as-endorser", "no-lower-price-anywhere", "breaks-within-six-months",
        "down-payment-subsidy", "shares-in-your-name", "trip-for-buyer-and-wife", "prize-changed-mid-campaign",
        "admitted-inflated-figure", "false-last-day", "locked-in-return", "renovation", "relative-on-payroll",
        "envelopes-for-evaluators", "top-up-for-spouses-salon", "staff-accounts-orders", "customers-who-are-not",
        "survey-never-run", "class-by-itself", "doubling-is-no-problem", "backdoor-claim", "pricing-via-a-friend",
        "staff-posing-as-customers", "strikethrough-never-paid", "oncologist-never-saw-it",
    ],
)  # fmt: skip
def test_violations_by_their_elements(checker: ComplianceChecker, text: str, category: str) -> None:
    assert category in {f.category for f in checker.check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "我们按2%向贵司支付佣金，写入合同，开具发票，双方如实入账。",
        "张经理，我们这单的佣金按合同第5条付给贵司，开票入账。",
        "Our sales reps earn a 3% commission on every order they close.",
        "The purchasing manager asked for the terms: we pay 3% to your company under the signed referral "
        "agreement, invoiced.",
        "采购部王经理说合同下周签，请准备报价单。",
        "抽奖一等奖：电动车一辆，价值3000元。",
        "原价2999，现价1999，活动期6月1日至30日。",
        "We guarantee a 4-hour on-site response within Shanghai; this is clause 5.2 of the service contract.",
        "Compared with our own previous model, the AX-5 uses 22% less power (our lab test, January 2025; report "
        "attached).",
        "Your uptime is our No.1 priority; 我们的第一要务是保障贵司产线不停机。",
        "This is our first-ever webinar series for logistics partners.",
        "Our 'Ultimate' plan includes 2 TB of storage.",
        "这款理财产品为非保本浮动收益型，投资有风险。",
        "本品为保健食品，批准文号国食健注G2018XXXX，保健功能：有助于增强免疫力。本品不能代替药物。",
        "We aim to be the quietest compressor in our price band by 2026; today it measures 42 dB (lab report 2025-04).",
        "This is the best-selling model in our own range this quarter.",
    ],
    ids=[
        "booked-commission-zh",
        "booked-commission-to-company",
        "own-sales-commission",
        "booked-referral-en",
        "deal-talk-without-benefit",
        "small-prize-valued",
        "real-sale-period",
        "service-level-commitment",
        "source-parenthesis-cut-by-semicolon",
        "own-priority",
        "own-first-event",
        "product-name-in-quotes",
        "not-capital-protected",
        "approved-health-food",
        "goal-to-be-quietest",
        "rank-within-own-range",
    ],
)
def test_lawful_twins_stay_clean(checker: ComplianceChecker, text: str) -> None:
    result = checker.check(text)
    assert result.compliant, [(f.rule_id, f.text) for f in result.findings]


def test_an_unbooked_rebate_is_not_cleared_by_the_word_contract(checker: ComplianceChecker) -> None:
    result = checker.check("赵主任，返点不写进合同了，年底按3个点打到您指定的那个账户上。")
    assert [f.rule_id for f in result.findings if f.category == "commercial_bribery"]


def test_amounts_in_banker_numerals_and_english_words() -> None:
    assert [a.value for a in find_amounts("头奖奖金陆万元整")] == [60000.0]
    assert [a.value for a in find_amounts("a prize of twenty-five thousand yuan")] == [25000.0]
    assert find_amounts("spend sixty thousand yuan") == []  # a purchase threshold, not a prize


def test_the_rules_raise_nothing_on_the_sample_kb_lines(checker: ComplianceChecker) -> None:
    """Stricter than the 0.5% budget of the combined check: the rules alone say nothing about ordinary company
    text (a rep's own 提成, an intermediary's commission policy, a line starting "Consultants,")."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/ is a folder of the repo
    from bench.compliance import sample_kb_lines

    results = [(line, checker.check(line)) for line in sample_kb_lines()]
    assert [(line, [f.rule_id for f in r.findings]) for line, r in results if r.findings] == []


def test_recorded_fresh_first_scores_match_their_result_files() -> None:
    """Each fresh round's first score in bench/compliance.py is the one committed in bench/results/."""
    import json
    import sys

    repo = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(repo))
    from bench.compliance import FRESH_FIRST_SCORES

    for number, record in FRESH_FIRST_SCORES.items():
        saved = json.loads((repo / "bench" / "results" / f"compliance_fresh_r{number}_first.json").read_text())
        assert {k: saved["overall"][k] for k in ("tp", "fp", "fn", "tn")} == {
            k: record[k] for k in ("tp", "fp", "fn", "tn")
        }
        assert tuple(record["right_law"]) == (saved["right_law"]["right"], saved["right_law"]["flagged_violations"])
