"""PDF text with pypdf. PDFs carry no heading markup, so headings are read from how lines are written
(ingest.headings: "1.2 Foo", 第一章, 一、, short Title Case lines); running headers, footers and page numbers
repeated across pages are dropped as page furniture."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PageObject, PdfReader

from core.text import CJK_CHAR
from ingest.boilerplate import LETTERHEAD, Dropped, boilerplate_reason, is_repeated, repeated_page_lines
from ingest.headings import outline_lines, starts_numbered, title_index
from ingest.models import IngestError
from ingest.outline import Outline
from ingest.pdf_tables import joined_rows, row_key, table_rows

WRAPPED_SHARE = 0.85  # a line this close to the page's full width ran on to the next one
_ENDS_UNIT = re.compile(r"[。！？；：:.!?;]$")
_JUNK_TITLE = re.compile(r"^(microsoft (word|powerpoint)|untitled)|\.(docx?|pdf|pptx?)$", re.I)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Mute pypdf's per-defect warnings while parsing (unless debugging): a fatal defect becomes our one-line
    IngestError, and recoverable ones ("EOF marker not found") would break the one-line-per-file report."""
    logger = logging.getLogger("pypdf")
    if logger.isEnabledFor(logging.DEBUG):
        yield
        return
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _layout_tables(page: PageObject) -> dict[str, str]:
    """The page's table rows (ingest.pdf_tables) from pypdf's layout extraction; none when that extraction
    fails on a page the plain one read (its own defects differ), so the page keeps its plain text."""
    try:
        return table_rows(page.extract_text(extraction_mode="layout") or "")
    except Exception as exc:  # pypdf raises many types for a page it cannot lay out; plain text still stands
        logging.getLogger(__name__).debug("layout extraction failed: %s", exc)
        return {}


def _width(line: str) -> int:
    """Printed width in half-width cells: an ideograph or full-width mark takes two."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in line)


def rejoin_chinese_wraps(pages: list[list[str]]) -> list[list[str]]:
    """Join Chinese lines the PDF's layout wrapped ("…业务员不得自行变" / "更报价。"): a line filling the page's
    width without ending a sentence runs on into the next, unless that one opens a heading, an item or a row.
    (Plain-text Chinese authors do not hard-wrap, so the outline keeps Chinese line breaks; a PDF does wrap.)"""
    widths = [_width(line) for page in pages for line in page if line and not line.startswith("|")]
    if not widths:
        return pages
    full = max(widths)

    def runs_on(previous: str, line: str) -> bool:
        return (
            bool(previous and line)
            and not previous.startswith("|")
            and not line.startswith("|")
            and _width(previous) >= WRAPPED_SHARE * full
            and not _ENDS_UNIT.search(previous)
            and bool(CJK_CHAR.match(previous[-1]) or CJK_CHAR.match(line[0]))
            and not starts_numbered(line)
        )

    joined_pages: list[list[str]] = []
    for page in pages:
        joined: list[str] = []
        for line in page:
            if joined and runs_on(joined[-1], line):
                joined[-1] += line
            else:
                joined.append(line)
        joined_pages.append(joined)
    return joined_pages


def pdf_outline(path: Path, data: bytes) -> tuple[str | None, Outline]:
    """Return (title from metadata or the first heading line, outline); IngestError for unreadable PDFs."""
    # pypdf reports a damaged file through many exception types (its own, ValueError, KeyError, struct and
    # zlib errors); whichever it is, the file is unreadable and the caller needs one line naming it.
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise IngestError(path, "PDF is password-protected")
            pages = [page.extract_text() or "" for page in reader.pages]
            tables = [_layout_tables(page) for page in reader.pages]
            meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(path, f"not a readable PDF ({exc.__class__.__name__}: {exc})") from exc
    page_lines = [[" ".join(line.split()) for line in text.splitlines()] for text in pages]
    # Running headers and footers (a company name, "Confidential", "第 3 页") repeat across pages: page
    # furniture, not content, wherever they fall.
    repeated = repeated_page_lines(page_lines)
    dropped: list[Dropped] = []
    kept_pages: list[list[str]] = []
    for page, rows in zip(page_lines, tables, strict=True):
        kept_pages.append([])
        for line in joined_rows(page, rows):
            if line and row_key(line) in rows:  # a table row (a header repeated on the next page too) is content
                kept_pages[-1].append(rows[row_key(line)])
            elif line and is_repeated(line, repeated):
                dropped.append(Dropped(line, "repeated on every page"))
            elif line and (reason := boilerplate_reason(line)) is not None:
                dropped.append(Dropped(line, reason))
            else:
                kept_pages[-1].append(line)
    kept_pages = rejoin_chinese_wraps(kept_pages)
    title = meta_title.strip() if meta_title.strip() and not _JUNK_TITLE.search(meta_title.strip()) else None
    flat = [line for page in kept_pages for line in page]
    at = title_index(flat)
    letterhead: list[str] = []
    if at is not None and (title is None or flat[at] == title):
        title = flat[at]
        letterhead = [line for line in flat[:at] if line]  # the company's name above the title
        for line in (title, *letterhead):
            next(page for page in kept_pages if line in page).remove(line)
    dropped.extend(Dropped(line, LETTERHEAD) for line in letterhead)
    outline = Outline()
    if not outline_lines([line for page in kept_pages for line in page], outline):
        # No headings at all: one section per page, so a citation still says where to look.
        outline = Outline()
        for number, page in enumerate(kept_pages, start=1):
            outline.heading(1, f"Page {number}", names_document=False)
            for line in page:
                outline.line(line)
    outline.dropped = dropped
    return title, outline
