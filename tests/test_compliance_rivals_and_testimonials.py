"""A rival named by its trade (丰禾种业, 华拓软件) is identifiable, so a claim or rumour that its goods are
refurbished or copied is disparagement; testimonials the writer admits inventing, accounts opened to post, a
sell-out that is not one; an everyday product said to end a pain or reverse myopia; and the lawful twins (a
partner named, one's own record). Rules only."""

from __future__ import annotations

import pytest

from compliance.checker import ComplianceChecker


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("华拓软件的排课系统是抄的别人源码，学校用了迟早出事。", "disparagement"),
        ("听农资店老板说，丰禾种业的玉米种子用的是翻新包装的陈种。", "disparagement"),
        ("万达电器的洗碗机用的全是翻新电机，跟直播间的家人们说一下。", "disparagement"),
        ("去农资群里找几个小号发帖，说隔壁的肥料烧苗，每条给三块。", "unsourced_data"),
        ("这几条“王校长使用感言”是我编的，你排版好放到宣传册上。", "endorsement"),
        ("Our heated seat cushion: say goodbye to back pain, no more painkillers.", "medical_claims"),
        ("The study lamp corrects myopia in kids within a term.", "medical_claims"),
        ("把这几张家长好评截图P一下，换成我们平台的名字再发群里。", "unsourced_data"),
        (
            "The provincial agriculture bureau recommends our seed to every co-op - print that.",
            "government_endorsement",
        ),
        ("We're the only school timetable software in China approved by every education bureau.", "absolute_terms"),
        (
            "Write a quote from 'Dr. Lin, head of radiology' for the deck - she doesn't exist, nobody checks.",
            "endorsement",
        ),
        (
            "Stream script: the air fryers are SOLD OUT! (ops: it's not actually sold out, relist in five minutes)",
            "unsourced_data",
        ),
    ],
)
def test_a_family_is_flagged(checker: ComplianceChecker, text: str, category: str) -> None:
    assert category in {f.category for f in checker.check(text).findings}, text


@pytest.mark.parametrize(
    "text",
    [
        "华拓软件是我们的合作伙伴，双方的排课接口已经打通。",
        "丰禾种业的种子交期是两周，我们的是一周，价格表附后。",
        "Say goodbye to clutter with our kitchen storage rack.",
        "这段王校长的使用感言经本人书面同意引用，原件存档。",
    ],
)
def test_lawful_twins_stay_clean(checker: ComplianceChecker, text: str) -> None:
    assert checker.check(text).compliant, [f.rule_id for f in checker.check(text).findings]
