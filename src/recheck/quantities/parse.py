"""The value of a core match: Chinese and Arabic numerals and English words through
:mod:`recheck.numerals`, and here fractions (三分之一, 3/4, ½), powers and ×10^n,
折 discounts and fixed words (翻倍, 半百, doubled, threefold).
"""

from __future__ import annotations

import math
import re

from recheck.numerals import EN_SMALL, ZH_DIGITS, Number, parse_arabic, parse_chinese, parse_english

from .found import _COUNT, _Found
from .patterns import _VULGAR

_PLAIN_DIGITS = re.compile(r"[\d.,]+")


def _parse_core(match: re.Match[str]) -> Number | None:
    kind = match.lastgroup
    text = match.group()
    if kind == "zh":
        return parse_chinese(text)
    if kind == "ar":
        if "×" in text or "x" in text:
            return _parse_times(text)
        return _parse_power(text) if "^" in text else parse_arabic(text)
    if kind in ("en", "mix"):
        return parse_english(text)
    if kind == "slash":
        return _parse_slash(text)
    if kind == "vulgar":
        whole = text[:-1].strip()
        return Number((float(whole) if whole else 0.0) + _VULGAR[text[-1]], 0.0)
    return None


def _parse_times(text: str) -> Number | None:
    """``2.48×10-5`` (a superscript lost: 2.48e-5), ``8x2^10`` (8192) -> Number."""
    head, _, power = text.replace("×", "x").partition("x")
    mantissa = parse_arabic(head)
    if mantissa is None:
        return None
    if "^" not in power:
        power = "10^" + power[2:]
    factor = _parse_power(power)
    if factor is None:
        return None
    return Number(mantissa.value * factor.value, mantissa.place * factor.value)


def _parse_power(text: str) -> Number | None:
    """``1.1^23``, ``2.5^-1``, ``1.1^--23`` (two minus signs cancel) -> Number."""
    base_text, _, exponent = text.partition("^")
    base = parse_arabic(base_text)
    digits = exponent.lstrip("+-")
    if base is None or not digits or len(digits) > 4 or int(digits) > 300:  # int(): ≤4300 digits
        return None
    power = int(digits) * (-1 if exponent[: len(exponent) - len(digits)].count("-") % 2 else 1)
    try:
        value = base.value**power
    except (OverflowError, ZeroDivisionError):
        return None
    return Number(value, 0.0) if math.isfinite(value) else None


def _parse_slash(text: str) -> Number | None:
    head, _, den = text.partition("/")
    parts = head.split()
    try:
        denominator = float(den)
        if denominator == 0:
            return None
        if len(parts) == 2:
            return Number(float(parts[0]) + float(parts[1]) / denominator, 0.0)
        return Number(float(parts[0]) / denominator, 0.0)
    except (ValueError, IndexError):
        return None


def _special(text: str, start: int, end: int) -> _Found | None:
    lowered = text.lower()
    if lowered in ("对折", "對折"):
        return _Found(start, end, 50.0, "percent", 0.0, bare=False)
    if lowered == "一半":
        return _Found(start, end, 0.5, _COUNT, 0.0, bare=False)
    if text == "半百":  # 年过半百: fifty
        return _Found(start, end, 50.0, _COUNT, 0.0, bare=False)
    if text[0] in "百千":  # 百三 = 130, 千三 = 1300 (colloquial)
        unit = 100.0 if text[0] == "百" else 1000.0
        return _Found(
            start, end, unit + ZH_DIGITS[text[1]] * unit / 10, _COUNT, unit / 10, bare=False
        )
    if lowered == "半成":
        return _Found(start, end, 5.0, "percent", 0.0, bare=False)
    if text.startswith("翻"):
        times = {"两": 4.0, "三": 8.0}.get(text[-2], 2.0) if text.endswith("番") else 2.0
        if text.endswith("倍") and text[-2] in "两三":
            times = {"两": 3.0, "三": 4.0}[text[-2]]
        return _Found(start, end, times, "fold", 0.0, bare=False)
    words = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
    if lowered in words:
        return _Found(start, end, words[lowered], "fold", 0.0, bare=False)
    factor = EN_SMALL.get(lowered[:-4])
    if factor:
        return _Found(start, end, float(factor), "fold", 1.0, bare=False)
    return None


def _zh_or_arabic(text: str) -> Number | None:
    text = text.strip()
    if text == "百":
        return Number(100.0, 1.0)
    scale = 1.0
    if text[-1:] in ("k", "K"):
        text, scale = text[:-1].strip(), 1e3
    number = parse_arabic(text) if _PLAIN_DIGITS.fullmatch(text) else parse_chinese(text)
    if number is None or scale == 1:
        return number
    return Number(number.value * scale, number.place * scale)


def _fraction(match: re.Match[str]) -> _Found | None:
    """百分之七十 -> 70 percent, 千分之三 -> 0.3 percent; 三分之一 -> 0.333 (a plain
    number, as is 一百分之二), 三又三分之一 -> 3.333."""
    den_text = match.group("den").replace(" ", "")
    numerator = _zh_or_arabic(match.group("num"))
    if numerator is None or not den_text:
        return None
    start, end = match.span()
    whole = match.group("whole")
    if all(ch in "百千万萬佰仟" for ch in den_text) and not whole:
        per = {"百": 100.0, "佰": 100.0, "千": 1e3, "仟": 1e3, "万": 1e4, "萬": 1e4}
        hundreds = math.prod(per[ch] for ch in den_text)
        return _Found(
            start,
            end,
            numerator.value * 100 / hundreds,
            "percent",
            numerator.place * 50 / hundreds,
            bare=False,
        )
    denominator = _zh_or_arabic(den_text)
    if denominator is None or denominator.value == 0:
        return None
    value = numerator.value / denominator.value
    if whole:
        whole_number = _zh_or_arabic(whole)
        if whole_number is None:
            return None
        value += whole_number.value
    return _Found(start, end, value, _COUNT, 0.0, bare=False)


def _zhe(text: str, start: int, end: int) -> _Found | None:
    """八折 -> 80 percent, 7.5折 -> 75, 三八折 -> 38, 对折 -> 50."""
    body = text.replace(" ", "").replace("折", "").replace("點", "点")
    if body in ("对", "對", "半"):
        value = 50.0
    elif body[0].isdigit():
        value = float(body.replace(".", "")) if "." in body else float(body)
        if len(body) == 1:
            value *= 10
    else:
        digits = [ZH_DIGITS.get(ch) for ch in body if ch != "点"]
        if not digits or any(d is None for d in digits):
            return None
        tens, ones = digits[0] or 0, (digits[1] or 0) if len(digits) > 1 else 0
        value = float(tens * 10 + ones)
    if not 0 < value < 100:
        return None
    return _Found(start, end, value, "percent", 0.0, bare=False)
