"""Boilerplate: text that is not the document's own content, recognised by what it is.

Documents copied from document-sharing sites, saved web pages and printed PDFs carry the site's or printer's
text around the content: paid-download and VIP notices, copyright and "uploaded by users" disclaimers, the
site's complaint hotline, comment/view/like counters, "related documents" lists, navigation, page numbers
and running headers repeated on every page. Indexed, that text becomes titles, citations and even answers
("客服电话是多少？" answered with the site's hotline). It is recognised here by its kind (the words such text
always uses), never by one site's name, so the next site's chrome is caught too.

A line is boilerplate when it holds a strong cue (a counter, "本站", "VIP", "All rights reserved"), or two
weaker cues (a download word and a price word), and is short enough to be a notice rather than prose that
merely mentions downloading. Lines repeated across PDF pages are judged in `repeated_page_lines`.

`lines` judges one line on its own; `split_boilerplate` then runs the passes that judge a line by the page
around it: `sites` (a web page's edges, ads, boxes, lists), `forums` (floors and comments), `mail` (pasted
e-mail threads) and `pages` (furniture repeated on every page).
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.boilerplate import forums, mail, pages, sites
from ingest.boilerplate.lines import (
    COMMENT,
    HOTLINE,
    LETTERHEAD,
    MAX_NOTICE_CHARS,
    SEPARATOR,
    SITE,
    SITE_ADDRESS,
    TRADE,
    Dropped,
    beside_chrome,
    boilerplate_reason,
    without_counters,
)
from ingest.boilerplate.pages import is_repeated, repeated_page_lines

__all__ = [
    "LETTERHEAD",
    "SEPARATOR",
    "SITE_ADDRESS",
    "Dropped",
    "boilerplate_reason",
    "is_repeated",
    "judge_lines",
    "repeated_page_lines",
    "split_boilerplate",
    "without_counters",
]


def split_boilerplate(lines: Sequence[str]) -> tuple[list[str], list[Dropped]]:
    """Keep the document's own lines (blank lines too, for paragraph breaks); drop chrome with its reason."""
    lines, reasons, subject = judge_lines(lines)
    # A rule line stays as a blank line: the paragraph break it drew.
    kept = [
        without_counters(line) if reason is None else ""
        for line, reason in zip(lines, reasons, strict=True)
        if reason is None or reason == SEPARATOR
    ]
    if subject:  # an e-mail thread's title: its subject, above the messages
        kept = [subject, "", *kept]
    dropped = [Dropped(line.strip(), reason) for line, reason in zip(lines, reasons, strict=True) if reason]
    return kept, dropped


def judge_lines(lines: Sequence[str]) -> tuple[Sequence[str], list[str | None], str]:
    """Each line's reason for being chrome (None: the document's own), judged alone and then by the page around
    it; with the lines as judged (a pasted e-mail thread's quote marks removed) and the thread's subject ("" when
    the text is no e-mail thread).

    A short line naming the web page itself ("首页", "点击", "login") is also dropped when it stands in the
    leading or trailing run of chrome (a site's menu above the article, its footer below).
    """
    lines = mail.unquoted(lines)
    reasons = [boilerplate_reason(line) for line in lines]
    sites.recommended_lists(lines, reasons)
    for edge in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for i in edge:
            text = lines[i].strip()
            if not text or reasons[i]:
                continue
            if SITE.search(text) and len(text) <= 40:
                reasons[i] = "site notice next to other chrome"
                continue
            if (COMMENT.match(text) or "👍" in text) and len(text) <= MAX_NOTICE_CHARS:
                reasons[i] = "reader's comment next to other chrome"
                continue
            if HOTLINE.search(text) and len(text) <= MAX_NOTICE_CHARS and beside_chrome(lines, reasons, i):
                reasons[i] = "the site's hotline next to other chrome"
                continue
            trades = {m.group(0).lower() for m in TRADE.finditer(text)}
            if len(trades) >= 2 and len(text) <= MAX_NOTICE_CHARS:
                # "文库客服热线：400-…  官方QQ交流群：…  微信客服：…" among the site's lines: its help desk.
                reasons[i] = f"site notice next to other chrome ({', '.join(sorted(trades))})"
                continue
            break
    sites.chrome_runs(lines, reasons)
    sites.ad_blocks(lines, reasons)
    sites.chrome_boxes(lines, reasons)
    forums.forum_floors(lines, reasons)
    forums.comment_headers(lines, reasons)
    forums.replies_to_comments(lines, reasons)
    sites.weak_cues_beside_chrome(lines, reasons)
    forums.comments_above_footers(lines, reasons)
    forums.comments_under_header(lines, reasons)
    forums.forum_replies(lines, reasons)
    sites.repost_bounds(lines, reasons)
    subject = mail.email_thread(lines, reasons)
    pages.repeated_lines(lines, reasons)
    sites.contents_list(lines, reasons)
    sites.one_step_trails(lines, reasons)
    sites.site_page_titles(lines, reasons)
    sites.listed_titles(lines, reasons)
    sites.site_names(lines, reasons)
    sites.ai_summaries(lines, reasons)
    sites.menu_bars(lines, reasons)
    sites.menu_columns(lines, reasons)
    sites.mastheads(lines, reasons)
    sites.slogans_under_names(lines, reasons)
    forums.author_names(lines, reasons)
    sites.after_the_end(lines, reasons)
    sites.dense_edges(lines, reasons)
    return lines, reasons, subject
