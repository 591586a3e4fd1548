"""All Telegram wiring in one place: the Application, its handlers, limits, start-up work and the token guard.

`build_application(services)` is the only function the CLI, the tests and the benchmark call; feature helpers
(briefings, onboarding) hook in through their own `register(application, services)`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot import handlers
from bot.outgoing import LengthGuardedBot
from bot.ratelimit import SlidingWindowLimiter

if TYPE_CHECKING:
    from workflows.services import Services

logger = logging.getLogger(__name__)

REDACTED = "[REDACTED-TOKEN]"
MENU_COMMANDS_KEY = handlers.MENU_COMMANDS_KEY
# Outgoing sends are retried this often after a 429 (Telegram's "retry after N seconds") before giving up.
SEND_RETRIES = 3
# Connections for sends, as PTB's ApplicationBuilder default (answers to many users go out at once).
SEND_POOL_SIZE = 256
# Private chats only: answers, coaching and KPIs must never land in a group, and a group's chatter is not
# questions. Edits are not new questions either (answering every typo fix again is noise).
PRIVATE = filters.ChatType.PRIVATE & ~filters.UpdateType.EDITED


class MenuCommand(NamedTuple):
    """A command shown in Telegram's menu, described in English and Chinese."""

    command: str
    en: str
    zh: str


MENU_COMMANDS: tuple[MenuCommand, ...] = (
    MenuCommand("ask", "Ask a question (or just type it)", "提问（也可以直接输入）"),
    MenuCommand("check", "Compliance check of a sales text", "检查销售话术是否合规"),
    MenuCommand("coach", "Your KPI coaching", "你的 KPI 辅导"),
    MenuCommand("team", "Your team's KPIs (managers)", "团队 KPI（经理）"),
    MenuCommand("invite", "Invite a report to the bot (managers)", "邀请下属使用机器人（经理）"),
    MenuCommand("whoami", "Who the bot thinks you are", "查看你的身份"),
    MenuCommand("web", "A login link for the web console", "网页控制台登录链接"),
    MenuCommand("help", "What the bot can do", "功能说明"),
    MenuCommand("start", "Start, or link with an invite code", "开始，或用邀请码绑定"),
)


# ----------------------------------------------------------------------------------------- token guard
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


# -------------------------------------------------------------------------------------------- building
def build_application(
    services: Services,
    *,
    token: str | None = None,
    base_url: str | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    concurrency: bool | int = True,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The bot, wired: handlers, per-user rate limit, outgoing rate limiter with 429 retries, error handler,
    start-up work (menu commands in en/zh, undelivered hand-offs) and the feature extensions.

    Args:
        token: overrides settings.telegram_bot_token (tests, benchmark).
        base_url: overrides settings.telegram_api_base_url; PTB appends the token to it.
        rate_limiter: overrides the default AIORateLimiter (Telegram's 30 msg/s overall, retries after 429).
        concurrency: `True` (PTB's default bound of 256) or a number of updates processed at once.
    """
    settings = services.settings
    secret = token or (settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else "")
    if not secret:
        raise ValueError("no Telegram bot token: set TELEGRAM_BOT_TOKEN (from @BotFather) in the environment")
    guard_token(secret)
    api_url = base_url or settings.telegram_api_base_url
    # Every send goes through this bot, which keeps texts and captions within Telegram's limits. The request
    # pools are those ApplicationBuilder would make (it makes them only when it builds the bot itself).
    bot = LengthGuardedBot(
        token=secret,
        base_url=api_url,
        base_file_url=file_url_for(api_url),
        request=HTTPXRequest(connection_pool_size=SEND_POOL_SIZE),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        rate_limiter=rate_limiter or AIORateLimiter(max_retries=SEND_RETRIES),
    )
    application = (
        ApplicationBuilder().bot(bot).concurrent_updates(concurrency).post_init(on_startup).build()
    )
    application.bot_data[handlers.SERVICES_KEY] = services
    application.bot_data[handlers.LIMITER_KEY] = SlidingWindowLimiter(
        settings.rate_limit_per_minute, handlers.RATE_LIMIT_WINDOW_SECONDS
    )
    application.bot_data[handlers.ON_LINK_KEY] = []
    application.bot_data[MENU_COMMANDS_KEY] = list(MENU_COMMANDS)

    application.add_handler(TypeHandler(Update, handlers.rate_limit_gate), group=-1)
    if application.job_queue is not None:
        window = handlers.RATE_LIMIT_WINDOW_SECONDS
        application.job_queue.run_repeating(handlers.prune_rate_limits, window * 10, name="rate-limit-prune")
    application.add_handler(CommandHandler("start", handlers.start, filters=PRIVATE))
    application.add_handler(CommandHandler("help", handlers.help_command, filters=PRIVATE))
    application.add_handler(CommandHandler("whoami", handlers.whoami, filters=PRIVATE))
    application.add_handler(CommandHandler("web", handlers.web_command, filters=PRIVATE))
    application.add_handler(CommandHandler("ask", handlers.ask_command, filters=PRIVATE))
    application.add_handler(CommandHandler("check", handlers.check_command, filters=PRIVATE))
    application.add_handler(CommandHandler("invite", handlers.invite_command, filters=PRIVATE))
    application.add_handler(CommandHandler("coach", handlers.coach_command, filters=PRIVATE))
    application.add_handler(CommandHandler("team", handlers.team_command, filters=PRIVATE))
    application.add_handler(CallbackQueryHandler(handlers.answer_button, pattern=r"^[vh]:"))
    application.add_error_handler(handlers.error_handler)

    # Feature handlers import this module's menu helpers, so they are imported here, once app is loaded.
    from bot import briefing_handlers, onboarding_handlers

    for feature in (briefing_handlers, onboarding_handlers):
        feature.register(application, services)

    # Last in the default group, so feature modules' own text handlers (conversations) get the first look at a
    # message and a message they take is not also answered as a question.
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & PRIVATE, handlers.plain_text))
    application.add_handler(MessageHandler(PRIVATE, handlers.anything_else))
    return application


def file_url_for(api_url: str) -> str:
    """The file-download URL matching an API URL: `<host>/bot` -> `<host>/file/bot` (PTB appends the
    token)."""
    if api_url.endswith("/bot"):
        return api_url[: -len("/bot")] + "/file/bot"
    return api_url.rstrip("/") + "/file/bot"


def add_menu_commands(application: Application[Any, Any, Any, Any, Any, Any], commands: Sequence[MenuCommand]) -> None:
    """For feature modules: add commands to the menu set at start-up (call from `register`)."""
    application.bot_data.setdefault(MENU_COMMANDS_KEY, list(MENU_COMMANDS)).extend(commands)


async def on_startup(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Start-up work (run by run_polling/run_webhook as post_init; tests call it after initialize()):
    the command menu in English and Chinese, and hand-offs written but not sent before the last stop."""
    commands: list[MenuCommand] = application.bot_data.get(MENU_COMMANDS_KEY, list(MENU_COMMANDS))
    await application.bot.set_my_commands([BotCommand(c.command, c.en) for c in commands])
    await application.bot.set_my_commands([BotCommand(c.command, c.zh) for c in commands], language_code="zh")
    services: Services = application.bot_data[handlers.SERVICES_KEY]
    left = await handlers.deliver_pending_handoffs(application.bot, services)
    if left and application.job_queue is not None:
        application.job_queue.run_once(handlers.retry_pending_handoffs, handlers.HANDOFF_RETRY_SECONDS)
