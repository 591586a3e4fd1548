"""The console prints the bot's wording of a decision in its plain form: nothing the HTML form escapes or
emphasises is lost or mangled on the way to a terminal."""

from __future__ import annotations

from bot.formatting import format_decision, format_decisions
from cli.console import decision_line
from core.messages import Approver, Decision, Reply


def test_decision_line_is_the_plain_form_not_stripped_html() -> None:
    # A basis and a name holding what HTML escapes come through as typed, in the bot's words, without markup.
    decision = Decision(
        kind="discount", requested=10, unit="percent", limit=5, allowed=False, approver_role="mid",
        approver=Approver(rep_id="M001", name="Li & <Wei>"), basis="<list> 5% + 5%",
    )  # fmt: skip
    reply = Reply(answer="", grounded=True, decision=decision, decisions=[decision])
    assert (
        decision_line(reply)
        == format_decisions([decision], plain=True)
        == (
            "Discount 10% (<list> 5% + 5%): ❌ Above your authority (your limit: 5%): needs approval from a mid or "
            "above (Li & <Wei>)."
        )
    )
    assert format_decision(decision) == (
        "<b>Discount 10%</b> (&lt;list&gt; 5% + 5%): ❌ Above your authority (your limit: 5%): needs approval from "
        "a mid or above (<b>Li &amp; &lt;Wei&gt;</b>)."
    )


def test_plain_decision_in_chinese_keeps_the_same_words() -> None:
    decision = Decision(kind="payment_terms", requested=90, unit="days", limit=60, allowed=False,
                        approver_role="manager", approver=Approver(rep_id="M001", name="李伟"))  # fmt: skip
    plain = format_decision(decision, "zh", plain=True)
    assert plain == format_decision(decision, "zh").replace("<b>", "").replace("</b>", "")
    assert "<" not in plain and "账期 90 天" in plain
