"""Bribery read from its elements whoever on the buyer's side gets the benefit: a co-op head, a bureau
technician, an IT director, a tender expert, or their relative's company, and however it is paid (a stake, a
"fee" to a relative's firm, a credit per referred patient); the lawful twins (an open discount or rebate to
the customer body, in the contract and on the invoice) stay clean. Rules only, no semantic detector."""

from __future__ import annotations

import pytest

from compliance.checker import ComplianceChecker


@pytest.mark.parametrize(
    "text",
    [
        "马理事长，合作社的化肥订单定下来以后，我们以“市场推广费”的名义，每年给您儿子开的那家农资店打五万。",
        "关于县里的灌溉项目，我们每年给贵单位农技科孙科长爱人开的咨询公司付6万，合同另签。",
        "周主任，这单系统采购如果能顺利签下来，给您个人准备了一点茶水费，不会在合同里体现。",
        "We'll pay a yearly advisory fee to Hengfeng Advisory (the firm owned by your principal's sister) "
        "once the campus contract is signed.",
        "Dr. Qian, for every patient your ward refers to our rehab app we'll credit RMB 30 to your WeChat.",
        "Before the tender scoring next week, pass some supermarket cards to Prof. Lu - he's on the expert panel.",
        "If the bureau chief approves the seed order, we'll put 3% of our trading arm's shares in his nephew's name.",
        "Tell the hospital's consultant that if our software makes the approved vendor list, he gets a small "
        "stake in our Wuhan subsidiary.",
        "Sent you a few red packets for the holiday, Mike. Thanks for getting our spec into the school tender.",
        "村里农技员小孙帮着推我们的叶面肥，每卖出一箱给他提20。",
        "招标评审组的陈老师，开标前请他去泡温泉放松两天。",
        "院长，平台上线后我们给您个人备了一份答谢，改天送到府上。",
        "教育局只要把我们的软件列入推荐目录，就给负责审核的赵科员报一趟海南游。",
        "We'll pay the bureau's soil officer's rent this year if our conditioner gets on the subsidy list.",
        "The co-op head's cousin sells irrigation pipe - order a truckload from him and say we hope the "
        "fertiliser deal comes through.",
    ],
)
def test_a_benefit_to_someone_on_the_buyer_side_is_bribery(checker: ComplianceChecker, text: str) -> None:
    assert "commercial_bribery" in {f.category for f in checker.check(text).findings}, text


@pytest.mark.parametrize(
    "text",
    [
        "合作社这批化肥按九五折结算，折扣给贵司，写入合同并开具发票，双方如实入账。",
        "We hold a 40% stake in our Wuhan subsidiary, which services the hospital contract.",
        "The school district receives a 3% volume rebate under the signed supply contract, shown on each invoice.",
        "Our reseller earns a 5% commission under a written channel agreement, invoiced company to company.",
        "县里的农机补贴以农业农村局公告为准，我们只负责按合同供货。",
        "马理事长，这批尿素每吨2600元，送货到村，货到付款。",
    ],
)
def test_open_booked_concessions_to_the_customer_stay_clean(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text).compliant, [f.rule_id for f in checker.check(text).findings]
