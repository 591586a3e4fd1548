"""Pure parts of the Telegram door's hardening: /check findings grouped per rule within two messages, one send
split or cut below Telegram's limit, and the token found in every form a log line or error can carry it."""

from __future__ import annotations

import re

import pytest
from botapi import TEST_TOKEN

from bot.formatting import (
    MAX_MESSAGE_CHARS,
    echoed,
    fit_message,
    format_check,
    group_findings,
    utf16_len,
)
from bot.token_guard import REDACTED, redact
from compliance.checker import CheckResult, Finding

BOT_ID, SECRET = TEST_TOKEN.split(":", 1)


def _finding(rule_id: str, text_: str) -> Finding:
    return Finding(start=0, end=len(text_), text=text_, category="absolute_terms", law="advertising_law",
                   article="Art. 9(3)", severity="high", explanation="Superlatives are banned.",
                   suggestion="Say what was measured.", rule_id=rule_id)  # fmt: skip


def test_findings_are_grouped_per_rule_and_a_reply_shows_at_most_two_messages() -> None:
    findings = [_finding(f"rule-{i % 40}", f"phrase {i % 7} " + "x" * 50) for i in range(1500)]
    groups = group_findings(findings)
    assert [g.first.rule_id for g in groups] == [f"rule-{i}" for i in range(40)]
    assert sum(g.count for g in groups) == 1500
    parts = format_check(CheckResult(compliant=False, findings=findings))
    assert 1 <= len(parts) <= 2 and all(utf16_len(p) <= MAX_MESSAGE_CHARS for p in parts)
    body = "\n".join(parts)
    assert "1500 compliance issues found" in body
    assert re.search(r"…and \d+ more issues under \d+ other rules", body)


@pytest.mark.parametrize(
    "value",
    [TEST_TOKEN, TEST_TOKEN.lower(), TEST_TOKEN.upper(), f"{BOT_ID}%3A{SECRET}", f"{BOT_ID}%3a{SECRET}".lower(),
     f"{BOT_ID}%253A{SECRET}", SECRET.swapcase()],
    ids=["plain", "lower", "upper", "encoded", "encoded-lower", "encoded-twice", "secret-alone"],
)
def test_redact_catches_every_form_of_the_token(value: str) -> None:
    out = redact(f"GET https://api.telegram.org/bot{value}/getMe failed", TEST_TOKEN)
    assert REDACTED in out
    assert SECRET.lower() not in out.lower()


@pytest.mark.parametrize(
    ("value", "is_html"),
    [("&lt;" * 5000, True), ("<b>" + "一二三。" * 3000 + "</b>", True), ("<" * 20_000, False), ("😀" * 5000, False)],
    ids=["entities", "chinese-in-tags", "plain-lt", "emoji-utf16"],
)
def test_fit_message_keeps_every_part_below_the_limit_and_cuts_beyond_three(value: str, is_html: bool) -> None:
    parts = fit_message(value, is_html=is_html)
    assert 1 < len(parts) <= 3
    assert all(utf16_len(p) <= MAX_MESSAGE_CHARS for p in parts)
    if is_html:  # no entity cut in half, tags balanced in every part
        assert all(not re.search(r"&[a-z]*$", p.removesuffix("…")) for p in parts)
        assert all(p.count("<b>") == p.count("</b>") for p in parts)


def test_an_echoed_id_is_short_and_escaped() -> None:
    assert echoed("S006") == "S006"
    assert echoed("<" * 4080) == "&lt;" * 31 + "…"
