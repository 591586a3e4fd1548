"""CLI commands of the web console: `salescoach web` serves it, `salescoach web-link REP_ID` prints a login link."""

from __future__ import annotations

import logging
import re
import threading

import typer

from core.roster import UnknownRepError
from workflows.services import Services
from workflows.web_login import DEFAULT_BASE_URL, issue_link, load_secret


def _services(ctx: typer.Context) -> Services:
    services = ctx.obj
    assert isinstance(services, Services)
    return services


class _HideLoginTokens(logging.Filter):
    """Access-log lines show `/login/…` instead of the token: a log is no place for a credential."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _TOKEN.sub("/login/…", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True


_TOKEN = re.compile(r"/login/[^\s?\"]+")


def web_command(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (behind a proxy: keep 127.0.0.1)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the web console (team, coaching, briefings, gaps, documents, audit)."""
    import uvicorn

    from web.app import create_app, warm_reports

    services = _services(ctx)
    services.store  # noqa: B018 - a broken home fails here, in one line, not on the first page
    app = create_app(services, secret=load_secret(services.settings.home))
    # The directors' company-wide reports take the coach a second or more: built while the server starts.
    threading.Thread(target=warm_reports, args=(app.state.console,), name="warm-reports", daemon=True).start()
    typer.echo(f"web console on http://{host}:{port}/ (log in with `salescoach web-link REP_ID`)", err=True)
    # proxy_headers: behind a reverse proxy the X-Forwarded-Proto makes the session cookie Secure on https.
    logging.getLogger("uvicorn.access").addFilter(_HideLoginTokens())
    uvicorn.run(app, host=host, port=port, proxy_headers=True, forwarded_allow_ips="127.0.0.1", log_level="info")


def web_link_command(
    ctx: typer.Context,
    rep_id: str = typer.Argument(..., help="Who the link logs in."),
    base_url: str = typer.Option(DEFAULT_BASE_URL, "--base-url", help="The console's address as users reach it."),
) -> None:
    """Print a one-time login link for the web console (valid 15 minutes, single use) on the last line."""
    services = _services(ctx)
    try:
        link = issue_link(services.store, rep_id, base_url)
    except UnknownRepError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo("one-time login link, valid 15 minutes:", err=True)
    typer.echo(link)


def register(app: typer.Typer) -> None:
    """Attach the console's commands to the root app."""
    app.command("web")(web_command)
    app.command("web-link")(web_link_command)
