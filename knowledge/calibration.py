"""Per-model calibration, read from data (knowledge/calibration.yaml or SALESCOACH_CALIBRATION_PATH), not code.

Two models' cosines mean different things: MiniLM puts unrelated English text near 0.1 and a paraphrase at 0.6+,
USE puts a Chinese passage and its English question near 0.5. So each backend carries how to rescale its cosine,
how much the fused ranking trusts its vote per question language, and the fitted answerability model
(knowledge.answerability) whose inputs include that cosine. Entries are keyed by model name; a fingerprint
that starts with a key uses that entry, anything else (a company's own model, the test fakes) `default`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from core.yamlfile import yaml_problem

BUNDLED = Path(__file__).with_name("calibration.yaml")


class CalibrationError(ValueError):
    """The calibration file cannot be read; the message names the file and the entry."""


Node = tuple[int, float, int, int, float]  # feature index, threshold, left child, right child (-1: leaf), value


@dataclass(frozen=True)
class TreeEnsemble:
    """Boosted regression trees over the same signals: log-odds = base + rate * sum of the trees' leaf values.

    Why trees beside the logistic model: the signals interact (a high coverage means little when the question
    crossed languages through a loose dictionary sense; a named model counts for the question only when the
    sheet states the asked attribute), which one weight per signal cannot express. Stored as data (a JSON file
    beside the calibration), evaluated here without any learning library."""

    features: tuple[str, ...]
    trees: tuple[tuple[Node, ...], ...]
    base: float = 0.0
    rate: float = 0.1

    def log_odds(self, features: dict[str, float]) -> float:
        x = [float(features.get(name, 0.0)) for name in self.features]
        total = 0.0
        for tree in self.trees:
            node = tree[0]
            while node[2] >= 0:
                node = tree[node[2]] if x[node[0]] <= node[1] else tree[node[3]]
            total += node[4]
        return self.base + self.rate * total


@dataclass(frozen=True)
class AnswerabilityModel:
    """P(answerable) from named question-level signals: sigmoid(bias + sum w_i x_i), or the log-odds of a tree
    ensemble when the calibration names one (`trees`)."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    trees: TreeEnsemble | None = None

    def probability(self, features: dict[str, float]) -> float:
        import math

        if self.trees is not None:
            z = self.trees.log_odds(features)
        else:
            z = self.bias + sum(w * float(features.get(name, 0.0)) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def load_trees(path: Path) -> TreeEnsemble:
    """A tree ensemble written by `python -m bench.fit_answerability --trees` or `bench.fit_reranker`; ValueError
    naming what is wrong."""
    import json

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {path.name} ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path.name}: line {exc.lineno}: {exc.msg}") from exc
    try:
        features = tuple(str(name) for name in raw["features"])
        listed = [
            tuple((int(f), float(t), int(left), int(right), float(v)) for f, t, left, right, v in tree)
            for tree in raw["trees"]
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path.name}: not a tree ensemble ({exc!r})") from exc
    trees: list[tuple[Node, ...]] = []
    for n, nodes in enumerate(listed):
        if not nodes or any(
            left >= 0 and not (0 <= f < len(features) and left < len(nodes) and 0 <= right < len(nodes))
            for f, _t, left, right, _v in nodes
        ):
            raise ValueError(f"{path.name}: tree {n}: a node points outside the tree or the feature list")
        trees.append(nodes)
    return TreeEnsemble(features, tuple(trees), float(raw.get("base", 0.0)), float(raw.get("rate", 0.1)))


@dataclass(frozen=True)
class Calibration:
    """How one model's cosine reads (rescaled from [cosine_floor, cosine_floor + cosine_span] to [0, 1]) and
    how much the fused ranking trusts its dense vote for English and for Chinese questions.

    `fusion` says how the rankers' votes combine: "rrf" counts ranks only, "score" counts how far a passage's
    score is behind its ranker's first place (BM25 as a share of the first score over `bm25_span`, cosine in
    the model's units over `dense_span`), so a ranker whose head is a near tie hardly moves the order and one
    with a clear winner leads.

    `topic_vote` is the share of a first-place vote a passage gets times its coverage of what the question
    asks about the product (informative terms without model numbers, in either language): of one product
    sheet's sections, the one naming the asked attribute beats the overview that matches the model number and
    the gist, which a multilingual model's vote favours. With USE: fresh sets' recall@1 pooled 0.571 -> 0.649,
    holdout 0.756 -> 0.800, the sample set 0.938 -> 0.932.
    """

    key: str = "default"
    cosine_floor: float = 0.15
    cosine_span: float = 0.5
    dense_weight_en: float = 1.0
    dense_weight_zh: float = 0.1
    fusion: Literal["rrf", "score"] = "rrf"
    bm25_span: float = 0.5
    dense_span: float = 0.2
    topic_vote: float = 0.0
    answerability: AnswerabilityModel | None = None
    reranker: TreeEnsemble | None = None  # knowledge.reranking: orders the head of the fused list

    def dense(self, cosine: float | None) -> float:
        """The cosine on the 0..1 scale the relevance blend uses."""
        if cosine is None:
            return 0.0
        return min(1.0, max(0.0, (cosine - self.cosine_floor) / max(self.cosine_span, 1e-6)))


@lru_cache(maxsize=8)
def load_calibrations(path: Path = BUNDLED) -> dict[str, Calibration]:
    """Every entry of a calibration file by key; CalibrationError naming file and entry on bad data."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise CalibrationError(f"{path}: cannot read calibration file ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise CalibrationError(yaml_problem(str(path), exc)) from exc
    if not isinstance(raw, dict):
        raise CalibrationError(f"{path}: expected a mapping of model name to calibration")
    out: dict[str, Calibration] = {}
    for key, entry in raw.items():
        if not isinstance(entry, dict):
            raise CalibrationError(f"{path}: entry {key!r} must be a mapping")
        try:
            model = entry.get("answerability")
            out[str(key)] = Calibration(
                key=str(key),
                cosine_floor=float(entry.get("cosine_floor", 0.15)),
                cosine_span=float(entry.get("cosine_span", 0.5)),
                dense_weight_en=float(entry.get("dense_weight_en", 1.0)),
                dense_weight_zh=float(entry.get("dense_weight_zh", 0.1)),
                fusion=_fusion(entry.get("fusion", "rrf")),
                bm25_span=_positive(entry.get("bm25_span", 0.5), "bm25_span"),
                dense_span=_positive(entry.get("dense_span", 0.2), "dense_span"),
                topic_vote=float(entry.get("topic_vote", 0.0)),
                answerability=(
                    AnswerabilityModel(
                        weights={str(k): float(v) for k, v in (model.get("weights") or {}).items()},
                        bias=float(model.get("bias", 0.0)),
                        threshold=float(model.get("threshold", 0.5)),
                        trees=load_trees(path.with_name(str(model["trees"]))) if model.get("trees") else None,
                    )
                    if isinstance(model, dict)
                    else None
                ),
                reranker=load_trees(path.with_name(str(entry["reranker"]))) if entry.get("reranker") else None,
            )
        except (TypeError, ValueError, AttributeError) as exc:
            raise CalibrationError(f"{path}: entry {key!r}: {exc}") from exc
    return out


def _fusion(value: object) -> Literal["rrf", "score"]:
    if value == "rrf" or value == "score":
        return value
    raise ValueError(f"fusion must be 'rrf' or 'score', got {value!r}")


def _positive(value: object, name: str) -> float:
    number = float(value)  # type: ignore[arg-type]
    if not number > 0:
        raise ValueError(f"{name} must be above 0, got {value!r}")
    return number


def calibration_for(fingerprint: str, path: Path | None = None) -> Calibration:
    """The entry for a model fingerprint (longest key it starts with), else `default`, else built-in defaults."""
    entries = load_calibrations(path or BUNDLED)
    name = fingerprint.lower()
    matches = [key for key in entries if key != "default" and name.startswith(key.lower())]
    if matches:
        return entries[max(matches, key=len)]
    return entries.get("default", Calibration())
