"""Onboarding in Telegram: `/onboard` (today's module with its cited sections and quiz buttons), the quiz
answers, `/onboarding` for managers, and the daily nudge (all registered by bot.app.build_application). Progress
lives in SQL (workflows.onboarding)."""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.context import Context, wired
from bot.formatting import Language, bilingual, escape, quiz_keyboard, quiz_question_text, split_message, text
from bot.handlers import button_caller, command_caller, markup, send_html, services_of
from workflows.briefings import PUSHING_ROLES
from workflows.identity import telegram_chat_of
from workflows.onboarding import (
    ModuleState,
    OnboardingDesk,
    Reading,
    module_readings,
    progress_text,
)

logger = logging.getLogger(__name__)

PREFIX = "oq"
MAX_READING_CHARS = 1500


def percent(score: float) -> str:
    return f"{score:.0%}"


# ------------------------------------------------------------------------------------------ formatting
def format_reading(reading: Reading) -> str:
    """One cited section: its heading path and document, then its text (trimmed for chat)."""
    section = " › ".join(reading.section.split(" > ")[1:]) or reading.section
    version = f" v{escape(reading.version)}" if reading.version else ""
    body = reading.text if len(reading.text) <= MAX_READING_CHARS else reading.text[:MAX_READING_CHARS] + " …"
    return f"📖 <b>{escape(section)}</b> — <i>{escape(reading.title)}{version}</i>\n{escape(body)}"


def format_module(state: ModuleState, readings: list[Reading], language: Language) -> str:
    assert state.module is not None
    spec = state.module.spec
    lines = [
        text("onboarding.module", language, n=state.index + 1, total=state.total, title=escape(spec.heading(language)))
    ]
    if state.attempts and state.last_score is not None:
        lines.append(text("onboarding.attempt", language, n=state.attempts + 1, score=percent(state.last_score)))
    lines.append("")
    if readings:
        lines.append("\n\n".join(format_reading(r) for r in readings))
    else:
        refs = ", ".join(escape(r.en) for r in spec.read)
        lines.append(text("onboarding.missing", language, refs=refs))
    return "\n".join(lines)


def question_message(state: ModuleState, n: int, language: Language) -> tuple[str, InlineKeyboardMarkup]:
    assert state.module is not None
    quiz = state.module.spec.quiz
    keyboard = markup(quiz_keyboard(f"{PREFIX}:{state.module.id}", n, len(quiz[n].options)))
    assert keyboard is not None
    return quiz_question_text(quiz[n], n, len(quiz), language), keyboard


# ---------------------------------------------------------------------------------------------- handlers
def _desk(context: Context) -> OnboardingDesk:
    return wired(context.bot_data.onboarding_desk, "onboarding desk")


async def onboard_command(update: Update, context: Context) -> None:
    """/onboard: today's module -- its sections from the knowledge base -- and the next quiz question."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    message, chat, rep, language = caller.message, caller.chat, caller.rep, caller.language
    desk = _desk(context)
    state = await asyncio.to_thread(desk.current, rep)
    if state is None:
        await message.reply_text(
            text("onboarding.no_path", language, role=escape(rep.role), channel=escape(rep.channel or "-")),
            parse_mode=ParseMode.HTML,
        )
        return
    if state.module is None:
        await message.reply_text(
            text("onboarding.done", language, path=escape(state.path.spec.title)), parse_mode=ParseMode.HTML
        )
        return
    services = services_of(context)
    readings = await asyncio.to_thread(module_readings, services.index, state.module, language, rep.role)
    await send_html(context, chat.id, split_message(format_module(state, readings, language)))
    prompt, keyboard = question_message(state, len(state.answered), language)
    await context.bot.send_message(chat.id, prompt, parse_mode=ParseMode.HTML, reply_markup=keyboard)


async def quiz_answer(update: Update, context: Context) -> None:
    """A tapped quiz answer `oq:MODULE:N:OPTION`: record it, then the next question or the result."""
    tap = await button_caller(update, context)
    if tap is None:
        return
    query, chat, rep, language = tap.query, tap.chat, tap.rep, tap.language
    _prefix, module_id, n, option = tap.data.split(":")
    result = await asyncio.to_thread(_desk(context).answer, rep, module_id, int(n), int(option))
    if result.kind == "stale":
        await query.answer(text("onboarding.stale", language))
        return
    await query.answer()
    verdict = text("quiz_right" if result.correct else "quiz_wrong", language)
    state = result.state
    if result.kind == "recorded":
        prompt, keyboard = question_message(state, len(state.answered), language)
        await context.bot.send_message(
            chat.id, f"{verdict}\n\n{prompt}", parse_mode=ParseMode.HTML, reply_markup=keyboard
        )
        return
    score = percent(result.score or 0.0)
    if result.kind == "failed":
        assert state.module is not None
        mark = percent(state.module.pass_mark)
        prompt, keyboard = question_message(state, 0, language)
        await context.bot.send_message(
            chat.id,
            f"{verdict}\n{text('onboarding.failed', language, score=score, mark=mark)}\n\n{prompt}",
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard,
        )
        return
    if state.module is None:
        body = text("onboarding.passed_last", language, score=score, path=escape(state.path.spec.title))
    else:
        passed_module = state.path.modules[state.index - 1]
        body = text("onboarding.passed", language, score=score, mark=percent(passed_module.pass_mark),
                 next=escape(state.module.spec.heading(language)))  # fmt: skip
    await context.bot.send_message(chat.id, f"{verdict}\n{body}", parse_mode=ParseMode.HTML)


async def onboarding_command(update: Update, context: Context) -> None:
    """/onboarding: a manager's new hires and how far each is along their path."""
    caller = await command_caller(update, context)
    if caller is None:
        return
    message, rep, language = caller.message, caller.rep, caller.language
    if rep.role not in PUSHING_ROLES:
        await message.reply_text(text("onboarding.managers_only", language))
        return
    rows = await asyncio.to_thread(_desk(context).status, rep.rep_id)
    if not rows:
        await message.reply_text(text("onboarding.no_hires", language))
        return
    lines = [text("onboarding.team_header", language)]
    lines += [f"{escape(r.name)} ({escape(r.rep_id)}): {escape(progress_text(r, language))}" for r in rows]
    await send_html(context, caller.chat.id, split_message("\n".join(lines)))


# ------------------------------------------------------------------------------------------------ nudge
def nudge_text(state: ModuleState) -> str:
    """Bilingual: the bot does not know a rep's language until they write to it."""
    assert state.module is not None
    spec = state.module.spec
    title = escape(spec.title) + (f" / {escape(spec.title_zh)}" if spec.title_zh else "")
    return (
        f"📚 {bilingual('onboarding.nudge')}: <b>{title}</b> ({state.index + 1}/{state.total}).\n"
        f"{bilingual('onboarding.nudge_send')}"
    )


async def daily_nudge(context: Context) -> None:
    """Once a day: each linked new hire with an unfinished path hears which module is next."""
    desk = _desk(context)
    store = services_of(context).store
    clock = context.bot_data.onboarding_clock
    today = clock().date()
    for rep, state in await asyncio.to_thread(desk.due_nudges, today):
        chat_id = await asyncio.to_thread(telegram_chat_of, store, rep.rep_id)
        if chat_id is None:
            continue  # not linked yet: nudged on the first day they are
        try:
            await context.bot.send_message(chat_id, nudge_text(state), parse_mode=ParseMode.HTML)
        except (Forbidden, BadRequest) as exc:
            logger.info("onboarding nudge to %s not deliverable: %s", rep.rep_id, exc)
        except TelegramError as exc:
            logger.info("onboarding nudge to %s failed, retried tomorrow: %s", rep.rep_id, exc)
            continue
        await asyncio.to_thread(desk.mark_nudged, rep.rep_id, today)
