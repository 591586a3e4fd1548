"""`salescoach ask`, `chat` and `eval` through the real typer app, real Chroma and fake embeddings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES, building_home, copy_home
from fakes import HashingEmbeddings
from fixtures_knowledge import MANUAL_EN, MANUAL_ZH, PLAYBOOK, PRODUCTS, STALE, load
from typer.testing import CliRunner

import knowledge.embeddings
from cli import app
from core.settings import Settings
from knowledge.index import KnowledgeIndex

runner = CliRunner()


@pytest.fixture(scope="module")
def knowledge_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small KB and the sample roster, loaded once; each test gets a copy."""
    with building_home(tmp_path_factory.mktemp("knowledge") / "home"):
        index = load(
            KnowledgeIndex(Settings(), embeddings=HashingEmbeddings()),
            *PRODUCTS,
            MANUAL_EN,
            MANUAL_ZH,
            PLAYBOOK,
            STALE,
        )
        index.close()
        result = runner.invoke(app, ["roster", "import", str(SAMPLES / "roster.csv")])
        assert result.exit_code == 0, result.output
        return Settings().home


@pytest.fixture(autouse=True)
def knowledge_base(knowledge_home: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake embeddings for every CLI run, and this test's own copy of the small KB and the sample roster."""
    monkeypatch.setattr(knowledge.embeddings, "load_embeddings", lambda settings: HashingEmbeddings())
    copy_home(knowledge_home, _isolated_home)


def test_ask_json_contract() -> None:
    result = runner.invoke(app, ["ask", "--json", "When do I escalate an overdue payment to my manager?"])
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    assert {"answer", "grounded", "citations", "decision"} <= set(reply)
    assert reply["grounded"] is True
    assert reply["decision"] is None
    citation = reply["citations"][0]
    assert {"title", "source", "section", "version", "stale", "score", "snippet"} <= set(citation)
    assert citation["source"] == "/kb/sales-duty-manual.md"
    assert citation["section"] == "Sales Duty Manual > Collections"


def test_ask_human_output_lists_numbered_sources_and_stale_warning() -> None:
    result = runner.invoke(app, ["ask", "What did the spring campaign include with purifier orders?"])
    assert result.exit_code == 0, result.output
    assert "[1] Promotions 2024 — Promotions 2024 > Spring Campaign (v. 1.0)" in result.stdout
    assert "past its review date" in result.stdout


def test_ask_as_manager_sees_manager_documents() -> None:
    question = "Who reviews the file before a lawyer's letter for an unpaid invoice?"
    as_manager = json.loads(runner.invoke(app, ["ask", "--as", "M001", "--json", question]).stdout)
    anonymous = json.loads(runner.invoke(app, ["ask", "--json", question]).stdout)
    assert any(c["source"] == PLAYBOOK[0].source for c in as_manager["citations"])
    assert all(c["source"] != PLAYBOOK[0].source for c in anonymous["citations"])


def test_ask_unknown_rep_is_a_usage_error() -> None:
    result = runner.invoke(app, ["ask", "--as", "NOPE", "what is the K7 price?"])
    assert result.exit_code == 2
    assert "unknown rep id 'NOPE'" in result.stderr


@pytest.mark.parametrize("question", ["", "   \n\t "], ids=["empty", "whitespace"])
def test_ask_empty_question_exits_2_with_a_clear_message(question: str) -> None:
    result = runner.invoke(app, ["ask", question])
    assert result.exit_code == 2
    assert "question is empty" in result.stderr
    assert "Traceback" not in result.output


def test_ask_huge_question_is_truncated_with_a_warning() -> None:
    question = "What is the K7 price? " + "blah " * 4000
    assert len(question) >= 20_000
    result = runner.invoke(app, ["ask", "--json", question])
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    assert any("truncated" in w for w in reply["warnings"])


def test_ask_reads_questions_from_stdin_one_jsonl_line_each() -> None:
    stdin = "K7 Lite price\n\nWhat is the wifi password for the Paris office?\n逾期30天怎么办？\n"
    result = runner.invoke(app, ["ask", "--json", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["grounded"] for r in lines] == [True, False, True]
    assert lines[0]["citations"][0]["source"] == "/kb/products/k7-lite.md"
    assert lines[2]["language"] == "zh"


def test_chat_answers_helps_ignores_empty_and_quits() -> None:
    stdin = "/help\n\nK7 Lite price\n/quit\nnever asked\n"
    result = runner.invoke(app, ["chat", "--as", "S001"], input=stdin)
    assert result.exit_code == 0, result.output
    assert "/quit" in result.stdout  # the help text
    assert "K7 Lite list price is 2,100 CNY" in result.stdout
    assert "[1] K7 Lite Water Purifier" in result.stdout
    assert "never asked" not in result.stdout.split("bye")[0].split("K7 Lite list price")[1]


def test_chat_ends_cleanly_at_end_of_input() -> None:
    result = runner.invoke(app, ["chat"], input="K7 warranty\n")
    assert result.exit_code == 0, result.output
    assert "one-year warranty" in result.stdout
    assert "bye" in result.stdout


def _eval_file(tmp_path: Path, lines: list[dict[str, str]]) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return path


def test_eval_reports_recall_mrr_and_latency(tmp_path: Path) -> None:
    path = _eval_file(
        tmp_path,
        [
            {"q": "AX-100 Pro price", "source": "ax-100-pro.md", "section": "pricing"},
            {"q": "K7 Lite warranty", "source": "k7-lite.md", "section": "Warranty"},
            {"q": "客户逾期30天要上报谁？", "source": "sales-duty-manual-zh.md", "section": "回款管理"},
            {"q": "K7 warranty", "source": "not-ingested.md", "section": "Warranty"},  # cannot be hit
        ],
    )
    result = runner.invoke(app, ["eval", str(path), "--json", "-k", "3"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert set(metrics) == {"recall_at_1", "recall_at_5", "mrr", "p50_ms", "p95_ms", "n"}
    assert metrics["n"] == 4
    assert metrics["recall_at_1"] == 0.75
    assert metrics["recall_at_5"] == 0.75
    assert metrics["mrr"] == 0.75
    assert metrics["p95_ms"] >= metrics["p50_ms"] > 0

    table = runner.invoke(app, ["eval", str(path), "--mode", "bm25", "--misses"])
    assert table.exit_code == 0, table.output
    assert "recall@1" in table.stdout
    assert "miss line 4" in table.stdout


def test_eval_rejects_a_bad_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"q": "ok", "source": "a.md", "section": "A"}\n{"q": "no source"}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 1
    assert "bad.jsonl:2: field 'source'" in result.stderr


def test_eval_lists_every_bad_line_and_skips_refusal_cases(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"q": "canteen menu?", "answerable": false}\nnot json\n{"q": "no section", "source": "a.md"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 1
    assert "bad.jsonl:2: not valid JSON" in result.stderr
    assert "bad.jsonl:3: field 'section'" in result.stderr
    assert "bad.jsonl:1" not in result.stderr


def test_eval_rejects_unknown_mode(tmp_path: Path) -> None:
    path = _eval_file(tmp_path, [{"q": "K7", "source": "k7.md", "section": "Pricing"}])
    result = runner.invoke(app, ["eval", str(path), "--mode", "fuzzy"])
    assert result.exit_code == 2


def test_console_renders_decision_as_plain_text_and_citation_lines() -> None:
    from rich.console import Console

    from cli.console import citation_line, render_reply
    from core.messages import Approver, Citation, Decision, Reply

    reply = Reply(
        answer="Above your limit.",
        grounded=True,
        decision=Decision(
            kind="discount",
            requested=15,
            unit="percent",
            limit=10,
            allowed=False,
            approver_role="manager",
            approver=Approver(rep_id="M001", name="Li Wei"),
        ),
        citations=[Citation(title="Policy", source="/kb/p.md", section="Policy > Discounts", version="2.1")],
        warnings=["question truncated"],
    )
    console = Console(record=True, width=200)
    render_reply(console, reply)
    text = console.export_text()
    assert "<b>" not in text and "Li Wei" in text and "15%" in text
    assert "⚠ question truncated" in text
    assert "[1] Policy — Policy > Discounts (v. 2.1)" in text
    stale = Citation(title="T", source="s", section="T", version="v3", stale=True)
    assert citation_line(2, stale) == "[2] T (v. 3) ⚠ past review date"
