"""Chat fillers and asked amounts are not what a question is about: they must not count as topic terms (a
knowledge base never uses "yo" or "一天", so they read as a topic nobody covers and sink the gate)."""

from __future__ import annotations

import pytest

from knowledge.grounding import informative_terms


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("yo quick one - whats the warranty on the sw2000 again?? customer asking", ("warranty", "sw2000", "customer")),
        ("IM-250 一天能出多少冰？", ("im-250",)),
        ("SW-2000 加装称重模块要加多少钱？", ("sw-2000", "加装", "称重", "模块")),
        ("DF-900 功率多大，一天耗电多少度？", ("df-900", "功率", "耗电")),
        ("逾期账款一般怎么一步步催收？", ("逾期", "账款", "催收")),
        ("老大 经销商给终端报价最低能到几折啊", ("经销商", "终端", "报价", "最低")),
        ("sry dumb q but the E2 boiler is 12L or 18L?? cant rember", ("e2", "boiler", "12l", "12", "18l", "18")),
        ("GY-8K-H 有几路 MPPT？", ("gy-8k-h", "mppt")),
    ],
    ids=[
        "en-chat",
        "zh-per-day",
        "zh-how-much-more",
        "zh-how-many-units",
        "zh-step-by-step",
        "zh-address",
        "en-typos",
        "zh-how-many-of-any-measure",
    ],
)
def test_fillers_and_amounts_are_not_topic_terms(question: str, terms: tuple[str, ...]) -> None:
    assert informative_terms(question) == terms


@pytest.mark.parametrize(
    ("question", "chatty", "words"),
    [
        ("哎问下哈，日报要是老迟交，迟几次会扣分啊，扣多少？", 5, 16),
        ("hey quick one, whats the daily meal allowance when im out visiting clients in town?", 6, 15),
        ("What is the warranty of the AX-100?", 0, 7),
        ("AX-100 的质保期是多久？", 1, 6),
    ],
)
def test_chat_words_count_the_words_that_chat_or_ask_among_all(question: str, chatty: int, words: int) -> None:
    """The answerability model reads coverage in the light of how chatty the question is (knowledge.answerability
    `chat_words`, `chat_share`): chat phrasing shares fewer of the document's words without being less answered."""
    from knowledge.grounding import chat_words

    assert chat_words(question) == (chatty, words)
