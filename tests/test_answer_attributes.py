"""A figure question is answered from the line (or table row, read with its column names) stating the asked
attribute for the asked model, across languages, not from lines sharing the question's chat words."""

from __future__ import annotations

import pytest

from core.text import has_cjk
from knowledge.answer import select_sentences
from knowledge.attributes import asked_attributes
from knowledge.retriever import ScoredChunk

TITLE = "CS-80 自适应封箱机 产品资料"
SOURCE = "/kb/cs-80_carton_sealer.md"
TIPS = (
    "CS-80 需要压缩空气，报价前务必确认客户现场是否有气源；"
    "如客户无气源，可推荐加购 1.5 千瓦静音空压机（报价 2,300 元）。"
    "本产品的产品经理为王磊，分机 8202。"
)
SPECS = (
    "| 项目 | 参数 |\n|---|---|\n| 封箱速度 | 最高 18 箱/分钟 |\n| 额定功率 | 0.37 千瓦 |\n"
    "| 外形尺寸 | 1150 × 920 × 1420 毫米 |\n| 整机重量 | 138 公斤 |"
)
WEIGHT_QUESTION = "How much does a CS-80 weigh? Customer needs it for their floor loading."
# The knowledge base's words for the question's terms (HybridRetriever.translations): chat words translate, the
# dictionary has no entry for "weigh".
TRANSLATIONS = {"customer": ["客户"], "needs": ["需要"], "floor": ["地面"]}


def _idf(term: str) -> float:
    return 1.0 if len(term) == 1 and has_cjk(term) else 3.0


def _chunk(chunk_id: str, section: str, text: str, relevance: float, *, title: str = TITLE, source: str = SOURCE):
    metadata = {"title": title, "section": f"{title} > {section}", "source": source, "language": "zh"}
    return ScoredChunk(chunk_id, text, metadata, score=0.2, relevance=relevance)


def _asked(question: str) -> str:
    return f"{question} {' '.join(w for words in TRANSLATIONS.values() for w in words)}"


def test_the_weight_row_of_the_spec_table_leads_an_english_question_on_a_chinese_sheet() -> None:
    tips = _chunk("a", "销售提示", TIPS, 0.42)
    specs = _chunk("b", "主要技术参数", SPECS, 0.29)
    chosen = select_sentences(
        _asked(WEIGHT_QUESTION), [tips, specs], {"a": 1, "b": 2}, _idf, language="en", translations=TRANSLATIONS
    )
    texts = [s.text for s in chosen]
    # (before: the compressed-air tip and the product manager's line, sharing "customer" and "needs")
    assert "| 整机重量 | 138 公斤 |" in texts
    assert texts[:2] == ["| 项目 | 参数 |", "| 整机重量 | 138 公斤 |"]


def test_the_models_sheet_is_read_for_the_figure_when_its_spec_table_was_not_retrieved() -> None:
    tips = _chunk("a", "销售提示", TIPS, 0.42)
    overview = _chunk("c", "", "CS-80 是松禾包装机械的中端封箱机，采用自适应调节结构。", 0.41)
    specs = _chunk("b", "主要技术参数", SPECS, 0.42)
    book: dict[str, int] = {"a": 1, "c": 2}
    chosen = select_sentences(
        _asked(WEIGHT_QUESTION),
        [tips, overview],
        book,
        _idf,
        language="en",
        translations=TRANSLATIONS,
        document=lambda hit: [overview, tips, specs],
    )
    weight = next(s for s in chosen if "138" in s.text)
    assert chosen[1] is weight
    assert weight.citation == 1  # a plain dict lends the best passage's number (a CitationBook cites the row's own)


def test_a_price_question_quotes_the_row_under_the_price_column_for_the_asked_model() -> None:
    title = "缠绕膜与封箱胶带耗材价目表"
    table = (
        "| 型号 | 厚度 | 每卷重量 | 单价（元/卷） |\n|---|---|---|---|\n| SF-17 | 17 微米 | 15 公斤 | 138 |\n"
        "| SF-23 | 23 微米 | 18 公斤 | 165 |\n| SF-30P | 30 微米 | 20 公斤 | 198 |"
    )
    prose = (
        "With 300% pre-stretch, one roll of 23 µm film covers roughly 40% more pallets than with a standard brake "
        "carriage. For a customer wrapping 200 pallets a day, film savings cover the price difference within one year."
    )
    other = ScoredChunk(
        "a",
        prose,
        {"title": "SW-2000 Stretch Wrapper", "section": "SW-2000 > Film", "source": "/kb/sw-2000.md", "language": "en"},
        score=0.3,
        relevance=0.5,
    )
    films = _chunk("b", "一、机用缠绕膜", table, 0.35, title=title, source="/kb/consumables_stretch_film.md")
    question = "How much is one roll of SF-23 film?"
    translations = {"roll": ["卷"], "film": ["膜", "缠绕膜"]}
    asked = f"{question} 卷 膜 缠绕膜"
    chosen = select_sentences(asked, [other, films], {"a": 1, "b": 2}, _idf, language="en", translations=translations)
    texts = [s.text for s in chosen]
    assert texts[0] == "| 型号 | 厚度 | 每卷重量 | 单价（元/卷） |"
    assert texts[1] == "| SF-23 | 23 微米 | 18 公斤 | 165 |"


def test_a_line_about_a_look_alike_model_does_not_answer_for_the_asked_one() -> None:
    faq = _chunk(
        "a",
        "软水器",
        "WS-40 每次再生约消耗 15 kg 软水盐，按每两天再生一次计算。\n请在报价单中单列年度用盐费用。",
        0.5,
        title="销售常见问题",
        source="/kb/faq.md",
    )
    sheet = ScoredChunk(
        "b",
        "- Rated flow: 1.5 m³/h\n- Salt consumption: 7.5 kg per regeneration\n- Brine tank: 100 L PE",
        {"title": "WS-20 Softener", "section": "WS-20 > Specifications", "source": "/kb/WS-20.md", "language": "en"},
        score=0.2,
        relevance=0.35,
    )
    question = "WS-20 再生一次要用多少公斤盐？"
    translations = {"再生": ["regeneration", "regenerating"]}
    chosen = select_sentences(
        f"{question} regeneration regenerating",
        [faq, sheet],
        {"a": 1, "b": 2},
        _idf,
        language="zh",
        translations=translations,
    )
    assert chosen[0].text == "- Salt consumption: 7.5 kg per regeneration"


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How much does a CS-80 weigh?", ["weight"]),
        ("What do we list the WS-80 twin-tank softener at?", ["price"]),
        ("RO-2000 的目录价是多少？", ["price"]),
        ("DC-200对电源有什么要求？功率多大？", ["power", "supply"]),
        ("问下哈 报价单能管多久啊", ["validity"]),
        ("How do I log a complaint?", []),
        ("客户非要3年保修 我能不能先口头答应下来", []),
        ("What floor area is one DH-50 good for?", ["area"]),
        ("8匹的 CR-8 用的什么冷媒？噪音多少？", ["noise", "refrigerant"]),
        ("哥们问下，DH-50那个上排水到底能打多高啊", ["size"]),
        ("How long does a customer have to tell us about hidden transport damage?", ["time limit"]),
        ("What is the maximum efficiency of the GY-6K?", ["efficiency"]),
        ("What IP rating does the GB-10S battery have?", ["protection"]),
        ("GB-5 电池包的工作温度范围是多少？", ["temperature"]),
        ("LW-70 的产品经理是谁，分机多少？", ["contact"]),
        ("LT-1204T 的液压泵流量是多少？", ["flow"]),  # a pump's flow, not the tractor's travel speed
        ("How many litres of diesel an hour does the LT-804 burn?", ["consumption", "volume"]),
        ("HD-200 吊艇架最少要订几套？", ["minimum order"]),
        ("How far can the JD-40S motion sensor detect?", ["range"]),
        ("What colour temperature range can the YP-36T be tuned across?", ["colour temperature"]),
        ("那个YP36T调色的面板灯 显指多少来着", ["colour rendering"]),
        ("QX-220S 插电款的待机功耗是多少？", ["power"]),
        ("WX-225 的最高脱水转速是多少？", ["speed"]),
        ("销售代表的底薪是多少？", ["salary"]),
        ("客户逾期付款的话，滞纳金按什么利率收？", ["interest"]),
        ("How thick is the wall of the DK-16P drip tape?", ["thickness"]),
        ("DK-16P 的壁厚是多少？", ["thickness"]),
        ("yo whats the warrenty on the fm5t", ["warranty"]),
    ],
    ids=[
        "weigh-not-price",
        "list-at",
        "zh-list-price",
        "supply-and-power",
        "chat-validity",
        "no-attribute",
        "permission-not-figure",
        "area",
        "refrigerant-and-noise",
        "chat-lift-height",
        "time-limit",
        "efficiency",
        "ip-rating",
        "zh-temperature",
        "zh-extension",
        "zh-flow",
        "burns-litres-per-hour",
        "zh-fewest-to-order",
        "how-far",
        "colour-temperature-not-temperature",
        "zh-cri",
        "zh-standby-power",
        "zh-spin-speed",
        "zh-base-salary",
        "zh-late-fee-rate",
        "thickness",
        "zh-wall-thickness",
        "chat-typo-warranty",
    ],
)
def test_asked_attributes(question: str, names: list[str]) -> None:
    assert sorted(a.name for a in asked_attributes(question)) == sorted(names)


def test_the_dictionary_adds_the_knowledge_bases_own_words_for_an_attribute() -> None:
    table = {"weight": ["整机重量", "重量"], "重量": ["weight"]}
    (weight,) = asked_attributes("How heavy is it?", translate=lambda w: table.get(w, []))
    assert weight.in_text("| 整机重量 | 138 公斤 |")


def test_a_row_answers_the_attribute_its_label_ends_with_so_two_asked_attributes_get_two_rows() -> None:
    # "流速精度" names the flow and the accuracy; it states the accuracy, leaving "流速范围" to state the rate.
    title = "SP-10 注射泵 产品资料"
    specs = _chunk(
        "a",
        "二、技术参数",
        "| 项目 | 参数 |\n|---|---|\n| 流速范围 | 0.01–2000 mL/h |\n| 流速精度 | ±2% |\n| 电池续航 | 8 小时 |",
        0.5,
        title=title,
        source="/kb/SP-10.md",
    )
    question = "what flow accuracy does the SP-10 syringe pump give, and what's the top rate?"
    tips = _chunk(
        "b",
        "六、销售要点",
        "1. ±2%流速精度，是新生儿科、麻醉科关注的首要指标；\n2. 续航8小时。",
        0.6,
        title=title,
        source="/kb/SP-10.md",
    )
    translations = {"flow": ["流速"], "accuracy": ["精度"]}
    asked = f"{question} 流速 精度"
    chosen = select_sentences(asked, [tips, specs], {"a": 2, "b": 1}, _idf, language="en", translations=translations)
    texts = [s.text for s in chosen]
    assert "| 流速范围 | 0.01–2000 mL/h |" in texts
    assert "| 流速精度 | ±2% |" in texts


def test_a_line_under_a_heading_naming_the_asked_attribute_states_it_with_its_figure_alone() -> None:
    """"4. Warranty" over "18 months from the date of delivery.": the line never says "warranty" (before: the
    sheet's overview answered), but a line naming the attribute itself still wins over one the heading names."""
    title = "FM-5T Fertigation Unit - Product Sheet"
    source = "/kb/fm-5t_sheet.txt"
    overview = _chunk("a", "1. Overview", "The FM-5T is the FM-5 injector with a built-in telemetry controller.", 0.3,
                      title=title, source=source)
    warranty = _chunk("b", "4. Warranty", "18 months from the date of delivery. Wear parts are excluded.", 0.2,
                      title=title, source=source)
    question = "what's the warranty on the FM-5T"
    chosen = select_sentences(question, [overview, warranty], {"a": 1, "b": 2}, _idf, language="en")
    assert chosen[0].text == "18 months from the date of delivery."
    weights = _chunk(
        "c", "三、重量与尺寸", "外形尺寸：2100 mm × 1100 mm × 1700 mm。整机净重：236 kg。", 0.3
    )
    chosen = select_sentences("CS-80 整机有多重？", [weights], {"c": 1}, _idf, language="zh")
    assert chosen[0].text == "整机净重：236 kg。"
