"""Fit the answerability model (knowledge.answerability) on labelled question sets and store it as data.

`python -m bench.fit_answerability [SET ...] [--sample] [--write]`: each SET is a folder with kb/ and
questions.jsonl (bench.fresh's format; `answerable` is the label); --sample adds the sample knowledge base's
labelled sets (samples/eval: retrieval, unanswerable, holdout and the blind rounds), so one fit pools every
labelled question there is. Every kb is ingested into its own temporary home with the configured embedding
model (or read from --homes DIR/<set name>, already ingested), each question is retrieved as `ask` would, and
its signals are collected. A
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


Labelled = tuple[str, bool, str]  # question, answerable, kind


def sample_questions() -> list[Labelled]:
    """The sample knowledge base's labelled questions: its retrieval set, unanswerable set, holdout and blind
    rounds (kinds "sample" and "sample_unanswerable")."""
    import json

    from bench.answers import BLIND_SETS, HOLDOUT, SAMPLES, load_holdout

    folder = SAMPLES / "eval"
    out: list[Labelled] = []
    for name, answerable in (("retrieval.jsonl", True), ("unanswerable.jsonl", False)):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append((json.loads(line)["q"], answerable, "sample" if answerable else "sample_unanswerable"))
    for path in (HOLDOUT, *BLIND_SETS.values()):
        if path.exists():
            out.extend(
                (c.question, c.answerable, "sample" if c.answerable else "sample_unanswerable")
                for c in load_holdout(path)
            )
    return out


def collect(
    kb: Path, questions: Sequence[Labelled], home: Path | None = None
) -> tuple[list[dict[str, float]], list[int], list[str]]:
    """Signals, labels (1 answerable) and kinds of the questions over one knowledge base: ingested into a
    temporary home, or read from `home` when it already holds it."""
    from core.settings import Settings
    from ingest.pipeline import sync_paths
    from workflows.services import Services

    rows: list[dict[str, float]] = []
    labels: list[int] = []
    kinds: list[str] = []
    with tempfile.TemporaryDirectory(prefix="salescoach-fit-") as tmp:
        services = Services(Settings(home=home or Path(tmp) / "home"))
        try:
            if home is None:
                sync_paths([kb], services.index, progress=False)
            retriever = services.retriever
            lex = services.index.lexical()
            glossary = retriever.glossary_in_use()
            for text, answerable, kind in questions:
                hits = retriever.search(text, k=services.settings.top_k)
                if not hits or (hits[0].blocked and all(h.blocked for h in hits)):
                    continue  # refused by rule; nothing for the model to learn
                hits = [h for h in hits if not h.blocked]  # as knowledge.answerability.judge reads them
                translated = retriever.translations(text, lex)

                def equivalents(term: str, translated: dict[str, list[str]] = translated) -> list[str]:
                    return [*(glossary.equivalents(term) if glossary else ()), *translated.get(term, ())]

                rows.append(signals(text, hits, lex, equivalents))
                labels.append(int(answerable))
                kinds.append(kind)
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
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--sample", action="store_true", help="add the sample knowledge base's labelled sets")
    parser.add_argument("--homes", type=Path, help="folder of already-ingested homes, one per set name")
    parser.add_argument("--write", action="store_true", help="store the fit in knowledge/calibration.yaml")
    args = parser.parse_args(argv)
    if not args.sets and not args.sample:
        parser.error("name at least one SET or --sample")
    from bench.answers import SAMPLES

    jobs: list[tuple[str, Path, list[Labelled]]] = [
        (folder.name, folder / "kb", [(q.q, q.answerable, q.kind) for q in load_questions(folder / "questions.jsonl")])
        for folder in args.sets
    ]
    if args.sample:
        jobs.append(("sample", SAMPLES / "kb", sample_questions()))
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    kinds: list[str] = []
    for name, kb, questions in jobs:
        home = args.homes / name if args.homes is not None else None
        set_rows, set_labels, set_kinds = collect(kb, questions, home if home is not None and home.exists() else None)
        rows += set_rows
        labels += set_labels
        kinds += set_kinds
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
