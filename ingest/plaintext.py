"""Plain text to outline: site chrome dropped, the first line the title when it reads like one, headings
recognised from how the lines are written (numbering, 第N条, short Title Case lines; see ingest.headings).

Text copied from a web page usually has no blank lines and starts with the site's notices, so neither "the
first line is the title" nor "a lone short paragraph is a heading" holds there; a file whose first own line
is a sentence has no title line and is named by its file name.
"""

from __future__ import annotations

from ingest.boilerplate import LETTERHEAD, Dropped, split_boilerplate
from ingest.headings import outline_lines, title_index
from ingest.outline import Outline


def text_outline(text: str) -> tuple[str | None, Outline]:
    """Return (title from the first own line when it is one, else None; outline of the rest)."""
    kept, dropped = split_boilerplate(text.splitlines())
    lines = [" ".join(line.split()) for line in kept]
    while lines and not lines[0]:
        lines.pop(0)
    title: str | None = None
    letterhead: list[str] = []
    at = title_index(lines)
    if at is not None and any(lines[at + 1 :]):
        title = lines.pop(at)
        letterhead, lines = [line for line in lines[:at] if line], lines[at:]
    outline = Outline()
    outline.dropped = [*dropped, *(Dropped(line, LETTERHEAD) for line in letterhead)]
    if not any(lines) and lines:
        outline.line(lines[0])
    else:
        outline_lines(lines, outline)
    return title, outline
