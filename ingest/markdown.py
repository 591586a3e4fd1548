"""Markdown body to outline: ATX headings (# .. ######) open sections; code fences are kept verbatim."""

from __future__ import annotations

import re

from ingest.boilerplate import SEPARATOR, Dropped, judge_lines
from ingest.outline import Outline

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]+)`")
# |---|:---:| rows only tell a renderer how to align columns; in a chunk they are noise.
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
_SETEXT_H2 = re.compile(r"^ {0,3}-+[ \t]*$")
_LIST_OR_TABLE = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\|)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def inline_text(text: str) -> str:
    """Strip inline markup a reader would not type or want quoted back: links, images, bold, code ticks."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return _CODE.sub(r"\1", text)


def _setext_level(line: str, underline: str) -> int | None:
    """1 or 2 when `line` is a heading underlined with === or --- (setext style), else None."""
    if not line.strip() or _LIST_OR_TABLE.match(line) or _ATX.match(line) or _FENCE.match(line):
        return None
    if _SETEXT_H1.match(underline):
        return 1
    if _SETEXT_H2.match(underline):
        return 2
    return None


MIN_CLIPPED_CHROME = 8  # lines a page clipped to Markdown carries at least (a follow prompt, a toolbar, comments)
CLIPPED_SHARE = 0.15  # of its non-blank lines


def _judged(lines: list[str]) -> list[str | None]:
    """Each line's chrome reason, judged on what a reader sees (a heading's words, a link's text), when the file
    is a web page clipped to Markdown ("公众号剪藏.md": its follow prompt, toolbar, comments and recommendations
    as any pasted page carries them). A Markdown document written as one, where a line or two may merely name a
    QR code or a download, is kept whole. Table rows, rules and code are structure and are not judged."""
    fenced = False
    plain: list[str] = []
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
        structural = fenced or _FENCE.match(line) or line.lstrip().startswith("|") or _THEMATIC_BREAK.match(line)
        heading = _ATX.match(line)
        text = (heading.group(2) or "") if heading else line
        plain.append("" if structural or _SETEXT_H1.match(line) or _SETEXT_H2.match(line) else inline_text(text))
    _lines, reasons, _subject = judge_lines(plain)
    found = [None if reason == SEPARATOR else reason for reason in reasons]
    chrome = sum(1 for reason in found if reason)
    if chrome < MIN_CLIPPED_CHROME or chrome < CLIPPED_SHARE * sum(1 for line in plain if line.strip()):
        return [None] * len(lines)
    return found


def markdown_outline(body: str) -> Outline:
    """Walk Markdown lines; headings inside fenced code blocks are text, not structure; site chrome is dropped."""
    outline = Outline()
    fence: str | None = None
    lines = _COMMENT.sub("", body).splitlines()
    reasons = _judged(lines)
    skip_next = False
    for index, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        fence_match = _FENCE.match(line)
        if fence is not None:
            if (
                fence_match
                and fence_match.group(1)[0] == fence[0]
                and len(fence_match.group(1)) >= len(fence)
            ):
                fence = None
            else:
                outline.line(line)
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        previous_blank = index == 0 or not lines[index - 1].strip()
        setext = _setext_level(line, lines[index + 1]) if index + 1 < len(lines) and previous_blank else None
        if setext is not None:
            outline.heading(setext, inline_text(line.strip()))
            skip_next = True
            continue
        if reasons[index]:
            outline.dropped.append(Dropped(" ".join(inline_text(line).split()), reasons[index] or ""))
            continue
        if _TABLE_RULE.match(line) and "|" in line:
            continue
        if _THEMATIC_BREAK.match(line):
            outline.line("")
            continue
        heading = _ATX.match(line)
        if heading:
            outline.heading(len(heading.group(1)), inline_text(heading.group(2) or ""))
        else:
            outline.line(inline_text(line))
    return outline
