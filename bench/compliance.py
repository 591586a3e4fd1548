"""Compliance checker benchmark: precision and recall on the labelled drafts, per category, and speed.

A text counts as flagged when the checker reports any finding; precision and recall are on violations at text
level. Per category, a text is positive when its label lists the category, predicted when any finding has it.
Holdout rows (split "holdout", with the round they were written in) were written after the rules; each round
was committed before it was first scored.

The blind set (samples/eval/compliance_blind.jsonl) is reported apart: an independent reviewer's drafts, with
the first score of each round recorded below, because the live figures on it are after tuning.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from compliance.checker import ComplianceChecker
from compliance.rules import CATEGORIES, load_rules

LABELLED = Path(__file__).resolve().parent.parent / "samples" / "eval" / "compliance.jsonl"
_CJK = re.compile("[\u4e00-\u9fff]")
# Each holdout round as first scored, before the rules were generalised from its misses (recorded at the time;
# the rule file of that moment is in git at the round's data commit). These, not the current holdout figures,
# estimate how the rules do on drafts they have never seen. Round 7 was left untuned by the rules' author, but the
# blind-set reviewer's general changes since (from 9dc97a7 on; the reviewer had seen round 7's misses listed in
# this bench's output, and did not target them) moved its live figure: it is no longer a first score.
FIRST_SCORES: dict[int, dict[str, Any]] = {
    1: {"commit": "7c516b2", "tp": 13, "fp": 1, "fn": 7, "tn": 15},
    2: {"commit": "f97fef2", "tp": 8, "fp": 4, "fn": 11, "tn": 12},
    3: {"commit": "4e8fed3", "tp": 9, "fp": 0, "fn": 11, "tn": 20},
    4: {"commit": "6421e95", "tp": 8, "fp": 2, "fn": 12, "tn": 18},
    5: {"commit": "432a485", "tp": 11, "fp": 1, "fn": 9, "tn": 19},
    6: {"commit": "53a9945", "tp": 10, "fp": 1, "fn": 10, "tn": 19},
    7: {"commit": "91d864e", "tp": 13, "fp": 0, "fn": 7, "tn": 20},  # deliberately left untuned
}
BLIND = LABELLED.with_name("compliance_blind.jsonl")
# The blind rounds as first scored, (tp, fp, fn, tn) overall and per category, measured on 2026-11-27 by running
# the rules of `rules_commit` on the round committed in `data_commit`, before any rule was changed for it.
# Round 1 was written before its author had read the rule file or the labelled set; rounds 2 to 4 were written
# by the same reviewer after changing the rules, so 2 and 3 lean towards phrasings the rules miss (round 3 most:
# recall 0.17); round 4 aimed at typical rather than tricky drafts. These first
# scores, not the live blind figures (tuned on the misses), estimate how the rules do on drafts never seen.
BLIND_FIRST_SCORES: dict[int, dict[str, Any]] = {
    1: {
        "data_commit": "36f3a8c",
        "rules_commit": "36f3a8c",
        "overall": (51, 7, 11, 40),
        "categories": {
            "absolute_terms": (12, 6, 0, 91),
            "guarantees_returns": (8, 0, 1, 100),
            "unsourced_data": (5, 0, 6, 98),
            "disparagement": (4, 0, 2, 103),
            "commercial_bribery": (4, 0, 3, 102),
            "prize_promotion": (4, 0, 0, 105),
            "trade_secrets": (3, 0, 1, 105),
            "endorsement": (3, 0, 0, 106),
            "government_endorsement": (5, 0, 1, 103),
            "medical_claims": (5, 1, 1, 102),
        },
    },
    2: {
        "data_commit": "e5b23f1",
        "rules_commit": "9dc97a7",
        "overall": (20, 2, 24, 34),
        "categories": {
            "absolute_terms": (5, 2, 1, 72),
            "guarantees_returns": (1, 0, 5, 74),
            "unsourced_data": (2, 0, 4, 74),
            "disparagement": (0, 0, 5, 75),
            "commercial_bribery": (1, 0, 5, 74),
            "prize_promotion": (3, 0, 0, 77),
            "trade_secrets": (2, 0, 1, 77),
            "endorsement": (2, 0, 1, 77),
            "government_endorsement": (2, 0, 1, 77),
            "medical_claims": (3, 0, 1, 76),
        },
    },
    3: {
        "data_commit": "8c15b11",
        "rules_commit": "35eb76e",
        "overall": (6, 1, 29, 27),
        "categories": {
            "absolute_terms": (2, 1, 3, 57),
            "guarantees_returns": (0, 0, 5, 58),
            "unsourced_data": (0, 0, 5, 58),
            "disparagement": (0, 0, 4, 59),
            "commercial_bribery": (0, 0, 6, 57),
            "prize_promotion": (2, 0, 0, 61),
            "trade_secrets": (0, 0, 2, 61),
            "endorsement": (1, 1, 1, 60),
            "government_endorsement": (0, 0, 2, 61),
            "medical_claims": (0, 0, 3, 60),
        },
    },
    4: {
        "data_commit": "9e349da",
        "rules_commit": "95a9e8b",
        "overall": (23, 0, 7, 24),
        "categories": {
            "absolute_terms": (4, 0, 1, 49),
            "guarantees_returns": (3, 1, 1, 49),
            "unsourced_data": (3, 0, 2, 49),
            "disparagement": (4, 0, 0, 50),
            "commercial_bribery": (2, 0, 2, 50),
            "prize_promotion": (2, 0, 0, 52),
            "trade_secrets": (1, 0, 1, 52),
            "endorsement": (1, 0, 0, 53),
            "government_endorsement": (1, 0, 1, 52),
            "medical_claims": (2, 0, 0, 52),
        },
    },
}
TARGET_PRECISION = 0.95
TARGET_RECALL = 0.95
# Fresh rounds (samples/eval/compliance_fresh_r<N>.jsonl), each scored once on arrival with the code of
# `code_commit`, before anything was tuned on it; the full score of each is in bench/results/ (committed).
FRESH_FIRST_SCORES: dict[int, dict[str, Any]] = {
    1: {"code_commit": "85701e1", "tp": 30, "fp": 2, "fn": 14, "tn": 26, "right_law": (30, 30), "semantic": False},
    2: {"code_commit": "a9b6aa9", "tp": 30, "fp": 7, "fn": 25, "tn": 28, "right_law": (30, 30), "semantic": False},
    # Written without seeing the rules or rounds 1-2, held back until the checker was finished, scored once.
    3: {"code_commit": "ef5c43b", "tp": 33, "fp": 7, "fn": 29, "tn": 35, "right_law": (33, 33), "semantic": True},
    # Rounds 4 and 5: written without seeing the rules or earlier rounds; 4 scored once before the element rules,
    # 5 held back until the checker was finished and scored once.
    4: {"code_commit": "f80ba56", "tp": 63, "fp": 8, "fn": 22, "tn": 47, "right_law": (59, 63), "semantic": True},
    5: {"code_commit": "d4ece69", "tp": 78, "fp": 4, "fn": 21, "tn": 63, "right_law": (72, 78), "semantic": True},
    # Round 6: its three kinds of business (not its drafts) were known while the rules were worked on.
    6: {"code_commit": "b58e39a", "tp": 71, "fp": 5, "fn": 11, "tn": 45, "right_law": (64, 71), "semantic": True},
    # Round 7: three kinds of business nobody working on the rules knew; held back until the checker was final.
    7: {"code_commit": "3d2b367", "tp": 67, "fp": 4, "fn": 10, "tn": 46, "right_law": (66, 67), "semantic": True},
}
SEMANTIC_TARGET_MS = 20.0


@dataclass(frozen=True)
class Labelled:
    text: str
    compliant: bool
    categories: frozenset[str]
    split: str
    round: int | None = None


def load_labelled(path: Path = LABELLED) -> list[Labelled]:
    """The labelled set; a malformed line fails with its line number."""
    rows: list[Labelled] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            row = Labelled(
                text=raw["text"],
                compliant=bool(raw["compliant"]),
                categories=frozenset(raw["categories"]),
                split=raw.get("split", "dev"),
                round=raw.get("round"),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: bad labelled row: {exc}") from None
        unknown = row.categories - set(CATEGORIES)
        if unknown or row.compliant == bool(row.categories):
            raise ValueError(f"{path}:{number}: categories {sorted(row.categories)} bad for compliant")
        rows.append(row)
    return rows


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, actual: bool, predicted: bool) -> None:
        if actual and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    def figures(self) -> dict[str, Any]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return {
            "n": self.tp + self.fp + self.fn + self.tn,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
        }


@dataclass
class Evaluation:
    overall: Counts = field(default_factory=Counts)
    by_split: dict[str, Counts] = field(default_factory=dict)
    by_category: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    mistakes: list[dict[str, Any]] = field(default_factory=list)


def evaluate(checker: ComplianceChecker, rows: Iterable[Labelled]) -> Evaluation:
    """Score the checker on labelled rows: text-level violations, per split, per category, and the misses."""
    ev = Evaluation()
    for row in rows:
        result = checker.check(row.text)
        predicted = {f.category for f in result.findings}
        ev.overall.add(not row.compliant, not result.compliant)
        split = row.split if row.round is None else f"{row.split}-round{row.round}"
        for key in {row.split, split}:
            ev.by_split.setdefault(key, Counts()).add(not row.compliant, not result.compliant)
        for category in CATEGORIES:
            ev.by_category[category].add(category in row.categories, category in predicted)
        if predicted != row.categories:
            expected, found = sorted(row.categories), sorted(predicted)
            ev.mistakes.append({"text": row.text, "expected": expected, "found": found, "split": split})
    return ev


def throughput(checker: ComplianceChecker, texts: list[str], checks: int) -> tuple[float, float]:
    """Texts checked per wall-clock second and per CPU second (single thread), over >= `checks` checks.

    Both, because the wall figure drops when other processes share the CPU and the CPU figure does not.
    """
    done = 0
    wall, cpu = time.perf_counter(), time.process_time()
    while done < checks:
        for text in texts:
            checker.check(text)
        done += len(texts)
    return done / (time.perf_counter() - wall), done / (time.process_time() - cpu)


def run(quick: bool = False) -> dict[str, Any]:
    """Measure the shipped rule file against samples/eval/compliance.jsonl and print a table."""
    checker = ComplianceChecker(load_rules())
    rows = load_labelled()
    ev = evaluate(checker, rows)
    blind_rows = load_labelled(BLIND)
    blind = evaluate(checker, blind_rows)
    texts = [row.text for row in rows]
    long_text = " ".join(texts)  # one ~10k-character draft: the regexes must not blow up on long input
    speed, cpu_speed = throughput(checker, texts, 2_000 if quick else 20_000)
    started = time.perf_counter()
    checker.check(long_text)
    long_ms = (time.perf_counter() - started) * 1000
    overall = ev.overall.figures()
    result: dict[str, Any] = {
        "labelled_texts": len(rows),
        "chinese_share": round(sum(bool(_CJK.search(t)) for t in texts) / len(rows), 3),
        "compliant_share": round(sum(r.compliant for r in rows) / len(rows), 3),
        "rules": len(checker.rules),
        "overall": overall,
        "splits": {name: counts.figures() for name, counts in sorted(ev.by_split.items())},
        "categories": {name: counts.figures() for name, counts in ev.by_category.items()},
        "texts_per_second": round(speed),
        "texts_per_cpu_second": round(cpu_speed),
        "long_text_chars": len(long_text),
        "long_text_ms": round(long_ms, 2),
        "holdout_first_scores_recorded": _first_scores(),
        "mistakes": ev.mistakes,
        "targets": {"precision": TARGET_PRECISION, "recall": TARGET_RECALL},
        "targets_met": overall["precision"] >= TARGET_PRECISION and overall["recall"] >= TARGET_RECALL,
        "blind": {
            "texts": len(blind_rows),
            "chinese_share": round(sum(bool(_CJK.search(r.text)) for r in blind_rows) / len(blind_rows), 3),
            "compliant_share": round(sum(r.compliant for r in blind_rows) / len(blind_rows), 3),
            "overall": blind.overall.figures(),
            "rounds": {name: counts.figures() for name, counts in sorted(blind.by_split.items()) if name != "blind"},
            "categories": {name: counts.figures() for name, counts in blind.by_category.items()},
            "first_scores_recorded": blind_first_scores(),
            "mistakes": blind.mistakes,
        },
    }
    result["semantic"] = semantic_figures(texts[: 150 if quick else 400])
    result["fresh_rounds"] = fresh_rounds()
    result["targets_met"] = result["targets_met"] and result["semantic"].get("ms_per_draft", 0.0) < SEMANTIC_TARGET_MS
    _print(result)
    return result


def semantic_figures(texts: list[str]) -> dict[str, Any]:
    """The semantic detector's cost per draft (one embedding call plus a matrix product) and the full check's,
    wall and CPU, after warm-up; and the sample knowledge base's own lines that the full check flags."""
    checker = default_checker()
    detector = checker.semantic_detector()
    if detector is None:
        return {"available": False}
    for text in texts[:10]:
        detector.detect(text)  # warm-up: first calls allocate
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        detector.detect(text)
    ms, cpu_ms = (time.perf_counter() - wall) * 1000 / len(texts), (time.process_time() - cpu) * 1000 / len(texts)
    wall = time.perf_counter()
    for text in texts:
        checker.check(text)
    check_ms = (time.perf_counter() - wall) * 1000 / len(texts)
    kb_lines = sample_kb_lines()
    flagged = [line for line in kb_lines if not checker.check(line).compliant]
    return {
        "available": True,
        "examples": len(detector.examples),
        "drafts": len(texts),
        "ms_per_draft": round(ms, 2),
        "cpu_ms_per_draft": round(cpu_ms, 2),
        "full_check_ms_per_draft": round(check_ms, 2),
        "target_ms": SEMANTIC_TARGET_MS,
        "kb_lines": len(kb_lines),
        "kb_lines_flagged": len(flagged),
        "kb_flagged_examples": flagged[:10],
    }


def sample_kb_lines() -> list[str]:
    """The sample knowledge base's own lines (not the compliance rule cards, which quote banned phrases)."""
    from bs4 import BeautifulSoup

    lines: list[str] = []
    for path in sorted((LABELLED.parent.parent / "kb").rglob("*")):
        if not path.is_file() or path.name.startswith("compliance"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = BeautifulSoup(text, "html.parser").get_text("\n")
        lines += [line.strip() for line in text.splitlines() if len(line.strip()) >= 8]
    return lines


def fresh_rounds() -> dict[str, Any]:
    """Each fresh round: its recorded first score next to the live score of the shipped checker (tuned on it)."""
    checker = default_checker()
    rounds: dict[str, Any] = {}
    for path in sorted(LABELLED.parent.glob("compliance_fresh_r*.jsonl")):
        number = int(path.stem.rsplit("_r", 1)[1])
        live = score_round(checker, path)
        first = FRESH_FIRST_SCORES.get(number)
        rounds[f"round{number}"] = {
            "first": None
            if first is None
            else {**first, **Counts(*(first[k] for k in ("tp", "fp", "fn", "tn"))).figures()},
            "live": {"overall": live["overall"], "right_law": live["right_law"]},
        }
    return rounds


def _first_scores() -> dict[str, dict[str, Any]]:
    rounds = {
        f"round{n}": {**Counts(r["tp"], r["fp"], r["fn"], r["tn"]).figures(), "commit": r["commit"]}
        for n, r in FIRST_SCORES.items()
    }
    pooled = Counts(*(sum(r[k] for r in FIRST_SCORES.values()) for k in ("tp", "fp", "fn", "tn")))
    return {**rounds, "pooled": pooled.figures()}


def blind_first_scores() -> dict[str, dict[str, Any]]:
    """The recorded first score of each blind round (overall and per category) and all rounds pooled."""
    rounds: dict[str, dict[str, Any]] = {}
    for n, record in BLIND_FIRST_SCORES.items():
        rounds[f"round{n}"] = {
            **Counts(*record["overall"]).figures(),
            "data_commit": record["data_commit"],
            "rules_commit": record["rules_commit"],
            "categories": {name: Counts(*counts).figures() for name, counts in record["categories"].items()},
        }
    pooled = Counts(*(sum(r["overall"][i] for r in BLIND_FIRST_SCORES.values()) for i in range(4)))
    return {**rounds, "pooled": pooled.figures()}


def _print(result: dict[str, Any]) -> None:
    console = Console()
    title = f"Compliance checker: {result['labelled_texts']} labelled drafts, {result['rules']} rules"
    table = Table(title=title)
    for column in ("slice", "n", "precision", "recall", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "slice" else "right")

    def row(name: str, figures: dict[str, Any]) -> None:
        table.add_row(name, *(str(figures[k]) for k in ("n", "precision", "recall", "tp", "fp", "fn")))

    row("all", result["overall"])
    for name, figures in result["splits"].items():
        row(f"split {name}", figures)
    for name, figures in result["categories"].items():
        row(f"category {name}", figures)
    for name, figures in result["holdout_first_scores_recorded"].items():
        row(f"first score holdout {name}", figures)
    console.print(table)
    _print_blind(console, result["blind"])
    semantic = result.get("semantic", {})
    if semantic.get("available"):
        console.print(
            f"semantic: {semantic['ms_per_draft']} ms/draft ({semantic['cpu_ms_per_draft']} CPU ms), full check "
            f"{semantic['full_check_ms_per_draft']} ms/draft over {semantic['examples']} examples; sample KB lines "
            f"flagged {semantic['kb_lines_flagged']}/{semantic['kb_lines']}"
        )
    for name, scored in result.get("fresh_rounds", {}).items():
        first, live = scored["first"], scored["live"]["overall"]
        head = (
            f"first P {first['precision']} R {first['recall']} ({first['code_commit']})" if first else "no first score"
        )
        console.print(f"fresh {name}: {head}; live P {live['precision']} R {live['recall']}")
    console.print(
        f"speed: {result['texts_per_second']} texts/s ({result['texts_per_cpu_second']} per CPU second); "
        f"one {result['long_text_chars']}-char draft in {result['long_text_ms']} ms; "
        f"targets met: {result['targets_met']}"
    )
    for mistake in result["mistakes"][:20]:
        console.print(f"  [yellow]miss[/] {mistake}", highlight=False)


def _print_blind(console: Console, blind: dict[str, Any]) -> None:
    """The blind set: live figures (after tuning) next to each round's recorded first score."""
    table = Table(title=f"Blind set: {blind['texts']} drafts by an independent reviewer")
    for column in ("slice", "n", "precision", "recall", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "slice" else "right")

    def row(name: str, figures: dict[str, Any]) -> None:
        table.add_row(name, *(str(figures[k]) for k in ("n", "precision", "recall", "tp", "fp", "fn")))

    row("live all (tuned)", blind["overall"])
    for name, figures in blind["rounds"].items():
        row(f"live {name}", figures)
    for name, figures in blind["categories"].items():
        row(f"live {name}", figures)
    first = blind["first_scores_recorded"]
    for name, figures in first.items():
        row(f"FIRST SCORE {name}", figures)
    for name, figures in first["round1"]["categories"].items():
        row(f"first r1 {name}", figures)
    console.print(table)
    for mistake in blind["mistakes"][:20]:
        console.print(f"  [yellow]blind miss[/] {mistake}", highlight=False)


# --------------------------------------------------------------------------------------- fresh rounds
# Fresh rounds (samples/eval/compliance_fresh_r<N>.jsonl) are written by people who have not seen the rules; each
# is scored once on arrival, before anything is tuned on it, with `python -m bench.compliance --fresh FILE`.
# The lines carry the law the violation breaks ("law"), so a flagged violation is also checked for the right law.


def _language(text: str) -> str:
    return "zh" if _CJK.search(text) else "en"


def score_round(checker: ComplianceChecker, path: Path) -> dict[str, Any]:
    """Precision and recall at text level, right law on flagged violations, per category and per language.

    Right law: some finding of a flagged violation cites the law its label names (findings cite one law each;
    a rule's `also` note does not count). Works with any checker whose findings have `category` and `law`, so
    it can score older checkouts through PYTHONPATH.
    """
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    overall, by_lang = Counts(), {"zh": Counts(), "en": Counts()}
    by_category = {c: Counts() for c in CATEGORIES}
    right_law = flagged_violations = 0
    mistakes: list[dict[str, Any]] = []
    for number, row in enumerate(rows, 1):
        result = checker.check(row["text"])
        actual, predicted = not row["compliant"], not result.compliant
        overall.add(actual, predicted)
        by_lang[_language(row["text"])].add(actual, predicted)
        found = {f.category for f in result.findings}
        laws = {f.law for f in result.findings}
        for category in CATEGORIES:
            by_category[category].add(category in row["categories"], category in found)
        law_ok = None
        if actual and predicted:
            flagged_violations += 1
            law_ok = row.get("law") in laws
            right_law += law_ok
        if actual != predicted or law_ok is False or (actual and not found & set(row["categories"])):
            mistakes.append(
                {
                    "line": number,
                    "text": row["text"],
                    "expected": sorted(row["categories"]),
                    "law": row.get("law"),
                    "found": sorted(found),
                    "found_laws": sorted(laws),
                }
            )
    figures = overall.figures()
    law_share = right_law / flagged_violations if flagged_violations else 1.0
    return {
        "file": path.name,
        "texts": len(rows),
        "overall": figures,
        "right_law": {"flagged_violations": flagged_violations, "right": right_law, "share": round(law_share, 4)},
        "recall_with_right_law": round(right_law / (figures["tp"] + figures["fn"]), 4)
        if figures["tp"] + figures["fn"]
        else 1.0,
        "languages": {lang: counts.figures() for lang, counts in by_lang.items()},
        "categories": {name: counts.figures() for name, counts in by_category.items()},
        "mistakes": mistakes,
    }


def _print_round(scored: dict[str, Any]) -> None:
    console = Console()
    table = Table(title=f"{scored['file']}: {scored['texts']} drafts")
    for column in ("slice", "n", "precision", "recall", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "slice" else "right")

    def row(name: str, figures: dict[str, Any]) -> None:
        table.add_row(name, *(str(figures[k]) for k in ("n", "precision", "recall", "tp", "fp", "fn")))

    row("all", scored["overall"])
    for name, figures in scored["languages"].items():
        row(f"language {name}", figures)
    for name, figures in scored["categories"].items():
        row(f"category {name}", figures)
    console.print(table)
    law = scored["right_law"]
    console.print(
        f"right law on {law['right']}/{law['flagged_violations']} flagged violations ({law['share']}); "
        f"recall with the right law {scored['recall_with_right_law']}"
    )
    for mistake in scored["mistakes"]:
        console.print(f"  [yellow]mistake[/] {mistake}", highlight=False)


def default_checker(*, semantic: bool = True) -> ComplianceChecker:
    """The checker as `salescoach check` builds it: shipped rules plus the semantic second opinion over the
    default embedding backend (vectors cached under a temporary home when they are not the shipped ones)."""
    import tempfile

    from core.settings import Settings
    from knowledge.embeddings import load_embeddings

    settings = Settings(home=Path(tempfile.gettempdir()) / "salescoach-bench", compliance_semantic=semantic)
    return ComplianceChecker.from_settings(settings, embeddings_factory=lambda: load_embeddings(settings))


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.compliance [--fresh FILE --out JSON]`: the full benchmark, or one fresh round's score."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", type=Path, help="score one fresh round file (JSONL with text/compliant/law)")
    parser.add_argument("--out", type=Path, help="write the round's score here as JSON")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rules-only", action="store_true", help="score the rules without the semantic check")
    args = parser.parse_args(argv)
    if args.fresh is None:
        run(quick=args.quick)
        return 0
    scored = score_round(default_checker(semantic=not args.rules_only), args.fresh)
    _print_round(scored)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(scored, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
