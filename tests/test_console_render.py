"""One wording per decision: the authority desk words a decision once (authority.decisions.decision_line, over the
text catalogue) and every door draws it: the console in plain text from the Reply, the bot as HTML. Nothing the
HTML form escapes or emphasises is lost or mangled on the way to a terminal, and the figures agree with the
desk's own answer."""

from __future__ import annotations

import pytest
from fixtures_authority import SAMPLE_POLICY

from authority.decisions import compose_answer, decide, decision_line, decision_lines
from authority.parsing import AuthorityQuestion
from authority.policy import parse_policy_text
from bot.formatting import format_decision, format_decisions
from cli.console import decision_line as console_decision_line
from core.messages import Approver, Decision, RepInfo, Reply

POLICY = parse_policy_text(SAMPLE_POLICY.read_text(encoding="utf-8"))


def test_console_prints_the_plain_form_not_stripped_html() -> None:
    # A basis and a name holding what HTML escapes come through as typed, in the same words, without markup.
    decision = Decision(
        kind="discount", requested=10, unit="percent", limit=5, allowed=False, approver_role="mid",
        approver=Approver(rep_id="M001", name="Li & <Wei>"), basis="<list> 5% + 5%",
    )  # fmt: skip
    reply = Reply(answer="", grounded=True, decision=decision, decisions=[decision])
    assert (
        console_decision_line(reply)
        == decision_lines([decision])
        == (
            "Discount 10% (<list> 5% + 5%): ❌ Above your authority (your limit: 5%): needs approval from a mid or "
            "above (Li & <Wei>)."
        )
    )
    assert format_decision(decision) == format_decisions([decision]) == (
        "<b>Discount 10%</b> (&lt;list&gt; 5% + 5%): ❌ Above your authority (your limit: 5%): needs approval from "
        "a mid or above (<b>Li &amp; &lt;Wei&gt;</b>)."
    )


def test_plain_decision_in_chinese_keeps_the_same_words() -> None:
    decision = Decision(kind="payment_terms", requested=90, unit="days", limit=60, allowed=False,
                        approver_role="manager", approver=Approver(rep_id="M001", name="李伟"))  # fmt: skip
    plain = decision_line(decision, "zh")
    assert plain == format_decision(decision, "zh").replace("<b>", "").replace("</b>", "")
    assert plain == "账期 90天: ❌ 超出你的权限（上限 60天）：需要销售经理及以上（李伟）批准。"


@pytest.mark.parametrize(
    ("kind", "requested", "unit", "language", "figure"),
    [
        ("gift", 1000, "CNY", "en", "1,000 CNY"),
        ("gift", 1000, "CNY", "zh", "1,000元"),
        ("payment_terms", 90, "days", "zh", "90天"),
        ("contract_value", 300000, "CNY", "en", "300,000 CNY"),
    ],
    ids=["gift-en", "gift-zh", "terms-zh", "contract-en"],
)
def test_the_line_and_the_answer_write_a_figure_alike(
    kind: str, requested: float, unit: str, language: str, figure: str
) -> None:
    """The one-line decision above the answer and the desk's answer below it never disagree on a figure."""
    asker = RepInfo(rep_id="S001", name="Wang Fang", role="junior")
    question = AuthorityQuestion(kind=kind, requested=requested, unit=unit, cash_equivalent=False, language=language)  # type: ignore[arg-type]
    decision = decide(question, asker.role, POLICY)
    answer = compose_answer(decision, POLICY, language, asker, "your manager")  # type: ignore[arg-type]
    line = decision_line(decision, language)  # type: ignore[arg-type]
    assert figure in line and figure in answer
    assert figure in format_decision(decision, language)  # type: ignore[arg-type]
