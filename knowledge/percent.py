"""The percentage a question asks about, and whether a line's range holds it.

"I want to give a customer 10% off list. Who approves?" is answered by the row "Over 8% and up to 12% | Sales
Director", which shares no number with the question; "可以打八五折吗？" asks 15% off. An authority ladder, a
commission scale or a rebate table states ranges, so the line whose range holds the asked percentage is the one
that answers (knowledge.answer gives it a bonus).
"""

from __future__ import annotations

import re

_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|％|percent\b|per cent\b|个点|个百分点)", re.IGNORECASE)
_ZHE_DIGITS = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s*折")
_ZHE_CHINESE = re.compile(r"(?<![一二三四五六七八九十])([一二三四五六七八九]{1,2})折")
_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_LINE_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*[%％]")


def asked_percent(question: str) -> float | None:
    """The one percentage the question names ("10% off", "6个点", "八五折" = 15% off), or None."""
    found = [float(m.group(1)) for m in _PERCENT.finditer(question)]
    for match in _ZHE_DIGITS.finditer(question):
        value = float(match.group(1))
        found.append(round(100 - (value * 10 if value < 10 else value), 2))
    for match in _ZHE_CHINESE.finditer(question):
        digits = [_CN[c] for c in match.group(1)]
        value = digits[0] * 10 + (digits[1] if len(digits) > 1 else 0)
        found.append(float(100 - value))
    found = [v for v in dict.fromkeys(found) if 0 < v < 100]
    return found[0] if len(found) == 1 else None


def range_holds(line: str, percent: float) -> bool:
    """The line states a range of percentages ("Over 8% and up to 12%", "3%以上至8%（含）") that holds
    `percent` without naming it as a bound it merely passes."""
    values = sorted({float(m.group(1)) for m in _LINE_PERCENT.finditer(line)})
    return len(values) >= 2 and values[0] < percent <= values[-1] and len(values) <= 3
