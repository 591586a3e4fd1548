"""Fit the passage reranker (knowledge.reranking) on labelled question sets and store it as data.

`python -m bench.fit_reranker [SET ...] [--sample] [--homes DIR] [--rows FILE] [--write]`: each SET is a folder
with kb/ and questions.jsonl (bench.fresh's format). For every answerable question with key facts, the fused head
(the first knowledge.reranking.HEAD passages, reranker off) is retrieved and each passage labelled by whether it
holds a key fact (case and spacing ignored); boosted trees learn P(holds the fact) from the passages' signals.
Questions whose head holds no fact teach nothing and are left out. The estimate that counts is grouped by set:
folds of whole sets, each scored by a model that never saw it, as recall@1 (the first passage holds a fact) of the
fused order against the reranked one. --homes DIR reuses ingested homes (DIR/<set name>, as
bench.fit_answerability keeps them); --rows FILE caches the collected signals. With --write the trees go to
knowledge/reranker_trees.json and the model's entry in knowledge/calibration.yaml names them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.fit_answerability import (
    TREE_SETTINGS,
    Labelled,
    add_set_arguments,
    model_key,
    parse_sets,
    rewrite,
    set_services,
)
from bench.fresh import contains
from knowledge.reranking import FEATURES, HEAD

RERANKER_FILE = "reranker_trees.json"  # beside calibration.yaml
# The answerability model's trees with larger steps; checked on folds of whole sets (0.1 against 0.05: recall@1 on
# unseen folds 0.758 against 0.749 over 42 sets).
SETTINGS: dict[str, Any] = {**TREE_SETTINGS, "learning_rate": 0.1}
FOLDS = 6

Question = dict[str, Any]  # {"rows": [features per passage], "labels": [0/1 per passage]}


def collect(kb: Path, questions: Sequence[Labelled], home: Path | None = None) -> list[Question]:
    """The head's signals and labels for each answerable question with key facts over one knowledge base,
    ingested into `home` (kept) or a temporary one, or read from `home` when it already holds it."""
    out: list[Question] = []
    with set_services(kb, home) as services:
        retriever = services.retriever.model_copy(update={"use_reranker": False})
        for question in questions:
            if not question.answerable or not question.facts:
                continue
            hits = retriever.search(question.q, k=HEAD)
            labels = [int(any(contains(h.text, fact) for fact in question.facts)) for h in hits]
            if any(labels):
                out.append({"rows": retriever.passage_rows(question.q, hits), "labels": labels})
    return out


def matrix(questions: Sequence[Question]) -> tuple[np.ndarray, np.ndarray]:
    x = [[float(row.get(name, 0.0)) for name in FEATURES] for q in questions for row in q["rows"]]
    y = [label for q in questions for label in q["labels"]]
    return np.array(x, dtype=float), np.array(y, dtype=float)


def train(questions: Sequence[Question]) -> Any:
    from sklearn.ensemble import GradientBoostingClassifier

    x, y = matrix(questions)
    return GradientBoostingClassifier(**SETTINGS).fit(x, y)


def firsts(model: Any, questions: Sequence[Question]) -> tuple[int, int]:
    """(fused order's first passage holds a fact, reranked first passage holds one), counted over questions."""
    fused = reranked = 0
    for q in questions:
        x = np.array([[float(row.get(name, 0.0)) for name in FEATURES] for row in q["rows"]], dtype=float)
        odds = model.decision_function(x)
        fused += q["labels"][0]
        reranked += q["labels"][int(np.argmax(odds))]  # argmax keeps the first of equals, as the sort does
    return fused, reranked


def tree_data(model: Any, x: np.ndarray) -> dict[str, Any]:
    """The ensemble as knowledge.calibration.TreeEnsemble reads it (bench.fit_answerability's format)."""
    from bench import fit_answerability

    data = fit_answerability.tree_data(model, x)
    data["features"] = list(FEATURES)
    return data


def write(model_key: str, trees: dict[str, Any], path: Path) -> None:
    """Store the trees beside the calibration YAML and name them in `model_key`'s entry (other keys kept)."""
    import yaml

    path.with_name(RERANKER_FILE).write_text(json.dumps(trees, separators=(",", ":")) + "\n", encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    data.setdefault(model_key, {})["reranker"] = RERANKER_FILE
    rewrite(path, data)


def main(argv: Sequence[str] | None = None) -> int:
    from knowledge.calibration import BUNDLED, load_calibrations

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_set_arguments(parser)
    parser.add_argument("--rows", type=Path, help="JSON cache of the collected signals, per set name")
    parser.add_argument("--write", action="store_true", help="store the fit beside knowledge/calibration.yaml")
    parsed = parse_sets(parser, argv)
    if parsed is None:
        return 2
    args, jobs = parsed
    cache: dict[str, list[Question]] = {}
    if args.rows is not None and args.rows.exists():
        cache = json.loads(args.rows.read_text(encoding="utf-8"))
    for name, kb, questions in jobs:
        if name not in cache:
            cache[name] = collect(kb, questions, args.homes / name if args.homes is not None else None)
            print(f"  {name}: {len(cache[name])} questions", flush=True)
    if args.rows is not None:
        args.rows.write_text(json.dumps(cache), encoding="utf-8")
    names = sorted(name for name, _kb, _q in jobs)
    pooled = [q for name in names for q in cache[name]]
    print(f"{len(pooled)} questions whose first {HEAD} passages hold a key fact, {len(names)} sets")
    if len(names) > 1:
        fused = reranked = 0
        for fold in range(min(FOLDS, len(names))):
            held = set(names[fold :: min(FOLDS, len(names))])
            model = train([q for name in names if name not in held for q in cache[name]])
            a, b = firsts(model, [q for name in sorted(held) for q in cache[name]])
            print(f"  fold {fold} ({len(held)} sets unseen): first passage holds a fact {a} -> {b}")
            fused, reranked = fused + a, reranked + b
        n = len(pooled)
        print(f"  folds of unseen sets: recall@1 {fused / n:.3f} -> {reranked / n:.3f} ({fused} -> {reranked} of {n})")
    if args.write:
        model = train(pooled)
        key = model_key()
        write(key, tree_data(model, matrix(pooled)[0]), BUNDLED)
        load_calibrations.cache_clear()
        print(f"written to {BUNDLED.with_name(RERANKER_FILE)}, named under {key!r} in {BUNDLED.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
