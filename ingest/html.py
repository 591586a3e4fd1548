"""HTML to outline with BeautifulSoup: h1-h6 open sections, blocks become lines; scripts, navigation and the
site's chrome (header, footer, sidebars, share/comment widgets, notices) are dropped. A page without h1-h6
gets its headings from how its lines are written (ingest.headings)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ingest.boilerplate import Dropped, boilerplate_reason, without_counters
from ingest.headings import outline_lines
from ingest.outline import Outline

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "form", "button"})
# Page chrome by element or by the class/id the page gives it: dropped with what it said, for `--show`.
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "menu"})
_CHROME_NAME = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|header|sidebar|side-bar|aside|"
    r"toolbar|share|social|comments?|related|recommend|advert|ads?|banner|copyright|login|signup|cookie|popup|modal|tags?|"
    r"pagination|pager|helpful|feedback|rating|vote|bottom|masthead|colophon|site-?info|quick-?links|toc|"
    # A screen reader's skip link, the page's list of attached files.
    r"skip|attach|attachments|"
    # ARIA roles that say what a block is (a cookie bar as role="dialog"), and a side column ("col-side").
    r"dialog|alertdialog|complementary|contentinfo|navigation|col-side|side-col(?:umn)?)(?:$|[-_ ])",
    re.I,
)
# Class names that are chrome only as a whole name ("side", "widget weather"): as a part they name page builders'
# content blocks ("elementor-widget-container", "side-by-side"). So are the short names a hand-written intranet
# gives its top bar, menu, feedback box, comments and footer ("tb", "nv", "fb", "cmt", "ft").
_WHOLE_CHROME_CLASS = frozenset({"side", "widget", "widgets", "tb", "nv", "fb", "cmt", "ft", "hd"})
# The head of a piece of content, not of the page: "card-header", "section-header", "table-header".
_CONTENT_HEAD = re.compile(
    r"(?:^|[-_ ])(?:card|section|panel|table|tbl|col|column|row|box|block|list|item|entry|faq|accordion|tab|"
    r"content|article|post|chapter|question|answer)[-_](?:header|heading|head|title)(?:$|[-_ ])",
    re.I,
)
_LINK_BLOCKS = frozenset({"ul", "ol", "div", "p", "td", "dl", "section", "span"})
MIN_MENU_LINKS = 3
MAX_MENU_LINK_CHARS = 30
MENU_LINK_SHARE = 0.9
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"})
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—]\s+|\s*[_|｜]\s*")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "figure",
        "figcaption",
        "address",
        "details",
        "summary",
        "body",
        "html",
    }
)


class _Walker:
    """Depth-first walk accumulating the current line; block boundaries end lines, headings open sections."""

    def __init__(self) -> None:
        self.outline = Outline(rejoin_wrapped=False)
        self.dropped: list[Dropped] = []
        self.lines: list[str] = []  # the body lines in order, for the no-headings fallback
        self.headings = 0
        self._line: list[str] = []

    def _text(self, text: str) -> None:
        if (reason := boilerplate_reason(text)) is not None:
            self.dropped.append(Dropped(text, reason))
            return
        text = without_counters(text)
        self.outline.line(text)
        self.lines.append(text)

    def _end_line(self) -> None:
        text = " ".join("".join(self._line).split())
        if text and text != "-":
            self._text(text)
        self._line = []

    def _chrome(self, tag: Tag) -> bool:
        """Navigation, header, footer or a widget, by tag or by the class/id the page gives it.

        Not chrome: an article's own <header> (its title and date), a table's rows whatever their class, and a
        content block's head ("card-header", "section-header": the heading of what follows)."""
        name = tag.name.lower()
        if name in _CHROME_TAGS:
            return not (name == "header" and tag.find_parent(["article", "main"]) is not None)
        if name in _TABLE_PARTS:
            return False
        names = " ".join([*(tag.get("class") or []), str(tag.get("id") or ""), str(tag.get("role") or "")])
        if not names.strip() or _CONTENT_HEAD.search(names):
            return False
        if _WHOLE_CHROME_CLASS & {str(c).lower() for c in tag.get("class") or []}:
            return tag.find_parent(["article", "main"]) is None
        return bool(_CHROME_NAME.search(names))

    def _chrome_block(self, tag: Tag) -> str | None:
        """Why the whole block is the page's rather than the document's, or None: by its tag or class name, a small
        widget box, a form, a block of links only."""
        name = tag.name.lower()
        if name not in ("body", "html", "main", "article") and self._chrome(tag):
            return f"page chrome <{name}>"
        if _widget(tag):
            return "a widget box with chrome in it"
        if _form(tag):
            return "a form (its labels and buttons)"
        if name in _LINK_BLOCKS and _menu(tag):
            return "links only (navigation)"
        return None

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self._line.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _SKIP:
                continue
            if reason := self._chrome_block(child):
                self._end_line()
                for text in child.stripped_strings:
                    self.dropped.append(Dropped(" ".join(text.split()), reason))
                continue
            if name in _HEADINGS:
                self._end_line()
                self.headings += 1
                self.outline.heading(_HEADINGS[name], child.get_text(" ", strip=True))
            elif name == "br":
                self._end_line()
            elif name == "tr":
                self._end_line()
                cells = [c.get_text(" ", strip=True) for c in child.find_all(["td", "th"], recursive=False)]
                if any(cells):
                    self.outline.line("| " + " | ".join(cells) + " |")
                    self.lines.append("| " + " | ".join(cells) + " |")
            elif name == "li":
                self._end_line()
                self._line.append("- ")
                self.walk(child)
                self._end_line()
            elif name in _BLOCKS:
                self._end_line()
                self.walk(child)
                self._end_line()
                if name == "p":
                    self.outline.line("")
                    self.lines.append("")
            else:
                self.walk(child)  # inline: span, a, strong, td outside a table row...


MAX_WIDGET_CHARS = 300
MAX_WIDGET_LINES = 6
_WIDGET_TAGS = frozenset({"div", "section", "aside"})


def _widget(tag: Tag) -> bool:
    """A small box inside the article ("<div class='zz9'>": "Is £42,000 – £48,000 a fair salary?" / "Compare with
    312 similar roles ▸"; a promoted job: "Promoted" / title / "Easy apply") is the site's widget when one of its
    few lines is chrome on its own, whatever the page calls the box. No heading or table lives in it."""
    if tag.name.lower() not in _WIDGET_TAGS or tag.find([*_HEADINGS, "table", "ul", "ol"]) is not None:
        return False
    texts = [" ".join(text.split()) for text in tag.stripped_strings]
    if not texts or len(texts) > MAX_WIDGET_LINES or sum(map(len, texts)) > MAX_WIDGET_CHARS:
        return False
    return any(boilerplate_reason(text) for text in texts)


MAX_FORM_TEXT_CHARS = 120  # a form's title, labels and button; a longer block is content with a box in it


def _form(tag: Tag) -> bool:
    """A block holding input fields of its own ("在线留言" / "您的姓名" [ ] / "联系电话" [ ] / "提交留言") is the
    site's contact or sign-up form even when the page wrote it without a <form>."""
    if tag.find(["input", "textarea", "select"], recursive=False) is None:
        return False
    return len(tag.get_text("", strip=True)) <= MAX_FORM_TEXT_CHARS


def _menu(tag: Tag) -> bool:
    """A block that is nothing but short links (a menu, quick links, a sidebar's link list) is navigation
    even when the page marks it with no tag or class that says so."""
    links = tag.find_all("a")
    if len(links) < MIN_MENU_LINKS or tag.find(list(_HEADINGS)) is not None:
        return False
    labels = [a.get_text("", strip=True) for a in links]
    if max(len(label) for label in labels) > MAX_MENU_LINK_CHARS:
        return False
    text = "".join("".join(tag.stripped_strings).split())
    linked = "".join("".join(labels).split())
    return bool(text) and len(linked) >= MENU_LINK_SHARE * len(text)


_CONTENT_TAGS = ("p", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "dd", "pre", "blockquote")
MAIN_SHARE = 0.7  # of the page's text that the block holding its <h1> must hold to be the page's content


def _text_size(tag: Tag) -> int:
    return sum(len("".join(t.get_text("", strip=True).split())) for t in tag.find_all(_CONTENT_TAGS))


def _main_content(body: Tag, heading: Tag | None, dropped: list[Dropped]) -> Tag:
    """The innermost block holding MAIN_SHARE of the page's text, followed down from the body while one child holds
    that much: what lies outside it (a top band with the site's name, tabs and sign-in, a trail, a side rail of
    widgets, a cookie bar, however the page names its classes) is the page's, not the document's. The page's <h1>
    is read with it wherever it stands (`html_outline`). The whole body when no such block stands apart."""
    total = _text_size(body)
    node = body
    while total:
        inner = next((c for c in node.find_all(recursive=False) if _text_size(c) >= MAIN_SHARE * total), None)
        if inner is None:
            break
        node = inner
    if node is body:
        return body
    for ancestor in [node, *node.parents]:
        if ancestor is body:
            break
        for sibling in [*reversed(ancestor.find_previous_siblings()), *ancestor.find_next_siblings()]:
            if isinstance(sibling, Tag) and sibling.name.lower() not in _SKIP:
                holds_title = heading is not None and heading in sibling.descendants
                title = heading.get_text(" ", strip=True) if heading is not None and holds_title else ""
                dropped.extend(
                    Dropped(" ".join(t.split()), "outside the page's main content")
                    for t in sibling.stripped_strings
                    if " ".join(t.split()) != title
                )
    return node


def html_outline(text: str) -> tuple[str | None, Outline]:
    """Return (the <title>, or None; outline of the body)."""
    soup = BeautifulSoup(text, "html.parser")
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text(" ").split()) if isinstance(title_tag, Tag) else ""
    walker = _Walker()
    body = soup.body if isinstance(soup.body, Tag) else soup
    found = body.find("h1")
    heading = found if isinstance(found, Tag) else None
    root = _main_content(body, heading, walker.dropped)
    if root is not body and heading is not None and heading not in root.descendants:
        walker.headings += 1  # the title in the page's top band still heads the document
        walker.outline.heading(1, heading.get_text(" ", strip=True))
    walker.walk(root)
    walker._end_line()
    outline = walker.outline
    if not walker.headings:
        outline = Outline(rejoin_wrapped=False)
        outline_lines(walker.lines, outline)
    outline.dropped = walker.dropped
    # A site appends its name to the page title ("Returns policy - Example Corp", "岗位职责_某某文库"): the
    # page's own h1 names it better, else the part of <title> before the site's separator.
    if outline.first_heading is not None and heading is not None:
        return None, outline
    own = _TITLE_SEPARATOR.split(title)[0].strip() if title else ""
    return own or title or None, outline
