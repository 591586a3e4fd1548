"""What the bot knows survives a restart: links, votes and a hand-off the network swallowed mid-send."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fixtures_bot import TG, build_services, running_bot
from sqlalchemy import select

from bot.formatting import text
from workflows.identity import create_invite
from workflows.state import HANDOFF_PENDING, HANDOFF_SENT, Feedback, Handoff


async def test_links_votes_and_pending_hand_offs_survive_a_restart(tmp_path: Path) -> None:
    services = build_services(tmp_path / "home")
    newcomer, manager = 700_009, TG["M002"]
    code = create_invite(services.store, "S009", timedelta(hours=1))

    async with running_bot(services) as bot:
        await bot.ask(newcomer, f"/start {code}")
        answer = (await bot.ask(newcomer, "What should I do when a delivery is late?"))[-1]
        keyboard = answer.params["reply_markup"]["inline_keyboard"]
        mark = bot.api.mark()
        bot.api.push_callback(newcomer, keyboard[0][0]["callback_data"], bot.api.message_of(answer))
        await bot.api.wait_call("answerCallbackQuery", since=mark)
        # Telegram is down for the manager's chat when the rep asks for help (502 Bad Gateway).
        bot.api.fail_next("sendMessage", status=502, chat_id=manager, count=100, description="Bad Gateway")
        mark = bot.api.mark()
        bot.api.push_callback(newcomer, keyboard[1][0]["callback_data"], bot.api.message_of(answer))
        told = await bot.api.wait_sent(newcomer, since=mark)
        assert "I'll keep trying" in told[0].text and "Chen Jing (M002)" in told[0].text
        assert not bot.api.sent_to(manager, mark)
    with services.store.session() as session:
        assert [h.status for h in session.scalars(select(Handoff))] == [HANDOFF_PENDING]

    # A new process: same database, a fresh Telegram connection.
    async with running_bot(services) as bot:
        delivered = await bot.api.wait_sent(manager)
        assert "Ma Chao</b> (S009) asks for your help" in delivered[0].text
        whoami = await bot.ask(newcomer, "/whoami")
        assert "Ma Chao</b> (S009)" in whoami[0].text and whoami[0].text != text("access", "en")
    with services.store.session() as session:
        assert [h.status for h in session.scalars(select(Handoff))] == [HANDOFF_SENT]
        assert [(f.rep_id, f.helpful) for f in session.scalars(select(Feedback))] == [("S009", True)]
    services.close()
