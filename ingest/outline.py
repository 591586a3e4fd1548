"""Heading outline shared by every format: headings open nested sections, text lines fill the current one."""

from __future__ import annotations

import re

from core.text import reflow
from ingest.boilerplate import Dropped
from ingest.models import Section

_BLANK_RUNS = re.compile(r"\n{3,}")


class Outline:
    """Collects (heading path, text) sections while a parser walks a document in reading order.

    Parsers only say "heading at level N" and "a line of text"; the stack of open headings, flushing a section
    when the next heading starts, and rooting every path at the document title live here once.
    """

    def __init__(self, *, rejoin_wrapped: bool = True) -> None:
        # Markdown, text and PDF lines are hard-wrapped; HTML and Word lines are already whole paragraphs.
        self._rejoin_wrapped = rejoin_wrapped
        self._stack: list[tuple[int, str]] = []
        self._lines: list[str] = []
        self._sections: list[tuple[tuple[str, ...], str]] = []
        self.first_heading: str | None = None  # the title when the format names none explicitly
        self.dropped: list[Dropped] = []  # boilerplate kept out of the sections (`ingest --show` lists it)
        self._bare = False  # the last heading has no text under it yet

    def heading(self, level: int, text: str, *, names_document: bool = True, read_off_a_line: bool = False) -> None:
        """Close the current section and open one under the nearest shallower heading.

        `names_document` False: a heading inferred from a numbered line ("一、岗位职责") heads a part, not
        the file, so it never becomes the title (a headingless or untitled file is named by its file name).
        `read_off_a_line`: the heading was read off a plain line by its shape (ingest.headings); when nothing
        comes under it before its sibling, it goes back into its parent's text.
        """
        text = " ".join(text.split())
        if not text:
            return
        if self._bare and self._stack and self._stack[-1][0] >= level:
            # The last "heading" has nothing under it and its sibling follows ("2.1 Working pressure: 20 MPa"
            # then "2.2 Flow rate: 18 L/min"): it was a line of its parent's text, not a heading; kept as one.
            self._lines.append(self._stack.pop()[1])
        self._flush()
        if self.first_heading is None and names_document:
            self.first_heading = text
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        self._stack.append((level, text))
        # Only a heading read off a plain line can be given back as text; a Markdown or Word heading is one.
        self._bare = read_off_a_line

    def line(self, text: str) -> None:
        """Add a line of body text (an empty string marks a paragraph break)."""
        self._lines.append(text.rstrip())
        self._bare = self._bare and not text.strip()

    def _flush(self) -> None:
        text = "\n".join(self._lines)
        text = reflow(text) if self._rejoin_wrapped else _BLANK_RUNS.sub("\n\n", text).strip()
        if text:
            self._sections.append((tuple(h for _, h in self._stack), text))
        self._lines = []

    def sections(self, title: str) -> list[Section]:
        """Finish and return the sections, each path starting with the title (text before any heading
        belongs to the title itself)."""
        if self._bare and self._stack:
            self._lines.append(self._stack.pop()[1])
        self._flush()
        out: list[Section] = []
        for path, text in self._sections:
            if not path or path[0] != title:
                path = (title, *path)
            if out and out[-1].heading_path == path:
                # Lines that were taken for headings and given back, one by one, to the same section.
                out[-1] = Section(heading_path=path, text=f"{out[-1].text}\n{text}")
                continue
            out.append(Section(heading_path=path, text=text))
        return out
