"""Numbers as written in Chinese and English news, parsed to values.

:mod:`recheck.quantities` finds where numbers are; this module says what they are
worth. Every parser takes the exact string of a number and returns a :class:`Number`
(or ``None`` when the string is not a well-formed number), carrying besides the
value the *place* of its last stated significant digit (``4300`` -> 100, ``5.1`` ->
0.1, ``两千四百五`` -> 10), from which a quantity's precision is half.

Supported forms:

* Arabic digits with thousands separators (``45,000``, ``1 100``), decimals and
  exponents (``2e5``); full-width forms are mapped to ASCII by :func:`normalize`
  first, which keeps every offset.
* Chinese numerals, everyday and formal (``一百零五``, ``壹佰伍拾``, ``两千四百五``),
  mixed with Arabic digits (``3万4000``, ``1,100万``, ``4.55万``), with big units
  (``万 亿 兆``; ``四万万`` is 4e8) and the approximate markers ``多 余`` (a lower
  bound) and ``几`` (an unknown digit: ``十几亿`` is 1e9, between 1.1e9 and 1.9e9).
* English number words (``twenty-one``, ``three hundred and two thousand``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update(
    {
        "\u3000": " ",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2212": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\uffe5": "¥",
        "\uff04": "$",
        "\u00b5": "μ",
    }
)
del _FULLWIDTH["，"]  # a Chinese comma is punctuation, except between full-width digits
_NORMALIZE = str.maketrans(_FULLWIDTH)
_FULLWIDTH_SEPARATOR = re.compile("(?<=[０-９])，(?=[０-９]{3})")


def normalize(text: str) -> str:
    """A copy of ``text`` of the same length with full-width forms, odd spaces and dashes
    mapped to their ASCII equivalents, so offsets in one are offsets in the other."""
    return _FULLWIDTH_SEPARATOR.sub(",", text).translate(_NORMALIZE)


@dataclass(frozen=True)
class Number:
    """A parsed number: its value, the place of its last significant digit, and any
    approximation stated inside the numeral itself."""

    value: float
    place: float
    scale: float = 1.0  # the scale word applied (万 -> 1e4, million -> 1e6), 1 when none
    approx: str = ""  # 多/余 (at least) or 几 (an unknown digit) as written
    low: float | None = None  # for 几: the value with the unknown digit at 1 ...
    high: float | None = None  # ... and at 9


ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "倆": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
ZH_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
ZH_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_ZH_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\S")


def arabic_place(digits: str) -> float:
    """The place value of the last significant digit of an Arabic numeral string."""
    digits = digits.replace(",", "").replace(" ", "")
    mantissa, _, exponent = digits.lower().partition("e")
    whole, _, frac = mantissa.partition(".")
    if frac:
        place = 10.0 ** -len(frac)
    else:
        stripped = whole.lstrip("0")
        place = 10.0 ** (len(stripped) - len(stripped.rstrip("0"))) if stripped else 1.0
    return place * 10.0 ** int(exponent) if exponent else place


def parse_arabic(text: str) -> Number | None:
    """``1,100`` / ``1 100`` / ``4.55`` / ``2e5`` -> Number; None when malformed."""
    digits = text.replace(",", "").replace(" ", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return Number(value, arabic_place(digits))


def place_of(value: float) -> float:
    """The place value of the last significant digit of ``value`` as written in
    shortest form: 4300 -> 100, 69.2 -> 0.1, 270000 -> 10000."""
    text = f"{abs(value):.12g}"
    if "e" in text:
        mantissa, _, exponent = text.partition("e")
        return arabic_place(mantissa) * 10.0 ** int(exponent)
    return arabic_place(text)


def _chinese_integer(tokens: list[str]) -> float | None:
    """The value of the integer part of a Chinese numeral, as tokens."""
    result = section = 0.0
    digit: float | None = None
    last_unit = 0.0  # the unit just before a trailing digit: 一千三 -> 1000
    max_big = 0.0
    previous = ""
    for token in tokens:
        if token in ZH_SMALL:
            unit = ZH_SMALL[token]
            if previous == "unit" and last_unit <= unit:
                return None
            section += (1.0 if digit is None else digit) * unit
            digit, last_unit, previous = None, unit, "unit"
        elif token in ZH_BIG:
            unit = ZH_BIG[token]
            section += digit or 0.0
            if section == 0 and result == 0:
                return None
            if unit >= max_big:
                result, max_big = (result + section) * unit, unit
            else:
                result += section * unit
            section, digit, last_unit, previous = 0.0, None, unit, "unit"
        elif token in ("零", "〇"):
            last_unit, previous = 0.0, "zero"
        else:
            if previous == "digit":
                return None
            if token[0].isdigit():
                parsed = parse_arabic(token)
                if parsed is None:
                    return None
                digit = parsed.value
            elif token in ZH_DIGITS:
                digit = float(ZH_DIGITS[token])
            else:
                return None
            previous = "digit"
    if digit is not None:
        if last_unit >= 100 and digit < 10 and digit == int(digit):
            digit *= last_unit / 10
        section += digit
    return result + section


def parse_chinese(text: str) -> Number | None:
    """Chinese (or mixed Chinese/Arabic) numerals -> Number; None when malformed.

    ``两千四百五`` -> 2450 (a trailing digit after a unit is one place lower),
    ``十几万`` -> 100000 (几 read as nothing) within 110000..190000,
    ``一千多万`` -> 1e7 with approx "多".
    """
    compact = text.replace(" ", "").replace("點", "点")
    whole, _, frac = compact.partition("点")
    tokens = _ZH_TOKEN.findall(whole)
    approx = next((t for t in tokens if t in "多余餘几幾"), "")
    if sum(t in "多余餘几幾" for t in tokens) > 1:
        return None
    if approx in ("几", "幾"):
        values = [
            _chinese_integer([d if t in "几幾" else t for t in tokens]) for d in ("一", "五", "九")
        ]
        if any(v is None for v in values):
            return None
        low, middle, high = values
        floor = _chinese_integer([("零" if t in "几幾" else t) for t in tokens])
        assert middle is not None and low is not None and high is not None
        value = floor if floor else middle
        return Number(value, place_of(value), approx=approx, low=low, high=high)
    if approx:
        at = tokens.index(approx)
        if at == 0 or (
            tokens[at - 1] not in {**ZH_SMALL, **ZH_BIG, "零": 0}
            and not tokens[at - 1][0].isdigit()
        ):
            return None
        tokens = [t for t in tokens if t != approx]
    value = _chinese_integer(tokens)
    if value is None:
        return None
    if not frac:
        return Number(value, place_of(value) if value else 1.0, approx=approx)
    decimals = [ZH_DIGITS.get(ch) for ch in frac]
    if not decimals or any(d is None for d in decimals):
        return None
    value += sum(d * 10.0 ** -(i + 1) for i, d in enumerate(decimals) if d)
    return Number(value, 10.0 ** -len(decimals), approx=approx)


EN_SMALL = {
    "zero": 0,
    "nought": 0,
    "naught": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_SCALES = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
EN_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
_EN_WORD = re.compile(r"[a-z]+")


def parse_english(text: str) -> Number | None:
    """English number words -> Number: ``twenty-one``, ``two hundred and five``,
    ``two thirds``, ``one and a half``. None when the words do not form one number."""
    words = [w for w in _EN_WORD.findall(text.lower()) if w != "and"]
    if not words:
        return None
    total = current = fraction = 0.0
    previous = ""
    for i, word in enumerate(words):
        if word in EN_FRACTIONS:
            numerator = 1.0
            if previous in ("small", "tens"):
                numerator, current = current % 100 or current, current - (current % 100)
            fraction += numerator / EN_FRACTIONS[word]
            previous = "fraction"
            if i != len(words) - 1:
                return None
        elif word == "a":
            if previous not in ("", "small", "tens", "scale"):
                return None
            previous = "a"
        elif word in EN_SMALL or word in EN_TENS:
            value = EN_SMALL.get(word, EN_TENS.get(word, 0))
            if previous == "small" or (previous == "tens" and value >= 10):
                return None
            current += value
            previous = "tens" if word in EN_TENS else "small"
        elif word in EN_SCALES:
            scale = EN_SCALES[word]
            base = current if previous in ("small", "tens", "scale") and current else 1.0
            if scale == 100:
                current = base * 100
            else:
                total += base * scale
                current = 0.0
            previous = "scale"
        else:
            return None
    if previous == "a":
        return None
    value = total + current + fraction
    return Number(value, 0.0 if fraction else place_of(value) if value else 1.0)
