"""`salescoach check`: JSON contract, human output, stdin mode, exit codes, custom rule files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from cli.compliance import HIGHLIGHT, render_text
from compliance.checker import ComplianceChecker
from compliance.rules import load_rules

FINDING_KEYS = {"start", "end", "text", "category", "law", "article", "severity", "explanation", "suggestion"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_json_for_a_violation(runner: CliRunner) -> None:
    text = "王经理，签了我私下返您5个点，打您个人卡，不走公司账。"
    result = runner.invoke(app, ["check", "--json", text])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["compliant"] is False
    (finding,) = data["findings"]
    assert set(finding) >= FINDING_KEYS
    assert finding["law"] == "anti_unfair_competition_law"
    assert finding["category"] == "commercial_bribery"
    assert text[finding["start"] : finding["end"]] == finding["text"]


def test_json_for_a_clean_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "--json", "我们致力于为每位客户提供最好的服务。"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"compliant": True, "findings": [], "warnings": []}


def test_stdin_one_json_line_per_text(runner: CliRunner) -> None:
    drafts = ["Best regards, Anna", "", "This is the best printer on the market.", "全网最低价！"]
    result = runner.invoke(app, ["check", "--json", "-"], input="\n".join(drafts) + "\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["compliant"] for line in lines] == [True, True, False, False]  # line N answers line N


def test_human_output_lists_law_reason_and_rewrite(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "这款净水器是全国最好的，没有之一！"])
    assert result.exit_code == 0
    out = result.stdout
    assert "这款净水器是全国最好的，没有之一！" in out
    assert "Advertising Law Art. 9(3)" in out and "Why:" in out and "Say instead:" in out
    assert "absolute_terms" in out


def test_human_output_for_a_clean_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "Your order will arrive within 3 business days."])
    assert result.exit_code == 0
    assert "No issues found" in result.stdout


def test_highlighted_spans_are_the_findings() -> None:
    text = "We are the only vendor, and it is risk-free."
    result = ComplianceChecker(load_rules()).check(text)
    rendered = render_text(result, text)
    assert rendered.plain == text
    spans = [(s.start, s.end) for s in rendered.spans if s.style == HIGHLIGHT]
    assert spans == [(f.start, f.end) for f in result.findings] and len(spans) == 2


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["check"], None, "no text to check"),
        (["check", ""], None, "the text to check is empty"),
        (["check", "   "], None, "the text to check is empty"),
        (["check", "--json", "-"], "\n \n", "stdin held no text"),
    ],
    ids=["no-argument", "empty", "blank", "empty-stdin"],
)
def test_bad_usage_exits_2(runner: CliRunner, args: list[str], stdin: str | None, message: str) -> None:
    result = runner.invoke(app, args, input=stdin)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_custom_rule_file(runner: CliRunner, tmp_path: Path) -> None:
    rules = tmp_path / "house.yaml"
    rules.write_text(
        """
rules:
  - id: house-flash-sale
    category: prize_promotion
    law: anti_unfair_competition_law
    article: "Art. 11 (2025); Art. 10 (2019)"
    severity: low
    explanation: Flash sales need Marketing's approval.
    suggestion: Ask Marketing first.
    patterns: {zh: ['秒杀']}
""",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--json", "--rules", str(rules), "今晚秒杀，全网最低！"])
    assert result.exit_code == 0, result.output
    assert [f["text"] for f in json.loads(result.stdout)["findings"]] == ["秒杀"]


def test_broken_rule_file_is_a_one_line_data_error(runner: CliRunner, tmp_path: Path) -> None:
    rules = tmp_path / "broken.yaml"
    rules.write_text(
        "rules:\n  - {id: r1, category: absolute_terms, law: ad_law, article: x, severity: high,"
        " explanation: x, suggestion: x, patterns: {en: [best]}}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--rules", str(rules), "best"])
    assert result.exit_code == 1
    assert "rule r1: unknown law 'ad_law'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_configured_rule_file_via_environment(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = tmp_path / "missing.yaml"
    monkeypatch.setenv("SALESCOACH_COMPLIANCE_RULES_PATH", str(rules))
    result = runner.invoke(app, ["check", "hello"])
    assert result.exit_code == 1
    assert "missing.yaml: cannot read rule file" in result.stderr


def test_stdin_human_output_skips_blank_lines(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-"], input="全网最低价！\n\nThanks for your time.\n")
    assert result.exit_code == 0
    assert result.stdout.count("No issues found") == 1
    assert "Advertising Law Art. 9(3)" in result.stdout


def test_default_cap_warns_in_json_and_still_answers_fast(runner: CliRunner) -> None:
    draft = "最好" * 20_000  # 40,000 characters, over the default 20,000 cap
    result = runner.invoke(app, ["check", "--json", draft])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["findings"]) == 10_000  # the first 20,000 characters, one 最好 per two
    (warning,) = data["warnings"]
    assert "40,000 characters" in warning and "first 20,000" in warning


def test_configured_cap_warning_in_human_output(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESCOACH_MAX_CHECK_CHARS", "10")
    result = runner.invoke(app, ["check", "我们按时发货，这是全国最好的产品。"])
    assert result.exit_code == 0, result.output
    assert "Warning:" in result.stdout and "only the first 10 were checked" in result.stdout
    assert "No issues found" in result.stdout  # 全国最好的 starts past character 10


def test_rules_option_keeps_the_configured_cap(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "rules:\n  - id: r1\n    category: absolute_terms\n    law: advertising_law\n    article: Art. 9(3)\n"
        "    severity: high\n    explanation: x\n    suggestion: y\n    patterns: {zh: ['最好']}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("SALESCOACH_MAX_CHECK_CHARS", "6")
    result = runner.invoke(app, ["check", "--json", "--rules", str(rules), "最好最好最好最好"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [f["start"] for f in data["findings"]] == [0, 2, 4]
    assert data["warnings"]
