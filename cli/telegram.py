"""CLI commands for the Telegram bot: run it (`bot`), link a rep (`invite`), list content gaps (`gaps`)."""

from __future__ import annotations

import json
import logging
import re
from datetime import timedelta

import typer
from rich.markup import escape
from rich.table import Table

from cli.common import EXIT_DATA_ERROR, EXIT_USAGE, console, fail, services

logger = logging.getLogger(__name__)

WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def register(app: typer.Typer) -> None:
    """Attach this feature's commands to the root app."""
    app.command("bot")(run_bot)
    app.command("invite")(invite)
    app.command("gaps")(gaps)


def run_bot(
    ctx: typer.Context,
    webhook_url: str | None = typer.Option(
        None,
        "--webhook-url",
        help="Public HTTPS URL Telegram posts updates to (webhook mode; default: polling).",
    ),
    webhook_secret: str | None = typer.Option(
        None,
        "--webhook-secret",
        envvar="SALESCOACH_WEBHOOK_SECRET",
        help="Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token; other requests are refused.",
    ),
    listen: str = typer.Option("127.0.0.1", "--listen", help="Address the webhook server binds to."),
    port: int = typer.Option(8443, "--port", help="Port the webhook server binds to."),
) -> None:
    """Run the Telegram bot: long polling by default, or a webhook server behind a load balancer."""
    from bot.run import BotStartError, serve
    from knowledge.embeddings import EmbeddingModelError, load_embeddings, model_fingerprint
    from knowledge.query_batching import BatchedQueryEmbeddings
    from workflows.services import Services

    svc = services(ctx)
    settings = svc.settings
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    if not token:
        fail("no Telegram bot token: set TELEGRAM_BOT_TOKEN (from @BotFather)", EXIT_USAGE)
    if webhook_url and not webhook_secret:
        fail("--webhook-url needs --webhook-secret (or SALESCOACH_WEBHOOK_SECRET)", EXIT_USAGE)
    if webhook_secret and not webhook_url:
        fail("--webhook-secret only applies with --webhook-url", EXIT_USAGE)
    if webhook_secret and not WEBHOOK_SECRET.fullmatch(webhook_secret):
        # Telegram refuses other secrets at setWebhook, which would surface as a confusing API error.
        fail("--webhook-secret may hold only A-Z, a-z, 0-9, _ and - (1 to 256 characters)", EXIT_USAGE)
    # The model loads on the first question (as before); concurrent questions then share forward passes.
    embeddings = BatchedQueryEmbeddings(lambda: load_embeddings(settings), fingerprint=model_fingerprint(settings))
    bot_services = Services(settings, embeddings=embeddings, store=svc.store)
    try:
        # Refuse to start on an index built with another model (every question would fail later); open the
        # shared stores now rather than inside the first questions (a broken home fails here, in one line).
        bot_services.open_stores()
    except EmbeddingModelError as exc:
        fail(escape(str(exc)), EXIT_DATA_ERROR)
    try:
        serve(
            bot_services,
            token=token,
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
            listen=listen,
            port=port,
            quiet=not ctx.find_root().params.get("verbose"),
        )
    except BotStartError as exc:
        fail(escape(str(exc)))


def invite(
    ctx: typer.Context,
    rep_id: str = typer.Argument(..., help="Roster id of the rep to link."),
) -> None:
    """Create a one-time code the rep sends to the bot as /start CODE (valid SALESCOACH_INVITE_TTL_HOURS)."""
    from core.roster import UnknownRepError
    from workflows.identity import create_invite

    svc = services(ctx)
    hours = svc.settings.invite_ttl_hours
    try:
        code = create_invite(svc.store, rep_id, timedelta(hours=hours))
    except UnknownRepError as exc:
        fail(str(exc), EXIT_USAGE)
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)
    console.print(f"Invite for {rep_id}, valid {hours} h, single use; the rep sends:", highlight=False)
    console.print(f"/start {code}", highlight=False, soft_wrap=True)


def gaps(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Show at most this many."),
) -> None:
    """Questions the knowledge base could not ground or whose answers were voted down, most frequent first."""
    from workflows.feedback import gaps as find_gaps

    found = find_gaps(services(ctx).store, limit=limit)
    if as_json:
        typer.echo(json.dumps([g.to_json_dict() for g in found], ensure_ascii=False, indent=2))
        return
    if not found:
        console.print("No gaps: every recorded question was grounded and none was voted down.")
        return
    table = Table("asks", "ungrounded", "👎", "👍", "question", "last asked")
    for gap in found:
        table.add_row(
            str(gap.asks),
            str(gap.ungrounded),
            str(gap.not_helpful),
            str(gap.helpful),
            gap.question,
            gap.last_asked.strftime("%Y-%m-%d %H:%M"),
        )
    console.print(table)
