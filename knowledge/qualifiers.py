"""Near misses: a question that asks about a qualifier the right document does not have, while it has siblings.

"钻石级经销商能拿到多少进货折扣？" finds the dealer policy, which gives the 金牌 and 银牌 dealers' discounts; "What
was the LB-200 list price back in 2024?" finds the LB-200 sheet with this year's price. Every signal of the
topical gate says "answerable" (the document is about the asked topic), yet the asked qualifier is not there and
a sibling of the same kind is: the honest answer is to say what the documents do cover. The kinds are found by
their shape, never by a list of one company's words:

- a year the document does not give, where it gives others;
- a model whose trailing letter makes another product: "CS-80A" where only the CS-80 exists and no model of
  that family is written with a trailing letter (in a family with "ST-3S", "ST-5A" may be a way of writing);
- a model the documents never name whose sibling (same family letters) the top passage is about ("SP-20"
  against the SP-10 sheet), where the documents know too few of the family for the retriever's family rule;
- a variant the question asks after by name ("the single-phase version of the HP-200", "有香槟金配色吗",
  "灰色款多少钱", "in coffee colour", "in US dollars") that the document never mentions;
- a modifier of a word the document lists several kinds of: the question's term right before a head word
  ("钻石级 经销商", "platinum dealers") that the knowledge base never uses, while the document puts two or
  more other words right before that head word ("金牌经销商", "银牌经销商").

The check reads the whole top document (all its passages), so a sibling named in another section still counts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.text import CJK_CHAR, STOPWORDS
from knowledge.grounding import informative_terms, stem, term_present

# Words that say which one rather than what kind: a document that lists "all dealers", "其他经销商" or
# "each tier" has no sibling kinds in them.
_NOT_KINDS_EN_TEXT = """
    all any each every other others another same such new old our your their its this that these those
    which what whose per one two three more most less least many much few several both either neither
    first second last next previous current total"""
_NOT_KINDS_ZH_TEXT = "所有 全部 其他 其它 各 各类 各级 每个 每家 每位 该 本 此 这些 那些 以上 以下 相关 对应 上述 下列"
_NOT_KINDS_EN = frozenset(_NOT_KINDS_EN_TEXT.split())
_NOT_KINDS_ZH = frozenset(_NOT_KINDS_ZH_TEXT.split())
# Asked words that say how big or what the asker wants, not which kind: "big orders" is not a kind of order that
# "urgent/same-day orders" lacks, "想要样品" asks for samples.
_NOT_ASKED_KINDS_TEXT = """
    big bigger biggest large larger largest small smaller smallest huge tiny bulk major minor massive
    想要 需要 想 要 申请 办理 购买 采购 订购 提供 使用 安排 准备"""
_NOT_ASKED_KINDS = frozenset(_NOT_ASKED_KINDS_TEXT.split())
_CJK_WORD = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*|[\u3400-\u9fff]+")  # a qualifier is a word: "3-year", "180k" are amounts
SIBLINGS_NEEDED = 2  # other words the document puts before the head word: a list of kinds, not one phrase


@dataclass(frozen=True)
class Qualifier:
    """What the question asks for that the document lacks (`asked`), and what it has instead (`have`)."""

    kind: str  # "year", "model", "kind" or "variant"
    asked: str
    have: tuple[str, ...]
    head: str = ""

    def note(self, language: str, where: str) -> str:
        """One sentence for the refusal: what the documents give, not the asked one."""
        if not self.have:  # a variant the document never mentions: nothing of its kind to offer instead
            return f"{where}没有提到{self.asked}。" if language == "zh" else f"{where} does not mention {self.asked}."
        have = ("、" if language == "zh" else "/").join(self.have[:4])
        if language == "zh":
            head = self.head if self.head and CJK_CHAR.search(self.head) else ""
            return f"资料里有{have}{head}的内容（{where}），没有{self.asked}{head}的。"
        head = f" {self.head}" if self.head and not CJK_CHAR.search(self.head) else ""
        return f"The documents give {have}{head} ({where}), not {self.asked}{head}."


def year_qualifier(asked: set[str], document: str, years_in: Callable[[str], set[str]]) -> Qualifier | None:
    """The question names a year the document never gives, while the document gives other years."""
    return _another_period("year", asked, document, years_in)


def _another_period(
    kind: str, asked: set[str], document: str, periods_in: Callable[[str], set[str]]
) -> Qualifier | None:
    """The asked periods are none of those the document gives, and it gives some: it is about another time."""
    if not asked:
        return None
    have = periods_in(document)
    if not have or asked & have:
        return None
    return Qualifier(kind, "/".join(sorted(asked)), tuple(sorted(have, reverse=True)))


# An enumerated label: "Level D", "Tier 4", "Class II", "Category B"; "D类客户", "三级经销商" (with the noun it sorts).
_LABEL_EN = re.compile(
    r"\b(level|tier|class|grade|category|type|zone|band|phase|stage)\s+([A-Z]|\d{1,2}|[IVX]{1,4})\b(?![\w-])",
    re.IGNORECASE,
)
_LABEL_ZH = re.compile(
    r"(?<![A-Za-z\d一二三四五六七八九十])([A-Z]|[一二三四五六七八九十])\s*(级|类|档)(?=[\u4e00-\u9fff]{2})"
)
SIBLING_LABELS = 2  # other values of the label the document gives, for a missing one to be a case it lacks


def label_qualifier(question: str, document: str) -> Qualifier | None:
    """An enumerated label the question asks about ("Level D complaint", "D类客户") that the document never
    gives while it gives SIBLING_LABELS or more other values of it (Levels A, B and C; A类、B类客户): a case
    the policy does not have. A Chinese label counts only with the noun it sorts (三级经销商 against 一级、
    二级经销商, not against a delay's 一级、二级)."""
    for match in _LABEL_EN.finditer(question):
        word, value = match.group(1).lower(), match.group(2)
        if value.isalpha() and value.islower():
            continue  # "type a question": no label
        have = {m.group(2).upper() for m in _LABEL_EN.finditer(document) if m.group(1).lower() == word}
        if value.upper() not in have and len(have) >= SIBLING_LABELS:
            return Qualifier("kind", f"{word.title()} {value}", tuple(f"{word.title()} {v}" for v in sorted(have)))
    for match in _LABEL_ZH.finditer(question):
        value, unit = match.groups()
        noun = _first_word(question[match.end() :])
        if len(noun) < 2:
            continue
        labels = _LABEL_ZH.finditer(document)
        have = {m.group(1) for m in labels if m.group(2) == unit and document.startswith(noun, m.end())}
        if value not in have and len(have) >= SIBLING_LABELS:
            return Qualifier("kind", f"{value}{unit}", tuple(f"{v}{unit}" for v in sorted(have)), noun)
    return None


# A quarter: "Q3", "third quarter", "三季度", "第二季度", "2季度".
_QUARTER = re.compile(
    r"\bQ([1-4])\b|\b(first|second|third|fourth) quarter\b|第?([一二三四1-4])季度", re.IGNORECASE
)
_QUARTER_NUMBER = {"first": "1", "second": "2", "third": "3", "fourth": "4", "一": "1", "二": "2", "三": "3", "四": "4"}


def _quarters(text: str) -> set[str]:
    """The quarters a text names, written "Q1".."Q4"."""
    out = set()
    for match in _QUARTER.finditer(text):
        word = next(group for group in match.groups() if group)
        out.add(f"Q{_QUARTER_NUMBER.get(word.lower(), word)}")
    return out


def quarter_qualifier(question: str, document: str) -> Qualifier | None:
    """The question names a quarter the document never gives while it gives another ("三季度的促销" against a
    second-quarter promotion): the year rule's reasoning, a quarter finer."""
    return _another_period("quarter", _quarters(question), document, _quarters)


# Abroad, and the places abroad a sales team travels or sells to: world knowledge, not any company's words. A
# question about one of them ("hotel cap in Singapore", "去香港出差的住宿标准") finds the domestic travel policy,
# whose city tiers answer for Chengdu without naming it but say nothing of Singapore.
_ABROAD_EN = re.compile(
    r"\b(?:abroad|overseas|foreign|Hong Kong|Macau|Macao|Taiwan|Singapore|Japan|Korea|"
    r"Thailand|Vietnam|Malaysia|Indonesia|Philippines|India|Dubai|UAE|Saudi Arabia|Europe|Germany|France|"
    r"Britain|London|United States|America|Canada|Australia|Brazil|Mexico|Russia|Africa|Middle East|"
    r"Southeast Asia)\b|\b(?:USA|UK|EU)\b|\bUS\b(?!\s*(?:dollars?|\$))"
)
_ABROAD_ZH = re.compile(
    r"国外|海外|境外|出国|香港|澳门|台湾|新加坡|日本|韩国|泰国|越南|马来西亚|印尼|印度尼西亚|菲律宾|印度|迪拜|"
    r"阿联酋|沙特|欧洲|欧盟|德国|法国|英国|美国(?!元)|加拿大|澳大利亚|澳洲|巴西|墨西哥|俄罗斯|非洲|中东|东南亚"
)
# A document that speaks of selling abroad at all covers it somewhere: its export terms are the answer's place.
_EXPORT = re.compile(r"\bexport\w*|\bimport\w*|\binternational\w*|出口|进口|外贸|国际", re.IGNORECASE)


def place_qualifier(question: str, document: str) -> Qualifier | None:
    """The question asks about a place abroad (or abroad itself) and the document names no place abroad and
    no export at all: its rules are the domestic ones."""
    asked = [m.group(0) for pattern in (_ABROAD_EN, _ABROAD_ZH) for m in pattern.finditer(question)]
    if not asked:
        return None
    lowered = document.lower()
    if _ABROAD_ZH.search(document) or _EXPORT.search(document) or _ABROAD_EN.search(document):
        return None
    if any(place.lower() in lowered for place in asked):
        return None
    return Qualifier("place", asked[0], ())


def _first_word(text: str) -> str:
    import jieba

    words = jieba.lcut(text[:12], HMM=False)
    return words[0] if words else ""


def suffixed_model(asked: Sequence[str], known: frozenset[str]) -> Qualifier | None:
    """An asked model the documents do not name whose base without its trailing letter they do ("cs80a" when
    only "cs80" is named, "fy230s" beside the documented "fy230" and "fy230d"): the letter makes a product the
    documents do not cover, not a way of writing a known one. A family that writes other variants with letters
    gives no cover: over the labelled sets such questions were all near misses (4 more refused, none answerable
    lost)."""
    for base in asked:
        if base in known or not base[-1].isalpha() or base[:-1] not in known:
            continue
        return Qualifier("model", base.upper(), (base[:-1].upper(),))
    return None


def sibling_model(asked: Sequence[str], known: frozenset[str], named: Sequence[str]) -> Qualifier | None:
    """Every asked model is one the documents never name, and the top passage's title names another model
    of the same letters ("SP-20" against the SP-10 sheet, "CK-S100" against the CK-S60's): that sheet is about
    a sibling, not the asked product. An asked model that is the start of a known one ("ST-3" for the ST-3S)
    or a known one with a letter added (`suffixed_model`'s case) is left alone."""
    unknown = [
        base
        for base in asked
        if base not in known
        and not any(other.startswith(base) for other in known)
        and not (base[-1].isalpha() and base[:-1] in known)
    ]
    if not unknown or len(unknown) < len(asked):
        return None
    for base in unknown:
        siblings = [other for other in named if _letters(other) == _letters(base) and other != base]
        if _letters(base) and siblings:
            return Qualifier("model", base.upper(), tuple(other.upper() for other in siblings))
    return None


def _letters(base: str) -> str:
    """The family letters a joined model designation starts with ("sp" of "sp20")."""
    match = _LETTERS.match(base)
    return match.group(0) if match else ""


_LETTERS = re.compile(r"[a-z]+")


def _before(head: str, document: str) -> list[str]:
    """The words the document puts right before `head` (Chinese: the preceding word of its segmentation;
    English: the preceding token)."""
    out: list[str] = []
    if CJK_CHAR.match(head):
        import jieba

        for run in _CJK_WORD.findall(document):
            if head not in run:
                continue
            words = jieba.lcut(run, HMM=False)
            for i, word in enumerate(words):
                if i and (word == head or (word.startswith(head) and len(word) <= len(head) + 1)):
                    previous = words[i - 1]
                    if len(previous) >= 2 and previous not in STOPWORDS and previous not in _NOT_KINDS_ZH:
                        out.append(previous)
        return out
    # Only a word a space apart: "com/warranty" of a web address or "units, warranty" puts no kind before it.
    tokens = list(re.finditer(r"[A-Za-z][A-Za-z0-9\-]*", document))
    wanted = stem(head.lower())
    for before, token in itertools.pairwise(tokens):
        if stem(token.group(0).lower()) != wanted or not document[before.end() : token.start()].isspace():
            continue
        if before.start() and document[before.start() - 1] in "./@":
            continue  # the end of an address ("hanbingcc.com")
        previous = before.group(0).lower()
        if len(previous) >= 2 and previous not in STOPWORDS and previous not in _NOT_KINDS_EN:
            out.append(previous.split("-")[0])
    return out


def kind_qualifier(
    question: str,
    document: str,
    known: Callable[[str], bool],
    equivalents: Callable[[str], Sequence[str]],
    translate: Callable[[str], Sequence[str]] = lambda word: (),
) -> Qualifier | None:
    """A question term right before a head word, absent from the document (in any of its equivalents) and
    unknown to the knowledge base, while the document puts SIBLINGS_NEEDED or more other words before the
    head word (in the question's language or through the head word's equivalents)."""
    terms = informative_terms(question)
    for modifier, head in itertools.pairwise(terms):
        if modifier in _NOT_ASKED_KINDS or not _WORD.fullmatch(modifier):
            continue
        if _present(modifier, document, equivalents) or known(modifier):
            continue
        # "gold-level": its first word is what tells the kinds apart, and may be in the document in the
        # other language ("gold" -> 金牌).
        first = modifier.split("-")[0]
        if first != modifier and (known(first) or _present(first, document, lambda word: translate(word))):
            continue
        if not _adjacent(question, modifier, head):
            continue
        for form in (head, *equivalents(head)):
            if not (form in document if CJK_CHAR.match(form) else term_present(form, document)):
                continue
            siblings = listed([w for w in dict.fromkeys(_before(form, document)) if w != modifier], document)
            if len(siblings) >= SIBLINGS_NEEDED:
                return Qualifier("kind", modifier, tuple(siblings), form)
    return None


_LIST_GLUE = r"\s*(?:[、,，/]|和|及|与|或|\band\b|\bor\b)\s*"


def listed(words: Sequence[str], document: str) -> list[str]:
    """The words that the document lists next to another of them ("金牌、银牌和普通", "Gold, Silver or
    Bronze"): kinds of one thing, not words that merely happen to stand before the same noun."""
    lowered = document.lower()
    out: list[str] = []
    for a in words:
        for b in words:
            if a != b and re.search(re.escape(a.lower()) + _LIST_GLUE + re.escape(b.lower()), lowered):
                out.extend(w for w in (a, b) if w not in out)
    return out


def _present(term: str, document: str, equivalents: Callable[[str], Sequence[str]]) -> bool:
    if term_present(term, document):
        return True
    for other in equivalents(term):
        if CJK_CHAR.search(other):
            if other in document:
                return True
        elif all(term_present(w, document) for w in other.split()):
            return True
    return False


def _adjacent(question: str, modifier: str, head: str) -> bool:
    """The modifier stands right before the head word in the question ("platinum dealers", "钻石级经销商",
    "CE 证书"), at most a hyphen, a space, 的 or one Chinese character ("级", "类") between them."""
    pattern = rf"{re.escape(modifier)}(?:[\s\-]|[\u3400-\u9fff])?{re.escape(head)}"
    return bool(re.search(pattern, question.lower()))


_COLOURS = "red|blue|green|black|white|grey|gray|silver|gold|pink|purple|yellow|orange|brown|beige|ivory|navy|champagne"
# A question asking after a variant by name: the captured words name it.
_VARIANT_ASKS = (
    re.compile(r"\b(?:the|a|an)\s+([\w°./-]+(?:\s[\w°./-]+){0,3}?)\s+(?:version|variant|edition)\s+of\b", re.I),
    re.compile(r"\bin\s+([a-z-]+(?:\s[a-z-]+)?)\s+colou?r\b", re.I),
    re.compile(
        rf"\b(?:in|with)\s+(?:a\s+)?((?:(?:rose|light|dark|matte?|metallic)\s+)?(?:{_COLOURS}))\b(?!\s+colou?r)", re.I
    ),
    re.compile(r"\bthe\s+([\w-]+(?:\s[\w-]+){0,3}?)\s+option\s+(?:for|on|of)\b", re.I),
    re.compile(r"(?:选|要|做|换|配)([\u4e00-\u9fff]{1,5}?)(?:配色|颜色|色)的?(?:要|需要)?(?:加|多少)"),
    re.compile(r"\b(?:in|into)\s+(us dollars|usd|euros?|eur|us\$)(?:\W|$)", re.I),
    re.compile(r"有(?:没有)?([\u4e00-\u9fffA-Za-z0-9]{1,8}?)的?(?:版本|版|款|配色|颜色)(?:吗|么|\?|？|，|,|$)"),
    re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,6}?)(?:版|款)的?(?:多少钱|价格|报价|售价|卖多少)"),
)


def variant_qualifier(question: str, document: str, equivalents: Callable[[str], Sequence[str]]) -> Qualifier | None:
    """The question asks after a named variant ("the single-phase 220 V version of the HP-200", "有柴油机驱动的
    版本吗", "in coffee colour") and a word naming it is nowhere in the document, in none of its equivalents:
    the sheet covers the product, not that variant. A variant the sheet names ("有白色款吗" on a
    sheet listing 白色) is answered."""
    chinese_document = len(CJK_CHAR.findall(document)) * 2 > len(document.replace(" ", ""))
    for pattern in _VARIANT_ASKS:
        match = pattern.search(question)
        if match is None:
            continue
        named = match.group(1).strip()
        if _POINTING.search(named):
            continue  # "最贵的那款": which one, not a variant's name
        words = [w for w in informative_terms(named) if not w.isdigit()] or ([named] if named else [])
        for word in words:
            parts = word.split("-")
            if _present(word, document, equivalents) or all(_present(p, document, equivalents) for p in parts):
                continue
            if bool(CJK_CHAR.match(word)) != chinese_document and not equivalents(word):
                continue  # "高杯" against an English sheet with no translation known: no telling it is absent
            return Qualifier("variant", named, ())
    return None


_POINTING = re.compile(r"[那这哪每各几]|什么|最")
