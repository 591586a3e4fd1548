"""The Telegram door under hostile input, through the real Application against the stand-in Bot API server (and
the real `salescoach` process where the fault is at start): no enumeration of the roster, bounded replies,
clear errors, and no form of the token in any output."""

from __future__ import annotations

import asyncio
import html
import logging
import os
import re
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from botapi import TEST_TOKEN, FakeBotApi
from fixtures_bot import SAMPLES, TG, RunningBot, build_services, running_bot

from bot.formatting import MAX_MESSAGE_CHARS, text, utf16_len
from bot.token_guard import REDACTED
from core.settings import Settings
from core.store import Store
from tests.ports import free_port
from workflows.roster_import import import_roster

pytestmark = pytest.mark.asyncio(loop_scope="module")

SALESCOACH = Path(sys.executable).parent / "salescoach"
BOT_ID, SECRET = TEST_TOKEN.split(":", 1)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningBot]:
    home = tmp_path_factory.mktemp("hardening-home")
    services = build_services(home, rate_limit_per_minute=0)
    async with running_bot(services) as running:
        yield running
    services.close()


@pytest.fixture
def home_with_roster(_isolated_home: Path) -> Path:
    """The test's SALESCOACH_HOME holding the sample roster, so `salescoach bot` gets as far as Telegram."""
    store = Store.from_settings(Settings())
    import_roster(store, SAMPLES / "roster.csv")
    store.dispose()
    return _isolated_home


def assert_fits(calls: list[object]) -> None:
    """Every message as sent (HTML escaped) is within Telegram's limit."""
    for call in calls:
        assert utf16_len(call.text) <= MAX_MESSAGE_CHARS, (call.method, utf16_len(call.text))  # type: ignore[attr-defined]


def plain(message: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", message))


# ------------------------------------------------------------------------------------------------ enumeration
async def test_brief_recipient_step_answers_a_made_up_id_and_someone_elses_report_alike(bot: RunningBot) -> None:
    manager = TG["M001"]
    assert "title" in (await bot.ask(manager, "/brief"))[0].text
    await bot.ask(manager, "Regional rebate")
    await bot.ask(manager, "The east rebate is 12 percent this quarter.")
    someone_elses = await bot.ask(manager, "S006")  # on the roster, reports to M002
    made_up = await bot.ask(manager, "S999")
    assert someone_elses[0].text.replace("S006", "X") == made_up[0].text.replace("S999", "X")
    assert "not on the roster" not in made_up[0].text and "does not report" not in someone_elses[0].text
    # The step stays open: a real report of M001 goes through.
    assert "date" in (await bot.ask(manager, "S003"))[0].text
    await bot.ask(manager, "/cancel")


# ------------------------------------------------------------------------------------------------- /check
async def test_check_on_a_full_length_message_is_one_or_two_messages(bot: RunningBot) -> None:
    user = TG["S005"]
    draft = ("Best price, guaranteed No.1! " * 200)[: 4096 - len("/check ")]
    mark = bot.api.mark()
    bot.api.push_message(user, f"/check {draft}")
    await bot.api.wait_sent(user, since=mark, timeout=30)
    await asyncio.sleep(1.0)  # a flood of parts would be arriving by now
    sent = bot.api.sent_to(user, mark)
    assert 1 <= len(sent) <= 2, len(sent)
    assert_fits(sent)
    body = "\n".join(c.text for c in sent)
    total = int(re.search(r"⚠️ (\d+) compliance issues found", body).group(1))  # type: ignore[union-attr]
    assert total > 300  # hundreds of findings, shown per rule with a count
    assert re.search(r"and \d+ more of the same kind", body)
    assert len(re.findall(r"“Best”", body)) == 1


# --------------------------------------------------------------------------------------------- reply length
@pytest.mark.parametrize(
    ("user", "command", "expected"),
    [
        ("S002", "/coach " + "<" * 4080, "I can't show coaching for"),
        ("M001", "/invite " + "&" * 4080, "You can invite only your own reports"),
    ],
    ids=["coach-4080-lt", "invite-4080-amp"],
)
async def test_replies_echoing_escaped_input_stay_below_the_limit(
    bot: RunningBot, user: str, command: str, expected: str
) -> None:
    mark = bot.api.mark()
    reply = await bot.ask(TG[user], command)
    await asyncio.sleep(0.3)
    sent = bot.api.sent_to(TG[user], mark)
    assert len(sent) == 1 and expected in sent[0].text, [c.text[:80] for c in sent]
    assert_fits(reply)
    refused = [c for c in bot.api.calls[mark:] if c.status == 400]
    assert not refused, "Telegram refused a reply as too long"


async def test_the_one_place_that_sends_splits_or_cuts_any_text(bot: RunningBot) -> None:
    chat = TG["S008"]
    mark = bot.api.mark()
    keyboard = [[{"text": "ok", "callback_data": "v:1:1"}]]
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup

    markup = InlineKeyboardMarkup([[InlineKeyboardButton(b["text"], callback_data=b["callback_data"])
                                    for b in row] for row in keyboard])  # fmt: skip
    await bot.application.bot.send_message(chat, "<b>" + "a &amp; b. " * 900 + "</b>", parse_mode="HTML",
                                           reply_markup=markup)  # fmt: skip
    await bot.application.bot.send_message(chat, "<" * 20_000)  # plain text, far beyond three messages
    sent = bot.api.sent_to(chat, mark)
    assert_fits(sent)
    html_parts, plain_parts = sent[:-3], sent[-3:]
    assert len(html_parts) == 3 and all(p.text.startswith("<b>") and p.text.endswith("</b>") for p in html_parts)
    assert [bool(p.params.get("reply_markup")) for p in html_parts] == [False, False, True]
    assert "".join(plain(p.text) for p in html_parts).replace(" ", "") == ("a & b. " * 900).replace(" ", "")
    assert plain_parts[-1].text.endswith("…") and set(plain_parts[0].text) == {"<"}
    assert not [c for c in bot.api.calls[mark:] if c.status == 400]


# ------------------------------------------------------------------------------------------------ bad period
async def test_coach_with_a_bad_period_gets_the_clis_words(bot: RunningBot) -> None:
    reply = await bot.ask(TG["M001"], "/coach S003 1999-Q9")
    assert reply[0].text != text("apology", "en")
    env = {**os.environ, "SALESCOACH_HOME": str(bot.services.settings.home), "COLUMNS": "400"}
    process = await asyncio.create_subprocess_exec(
        str(SALESCOACH), "coach", "S003", "--period", "1999-Q9", "--no-sources", env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 2, stderr.decode()
    cli_line = stderr.decode().strip().removeprefix("error: ")
    assert "1999-Q9" in cli_line
    assert plain(reply[0].text) == cli_line


# ------------------------------------------------------------------------------------------- start and token
async def _run_bot(base_url: str, *args: str) -> tuple[int, str]:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TEST_TOKEN, "TELEGRAM_API_BASE_URL": base_url, "COLUMNS": "400"}
    process = await asyncio.create_subprocess_exec(
        str(SALESCOACH), *args, "bot", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, (stdout + stderr).decode()


@pytest.mark.parametrize("verbose", [False, True], ids=["quiet", "verbose"])
@pytest.mark.usefixtures("home_with_roster")
async def test_unreachable_api_at_start_is_one_line(verbose: bool) -> None:
    closed = f"http://127.0.0.1:{free_port()}/bot"  # nothing listens there
    code, output = await _run_bot(closed, *(["--verbose"] if verbose else []))
    assert code == 1
    lines = output.strip().splitlines()
    assert lines[-1].startswith(f"error: Telegram API unreachable at {closed}")
    if verbose:
        assert "Traceback (most recent call last)" in output
    else:
        assert len(lines) == 1, output


def assert_no_token(output: str) -> None:
    folded = output.lower()
    assert SECRET.lower() not in folded, output
    assert f"{BOT_ID}%3a".lower() + SECRET.lower()[:8] not in folded


ECHOES = {
    "path": f"Bad Request: Path /bot{TEST_TOKEN}/getMe is not a known route",
    "url-encoded": f"Bad Request: Path /bot{BOT_ID}%3A{SECRET}/getMe is not a known route",
    "twice-encoded": f"Bad Request: Path /bot{BOT_ID}%253A{SECRET}/getMe is not a known route",
}


@pytest.mark.parametrize("echo", list(ECHOES), ids=list(ECHOES))
@pytest.mark.parametrize("verbose", [False, True], ids=["quiet", "verbose"])
@pytest.mark.usefixtures("home_with_roster")
async def test_an_error_echoing_the_request_path_never_shows_the_token(echo: str, verbose: bool) -> None:
    async with FakeBotApi() as api:
        api.fail_next("getMe", status=400, description=ECHOES[echo])
        code, output = await _run_bot(api.base_url, *(["--verbose"] if verbose else []))
    assert code == 1
    assert_no_token(output)
    assert REDACTED in output  # PTB lowercased the echoed path ("path /bot123...:aaf-...") and it was still caught
    assert "error: Telegram API at" in output and "refused to start the bot: Path /bot" in output
    if not verbose:
        assert len(output.strip().splitlines()) == 1, output


async def test_error_records_of_a_running_bot_never_show_the_token(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    user = TG["S010"]
    for description in ECHOES.values():
        bot.api.fail_next("sendMessage", status=400, description=description.replace("getMe", "sendMessage"),
                          chat_id=user)  # fmt: skip
        with caplog.at_level(logging.DEBUG):
            apology = await bot.ask(user, "/whoami")
        assert apology[0].text == text("apology", "en")
    assert_no_token(caplog.text)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    # PTB lowercased the echoed path in the exception ("Path /bot123...:aaf-.../sendmessage"): still caught.
    assert errors and all(f"/bot{REDACTED}/sendmessage".lower() in (r.exc_text or "").lower() for r in errors)
