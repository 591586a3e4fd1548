"""The console chat's commands through the real `salescoach chat`: the Telegram bot's commands, its permissions.

One home per test with the sample roster and KPIs, a small knowledge base and fake embeddings; each chat is
driven line by line through typer's CliRunner.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLES, building_home, copy_home
from fakes import HashingEmbeddings
from fixtures_knowledge import MANUAL_EN, PLAYBOOK, PRODUCTS, load
from typer.testing import CliRunner

import knowledge.embeddings
from cli import app
from core.settings import Settings
from knowledge.index import KnowledgeIndex

runner = CliRunner()
ANONYMOUS = "start with --as REP_ID (make run AS=S003)"
NOT_VISIBLE = "I can't show coaching for {}: you can see your own KPIs and your reports' only."


@pytest.fixture(scope="module")
def company_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small KB, the sample roster and the sample KPIs, loaded once; each test gets a copy."""
    with building_home(tmp_path_factory.mktemp("company") / "home"), pytest.MonkeyPatch.context() as patch:
        patch.setattr(knowledge.embeddings, "load_embeddings", lambda settings: HashingEmbeddings())
        index = load(KnowledgeIndex(Settings(), embeddings=HashingEmbeddings()), *PRODUCTS, MANUAL_EN, PLAYBOOK)
        index.close()
        for args in (
            ["roster", "import", str(SAMPLES / "roster.csv")],
            ["kpi", "import", str(SAMPLES / "kpis.csv"), "--channels", str(SAMPLES / "channels.csv")],
        ):
            result = runner.invoke(app, args)
            assert result.exit_code == 0, result.output
        return Settings().home


@pytest.fixture(autouse=True)
def company(company_home: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake embeddings and this test's own copy of the company's home."""
    monkeypatch.setattr(knowledge.embeddings, "load_embeddings", lambda settings: HashingEmbeddings())
    copy_home(company_home, _isolated_home)


def chat(*lines: str, rep: str | None = None) -> str:
    """The chat's output for these input lines (then end of input), as `rep` or anonymously."""
    args = ["chat", "--as", rep] if rep else ["chat"]
    result = runner.invoke(app, args, input="".join(f"{line}\n" for line in lines))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert not re.search(r"</?(b|i|code)>", result.stdout), "the console prints plain text, not Telegram HTML"
    return result.stdout


def help_lines(rep: str | None) -> list[str]:
    out = chat("/help", rep=rep)
    return [line.split()[0] for line in out.splitlines() if line.startswith("  /")]


@pytest.mark.parametrize(
    ("rep", "commands"),
    [
        (None, ["/check", "/help", "/quit"]),
        ("S003", ["/check", "/coach", "/onboarding", "/briefs", "/ack", "/quiz", "/whoami", "/help", "/quit"]),
        ("M001", ["/check", "/coach", "/onboarding", "/briefs", "/ack", "/quiz", "/whoami", "/team", "/help", "/quit"]),
    ],
    ids=["anonymous", "rep", "manager"],
)
def test_help_lists_exactly_the_commands_this_user_may_use(rep: str | None, commands: list[str]) -> None:
    assert help_lines(rep) == commands


def test_help_shows_a_manager_coaches_reports_and_a_rep_only_themselves() -> None:
    assert "/coach [REP_ID] [PERIOD]" in chat("/help", rep="M001")
    rep_help = chat("/help", rep="S003")
    assert "/coach [PERIOD]" in rep_help and "REP_ID" not in rep_help
    assert ANONYMOUS in chat("/help")


@pytest.mark.parametrize(
    "command", ["/coach", "/coach S003", "/team", "/onboarding", "/briefs", "/ack 1", "/quiz 1", "/whoami"]
)
def test_anonymous_personal_commands_get_the_one_line_how_to(command: str) -> None:
    out = chat(command)
    name = command.split()[0]
    assert f"{name} needs to know who you are: {ANONYMOUS}." in out
    assert "Zhang Lei" not in out and "unknown command" not in out


def test_rep_coaches_themselves_with_a_chart_under_the_home() -> None:
    out = chat("/coach", rep="S003")
    assert "Zhang Lei (S003), 2026-Q4" in out
    assert "cac" in out and "HIGH" in out  # the finding the CLI's coach reports for S003
    chart = Settings().home / "charts" / "coach-S003-2026-Q4.png"
    assert f"chart: {chart}" in out.replace("\n", "")
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_rep_coaches_themselves_for_a_period() -> None:
    out = chat("/coach 2026-q3", "/coach S003 2025-Q4", rep="S003")
    assert "Zhang Lei (S003), 2026-Q3" in out
    assert "available periods: 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4" in out


@pytest.mark.parametrize(
    ("rep", "target", "sees"),
    [
        ("S003", "S001", False),  # a rep: another rep of their own team
        ("S003", "M001", False),  # a rep: their manager
        ("S003", "S999", False),  # nobody
        ("M001", "S005", True),  # a manager: their report
        ("M001", "S006", False),  # a manager: another team's rep
        ("M001", "S998", False),  # a manager: nobody
        ("D001", "S006", True),  # a director: every team below them
    ],
    ids=["rep-teammate", "rep-manager", "rep-unknown", "manager-report", "manager-other-team", "manager-unknown",
         "director-recursive"],
)  # fmt: skip
def test_coach_permissions_match_the_bot(rep: str, target: str, sees: bool) -> None:
    out = chat(f"/coach {target}", rep=rep)
    if sees:
        assert f"({target}), 2026-Q4" in out
        assert (Settings().home / "charts" / f"coach-{target}-2026-Q4.png").is_file()
    else:
        # Someone else's report and an id nobody has get the same words: the reply leaks nothing.
        assert NOT_VISIBLE.format(target) in out.replace("\n", " ").replace("  ", " ")
        assert "2026-Q4" not in out
        assert not (Settings().home / "charts").exists()


def test_team_is_for_managers_with_their_reports_and_onboarding() -> None:
    refused = chat("/team", rep="S003")
    assert "/team is for managers and directors: you have no reports on the roster." in refused
    assert "Team of" not in refused
    out = chat("/team", rep="M001")
    assert "Team of Li Wei (M001), 2026-Q4" in out
    assert "S005" in out and "S006" not in out  # the table wraps names: ids only
    assert "Onboarding:" in out and "Huang Ting (S004)" in out
    assert (Settings().home / "charts" / "team-M001-2026-Q4.png").read_bytes().startswith(b"\x89PNG")
    director = chat("/team 2026-Q3", rep="D001")
    assert "Team of Zhao Min (D001), 2026-Q3" in director
    assert "S006" in director and "S005" in director


def test_check_flags_a_draft_for_anyone() -> None:
    for rep in (None, "S003"):
        out = chat("/check 我们是全网最低价，保证有效", rep=rep)
        assert "全网最低价" in out
        assert "Law:" in out and "Say instead:" in out
    assert "Type /check followed by the text to check" in chat("/check")


def test_ask_is_the_same_as_typing_the_question() -> None:
    out = chat("/ask K7 Lite price", "/ask", rep="S001")
    assert "K7 Lite list price is 2,100 CNY" in out
    assert "Type a question after /ask" in out and "unknown command" not in out


def test_whoami_names_the_rep_and_their_manager() -> None:
    assert "You are Zhang Lei (S003), junior, reporting to Li Wei (M001)." in chat("/whoami", rep="S003")
    assert "You are Zhao Min (D001), director." in chat("/whoami", rep="D001")


def test_onboarding_shows_the_module_and_a_pass_unlocks_the_next() -> None:
    # S003 is a junior channel rep: market-intel first; every right answer is B.
    out = chat("/onboarding", "Z", "B", "B", "B", "/onboarding", rep="S003")
    assert "Module 1/7: Market information gathering" in out
    assert "Question 1/3: Within how long must you log" in out and "B. Within two working days" in out
    assert "Answer with one letter, A, B, C" in out
    assert "Passed with 100% (pass mark 66%). Next module unlocked: The channel sales model" in out
    assert "Module 2/7: The channel sales model" in out


def test_onboarding_for_a_manager_is_their_new_hires_progress() -> None:
    chat("/onboarding", "B", "", rep="S003")
    out = chat("/help", "/onboarding", rep="M001")
    assert "your new hires' onboarding progress" in out
    assert "Onboarding:" in out and "Zhang Lei (S003): 0/7 modules, on market-intel" in out
    assert "Huang Ting (S004): not started (0/10)" in out and "S009" not in out
    assert "Ma Chao (S009)" in chat("/onboarding", rep="D001")


def test_a_broken_onboarding_file_is_one_line_and_the_chat_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "onboarding.yaml"
    broken.write_text("pass_mark: 0.66\nmodules: [\n", encoding="utf-8")
    monkeypatch.setenv("SALESCOACH_ONBOARDING_FILE", str(broken))
    out = chat("/onboarding", "/whoami", rep="S003")
    assert f"error: {broken}" in out.replace("\n", "")
    assert "You are Zhang Lei (S003)" in out


def test_onboarding_fail_restarts_the_quiz_and_a_pause_keeps_the_place() -> None:
    out = chat("/onboarding", "A", "A", "A", "B", "", rep="S003")
    assert "Score 0%; the pass mark is 66%." in out
    assert out.count("Question 1/3:") == 2 and "Question 2/3:" in out.split("Score 0%")[1]
    assert "Quiz paused: /onboarding picks it up at this question." in out
    again = chat("/onboarding", rep="S003")
    assert "Attempt 2; last score 0%." in again
    assert "Question 2/3:" in again and "Question 1/3:" not in again


def test_briefs_and_ack_for_recipients_only(tmp_path: Path) -> None:
    body = tmp_path / "launch.md"
    body.write_text("# East launch\n\nThe AX-900 launches on Monday; demo units ship Friday.\n", encoding="utf-8")
    created = runner.invoke(
        app, ["brief", "create", "--by", "M001", "--title", "East launch", "--file", str(body), "--to", "S003"]
    )
    assert created.exit_code == 0, created.output
    out = chat("/briefs", "/ack 1", "/ack 1", "/briefs", rep="S003")
    assert "#1 East launch — from Li Wei · to acknowledge: /ack 1" in out
    assert "demo units ship Friday" in out
    assert "Thanks, acknowledged." in out and "Already acknowledged." in out
    assert re.search(r"#1 East launch — from Li Wei · acknowledged \d{4}-\d\d-\d\d", out)
    assert "Your briefings" not in out  # a rep pushes none
    for line in ("/ack 1", "/ack 99"):  # not a recipient, and no such briefing: the same words
        assert "This briefing was not sent to you." in chat(line, rep="S006")
    assert "Usage: /ack ID" in chat("/ack", rep="S003")
    assert "No briefings have been sent to you." in chat("/briefs", rep="S006")
    manager = chat("/briefs", rep="M001")
    assert "Your briefings" in manager and "#1 East launch: 1/1 acknowledged" in manager


def test_briefing_quiz_records_answers_and_shows_the_right_letter(tmp_path: Path) -> None:
    body = tmp_path / "price.md"
    body.write_text("# New price\n\nThe K7 list price is 2,100 CNY from Monday.\n", encoding="utf-8")
    quiz = tmp_path / "quiz.yaml"
    quiz.write_text(
        "- question: The K7 list price?\n  options: ['1,900 CNY', '2,100 CNY']\n  answer: 1\n"
        "- question: From when?\n  options: [Monday, Friday]\n  answer: 0\n",
        encoding="utf-8",
    )
    created = runner.invoke(
        app, ["brief", "create", "--by", "M001", "--title", "New price", "--file", str(body), "--to", "S003",
              "--quiz", str(quiz)],
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    assert "to acknowledge: /ack 1 · quiz: /quiz 1" in chat("/briefs", rep="S003")
    out = chat("/quiz 1", "A", "", rep="S003")
    assert "Question 1/2: The K7 list price?" in out and "B. 2,100 CNY" in out
    assert "✘ Not quite: the answer is B." in out
    assert "Quiz paused: /quiz 1 picks it up at this question." in out
    done = chat("/quiz 1", "A", "/quiz 1", rep="S003")
    assert "Question 1/2" not in done and "Question 2/2: From when?" in done
    assert "✔ Correct." in done and done.count("Quiz done: 1/2 right.") == 2
    assert "quiz:" not in chat("/briefs", rep="S003")
    for rep in ("S006", "M001"):  # not recipients: the same words as for a briefing nobody sent
        assert "This briefing was not sent to you." in chat("/quiz 1", rep=rep)
    assert "This briefing was not sent to you." in chat("/quiz 7", rep="S003")


def test_the_console_words_come_from_the_catalogue_in_the_chats_language() -> None:
    """The console and the bot share one catalogue: a chat in Chinese answers /whoami, /ack and /help with the
    catalogue's Chinese texts, the same as the bot's, and values are printed as typed (never as markup)."""
    from rich.console import Console

    from cli.console_commands import ChatContext, help_text, run_command
    from core.catalogue import text
    from core.roster import get_rep
    from workflows.services import Services

    services = Services(Settings(), embeddings=HashingEmbeddings())
    with services.store.session() as session:
        rep = get_rep(session, "S003")
    assert rep is not None
    console = Console(record=True, width=200)
    ctx = ChatContext(services, rep, console, read=lambda prompt: "", language="zh")
    assert run_command(ctx, "/whoami") and run_command(ctx, "/ack 99") and run_command(ctx, "/ack")
    out = console.export_text()
    manager = text("whoami_manager", "zh", manager="Li Wei (M001)")
    assert text("whoami", "zh", name="Zhang Lei", rep_id="S003", role="junior", manager=manager) in out
    assert text("brief.not_yours", "zh") in out and "用法：/ack 编号" in out
    assert help_text(ctx).startswith(text("console.help_intro", "zh"))


def test_lang_zh_words_the_chat_in_chinese_and_a_wrong_lang_is_one_line() -> None:
    result = runner.invoke(app, ["chat", "--as", "S003", "--lang", "zh"], input="/whoami\n")
    assert result.exit_code == 0, result.output
    assert "对话——当前身份" in result.stdout and "/help 查看帮助" in result.stdout
    assert "asking as" not in result.stdout
    wrong = runner.invoke(app, ["chat", "--lang", "fr"])
    assert wrong.exit_code == 2
    assert "--lang must be en or zh, not 'fr'" in wrong.output
