"""Rewrites of a flagged sentence: the same sentence with the risky words replaced, dropped or sourced.

A generic "say instead" (battery life, for an air purifier) does not help a rep with the sentence at hand. Where
the fix is mechanical the rewrite does it on the rep's own sentence: an absolute term is dropped or replaced by
a slot for the provable fact, a guarantee becomes an expectation with its conditions, a bare figure gets a
source slot. Where the fix needs judgement (a bribe, a disparaging claim, a medical claim) there is no rewrite
and the rule's instruction stands. Slots are in brackets so nobody sends them unfilled by accident.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.text import has_cjk

if TYPE_CHECKING:
    from compliance.checker import Finding

MAX_SENTENCE_CHARS = 600
MAX_EDITS = 12

# Absolute terms: a rank gets a slot for the sourced, limited ranking; other superlatives are dropped, and a
# few get a neutral word so the sentence still reads.
_RANK = re.compile(r"第一|销冠|NO\.?\s?1|TOP\s?1|#\s?1|No\.?\s?1|number[- ]one|top[- ](?:ranked|rated|selling)", re.I)
_SOFTER_ZH = {"顶尖": "精湛", "顶级": "高品质", "极致": "出色", "完美": "良好", "尖端": "先进", "无敌": "出色"}
_SOFTER_EN = {
    "world-class": "high-quality",
    "world class": "high-quality",
    "cutting-edge": "modern",
    "cutting edge": "modern",
    "state-of-the-art": "modern",
    "unbeatable": "competitive",
    "perfect": "good",
}
_SOURCE_SLOT = {"zh": "（来源：[机构/报告名称，发布日期，范围]）", "en": " (source: [report or test, date, scope])"}
_RANK_SLOT = {"zh": "[排名+时间+地区+来源]", "en": "[ranked Nth in <region>, <year>, per <source>]"}
_RISK_NOTE = {"zh": "（实际效果因使用情况而异，不作保证）", "en": " (results vary and are not guaranteed)"}
_RETURNS_NOTE = {
    "zh": "（投资有风险，收益不作保证）",
    "en": " (this investment carries risk; returns are not guaranteed)",
}
_GUARANTEE_ZH = re.compile(r"保证|百分之?百|100\s*[%％]|绝对|肯定|一定|必定|铁定|稳(?=赚|拿)")
_GUARANTEE_EN = re.compile(
    r"\bguarantee(?:d|s)? to\b|\bguaranteed\b|\bguarantees?\b|\b100\s*%|\babsolutely\b|\bdefinitely\b|\bcertainly\b",
    re.I,
)
_RETURNS = re.compile(
    r"保本保息|保本|保息|稳赚不赔|稳赚|零风险|无风险|保收益|包赚|只赚不赔|\brisk[- ]free\b|\bzero[- ]risk\b|\bno risk\b"
    r"|\bcapital[- ](?:protected|guaranteed)\b|\bsure profits?\b|\bguaranteed returns?\b",
    re.I,
)


def _tidy(text: str) -> str:
    """Clean what a deletion leaves: doubled spaces and commas, a comma before a stop, a dangling article."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([，,、])\s*(?=[，,。！？!?；;])", "", text)
    text = re.sub(r"\b(?:the|a|an) (?=(?:and|,|\.|$))", "", text)
    text = re.sub(r"^[，,、\s]+", "", text)
    return text.strip()


_DROP = re.compile(r"没有之一|无人能及|独一无二|唯一|独家|首选|\bbar none\b|\bhands[- ]down\b", re.I)
_SLOT = {"zh": "[具体、可证明的优点]", "en": "[a specific, provable strength]"}
_COPULA = re.compile(r"(?:是|为|就是|堪称|称得上|\bis|\bare|\bwas|\bthe)\s*$", re.I)


def _absolute(span: str, lang: str, before: str) -> str:
    """The absolute term replaced: a rank by a sourced-rank slot, some grades by a plain word, else dropped
    (or a slot for the provable fact where dropping would leave "是，" / "is ,")."""
    if _RANK.search(span):
        return _RANK.sub(_RANK_SLOT[lang], span, count=1)
    if _DROP.fullmatch(span.strip()):
        return ""
    softer = _SOFTER_ZH if lang == "zh" else _SOFTER_EN
    for word, plain in softer.items():
        if word.lower() in span.lower():
            return re.sub(re.escape(word), plain, span, count=1, flags=re.I)
    if _COPULA.search(before):
        return _SLOT[lang]
    if lang == "en":
        return re.sub(r"^(?:the )?(?:\w+est|best|most \w+)\b\s*", "", span, flags=re.I)
    return re.sub(r"最[\u4e00-\u9fff]?的?|全网|史上|行业|全国|天花板|王者|之王", "", span)


def _fix(span: str, before: str, finding: Finding, lang: str) -> tuple[str, str | None] | None:
    """(replacement for the span, note to append to the sentence) or None when no mechanical fix fits."""
    category = finding.category
    if category == "absolute_terms":
        return _absolute(span, lang, before), None
    if category == "guarantees_returns" and _RETURNS.search(span):
        return _RETURNS.sub("", span), _RETURNS_NOTE[lang]
    if category == "guarantees_returns":
        pattern = _GUARANTEE_ZH if lang == "zh" else _GUARANTEE_EN
        replaced = pattern.sub("预计" if lang == "zh" else "expected to", span, count=1)
        return (replaced, _RISK_NOTE[lang]) if replaced != span else None
    if category == "unsourced_data" and finding.rule_id == "unsourced-figures":
        return span + _SOURCE_SLOT[lang], None
    return None


def rewrite_sentence(text: str, sentence: tuple[int, int], findings: list[Finding]) -> str | None:
    """The sentence with every mechanical fix of its findings applied (right to left, so offsets hold);
    None when none of them has one."""
    s_start, s_end = sentence
    if s_end - s_start > MAX_SENTENCE_CHARS or len(findings) > MAX_EDITS:
        return None  # a wall of text is not a sentence to rewrite, and rewriting it would cost O(n²)
    original = text[s_start:s_end]
    lang = "zh" if has_cjk(original) else "en"
    edits: list[tuple[int, int, str]] = []
    notes: list[str] = []
    for finding in sorted(findings, key=lambda f: f.start):
        start, end = max(finding.start, s_start), min(finding.end, s_end)
        if finding.likely or start >= end or (edits and start < edits[-1][1]):
            continue
        fixed = _fix(text[start:end], text[s_start:start], finding, lang)
        if fixed is None:
            continue
        edits.append((start, end, fixed[0]))
        if fixed[1] and fixed[1] not in notes:
            notes.append(fixed[1])
    if not edits:
        return None
    new = original
    for start, end, replacement in reversed(edits):
        new = new[: start - s_start] + replacement + new[end - s_start :]
    new = re.sub(r"\bexpected to to\b", "expected to", _tidy(new))
    if notes:
        stop = re.search(r"[。.!！?？;；]+$", new)
        tail = stop.group(0) if stop else ""
        new = new[: len(new) - len(tail)] + "".join(notes) + (tail or ("。" if lang == "zh" else "."))
    return new if new and new != original.strip() else None
