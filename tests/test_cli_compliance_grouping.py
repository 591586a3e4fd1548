"""`salescoach check` on long drafts: findings grouped per rule with a count, each rule card shown once with
its title once, likely findings told apart from rule hits, the rewrite of the sentence at hand."""

from __future__ import annotations

from typer.testing import CliRunner

from cli import app
from cli.common import console
from cli.compliance import _print_human, card_label, group_findings
from compliance.checker import CheckResult, ComplianceChecker, Finding
from compliance.rules import load_rules
from core.messages import Citation


def test_long_draft_groups_findings_per_rule_with_a_count() -> None:
    draft = "全国最好的净水器。全国最好的滤芯。全国最好的服务网点。"
    result = ComplianceChecker(load_rules()).check(draft)
    groups = group_findings(result)
    assert [len(g) for g in groups] == [3] and groups[0][0].rule_id == "absolute-superlative"
    out = CliRunner().invoke(app, ["check", draft]).stdout
    assert out.count("Advertising Law Art. 9(3)") == 1 and "×3" in out


def test_card_title_is_not_repeated_by_its_heading_path() -> None:
    title = "Compliance Rule Card: Advertising Law"
    assert card_label(title, f"{title} > Absolute Terms (Art. 9(3))") == f"{title} > Absolute Terms (Art. 9(3))"
    assert card_label(title, title) == title
    assert card_label(title, "Absolute Terms") == f"{title} > Absolute Terms"


def _finding(text: str, start: int, **extra: object) -> Finding:
    return Finding(
        start=start,
        end=start + len(text),
        text=text,
        category="absolute_terms",
        law="advertising_law",
        article="Art. 9(3)",
        severity="high",
        explanation="why",
        suggestion="instead",
        rule_id="absolute-superlative",
        **extra,
    )


def test_each_rule_card_is_shown_once_per_draft() -> None:
    title = "Compliance Rule Card: Advertising Law"
    card = Citation(title=title, source="card.md", section=f"{title} > Absolute Terms")
    draft = "最好的A。最好的B。"
    result = CheckResult(
        compliant=False, findings=[_finding("最好", 0, sources=[card]), _finding("最好", 5, sources=[card])]
    )
    with console.capture() as captured:
        _print_human(result, draft)
    out = captured.get()
    assert out.count("Company rule:") == 1
    assert f"{title} > Absolute Terms" in out and out.count(title) == 1


def test_likely_findings_say_what_they_resemble() -> None:
    likely = _finding("quietly wire a bonus", 0, likely=True, resembles="a known bribe", similarity=0.47)
    likely = likely.model_copy(
        update={"category": "commercial_bribery", "rule_id": "likely-commercial-bribery", "severity": "medium"}
    )
    with console.capture() as captured:
        _print_human(CheckResult(compliant=False, findings=[likely]), "quietly wire a bonus")
    out = captured.get()
    assert "likely commercial_bribery" in out and "Reads like:" in out and "a known bribe" in out


def test_human_output_shows_the_rewrite_of_the_sentence() -> None:
    out = CliRunner().invoke(app, ["check", "Our CRM is the No.1 platform in China."]).stdout
    assert "Rewrite:" in out and "[ranked Nth in <region>, <year>, per <source>]" in out
