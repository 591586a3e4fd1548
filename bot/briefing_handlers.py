"""Briefings in Telegram: `/brief` (a short conversation), `/briefs`, the acknowledge and quiz buttons, and
the jobs that drain the SQL outbox and send reminders (all registered by bot.app.build_application).

The jobs hold no state of their own: every tick claims work from SQL (workflows.briefings), sends it, confirms it.
So briefings created while the bot was down go out on the first tick after start, a rep who links later is
picked up by the next tick, and the reminder schedule survives restarts because it is rows, not jobs.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import PRIVATE, Context, SweepState, wired
from bot.formatting import (
    MAX_CAPTION_CHARS,
    Language,
    bilingual,
    echoed,
    escape,
    language_of,
    quiz_keyboard,
    quiz_question_text,
    quiz_verdict,
    split_message,
    text,
)
from bot.handlers import (
    NO_PREVIEW,
    button_caller,
    command_caller,
    markup,
    send_html,
    services_of,
    ui_language,
)
from bot.token_guard import redact
from core.messages import RepInfo
from core.roster import UnknownRepError, require_rep
from ingest.models import IngestError
from workflows.briefings import (
    PUSHING_ROLES,
    BriefingError,
    BriefingPermissionError,
    BriefingSummary,
    Delivery,
    QuizQuestion,
    ReminderDue,
    acknowledge,
    briefing_quiz,
    claim_deliveries,
    claim_reminders,
    confirm_delivery,
    confirm_reminder,
    get_briefing,
    quiz_answers,
    read_briefing_file,
    record_quiz_answer,
    release_delivery,
    release_reminder,
    resolve_recipients,
    summaries_for,
    summary_of,
)

logger = logging.getLogger(__name__)

# user_data key of the /brief conversation's draft (per user, PTB's own store for a conversation)
DRAFT_KEY = "briefing_draft"

ACK, QUIZ, CONV = "ba", "bq", "bc"
TITLE, BODY, RECIPIENTS, DUE, CONFIRM = range(5)

# A briefing's buttons speak both languages: it may reach someone before they have written to the bot.
ACK_LABEL = f"✅ {bilingual('brief.btn_acknowledge')}"
QUIZ_LABEL = f"📝 {bilingual('brief.btn_quiz')}"


# ------------------------------------------------------------------------------------------ formatting
def ack_keyboard(briefing_id: int, has_quiz: bool) -> InlineKeyboardMarkup:
    row = [InlineKeyboardButton(ACK_LABEL, callback_data=f"{ACK}:{briefing_id}")]
    if has_quiz:
        row.append(InlineKeyboardButton(QUIZ_LABEL, callback_data=f"{QUIZ}:{briefing_id}:s"))
    return InlineKeyboardMarkup([row])


def delivery_head(delivery: Delivery) -> str:
    language = language_of(delivery.language)
    meta = text("brief.from", language, author=escape(delivery.author_name))
    if delivery.due_date:
        meta += " · " + text("brief.due", language, due=delivery.due_date.isoformat())
    return f"{text('brief.header', language, title=escape(delivery.title))}\n<i>{meta}</i>"


def delivery_parts(delivery: Delivery) -> list[str]:
    """The message text (split below Telegram's limit); the keyboard goes under the last part."""
    return split_message(f"{delivery_head(delivery)}\n\n{escape(delivery.body)}")


def delivery_caption(delivery: Delivery) -> str:
    """A caption for the attached original: header and as much of the summary as fits in 1,024 characters."""
    head = delivery_head(delivery)
    tail = "\n" + text("brief.attached", language_of(delivery.language))
    room = MAX_CAPTION_CHARS - len(head) - len(tail) - 4
    return f"{head}\n\n{escape(summary_of(delivery.body, max(room, 0)))[: max(room, 0)]}{tail}"


def format_summaries(rows: list[BriefingSummary], language: Language) -> str:
    """`/briefs`: each briefing with acknowledged/recipients and who is missing."""
    if not rows:
        return text("brief.none_yet", language)
    lines = [text("brief.list_header", language)]
    for row in rows:
        due = text("brief.list_due", language, due=row.due_date.isoformat()) if row.due_date else ""
        lines.append(
            text("brief.list_line", language, id=row.id, title=escape(row.title), acked=row.acknowledged,
              total=row.recipients, due=due)
        )  # fmt: skip
        if row.missing:
            names = ", ".join(escape(f"{r.name} ({r.rep_id})") for r in row.missing)
            lines.append(text("brief.missing", language, names=names))
    return "\n".join(lines)


def reminder_text(reminder: ReminderDue, today: date) -> str:
    """The reminder in the briefing's own language, as the briefing itself went out."""
    language = language_of(reminder.language)
    if reminder.due_date is None:
        when = ""
    elif reminder.due_date <= today:
        when = text("brief.due_today", language)
    else:
        when = text("brief.due_in", language, days=(reminder.due_date - today).days, due=reminder.due_date.isoformat())
    return text("brief.reminder", language, title=escape(reminder.title), when=when)


# -------------------------------------------------------------------------------------------------- jobs
async def sweep_deliveries(context: Context) -> None:
    """Drain the outbox: claim a batch, send each, confirm each; repeat until empty or the bot stops."""
    application = context.application
    state = context.bot_data.sweep
    if state.lock.locked():
        return  # the previous tick is still draining; it will pick up anything new
    store = services_of(context).store
    config = context.bot_data.delivery
    async with state.lock:
        while application.running:
            batch = await asyncio.to_thread(
                claim_deliveries, store, now=config.clock(), limit=config.batch, lease=config.lease
            )
            if not batch:
                return
            await asyncio.gather(*(deliver_one(context, delivery) for delivery in batch))


async def pace(state: SweepState, per_second: float) -> None:
    """Wait until 1/per_second has passed since the previous send started, then claim the slot.

    Measured from the actual last start and re-checked after every wake-up, so sends queued behind a stalled
    event loop do not go out in a burst once it resumes (precomputed slots would all fall due together).
    """
    gap = 1.0 / per_second
    loop = asyncio.get_running_loop()
    while True:
        now = loop.time()
        wait = state.last_start + gap - now
        if wait <= 0:
            state.last_start = now
            return
        await asyncio.sleep(wait)


async def deliver_one(context: Context, delivery: Delivery) -> None:
    """Send one claimed entry and settle its claim: delivered, back to pending, or failed for good."""
    store = services_of(context).store
    state = context.bot_data.sweep
    keyboard = ack_keyboard(delivery.briefing_id, bool(delivery.quiz))
    await pace(state, context.bot_data.delivery.max_per_second)
    try:
        if delivery.document_path and Path(delivery.document_path).is_file():
            with open(delivery.document_path, "rb") as handle:
                message: Message = await context.bot.send_document(
                    delivery.chat_id,
                    handle,
                    filename=Path(delivery.document_path).name,
                    caption=delivery_caption(delivery),
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard,
                )
        else:
            parts = delivery_parts(delivery)
            for index, part in enumerate(parts):
                message = await context.bot.send_message(
                    delivery.chat_id,
                    part,
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard if index == len(parts) - 1 else None,
                    link_preview_options=NO_PREVIEW,
                )
    except (Forbidden, BadRequest) as exc:
        # The rep blocked the bot or never opened it: retrying cannot help; the status shows them undelivered.
        state.failed += 1
        logger.warning("briefing %s to %s not deliverable: %s", delivery.briefing_id, delivery.rep_id, exc)
        await asyncio.to_thread(release_delivery, store, delivery, error=str(exc), permanent=True)
        return
    except TelegramError as exc:
        # Timeouts, network errors, 429 beyond the limiter's retries: give the claim back for the next tick.
        logger.info("briefing %s to %s will be retried: %s", delivery.briefing_id, delivery.rep_id, exc)
        await asyncio.to_thread(release_delivery, store, delivery, error=str(exc))
        return
    confirmed = await asyncio.to_thread(
        confirm_delivery, store, delivery, message_id=message.message_id, now=context.bot_data.delivery.clock()
    )
    if confirmed:
        state.sent += 1


async def sweep_reminders(context: Context) -> None:
    """Send the reminders that fell due to recipients who have not acknowledged (schedule rows in SQL)."""
    store = services_of(context).store
    config = context.bot_data.delivery
    state = context.bot_data.sweep
    while context.application.running:
        now = config.clock()
        due = await asyncio.to_thread(claim_reminders, store, now=now, limit=config.batch, lease=config.lease)
        if not due:
            return
        for reminder in due:
            body = reminder_text(reminder, now.date())
            await pace(state, config.max_per_second)
            try:
                await context.bot.send_message(
                    reminder.chat_id,
                    body,
                    parse_mode=ParseMode.HTML,
                    reply_markup=ack_keyboard(reminder.briefing_id, False),
                )
            except (Forbidden, BadRequest) as exc:
                logger.warning("reminder for briefing %s to %s: %s", reminder.briefing_id, reminder.rep_id, exc)
                await asyncio.to_thread(release_reminder, store, reminder, permanent=True)
                continue
            except TelegramError as exc:
                logger.info("reminder for briefing %s will be retried: %s", reminder.briefing_id, exc)
                await asyncio.to_thread(release_reminder, store, reminder)
                continue
            if await asyncio.to_thread(confirm_reminder, store, reminder, now=config.clock()):
                state.reminders += 1


def kick_delivery(context: Context) -> None:
    """Run a delivery tick now rather than at the next interval (after /brief, after someone links)."""
    application = context.application
    if application.job_queue is not None and application.running:
        application.job_queue.run_once(sweep_deliveries, 0.0, name="briefings-kick")


async def on_link(context: Context, rep: RepInfo) -> None:
    """A rep just linked their Telegram account: their pending briefings go out now."""
    kick_delivery(context)


# ---------------------------------------------------------------------------------------------- buttons
async def acknowledge_button(update: Update, context: Context) -> None:
    """The Acknowledge button under a briefing or a reminder."""
    tap = await button_caller(update, context)
    if tap is None:
        return
    query, rep, language = tap.query, tap.rep, tap.language
    briefing_id = int(tap.data.split(":")[1])
    clock = context.bot_data.delivery.clock
    outcome = await asyncio.to_thread(acknowledge, services_of(context).store, briefing_id, rep.rep_id, now=clock())
    if outcome is None:
        await query.answer(text("brief.not_yours", language), show_alert=True)
        return
    await query.answer(text("brief.acked" if outcome else "brief.already", language))
    if outcome and query.message is not None:
        keep_quiz = None
        markup = query.message.reply_markup if isinstance(query.message, Message) else None
        if markup and any(
            b.callback_data and str(b.callback_data).startswith(QUIZ) for r in markup.inline_keyboard for b in r
        ):
            keep_quiz = InlineKeyboardMarkup(
                [[InlineKeyboardButton(QUIZ_LABEL, callback_data=f"{QUIZ}:{briefing_id}:s")]]
            )
        try:
            await query.edit_message_reply_markup(reply_markup=keep_quiz)
        except TelegramError as exc:  # cosmetic: the acknowledgement is stored either way
            logger.debug("could not remove the acknowledge button: %s", exc)


async def quiz_button(update: Update, context: Context) -> None:
    """A briefing quiz: `bq:ID:s` starts it, `bq:ID:N:OPTION` answers question N."""
    tap = await button_caller(update, context)
    if tap is None:
        return
    query, chat, rep, language = tap.query, tap.chat, tap.rep, tap.language
    parts = tap.data.split(":")
    briefing_id = int(parts[1])
    store = services_of(context).store

    def load() -> tuple[QuizQuestion, ...]:
        with store.session() as session:
            return briefing_quiz(get_briefing(session, briefing_id))

    try:
        quiz = await asyncio.to_thread(load)
    except BriefingError:
        await query.answer(text("brief.not_yours", language), show_alert=True)
        return
    if parts[2] == "s":
        answers_so_far = await asyncio.to_thread(quiz_answers, store, briefing_id, rep.rep_id)
        if answers_so_far is None:
            await query.answer(text("brief.not_yours", language), show_alert=True)
            return
        await query.answer()
        answered = len(answers_so_far)
        if answered < len(quiz):
            await send_quiz_question(context, chat.id, briefing_id, quiz, answered, language)
        return
    n, option = int(parts[2]), int(parts[3])
    progress = await asyncio.to_thread(record_quiz_answer, store, briefing_id, rep.rep_id, n, option)
    if progress is None:
        await query.answer(text("brief.not_yours", language), show_alert=True)
        return
    await query.answer()
    answers, _score = progress
    if n >= len(quiz) or n != len(answers) - 1:
        return  # a stale or repeated tap
    verdict = quiz_verdict(quiz[n], option, language, reveal=True)
    if len(answers) < len(quiz):
        await context.bot.send_message(chat.id, verdict)
        await send_quiz_question(context, chat.id, briefing_id, quiz, len(answers), language)
        return
    right = sum(1 for q, a in zip(quiz, answers, strict=False) if q.answer == a)
    await context.bot.send_message(chat.id, f"{verdict}\n{text('brief.score', language, right=right, total=len(quiz))}")


async def send_quiz_question(
    context: Context,
    chat_id: int,
    briefing_id: int,
    quiz: tuple[QuizQuestion, ...],
    n: int,
    language: Language,
) -> None:
    question = quiz[n]
    await context.bot.send_message(
        chat_id,
        quiz_question_text(question, n, len(quiz), language),
        parse_mode=ParseMode.HTML,
        reply_markup=markup(quiz_keyboard(f"{QUIZ}:{briefing_id}", n, len(question.options))),
    )


# ---------------------------------------------------------------------------------------------- /briefs
async def briefs_command(update: Update, context: Context) -> None:
    """/briefs: a manager's briefings with acknowledged/recipients and who is missing."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    rep, language = caller.rep, caller.language
    if rep.role not in PUSHING_ROLES:
        await caller.message.reply_text(text("brief.managers_only", language))
        return
    store = services_of(context).store

    def load() -> list[BriefingSummary]:
        with store.session() as session:
            return summaries_for(session, rep)

    rows = await asyncio.to_thread(load)
    await send_html(context, caller.chat.id, split_message(format_summaries(rows, language)))


# ---------------------------------------------------------------------------------------------- /brief
def _draft(context: Context) -> dict[str, Any]:
    user_data = context.user_data
    assert user_data is not None
    draft: dict[str, Any] = user_data.setdefault(DRAFT_KEY, {})
    return draft


async def brief_start(update: Update, context: Context) -> int:
    """/brief: start a briefing (managers and directors only)."""
    caller = await command_caller(update, context)
    if caller is None:
        return ConversationHandler.END
    message, rep, language = caller.message, caller.rep, caller.language
    if rep.role not in PUSHING_ROLES:
        await message.reply_text(text("brief.managers_only", language))
        return ConversationHandler.END
    draft = _draft(context)
    draft.clear()
    draft["author"] = rep.rep_id
    await message.reply_text(text("brief.ask_title", language))
    return TITLE


async def brief_title(update: Update, context: Context) -> int:
    """Conversation: the title."""
    message = update.effective_message
    if message is None or not message.text:
        return TITLE
    _draft(context)["title"] = message.text.strip()
    await message.reply_text(text("brief.ask_body", ui_language(update)))
    return BODY


async def brief_body(update: Update, context: Context) -> int:
    """Conversation: the text, or an attached document (downloaded, parsed, attached again on delivery)."""
    message = update.effective_message
    if message is None:
        return BODY
    language = ui_language(update)
    draft = _draft(context)
    if message.document is not None:
        services = services_of(context)
        folder = services.settings.home / "briefings" / "uploads"
        name = Path(message.document.file_name or f"{message.document.file_unique_id}.bin").name
        target = folder / f"{message.document.file_unique_id}-{name}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            telegram_file = await message.document.get_file()
            await telegram_file.download_to_drive(target)
            body, attach = await asyncio.to_thread(read_briefing_file, target)
        except IngestError as exc:
            # The manager sees their file's name and the reason, not where the server keeps uploads.
            reason = escape(f"{name}: {exc.reason}")
            await message.reply_text(text("brief.no_download", language, reason=reason), parse_mode=ParseMode.HTML)
            return BODY
        except (TelegramError, OSError) as exc:
            logger.warning("briefing upload %s failed: %s", name, exc)
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            reason = escape(f"{name}: {redact(detail, context.bot.token)}")
            await message.reply_text(text("brief.no_download", language, reason=reason), parse_mode=ParseMode.HTML)
            return BODY
        draft["body"] = body
        draft["document"] = str(target) if attach else None
    elif message.text:
        draft["body"] = message.text
        draft["document"] = None
    else:
        return BODY
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton(text("brief.whole_team", language), callback_data=f"{CONV}:team")]]
    )
    await message.reply_text(text("brief.ask_to", language), parse_mode=ParseMode.HTML, reply_markup=keyboard)
    return RECIPIENTS


async def brief_recipients(update: Update, context: Context) -> int:
    """Conversation: 'team' (button) or rep ids; checked against the author's reports at once."""
    language = ui_language(update)
    query = update.callback_query
    if query is not None:
        await query.answer()
        wanted = "team"
    elif update.effective_message is not None and update.effective_message.text:
        wanted = update.effective_message.text
    else:
        return RECIPIENTS
    chat = update.effective_chat
    assert chat is not None
    draft = _draft(context)
    store = services_of(context).store

    def check() -> int | str:
        """How many reps the draft goes to, or the first named id the author may not brief."""
        with store.session() as session:
            author = require_rep(session, draft["author"])
            try:
                return len(resolve_recipients(session, author, wanted))
            except (UnknownRepError, BriefingPermissionError):
                if author.role not in PUSHING_ROLES:
                    raise  # about the author, not a recipient: say it as it is
            # A made-up id and someone else's report get the same words (as /coach does), so the reply does
            # not tell who is on the roster: find which id it was without saying why.
            for rep_id in wanted.replace(",", " ").split():
                try:
                    resolve_recipients(session, author, [rep_id])
                except (UnknownRepError, BriefingPermissionError):
                    return rep_id
            return wanted

    try:
        checked = await asyncio.to_thread(check)
    except (BriefingError, UnknownRepError) as exc:
        await context.bot.send_message(chat.id, str(exc))  # plain text: the message is shown as written
        return RECIPIENTS
    if isinstance(checked, str):
        await context.bot.send_message(chat.id, text("brief.not_reports", language, target=echoed(checked)),
                                       parse_mode=ParseMode.HTML)  # fmt: skip
        return RECIPIENTS
    count = checked
    draft["to"], draft["count"] = wanted, count
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton(text("brief.no_due", language), callback_data=f"{CONV}:nodue")]]
    )
    await context.bot.send_message(
        chat.id, text("brief.ask_due", language), parse_mode=ParseMode.HTML, reply_markup=keyboard
    )
    return DUE


async def brief_due(update: Update, context: Context) -> int:
    """Conversation: a due date or none; then the confirmation."""
    language = ui_language(update)
    chat = update.effective_chat
    assert chat is not None
    draft = _draft(context)
    query = update.callback_query
    if query is not None:
        await query.answer()
        draft["due"] = None
    else:
        message = update.effective_message
        raw = (message.text or "").strip() if message else ""
        try:
            due = date.fromisoformat(raw)
        except ValueError:
            due = None
        if due is None or due < context.bot_data.delivery.clock().date():
            await context.bot.send_message(chat.id, text("brief.bad_date", language))
            return DUE
        draft["due"] = due.isoformat()
    due_text = text("brief.list_due", language, due=draft["due"]) if draft["due"] else ""
    preview = escape(summary_of(draft["body"], 600))
    keyboard = InlineKeyboardMarkup(
        [[
            InlineKeyboardButton(text("brief.send", language), callback_data=f"{CONV}:send"),
            InlineKeyboardButton(text("brief.cancel", language), callback_data=f"{CONV}:cancel"),
        ]]
    )  # fmt: skip
    await context.bot.send_message(
        chat.id,
        text(
            "brief.confirm",
            language,
            title=escape(draft["title"]),
            count=draft["count"],
            due=due_text,
            preview=preview,
        ),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard,
    )
    return CONFIRM


async def brief_confirm(update: Update, context: Context) -> int:
    """Conversation: Send creates the briefing (SQL + knowledge base) and kicks delivery; Cancel drops it."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None:
        return CONFIRM
    await query.answer()
    language = ui_language(update)
    draft = _draft(context)
    if query.data != f"{CONV}:send":
        draft.clear()
        await context.bot.send_message(chat.id, text("brief.cancelled", language))
        return ConversationHandler.END
    desk = wired(context.bot_data.briefing_desk, "briefing desk")
    document = draft.get("document")
    try:
        briefing_id = await asyncio.to_thread(
            desk.create,
            author_id=draft["author"],
            title=draft["title"],
            body=draft["body"],
            to=draft["to"],
            due=date.fromisoformat(draft["due"]) if draft.get("due") else None,
            document_path=Path(document) if document else None,
        )
    except (BriefingError, UnknownRepError, IngestError) as exc:
        await context.bot.send_message(chat.id, str(exc))
        draft.clear()
        return ConversationHandler.END
    count = draft.get("count", 0)
    draft.clear()
    await context.bot.send_message(chat.id, text("brief.created", language, id=briefing_id, count=count))
    kick_delivery(context)
    return ConversationHandler.END


async def brief_cancel(update: Update, context: Context) -> int:
    """/cancel inside the conversation."""
    _draft(context).clear()
    if update.effective_message is not None:
        await update.effective_message.reply_text(text("brief.cancelled", ui_language(update)))
    return ConversationHandler.END


def brief_conversation() -> ConversationHandler[Any]:
    text = filters.TEXT & ~filters.COMMAND & PRIVATE
    with warnings.catch_warnings():
        # The buttons belong to the one conversation a manager has going with the bot in their private chat,
        # so tracking per chat and user (not per message) is what we want; PTB warns about it regardless.
        warnings.filterwarnings("ignore", message=".*per_message=False.*")
        return ConversationHandler(
            entry_points=[CommandHandler("brief", brief_start, filters=PRIVATE)],
            states={
                TITLE: [MessageHandler(text, brief_title)],
                BODY: [MessageHandler(text | (filters.Document.ALL & PRIVATE), brief_body)],
                RECIPIENTS: [
                    MessageHandler(text, brief_recipients),
                    CallbackQueryHandler(brief_recipients, pattern=rf"^{CONV}:team$"),
                ],
                DUE: [
                    MessageHandler(text, brief_due),
                    CallbackQueryHandler(brief_due, pattern=rf"^{CONV}:nodue$"),
                ],
                CONFIRM: [CallbackQueryHandler(brief_confirm, pattern=rf"^{CONV}:(send|cancel)$")],
            },
            fallbacks=[CommandHandler("cancel", brief_cancel, filters=PRIVATE)],
            conversation_timeout=timedelta(minutes=30),
            allow_reentry=True,  # /brief again mid-way starts over rather than going unheard
            name="brief",
        )
