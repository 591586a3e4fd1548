"""Deterministic fakes shared by the tests: hashed-token embeddings and chat models that answer or fail.

Kept small on purpose; anything feature-specific belongs in that feature's test module.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

import httpx
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.embeddings import Embeddings
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import BaseMessage

from core.text import tokenize


class HashingEmbeddings(Embeddings):
    """Bag of hashed tokens, L2-normalised: texts sharing words are close, so dense search is testable."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls = 0  # embed_documents calls, to check batching

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        for token in tokenize(text):
            digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
            slot = int.from_bytes(digest[:4], "little") % self.dim
            vec[slot] += 1.0 if digest[4] & 1 else -1.0
        norm = math.sqrt(sum(x * x for x in vec))
        if norm == 0:
            vec[0], norm = 1.0, 1.0
        return [x / norm for x in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class FailingChatModel(FakeListChatModel):
    """A chat model whose endpoint is down: every call raises httpx.ConnectError like a dead server."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(responses=["unused"], **kwargs)

    def _call(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> str:
        raise httpx.ConnectError("connection refused")


class VocabularyLexicon:
    """The LexicalIndex surface the answerability gate reads: a vocabulary, flat IDF, no translations, no models."""

    def __init__(self, words: str) -> None:
        self.vocab = {word: i for i, word in enumerate(words.split())}

    @staticmethod
    def term_idf(term: str) -> float:
        return 1.0

    @staticmethod
    def translate(term: str) -> list[str]:
        return []

    @staticmethod
    def model_bases() -> frozenset[str]:
        return frozenset()
