"""Near misses refused by rule: a year, a suffixed model or a kind of thing the top document lacks while it has
siblings of it; a name the documents never use; and a typo that must not read as a word nobody covers."""

from __future__ import annotations

import pytest
from fakes import VocabularyLexicon

from knowledge.answerability import foreign_names, judge, spelled
from knowledge.calibration import AnswerabilityModel, Calibration
from knowledge.qualifiers import kind_qualifier, sibling_model, suffixed_model, year_qualifier
from knowledge.retriever import ScoredChunk, years_in

DEALERS_ZH = (
    "经销商管理办法\n一、经销商等级\n公司经销商分为金牌、银牌和普通三个等级，按上一年度采购额评定：\n"
    "- 金牌经销商：享受目录价 28% 的进货折扣；\n- 银牌经销商：享受目录价 22% 的进货折扣；\n"
    "- 普通经销商：享受目录价 15% 的进货折扣。"
)
DEALERS_EN = (
    "Dealer policy\nDealers are Gold, Silver or Standard by last year's purchases.\n"
    "Gold dealers get 28% off list. Silver dealers get 22% off list. Standard dealers get 15%."
)
CUSTOMERS_EN = "Key customers get a visit each month. New customers get a welcome call. Customers pay in 30 days."


def _none(term: str) -> list[str]:
    return []


def _unknown(term: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("question", "document", "asked", "siblings"),
    [
        ("钻石级经销商能拿到多少进货折扣？", DEALERS_ZH, "钻石", {"金牌", "银牌"}),
        ("What discount do platinum dealers get?", DEALERS_EN, "platinum", {"gold", "silver"}),
    ],
    ids=["zh-tier", "en-tier"],
)
def test_a_kind_the_document_lists_others_of_is_a_near_miss(
    question: str, document: str, asked: str, siblings: set[str]
) -> None:
    found = kind_qualifier(question, document, _unknown, _none)
    assert found is not None and found.kind == "kind" and found.asked == asked
    assert siblings <= set(found.have)


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("金牌经销商能拿到多少进货折扣？", DEALERS_ZH),
        ("What discount do gold dealers get?", DEALERS_EN),
        # "key" and "new" stand before "customers" but are never listed as kinds of customer
        ("How fast do overseas customers pay?", CUSTOMERS_EN),
    ],
    ids=["zh-listed-tier", "en-listed-tier", "no-list"],
)
def test_a_listed_kind_or_a_document_without_a_list_is_no_near_miss(question: str, document: str) -> None:
    assert kind_qualifier(question, document, _unknown, _none) is None


ORDERS_EN = "Urgent orders, same-day orders or standard orders: urgent and same-day orders pay RMB 200."
SAMPLES_ZH = "1. 库存样品：从库存领用。\n2. 回收样品：用后回收。\n库存、盘点、回收、控制样品均登记。"


@pytest.mark.parametrize(
    ("question", "document"),
    [("Do big orders need any extra review?", ORDERS_EN), ("客户想要样品试一下，我该走什么流程？", SAMPLES_ZH)],
    ids=["en-size", "zh-want"],
)
def test_a_size_or_a_wish_before_the_head_word_is_no_kind(question: str, document: str) -> None:
    """"big orders" is no kind of order the urgent/same-day list lacks; "想要样品" wants samples."""
    assert kind_qualifier(question, document, _unknown, _none) is None
    assert kind_qualifier("Do express orders cost extra?", ORDERS_EN, _unknown, _none) is not None


def test_a_kind_in_the_other_language_counts_as_present() -> None:
    def translate(word: str) -> list[str]:
        return ["金牌"] if word == "gold" else []

    assert kind_qualifier("What rebate does a gold-level dealer earn?", DEALERS_ZH, _unknown, _none, translate) is None


def test_a_year_the_document_does_not_give_is_a_near_miss_when_it_gives_others() -> None:
    found = year_qualifier(years_in("What was the LB-200 list price back in 2024?"), "价格（2026 年）", years_in)
    assert found is not None and found.asked == "2024" and found.have == ("2026",)
    assert year_qualifier({"2026"}, "价格（2026 年）", years_in) is None
    assert year_qualifier({"2024"}, "a sheet that dates nothing", years_in) is None


def test_a_trailing_letter_makes_another_model_even_where_the_family_writes_other_variants() -> None:
    found = suffixed_model(["cs80a"], frozenset({"cs80", "cs100", "cs60"}))
    assert found is not None and found.asked == "CS80A" and found.have == ("CS80",)
    # FY-230 and FY-230D documented: an FY-230S nobody documents is another product, not the FY-230.
    found = suffixed_model(["fy230s"], frozenset({"fy230", "fy230d", "fy260"}))
    assert found is not None and found.asked == "FY230S" and found.have == ("FY230",)
    assert suffixed_model(["cs80"], frozenset({"cs80"})) is None
    assert suffixed_model(["fy230d"], frozenset({"fy230", "fy230d"})) is None  # documented


def test_an_unknown_model_against_a_sibling_s_sheet_is_a_near_miss() -> None:
    found = sibling_model(["sp20"], frozenset({"sp10", "ip20", "pm8"}), ["sp10"])
    assert found is not None and found.asked == "SP20" and found.have == ("SP10",)
    assert sibling_model(["sp10"], frozenset({"sp10"}), ["sp10"]) is None  # documented
    assert sibling_model(["st3"], frozenset({"st3s"}), ["st3s"]) is None  # the start of a documented model
    assert sibling_model(["sp20"], frozenset({"sp10"}), ["ip20"]) is None  # the top sheet is another family
    assert sibling_model(["sp20", "sp10"], frozenset({"sp10"}), ["sp10"]) is None  # SP-10 vs SP-20: half known


def test_the_refusal_note_says_what_the_documents_give_instead() -> None:
    found = kind_qualifier("钻石级经销商能拿到多少进货折扣？", DEALERS_ZH, _unknown, _none)
    assert found is not None
    note = found.note("zh", "经销商管理办法 › 一、经销商等级")
    assert "金牌" in note and "银牌" in note and "钻石" in note and "没有" in note
    english = kind_qualifier("What discount do platinum dealers get?", DEALERS_EN, _unknown, _none)
    assert english is not None
    assert english.note("en", "Dealer policy").startswith("The documents give gold/silver")


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How much does Haier sell its commercial ice makers for?", ["Haier"]),
        ("美的的净水器现在卖多少钱？", ["美的"]),
        ("What's the hotel cap per night in Chengdu?", []),  # a place: a travel policy answers without naming it
        ("Order is late. Walk me through the steps.", []),  # a sentence's first word
        ("What does the 'Sales Star' title pay?", []),  # a quoted title
        ("How much do ice makers cost?", []),
        ("How much does Quick sell their ice makers for?", ["Quick"]),  # a brand that is also a chat word
        ("Hey, Quick one: ice maker price?", []),  # the chat word opening a clause
        ("丰禾农机那款拖拉机现在卖多少钱？", ["丰禾"]),  # a coined brand the dictionary pass splits (丰/禾)
        ("迈瑞监护仪现在报价多少", ["迈瑞"]),  # a coined brand opening the question, before a noun
        ("澜溪卫浴的感应龙头现在卖多少钱一台？", ["澜溪"]),
        ("质宝期多久啊", []),  # a typo the HMM joins is no name
        ("招大客户经理对行业经验有什么硬性要求？", []),  # a verb and an adjective the HMM joins
        ("坚邦胶业的聚氨酯密封胶现在卖多少钱一支？", ["坚邦"]),  # a coined name before a trade word (X业)
        ("禾润农科的注肥机报价大概多少？", ["禾润"]),  # a word the HMM made up, opening before a company word
        ("我们公司的注肥机报价多少？", []),
        ("鹿鸣农机的拖拉机多少钱？", []),  # the company's own name: the documents hold it
        ("有家公司想做我们的经销商", []),
    ],
    ids=[
        "brand-en",
        "brand-zh",
        "place",
        "sentence-start",
        "quoted",
        "no-name",
        "chat-word-brand",
        "chat-opening",
        "coined-brand-zh",
        "coined-brand-opening",
        "coined-brand-before-trade",
        "typo-zh",
        "verb-adjective-zh",
        "coined-trade-name",
        "coined-before-company-word",
        "our-company",
        "own-name-zh",
        "no-name-zh",
    ],
)
def test_names_the_documents_never_use(question: str, names: list[str]) -> None:
    lex = VocabularyLexicon(
        "ice maker makers commercial price hotel night cap order late steps sales title 鹿鸣 卫浴 聚氨酯"
    )
    assert foreign_names(question, lex, _none) == names  # type: ignore[arg-type]


def test_a_typo_is_read_as_the_word_the_documents_use() -> None:
    vocab = {"warranty": 0, "cost": 1}
    assert spelled("warrnty", vocab) == "warranty"
    assert spelled("warranty", vocab) == "warranty"
    assert spelled("cots", vocab) == "cots"  # short words are too often another word one edit away
    assert spelled("hrs", {"hours": 0}) == "hours"  # chat shorthand, when the documents use the word
    assert spelled("hrs", {"minutes": 0}) == "hrs"


def test_a_variant_of_a_known_chinese_word_is_not_unknown() -> None:
    from knowledge.answerability import signals

    lex = VocabularyLexicon("软水 价格 ws-40")
    hit = _hit("WS-40 软水器 价格 16800 元", title="WS-40 软水器")
    features = signals("WS-40软水机多少钱", [hit], lex, _none)  # type: ignore[arg-type]
    assert features["unknown_share"] == 0.0


def _hit(text: str, title: str = "Dealer policy") -> ScoredChunk:
    return ScoredChunk(
        chunk_id="c1",
        text=text,
        metadata={"language": "en", "title": title, "section": "Tiers", "source": "dealers.md"},
        score=1.0,
        relevance=0.9,
        coverage=0.9,
        cosine=0.6,
    )


def test_judge_refuses_when_the_best_passage_is_about_another_year() -> None:
    always = Calibration(answerability=AnswerabilityModel(weights={}, bias=10.0, threshold=0.5))
    lex = VocabularyLexicon("commission rate household products")
    plan = ScoredChunk(
        chunk_id="plan",
        text="Household products earn 3% commission.",
        metadata={"language": "en", "title": "Commission Plan 2025", "section": "Rates", "source": "plan.md"},
        score=2.0,
        relevance=0.0,
        coverage=0.9,
        blocked="year",
        cosine=0.6,
    )
    faq = _hit("Commission is paid monthly.", title="Sales FAQ")
    question = "What was the commission rate on household products back in 2023?"
    verdict = judge(question, [plan, faq], lex, always, _none, fallback_threshold=0.3)  # type: ignore[arg-type]
    assert not verdict.answerable and verdict.blocked == "year"
    assert judge(question, [faq, plan], lex, always, _none, fallback_threshold=0.3).answerable  # type: ignore[arg-type]


def test_judge_refuses_a_near_miss_and_a_foreign_name_before_the_fitted_model() -> None:
    always = Calibration(answerability=AnswerabilityModel(weights={}, bias=10.0, threshold=0.5))
    lex = VocabularyLexicon("dealers dealer gold silver standard discount list ice maker price")
    hits = [_hit(DEALERS_EN)]
    near = judge("What discount do platinum dealers get?", hits, lex, always, _none, fallback_threshold=0.3)  # type: ignore[arg-type]
    assert not near.answerable and near.blocked == "qualifier" and "platinum" in near.note
    named = judge("What does Haier charge for an ice maker?", hits, lex, always, _none, fallback_threshold=0.3)  # type: ignore[arg-type]
    assert not named.answerable and named.blocked == "name"
    fine = judge("What discount do gold dealers get?", hits, lex, always, _none, fallback_threshold=0.3)  # type: ignore[arg-type]
    assert fine.answerable and not fine.blocked


def test_a_letter_the_family_uses_beside_a_plain_namesake_makes_another_model() -> None:
    # LW-25 and LW-25S are both documented: the "S" is a product line, so an LW-30S is not the LW-30...
    found = suffixed_model(["lw30s"], frozenset({"lw25", "lw25s", "lw30", "lw50"}))
    assert found is not None and found.asked == "LW30S" and found.have == ("LW30",)


def test_an_upper_case_letter_after_the_number_is_a_model_not_a_plural() -> None:
    from knowledge.retriever import designations

    assert designations("LW-25S") == {("lw25s", "")}
    assert designations("two AX-200s") == {("ax200", "")}
    assert designations("LW-100Pro and the LW-30 Pro") == {("lw100", "pro"), ("lw30", "pro")}


SHEET_ZH = (
    "LW-20 洗脱机 产品资料\n二、主要技术参数\n- 额定容量：20 kg\n- 整机重量：520 kg\n三、价格\n含税目录价：¥86,000 / 台"
)


def test_the_named_model_s_sheet_stating_the_asked_attribute_answers_whatever_the_wording() -> None:
    never = Calibration(answerability=AnswerabilityModel(weights={}, bias=-10.0, threshold=0.5))
    lex = VocabularyLexicon("lw20 洗脱机 重量 价格")
    ask = "How heavy is the LW-20 washer?"
    sheet = _hit("适用于酒店和学校的洗衣房。", title="LW-20 洗脱机 产品资料")
    granted = judge(ask, [sheet], lex, never, _none, fallback_threshold=0.3, document=SHEET_ZH)  # type: ignore[arg-type]
    assert granted.answerable and granted.granted == "attribute" and granted.probability < 0.5
    # Another model's sheet, an attribute the sheet does not state, or no sheet text: the fitted model decides.
    # A year the sheet never names: the sheet cannot vouch for that year's price ("2024年版价目表上 LW-20 多少钱").
    for question, title in (
        ("How heavy is the LW-25 washer?", "LW-20 洗脱机 产品资料"),
        ("How loud is the LW-20?", "LW-20 洗脱机 产品资料"),
        (ask, "洗衣房规划指南"),
        ("2024年版价目表上 LW-20 多少钱？", "LW-20 洗脱机 产品资料"),
    ):
        overview = _hit("适用于酒店和学校的洗衣房。", title=title)
        verdict = judge(question, [overview], lex, never, _none, fallback_threshold=0.3, document=SHEET_ZH)  # type: ignore[arg-type]
        assert not verdict.answerable and not verdict.granted, question


def test_the_asked_models_sheet_below_another_document_still_answers_its_attribute() -> None:
    """The AC20F sheet's "Positioning against the AC10" ranked above the AC10's own sheet for "What warranty does
    the AC10 have?": the attribute rule reads the asked model's sheet wherever it ranked (`sheet`)."""
    never = Calibration(answerability=AnswerabilityModel(weights={}, bias=-10.0, threshold=0.5))
    lex = VocabularyLexicon("lw20 lw25 洗脱机 重量 价格")
    ask = "How heavy is the LW-20 washer?"
    other = _hit("LW-20 适合中小型洗衣房。", title="洗衣房选型指南")
    own = _hit("适用于酒店和学校的洗衣房。", title="LW-20 洗脱机 产品资料")
    top_only = judge(ask, [other, own], lex, never, _none, fallback_threshold=0.3, document="洗衣房选型指南 …")  # type: ignore[arg-type]
    assert not top_only.answerable
    with_sheet = judge(  # type: ignore[arg-type]
        ask, [other, own], lex, never, _none, fallback_threshold=0.3, document="洗衣房选型指南 …", sheet=(own, SHEET_ZH)
    )
    assert with_sheet.answerable and with_sheet.granted == "attribute"


def test_a_label_the_document_never_gives_beside_its_siblings_is_a_case_it_lacks() -> None:
    from knowledge.qualifiers import label_qualifier

    document = "Level A - Safety: respond in 4 hours. Level B - Function. Level C - General.\n"
    document += "一级经销商、二级经销商。一级延迟"
    found = label_qualifier("What's the response time for a Level D complaint?", document)
    assert found is not None and found.asked == "Level D" and found.have == ("Level A", "Level B", "Level C")
    assert label_qualifier("What's the response time for a Level B complaint?", document) is None
    zh = label_qualifier("三级经销商的返利是多少？", document)
    assert zh is not None
    assert zh.note("zh", "经销商政策") == "资料里有一级、二级经销商的内容（经销商政策），没有三级经销商的。"
    assert label_qualifier("二级经销商的返利是多少？", document) is None
    assert label_qualifier("三级延迟怎么补偿？", document) is None  # one delay level given: no siblings to go by
    assert label_qualifier("How do I type a quote?", document) is None


def test_a_quarter_the_document_never_gives_beside_another_is_a_case_it_lacks() -> None:
    from knowledge.qualifiers import quarter_qualifier

    document = "公司决定在2026年第二季度开展换油季促销活动。"
    found = quarter_qualifier("三季度公司有什么促销活动？", document)
    assert found is not None and found.note("zh", "促销政策") == "资料里有Q2的内容（促销政策），没有Q3的。"
    assert quarter_qualifier("二季度的活动到什么时候？", document) is None
    assert quarter_qualifier("What promotion runs this quarter?", document) is None  # no quarter named
    assert quarter_qualifier("What runs in Q3?", "a price list that dates nothing") is None


TRAVEL_ZH = "差旅费用标准\n三、住宿标准\n一线城市每晚 500 元，二线城市每晚 400 元，其他城市每晚 300 元。"


@pytest.mark.parametrize(
    ("question", "document", "asked"),
    [
        ("去香港出差住宿标准是每晚多少钱？", TRAVEL_ZH, "香港"),
        ("What's the hotel cap per night for a trip to Singapore?", TRAVEL_ZH, "Singapore"),
        ("What's the hotel limit for overseas trips?", TRAVEL_ZH, "overseas"),
        ("去成都出差住宿标准多少？", TRAVEL_ZH, None),  # a city of the tiers, named or not
        ("去香港出差住宿标准是每晚多少钱？", TRAVEL_ZH + "\n境外出差按实际发生报销。", None),  # abroad is covered
        ("What do we charge a customer in Vietnam?", "Export prices are quoted FOB Shanghai in USD.", None),
        ("Can we quote the LW-20 in US dollars?", "Price: USD 1,200 per unit.", None),  # a currency, no place
    ],
    ids=["hong-kong", "singapore", "overseas", "domestic-city", "abroad-covered", "export-covered", "us-dollars"],
)
def test_a_place_abroad_the_document_never_speaks_of_is_a_near_miss(
    question: str, document: str, asked: str | None
) -> None:
    from knowledge.qualifiers import place_qualifier

    found = place_qualifier(question, document)
    assert (found.asked if found else None) == asked


COLLECTION_ZH = (
    "应收账款逾期催收管理办法\n二、逾期的定义\n自合同约定付款日的次日起，客户未足额付款的，即视为逾期。\n"
    "三、催收步骤\n1. 逾期 7 天：销售代表电话提醒客户。\n2. 逾期 30 天：财务部发出书面催款函。"
)


@pytest.mark.parametrize(
    ("question", "document", "asked"),
    [
        ("客户逾期付款的话，我们按什么利率收滞纳金？", COLLECTION_ZH, "利率"),
        ("What's the base salary for a sales rep?", "Commission: 3% of sales, paid quarterly.", "base salary"),
        ("逾期多少天财务发催款函？", COLLECTION_ZH, None),  # no attribute asked: the steps answer it
        ("What late payment interest do we charge?", "Overdue invoices bear interest at 0.05% per day.", None),
    ],
    ids=["rate-not-given", "salary-not-given", "no-attribute", "interest-given"],
)
def test_an_asked_attribute_no_line_of_the_document_states_is_a_near_miss(
    question: str, document: str, asked: str | None
) -> None:
    from knowledge.answerability import unstated_attribute

    found = unstated_attribute(question, document, lambda term: [])
    assert (found.asked if found else None) == asked


def test_a_yes_no_question_or_a_late_fee_stated_with_its_rate_is_no_unstated_attribute() -> None:
    from knowledge.answerability import unstated_attribute

    terms = "Overdue amounts bear a late fee of 0.05% per day, as stated in the standard sales contract."
    assert unstated_attribute("What late fee do we charge on overdue invoices?", terms, lambda term: []) is None
    deposit = "协议终止后 30 日内无息退还保证金。"
    assert unstated_attribute("代理协议终止后保证金多久能退回来，有利息吗？", deposit, lambda term: []) is None


def test_a_web_address_or_a_comma_before_the_head_word_lists_no_kind() -> None:
    document = (
        "Warranty periods: see service.example.com/warranty for the form. Units, warranty and service are "
        "listed below. The unit warranty runs 24 months."
    )
    found = kind_qualifier("What is the whole-machine warranty?", document, _unknown, _none)
    assert found is None  # "com" and "units," are no kinds of warranty beside "unit"
