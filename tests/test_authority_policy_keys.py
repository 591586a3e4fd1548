"""Policy keys contract_value and credit_hold: validated like the old ones, optional, nothing applied on error."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_authority import SAMPLE_POLICY, store, write

from authority.policy import PolicyError, import_policy, load_policy, parse_policy_text
from core.store import Store

__all__ = ["store"]

BASE = "roles: [junior, mid, senior]\ndiscount: {junior: 5, mid: 10, senior: 15}\n"


def test_sample_policy_has_contract_and_credit_hold() -> None:
    policy = parse_policy_text(SAMPLE_POLICY.read_text(encoding="utf-8"), "policy.yaml")
    assert policy.limits("contract_value") == {
        "junior": 50000,
        "mid": 100000,
        "senior": 200000,
        "manager": 500000,
        "director": 2000000,
    }
    assert policy.credit_hold is not None
    assert policy.credit_hold.overdue_days == 30
    assert policy.credit_hold.approver_role == "director"


def test_old_files_without_the_new_keys_stay_valid() -> None:
    policy = parse_policy_text(BASE)
    assert policy.limits("contract_value") is None
    assert policy.credit_hold is None


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "contract_value: {junior: 1, mid: x, senior: 3}\n",
            "p.yaml:3: contract_value.mid: 'x': limit must be a number",
        ),
        ("contract_value: {junior: 9, mid: 5, senior: 10}\n", "p.yaml:3: contract_value.mid: 5.0: limit decreases"),
        (
            "credit_hold: {overdue_days: -1, approver_role: senior}\n",
            "p.yaml:3: credit_hold.overdue_days: -1: must not",
        ),
        (
            "credit_hold:\n  overdue_days: 30\n  approver_role: ceo\n",
            "p.yaml:5: credit_hold.approver_role: 'ceo': unknown role",
        ),
        ("credit_hold:\n  overdue_days: 30\n", "p.yaml:3: credit_hold: None: missing approver_role"),
        (
            "credit_hold:\n  overdue_days: 30\n  approver_role: senior\n  days: 3\n",
            "p.yaml:6: credit_hold.days: 3: unknown key",
        ),
        ("credit_hold: yes\n", "p.yaml:3: credit_hold: True: must be a mapping"),
    ],
    ids=[
        "contract-not-number",
        "contract-decreasing",
        "negative-days",
        "unknown-role",
        "missing-key",
        "unknown-key",
        "not-mapping",
    ],
)
def test_bad_new_keys_name_line_key_value_and_reason(extra: str, expected: str) -> None:
    with pytest.raises(PolicyError) as info:
        parse_policy_text(BASE + extra, "p.yaml")
    assert any(line.startswith(expected) for line in info.value.problems), info.value.problems


def test_a_bad_credit_hold_changes_nothing(store: Store, tmp_path: Path) -> None:
    good = write(tmp_path / "good.yaml", BASE)
    import_policy(store, good)
    bad = write(tmp_path / "bad.yaml", BASE + "credit_hold: {overdue_days: 30, approver_role: ceo}\n")
    with pytest.raises(PolicyError):
        import_policy(store, bad)
    policy = load_policy(store)
    assert policy is not None and policy.credit_hold is None
