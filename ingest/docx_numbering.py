"""Word's automatic list numbering, rendered as the text a reader sees ("1.", "2.", "（一）", "a)").

Why: python-docx gives a paragraph's typed text only; the numbers of an automatically numbered list live in the
paragraph's (or its style's) w:numPr and the document's numbering part. Without them the steps of a procedure
lose their numbers and their order cues, and a step list reads as loose paragraphs. This module keeps one
counter per list and level, the way Word counts, and formats each level's label from its w:lvlText and w:numFmt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

_ZH_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (list numbers stay small)."""
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 20:
        return "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _ZH_DIGITS[n // 10] + "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if not rest else ("零" + _chinese(rest) if rest < 10 else _chinese(rest))
    return _ZH_DIGITS[n // 100] + "百" + tail


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One level's counter in Word's number format (w:numFmt)."""
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letter(n)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt.startswith(("chineseCounting", "ideograph", "japaneseCounting", "taiwaneseCounting")):
        return _chinese(n)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str  # w:lvlText, "%1." / "（%1）" / "第%1步"
    start: int


@dataclass
class ListNumbering:
    """The document's list definitions and the running counters: `label(paragraph)` numbers paragraphs in order."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> ListNumbering:
        """Read the numbering part (none in a document without lists)."""
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        abstract: dict[str, dict[int, _Level]] = {}
        for node in numbering.findall(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
                    fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                    text.get(qn("w:val"), "") if text is not None else "",
                    int(start.get(qn("w:val"), "1")) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"), "")] = levels
        out = cls()
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None and ref.get(qn("w:val")) in abstract:
                out.levels[num.get(qn("w:numId"), "")] = abstract[ref.get(qn("w:val"), "")]
        return out

    def label(self, paragraph: Paragraph) -> str | None:
        """The paragraph's list label ("3.", "（二）", "-" for a bullet), counting it; None when not in a list."""
        found = _num_pr(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "-"
        if level.fmt == "none":
            return None
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item restarts the levels below it
        text = level.text or f"%{ilvl + 1}."
        for k in range(ilvl, -1, -1):
            if f"%{k + 1}" in text:
                n = counts.get(k, levels[k].start if k in levels else 1)
                text = text.replace(f"%{k + 1}", format_number(n, levels[k].fmt if k in levels else "decimal"))
        return text.strip() or None


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, level) from the paragraph's own w:numPr, else from its style's (or a base style's)."""
    num_pr = _num_pr_of(paragraph._p)
    style = paragraph.style
    while num_pr is None and style is not None:
        num_pr = _num_pr_of(style.element)
        style = style.base_style
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    if num_id is None or num_id.get(qn("w:val"), "0") == "0":  # "0": numbering switched off for this paragraph
        return None
    return num_id.get(qn("w:val"), "0"), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0


def _num_pr_of(element: Any) -> Any:
    p_pr = element.find(qn("w:pPr"))
    return p_pr.find(qn("w:numPr")) if p_pr is not None else None
