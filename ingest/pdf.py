"""PDF text with pypdf. PDFs carry no heading markup, so headings are guessed from line shape (numbered
"1.2 Foo", 第一章, short Title Case lines); a PDF where none are found gets one section per page."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader

from ingest.models import IngestError
from ingest.outline import Outline

MAX_HEADING_CHARS = 70
MAX_HEADING_WORDS = 9
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$")
_ZH_CHAPTER = re.compile(r"^(第[一二三四五六七八九十百零\d]+[章节部分篇])\s*\S*")
_ZH_ITEM = re.compile(r"^[一二三四五六七八九十]+、\S")
_TRAILING_PUNCT = re.compile(r"[.,;:!?，。；：！？、)）]$")
_JUNK_TITLE = re.compile(r"^(microsoft (word|powerpoint)|untitled)|\.(docx?|pdf|pptx?)$", re.I)
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "vs"}
)


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)]
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(significant) and text[0].isupper() and all(w[0].isupper() for w in significant)


def heading_level(line: str) -> int | None:
    """Heading level of a line, else None: numbered by depth, 第N章 1, 一、 2, Title Case 1."""
    if len(line) > MAX_HEADING_CHARS or _TRAILING_PUNCT.search(line):
        return None
    if _ZH_CHAPTER.match(line) and "。" not in line:
        return 1
    if _ZH_ITEM.match(line) and len(line) <= 30:
        return 2
    if len(line.split()) > MAX_HEADING_WORDS:
        return None
    numbered = _NUMBERED.match(line)
    if numbered:
        number, rest = numbered.groups()
        depth = number.count(".") + 1
        # "1.2 Overdue escalation" is a heading; "1 call the client" is a list item unless Title Case.
        if rest[:1].isupper() and (depth > 1 or _title_case(rest)):
            return depth
        return None
    return 1 if _title_case(line) and any(c.isalpha() for c in line) else None


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
            meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(path, f"not a readable PDF ({exc.__class__.__name__}: {exc})") from exc
    page_lines = [[" ".join(line.split()) for line in text.splitlines()] for text in pages]
    title = meta_title.strip() if meta_title.strip() and not _JUNK_TITLE.search(meta_title.strip()) else None
    if title is None:
        first = next((line for line in (page_lines[0] if page_lines else []) if line), None)
        if first is not None and heading_level(first) is not None:
            title = first
    headings = sum(
        1 for lines in page_lines for line in lines if line and line != title and heading_level(line)
    )
    outline = Outline()
    skipped_title = False
    for number, lines in enumerate(page_lines, start=1):
        if not headings:
            outline.heading(1, f"Page {number}")
        for line in lines:
            if not line:
                outline.line("")
            elif not skipped_title and line == title:
                skipped_title = True
            elif headings and (level := heading_level(line)) is not None:
                outline.heading(level, line)
            else:
                outline.line(line)
    return title, outline
