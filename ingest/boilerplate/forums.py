"""Forums, blogs and Q&A pages: floors, comment headers and the comments under them, replies, the author's
name between chrome lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.boilerplate.lines import COMMENT_FOOTER, FLOOR, MAX_NOTICE_CHARS, NUMBERED, REPLY, REPLY_BAR, neighbours
from ingest.boilerplate.sites import REPOST_START

_THREAD_WORDS = re.compile(r"楼主|帖子|回帖|点赞")


def forum_floors(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Floor headers ("沙发  锅铲侠阿斌", "5#  楼主  老王") in a forum thread: two or more of them, or one beside a
    "发表于" stamp; a lone "3楼 销售部" or "地板 强化复合 12mm" is a document's own line."""
    floors = [i for i, line in enumerate(lines) if reasons[i] is None and FLOOR.match(" ".join(line.split()))]
    opening = [i for i, line in enumerate(lines) if reasons[i] is None and line.strip() == "楼主"]
    stamped = any("发表于" in line for line in lines)
    threaded = any(_THREAD_WORDS.search(line) for line in lines)
    if floors and (stamped or (len(floors) + len(opening) >= 2 and threaded)):
        for i in floors:
            reasons[i] = "forum post header"
        for i in opening:  # the thread's own post: its words are the document
            reasons[i] = "the opening post's header"


# A comment's header line, its text on the next line: "Rob Keeling · 2 days ago", "↪ Dana (author) · 1 day ago",
# "▷ 工控小白2020　2024.05.10", "└ ▷ 老周 回复 工控小白2020　2024.05.10".
_COMMENT_HEADER = re.compile(
    r"^[▷►▶•·└├↪↳\s]*[^\s:：][^:：]{0,30}?\s*(?:[·•|｜]\s*\d+\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|"
    r"[·•|｜]?\s*\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|\s\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2})?)$",
    re.IGNORECASE,
)
MIN_COMMENT_HEADERS = 2
MAX_COMMENT_CHARS = 80  # a reader's one-line comment; longer text under a "name, date" line is a post's own


def comment_headers(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Reader comments laid out as a header (the commenter and when) over the comment's text: with two or more
    such headers in the text, each header and the short line under it are the page's comments. One "营销中心
    2025-03-01" under a notice is its own signature line and stays; so does a labelled answer header
    ("回答者：老王 2023-09-14") over a Q&A page's answer."""
    headers = [i for i, line in enumerate(lines) if reasons[i] is None and _COMMENT_HEADER.match(line.strip())]
    if len(headers) < MIN_COMMENT_HEADERS:
        return
    for i in headers:
        reasons[i] = "a reader's comment header"
        _above, below = neighbours(lines, i)
        if below is None or reasons[below] is not None:
            continue
        text = lines[below].strip()
        if len(text) <= MAX_COMMENT_CHARS and not NUMBERED.match(text):
            reasons[below] = "reader's comment"


def replies_to_comments(lines: Sequence[str], reasons: list[str | None]) -> None:
    """"老周 回复 阿杰：…" right below a reader's comment (or another such reply) is a reply to it."""
    for i, line in enumerate(lines):
        if reasons[i] is None and REPLY.match(line.strip()):
            above, _below = neighbours(lines, i)
            if above is not None and reasons[above] in ("reader's comment", "a reply to a reader's comment"):
                reasons[i] = "a reply to a reader's comment"


_COMMENTS_HEADER = re.compile(r"评论|留言|comments?", re.IGNORECASE)
_NAMED_REMARK = re.compile(r"^(?!问|答|Q\b|A\b)\S{1,16}\s*[:：]\s*\S")  # an FAQ's 问：/答： is no reader


def comments_under_header(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Under a comments header that is chrome ("网友评论（87）："), the run of "name：words" lines are readers'
    comments ("蓝色星空：3-6-1付款在开发商那边很难执行吧"), up to the first line of another shape."""
    for i, reason in enumerate(reasons):
        if not reason or not _COMMENTS_HEADER.search(lines[i]):
            continue
        j = i + 1
        while j < len(lines):
            text = lines[j].strip()
            if text and reasons[j] is None:
                if len(text) > MAX_NOTICE_CHARS or not _NAMED_REMARK.match(text):
                    break
                reasons[j] = "a reader's comment under the comments header"
            j += 1


def comments_above_footers(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The short lines right above a comment's footer ("12小时前 · 回复 · 赞 88", a vote bar "回复 支持 3 反对 0") are
    the comment, its poster and the author's reply to it ("山东老刘：写得很实在…")."""

    def footer(line: str) -> bool:
        return bool(COMMENT_FOOTER.search(line) or REPLY_BAR.match(line.strip()))

    for i, reason in enumerate(reasons):
        if not reason or not footer(lines[i]):
            continue
        j = i - 1
        while j >= 0 and i - j <= 3 and lines[j].strip() and not footer(lines[j]):
            if reasons[j] is None:
                if len(lines[j].strip()) > MAX_NOTICE_CHARS:
                    break
                reasons[j] = "a reader's comment above its footer"
            elif "回复" not in lines[j]:
                break  # other chrome (tags, a share bar) ends the comment; only the author's reply sits inside it
            j -= 1


_FLOOR_BODY_LINES = 3  # a reply's words under its floor header; a longer run is a document posted in the thread


def forum_replies(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The words of a forum reply: the run of lines after a floor header ("沙发  锅铲侠阿斌") and its chrome
    ("发表于 …"), up to the next chrome line or blank line, when that run is short (a reply, not a document)."""
    for i, reason in enumerate(reasons):
        if reason != "forum post header":
            continue
        j = i + 1
        while j < len(lines) and reasons[j] and not REPOST_START.match(lines[j].strip()):
            j += 1
        if j < len(lines) and REPOST_START.match(lines[j].strip()):
            continue  # the post is a repost: its markers bound the document
        end = j
        while end < len(lines) and lines[end].strip() and reasons[end] is None:
            end += 1
        if j < end <= j + _FLOOR_BODY_LINES:
            for k in range(j, end):
                reasons[k] = "a forum reply's words"
AUTHOR_NAME_CHARS = 8


def author_names(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The author's name alone between two chrome lines (a tip jar above, the author card below), repeated in
    the byline and the replies."""
    dropped = [lines[i] for i, reason in enumerate(reasons) if reason]
    for i, line in enumerate(lines):
        text = line.strip()
        if not text or reasons[i] or len(text) > AUTHOR_NAME_CHARS or sum(text in d for d in dropped) < 2:
            continue
        above, below = neighbours(lines, i)
        if above is not None and below is not None and reasons[above] and reasons[below]:
            reasons[i] = "the author's name between chrome lines"
