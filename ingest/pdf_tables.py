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

_CELL_GAP = re.compile(r"\s{3,}")  # justified prose stretches to two spaces between words; columns to more
MIN_CELLS = 3
MIN_ROWS = 2  # a header and one row, or two rows


def _cells(line: str) -> list[str]:
    return [" ".join(cell.split()) for cell in _CELL_GAP.split(line.strip()) if cell.strip()]


def markdown_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"


def row_key(line: str) -> str:
    """A line's characters without spaces: the plain extraction may space a row's cells differently (one
    space, or none between Chinese cells) than the layout extraction does."""
    return "".join(line.split())


def table_rows(layout_text: str) -> dict[str, str]:
    """Map each table line of a page (by `row_key`) to its Markdown row (no separator line, as Word tables
    are written: the first row is read as the header)."""
    rows: dict[str, str] = {}
    block: list[list[str]] = []

    def close() -> None:
        if len(block) >= MIN_ROWS and all(abs(len(cells) - len(block[0])) <= 1 for cells in block):
            for cells in block:
                rows[row_key(" ".join(cells))] = markdown_row(cells)
        block.clear()

    for raw in layout_text.splitlines():
        if not raw.strip():
            continue  # layout extraction puts blank lines between a table's rows
        cells = _cells(raw)
        if len(cells) >= MIN_CELLS:
            block.append(cells)
        else:
            close()
    close()
    return rows
