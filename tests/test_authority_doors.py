"""Several decisions through every door: `ask --json` lists them, the audit shows each, the console and the
bot print one line each, `policy show` lists the new keys, and the anonymous console takes a rep id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES, building_home, copy_home
from fakes import HashingEmbeddings
from fixtures_knowledge import MANUAL_EN, PRODUCTS, load
from typer.testing import CliRunner

import knowledge.embeddings
from bot.formatting import format_decision, render_reply
from cli import app
from cli.console import decision_line
from core.messages import Approver, Decision, Reply
from core.settings import Settings
from knowledge.index import KnowledgeIndex

runner = CliRunner()


@pytest.fixture(scope="module")
def template_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small KB, the sample roster and policy, loaded once; each test gets a copy."""
    with building_home(tmp_path_factory.mktemp("authority") / "home"):
        load(KnowledgeIndex(Settings(), embeddings=HashingEmbeddings()), *PRODUCTS, MANUAL_EN).close()
        for command in (
            ["roster", "import", str(SAMPLES / "roster.csv")],
            ["policy", "import", str(SAMPLES / "policy.yaml")],
        ):
            result = runner.invoke(app, command)
            assert result.exit_code == 0, result.output
        return Settings().home


@pytest.fixture(autouse=True)
def loaded_home(template_home: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake embeddings, and this test's own copy of the small KB, the sample roster and policy."""
    monkeypatch.setattr(knowledge.embeddings, "load_embeddings", lambda settings: HashingEmbeddings())
    copy_home(template_home, _isolated_home)


def test_ask_json_lists_every_decision_and_audit_records_them() -> None:
    result = runner.invoke(app, ["ask", "--json", "--as", "S006", "Customer wants 10% off and 90 days to pay. OK?"])
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    decisions = reply["decisions"]
    assert [(d["kind"], d["requested"], d["allowed"]) for d in decisions] == [
        ("discount", 10, True),
        ("payment_terms", 90, False),
    ]
    assert set(decisions[1]) >= {"kind", "requested", "unit", "limit", "allowed", "approver_role", "approver", "reason"}
    assert decisions[1]["approver"]["rep_id"] == "M002"
    assert reply["decision"] == decisions[0]

    audit = runner.invoke(app, ["audit", "--json", "--rep", "S006"])
    assert audit.exit_code == 0, audit.output
    entries = json.loads(audit.stdout)
    assert [(e["decision"]["kind"], e["decision"]["requested"]) for e in entries] == [
        ("discount", 10),
        ("payment_terms", 90),
    ]


def test_policy_show_lists_contract_value_credit_hold_and_citations() -> None:
    result = runner.invoke(app, ["policy", "show"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "contract_value" in result.stdout and "2,000,000 CNY" in result.stdout
    assert "more than 30 days overdue gets no new payment terms below director" in result.stdout
    assert "cites for discount: pricing-authority-policy.md › Discount Authority" in result.stdout


def test_anonymous_console_takes_the_rep_id_for_the_pending_question() -> None:
    result = runner.invoke(app, ["chat"], input="可以打八五折吗？\nS003\n")
    assert result.exit_code == 0, result.output
    before, _, after = result.stdout.partition("Deciding as ")
    assert "告诉我你的工号" in before  # the anonymous answer asked for the id
    assert after.startswith("Zhang Lei (S003, junior)")
    assert "make run AS=S003" in after
    assert "折扣 15%: ❌ 超出你的权限（上限 5%）" in after
    assert "Li Wei" in after


def test_a_rep_id_without_a_pending_question_is_not_a_question() -> None:
    result = runner.invoke(app, ["chat"], input="S003\n")
    assert result.exit_code == 0, result.output
    assert "S003 is a rep id, not a question: to chat as a rep, start the chat with --as S003" in result.stdout


def _decision(**update: object) -> Decision:
    base = Decision(kind="discount", requested=10, unit="percent", limit=5, allowed=False, approver_role="mid")
    return base.model_copy(update=update)


def test_each_decision_on_its_own_line() -> None:
    first = _decision(approver=Approver(rep_id="M001", name="Li Wei"), basis="5% + 5%")
    second = Decision(kind="contract_value", requested=300000, unit="CNY", limit=200000, allowed=True)
    reply = Reply(answer="two answers", grounded=True, decision=first, decisions=[first, second])
    html = render_reply(reply)
    assert html.startswith(
        "<b>Discount 10%</b> (5% + 5%): ❌ Above your authority (your limit: 5%): needs approval from a mid or "
        "above (<b>Li Wei</b>).\n<b>Contract 300,000 CNY</b>: ✅ Within your authority (your limit: 200,000 CNY)."
    )
    assert decision_line(reply) == (
        "Discount 10% (5% + 5%): ❌ Above your authority (your limit: 5%): needs approval from a mid or above "
        "(Li Wei).\nContract 300,000 CNY: ✅ Within your authority (your limit: 200,000 CNY)."
    )


def test_credit_hold_line_names_the_overdue_days() -> None:
    held = Decision(
        kind="payment_terms",
        requested=30,
        unit="days",
        limit=60,
        allowed=False,
        approver_role="director",
        approver=Approver(rep_id="D001", name="Zhao Min"),
        reason="credit_hold",
        overdue_days=45,
    )
    assert format_decision(held) == (
        "<b>Payment terms 30 days</b>: ❌ Credit hold: customer 45 days overdue: needs approval from a director "
        "or above (<b>Zhao Min</b>)."
    )
    assert format_decision(held, "zh").startswith("<b>账期 30天</b>: ❌ 客户已逾期45天，暂停赊销")
