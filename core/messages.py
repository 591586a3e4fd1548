"""Plain request and reply objects: every door (CLI, console chat, Telegram) speaks these and only renders them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field


class RepInfo(BaseModel):
    """A detached snapshot of a roster entry, safe to pass between threads and doors."""

    rep_id: str
    name: str
    role: str
    manager_id: str | None = None
    telegram_user_id: int | None = None
    region: str | None = None
    channel: str | None = None
    hire_date: date | None = None


class Request(BaseModel):
    """A question from someone: who asks (None when anonymous, e.g. the CLI without --as) and the text."""

    text: str
    asker: RepInfo | None = None
    top_k: int | None = None
    door: str | None = None  # "cli", "chat", "telegram": recorded with authority decisions in the audit trail


class Citation(BaseModel):
    title: str
    source: str
    section: str
    version: str | None = None
    stale: bool = False
    score: float = 0.0
    snippet: str = ""
    doc_type: str | None = None
    language: str | None = None
    # The cited passage's character range in its document's text (None for an index built before ranges).
    start: int | None = None
    end: int | None = None

    @classmethod
    def from_metadata(cls, metadata: Mapping[str, Any], *, score: float, snippet: str, today: date) -> Citation:
        """A retrieved passage's chunk metadata as a Citation; stale once its `review_by` date has passed.

        Chroma stores a missing value as "", hence the `or None`s; an unreadable date is not stale."""
        try:
            review_by = date.fromisoformat(str(metadata.get("review_by") or ""))
        except ValueError:
            review_by = None
        return cls(
            title=str(metadata.get("title", "")),
            source=str(metadata.get("source", "")),
            section=str(metadata.get("section", "")),
            version=str(metadata.get("version") or "") or None,
            stale=review_by is not None and review_by < today,
            score=round(float(score), 4),
            snippet=snippet,
            doc_type=str(metadata.get("doc_type") or "") or None,
            language=str(metadata.get("language") or "") or None,
            start=_offset(metadata.get("start")),
            end=_offset(metadata.get("end")),
        )


def _offset(value: Any) -> int | None:
    """A stored character offset, or None when the chunk has none (older index) or it is not a number."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


class Approver(BaseModel):
    rep_id: str
    name: str


class Decision(BaseModel):
    """An authority decision; `limit` is the asker's own limit (None when asked anonymously)."""

    kind: Literal["discount", "payment_terms", "gift", "contract_value"]
    requested: float | None
    unit: Literal["percent", "days", "CNY"]
    limit: float | None
    allowed: bool | None
    approver_role: str | None = None
    approver: Approver | None = None
    cash_equivalent: bool = False
    permitted_at_all: bool = True
    reason: str | None = None  # "credit_hold" when an overdue customer blocks new terms
    overdue_days: float | None = None  # how overdue the customer is, when the question says so
    basis: str | None = None  # how `requested` was worked out ("5% + 5%", "1 free on 10"), for the reply


class Button(BaseModel):
    """A door-neutral button: the bot turns `action` + `payload` into callback data."""

    label: str
    action: str
    payload: str = ""


class Reply(BaseModel):
    """What the core answers; `text` is plain text (doors add their own markup)."""

    answer: str
    grounded: bool
    citations: list[Citation] = Field(default_factory=list)
    decision: Decision | None = None  # the first of `decisions`, kept for callers that read one decision
    decisions: list[Decision] = Field(default_factory=list)  # one per request in the question
    language: Literal["en", "zh"] = "en"
    buttons: list[Button] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def shown_citations(self) -> list[Citation]:
        """The citations a door lists: those the answer marks as [n] (numbered first by the answerer), or all of
        them when the text carries no markers (decisions, refusals). JSON output keeps the full ranked list."""
        used = {int(n) for n in re.findall(r"\[(\d+)\]", self.answer)}
        if not used:
            return list(self.citations)
        return [c for n, c in enumerate(self.citations, start=1) if n in used]

    def to_json_dict(self) -> dict[str, object]:
        """The `ask --json` contract: answer, grounded, citations, decision (+ extra keys)."""
        return self.model_dump(mode="json", exclude={"buttons"})
