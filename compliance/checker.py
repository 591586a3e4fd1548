"""The compliance checker: points at each phrase of a sales draft that risks the Advertising Law or the AUCL.

Rules come from a YAML file (compliance/rules.py); this module only runs them. A rule fires on an
anchor pattern, then must pass its cue groups (bribery: benefit + person + secrecy), its amount condition
(prize promotions) and its context exceptions (service attitude, usage tips, sourced rankings, booked
discounts). Everything is compiled once, and each rule scans each sentence's cues and exceptions once per
check (not once per match), so a check stays linear in the draft's length even when every word is a hit;
drafts longer than `max_chars` are checked on their first `max_chars` characters, with a warning.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, Field

from compliance.rewrite import rewrite_sentence
from compliance.rules import (
    SEVERITY_RANK,
    AmountCondition,
    Category,
    Law,
    Rule,
    RuleSet,
    Severity,
    load_rules,
)
from compliance.semantic import DEFAULT_LIKELY_SEVERITY, LIKELY_SEVERITY
from core.messages import Citation
from core.text import cn_number
from knowledge.embeddings import EmbeddingModelError

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from compliance.semantic import SemanticDetector
    from core.settings import Settings


LAW_NAMES: dict[str, str] = {
    "advertising_law": "Advertising Law",
    "anti_unfair_competition_law": "Anti-Unfair Competition Law",
}


class Finding(BaseModel):
    """One risky phrase; `text == draft[start:end]`, offsets into the original text, not a normalised copy."""

    start: int
    end: int
    text: str
    category: Category
    law: Law
    article: str
    severity: Severity
    explanation: str
    suggestion: str
    rule_id: str
    also: str | None = None
    sources: list[Citation] = Field(default_factory=list)
    # The flagged sentence rewritten where a rule can do it (absolute term replaced, guarantee dropped, a
    # source slot added); None where only an instruction (`suggestion`) fits.
    rewrite: str | None = None
    # A semantic "likely" finding: no rule's words matched, but the draft reads like a known violation.
    likely: bool = False
    resembles: str | None = None
    similarity: float | None = None


class CheckResult(BaseModel):
    compliant: bool
    findings: list[Finding] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """The `check --json` contract: compliant, findings (start, end, text, category, law, article...)."""
        return self.model_dump(mode="json")


class ScoredPassage(Protocol):
    """A retrieved passage as knowledge.retriever.ScoredChunk gives it."""

    @property
    def text(self) -> str: ...
    @property
    def metadata(self) -> dict[str, Any]: ...
    @property
    def score(self) -> float: ...


class SearchesKnowledge(Protocol):
    """What the checker needs of a retriever (knowledge.retriever.HybridRetriever fits)."""

    def search(self, query: str, k: int | None = None, audience_role: str | None = None) -> Sequence[ScoredPassage]: ...


RetrieverFactory = Callable[[], SearchesKnowledge]
# Builds the semantic detector on first use (the embedding model loads then, not at construction); None = off.
DetectorFactory = Callable[[], "SemanticDetector | None"]

# Sentence ends: Chinese and Western stops, semicolons, new lines. A '.' counts only before a space or the
# end, so 4.8万, No.1 and v2.1 stay inside their sentence. Commas never split: one claim often spans them.
_SENTENCE_END = re.compile(r"[。！？!?；;\n]+|\.(?=\s|$)")

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Same-length folding before matching, so offsets still index the original draft: phone keyboards type
# curly apostrophes (don’t) and Chinese IMEs full-width forms (１００％, ＮＯ．１). The full-width punctuation
# the Chinese patterns are written with (，。！？；：（）％) stays as typed.
_KEEP_FULL_WIDTH = set("，！？；：（）％")
_FOLD = str.maketrans(
    {
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c) not in _KEEP_FULL_WIDTH},
        "\u2019": "'",
        "\u2018": "'",
        "\u2032": "'",
        "\u3000": " ",
        "\u00a0": " ",
    }
)
_LATIN = re.compile("[A-Za-z]")

# Money: a currency sign or unit, or a bare 万 amount (6万 = 60,000). Chinese numerals are accepted with a
# unit (六万元). Amounts right after 满/消费/spend are purchase thresholds, not prizes.
_MONEY = re.compile(
    r"(?P<pre>[¥￥]|\bRMB|\bCNY|人民币)?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+)\s*"
    r"(?P<mult>万|千|[kK]\b)?\s*-?\s*"
    r"(?P<unit>元|块|人民币|yuan\b|RMB\b|CNY\b)?",
    re.IGNORECASE,
)
_NOT_MONEY_AFTER_WAN = "台件个人份次名位家辆套箱盒瓶"
# Banker's numerals (陆万元 on a cheque-style prize notice) read as the everyday ones.
_FORMAL_DIGITS = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
# Amounts in English words ("sixty thousand yuan", "a hundred thousand RMB"): only with a currency word.
_EN_UNITS = {
    "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_MONEY = re.compile(
    rf"\b(?P<words>(?:(?:{'|'.join(_EN_UNITS)})[- ]?){{1,2}})\s*(?P<scale>hundred thousand|thousand|million)\s+"
    r"(?:yuan|rmb|cny)\b",
    re.IGNORECASE,
)
_PURCHASE_THRESHOLD = re.compile(
    r"(?:满|消费|购满|购物|超过|达到|累计|spend(?:ing)?|over|above|orders? of|purchases? of)\s*$", re.I
)


@dataclass(frozen=True)
class Amount:
    value: float
    start: int
    end: int


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Money amounts in text[start:end] in CNY, with their offsets (purchase thresholds skipped)."""
    stop = len(text) if end is None else end
    amounts: list[Amount] = []
    for m in _MONEY.finditer(text, start, stop):
        num, mult, pre, unit = m["num"], m["mult"], m["pre"], m["unit"]
        if not num or not (pre or unit or mult == "万"):
            continue
        after = text[m.end() : m.end() + 1]
        if mult == "万" and not (pre or unit) and after and after in _NOT_MONEY_AFTER_WAN:
            continue  # 10万台 counts machines, not yuan
        value = cn_number(num.translate(_FORMAL_DIGITS) + (mult if mult in ("万", "千") else ""))
        if not value:
            continue
        if mult in ("k", "K"):
            value *= 1_000
        if _PURCHASE_THRESHOLD.search(text, max(0, m.start() - 12), m.start()):
            continue
        amounts.append(Amount(value=value, start=m.start(), end=m.end()))
    for m in _EN_MONEY.finditer(text, start, stop):
        base = sum(_EN_UNITS[w] for w in re.split(r"[- ]+", m["words"].strip().lower()) if w in _EN_UNITS)
        scale = {"hundred thousand": 100_000, "thousand": 1_000, "million": 1_000_000}[m["scale"].lower()]
        if not _PURCHASE_THRESHOLD.search(text, max(0, m.start() - 12), m.start()):
            amounts.append(Amount(value=float(base * scale), start=m.start(), end=m.end()))
    return amounts


class _Sentences:
    """Sentence spans of one text, for "which sentence holds offset i" in O(log n)."""

    def __init__(self, text: str) -> None:
        spans: list[tuple[int, int]] = []
        begin = 0
        for m in _SENTENCE_END.finditer(text):
            spans.append((begin, m.end()))
            begin = m.end()
        if begin < len(text):
            spans.append((begin, len(text)))
        self.spans = spans or [(0, len(text))]
        self.starts = [s for s, _ in self.spans]

    def around(self, offset: int) -> tuple[int, int]:
        return self.spans[max(0, bisect_right(self.starts, offset) - 1)]


@dataclass
class _Hit:
    rule: Rule
    start: int
    end: int


class _Spans:
    """The matches of one span-scope exception pattern in one sentence, for "does any overlap [a, b)" by bisect.

    finditer matches do not overlap, so both their starts and their ends ascend: among the matches that start
    before b, the last one reaches furthest right.
    """

    def __init__(self, matches: Iterable[re.Match[str]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in matches:
            self.starts.append(m.start())
            self.ends.append(m.end())

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)
        return before > 0 and self.ends[before - 1] > start


@dataclass(frozen=True)
class _SentenceVerdict:
    """One rule's view of one sentence, computed once per check and reused for every match in that sentence.

    Rescanning the sentence for every match made a long unpunctuated draft full of hits (最好最好...) quadratic.
    """

    cues: bool  # the sentence-scope cue groups all occur here (True when the rule has none)
    cleared: bool  # a sentence- or text-scope exception clears every match here
    spans: tuple[_Spans, ...]  # span-scope exception matches, one list per exception


def _sentence_verdict(rule: Rule, text: str, sentence: tuple[int, int], text_wide: dict[int, bool]) -> _SentenceVerdict:
    """Scan one sentence once for the rule's cues and exceptions; `text_wide` caches text-scope answers."""
    s_start, s_end = sentence
    cues = not (rule.requires and rule.cue_scope == "sentence") or _all_cues(rule, text, s_start, s_end)
    cleared = False
    spans: list[_Spans] = []
    for i, exemption in enumerate(rule.exceptions):
        if exemption.scope == "span":
            (pattern,) = exemption.patterns
            spans.append(_Spans(pattern.finditer(text, s_start, s_end)))
        elif exemption.scope == "sentence":
            cleared = cleared or all(p.search(text, s_start, s_end) for p in exemption.patterns)
        else:
            if i not in text_wide:
                text_wide[i] = all(p.search(text) for p in exemption.patterns)
            cleared = cleared or text_wide[i]
    return _SentenceVerdict(cues=cues, cleared=cleared, spans=tuple(spans))


def _exempt(verdict: _SentenceVerdict, start: int, end: int) -> bool:
    """Whether a context exception clears the match text[start:end] of the sentence `verdict` describes."""
    return verdict.cleared or any(spans.overlaps(start, end) for spans in verdict.spans)


def _all_cues(rule: Rule, text: str, start: int, end: int) -> bool:
    """Every cue group of a combined-cue rule has a match in text[start:end]."""
    return all(any(p.search(text, start, end) for p in group) for _name, group in rule.requires)


def _states_a_rule(rule: Rule, text: str, sentence: tuple[int, int]) -> bool:
    """Whether one of the rule's sentence-scope exceptions (e.g. a quoted prohibition) clears this sentence."""
    return any(e.scope == "sentence" and all(p.search(text, *sentence) for p in e.patterns) for e in rule.exceptions)


def _all_live_cues(rule: Rule, text: str, sentences: _Sentences) -> bool:
    """Every cue group matches outside sentences that only state a rule.

    "私下退给采购人员的钱属于商业贿赂" names the cues of a bribe while forbidding it; those words must not
    combine with a lawful 返利 in the sentence before into a finding.
    """
    verdicts: dict[tuple[int, int], bool] = {}

    def live(m: re.Match[str]) -> bool:
        sentence = sentences.around(m.start())
        if sentence not in verdicts:
            verdicts[sentence] = _states_a_rule(rule, text, sentence)
        return not verdicts[sentence]

    return all(any(live(m) for p in group for m in p.finditer(text)) for _name, group in rule.requires)


def _amount_span(
    condition: AmountCondition, text: str, start: int, end: int, sentence: tuple[int, int]
) -> tuple[int, int] | None:
    """The match widened to the largest amount over the threshold near it (same sentence, either side).

    Either side: prizes are announced both ways (一等奖价值6万元; "a car worth ¥80,000 in our raffle").
    """
    lo, hi = max(sentence[0], start - condition.window), min(sentence[1], end + condition.window)
    over = [a for a in find_amounts(text, lo, hi) if a.value > condition.greater_than]
    if not over:
        return None
    top = max(over, key=lambda a: a.value)
    return min(start, top.start), max(end, top.end)


# Categories whose breach needs something the wording alone cannot supply: a trade secret comes from someone
# (a former employee, an insider), disparagement targets a competitor, a medical claim is about a body or a
# disease, a bribe hands over a benefit, an endorsement puts a person's word behind the product, a guarantee
# says something is certain or risk-free, an official endorsement names the state, an absolute term ranks or
# grades. A likely
# finding there must name it; drawings, price lists, contract procedures and usage tips read like the
# examples but are lawful.
ELEMENT_CATEGORIES = frozenset(
    {
        "trade_secrets",
        "disparagement",
        "medical_claims",
        "commercial_bribery",
        "endorsement",
        "guarantees_returns",
        "government_endorsement",
        "absolute_terms",
        "unsourced_data",
    }
)


# A medical claim is about a body or a disease: without one of these words a draft that reads like one
# ("suits most people's sleep habits") is ordinary product talk.
_HEALTH_TERMS = re.compile(
    r"病|症|疗|治|痛|癌|药|医|疾|炎|血[压糖脂]|免疫|康复|痊愈|失眠|瘤|病毒|细菌|感染|预防|\b(?:diseases?|cur(?:e|es|ed|ing)|"
    r"heal\w*|treat\w*|pain|cancer|tumou?rs?|diabet\w*|blood|immun\w*|insomnia|sick|illness|virus\w*|infect\w*|"
    r"medic\w*|drugs?|therap\w*|symptoms?|arthritis|asthma|cholesterol|doctors?|hospitals?)\b",
    re.IGNORECASE,
)


# A bribe hands something of value to someone: money, a share of the deal, a card, a gift, a trip, a job
# ("不收取任何费用" / 免费 waives a fee; it hands nothing over). 点 counts as "3个点" of the deal, never as
# in 地点 or 十点钟.
_BENEFIT_TERMS = re.compile(
    r"钱|元|块|万|[%％]|(?:\d|[一二两三四五六七八九十几半])\s*个?点(?!钟|半|前|后|到|以前|以后)|(?<!任何)(?<!不收)(?<!免)费|卡|红包|礼|佣金|回扣|返|提成|旅游|旅行|机票|酒店|吃饭|饭局|烟|酒|茶|手机|手表|股|工作|实习|"
    r"岗位|报销|包了|全包|\b(?:money|cash|yuan|rmb|fees?|commissions?|rebates?|kick ?backs?|cut|cards?|vouchers?|"
    r"gifts?|envelopes?|packets?|trips?|travel|holidays?|vacations?|flights?|hotels?|dinners?|tickets?|iphones?|phones?|"
    r"watch(?:es)?|wine|shares|equity|stake|jobs?|internships?|paid|pay|bonus)\b|\d+\s*%",
    re.IGNORECASE,
)
# An endorsement is a person's word for the product: a recommender, a quote, a testimonial.
_ENDORSER_TERMS = re.compile(
    r"推荐|代言|证言|好评|评价|说|专家|医生|教授|院长|主任|明星|网红|达人|博主|客户|老师|[“\"「]|"
    r"\b(?:recommends?|recommended|endorse\w*|testimonials?|quotes?|quoted|says?|said|doctors?|dr|professors?|"
    r"experts?|celebrit\w+|influencers?|customers?|clients?|reviews?|photos?)\b",
    re.IGNORECASE,
)

# A guarantee makes an outcome certain or a return safe; "about six months longer" is an estimate, not one.
_PROMISE_TERMS = re.compile(
    r"保证|保本|保息|包[过教会赚您你上]|肯定|一定|必[定然过]|稳[赚拿过上]|绝对|百分[之百]|准能|定能|就能|都能|零风险|无风险|回本|"
    r"收益|回报|赚|退款|不要钱|翻[倍番]|\b(?:guarantee\w*|promise\w*|sure|certain\w*|definitely|always|never|every|"
    r"risk[- ]free|zero risk|returns?|profits?|double|triple|refund|money back|without fail|interest|"
    r"a (?:year|month))\b|年化|每年|每月|月息|利息|分红",
    re.IGNORECASE,
)

# An official endorsement names a state organ, an official or an official use.
_STATE_TERMS = re.compile(
    r"政府|机关|部委|部长|[\u4e00-\u9fff]{1,4}[局厅]|[\u4e00-\u9fff]{1,3}委(?![托屈婉])|国家|官方|领导|国务院|人民大会堂|国宴|国礼|特供|专供|免检|[市省县区]长|书记|"
    r"\b(?:government|ministry|ministries|state|official|officials|bureau|council|mayor|governor|minister|party|army|"
    r"military|police|public security|department|commission|authority|agency|great hall|inspection[- ]exempt)\b",
    re.IGNORECASE,
)

# An absolute term ranks, grades or excludes every rival: a superlative, a rank, "the only", "like no other".
# 最近/最后/最初 (recently, last, at first) and 最新 before an issue or a notice (最新一期) tell time, not rank.
_SUPERLATIVE_TERMS = re.compile(
    r"最(?!近|后|初|新(?:一期|一批|消息|通知|动态|进展|安排|公告))|第一|首[选家个]|唯一|独家|顶[级尖配]|极[致品]|冠军|王者|之王|天花板|无敌|无人|没有之一|没有哪|比不上|遥遥领先|"
    r"\b(?:\w+est|best|top|no\.?\s?1|number[- ]one|#\s?1|leading|leader|unrivall?ed|unmatched|unbeat\w*|ultimate|"
    r"perfect|king|pinnacle|supreme|only|nothing|never|any other|world[- ]class|first)\b",
    re.IGNORECASE,
)


# Unsourced data is a figure, a review, a sales count, a price or deadline, or a proof claimed: a window
# without any ("the rota app lets nurses swap shifts") is product talk on an example's topic, not a statistic.
_FIGURE_TERMS = re.compile(
    r"\d|[一二两三四五六七八九十百千万几半]|[%％倍]|好评|评价|评论|测评|截图|销量|售罄|抢光|卖光|出厂|厂家|直销|数据|统计|调查|证明|"
    r"价|截止|最后|限时|活动|\b(?:promo\w*|ends?|deadline|last day|prices?|discounts?|original|extend\w*)\b|"
    r"\b(?:reviews?|testimonials?|ratings?|stars?|sold|orders?|sales|percent|average|data|stats?|statistics|surveys?|"
    r"stud(?:y|ies)|proven|factory|ex-factory|half|twice|double|triple|most|majority|all|every|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|hundreds?|thousands?|millions?)\b",
    re.IGNORECASE,
)


def _has_elements(rules: RuleSet, category: str, text: str, start: int, end: int) -> bool:
    """Whether the window names what the category's breach is about: a cue group of its combined-cue rules
    (where a secret came from, a competitor), for medical claims a body or disease word, for bribery a
    benefit, for endorsements a recommender or a quote, for guarantees a word of certainty or return, for
    official endorsements a state organ or official, for absolute terms a superlative or a rank, for unsourced data
    a figure, review or sales count."""
    if category == "medical_claims":
        return _HEALTH_TERMS.search(text, start, end) is not None
    if category == "commercial_bribery":
        return _BENEFIT_TERMS.search(text, start, end) is not None
    if category == "endorsement":
        return _ENDORSER_TERMS.search(text, start, end) is not None
    if category == "guarantees_returns":
        return _PROMISE_TERMS.search(text, start, end) is not None
    if category == "government_endorsement":
        return _STATE_TERMS.search(text, start, end) is not None
    if category == "absolute_terms":
        return _SUPERLATIVE_TERMS.search(text, start, end) is not None
    if category == "unsourced_data":
        return _FIGURE_TERMS.search(text, start, end) is not None
    return any(
        p.search(text, start, end)
        for rule in rules.rules
        if rule.category == category
        for _name, group in rule.requires
        for p in group
    )


def _window_exempt(rules: RuleSet, category: str, text: str, start: int, end: int) -> bool:
    """Whether an exception of the category's rules clears a semantic window: a resemblance to a violation
    does not outweigh what the rules know makes such words lawful (a named source, a disclaimer, a stated rule)."""
    for rule in rules.rules:
        if rule.category != category:
            continue
        for exemption in rule.exceptions:
            if exemption.scope == "span":
                if exemption.patterns[0].search(text, start, end):
                    return True
            elif all(p.search(text, start, end) for p in exemption.patterns):
                return True
    return False


def _merge(hits: Iterable[_Hit]) -> list[_Hit]:
    """Merge overlapping hits of the same category; the more severe rule speaks for the merged span."""
    merged: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.rule.category, h.start, -h.end)):
        last = merged[-1] if merged else None
        if last is not None and last.rule.category == hit.rule.category and hit.start < last.end:
            last.end = max(last.end, hit.end)
            if SEVERITY_RANK[hit.rule.severity] > SEVERITY_RANK[last.rule.severity]:
                last.rule = hit.rule
        else:
            merged.append(_Hit(hit.rule, hit.start, hit.end))
    return sorted(merged, key=lambda h: (h.start, h.end, h.rule.category))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace from a span so the highlighted text is just the words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class ComplianceChecker:
    """Checks drafts against a rule set; the retriever (to cite the company's rule cards) is built lazily."""

    def __init__(
        self,
        rules: RuleSet,
        retriever_factory: RetrieverFactory | None = None,
        *,
        max_chars: int = 20000,
        semantic: SemanticDetector | DetectorFactory | None = None,
    ) -> None:
        if max_chars <= 0:
            raise ValueError(f"max_chars must be a positive number of characters, got {max_chars}")
        self.rules = rules
        self.max_chars = max_chars
        self._retriever_factory = retriever_factory
        self._retriever: SearchesKnowledge | None = None
        self._card_cache: dict[str, list[Citation]] = {}
        self._semantic_source = semantic
        self._semantic: SemanticDetector | None = None
        self._semantic_ready = semantic is None
        self._semantic_problem: str | None = None
        self._lock = threading.Lock()
        self._likely_rules: dict[tuple[str, str], Rule | None] = {}

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        retriever_factory: RetrieverFactory | None = None,
        embeddings_factory: Callable[[], Embeddings] | None = None,
    ) -> ComplianceChecker:
        """Rules from `settings.compliance_rules_path`, or the rule file shipped with the package; with an
        embeddings factory (the knowledge core's model) and `settings.compliance_semantic`, the semantic
        second opinion too, its example vectors cached under the home folder."""
        semantic: DetectorFactory | None = None
        if embeddings_factory is not None and settings.compliance_semantic:
            factory = embeddings_factory

            def semantic() -> SemanticDetector | None:
                from compliance.semantic import SemanticDetector

                return SemanticDetector.for_backend(factory(), cache_dir=settings.home / "cache")

        return cls(
            load_rules(settings.compliance_rules_path),
            retriever_factory=retriever_factory,
            max_chars=settings.max_check_chars,
            semantic=semantic,
        )

    def semantic_detector(self) -> SemanticDetector | None:
        """The detector, built on first use; a model that cannot load leaves the rules alone, said once."""
        if not self._semantic_ready:
            with self._lock:
                if not self._semantic_ready:
                    source = self._semantic_source
                    try:
                        self._semantic = source() if callable(source) else source
                    except (EmbeddingModelError, ImportError, OSError, ValueError) as exc:
                        self._semantic_problem = f"semantic check unavailable ({exc}); rules only"
                    self._semantic_ready = True
        return self._semantic

    def check(self, text: str, *, with_sources: bool = False) -> CheckResult:
        """Find every risky phrase in `text`; with_sources adds the company's own rule-card sections.

        A draft over `max_chars` is checked on its first `max_chars` characters only, and the result says so
        in `warnings` (offsets still index the draft as given): never a silent pass on the unread rest.
        """
        warnings: list[str] = []
        if len(text) > self.max_chars:
            warnings.append(
                f"draft is {len(text):,} characters; only the first {self.max_chars:,} were checked "
                f"(characters {self.max_chars:,} onwards were not)"
            )
            text = text[: self.max_chars]
        original, text = text, text.translate(_FOLD)
        sentences = _Sentences(text)
        zh, en = _CJK.search(text) is not None, _LATIN.search(text) is not None
        hits = [hit for rule in self.rules.rules for hit in self._run(rule, text, sentences, zh=zh, en=en)]
        findings = [self._finding(original, hit) for hit in _merge(hits)]
        findings += self._likely(original, findings)
        by_sentence: dict[tuple[int, int], list[Finding]] = {}
        for finding in findings:
            by_sentence.setdefault(sentences.around(finding.start), []).append(finding)
        for sentence, in_sentence in by_sentence.items():
            rewritten = rewrite_sentence(original, sentence, in_sentence)
            for finding in in_sentence:
                finding.rewrite = None if finding.likely else rewritten
        if self._semantic_problem:
            warnings.append(self._semantic_problem)
        if with_sources and findings and self._retriever_factory is not None:
            for finding in findings:
                finding.sources = self.rule_cards(finding.category)
        return CheckResult(compliant=not findings, findings=findings, warnings=warnings)

    def _run(self, rule: Rule, text: str, sentences: _Sentences, *, zh: bool, en: bool) -> Iterable[_Hit]:
        # Cheap gate: a combined-cue rule cannot fire unless every cue group occurs somewhere in the text
        # (for sentence-scoped cues that is necessary, not sufficient: each match is checked again below).
        if rule.requires and not _all_cues(rule, text, 0, len(text)):
            return
        if rule.requires and rule.cue_scope == "text" and not _all_live_cues(rule, text, sentences):
            return
        patterns = (rule.zh_patterns if zh else ()) + (rule.en_patterns if en else ())
        text_wide: dict[int, bool] = {}
        verdicts: dict[tuple[int, int], _SentenceVerdict] = {}
        for pattern in patterns:
            for m in pattern.finditer(text):
                start, end = _trim(text, m.start(), m.end())
                if start >= end:
                    continue
                sentence = sentences.around(start)
                verdict = verdicts.get(sentence)
                if verdict is None:
                    verdict = verdicts[sentence] = _sentence_verdict(rule, text, sentence, text_wide)
                if not verdict.cues:
                    continue
                if rule.amount is not None:
                    widened = _amount_span(rule.amount, text, start, end, sentence)
                    if widened is None:
                        continue
                    start, end = _trim(text, *widened)
                if _exempt(verdict, start, end):
                    continue
                yield _Hit(rule, start, end)

    def _likely(self, text: str, findings: list[Finding]) -> list[Finding]:
        """The semantic detector's findings for categories no rule found in this draft, one per window."""
        detector = self.semantic_detector()
        if detector is None:
            return []
        likely: list[Finding] = []
        for hit in detector.detect(text):
            rule = self._likely_rule(hit.category, hit.example)
            # A second opinion where the rules are silent: a window the rules already flagged was read by
            # them, and a resemblance there would only add a noisier label to the same words.
            if rule is None or any(f.start < hit.end and hit.start < f.end for f in findings):
                continue
            window = (text, hit.start, hit.end)
            if _window_exempt(self.rules, hit.category, *window):
                continue
            if hit.category in ELEMENT_CATEGORIES and not _has_elements(self.rules, hit.category, *window):
                continue
            start, end = _trim(text, hit.start, hit.end)
            likely.append(
                Finding(
                    start=start,
                    end=end,
                    text=text[start:end],
                    category=rule.category,
                    law=rule.law,
                    article=rule.article,
                    severity=LIKELY_SEVERITY.get(rule.category, DEFAULT_LIKELY_SEVERITY),
                    explanation=rule.explanation,
                    suggestion=rule.suggestion,
                    rule_id=f"likely-{rule.category.replace('_', '-')}",
                    also=rule.also,
                    likely=True,
                    resembles=hit.example,
                    similarity=round(hit.similarity, 3),
                )
            )
        return likely

    def _likely_rule(self, category: str, example: str) -> Rule | None:
        """The rule a likely finding speaks for: the category's rule that flags the example the draft resembles,
        else the category's first rule. One category can hold rules under both laws (a data claim without a
        source is an Advertising Law matter; paid reviews and fake orders are AUCL false publicity), and a
        draft that reads like a paid-review example must cite the law that example breaks."""
        key = (category, example)
        if key not in self._likely_rules:
            rules = [r for r in self.rules.rules if r.category == category]
            text = example.translate(_FOLD)
            sentences = _Sentences(text)
            zh, en = _CJK.search(text) is not None, _LATIN.search(text) is not None
            flagging = (r for r in rules if next(iter(self._run(r, text, sentences, zh=zh, en=en)), None))
            self._likely_rules[key] = next(flagging, rules[0] if rules else None)
        return self._likely_rules[key]

    @staticmethod
    def _finding(text: str, hit: _Hit) -> Finding:
        rule = hit.rule
        return Finding(
            start=hit.start,
            end=hit.end,
            text=text[hit.start : hit.end],
            category=rule.category,
            law=rule.law,
            article=rule.article,
            severity=rule.severity,
            explanation=rule.explanation,
            suggestion=rule.suggestion,
            rule_id=rule.id,
            also=rule.also,
        )

    def rule_cards(self, category: str, k: int = 3) -> list[Citation]:
        """The company's own compliance rule card sections for a category (doc_type compliance), cached."""
        if category in self._card_cache:
            return self._card_cache[category]
        if self._retriever_factory is None:
            return []
        if self._retriever is None:
            self._retriever = self._retriever_factory()
        query = _CARD_QUERIES.get(category, category.replace("_", " "))
        hits = self._retriever.search(query, k=k * 3)
        cards = [_citation(hit) for hit in hits if hit.metadata.get("doc_type") == "compliance"]
        self._card_cache[category] = cards[:k]
        return self._card_cache[category]


# What to ask the knowledge base for each category: both languages, since rule cards may be in either.
_CARD_QUERIES: dict[str, str] = {
    "absolute_terms": "compliance absolute terms superlatives 最 第一 best No.1 绝对化用语",
    "guarantees_returns": "compliance guarantees promised returns 保证 零风险 回本 risk-free",
    "unsourced_data": "compliance data claims must name their source 数据 来源 statistics",
    "disparagement": "compliance competitors disparagement 商业诋毁 comparing competitors",
    "commercial_bribery": "compliance commercial bribery kickbacks rebates 回扣 返点 入账",
    "prize_promotion": "compliance prize promotion lottery 50,000 有奖销售 抽奖",
    "trade_secrets": "compliance trade secrets competitor information 商业秘密 former employee",
    "endorsement": "compliance endorsement customer name consent 代言 推荐",
    "government_endorsement": "compliance government officials names 国家机关 特供 official endorsement",
    "medical_claims": "compliance medical health claims 治疗 疗效 cure",
}


def _citation(hit: ScoredPassage) -> Citation:
    """A retrieved rule-card passage as a Citation."""
    return Citation.from_metadata(hit.metadata, score=hit.score, snippet=hit.text[:300], today=date.today())
