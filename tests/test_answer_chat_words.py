"""Chat phrasing: filler, dialect and chat words are not terms a passage must contain to answer."""

from __future__ import annotations

import pytest

from knowledge.grounding import informative_terms


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("客户要12个点的折扣 这块谁拍板？", ("客户", "12", "折扣", "拍板")),
        ("回款率到底低于多少就评不上优秀了", ("回款", "低于", "评不", "优秀")),
        ("hey quick one, whats the MOQ on the 300ml sealant tubes", ("moq", "300ml", "sealant", "tubes")),
        ("walk me thru the refund process", ("refund", "process")),
        ("cust says their order still hasn't arrived", ("cust", "order", "arrived")),
    ],
    ids=["zhe-kuai", "dao-di", "hey-quick-one", "walk-me-thru", "says-hasnt"],
)
def test_chat_words_are_not_informative(question: str, terms: tuple[str, ...]) -> None:
    assert informative_terms(question) == terms
