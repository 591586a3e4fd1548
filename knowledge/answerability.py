"""Do the documents answer this question at all? A fitted decision over question-level signals.

One hand-set threshold on one passage's relevance cannot tell "What is the parking policy?" (generic words
covered, the topic word found nowhere) from a chat-phrased question whose words the passage does not use. So the
retriever's evidence becomes a few signals (dense cosine of the best passage and its margin over the others,
IDF-weighted coverage of the question's informative terms, how much of the question the knowledge base has
never heard of, whether BM25 and the dense ranking agree on the top passage) and a logistic regression fitted
on labelled answerable/unanswerable questions turns them into a probability. Its weights live with the
embedding model's calibration (knowledge/calibration.yaml), refitted with `python -m bench.fit_answerability`.
A question naming a model or a year that no retrieved passage is about is refused before any of this.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.text import CJK_CHAR, has_cjk
from knowledge.grounding import coverage, informative_terms, stem, term_weight

if TYPE_CHECKING:
    from knowledge.calibration import Calibration
    from knowledge.lexical import LexicalIndex
    from knowledge.retriever import ScoredChunk

_MODEL_TOKEN = re.compile(r"[a-z]{1,4}-?\d{1,4}[a-z]?(?:-?[a-z]{1,4})?|\d+", re.IGNORECASE)

FEATURES = (
    "cosine_top",
    "cosine_max",
    "cosine_margin",
    "coverage_top",
    "coverage_max",
    "topic_coverage_top",
    "topic_coverage_max",
    "relevance_top",
    "unknown_share",
    "agree_top",
    "bm25_top3",
    "dense_top3",
    "translated_top3",
    "cross_language",
    "coverage_cross",
    "chinese",
    "few_terms",
)


def topic_terms(terms: Sequence[str]) -> list[str]:
    """The informative terms without model numbers and bare numbers: what is asked about the product."""
    return [t for t in terms if not _MODEL_TOKEN.fullmatch(t)]


@dataclass(frozen=True)
class Verdict:
    """The decision and what it rested on (for `--json`, the benchmark and refitting)."""

    answerable: bool
    probability: float
    blocked: str = ""  # "model" / "year" / "empty": refused by rule, before the fitted model
    features: dict[str, float] = field(default_factory=dict)


def known_in(term: str, lex: LexicalIndex, equivalents: Callable[[str], Sequence[str]]) -> bool:
    """The knowledge base uses the term, a plural form of it, or a translation/glossary equivalent."""
    vocab = lex.vocab
    if CJK_CHAR.match(term):
        if term in vocab:
            return True
    else:
        base = stem(term)
        if any(form in vocab for form in (term, base, base + "s", base + "es")):
            return True
    return any(other.lower() in vocab for other in equivalents(term))


def signals(
    question: str,
    hits: Sequence[ScoredChunk],
    lex: LexicalIndex,
    equivalents: Callable[[str], Sequence[str]],
) -> dict[str, float]:
    """The question-level signals the fitted model reads (FEATURES), all on roughly 0..1 scales."""
    top = hits[0]
    cosines = [h.cosine for h in hits if h.cosine is not None]
    cosine_top = top.cosine if top.cosine is not None else 0.0
    cosine_max = max(cosines) if cosines else 0.0
    others = [c for c in cosines[1:]]
    terms = informative_terms(question)
    total = unknown = 0.0
    for term in terms:
        weight = term_weight(term, lex.term_idf)
        total += weight
        if not known_in(term, lex, equivalents):
            unknown += weight
    # The topic without the product: "CK-C10 ... weigh" against the CK-C10 sheet is covered by its model
    # number, which outweighs the asked attribute; a near miss shows when the attribute is left alone.
    topic = topic_terms(terms)
    topical = [
        coverage(topic, f"{h.metadata.get('title', '')}\n{h.section}\n{h.text}", lex.term_idf, equivalents)
        if topic
        else h.coverage
        for h in hits
    ]
    language = "zh" if has_cjk(question) else "en"
    cross = float(bool(top.language) and top.language != language)
    return {
        "cosine_top": cosine_top,
        "cosine_max": cosine_max,
        "cosine_margin": cosine_max - (sum(others) / len(others) if others else 0.0),
        "coverage_top": top.coverage,
        "coverage_max": max(h.coverage for h in hits),
        "topic_coverage_top": topical[0],
        "topic_coverage_max": max(topical),
        "relevance_top": top.relevance,
        "unknown_share": unknown / total if total else 1.0,
        "agree_top": float(top.ranks.get("bm25") == 1 and top.ranks.get("dense") == 1),
        "bm25_top3": float(0 < top.ranks.get("bm25", 99) <= 3),
        "dense_top3": float(0 < top.ranks.get("dense", 99) <= 3),
        "translated_top3": float(0 < top.ranks.get("bm25_translated", 99) <= 3),
        "cross_language": cross,
        "coverage_cross": top.coverage * cross,
        "chinese": float(language == "zh"),
        "few_terms": float(len(terms) <= 1),
    }


def judge(
    question: str,
    hits: Sequence[ScoredChunk],
    lex: LexicalIndex,
    calibration: Calibration,
    equivalents: Callable[[str], Sequence[str]],
    *,
    fallback_threshold: float,
) -> Verdict:
    """Answerable or not. Without a fitted model in the calibration, the best passage's relevance against
    `fallback_threshold` decides (the rule before the fitted model)."""
    if not hits:
        return Verdict(False, 0.0, "empty")
    if hits[0].blocked and all(h.blocked for h in hits):
        return Verdict(False, 0.0, hits[0].blocked)
    # A passage about another year ("Spring Campaign 2024" for a 2026 question) cannot answer: the signals
    # read the passages that can.
    hits = [h for h in hits if not h.blocked]
    features = signals(question, hits, lex, equivalents)
    model = calibration.answerability
    if model is None:
        ok = hits[0].relevance >= fallback_threshold
        return Verdict(ok, hits[0].relevance, "", features)
    probability = model.probability(features)
    return Verdict(probability >= model.threshold, round(probability, 4), "", features)
