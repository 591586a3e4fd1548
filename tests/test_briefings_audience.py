"""A briefing is answerable only for its recipients, its sender and the sender's management chain.

Through the real CLI doors (`brief create`, `ask`, `chat`) on one home: anonymous askers, reps of another team
and reps of the same team who were not briefed get "not covered", never the briefing's contents.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes import HashingEmbeddings
from fixtures_briefings import SAMPLES
from typer.testing import CliRunner

import knowledge.embeddings
from cli import app
from core.audience import Reader, as_reader, person

runner = CliRunner()
SECRET = "confidential distributor rebate is 12 percent"


@pytest.fixture(autouse=True)
def _briefed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Sample roster, one public document, and M001's briefing to S003 only."""
    monkeypatch.setattr(knowledge.embeddings, "load_embeddings", lambda settings: HashingEmbeddings())
    assert runner.invoke(app, ["roster", "import", str(SAMPLES / "roster.csv")]).exit_code == 0
    public = tmp_path / "kb" / "returns.md"
    public.parent.mkdir()
    public.write_text("# Returns\n\nCustomers may return goods within 7 days of delivery.\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(public.parent)]).exit_code == 0
    launch = tmp_path / "launch.md"
    launch.write_text(f"# East launch\n\nFor the AX-900 launch the {SECRET}.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["brief", "create", "--by", "M001", "--title", "Launch (east only)", "--file", str(launch),
              "--to", "S003"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def ask(*who: str) -> dict[str, object]:
    result = runner.invoke(app, ["ask", "--json", *who, "What is the distributor rebate for the AX-900 launch?"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ((), False),
        (("--as", "S006"), False),  # another team
        (("--as", "S002"), False),  # the sender's team, not a recipient
        (("--as", "M002"), False),  # another manager
        (("--as", "S003"), True),  # the recipient
        (("--as", "M001"), True),  # the sender
        (("--as", "D001"), True),  # the sender's manager
    ],
    ids=["anonymous", "other-team", "same-team-not-briefed", "other-manager", "recipient", "sender", "director"],
)
def test_only_the_briefed_chain_can_ask_about_it(who: tuple[str, ...], sees: bool) -> None:
    reply = ask(*who)
    text = json.dumps(reply, ensure_ascii=False)
    assert ("12 percent" in text) is sees
    if not sees:
        assert reply["grounded"] is False
        assert "Launch (east only)" not in text  # not even the title leaks as a citation


def test_the_console_chat_applies_the_same_audience() -> None:
    question = "What is the distributor rebate for the AX-900 launch?\n/quit\n"
    outsider = runner.invoke(app, ["chat", "--as", "S006"], input=question)
    recipient = runner.invoke(app, ["chat", "--as", "S003"], input=question)
    assert outsider.exit_code == 0 and recipient.exit_code == 0, outsider.output + recipient.output
    assert "12 percent" not in outsider.output
    assert "12 percent" in recipient.output


def test_reader_admits_roles_and_people() -> None:
    assert Reader().admits("") and not Reader().admits("manager")
    assert Reader("junior", "S003").admits(f"manager,{person('S003').lower()}")
    assert not Reader("junior", "S002").admits(person("S003"))
    assert as_reader("Manager").admits("manager,director") and not as_reader(None).admits("rep:s003")


@pytest.mark.asyncio
async def test_the_telegram_bot_applies_the_same_audience(tmp_path: Path) -> None:
    """The real Application against the stand-in Bot API: a rep of another team asks in Telegram."""
    from fixtures_bot import TG, build_services, running_bot

    from workflows.briefings import briefing_desk

    services = build_services(tmp_path / "bot-home")
    briefing_desk(services).create(
        author_id="M001", title="Launch (east only)", body=f"For the AX-900 launch the {SECRET}.", to="S003"
    )
    question = "What is the distributor rebate for the AX-900 launch?"
    try:
        async with running_bot(services) as bot:
            outsider = (await bot.ask(TG["S006"], question))[-1].text
            recipient = (await bot.ask(TG["S003"], question))[-1].text
    finally:
        services.close()
    assert "12 percent" not in outsider and "Launch (east only)" not in outsider
    assert "12 percent" in recipient


def test_reindex_closes_briefings_written_without_an_audience(tmp_path: Path) -> None:
    """A briefing copy from a release without audiences is public until `brief reindex` rewrites it."""
    from core.settings import Settings

    home = Settings().home
    (copy,) = (home / "briefings").glob("*.md")
    old = "\n".join(line for line in copy.read_text(encoding="utf-8").splitlines() if not line.startswith("audience:"))
    copy.write_text(old, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(copy)]).exit_code == 0
    assert "12 percent" in json.dumps(ask("--as", "S006"))  # the old, leaking state
    first = runner.invoke(app, ["brief", "reindex"])
    assert first.exit_code == 0 and "1 briefing(s) re-indexed" in first.stdout
    assert "12 percent" not in json.dumps(ask("--as", "S006"))
    assert "12 percent" in json.dumps(ask("--as", "S003"))
    assert "0 briefing(s) re-indexed" in runner.invoke(app, ["brief", "reindex"]).stdout


def test_a_briefing_file_over_the_size_limit_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`brief create --file` reads text under the same size limit as ingest (SALESCOACH_MAX_FILE_MB)."""
    monkeypatch.setenv("SALESCOACH_MAX_FILE_MB", "1")
    big = tmp_path / "big.txt"
    big.write_text("x" * (1024 * 1024 + 10), encoding="utf-8")
    result = runner.invoke(app, ["brief", "create", "--by", "M001", "--title", "Big", "--file", str(big)])
    assert result.exit_code == 1
    assert "big.txt" in result.stderr and "limit" in result.stderr and len(result.stderr.strip().splitlines()) == 1
