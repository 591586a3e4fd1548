"""Concurrent query embeddings share forward passes and each caller still gets exactly its own vector."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pytest
from fakes import HashingEmbeddings

from knowledge.embeddings import SentenceTransformerEmbeddings
from knowledge.query_batching import BatchedQueryEmbeddings


def vec(text: str) -> list[float]:
    """A unit vector per text (the embeddings object normalises whatever the model returns)."""
    raw = np.array([float(len(text)), float(sum(map(ord, text)) % 97) + 1.0], dtype=np.float32)
    return [float(x) for x in raw / np.linalg.norm(raw)]


class SlowModel:
    """Stands in for a SentenceTransformer: a forward pass takes a while whatever the batch size."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.batch_sizes: list[int] = []
        self.fail_on = fail_on
        self._lock = threading.Lock()

    def encode(self, texts: list[str], **_: Any) -> np.ndarray:
        with self._lock:
            self.batch_sizes.append(len(texts))
        time.sleep(0.02)
        if self.fail_on is not None and self.fail_on in texts:
            raise RuntimeError(f"cannot encode {self.fail_on!r}")
        return np.array([vec(t) for t in texts])


def test_concurrent_queries_are_batched_and_each_gets_its_own_vector() -> None:
    model = SlowModel()
    batched = BatchedQueryEmbeddings(SentenceTransformerEmbeddings(model), max_batch=8)
    texts = [f"question number {i} " + "x" * i for i in range(40)]
    with ThreadPoolExecutor(16) as pool:
        vectors = list(pool.map(batched.embed_query, texts))
    assert np.allclose(vectors, [vec(t) for t in texts], atol=1e-6)
    assert batched.queries == 40
    assert max(model.batch_sizes) > 1 and len(model.batch_sizes) < 40
    assert max(model.batch_sizes) <= 8


def test_a_failing_batch_raises_in_its_callers_and_the_next_calls_work() -> None:
    model = SlowModel(fail_on="boom")
    batched = BatchedQueryEmbeddings(SentenceTransformerEmbeddings(model))
    with pytest.raises(RuntimeError, match="cannot encode 'boom'"):
        batched.embed_query("boom")
    assert np.allclose(batched.embed_query("fine"), vec("fine"), atol=1e-6)


def test_single_caller_and_documents_pass_through() -> None:
    model = SlowModel()
    batched = BatchedQueryEmbeddings(SentenceTransformerEmbeddings(model))
    assert np.allclose(batched.embed_documents(["a", "bb"]), [vec("a"), vec("bb")], atol=1e-6)
    assert np.allclose(batched.embed_query("a"), vec("a"), atol=1e-6)
    assert model.batch_sizes == [2, 1]


def test_a_loader_runs_once_on_first_use() -> None:
    loads: list[SlowModel] = []

    def load() -> SentenceTransformerEmbeddings:
        loads.append(SlowModel())
        return SentenceTransformerEmbeddings(loads[-1])

    batched = BatchedQueryEmbeddings(load)
    assert loads == []
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(batched.embed_query, ["a", "b", "c", "d"]))
    assert len(loads) == 1


def test_only_models_with_identical_query_encoding_are_batched() -> None:
    with pytest.raises(TypeError, match="symmetric EmbeddingBackend"):
        BatchedQueryEmbeddings(HashingEmbeddings())  # type: ignore[arg-type]
    lazy = BatchedQueryEmbeddings(lambda: HashingEmbeddings())  # type: ignore[arg-type,return-value]
    with pytest.raises(TypeError, match="HashingEmbeddings"):
        lazy.embed_query("x")
    with pytest.raises(ValueError, match="max_batch"):
        BatchedQueryEmbeddings(SentenceTransformerEmbeddings(SlowModel()), max_batch=0)


def test_the_wrapper_carries_the_wrapped_models_identity_without_loading_it() -> None:
    from core.settings import Settings
    from knowledge.embeddings import model_fingerprint
    from knowledge.index import embedder_id

    loads: list[int] = []

    def loader() -> SentenceTransformerEmbeddings:
        loads.append(1)
        return SentenceTransformerEmbeddings(SlowModel(), fingerprint="loaded-model")

    lazy = BatchedQueryEmbeddings(loader, fingerprint=model_fingerprint(Settings()))
    assert embedder_id(lazy) == model_fingerprint(Settings()) and not loads  # the bot starts without torch
    wrapped = BatchedQueryEmbeddings(SentenceTransformerEmbeddings(SlowModel(), fingerprint="some-model"))
    assert embedder_id(wrapped) == "some-model"
