"""Plain text to outline: the first line is the title, blank lines separate paragraphs, and a lone short line
without closing punctuation between paragraphs is read as a heading (the way people write .txt notes)."""

from __future__ import annotations

import re

from ingest.outline import Outline

_ENDS_LIKE_SENTENCE = re.compile(r"[.!?,;:。！？，；：)）\]]$")
MAX_HEADING_CHARS = 60


def _is_heading(paragraph: list[str]) -> bool:
    line = paragraph[0].strip()
    return (
        len(paragraph) == 1
        and len(line) <= MAX_HEADING_CHARS
        and not _ENDS_LIKE_SENTENCE.search(line)
        and not line.startswith(("-", "*", "|", "•"))
    )


def text_outline(text: str) -> tuple[str | None, Outline]:
    """Return (title from the first non-empty line, outline of the rest)."""
    lines = text.splitlines()
    title: str | None = None
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines:
        title = " ".join(lines[0].split())
        if len(title) > 80 or _ENDS_LIKE_SENTENCE.search(title):
            title = title[:77].rstrip() + "…" if len(title) > 80 else title  # a sentence: keep it in the body
        else:
            lines.pop(0)
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(current)
            current = []
    outline = Outline()
    if not paragraphs and title:  # a one-line note: the line is both title and text
        outline.line(title)
    for paragraph in paragraphs:
        if _is_heading(paragraph) and len(paragraphs) > 1:
            outline.heading(1, paragraph[0])
            continue
        for line in paragraph:
            outline.line(line)
        outline.line("")
    return title, outline
