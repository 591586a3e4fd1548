"""Thin Telegram handlers: parse the update, call the core off the event loop, format, send.

Everything that thinks (retrieval, policy, compliance, coaching, SQL) runs in `asyncio.to_thread`, so one slow
answer never stalls the other users; everything that renders lives in `bot.formatting`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from telegram import (
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.context import Context, wired
from bot.formatting import (
    CALLBACK_VOTE,
    MAX_CAPTION_CHARS,
    KeyboardSpec,
    Language,
    answer_keyboard,
    echoed,
    escape,
    format_check,
    format_coaching,
    format_reply,
    language_of,
    parse_callback,
    split_message,
    text,
)
from bot.ratelimit import Verdict
from coaching.coach import NoDataError, RepReport, TeamReport
from coaching.periods import PeriodError
from core import catalogue
from core.messages import RepInfo, Request
from core.roster import can_view, get_rep, management_chain, reports_of
from workflows import feedback
from workflows.assistant import EmptyQuestionError
from workflows.identity import InviteError, create_invite, may_invite, redeem_invite, resolve_user, telegram_chat_of
from workflows.onboarding import onboarding_summary
from workflows.web_login import issue_link

if TYPE_CHECKING:
    from workflows.services import Services

logger = logging.getLogger(__name__)

HANDOFF_RETRY_SECONDS = 30.0
RATE_LIMIT_WINDOW_SECONDS = 60.0  # settings.rate_limit_per_minute counts messages in this window
TYPING_AFTER_SECONDS = 0.7  # show "typing…" only when an answer takes long enough for the rep to wonder

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

T = TypeVar("T")


# --------------------------------------------------------------------------------------------- helpers
def services_of(context: Context) -> Services:
    return wired(context.bot_data.services, "services")


def ui_language(update: Update) -> Language:
    user = update.effective_user
    return language_of(user.language_code if user else None)


async def current_rep(update: Update, context: Context) -> RepInfo | None:
    """The roster rep behind this update; None for strangers, who get the short how-to-get-access reply."""
    user = update.effective_user
    if user is None:
        return None
    rep = await asyncio.to_thread(resolve_user, services_of(context).store, user.id)
    if rep is None:
        if update.callback_query is not None:
            await update.callback_query.answer(text("access", ui_language(update)), show_alert=True)
        elif update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, text("access", ui_language(update)))
    return rep


@dataclass(frozen=True)
class Caller:
    """A command from a known rep: the message, its chat, who sent it and the language to answer in."""

    message: Message
    chat: Chat
    rep: RepInfo
    language: Language


async def command_caller(update: Update, context: Context) -> Caller | None:
    """The preamble of every command handler: None when there is nothing to answer, or the sender is a stranger
    (who has then had the short how-to-get-access reply)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return None
    rep = await current_rep(update, context)
    if rep is None:
        return None
    return Caller(message, chat, rep, ui_language(update))


@dataclass(frozen=True)
class Tap:
    """A button pressed by a known rep: the query, its callback data, the chat it was pressed in."""

    query: CallbackQuery
    data: str
    chat: Chat
    rep: RepInfo
    language: Language


async def button_caller(update: Update, context: Context) -> Tap | None:
    """The preamble of every button handler, as `command_caller` (strangers get the access text as an alert)."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or query.data is None or chat is None:
        return None
    rep = await current_rep(update, context)
    if rep is None:
        return None
    return Tap(query, query.data, chat, rep, ui_language(update))


def markup(spec: KeyboardSpec | None) -> InlineKeyboardMarkup | None:
    if not spec:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in spec]
    )


async def send_html(
    context: Context,
    chat_id: int,
    parts: Sequence[str],
    keyboard: KeyboardSpec | None = None,
) -> Message | None:
    """Send message parts in order; the keyboard goes under the last one. Returns the last message."""
    last: Message | None = None
    for index, part in enumerate(parts):
        last = await context.bot.send_message(
            chat_id,
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=markup(keyboard) if index == len(parts) - 1 else None,
            link_preview_options=NO_PREVIEW,
        )
    return last


async def with_typing(context: Context, chat_id: int, work: Awaitable[T]) -> T:
    """Await `work`; if it is still running after a moment, show "typing…" (saves a request on fast
    answers)."""
    task = asyncio.ensure_future(work)
    done, _pending = await asyncio.wait({task}, timeout=TYPING_AFTER_SECONDS)
    if not done:
        try:
            await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError as exc:  # cosmetic: never fail an answer because the indicator did not show
            logger.debug("typing indicator failed: %s", exc)
    return await task


def command_text(message: Message) -> str:
    """What follows the /command (newlines kept, unlike context.args)."""
    raw = message.text or message.caption or ""
    parts = raw.split(maxsplit=1)
    return parts[1] if len(parts) > 1 and raw.startswith("/") else ("" if raw.startswith("/") else raw)


# ----------------------------------------------------------------------------------------------- gates
async def rate_limit_gate(update: object, context: Context) -> None:
    """Runs before every handler: drops a flooding user's updates, telling them once."""
    if not isinstance(update, Update) or update.effective_user is None:
        return
    if update.effective_chat is not None and update.effective_chat.type != ChatType.PRIVATE:
        return  # the handlers ignore groups; their chatter must not use up anyone's allowance
    limiter = wired(context.bot_data.limiter, "limiter")
    user_id = update.effective_user.id
    verdict = limiter.check(user_id)
    if verdict is Verdict.ALLOW:
        return
    if update.callback_query is not None:
        await update.callback_query.answer()
    if verdict is Verdict.REFUSE_AND_TELL and update.effective_chat is not None:
        seconds = max(1, round(limiter.retry_in(user_id)))
        await context.bot.send_message(
            update.effective_chat.id, text("rate_limited", ui_language(update), seconds=seconds)
        )
    raise ApplicationHandlerStop


async def prune_rate_limits(context: Context) -> None:
    """Job: forget users idle for a whole window, so the limiter's memory follows active users."""
    wired(context.bot_data.limiter, "limiter").prune()


# -------------------------------------------------------------------------------------------- commands
async def start(update: Update, context: Context) -> None:
    """/start [CODE]: link this Telegram account with an invite code, or greet a known rep."""
    message = update.effective_message
    user = update.effective_user
    if message is None or user is None:
        return
    language = ui_language(update)
    if context.args:
        services = services_of(context)
        try:
            linked = await asyncio.to_thread(redeem_invite, services.store, context.args[0], user.id)
        except InviteError as exc:
            await message.reply_text(escape(str(exc)), parse_mode=ParseMode.HTML)
            return
        logger.info("telegram user %s linked to rep %s", user.id, linked.rep_id)
        welcome = text("linked", language, name=escape(linked.name))
        await message.reply_text(welcome, parse_mode=ParseMode.HTML)
        for hook in context.bot_data.on_link:
            await hook(context, linked)
        return
    rep = await current_rep(update, context)
    if rep is not None:
        await message.reply_text(text("welcome", language, name=escape(rep.name)), parse_mode=ParseMode.HTML)


async def help_command(update: Update, context: Context) -> None:
    """/help: what the bot does, including commands feature modules added to the menu (known reps only)."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    language = caller.language
    lines = [text("help", language)]
    described = {"ask", "check", "coach", "team", "invite", "whoami", "help", "start"}
    for command in context.bot_data.menu:
        if command not in described:
            lines.append(f"• /{escape(command)}: {escape(catalogue.text(f'menu.{command}', language))}")
    await caller.message.reply_text("\n".join(lines), parse_mode=ParseMode.HTML)


async def whoami(update: Update, context: Context) -> None:
    """/whoami: the roster entry this account maps to."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    rep, language = caller.rep, caller.language
    manager = ""
    chain = await asyncio.to_thread(_chain, services_of(context), rep.rep_id)
    if chain:
        manager = text("whoami_manager", language, manager=escape(f"{chain[0].name} ({chain[0].rep_id})"))
    await caller.message.reply_text(
        text("whoami", language, name=escape(rep.name), rep_id=escape(rep.rep_id), role=escape(rep.role),
             manager=manager),
        parse_mode=ParseMode.HTML,
    )  # fmt: skip


async def web_command(update: Update, context: Context) -> None:
    """/web: a one-time link (15 minutes, single use) that logs the asker into the web console."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    services = services_of(context)
    link = await asyncio.to_thread(issue_link, services.store, caller.rep.rep_id, services.settings.web_base_url)
    intro = text("web_link", caller.language)
    # No preview: Telegram fetching the link for a preview would use it up before the rep taps it.
    await caller.message.reply_text(
        f"{intro}\n{escape(link)}", parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )  # fmt: skip


async def ask_command(update: Update, context: Context) -> None:
    """/ask QUESTION: a cited answer (same as typing the question)."""
    if update.effective_message is not None:
        await answer_question(update, context, command_text(update.effective_message))


async def plain_text(update: Update, context: Context) -> None:
    """Any text that is not a command is a question."""
    if update.effective_message is not None:
        await answer_question(update, context, update.effective_message.text or "")


async def answer_question(update: Update, context: Context, question: str) -> None:
    """Ask the assistant as this rep, record the ask for `gaps`, send the answer with feedback buttons."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    chat, rep, language = caller.chat, caller.rep, caller.language
    if not question.strip():
        await context.bot.send_message(chat.id, text("ask_usage", language))
        return
    services = services_of(context)
    try:
        reply = await with_typing(
            context,
            chat.id,
            asyncio.to_thread(services.assistant.ask, Request(text=question, asker=rep, door="telegram")),
        )
    except EmptyQuestionError:
        await context.bot.send_message(chat.id, text("ask_usage", language))
        return
    parts = format_reply(reply)
    ask_id = await asyncio.to_thread(
        feedback.record_ask,
        services.store,
        rep_id=rep.rep_id,
        chat_id=chat.id,
        question=question.strip(),
        answer=reply.answer,
        grounded=reply.grounded,
        language=reply.language,
    )
    await send_html(context, chat.id, parts, answer_keyboard(ask_id, reply.language))


async def check_command(update: Update, context: Context) -> None:
    """/check TEXT, or /check as a reply to a message: compliance findings, citing the company's rule cards."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    message, chat, language = caller.message, caller.chat, caller.language
    target = command_text(message).strip()
    if not target and message.reply_to_message is not None:
        target = (message.reply_to_message.text or message.reply_to_message.caption or "").strip()
    if not target:
        await message.reply_text(text("check_usage", language))
        return
    checker = services_of(context).checker
    result = await with_typing(context, chat.id, asyncio.to_thread(checker.check, target, with_sources=True))
    await send_html(context, chat.id, format_check(result, language))


async def invite_command(update: Update, context: Context) -> None:
    """/invite REP_ID: a manager creates a one-time link code for one of their reports."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    message, rep, language = caller.message, caller.rep, caller.language
    if not context.args:
        await message.reply_text(text("invite_usage", language))
        return
    target = context.args[0]
    services = services_of(context)
    if not await asyncio.to_thread(may_invite, services.store, rep, target):
        await message.reply_text(text("invite_refused", language, target=echoed(target)), parse_mode=ParseMode.HTML)
        return
    hours = services.settings.invite_ttl_hours
    code = await asyncio.to_thread(create_invite, services.store, target, timedelta(hours=hours), created_by=rep.rep_id)
    invited = await asyncio.to_thread(_rep, services, target)
    link = f"https://t.me/{context.bot.username}?start={code}" if context.bot.username else ""
    await message.reply_text(
        text("invite_created", language, name=escape(invited.name if invited else target),
             rep_id=escape(target), hours=hours, code=escape(code), link=escape(link)),
        parse_mode=ParseMode.HTML,
    )  # fmt: skip


async def anything_else(update: Update, context: Context) -> None:
    """An unknown command, or a photo, sticker or file outside a conversation: say what works (strangers get
    the access reply instead, as for everything else)."""
    caller = await command_caller(update, context)
    if caller is not None:
        await caller.message.reply_text(text("unknown", caller.language))


# --------------------------------------------------------------------------------------------- buttons
async def answer_button(update: Update, context: Context) -> None:
    """Feedback buttons under answers: a vote, or forward the question and answer to the rep's manager."""
    tap = await button_caller(update, context)
    if tap is None:
        return
    query, rep, language = tap.query, tap.rep, tap.language
    parsed = parse_callback(tap.data)
    if parsed is None:
        await query.answer()
        return
    action, ask_id, helpful = parsed
    services = services_of(context)
    if action == CALLBACK_VOTE:
        assert helpful is not None
        stored = await asyncio.to_thread(
            feedback.record_vote, services.store, ask_id=ask_id, rep_id=rep.rep_id, helpful=helpful
        )
        key = "vote_not_yours" if not stored else ("thanks_up" if helpful else "thanks_down")
        await query.answer(text(key, language))
        return
    await query.answer()
    await hand_off(context, tap.chat, rep, ask_id, language)


async def hand_off(
    context: Context, chat: Chat, rep: RepInfo, ask_id: int, language: Language
) -> None:
    """Forward a rep's question and the bot's answer to their nearest manager, through the SQL outbox."""
    services = services_of(context)
    ask = await asyncio.to_thread(feedback.get_ask, services.store, ask_id)
    if ask is None or ask.rep_id != rep.rep_id:
        await context.bot.send_message(chat.id, text("vote_not_yours", language))
        return
    chain = await asyncio.to_thread(_chain, services, rep.rep_id)
    if not chain:
        await context.bot.send_message(chat.id, text("handoff_no_manager", language))
        return
    manager = chain[0]
    manager_label = escape(f"{manager.name} ({manager.rep_id})")
    manager_chat = await asyncio.to_thread(telegram_chat_of, services.store, manager.rep_id)
    handoff_id = await asyncio.to_thread(
        feedback.open_handoff,
        services.store,
        ask_id=ask_id,
        from_rep_id=rep.rep_id,
        to_rep_id=manager.rep_id,
        to_chat_id=manager_chat,
    )
    if handoff_id is None:
        await context.bot.send_message(
            chat.id, text("handoff_already", language, manager=manager_label), parse_mode=ParseMode.HTML
        )
        return
    if manager_chat is None:
        await context.bot.send_message(
            chat.id, text("handoff_unreachable", language, manager=manager_label), parse_mode=ParseMode.HTML
        )
        return
    body = handoff_message(rep.name, rep.rep_id, ask.question, ask.answer, ask.language)
    status = await deliver_handoff(context.bot, services, handoff_id, manager_chat, body)
    if status == feedback.HANDOFF_PENDING and context.job_queue is not None:
        context.job_queue.run_once(retry_pending_handoffs, HANDOFF_RETRY_SECONDS, name="handoff-retry")
    key = {
        feedback.HANDOFF_SENT: "handoff_sent",
        feedback.HANDOFF_PENDING: "handoff_queued",
        feedback.HANDOFF_UNREACHABLE: "handoff_unreachable",
    }[status]
    await context.bot.send_message(chat.id, text(key, language, manager=manager_label), parse_mode=ParseMode.HTML)


def handoff_message(rep_name: str, rep_id: str, question: str, answer: str, language: str) -> list[str]:
    lang: Language = "zh" if language == "zh" else "en"
    return split_message(
        text("handoff_message", lang, rep=escape(rep_name), rep_id=escape(rep_id), question=escape(question),
             answer=escape(answer))
    )  # fmt: skip


async def deliver_handoff(bot: Any, services: Services, handoff_id: int, chat_id: int, parts: list[str]) -> str:
    """Send an outbox entry and mark it. Returns its status: `sent`; `unreachable` when the manager never
    started the bot (Telegram refuses for good); `pending` when Telegram could not be reached this time."""
    try:
        for part in parts:
            await bot.send_message(chat_id, part, parse_mode=ParseMode.HTML)
    except (Forbidden, BadRequest) as exc:
        logger.warning("hand-off %s to chat %s refused: %s", handoff_id, chat_id, exc)
        status = feedback.HANDOFF_UNREACHABLE
    except NetworkError as exc:  # includes TimedOut; the row stays pending for the retry job and the next start
        logger.warning("hand-off %s to chat %s not delivered yet: %s", handoff_id, chat_id, exc)
        return feedback.HANDOFF_PENDING
    else:
        status = feedback.HANDOFF_SENT
    await asyncio.to_thread(feedback.mark_handoff, services.store, handoff_id, status)
    return status


async def deliver_pending_handoffs(bot: Any, services: Services) -> int:
    """Send every hand-off still pending (written before a crash, or refused by a network error); returns
    how many are still pending afterwards."""
    pending = await asyncio.to_thread(feedback.pending_handoffs, services.store)
    left = 0
    for entry in pending:
        rep = await asyncio.to_thread(_rep, services, entry.from_rep_id)
        name = rep.name if rep else entry.from_rep_id
        body = handoff_message(name, entry.from_rep_id, entry.question, entry.answer, entry.language)
        status = await deliver_handoff(bot, services, entry.id, entry.to_chat_id, body)
        left += status == feedback.HANDOFF_PENDING
    if pending:
        logger.info("pending hand-offs: %d tried, %d still pending", len(pending), left)
    return left


async def retry_pending_handoffs(context: Context) -> None:
    """Job: retry pending hand-offs, and again later while some are still pending."""
    left = await deliver_pending_handoffs(context.bot, services_of(context))
    if left and context.job_queue is not None:
        context.job_queue.run_once(retry_pending_handoffs, HANDOFF_RETRY_SECONDS, name="handoff-retry")


# ---------------------------------------------------------------------------------------------- errors
async def error_handler(update: object, context: Context) -> None:
    """The one error handler: log with the traceback, apologise to the user, keep the bot running."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("update %s failed", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, text("apology", ui_language(update)))
    except TelegramError as exc:
        logger.warning("could not send the apology for update %s: %s", update_id, exc)


# ---------------------------------------------------------------------------------------- sync helpers
def _chain(services: Services, rep_id: str) -> list[RepInfo]:
    with services.store.session() as session:
        return management_chain(session, rep_id)


def _rep(services: Services, rep_id: str) -> RepInfo | None:
    with services.store.session() as session:
        return get_rep(session, rep_id)


def _can_view(services: Services, viewer: RepInfo, target: str) -> bool:
    with services.store.session() as session:
        return can_view(session, viewer, target)


def report_charts(report: RepReport | TeamReport, language: Language) -> list[tuple[str, bytes]]:
    """(caption, PNG bytes) for each chart of a coaching report; matplotlib work, so called in a thread."""
    from coaching.charts import funnel_png, kpis_png, team_png  # matplotlib loads with the first chart, not at start

    if isinstance(report, TeamReport):
        return [(catalogue.text("chart.team", language), team_png(report))]
    return [
        (catalogue.text("chart.funnel", language), funnel_png(report)),
        (catalogue.text("chart.kpis", language), kpis_png(report)),
    ]


def _has_reports(services: Services, rep_id: str) -> bool:
    with services.store.session() as session:
        return bool(reports_of(session, rep_id, recursive=False))


# -------------------------------------------------------------------------------------------- coaching
async def coach_command(update: Update, context: Context) -> None:
    """/coach [REP_ID] [PERIOD]: KPI findings and charts for yourself or one of your reports (latest period by
    default)."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    message, chat, rep, language = caller.message, caller.chat, caller.rep, caller.language
    args = context.args or []
    target = args[0] if args else rep.rep_id
    period = args[1] if len(args) > 1 else None
    services = services_of(context)
    # "Not yours" and "does not exist" get the same words, so the reply leaks nothing about other reps.
    if not await asyncio.to_thread(_can_view, services, rep, target):
        await message.reply_text(text("not_visible", language, target=echoed(target)), parse_mode=ParseMode.HTML)
        return
    try:
        report = await with_typing(context, chat.id, asyncio.to_thread(services.coach.coach_rep, target, period))
    except PeriodError as exc:  # the words the CLI prints for the same period
        await message.reply_text(escape(str(exc)), parse_mode=ParseMode.HTML)
        return
    except NoDataError as exc:
        # With a period asked for, the coach's message lists the periods that do exist.
        reply = escape(str(exc)) if period else text("no_kpis", language, target=escape(target))
        await message.reply_text(reply, parse_mode=ParseMode.HTML)
        return
    await send_coaching(context, chat.id, report, language)


async def team_command(update: Update, context: Context) -> None:
    """/team: the team report for a manager (a director's covers every team below them), with the onboarding
    progress of their new hires."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    message, chat, rep, language = caller.message, caller.chat, caller.rep, caller.language
    services = services_of(context)
    if not await asyncio.to_thread(_has_reports, services, rep.rep_id):
        await message.reply_text(text("team_only", language))
        return
    # The plan the running bot uses (a configured file may replace the bundled one); the bundled one otherwise.
    desk = context.bot_data.onboarding_desk
    plan = desk.plan if desk is not None else None
    onboarding = escape(await asyncio.to_thread(onboarding_summary, services.store, rep.rep_id, plan, language))
    try:
        report = await with_typing(context, chat.id, asyncio.to_thread(services.coach.team_report, rep.rep_id))
    except NoDataError:
        label = escape(f"{rep.name} ({rep.rep_id})")
        await send_html(context, chat.id, split_message(f"{text('no_kpis', language, target=label)}\n\n{onboarding}"))
        return
    await send_coaching(context, chat.id, report, language, appendix=onboarding)


async def send_coaching(
    context: Context,
    chat_id: int,
    report: RepReport | TeamReport,
    language: Language,
    *,
    appendix: str = "",
) -> None:
    """The coaching text (and `appendix`, HTML, as its last block), then each chart as a photo."""
    await send_html(context, chat_id, format_coaching(report, language, appendix=appendix))
    for caption, png in await asyncio.to_thread(report_charts, report, language):
        await context.bot.send_photo(chat_id, png, caption=escape(caption)[:MAX_CAPTION_CHARS],
                                     parse_mode=ParseMode.HTML)  # fmt: skip
