"""The real bundled MiniLM (loaded once per module, chosen with SALESCOACH_EMBEDDING_MODEL=minilm): offline load,
normalised vectors, retrieval."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
from fixtures_knowledge import MANUAL_EN, PRODUCTS, load

from core.settings import Settings
from knowledge.embeddings import EmbeddingModelError, SentenceTransformerEmbeddings, cjk_heavy, load_embeddings
from knowledge.index import KnowledgeIndex
from knowledge.retriever import HybridRetriever

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def minilm() -> SentenceTransformerEmbeddings:
    embeddings = load_embeddings(Settings(embedding_model="minilm"))
    assert isinstance(embeddings, SentenceTransformerEmbeddings)
    return embeddings


def test_bundled_model_gives_normalised_384_dim_vectors(minilm: SentenceTransformerEmbeddings) -> None:
    vectors = minilm.embed_documents(["overdue invoice escalation", "air purifier warranty"])
    assert [len(v) for v in vectors] == [minilm.dimension] * 2 and minilm.dimension == 384
    assert all(math.isclose(sum(x * x for x in v), 1.0, rel_tol=1e-4) for v in vectors)
    query = minilm.embed_query("when is a late payment escalated?")
    similarity = [sum(a * b for a, b in zip(query, v, strict=True)) for v in vectors]
    assert similarity[0] > similarity[1]


def test_dense_retrieval_with_the_real_model(minilm: SentenceTransformerEmbeddings) -> None:
    index = load(KnowledgeIndex(Settings(embedding_model="minilm"), embeddings=minilm), *PRODUCTS, MANUAL_EN)
    hits = HybridRetriever(index=index, k=3, mode="dense").search("customer paid late, what do I do?")
    assert hits[0].section == "Sales Duty Manual > Collections"
    hybrid = HybridRetriever(index=index, k=3).search("How long is the AX-100 Pro warranty?")
    assert hybrid[0].source.endswith("ax-100-pro.md") and hybrid[0].section.endswith("Warranty")


def test_missing_model_fails_with_a_clear_error() -> None:
    with pytest.raises(EmbeddingModelError, match="cannot load embedding model 'no-such/model-xyz'"):
        load_embeddings(Settings(embedding_model="no-such/model-xyz"))


def test_bf16_and_float32_vectors_agree(minilm: SentenceTransformerEmbeddings) -> None:
    texts = ["AX-100 Pro warranty is 36 months", "客户逾期三十天要上报经理"]
    saved = minilm.bf16
    try:
        minilm.bf16 = False
        full = minilm.embed_documents(texts)
        minilm.bf16 = True
        half = minilm.embed_documents(texts)
    finally:
        minilm.bf16 = saved
    for a, b in zip(full, half, strict=True):
        assert sum(x * y for x, y in zip(a, b, strict=True)) > 0.99


def test_cjk_heavy_passages_are_capped_and_others_left_whole(minilm: SentenceTransformerEmbeddings) -> None:
    english = "Escalate overdue invoices to your manager after thirty days. " * 30  # well over 256 tokens
    chinese = "客户逾期三十天要上报经理，并在系统中记录催款情况。" * 20  # one token per character
    saved = minilm.cjk_max_tokens
    try:
        minilm.cjk_max_tokens = 64
        (fit_en, fit_zh), (len_en, len_zh) = minilm.fit([english, chinese])
    finally:
        minilm.cjk_max_tokens = saved
    assert fit_en == english and len_en == minilm.model.max_seq_length  # the model's own truncation only
    assert len_zh == 64 and chinese.startswith(fit_zh) and len(fit_zh) == 62  # [CLS] + 62 characters + [SEP]
    assert cjk_heavy(chinese) and not cjk_heavy(english) and not cjk_heavy("AX-100 保修 warranty terms and conditions")


def test_length_sorted_batches_return_vectors_in_input_order(minilm: SentenceTransformerEmbeddings) -> None:
    texts = [
        "short one",
        "a considerably longer passage about the AX-100 Pro warranty and its terms",
        "mid length text",
    ]
    together = minilm.embed_documents(texts)
    alone = [minilm.embed_documents([t])[0] for t in texts]
    for a, b in zip(together, alone, strict=True):
        assert sum(x * y for x, y in zip(a, b, strict=True)) > 0.999


class _SlowTokenizerModel:
    """Stands in for a configured model whose tokenizer has no character offsets (a "slow" tokenizer)."""

    max_seq_length = 256
    tokenizer = SimpleNamespace(is_fast=False)


def test_tokenizer_without_offsets_leaves_texts_whole() -> None:
    embeddings = SentenceTransformerEmbeddings(_SlowTokenizerModel(), cjk_max_tokens=16)
    texts = ["客户逾期三十天要上报经理" * 10, "short"]
    assert embeddings.fit(texts) == (texts, [0, 0])
