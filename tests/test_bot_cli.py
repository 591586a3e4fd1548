"""`salescoach bot`, `invite`, `gaps`: the real process against the stand-in server, SIGTERM, no leak."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
from pathlib import Path

import httpx
import pytest
from botapi import TEST_TOKEN, FakeBotApi
from typer.testing import CliRunner

from cli import app
from core.settings import Settings
from core.store import Store
from tests.ports import free_port
from workflows.feedback import record_ask
from workflows.identity import redeem_invite
from workflows.roster_import import import_roster

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SALESCOACH = Path(sys.executable).parent / "salescoach"
runner = CliRunner()
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@pytest.fixture
def store(_isolated_home: Path) -> Store:
    store = Store.from_settings(Settings())
    import_roster(store, SAMPLES / "roster.csv")
    return store


def test_invite_prints_a_code_that_links(store: Store) -> None:
    result = runner.invoke(app, ["invite", "S004"])
    assert result.exit_code == 0, result.output
    code = result.output.strip().splitlines()[-1].removeprefix("/start ")
    assert redeem_invite(store, code, 4242).rep_id == "S004"


def test_invite_for_an_unknown_rep_is_a_one_line_error(store: Store) -> None:
    result = runner.invoke(app, ["invite", "X999"])
    assert result.exit_code == 2
    assert "unknown rep id 'X999'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_gaps_json_lists_ungrounded_most_frequent_first(store: Store) -> None:
    for question, grounded in [("wifi?", False), ("wifi?", False), ("vpn?", False), ("returns?", True)]:
        record_ask(store, rep_id="S001", chat_id=1, question=question, answer="a", grounded=grounded, language="en")
    result = runner.invoke(app, ["gaps", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(g["question"], g["asks"], g["ungrounded"]) for g in data] == [("wifi?", 2, 2), ("vpn?", 1, 1)]
    table = runner.invoke(app, ["gaps"])
    assert "wifi?" in table.output and "returns?" not in table.output


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        ([], {}, "no Telegram bot token"),
        (
            ["--webhook-url", "https://bot.example.com/hook"],
            {"TELEGRAM_BOT_TOKEN": TEST_TOKEN},
            "--webhook-secret",
        ),
        (
            ["--webhook-secret", "s3cret"],
            {"TELEGRAM_BOT_TOKEN": TEST_TOKEN},
            "only applies with --webhook-url",
        ),
        (
            ["--webhook-url", "https://bot.example.com/hook", "--webhook-secret", "not allowed!"],
            {"TELEGRAM_BOT_TOKEN": TEST_TOKEN},
            "may hold only A-Z",
        ),
    ],
    ids=["no-token", "webhook-without-secret", "secret-without-webhook", "secret-with-bad-characters"],
)
def test_bot_usage_errors(args: list[str], env: dict[str, str], message: str) -> None:
    result = runner.invoke(app, ["bot", *args], env=env)
    assert result.exit_code == 2
    assert message in result.output
    assert TEST_TOKEN not in result.output


async def _salescoach(api: FakeBotApi, token: str, *args: str) -> asyncio.subprocess.Process:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE_URL": api.base_url}
    return await asyncio.create_subprocess_exec(
        str(SALESCOACH), *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )


async def test_bot_process_answers_and_stops_cleanly_on_sigterm(store: Store) -> None:
    async with FakeBotApi() as api:
        process = await _salescoach(api, TEST_TOKEN, "--verbose", "bot")
        try:
            await api.wait_call("setMyCommands", 2, timeout=60)
            mark = api.mark()
            api.push_message(100011, "/whoami")
            reply = await api.wait_sent(100011, since=mark, timeout=30)
            assert "Wang Fang</b> (S001)" in reply[0].text
            process.send_signal(signal.SIGTERM)
            stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    assert process.returncode == 0, stderr.decode()
    output = (stdout + stderr).decode()
    assert "Application.stop() complete" in output  # PTB's debug logging ran, and stopped cleanly
    assert "[REDACTED-TOKEN]" in output  # PTB logged its API URL: the token was there to leak
    assert TEST_TOKEN.split(":", 1)[1] not in output


async def test_a_rejected_token_is_reported_without_the_token(store: Store) -> None:
    wrong = "987654321:BBx-this-is-a-wrong-token-for-the-stand-in"
    async with FakeBotApi() as api:
        process = await _salescoach(api, wrong, "--verbose", "bot")
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    output = (stdout + stderr).decode()
    assert process.returncode == 1
    assert "Telegram rejected the bot token" in output
    assert wrong.split(":", 1)[1] not in output



async def test_webhook_mode_checks_the_secret_and_answers(store: Store) -> None:
    port = free_port()
    hook = f"http://127.0.0.1:{port}/telegram/hook"
    update = {
        "update_id": 77,
        "message": {
            "message_id": 5, "date": 1_700_000_000, "text": "/whoami",
            "chat": {"id": 100012, "type": "private"},
            "from": {"id": 100012, "is_bot": False, "first_name": "Liu"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
        },
    }  # fmt: skip
    async with FakeBotApi() as api:
        process = await _salescoach(
            api, TEST_TOKEN, "bot", "--webhook-url", hook, "--webhook-secret", "s3cret-hook",
            "--listen", "127.0.0.1", "--port", str(port),
        )  # fmt: skip
        try:
            await api.wait_call("setWebhook", timeout=60)
            assert api.webhook is not None and api.webhook["url"] == hook
            assert api.webhook["secret_token"] == "s3cret-hook"
            async with httpx.AsyncClient(timeout=10) as client:
                for _ in range(50):  # the server binds just after setWebhook
                    with contextlib.suppress(httpx.ConnectError):
                        forged = await client.post(hook, json=update, headers={SECRET_HEADER: "guess"})
                        break
                    await asyncio.sleep(0.1)
                assert forged.status_code == 403
                mark = api.mark()
                genuine = await client.post(hook, json=update, headers={SECRET_HEADER: "s3cret-hook"})
                assert genuine.status_code == 200
            reply = await api.wait_sent(100012, since=mark, timeout=30)
            assert "Liu Yang</b> (S002)" in reply[0].text
            assert len(api.sent_to(100012)) == 1  # the forged update was not processed
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.communicate(), timeout=30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    assert process.returncode == 0
