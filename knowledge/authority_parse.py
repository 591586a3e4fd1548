"""Understanding authority questions in English and Chinese: what is asked (discount, payment terms, gift)
and how much, so the desk can decide from policy instead of paraphrasing a retrieved paragraph.

Deliberately rule-based, because the numbers must be exact (九折 is 10% off, 两个月 is 60 days, 1千元 is
1,000 CNY). A question counts as an authority question only when an authority cue (discount, off, terms,
账期, gift, 送 ...) sits with a number of the right kind, or, without a number, when it asks about a limit
("how much ...", "最多 ..."). Everything else goes to document retrieval, including "what's our collection
rate target 95%?".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from knowledge.policy import SECTIONS, Kind, Unit
from knowledge.text import has_cjk

Language = Literal["en", "zh"]


# --- numbers ------------------------------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN_NUM = "零〇一二两三四五六七八九十百千万"

_EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_WORD = "|".join(sorted([*_EN_ONES, *_EN_TENS], key=len, reverse=True))
# "forty-five", "sixty", "a hundred and twenty", "two"
_EN_TWO_WORDS = rf"(?:{_EN_WORD})(?:[-\s](?:{_EN_WORD}))?"
_EN_NUMBER = rf"(?:(?<![a-z]){_EN_TWO_WORDS}(?:\s+hundred(?:\s+and\s+{_EN_TWO_WORDS})?)?)"

# An Arabic amount (thousands separators, decimals, optional 千/万/k multiplier) or a run of Chinese numerals.
# Every number pattern starts only where a number starts (the lookbehinds): without them a long run of digits
# or numerals is retried from each position, which turns a pasted 2,000-digit string into seconds of work.
_ARABIC = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_CN_RUN = rf"(?<![{_CN_NUM}])[{_CN_NUM}]+"
_AMOUNT = rf"(?:(?:{_ARABIC})\s*(?:[千万]|k\b)?|{_CN_RUN})"


def cn_number(text: str) -> float | None:
    """Chinese numerals, possibly mixed with Arabic digits: 八百, 两千五 (= 2,500), 十五, 1千, 1.5万."""
    text = text.replace(",", "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    result = 0.0
    section = 0.0
    number: float | None = None
    last_unit = 0
    after_zero = False
    for match in re.finditer(rf"\d+(?:\.\d+)?|[{_CN_NUM}]", text):
        token = match.group(0)
        if token[0].isdigit():
            number = float(token)
        elif token in _CN_DIGITS:
            after_zero = after_zero or token in "零〇"
            number = float(_CN_DIGITS[token])
        elif token == "万":
            section += number or 0.0
            result += (section or 1.0) * 10000
            section, number, last_unit, after_zero = 0.0, None, 10000, False
        else:
            unit = _CN_UNITS[token]
            section += (1.0 if number is None else number) * unit
            number, last_unit, after_zero = None, unit, False
    if number is not None:
        # Colloquial shortening: 两千五 = 2,500, 一万二 = 12,000 (but 一千零五 = 1,005).
        if last_unit >= 100 and not after_zero:
            number *= last_unit / 10
        section += number
    return result + section


def en_number(text: str) -> float | None:
    """English number words: "sixty", "forty-five", "a hundred and twenty"; None when not a number."""
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[-\s]+", text.strip().lower()):
        if word == "and":
            continue
        if word in _EN_ONES:
            current += _EN_ONES[word]
        elif word in _EN_TENS:
            current += _EN_TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            return None
        seen = True
    total += current
    return float(total) if seen else None


def _amount(text: str) -> float | None:
    """An `_AMOUNT` match as a number: "1,000" -> 1000, "1千" -> 1000, "2k" -> 2000, "八百" -> 800."""
    cleaned = text.replace(" ", "").lower()
    if cleaned.endswith("k"):
        value = cn_number(cleaned[:-1])
        return None if value is None else value * 1000
    return cn_number(cleaned)


# --- cues ---------------------------------------------------------------------------------------------

_DISCOUNT_CUE = re.compile(
    r"discount|\boff\b|price[- ]cut|cut (?:the|our) price|(?:lower|reduce|drop) (?:the|our) price|markdown|"
    r"折扣|打折|\d\s*折|[一二三四五六七八九对]折|降价|减价|优惠|让利|让价|便宜|半价"
)
_TERMS_STRONG = re.compile(
    r"\bterms?\b|\bnet\s*-?\s*\d|days? to pay|credit (?:period|terms|days)|pay later|deferred payment|"
    r"账期|付款期|付款周期|信用期|回款期|赊账|赊销|延期付款"
)
_TERMS_WEAK = re.compile(r"\bpay(?:ment)?\b|付款|付钱|结款|结算")
# Overdue and collection questions mention days and payment but are not asking for authority over terms.
_TERMS_NEGATIVE = re.compile(r"overdue|late payment|collection|逾期|催款|催收|拖欠|坏账|回款率")
_GIFT_STRONG = re.compile(
    r"gift|\ba present\b|\bpresents\b|voucher|shopping card|prepaid card|red (?:envelope|packet)|hongbao|"
    r"\bcash\b|hospitality|entertain|dinner|banquet|"
    # 礼 only in gift words: 礼貌 (polite) and 典礼 (ceremony) are not gifts.
    r"礼品|礼物|礼盒|礼金|礼卡|礼券|送礼|回礼|厚礼|年礼|节礼|"
    r"购物卡|代金券|消费卡|充值卡|超市卡|卡券|红包|现金|招待|宴请|请客|吃饭"
)
# 送 is "give", but also 送货 (delivery), 送样 (samples), 发送 (send): only the giving sense counts.
_GIFT_WEAK = re.compile(r"(?<![发运配递输传])送(?![货达样检修])|赠")
_CASH_EQUIVALENT = re.compile(
    r"gift ?cards?|shopping cards?|prepaid cards?|store cards?|vouchers?|coupons?|\bcash\b|"
    r"red (?:envelopes?|packets?)|hongbao|"
    r"购物卡|礼品卡|代金券|提货券|提货卡|消费卡|充值卡|超市卡|卡券|券|红包|现金|礼金"
)
# Without a number, the question must ask about a limit, not about a procedure ("how do I book a discount?").
_LIMIT_INTENT = re.compile(
    r"how (?:much|big|large|high|long|many)|what(?:'s| is) (?:my|the|our) (?:limit|max)|\bmax(?:imum)?\b|"
    r"\b(?:longest|largest|biggest|highest|most)\b|\bi (?:can|may)\b|"
    r"\blimit|\bcan i\b|\bmay i\b|\ballowed\b|\bam i\b|authori[sz]|approv|up to\b|"
    r"最多|最高|最大|最长|多少|多大|多长|多久|能不能|能否|可不可以|可以|能给|能送|能打|能让|允许|权限|审批|批准|上限|吗"
)

# --- number patterns per kind -------------------------------------------------------------------------

_PERCENT = re.compile(rf"(?P<num>{_ARABIC}|{_EN_NUMBER})\s*-?\s*(?:%|percent\b|per cent\b|pct\b)")
_CN_PERCENT = re.compile(rf"百分之(?P<num>[{_CN_NUM}\d.]+)")
_POINTS = re.compile(rf"(?P<num>{_ARABIC}|{_CN_RUN})\s*个(?:百分)?点")
_ZHE = re.compile(r"(?P<num>(?<![\d.])\d+(?:\.\d+)?|(?<![一二三四五六七八九])[一二三四五六七八九]{1,2})\s*折")
_HALF_PRICE = re.compile(r"对折|半价|half price")
# 成 = tenths off ("让利两成" = 20% off); only after a discount word, since 八成 also means "probably".
_CHENG = re.compile(
    r"(?:降价|减价|让利|优惠|便宜|打折|折扣|降|让)\s*(?P<num>[一二两三四五六七八九]|\d)\s*成(?!本|交|功|立|绩|员)"
)
# A percentage counts as a discount when a discount word sits right next to it.
_DISCOUNT_NEAR_BEFORE = re.compile(
    r"(discount|\boff|cut|reduc|lower|markdown|\bgive|\boffer|\bgrant|降|减|让|优惠|折扣|打|给)[^.。,，;；]{0,12}$"
)
# ... unless the percentage is a commission or a rate ("give 5% commission" is not a discount).
_NOT_DISCOUNT_AFTER = re.compile(r"^[^.。,，;；]{0,12}(commission|佣金|提成|rate|率|margin|毛利|tax|税)")
_DISCOUNT_NEAR_AFTER = re.compile(r"^[^.。,，;；]{0,8}(off|discount|折扣|优惠|的折|降价|让利)")

_DAYS = re.compile(rf"(?P<num>(?<!\d)\d+|{_EN_NUMBER}|{_CN_RUN})\s*-?\s*(?:days?\b|天|(?<!月)日)")
_NET = re.compile(r"\bnet\s*-?\s*(?P<num>\d+)")
_MONTHS = re.compile(rf"(?P<num>(?<!\d)\d+|{_EN_NUMBER})\s*-?\s*months?\b|(?P<cn>(?<!\d)\d+|{_CN_RUN}|半)\s*个\s*月")
_YEARS = re.compile(r"(?P<half>半年|half a year|six months)|(?P<one>一年|1\s*年|a year|one year|12 months)")
_NEAR = 40  # characters of context examined around a number (the near-word patterns need at most ~20)
_TARGET = re.compile(r"(?:\bto|到|至|成|改为)\s*$")

_CURRENCY_BEFORE = re.compile(rf"(?:¥|rmb|cny)\s*(?P<num>{_AMOUNT})")
_CURRENCY_AFTER = re.compile(rf"(?P<num>{_AMOUNT})\s*(?:元|块|圆|yuan\b|rmb\b|cny\b|kuai\b|人民币)")
_WORTH = re.compile(rf"(?:worth|valued at|value of|costing|价值|值)\s*(?P<num>{_AMOUNT})")


@dataclass(frozen=True)
class AuthorityQuestion:
    """What an authority question asks: the kind, the amount (None when it asks for the limit itself)."""

    kind: Kind
    requested: float | None
    unit: Unit
    cash_equivalent: bool
    language: Language


@dataclass(frozen=True)
class _Found:
    kind: Kind
    value: float
    position: int
    targeted: bool = False  # written after "to"/"到": the term asked for, not the current one


def language_of(text: str) -> Language:
    """zh when the text has any CJK character: reps mixing "AX-100" into Chinese still want Chinese back."""
    return "zh" if has_cjk(text) else "en"


def _normalise(text: str) -> str:
    # NFKC folds full-width digits and signs (１５％, ￥) into ASCII; lower-casing helps the English cues.
    return unicodedata.normalize("NFKC", text).lower()


def _zhe_off(num: str) -> float:
    """折 notation gives the share paid: 9折 / 九折 = 90% paid = 10% off; 85折 / 8.5折 / 八五折 = 15% off."""
    if num[0].isdigit():
        value = float(num)
        paid = value * 10 if value < 10 else value
    else:
        digits = [_CN_DIGITS[ch] for ch in num]
        paid = digits[0] * 10 + (digits[1] if len(digits) > 1 else 0)
    return float(round(100 - paid, 4))


def _discounts(text: str, cued: bool) -> list[_Found]:
    found: list[_Found] = []
    for match in _ZHE.finditer(text):
        found.append(_Found("discount", _zhe_off(match.group("num")), match.start()))
    for match in _HALF_PRICE.finditer(text):
        found.append(_Found("discount", 50.0, match.start()))
    for match in _CHENG.finditer(text):
        tenths = cn_number(match.group("num"))
        if tenths is not None:
            found.append(_Found("discount", tenths * 10, match.start("num")))
    percents: list[tuple[bool, _Found]] = []
    for pattern in (_PERCENT, _CN_PERCENT, _POINTS):
        for match in pattern.finditer(text):
            raw = match.group("num")
            value = cn_number(raw) if raw[0].isdigit() or raw[0] in _CN_NUM else en_number(raw)
            if value is None:
                continue
            near = bool(
                _DISCOUNT_NEAR_BEFORE.search(text[max(0, match.start() - _NEAR) : match.start()])
                or _DISCOUNT_NEAR_AFTER.search(text[match.end() : match.end() + _NEAR])
            )
            if _NOT_DISCOUNT_AFTER.search(text[match.end() : match.end() + _NEAR]):
                continue
            if near or cued:
                percents.append((near, _Found("discount", value, match.start())))
    # Prefer the percentage written next to a discount word ("10% off if they pay 50% upfront").
    percents.sort(key=lambda item: (not item[0], item[1].position))
    found.extend(found_ for _near, found_ in percents[:1])
    return found


def _days(text: str) -> list[_Found]:
    found: list[_Found] = []

    def add(value: float | None, position: int) -> None:
        if value is not None and value > 0:
            targeted = bool(_TARGET.search(text[max(0, position - _NEAR) : position]))
            found.append(_Found("payment_terms", value, position, targeted))

    for match in _NET.finditer(text):
        add(float(match.group("num")), match.start())
    for match in _DAYS.finditer(text):
        raw = match.group("num")
        add(cn_number(raw) if raw[0].isdigit() or raw[0] in _CN_NUM else en_number(raw), match.start())
    for match in _MONTHS.finditer(text):
        if match.group("cn") is not None:
            raw = match.group("cn")
            months = 0.5 if raw == "半" else cn_number(raw)
        else:
            raw = match.group("num")
            months = float(raw) if raw.isdigit() else en_number(raw)
        add(None if months is None else months * 30, match.start())
    for match in _YEARS.finditer(text):
        add(180.0 if match.group("half") else 360.0, match.start())
    return found


def _pick_days(found: list[_Found]) -> float | None:
    """The term asked for: the one after "to"/"到" ("从30天延长到60天"), else the longest mentioned."""
    if not found:
        return None
    pool = [f for f in found if f.targeted] or found
    return max(f.value for f in pool)


def _amounts(text: str) -> list[_Found]:
    found: list[_Found] = []
    for pattern in (_CURRENCY_BEFORE, _CURRENCY_AFTER, _WORTH):
        for match in pattern.finditer(text):
            value = _amount(match.group("num"))
            if value is not None and value > 0:
                found.append(_Found("gift", value, match.start()))
    return found


def parse_authority_question(text: str) -> AuthorityQuestion | None:
    """The authority question in `text`, or None when it is not one (then ordinary retrieval answers)."""
    norm = _normalise(text)
    language = language_of(text)

    discount_cue = _DISCOUNT_CUE.search(norm)
    terms_strong = _TERMS_STRONG.search(norm)
    terms_weak = _TERMS_WEAK.search(norm) if not _TERMS_NEGATIVE.search(norm) else None
    gift_strong = _GIFT_STRONG.search(norm)
    gift_weak = _GIFT_WEAK.search(norm)
    cash = bool(_CASH_EQUIVALENT.search(norm))

    candidates: list[_Found] = []
    candidates.extend(_discounts(norm, cued=bool(discount_cue)))
    if terms_strong or terms_weak:
        days = _days(norm)
        picked = _pick_days(days)
        if picked is not None:
            candidates.append(_Found("payment_terms", picked, min(f.position for f in days)))
    if gift_strong or gift_weak:
        candidates.extend(_amounts(norm))

    if candidates:
        first = min(candidates, key=lambda f: f.position)
        return AuthorityQuestion(
            kind=first.kind,
            requested=first.value,
            unit=_unit(first.kind),
            cash_equivalent=cash and first.kind == "gift",
            language=language,
        )

    # A gift in cash or a gift card is refused whatever the amount, so it needs no number to be decided.
    if gift_strong and cash:
        return AuthorityQuestion("gift", None, "CNY", True, language)
    if not _LIMIT_INTENT.search(norm):
        return None
    strong = [(m.start(), kind) for kind, m in (("discount", discount_cue), ("payment_terms", terms_strong),
                                                 ("gift", gift_strong)) if m is not None]  # fmt: skip
    kind: Kind | None
    if strong:
        kind = min(strong)[1]  # type: ignore[assignment]
    elif gift_weak:
        kind = "gift"
    elif terms_weak and re.search(r"账|期|terms?|days?|天", norm):
        kind = "payment_terms"
    else:
        kind = None
    if kind is None:
        return None
    return AuthorityQuestion(kind, None, _unit(kind), cash and kind == "gift", language)


def _unit(kind: Kind) -> Unit:
    return SECTIONS[kind][1]
