"""The answerability signals read the passages that can answer: one about another year is left out."""

from __future__ import annotations

from fakes import VocabularyLexicon

from knowledge.answerability import judge
from knowledge.calibration import AnswerabilityModel, Calibration
from knowledge.retriever import ScoredChunk

_LEX = VocabularyLexicon("rebate")


def _hit(chunk_id: str, coverage: float, blocked: str = "") -> ScoredChunk:
    return ScoredChunk(
        chunk_id=chunk_id,
        text="",
        metadata={"language": "en"},
        score=1.0,
        relevance=0.0 if blocked else coverage,
        coverage=coverage,
        blocked=blocked,
        cosine=0.5,
    )


def test_a_passage_about_another_year_does_not_make_the_question_answerable() -> None:
    fitted = Calibration(answerability=AnswerabilityModel(weights={"coverage_top": 10.0}, bias=-5.0, threshold=0.5))
    other_year = [_hit("promo-2025", 1.0, blocked="year"), _hit("faq", 0.0)]
    verdict = judge("2024 rebate?", other_year, _LEX, fitted, lambda t: [], fallback_threshold=0.3)  # type: ignore[arg-type]
    assert not verdict.answerable and verdict.features["coverage_top"] == 0.0
    this_year = [_hit("promo-2024", 1.0), _hit("faq", 0.0)]
    assert judge("2024 rebate?", this_year, _LEX, fitted, lambda t: [], fallback_threshold=0.3).answerable  # type: ignore[arg-type]
