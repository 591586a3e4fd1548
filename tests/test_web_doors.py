"""The doors that hand out console login links: `/web` in Telegram and `salescoach web-link` on the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_bot import TG, build_services, running_bot
from starlette.testclient import TestClient
from typer.testing import CliRunner

from cli import app as cli_app
from coaching import synthetic
from core.settings import Settings
from core.store import Store
from web.app import create_app
from workflows.web_login import load_secret


def _opens(services: object, link: str) -> str:
    """Open a link in the console and return the page it lands on."""
    from workflows.services import Services

    assert isinstance(services, Services)
    app = create_app(services, secret=b"s")
    with TestClient(app, base_url="http://console.test") as client:
        return client.get(link.removeprefix("http://console.test")).text


@pytest.mark.asyncio
async def test_web_command_sends_a_one_time_link_without_preview(tmp_path: Path) -> None:
    services = build_services(tmp_path / "home", web_base_url="http://console.test")
    try:
        async with running_bot(services) as bot:
            reply = (await bot.ask(TG["S001"], "/web"))[0]
        assert "login link" in reply.text
        link = reply.text.splitlines()[-1]
        assert link.startswith("http://console.test/login/")
        assert reply.params.get("link_preview_options", {}).get("is_disabled") is True
        first = _opens(services, link)
        assert "(S001)" in first and "This link is no longer valid" not in first
        assert "This link is no longer valid" in _opens(services, link)
    finally:
        services.close()


def test_web_link_prints_the_link_last_and_names_unknown_reps() -> None:
    settings = Settings()
    store = Store.from_settings(settings)
    synthetic.add_roster(store, [synthetic.RepSpec("M1", "Mia Manager", "manager", None)])
    store.dispose()
    runner = CliRunner()
    result = runner.invoke(cli_app, ["web-link", "M1", "--base-url", "https://console.example.com/"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1].startswith("https://console.example.com/login/")
    unknown = runner.invoke(cli_app, ["web-link", "NOBODY"])
    assert unknown.exit_code == 2 and "unknown rep id 'NOBODY'" in unknown.output


def test_secret_file_is_private_and_stable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SALESCOACH_WEB_SECRET", raising=False)
    first = load_secret(tmp_path / "home")
    assert (tmp_path / "home" / "web-secret").stat().st_mode & 0o777 == 0o600
    assert load_secret(tmp_path / "home") == first and len(first) >= 32
    monkeypatch.setenv("SALESCOACH_WEB_SECRET", "from-the-environment")
    assert load_secret(tmp_path / "home") == b"from-the-environment"
