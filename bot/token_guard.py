"""The token guard: the bot token never reaches a log, whoever writes the record (PTB, httpx, a test's capture).

PTB puts the token in request URLs and in InvalidToken messages; httpx logs URLs. `guard_token` quiets the chatty
loggers and redacts every record when it is created and again at every root handler.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

REDACTED = "[REDACTED-TOKEN]"


class TokenRedactor(logging.Filter):
    """Replaces the bot token in every record passing a handler: message, arguments and traceback text.

    PTB puts the token in request URLs and in InvalidToken messages; httpx logs URLs. Filtering at the handler
    catches records from every logger, whatever their level."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token
        self.pattern = token_pattern(token)

    def redact(self, value: str) -> str:
        return self.pattern.sub(REDACTED, value) if self.pattern is not None else value

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call: logging reports it at emit time
            return True
        redacted = self.redact(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            if not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


# How a token's ':' can appear in text: as is, URL-encoded, or encoded twice (a proxy quoting a quoted path).
_COLON_FORMS = (":", "%3a", "%253a")


def token_pattern(token: str) -> re.Pattern[str] | None:
    """What finds the token in any text: whole or its secret half alone, in any letter case (PTB capitalises
    API error descriptions, which lowercases an echoed request path), with ':' plain or URL-encoded.
    None for an empty token."""
    if not token:
        return None
    bot_id, sep, secret = token.partition(":")
    forms = [re.escape(token)]
    if sep:
        colon = "|".join(re.escape(c) for c in _COLON_FORMS)
        forms.insert(0, f"{re.escape(bot_id)}(?:{colon}){re.escape(secret)}")
        if len(secret) >= 8:  # a short "secret" would match ordinary words; real ones are 35 characters
            forms.append(re.escape(secret))
    return re.compile("|".join(forms), re.IGNORECASE)


def redact(value: str, token: str) -> str:
    """`value` with every form of the token (see `token_pattern`) replaced."""
    pattern = token_pattern(token)
    return pattern.sub(REDACTED, value) if pattern is not None else value


class _RedactingRecordFactory:
    """Wraps the log-record factory so records are redacted when created, before any handler sees them:
    handlers added later (a test's log capture, a library's own) are covered too."""

    def __init__(self, base: Callable[..., logging.LogRecord], token: str) -> None:
        self.base = base
        self.redactor = TokenRedactor(token)

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.base(*args, **kwargs)
        self.redactor.filter(record)
        return record


def guard_token(token: str) -> None:
    """Keep the token out of logs: quiet the chatty HTTP loggers, redact every record at creation, and
    filter every root handler as well."""
    # httpx logs every request URL (token included) at INFO: never useful enough. PTB and the scheduler stay
    # audible when the operator asked for debug logs (`salescoach -v bot`); redaction covers them then.
    quiet = ["httpx", "httpcore"]
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        quiet += ["telegram", "apscheduler"]
    for name in quiet:
        logging.getLogger(name).setLevel(logging.WARNING)
    factory = logging.getLogRecordFactory()
    guarded = factory
    while isinstance(guarded, _RedactingRecordFactory):
        if guarded.redactor.token == token:
            break
        guarded = guarded.base
    else:
        logging.setLogRecordFactory(_RedactingRecordFactory(factory, token))
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, TokenRedactor) and f.token == token for f in handler.filters):
            handler.addFilter(TokenRedactor(token))
