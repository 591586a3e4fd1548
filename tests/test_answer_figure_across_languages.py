"""An English question about a figure on a Chinese sheet is answered from the line holding the asked attribute,
not from the sheet's opening description (which names the model and shares stray characters of translations)."""

from __future__ import annotations

from core.text import has_cjk
from knowledge.answer import select_sentences
from knowledge.retriever import ScoredChunk

QUESTION = "What is the rated power of the HB-500 bed?"
# The retriever's translations of the question's terms (HybridRetriever.translations): one concept each.
TRANSLATIONS = {"rated": ["额定"], "power": ["功率", "电源", "动力"], "bed": ["病床", "床位", "床"]}
LINES = [
    "HB-500 是青山医疗的旗舰级ICU电动病床，为重症监护、急诊抢救室和心外术后病房设计。",
    "HB-500 床体集成称重系统、左右侧倾、心肺复苏快速放平和一键心脏椅位功能，床位调节安静平稳。",
    "床面为四段式X光透射板，可配合移动DR在床直接拍片，减少患者搬运，护士站可远程查看床位状态。",
    "护士控制面板带锁定功能，可单独锁定各项电动功能，防止患者误操作，适合重症监护病房夜间使用。",
    "招标参数中如出现床旁称重、侧倾等要求，优先推荐本产品，并提供完整的技术参数表。",
    "销售时可结合医院的重症监护床位规划，说明电动调节、称重和侧倾功能对护理工作量的改善，并邀请护士长现场演示。",
    "额定功率：400 W",
]


def _idf(term: str) -> float:
    """Single characters are common (low IDF); words and model numbers are rarer."""
    return 1.0 if len(term) == 1 and has_cjk(term) else 3.0


def test_the_attribute_line_is_quoted_for_an_english_question_on_a_chinese_sheet() -> None:
    metadata = {
        "title": "HB-500 ICU电动病床 产品资料",
        "section": "HB-500 ICU电动病床 产品资料 > 产品介绍",
        "source": "/kb/HB-500_ICU电动病床_产品资料.md",
        "language": "zh",
    }
    hit = ScoredChunk("a", "\n".join(LINES), metadata, score=0.2, relevance=0.6)
    asked = f"{QUESTION} {' '.join(w for words in TRANSLATIONS.values() for w in words)}"
    chosen = select_sentences(asked, [hit], {"a": 1}, _idf, language="en", translations=TRANSLATIONS)
    texts = [s.text for s in chosen]
    # (before, the two opening lines were the whole answer: the model's name and stray characters outscored it)
    assert "额定功率：400 W" in texts


def test_the_spec_table_of_the_best_passages_own_document_is_quoted() -> None:
    # The overview ranks first; the spec table below it, in the same document, holds the figure. Another
    # section of the same sheet is no stray match, so its row is not discounted like another document's line.
    title = "SP-10 注射泵 产品资料"
    source = "/kb/SP-10_注射泵_产品资料.md"

    def hit(chunk_id: str, section: str, text: str, relevance: float) -> ScoredChunk:
        metadata = {"title": title, "section": f"{title} > {section}", "source": source, "language": "zh"}
        return ScoredChunk(chunk_id, text, metadata, score=0.2, relevance=relevance)

    overview = hit(
        "a",
        "产品介绍",
        "SP-10 是单通道注射泵，适用于ICU、麻醉科、新生儿科等需要小剂量、高精度持续给药的场景。\n"
        "支持自动识别注射器规格，具备防虹吸、防回流设计，夜间模式下屏幕亮度和报警音量自动降低。\n"
        "续航8小时，适合院内转运，可与输液泵组合报价覆盖病区全部输注需求。\n"
        "耗材可在耗材价格表中查询，销售时请同时推荐配套的延长管和三通。\n"
        "新生儿科和麻醉科最关注给药的平稳性，演示时请准备不同规格的耗材现场安装。\n"
        "招标参数中如出现防虹吸、夜间模式等要求，优先推荐本产品，并附上完整的技术参数表。\n"
        "客户关心售后时，说明全国服务网点可在四十八小时内上门，备用机可随时调配，培训由区域工程师负责。\n"
        "院内转运场景下请强调电池续航与报警功能，建议与病区护士长一起确认使用习惯后再报价。",
        0.6,
    )
    specs = hit("b", "技术参数", "| 项目 | 参数 |\n| --- | --- |\n| 流速范围 | 0.01–2000 mL/h |", 0.55)
    translations = {
        "flow": ["流速", "回流"],
        "rate": ["速率"],
        "range": ["范围"],
        "syringe": ["注射器"],
        "pump": ["注射泵"],
    }
    asked = "What flow rate range does the SP-10 syringe pump cover? 流速 回流 速率 范围 注射器 注射泵"
    chosen = select_sentences(
        asked, [overview, specs], {"a": 1, "b": 2}, _idf, language="en", translations=translations
    )
    assert "| 流速范围 | 0.01–2000 mL/h |" in [s.text for s in chosen]


def test_a_row_naming_the_attribute_beside_its_figure_leads_not_a_row_sharing_its_unit() -> None:
    # "重量52公斤" sits in the size row's value cell and leads; the capacity row's "20 kg" shares only the unit.
    table = "| K9 项目 | 参数 |\n| 额定容量 | 20 kg |\n| 外形尺寸 | 600×450×1500毫米，重量52公斤 |"
    metadata = {"title": "K9 净饮机", "section": "K9 净饮机 > 技术参数", "source": "/kb/k9.md", "language": "zh"}
    hit = ScoredChunk("a", table, metadata, score=0.2, relevance=0.6)
    chosen = [s.text for s in select_sentences("How heavy is the K9?", [hit], {"a": 1}, _idf, language="en")]
    rows = [text for text in chosen if text != "| K9 项目 | 参数 |"]
    assert rows[0] == "| 外形尺寸 | 600×450×1500毫米，重量52公斤 |"
