"""Starting the Telegram door: polling or webhook, with a failed start turned into one plain error.

Kept in bot/ so that only this package knows python-telegram-bot's exception types; `salescoach bot` (cli/)
catches `BotStartError` and prints its message on one line.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError

from bot.app import build_application
from bot.token_guard import redact

if TYPE_CHECKING:
    from telegram.ext import Application

    from workflows.services import Services


class BotStartError(RuntimeError):
    """The bot could not start or stopped on a Telegram error; the message is one line, token redacted."""


def serve(
    services: Services,
    *,
    token: str,
    webhook_url: str | None = None,
    webhook_secret: str | None = None,
    listen: str = "127.0.0.1",
    port: int = 8443,
    quiet: bool = True,
) -> None:
    """Run until stopped: long polling, or a webhook server when `webhook_url` is given."""
    base_url = services.settings.telegram_api_base_url
    try:
        application = build_application(services)
        if quiet:
            quiet_failed_start(application)
        if webhook_url:
            application.run_webhook(
                listen=listen,
                port=port,
                url_path=urlparse(webhook_url).path.lstrip("/"),
                webhook_url=webhook_url,
                secret_token=webhook_secret,
                drop_pending_updates=False,
            )
        else:
            application.run_polling(drop_pending_updates=False)
    except InvalidToken as exc:
        raise BotStartError("Telegram rejected the bot token: check TELEGRAM_BOT_TOKEN") from exc
    except OSError as exc:  # the webhook server could not bind
        raise BotStartError(f"cannot listen on {listen}:{port}: {exc.strerror or exc}") from exc
    except TelegramError as exc:
        # PTB messages can carry the request URL, and with it the token.
        reason = redact(str(exc), token)
        if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):  # BadRequest is a NetworkError
            raise BotStartError(f"Telegram API unreachable at {base_url}: {reason}") from exc
        raise BotStartError(f"Telegram API at {base_url} refused to start the bot: {reason}") from exc


class FailedStartQuiet(logging.Filter):
    """Drops python-telegram-bot's own error records until the bot has run: a failed start is reported by
    `serve` in one line, and PTB's 100-line traceback of the same failure only buries it (`--verbose`
    keeps it). Once the bot has been running, its errors are logged as usual."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        super().__init__()
        self.application = application
        self.started = False

    def filter(self, record: logging.LogRecord) -> bool:
        self.started = self.started or self.application.running
        return self.started or not (record.name.startswith("telegram") and record.levelno >= logging.ERROR)


def quiet_failed_start(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Put a `FailedStartQuiet` on every handler of the root logger (where PTB's records are printed)."""
    for handler in logging.getLogger().handlers:
        handler.addFilter(FailedStartQuiet(application))
