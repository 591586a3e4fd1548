"""How /check shows its findings in the bot: likely (semantic) findings marked apart with the known violation
they resemble, rule hits grouped per rule with their count, and the flagged sentence rewritten where a rule can."""

from __future__ import annotations

from bot.formatting import LIKELY_MARK, render_check
from compliance.checker import CheckResult, ComplianceChecker, Finding
from compliance.rules import load_rules


def _likely() -> Finding:
    return Finding.model_validate(
        {
            "start": 0,
            "end": 40,
            "text": "the engineer gets a little thank-you after signing",
            "category": "commercial_bribery",
            "law": "anti_unfair_competition_law",
            "article": "Art. 8 (2025); Art. 7 (2019)",
            "severity": "medium",
            "explanation": "A benefit for the buyer's staff tied to the deal is bribery.",
            "suggestion": "Give any concession to the company, in the contract.",
            "rule_id": "likely-commercial-bribery",
            "likely": True,
            "resembles": "Wire the purchasing lady a <bonus> once she signs",
            "similarity": 0.5234,
        }
    )


def test_a_likely_finding_is_marked_apart_and_names_what_it_resembles() -> None:
    html = render_check(CheckResult(compliant=False, findings=[_likely()]))
    assert html.startswith("<b>⚠️ 1 compliance issue found (1 likely, by resemblance):</b>")
    assert f"{LIKELY_MARK} <b>1. “the engineer gets a little thank-you after signing”</b>" in html
    assert "· likely commercial bribery · medium" in html
    assert "<i>Reads like a known violation:</i> “Wire the purchasing lady a &lt;bonus&gt; once she signs” " in html
    assert "(similarity 0.52)" in html
    zh = render_check(CheckResult(compliant=False, findings=[_likely()]), "zh")
    assert "（其中 1 个为疑似）" in zh and "疑似 commercial bribery" in zh and "<i>与已知违规示例相似:</i>" in zh


def test_rule_hits_are_grouped_per_rule_with_a_count_and_their_rewrite() -> None:
    result = ComplianceChecker(load_rules()).check("这款净水器是全国最好的。那款也是全国最好的。最好的选择。")
    html = render_check(result)
    assert "likely" not in html and LIKELY_MARK not in html
    groups = [line for line in html.splitlines() if line.startswith("🔴") or line.startswith("🟠")]
    assert len(groups) == 1, groups
    assert "more of the same kind" in groups[0]
    rewrites = [line for line in html.splitlines() if line.startswith("<i>Rewrite:</i>")]
    assert rewrites and "最好" not in rewrites[0]
