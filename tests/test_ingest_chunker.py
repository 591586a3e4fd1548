"""Chunking: heading paths, stable ids, splitting at sentence ends (English and Chinese), whole lists."""

from __future__ import annotations

import re

import pytest

from core.documents import DocumentMeta
from core.text import split_sentences
from ingest.chunker import chunk_document, split_text
from ingest.models import ParsedDocument, Section

ZH_SENTENCE_END = re.compile(r"[。！？；]$")


def _doc(*sections: tuple[tuple[str, ...], str], content_hash: str = "h1") -> ParsedDocument:
    meta = DocumentMeta(source="/kb/manual.md", title="Sales Duty Manual", content_hash=content_hash)
    return ParsedDocument(meta=meta, sections=[Section(path, text) for path, text in sections])


def test_one_chunk_per_short_section_with_heading_path() -> None:
    doc = _doc(
        (("Sales Duty Manual",), "Intro."),
        (("Sales Duty Manual", "Collections", "Overdue Escalation"), "Escalate at 30 days."),
        (("Sales Duty Manual", "Empty"), "   "),
    )
    chunks = chunk_document(doc)
    assert [(c.section, c.text, c.ordinal) for c in chunks] == [
        ("Sales Duty Manual", "Intro.", 0),
        ("Sales Duty Manual > Collections > Overdue Escalation", "Escalate at 30 days.", 1),
    ]
    assert all(c.meta is doc.meta for c in chunks)


def test_chunk_ids_are_stable_and_change_with_content_hash() -> None:
    sections = ((("T",), "One."), (("T", "B"), "Two."))
    first = [c.chunk_id for c in chunk_document(_doc(*sections))]
    again = [c.chunk_id for c in chunk_document(_doc(*sections))]
    changed = [c.chunk_id for c in chunk_document(_doc(*sections, content_hash="h2"))]
    assert first == again
    assert len(set(first)) == 2
    assert not set(first) & set(changed)


def test_long_english_section_splits_at_sentence_boundaries() -> None:
    sentences = [f"Rule {n} says the rep must log visit number {n} within 24 hours." for n in range(40)]
    text = " ".join(sentences)
    chunks = chunk_document(_doc((("T", "CRM"), text)), max_chars=300)
    assert len(chunks) > 1
    assert all(len(c.text) <= 300 for c in chunks)
    assert all(c.section == "T > CRM" for c in chunks)
    # every chunk is a run of whole sentences, and together they are the whole section
    rebuilt = [s for c in chunks for s in split_sentences(c.text)]
    assert rebuilt == sentences


def test_chunks_are_balanced_not_greedy() -> None:
    text = " ".join(["This sentence is exactly fifty characters long ok."] * 20)  # ~1,000 chars
    sizes = [len(c) for c in split_text(text, max_chars=700)]
    assert len(sizes) == 2
    assert max(sizes) - min(sizes) <= 60


def test_chinese_never_split_mid_sentence() -> None:
    sentences = [
        f"第{n}条：客户逾期超过三十天的，销售人员须在两个工作日内书面通知部门经理并抄送财务部门。" for n in range(30)
    ]
    sentences[7] = "重要提示！"
    sentences[12] = "是否需要总监审批？"
    sentences[20] = "例外情况如下；"
    text = "".join(sentences)
    chunks = chunk_document(_doc((("销售手册", "回款"), text)), max_chars=200)
    assert len(chunks) > 3
    for chunk in chunks:
        assert ZH_SENTENCE_END.search(chunk.text), chunk.text
        assert len(chunk.text) <= 200
    assert "".join(c.text for c in chunks) == text


def test_single_overlong_sentence_stays_whole() -> None:
    long_sentence = "The escalation path " + "and then the next step " * 40 + "ends here."
    text = f"Short first. {long_sentence} Short last."
    pieces = split_text(text, max_chars=100)
    assert long_sentence in pieces
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_list_and_table_kept_together_with_their_intro() -> None:
    prose = " ".join(["Filler sentence about reporting duties."] * 8)
    table = "| Level | Limit |\n| Junior | 5% |\n| Senior | 10% |\n| Manager | 15% |"
    text = f"{prose}\n\nDiscount limits:\n{table}\n\n{prose}"
    pieces = split_text(text, max_chars=400)
    holder = [p for p in pieces if "| Junior | 5% |" in p]
    assert len(holder) == 1
    assert "Discount limits:\n" + table in holder[0]


def test_oversized_list_splits_between_items_only() -> None:
    items = [f"- Item {n}: call the customer and confirm the delivery date." for n in range(20)]
    pieces = split_text("\n".join(items), max_chars=250)
    assert len(pieces) > 1
    assert [line for p in pieces for line in p.splitlines()] == items


def test_chinese_list_items_keep_their_lines_when_a_section_is_cut() -> None:
    intro = "应收账款逾期催收按以下步骤执行："
    items = [
        f"（{n}）逾期{d}天以上：由{who}负责催收，并在系统中记录催收情况；"
        for n, d, who in [("一", 1, "业务员"), ("二", 16, "大区经理"), ("三", 31, "财务部"), ("四", 61, "营销总监")]
    ]
    prose = "本办法适用于公司全部客户的应收账款管理，由财务部负责解释。" * 4
    pieces = split_text("\n".join([prose, intro, *items]), max_chars=200)
    lines = [line for p in pieces for line in p.splitlines()]
    # Was one line "（一）…；（二）…；（三）…" once the section was cut: the items were rejoined as prose.
    assert all(item in lines for item in items)


@pytest.mark.parametrize("max_chars", [0, -5], ids=["zero", "negative"])
def test_max_chars_must_be_positive(max_chars: int) -> None:
    with pytest.raises(ValueError, match="max_chars must be positive"):
        chunk_document(_doc((("T",), "x")), max_chars=max_chars)


def test_oversized_table_repeats_its_header_row() -> None:
    header = "| AX-100 item | Value |"
    rows = [f"| Spec {n} | {n * 10} m³/h measured at full fan speed |" for n in range(12)]
    pieces = split_text("\n".join([header, *rows]), max_chars=200)
    assert len(pieces) > 1
    assert all(p.startswith(header + "\n") for p in pieces)
    assert [line for p in pieces for line in p.splitlines() if line != header] == rows
    assert all(len(p) <= 200 for p in pieces)
