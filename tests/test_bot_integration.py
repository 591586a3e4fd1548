"""End to end: the bot wired to the other features. An authority decision asked in Telegram lands in the audit
trail as door "telegram"; /check cites the company's rule card; a document's `audience` decides who gets answers
from it; /team shows the new hires' onboarding; briefing and onboarding commands stay out of group chats."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from fixtures_bot import KB_EN, KB_ZH, SAMPLES, TG, RunningBot, build_services, running_bot
from telegram.ext import CallbackContext

from authority.audit import list_decisions
from bot.formatting import MAX_MESSAGE_CHARS, text, utf16_len
from bot.ratelimit import SlidingWindowLimiter

pytestmark = pytest.mark.asyncio(loop_scope="module")

MANAGERS_ONLY = """---
title: Key Account Margin Guide
doc_type: policy
language: en
version: "1.0"
audience: [manager, director]
---

# Key Account Margin Guide

## Margin floor

The margin floor for key accounts is 18 percent. Below the margin floor a key account deal needs the regional
director's written sign-off before the quote goes out.
"""
QUESTION = "What is the margin floor for key accounts?"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningBot]:
    home = tmp_path_factory.mktemp("bot-home")
    kb = home / "kb"
    kb.mkdir()
    for name, body in (("delivery.md", KB_EN), ("delivery-zh.md", KB_ZH), ("margins.md", MANAGERS_ONLY)):
        (kb / name).write_text(body, encoding="utf-8")
    services = build_services(home, kb=[kb, SAMPLES / "kb" / "compliance-advertising-law.md"])
    async with running_bot(services) as running:
        yield running
    services.close()


async def test_a_decision_asked_in_telegram_is_audited_as_door_telegram(bot: RunningBot) -> None:
    reply = await bot.ask(TG["S003"], "Can I give a 12% discount?")
    assert reply[-1].text.startswith("<b>Discount 12%</b>: ❌ Above your authority")
    with bot.services.store.session() as session:
        entries = list_decisions(session, rep_id="S003")
    assert [(e.door, e.question, e.decision.requested) for e in entries] == [
        ("telegram", "Can I give a 12% discount?", 12.0)
    ]


async def test_check_cites_the_companys_rule_card(bot: RunningBot) -> None:
    reply = await bot.ask(TG["S005"], "/check Our purifier is the best in China, guaranteed No.1!")
    html = "\n".join(call.text for call in reply)
    assert "Advertising Law" in html and "<i>Company rule:</i> [1]" in html
    assert "<b>Sources</b>\n[1] Compliance Rule Card: Advertising Law › Absolute Terms (Art. 9(3)) · v1.4" in html
    # Compact: each card is listed once, however many findings refer to it.
    assert html.count("› Absolute Terms (Art. 9(3))") == 1


async def test_a_managers_only_document_answers_managers_only(bot: RunningBot) -> None:
    junior = (await bot.ask(TG["S003"], QUESTION))[-1].text
    assert "18 percent" not in junior and "Key Account Margin Guide" not in junior
    manager = (await bot.ask(TG["M001"], QUESTION))[-1].text
    assert "18 percent" in manager
    assert manager.endswith("<b>Sources</b>\n[1] Key Account Margin Guide › Margin floor · v1.0")


async def test_team_shows_the_new_hires_onboarding(bot: RunningBot) -> None:
    team = await bot.ask(TG["M002"], "/team", count=2)
    assert "Team of Chen Jing (M002)" in team[0].text
    assert "Onboarding:\n" in team[0].text
    assert "- Xu Hao (S007): not started (0/7)" in team[0].text
    assert "- Ma Chao (S009): not started (0/7)" in team[0].text
    assert "Sun Li (S008): not started" not in team[0].text  # a senior: no path, not a new hire
    assert team[1].method == "sendPhoto"


async def test_briefing_and_onboarding_commands_stay_out_of_groups(bot: RunningBot) -> None:
    group_id = -100_400_500
    group = {"id": group_id, "type": "group", "title": "West team"}
    mark = bot.api.mark()
    for command in ("/brief", "/briefs", "/onboard", "/onboarding"):
        bot.api.push_message(TG["M002"], command, chat=group)
    bot.api.push_message(TG["M002"], "/briefs")  # privately: answered, and after the group's
    await bot.api.wait_sent(TG["M002"], since=mark)
    await asyncio.sleep(0.3)
    assert bot.api.sent_to(group_id, mark) == []


async def test_a_long_check_is_grouped_per_rule_below_telegrams_limit(bot: RunningBot) -> None:
    draft = " ".join(f"Model {i} is the best purifier, guaranteed No.1 in China." for i in range(12))
    mark = bot.api.mark()
    bot.api.push_message(TG["S008"], f"/check {draft}")
    await bot.api.wait_for(lambda: "<b>Sources</b>" in "".join(c.text for c in bot.api.sent_to(TG["S008"], mark)))
    parts = [c.text for c in bot.api.sent_to(TG["S008"], mark)]
    assert len(parts) == 1  # 36 findings of three rules: one block per rule, each with its count
    assert all(utf16_len(part) <= MAX_MESSAGE_CHARS for part in parts)
    assert all(part.count("<b>") == part.count("</b>") and part.count("<i>") == part.count("</i>") for part in parts)
    whole = parts[0]
    assert whole.startswith("<b>⚠️ 36 compliance issues found:</b>")
    assert whole.count("and 11 more of the same kind") == 3 and "<b>4. " not in whole
    assert whole.rindex("<b>Sources</b>") > whole.rindex("more of the same kind")


async def test_a_director_coaches_a_rep_two_levels_down(bot: RunningBot) -> None:
    report = await bot.ask(TG["D001"], "/coach S007", count=3)
    assert "Coaching: Xu Hao (S007)" in report[0].text
    assert [c.method for c in report[1:]] == ["sendPhoto", "sendPhoto"]


async def test_the_onboarding_nudge_runs_at_the_configured_hour(bot: RunningBot) -> None:
    (job,) = bot.application.job_queue.get_jobs_by_name("onboarding-nudge")
    assert job.next_t is not None
    assert (job.next_t.hour, job.next_t.minute) == (bot.services.settings.onboarding_nudge_hour, 0)


async def test_a_briefing_conversation_starts_over_and_can_be_cancelled(bot: RunningBot) -> None:
    manager = TG["D001"]
    await bot.ask(manager, "/brief")
    await bot.ask(manager, "Draft that never goes out")
    assert (await bot.ask(manager, "/brief"))[0].text.startswith("New briefing. What is its title?")  # over again
    await bot.ask(manager, "Second draft")
    assert (await bot.ask(manager, "/cancel"))[0].text == "Briefing cancelled."
    # The conversation is over: the next text is a question again, answered with feedback buttons.
    answer = await bot.ask(manager, "What should I do when a delivery is late?")
    assert "call the customer the same day" in answer[-1].text and answer[-1].params.get("reply_markup")


async def test_team_in_chinese_reads_onboarding_in_chinese(bot: RunningBot) -> None:
    team = await bot.ask(TG["M001"], "/team", count=2, language_code="zh")
    assert "团队 Li Wei (M001)" in team[0].text
    assert "入职进度：\n- Zhang Lei (S003): 尚未开始（0/7）" in team[0].text


async def test_the_rate_limiter_forgets_idle_users(bot: RunningBot) -> None:
    (job,) = bot.application.job_queue.get_jobs_by_name("rate-limit-prune")
    now = [0.0]
    limiter = SlidingWindowLimiter(5, 60.0, clock=lambda: now[0])
    real = bot.application.bot_data.limiter
    bot.application.bot_data.limiter = limiter
    try:
        limiter.check(42)
        now[0] = 61.0
        assert len(limiter) == 1
        await job.callback(CallbackContext(bot.application))
    finally:
        bot.application.bot_data.limiter = real
    assert len(limiter) == 0


async def test_unknown_commands_and_files_get_a_pointer_to_help(bot: RunningBot) -> None:
    assert (await bot.ask(TG["S006"], "/frobnicate"))[0].text == text("unknown", "en")
    mark = bot.api.mark()
    bot.api.push_document(TG["S006"], "photo.jpg", b"\xff\xd8\xff")
    assert (await bot.api.wait_sent(TG["S006"], since=mark))[0].text == text("unknown", "en")
    assert (await bot.ask(555_000_002, "/frobnicate"))[0].text == text("access", "en")  # a stranger
