"""bot.formatting is pure: replies, decisions, findings and splitting tested with plain string asserts."""

from __future__ import annotations

import re

import pytest

from bot.formatting import (
    MAX_MESSAGE_CHARS,
    answer_keyboard,
    escape,
    format_citations,
    format_decision,
    format_reply,
    language_of,
    parse_callback,
    quiz_keyboard,
    quiz_question_text,
    quiz_verdict,
    render_check,
    render_rep_report,
    render_reply,
    render_team_report,
    split_message,
    utf16_len,
)
from coaching.coach import MemberSummary, Priority, RepReport, TeamReport
from coaching.findings import Finding as KpiFinding
from compliance.checker import CheckResult, Finding
from core.messages import Approver, Citation, Decision, RepInfo, Reply
from workflows.briefings import QuizQuestion


def visible(html: str) -> str:
    """What the reader sees: tags dropped, entities decoded."""
    return re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def balanced(html: str) -> bool:
    stack: list[str] = []
    for closing, name in re.findall(r"<(/?)([a-z]+)[^>]*>", html):
        if closing:
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack


# ----------------------------------------------------------------------------------------------- escaping
def test_escape_leaves_quotes_and_escapes_markup() -> None:
    assert escape('<b>5 > 3 & "x"</b>') == '&lt;b&gt;5 &gt; 3 &amp; "x"&lt;/b&gt;'


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh", "zh"), ("zh-hans", "zh"), ("ZH-tw", "zh"), ("en", "en"), (None, "en"), ("de", "en")],
    ids=["zh", "zh-hans", "zh-TW-upper", "en", "none", "other"],
)
def test_language_of(code: str | None, expected: str) -> None:
    assert language_of(code) == expected


# ----------------------------------------------------------------------------------------------- splitting
def test_short_text_is_one_part() -> None:
    assert split_message("hello <b>world</b>") == ["hello <b>world</b>"]


def test_empty_text_gives_no_parts() -> None:
    assert split_message("   \n\n ") == []


def test_long_text_splits_at_paragraphs_under_the_limit() -> None:
    paragraphs = [f"Paragraph {i}: " + "word " * 150 for i in range(12)]
    html = "\n\n".join(paragraphs)
    parts = split_message(html)
    assert len(parts) > 1
    assert all(utf16_len(p) < MAX_MESSAGE_CHARS for p in parts)
    # Cuts fall between paragraphs: every part starts with the beginning of one.
    assert all(p.startswith("Paragraph ") for p in parts)
    assert " ".join(visible(p) for p in parts).split() == html.split()


def test_chinese_without_spaces_splits_at_sentence_ends() -> None:
    sentence = "客户要求延长账期时，请先确认其信用额度并按政策审批。"
    html = sentence * 400
    parts = split_message(html, limit=1000)
    assert len(parts) > 1
    assert all(utf16_len(p) <= 1000 for p in parts)
    assert all(p.endswith("。") for p in parts)
    assert "".join(parts) == html


def test_open_tags_are_closed_and_reopened_across_parts() -> None:
    html = "<b>" + "bold words " * 300 + "</b> tail"
    parts = split_message(html, limit=500)
    assert len(parts) > 2
    for part in parts:
        assert balanced(part), part
        assert utf16_len(part) <= 500
    assert parts[1].startswith("<b>")


def test_entities_and_tags_are_never_cut() -> None:
    html = ("&amp;&lt;&gt;" * 50 + '<a href="https://example.com/x">link</a>') * 20
    for part in split_message(html, limit=120):
        assert not re.search(r"&[#\w]*$", part)
        assert not re.search(r"<[^>]*$", part)
        assert balanced(part)


def test_emoji_count_double_toward_the_limit() -> None:
    html = "👍" * 3000  # 6000 UTF-16 units
    parts = split_message(html)
    assert len(parts) == 2
    assert all(utf16_len(p) <= MAX_MESSAGE_CHARS for p in parts)


def test_split_refuses_an_absurd_limit() -> None:
    with pytest.raises(ValueError, match="too small"):
        split_message("x", limit=3)


# ----------------------------------------------------------------------------------------------- replies
def _decision(**update: object) -> Decision:
    base = Decision(
        kind="discount",
        requested=12,
        unit="percent",
        limit=10,
        allowed=False,
        approver_role="senior",
        approver=Approver(rep_id="S001", name="Wang Fang"),
    )
    return base.model_copy(update=update)


def test_decision_above_limit_names_the_approver() -> None:
    line = format_decision(_decision())
    assert line.startswith("<b>Discount 12%</b>")
    assert "❌" in line and "your limit: 10%" in line
    assert "needs approval from a senior or above (<b>Wang Fang</b>)" in line


def test_the_approvers_level_is_not_printed_as_the_persons_role() -> None:
    # A junior's 15% needs a senior or above; the nearest such person in the chain is a manager.
    line = format_decision(_decision(approver=Approver(rep_id="M001", name="Li Wei")), "zh")
    assert "需要高级销售及以上（<b>Li Wei</b>）批准" in line


def test_decision_within_limit_and_in_chinese() -> None:
    line = format_decision(_decision(requested=5, allowed=True, approver=None), "zh")
    assert line.startswith("<b>折扣 5%</b>")
    assert "✅" in line and "上限 10%" in line


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        (
            {"kind": "gift", "unit": "CNY", "requested": 500, "cash_equivalent": True},
            "Cash or cash equivalents",
        ),
        ({"permitted_at_all": False}, "Not permitted at any level"),
        ({"kind": "payment_terms", "unit": "days", "requested": 90, "limit": 45}, "Payment terms 90 days"),
    ],
    ids=["cash-gift", "never", "payment-terms"],
)
def test_decision_variants(update: dict[str, object], expected: str) -> None:
    assert expected in format_decision(_decision(**update))


def test_citations_are_compact_deduplicated_and_flag_stale() -> None:
    cites = [
        Citation(title="Duty Manual", source="m.md", section="Late delivery", version="2.1"),
        Citation(title="Duty Manual", source="m.md", section="Late delivery", version="2.1"),
        Citation(title="Old <Price> List", source="p.md", section="Old <Price> List", stale=True),
    ]
    html = format_citations(cites)
    assert html == (
        "<b>Sources</b>\n[1] Duty Manual › Late delivery · v2.1\n[2] Old &lt;Price&gt; List · <i>⚠ may be outdated</i>"
    )
    # The index stores the heading path from the document title down: the title is said once.
    path = Citation(title="Duty Manual", source="m.md", section="Duty Manual > Collections > Overdue > 30 days")
    assert format_citations([path]) == "<b>Sources</b>\n[1] Duty Manual › Collections › Overdue › 30 days"
    many = [Citation(title=f"Doc {i}", source=f"{i}.md", section="s") for i in range(9)]
    assert format_citations(many).count("\n") == 5


def test_reply_escapes_the_answer_and_puts_the_decision_first() -> None:
    reply = Reply(
        answer="Ask <your> manager & wait [1].",
        grounded=True,
        citations=[Citation(title="Policy", source="p.md", section="Discounts")],
        decision=_decision(),
    )
    html = render_reply(reply)
    assert html.index("Discount 12%") < html.index("Ask &lt;your&gt; manager &amp; wait [1].")
    assert html.endswith("[1] Policy › Discounts")


def test_reply_warning_already_in_the_answer_is_not_repeated() -> None:
    reply = Reply(answer="Text.\n\n⚠ source is old", grounded=True, warnings=["source is old", "truncated"])
    html = render_reply(reply)
    assert html.count("source is old") == 1
    assert "<i>⚠ truncated</i>" in html


def test_long_reply_is_split_with_sources_at_the_end() -> None:
    reply = Reply(
        answer="Long sentence here. " * 600,
        grounded=True,
        citations=[Citation(title="T", source="s", section="S")],
    )
    parts = format_reply(reply)
    assert len(parts) >= 3
    assert all(utf16_len(p) < MAX_MESSAGE_CHARS for p in parts)
    assert parts[-1].endswith("[1] T › S")


# ----------------------------------------------------------------------------------------------- compliance
def _finding(**update: object) -> Finding:
    base = {
        "start": 0,
        "end": 4,
        "text": "best",
        "category": "absolute_terms",
        "law": "advertising_law",
        "article": "Art. 9(3)",
        "severity": "high",
        "explanation": "Superlatives are banned in ads.",
        "suggestion": "State a measured figure <with source>.",
        "rule_id": "ad-9-3",
    }
    base.update(update)
    return Finding.model_validate(base)


def test_compliant_text() -> None:
    assert render_check(CheckResult(compliant=True)) == "✅ No compliance issues found."
    assert render_check(CheckResult(compliant=True), "zh") == "✅ 未发现合规问题。"


def test_findings_quote_the_words_rule_and_suggestion() -> None:
    html = render_check(
        CheckResult(compliant=False, findings=[_finding(), _finding(text="No.1 <brand>", rule_id="ad-9-3-rank")])
    )
    assert html.startswith("<b>⚠️ 2 compliance issues found:</b>")
    assert "🔴 <b>1. “best”</b> · absolute terms · high" in html
    assert "“No.1 &lt;brand&gt;”" in html
    assert "<i>Rule:</i> Advertising Law Art. 9(3)" in html
    assert "<i>Instead:</i> State a measured figure &lt;with source&gt;." in html


def test_findings_refer_to_rule_cards_listed_once_in_the_readers_language() -> None:
    card = "Rule Card > Absolute Terms"
    en = [
        Citation(title="Rule Card", source="c.md", section=card, version="1.4", language="en"),
        Citation(title="Rule Card", source="c.md", section=card, version="1.4", language="en"),  # 2nd chunk
        Citation(title="Rule Card", source="c.md", section="Rule Card > Allowed Wording", language="en"),
        Citation(title="规则卡", source="z.md", section="规则卡 > 绝对化用语", language="zh"),
    ]
    findings = [_finding(sources=en), _finding(text="No.1", sources=en[:1], rule_id="ad-9-3-rank")]
    html = render_check(CheckResult(compliant=False, findings=findings))
    assert html.count("<i>Company rule:</i> [1] [2]") == 1 and html.count("<i>Company rule:</i> [1]\n") == 1
    assert html.endswith("<b>Sources</b>\n[1] Rule Card › Absolute Terms · v1.4\n[2] Rule Card › Allowed Wording")
    zh = render_check(CheckResult(compliant=False, findings=findings[:1]), "zh")
    assert "<i>公司规则:</i> [1] [2]" in zh
    assert zh.endswith("<b>来源</b>\n[1] 规则卡 › 绝对化用语\n[2] Rule Card › Absolute Terms · v1.4")
    assert "Company rule" not in render_check(CheckResult(compliant=False, findings=[_finding()]))


# ----------------------------------------------------------------------------------------------- coaching
WANG = RepInfo(rep_id="S001", name="Wang <Fang>", role="senior", manager_id="M001")


def _kpi_finding(kpi: str = "collection_rate", severity: str = "high") -> KpiFinding:
    return KpiFinding.model_validate(
        {
            "kpi": kpi,
            "severity": severity,
            "value": 0.6,
            "benchmark": 0.9,
            "message": "Collection 60% vs team 90%.",
            "suggestions": ["Call overdue accounts weekly."],
            "sources": [Citation(title="Duty Manual", source="m.md", section="Collections")],
        }
    )


def test_rep_report_lists_findings_with_suggestions_and_sources() -> None:
    report = RepReport(
        rep=WANG, period="2026-10", previous_period=None, metrics={}, channels={}, benchmarks={},
        findings=[_kpi_finding()],
    )  # fmt: skip
    html = render_rep_report(report)
    assert html.startswith("<b>Coaching: Wang &lt;Fang&gt; (S001)</b> · 2026-10")
    assert "🔴 <b>collection rate</b>: Collection 60% vs team 90%." in html
    assert "→ Call overdue accounts weekly." in html
    assert "<i>Duty Manual › Collections</i>" in html
    assert "回款率" in render_rep_report(report, "zh")


def test_rep_report_without_findings() -> None:
    report = RepReport(rep=WANG, period="2026-10", previous_period=None, metrics={}, channels={}, benchmarks={})
    assert "No KPI needs attention" in render_rep_report(report)


def test_team_report_has_priorities_members_and_missing_data() -> None:
    manager = RepInfo(rep_id="M001", name="Li Wei", role="manager")
    report = TeamReport(
        manager=manager,
        period="2026-10",
        members=[
            MemberSummary(rep_id="S001", name="Wang Fang", role="senior", manager_id="M001", metrics={},
                          flags={"collection_rate": "high"}),
            MemberSummary(rep_id="S002", name="Liu Yang", role="mid", manager_id="M001", metrics={},
                          flags={}),
        ],
        without_data=["S004"],
        priorities=[Priority(kpi="collection_rate", severity="high", reps=["S001"],
                             message="1 of 2 reps off.")],
    )  # fmt: skip
    html = render_team_report(report)
    assert "<b>Priorities</b>" in html
    assert "• Wang Fang (S001): 🔴 collection rate" in html
    assert "• Liu Yang (S002): ✅" in html
    assert "<i>No data: S004</i>" in html


# ----------------------------------------------------------------------------------------------- keyboards
def test_keyboard_round_trips_through_callback_data() -> None:
    keyboard = answer_keyboard(9_999_999_999, "zh")
    datas = [data for row in keyboard for _label, data in row]
    assert all(len(d.encode()) <= 64 for d in datas)
    assert [parse_callback(d) for d in datas] == [
        ("v", 9_999_999_999, True),
        ("v", 9_999_999_999, False),
        ("h", 9_999_999_999, None),
    ]
    assert keyboard[0][0][0] == "👍 有帮助"


@pytest.mark.parametrize("data", ["", "v", "v:2:1", "v:1:x", "h:", "x:1", "h:1:2"], ids=str)
def test_foreign_callback_data_is_ignored(data: str) -> None:
    assert parse_callback(data) is None


# ----------------------------------------------------------------------------------------------- quizzes
QUIZ = QuizQuestion(
    question="AX-900 <list> price?", options=["9,800 CNY", "12,800 CNY"], answer=1,
    question_zh="AX-900 标价？", options_zh=["9,800 元", "12,800 元"],
)  # fmt: skip


def test_quiz_question_is_lettered_escaped_and_in_the_readers_language() -> None:
    assert (
        quiz_question_text(QUIZ, 0, 3, "en") == "Question 1/3: AX-900 &lt;list&gt; price?\nA. 9,800 CNY\nB. 12,800 CNY"
    )
    assert quiz_question_text(QUIZ, 2, 3, "zh") == "第 3/3 题：AX-900 标价？\nA. 9,800 元\nB. 12,800 元"
    assert quiz_keyboard("oq:intro", 2, 2) == [[("A", "oq:intro:2:0"), ("B", "oq:intro:2:1")]]


@pytest.mark.parametrize(
    ("option", "language", "reveal", "expected"),
    [
        (1, "en", True, "✔ Correct."),
        (0, "en", True, "✘ Not quite: the answer is B."),
        (0, "en", False, "✘ Not quite."),
        (0, "zh", True, "✘ 不对，正确答案是 B。"),
    ],
    ids=["right", "wrong-revealed", "wrong-for-a-retry", "wrong-zh"],
)
def test_quiz_verdict(option: int, language: str, reveal: bool, expected: str) -> None:
    assert quiz_verdict(QUIZ, option, language, reveal=reveal) == expected  # type: ignore[arg-type]


def test_an_anonymous_decision_does_not_speak_of_your_authority() -> None:
    line = format_decision(_decision(limit=None, allowed=None, approver=None, approver_role="senior"))
    assert line == "<b>Discount 12%</b>: Limits by role below."
