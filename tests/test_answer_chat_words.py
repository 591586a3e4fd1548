"""Chat phrasing: filler, dialect and chat words are not terms a passage must contain to answer."""

from __future__ import annotations

import pytest

from knowledge.grounding import informative_terms


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("客户要12个点的折扣 这块谁拍板？", ("客户", "12", "折扣", "拍板")),
        ("回款率到底低于多少就评不上优秀了", ("回款", "低于", "评不", "优秀")),
        ("hey quick one, whats the MOQ on the 300ml sealant tubes", ("moq", "300ml", "300", "ml", "sealant", "tubes")),
        ("walk me thru the refund process", ("refund", "process")),
        ("cust says their order still hasn't arrived", ("cust", "order", "arrived")),
        ("哈喽～MD-C2018w 零售多少钱呀，客户嫌贵😂", ("md-c2018w", "零售", "客户")),
        ("emmm 废粉盒是哪个型号啊，多少钱一个", ("粉盒", "型号")),
        ("quick sanity check, the SLA credit maxes out at 20% right?", ("check", "sla", "credit", "out", "20")),
        ("哈尔滨出差住宿标准", ("哈尔滨", "出差", "住宿", "标准")),
        ("报价单有效期多久来着，急急急！！", ("报价单", "有效期")),
    ],
    ids=[
        "zhe-kuai",
        "dao-di",
        "hey-quick-one",
        "walk-me-thru",
        "says-hasnt",
        "ha-lou",
        "emmm",
        "sanity",
        "harbin",
        "ji-ji-ji",
    ],
)
def test_chat_words_are_not_informative(question: str, terms: tuple[str, ...]) -> None:
    assert informative_terms(question) == terms


def test_a_chat_word_jieba_tags_as_a_name_is_no_unknown_name() -> None:
    """jieba reads "各位大佬" as a name; a name rule must not refuse the question for it."""
    from core.text import tokenize
    from knowledge.answerability import foreign_names
    from knowledge.lexical import LexicalIndex

    lex = LexicalIndex.build([("c1", tokenize("周例会：每周一上午9:00"), "")], generation=1)
    assert foreign_names("各位大佬，周例会是周几几点来着", lex, lambda term: []) == []


def test_a_number_unit_jieba_joins_to_the_next_word_names_no_one() -> None:
    """The question "提货300万能拿多少返利": jieba reads 万能 (all-purpose) as a proper noun; the 万 belongs to
    300. A brand after a number is still a name."""
    from core.text import tokenize
    from knowledge.answerability import foreign_names
    from knowledge.lexical import LexicalIndex

    lex = LexicalIndex.build([("c1", tokenize("年提货额达到300万元的返利3%"), "")], generation=1)
    assert foreign_names("经销商一年提货300万能拿多少返利？", lex, lambda term: []) == []
    assert foreign_names("3000元的海尔冰箱怎么样", lex, lambda term: []) == ["海尔"]


def test_a_short_form_of_a_word_the_documents_use_names_no_one() -> None:
    """"Sales Admin" where the SOP writes "Sales Administration"; an unknown brand is still a name."""
    from core.text import tokenize
    from knowledge.answerability import foreign_names
    from knowledge.lexical import LexicalIndex

    lex = LexicalIndex.build([("c1", tokenize("Sales Administration enters the order."), "")], generation=1)
    assert foreign_names("How do I change an order after Sales Admin entered it?", lex, lambda term: []) == []
    assert foreign_names("Does Midea sell the same order?", lex, lambda term: []) == ["Midea"]
