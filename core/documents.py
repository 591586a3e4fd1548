"""Documents and their chunks: what ingest produces and knowledge indexes, with one chunk-id scheme.

Both sides import these from here, so ingest and knowledge no longer import each other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DocumentMeta:
    """Document-level metadata, from front matter or inferred (title from first heading, language detected)."""

    source: str  # the file path as ingested (absolute, resolved): identity for sync
    title: str
    doc_type: str = "faq"
    language: str = "en"
    version: str | None = None
    effective_date: date | None = None
    review_by: date | None = None
    audience: tuple[str, ...] = ()  # roles and `rep:<ID>` people allowed to see it; empty means everyone
    content_hash: str = ""


@dataclass(frozen=True)
class Chunk:
    """One retrievable passage; `section` is the heading path joined with " > "."""

    chunk_id: str  # stable: derived from source, ordinal and text
    text: str
    section: str
    ordinal: int
    meta: DocumentMeta
    # Character range of the passage in the document's text (its sections' texts joined by blank lines, as
    # `ingest --show` prints them), so a citation can point at the passage itself.
    start: int = 0
    end: int = 0


SECTION_SEPARATOR = " > "


def chunk_id(source: str, content_hash: str, ordinal: int) -> str:
    """Stable id; the content hash is part of it, so a changed file gets fresh ids and stale ones can go."""
    return hashlib.sha1(f"{source}\x00{content_hash}\x00{ordinal}".encode()).hexdigest()


def hash_prefixed(content_hash: str, raw_id: str) -> str:
    """The id a chunk is stored under: its chunk id prefixed with the document's content hash, so a new version
    never overwrites a live vector."""
    return f"{content_hash[:16]}-{raw_id}" if content_hash else raw_id


def passage_id(source: str, content_hash: str, ordinal: int) -> str:
    """The stored id of a document's `ordinal`-th passage: from one passage's metadata, its neighbours."""
    return hash_prefixed(content_hash, chunk_id(source, content_hash, ordinal))
