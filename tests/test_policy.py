"""Policy YAML import: validation names file, line, key path and value; a bad file changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtures_authority import HEADER, SAMPLE_POLICY, SAMPLE_ROSTER, loaded_store, store, write

from authority.policy import Policy, PolicyError, import_policy, load_policy, parse_policy_text
from core.roster import DEFAULT_ROLES
from core.store import Store
from workflows.roster_import import import_roster

__all__ = ["loaded_store", "store"]

GOOD = """roles: [junior, mid, senior, manager, director]
discount: {junior: 5, mid: 10, senior: 15, manager: 20, director: 30}
payment_terms_days: {junior: 30, mid: 45, senior: 60, manager: 90, director: 120}
gift_value: {junior: 200, mid: 200, senior: 500, manager: 1000, director: 3000}
"""


def test_sample_policy_matches_the_issue_numbers() -> None:
    policy = parse_policy_text(SAMPLE_POLICY.read_text(encoding="utf-8"), "policy.yaml")
    assert policy.roles == list(DEFAULT_ROLES)
    assert policy.limits("discount") == {"junior": 5, "mid": 10, "senior": 15, "manager": 20, "director": 30}
    assert policy.limits("payment_terms") == {
        "junior": 30,
        "mid": 45,
        "senior": 60,
        "manager": 90,
        "director": 120,
    }
    assert policy.limits("gift") == {
        "junior": 200,
        "mid": 200,
        "senior": 500,
        "manager": 1000,
        "director": 3000,
    }


def test_sample_policy_agrees_with_the_policy_document() -> None:
    """The KB document's tables must say the same numbers as the YAML twin (both en and zh)."""
    policy = parse_policy_text(SAMPLE_POLICY.read_text(encoding="utf-8"))
    kb = SAMPLE_POLICY.parent / "kb"
    english = (kb / "pricing-authority-policy.md").read_text(encoding="utf-8")
    for value in (policy.limits("discount") or {}).values():
        assert f"| {value:g}% |" in english
    for value in (policy.limits("payment_terms") or {}).values():
        assert f"| {value:g} days |" in english
    for value in (policy.limits("gift") or {}).values():
        assert f"| {value:,.0f} CNY |" in english


def test_missing_section_is_allowed() -> None:
    policy = parse_policy_text("roles: [a, b]\ndiscount: {a: 1, b: 2}\n")
    assert policy.limits("gift") is None
    assert policy.limit_for("discount", "b") == 2


BAD = [
    (
        "yaml-syntax",
        "roles: [junior, mid\ndiscount: {junior: 5}\n",
        [r"^p\.yaml:\d+: not valid YAML"],
    ),
    (
        "unknown-role",
        GOOD.replace("director: 30}", "director: 30, boss: 50}"),
        [r"^p\.yaml:2: discount\.boss: 50: unknown role; the policy's roles are junior, mid"],
    ),
    (
        "missing-role",
        GOOD.replace(", director: 3000}", "}"),
        [r"^p\.yaml:4: gift_value: 'director': missing limit for role 'director'"],
    ),
    (
        "negative",
        GOOD.replace("junior: 30,", "junior: -30,"),
        [r"^p\.yaml:3: payment_terms_days\.junior: -30: limit must not be negative"],
    ),
    (
        "non-numeric",
        GOOD.replace("mid: 10,", "mid: ten,"),
        [r"^p\.yaml:2: discount\.mid: 'ten': limit must be a number"],
    ),
    (
        "yes-is-not-a-number",
        GOOD.replace("mid: 10,", "mid: yes,"),
        [r"^p\.yaml:2: discount\.mid: True: limit must be a number"],
    ),
    (
        "percent-over-100",
        GOOD.replace("director: 30}", "director: 130}"),
        [r"^p\.yaml:2: discount\.director: 130: a discount is a percentage of list price: at most 100"],
    ),
    (
        "decreasing",
        GOOD.replace("manager: 90,", "manager: 50,"),
        [r"^p\.yaml:3: payment_terms_days\.manager: 50\.0: limit decreases with seniority \(senior has 60\)"],
    ),
    (
        "unknown-key",
        GOOD + "discounts: {junior: 1}\n",
        [r"^p\.yaml:5: discounts: \{'junior': 1\}: unknown key; expected one of roles, discount"],
    ),
    ("no-roles", "discount: {junior: 5}\n", [r"^p\.yaml:1: roles: missing"]),
    ("empty", "", [r"^p\.yaml: empty policy file"]),
    (
        "not-a-mapping",
        "- a\n- b\n",
        [r"^p\.yaml:1: \(top level\): \['a', 'b'\]: the policy must be a mapping"],
    ),
    (
        "several-problems-all-listed",
        GOOD.replace("mid: 10,", "mid: -1,").replace("senior: 500,", "senior: lots,"),
        [
            r"discount\.mid: -1: limit must not be negative",
            r"gift_value\.senior: 'lots': limit must be a number",
        ],
    ),
]


@pytest.mark.parametrize(("text", "patterns"), [(t, p) for _id, t, p in BAD], ids=[i for i, _t, _p in BAD])
def test_bad_policies_are_refused_with_line_key_and_value(text: str, patterns: list[str]) -> None:
    with pytest.raises(PolicyError) as info:
        parse_policy_text(text, source="p.yaml")
    problems = info.value.problems
    for pattern in patterns:
        assert any(re.search(pattern, line) for line in problems), (pattern, problems)
    assert all("\n" not in line for line in problems)


def test_import_then_load(store: Store) -> None:
    assert load_policy(store) is None
    imported = import_policy(store, SAMPLE_POLICY)
    assert load_policy(store) == imported


def test_bad_import_changes_nothing(store: Store, tmp_path: Path) -> None:
    import_policy(store, SAMPLE_POLICY)
    before = load_policy(store)
    bad = write(tmp_path / "bad.yaml", GOOD.replace("junior: 5,", "junior: -5,"))
    with pytest.raises(PolicyError, match=r"bad\.yaml:2: discount\.junior: -5"):
        import_policy(store, bad)
    assert load_policy(store) == before


def test_reimport_replaces_the_active_policy(store: Store, tmp_path: Path) -> None:
    import_policy(store, SAMPLE_POLICY)
    stricter = write(tmp_path / "p2.yaml", GOOD.replace("senior: 15,", "senior: 12,"))
    import_policy(store, stricter)
    policy = load_policy(store)
    assert isinstance(policy, Policy)
    assert policy.limit_for("discount", "senior") == 12


def test_policy_may_not_drop_a_role_the_roster_uses(store: Store, tmp_path: Path) -> None:
    import_roster(store, SAMPLE_ROSTER)
    narrower = write(
        tmp_path / "p.yaml",
        "roles: [rep, manager, director]\ndiscount: {rep: 5, manager: 20, director: 30}\n",
    )
    with pytest.raises(PolicyError, match=r"'junior': role used on the roster by S003, S004, S007, S009"):
        import_policy(store, narrower)
    assert load_policy(store) is None


def test_roster_roles_follow_the_policy(store: Store, tmp_path: Path) -> None:
    custom = write(tmp_path / "p.yaml", "roles: [rep, lead]\ndiscount: {rep: 5, lead: 10}\n")
    import_policy(store, custom)
    roster = write(tmp_path / "r.csv", f"{HEADER}\nL1,Lea,lead,,,,,\nR1,Rob,rep,L1,,,,\n")
    assert import_roster(store, roster).total == 2


def test_unreadable_and_non_utf8(store: Store, tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"missing\.yaml: cannot read"):
        import_policy(store, tmp_path / "missing.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("roles: [caf\xe9]\n".encode("latin-1"))
    with pytest.raises(PolicyError, match=r"latin\.yaml: not UTF-8"):
        import_policy(store, latin)
