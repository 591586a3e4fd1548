"""parse_file: one file on disk to a ParsedDocument (metadata + heading-path sections), or one IngestError.

Each format module turns content into an Outline and perhaps an explicit title; the metadata rules shared by
all formats (title fallback, language detection, content hash, "empty is an error") live here once.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

from core.documents import DocumentMeta
from core.printable import printable
from ingest.docx import docx_outline
from ingest.frontmatter import FrontMatter, split_front_matter
from ingest.html import html_outline
from ingest.language import detect_language
from ingest.markdown import markdown_outline
from ingest.models import IngestError, IngestRules, ParsedDocument
from ingest.outline import Outline
from ingest.pdf import pdf_outline
from ingest.plaintext import text_outline
from ingest.sources import content_hash, read_limited

log = logging.getLogger(__name__)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)


def decode_text(path: Path, data: bytes, *, declared: str | None = None) -> str:
    """UTF-8 (BOM allowed), UTF-16 with a BOM, or an HTML-declared charset; anything else is an error.

    Guessing legacy encodings would "succeed" on binary junk (GB18030 decodes almost any bytes) and index
    garbage, so an undecodable file is refused with the byte offset to look at.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif declared:
        encoding = declared
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except LookupError as exc:
        raise IngestError(path, f"unknown declared charset {declared!r}") from exc
    except UnicodeDecodeError as exc:
        raise IngestError(
            path, f"not valid {exc.encoding.upper()} text (bad byte at offset {exc.start}); save it as UTF-8"
        ) from exc
    if "\x00" in text:
        raise IngestError(path, "contains NUL bytes: binary data, not text")
    # UTF-16 decodes any even-length bytes without error: binary data behind a BOM shows up only as code
    # points no document uses. Other encodings fail loudly on binary, and a UTF-8 file may legitimately hold
    # a few private-use bullets copied from Word or an emoji newer than Python's Unicode tables.
    odd = _non_text_characters(text) if encoding == "utf-16" else 0
    if odd > max(3, NON_TEXT_SHARE * len(text)):
        raise IngestError(
            path,
            f"{odd} of {len(text)} characters are control, private-use or unassigned code points: "
            "binary data, not text",
        )
    # Zero-width spaces and joiners that web pages scatter through copied text ("\u200b赞同 236\u200b") are
    # invisible, yet split words and hide a line's shape from every pattern.
    return _ZERO_WIDTH.sub("", text)


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


NON_TEXT_SHARE = 0.01  # real documents, English or Chinese, have none; decoded binary has about one in six
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def _non_text_characters(text: str) -> int:
    """Characters of the Unicode categories Cc (bar whitespace), Co, Cn and Cs: what binary decodes into."""
    return sum(
        1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in _TEXT_CONTROLS
    )


def _outline(path: Path, data: bytes, rules: IngestRules) -> tuple[FrontMatter | None, str | None, Outline]:
    """Dispatch on suffix to the format parser: (front matter, explicit title, outline)."""
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        front, body, _ = split_front_matter(decode_text(path, data), path, roles=rules.roles)
        return front, None, markdown_outline(body)
    if suffix == ".txt":
        # The same front matter as Markdown: an `audience` must restrict a .txt too, and never be indexed as text.
        front, body, _ = split_front_matter(decode_text(path, data), path, roles=rules.roles)
        return front, *text_outline(body)
    if suffix in (".html", ".htm"):
        declared = _HTML_CHARSET.search(data[:4096])
        charset = declared.group(1).decode("ascii").lower() if declared else None
        if charset in ("utf-8", "utf8"):
            charset = None  # utf-8-sig also accepts a BOM
        return None, *html_outline(decode_text(path, data, declared=charset))
    if suffix == ".docx":
        return None, *docx_outline(path, data, max_expanded=rules.max_bytes)
    if suffix == ".pdf":
        return None, *pdf_outline(path, data)
    raise IngestError(path, f"unsupported file type {suffix or '(none)'}")


def parse_bytes(path: Path, data: bytes, rules: IngestRules | None = None) -> ParsedDocument:
    """Parse already-read bytes (the pipeline reads once to hash and parse); see parse_file."""
    try:
        front, explicit_title, outline = _outline(path, data, rules or IngestRules())
    except IngestError:
        raise
    except Exception as exc:
        # The parsers (lxml under python-docx, pypdf, BeautifulSoup) raise from a wide, undocumented set of
        # exceptions on hostile or damaged files (an entity bomb is lxml's XMLSyntaxError, a broken PDF
        # anything from KeyError to RecursionError). Whatever it is, it is this file's failure, never the
        # folder's: one line with the library's own first line, the traceback only in the debug log.
        log.debug("parser error in %s", printable(path), exc_info=True)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        detail = f"{exc.__class__.__name__}: {first}" if first else exc.__class__.__name__
        raise IngestError(path, f"cannot parse ({detail[:300]})") from exc
    front = front or FrontMatter()
    title = front.title or explicit_title or outline.first_heading or path.stem
    sections = outline.sections(title)
    if not sections:
        raise IngestError(path, "no text to index (empty document, or only headings)")
    language = front.language or detect_language("\n".join(s.text for s in sections))
    meta = DocumentMeta(
        source=str(path.resolve()),
        title=title,
        doc_type=front.doc_type or "faq",
        language=language,
        version=front.version,
        effective_date=front.effective_date,
        review_by=front.review_by,
        audience=front.audience,
        content_hash=content_hash(data),
    )
    return ParsedDocument(meta=meta, sections=sections, dropped=outline.dropped)


def parse_file(path: Path, rules: IngestRules | None = None) -> ParsedDocument:
    """Read and parse one supported file; IngestError (one line: file and reason) when it cannot be used."""
    rules = rules or IngestRules()
    return parse_bytes(path, read_limited(path, rules.max_bytes), rules)
