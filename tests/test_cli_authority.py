"""The authority CLI: roster import, policy import|show, audit — output, one-line errors, exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures_authority import HEADER, SAMPLE_POLICY, SAMPLE_ROSTER, write
from typer.testing import CliRunner, Result

from authority.decisions import AuthorityDesk
from authority.policy import load_policy
from cli import app
from core.messages import Request
from core.roster import all_reps, get_rep
from core.settings import Settings
from core.store import Store

runner = CliRunner()


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.fixture
def home_store() -> Iterator[Store]:
    """The store the CLI itself uses (SALESCOACH_HOME points at a temporary folder)."""
    store = Store.from_settings(Settings())
    yield store
    store.dispose()


def test_roster_import_prints_counts() -> None:
    result = invoke("roster", "import", str(SAMPLE_ROSTER))
    assert result.exit_code == 0, result.output
    assert "imported 13 reps (4 junior, 4 mid, 2 senior, 2 manager, 1 director): added 13" in result.stdout


def test_bad_roster_lists_every_problem_and_changes_nothing(tmp_path: Path, home_store: Store) -> None:
    assert invoke("roster", "import", str(SAMPLE_ROSTER)).exit_code == 0
    bad = write(tmp_path / "bad.csv", f"{HEADER}\nD1,Dana,boss,,,,,\nM1,Max,manager,ZZ,,,fax,\n")
    result = invoke("roster", "import", str(bad))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: {bad}:2: role: 'boss': unknown role; expected one of junior, mid, senior, manager, director",
        f"error: {bad}:3: manager_id: 'ZZ': not a rep_id in this file",
        f"error: {bad}:3: channel: 'fax': expected one of direct, channel, online (or empty)",
    ]
    with home_store.session() as session:
        assert len(all_reps(session)) == 13


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("roster", "import", str(tmp_path / "nope.csv"))
    assert result.exit_code == 2
    assert "nope.csv: no such file" in result.stderr
    assert invoke("policy", "import", str(tmp_path / "nope.yaml")).exit_code == 2


def test_policy_import_and_show() -> None:
    result = invoke("policy", "import", str(SAMPLE_POLICY))
    assert result.exit_code == 0, result.output
    assert "5 roles (junior, mid, senior, manager, director)" in result.stdout
    shown = invoke("policy", "show")
    assert shown.exit_code == 0
    assert "3,000 CNY" in shown.stdout and "120 days" in shown.stdout


def test_policy_show_without_policy_fails(home_store: Store) -> None:
    result = invoke("policy", "show")
    assert result.exit_code == 1
    assert "no policy imported yet" in result.stderr


def test_bad_policy_changes_nothing(tmp_path: Path, home_store: Store) -> None:
    assert invoke("policy", "import", str(SAMPLE_POLICY)).exit_code == 0
    text = SAMPLE_POLICY.read_text(encoding="utf-8").replace("senior: 15,", "senior: -15,")
    bad = write(tmp_path / "bad.yaml", text)
    result = invoke("policy", "import", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:" in result.stderr and "discount.senior: -15: limit must not be negative" in result.stderr
    policy = load_policy(home_store)
    assert policy is not None and policy.limit_for("discount", "senior") == 15


def test_policy_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    bad = write(tmp_path / "broken.yaml", "roles: [junior, mid]\ndiscount: {junior: 5, mid: 10\n")
    result = invoke("policy", "import", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:3: not valid YAML" in result.stderr


def _decide_some(store: Store) -> None:
    assert invoke("policy", "import", str(SAMPLE_POLICY)).exit_code == 0
    assert invoke("roster", "import", str(SAMPLE_ROSTER)).exit_code == 0
    desk = AuthorityDesk(Settings(), store=store)
    with store.session() as session:
        s001 = get_rep(session, "S001")
    desk.answer(Request(text="Can I offer a 20% discount?", asker=s001, door="cli"))
    desk.answer(Request(text="能打九折吗", asker=None, door="telegram"))


def test_audit_json_and_filters(home_store: Store) -> None:
    _decide_some(home_store)
    result = invoke("audit", "--json")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert [(e["rep_id"], e["door"]) for e in entries] == [("S001", "cli"), (None, "telegram")]
    decision = entries[0]["decision"]
    assert {k: decision[k] for k in ("kind", "requested", "unit", "limit", "allowed", "approver_role")} == {
        "kind": "discount",
        "requested": 20.0,
        "unit": "percent",
        "limit": 15.0,
        "allowed": False,
        "approver_role": "manager",
    }
    assert decision["approver"] == {"rep_id": "M001", "name": "Li Wei"}
    only = json.loads(invoke("audit", "--rep", "S001", "--json").stdout)
    assert [e["question"] for e in only] == ["Can I offer a 20% discount?"]
    assert json.loads(invoke("audit", "--since", "2999-01-01", "--json").stdout) == []


def test_audit_table(home_store: Store) -> None:
    _decide_some(home_store)
    result = runner.invoke(app, ["audit"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "S001" in result.stdout and "M001" in result.stdout and "telegram" in result.stdout
    # The decision in the one wording every door uses (authority.decisions.decision_line), with the approver's id.
    assert "Discount 20%: ❌ Above your authority (your limit: 15%)" in " ".join(result.stdout.split())


def test_audit_empty(home_store: Store) -> None:
    result = invoke("audit")
    assert result.exit_code == 0
    assert "no decisions recorded" in result.stdout


@pytest.mark.parametrize("value", ["2026-13-01", "yesterday", "01/02/2026"], ids=["month-13", "word", "us-format"])
def test_audit_bad_date_is_a_usage_error(value: str) -> None:
    result = invoke("audit", "--since", value)
    assert result.exit_code == 2
    assert f"--since {value!r}: expected a date YYYY-MM-DD" in result.stderr


def test_audit_for_an_id_that_was_never_on_the_roster_is_a_usage_error(home_store: Store) -> None:
    result = runner.invoke(app, ["audit", "--rep", "NOBODY"])
    assert result.exit_code == 2
    assert "unknown rep id 'NOBODY'" in result.output


def test_importing_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["roster", "import", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder" in result.output
