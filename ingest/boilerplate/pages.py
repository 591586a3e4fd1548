"""Page furniture: lines a printed document or a text export repeats on every page (headers, footers, a
poster's signature under each floor)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ingest.boilerplate.lines import MAX_NOTICE_CHARS, NUMBERED
from ingest.boilerplate.mail import CONTACT

MIN_REPEATED_CHARS = 12
MIN_REPEATS = 3
# A forum signature sets its phone beside a slogan; a company's contact line said twice has no such bar.
_SIGNATURE_SEPARATOR = re.compile(r"☎|\S\s*[｜|]\s*\S")
# A page's own number in a repeated line: "Page 2 of 4", "第 2 页 / 共 4 页", "2/4".
_PAGE_OF = re.compile(
    r"page\s+\d+(?:\s+of\s+\d+)?|第\s*\d+\s*页(?:\s*\S?\s*共\s*\d+\s*页)?|\b\d+\s*/\s*\d+\b", re.IGNORECASE
)


def repeated_lines(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A text export of a printed document repeats its page header and footer on every page ("Kestrel Valve &
    Controls Ltd.   Distributor Sales Policy   KVC-SP-014 Rev. 3", "CONFIDENTIAL   Page 2 of 4"): a line of
    MIN_REPEATED_CHARS or more met MIN_REPEATS times (page numbers aside) is page furniture. Table rows and
    numbered lines repeat by nature and stay."""
    keys = [_PAGE_OF.sub("#", " ".join(line.split())) for line in lines]
    counts = Counter(keys)
    for i, key in enumerate(keys):
        if reasons[i] is not None or len(key) < MIN_REPEATED_CHARS or key.startswith("|") or NUMBERED.match(key):
            continue
        if counts[key] >= MIN_REPEATS:
            reasons[i] = "repeated on every page"
            continue
        # "包装找青禾☎0571-8673 5521｜做销售，就是把信任装进盒子里📦" under each of a poster's floors
        signature = CONTACT.search(key) and _SIGNATURE_SEPARATOR.search(key)
        if counts[key] >= 2 and len(key) <= MAX_NOTICE_CHARS and signature:
            reasons[i] = "a signature repeated under each post"


def _shape(line: str) -> str:
    """A running header or footer with its page number blanked, so "Page 3" and "Page 4" compare equal."""
    return re.sub(r"\d+", "#", " ".join(line.split()))


def repeated_page_lines(pages: Sequence[Sequence[str]], *, edge: int = 3) -> set[str]:
    """Shapes of lines that open or close at least half of the pages (and 2+ of them): running headers
    and footers. Only the first and last `edge` non-empty lines of a page are candidates, so a term the
    body repeats on every page is not mistaken for a header."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        lines = [line for line in page if line.strip()]
        seen.update({_shape(line) for line in [*lines[:edge], *lines[-edge:]]})
    needed = max(2, (len(pages) + 1) // 2)
    return {shape for shape, count in seen.items() if count >= needed}


def is_repeated(line: str, repeated: set[str]) -> bool:
    """True when the line is one of the page furniture shapes found by `repeated_page_lines`."""
    return _shape(line) in repeated
