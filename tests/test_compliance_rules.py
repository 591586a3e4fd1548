"""The rule file: the shipped one is valid and complete; a bad one fails with one line naming the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.rules import CATEGORIES, RuleFileError, load_rules, parse_rules

GOOD = {
    "id": "demo",
    "category": "absolute_terms",
    "law": "advertising_law",
    "article": "Art. 9(3)",
    "severity": "high",
    "explanation": "Why it is risky.",
    "suggestion": "What to say instead.",
    "patterns": {"zh": ["最好"], "en": [r"\bbest\b"]},
}


def rule(**changes: object) -> dict[str, object]:
    data = {**GOOD, **changes}
    return {k: v for k, v in data.items() if v is not None}


def test_shipped_rules_cover_every_category_with_both_languages() -> None:
    rules = load_rules()
    assert {r.category for r in rules.rules} == set(CATEGORIES)
    for category in CATEGORIES:
        of_category = [r for r in rules.rules if r.category == category]
        assert any(r.zh_patterns for r in of_category) and any(r.en_patterns for r in of_category), category
    aucl = [r for r in rules.rules if r.law == "anti_unfair_competition_law"]
    assert aucl and all("(2025)" in r.article and "(2019)" in r.article for r in aucl)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"category": "spam"}, r"rule demo: unknown category 'spam' \(expected one of: absolute_terms"),
        ({"law": "tax_law"}, r"rule demo: unknown law 'tax_law'"),
        ({"severity": "critical"}, r"rule demo: unknown severity 'critical'"),
        ({"patterns": {"zh": ["最(好"]}}, r"rule demo patterns.zh: bad regex '最\(好'"),
        ({"patterns": {"fr": ["meilleur"]}}, r"rule demo: unknown pattern language 'fr'"),
        ({"patterns": {"en": []}}, r"rule demo patterns.en: expected a regex or a non-empty list"),
        ({"patterns": None}, r"rule demo: 'patterns' must map a language"),
        ({"explanation": " "}, r"rule demo: field 'explanation' is required"),
        ({"suggestion": None}, r"rule demo: field 'suggestion' is required"),
        ({"colour": "red"}, r"rule demo: unknown field\(s\) colour"),
        ({"exceptions": [{"pattern": "x", "scope": "page"}]}, r"rule demo exception 1: unknown scope 'page'"),
        ({"exceptions": [{"pattern": "(x"}]}, r"rule demo exception 1: bad regex"),
        ({"exceptions": [{"why": "no cue"}]}, r"rule demo exception 1: give exactly one of 'pattern'"),
        ({"exceptions": [{"all": ["a", "b"], "scope": "span"}]}, r"exception 1: 'all' needs scope sentence"),
        ({"requires": {"person": ["[bad"]}}, r"rule demo requires.person: bad regex"),
        ({"amount": {"greater_than": "lots"}}, r"rule demo: amount.greater_than must be a non-negative"),
        ({"amount": {"greater_than": 5, "window": 0}}, r"rule demo: amount.window must be a positive"),
        ({"cue_scope": "page"}, r"rule demo: unknown cue_scope 'page'"),
        ({"id": "Bad Id"}, r"rule #1 needs an 'id'"),
    ],
    ids=[
        "category", "law", "severity", "bad-regex", "language", "empty-patterns", "no-patterns", "blank-text",
        "missing-suggestion", "unknown-field", "exception-scope", "exception-regex", "exception-empty",
        "all-with-span", "cue-regex", "amount-type", "amount-window", "cue-scope", "bad-id",
    ],
)  # fmt: skip
def test_invalid_rule_fails_with_one_line_naming_the_rule(changes: dict[str, object], message: str) -> None:
    with pytest.raises(RuleFileError, match=message) as info:
        parse_rules({"rules": [rule(**changes)]}, "rules.yaml")
    assert "\n" not in str(info.value)
    assert str(info.value).startswith("rules.yaml: rule ")


def test_duplicate_ids_and_unknown_top_level_keys() -> None:
    with pytest.raises(RuleFileError, match="rule demo: duplicate id"):
        parse_rules({"rules": [rule(), rule()]}, "rules.yaml")
    with pytest.raises(RuleFileError, match=r"unknown top-level key\(s\) rulez"):
        parse_rules({"rules": [rule()], "rulez": []}, "rules.yaml")
    with pytest.raises(RuleFileError, match="non-empty 'rules' list"):
        parse_rules({"rules": []}, "rules.yaml")


def test_file_errors_name_the_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match=r"missing\.yaml: cannot read rule file"):
        load_rules(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("rules:\n  - id: x\n   bad: indent\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"broken\.yaml:3: not valid YAML"):
        load_rules(broken)


def test_shared_cues_through_yaml_anchors(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        """
cues:
  source: &source '据|according to'
rules:
  - id: figures
    category: unsourced_data
    law: advertising_law
    article: "Art. 11"
    severity: medium
    explanation: Figures need a source.
    suggestion: Name the source.
    patterns: {en: ['\\d+%']}
    exceptions:
      - {scope: sentence, pattern: *source, why: sourced}
""",
        encoding="utf-8",
    )
    rules = load_rules(path)
    assert len(rules) == 1 and rules.rules[0].exceptions[0].why == "sourced"
