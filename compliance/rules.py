"""The compliance rule file: load it, validate every field, and compile every regex once.

The rules are data so a compliance officer can add a phrase or an exception without touching code. A bad
file fails on load with one line naming the file and the rule id, never halfway through a check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from core.yamlfile import yaml_problem

Category = Literal[
    "absolute_terms",
    "guarantees_returns",
    "unsourced_data",
    "disparagement",
    "commercial_bribery",
    "prize_promotion",
    "trade_secrets",
    "endorsement",
    "government_endorsement",
    "medical_claims",
]
Law = Literal["advertising_law", "anti_unfair_competition_law"]
Severity = Literal["high", "medium", "low"]
Scope = Literal["span", "sentence", "text"]

CATEGORIES: tuple[str, ...] = get_args(Category)
LAWS: tuple[str, ...] = get_args(Law)
SEVERITIES: tuple[str, ...] = get_args(Severity)
SCOPES: tuple[str, ...] = get_args(Scope)
LANGUAGES = ("zh", "en")
SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}

DEFAULT_RULES_FILE = "rules.yaml"

_RULE_KEYS = {
    "id", "category", "law", "article", "severity", "explanation", "suggestion", "patterns", "exceptions",
    "requires", "cue_scope", "amount", "also",
}  # fmt: skip
# "cues" holds shared regex lists that rules reuse through YAML anchors; only "rules" is read.
_TOP_KEYS = {"rules", "cues", "version"}
_EXCEPTION_KEYS = {"why", "scope", "pattern", "all"}
_AMOUNT_KEYS = {"greater_than", "window"}


class RuleFileError(ValueError):
    """The rule file cannot be used; str() is one line naming the file and the rule id or field."""


@dataclass(frozen=True)
class Exemption:
    """A context cue that makes a match compliant.

    scope "span": one of the patterns must match a stretch of the sentence that overlaps the flagged words
    (e.g. "best regards"); "sentence": all patterns anywhere in the same sentence (e.g. 据 + 年 + 地区);
    "text": all patterns anywhere in the text (e.g. 入账 said in the next sentence).
    """

    scope: Scope
    patterns: tuple[re.Pattern[str], ...]
    why: str


@dataclass(frozen=True)
class AmountCondition:
    """Flag only when a money amount within `window` characters of the match exceeds `greater_than`."""

    greater_than: float
    window: int


@dataclass(frozen=True)
class Rule:
    """One compiled rule: anchor patterns per language, optional cue groups that must all match, exceptions.

    Chinese anchors run only on texts with Chinese characters and English ones only on texts with Latin
    letters: half the scans for a one-language draft, and a mixed draft still gets both.
    """

    id: str
    category: Category
    law: Law
    article: str
    severity: Severity
    explanation: str
    suggestion: str
    zh_patterns: tuple[re.Pattern[str], ...]
    en_patterns: tuple[re.Pattern[str], ...]
    exceptions: tuple[Exemption, ...] = ()
    requires: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = ()
    cue_scope: Literal["sentence", "text"] = "text"
    amount: AmountCondition | None = None
    also: str | None = None


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    source: str

    def __len__(self) -> int:
        return len(self.rules)


def _compile(pattern: object, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise RuleFileError(f"{where}: a pattern must be a non-empty string, got {pattern!r}")
    try:
        # IGNORECASE only touches Latin letters; Chinese patterns are unaffected. ASCII makes \b and \w see
        # Chinese characters as non-word, so "\bNo\.1\b" still matches in "业内公认No.1" (with Unicode \w
        # there is no word edge between 认 and N). The checker folds full-width digits and letters to ASCII
        # before matching, so \d and \s lose nothing.
        return re.compile(pattern, re.IGNORECASE | re.ASCII)
    except re.error as exc:
        raise RuleFileError(f"{where}: bad regex {pattern!r}: {exc}") from None


def _compile_list(value: object, where: str) -> tuple[re.Pattern[str], ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise RuleFileError(f"{where}: expected a regex or a non-empty list of regexes")
    return tuple(_compile(p, where) for p in value)


def _text_field(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleFileError(f"{where}: field '{key}' is required and must be non-empty text")
    return value.strip()


def _choice(raw: dict[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
    value = raw.get(key)
    if value not in allowed:
        raise RuleFileError(f"{where}: unknown {key} {value!r} (expected one of: {', '.join(allowed)})")
    return str(value)


def _patterns(raw: dict[str, Any], where: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    value = raw.get("patterns")
    if not isinstance(value, dict) or not value:
        raise RuleFileError(f"{where}: 'patterns' must map a language (zh, en) to a list of regexes")
    compiled: dict[str, tuple[re.Pattern[str], ...]] = {}
    for lang, items in value.items():
        if lang not in LANGUAGES:
            raise RuleFileError(f"{where}: unknown pattern language {lang!r} (expected zh or en)")
        compiled[lang] = _compile_list(items, f"{where} patterns.{lang}")
    return compiled


def _exceptions(raw: dict[str, Any], where: str) -> tuple[Exemption, ...]:
    value = raw.get("exceptions", [])
    if not isinstance(value, list):
        raise RuleFileError(f"{where}: 'exceptions' must be a list")
    result: list[Exemption] = []
    for i, item in enumerate(value, 1):
        at = f"{where} exception {i}"
        if not isinstance(item, dict):
            raise RuleFileError(f"{at}: must be a mapping with 'pattern' or 'all'")
        unknown = set(item) - _EXCEPTION_KEYS
        if unknown:
            raise RuleFileError(f"{at}: unknown field(s) {', '.join(sorted(unknown))}")
        if ("pattern" in item) == ("all" in item):
            raise RuleFileError(f"{at}: give exactly one of 'pattern' (any of) or 'all' (all of)")
        scope = item.get("scope", "sentence")
        if scope not in SCOPES:
            raise RuleFileError(f"{at}: unknown scope {scope!r} (expected one of: {', '.join(SCOPES)})")
        if "all" in item and scope == "span":
            raise RuleFileError(f"{at}: 'all' needs scope sentence or text; use 'pattern' for span")
        if "pattern" in item:
            # "pattern" means any of: fold a list into one alternation so the check is one scan.
            items = item["pattern"] if isinstance(item["pattern"], list) else [item["pattern"]]
            parts = _compile_list(items, at)
            patterns: tuple[re.Pattern[str], ...] = (_compile("|".join(f"(?:{p.pattern})" for p in parts), at),)
        else:
            patterns = _compile_list(item["all"], at)
        result.append(Exemption(scope=scope, patterns=patterns, why=str(item.get("why", ""))))
    return tuple(result)


def _requires(raw: dict[str, Any], where: str) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    value = raw.get("requires", {})
    if not isinstance(value, dict):
        raise RuleFileError(f"{where}: 'requires' must map a cue name to a list of regexes")
    groups: list[tuple[str, tuple[re.Pattern[str], ...]]] = []
    for name, items in value.items():
        at = f"{where} requires.{name}"
        parts = _compile_list(items, at)  # each regex compiled alone first, so an error names its group
        # A group is "any of": one alternation is one scan of the sentence instead of one per regex.
        groups.append((str(name), (_compile("|".join(f"(?:{p.pattern})" for p in parts), at),)))
    return tuple(groups)


def _amount(raw: dict[str, Any], where: str) -> AmountCondition | None:
    value = raw.get("amount")
    if value is None:
        return None
    if not isinstance(value, dict) or "greater_than" not in value:
        raise RuleFileError(f"{where}: 'amount' must be a mapping with 'greater_than' (optional 'window')")
    unknown = set(value) - _AMOUNT_KEYS
    if unknown:
        raise RuleFileError(f"{where}: unknown amount field(s) {', '.join(sorted(unknown))}")
    threshold, window = value["greater_than"], value.get("window", 40)
    if not isinstance(threshold, int | float) or isinstance(threshold, bool) or threshold < 0:
        raise RuleFileError(f"{where}: amount.greater_than must be a non-negative number")
    if not isinstance(window, int) or isinstance(window, bool) or window <= 0:
        raise RuleFileError(f"{where}: amount.window must be a positive whole number of characters")
    return AmountCondition(greater_than=float(threshold), window=window)


def parse_rule(raw: object, index: int, source: str) -> Rule:
    """Validate one rule mapping; errors name the file and the rule id (or its position without an id)."""
    if not isinstance(raw, dict):
        raise RuleFileError(f"{source}: rule #{index} must be a mapping")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", rule_id):
        raise RuleFileError(f"{source}: rule #{index} needs an 'id' of lowercase letters, digits, - _ .")
    where = f"{source}: rule {rule_id}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RuleFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    cue_scope = raw.get("cue_scope", "text")
    if cue_scope not in ("sentence", "text"):
        raise RuleFileError(f"{where}: unknown cue_scope {cue_scope!r} (expected sentence or text)")
    also = raw.get("also")
    if also is not None and not isinstance(also, str):
        raise RuleFileError(f"{where}: 'also' must be text")
    patterns = _patterns(raw, where)
    return Rule(
        id=rule_id,
        category=_choice(raw, "category", CATEGORIES, where),  # type: ignore[arg-type]
        law=_choice(raw, "law", LAWS, where),  # type: ignore[arg-type]
        article=_text_field(raw, "article", where),
        severity=_choice(raw, "severity", SEVERITIES, where),  # type: ignore[arg-type]
        explanation=_text_field(raw, "explanation", where),
        suggestion=_text_field(raw, "suggestion", where),
        zh_patterns=patterns.get("zh", ()),
        en_patterns=patterns.get("en", ()),
        exceptions=_exceptions(raw, where),
        requires=_requires(raw, where),
        cue_scope=cue_scope,
        amount=_amount(raw, where),
        also=also,
    )


def parse_rules(data: object, source: str) -> RuleSet:
    """Validate a whole parsed YAML document; all rules compile or none are used."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list) or not data["rules"]:
        raise RuleFileError(f"{source}: expected a mapping with a non-empty 'rules' list")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise RuleFileError(f"{source}: unknown top-level key(s) {', '.join(sorted(map(str, unknown)))}")
    rules = [parse_rule(raw, i, source) for i, raw in enumerate(data["rules"], 1)]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleFileError(f"{source}: rule {rule.id}: duplicate id")
        seen.add(rule.id)
    return RuleSet(rules=tuple(rules), source=source)


def load_rules(path: Path | str | None = None) -> RuleSet:
    """Load the given rule file, or the one shipped with the package when `path` is None."""
    if path is None:
        text = resources.files("compliance").joinpath(DEFAULT_RULES_FILE).read_text(encoding="utf-8")
        source = DEFAULT_RULES_FILE
    else:
        source = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise RuleFileError(f"{source}: cannot read rule file: {exc.strerror or exc}") from None
    return _parse_text(text, source)


@lru_cache(maxsize=8)
def _parse_text(text: str, source: str) -> RuleSet:
    """The compiled rule set of one file's text, kept: the shipped file holds more regexes than `re`'s own
    cache, so every checker (one per door, bench and test) recompiled them all (0.6 s) without it. A changed
    file is new text and compiles again; a rule set is frozen, so sharing it is safe; errors are not kept."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleFileError(yaml_problem(source, exc)) from None
    return parse_rules(data, source)
