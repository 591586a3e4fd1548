"""What the ingest stages hand each other: parsed documents with metadata, and chunks with heading paths."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.documents import DocumentMeta
from core.printable import printable
from ingest.boilerplate import Dropped

if TYPE_CHECKING:
    from core.settings import Settings

DOC_TYPES = ("duty_manual", "policy", "compliance", "product", "briefing", "faq")
LANGUAGES = ("en", "zh")
SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm")


class IngestError(Exception):
    """A file that cannot be ingested; str() is one printable line naming the file and the reason.

    Escaped here, once, because file names and reasons come from outside (a name with "\\x1b[2J" in it, a
    library message quoting the file) and every door prints this line.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(printable(f"{path}: {reason}"))
        self.path = str(path)
        self.reason = reason


MB = 1 << 20


def _default_max_bytes() -> int:
    from core.settings import Settings

    return int(Settings.model_fields["max_file_mb"].default * MB)  # the setting's default, one number


def _default_roles() -> tuple[str, ...]:
    from core.roster import DEFAULT_ROLES  # imported late: the roster module pulls in SQLAlchemy

    return DEFAULT_ROLES


@dataclass(frozen=True)
class IngestRules:
    """What a company lets into its knowledge base: how big a file may be, and which roles an audience names.

    `max_bytes` bounds the file on disk and, for a .docx, its unzipped content (a zip bomb is small on disk).
    `roles` are the policy's roles; an audience may also name people as `rep:<REP_ID>`.
    """

    max_bytes: int = field(default_factory=_default_max_bytes)
    roles: tuple[str, ...] = field(default_factory=_default_roles)

    @classmethod
    def from_settings(cls, settings: Settings, roles: tuple[str, ...] | None = None) -> IngestRules:
        """The rules of a configured deployment (SALESCOACH_MAX_FILE_MB), with the active policy's roles."""
        return cls(max_bytes=int(settings.max_file_mb * MB), roles=roles or _default_roles())


@dataclass(frozen=True)
class Section:
    """A run of text under one heading path, e.g. ("Sales Duty Manual", "Collections", "Overdue escalation")."""

    heading_path: tuple[str, ...]
    text: str


@dataclass
class ParsedDocument:
    meta: DocumentMeta
    sections: list[Section] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)  # boilerplate kept out of the sections
