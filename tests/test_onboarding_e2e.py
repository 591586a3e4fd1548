"""End to end through the stand-in Bot API server: a new hire's module with its cited sections, a quiz failed
and retried, a module passed and the next unlocked, the manager's view and the daily nudge."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from botapi import Call
from fixtures_bot import SAMPLES, TG, RunningBot, build_services, running_bot
from fixtures_briefings import ManualClock

from bot.onboarding_handlers import daily_nudge
from ingest.pipeline import ingest_file
from workflows.onboarding import BUNDLED_PLAN, load_plan
from workflows.services import Services

NEW_HIRE = TG["S007"]  # junior, online


def onboarding_services(home: Path) -> Services:
    services = build_services(home)
    for name in ("sales-duty-manual.md", "sales-duty-manual-zh.md"):
        ingest_file(SAMPLES / "kb" / name, services.index)
    return services


async def tap(bot: RunningBot, user_id: int, call: Call, data: str) -> list[Call]:
    mark = bot.api.mark()
    bot.api.push_callback(user_id, data, bot.api.message_of(call))
    return await bot.api.wait_sent(user_id, since=mark)


async def test_module_failed_retried_passed_and_next_unlocked(tmp_path: Path) -> None:
    services = onboarding_services(tmp_path / "home")
    quiz = load_plan(BUNDLED_PLAN).paths["junior-online"].modules[0].spec.quiz
    async with running_bot(services) as bot:
        sent = await bot.ask(NEW_HIRE, "/onboard", count=2)
        module, question = sent[0], sent[-1]
        assert "Module 1/7: Market information gathering" in module.text
        assert "Market Information Gathering" in module.text and "Sales Duty Manual v3.2" in module.text
        assert "within two working days" in module.text  # the cited section's own text, from the index
        assert "Question 1/3" in question.text
        assert [b["callback_data"] for b in question.params["reply_markup"]["inline_keyboard"][0]] == [
            "oq:market-intel:0:0",
            "oq:market-intel:0:1",
            "oq:market-intel:0:2",
        ]

        # All wrong: failed, and the quiz starts again.
        call = question
        for n, q in enumerate(quiz):
            wrong = (q.answer + 1) % len(q.options)
            (call,) = await tap(bot, NEW_HIRE, call, f"oq:market-intel:{n}:{wrong}")
        assert "Not quite" in call.text and "Score 0%; the pass mark is 66%" in call.text
        assert "Question 1/3" in call.text

        # A stale tap on the old question changes nothing.
        mark = bot.api.mark()
        bot.api.push_callback(NEW_HIRE, "oq:market-intel:2:0", bot.api.message_of(call))
        stale = await bot.api.wait_call("answerCallbackQuery", since=mark)
        assert stale[0].params["text"] == "That question is no longer open: send /onboard."

        # Retry, all right: passed, next module unlocked.
        for n, q in enumerate(quiz):
            (call,) = await tap(bot, NEW_HIRE, call, f"oq:market-intel:{n}:{q.answer}")
        assert "Passed with 100% (pass mark 66%)" in call.text
        assert "Enquiries from online platforms" in call.text

        sent = await bot.ask(NEW_HIRE, "/onboard", count=2)
        assert "Module 2/7: Enquiries from online platforms" in sent[0].text
        assert "two working hours" in sent[0].text

        # The manager sees it.
        team = await bot.ask(TG["M002"], "/onboarding")
        assert "Xu Hao (S007): 1/7 modules, on online-platforms, 1 failed attempt, last score 100%" in team[0].text
        assert "Ma Chao (S009): not started (0/7)" in team[0].text
        refused = await bot.ask(TG["S007"], "/onboarding")
        assert refused[0].text.startswith("Only managers and directors")
    services.close()


async def test_module_in_chinese_and_no_path_for_seniors(tmp_path: Path) -> None:
    services = onboarding_services(tmp_path / "home")
    async with running_bot(services) as bot:
        sent = await bot.ask(TG["S003"], "/onboard", count=2, language_code="zh-hans")
        assert "第 1/7 单元：市场信息收集" in sent[0].text
        assert "两个工作日内" in sent[0].text
        assert "第 1/3 题" in sent[-1].text and "两个工作日内" in sent[-1].text
        senior = await bot.ask(TG["S001"], "/onboard")
        assert senior[0].text.startswith("No onboarding path fits your role (senior, direct)")
    services.close()


async def test_daily_nudge_once_a_day_to_linked_new_hires(tmp_path: Path) -> None:
    services = onboarding_services(tmp_path / "home")
    clock = ManualClock(datetime(2026, 11, 30, 9, 0))
    async with running_bot(services) as bot:
        bot.application.bot_data.onboarding_clock = clock
        mark = bot.api.mark()
        bot.application.job_queue.run_once(daily_nudge, 0)
        await bot.api.wait_for(lambda: all(bot.api.sent_to(TG[r], mark) for r in ("S003", "S007")))
        await asyncio.sleep(0.5)
        nudged = {c.chat_id for c in bot.api.calls[mark:] if c.method == "sendMessage"}
        assert nudged == {TG["S003"], TG["S007"]}  # S004 and S009 are not linked; seniors have no path
        assert "Market information gathering / 市场信息收集" in bot.api.sent_to(TG["S007"], mark)[0].text
        mark = bot.api.mark()
        bot.application.job_queue.run_once(daily_nudge, 0)
        await asyncio.sleep(1.0)
        assert not [c for c in bot.api.calls[mark:] if c.method == "sendMessage"]
        clock.advance(days=1)
        bot.application.job_queue.run_once(daily_nudge, 0)
        await bot.api.wait_for(lambda: all(bot.api.sent_to(TG[r], mark) for r in ("S003", "S007")))
    services.close()
