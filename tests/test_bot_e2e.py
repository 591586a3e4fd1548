"""End to end: the real python-telegram-bot Application polls the stand-in Bot API server and answers users.

One bot for the module (start-up is the slow part); each test talks as different roster users so the
per-user rate limit (10/min here) only bites in the flood test.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
import pytest_asyncio
from botapi import TEST_TOKEN
from fixtures_bot import TG, RunningBot, build_services, running_bot
from sqlalchemy import select

from bot.formatting import text
from compliance.checker import CheckResult
from workflows.feedback import gaps
from workflows.identity import create_invite
from workflows.state import HANDOFF_SENT, HANDOFF_UNREACHABLE, Feedback, Handoff, TelegramLink, utcnow

pytestmark = pytest.mark.asyncio(loop_scope="module")

STRANGER = 555_000_001


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningBot]:
    home = tmp_path_factory.mktemp("bot-home")
    services = build_services(home, rate_limit_per_minute=10, invite_ttl_hours=1)
    async with running_bot(services) as running:
        yield running
    services.close()


# ----------------------------------------------------------------------------------------------- start-up
async def test_menu_commands_are_registered_in_english_and_chinese(bot: RunningBot) -> None:
    english = {c["command"]: c["description"] for c in bot.api.commands[""]}
    chinese = {c["command"]: c["description"] for c in bot.api.commands["zh"]}
    assert {"ask", "check", "coach", "team", "help", "start", "whoami", "invite"} <= set(english)
    assert english.keys() == chinese.keys()
    assert chinese["ask"] != english["ask"] and re.search(r"[\u4e00-\u9fff]", chinese["ask"])


async def test_help_lists_the_commands_and_those_feature_modules_added(bot: RunningBot) -> None:
    reply = await bot.ask(TG["S008"], "/help")
    assert reply[0].text.startswith("<b>What I can do</b>")
    for command in {c["command"] for c in bot.api.commands[""]}:
        assert f"/{command}" in reply[0].text or command in {"start", "help"}


# ----------------------------------------------------------------------------------------------- identity
async def test_unknown_user_gets_one_short_access_reply_and_nothing_else(bot: RunningBot) -> None:
    mark = bot.api.mark()
    bot.api.push_message(STRANGER, "When a delivery is late what do I do?")
    bot.api.push_message(STRANGER, "/coach S001")
    bot.api.push_message(STRANGER, "/check best price")
    replies = await bot.api.wait_sent(STRANGER, 3, since=mark)
    await asyncio.sleep(0.3)  # anything else would have arrived by now
    replies = bot.api.sent_to(STRANGER, mark)
    assert [c.text for c in replies] == [text("access", "en")] * 3
    assert not any(c.params.get("reply_markup") for c in replies)
    assert not bot.api.sent_to(STRANGER, mark)[0].params.get("parse_mode")


async def test_group_chats_get_nothing(bot: RunningBot) -> None:
    group_id = -100_200_300
    group = {"id": group_id, "type": "supergroup", "title": "East team"}
    mark = bot.api.mark()
    for text_ in ("/coach", "/whoami", "What should I do when a delivery is late?"):
        bot.api.push_message(TG["M001"], text_, chat=group)
    bot.api.push_message(TG["M001"], "/whoami")  # the same user privately: answered, and after the group's
    await bot.api.wait_sent(TG["M001"], since=mark)
    await asyncio.sleep(0.3)
    assert bot.api.sent_to(group_id, mark) == []


async def test_linking_with_a_one_time_code(bot: RunningBot) -> None:
    store = bot.services.store
    code = create_invite(store, "S004", timedelta(hours=1))
    newcomer, thief = 700_004, 700_005

    reply = await bot.ask(newcomer, f"/start {code}")
    assert "Huang Ting" in reply[0].text and "linked" in reply[0].text
    whoami = await bot.ask(newcomer, "/whoami")
    assert "Huang Ting</b> (S004)" in whoami[0].text and "Li Wei (M001)" in whoami[0].text

    # Single use: a second person with the same code gets nothing.
    refused = await bot.ask(thief, f"/start {code}")
    assert "not valid or has expired" in refused[0].text
    assert (await bot.ask(thief, "/whoami"))[0].text == text("access", "en")

    expired = create_invite(store, "S009", timedelta(hours=1), now=utcnow() - timedelta(hours=2))
    assert "not valid or has expired" in (await bot.ask(thief, f"/start {expired}"))[0].text
    with store.session() as session:
        assert session.get(TelegramLink, newcomer).rep_id == "S004"  # type: ignore[union-attr]
        assert session.get(TelegramLink, thief) is None


async def test_manager_invites_own_report_only(bot: RunningBot) -> None:
    reply = await bot.ask(TG["M001"], "/invite S004")
    match = re.search(r"/start ([A-Za-z0-9_-]+)", reply[0].text)
    assert match, reply[0].text
    assert "t.me/salescoach_test_bot?start=" in reply[0].text
    refused = await bot.ask(TG["M001"], "/invite S006")  # M002's report
    assert "only your own reports" in refused[0].text
    rep_refused = await bot.ask(TG["S001"], "/invite S002")  # a rep has no reports
    assert "only your own reports" in rep_refused[0].text


# ----------------------------------------------------------------------------------------------- answers
async def test_english_question_gets_a_cited_answer_with_buttons(bot: RunningBot) -> None:
    reply = await bot.ask(TG["S001"], "What should I do when a delivery is late?")
    message = reply[-1]
    assert message.params["parse_mode"] == "HTML"
    assert "call the customer the same day" in message.text
    assert "<b>Sources</b>\n[1] Delivery Handbook › " in message.text and "Late deliveries" in message.text
    buttons = [b["text"] for row in message.params["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons == ["👍 Helpful", "👎 Not helpful", "🙋 Ask my manager"]


async def test_chinese_question_gets_a_chinese_cited_answer(bot: RunningBot) -> None:
    reply = await bot.ask(TG["S002"], "交货延迟怎么办？", language_code="zh")
    message = reply[-1]
    assert "当天致电客户" in message.text
    assert "<b>来源</b>\n[1] 交付手册 › " in message.text
    buttons = [b["text"] for row in message.params["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons[0] == "👍 有帮助"


async def test_discount_question_shows_the_decision_for_the_askers_role(bot: RunningBot) -> None:
    reply = await bot.ask(TG["S003"], "/ask Can I give a 12% discount?")  # S003 is a junior: 5%
    html = reply[-1].text
    assert html.startswith("<b>Discount 12%</b>: ❌ Above your authority (your limit: 5%)")
    assert "<b>Li Wei</b>" in html


async def test_check_command_and_reply_check(bot: RunningBot) -> None:
    reply = await bot.ask(TG["S005"], "/check Our purifier is the best in China, guaranteed No.1!")
    assert "compliance issue" in reply[0].text and "Advertising Law" in reply[0].text
    original = {"message_id": 1, "date": int(time.time()), "chat": {"id": TG["S005"], "type": "private"},
                "text": "We deliver on time."}  # fmt: skip
    clean = await bot.ask(TG["S005"], "/check", reply_to=original)
    assert clean[0].text == "✅ No compliance issues found."


# ----------------------------------------------------------------------------------------------- coaching
async def test_rep_sees_own_coaching_with_charts_but_not_someone_elses(bot: RunningBot) -> None:
    rep = TG["S002"]
    own = await bot.ask(rep, "/coach", count=3)
    assert own[0].method == "sendMessage" and "Coaching: Liu Yang (S002)" in own[0].text
    assert [c.method for c in own[1:]] == ["sendPhoto", "sendPhoto"]
    assert all(c.files["photo"].startswith(b"\x89PNG") for c in own[1:])

    mark = bot.api.mark()
    other = await bot.ask(rep, "/coach S001")
    missing = await bot.ask(rep, "/coach S999")
    # Same words for "not yours" and "does not exist": nothing to learn about other reps.
    assert other[0].text.replace("S001", "X") == missing[0].text.replace("S999", "X")
    assert "Wang Fang" not in other[0].text
    await asyncio.sleep(0.3)
    assert [c.method for c in bot.api.sent_to(rep, mark)] == ["sendMessage", "sendMessage"]  # no charts


async def test_manager_coaches_a_report_and_sees_the_team(bot: RunningBot) -> None:
    report = await bot.ask(TG["M001"], "/coach S003", count=3)
    assert "Coaching: Zhang Lei (S003)</b> · 2026-Q4" in report[0].text
    earlier = await bot.ask(TG["M001"], "/coach S003 2026-Q3", count=3)
    assert "Coaching: Zhang Lei (S003)</b> · 2026-Q3" in earlier[0].text
    missing = await bot.ask(TG["M001"], "/coach S003 2025-Q1")
    assert "available periods: 2026-Q3, 2026-Q4" in missing[0].text
    team = await bot.ask(TG["M001"], "/team", count=2)
    assert "Team of Li Wei (M001)" in team[0].text and "Liu Yang (S002)" in team[0].text
    assert team[1].method == "sendPhoto"
    not_manager = await bot.ask(TG["S001"], "/team")
    assert "/team is for managers" in not_manager[0].text


# ----------------------------------------------------------------------------------------------- buttons
async def test_votes_are_stored_and_feed_gaps(bot: RunningBot) -> None:
    user = TG["S005"]
    answer = (await bot.ask(user, "What should I do when a delivery is late?"))[-1]
    keyboard = answer.params["reply_markup"]["inline_keyboard"]
    mark = bot.api.mark()
    bot.api.push_callback(user, keyboard[0][1]["callback_data"], bot.api.message_of(answer))  # not helpful
    acks = await bot.api.wait_call("answerCallbackQuery", since=mark)
    assert acks[0].params["text"] == text("thanks_down", "en")

    # Someone else pressing the button under S005's answer changes nothing.
    mark = bot.api.mark()
    bot.api.push_callback(TG["S006"], keyboard[0][0]["callback_data"], bot.api.message_of(answer))
    acks = await bot.api.wait_call("answerCallbackQuery", since=mark)
    assert acks[0].params["text"] == text("vote_not_yours", "en")

    with bot.services.store.session() as session:
        votes = session.scalars(select(Feedback)).all()
    assert [(v.rep_id, v.helpful) for v in votes] == [("S005", False)]
    found = {g.question: g for g in gaps(bot.services.store)}
    assert found["What should I do when a delivery is late?"].not_helpful == 1


async def test_ask_my_manager_forwards_question_and_answer(bot: RunningBot) -> None:
    user, manager = TG["S001"], TG["M001"]
    answer = (await bot.ask(user, "What is the office parking policy?"))[-1]
    handoff_data = answer.params["reply_markup"]["inline_keyboard"][1][0]["callback_data"]
    mark = bot.api.mark()
    bot.api.push_callback(user, handoff_data, bot.api.message_of(answer))
    forwarded = await bot.api.wait_sent(manager, since=mark)
    confirmed = await bot.api.wait_sent(user, since=mark)
    assert "Wang Fang</b> (S001) asks for your help" in forwarded[0].text
    assert "What is the office parking policy?" in forwarded[0].text
    # The KB does not ground this one: exactly the case a manager should see, with the bot's honest answer.
    assert "<b>The bot answered</b>\nThe documents don't cover this" in forwarded[0].text
    assert "Sent to Li Wei (M001)" in confirmed[0].text

    mark = bot.api.mark()
    bot.api.push_callback(user, handoff_data, bot.api.message_of(answer))
    again = await bot.api.wait_sent(user, since=mark)
    assert "Already sent" in again[0].text
    assert not bot.api.sent_to(manager, mark)


async def test_ask_my_manager_when_the_manager_cannot_be_reached(bot: RunningBot) -> None:
    user, manager = TG["S007"], TG["M002"]
    bot.api.forbid_chat(manager)  # M002 never started the bot
    answer = (await bot.ask(user, "What should I do when a delivery is late?"))[-1]
    mark = bot.api.mark()
    bot.api.push_callback(user, answer.params["reply_markup"]["inline_keyboard"][1][0]["callback_data"],
                          bot.api.message_of(answer))  # fmt: skip
    told = await bot.api.wait_sent(user, since=mark)
    assert "can't reach your manager" in told[0].text and "Chen Jing (M002)" in told[0].text
    with bot.services.store.session() as session:
        statuses = {(h.from_rep_id, h.status) for h in session.scalars(select(Handoff))}
    assert ("S007", HANDOFF_UNREACHABLE) in statuses and ("S001", HANDOFF_SENT) in statuses


# ----------------------------------------------------------------------------------------------- holding up
async def test_flood_is_refused_politely_once_and_others_are_still_answered(bot: RunningBot) -> None:
    flooder, other = TG["S010"], TG["S008"]
    mark = bot.api.mark()
    for i in range(14):
        bot.api.push_message(flooder, f"/whoami {i}")
    bot.api.push_message(other, "/whoami")
    await bot.api.wait_sent(flooder, 11, since=mark)
    await bot.api.wait_sent(other, 1, since=mark)
    await asyncio.sleep(0.3)
    to_flooder = [c.text for c in bot.api.sent_to(flooder, mark)]
    assert len(to_flooder) == 11  # ten answers within the limit, one polite refusal, silence after
    assert sum("faster than I can answer" in t for t in to_flooder) == 1
    assert sum("Zhu Yan" in t for t in to_flooder) == 10
    assert "Sun Li" in bot.api.sent_to(other, mark)[0].text


class ExplodingChecker:
    """A compliance checker with a bug: every check raises."""

    def check(self, text: str, *, with_sources: bool = False) -> CheckResult:
        raise RuntimeError(f"checker bug on {text!r}")


async def test_a_failing_handler_apologises_and_the_bot_keeps_going(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    user = TG["S006"]
    real = bot.services.checker
    bot.services.__dict__["checker"] = ExplodingChecker()
    try:
        with caplog.at_level(logging.ERROR, logger="bot.handlers"):
            apology = await bot.ask(user, "/check anything")
    finally:
        bot.services.__dict__["checker"] = real
    assert apology[0].text == text("apology", "en")
    errors = [r for r in caplog.records if r.name == "bot.handlers" and r.levelno == logging.ERROR]
    assert errors and errors[0].exc_info and "checker bug" in str(errors[0].exc_info[1])
    assert "Wu Xia" in (await bot.ask(user, "/whoami"))[0].text


async def test_outgoing_429_is_retried_after_the_wait(bot: RunningBot) -> None:
    user = TG["D001"]
    bot.api.fail_next("sendMessage", status=429, retry_after=1, chat_id=user)
    started = time.monotonic()
    reply = await bot.ask(user, "/whoami")
    assert "Zhao Min" in reply[0].text
    assert time.monotonic() - started >= 1.0
    attempts = [c for c in bot.api.calls_to("sendMessage") if c.chat_id == user]
    assert len(attempts) == 2  # the refused one and the retry


async def test_token_never_reaches_the_logs(bot: RunningBot, caplog: pytest.LogCaptureFixture) -> None:
    noisy = ("telegram", "httpx", "httpcore", "bot")
    levels = {name: logging.getLogger(name).level for name in noisy}
    try:
        for name in noisy:
            logging.getLogger(name).setLevel(logging.DEBUG)
        with caplog.at_level(logging.DEBUG):
            real = bot.services.checker
            bot.services.__dict__["checker"] = ExplodingChecker()
            try:
                await bot.ask(TG["S008"], f"/check token {TEST_TOKEN}")
            finally:
                bot.services.__dict__["checker"] = real
            logging.getLogger("telegram.test").warning("url %s/%s", "https://api.telegram.org/bot", TEST_TOKEN)
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
    assert caplog.records, "debug logging should have produced records"
    secret = TEST_TOKEN.split(":", 1)[1]
    assert secret not in caplog.text
    assert "[REDACTED-TOKEN]" in caplog.text


async def test_everything_asked_is_recorded_for_gaps(bot: RunningBot) -> None:
    await bot.ask(TG["S008"], "How do I bake sourdough bread?")
    found = [g for g in gaps(bot.services.store) if g.question == "How do I bake sourdough bread?"]
    assert found and found[0].ungrounded == 1
    assert not any(g.question.startswith("交货延迟") for g in gaps(bot.services.store))
