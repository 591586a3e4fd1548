"""Of one product sheet's sections, the one naming what the question asks about the product leads, in either
language: the overview matches the model number and the gist of every question about the product."""

from __future__ import annotations

import pytest
from fixtures_knowledge import load, make_doc, new_index

from knowledge.index import KnowledgeIndex
from knowledge.retriever import HybridRetriever

BED_ZH = make_doc(
    "products/HB-300_电动护理床.md",
    "HB-300 多功能电动护理床",
    [
        (
            "一、产品概述",
            "HB-300 多功能电动护理床适用于医院病房和养老机构。HB-300 采用静音电机，HB-300 护理床可一键调节背板和腿板，"
            "护理床床面分四段，护理人员单人即可操作 HB-300。",
        ),
        ("三、技术参数", "最大承重：200 kg；电机：三电机；床面尺寸：2000 × 900 mm。"),
        ("四、商务条款", "建议零售价：28,800元/台；质保两年；下单后15个工作日发货。"),
    ],
    language="zh",
    doc_type="product",
)
SHEET_EN = make_doc(
    "products/pm-5.md",
    "PM-5 Transport Monitor",
    [
        (
            "1. Overview",
            "The PM-5 transport monitor travels with the patient. The PM-5 is light and the PM-5 screen stays "
            "readable in sunlight; the PM-5 monitor suits ambulances and intra-hospital transfers.",
        ),
        ("2. Technical Specifications", "Weight: 1.8 kg. Protection rating: IP44. Battery: 6 hours."),
    ],
    doc_type="product",
)


@pytest.fixture
def index() -> KnowledgeIndex:
    return load(new_index(), BED_ZH, SHEET_EN)


@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("what's the list price on the HB-300 nursing bed?", "商务条款"),
        ("HB-300 护理床最大承重多少？", "技术参数"),
        ("PM-5转运监护仪的防护等级是多少？", "Technical Specifications"),
    ],
    ids=["en-asks-zh-price", "zh-same-language-spec", "zh-asks-en-spec"],
)
def test_the_section_naming_the_asked_attribute_leads(index: KnowledgeIndex, query: str, section: str) -> None:
    hits = HybridRetriever(index=index, k=3, topic_vote=1.0).search(query)
    assert hits[0].section.endswith(section), [h.section for h in hits]
