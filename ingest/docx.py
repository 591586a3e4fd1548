"""Word documents with python-docx: "Heading N" paragraphs open sections, tables become | rows |."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from ingest.boilerplate import LETTERHEAD, Dropped, boilerplate_reason
from ingest.docx_numbering import ListNumbering
from ingest.headings import outline_lines, title_index
from ingest.models import MB, IngestError
from ingest.outline import Outline

# Built-in heading styles; documents made in a Chinese Word sometimes carry the localised name 标题 N.
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or text != cells[-1]:  # merged cells repeat their text once per grid column
                cells.append(text)
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def check_unzipped_size(path: Path, data: bytes, max_expanded: int) -> None:
    """Refuse a zip whose members add up to more than `max_expanded` bytes, before any is decompressed.

    The sizes come from the zip's central directory. A zip bomb (1 MB of deflated zeros declaring 1 GB) is
    stopped here; one that understates its sizes is stopped by zipfile itself, which never inflates a member
    past its declared size (the read then fails its CRC check).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise IngestError(path, f"not a readable Word .docx file ({exc.__class__.__name__})") from exc
    if expanded > max_expanded:
        raise IngestError(
            path,
            f"unzips to {expanded / MB:.1f} MB, over the {max_expanded / MB:g} MB limit (SALESCOACH_MAX_FILE_MB); "
            "not unzipped",
        )


def docx_outline(path: Path, data: bytes, *, max_expanded: int) -> tuple[str | None, Outline]:
    """Return (the Title-style paragraph or core-properties title, outline); IngestError if not a .docx or
    if it would unzip to more than `max_expanded` bytes."""
    check_unzipped_size(path, data, max_expanded)
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(path, f"not a readable Word .docx file ({exc.__class__.__name__})") from exc
    outline = Outline(rejoin_wrapped=False)
    title: str | None = None
    # Paragraph styles first; a document typed without heading styles ("一、 …" in Normal) falls back to
    # the numbering and shape patterns of ingest.headings over its paragraphs.
    styled = False
    dropped: list[Dropped] = []
    lines: list[str] = []
    emphasised: list[int] = []
    listed: list[int] = []  # lines that are items of a list: never headings, kept together
    numbering = ListNumbering.of(document)
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            outline.line("")
            lines.append("")
            for line in _table_lines(block):
                outline.line(line)
                lines.append(line)
            outline.line("")
            lines.append("")
            continue
        assert isinstance(block, Paragraph)
        text = " ".join(block.text.split())
        if not text:
            outline.line("")
            continue
        if (reason := boilerplate_reason(text)) is not None:
            dropped.append(Dropped(text, reason))
            continue
        style = (block.style.name if block.style is not None else "") or ""
        heading = _HEADING_STYLE.match(style)
        # Word's automatic numbering is not in the paragraph's text: the label ("3.", "（二）") is put back so
        # that steps keep their numbers and order (counted for headings too, which Word may number as well).
        label = numbering.label(block)
        if style.lower() in ("title", "标题") and title is None:
            title = text
        elif heading:
            styled = True
            outline.heading(int(heading.group(1)), text)
        elif label is not None or "list" in style.lower():
            item = f"{label or '-'} {text}"
            outline.line(item)
            listed.append(len(lines))
            lines.append(item)
        else:
            outline.line(text)
            outline.line("")
            runs = [run for run in block.runs if run.text.strip()]
            if runs and all(run.bold for run in runs):
                emphasised.append(len(lines))
            lines.append(text)
    if not styled:
        outline = Outline(rejoin_wrapped=False)
        at = title_index(lines) if title is None else None
        if at is not None and len(lines) > at + 1:
            title = lines.pop(at)
            # The company's name above the title (letterhead, often bold as well): neither a heading that every
            # section's path would carry nor text.
            dropped.extend(Dropped(line, LETTERHEAD) for line in lines[:at] if line)
            lines = lines[at:]
            emphasised = [i - at - 1 for i in emphasised if i > at]
            listed = [i - at - 1 for i in listed if i > at]
        outline_lines(lines, outline, paragraphs=True, emphasised=set(emphasised), listed=set(listed))
    outline.dropped = dropped
    return title or (document.core_properties.title or "").strip() or None, outline
