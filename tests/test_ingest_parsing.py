"""Parsing: front matter validation, title/language inference, heading paths, and each file format."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
from fixtures_ingest import write_docx, write_pdf

from ingest.chunker import chunk_document
from ingest.language import detect_language
from ingest.loaders import parse_file
from ingest.models import IngestError
from ingest.sources import discover

SAMPLE_KB = Path(__file__).resolve().parent.parent / "samples" / "kb"

MANUAL = """---
title: Sales Duty Manual
doc_type: duty_manual
language: en
version: 3.10
effective_date: 2026-01-01
review_by: 2027-06-30
audience: [Manager, senior]
---

# Sales Duty Manual

Intro text before any section.

## Collections

Collect on time.

### Overdue Escalation

At 30 days overdue, tell your manager.

```
# not a heading inside a fence
```

## CRM Reporting

Log visits within 24 hours.
"""


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_markdown_front_matter_and_heading_paths(tmp_path: Path) -> None:
    path = _write(tmp_path, "manual.md", MANUAL)
    doc = parse_file(path)
    meta = doc.meta
    assert (meta.title, meta.doc_type, meta.language, meta.version) == (
        "Sales Duty Manual",
        "duty_manual",
        "en",
        "3.10",  # kept as written, not the float 3.1
    )
    assert meta.effective_date == date(2026, 1, 1)
    assert meta.review_by == date(2027, 6, 30)
    assert meta.audience == ("manager", "senior")
    assert meta.source == str(path.resolve())
    assert meta.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [s.heading_path for s in doc.sections] == [
        ("Sales Duty Manual",),
        ("Sales Duty Manual", "Collections"),
        ("Sales Duty Manual", "Collections", "Overdue Escalation"),
        ("Sales Duty Manual", "CRM Reporting"),
    ]
    assert doc.sections[0].text == "Intro text before any section."
    assert "# not a heading inside a fence" in doc.sections[2].text


@pytest.mark.parametrize(
    ("front", "match"),
    [
        ("title: [unclosed", r"bad\.md: front matter is not valid YAML at line 2"),
        ("doc_type: memo", r"bad\.md: front matter line 2: doc_type 'memo' is not one of duty_manual"),
        ("language: fr", r"bad\.md: front matter line 2: language 'fr' is not one of en, zh"),
        (
            "title: X\nreview_by: 2025-13-01",
            r"bad\.md: front matter line 3: review_by '2025-13-01' is not a date",
        ),
        ("effective_date: next week", r"bad\.md: .*effective_date 'next week' is not a date"),
        ("- just\n- a list", r"bad\.md: front matter must be a mapping"),
        ("title: A\ntitle: B", r"bad\.md: front matter line 3: field 'title' given twice"),
        (None, r"bad\.md: front matter opened with --- on line 1 is never closed"),
    ],
    ids=[
        "bad-yaml",
        "unknown-doc-type",
        "unknown-language",
        "impossible-date",
        "not-a-date",
        "not-a-mapping",
        "duplicate-field",
        "never-closed",
    ],
)
def test_invalid_front_matter_names_file_and_field(tmp_path: Path, front: str | None, match: str) -> None:
    text = "---\ntitle: Doc\n# Doc\n\nBody text.\n" if front is None else f"---\n{front}\n---\n# Doc\n\nBody.\n"
    path = _write(tmp_path, "bad.md", text)
    with pytest.raises(IngestError, match=match) as info:
        parse_file(path)
    assert "\n" not in str(info.value)
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("front", "doc_type", "language"),
    [
        ("owner: sales ops\nmaintained_by: Li Wei", None, None),
        ("doc_type: product sheet\nlang: zh", "product", "zh"),
        ("type: 产品说明书", "product", None),
        ("doc_type: Sales Handbook", "duty_manual", None),
        ("doc_type: 退换货政策", "policy", None),
    ],
    ids=["bookkeeping-fields-ignored", "product-sheet-and-lang", "chinese-type", "handbook", "chinese-policy"],
)
def test_front_matter_as_companies_write_it_is_read_not_refused(
    tmp_path: Path, front: str, doc_type: str | None, language: str | None
) -> None:
    """Real documents carry their own fields and say 'product sheet' or 产品说明书: indexed, not refused."""
    path = _write(tmp_path, "real.md", f"---\ntitle: Real\n{front}\n---\n# Real\n\nBody text.\n")
    meta = parse_file(path).meta
    assert meta.title == "Real"
    if doc_type is not None:
        assert meta.doc_type == doc_type
    if language is not None:
        assert meta.language == language


@pytest.mark.parametrize(
    ("name", "content", "title", "language"),
    [
        ("collections.md", "Preamble.\n\n# Overdue Rules\n\nEscalate at 30 days.\n", "Overdue Rules", "en"),
        ("no-heading.md", "Just a paragraph of notes.\n", "no-heading", "en"),
        ("k7.md", "# K7 净水器\n\nK7 的保修期为两年，滤芯每六个月更换一次。\n", "K7 净水器", "zh"),
        (
            "zh-front.md",
            "---\nlanguage: zh-CN\n---\nAX-100 Pro product sheet in English.\n",
            "zh-front",
            "zh",
        ),
    ],
    ids=["first-heading", "file-stem", "detected-chinese", "front-matter-language-wins"],
)
def test_title_and_language_inference(tmp_path: Path, name: str, content: str, title: str, language: str) -> None:
    doc = parse_file(_write(tmp_path, name, content))
    assert doc.meta.title == title
    assert doc.meta.language == language
    assert doc.meta.doc_type == "faq"


def test_text_before_first_heading_belongs_to_title(tmp_path: Path) -> None:
    doc = parse_file(_write(tmp_path, "a.md", "Preamble.\n\n# Overdue Rules\n\n## Steps\n\nCall.\n"))
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        (("Overdue Rules",), "Preamble."),
        (("Overdue Rules", "Steps"), "Call."),
    ]


def test_setext_headings(tmp_path: Path) -> None:
    text = "Duty Manual\n===========\n\nIntro.\n\nCollections\n-----------\n\nPay on time.\n"
    doc = parse_file(_write(tmp_path, "setext.md", text))
    assert doc.meta.title == "Duty Manual"
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        (("Duty Manual",), "Intro."),
        (("Duty Manual", "Collections"), "Pay on time."),
    ]


def test_markdown_table_rules_and_thematic_breaks_are_dropped(tmp_path: Path) -> None:
    text = "# Specs\n\n| Item | Value |\n|---|:---:|\n| CADR | 400 |\n\n---\n\nAfter the break.\n"
    doc = parse_file(_write(tmp_path, "specs.md", text))
    assert doc.sections[0].text == "| Item | Value |\n| CADR | 400 |\n\nAfter the break."


def test_hard_wrapped_markdown_is_rejoined(tmp_path: Path) -> None:
    doc = parse_file(
        _write(
            tmp_path,
            "w.md",
            "# T\n\nA sentence that is\nwrapped here. Next one.\n- item that\n  wraps\n- two\n",
        )
    )
    assert doc.sections[0].text == "A sentence that is wrapped here. Next one.\n- item that wraps\n- two"


@pytest.mark.parametrize(
    ("detect_input", "expected"),
    [
        ("What is the warranty on the AX-100?", "en"),
        ("AX-100 Pro 的保修期是多久", "zh"),
        ("Huaxin (华信环境科技) sells AX series air purifiers to offices and schools", "en"),
        ("", "en"),
    ],
    ids=["english", "chinese-with-model", "english-with-chinese-name", "empty"],
)
def test_detect_language(detect_input: str, expected: str) -> None:
    assert detect_language(detect_input) == expected


def test_plain_text_title_and_paragraph_headings(tmp_path: Path) -> None:
    text = (
        "Expense Claims\n\nClaims go through the app.\n\n"
        "Deadlines\n\nSubmit within 30 days.\nLate claims are refused.\n"
    )
    doc = parse_file(_write(tmp_path, "expenses.txt", text))
    assert doc.meta.title == "Expense Claims"
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        (("Expense Claims",), "Claims go through the app."),
        (("Expense Claims", "Deadlines"), "Submit within 30 days. Late claims are refused."),
    ]


def test_html_headings_lists_tables_and_no_scripts(tmp_path: Path) -> None:
    html = """<html><head><title>CRM FAQ</title><style>p{color:red}</style></head><body>
    <script>var secret = 1;</script>
    <p>Answers from <b>Sales Ops</b>.</p>
    <h2>Logging Visits</h2><p>Log within 24 hours.</p>
    <ul><li>Open the app</li><li>Tap <i>Visit</i></li></ul>
    <h3>Late Entries</h3>
    <table><tr><th>Delay</th><th>Effect</th></tr><tr><td>72h</td><td>late</td></tr></table>
    </body></html>"""
    doc = parse_file(_write(tmp_path, "faq.html", html))
    assert doc.meta.title == "CRM FAQ"
    sections = {s.heading_path: s.text for s in doc.sections}
    assert sections == {
        ("CRM FAQ",): "Answers from Sales Ops.",
        ("CRM FAQ", "Logging Visits"): "Log within 24 hours.\n\n- Open the app\n- Tap Visit",
        ("CRM FAQ", "Logging Visits", "Late Entries"): "| Delay | Effect |\n| 72h | late |",
    }
    assert "secret" not in " ".join(sections.values())
    assert "color" not in " ".join(sections.values())


def test_docx_heading_styles_and_table(tmp_path: Path) -> None:
    doc = parse_file(write_docx(tmp_path / "returns.docx"))
    assert doc.meta.title == "Returns Policy"
    assert [s.heading_path for s in doc.sections] == [
        ("Returns Policy", "Refunds"),
        ("Returns Policy", "Refunds", "Exchanges"),
    ]
    refunds = doc.sections[0].text
    assert "Refunds are paid within 7 working days." in refunds
    assert "- Keep the original receipt" in refunds
    assert "| AX-100 | 30 days |" in refunds


def test_pdf_numbered_headings(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "warranty.pdf",
        [
            [
                "Warranty Guide",
                "1 Coverage Rules",
                "The AX-100 is covered for two",
                "years from delivery.",
                "1.1 Exclusions",
                "Water damage is not covered.",
            ],
            ["2 Claims Process", "Call the service line within 7 days."],
        ],
    )
    doc = parse_file(path)
    assert doc.meta.title == "Warranty Guide"
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        (("Warranty Guide", "1 Coverage Rules"), "The AX-100 is covered for two years from delivery."),
        (("Warranty Guide", "1 Coverage Rules", "1.1 Exclusions"), "Water damage is not covered."),
        (("Warranty Guide", "2 Claims Process"), "Call the service line within 7 days."),
    ]


def test_pdf_without_headings_gets_page_sections_and_metadata_title(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "notes.pdf",
        [["the ax-100 ships in two weeks."], ["claims go to the service line."]],
        title="Service Notes",
    )
    doc = parse_file(path)
    assert doc.meta.title == "Service Notes"
    assert [s.heading_path for s in doc.sections] == [
        ("Service Notes", "Page 1"),
        ("Service Notes", "Page 2"),
    ]


# Binary data behind a UTF-16 BOM: every 16-bit unit decodes (no surrogates), so only its content gives it away.
UTF16_JUNK = b"\xff\xfe" + b"".join(
    bytes([(i * 73) % 256, h]) for i, h in enumerate(b for b in range(1, 256) if not 0xD8 <= b <= 0xDF)
)


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("broken.pdf", bytes(range(256)) * 8, r"broken\.pdf: not a readable PDF"),
        ("truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", r"truncated\.pdf: not a readable PDF"),
        ("broken.docx", b"PK\x03\x04 definitely not a zip", r"broken\.docx: not a readable Word \.docx file"),
        ("latin1.txt", "Caf\xe9 menu\n".encode("latin-1"), r"latin1\.txt: not valid UTF-8 text .*offset 3"),
        ("binary.md", b"# Title\n\x80\x81\x82\x83", r"binary\.md: not valid UTF-8 text"),
        ("nul.txt", b"Title\x00\x00\x00", r"nul\.txt: contains NUL bytes"),
        ("utf16-junk.txt", UTF16_JUNK, r"utf16-junk\.txt: \d+ of \d+ char.*binary"),
        ("empty.md", b"", r"empty\.md: no text to index"),
        ("headings-only.md", b"# Title\n## Part\n", r"headings-only\.md: no text to index"),
        ("blank.txt", b"  \n\n \n", r"blank\.txt: no text to index"),
        ("empty.pdf", None, r"empty\.pdf: no text to index"),
    ],
    ids=[
        "random-bytes-pdf",
        "truncated-pdf",
        "broken-docx",
        "latin1-txt",
        "undecodable-md",
        "nul-bytes",
        "binary-behind-utf16-bom",
        "empty-md",
        "headings-only",
        "blank-txt",
        "pdf-without-text",
    ],
)
def test_unreadable_files_raise_one_line_error(tmp_path: Path, name: str, content: bytes | None, match: str) -> None:
    path = write_pdf(tmp_path / name, [[]]) if content is None else _write(tmp_path, name, content)
    with pytest.raises(IngestError, match=match) as info:
        parse_file(path)
    assert "\n" not in str(info.value)


def test_utf8_bom_and_utf16_are_decoded(tmp_path: Path) -> None:
    bom = parse_file(_write(tmp_path, "bom.md", "\ufeff# 标题\n\n正文内容。\n".encode()))
    assert bom.meta.title == "标题"
    utf16 = parse_file(_write(tmp_path, "u16.txt", "Notes\n\nBody text.\n".encode("utf-16")))
    assert utf16.sections[0].text == "Body text."


def test_discover_recurses_skips_hidden_and_reports_missing(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    (kb / "products").mkdir(parents=True)
    (kb / ".git").mkdir()
    for rel in [
        "b.md",
        "products/a.pdf",
        "products/c.DOCX",
        "notes.csv",
        ".hidden.md",
        ".git/x.md",
        "~$lock.docx",
    ]:
        (kb / rel).write_text("x")
    files, errors = discover([kb, kb / "b.md", tmp_path / "missing", kb / "notes.csv"])
    assert files == sorted(
        [(kb / "b.md").resolve(), (kb / "products/a.pdf").resolve(), (kb / "products/c.DOCX").resolve()]
    )
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'missing'}: no such file or folder",
        f"{kb / 'notes.csv'}: unsupported file type .csv; supported: .md, .markdown, .txt, .pdf, .docx, .html, .htm",
    ]


def test_every_sample_kb_file_parses_and_chinese_chunks_end_on_sentences() -> None:
    """Guards the bundled knowledge base: strict front matter must accept it, and no Chinese chunk may stop
    mid-sentence (the chunk's last sentence ends in 。！？； or is a whole list/table line)."""
    files, errors = discover([SAMPLE_KB])
    assert errors == []
    assert len(files) >= 10
    chinese = 0
    for path in files:
        chunks = chunk_document(parse_file(path))
        for chunk, after in zip(chunks, [*chunks[1:], None], strict=True):
            if chunk.meta.language == "zh":
                chinese += 1
                last_line = chunk.text.splitlines()[-1]
                # a lead-in ending in "：" may end a chunk when its table or list fills the next one
                lead_in = chunk.text[-1] == "：" and after is not None and re.match(r"[|-]|\d+[.、)]", after.text)
                closed = chunk.text.rstrip("”’」』）)")[-1] in "。！？；"  # a quotation may close after its full stop
                ends = closed or last_line.startswith(("|", "-")) or bool(lead_in)
                assert ends, chunk.text[-80:]
    assert chinese >= 20


def test_word_symbol_bullets_and_latin1_quotes_are_still_text(tmp_path: Path) -> None:
    bullets = "# Price list\n\n" + "".join(f"\uf0b7 Item {i}: 100 CNY\n" for i in range(6))
    doc = parse_file(_write(tmp_path, "prices.md", bullets))
    assert "Item 5" in doc.sections[0].text
    latin1 = '<html><head><meta charset="iso-8859-1"></head><body><h1>Notes</h1><p>\x93Quoted\x94 \x96 text.</p>'
    page = tmp_path / "notes.html"
    page.write_bytes(latin1.encode("latin-1"))
    assert "Quoted" in parse_file(page).sections[0].text
