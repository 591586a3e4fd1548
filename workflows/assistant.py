"""The assistant core: one request in, one reply out, whichever door the question came through.

Routing: an authority question (discount, payment terms, gift) is decided from policy and role; everything else
goes to document retrieval. Doors (CLI, console chat, Telegram) only render the Reply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.messages import Reply, Request

if TYPE_CHECKING:
    from workflows.services import Services


class EmptyQuestionError(ValueError):
    """The question had no text."""


class Assistant:
    def __init__(self, services: Services) -> None:
        self.services = services

    def normalise(self, text: str) -> tuple[str, list[str]]:
        """Strip, refuse empty, truncate huge questions (with a warning) rather than fail."""
        cleaned = " ".join(text.split())
        if not cleaned:
            raise EmptyQuestionError(
                "the question is empty: type a question, e.g. 'What do I do when a delivery is late?'"
            )
        warnings: list[str] = []
        limit = self.services.settings.max_question_chars
        if len(cleaned) > limit:
            warnings.append(f"question truncated to its first {limit} of {len(cleaned)} characters")
            cleaned = cleaned[:limit]
        return cleaned, warnings

    def ask(self, request: Request) -> Reply:
        text, warnings = self.normalise(request.text)
        request = request.model_copy(update={"text": text})
        reply = self.services.authority.answer(request)
        if reply is None:
            reply = self.services.answerer.answer(request)
        if warnings:
            reply = reply.model_copy(update={"warnings": [*warnings, *reply.warnings]})
        return reply
