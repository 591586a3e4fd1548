"""Bot throughput and latency: 50 simulated reps ask 1,000 questions through the real Application and the
stand-in Bot API server (tests/botapi.py), over the sample knowledge base with the real embedding model.

Each simulated rep behaves like a person: asks, waits for the answer, thinks (exponential, mean
THINK_SECONDS), asks again. Latency is measured from the update being queued at the server (getUpdates
hands it out) to the last part of the answer arriving there. A second phase fires one question from all 50
reps at the same instant. Setup (embedding the sample KB) is reported apart and not in any latency.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
USERS = 50
QUESTIONS = 1000
QUICK_QUESTIONS = 200
THINK_SECONDS = 2.0
# The bench's reps ask ~25 questions a minute each, above the production default of 20: raise the per-user
# limit so the measurement is of answering, not of refusing.
BENCH_RATE_LIMIT = 120
FIRST_TG_ID = 900_001


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    unanswered: int = 0
    refused: int = 0


def question_pool() -> list[str]:
    """Real-shaped questions: the retrieval eval set, unanswerable ones, and authority questions."""
    pool: list[str] = []
    for name, key in (("retrieval.jsonl", "q"), ("unanswerable.jsonl", "q")):
        for line in (REPO / "samples" / "eval" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                pool.append(json.loads(line)[key])
    for pct in (3, 8, 12, 18, 25):
        pool.append(f"Can I give a {pct}% discount to a repeat customer?")
        pool.append(f"客户要求{pct}%的折扣，我可以直接答应吗？")
    for days in (30, 60, 90):
        pool.append(f"Can I offer {days} days payment terms?")
    pool.append("Can I give a client a gift worth 800 CNY?")
    return pool


def add_bench_reps(services: Any, count: int) -> list[int]:
    """`count` reps under M001/M002 with Telegram ids, so every simulated user is a known rep."""
    from core.roster import Rep

    roles = ("junior", "mid", "senior")
    ids: list[int] = []
    with services.store.transaction() as session:
        for i in range(count):
            tg = FIRST_TG_ID + i
            session.add(
                Rep(rep_id=f"B{i + 1:03d}", name=f"Bench Rep {i + 1}", role=roles[i % 3],
                    manager_id="M001" if i % 2 else "M002", telegram_user_id=tg, region="east",
                    channel="direct")
            )  # fmt: skip
            ids.append(tg)
    return ids


async def _ask_and_wait(api: Any, user: int, question: str, timeout: float) -> float | None:
    """Inject one question; seconds until the answer's last part (the one carrying the buttons) arrives."""
    mark = api.mark()
    update_id = api.push_message(user, question)

    def answered() -> bool:
        return any(c.params.get("reply_markup") for c in api.sent_to(user, mark))

    try:
        await api.wait_for(answered, timeout=timeout)
    except AssertionError:
        return None
    done = next(c for c in api.sent_to(user, mark) if c.params.get("reply_markup"))
    return float(done.at - api.injected_at[update_id])


async def _user(api: Any, user: int, questions: Sequence[str], rng: random.Random, outcome: Outcome) -> None:
    for question in questions:
        await asyncio.sleep(rng.expovariate(1 / THINK_SECONDS))
        latency = await _ask_and_wait(api, user, question, timeout=60)
        if latency is None:
            outcome.unanswered += 1
        else:
            outcome.latencies.append(latency)


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


async def _run(quick: bool, embeddings_kind: str) -> dict[str, Any]:
    sys.path.insert(0, str(TESTS))
    from fixtures_bot import build_services, running_bot

    from bot.formatting import text as ui_text
    from core.settings import Settings

    total = QUICK_QUESTIONS if quick else QUESTIONS
    with tempfile.TemporaryDirectory(prefix="bench-bot-") as tmp:
        home = Path(tmp)
        embeddings: Any
        if embeddings_kind == "real":
            from knowledge.embeddings import load_embeddings
            from knowledge.query_batching import BatchedQueryEmbeddings

            # As `salescoach bot` runs it: concurrent questions share forward passes.
            embeddings = BatchedQueryEmbeddings(load_embeddings(Settings(home=home)))
        else:
            from fakes import HashingEmbeddings

            embeddings = HashingEmbeddings()
        started = time.perf_counter()
        services = build_services(
            home, embeddings=embeddings, kb=[REPO / "samples" / "kb"], rate_limit_per_minute=BENCH_RATE_LIMIT
        )
        users = add_bench_reps(services, USERS)
        setup_s = time.perf_counter() - started
        pool = question_pool()
        rng = random.Random(6)
        per_user = [[rng.choice(pool) for _ in range(total // USERS)] for _ in users]
        async with running_bot(services) as bot:
            # Warm-up: first retrieval loads lexical snapshots and the model's kernels.
            await _ask_and_wait(bot.api, users[0], pool[0], timeout=120)
            steady = Outcome()
            t0 = time.perf_counter()
            await asyncio.gather(
                *(_user(bot.api, u, qs, random.Random(u), steady) for u, qs in zip(users, per_user, strict=True))
            )
            elapsed = time.perf_counter() - t0
            burst = Outcome()
            t1 = time.perf_counter()
            results = await asyncio.gather(*(_ask_and_wait(bot.api, u, rng.choice(pool), 60) for u in users))
            burst_elapsed = time.perf_counter() - t1
            burst.latencies = [r for r in results if r is not None]
            burst.unanswered = sum(r is None for r in results)
            refusal = ui_text("rate_limited", "en", seconds=0)[:30]  # the opening words, before the wait it names
            refused = sum(refusal in c.text for c in bot.api.calls_to("sendMessage"))
            errors = sum(ui_text("apology", "en") == c.text for c in bot.api.calls_to("sendMessage"))
        services.close()

    asked = sum(len(q) for q in per_user)
    return {
        "users": USERS,
        "questions": asked,
        "answered": len(steady.latencies),
        "dropped": steady.unanswered,
        "rate_limit_refusals": refused,
        "apologies": errors,
        "answered_per_s": round(len(steady.latencies) / elapsed, 2),
        "think_time_mean_s": THINK_SECONDS,
        "p50_s": round(statistics.median(steady.latencies), 3) if steady.latencies else None,
        "p95_s": round(_percentile(steady.latencies, 0.95), 3),
        "p99_s": round(_percentile(steady.latencies, 0.99), 3),
        "max_s": round(max(steady.latencies), 3) if steady.latencies else None,
        "burst_users": USERS,
        "burst_answered": len(burst.latencies),
        "burst_p95_s": round(_percentile(burst.latencies, 0.95), 3),
        "burst_all_answered_s": round(burst_elapsed, 3),
        # AIORateLimiter keeps sends under Telegram's overall 30 messages/s: 50 answers need >= 1.67 s.
        "outgoing_limit_msgs_per_s": 30,
        "embeddings": embeddings_kind,
        "query_batches": getattr(embeddings, "batches", None),
        "per_user_rate_limit": BENCH_RATE_LIMIT,
        "setup_s": round(setup_s, 1),
        "wall_s": round(elapsed, 1),
    }


def run(quick: bool = False, embeddings: str = "real") -> dict[str, Any]:
    """Measure; `embeddings="fake"` uses hashed-token vectors (say so when quoting the numbers)."""
    result = asyncio.run(_run(quick, embeddings))
    # The target: p95 from update to reply under 1 s on 2 cores, nothing dropped.
    answered_all = result["dropped"] == 0 and result["answered"] == result["questions"]
    result["targets_met"] = answered_all and result["p95_s"] < 1.0
    table = Table(title=f"bot: {result['users']} users, {result['questions']} questions ({embeddings} embeddings)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in result.items():
        table.add_row(key, str(value))
    Console().print(table)
    return result


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--fake-embeddings", action="store_true", help="hashed-token vectors instead of MiniLM")
    args = parser.parse_args()
    run(quick=args.quick, embeddings="fake" if args.fake_embeddings else "real")
