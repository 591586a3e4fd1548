"""Fit the answerability model (knowledge.answerability) on labelled question sets and store it as data.

`python -m bench.fit_answerability SET [SET ...] [--write]`: each SET is a folder with kb/ and questions.jsonl
(bench.fresh's format; `answerable` is the label). Every set's kb is ingested into its own temporary home with
the configured embedding model, each question is retrieved as `ask` would, and its signals are collected. A
class-balanced L2 logistic regression (numpy, standardised inputs, weights folded back to raw scale) is fitted
on all of them; the threshold is the one with the best balanced accuracy. With --write the weights go into
knowledge/calibration.yaml under the model's entry; the YAML's other entries are kept.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.fresh import load_questions
from knowledge.answerability import FEATURES, signals

REPO = Path(__file__).resolve().parent.parent


def collect(folder: Path) -> tuple[list[dict[str, float]], list[int], list[str]]:
    """Signals, labels (1 answerable) and kinds of every question of one set, on a fresh home."""
    from core.settings import Settings
    from ingest.pipeline import sync_paths
    from workflows.services import Services

    questions = load_questions(folder / "questions.jsonl")
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    kinds: list[str] = []
    with tempfile.TemporaryDirectory(prefix="salescoach-fit-") as tmp:
        services = Services(Settings(home=Path(tmp) / "home"))
        try:
            sync_paths([folder / "kb"], services.index, progress=False)
            retriever = services.retriever
            lex = services.index.lexical()
            glossary = retriever.glossary_in_use()
            for question in questions:
                hits = retriever.search(question.q, k=services.settings.top_k)
                if not hits or (hits[0].blocked and all(h.blocked for h in hits)):
                    continue  # refused by rule; nothing for the model to learn
                translated = retriever.translations(question.q, lex)

                def equivalents(term: str, translated: dict[str, list[str]] = translated) -> list[str]:
                    return [*(glossary.equivalents(term) if glossary else ()), *translated.get(term, ())]

                rows.append(signals(question.q, hits, lex, equivalents))
                labels.append(int(question.answerable))
                kinds.append(question.kind)
        finally:
            services.close()
    return rows, labels, kinds


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 0.05, steps: int = 4000, rate: float = 0.5) -> np.ndarray:
    """Class-balanced logistic regression by gradient descent on standardised columns; returns [bias, w...]
    on the raw scale."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std < 1e-9] = 1.0
    z = (x - mean) / std
    pos = max(1, int(y.sum()))
    neg = max(1, len(y) - pos)
    sample = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * neg))
    w = np.zeros(z.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        g = (p - y) * sample
        w -= rate * (z.T @ g / len(y) + l2 * w)
        b -= rate * float(g.mean())
    raw_w = w / std
    return np.concatenate([[b - float((raw_w * mean).sum())], raw_w])


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The probability cut with the best balanced accuracy (answerable kept, unanswerable refused)."""
    best, cut = -1.0, 0.5
    for t in np.linspace(0.2, 0.8, 61):
        kept = float(((p >= t) & (y == 1)).sum() / max(1, (y == 1).sum()))
        refused = float(((p < t) & (y == 0)).sum() / max(1, (y == 0).sum()))
        if (kept + refused) / 2 > best:
            best, cut = (kept + refused) / 2, float(t)
    return round(cut, 3)


def write(model_key: str, params: np.ndarray, threshold: float, path: Path) -> None:
    """Put the fitted weights under `model_key` in the calibration YAML (other keys untouched)."""
    import yaml

    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entry = data.setdefault(model_key, {})
    entry["answerability"] = {
        "bias": round(float(params[0]), 4),
        "threshold": threshold,
        "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, params[1:], strict=True)},
    }
    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text("\n".join(header) + "\n" + body, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    from core.settings import Settings
    from knowledge.calibration import BUNDLED, calibration_for, load_calibrations
    from knowledge.embeddings import model_fingerprint

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--write", action="store_true", help="store the fit in knowledge/calibration.yaml")
    args = parser.parse_args(argv)
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    kinds: list[str] = []
    for folder in args.sets:
        r, y, k = collect(folder)
        rows += r
        labels += y
        kinds += k
    x = np.array([[row[name] for name in FEATURES] for row in rows], dtype=float)
    y = np.array(labels, dtype=float)
    params = fit(x, y)
    p = 1.0 / (1.0 + np.exp(-(x @ params[1:] + params[0])))
    threshold = best_threshold(p, y)
    print(f"{len(y)} questions, {int(y.sum())} answerable; threshold {threshold}")
    for name, w in zip(("bias", *FEATURES), params, strict=True):
        print(f"  {name:<16}{w:+.3f}")
    for cut in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        kept = float(((p >= cut) & (y == 1)).sum() / max(1, (y == 1).sum()))
        refused = float(((p < cut) & (y == 0)).sum() / max(1, (y == 0).sum()))
        print(f"  at {cut:.2f}: answerable kept {kept:.3f}, unanswerable refused {refused:.3f}")
    for kind in sorted(set(kinds)):
        mask = np.array([k == kind for k in kinds])
        right = np.where(y[mask] == 1, p[mask] >= threshold, p[mask] < threshold)
        print(f"  {kind:<12} {int(right.sum())}/{int(mask.sum())} right on the fitting data")
    if args.write:
        fingerprint = model_fingerprint(Settings())
        key = calibration_for(fingerprint).key
        if key == "default":
            key = fingerprint.split(" (")[0]
        write(key, params, threshold, BUNDLED)
        load_calibrations.cache_clear()
        print(f"written to {BUNDLED} under {key!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
