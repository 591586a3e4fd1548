"""Sections to retrievable chunks: one chunk per section, long sections cut at sentence boundaries.

A chunk never ends mid-sentence (Chinese included): pieces are whole sentences, list items or table rows
packed up to `max_chars`; a single sentence longer than that stays whole rather than being cut.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator

from ingest.models import Chunk, ParsedDocument
from knowledge.text import split_sentences

DEFAULT_MAX_CHARS = 700
SECTION_SEPARATOR = " > "
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_BLOCK_LINE = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|\|)")
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?。！？；;]['\"”’」』)）]*$")


def chunk_id(source: str, content_hash: str, ordinal: int) -> str:
    """Stable id; the content hash is part of it, so a changed file gets fresh ids and stale ones can go."""
    return hashlib.sha1(f"{source}\x00{content_hash}\x00{ordinal}".encode()).hexdigest()


def _sentence_glue(previous: str, sentence: str) -> str:
    """How two sentences of one paragraph rejoin: a space in English, nothing in Chinese, and a line break
    after a line that had no closing punctuation (a label or short item that stood on its own line)."""
    if not _SENTENCE_END.search(previous):
        return "\n"
    if _CJK.match(previous[-1]) or _CJK.match(sentence[0]) or previous[-1] in "。！？；”」』）":
        return ""
    return " "


def _split_block(lines: list[str], max_chars: int) -> Iterator[str]:
    """An over-long list or table in runs of whole lines; a table's header row heads every run, so a row
    read on its own still says which column is which."""
    lines = [line.strip() for line in lines]
    header = lines[0] if lines[0].startswith("|") and all(line.startswith("|") for line in lines) else None
    run: list[str] = []
    for line in lines:
        if run and len("\n".join([*run, line])) > max_chars:
            yield "\n".join(run)
            run = [header] if header is not None and len(header) + len(line) < max_chars else []
        run.append(line)
    if run:
        yield "\n".join(run)


def _units(text: str, max_chars: int) -> Iterator[tuple[str, str]]:
    """(separator before it, unit) pairs: whole list/table blocks when they fit, else their lines; whole
    sentences for prose. Joining every separator and unit reproduces the text up to whitespace."""
    for p_index, paragraph in enumerate(_PARAGRAPHS.split(text.strip())):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        separator = "\n\n" if p_index else ""
        groups: list[tuple[bool, list[str]]] = []
        for line in lines:
            is_block = bool(_BLOCK_LINE.match(line))
            if groups and groups[-1][0] == is_block:
                groups[-1][1].append(line)
            else:
                groups.append((is_block, [line]))
        for is_block, group in groups:
            if is_block:
                block = "\n".join(line.rstrip() for line in group)
                if len(block) <= max_chars:
                    yield separator, block
                else:
                    for part in _split_block(group, max_chars):
                        yield separator, part
                        separator = "\n"
            else:
                previous = ""
                for sentence in split_sentences("\n".join(group)):
                    yield (separator if not previous else _sentence_glue(previous, sentence)), sentence
                    previous = sentence
            separator = "\n"


def split_text(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[str]:
    """Cut one section's text into pieces of at most max_chars (an over-long single sentence excepted).

    Pieces are balanced (a 1,000-character section gives two of ~500, not 700 + 300), and a line ending in a
    colon stays with what it introduces.
    """
    text = text.strip()
    if len(text) <= max_chars:
        return [text] if text else []
    target = len(text) / math.ceil(len(text) / max_chars)
    pieces: list[str] = []
    current: list[tuple[str, str]] = []  # (separator, unit) pairs of the piece being filled
    size = 0
    for separator, unit in _units(text, max_chars):
        if current:
            introduces = current[-1][1].endswith((":", "："))
            if size + len(separator) + len(unit) > max_chars or (
                not introduces and size + len(unit) / 2 > target
            ):
                # A line ending in a colon introduces what follows: carry it over to the next piece.
                fits = len(current[-1][1]) + len(separator) + len(unit) <= max_chars
                carried = [current.pop()] if introduces and fits and len(current) > 1 else []
                pieces.append(_join(current))
                current = [("", unit) for _, unit in carried]
        current.append((separator if current else "", unit))
        size = len(_join(current))
    if current:
        pieces.append(_join(current))
    return pieces


def _join(units: list[tuple[str, str]]) -> str:
    return "".join(separator + unit for separator, unit in units)


def chunk_document(doc: ParsedDocument, *, max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    """Chunks in reading order, each carrying its section's heading path joined with " > "."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    chunks: list[Chunk] = []
    for section in doc.sections:
        name = SECTION_SEPARATOR.join(section.heading_path)
        for piece in split_text(section.text, max_chars):
            ordinal = len(chunks)
            chunks.append(
                Chunk(
                    chunk_id=chunk_id(doc.meta.source, doc.meta.content_hash, ordinal),
                    text=piece,
                    section=name,
                    ordinal=ordinal,
                    meta=doc.meta,
                )
            )
    return chunks
