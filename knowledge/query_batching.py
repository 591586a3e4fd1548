"""Concurrent questions share one embedding forward pass: the bot's answer threads queue their query texts
and whichever thread is free encodes everything queued as one batch.

On a 2-core box MiniLM encodes a batch of 8-32 short questions for about 40% of the per-question cost of
encoding them one by one (USE streams its weights once per batch, with a similar gain), and the query embedding
is much of an answer's CPU. Leader/follower, no background
thread: the first caller encodes batches until its own vector is ready, then hands the lead to the oldest
waiter, so nobody waits behind more than the batches queued before them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langchain_core.embeddings import Embeddings

from knowledge.embeddings import EmbeddingBackend

MAX_BATCH = 32


@dataclass
class _Query:
    text: str
    ready: threading.Event = field(default_factory=threading.Event)
    vector: list[float] | None = None
    error: BaseException | None = None
    promoted: bool = False  # woken to lead, not because the vector is ready


class BatchedQueryEmbeddings(Embeddings):
    """Wraps a symmetric EmbeddingBackend (its query and document encodings are the same call) and batches
    `embed_query` across threads; `embed_documents` passes straight through.

    Give it the model, or a loader called on first use (so `salescoach bot` starts without loading torch,
    as the lazily built Services would)."""

    def __init__(
        self,
        inner: EmbeddingBackend | Callable[[], EmbeddingBackend],
        *,
        max_batch: int = MAX_BATCH,
        fingerprint: str = "",
    ) -> None:
        if max_batch < 1:
            raise ValueError(f"max_batch must be at least 1, got {max_batch}")
        self._inner: EmbeddingBackend | None = None
        self._loader: Callable[[], EmbeddingBackend] | None = None
        if isinstance(inner, EmbeddingBackend) and _batchable(inner):
            self._inner = inner
        elif callable(inner) and not isinstance(inner, Embeddings):
            self._loader = inner
        else:
            raise TypeError(_not_batchable(inner))
        self._load_lock = threading.Lock()
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._queue: list[_Query] = []
        self._leading = False
        self.batches = 0  # forward passes made, for tests and the benchmark
        self.queries = 0
        self._fingerprint = fingerprint

    @property
    def fingerprint(self) -> str:
        """The wrapped model's identity for the index (given, or the loaded model's): the wrapper changes how
        queries are batched, not the vectors, so it must not look like another model."""
        return self._fingerprint or self.inner.fingerprint

    @property
    def inner(self) -> EmbeddingBackend:
        """The wrapped model, loaded on first use."""
        if self._inner is None:
            with self._load_lock:
                if self._inner is None:
                    assert self._loader is not None
                    loaded = self._loader()
                    if not _batchable(loaded):
                        raise TypeError(_not_batchable(loaded))
                    assert isinstance(loaded, EmbeddingBackend)
                    self._inner = loaded
        return self._inner

    @property
    def calibration(self) -> Any:
        """The wrapped model's calibration (knowledge.calibration.Calibration)."""
        return self.inner.calibration

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    @property
    def max_tokens(self) -> int:
        return self.inner.max_tokens

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        query = _Query(text)
        with self._lock:
            self._queue.append(query)
            lead = not self._leading
            self._leading = True
        if not lead:
            query.ready.wait()
        if lead or query.promoted:
            self._lead(query)
        if query.error is not None:
            raise query.error
        assert query.vector is not None
        return query.vector

    def _lead(self, own: _Query) -> None:
        """Encode queued batches, oldest first, until `own` is done; then pass the lead on."""
        while own.vector is None and own.error is None:
            with self._lock:
                batch = self._queue[: self.max_batch]
                del self._queue[: self.max_batch]
            self._encode(batch)
        with self._lock:
            if self._queue:
                successor = self._queue[0]
                successor.promoted = True
                successor.ready.set()
            else:
                self._leading = False

    def _encode(self, batch: list[_Query]) -> None:
        try:
            vectors = self.inner.embed_documents([q.text for q in batch])
        except BaseException as exc:  # handed to every caller in the batch, who re-raises it
            for query in batch:
                query.error = exc
        else:
            for query, vector in zip(batch, vectors, strict=True):
                query.vector = vector
        self.batches += 1
        self.queries += len(batch)
        for query in batch:
            query.promoted = False
            query.ready.set()


def _batchable(obj: object) -> bool:
    # Other models may encode queries differently from documents (instruction prefixes): never batch those.
    return isinstance(obj, EmbeddingBackend) and obj.symmetric


def _not_batchable(obj: object) -> str:
    return f"query batching needs a symmetric EmbeddingBackend, got {type(obj).__name__}"
