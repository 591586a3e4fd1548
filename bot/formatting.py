"""Pure rendering of core replies for Telegram: HTML-escaped text, compact citations, decisions, findings, and
message splitting below Telegram's 4,096-character limit. No telegram imports, so it is tested with
plain strings;
keyboards are plain data (label, callback_data) that the handlers turn into InlineKeyboardMarkup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from authority.decisions import decision_line, decision_lines
from compliance.checker import CheckResult, Finding
from core import catalogue
from core.catalogue import Language, Markup
from core.catalogue import language_of as language_of  # the handlers' one import for it
from core.messages import Citation, Decision, Reply
from workflows.quizzes import QUIZ_LETTERS, QuizItem, quiz_question_line
from workflows.quizzes import quiz_verdict as quiz_verdict  # its verdicts carry no markup: the same words

MAX_MESSAGE_CHARS = 4096
MAX_CAPTION_CHARS = 1024
MAX_CITATIONS = 5

KeyboardSpec = list[list[tuple[str, str]]]
"""Rows of (label, callback_data) pairs."""


def escape(text: str) -> str:
    """Escape text for Telegram's HTML parse mode (only &, < and > are special there)."""
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units (an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


# ------------------------------------------------------------------------------------------- splitting
# Tags, entities and whitespace runs are single tokens; other text is one character per token, so a chunk can
# end anywhere in a long run of Chinese (which has no spaces) without cutting an entity or a tag in half.
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|\n{2,}|\n|[ \t]+|[^<&\n \t]", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")
_SENTENCE_ENDS = frozenset("。！？；.!?;")


def _break_priority(token: str) -> int:
    if token.startswith("\n\n"):
        return 3
    if token == "\n":
        return 2
    if token[0] in " \t" or token in _SENTENCE_ENDS:
        return 1
    return 0


def _apply_tag(stack: tuple[tuple[str, str], ...], token: str) -> tuple[tuple[str, str], ...]:
    if not token.startswith("<"):
        return stack
    match = _TAG_NAME.match(token)
    if match is None or token.endswith("/>"):
        return stack
    name = match.group(1).lower()
    if token.startswith("</"):
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == name:
                return stack[:depth] + stack[depth + 1 :]
        return stack
    return (*stack, (name, token))


def _opening(stack: tuple[tuple[str, str], ...]) -> str:
    return "".join(tag for _name, tag in stack)


def _closing(stack: tuple[tuple[str, str], ...]) -> str:
    return "".join(f"</{name}>" for name, _tag in reversed(stack))


def split_message(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split HTML into messages each under `limit` UTF-16 units, at the best break available (paragraph, line,
    sentence or space, else anywhere), closing open tags at the end of a part and reopening them in the
    next."""
    if limit < 16:
        raise ValueError(f"message limit {limit} is too small to hold any markup")
    tokens = _TOKEN.findall(text)
    parts: list[str] = []
    start = 0
    stack: tuple[tuple[str, str], ...] = ()
    while start < len(tokens):
        while start < len(tokens) and tokens[start].isspace():
            start += 1
        if start >= len(tokens):
            break
        end, end_stack = _fill(tokens, start, stack, limit)
        body = "".join(tokens[start:end]).rstrip()
        part = _opening(stack) + body + _closing(end_stack)
        if body and not _is_empty_markup(body):
            parts.append(part)
        start, stack = end, end_stack
    return parts or ([text] if text.strip() else [])


def _is_empty_markup(body: str) -> bool:
    return not re.sub(r"<[^>]*>", "", body).strip()


def _fill(
    tokens: Sequence[str], start: int, stack: tuple[tuple[str, str], ...], limit: int
) -> tuple[int, tuple[tuple[str, str], ...]]:
    """How many tokens from `start` fit one part; returns the end index and the open tags there."""
    size = utf16_len(_opening(stack))
    # Best candidate per priority: (end index, open tags there, size so far).
    candidates: dict[int, tuple[int, tuple[tuple[str, str], ...], int]] = {}
    for index in range(start, len(tokens)):
        token = tokens[index]
        new_stack = _apply_tag(stack, token)
        needed = size + utf16_len(token) + utf16_len(_closing(new_stack))
        if needed > limit and index > start:
            return _best_cut(candidates, index, stack, limit)
        size += utf16_len(token)
        stack = new_stack
        priority = _break_priority(token)
        if priority:
            candidates[priority] = (index + 1, stack, size)
    return len(tokens), stack


def _best_cut(
    candidates: dict[int, tuple[int, tuple[tuple[str, str], ...], int]],
    index: int,
    stack: tuple[tuple[str, str], ...],
    limit: int,
) -> tuple[int, tuple[tuple[str, str], ...]]:
    # Prefer the strongest break that still fills a quarter of the part; never cut a part to a sliver.
    for priority in (3, 2, 1):
        found = candidates.get(priority)
        if found is not None and found[2] >= limit // 4:
            return found[0], found[1]
    return index, stack


# A single send longer than this many messages is cut: a reply that needs more is a bug or an attack (an id of
# 4,000 "<" echoed back), and a chat flooded with its pieces helps nobody.
MAX_PARTS_PER_SEND = 3
CUT_MARK = "…"


def split_plain(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """`split_message` for text sent without a parse mode: escaped, split, unescaped (never longer than the
    escaped part, so every part stays under `limit`)."""
    return [html.unescape(part) for part in split_message(escape(text), limit)]


def fit_message(
    text: str, *, is_html: bool, limit: int = MAX_MESSAGE_CHARS, max_parts: int = MAX_PARTS_PER_SEND
) -> list[str]:
    """What one send of `text` becomes: parts each under `limit` UTF-16 units as sent (after HTML escaping),
    at most `max_parts` of them, the last one cut with an ellipsis when more would be needed."""
    if utf16_len(text) <= limit:
        return [text]
    split = split_message if is_html else split_plain
    parts = split(text, limit)
    if len(parts) <= max_parts:
        return parts
    # The last kept part shrinks to leave room for the mark, and is re-split so no tag or entity is cut.
    last = split(parts[max_parts - 1], limit - utf16_len(CUT_MARK) - 1)[0]
    return [*parts[: max_parts - 1], f"{last}{CUT_MARK}"]


MAX_ECHOED_CHARS = 32


def echoed(value: str) -> str:
    """A user-typed value (a rep id, a period) as a reply repeats it: at most `MAX_ECHOED_CHARS`, HTML-escaped.
    An id nobody has is never long; repeating 4,000 characters of one back only helps a flood."""
    value = " ".join(value.split())
    if len(value) > MAX_ECHOED_CHARS:
        value = value[: MAX_ECHOED_CHARS - 1] + CUT_MARK
    return escape(value)


# ----------------------------------------------------------------------------------------------- texts
# The catalogue's emphasis drawn as Telegram's HTML.
TELEGRAM_HTML: Markup = {"b": "<b>", "/b": "</b>", "i": "<i>", "/i": "</i>", "mono": "<code>", "/mono": "</code>"}


def text(key: str, language: Language = "en", **values: object) -> str:
    """The catalogue's text `key` as Telegram HTML, with `values` (already escaped by the caller) filled in."""
    return catalogue.text(key, language, markup=TELEGRAM_HTML, **values)


def bilingual(key: str, **values: object) -> str:
    """"English / 中文": for what may reach someone before the bot knows their language (buttons, nudges)."""
    return f"{text(key, 'en', **values)} / {text(key, 'zh', **values)}"


# ------------------------------------------------------------------------------------------------ quizzes
def quiz_question_text(question: QuizItem, n: int, total: int, language: Language) -> str:
    """Question n (0-based) of `total` and its lettered options, in the reader's language where written."""
    lines = [quiz_question_line(escape(question.text(language)), n, total, language)]
    lines += [f"{QUIZ_LETTERS[i]}. {escape(choice)}" for i, choice in enumerate(question.choices(language))]
    return "\n".join(lines)


def quiz_keyboard(prefix: str, n: int, options: int) -> KeyboardSpec:
    """One row of lettered buttons answering question n; callback data `PREFIX:N:OPTION`."""
    return [[(QUIZ_LETTERS[i], f"{prefix}:{n}:{i}") for i in range(options)]]


# --------------------------------------------------------------------------------------------- replies
def format_decisions(decisions: Sequence[Decision], language: Language = "en") -> str:
    """Every decision of a question, one line each, in the authority desk's one wording, as Telegram HTML."""
    return decision_lines(decisions, language, markup=TELEGRAM_HTML, escape=escape)


def format_decision(decision: Decision, language: Language = "en") -> str:
    """One decision's line (see `format_decisions`)."""
    return decision_line(decision, language, markup=TELEGRAM_HTML, escape=escape)


def format_citations(citations: Iterable[Citation], language: Language = "en") -> str:
    """Compact numbered sources, one line each, duplicates (same document and section) folded."""
    lines: list[str] = []
    seen: set[tuple[str, str]] = set()
    for citation in citations:
        key = (citation.source, citation.section)
        if key in seen:
            continue
        seen.add(key)
        line = f"[{len(lines) + 1}] {escape(_short_source(citation))}"
        if citation.version:
            line += f" · v{escape(citation.version.removeprefix('v'))}"
        if citation.stale:
            line += f" · <i>⚠ {text('stale', language)}</i>"
        lines.append(line)
        if len(lines) == MAX_CITATIONS:
            break
    if not lines:
        return ""
    return f"<b>{text('sources', language)}</b>\n" + "\n".join(lines)


def render_reply(reply: Reply) -> str:
    """The whole answer as one HTML string: decision first (it is what the rep needs), then the answer,
    warnings
    and sources."""
    language: Language = reply.language
    blocks: list[str] = []
    if reply.decision is not None:
        blocks.append(format_decisions(reply.decisions or [reply.decision], language))
    if reply.answer.strip():
        blocks.append(escape(reply.answer.strip()))
    elif not reply.grounded:
        blocks.append(text("not_grounded", language))
    for warning in reply.warnings:
        if warning not in reply.answer:  # the answerer may already have written it into the text
            blocks.append(f"<i>⚠ {escape(warning)}</i>")
    sources = format_citations(reply.shown_citations(), language)
    if sources:
        blocks.append(sources)
    return "\n\n".join(blocks)


def format_reply(reply: Reply, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """`render_reply` split into sendable messages."""
    return split_message(render_reply(reply), limit)


# ------------------------------------------------------------------------------------------ compliance
_LAW_NAMES: dict[str, dict[Language, str]] = {
    "advertising_law": {"en": "Advertising Law", "zh": "广告法"},
    "anti_unfair_competition_law": {"en": "Anti-Unfair Competition Law", "zh": "反不正当竞争法"},
}


def law_name(law: str, language: Language = "en") -> str:
    names = _LAW_NAMES.get(law)
    return names[language] if names else law.replace("_", " ")


_SEVERITY_MARK = {"high": "🔴", "critical": "🔴", "error": "🔴", "medium": "🟠", "warning": "🟠", "low": "🟡"}


def _attr(obj: object, name: str) -> str:
    value = getattr(obj, name, None)
    return "" if value is None else str(value)


MAX_CARDS_PER_FINDING = 2


def _cards(sources: Sequence[Citation], language: Language) -> list[Citation]:
    """A finding's rule cards, those in the reader's language first (the checker returns both languages)."""
    ordered = sorted(sources, key=lambda c: (c.language or language) != language)
    # Several chunks of one section come back as separate hits: one reference per section.
    distinct = {(c.source, c.section): c for c in reversed(ordered)}
    return sorted(distinct.values(), key=ordered.index)[:MAX_CARDS_PER_FINDING]


# A 4,096-character draft can hold over a thousand findings of a handful of rules: a reply shows each rule once
# with its count, a few of its phrases, and at most this many rules; it is always one or two messages.
MAX_CHECK_RULES = 8
MAX_CHECK_MESSAGES = 2
MAX_QUOTES_PER_RULE = 3
MAX_QUOTE_CHARS = 60
MAX_RULE_TEXT_CHARS = 600
MAX_REWRITES_PER_RULE = 2
LIKELY_MARK = "🔍"


@dataclass(frozen=True)
class FindingGroup:
    """Every finding of one rule in a draft, in the order the checker reported them."""

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def count(self) -> int:
        return len(self.findings)

    def phrases(self, limit: int = MAX_QUOTES_PER_RULE) -> list[str]:
        """The distinct offending phrases, first seen first, at most `limit`."""
        return list(dict.fromkeys(f.text for f in self.findings))[:limit]


def group_findings(findings: Iterable[Finding]) -> list[FindingGroup]:
    """Findings grouped per rule, rules in the order of their first finding (door-neutral: plain data)."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule_id, []).append(finding)
    return [FindingGroup(tuple(group)) for group in by_rule.values()]


def _clip(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + CUT_MARK


def _group_block(
    number: int, group: FindingGroup, language: Language, cited: list[Citation], number_of: dict[tuple[str, str], int]
) -> str:
    zh = language == "zh"
    finding = group.first
    mark = _SEVERITY_MARK.get(finding.severity, "•")
    category = finding.category.replace("_", " ")
    phrases = group.phrases()
    quotes = "、".join if zh else ", ".join
    quoted = quotes(f"“{escape(_clip(p, MAX_QUOTE_CHARS))}”" for p in phrases)
    likely = finding.likely
    # A semantic resemblance is marked apart from a rule hit, so the reader can weigh it as a second opinion.
    head = f"{LIKELY_MARK if likely else mark} <b>{number}. {quoted}</b>"
    more = group.count - len(phrases)
    if more:
        head += f" 等同类问题另有 {more} 处" if zh else f" and {more} more of the same kind"
    kind = (f"疑似 {category}" if zh else f"likely {category}") if likely else category
    parts = [f"{head} · {escape(kind)} · {escape(finding.severity)}"]
    if finding.explanation:
        parts.append(escape(_clip(finding.explanation, MAX_RULE_TEXT_CHARS)))
    if likely and finding.resembles:
        similarity = finding.similarity
        score = f" ({'相似度' if zh else 'similarity'} {similarity:.2f})" if similarity is not None else ""
        parts.append(
            f"<i>{'与已知违规示例相似' if zh else 'Reads like a known violation'}:</i> "
            f"“{escape(_clip(finding.resembles, MAX_QUOTE_CHARS * 2))}”{score}"
        )
    rule = f"{law_name(finding.law, language)} {finding.article}".strip()
    parts.append(f"<i>{'依据' if zh else 'Rule'}:</i> {escape(_clip(rule, MAX_RULE_TEXT_CHARS))}")
    rewrites = list(dict.fromkeys(f.rewrite for f in group.findings if f.rewrite))
    for rewritten in rewrites[:MAX_REWRITES_PER_RULE]:
        parts.append(f"<i>{'改写' if zh else 'Rewrite'}:</i> {escape(_clip(rewritten, MAX_RULE_TEXT_CHARS))}")
    if finding.suggestion:
        parts.append(f"<i>{'建议' if zh else 'Instead'}:</i> {escape(_clip(finding.suggestion, MAX_RULE_TEXT_CHARS))}")
    refs: list[str] = []
    for card in _cards([c for f in group.findings for c in f.sources], language):
        key = (card.source, card.section)
        if key not in number_of and len(cited) < MAX_CITATIONS:
            cited.append(card)
            number_of[key] = len(cited)
        if key in number_of and f"[{number_of[key]}]" not in refs:
            refs.append(f"[{number_of[key]}]")
    if refs:
        parts.append(f"<i>{'公司规则' if zh else 'Company rule'}:</i> {' '.join(refs)}")
    return "\n".join(parts)


def render_check(result: CheckResult, language: Language = "en", *, max_rules: int = MAX_CHECK_RULES) -> str:
    """Compliance findings grouped per rule with their count: the offending words quoted (a few, with how many
    more), the rule and article, the flagged sentence rewritten where a rule can, a compliant rewording, and
    numbered references to the company's rule cards, listed once at the end like an answer's sources. Likely
    (semantic) findings are marked apart and name the known violation they resemble. Rules beyond `max_rules`
    are only counted."""
    zh = language == "zh"
    findings = list(result.findings)
    if result.compliant and not findings:
        return "✅ 未发现合规问题。" if zh else "✅ No compliance issues found."
    count = len(findings)
    likely = sum(f.likely for f in findings)
    head = f"⚠️ 发现 {count} 个合规问题" if zh else f"⚠️ {count} compliance issue{'s' if count != 1 else ''} found"
    if likely:
        head += f"（其中 {likely} 个为疑似）" if zh else f" ({likely} likely, by resemblance)"
    head += "：" if zh else ":"
    blocks = [f"<b>{head}</b>"]
    cited: list[Citation] = []
    number_of: dict[tuple[str, str], int] = {}
    groups = group_findings(findings)
    shown = groups[:max_rules]
    blocks.extend(_group_block(n, g, language, cited, number_of) for n, g in enumerate(shown, start=1))
    hidden = groups[len(shown) :]
    if hidden:
        issues, rules = sum(g.count for g in hidden), len(hidden)
        blocks.append(
            f"<i>另有 {issues} 个问题，涉及 {rules} 条其他规则。</i>"
            if zh
            else f"<i>…and {issues} more issue{'s' if issues != 1 else ''} under {rules} other "
            f"rule{'s' if rules != 1 else ''}.</i>"
        )
    sources = format_citations(cited, language)
    if sources:
        blocks.append(sources)
    blocks.extend(f"<i>⚠ {escape(_clip(warning, MAX_RULE_TEXT_CHARS))}</i>" for warning in result.warnings)
    return "\n\n".join(blocks)


def format_check(result: CheckResult, language: Language = "en", limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """The check as at most two messages: fewer rules are shown until it fits (each rule's block is bounded)."""
    groups = len(group_findings(result.findings))
    for max_rules in range(min(groups, MAX_CHECK_RULES), 0, -1):
        parts = split_message(render_check(result, language, max_rules=max_rules), limit)
        if len(parts) <= MAX_CHECK_MESSAGES:
            return parts
    return split_message(render_check(result, language, max_rules=1), limit)[:MAX_CHECK_MESSAGES]


# ----------------------------------------------------------------------------------------------- coaching
def kpi_label(kpi: str, language: Language = "en") -> str:
    """The catalogue's `kpi.<name>`; a KPI it does not name reads as its name with spaces."""
    key = f"kpi.{kpi}"
    return catalogue.text(key, language) if key in catalogue.CATALOGUES[language] else kpi.replace("_", " ")


def _finding_block(finding: Any, language: Language) -> str:
    mark = _SEVERITY_MARK.get(_attr(finding, "severity").lower(), "•")
    parts = [f"{mark} <b>{escape(kpi_label(_attr(finding, 'kpi'), language))}</b>: {escape(_attr(finding, 'message'))}"]
    for suggestion in getattr(finding, "suggestions", None) or []:
        parts.append(f"→ {escape(str(suggestion))}")
    sources = [c for c in getattr(finding, "sources", None) or [] if isinstance(c, Citation)]
    if sources:
        parts.append("<i>" + escape("; ".join(_short_source(c) for c in sources[:2])) + "</i>")
    return "\n".join(parts)


def _short_source(citation: Citation) -> str:
    """`Title › Section › Subsection`: the stored heading path starts with the document title, said once."""
    title, section = citation.title.strip(), citation.section.strip()
    if section == title:
        return title
    section = section.removeprefix(f"{title} > ")  # the title may itself hold a '>': strip it whole, then split
    return " › ".join([title, *(part.strip() for part in section.split(" > ") if part.strip())])


def render_rep_report(report: Any, language: Language = "en") -> str:
    """A rep's coaching (coaching.coach.RepReport): findings worst first as the coach ordered them, each with
    what to do and where the advice comes from."""
    rep = report.rep
    head = text("coach.head", language, name=escape(rep.name), rep_id=escape(rep.rep_id), period=escape(report.period))
    blocks = [head]
    if not report.findings:
        blocks.append(text("coach.all_clear", language))
    blocks.extend(_finding_block(f, language) for f in report.findings)
    return "\n\n".join(blocks)


def render_team_report(report: Any, language: Language = "en") -> str:
    """A manager's team (coaching.coach.TeamReport): the top priorities, then one line per rep with their
    flags."""
    manager = report.manager
    name, rep_id, period = escape(manager.name), escape(manager.rep_id), escape(report.period)
    blocks = [text("team.head", language, name=name, rep_id=rep_id, period=period)]
    if report.priorities:
        blocks.append(text("team.priorities", language))
        blocks.extend(_finding_block(p, language) for p in report.priorities)
    lines = []
    for member in report.members:
        flags = ", ".join(
            f"{_SEVERITY_MARK.get(str(sev), '•')} {escape(kpi_label(kpi, language))}"
            for kpi, sev in member.flags.items()
        )
        ok = "✅"
        lines.append(f"• {escape(member.name)} ({escape(member.rep_id)}): {flags or ok}")
    if lines:
        blocks.append(text("team.reps", language) + "\n" + "\n".join(lines))
    if report.without_data:
        blocks.append(text("team.no_data", language, reps=escape(", ".join(report.without_data))))
    return "\n\n".join(blocks)


def format_coaching(
    report: Any, language: Language = "en", limit: int = MAX_MESSAGE_CHARS, *, appendix: str = ""
) -> list[str]:
    """A rep report or a team report, with `appendix` (HTML, e.g. onboarding progress) as the last block, split
    into sendable messages."""
    body = render_team_report(report, language) if hasattr(report, "members") else render_rep_report(report, language)
    return split_message(f"{body}\n\n{appendix}" if appendix else body, limit)


# ------------------------------------------------------------------------------------------- keyboards
CALLBACK_VOTE = "v"
CALLBACK_HANDOFF = "h"


def answer_keyboard(ask_id: int, language: Language = "en") -> KeyboardSpec:
    """Helpful / not helpful on one row, ask-my-manager below; callback data stays far below Telegram's
    64 bytes."""
    return [
        [
            (text("btn_up", language), f"{CALLBACK_VOTE}:1:{ask_id}"),
            (text("btn_down", language), f"{CALLBACK_VOTE}:0:{ask_id}"),
        ],
        [(text("btn_manager", language), f"{CALLBACK_HANDOFF}:{ask_id}")],
    ]


def parse_callback(data: str) -> tuple[str, int, bool | None] | None:
    """(action, ask_id, helpful) from callback data made by `answer_keyboard`; None for anything else."""
    parts = data.split(":")
    try:
        if parts[0] == CALLBACK_VOTE and len(parts) == 3 and parts[1] in ("0", "1"):
            return CALLBACK_VOTE, int(parts[2]), parts[1] == "1"
        if parts[0] == CALLBACK_HANDOFF and len(parts) == 2:
            return CALLBACK_HANDOFF, int(parts[1]), None
    except ValueError:
        return None
    return None
