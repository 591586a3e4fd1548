"""A web page around its article: the site's masthead, menus and notices at the page's edges, ads and widget
boxes inside it, contents lists, listed and recommended documents, and a repost's bounds."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ingest.boilerplate.lines import (
    DOMAIN,
    FIELD_VALUE,
    MAX_AD_LINES,
    MAX_NOTICE_CHARS,
    MAX_SITE_BANNER_CHARS,
    MENU_SEPARATOR,
    NUMBERED,
    RULED_NOTICE,
    SEPARATOR,
    SITE_ADDRESS,
    SITE_NAME_CHARS,
    WEAK_SITE,
    beside_chrome,
    neighbours,
)

MAX_CHROME_GAP = 3  # unrecognised short lines above a page's chrome that may still be the site's


def chrome_runs(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A page's first block (down to its first blank line or rule, with the document below it) that holds two or more
    lines of site chrome: the few short lines above the first of them are the site's too (its name and slogan
    above its menu, a sign-in prompt). Lines after the first chrome line keep their own judgement: an article's
    title sits between the site's menu and its byline."""
    block: list[int] = []
    for i, line in enumerate(lines):
        if line.strip() and reasons[i] != SEPARATOR:
            block.append(i)
        elif block:
            break  # a blank line or a rule ("-----") ends the block
    if not block or not any(line.strip() for line in lines[block[-1] + 1 :]):
        return  # the whole file is one block: no document below the site's run
    found = [i for i in block if reasons[i]]
    if len(found) < 2:
        return
    above = [i for i in block if i < found[0]]
    if len(above) > MAX_CHROME_GAP or any(len(lines[i].strip()) > MAX_NOTICE_CHARS for i in above):
        return
    for i in above:
        reasons[i] = "site chrome above the page's other chrome"


CHROME_SHARE = 0.7  # of a page's closing lines that are chrome, for the lines among them to be too
HEAD_SHARE = 0.6  # of its opening lines, where the run must also end on a rule or a blank line
MIN_EDGE_CHROME = 4
# Chrome that sits inside a document as well as around it (an ad between its parts, a page marker) says nothing
# about where the page's own chrome begins or ends.
_INSIDE_CHROME = frozenset(
    {"advertisement marker", "advertisement", "page number", "e-mail header", "e-mail footer", "e-mail signature"}
)


def dense_edges(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A page's opening run where most lines are chrome (menus, search box, counters, the document's file name
    and blurb between them), and likewise its closing run (download terms, the help line, reader comments
    between their headers and counters): the few unrecognised lines inside such a run are the site's too.
    The run is the longest opening (shortest closing) stretch ending (starting) on a chrome line with at
    least MIN_EDGE_CHROME chrome lines and HEAD_SHARE (CHROME_SHARE) of its lines chrome, and stops at a
    numbered heading or item: the document's own text has begun (ended) there. An opening run must end on a rule
    or a blank line, the page's own break between its chrome and the article: a title between the site's menu
    and the article's byline, with no break under it, stays."""
    filled = [i for i, line in enumerate(lines) if line.strip() and reasons[i] not in _INSIDE_CHROME]
    if len(filled) < 2 * MIN_EDGE_CHROME:
        return

    def mark(run: Sequence[int], why: str) -> None:
        for i in run:
            if reasons[i] is None:
                reasons[i] = why

    chrome = 0
    head: list[int] = []
    for n, i in enumerate(filled, 1):
        if reasons[i] is None and NUMBERED.match(lines[i].strip()):
            break  # the document has begun
        chrome += reasons[i] is not None
        # (a notice drawn between rules, "———— 以下为文档预览（第1页/共6页）————", closes the run as a rule does)
        closed = (
            reasons[i] == SEPARATOR
            or (i + 1 < len(lines) and not lines[i + 1].strip())
            or (reasons[i] is not None and RULED_NOTICE.match(lines[i].strip()) is not None)
        )
        if closed and reasons[i] is not None and chrome >= MIN_EDGE_CHROME and chrome >= HEAD_SHARE * n:
            head = filled[:n]
    if len(head) < len(filled):
        mark(head, "inside the page's opening chrome")
    chrome = 0
    tail: list[int] = []
    for n, i in enumerate(reversed(filled), 1):
        if reasons[i] is None and NUMBERED.match(lines[i].strip()):
            break
        chrome += reasons[i] is not None
        if reasons[i] is not None and chrome >= MIN_EDGE_CHROME and chrome >= CHROME_SHARE * n:
            tail = filled[len(filled) - n :]
    if len(tail) < len(filled):
        mark(tail, "inside the page's closing chrome")


# The end of an article as its page marks it: WeChat's "- END -", a document site's preview cut-off.
_THE_END = re.compile(
    r"^[^\w]*(?:END|THE END|全文完|[（(]本文完[）)]|(?:免费|全文)?预览已?结束.*|(?:免费)?试读已?结束.*)"
    r"[-—–=~·\s]*$",
    re.IGNORECASE,
)
MIN_CHROME_AFTER_END = 2
# The document's own numbered lines (`NUMBERED`: "（四）回款与客户维护", "2.回款逾期超过60天的…"): below a preview's
# end mark ("—— 试读结束，剩余4页需下载后阅读 ——" then "【会员已为您展开全文】"), three of them say the article goes
# on. A site's numbered download terms below the real end ("2.下载后…", "3.卷币为虚拟商品…") have no part heading
# among them; the article's rest does ("（四）回款与客户维护", "三、项目跟进流程").
_PART_HEADING = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章条])"
)
MIN_LINES_GOING_ON = 3


def after_the_end(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Everything below a page's end-of-article mark is the page's (its account card, comments with the author's
    replies, download terms), when at least MIN_CHROME_AFTER_END lines there are recognised chrome: a mark
    with the document going on below it (a slide titled "The End" before an appendix, a preview's end with the
    rest of the numbered article below) keeps its text."""
    ends = [i for i, line in enumerate(lines) if _THE_END.match(line.strip())]
    if not ends:
        return
    below = range(ends[-1] + 1, len(lines))
    if sum(reasons[i] is not None for i in below) < MIN_CHROME_AFTER_END:
        return
    own = [lines[i].strip() for i in below if reasons[i] is None and NUMBERED.match(lines[i].strip())]
    if len(own) >= MIN_LINES_GOING_ON and any(_PART_HEADING.match(line) for line in own):
        reasons[ends[-1]] = reasons[ends[-1]] or "a preview's end mark with the article going on below it"
        return
    for i in [ends[-1], *below]:
        if lines[i].strip() and reasons[i] is None:
            reasons[i] = "below the article's end"


def ad_blocks(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The few short lines between two ad rules ("—————— 广告 ——————" above and below), or between an ad box's top
    and its bottom ("┏━━ 广告 ━━┓" … "┗━━━━━━┛"), are the ads themselves."""
    markers = [i for i, reason in enumerate(reasons) if reason == "advertisement marker"]
    ends = [i for i, reason in enumerate(reasons) if reason == SEPARATOR and lines[i].strip()[:1] in "┗╚└╳┈┄╌"]
    for start in markers:
        end = min((i for i in [*markers, *ends] if i > start), default=None)
        if end is None:
            continue
        inside = [j for j in range(start + 1, end) if lines[j].strip()]
        if 0 < len(inside) <= MAX_AD_LINES and all(len(lines[j].strip()) <= MAX_NOTICE_CHARS for j in inside):
            for j in inside:
                reasons[j] = reasons[j] or "advertisement"


_BOX_TOP = "┌┏╔╭"
_BOX_SIDE = "│┃║"
_BOX_BOTTOM = "└┗╚╰"


def chrome_boxes(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A box drawn around a page's widget ("┌ 🤖 AI 一键速读 ───" … "│ 本文介绍了…" … "└────"): when its top line is
    chrome, so are its sides' lines and its bottom. So when the box's first line inside is chrome (an ad's tag:
    "┌────┐" / "│ 广告 · 医械合规学院 │" / "│ GSP飞检高频问题清单免费领取 │" / "│ 立即领取 › │"); a boxed note of
    the document's own stays."""
    i = 0
    while i < len(lines):
        top = lines[i].strip()
        first = lines[i + 1].strip() if i + 1 < len(lines) else ""
        titled = bool(first) and first[0] in _BOX_SIDE and reasons[i + 1] not in (None, SEPARATOR)
        if top and top[0] in _BOX_TOP and (reasons[i] not in (None, SEPARATOR) or titled):
            j = i + 1
            while j < len(lines) and lines[j].strip()[:1] in _BOX_SIDE:
                reasons[j] = reasons[j] or "inside the page's widget box"
                j += 1
            if j < len(lines) and lines[j].strip()[:1] in _BOX_BOTTOM:
                reasons[j] = reasons[j] or SEPARATOR
                j += 1
            i = j
        else:
            i += 1


_ONE_STEP = re.compile(r"^[^>›»。.!?:：]{1,30}\s*[>›»]\s*[^>›»。.!?:：]{1,40}$")


def one_step_trails(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A breadcrumb one step deep ("SALES & MARKETING › Inside Sales") beside the page's chrome is navigation,
    not a heading; the longer trails are caught on their own."""
    for i, line in enumerate(lines):
        if reasons[i] is None and _ONE_STEP.match(line.strip()) and beside_chrome(lines, reasons, i):
            reasons[i] = "navigation"


def weak_cues_beside_chrome(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A short line with one weak site word ("趣读号创作者") beside the page's chrome is chrome too (judged against
    the chrome found before this pass, so one such line does not carry its neighbour along)."""
    before = list(reasons)
    for i, line in enumerate(lines):
        text = line.strip()
        short = len(text) <= MAX_NOTICE_CHARS
        if before[i] is None and short and WEAK_SITE.search(text) and beside_chrome(lines, before, i):
            reasons[i] = "site notice beside other chrome"


MAX_NUMBERING = 6  # characters a heading's numbering may add before a contents entry's words ("一、", "2.1 ")
_CONTENTS = re.compile(
    r"^(?:文档|本文|全文)?(?:目录|目\s+录|contents|table of contents)\s*(?:[（(][^）)]{1,8}[）)])?\s*[:：]?$",
    re.IGNORECASE,
)
_LEADING_MARKS = re.compile(r"^[^\w\u4e00-\u9fff]+")


def contents_list(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A "目录" / "Contents" line (bare, or a page's widget: "📑 目录（点击跳转）") and the entries under it that
    recur later as the document's own headings ("▸ 岗位分工" over "一、岗位分工"): a copied page's table of
    contents, which would stand in the preamble as a list of headings without text."""
    for i, line in enumerate(lines):
        head = _LEADING_MARKS.sub("", line.strip())
        widget = (reasons[i] or "").startswith("site notice")  # "📑 目录（点击跳转）"
        if (reasons[i] is not None and not widget) or not _CONTENTS.match(head):
            continue
        _above, below = neighbours(lines, i)
        if below is not None and reasons[below] == "table of contents":
            reasons[i] = "table of contents"  # its entries have dot leaders and pages
            return
        j = i + 1
        entries = []
        while j < len(lines) and lines[j].strip() and reasons[j] is None:
            entry = _LEADING_MARKS.sub("", lines[j].strip())
            later = (_LEADING_MARKS.sub("", other.strip()) for other in lines[j + 1 :])
            if not entry or not any(o.endswith(entry) and len(o) <= len(entry) + MAX_NUMBERING for o in later):
                break
            entries.append(j)
            j += 1
        if len(entries) >= 2:
            for k in (i, *entries):
                reasons[k] = "table of contents"
        return


# The markers stand alone on their line ("======== 以下为原文 ========"): "公司公告原文如下：" or "合同原文完整存档"
# inside a document are its own words.
REPOST_START = re.compile(r"^[=\-—_*#\s【\[]*(?:以下为原文|以下是原文|原文如下)[=\-—_*#\s】\]:：]*$")
_REPOST_END = re.compile(r"^[=\-—_*#\s【\[]*(?:原文结束|原文完)[=\-—_*#\s】\]]*$")


def repost_bounds(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A repost marked "以下为原文 … 原文结束" holds the document between its markers: the poster's preface above
    and the thread below ("收藏了！我们公司报价单有效期是30天" contradicting the document) are not it."""
    starts = [i for i, line in enumerate(lines) if REPOST_START.match(line.strip())]
    ends = [i for i, line in enumerate(lines) if _REPOST_END.match(line.strip())]
    if not starts or not ends or ends[-1] < starts[0]:
        return  # both markers or none: one alone may be a document's own rule line
    first, last = starts[0], ends[-1]
    for i in (first, last):
        reasons[i] = "the repost's marker"
    for i, line in enumerate(lines):
        if (i < first or i > last) and line.strip() and reasons[i] is None:
            reasons[i] = "outside the reposted document's markers"


_SITE_SUFFIX = re.compile(r"\s*(?:_|\||｜|\s[-–—]\s)\s*")


def site_page_titles(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A page title carrying the site's name ("岗位职责_范文大全", "Returns - Example Wiki") above the
    document's own title line ("岗位职责") is the site's, not the document's."""
    own = [i for i, line in enumerate(lines) if line.strip() and reasons[i] is None][:12]
    for n, i in enumerate(own):
        parts = _SITE_SUFFIX.split(lines[i].strip(), maxsplit=1)
        if len(parts) == 2 and parts[0] and any(lines[j].strip() == parts[0] for j in own[n + 1 : n + 8]):
            reasons[i] = "page title with the site's name"


MIN_LISTED_TITLE_CHARS = 6
LISTED_TITLE = "the site's listing of the document's title"
# The site's note after the listed title: "大客户销售经理岗位职责及项目销售流程（岚山门业内部版）".
_BRACKETED_NOTE = re.compile(r"\s*[（(【\[][^）)】\]]{1,20}[）)】\]]")


def listed_titles(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A sharing site lists the document under its own title line, between its chrome (a promoted link above,
    the uploader's line below): "光储能源储能销售工程师岗位职责与工作流程（2025版）" over the document's own
    "储能销售工程师岗位职责与工作流程（2025版）" a few lines down. The listing, ending with that title, is the
    site's."""
    own = [i for i, line in enumerate(lines) if line.strip() and reasons[i] is None][:15]
    for n, i in enumerate(own):
        text = lines[i].strip()
        above, below = neighbours(lines, i)
        if above is None or below is None or reasons[above] is None or reasons[below] is None:
            continue
        if any(
            len(later) >= MIN_LISTED_TITLE_CHARS
            and (text.endswith(later) or (text.startswith(later) and _BRACKETED_NOTE.fullmatch(text[len(later) :])))
            for later in (lines[j].strip() for j in own[n + 1 : n + 7])
        ):
            reasons[i] = LISTED_TITLE


_BULLET = re.compile(r"^\s*[▶▷►·•◆◇○●\-*]\s*\S")
_RECOMMENDS = re.compile(r"推荐|相关|往期|猜你|related|recommended|you may also", re.IGNORECASE)
MAX_LISTED_TITLES = 6
MAX_RECOMMENDS_HEADER_CHARS = 20  # "推荐阅读", "You may also like": the header alone, not a line listing links
MAX_LISTED_TITLE_CHARS = 60


def _listed_title(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= MAX_LISTED_TITLE_CHARS and not NUMBERED.match(text) and not re.search(r"[。！!；;]$", text)


def recommended_lists(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The bulleted titles under a site's "往期推荐" / "Related articles" line are its links, not the document's
    list (their counters mark them on document sites; an article page lists bare titles). So are the bare
    titles right under it, down to a blank line ("▼ 推荐阅读 ▼" / "展会邀约｜…" / "一文看懂：…"): a numbered line
    or a sentence there is the document's again."""
    i = 0
    while i < len(lines):
        if reasons[i] and _RECOMMENDS.search(lines[i]):
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or _BULLET.match(lines[j])):
                if lines[j].strip() and reasons[j] is None and len(lines[j].strip()) <= MAX_NOTICE_CHARS:
                    reasons[j] = "a link listed under the site's recommendations"
                j += 1
            header = re.sub(r"[^\w\u4e00-\u9fff ]", "", lines[i]).strip()
            if j == i + 1 and len(header) <= MAX_RECOMMENDS_HEADER_CHARS:  # bare titles right under a header alone
                while j < len(lines) and j - i <= MAX_LISTED_TITLES and _listed_title(lines[j]):
                    reasons[j] = reasons[j] or "a link listed under the site's recommendations"
                    j += 1
            i = j
        else:
            i += 1


# The slogan after a site's name says what kind of site it is ("有料有趣的资讯平台", "工程师的知识分享社区").
_SITE_WORD = re.compile(
    r"(?:平台|社区|论坛|资讯|门户|博客|文库|网站|官网|频道|portal|community|forum|blog)\s*$", re.IGNORECASE
)
# What a document or news site's slogan promises ("海量实用文档 免费在线阅读", "free documents to read online").
_SITE_SLOGAN = re.compile(r"海量|免费|在线|分享|下载|阅读|文档|资料|free|online|download|documents?", re.IGNORECASE)
# A name that says it is a site ("芸笺文档网", "墨斗文库"): with a slogan after it, the site's banner.
_SITE_NAME_END = re.compile(r"(?:网|文库|论坛|社区|平台)$")
_NAME_AND_SLOGAN = re.compile(r"\s+(?:[·•|｜]|[\-–—]{1,2})\s+")


def site_names(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A short line among the first few that two or more chrome lines repeat is the site's or account's name
    ("冷链人说事" above "原创 … 冷链人说事 发表于上海" and "关注「冷链人说事」"), not the document's title. Two: a
    breadcrumb alone repeats the document's own title once, and the site's listing of the title repeats it too."""
    dropped = [lines[i] for i, reason in enumerate(reasons) if reason and reason != LISTED_TITLE]
    own = [i for i, line in enumerate(lines) if line.strip() and reasons[i] is None][:5]
    for i in own:
        text = lines[i].strip()
        if len(text) <= SITE_NAME_CHARS and sum(text in line for line in dropped) >= 2:
            reasons[i] = "the site's name, repeated in its chrome"
            continue
        # "灶台圈 · 餐饮设备人论坛 - 做厨房设备的人都在这里": the site's name and its slogan, the name (or its first
        # word: "技术圈" of "技术圈 JSQ") repeated.
        name = _NAME_AND_SLOGAN.split(text, maxsplit=1)[0]
        if name != text and _SITE_NAME_END.search(name.split()[0]):
            # "青蓝文档网 QINGLANDOC ｜ 好文档，一搜就有": a name that says it is a site, its Latin name, a slogan.
            reasons[i] = "the site's name and slogan"
            continue
        if name != text and DOMAIN.match(name) and any(name.lower() in line.lower() for line in dropped):
            reasons[i] = "the site's address and slogan, the address in its chrome"
            continue
        # "文档汇 wendanghui.cn —— 海量实用文档，一键下载": a name with the site's address, and a site's slogan.
        # A title never carries a web address: "拾页文库 shiye.cn ｜ 拾起每一页，成就每一步" is the site's banner
        # whatever its slogan says.
        address = any(DOMAIN.match(word) for word in name.split())
        if name != text and address and len(name.split()) >= 2:
            reasons[i] = "the site's name, address and slogan"
            continue
        if name == text or len(name) > SITE_NAME_CHARS // 2:
            continue
        first = name.split()[0] if name.split() else name
        forms = {name} | ({first} if len(first) >= 2 and not first.isdigit() else set())
        # "百问网": the site's own word without its 网 ("百问APP", "百问VIP", "就上百问").
        bare = re.sub(r"(?:网|网站|社区|论坛)$", "", name)
        forms |= {bare} if bare != name and len(bare) >= 2 else set()
        slogan = text[len(name) :]
        if _SITE_WORD.search(slogan) or len(set(_SITE_SLOGAN.findall(slogan))) >= 2 or _SITE_NAME_END.search(name):
            reasons[i] = "the site's name and slogan"
        elif any(sum(form in line for line in dropped) >= 2 for form in forms):
            reasons[i] = "the site's name and slogan, the name repeated in its chrome"


_MASTHEAD_LINES = 2  # the site's name and its tagline; a third short line above the menu is the page's own
_OPENING_LINES = 8  # a cookie banner and a skip link may stand above the masthead
_MENU_REASONS = ("site notice", "page chrome (sign", "page chrome (log")
# What a page's top bar holds beside its sections: the home link, a search box, sign-in links.
_MENU_CUE = re.compile(r"🔍|⌕|搜索|search|登录|log ?in|sign ?(?:in|up)|注册|subscribe|首页|\bhome\b", re.IGNORECASE)
MIN_MENU_ITEMS = 4
MAX_MENU_ITEM_CHARS = 24  # the sign-in or search item ("→ Sign in ⁄ Join free")
MAX_PLAIN_ITEM_CHARS = 16  # any other item ("Used Presses", "等你来答")
MIN_BAR_ITEMS = 5
MAX_BAR_ITEM_CHARS = 20


def menu_bars(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A bar of MIN_BAR_ITEMS or more short items set apart by bullets, bars or drawn marks ("Products ⋮ Orders ⋮
    Warranty ⋮ Training ⋮ Policies ⋮ Support") beside the page's chrome is its menu, whatever its words: no item
    is a sentence, none is numbered. A document's own list of that shape has no chrome beside it."""
    for i, line in enumerate(lines):
        text = line.strip()
        if reasons[i] is not None or not text or NUMBERED.match(text):
            continue
        items = [item.strip() for item in MENU_SEPARATOR.split(text)]
        if len(items) < MIN_BAR_ITEMS or any(not item or len(item) > MAX_BAR_ITEM_CHARS for item in items):
            continue
        if not re.search(r"[。！？!?；;]", text) and beside_chrome(lines, reasons, i):
            reasons[i] = "site menu"


_AI_SUMMARY = re.compile(r"AI|导读|速读|摘要|summary", re.IGNORECASE)
MAX_SUMMARY_CHARS = 300


def ai_summaries(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The paragraph right under a page's AI-summary notice ("▌AI 导读　本导读由…自动生成" / "本文主要介绍了…") is
    the machine's summary of the document, not the document: it repeats its facts in other words."""
    for i, reason in enumerate(reasons):
        if not reason or not reason.startswith("site notice") or not _AI_SUMMARY.search(reason):
            continue
        _above, below = neighbours(lines, i)
        if below is not None and reasons[below] is None:
            text = lines[below].strip()
            # a summary is sentences; a title under the notice ("金盾安防…销售流程") is the document's own
            if len(text) <= MAX_SUMMARY_CHARS and not NUMBERED.match(text) and re.search(r"[。.!！]$", text):
                reasons[below] = "the page's AI summary"


def menu_columns(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A site's menu pasted one item a line ("首页" / "发现" / "等你来答" / "私信" / "登录 / 注册"): a run of
    MIN_MENU_ITEMS or more tiny lines without a break, numbering or sentence, three or more of them not yet known
    as chrome and one of those naming the home page, the search box or sign-in. A list of the document's own
    stays: it names none of these."""
    run: list[int] = []
    for i in [*range(len(lines)), len(lines)]:
        text = lines[i].strip() if i < len(lines) else ""
        if text and (reasons[i] is not None or _menu_item(text)):
            run.append(i)
            continue
        items = [j for j in run if reasons[j] is None]
        if len(run) >= MIN_MENU_ITEMS and len(items) >= 3 and any(_MENU_CUE.search(lines[j]) for j in items):
            for j in items:
                reasons[j] = "site menu"
        run = []


def _menu_item(text: str) -> bool:
    """A menu's item: a word or two ("发现", "Used Presses"), longer only when it is the sign-in or search link
    ("→ Sign in ⁄ Join free"); a document's title under the menu is neither."""
    limit = MAX_MENU_ITEM_CHARS if _MENU_CUE.search(text) else MAX_PLAIN_ITEM_CHARS
    return len(text) <= limit and not NUMBERED.match(text) and not re.search(r"[。，,！？!?；;:：]", text)


def mastheads(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The short lines above a page's first menu or sign-in bar, with only chrome above them, are the site's
    masthead ("答岸 · 有问题，上答岸", "WHOLESALE LINES ⟡ monthly" / "The trade journal for industrial distributors
    — since 1987"), not the document's title: a page lays out its name, then its menu, then the article. A title
    above a byline stays, and so does a numbered heading or a sentence."""
    opening = [i for i, line in enumerate(lines) if line.strip()][:_OPENING_LINES]
    menus = [k for k, i in enumerate(opening) if reasons[i] is not None and _is_menu(lines[i], reasons[i] or "")]
    if not menus:
        return
    top = opening[: menus[0]]
    run = list(itertools.takewhile(lambda j: reasons[j] is None, reversed(top)))
    if not run or len(run) > _MASTHEAD_LINES or any(reasons[j] is None for j in top[: len(top) - len(run)]):
        return
    for j in run:
        text = lines[j].strip()
        if len(text) > MAX_SITE_BANNER_CHARS + 10 or NUMBERED.match(text) or re.search(r"[。！？!?:：;；]$", text):
            return
    for j in run:
        reasons[j] = "the site's masthead above its menu"


def _is_menu(line: str, reason: str) -> bool:
    """A bar of several items (a menu, a search box, sign-in links) with no "label: value" in it (an uploader's
    line has those); a trail without arrows ("Subscribe | Sign in | Newsletters") is a menu too, while
    "首页 > 制度" may follow a document's title."""
    if reason == "navigation":
        return not re.search(r"[>›»→/]", line)
    if reason == "site menu":
        return True
    items = len(MENU_SEPARATOR.findall(line.strip())) >= 2
    return reason.startswith(_MENU_REASONS) and items and not FIELD_VALUE.search(line) and bool(_MENU_CUE.search(line))


def slogans_under_names(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A short line right under the site's name and address and right above more chrome is its slogan
    ("简牍网 JIANDU.NET" / "每一页，都值得被看见" / the sign-in bar), not the document's title."""
    for i, reason in enumerate(reasons):
        if reason != SITE_ADDRESS:
            continue
        _above, below = neighbours(lines, i)
        if below is None or reasons[below] is not None or len(lines[below].strip()) > SITE_NAME_CHARS:
            continue
        _self, after = neighbours(lines, below)
        if after is not None and reasons[after] is not None and not NUMBERED.match(lines[below].strip()):
            reasons[below] = "the site's slogan under its name"
