"""Tokenizer and sentence splitter: the contracts BM25 retrieval and the chunker rely on."""

from __future__ import annotations

import pytest

from core.text import split_sentences, tokenize


@pytest.mark.parametrize(
    ("text", "must_contain", "must_not_contain"),
    [
        ("AX-100 Pro", ["ax-100", "ax", "100", "pro", "ax100"], []),
        ("K7", ["k7"], ["k", "7"]),
        ("The K7 Lite", ["k7", "lite"], ["the"]),
        ("Is the discount 7.5%?", ["discount", "7.5"], ["is", "the", "7", "5"]),
        ("USB-C port, e.g. on the X2", ["usb-c", "usb", "x2"], ["e.g", "e", "g"]),
        ("AX-100 Pro 的保修期是多久？", ["ax-100", "pro", "保修期", "保修", "多久"], ["的", "是", "？"]),
        ("客户逾期付款怎么升级处理", ["客户", "逾期", "付款", "升级", "处理"], ["怎么"]),
        ("Hello, world!!! (really)", ["hello", "world", "really"], ["!", ",", "("]),
        ("over 50,000 CNY, 1,234,567 units, items 1,2", ["50000", "cny", "1234567", "1", "2"], ["50", "000"]),
        ("旧机 75kW–160kW, 7.5kW, 300W", ["75kw", "75", "kw", "160", "7.5kw", "7.5", "300w", "300"], ["w", "5kw"]),
    ],
    ids=[
        "model-number-parts",
        "short-model",
        "model-variant",
        "decimal",
        "hyphen-word",
        "zh-with-model",
        "zh-question",
        "punctuation",
        "thousands",
        "figure-and-unit",
    ],
)
def test_tokenize(text: str, must_contain: list[str], must_not_contain: list[str]) -> None:
    tokens = tokenize(text)
    for token in must_contain:
        assert token in tokens, (token, tokens)
    for token in must_not_contain:
        assert token not in tokens, (token, tokens)


def test_model_variants_stay_distinct() -> None:
    """ "K7 Lite" differs from "K7" only by "lite"; "AX100" and "AX-100" meet on ax100."""
    assert set(tokenize("K7 Lite")) - set(tokenize("K7")) == {"lite"}
    assert "ax100" in set(tokenize("AX100")) & set(tokenize("AX-100"))
    assert tokenize("AX-200") != tokenize("AX-100")


def test_tokenize_lowercases_and_handles_empty() -> None:
    assert tokenize("CRM Report") == tokenize("crm report") == ["crm", "report"]
    assert tokenize("") == []
    assert tokenize("   ，。！  ") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Discounts up to 7.5% are fine. Above that, ask.",
            ["Discounts up to 7.5% are fine.", "Above that, ask."],
        ),
        ("Call No.1 first! Then e.g. the CFO? Yes.", ["Call No.1 first!", "Then e.g. the CFO?", "Yes."]),
        ("Dr. Li signs. Mr. Wang reviews.", ["Dr. Li signs.", "Mr. Wang reviews."]),
        ("Gao Feng, ext. 8352. Max. pressure: 22 MPa.", ["Gao Feng, ext. 8352.", "Max. pressure: 22 MPa."]),
        (
            "逾期30天通知经理。逾期60天升级！需要审批吗？是；否",
            ["逾期30天通知经理。", "逾期60天升级！", "需要审批吗？", "是；", "否"],
        ),
        ("他说：“必须签字。”然后离开。", ["他说：“必须签字。”", "然后离开。"]),
        ("第一行\n第二行", ["第一行", "第二行"]),
        ("- one item\n- two item\n| a | b |", ["- one item", "- two item", "| a | b |"]),
        ("1. Call first.\n2. Then write.\nb) Last", ["1. Call first.", "2. Then write.", "b) Last"]),
        ("The cap is\n7.5% of list. Done.", ["The cap is 7.5% of list.", "Done."]),
        (
            "a sentence that was\nwrapped by the PDF. Next one.",
            ["a sentence that was wrapped by the PDF.", "Next one."],
        ),
        ("", []),
    ],
    ids=[
        "decimal",
        "abbrev-no-eg",
        "titles",
        "ext-max",
        "zh-punct",
        "zh-quote",
        "zh-newline",
        "list-lines",
        "numbered-list",
        "wrapped-before-decimal",
        "wrapped",
        "empty",
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_split_sentences_loses_no_text() -> None:
    text = "销售经理负责审批。折扣超过10%需要总监批准！This is English. And 7.5 stays."
    assert "".join(split_sentences(text)).replace(" ", "") == text.replace(" ", "")


def test_a_model_number_in_the_plural_yields_the_models_tokens() -> None:
    assert {"ax-200", "ax200", "200"} <= set(tokenize("we need 25 AX-200s"))
    assert "k7" in tokenize("three K7s")
    assert tokenize("apps and 1990s") == ["apps", "1990s"]  # ordinary plurals and decades untouched


def test_british_spellings_are_looked_up_as_the_dictionary_spells_them() -> None:
    from knowledge.dictionary import base_forms

    assert "color" in base_forms("colours")
    assert "center" in base_forms("centres")
    assert "license" in base_forms("licence")
    assert "authorize" in base_forms("authorised")
    assert base_forms("hour") == ["hour"]
