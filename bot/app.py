"""All Telegram wiring in one place: the Application, every handler and job, limits and start-up work.

`build_application(services)` is the only function the CLI, the tests and the benchmark call. Every handler of
every feature (questions, coaching, briefings, onboarding) is registered here, explicitly; the handler modules
share typed state through `bot.context.BotData` and never import this module.
"""

from __future__ import annotations

import logging
from datetime import UTC, time
from typing import TYPE_CHECKING, Any

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot import briefing_handlers, handlers, onboarding_handlers
from bot.context import PRIVATE, BotApplication, BotData, wired
from bot.outgoing import LengthGuardedBot
from bot.ratelimit import SlidingWindowLimiter
from bot.token_guard import guard_token
from core.catalogue import text
from workflows.briefings import briefing_desk
from workflows.onboarding import OnboardingDesk, load_configured_plan

if TYPE_CHECKING:
    from workflows.services import Services

logger = logging.getLogger(__name__)

# Outgoing sends are retried this often after a 429 (Telegram's "retry after N seconds") before giving up.
SEND_RETRIES = 3
# Connections for sends, as PTB's ApplicationBuilder default (answers to many users go out at once).
SEND_POOL_SIZE = 256

# The commands in Telegram's menu, in this order; each is described by the catalogue's `menu.<command>`.
MENU_COMMANDS: tuple[str, ...] = (
    "ask",
    "check",
    "coach",
    "team",
    "invite",
    "whoami",
    "web",
    "help",
    "start",
    "brief",
    "briefs",
    "onboard",
    "onboarding",
)


def build_application(
    services: Services,
    *,
    token: str | None = None,
    base_url: str | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    concurrency: bool | int = True,
) -> BotApplication:
    """The bot, wired: handlers, per-user rate limit, outgoing rate limiter with 429 retries, error handler,
    start-up work (menu commands in en/zh, undelivered hand-offs), briefing and onboarding jobs.

    Args:
        token: overrides settings.telegram_bot_token (tests, benchmark).
        base_url: overrides settings.telegram_api_base_url; PTB appends the token to it.
        rate_limiter: overrides the default AIORateLimiter (Telegram's 30 msg/s overall, retries after 429).
        concurrency: `True` (PTB's default bound of 256) or a number of updates processed at once.

    Raises OnboardingDataError when the configured onboarding file is broken (the CLI prints its one line).
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
    application: BotApplication = (
        ApplicationBuilder()
        .context_types(ContextTypes(bot_data=BotData))
        .bot(bot)
        .concurrent_updates(concurrency)
        .post_init(on_startup)
        .build()
    )
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("the bot needs python-telegram-bot's job queue (install python-telegram-bot[job-queue])")

    data = application.bot_data
    data.services = services
    data.limiter = SlidingWindowLimiter(settings.rate_limit_per_minute, handlers.RATE_LIMIT_WINDOW_SECONDS)
    data.briefing_desk = briefing_desk(services)
    data.onboarding_desk = OnboardingDesk(services.store, load_configured_plan(settings.home, settings.onboarding_file))
    data.menu = list(MENU_COMMANDS)
    data.on_link.append(briefing_handlers.on_link)  # briefings sent before someone linked reach them now

    # Before every handler: a flooding user's updates stop here.
    application.add_handler(TypeHandler(Update, handlers.rate_limit_gate), group=-1)

    # Questions, identity, coaching.
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

    # Briefings: the /brief conversation, /briefs, and the buttons under a delivered briefing.
    ack, quiz = briefing_handlers.ACK, briefing_handlers.QUIZ
    application.add_handler(briefing_handlers.brief_conversation())
    application.add_handler(CommandHandler("briefs", briefing_handlers.briefs_command, filters=PRIVATE))
    application.add_handler(CallbackQueryHandler(briefing_handlers.acknowledge_button, pattern=rf"^{ack}:\d+$"))
    application.add_handler(CallbackQueryHandler(briefing_handlers.quiz_button, pattern=rf"^{quiz}:\d+:(s|\d+:\d+)$"))

    # Onboarding: today's module and its quiz, and a manager's view of their new hires.
    prefix = onboarding_handlers.PREFIX
    application.add_handler(CommandHandler("onboard", onboarding_handlers.onboard_command, filters=PRIVATE))
    application.add_handler(CommandHandler("onboarding", onboarding_handlers.onboarding_command, filters=PRIVATE))
    application.add_handler(
        CallbackQueryHandler(onboarding_handlers.quiz_answer, pattern=rf"^{prefix}:[\w-]+:\d+:\d+$")
    )

    # Last in the default group, so the conversations above get the first look at a message and a message they
    # take is not also answered as a question.
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & PRIVATE, handlers.plain_text))
    application.add_handler(MessageHandler(PRIVATE, handlers.anything_else))
    application.add_error_handler(handlers.error_handler)

    # Jobs.
    window = handlers.RATE_LIMIT_WINDOW_SECONDS
    job_queue.run_repeating(handlers.prune_rate_limits, window * 10, name="rate-limit-prune")
    # first=0: briefings created while the bot was down go out on start-up; reminders missed are caught up.
    # A tick may outlast the interval while it drains a big outbox: the next one then finds the lock taken and
    # returns (max_instances=2 so the scheduler does not log a skip every interval); late ticks just run.
    delivery = data.delivery
    options = {"max_instances": 2, "coalesce": True, "misfire_grace_time": None}
    job_queue.run_repeating(
        briefing_handlers.sweep_deliveries,
        interval=delivery.interval,
        first=0.0,
        name="briefings-deliver",
        job_kwargs=options,
    )
    job_queue.run_repeating(
        briefing_handlers.sweep_reminders,
        interval=delivery.reminder_interval,
        first=1.0,
        name="briefings-remind",
        job_kwargs=options,
    )
    # No catch-up at start-up: a nudge arriving at 16:00 because the bot restarted then is noise; a restart
    # before the hour nudges as usual, and last_nudged_on (SQL) keeps it to one a day across restarts.
    nudge_at = time(hour=settings.onboarding_nudge_hour, tzinfo=UTC)
    job_queue.run_daily(onboarding_handlers.daily_nudge, nudge_at, name="onboarding-nudge")
    return application


def file_url_for(api_url: str) -> str:
    """The file-download URL matching an API URL: `<host>/bot` -> `<host>/file/bot` (PTB appends the
    token)."""
    if api_url.endswith("/bot"):
        return api_url[: -len("/bot")] + "/file/bot"
    return api_url.rstrip("/") + "/file/bot"


async def on_startup(application: BotApplication) -> None:
    """Start-up work (run by run_polling/run_webhook as post_init; tests call it after initialize()):
    the command menu in English and Chinese, and hand-offs written but not sent before the last stop."""
    commands = application.bot_data.menu
    await application.bot.set_my_commands([BotCommand(c, text(f"menu.{c}", "en")) for c in commands])
    await application.bot.set_my_commands(
        [BotCommand(c, text(f"menu.{c}", "zh")) for c in commands], language_code="zh"
    )
    services = wired(application.bot_data.services, "services")
    left = await handlers.deliver_pending_handoffs(application.bot, services)
    if left and application.job_queue is not None:
        application.job_queue.run_once(handlers.retry_pending_handoffs, handlers.HANDOFF_RETRY_SECONDS)
