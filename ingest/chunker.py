"""Sections to retrievable chunks: one chunk per section, long sections cut at sentence boundaries.

A chunk never ends mid-sentence (Chinese included) when it can help it: pieces are whole sentences, list items
or table rows packed up to `max_chars`. Pieces are also sized in the embedding model's tokens (a
`TokenBudget`): what the index embeds is "title, section path, passage", and a model reads only its first
`max_tokens` tokens, so a piece that would lose text to truncation is cut again (at clause marks when one
sentence alone is too long). A passage the model cannot read whole would have a vector for its first half
only; `ChunkStats.split` counts those cut to fit, for `ingest --verbose`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass, field

from core.documents import SECTION_SEPARATOR, Chunk, chunk_id
from core.text import CJK_CHAR, split_sentences
from ingest.models import ParsedDocument

DEFAULT_MAX_CHARS = 700
# For a backend that declares no budget: the usual sentence-transformers input length. The estimate below
# counts more tokens than real tokenizers do, so passages stay within it. (The bundled MiniLM declares its own
# budget, with its 128-token cap on Chinese passages.)
DEFAULT_MAX_TOKENS = 256
SPECIAL_TOKENS = 2  # [CLS] and [SEP], or a backend's equivalents: kept free in every budget
MIN_PASSAGE_TOKENS = 48  # a very long heading path must still leave room for some text
_WORD_PIECES = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")
_CLAUSE_END = re.compile(r"(?<=[，,、；;：:])")


def estimate_tokens(text: str) -> int:
    """A conservative token count for when no model tokenizer is at hand: one per ideograph and per
    punctuation mark, one per five letters of an English word (at least one), one per two digits."""
    count = 0
    for piece in _WORD_PIECES.findall(text):
        if piece.isdigit():
            count += math.ceil(len(piece) / 2)
        elif piece.isalpha() and piece.isascii():
            count += max(1, math.ceil(len(piece) / 5))
        else:
            count += 1
    return count


@dataclass(frozen=True)
class TokenBudget:
    """How long a passage the embedding model reads whole, and how it counts tokens.

    `cjk_max_tokens` is a lower cap some backends apply to Chinese-heavy passages (the bundled MiniLM spends a
    token per character and cuts those at 128).
    """

    max_tokens: int = DEFAULT_MAX_TOKENS
    count_tokens: Callable[[str], int] = estimate_tokens
    cjk_max_tokens: int | None = None

    @classmethod
    def of(cls, embeddings: object | None) -> TokenBudget:
        """The budget an embeddings backend declares (`max_tokens`, `count_tokens`), else the default."""
        count = getattr(embeddings, "count_tokens", None)
        limit = getattr(embeddings, "max_tokens", None)
        if not callable(count) or not isinstance(limit, int) or limit <= 0:
            return cls()
        cjk = getattr(embeddings, "cjk_max_tokens", None)
        return cls(max_tokens=limit, count_tokens=count, cjk_max_tokens=cjk if isinstance(cjk, int) else None)

    def limit(self, text: str) -> int:
        """Tokens the model reads of this text, special tokens excluded."""
        limit = self.max_tokens
        if self.cjk_max_tokens is not None and len(CJK_CHAR.findall(text)) * 3 >= len(text.strip()):
            limit = min(limit, self.cjk_max_tokens)
        return limit - SPECIAL_TOKENS


@dataclass
class ChunkStats:
    """What chunking did, per run: sections cut because the model would not read them whole, and the
    boilerplate lines each file's parser kept out (both reported by `salescoach ingest`)."""

    split: int = 0
    passages: list[str] = field(default_factory=list)  # "source: heading path" of each split section
    boilerplate: dict[str, int] = field(default_factory=dict)  # source -> lines dropped


_SIZING: ContextVar[tuple[TokenBudget, ChunkStats | None] | None] = ContextVar("chunk_sizing", default=None)


@contextmanager
def sizing(budget: TokenBudget, stats: ChunkStats | None = None) -> Iterator[None]:
    """Chunk with `budget` (and count into `stats`) inside this block, for callers that reach chunk_document
    through the sync pipeline: the CLI knows the embedding model, the pipeline only the index protocol."""
    token = _SIZING.set((budget, stats))
    try:
        yield
    finally:
        _SIZING.reset(token)


_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
# List items and table rows: kept as lines (a Chinese item ends in "；", and rejoined as prose it would lose
# its line: "（一）逾期1至15天：…；（二）逾期16至30天：…" on one line), whole blocks when they fit.
_BLOCK_LINE = re.compile(
    r"^\s*(?:[-*+•]\s|\d+[.)]\s|\||[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}、|[①-⑳]|第[一二三四五六七八九十\d]+步)"
)
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?。！？；;]['\"”’」』)）]*$")


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
            if size + len(separator) + len(unit) > max_chars or (not introduces and size + len(unit) / 2 > target):
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


def sizing_for(embedder_holder: object) -> AbstractContextManager[None]:
    """`sizing` with the budget of `embedder_holder.embeddings` (an index), unless a caller already set one
    (the CLI does, to count splits and boilerplate for its report)."""
    if _SIZING.get() is not None:
        return nullcontext()
    return sizing(TokenBudget.of(getattr(embedder_holder, "embeddings", None)))


def _hard_split(sentence: str, fits: Callable[[str], bool]) -> list[str]:
    """One over-long sentence in runs of whole clauses (cut after ， , 、 ； : ), words or characters."""
    parts = [p for p in _CLAUSE_END.split(sentence) if p]
    if len(parts) == 1:
        parts = re.findall(r"\S+\s*", sentence) if " " in sentence.strip() else list(sentence)
        if len(parts) == 1:
            return parts
    out: list[str] = []
    run = ""
    for part in parts:
        if run and not fits(run + part):
            out.append(run.strip())
            run = ""
        if not fits(part):
            out.extend(_hard_split(part, fits) if len(part) < len(sentence) else [part])
            continue
        run += part
    if run.strip():
        out.append(run.strip())
    return out


def fit_pieces(text: str, max_chars: int, fits: Callable[[str], bool]) -> tuple[list[str], bool]:
    """`split_text`, then cut again any piece `fits` refuses (ever smaller, down to clauses); True when
    something had to be cut for the model."""
    pieces = split_text(text, max_chars)
    out: list[str] = []
    cut = False
    for piece in pieces:
        if fits(piece):
            out.append(piece)
            continue
        cut = True
        limit = max_chars
        smaller = [piece]
        while limit > 40 and not all(fits(p) for p in smaller):
            limit = int(limit * 0.75)
            smaller = split_text(piece, limit)
        for part in smaller:
            out.extend([part] if fits(part) else _hard_split(part, fits))
    return out, cut


def chunk_document(
    doc: ParsedDocument,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    budget: TokenBudget | None = None,
    stats: ChunkStats | None = None,
) -> list[Chunk]:
    """Chunks in reading order, each carrying its section's heading path joined with " > ", each short
    enough that the embedding model reads title, path and passage whole (see TokenBudget)."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    scoped = _SIZING.get()
    if scoped is not None:
        budget = budget or scoped[0]
        stats = stats or scoped[1]
    budget = budget or TokenBudget()
    if stats is not None:
        stats.boilerplate[doc.meta.source] = len(getattr(doc, "dropped", ()))
    chunks: list[Chunk] = []
    section_start = 0  # offset of the section in the document's text (sections joined by blank lines)
    for section in doc.sections:
        name = SECTION_SEPARATOR.join(section.heading_path)
        body = section.text.strip()
        cursor = 0
        prefix = f"{doc.meta.title}\n{name}\n"  # what the index embeds before the passage
        prefix_tokens = budget.count_tokens(prefix)

        def fits(piece: str, prefix: str = prefix, prefix_tokens: int = prefix_tokens) -> bool:
            room = max(MIN_PASSAGE_TOKENS, budget.limit(prefix + piece) - prefix_tokens)
            return budget.count_tokens(piece) <= room

        pieces, cut = fit_pieces(section.text, max_chars, fits)
        if cut and stats is not None:
            stats.split += 1
            stats.passages.append(f"{doc.meta.source}: {name}")
        for piece in pieces:
            ordinal = len(chunks)
            start, end = _span(body, piece, cursor)
            cursor = end
            chunks.append(
                Chunk(
                    chunk_id=chunk_id(doc.meta.source, doc.meta.content_hash, ordinal),
                    text=piece,
                    section=name,
                    ordinal=ordinal,
                    meta=doc.meta,
                    start=section_start + start,
                    end=section_start + end,
                )
            )
        section_start += len(body) + 2
    return chunks


def _span(body: str, piece: str, cursor: int) -> tuple[int, int]:
    """Where a piece lies in its section's text, searching from `cursor` (pieces come in order). A piece
    rejoins its units with normalised whitespace, so it is matched character by character, skipping spaces."""
    start = body.find(piece[:24], cursor)
    if start < 0:
        return cursor, min(len(body), cursor + len(piece))
    at = start
    for ch in piece:
        if ch.isspace():
            continue
        while at < len(body) and body[at] != ch and body[at].isspace():
            at += 1
        if at >= len(body) or body[at] != ch:
            return start, min(len(body), start + len(piece))
        at += 1
    return start, at
