"""Who may read a document: its `audience` names roles and people; a reader is a role and a rep id.

A document with no audience is public. Otherwise each entry is a role name (`manager`) or a person
(`rep:S003`); a reader is admitted when their role or their own person entry is listed. Briefings use person
entries (recipients, sender, the sender's management chain), so a briefing never reaches a rep of another
team, nor an anonymous reader, whatever their role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.messages import RepInfo

PERSON_PREFIX = "rep:"


def person(rep_id: str) -> str:
    """The audience entry that admits one person."""
    return f"{PERSON_PREFIX}{rep_id}"


def entries(audience: str | Iterable[str]) -> frozenset[str]:
    """The lowercased entries of an audience (a comma-joined string as stored, or a sequence)."""
    parts = audience.split(",") if isinstance(audience, str) else audience
    return frozenset(p.strip().lower() for p in parts if p and p.strip())


@dataclass(frozen=True)
class Reader:
    """Whoever reads: a role and a rep id, either unknown (None). Reader() is anonymous: public documents only."""

    role: str | None = None
    rep_id: str | None = None

    @property
    def principals(self) -> frozenset[str]:
        """The audience entries that admit this reader (lowercased)."""
        out = set()
        if self.role:
            out.add(self.role.strip().lower())
        if self.rep_id:
            out.add(person(self.rep_id.strip()).lower())
        return frozenset(out)

    def admits(self, audience: str | Iterable[str]) -> bool:
        """True when a document with this audience is visible to the reader."""
        wanted = entries(audience)
        return not wanted or bool(wanted & self.principals)


ReaderLike = Reader | str | None


def as_reader(who: ReaderLike) -> Reader:
    """A Reader from a Reader, a bare role name (the older calling style) or None (anonymous)."""
    if isinstance(who, Reader):
        return who
    return Reader(role=who) if who else Reader()


def reader_of(asker: RepInfo | None) -> Reader:
    """The reader a roster entry is (anonymous when None)."""
    return Reader(role=asker.role, rep_id=asker.rep_id) if asker is not None else Reader()
