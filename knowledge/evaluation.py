"""Retrieval evaluation over a JSONL set of {"q", "source", "section"}: recall@1, recall@k, MRR, latency.

A hit is a citation among the top k whose source ends with the expected file name and whose section path
contains the expected heading (case-insensitive). Results are deduplicated by (source, section) first, exactly
as the answerer builds citations, so the numbers describe what a rep would see.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from knowledge.retriever import HybridRetriever, ScoredChunk


class EvalFileError(ValueError):
    """A bad line in an eval file; the message names the file, the line and the field."""


@dataclass(frozen=True)
class EvalCase:
    question: str
    source: str
    section: str
    line: int


@dataclass
class CaseResult:
    case: EvalCase
    rank: int | None  # 1-based rank of the first hit among the top k, None when missed
    latency_ms: float
    top: list[tuple[str, str]] = field(default_factory=list)  # (source, section) of the results


@dataclass
class EvalReport:
    k: int
    mode: str
    results: list[CaseResult]

    @property
    def n(self) -> int:
        return len(self.results)

    def recall_at(self, k: int) -> float:
        if not self.results:
            return 0.0
        return sum(1 for r in self.results if r.rank is not None and r.rank <= k) / self.n

    @property
    def mrr(self) -> float:
        if not self.results:
            return 0.0
        return sum(1.0 / r.rank for r in self.results if r.rank is not None) / self.n

    def latency(self, percentile: float) -> float:
        if not self.results:
            return 0.0
        return float(np.percentile([r.latency_ms for r in self.results], percentile))

    def misses(self) -> list[CaseResult]:
        return [r for r in self.results if r.rank is None]

    def to_json_dict(self) -> dict[str, float | int]:
        """The `eval --json` contract (recall_at_5 means recall@k)."""
        return {
            "recall_at_1": round(self.recall_at(1), 4),
            "recall_at_5": round(self.recall_at(self.k), 4),
            "mrr": round(self.mrr, 4),
            "p50_ms": round(self.latency(50), 2),
            "p95_ms": round(self.latency(95), 2),
            "n": self.n,
        }


def load_cases(path: Path) -> list[EvalCase]:
    """Read and validate the JSONL file; raise EvalFileError naming file:line and the field on bad input."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"{path}: cannot read ({exc})") from exc
    cases: list[EvalCase] = []
    problems: list[str] = []  # every bad line, not only the first: fix the file in one go
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(item, dict):
            problems.append(f"{path}:{number}: expected an object with q, source, section")
            continue
        if item.get("answerable") is False:
            continue  # a refusal case (answers holdout): nothing to retrieve
        bad = [key for key in ("q", "source", "section") if not isinstance(item.get(key), str) or not item[key].strip()]
        if bad:
            problems.extend(f"{path}:{number}: field {key!r} must be a non-empty string" for key in bad)
            continue
        cases.append(EvalCase(item["q"].strip(), item["source"].strip(), item["section"].strip(), number))
    if problems:
        raise EvalFileError("\n".join(problems))
    if not cases:
        raise EvalFileError(f"{path}: no questions found")
    return cases


def is_hit(case: EvalCase, source: str, section: str) -> bool:
    expected_file = Path(case.source).name
    return source.replace("\\", "/").endswith(expected_file) and case.section.lower() in section.lower()


def distinct_citations(hits: Sequence[ScoredChunk], k: int) -> list[tuple[str, str]]:
    """(source, section) of the results in order, deduplicated like citations, at most k."""
    seen: list[tuple[str, str]] = []
    for hit in hits:
        key = (hit.source, hit.section)
        if key not in seen:
            seen.append(key)
        if len(seen) == k:
            break
    return seen


def evaluate(
    retriever: HybridRetriever,
    cases: Sequence[EvalCase],
    *,
    k: int = 5,
    clock: Callable[[], float] = time.perf_counter,
) -> EvalReport:
    """Run every case through the retriever in this (warm) process; one untimed warm-up query first."""
    if cases:
        retriever.search(cases[0].question, k=k)
    results: list[CaseResult] = []
    for case in cases:
        start = clock()
        hits = retriever.search(case.question, k=3 * k)
        elapsed = (clock() - start) * 1000.0
        top = distinct_citations(hits, k)
        rank = next((i for i, (src, sec) in enumerate(top, start=1) if is_hit(case, src, sec)), None)
        results.append(CaseResult(case, rank, elapsed, top))
    return EvalReport(k=k, mode=retriever.mode, results=results)
