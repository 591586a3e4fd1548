"""Do the documents answer this question at all? A fitted decision over question-level signals.

One hand-set threshold on one passage's relevance cannot tell "What is the parking policy?" (generic words
covered, the topic word found nowhere) from a chat-phrased question whose words the passage does not use. So the
retriever's evidence becomes a few signals (dense cosine of the best passage and its margin over the others,
IDF-weighted coverage of the question's informative terms, how much of the question the knowledge base has
never heard of, whether BM25 and the dense ranking agree on the top passage, whether one sentence holds the
asked topic, whether a line states the asked attribute with a figure) and a model fitted on labelled
answerable/unanswerable questions (a logistic regression, or boosted trees where the signals interact) turns
them into a probability. It lives with the embedding model's calibration (knowledge/calibration.yaml),
refitted with `python -m bench.fit_answerability`.
A question naming a model or a year that no retrieved passage is about is refused before any of this.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from core.text import CJK_CHAR, STOPWORDS_EN, has_cjk, split_sentences
from knowledge.grounding import chat_words, coverage, informative_terms, is_chat_word, stem, term_weight
from knowledge.qualifiers import (
    Qualifier,
    kind_qualifier,
    label_qualifier,
    place_qualifier,
    quarter_qualifier,
    sibling_model,
    suffixed_model,
    variant_qualifier,
    year_qualifier,
)
from knowledge.scope import out_of_scope

if TYPE_CHECKING:
    from knowledge.attributes import AskedAttribute
    from knowledge.calibration import Calibration
    from knowledge.lexical import LexicalIndex
    from knowledge.retriever import ScoredChunk

_MODEL_TOKEN = re.compile(r"[a-z]{1,4}-?\d{1,4}[a-z]?(?:-?[a-z]{1,4})?|\d+", re.IGNORECASE)

FEATURES = (
    "cosine_top",
    "cosine_max",
    "cosine_margin",
    "coverage_top",
    "coverage_max",
    "topic_coverage_top",
    "topic_coverage_max",
    "relevance_top",
    "unknown_share",
    "agree_top",
    "bm25_top3",
    "dense_top3",
    "translated_top3",
    "cross_language",
    "coverage_cross",
    "chinese",
    "few_terms",
    "model_named",
    "doc_topic_coverage",
    "title_coverage",
    "asks_attribute",
    "attribute_stated",
    "sentence_coverage",
    "chat_words",  # words that chat or ask (knowledge.grounding.chat_words): chat phrasing lowers every coverage
    "chat_share",
)


def topic_terms(terms: Sequence[str]) -> list[str]:
    """The informative terms without model numbers and bare numbers: what is asked about the product."""
    return [t for t in terms if not _MODEL_TOKEN.fullmatch(t)]


@dataclass(frozen=True)
class Verdict:
    """The decision and what it rested on (for `--json`, the benchmark and refitting)."""

    answerable: bool
    probability: float
    # Refused by rule, before the fitted model: "empty", "model" / "year" (no passage is about the asked one),
    # "name" (someone the documents never name), "qualifier" (a kind of thing the top document lacks), "scope"
    # (live data or workplace small talk no retrieved passage is about: knowledge.scope).
    blocked: str = ""
    features: dict[str, float] = field(default_factory=dict)
    note: str = ""  # for a refusal by rule: what the documents give instead, in the question's language
    # Answered by rule whatever the fitted probability: "attribute" (the named model's own sheet states the asked
    # attribute with a figure).
    granted: str = ""


def known_in(term: str, lex: LexicalIndex, equivalents: Callable[[str], Sequence[str]]) -> bool:
    """The knowledge base uses the term, a plural form of it, or a translation/glossary equivalent."""
    vocab = lex.vocab
    if CJK_CHAR.match(term):
        if term in vocab:
            return True
    else:
        base = stem(term)
        if any(form in vocab for form in (term, base, base + "s", base + "es")):
            return True
    return any(other.lower() in vocab for other in equivalents(term))


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Chat shorthand for everyday words ("cust", "hrs"): read as the word when the documents use the word.
SHORTHAND = {
    "cust": "customer",
    "custs": "customers",
    "hr": "hour",
    "hrs": "hours",
    "min": "minute",
    "mins": "minutes",
    "yr": "year",
    "yrs": "years",
    "wk": "week",
    "wks": "weeks",
    "mo": "month",
    "mos": "months",
    "qty": "quantity",
    "approx": "approximately",
    "info": "information",
    "mgr": "manager",
    "rep": "representative",
    "reps": "representatives",
    "dept": "department",
    "admin": "administration",
    "ops": "operations",
    "mgmt": "management",
    "acct": "account",
}
TYPO_MIN_LENGTH = 5  # shorter words are too often another real word one edit away ("cost" / "host")


def spelled(term: str, vocab: Mapping[str, int]) -> str:
    """The knowledge base's word one edit away from an English term it does not use ("warrnty" -> "warranty"),
    else the term itself: chat questions are typed fast, and a typo must not read as a topic nobody covers.
    Only words of TYPO_MIN_LENGTH letters or more; of several candidates the first in alphabetical order."""
    if CJK_CHAR.match(term) or not term.isalpha():
        return term
    if term in SHORTHAND and term not in vocab and SHORTHAND[term] in vocab:
        return SHORTHAND[term]
    if len(term) < TYPO_MIN_LENGTH:
        return term
    base = stem(term)
    if any(form in vocab for form in (term, base, base + "s", base + "es")):
        return term
    splits = [(term[:i], term[i:]) for i in range(len(term) + 1)]
    edits = [a + b[1:] for a, b in splits if b]
    edits += [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    edits += [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    edits += [a + c + b for a, b in splits for c in _LETTERS]
    found = sorted({e for e in edits if e in vocab and e != term})
    return found[0] if found else term


# A capitalised word inside an English question ("Haier", "Midea's"), not its first word.
_NAME_EN = re.compile(r"(?<=[\s(])([A-Z][a-z]+[A-Za-z]*)(?:'s)?(?![A-Za-z0-9\-])")
_QUOTED = re.compile(r"(?<![A-Za-z])['\"‘“][^'\"‘’“”]{2,80}['\"’”](?![A-Za-z])")
_CLAUSE_START = re.compile(r"(?:^|[,，\-–—…]|\b(?:hey|hi|hello|ok|okay|so))\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"'‘“])\s*$")
# jieba tags some common compounds as proper nouns ("安全类", "触摸屏", "米左右"): a word ending in a kind or model
# suffix, or opening with a unit, names no one.
_COMMON_SHAPE = re.compile(r"(?:类|屏|型|款|式|机|器|级|版|左右|上下|以上|以下)$|^[米元个台天年月周次件套张]")
_NAME_FLAGS_ZH = ("nr", "nrt", "nrfg", "nz", "nt")  # jieba's people, brands, organisations (not places: ns)
_CALENDAR = frozenset(
    w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr)
)


_NUMBER_UNITS = frozenset("十百千万亿")


def foreign_names(question: str, lex: LexicalIndex, equivalents: Callable[[str], Sequence[str]]) -> list[str]:
    """Names in the question that the knowledge base never uses, in either language: a competitor's brand
    ("Haier", "美的", "迈瑞"), another company, a sports league. A question about someone else's product is off
    the documents' topic however well its other words ("price", "ice maker") match. Places are left out (a
    travel policy answers for "Chengdu" without naming it), and so are acronyms ("KPI", "PO": everyday
    business words a knowledge base may spell out instead)."""
    found: list[str] = []
    if has_cjk(question):
        import jieba.posseg

        previous = ""
        tagged = jieba.posseg.lcut(question, HMM=False)
        for word, flag in tagged:
            after_number, previous = previous[-1:].isdigit() and word[:1] in _NUMBER_UNITS, word
            if flag not in _NAME_FLAGS_ZH or len(word) < 2 or is_chat_word(word) or _COMMON_SHAPE.search(word):
                continue
            if after_number:
                continue  # "300万能拿": the 万 belongs to the number, jieba's 万能 (all-purpose) names no one
            if known_in(word, lex, equivalents):
                continue
            if len(word) >= 3 and any(word[i : i + 2] in lex.vocab for i in range(len(word) - 1)):
                continue  # 公司简介: jieba's guess of a name, made of words the documents use
            found.append(word)
        opening = [(word, flag) for word, flag in tagged if word.strip()][:2]
        found.extend(
            w for w in _coined_companies(question, opening) if w not in found and not known_in(w, lex, equivalents)
        )
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group(0)), question)  # a quoted title names no one
    for match in _NAME_EN.finditer(unquoted):
        word = match.group(1)
        lowered = word.lower()
        if _SENTENCE_END.search(unquoted[: match.start()]) or lowered in STOPWORDS_EN or lowered in _CALENDAR:
            continue
        if is_chat_word(lowered) and _CLAUSE_START.search(unquoted[: match.start()]):
            continue  # "Hey, Quick one": chat opening a clause; "does Quick sell" names a brand
        if known_in(lowered, lex, lambda term: [*equivalents(term), *lex.translate(term)]) or _place(lowered):
            continue
        if SHORTHAND.get(lowered) in lex.vocab:
            continue  # "Sales Admin" where the documents write "Sales Administration"
        found.append(word)
    return found


# Words that follow a company's name: "丰禾农机", "杭叉集团", "华达科技", "海川牌".
_COMPANY_WORDS = frozenset(
    {"公司", "集团", "股份", "科技", "电器", "电气", "机械", "重工", "实业", "农机", "品牌", "牌", "厂", "厂家"}
    | {"家电", "制造", "控股", "有限公司", "农科"}
)


# A trade word of a company's name, "X业" ("坚邦胶业", "晨光纸业"): after a coined word, a name whatever jieba tags it.
_TRADE = re.compile(r"[\u4e00-\u9fff]业")


def _coined_companies(question: str, opening: Sequence[tuple[str, str]] = ()) -> list[str]:
    """Names jieba's dictionary does not hold, found by its HMM: a rival's brand that the dictionary pass splits
    into single characters (丰/禾, 迈/瑞, 澜/溪). Such a name stands before a company word ("丰禾农机那款拖拉机")
    or opens the question before a noun ("迈瑞监护仪现在报价多少", "澜溪卫浴的感应龙头") or a company word whatever
    its tag ("禾润农科的注肥机报价"). `opening` is the dictionary
    pass's first (word, flag) pairs: a question that opens with two single characters, one of them a noun (迈/瑞,
    not the verb and adjective of 招/大客户经理), is tagged again with the HMM."""
    opens_split = (
        len(opening) >= 2
        and all(len(word) == 1 and CJK_CHAR.match(word) for word, _flag in opening[:2])
        and any(flag.startswith("n") for _word, flag in opening[:2])
    )
    if not opens_split and not any(word in question for word in _COMPANY_WORDS):
        return []  # nothing a coined name could be: no second tagging pass on the answer path
    import jieba
    import jieba.posseg

    jieba.dt.check_initialized()
    tagged = jieba.posseg.lcut(question, HMM=True)
    return [
        word
        for index, ((word, flag), (after, after_flag)) in enumerate(itertools.pairwise(tagged))
        if len(word) >= 2
        and (after in _COMPANY_WORDS or (index == 0 and opens_split and after_flag.startswith("n")))
        and (
            flag in (*_NAME_FLAGS_ZH, "ns")
            or (index == 0 and opens_split and _TRADE.fullmatch(after))
            # a noun only the HMM made up, opening the question before a company word ("禾润农科的注肥机"; not
            # the verb of "有家公司…")
            or (index == 0 and after in _COMPANY_WORDS and flag.startswith("n"))
        )
        and not jieba.dt.FREQ.get(word)
        and CJK_CHAR.match(word)
    ]


@lru_cache(maxsize=1)
def _english_heads() -> dict[str, tuple[str, ...]]:
    """CC-CEDICT read backwards for proper names: the first word of a capitalised gloss -> its headwords
    ("chengdu" -> 成都 from "Chengdu subprovincial city ..."). knowledge.dictionary keeps only short glosses,
    which leaves most places out, so the file is read here (once, only when a question names something)."""
    import gzip

    from knowledge.dictionary import _cedict_path

    path = _cedict_path()
    heads: dict[str, list[str]] = {}
    if path is None:
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            head, _, rest = line.partition(" [")
            gloss = rest.partition("] /")[2]
            first = _GLOSS_NAME.match(gloss)
            if first and not line.startswith("#"):
                heads.setdefault(first.group(1).lower(), []).append(head.partition(" ")[2])
    return {word: tuple(found) for word, found in heads.items()}


_GLOSS_NAME = re.compile(r"([A-Z][a-z]+)\b")


def _place(word: str) -> bool:
    """The dictionary gives the word as the name of a place (成都 for "chengdu": jieba tags it ns)."""
    import jieba.posseg

    for head in _english_heads().get(word, ()):
        tagged = jieba.posseg.lcut(head, HMM=False)
        if len(tagged) == 1 and tagged[0].flag == "ns":
            return True
    return False


def _known_part(term: str, lex: LexicalIndex) -> bool:
    """A Chinese word of three or more characters whose two-character part the documents use ("软水机" where
    they say "软水器"): a variant of a known word, not a topic nobody covers."""
    return (
        len(term) >= 3
        and bool(CJK_CHAR.match(term))
        and any(term[i : i + 2] in lex.vocab for i in range(len(term) - 1))
    )


def _model_named(question: str, hit: ScoredChunk) -> float:
    """1 when the question names a model and the passage's title or heading names exactly that model."""
    from knowledge.retriever import designations

    wanted = designations(question)
    if not wanted:
        return 0.0
    named = designations(f"{hit.metadata.get('title', '')}\n{hit.section}")
    return float(bool(wanted & named))


def signals(
    question: str,
    hits: Sequence[ScoredChunk],
    lex: LexicalIndex,
    equivalents: Callable[[str], Sequence[str]],
) -> dict[str, float]:
    """The question-level signals the fitted model reads (FEATURES), all on roughly 0..1 scales."""
    top = hits[0]
    cosines = [h.cosine for h in hits if h.cosine is not None]
    cosine_top = top.cosine if top.cosine is not None else 0.0
    cosine_max = max(cosines) if cosines else 0.0
    others = [c for c in cosines[1:]]
    terms = tuple(dict.fromkeys(spelled(t, lex.vocab) for t in informative_terms(question)))
    total = unknown = 0.0
    for term in terms:
        weight = term_weight(term, lex.term_idf)
        total += weight
        if not known_in(term, lex, equivalents) and not _known_part(term, lex):
            unknown += weight
    # The topic without the product: "CK-C10 ... weigh" against the CK-C10 sheet is covered by its model
    # number, which outweighs the asked attribute; a near miss shows when the attribute is left alone.
    topic = topic_terms(terms)
    topical = [
        coverage(topic, f"{h.metadata.get('title', '')}\n{h.section}\n{h.text}", lex.term_idf, equivalents)
        if topic
        else h.coverage
        for h in hits
    ]
    # The document's retrieved passages, not only the best one: a product sheet answers "CS-100 目录价" in its
    # pricing section while its overview ranked first. (The whole document was tried: a long policy then covers
    # any question's words, "年度旅游" included, and the sample holdout's refusals fell 27 -> 24 of 30.)
    same_doc = "\n".join(
        f"{h.metadata.get('title', '')}\n{h.section}\n{h.text}" for h in hits if h.source == top.source
    )
    doc_topic = coverage(topic, same_doc, lex.term_idf, equivalents) if topic else topical[0]
    title = f"{top.metadata.get('title', '')}\n{top.section}"
    # One sentence of the best document holding the asked topic, not its words scattered over a passage: "book
    # a company car" finds "book", "company" and "car" in a travel policy's three different rules.
    sentence_topic = max(
        (
            coverage(topic or terms, f"{h.section}\n{sentence}", lex.term_idf, equivalents)
            for h in hits
            if h.source == top.source
            for sentence in split_sentences(h.text)
        ),
        default=0.0,
    )
    asks, stated = _attribute_signals(question, [h.text for h in hits if h.source == top.source], lex.translate)
    language = "zh" if has_cjk(question) else "en"
    cross = float(bool(top.language) and top.language != language)
    chatty, words = chat_words(question)
    return {
        "cosine_top": cosine_top,
        "cosine_max": cosine_max,
        "cosine_margin": cosine_max - (sum(others) / len(others) if others else 0.0),
        "coverage_top": top.coverage,
        "coverage_max": max(h.coverage for h in hits),
        "topic_coverage_top": topical[0],
        "topic_coverage_max": max(topical),
        "relevance_top": top.relevance,
        "unknown_share": unknown / total if total else 1.0,
        "agree_top": float(top.ranks.get("bm25") == 1 and top.ranks.get("dense") == 1),
        "bm25_top3": float(0 < top.ranks.get("bm25", 99) <= 3),
        "dense_top3": float(0 < top.ranks.get("dense", 99) <= 3),
        "translated_top3": float(0 < top.ranks.get("bm25_translated", 99) <= 3),
        "cross_language": cross,
        "coverage_cross": top.coverage * cross,
        "chinese": float(language == "zh"),
        "few_terms": float(len(terms) <= 1),
        "model_named": _model_named(question, top),
        "doc_topic_coverage": doc_topic,
        "title_coverage": coverage(terms, title, lex.term_idf, equivalents) if terms else 0.0,
        "asks_attribute": asks,
        "attribute_stated": stated,
        "sentence_coverage": sentence_topic,
        "chat_words": float(chatty),
        "chat_share": chatty / words if words else 0.0,
    }


def _attribute_signals(
    question: str, passages: Sequence[str], translate: Callable[[str], Sequence[str]]
) -> tuple[float, float]:
    """(the question asks a figure of a known attribute: price, weight, warranty, duration...; the best
    document's retrieved passages hold a line naming each asked attribute with a figure). The answer's own
    evidence, whatever the question's wording: "去上海出差，酒店每晚能报多少？" shares few words with "Hotel
    limits per night: Tier 1 cities ¥550", yet the line names a price and states one; a near miss about
    another year's price or a figure the sheet never gives finds no such line or fails elsewhere."""
    from knowledge.attributes import asked_attributes

    attributes = asked_attributes(question, translate=translate)
    if not attributes:
        return 0.0, 0.0
    return 1.0, float(all(_stated(question, "\n".join(passages), attributes)))


def _stated(question: str, text: str, attributes: Sequence[AskedAttribute]) -> list[bool]:
    """For each asked attribute, whether it is named on a line of the text that states a figure (the composer's
    own test of a figure: a model number or a list number alone is none)."""
    from knowledge.answer import states_figure

    lines = [line for line in text.splitlines() if states_figure(_LIST_NUMBER.sub("", line), question)]
    return [any(attribute.in_text(line) for line in lines) for attribute in attributes]



# Terms a document states with a figure when it gives them at all, and that sound covered by a neighbouring
# document: a commission plan for a base salary, a collection procedure for an interest rate. (Every attribute was
# measured: a time limit or a warranty is too often stated in words the attribute table does not know, and the
# rule cost 90 key facts for 15 refusals on the labelled sets.)
UNSTATED_REFUSED = ("salary", "interest")
_YES_NO = re.compile(r"[吗么][？?]?\s*$|有没有|是否|^(?:is|are|does|do|did|can|will) ", re.IGNORECASE)


def unstated_attribute(question: str, document: str, translate: Callable[[str], Sequence[str]]) -> Qualifier | None:
    """The question asks a base salary or an interest rate (UNSTATED_REFUSED) that no line of the top document
    states with a figure: "按什么利率收滞纳金" finds the collection procedure, whose steps give days and roles but
    no rate, and its nearest lines are no answer."""
    from knowledge.attributes import ATTRIBUTES, asked_attributes

    if _YES_NO.search(question):
        return None  # "有利息吗": "不计利息" answers it without a figure
    asked = [a for a in asked_attributes(question, translate=translate) if a.name in UNSTATED_REFUSED]
    if not asked or any(_stated(question, document, asked)):
        return None
    cue = next(match for a in ATTRIBUTES if a.name == asked[0].name and (match := a.cue.search(question)))
    return Qualifier("attribute", cue.group(0).strip(), ())


def near_miss(
    question: str,
    hits: Sequence[ScoredChunk],
    lex: LexicalIndex,
    equivalents: Callable[[str], Sequence[str]],
    document: str = "",
) -> Qualifier | None:
    """What the question asks that the top document lacks while it has siblings of it (knowledge.qualifiers):
    another year, a suffixed or sibling model, another kind of a listed thing. `document` is the top document's whole
    text; without it, the retrieved passages of that document stand for it."""
    from knowledge.retriever import designations, years_in

    top = hits[0]
    if not document:
        document = "\n".join(f"{h.section}\n{h.text}" for h in hits if h.source == top.source)
    title = str(top.metadata.get("title", ""))
    document = f"{title}\n{document}"
    asked = [base for base, _variant in designations(question)]
    return (
        year_qualifier(years_in(question), document, years_in)
        or suffixed_model(asked, lex.model_bases())
        or sibling_model(asked, lex.model_bases(), [base for base, _ in designations(f"{title}\n{top.section}")])
        or kind_qualifier(
            question,
            document,
            lambda term: known_in(term, lex, equivalents),
            equivalents,
            lex.translate,
        )
        or variant_qualifier(question, document, lambda term: [*equivalents(term), *lex.translate(term)])
        or label_qualifier(question, document)
        or quarter_qualifier(question, document)
        or place_qualifier(question, document)
        or unstated_attribute(question, document, lex.translate)
    )


_LIST_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.、)]?|[(（]\d+[)）])\s*")  # "2.1 ", "3、", "(2)": not a figure


def states_asked_attribute(
    question: str, top: ScoredChunk, document: str, translate: Callable[[str], Sequence[str]]
) -> bool:
    """The question names a model and asks one of its attributes (weight, price, power...: knowledge.attributes),
    the best passage's document is that model's own sheet (its title names exactly the asked model), and a line
    of the sheet states the attribute with a figure. Such a question is answered whatever its wording: "How heavy
    is the LW-20?" shares no word with "整机重量：520 kg", and a chat question's fillers sink its coverage, yet
    the sheet of the very model asked holds the figure. A near miss fails a condition: a model nobody sells
    names no sheet, an attribute the sheet never states has no line."""
    from knowledge.attributes import asked_attributes
    from knowledge.retriever import designations, is_sheet_of, years_in

    wanted = designations(question)
    if not document or not is_sheet_of(wanted, top):
        return False
    asked_years = years_in(question)
    if asked_years and not asked_years & years_in(document):
        return False  # "the 2024 price list's JP-3020 price": a sheet that names no 2024 cannot vouch for it
    attributes = asked_attributes(question, translate=translate)
    return bool(attributes) and all(_stated(question, document, attributes))


def _where(hit: ScoredChunk) -> str:
    title = str(hit.metadata.get("title", "") or hit.source)
    section = hit.section.split(">")[-1].strip()
    return f"{title} › {section}" if section and section != title else title


def judge(
    question: str,
    hits: Sequence[ScoredChunk],
    lex: LexicalIndex,
    calibration: Calibration,
    equivalents: Callable[[str], Sequence[str]],
    *,
    fallback_threshold: float,
    document: str = "",
    sheet: tuple[ScoredChunk, str] | None = None,
) -> Verdict:
    """Answerable or not. First the rules: a model or year no passage is about (the retriever's `blocked`), a
    name the documents never use (`foreign_names`), a qualifier the top document lacks among its siblings
    (`near_miss`; `document` is its whole text). `sheet` is the asked model's own sheet (a passage and its
    document's text) when another document ranked first: the attribute rule reads it instead of the top one.
    Then the fitted model on the signals; without one in the calibration, the best passage's relevance
    against `fallback_threshold` decides (the rule before the fitted model)."""
    if not hits:
        return Verdict(False, 0.0, "empty")
    if hits[0].blocked and all(h.blocked for h in hits):
        return Verdict(False, 0.0, hits[0].blocked)
    # A passage about another year ("Spring Campaign 2024" for a 2026 question) cannot answer: the signals
    # read the passages that can.
    first = hits[0].blocked
    hits = [h for h in hits if not h.blocked]
    features = signals(question, hits, lex, equivalents)
    if first:
        # The best-ranked passage is about another year ("Commission Plan 2025" for a 2023 question): what
        # ranks below it answers for some other time or nothing; on every tunable set such questions were
        # near misses.
        return Verdict(False, 0.0, first, features)
    if foreign_names(question, lex, equivalents):
        return Verdict(False, 0.0, "name", features)
    if out_of_scope(question, hits):
        return Verdict(False, 0.0, "scope", features)
    qualifier = near_miss(question, hits, lex, equivalents, document)
    if qualifier is not None:
        language = "zh" if has_cjk(question) else "en"
        return Verdict(False, 0.0, "qualifier", features, qualifier.note(language, _where(hits[0])))
    model = calibration.answerability
    if model is None:
        ok = hits[0].relevance >= fallback_threshold
        return Verdict(ok, hits[0].relevance, "", features)
    probability = round(model.probability(features), 4)
    own, own_document = sheet if sheet is not None else (hits[0], document)
    if states_asked_attribute(question, own, own_document, lex.translate):
        return Verdict(True, probability, "", features, granted="attribute")
    return Verdict(probability >= model.threshold, probability, "", features)
