"""End to end through the stand-in Bot API server: a briefing pushed, delivered, acknowledged by some, status
exact, reminders only to the others, state surviving a bot restart; the /brief conversation; refusals."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from botapi import Call, FakeBotApi
from fixtures_bot import TG, build_services, running_bot
from fixtures_briefings import ManualClock

from bot.briefing_handlers import ACK, sweep_reminders
from bot.context import DeliveryConfig
from core.audience import Reader
from workflows.briefings import briefing_desk
from workflows.identity import create_invite

M001_LINKED = ["S001", "S002", "S003", "S005"]
NEWCOMER = 700_104
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def row(rep_id: str, delivered: bool, acknowledged_at: str | None) -> dict[str, object]:
    return {
        "rep_id": rep_id,
        "delivered": delivered,
        "acknowledged": acknowledged_at is not None,
        "acknowledged_at": acknowledged_at,
    }


def briefing_calls(api: FakeBotApi, chat_id: int, title: str, since: int = 0) -> list[Call]:
    return [c for c in api.sent_to(chat_id, since) if title in c.text]


async def test_push_deliver_acknowledge_remind_restart(tmp_path: Path) -> None:
    services = build_services(tmp_path / "home")
    clock = ManualClock(datetime(2026, 11, 20, 8, 0))
    desk = briefing_desk(services, clock=clock)
    async with running_bot(services) as bot:
        bot.application.bot_data.delivery = DeliveryConfig(interval=2.0, batch=30, clock=clock)
        bid = desk.create(
            author_id="M001",
            title="AX-900 launch",
            body="The AX-900 lists at 12,800 CNY. Demo units arrive on 1 December.",
            due=date(2026, 11, 25),
        )
        # Delivered within seconds to every linked recipient (S004 has no Telegram yet), once each.
        for rep in M001_LINKED:
            await bot.api.wait_for(partial(briefing_calls, bot.api, TG[rep], "AX-900 launch"), timeout=8)
        first = {rep: briefing_calls(bot.api, TG[rep], "AX-900 launch") for rep in M001_LINKED}
        assert all(len(calls) == 1 for calls in first.values())
        message = first["S001"][0]
        assert "12,800 CNY" in message.text and "Li Wei" in message.text and "2026-11-25" in message.text
        buttons = message.params["reply_markup"]["inline_keyboard"][0]
        assert buttons[0]["text"] == "✅ Acknowledge / 已阅" and buttons[0]["callback_data"] == f"{ACK}:{bid}"

        # S001 and S002 acknowledge; the button goes away; a second tap changes nothing.
        for rep in ("S001", "S002"):
            clock.advance(minutes=5)
            mark = bot.api.mark()
            bot.api.push_callback(TG[rep], f"{ACK}:{bid}", bot.api.message_of(first[rep][0]))
            answered = await bot.api.wait_call("answerCallbackQuery", since=mark)
            assert answered[0].params["text"] == "Thanks, acknowledged."
            await bot.api.wait_call("editMessageReplyMarkup", since=mark)
        mark = bot.api.mark()
        bot.api.push_callback(TG["S001"], f"{ACK}:{bid}", bot.api.message_of(first["S001"][0]))
        assert (await bot.api.wait_call("answerCallbackQuery", since=mark))[0].params["text"] == "Already acknowledged."
        # Someone who is not a recipient cannot acknowledge it.
        mark = bot.api.mark()
        bot.api.push_callback(TG["S006"], f"{ACK}:{bid}", bot.api.message_of(first["S001"][0]))
        refusal = await bot.api.wait_call("answerCallbackQuery", since=mark)
        assert refusal[0].params["text"] == "This briefing was not sent to you."

        status = desk.status(bid).model_dump(mode="json")
        assert status == {
            "id": bid,
            "title": "AX-900 launch",
            "recipients": [
                row("S001", True, "2026-11-20T08:05:00+00:00"),
                row("S002", True, "2026-11-20T08:10:00+00:00"),
                row("S003", True, None),
                row("S004", False, None),
                row("S005", True, None),
            ],
        }

        # /briefs for the manager: 2/5 and who is missing.
        reply = await bot.ask(TG["M001"], "/briefs")
        text = reply[0].text
        assert f"#{bid} <b>AX-900 launch</b>: 2/5 acknowledged, due 2026-11-25" in text
        assert "missing: Zhang Lei (S003), Huang Ting (S004), Zhou Jie (S005)" in text

        # Two days before the due date: reminders to the three... of whom only the linked two can be reached.
        clock.now = datetime(2026, 11, 23, 9, 0)
        mark = bot.api.mark()
        bot.application.job_queue.run_once(sweep_reminders, 0)
        await bot.api.wait_for(
            lambda: all(briefing_calls(bot.api, TG[r], "AX-900 launch", mark) for r in ("S003", "S005")),
            timeout=8,
        )
        await asyncio.sleep(0.5)
        reminded = {r for r in M001_LINKED if briefing_calls(bot.api, TG[r], "AX-900 launch", mark)}
        assert reminded == {"S003", "S005"}
        assert "Reminder" in briefing_calls(bot.api, TG["S003"], "AX-900 launch", mark)[0].text
        assert "due in 2 days" in briefing_calls(bot.api, TG["S003"], "AX-900 launch", mark)[0].text
        # The same sweep again sends nothing new: each reminder row goes out once.
        mark = bot.api.mark()
        bot.application.job_queue.run_once(sweep_reminders, 0)
        await asyncio.sleep(1.0)
        assert not any(briefing_calls(bot.api, TG[r], "AX-900 launch", mark) for r in M001_LINKED)

        # S004 links later and gets the briefing then.
        code = create_invite(services.store, "S004", timedelta(hours=1))
        mark = bot.api.mark()
        bot.api.push_message(NEWCOMER, f"/start {code}")
        await bot.api.wait_for(lambda: bool(briefing_calls(bot.api, NEWCOMER, "AX-900 launch", mark)), timeout=8)
        state = bot.application.bot_data.sweep
        for _ in range(50):  # confirmed in SQL just after the server answered
            if state.sent == 5:
                break
            await asyncio.sleep(0.1)
        assert state.sent == 5

    # The bot is down: a briefing created now goes out when it starts; nothing sent before is sent again.
    bid2 = desk.create(author_id="M001", title="K9 recall", body="Swap the K9 filter seals.", to="S003,S005")
    async with running_bot(services) as bot:
        bot.application.bot_data.delivery = DeliveryConfig(interval=2.0, batch=30, clock=clock)
        await bot.api.wait_for(
            lambda: all(briefing_calls(bot.api, TG[r], "K9 recall") for r in ("S003", "S005")), timeout=8
        )
        await asyncio.sleep(2.5)  # at least one more sweep
        for rep in M001_LINKED:
            assert briefing_calls(bot.api, TG[rep], "AX-900 launch") == []
        assert len(briefing_calls(bot.api, TG["S003"], "K9 recall")) == 1
        # The schedule was rebuilt from SQL: on the due date the still-silent S003 and S005 (and S004, linked
        # since) are reminded; S001 and S002, who acknowledged, never are.
        clock.now = datetime(2026, 11, 25, 9, 0)
        mark = bot.api.mark()
        bot.application.job_queue.run_once(sweep_reminders, 0)
        await bot.api.wait_for(
            lambda: all(briefing_calls(bot.api, c, "AX-900 launch", mark) for c in (TG["S003"], TG["S005"], NEWCOMER)),
            timeout=8,
        )
        await asyncio.sleep(0.5)
        assert not briefing_calls(bot.api, TG["S001"], "AX-900 launch", mark)
        assert not briefing_calls(bot.api, TG["S002"], "AX-900 launch", mark)
        assert "due today" in briefing_calls(bot.api, TG["S003"], "AX-900 launch", mark)[0].text
    assert [r.delivered for r in desk.status(bid2).recipients] == [True, True]
    services.close()


async def test_brief_conversation_pushes_to_the_team(tmp_path: Path) -> None:
    services = build_services(tmp_path / "home")
    async with running_bot(services) as bot:
        manager = TG["M002"]
        assert "title" in (await bot.ask(manager, "/brief"))[0].text
        assert "text of the briefing" in (await bot.ask(manager, "Holiday price list"))[0].text
        to = await bot.ask(manager, "From 1 December the AX-300 holiday bundle is 9,900 CNY.")
        assert to[0].params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "bc:team"
        # A rep outside M002's team is refused and the question stays open.
        outsider = await bot.ask(manager, "S001")
        assert "I can't brief S001: you can brief your own reports only" in outsider[0].text
        mark = bot.api.mark()
        bot.api.push_callback(manager, "bc:team", bot.api.message_of(to[0]))
        due = await bot.api.wait_sent(manager, since=mark)
        assert "date" in due[0].text
        confirm = await bot.ask(manager, "2099-01-15")
        assert "To: 5 reps" in confirm[0].text and "9,900 CNY" in confirm[0].text
        mark = bot.api.mark()
        bot.api.push_callback(manager, "bc:send", bot.api.message_of(confirm[0]))
        done = await bot.api.wait_sent(manager, since=mark)
        assert "is out to 5 reps" in done[0].text
        for rep in ("S006", "S007", "S008", "S010"):  # S009 is not linked
            await bot.api.wait_for(partial(briefing_calls, bot.api, TG[rep], "Holiday price list", mark))
        # The briefing is in the knowledge base at once, for its recipients only.
        hits = services.retriever.search("AX-300 holiday bundle price", audience_role=Reader("senior", "S006"))
        assert hits and hits[0].metadata["doc_type"] == "briefing"
        others = services.retriever.search("AX-300 holiday bundle price", audience_role=Reader("senior", "S001"))
        assert all(h.metadata["doc_type"] != "briefing" for h in others)


async def test_reps_cannot_push_or_list_briefings(tmp_path: Path) -> None:
    services = build_services(tmp_path / "home")
    async with running_bot(services) as bot:
        for command in ("/brief", "/briefs"):
            reply = await bot.ask(TG["S001"], command)
            assert reply[0].text.startswith("Only managers and directors push briefings")


async def test_quiz_and_blocked_recipient(tmp_path: Path) -> None:
    from workflows.briefings import QuizQuestion

    services = build_services(tmp_path / "home")
    desk = briefing_desk(services)
    async with running_bot(services) as bot:
        bot.api.forbid_chat(TG["S002"])
        bid = desk.create(
            author_id="M001",
            title="Price check",
            body="The AX-900 lists at 12,800 CNY.",
            to="S001,S002",
            quiz=[QuizQuestion(question="AX-900 list price?", options=["9,800 CNY", "12,800 CNY"], answer=1)],
        )
        (delivered,) = await bot.api.wait_sent(TG["S001"])
        keyboard = delivered.params["reply_markup"]["inline_keyboard"][0]
        assert [b["callback_data"] for b in keyboard] == [f"{ACK}:{bid}", f"bq:{bid}:s"]
        mark = bot.api.mark()
        bot.api.push_callback(TG["S001"], f"bq:{bid}:s", bot.api.message_of(delivered))
        (question,) = await bot.api.wait_sent(TG["S001"], since=mark)
        assert "AX-900 list price?" in question.text and "B. 12,800 CNY" in question.text
        mark = bot.api.mark()
        bot.api.push_callback(TG["S001"], f"bq:{bid}:0:1", bot.api.message_of(question))
        (result,) = await bot.api.wait_sent(TG["S001"], since=mark)
        assert "Correct" in result.text and "1/1 right" in result.text
        # S002 blocked the bot: one try, marked undeliverable, never retried in a loop.
        await asyncio.sleep(2.5)
        tries = [c for c in bot.api.calls if c.chat_id == TG["S002"] and c.method == "sendMessage"]
        assert len(tries) == 1
        assert [(r.rep_id, r.delivered) for r in desk.status(bid).recipients] == [
            ("S001", True),
            ("S002", False),
        ]


async def test_a_word_briefing_goes_out_as_a_document_with_a_summary(tmp_path: Path) -> None:
    from fixtures_ingest import write_docx

    from workflows.briefings import read_briefing_file

    services = build_services(tmp_path / "home")
    desk = briefing_desk(services)
    source = write_docx(tmp_path / "returns.docx")
    body, attach = read_briefing_file(source)
    async with running_bot(services) as bot:
        bid = desk.create(
            author_id="M001", title="Returns update", body=body, to="S001", document_path=source if attach else None
        )
        await bot.api.wait_call("sendDocument")
        (call,) = bot.api.calls_to("sendDocument")
        assert call.chat_id == TG["S001"]
        assert "Returns update" in call.params["caption"] and "full document attached" in call.params["caption"]
        assert len(call.params["caption"]) <= 1024
        assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == f"{ACK}:{bid}"
        assert list(call.files.values()) == [source.read_bytes()]
        assert not [c for c in bot.api.calls_to("sendMessage") if c.chat_id == TG["S001"]]


async def test_brief_conversation_with_an_attached_word_document(tmp_path: Path) -> None:
    from fixtures_ingest import write_docx

    services = build_services(tmp_path / "home")
    source = write_docx(tmp_path / "returns.docx")
    async with running_bot(services) as bot:
        manager = TG["M001"]
        await bot.ask(manager, "/brief")
        assert "attach a document" in (await bot.ask(manager, "Returns update"))[0].text
        # A file the knowledge base cannot read is refused, and the question stays open.
        mark = bot.api.mark()
        bot.api.push_document(manager, "tool.exe", b"MZ\x90\x00")
        (refused,) = await bot.api.wait_sent(manager, since=mark)
        assert "could not fetch that document (tool.exe: unsupported file type .exe)" in refused.text
        assert "uploads" not in refused.text  # where the server keeps files is not the manager's business
        mark = bot.api.mark()
        bot.api.push_document(manager, "returns.docx", source.read_bytes(), mime_type=DOCX)
        (to,) = await bot.api.wait_sent(manager, since=mark)
        assert "Who receives it?" in to.text
        due = await bot.ask(manager, "S001, S002")
        mark = bot.api.mark()
        bot.api.push_callback(manager, "bc:nodue", bot.api.message_of(due[0]))
        (confirm,) = await bot.api.wait_sent(manager, since=mark)
        assert "To: 2 reps" in confirm.text and "Refunds are paid within 7 working days." in confirm.text
        mark = bot.api.mark()
        bot.api.push_callback(manager, "bc:send", bot.api.message_of(confirm))
        assert "is out to 2 reps" in (await bot.api.wait_sent(manager, since=mark))[0].text
        sent = await bot.api.wait_call("sendDocument", 2)
        assert sorted(c.chat_id or 0 for c in sent) == [TG["S001"], TG["S002"]]
        assert all(list(c.files.values()) == [source.read_bytes()] for c in sent)  # the original, as uploaded
        assert all(c.params["caption"].startswith("📣 <b>Briefing: Returns update</b>") for c in sent)
    question = "Returns update refunds paid within 7 working days"
    hits = services.retriever.search(question, audience_role=Reader("mid", "S002"))
    assert hits and hits[0].metadata["doc_type"] == "briefing"
    assert all(h.metadata["doc_type"] != "briefing" for h in services.retriever.invoke(question))  # anonymous
    services.close()
