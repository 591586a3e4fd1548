"""Fit the answerability model (knowledge.answerability) on labelled question sets and store it as data.

`python -m bench.fit_answerability [SET ...] [--sample] [--write]`: each SET is a folder with kb/ and
questions.jsonl (bench.fresh's format; `answerable` is the label); --sample adds the sample knowledge base's
labelled sets (samples/eval: retrieval, unanswerable, holdout and the blind rounds), so one fit pools every
labelled question there is. Every kb is ingested into its own temporary home with the configured embedding
model (or read from --homes DIR/<set name>, already ingested), each question is retrieved as `ask` would, and
its signals are collected. A
class-balanced L2 logistic regression (numpy, standardised inputs, weights folded back to raw scale) is fitted
on all of them; the threshold follows a stated rule (best_threshold: the most answerable questions kept among
the cuts refusing enough off-topic questions and near misses). With several sets it also reports leave one set
out: fit and threshold on the others, scored on the one left out, the estimate for a knowledge base the fit has
never seen. --homes DIR keeps each set's ingested home under DIR/<set name> (ingested there when missing);
--signals FILE caches the collected signals so refits and rule changes take seconds. With --write the weights go
into knowledge/calibration.yaml under the model's entry; the YAML's other entries are kept.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from bench.fresh import QuestionFileError, load_questions
from knowledge.answerability import FEATURES

REPO = Path(__file__).resolve().parent.parent


class Labelled(NamedTuple):
    """One labelled question and what a right answer to it holds: its key facts, or at least its source."""

    q: str
    answerable: bool
    kind: str
    facts: tuple[str, ...] = ()
    source: str = ""


def sample_questions() -> list[Labelled]:
    """The sample knowledge base's labelled questions: its retrieval set, unanswerable set, holdout and blind
    rounds (kinds "sample" and "sample_unanswerable")."""

    from bench.answers import BLIND_SETS, HOLDOUT, SAMPLES, load_holdout

    folder = SAMPLES / "eval"
    out: list[Labelled] = []
    for name, answerable in (("retrieval.jsonl", True), ("unanswerable.jsonl", False)):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                kind = "sample" if answerable else "sample_unanswerable"
                out.append(Labelled(item["q"], answerable, kind, source=item.get("source", "")))
    for path in (HOLDOUT, *BLIND_SETS.values()):
        if path.exists():
            out.extend(
                Labelled(
                    c.question,
                    c.answerable,
                    "sample" if c.answerable else "sample_unanswerable",
                    (c.fact,) if c.fact else (),
                    c.source,
                )
                for c in load_holdout(path)
            )
    return out


@contextmanager
def set_services(kb: Path, home: Path | None) -> Iterator[Any]:
    """Services over one labelled set's knowledge base: read from `home` when it already holds it, else ingested
    into `home` (kept for the next run) or a temporary one."""
    from core.settings import Settings
    from ingest.pipeline import sync_paths
    from workflows.services import Services

    with tempfile.TemporaryDirectory(prefix="salescoach-fit-") as tmp:
        fresh = home is None or not home.exists()
        services = Services(Settings(home=home or Path(tmp) / "home"))
        try:
            if fresh:
                sync_paths([kb], services.index, progress=False)
            yield services
        finally:
            services.close()


def collect(
    kb: Path, questions: Sequence[Labelled], home: Path | None = None
) -> tuple[list[dict[str, float | str]], list[int], list[str]]:
    """Signals, labels (1 answerable) and kinds of the questions over one knowledge base: ingested into
    `home` (kept for the next run) or a temporary one, or read from `home` when it already holds it. A question
    refused by rule before the fitted model gets a row with "ruled" set (the rule's name): the model does not
    learn from it, the end-to-end figures count it as refused. Every answerable question is also answered as if
    judged answerable: "right" in its row says whether that answer holds its key facts (or, without facts,
    cites its source), so the fit can learn which questions the composer gets right, not only which ones the
    documents cover."""
    rows: list[dict[str, float | str]] = []
    labels: list[int] = []
    kinds: list[str] = []
    with set_services(kb, home) as services:
        retriever = services.retriever
        for text, answerable, kind, facts, source in questions:
            hits = retriever.search(text, k=services.settings.top_k)
            # As `ask` judges it: a question refused by rule (a model, a year, a name or a qualifier the
            # documents lack) never reaches the fitted model.
            verdict = retriever.assess(text, hits, services.settings.relevance_threshold) if hits else None
            ruled = "empty" if verdict is None else verdict.blocked
            features = {} if verdict is None else verdict.features
            granted = "" if verdict is None else verdict.granted
            right = -1.0  # unanswerable
            if answerable:
                right = float(bool(hits) and answered_right(services.answerer, text, hits, facts, source))
            rows.append({**features, "question": text, "ruled": ruled, "granted": granted, "right": right})
            labels.append(int(answerable))
            kinds.append(kind)
    return rows, labels, kinds


def answered_right(answerer: Any, question: str, hits: Sequence[Any], facts: Sequence[str], source: str) -> bool:
    """The composer's answer from `hits` holds every key fact (case and spacing ignored) or, for a question
    labelled with its source only, cites that source."""
    from bench.fresh import contains
    from knowledge.retriever import is_chinese

    reply = answerer.compose(question, hits, "zh" if is_chinese(question) else "en")
    if facts:
        return all(contains(reply.answer, fact) for fact in facts)
    return bool(source) and any(Path(c.source).name == Path(source).name for c in reply.citations)


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


def rates(
    p: np.ndarray, y: np.ndarray, kinds: Sequence[str], cut: float, right: np.ndarray | None = None
) -> dict[str, float]:
    """At probability cut `cut`: share of answerable questions kept, of near misses and of off-topic questions
    refused (a kind absent from the data counts as fully refused); with `right` (1 where the composer's answer
    holds the key facts), also the share of those kept: the key-fact rate the gate lets through."""
    k = np.array(kinds)

    def share(mask: np.ndarray, keep: bool) -> float:
        if not mask.any():
            return 1.0
        hit = p[mask] >= cut if keep else p[mask] < cut
        return float(hit.mean())

    out = {
        "kept": share(y == 1, True),
        "near_refused": share((y == 0) & (k == "near_miss"), False),
        "off_refused": share((y == 0) & (k == "off_topic"), False),
        "unanswerable_refused": share(y == 0, False),
    }
    if right is not None:
        out["right_kept"] = share((y == 1) & (right == 1), True)
    return out


NEAR_MISS_FLOOR = 0.70  # the threshold rule: near misses refused at least this often (rules included) ...
OFF_TOPIC_FLOOR = 0.97  # ... and off-topic questions this often; among those cuts, keep the most answerable


def best_threshold(
    p: np.ndarray,
    y: np.ndarray,
    kinds: Sequence[str] | None = None,
    *,
    near_floor: float = NEAR_MISS_FLOOR,
    off_floor: float = OFF_TOPIC_FLOOR,
) -> float:
    """The probability cut that keeps the most answerable questions while refusing at least `off_floor` of
    the off-topic questions and `near_floor` of the near misses (questions refused by rule count with p = 0).
    When no cut meets both floors, the one that falls least short of them, then keeps the most. A stated
    rule, not balanced accuracy: a refused answerable question costs a rep a look-up, an answered off-topic
    one costs trust."""
    kinds = list(kinds) if kinds is not None else ["" for _ in y]
    cuts = np.round(np.linspace(0.05, 0.95, 181), 3)
    scored = []
    for cut in cuts:
        r = rates(p, y, kinds, float(cut))
        floors = min(r["off_refused"] - off_floor, r["near_refused"] - near_floor, 0.0)
        balanced = (r["kept"] + r["unanswerable_refused"]) / 2
        scored.append((floors, r["kept"], balanced, -float(cut)))
    best = max(range(len(cuts)), key=lambda i: scored[i])
    return float(cuts[best])


def predict(params: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The model's probability of answerable for each row of `x`."""
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ params[1:] + params[0]))))


TREES_FILE = "answerability_trees.json"  # beside calibration.yaml
# Boosted trees' settings: shallow trees, many small steps, leaves of 20+ questions, each tree on 80% of the rows.
# Chosen on leave one set out over the labelled sets (depth 2-4 and 100-200 trees all within a point).
TREE_SETTINGS: dict[str, Any] = {
    "n_estimators": 150,
    "max_depth": 3,
    "learning_rate": 0.05,
    "min_samples_leaf": 20,
    "subsample": 0.8,
    "random_state": 0,
}
TREE_FOLDS = 6  # the threshold of a tree ensemble is set on out-of-fold probabilities, folds made of whole sets


Predictor = Any  # x -> P(answerable), one per row


def train(x: np.ndarray, y: np.ndarray, *, trees: bool) -> tuple[Predictor, Any]:
    """(predictor, fitted model) on rows x: the logistic regression's [bias, w...], or a class-balanced
    gradient-boosted tree ensemble (scikit-learn, a dependency of sentence-transformers)."""
    if not trees:
        params = fit(x, y)
        return (lambda z: predict(params, z)), params
    from sklearn.ensemble import GradientBoostingClassifier

    pos = max(1.0, float(y.sum()))
    neg = max(1.0, float(len(y) - y.sum()))
    weight = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * neg))
    model = GradientBoostingClassifier(**TREE_SETTINGS).fit(x, y, sample_weight=weight)
    return (lambda z: model.predict_proba(z)[:, 1]), model


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: Sequence[str], usable: np.ndarray, *, trees: bool) -> np.ndarray:
    """P(answerable) of every row from a model that did not see its set: what the threshold is chosen on for
    trees, whose probabilities on their own training rows are too confident to cut. (The logistic model's
    in-sample probabilities are as good as unseen ones: it has 21 parameters for 2,000+ rows.)"""
    if not trees:
        predictor, _ = train(x[usable], y[usable], trees=False)
        return np.asarray(predictor(x))
    names = sorted(set(groups))
    group = np.array(groups)
    p = np.zeros(len(y))
    for fold in range(TREE_FOLDS):
        held = np.isin(group, names[fold::TREE_FOLDS])
        if not held.any():
            continue
        predictor, _ = train(x[usable & ~held], y[usable & ~held], trees=True)
        p[held] = predictor(x[held])
    return p


def tree_data(model: Any, x: np.ndarray) -> dict[str, Any]:
    """The fitted ensemble as knowledge.calibration.TreeEnsemble reads it: per tree, nodes of (feature,
    threshold, left, right, value); the base log-odds is what the ensemble adds to its trees' sum."""
    rate = float(model.learning_rate)
    trees = []
    for estimator in model.estimators_[:, 0]:
        t = estimator.tree_
        trees.append(
            [
                [
                    int(t.feature[i]),
                    round(float(t.threshold[i]), 6),
                    int(t.children_left[i]),
                    int(t.children_right[i]),
                    round(float(t.value[i][0][0]), 6),
                ]
                for i in range(t.node_count)
            ]
        )
    first = x[:1]
    base = float(model.decision_function(first)[0]) - rate * sum(
        float(e.predict(first)[0]) for e in model.estimators_[:, 0]
    )
    return {"features": list(FEATURES), "base": round(base, 6), "rate": rate, "trees": trees}


def write(
    model_key: str, params: np.ndarray, threshold: float, path: Path, trees: dict[str, Any] | None = None
) -> None:
    """Put the fitted weights under `model_key` in the calibration YAML (other keys untouched)."""
    import yaml

    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entry = data.setdefault(model_key, {})
    entry["answerability"] = {
        "bias": round(float(params[0]), 4),
        "threshold": threshold,
        "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, params[1:], strict=True)},
    }
    if trees is not None:
        # The weights stay for reading (which way each signal pulls); the trees decide.
        entry["answerability"]["trees"] = TREES_FILE
        path.with_name(TREES_FILE).write_text(json.dumps(trees, separators=(",", ":")) + "\n", encoding="utf-8")
    else:
        path.with_name(TREES_FILE).unlink(missing_ok=True)
    rewrite(path, data)


def rewrite(path: Path, data: dict[str, Any]) -> None:
    """Write `data` to the calibration YAML, keeping its comment lines on top (they say what was fitted how)."""
    import yaml

    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text("\n".join(header) + "\n" + body, encoding="utf-8")


def model_key() -> str:
    """The calibration entry the configured embedding model reads (a new entry named for it if none matches)."""
    from core.settings import Settings
    from knowledge.calibration import calibration_for
    from knowledge.embeddings import model_fingerprint

    fingerprint = model_fingerprint(Settings())
    key = calibration_for(fingerprint).key
    return fingerprint.split(" (")[0] if key == "default" else key


def add_set_arguments(parser: argparse.ArgumentParser) -> None:
    """The labelled sets a fit reads: folders, the sample's sets, where their ingested homes are kept."""
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--sample", action="store_true", help="add the sample knowledge base's labelled sets")
    parser.add_argument("--homes", type=Path, help="folder of ingested homes, one per set name (made when missing)")


def parse_sets(
    parser: argparse.ArgumentParser, argv: Sequence[str] | None
) -> tuple[argparse.Namespace, list[tuple[str, Path, list[Labelled]]]] | None:
    """The arguments and the sets they name; None after a one-line error for a questions file that is bad."""
    args = parser.parse_args(argv)
    try:
        return args, labelled_sets(parser, args)
    except QuestionFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def labelled_sets(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[tuple[str, Path, list[Labelled]]]:
    """(name, kb folder, questions) of each set the arguments name; a usage error for a folder that is no set,
    QuestionFileError (naming file, line and field) for a bad questions file."""
    from bench.answers import SAMPLES

    if not args.sets and not args.sample:
        parser.error("name at least one SET or --sample")
    for folder in args.sets:
        if not (folder / "questions.jsonl").is_file() or not (folder / "kb").is_dir():
            parser.error(f"{folder}: not a labelled set (needs kb/ and questions.jsonl)")
    jobs = [
        (
            folder.name,
            folder / "kb",
            [
                Labelled(q.q, q.answerable, q.kind, q.facts, q.source)
                for q in load_questions(folder / "questions.jsonl")
            ],
        )
        for folder in args.sets
    ]
    if args.sample:
        jobs.append(("sample", SAMPLES / "kb", sample_questions()))
    return jobs


def main(argv: Sequence[str] | None = None) -> int:
    from knowledge.calibration import BUNDLED, load_calibrations

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_set_arguments(parser)
    parser.add_argument("--signals", type=Path, help="JSON cache of the collected signals, per set name")
    parser.add_argument("--write", action="store_true", help="store the fit in knowledge/calibration.yaml")
    parser.add_argument("--near-floor", type=float, default=NEAR_MISS_FLOOR, help="near misses refused at least")
    parser.add_argument("--off-floor", type=float, default=OFF_TOPIC_FLOOR, help="off-topic refused at least")
    parser.add_argument("--threshold", type=float, help="write this cut instead of the rule's (say why in the YAML)")
    parser.add_argument("--trees", action="store_true", help="fit boosted trees instead of the logistic model")
    parser.add_argument(
        "--no-leave-one-out", action="store_true", help="skip the leave-one-set-out estimate (minutes with --trees)"
    )
    parser.add_argument(
        "--label",
        choices=("right", "answerable"),
        default="right",
        help="right (default): learn from the answerable questions the composer answers right and the "
        "unanswerable ones, leaving out answerable ones it gets wrong; answerable: every answerable question",
    )
    parsed = parse_sets(parser, argv)
    if parsed is None:
        return 2
    args, jobs = parsed
    cache: dict[str, Any] = {}
    if args.signals is not None and args.signals.exists():
        cache = json.loads(args.signals.read_text(encoding="utf-8"))
    rows: list[dict[str, float | str]] = []
    labels: list[int] = []
    kinds: list[str] = []
    groups: list[str] = []
    for name, kb, questions in jobs:
        if name not in cache:
            home = args.homes / name if args.homes is not None else None
            set_rows, set_labels, set_kinds = collect(kb, questions, home)
            cache[name] = {"rows": set_rows, "labels": set_labels, "kinds": set_kinds}
        rows += cache[name]["rows"]
        labels += cache[name]["labels"]
        kinds += cache[name]["kinds"]
        groups += [name] * len(cache[name]["labels"])
    if args.signals is not None:
        args.signals.write_text(json.dumps(cache), encoding="utf-8")
    if args.label == "right" and any("right" not in row for row in rows):
        print(
            f"error: {args.signals}: signals collected before answers were checked; delete the file to collect them "
            "again, or fit with --label answerable",
            file=sys.stderr,
        )
        return 2
    if args.label == "right":
        # An answerable question the composer gets wrong is no example of either side: answered, it misleads
        # with a citation; refused, nothing is lost that the key-fact measure counts.
        keep = [
            not (label == 1 and float(row.get("right", 1.0)) == 0.0) for row, label in zip(rows, labels, strict=True)
        ]
        rows, labels, kinds, groups = (
            [item for item, kept in zip(column, keep, strict=True) if kept] for column in (rows, labels, kinds, groups)
        )
    x = np.array([[float(row.get(name, 0.0)) for name in FEATURES] for row in rows], dtype=float)
    y = np.array(labels, dtype=float)
    ruled = np.array([bool(row.get("ruled")) for row in rows])
    granted = np.array([bool(row.get("granted")) for row in rows])
    right = np.array([float(row.get("right", 1.0)) for row in rows])
    floors = {"near_floor": args.near_floor, "off_floor": args.off_floor}

    def judged(probability: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """P(answerable) of the rows in `mask`, 0 for those refused by rule, 1 for those answered by rule
        (knowledge.answerability grants them whatever the probability)."""
        return np.where(ruled[mask], 0.0, np.where(granted[mask], 1.0, probability[mask]))

    everyone = np.ones(len(y), dtype=bool)
    usable = ~ruled & ~granted
    params = fit(x[usable], y[usable])
    predictor, model = train(x[usable], y[usable], trees=args.trees)
    p = judged(np.asarray(predictor(x)), everyone)
    threshold = best_threshold(
        judged(out_of_fold(x, y, groups, usable, trees=args.trees), everyone), y, kinds, **floors
    )
    print(f"{len(y)} questions, {int(y.sum())} answerable, {int(ruled.sum())} refused by rule; threshold {threshold}")
    for kind in sorted(set(kinds)):
        in_kind = np.array([k == kind for k in kinds])
        print(
            f"  refused by rule, {kind:<20} {int((ruled & in_kind).sum())} of {int(in_kind.sum())}"
            f" (answered by rule {int((granted & in_kind).sum())})"
        )
    for name, w in zip(("bias", *FEATURES), params, strict=True):
        print(f"  {name:<20}{w:+.3f}")
    for name in sorted(set(groups)):
        mask = np.array([g == name for g in groups])
        r = rates(p[mask], y[mask], [k for k, m in zip(kinds, mask, strict=True) if m], threshold, right[mask])
        print(f"  fitted, {name:<10} " + ", ".join(f"{key} {value:.3f}" for key, value in r.items()))
    if len(set(groups)) > 1 and not args.no_leave_one_out:
        print("leave one set out (fit and threshold on the others, scored on the one left out; rules included):")
        pooled = np.zeros_like(p)
        for name in sorted(set(groups)):
            out = np.array([g == name for g in groups])
            held, _ = train(x[~out & usable], y[~out & usable], trees=args.trees)
            others = [k for k, m in zip(kinds, out, strict=True) if not m]
            rest = [g for g, m in zip(groups, out, strict=True) if not m]
            unseen = np.zeros(len(y))
            unseen[~out] = out_of_fold(x[~out], y[~out], rest, usable[~out], trees=args.trees)
            cut = best_threshold(judged(unseen, ~out), y[~out], others, **floors)
            pooled[out] = np.where(ruled[out], -1.0, judged(np.asarray(held(x)), out) - cut + 0.5)
            r = rates(pooled[out], y[out], [k for k, m in zip(kinds, out, strict=True) if m], 0.5, right[out])
            print(f"  {name:<10} cut {cut:.3f}: " + ", ".join(f"{key} {value:.3f}" for key, value in r.items()))
        r = rates(pooled, y, kinds, 0.5, right)
        print("  pooled     " + ", ".join(f"{key} {value:.3f}" for key, value in r.items()))
    if args.write:
        key = model_key()
        chosen = threshold if args.threshold is None else args.threshold
        write(key, params, chosen, BUNDLED, tree_data(model, x) if args.trees else None)
        load_calibrations.cache_clear()
        print(f"written to {BUNDLED} under {key!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
