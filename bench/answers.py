"""Answer benchmark: does `ask` answer what the sample KB covers, refuse what it does not, and say the key fact?

Measured with the real bundled model on a fresh home holding the sample KB, over two kinds of set:
- the tuning sets the thresholds were set on (samples/eval/retrieval.jsonl, samples/eval/unanswerable.jsonl);
- the holdout (samples/eval/answers_holdout.jsonl), written and committed before the answer/grounding changes it
  judges: answerable lines {"q", "source", "section", optional "fact"} and unanswerable lines
  {"q", "answerable": false}. "fact" is a substring the extractive answer should contain ("24个月", "60 days").
Figures: grounded rate on answerable questions, refusal rate on unanswerable ones, recall@1/recall@5 of the
retriever (the `salescoach eval` computation), and the share of answers containing their key fact.
`python -m bench.answers --home PATH` measures an already-ingested home instead of building one.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from workflows.services import Services

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
HOLDOUT = SAMPLES / "eval" / "answers_holdout.jsonl"
# Written by a helper who saw only the KB documents (not this code, not the earlier sets), committed (5d09dbc)
# before it was first run; its first score is recorded in BLIND_FIRST_SCORES. Sets 3 (f565718) and 4 the same
# way, each first run on finished code.
BLIND2 = SAMPLES / "eval" / "answers_blind2.jsonl"
BLIND3 = SAMPLES / "eval" / "answers_blind3.jsonl"
BLIND4 = SAMPLES / "eval" / "answers_blind4.jsonl"  # a431fc5, written while set 3 was being looked at
BLIND5 = SAMPLES / "eval" / "answers_blind5.jsonl"  # 67b6b22, first run on the final code of the session
BLIND_SETS = {"blind2": BLIND2, "blind3": BLIND3, "blind4": BLIND4, "blind5": BLIND5}
TARGETS = {"holdout_grounded": 0.95, "holdout_refused": 0.90}

# The holdout's first score: the answer/retriever code as inherited (commit 1a15d12), measured right after the
# holdout was committed (2c20e33) and before any change it judges. Kept so later numbers are read against it.
FIRST_SCORE: dict[str, float] = {
    "old_answerable_grounded": 0.9545,  # of 176
    "old_unanswerable_refused": 0.84,  # of 25
    "old_recall_at_1": 0.9545,
    "old_recall_at_5": 1.0,
    "holdout_answerable_grounded": 0.9556,  # 43 of 45
    "holdout_unanswerable_refused": 0.50,  # 15 of 30
    "holdout_recall_at_1": 0.8444,  # `salescoach eval` on the answerable lines: MRR 0.9185
    "holdout_recall_at_5": 1.0,
    "holdout_fact_in_answer": 0.7368,  # 28 of 38
    # 28 of the 35 not answered by the authority desk (its 3 replies missed their facts both times)
    "holdout_fact_in_answer_answerer": 0.80,
}
# The same inherited answer.py/retriever.py run through `run()` at 17:12 UTC on the index code of that time
# (a fresh home: batching, bf16 and Chinese token caps had changed the embeddings since the first score; no
# authority policy is loaded there, so every reply is the knowledge answerer's). This is the like-for-like
# baseline for `run()` figures.
INHERITED_ON_FRESH_HOME: dict[str, float] = {
    "old_answerable_grounded": 0.9659,
    "old_unanswerable_refused": 0.68,
    "holdout_answerable_grounded": 1.0,
    "holdout_unanswerable_refused": 0.4333,
    "holdout_recall_at_1": 0.8444,
    "holdout_recall_at_5": 1.0,
    "holdout_fact_in_answer": 0.8421,
}

# Each blind set's first score: what the code scored on it before anyone looked at its questions' results.
# Set 2 (first run 18:43 UTC, code of commit 88e32c3) then guided the glossary and the year/model checks, so its
# later figures flatter; set 3 was first run by the benchmark after those changes, unseen until then.
BLIND_FIRST_SCORES: dict[str, dict[str, float]] = {
    "blind2": {
        "answerable_grounded": 0.725,  # of 40
        "unanswerable_refused": 0.375,  # of 40
        "recall_at_1": 0.75,
        "recall_at_5": 0.90,
        "fact_in_answer": 0.525,
    },
    # Sets 3 and 4 first run on the code of commit 428638b (the glossary, year and model checks in place);
    # the same sets on the code before them (88e32c3) are in BLIND_BEFORE_GLOSSARY.
    "blind3": {
        "answerable_grounded": 0.825,
        "unanswerable_refused": 0.55,
        "recall_at_1": 0.725,
        "recall_at_5": 0.85,
        "fact_in_answer": 0.575,
    },
    "blind4": {
        "answerable_grounded": 0.825,
        "unanswerable_refused": 0.50,
        "recall_at_1": 0.65,
        "recall_at_5": 0.85,
        "fact_in_answer": 0.50,
    },
    # Set 5 first run on the code of commit dc03fcb (after the review fixes and the plural model names).
    "blind5": {
        "answerable_grounded": 0.80,
        "unanswerable_refused": 0.525,
        "recall_at_1": 0.675,
        "recall_at_5": 0.85,
        "fact_in_answer": 0.55,
    },
}
BLIND_BEFORE_GLOSSARY: dict[str, dict[str, float]] = {
    "blind3": {
        "answerable_grounded": 0.80,
        "unanswerable_refused": 0.55,
        "recall_at_1": 0.65,
        "recall_at_5": 0.825,
        "fact_in_answer": 0.55,
    },
    "blind4": {
        "answerable_grounded": 0.875,
        "unanswerable_refused": 0.55,
        "recall_at_1": 0.675,
        "recall_at_5": 0.85,
        "fact_in_answer": 0.475,
    },
    "blind5": {
        "answerable_grounded": 0.775,
        "unanswerable_refused": 0.50,
        "recall_at_1": 0.60,
        "recall_at_5": 0.85,
        "fact_in_answer": 0.525,
    },
}


class HoldoutFileError(ValueError):
    """A bad line in the holdout file; the message names the file, the line and the field."""


@dataclass(frozen=True)
class HoldoutCase:
    question: str
    line: int
    source: str = ""  # "" for an unanswerable question
    section: str = ""
    fact: str | None = None

    @property
    def answerable(self) -> bool:
        return bool(self.source)


def load_holdout(path: Path = HOLDOUT) -> list[HoldoutCase]:
    """Read answerable and unanswerable lines; raise HoldoutFileError naming file:line and field."""
    cases: list[HoldoutCase] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise HoldoutFileError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("q"), str) or not item["q"].strip():
            raise HoldoutFileError(f"{path}:{number}: field 'q' must be a non-empty string")
        if item.get("answerable", True) is False:
            cases.append(HoldoutCase(item["q"].strip(), number))
            continue
        for key in ("source", "section"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise HoldoutFileError(f"{path}:{number}: field {key!r} must be a non-empty string")
        fact = item.get("fact")
        if fact is not None and (not isinstance(fact, str) or not fact.strip()):
            raise HoldoutFileError(f"{path}:{number}: field 'fact' must be a non-empty string when present")
        cases.append(HoldoutCase(item["q"].strip(), number, item["source"].strip(), item["section"].strip(), fact))
    if not cases:
        raise HoldoutFileError(f"{path}: no questions found")
    return cases


def _questions(path: Path) -> list[str]:
    return [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _contains(answer: str, fact: str) -> bool:
    """Fact found in the answer, ignoring case and line breaks (a table row may wrap into the answer)."""
    return " ".join(fact.split()).casefold() in " ".join(answer.split()).casefold()


def measure(
    ask: Callable[[str], Any],
    retriever: Any,
    holdout: Sequence[HoldoutCase],
    blind: Mapping[str, Sequence[HoldoutCase]] | None = None,
) -> dict[str, Any]:
    """All figures through one `ask(question) -> Reply` and one retriever (for recall)."""
    from knowledge.evaluation import evaluate, load_cases

    old_answerable = load_cases(SAMPLES / "eval" / "retrieval.jsonl")
    old_unanswerable = _questions(SAMPLES / "eval" / "unanswerable.jsonl")

    def grounded_rate(questions: Sequence[str]) -> float:
        return round(sum(ask(q).grounded for q in questions) / len(questions), 4)

    old_recall = evaluate(retriever, old_answerable, k=5)
    out = {
        "old": {
            "answerable_n": len(old_answerable),
            "answerable_grounded": grounded_rate([c.question for c in old_answerable]),
            "unanswerable_n": len(old_unanswerable),
            "unanswerable_refused": round(1.0 - grounded_rate(old_unanswerable), 4),
            "recall_at_1": round(old_recall.recall_at(1), 4),
            "recall_at_5": round(old_recall.recall_at(5), 4),
        },
        "holdout": _measure_cases(ask, retriever, holdout),
    }
    for name, cases in (blind or {}).items():
        out[name] = _measure_cases(ask, retriever, cases)
    return out


def _measure_cases(ask: Callable[[str], Any], retriever: Any, cases: Sequence[HoldoutCase]) -> dict[str, Any]:
    """Grounded/refused/recall/key-fact figures over one set of answerable and unanswerable lines."""
    from knowledge.evaluation import EvalCase, evaluate

    answerable = [c for c in cases if c.answerable]
    unanswerable = [c for c in cases if not c.answerable]
    fact_cases = [c for c in answerable if c.fact]
    fact_hits: list[str] = []
    fact_misses: list[dict[str, str]] = []
    by_authority: list[str] = []  # replies the authority desk gave (a decision), not the knowledge answerer
    for case in fact_cases:
        reply = ask(case.question)
        assert case.fact is not None
        if getattr(reply, "decision", None) is not None:
            by_authority.append(case.question)
        if reply.grounded and _contains(reply.answer, case.fact):
            fact_hits.append(case.question)
        else:
            fact_misses.append({"q": case.question, "fact": case.fact, "answer": reply.answer[:300]})
    answerer_facts = [c for c in fact_cases if c.question not in by_authority]
    recall = evaluate(retriever, [EvalCase(c.question, c.source, c.section, c.line) for c in answerable], k=5)
    not_grounded = [c.question for c in answerable if not ask(c.question).grounded]
    not_refused = [c.question for c in unanswerable if ask(c.question).grounded]
    return {
        "answerable_n": len(answerable),
        "answerable_grounded": round(1.0 - len(not_grounded) / len(answerable), 4),
        "unanswerable_n": len(unanswerable),
        "unanswerable_refused": round(1.0 - len(not_refused) / len(unanswerable), 4),
        "recall_at_1": round(recall.recall_at(1), 4),
        "recall_at_5": round(recall.recall_at(5), 4),
        "facts_n": len(fact_cases),
        "fact_in_answer": round(len(fact_hits) / len(fact_cases), 4) if fact_cases else None,
        # the same over the questions the knowledge answerer (not the authority desk) replied to
        "fact_in_answer_answerer": (
            round(sum(c.question in fact_hits for c in answerer_facts) / len(answerer_facts), 4)
            if answerer_facts
            else None
        ),
        "facts_by_authority": by_authority,
        "not_grounded": not_grounded,
        "not_refused": not_refused,
        "fact_misses": fact_misses,
        "recall_misses": [r.case.question for r in recall.misses()],
    }


def _blind_sets() -> dict[str, list[HoldoutCase]]:
    """The blind sets present in samples/eval (a checkout without a set simply skips it)."""
    return {name: load_holdout(path) for name, path in BLIND_SETS.items() if path.exists()}


def measure_services(
    services: Services, holdout: Sequence[HoldoutCase], blind: Mapping[str, Sequence[HoldoutCase]] | None = None
) -> dict[str, Any]:
    """`measure` through the assistant core, as `salescoach ask` runs it."""
    from core.messages import Request
    from knowledge.retriever import HybridRetriever

    return measure(
        lambda q: services.assistant.ask(Request(text=q)),
        HybridRetriever(index=services.index, k=5),
        holdout,
        blind,
    )


def _with_targets(figures: dict[str, Any]) -> dict[str, Any]:
    holdout = figures["holdout"]
    figures["targets"] = TARGETS
    figures["first_score"] = FIRST_SCORE
    figures["inherited_on_fresh_home"] = INHERITED_ON_FRESH_HOME
    figures["blind_first_scores"] = BLIND_FIRST_SCORES
    figures["blind_before_glossary"] = BLIND_BEFORE_GLOSSARY
    figures["targets_met"] = (
        holdout["answerable_grounded"] >= TARGETS["holdout_grounded"]
        and holdout["unanswerable_refused"] >= TARGETS["holdout_refused"]
    )
    return figures


def run(quick: bool = False) -> dict[str, Any]:
    """Fresh temp home, sample KB ingested with the real model, then every figure (quick changes nothing)."""
    from core.settings import Settings
    from ingest.pipeline import sync_paths
    from knowledge.embeddings import load_embeddings
    from workflows.services import Services

    console = Console()
    holdout = load_holdout()
    with tempfile.TemporaryDirectory(prefix="salescoach-bench-answers-") as tmp:
        settings = Settings(home=Path(tmp) / "home")
        services = Services(settings, embeddings=load_embeddings(settings))
        report = sync_paths([SAMPLES / "kb"], services.index, progress=False)
        if report.failed:
            raise RuntimeError(f"sample KB ingest failed: {report.summary()}")
        started = time.perf_counter()
        figures = measure_services(services, holdout, _blind_sets())
        figures["measure_s"] = round(time.perf_counter() - started, 2)
        services.close()
    result = _with_targets(figures)
    _print(console, result)
    return result


def run_on_home(home: Path) -> dict[str, Any]:
    """Measure an already-ingested home (for quick iterations; the benchmark proper uses `run`)."""
    from core.settings import Settings
    from workflows.services import Services

    services = Services(Settings(home=home))
    try:
        result = _with_targets(measure_services(services, load_holdout(), _blind_sets()))
    finally:
        services.close()
    _print(Console(), result)
    return result


def _print(console: Console, result: dict[str, Any]) -> None:
    table = Table(title="Answers: grounding, refusal, recall, key facts")
    for col in ("set", "grounded (answerable)", "refused (unanswerable)", "recall@1", "recall@5", "fact in answer"):
        table.add_column(col, justify="right")
    for name in ("old", "holdout", *BLIND_SETS):
        if name not in result:
            continue
        r = result[name]
        fact = r.get("fact_in_answer")
        table.add_row(
            name,
            f"{r['answerable_grounded']:.1%} of {r['answerable_n']}",
            f"{r['unanswerable_refused']:.1%} of {r['unanswerable_n']}",
            f"{r['recall_at_1']:.3f}",
            f"{r['recall_at_5']:.3f}",
            "" if fact is None else f"{fact:.1%} of {r['facts_n']}",
        )
    console.print(table)
    console.print(
        f"targets (holdout): grounded >= {TARGETS['holdout_grounded']:.0%}, refused >= {TARGETS['holdout_refused']:.0%}"
        f" -> {'met' if result['targets_met'] else 'NOT met'}"
    )


if __name__ == "__main__":
    if "--home" in sys.argv:
        out = run_on_home(Path(sys.argv[sys.argv.index("--home") + 1]))
    else:
        out = run(quick="--quick" in sys.argv)
    print(json.dumps(out, indent=2, ensure_ascii=False))
