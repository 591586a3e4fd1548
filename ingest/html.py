"""HTML to outline with BeautifulSoup: h1-h6 open sections, blocks become lines, scripts are dropped."""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ingest.outline import Outline

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "form"})
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
        self._line: list[str] = []

    def _end_line(self) -> None:
        text = " ".join("".join(self._line).split())
        if text:
            self.outline.line(text)
        self._line = []

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
            if name in _HEADINGS:
                self._end_line()
                self.outline.heading(_HEADINGS[name], child.get_text(" ", strip=True))
            elif name == "br":
                self._end_line()
            elif name == "tr":
                self._end_line()
                cells = [c.get_text(" ", strip=True) for c in child.find_all(["td", "th"], recursive=False)]
                if any(cells):
                    self.outline.line("| " + " | ".join(cells) + " |")
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
            else:
                self.walk(child)  # inline: span, a, strong, td outside a table row...


def html_outline(text: str) -> tuple[str | None, Outline]:
    """Return (the <title>, or None; outline of the body)."""
    soup = BeautifulSoup(text, "html.parser")
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text(" ").split()) if isinstance(title_tag, Tag) else ""
    walker = _Walker()
    root = soup.body if isinstance(soup.body, Tag) else soup
    walker.walk(root)
    walker._end_line()
    return title or None, walker.outline
