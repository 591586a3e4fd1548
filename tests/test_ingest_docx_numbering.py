"""Word's automatic list numbering survives ingest: steps keep their numbers, in order, as one list."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ingest.docx_numbering import format_number
from ingest.loaders import parse_file


def _number(paragraph: Paragraph, num_id: int, level: int = 0) -> None:
    """Give a paragraph its own w:numPr, as Word does when a list is numbered by the toolbar button."""
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num)
    p_pr.append(num_pr)


def _list_number_id(document: docx.document.Document) -> int:
    """The numId the default template's "List Number" style numbers with."""
    num_pr = document.styles["List Number"].element.find(qn("w:pPr")).find(qn("w:numPr"))
    return int(num_pr.find(qn("w:numId")).get(qn("w:val")))


def test_list_number_paragraphs_keep_their_numbers_in_an_unstyled_document(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("客户退货办理规定")
    document.add_paragraph("退货按以下步骤办理：")
    for step in ("销售代表提交退货申请", "售后服务部完成鉴定", "财务部办理退款"):
        document.add_paragraph(step, style="List Number")
    document.add_paragraph("退货须经销售总监批准。")
    path = tmp_path / "returns.docx"
    document.save(str(path))
    doc = parse_file(path)
    text = "\n".join(s.text for s in doc.sections)
    # (before: the three steps were "- 销售代表提交退货申请" ... with no numbers)
    assert "1. 销售代表提交退货申请\n2. 售后服务部完成鉴定\n3. 财务部办理退款" in text
    assert all(not any("办理退款" in part for part in s.heading_path) for s in doc.sections)


def test_numbering_set_on_the_paragraph_counts_per_list_and_level(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Complaint handling", level=1)
    num_id = _list_number_id(document)
    for text in ("Record", "Classify", "Close"):
        _number(document.add_paragraph(text), num_id)
    path = tmp_path / "complaints.docx"
    document.save(str(path))
    doc = parse_file(path)
    (section,) = [s for s in doc.sections if "Record" in s.text]
    # Short step lines are list items, not headings, and keep their numbers.
    assert section.text.splitlines()[-3:] == ["1. Record", "2. Classify", "3. Close"]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (2, "chineseCounting", "二"),
        (12, "chineseCountingThousand", "十二"),
        (4, "lowerRoman", "iv"),
        (28, "upperLetter", "BB"),
        (5, "decimalEnclosedCircle", "⑤"),
    ],
    ids=["decimal", "chinese", "chinese-twelve", "roman", "letter-wraps", "circled"],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected
