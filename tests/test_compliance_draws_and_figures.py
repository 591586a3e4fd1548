"""Prize promotions broken by how the draw is run (winners picked beforehand, announced prizes kept for
staff, a prize swapped once the campaign runs) and figures claimed without a source (a bare share or rate,
an average gain, "N out of 10 <people>", customers served); their lawful twins stay clean. Rules only."""

from __future__ import annotations

import pytest

from compliance.checker import ComplianceChecker


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("空调直播抽奖的中奖名单已经内定了，开播时主持人装一下样子就行。", "prize_promotion"),
        ("海报写三等奖二十名，实际只发五份，剩下的名额给店员家属。", "prize_promotion"),
        (
            "The fridge raffle winners are already picked - our staff's relatives - just read the names out live.",
            "prize_promotion",
        ),
        ("农资节第二天通知：原定的一等奖电动三轮车改成200元化肥券。", "prize_promotion"),
        (
            "Update on the school-supplies giveaway: the top prize was going to be a laptop, "
            "but we're switching it to a mug.",
            "prize_promotion",
        ),
        ("我们这款滴灌系统在本县的市场占有率58%，合作社都认。", "unsourced_data"),
        ("用我们的叶面肥，平均每亩增产150斤。", "unsourced_data"),
        ("公司已为800多家医院提供排班系统。", "unsourced_data"),
        ("7 out of 10 principals would choose our timetable app again.", "unsourced_data"),
        ("Our app helps nurses cut charting time by 40 minutes per shift.", "unsourced_data"),
        ("Parents report a 94% satisfaction rate with our homework platform.", "unsourced_data"),
        ("Over 85% of the county bureaus that trialled our soil tests renewed.", "unsourced_data"),
    ],
)
def test_a_family_is_flagged(checker: ComplianceChecker, text: str, category: str) -> None:
    assert category in {f.category for f in checker.check(text).findings}, text


@pytest.mark.parametrize(
    "text",
    [
        "抽奖由公证处现场监督，奖项、数量和开奖方式见活动规则，公布后不作变更。",
        "The raffle is drawn live by a notary; every prize listed in the rules will be awarded as announced.",
        "据县农技推广站《2025年滴灌示范报告》，示范区平均每亩增产8%。",
        "销售考核表的权重为：达成率50%，回款率20%，客户满意度10%。",
    ],
)
def test_lawful_twins_stay_clean(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text).compliant, [f.rule_id for f in checker.check(text).findings]
