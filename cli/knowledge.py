"""`salescoach ask`, `chat` and `eval`: the knowledge feature's command line doors over the assistant core."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Literal

import typer
from rich.markup import escape
from rich.table import Table

from cli.common import EXIT_DATA_ERROR, EXIT_USAGE, console, err_console, fail, services
from cli.console import render_reply, run_chat
from core.messages import RepInfo, Reply, Request
from knowledge.embeddings import EmbeddingModelError
from workflows.assistant import EmptyQuestionError
from workflows.services import Services

Mode = Literal["hybrid", "bm25", "dense"]


def _asker(svc: Services, rep_id: str | None) -> RepInfo | None:
    """The roster entry for --as, or None (anonymous: public documents only); unknown id is a usage error."""
    if rep_id is None:
        return None
    from core.roster import UnknownRepError, require_rep  # the SQL store: only a question asked --as someone

    try:
        with svc.store.session() as session:
            return require_rep(session, rep_id)
    except UnknownRepError as exc:
        fail(str(exc), EXIT_USAGE)


def _warn_if_empty(svc: Services) -> None:
    if svc.index.chunk_count() == 0:
        err_console.print(
            "[yellow]warning:[/] the knowledge base is empty: run 'salescoach ingest samples/kb' first",
            highlight=False,
        )


def _ask(svc: Services, text: str, asker: RepInfo | None, k: int | None) -> Reply:
    return svc.assistant.ask(Request(text=text, asker=asker, top_k=k, door="cli"))


def ask(
    ctx: typer.Context,
    question: str = typer.Argument(..., help="The question, or '-' to read one question per line from stdin."),
    as_rep: str | None = typer.Option(None, "--as", help="Ask as this rep id (their role decides what they see)."),
    as_json: bool = typer.Option(False, "--json", help="Print the reply as JSON (JSONL with '-')."),
    k: int | None = typer.Option(None, "-k", "--top-k", min=1, max=50, help="Passages to retrieve."),
) -> None:
    """Answer a question from the company documents, with citations."""
    svc = services(ctx)
    asker = _asker(svc, as_rep)
    batch = question == "-"
    questions = [line for line in sys.stdin.read().splitlines() if line.strip()] if batch else [question]
    if batch and not questions:
        fail("no questions on stdin: give one question per line", EXIT_USAGE)
    try:
        _warn_if_empty(svc)
        for text in questions:
            reply = _ask(svc, text, asker, k)
            if as_json:
                typer.echo(json.dumps(reply.to_json_dict(), ensure_ascii=False))
            else:
                if batch:
                    console.print(f"[bold]Q:[/] {escape(text)}", highlight=False, soft_wrap=True)
                render_reply(console, reply)
                if batch:
                    console.print()
    except EmptyQuestionError as exc:
        fail(str(exc), EXIT_USAGE)
    except EmbeddingModelError as exc:
        fail(str(exc), EXIT_DATA_ERROR)


def chat(
    ctx: typer.Context,
    as_rep: str | None = typer.Option(None, "--as", help="Chat as this rep id."),
    lang: str = typer.Option("en", "--lang", help="The chat's own wording: en or zh (answers follow each question)."),
) -> None:
    """Talk to the assistant in the terminal: questions in English or Chinese, /help, /quit."""
    if lang not in ("en", "zh"):
        fail(f"--lang must be en or zh, not {lang!r}", EXIT_USAGE)
    svc = services(ctx)
    asker = _asker(svc, as_rep)
    try:
        _warn_if_empty(svc)
        run_chat(svc.assistant, asker=asker, console=console, language="zh" if lang == "zh" else "en")
    except EmbeddingModelError as exc:
        fail(str(exc), EXIT_DATA_ERROR)


def evaluate_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help='JSONL lines {"q", "source", "section"}.'),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as one JSON object."),
    k: int = typer.Option(5, "-k", "--top-k", min=1, max=50, help="Citations that count (recall@k)."),
    mode: str = typer.Option("hybrid", "--mode", help="Retriever: hybrid, bm25 or dense."),
    show_misses: bool = typer.Option(False, "--misses", help="List the questions that missed."),
) -> None:
    """Measure retrieval on a labelled question set: recall@1, recall@k, MRR and latency."""
    from knowledge.evaluation import EvalFileError, evaluate, load_cases
    from knowledge.retriever import HybridRetriever

    if mode not in ("hybrid", "bm25", "dense"):
        fail(f"--mode must be hybrid, bm25 or dense, not {mode!r}", EXIT_USAGE)
    svc = services(ctx)
    try:
        cases = load_cases(file)
    except EvalFileError as exc:
        fail(str(exc), EXIT_DATA_ERROR)
    try:
        if svc.index.chunk_count() == 0:
            fail("the knowledge base is empty: run 'salescoach ingest samples/kb' first", EXIT_DATA_ERROR)
        retriever = HybridRetriever(index=svc.index, k=k, mode=mode)
        report = evaluate(retriever, cases, k=k)
    except EmbeddingModelError as exc:
        fail(str(exc), EXIT_DATA_ERROR)
    metrics = report.to_json_dict()
    if as_json:
        typer.echo(json.dumps(metrics))
        return
    table = Table(title=f"retrieval eval: {file.name} ({mode}, k={k})")
    for name in ("n", "recall@1", f"recall@{k}", "MRR", "p50 ms", "p95 ms"):
        table.add_column(name, justify="right")
    table.add_row(
        str(metrics["n"]),
        f"{metrics['recall_at_1']:.3f}",
        f"{metrics['recall_at_5']:.3f}",
        f"{metrics['mrr']:.3f}",
        f"{metrics['p50_ms']:.1f}",
        f"{metrics['p95_ms']:.1f}",
    )
    console.print(table)
    if show_misses:
        for miss in report.misses():
            got = "; ".join(f"{Path(s).name} › {sec}" for s, sec in miss.top[:3])
            console.print(
                f"miss line {miss.case.line}: {escape(miss.case.question)} — want "
                f"{escape(miss.case.source)} › {escape(miss.case.section)}; got {escape(got)}",
                highlight=False,
                soft_wrap=True,
            )


def register(app: typer.Typer) -> None:
    """Attach this feature's commands to the root app."""
    app.command("ask")(ask)
    app.command("chat")(chat)
    app.command("eval")(evaluate_command)
