"""The briefing and onboarding CLI: ids on the last line, exact JSON, refusals exit 2, data errors exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes import HashingEmbeddings
from fixtures_briefings import SAMPLES
from typer.testing import CliRunner

import knowledge.embeddings
from cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def _roster(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake embeddings (no model load) and the sample roster in the isolated home."""
    monkeypatch.setattr(knowledge.embeddings, "load_embeddings", lambda settings: HashingEmbeddings())
    result = runner.invoke(app, ["roster", "import", str(SAMPLES / "roster.csv")])
    assert result.exit_code == 0, result.output


@pytest.fixture
def briefing_file(tmp_path: Path) -> Path:
    path = tmp_path / "ax900.md"
    path.write_text("---\ntitle: ignored\n---\n# AX-900\n\nThe AX-900 lists at 12,800 CNY.\n", encoding="utf-8")
    return path


def create(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["brief", "create", *args])
    return result.exit_code, result.stdout, result.stderr


def test_create_prints_the_id_last_and_status_json_is_exact(briefing_file: Path) -> None:
    code, out, err = create("--by", "M001", "--title", "AX-900 launch", "--file", str(briefing_file),
                            "--to", "S002,S004", "--due", "2099-01-31")  # fmt: skip
    assert code == 0, err
    briefing_id = int(out.strip().splitlines()[-1])
    code2, out2, _ = create("--by", "D001", "--title", "Second", "--file", str(briefing_file))
    assert code2 == 0 and int(out2.strip().splitlines()[-1]) == briefing_id + 1
    status = runner.invoke(app, ["brief", "status", str(briefing_id), "--json"])
    assert status.exit_code == 0
    assert json.loads(status.stdout) == {
        "id": briefing_id,
        "title": "AX-900 launch",
        "recipients": [
            {"rep_id": "S002", "delivered": False, "acknowledged": False, "acknowledged_at": None},
            {"rep_id": "S004", "delivered": False, "acknowledged": False, "acknowledged_at": None},
        ],
    }
    table = runner.invoke(app, ["brief", "status", str(briefing_id)])
    assert "Briefing 1: AX-900 launch (0/2 acknowledged)" in " ".join(table.stdout.split())
    listing = runner.invoke(app, ["brief", "list", "--by", "D001"])
    assert f"{briefing_id}  AX-900 launch: 0/2 acknowledged, due 2099-01-31; missing: S002, S004" in listing.stdout


def test_the_briefing_is_in_the_knowledge_base(briefing_file: Path) -> None:
    code, out, _ = create("--by", "M001", "--title", "AX-900 launch", "--file", str(briefing_file))
    assert code == 0
    briefing_id = out.strip().splitlines()[-1]
    from core.settings import Settings
    from workflows.services import Services

    services = Services(Settings(), embeddings=HashingEmbeddings())
    sources = [s for s in services.index.documents() if s.endswith(f"briefings/{briefing_id}.md")]
    assert len(sources) == 1
    text = Path(sources[0]).read_text(encoding="utf-8")
    assert 'doc_type: "briefing"' in text and "12,800 CNY" in text and "title: ignored" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "S001"], "S001 is a senior: only managers and directors may push briefings"),
        (["--by", "M001", "--to", "S006"], "S006 does not report to M001"),
        (["--by", "M001", "--to", "S001,NOPE"], "unknown rep id 'NOPE'"),
        (["--by", "GHOST"], "unknown rep id 'GHOST'"),
        (["--by", "M001", "--due", "2001-01-01"], "due date 2001-01-01 is in the past"),
        (["--by", "M001", "--due", "next week"], "--due 'next week': expected a date as YYYY-MM-DD"),
    ],
    ids=["not-a-manager", "not-their-report", "unknown-recipient", "unknown-author", "past-due", "bad-date"],
)
def test_refusals_exit_2_with_one_line(briefing_file: Path, args: list[str], message: str) -> None:
    code, out, err = create("--title", "T", "--file", str(briefing_file), *args)
    assert code == 2
    assert message in " ".join(err.split())
    assert len(err.strip().splitlines()) == 1
    assert out == ""


def test_missing_file_exits_2_and_unreadable_file_exits_1(tmp_path: Path) -> None:
    code, _, err = create("--by", "M001", "--title", "T", "--file", str(tmp_path / "nope.md"))
    assert code == 2 and "nope.md: no such file" in err
    binary = tmp_path / "bad.md"
    binary.write_bytes(b"\xff\xfe\x00garbage\x00")
    code, _, err = create("--by", "M001", "--title", "T", "--file", str(binary))
    assert code == 1 and "bad.md" in err


def test_quiz_file_is_validated(briefing_file: Path, tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.yaml"
    quiz.write_text("- question: Price?\n  options: [9800, 12800]\n  answer: 5\n", encoding="utf-8")
    code, _, err = create("--by", "M001", "--title", "T", "--file", str(briefing_file), "--quiz", str(quiz))
    assert code == 2 and "quiz.yaml: quiz[0].answer: 5 is not an option index" in " ".join(err.split())
    quiz.write_text("- question: Price?\n  options: [9800, 12800]\n  answer: 1\n", encoding="utf-8")
    code, _, err = create("--by", "M001", "--title", "T", "--file", str(briefing_file), "--quiz", str(quiz))
    assert code == 0, err


def test_unknown_briefing_status_exits_1() -> None:
    result = runner.invoke(app, ["brief", "status", "42", "--json"])
    assert result.exit_code == 2 and "no briefing with id 42" in result.stderr


def test_onboarding_status_json() -> None:
    result = runner.invoke(app, ["onboarding", "status", "--json", "--manager", "M002"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["rep_id"], r["path"], r["completed_modules"], r["total_modules"]) for r in rows] == [
        ("S007", "junior-online", 0, 7),
        ("S009", "junior-online", 0, 7),
    ]
    table = runner.invoke(app, ["onboarding", "status"])
    assert "Huang Ting" in table.stdout and "not started (0/10)" in table.stdout
    unknown = runner.invoke(app, ["onboarding", "status", "--manager", "X1"])
    assert unknown.exit_code == 2 and "unknown rep id 'X1'" in unknown.stderr


def test_broken_onboarding_file_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "onboarding.yaml"
    bad.write_text("pass_mark: 2\nmodules: {}\npaths: {}\n", encoding="utf-8")
    monkeypatch.setenv("SALESCOACH_ONBOARDING_FILE", str(bad))
    result = runner.invoke(app, ["onboarding", "status"])
    assert result.exit_code == 1
    assert f"{bad}: pass_mark: Input should be less than or equal to 1" in " ".join(result.stderr.split())
