"""Score the real answer path on a fresh question set: a kb/ folder and a questions.jsonl beside it.

`python -m bench.fresh samples/fresh/<set> [--json OUT] [--label NAME]` builds a temporary home, ingests the set's
kb/ with the configured embedding model, asks every question through the assistant core (as `salescoach ask`
does) and scores it: an answerable question counts when the answer is grounded and holds every one of its
`facts` (case and line breaks ignored); an unanswerable one when the reply refuses. Figures come by question
kind and by language, with the misses listed, so a first score can be recorded before anything is tuned on
the set.

The module only uses the package's public surface (Services, sync_paths, Request), so older code can be scored
with the same file: `PYTHONPATH=/old/checkout python /path/to/bench/fresh.py SET` (run as a file, the old
checkout's modules shadow the installed ones).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("same_lang", "cross_lang", "chat", "procedure", "near_miss", "off_topic")


class QuestionFileError(ValueError):
    """A bad line in questions.jsonl; the message names the file, the line and the field."""


@dataclass(frozen=True)
class FreshQuestion:
    """One line of questions.jsonl (format in TEAM.md / bench README)."""

    q: str
    lang: str
    kind: str
    answerable: bool
    line: int
    source: str = ""
    section: str = ""
    facts: tuple[str, ...] = ()


@dataclass
class Outcome:
    """What the answer path did with one question, and whether that counts as right."""

    question: FreshQuestion
    grounded: bool
    answer: str
    cited_sources: list[str] = field(default_factory=list)
    missing_facts: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def correct(self) -> bool:
        if self.question.answerable:
            return self.grounded and not self.missing_facts
        return not self.grounded

    @property
    def right_source(self) -> bool:
        """The expected document is among the answer's citations (answerable questions only)."""
        return bool(self.question.source) and any(_same_file(s, self.question.source) for s in self.cited_sources)


def load_questions(path: Path) -> list[FreshQuestion]:
    """Read questions.jsonl; QuestionFileError naming file:line and field on the first bad line."""
    out: list[FreshQuestion] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise QuestionFileError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("q"), str) or not item["q"].strip():
            raise QuestionFileError(f"{path}:{number}: field 'q' must be a non-empty string")
        answerable = item.get("answerable")
        if not isinstance(answerable, bool):
            raise QuestionFileError(f"{path}:{number}: field 'answerable' must be true or false, got {answerable!r}")
        kind = str(item.get("kind", ""))
        if kind not in KINDS:
            raise QuestionFileError(f"{path}:{number}: field 'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
        facts = item.get("facts") or []
        if answerable and (not isinstance(facts, list) or not all(isinstance(f, str) and f.strip() for f in facts)):
            raise QuestionFileError(f"{path}:{number}: field 'facts' must be a list of non-empty strings")
        out.append(
            FreshQuestion(
                q=item["q"].strip(),
                lang=str(item.get("lang", "")),
                kind=kind,
                answerable=answerable,
                line=number,
                source=str(item.get("source") or ""),
                section=str(item.get("section") or ""),
                facts=tuple(f.strip() for f in facts) if answerable else (),
            )
        )
    if not out:
        raise QuestionFileError(f"{path}: no questions found")
    return out


def contains(answer: str, fact: str) -> bool:
    """Fact found in the answer, ignoring case and line breaks (a table row may wrap into the answer)."""
    return " ".join(fact.split()).casefold() in " ".join(answer.split()).casefold()


def _same_file(cited: str, expected: str) -> bool:
    return Path(cited).name == Path(expected).name


def ask_all(ask: Callable[[str], Any], questions: Sequence[FreshQuestion]) -> list[Outcome]:
    """Each question through `ask(text) -> Reply`, timed."""
    outcomes = []
    for question in questions:
        started = time.perf_counter()
        reply = ask(question.q)
        seconds = time.perf_counter() - started
        answer = str(reply.answer)
        outcomes.append(
            Outcome(
                question=question,
                grounded=bool(reply.grounded),
                answer=answer,
                cited_sources=[str(c.source) for c in reply.citations],
                missing_facts=[f for f in question.facts if not contains(answer, f)],
                seconds=seconds,
            )
        )
    return outcomes


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def score(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Figures by kind and language plus the headline rates the issue's targets are stated in."""
    answerable = [o for o in outcomes if o.question.answerable]
    unanswerable = [o for o in outcomes if not o.question.answerable]
    by_kind: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        group = [o for o in outcomes if o.question.kind == kind]
        if group:
            by_kind[kind] = {"n": len(group), "correct": sum(o.correct for o in group)}
            by_kind[kind]["rate"] = _rate(by_kind[kind]["correct"], len(group))
    by_lang: dict[str, dict[str, Any]] = {}
    for lang in sorted({o.question.lang for o in outcomes}):
        group = [o for o in outcomes if o.question.lang == lang]
        by_lang[lang] = {"n": len(group), "correct": sum(o.correct for o in group)}
        by_lang[lang]["rate"] = _rate(by_lang[lang]["correct"], len(group))
    cross = [o for o in answerable if o.question.kind == "cross_lang"]
    near = [o for o in unanswerable if o.question.kind == "near_miss"]
    off = [o for o in unanswerable if o.question.kind == "off_topic"]
    seconds = sorted(o.seconds for o in outcomes)
    return {
        "n": len(outcomes),
        "correct": sum(o.correct for o in outcomes),
        "fact_in_answer": _rate(sum(o.correct for o in answerable), len(answerable)),
        "answerable_n": len(answerable),
        "answerable_grounded": _rate(sum(o.grounded for o in answerable), len(answerable)),
        "right_source_cited": _rate(sum(o.right_source for o in answerable), len(answerable)),
        "cross_lang_fact": _rate(sum(o.correct for o in cross), len(cross)),
        "unanswerable_n": len(unanswerable),
        "unanswerable_refused": _rate(sum(o.correct for o in unanswerable), len(unanswerable)),
        "near_miss_refused": _rate(sum(o.correct for o in near), len(near)),
        "off_topic_refused": _rate(sum(o.correct for o in off), len(off)),
        "by_kind": by_kind,
        "by_lang": by_lang,
        "ask_p50_ms": round(1000 * statistics.median(seconds), 1) if seconds else None,
        "ask_p95_ms": round(1000 * seconds[max(0, int(0.95 * len(seconds)) - 1)], 1) if seconds else None,
        "misses": [
            {
                "line": o.question.line,
                "kind": o.question.kind,
                "lang": o.question.lang,
                "q": o.question.q,
                "answerable": o.question.answerable,
                "grounded": o.grounded,
                "missing_facts": o.missing_facts,
                "expected_source": o.question.source,
                "cited": o.cited_sources[:3],
                "answer": o.answer[:300],
            }
            for o in outcomes
            if not o.correct
        ],
    }


def run_set(folder: Path, *, home: Path | None = None) -> dict[str, Any]:
    """Ingest `folder`/kb into a fresh home (a temporary one unless given), ask everything, score it."""
    from core.messages import Request
    from core.settings import Settings
    from ingest.pipeline import sync_paths
    from workflows.services import Services

    questions = load_questions(folder / "questions.jsonl")
    with tempfile.TemporaryDirectory(prefix="salescoach-fresh-") as tmp:
        settings = Settings(home=home or Path(tmp) / "home")
        services = Services(settings)
        started = time.perf_counter()
        report = sync_paths([folder / "kb"], services.index, progress=False)
        ingest_s = time.perf_counter() - started
        try:
            outcomes = ask_all(lambda q: services.assistant.ask(Request(text=q)), questions)
        finally:
            services.close()
    result = score(outcomes)
    result["set"] = folder.name
    result["ingest"] = {"summary": report.summary(), "failed": report.failed, "seconds": round(ingest_s, 2)}
    return result


def print_table(result: dict[str, Any], out: Any = sys.stdout) -> None:
    """The by-kind table and the headline rates, plain text."""
    print(f"fresh set {result.get('set', '')}: {result['correct']}/{result['n']} right", file=out)
    print(f"{'kind':<12}{'n':>4}{'right':>7}{'rate':>8}", file=out)
    for kind, row in result["by_kind"].items():
        print(f"{kind:<12}{row['n']:>4}{row['correct']:>7}{row['rate']:>8.2f}", file=out)
    for key in (
        "fact_in_answer",
        "cross_lang_fact",
        "right_source_cited",
        "unanswerable_refused",
        "near_miss_refused",
        "off_topic_refused",
        "ask_p95_ms",
    ):
        print(f"{key}: {result[key]}", file=out)


REPO = Path(__file__).resolve().parent.parent
FRESH = REPO / "samples" / "fresh"
FIRST_SCORES = Path(__file__).resolve().parent / "first_scores"
# The targets, stated on the first score of the last fresh round.
TARGETS = {"fact_in_answer": 0.75, "cross_lang_fact": 0.65, "near_miss_refused": 0.80, "off_topic_refused": 1.0}


def ready_sets(root: Path = FRESH) -> list[Path]:
    """Fresh sets whose writer has finished (a READY file), oldest first (the last is the latest round)."""
    ready = [p for p in root.glob("*/READY") if (p.parent / "questions.jsonl").exists()]
    return [p.parent for p in sorted(ready, key=lambda p: (p.stat().st_mtime, p.parent.name))]


def first_scores(name: str) -> dict[str, dict[str, Any]]:
    """The recorded first scores of a set (bench/first_scores/<set>-*.json): by label, the headline rates."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(FIRST_SCORES.glob(f"{name}-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[str(data.get("label") or path.stem)] = {
            key: data.get(key)
            for key in ("correct", "n", "fact_in_answer", "cross_lang_fact", "near_miss_refused", "off_topic_refused")
        } | {"by_kind": {k: f"{v['correct']}/{v['n']}" for k, v in data.get("by_kind", {}).items()}}
    return out


def run(quick: bool = False) -> dict[str, Any]:
    """`make bench`: every READY fresh set scored on the current code, next to its recorded first scores.

    These figures are not first scores (the current code may have been tuned on a set once it was scored);
    the first scores stay in bench/first_scores/. `quick` changes nothing.
    """
    results: dict[str, Any] = {}
    for folder in ready_sets():
        result = run_set(folder)
        print_table(result)
        result["first_scores"] = first_scores(folder.name)
        results[folder.name] = result
    last = results[list(results)[-1]] if results else None
    results["targets"] = TARGETS
    if last is not None:
        results["targets_met"] = all((last.get(k) or 0.0) >= v for k, v in TARGETS.items())
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a fresh set: kb/ and questions.jsonl")
    parser.add_argument("--json", type=Path, help="write the full result here")
    parser.add_argument("--label", default="", help="recorded in the JSON (e.g. the commit scored)")
    args = parser.parse_args(argv)
    try:
        result = run_set(args.folder)
    except QuestionFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    result["label"] = args.label
    print_table(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    # Run as a file, this folder comes first on sys.path and its bot.py would shadow the `bot` package.
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    sys.exit(main())
