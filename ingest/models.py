"""What the ingest stages hand each other: parsed documents with metadata, and chunks with heading paths."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DOC_TYPES = ("duty_manual", "policy", "compliance", "product", "briefing", "faq")
LANGUAGES = ("en", "zh")
SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm")


class IngestError(Exception):
    """A file that cannot be ingested; str() is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


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
    audience: tuple[str, ...] = ()  # roles allowed to see it; empty means everyone
    content_hash: str = ""


@dataclass(frozen=True)
class Section:
    """A run of text under one heading path, e.g. ("Sales Duty Manual", "Collections", "Overdue escalation")."""

    heading_path: tuple[str, ...]
    text: str


@dataclass
class ParsedDocument:
    meta: DocumentMeta
    sections: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class Chunk:
    """One retrievable passage; `section` is the heading path joined with " > "."""

    chunk_id: str  # stable: derived from source, ordinal and text
    text: str
    section: str
    ordinal: int
    meta: DocumentMeta
