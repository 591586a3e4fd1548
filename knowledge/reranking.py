"""Re-ranking the head of the fused list by a fitted model of which passage holds the answer.

Why: the composer answers from the first passage far more often than from the others. Over the labelled sets,
when the passage holding the key fact came first, 87% of the answers held it; when it came second or third, 48%
did (the gate judges the first passage, the composer leads with it). The fused vote sums rankers that each see
one side of a passage; which side matters depends on the question: a figure question wants the passage stating
a figure for the asked attribute, a cross-language question the passage its translated words cover, a model
question the model's own sheet. A small boosted-tree model over those per-passage signals, fitted on which
passage of the head held the key fact (`python -m bench.fit_reranker`), reorders the head; it is calibration
data beside the embedding model's entry (knowledge/calibration.yaml `reranker`), so a model without one keeps
the fused order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from knowledge.grounding import coverage, informative_terms

if TYPE_CHECKING:
    from knowledge.calibration import TreeEnsemble
    from knowledge.retriever import ScoredChunk

HEAD = 10  # passages re-ranked: the fused list's first ten hold the key fact for 98% of the questions whose top 20 do

FEATURES = (
    "score",  # the fused vote
    "score_behind",  # how far behind the first place's vote
    "relevance",
    "coverage",
    "cosine",
    "bm25_vote",  # 1 / rank in BM25 over the question's words (0: not ranked)
    "translated_vote",  # 1 / rank in BM25 over the dictionary translations
    "dense_vote",  # 1 / rank in the dense search
    "same_language",
    "position",  # 1 / place in the fused list
    "blocked",
    "length",  # log(1 + characters)
    "heading_coverage",  # the question's informative terms in the title and section path
    "attribute_stated",  # the passage names an asked attribute (price, weight, warranty...) and states a figure
    "states_figure",
    "document_share",  # share of the head from the passage's document
    "document_first",  # 1 / place of that document's first passage
    "model_match",
    "asks_attribute",
    "names_model",
)


def passage_features(
    question: str,
    hits: Sequence[ScoredChunk],
    *,
    language: str,
    idf: Callable[[str], float],
    translated: Mapping[str, Sequence[str]],
    model_scores: Sequence[float],
) -> list[dict[str, float]]:
    """The signals of each passage of `hits` (the fused order) for one question; `model_scores` is the
    retriever's model-designation match of each passage (0 when the question names no model)."""
    from knowledge.answer import states_figure
    from knowledge.attributes import asked_attributes

    def equivalents(term: str) -> list[str]:
        return list(translated.get(term, ()))

    informative = informative_terms(question)
    attributes = asked_attributes(question, equivalents)
    head = hits[:HEAD]
    share = Counter(h.source for h in head)
    first: dict[str, int] = {}
    for place, hit in enumerate(hits):
        first.setdefault(hit.source, place)
    top = hits[0].score if hits else 0.0
    rows = []
    for place, hit in enumerate(hits):
        ranks = hit.ranks
        heading = f"{hit.metadata.get('title', '')} {hit.section}"
        figure = states_figure(hit.text, question)
        rows.append(
            {
                "score": hit.score,
                "score_behind": hit.score - top,
                "relevance": hit.relevance,
                "coverage": hit.coverage,
                "cosine": hit.cosine or 0.0,
                "bm25_vote": 1 / ranks["bm25"] if "bm25" in ranks else 0.0,
                "translated_vote": 1 / ranks["bm25_translated"] if "bm25_translated" in ranks else 0.0,
                "dense_vote": 1 / ranks["dense"] if "dense" in ranks else 0.0,
                "same_language": float(hit.language == language),
                "position": 1 / (place + 1),
                "blocked": float(bool(hit.blocked)),
                "length": math.log1p(len(hit.text)),
                "heading_coverage": coverage(informative, heading, idf, equivalents) if informative else 0.0,
                "attribute_stated": float(figure and any(a.in_text(hit.text) for a in attributes)),
                "states_figure": float(figure),
                "document_share": share[hit.source] / HEAD,
                "document_first": 1 / (first[hit.source] + 1),
                "model_match": model_scores[place] if place < len(model_scores) else 0.0,
                "asks_attribute": float(bool(attributes)),
                "names_model": float(any(model_scores)),
            }
        )
    return rows


def rerank(hits: Sequence[ScoredChunk], features: Sequence[dict[str, float]], model: TreeEnsemble) -> list[ScoredChunk]:
    """The head of `hits` ordered by the model's log-odds that a passage holds the answer (ties keep the fused
    order); the passages after the head keep their places."""
    head = list(hits[:HEAD])
    odds = [model.log_odds(row) for row in features[: len(head)]]
    order = sorted(range(len(head)), key=lambda i: -odds[i])
    return [head[i] for i in order] + list(hits[HEAD:])
