"""Understanding authority questions in English and Chinese: what is asked (discount, payment terms, gift,
contract signing) and how much, so the desk can decide from policy instead of paraphrasing a retrieved paragraph.

A question may hold several requests ("九折，还要45天账期"): one `AuthorityQuestion` per kind, in the order
written. Every price concession counts as a discount, summed when stacked ("already 5% off, another 5%" is 10%;
折 on 折 multiplies: 九五折 on 九折 pays 85.5%, 14.5% off): rebates (返点), 满减 ("满10万减1万" = 10%), free
units ("买10送1" = 1/11), free extras at list value against the order, and a price against a stated list price.

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

from authority.policy import SECTIONS, Kind, Unit
from core.catalogue import Language
from core.text import CN_DIGITS, CN_NUMERALS, cn_number, has_cjk

# --- numbers ------------------------------------------------------------------------------------------------


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
_CN_RUN = rf"(?<![{CN_NUMERALS}])[{CN_NUMERALS}]+"
_AMOUNT = rf"(?:(?:{_ARABIC})\s*(?:[千万]|k\b)?|{_CN_RUN})"


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
    r"rebate|折扣|打折|\d\s*折|[一二三四五六七八九对]折|降价|减价|优惠|让利|让价|便宜|半价|返点|返利"
)
# Words saying a concession comes on top of another one: then every concession named is summed.
_STACK_CUE = re.compile(
    r"already|another|on top|\bextra\b|additional|as well|\balso\b|\btoo\b|\bplus\b|in addition|\bboth\b|"
    r"\btwo\b|再|基础上|已经|已有|外加|加上|叠加|另外|额外|还想"
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
    r"red (?:envelopes?|packets?)|hongbao|\bjd (?:e-?)?cards?|"
    r"购物卡|礼品卡|代金券|提货券|提货卡|消费卡|充值卡|超市卡|卡券|券|红包|现金|礼金|京东e?卡|储值卡|加油卡|电商卡"
)
# Without a number, the question must ask about a limit, not about a procedure ("how do I book a discount?").
_LIMIT_INTENT = re.compile(
    r"how (?:much|big|large|high|long|many)|what(?:'s| is) (?:my|the|our) (?:limit|max)|\bmax(?:imum)?\b|"
    r"\b(?:longest|largest|biggest|highest|most)\b|\bi (?:can|may)\b|"
    r"\blimit|\bcan i\b|\bmay i\b|\ballowed\b|\bam i\b|authori[sz]|authority|approv|up to\b|"
    r"\bok(?:ay)?\b|for me to\b|\bcould i\b|sign off|"
    r"最多|最高|最大|最长|多少|多大|多长|多久|能不能|能否|可不可以|可以|能给|能送|能打|能让|允许|权限|审批|批准|上限|吗|"
    r"行不行|行吗|能批|能做|能定"
)

# --- number patterns per kind -------------------------------------------------------------------------

_PERCENT = re.compile(rf"(?P<num>{_ARABIC}|{_EN_NUMBER})\s*-?\s*(?:%|percent\b|per cent\b|pct\b)")
_CN_PERCENT = re.compile(rf"百分之(?P<num>[{CN_NUMERALS}\d.]+)")
_POINTS = re.compile(rf"(?P<num>{_ARABIC}|{_CN_RUN})\s*个(?:百分)?点")
_ZHE = re.compile(r"(?P<num>(?<![\d.])\d+(?:\.\d+)?|(?<![一二三四五六七八九])[一二三四五六七八九]{1,2})\s*折")
_HALF_PRICE = re.compile(r"对折|半价|half price")
# 成 = tenths off ("让利两成" = 20% off); only after a discount word, since 八成 also means "probably".
_CHENG = re.compile(
    r"(?:降价|减价|让利|优惠|便宜|打折|折扣|降|让)\s*(?P<num>[一二两三四五六七八九]|\d)\s*成(?!本|交|功|立|绩|员)"
)
# A percentage counts as a discount when a discount word sits right next to it.
_DISCOUNT_NEAR_BEFORE = re.compile(
    r"(discount|\boff|cut|reduc|lower|markdown|\bgive|\boffer|\bgrant|rebate|another|extra|additional|"
    r"降|减|让|优惠|折扣|打|给|返点|返利|再加)[^.。,，;；]{0,12}$"
)
# ... unless the percentage is a commission or a rate ("give 5% commission" is not a discount).
_NOT_DISCOUNT_AFTER = re.compile(r"^[^.。,，;；]{0,12}(commission|佣金|提成|rate|率|margin|毛利|tax|税)")
# A share of the price paid ("pay 50% upfront", "预付30%") is not a concession.
_PAID_SHARE_BEFORE = re.compile(r"(?:\bpay|\bpaying|deposit|预付|首付|付)\s*$")
_DISCOUNT_NEAR_AFTER = re.compile(r"^[^.。,，;；]{0,8}(off|discount|rebate|折扣|优惠|的折|降价|让利|返点)")
# "two 5% discounts": the same concession twice.
_TWICE = re.compile(r"(?:\btwo|\bboth)\s*$")
_DISCOUNTS_PLURAL = re.compile(r"^\s*(?:discounts|rebates)")
# "在九折的基础上再打九五折": the base and the new 折 (other mentions of the base are the same concession).
_ZHE_ON_ZHE = re.compile(
    r"在\s*(?P<base>(?<![\d.])\d+(?:\.\d+)?|[一二三四五六七八九]{1,2})\s*折\s*的?\s*基础上[^。.;；]{0,8}?"
    r"(?P<more>(?<![\d.])\d+(?:\.\d+)?|(?<![一二三四五六七八九])[一二三四五六七八九]{1,2})\s*折"
)

# Money: an Arabic amount with an optional multiplier (4万5 = 45,000; 300k; 1.5 million) or Chinese numerals.
_MONEY = rf"(?:(?:{_ARABIC})\s*(?:万\d?|千|k\b|million\b|mn\b)?|{_CN_RUN})"
_YUAN = r"(?:\s*(?:元|块|yuan\b|rmb\b|cny\b))?"
_SPEND_GET_OFF = re.compile(
    rf"满\s*(?P<total>{_MONEY}){_YUAN}\s*减\s*(?P<off>{_MONEY})|"
    rf"spend\s+(?:¥|rmb|cny)?\s*(?P<total_en>{_MONEY}){_YUAN}[^.;!?]{{0,20}}?\bget\s+(?:¥|rmb|cny)?\s*"
    rf"(?P<off_en>{_MONEY}){_YUAN}\s+off"
)
_FREE_UNITS = re.compile(
    rf"(?:买|购买)\s*(?P<bought>{_ARABIC}|{_CN_RUN})\s*(?:台|个|件|套|箱|支)?\s*[,，]?\s*(?:送|赠|赠送)\s*"
    rf"(?P<free>{_ARABIC}|{_CN_RUN})|"
    rf"buy\s+(?P<bought_en>{_ARABIC}|{_EN_NUMBER})\s+(?:\w+\s+)?(?:and\s+)?get\s+(?P<free_en>{_ARABIC}|{_EN_NUMBER})"
    rf"\s+(?:\w+\s+)?free|"
    rf"(?P<free_on>{_ARABIC}|{_EN_NUMBER})\s+(?:\w+\s+)?free\s+(?:on|with|for)\s+(?:an?\s+)?(?:order\s+of\s+)?"
    rf"(?P<bought_on>{_ARABIC}|{_EN_NUMBER})"
)
_LIST_PRICE = re.compile(
    rf"(?:list\s+(?:price|value)|标价|目录价|原价|牌价)\s*(?:is|of|was|at|:|是|为)?\s*(?:¥|rmb|cny)?\s*"
    rf"(?P<num>{_MONEY})"
)
_NOT_MONEY_AFTER = r"(?!\s*(?:%|percent|per cent|折|个点|点|天|日|days?\b|个月|months?\b))"
_TARGET_PRICE = re.compile(
    rf"(?:\bpay|\bpaying|\bdown to|\bat|砍到|降到|压到|给到|出价|只付|付|要)\s*(?:¥|rmb|cny)?\s*"
    rf"(?P<num>{_MONEY}){_NOT_MONEY_AFTER}"
)
_FREE_CUE = re.compile(r"\bfree\b|免费|送|赠")
_ORDER_VALUE = re.compile(
    rf"(?:on|for)\s+an?\s+(?:¥|rmb|cny)?\s*(?P<num>{_MONEY}){_YUAN}\s*(?:list\s+)?(?:order|deal)|"
    rf"这单\s*(?:目录价|标价)?\s*(?P<zh>{_MONEY})"
)
_REBATE = re.compile(r"rebate|返点|返利")
# Signing a contract: 签 but not 签收 (signing for a delivery), 标签 (a label), 页签 (a tab).
_SIGN_CUE = re.compile(r"\bsign(?:s|ing|ed)?\b(?![\s-]+off)|(?<![标页书])签(?![收到证])")
_CONTRACT_NOUN = re.compile(r"contract|\bdeal\b|agreement|合同|单子|订单|协议")
_CONTRACT_AFTER_AMOUNT = re.compile(r"^\s*(?:元|块|yuan|rmb|cny)?\s*(?:的)?\s*(?:[a-z-]+\s+)?(?:contract|合同)")
_MONEY_AMOUNT = re.compile(
    rf"(?:¥|rmb|cny)\s*(?P<pre>{_MONEY})|(?P<num>{_MONEY})(?P<unit>\s*(?:元|块|yuan\b|rmb\b|cny\b))?"
)
_OVERDUE = re.compile(
    rf"(?P<d1>(?<!\d)\d+|{_EN_NUMBER})\s*-?\s*days?\s+(?:overdue|past due|late)|"
    rf"(?:overdue|past due)\s+(?:by\s+|for\s+)?(?P<d2>(?<!\d)\d+|{_EN_NUMBER})\s*-?\s*days?|"
    rf"(?P<m1>(?<!\d)\d+|{_EN_NUMBER})\s*-?\s*months?\s+(?:overdue|past due|late)|"
    rf"(?:逾期|拖欠|超期)\s*(?:了|已)?\s*(?:(?P<d3>(?<!\d)\d+|{_CN_RUN})\s*(?:天|日)|"
    rf"(?P<m2>(?<!\d)\d+|{_CN_RUN}|半)\s*个\s*月)"
)

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
    """One request in an authority question: the kind, the amount (None when it asks for the limit itself).

    `overdue_days` is how overdue the customer is, when the question says so (payment terms only); `basis` says
    how a discount was worked out when it is not a plain percentage ("5% + 5%", "买10送1")."""

    kind: Kind
    requested: float | None
    unit: Unit
    cash_equivalent: bool
    language: Language
    overdue_days: float | None = None
    basis: str | None = None


@dataclass(frozen=True)
class _Found:
    kind: Kind
    value: float
    position: int
    targeted: bool = False  # written after "to"/"到": the term asked for, not the current one
    basis: str | None = None


@dataclass(frozen=True)
class _Part:
    """One price concession in the question, as percent off list."""

    value: float
    position: int
    form: Literal["zhe", "percent", "other"]
    label: str
    span: tuple[int, int] = (0, 0)


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
        digits = [CN_DIGITS[ch] for ch in num]
        paid = digits[0] * 10 + (digits[1] if len(digits) > 1 else 0)
    return float(round(100 - paid, 4))


def _money(text: str) -> float | None:
    """A `_MONEY` match as CNY: "4万5" -> 45,000, "300k" -> 300,000, "1.5 million" -> 1,500,000, "三十万"."""
    cleaned = text.replace(" ", "").lower()
    for suffix, factor in (("million", 1e6), ("mn", 1e6), ("k", 1e3)):
        if cleaned.endswith(suffix):
            value = cn_number(cleaned[: -len(suffix)])
            return None if value is None else value * factor
    return cn_number(cleaned)


def _number(raw: str) -> float | None:
    """Digits, Chinese numerals or English number words."""
    return cn_number(raw) if raw[0].isdigit() or raw[0] in CN_NUMERALS else en_number(raw)


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _share(part: float, whole: float) -> float:
    return round(part / whole * 100, 4)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def _percent_parts(text: str, cued: bool) -> list[tuple[bool, _Part]]:
    """Percentages that are concessions (near a discount word, or anywhere once a discount is talked about)."""
    parts: list[tuple[bool, _Part]] = []
    for pattern in (_PERCENT, _CN_PERCENT, _POINTS):
        for match in pattern.finditer(text):
            value = _number(match.group("num"))
            if value is None or value > 100:  # "130% of target" is not a share of the price
                continue
            before = text[max(0, match.start() - _NEAR) : match.start()]
            after = text[match.end() : match.end() + _NEAR]
            if _NOT_DISCOUNT_AFTER.search(after) or _PAID_SHARE_BEFORE.search(before):
                continue
            near = bool(_DISCOUNT_NEAR_BEFORE.search(before) or _DISCOUNT_NEAR_AFTER.search(after))
            if not (near or cued):
                continue
            part = _Part(value, match.start(), "percent", f"{_num(value)}%", match.span())
            parts.append((near, part))
            if _TWICE.search(before) and _DISCOUNTS_PLURAL.search(after):
                parts.append((near, part))  # "two 5% discounts"
    return parts


def _other_parts(text: str, language: Language) -> list[_Part]:
    """Concessions that are not written as a percentage: 满减, free units, free extras, a price below list."""
    zh = language == "zh"
    parts: list[_Part] = []
    # Each pattern only where its key word is (most questions have none of them): keeps parsing cheap.
    for match in _SPEND_GET_OFF.finditer(text) if "满" in text or "spend" in text else ():
        total = _money(match.group("total") or match.group("total_en"))
        off = _money(match.group("off") or match.group("off_en"))
        if total and off and 0 < off < total:
            parts.append(_Part(_share(off, total), match.start(), "other", match.group(0).strip(), match.span()))
    for match in _FREE_UNITS.finditer(text) if _FREE_CUE.search(text) else ():
        bought_raw = match.group("bought") or match.group("bought_en") or match.group("bought_on")
        free_raw = match.group("free") or match.group("free_en") or match.group("free_on")
        bought, free = _number(bought_raw), _number(free_raw)
        if bought and free and bought > 0 and free > 0:
            label = (
                f"买{_num(bought)}送{_num(free)}，即{_num(free)}/{_num(bought + free)}"
                if zh
                else f"{_num(free)} free on {_num(bought)}: {_num(free)}/{_num(bought + free)} of the units"
            )
            parts.append(_Part(_share(free, bought + free), match.start(), "other", label, match.span()))
    listed = _LIST_PRICE.search(text) if re.search(r"list|标价|目录价|原价|牌价", text) else None
    list_price = _money(listed.group("num")) if listed else None
    if listed and list_price:
        target = _TARGET_PRICE.search(text, listed.end())
        paid = _money(target.group("num")) if target else None
        if target and paid and 0 < paid < list_price:
            label = (
                f"标价{_num(list_price)}元，成交价{_num(paid)}元"
                if zh
                else f"{_num(paid)} against a list price of {_num(list_price)}"
            )
            span = (listed.start(), target.end())
            parts.append(_Part(_share(list_price - paid, list_price), listed.start(), "other", label, span))
    worth = _WORTH.search(text)
    order = _ORDER_VALUE.search(text)
    order_value = _money(order.group("num") or order.group("zh")) if order else list_price
    if worth and order_value and _FREE_CUE.search(text) and not _GIFT_STRONG.search(text):
        value = _amount(worth.group("num"))
        if value and 0 < value < order_value:
            label = (
                f"赠送价值{_num(value)}元，订单{_num(order_value)}元"
                if zh
                else f"free extras worth {_num(value)} on an order of {_num(order_value)}"
            )
            parts.append(_Part(_share(value, order_value), worth.start(), "other", label, worth.span()))
    return parts


def _discount(text: str, cued: bool, language: Language) -> tuple[_Found | None, list[tuple[int, int]]]:
    """The discount asked for, every concession summed when the question stacks them, and the spans it used."""
    zhe = [_Part(_zhe_off(m.group("num")), m.start(), "zhe", m.group(0), m.span()) for m in _ZHE.finditer(text)]
    fixed = [_Part(50.0, m.start(), "other", m.group(0), m.span()) for m in _HALF_PRICE.finditer(text)]
    for match in _CHENG.finditer(text):
        tenths = cn_number(match.group("num"))
        if tenths is not None:
            fixed.append(_Part(tenths * 10, match.start("num"), "other", match.group(0), match.span()))
    others = [*fixed, *_other_parts(text, language)]
    percents = _percent_parts(text, cued)

    if _STACK_CUE.search(text):
        on_top = _ZHE_ON_ZHE.search(text)
        if on_top is not None:  # the base is named twice ("已经有九折了……在九折的基础上"): count it once
            base, more = on_top.group("base"), on_top.group("more")
            zhe = [
                _Part(_zhe_off(base), on_top.start("base"), "zhe", f"{base}折", on_top.span("base")),
                _Part(_zhe_off(more), on_top.start("more"), "zhe", f"{more}折", on_top.span("more")),
            ]
        # A percentage inside a 满减 or free-units phrase is part of that phrase, not another concession.
        taken = [p.span for p in others]
        parts = [*zhe, *(p for _near, p in percents if not _overlaps(p.span, taken)), *others]
    else:
        # One concession: the first named; of several percentages, the one next to a discount word.
        percents.sort(key=lambda item: (not item[0], item[1].position))
        parts = [*zhe, *others, *(p for _near, p in percents[:1])]
        parts = sorted(parts, key=lambda p: p.position)[:1]
    if not parts:
        return None, []
    spans = [p.span for p in parts]
    position = min(p.position for p in parts)
    if len(parts) == 1:
        part = parts[0]
        return _Found("discount", part.value, position, basis=None if part.form != "other" else part.label), spans
    paid = 1.0
    for part in parts:
        if part.form == "zhe":
            paid *= 1 - part.value / 100
    total = (1 - paid) * 100 + sum(p.value for p in parts if p.form != "zhe")
    zhe_labels = [p.label for p in parts if p.form == "zhe"]
    labels = [" × ".join(zhe_labels)] if zhe_labels else []
    labels += [p.label for p in parts if p.form != "zhe"]
    return _Found("discount", round(total, 4), position, basis=" + ".join(labels)), spans


def _overdue(text: str) -> tuple[float | None, list[tuple[int, int]]]:
    """How many days overdue the customer is ("45 days overdue", "逾期两个月"), and where that is written."""
    days: float | None = None
    spans: list[tuple[int, int]] = []
    for match in _OVERDUE.finditer(text):
        raw_days = match.group("d1") or match.group("d2") or match.group("d3")
        raw_months = match.group("m1") or match.group("m2")
        if raw_days:
            value = _number(raw_days)
        elif raw_months:
            months = 0.5 if raw_months == "半" else _number(raw_months)
            value = None if months is None else months * 30
        else:
            value = None
        if value is not None:
            days = max(days or 0.0, value)
            spans.append(match.span())
    return days, spans


def _days(text: str, skip: list[tuple[int, int]] | None = None) -> list[_Found]:
    """Payment terms written in days, months or years; numbers inside `skip` (an overdue period) are not terms."""
    found: list[_Found] = []

    def add(value: float | None, span: tuple[int, int]) -> None:
        if value is not None and value > 0 and not _overlaps(span, skip or []):
            position = span[0]
            targeted = bool(_TARGET.search(text[max(0, position - _NEAR) : position]))
            found.append(_Found("payment_terms", value, position, targeted))

    for match in _NET.finditer(text):
        add(float(match.group("num")), match.span())
    for match in _DAYS.finditer(text):
        add(_number(match.group("num")), match.span())
    for match in _MONTHS.finditer(text):
        if match.group("cn") is not None:
            raw = match.group("cn")
            months = 0.5 if raw == "半" else cn_number(raw)
        else:
            raw = match.group("num")
            months = float(raw) if raw.isdigit() else en_number(raw)
        add(None if months is None else months * 30, match.span())
    for match in _YEARS.finditer(text):
        add(180.0 if match.group("half") else 360.0, match.span())
    return found


def _pick_days(found: list[_Found]) -> float | None:
    """The term asked for: the one after "to"/"到" ("从30天延长到60天"), else the longest mentioned."""
    if not found:
        return None
    pool = [f for f in found if f.targeted] or found
    return max(f.value for f in pool)


def _amounts(text: str, skip: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    for pattern in (_CURRENCY_BEFORE, _CURRENCY_AFTER, _WORTH):
        for match in pattern.finditer(text):
            value = _amount(match.group("num"))
            if value is not None and value > 0 and not _overlaps(match.span(), skip):
                found.append(_Found("gift", value, match.start()))
    return found


def _contract(text: str, skip: list[tuple[int, int]], gift_cued: bool) -> _Found | None:
    """The contract value asked about: a money amount written with a contract word, or any with "sign".

    Without an amount ("how big a contract may a mid-level rep sign?") the documents answer: the sample duty
    manual's signing table is what those questions are asked about."""
    signing = _SIGN_CUE.search(text) is not None
    # "Which template does a 300,000 yuan contract need?" or a draft ("once the contract is signed I'll
    # transfer 30,000 yuan") is for the documents or the checker: a contract value is asked about only in a
    # question about authority.
    if not ((signing or _CONTRACT_NOUN.search(text)) and _LIMIT_INTENT.search(text)):
        return None
    best: _Found | None = None
    for match in _MONEY_AMOUNT.finditer(text):
        raw = match.group("pre") or match.group("num")
        if _overlaps(match.span(), skip) or not raw:
            continue
        money_like = bool(
            match.group("pre") or match.group("unit") or re.search(r"[万千]|k$|million|mn$|\d,\d{3}", raw)
        )
        if not money_like:
            continue
        named = _CONTRACT_AFTER_AMOUNT.search(text[match.end() : match.end() + 30]) is not None
        if not (named or (signing and not gift_cued)):
            continue
        value = _money(raw)
        if value and (best is None or value > best.value):
            best = _Found("contract_value", value, match.start())
    return best


def parse_authority_questions(text: str) -> list[AuthorityQuestion]:
    """Every request in `text`, one per kind in the order written; empty when it is not an authority question
    (then ordinary retrieval answers)."""
    norm = _normalise(text)
    language = language_of(text)

    discount_cue = _DISCOUNT_CUE.search(norm)
    terms_strong = _TERMS_STRONG.search(norm)
    terms_weak = _TERMS_WEAK.search(norm) if not _TERMS_NEGATIVE.search(norm) else None
    gift_strong = _GIFT_STRONG.search(norm)
    gift_weak = _GIFT_WEAK.search(norm)
    cash = bool(_CASH_EQUIVALENT.search(norm))
    overdue, overdue_spans = _overdue(norm)

    candidates: list[_Found] = []
    intent = _LIMIT_INTENT.search(norm) is not None
    discount, used = _discount(norm, cued=bool(discount_cue), language=language)
    # Rebates, free units, 满减 and stacked concessions also fill sales letters and drafts ("your company
    # receives a 3% rebate each quarter"): they are requests only in a question about authority.
    if discount is not None and (intent or (discount.basis is None and not _REBATE.search(norm))):
        candidates.append(discount)
    else:
        used = []
    if terms_strong or terms_weak:
        days = _days(norm, overdue_spans)
        picked = _pick_days(days)
        if picked is not None:
            candidates.append(_Found("payment_terms", picked, min(f.position for f in days)))
    contract = _contract(norm, used, gift_cued=bool(gift_strong or gift_weak))
    if contract is not None:
        candidates.append(contract)
        used = [*used, (contract.position, contract.position + 1)]
    if gift_strong or gift_weak:
        gifts = _amounts(norm, used)
        if contract is not None:
            gifts = [g for g in gifts if g.position != contract.position]
        if gifts:
            candidates.append(min(gifts, key=lambda f: f.position))

    if candidates:
        return [
            AuthorityQuestion(
                kind=found.kind,
                requested=found.value,
                unit=_unit(found.kind),
                cash_equivalent=cash and found.kind == "gift",
                language=language,
                overdue_days=overdue if found.kind == "payment_terms" else None,
                basis=found.basis,
            )
            for found in sorted(candidates, key=lambda f: f.position)
        ]

    # A gift in cash or a gift card is refused whatever the amount, so it needs no number to be decided.
    if gift_strong and cash:
        return [AuthorityQuestion("gift", None, "CNY", True, language)]
    # An overdue customer asking for terms is decided by the credit hold, whatever the term.
    if overdue is not None and terms_strong:
        return [AuthorityQuestion("payment_terms", None, "days", False, language, overdue_days=overdue)]
    if not intent:
        return []
    if discount_cue is not None and _REBATE.fullmatch(discount_cue.group(0)):
        discount_cue = None  # "what is the dealers' rebate rate?" asks the documents, not for a limit
    strong = [(m.start(), kind) for kind, m in (("discount", discount_cue), ("payment_terms", terms_strong),
                                                 ("gift", gift_strong))
              if m is not None]  # fmt: skip
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
        return []
    return [AuthorityQuestion(kind, None, _unit(kind), cash and kind == "gift", language)]


def parse_authority_question(text: str) -> AuthorityQuestion | None:
    """The first request in `text`, or None when it is not an authority question."""
    questions = parse_authority_questions(text)
    return questions[0] if questions else None


def _unit(kind: Kind) -> Unit:
    return SECTIONS[kind][1]
