"""Tables in PDF text: rows kept as rows, cells kept apart.

pypdf's plain extraction writes a table row as one line of words ("DF-E15 1,500 kg 3,000 mm CNY 128,000"),
which the outline would then rejoin with the prose around it as if it were a wrapped sentence, so a model's
price ends up in a paragraph, far from its column name. pypdf's layout extraction keeps the columns apart
with runs of spaces; a run of such lines is a table. Each of its lines is matched back to the plain line
with the same words and written as a Markdown row ("| DF-E15 | 1,500 kg | ... |"), which the chunker and
the answer composer already keep whole, with the table's header row.

Only lines found this way change: when layout extraction reads a page differently (or fails), the plain
text stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_CELLS = 3
MIN_ROWS = 2  # a header and one row, or two rows


# A cell's words: runs of text at most two spaces apart (justified prose stretches to two spaces between words;
# columns to more).
_CELL = re.compile(r"\S+(?:\s{1,2}\S+)*")
ALIGN = 2  # columns a wrapped header's second line may start off its column's first line
MAX_WRAP_CELL = 16  # characters: a header's wrapped words are a unit or a word ("(kWh/24h)", "(RMB)")
MAX_WRAPS = 2


def _placed_cells(line: str) -> list[tuple[int, str]]:
    """The line's cells with the column each starts at."""
    return [(m.start(), " ".join(m.group(0).split())) for m in _CELL.finditer(line)]


def _header_wrap(previous: list[tuple[int, str]], line: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """The header row with a wrapped second line joined in ("Length" over "(mm)" -> "Length (mm)"), or None
    when the line is no such wrap: fewer cells than the header, each short and starting under one of its
    columns (a page header's fields over the first line of prose are no table's head)."""
    if not previous or len(line) >= len(previous) or any(len(text) > MAX_WRAP_CELL for _, text in line):
        return None
    starts = [start for start, _ in previous]
    merged = list(previous)
    for start, text in line:
        column = next((k for k, other in enumerate(starts) if abs(other - start) <= ALIGN), None)
        if column is None:
            return None
        merged[column] = (starts[column], f"{merged[column][1]} {text}")
    return merged


def markdown_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"


def row_key(line: str) -> str:
    """A line's characters without spaces: the plain extraction may space a row's cells differently (one
    space, or none between Chinese cells) than the layout extraction does."""
    return "".join(line.split())


def table_rows(layout_text: str) -> dict[str, str]:
    """Map each table line of a page (by `row_key`) to its Markdown row (no separator line, as Word tables
    are written: the first row is read as the header). A header wrapped onto a second line ("Length" over
    "(mm)") is one row, keyed by its words in the order the plain extraction reads them, column by column."""
    rows: dict[str, str] = {}
    block: list[list[tuple[int, str]]] = []
    wraps = 0

    def close() -> None:
        nonlocal wraps
        wraps = 0
        # A first line whose cells do not match the rows below (a page header's fields, a row read as a header
        # because a wrapped cell followed it) is left out; the rows below still make a table.
        for run in (block, block[1:]):
            widths = [len(cells) for cells in run]
            if len(run) >= MIN_ROWS and all(abs(width - widths[0]) <= 1 for width in widths):
                for placed in run:
                    cells = [text for _, text in placed]
                    rows[row_key(" ".join(cells))] = markdown_row(cells)
                break
        block.clear()

    for raw in layout_text.splitlines():
        if not raw.strip():
            continue  # layout extraction puts blank lines between a table's rows
        placed = _placed_cells(raw)
        if len(block) == 1 and wraps < MAX_WRAPS and (merged := _header_wrap(block[0], placed)) is not None:
            block[0] = merged
            wraps += 1
        elif len(placed) >= MIN_CELLS:
            block.append(placed)
        else:
            close()
    close()
    return rows


def joined_rows(lines: Sequence[str], rows: dict[str, str]) -> list[str]:
    """The page's plain lines with a wrapped header's pieces joined back into one line ("Model Description",
    "Length", "(mm)", ... -> the header row's words), so that it maps to its Markdown row like any other row."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        key, j = "", i
        while j < len(lines) and lines[j] and any(k.startswith(key + row_key(lines[j])) for k in rows):
            key += row_key(lines[j])
            j += 1
            if key in rows:
                break
        if j - i > 1 and key in rows:
            out.append(" ".join(lines[i:j]))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out
