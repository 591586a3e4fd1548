"""Headings in text without markup, the way Chinese and English business documents write them.

一、 (一) 1. 1.1 第一章 第一条, Part/Section/Article N, short Title Case or ALL CAPS lines, and short Chinese
label lines: each is a *kind* of heading. A document's outline levels come from the order in which its kinds
first appear (the first kind used is level 1, the next new kind nests under it), the way a reader infers them,
so "一、 / (一) / 1." and "第一章 / 第一条" both nest correctly without a fixed table.

A numbered line is a heading only when it reads like one (short, no closing sentence punctuation, text under
it); "1. 接到投诉后24小时内回复客户。" is a step of a list and stays in the text with its siblings.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from core.text import CJK_CHAR
from ingest.outline import Outline

_ZH_NUM = "一二三四五六七八九十百零〇两"
_ORDINAL = rf"[{_ZH_NUM}\d]+"
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("zh-part", re.compile(rf"^第{_ORDINAL}\s*[编篇部](?:分)?(?=\s|$|[^\w]|[\u4e00-\u9fff])")),
    ("zh-chapter", re.compile(rf"^第{_ORDINAL}\s*章")),
    ("zh-section", re.compile(rf"^第{_ORDINAL}\s*节")),
    ("zh-article", re.compile(rf"^第{_ORDINAL}\s*条")),
    ("zh-num", re.compile(rf"^[{_ZH_NUM}]+\s*[、.．]")),
    ("zh-paren", re.compile(rf"^[（(]\s*[{_ZH_NUM}]+\s*[）)]")),
    ("part", re.compile(r"^(?:part|book)\s+(?:[ivxlc]+|\d+|one|two|three|four|five|six)\b[.:]?", re.I)),
    ("chapter", re.compile(r"^chapter\s+(?:[ivxlc]+|\d+|one|two|three|four|five|six)\b[.:]?", re.I)),
    ("section", re.compile(r"^(?:section|§)\s*\d+(?:\.\d+)*\b[.:]?", re.I)),
    ("article", re.compile(r"^(?:article|clause)\s+\d+(?:\.\d+)*\b[.:]?", re.I)),
    ("appendix", re.compile(r"^(?:appendix|annex)\s+(?:[A-Z]|\d{1,2})\b[.:]?", re.I)),
    ("zh-appendix", re.compile(r"^附(?:录|件)\s*[一二三四五六七八九十A-Z\d]{1,3}(?=\s|[：:、]|$)")),
    ("decimal", re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?(?=\s|[\u4e00-\u9fff])")),
    ("arabic", re.compile(r"^\d{1,2}(?:\s*[、．]|\.(?!\d)|\s+(?=[A-Z]))")),
    ("roman", re.compile(r"^(?:[IVX]{1,4})\.\s+(?=[A-Z])")),
    ("letter", re.compile(r"^[A-H]\.\s+(?=[A-Z])")),
)
# Always list items, never headings: (1) ① a) - • and "第一步"/"Step 1".
LIST_MARK = re.compile(
    r"^(?:[（(]\s*\d{1,2}\s*[）)]|\d{1,2}\s*[)）]|[①-⑳]|[a-z][.)]\s|[-*+•·▪●○◆■]\s?|"
    rf"第{_ORDINAL}步|step\s+\d+\b)",
    re.I,
)
_SENTENCE_END = re.compile(r"[。！？；.!?;，,]$")
_INNER_PUNCT = re.compile(r"[。！？；，,;]")
MAX_HEADING_CHARS = 40  # CJK characters; English headings are counted in words
MAX_HEADING_WORDS = 12
MAX_LABEL_CHARS = 16  # an unnumbered Chinese label line ("岗位职责", "任职要求")
_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "vs"})


@dataclass(frozen=True)
class HeadingLine:
    """A line read as a heading: its kind (for nesting), the heading text, and text after an inline label
    ("第五条 客户资料须每周更新。" is heading "第五条" with that sentence as its text)."""

    kind: str
    text: str
    body: str = ""


def _short(text: str) -> bool:
    if CJK_CHAR.search(text):
        return len(text) <= MAX_HEADING_CHARS
    return len(text.split()) <= MAX_HEADING_WORDS and len(text) <= 90


def title_case(text: str) -> bool:
    """Every significant English word capitalised ("Late Deliveries", "Returns and Refunds")."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(significant) and text[:1].isupper() and all(w[0].isupper() for w in significant)


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters if c.isascii()) and text.upper() == text


def _numbered(line: str) -> tuple[str, str] | None:
    for kind, pattern in _KINDS:
        match = pattern.match(line)
        if match:
            if kind == "decimal":
                kind = f"decimal{match.group(0).rstrip('.').count('.') + 1}"
            elif kind == "arabic":
                kind = "decimal1"
            return kind, line[match.end() :].strip()
    return None


# "label: value" after a heading number: a field line of a spec list ("2.1 Working pressure: 20 MPa").
_FIELD_VALUE = re.compile(r"[:：]\s*\S")


def _opens_its_parts(line: str, following: str) -> bool:
    """A line like "3. Price, MOQ and Lead Time" followed by "3.1 ...": a heading whose own sub-numbers follow
    it, though its comma would make a step of it."""
    number = re.match(r"(\d+)[.、]?\s", line)
    return number is not None and following.startswith(f"{number.group(1)}.1")


_TITLE_FIELD = re.compile(r"^(?:title|document title|标题|文件名称)\s*[:：]\s*(\S.*)$", re.IGNORECASE)


def _restarts(line: str, following: str) -> bool:
    """The next line numbers from 1 again under a line numbered higher ("3. Handling Steps", "1. Listen ...")."""
    mine, theirs = re.match(r"\d+", line), re.match(r"\d+", following)
    return mine is not None and theirs is not None and int(theirs.group(0)) == 1 and int(mine.group(0)) > 1


def starts_numbered(line: str) -> bool:
    """The line opens with a heading number or a list mark ("二、", "第三条", "1.2", "（一）", "- ")."""
    line = line.strip()
    return _numbered(line) is not None or bool(LIST_MARK.match(line))


def looks_like_title(line: str) -> bool:
    """A first line that can be the document's title: short, not a sentence, not a numbered item."""
    line = line.strip()
    return (
        bool(line)
        and _short(line)
        and not _SENTENCE_END.search(line)
        and _numbered(line) is None
        and not (LIST_MARK.match(line))
    )


_LETTERHEAD = re.compile(
    r"(?:有限公司|有限责任公司|股份公司|集团|公司|\bLtd\.?|\bInc\.?|\bLLC|\bGmbH|\bCorp(?:oration|\.)?|\bCo\.)\s*$",
    re.I,
)


# A horizontal rule typed as text ("————", "-----", "＝＝＝＝", "*****"): a separator, never a title or heading.
RULE_LINE = re.compile(r"[-—–_=＝─━~～*·.。\s]{3,}")


_SHEET_KINDS = r"\b(?:product sheet|data ?sheet|spec(?:ification)? sheet)\b|产品资料|规格书|说明书"
_MODEL_CODES = r"\b[A-Z]{1,4}-?\d{2,4}[A-Z]?\b"
_SHEET_KIND = re.compile(_SHEET_KINDS, re.I)
_MODEL_CODE = re.compile(_MODEL_CODES)
# What a document calls itself ("WX-450 硬装洗脱机 产品资料", "Returns Policy"), or a model code it is about.
_NAMES_DOCUMENT = re.compile(
    rf"{_SHEET_KINDS}|\b(?:policy|procedure|manual|handbook|guide(?:lines?)?|sop|rules|price list|catalogue|catalog|"
    rf"brochure)\b|手册|办法|制度|规定|流程|指引|细则|规范|价目表|{_MODEL_CODES}",
    re.I,
)


def _letterhead(first: str, second: str) -> bool:
    """The first line is the company's name above the title: it ends like a company ("…有限公司", "… Ltd."), or
    it is a short name with no figure while the line under it names the document ("HONGTU LAUNDRY SYSTEMS"
    over "WX-450S Soft-Mount Washer-Extractor - Product Sheet")."""
    if not looks_like_title(second):
        return False
    if _LETTERHEAD.search(first):
        return True
    if len(first) > 40 or re.search(r"\d", first):
        return False
    # "XINRUI ADHESIVES - PRODUCT SHEET" over "XR-HM18R Reactive PUR Hot-Melt Adhesive": the line naming the
    # model is the title of the model's sheet, the line above it says only whose sheet it is.
    if _NAMES_DOCUMENT.search(first):  # (a first line without figures names no model)
        return bool(_SHEET_KIND.search(first) and _MODEL_CODE.search(second))
    return bool(_NAMES_DOCUMENT.search(second))


def title_index(lines: list[str]) -> int | None:
    """Which of the first lines is the document's title: the first when it reads like one, or the second (or
    third) when the lines above it are only the company's name and unit (letterhead); None when none is."""
    shown = [i for i, line in enumerate(lines) if line.strip() and not RULE_LINE.fullmatch(line.strip())][:3]
    if not shown:
        return None
    if len(shown) >= 2 and _letterhead(lines[shown[0]].strip(), lines[shown[1]].strip()):
        # The company's name and the unit under it ("Guangchu Energy Co., Ltd." / "Commercial & Industrial
        # Business Unit" over "Pre-Sales Site Survey and Proposal Preparation SOP"): both are letterhead.
        unit, third = lines[shown[1]].strip(), lines[shown[2]].strip() if len(shown) == 3 else ""
        if (
            third
            and not _NAMES_DOCUMENT.search(unit)  # the unit names no document: "售后维修服务政策" is the title
            and not re.match(r"[^:：]{1,10}[:：]", third)  # nor is the line under it a field ("文件编号：…")
            and _letterhead(unit, third)
        ):
            return shown[2]
        return shown[1]
    return shown[0] if looks_like_title(lines[shown[0]]) else None


def read_heading(
    line: str, previous: str | None, following: str | None, *, paragraph: bool = False
) -> HeadingLine | None:
    """The line as a heading, or None when it is text or a list item.

    `previous`/`following` are the neighbouring non-empty lines (None at the edges); `paragraph` says the
    line stands alone between blank lines (or is a whole paragraph, in Word and HTML).
    """
    line = " ".join(line.split())
    if not line or LIST_MARK.match(line) or line.startswith("|") or RULE_LINE.fullmatch(line):
        return None
    numbered = _numbered(line)
    if numbered is not None:
        kind, rest = numbered
        if kind in ("zh-article", "article"):
            label = line[: len(line) - len(rest)].strip()
            whole = not _SENTENCE_END.search(line) and not _INNER_PUNCT.search(rest) and not rest.endswith(("：", ":"))
            if not rest or (_short(line) and whole):
                return HeadingLine(kind, line)
            title = re.match(r"^[【\[（(]([^】\]）)]{1,20})[】\]）)]\s*", rest)
            if title:  # 第五条【报销期限】 ...
                return HeadingLine(kind, f"{label} {title.group(1)}", rest[title.end() :].strip())
            return HeadingLine(kind, label, rest)
        if not rest or _SENTENCE_END.search(line) or not _short(line):
            return None
        if _FIELD_VALUE.search(rest):
            return None  # "2.1 Working pressure: 20 MPa": a numbered field with its value, not a heading
        text = line.rstrip(":：").strip()
        if line.endswith((":", "：")) and following is not None and LIST_MARK.match(following):
            return None  # "1. Steps:" before its own list is a lead-in, kept with the list
        if kind == "decimal1":
            # "1. Call the customer" is a step; a heading has text under it, not its next sibling. A list that
            # starts again at 1 under "3. Handling Steps" is its text, not its sibling.
            if following is None:
                return None
            if (_numbered(following) or ("", ""))[0] == "decimal1" and not _restarts(line, following):
                return None
            if _INNER_PUNCT.search(rest) and not _opens_its_parts(line, following):
                return None
            if not CJK_CHAR.search(rest) and not (rest[:1].isupper() and len(rest.split()) <= 8):
                return None
        if kind in ("zh-num", "zh-paren") and _INNER_PUNCT.search(rest):
            return None
        return HeadingLine(kind, text)
    titled = _TITLE_FIELD.match(line)
    if titled and _short(titled.group(1)) and not _SENTENCE_END.search(line):
        return HeadingLine("title", titled.group(1))  # "Title: Customer Complaint Handling": the title itself
    if following is None or _SENTENCE_END.search(line) or line.endswith((":", "：")):
        return None
    if previous is not None and not paragraph and not re.search(r"[。！？；：.!?:;]$", previous):
        return None  # the line continues a sentence or a label block above it
    if CJK_CHAR.search(line):
        # "文件编号：CW-07" is a field with its value, not a label heading what follows
        is_label = len(line) <= MAX_LABEL_CHARS and not _INNER_PUNCT.search(line) and not re.search("[:：]", line)
        has_text_under = len(following) > len(line) or bool(LIST_MARK.match(following) or _numbered(following))
        return HeadingLine("zh-label", line) if is_label and has_text_under else None
    words = line.split()
    if len(words) > 8 or not any(c.isalpha() for c in line) or _FIELD_VALUE.search(line):
        return None  # "Document No.: LM-FIN-007" is a field with its value, not a heading
    if _all_caps(line) or (title_case(line) and (paragraph or len(following.split()) > len(words))):
        return HeadingLine("caps" if _all_caps(line) else "title", line)
    return None


# Names of a document's top divisions: one document may change name midway ("Chapter 3", then "Section 4").
_DIVISIONS = frozenset({"part", "chapter", "section", "article"})
_APPENDICES = frozenset({"appendix", "zh-appendix"})


class HeadingLevels:
    """Outline levels by order of first appearance of each heading kind (see the module docstring).

    Two exceptions to nesting a new kind: an appendix is a top division whatever came before, and a division
    first seen under another name with the next number ("Section 4" after "Chapter 3" and its 3.x parts)
    continues the top divisions instead of nesting under the last one."""

    def __init__(self) -> None:
        self._stack: list[str] = []
        self._alias: dict[str, str] = {}
        self._seen: set[str] = set()
        self._top_number: int | None = None

    def level(self, kind: str, number: int | None = None) -> int:
        kind = self._alias.get(kind, kind)
        if kind not in self._seen and self._stack and kind not in self._stack:
            top = self._stack[0]
            next_division = (
                kind in _DIVISIONS
                and top in _DIVISIONS
                and number is not None
                and self._top_number is not None
                and number == self._top_number + 1
            )
            if kind in _APPENDICES or next_division:
                self._alias[kind] = top
                kind = top
        self._seen.add(kind)
        depth = self._nest(kind)
        if depth == 1:
            self._top_number = number
        return depth

    def _nest(self, kind: str) -> int:
        if kind in self._stack:
            del self._stack[self._stack.index(kind) + 1 :]
        else:
            if kind.startswith("decimal"):
                # 1.2 nests under 1. even when 1. was never seen; and a shallower number closes deeper ones.
                depth = int(kind[7:])
                for i, open_kind in enumerate(self._stack):
                    if open_kind.startswith("decimal") and int(open_kind[7:]) > depth:
                        del self._stack[i:]
                        break
            self._stack.append(kind)
        return len(self._stack)


def outline_lines(
    lines: Iterable[str],
    outline: Outline,
    *,
    paragraphs: bool = False,
    emphasised: Collection[int] = (),
    listed: Collection[int] = (),
) -> int:
    """Feed lines into `outline`, opening a section at each line read as a heading; returns how many.

    An empty line is a paragraph break. With `paragraphs` every line is a whole paragraph (Word, HTML),
    so a short Title Case line counts as standing alone. `emphasised` are indices of lines set in bold
    on their own: a short one that is not a sentence is a heading too. `listed` are indices of lines the
    source marks as list items (Word's numbered lists): never headings, and one list stays one block.
    """
    items = [" ".join(line.split()) for line in lines]
    levels = HeadingLevels()
    found = 0
    nonempty = [i for i, line in enumerate(items) if line]
    last_heading = -1
    for n, i in enumerate(nonempty):
        line = items[i]
        previous = items[nonempty[n - 1]] if n and last_heading != n - 1 else None
        following = items[nonempty[n + 1]] if n + 1 < len(nonempty) else None
        alone = paragraphs or ((i == 0 or not items[i - 1]) and (i + 1 >= len(items) or not items[i + 1]))
        if n and not items[i - 1]:
            outline.line("")
        if i in listed:
            outline.line(line)
            if paragraphs and i + 1 not in listed:
                outline.line("")
            continue
        heading = read_heading(line, previous, following, paragraph=alone)
        if heading is None and i in emphasised and _short(line) and not _SENTENCE_END.search(line):
            heading = HeadingLine("bold", line.rstrip(":："))
        if heading is None:
            outline.line(line)
            if paragraphs:
                outline.line("")
            continue
        found += 1
        last_heading = n
        number = re.search(r"\d+", heading.text)
        level = levels.level(heading.kind, int(number.group(0)) if number else None)
        outline.heading(level, heading.text, names_document=False, read_off_a_line=True)
        if heading.body:
            outline.line(heading.body)
    return found
