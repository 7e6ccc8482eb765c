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
from functools import lru_cache

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
_TO_NORMALIZE = re.compile("[" + "".join(map(re.escape, _FULLWIDTH)) + "]")
_FULLWIDTH_SEPARATOR = re.compile("(?<=[０-９])，(?=[０-９]{3})")


def normalize(text: str) -> str:
    """A copy of ``text`` of the same length with full-width forms, odd spaces and dashes
    mapped to their ASCII equivalents, so offsets in one are offsets in the other."""
    if _TO_NORMALIZE.search(text) is None:  # most sentences: a scan is 10× cheaper
        return text  # than translating (a separator needs full-width digits, too)
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
        place = _pow10(len(stripped) - len(stripped.rstrip("0"))) if stripped else 1.0
    return place * _pow10(_exponent(exponent)) if exponent else place


def _exponent(text: str) -> int:
    """``int(text)`` for an exponent, clamped: ``e99999…`` (any length) is just huge."""
    body = text.lstrip("+-")
    if len(body) > 6:
        return -(10**6) if text.startswith("-") else 10**6
    return int(text)


def _pow10(power: int) -> float:
    """``10.0 ** power`` without OverflowError: inf above the float range."""
    return math.inf if power > 308 else 10.0**power


@lru_cache(maxsize=8192)  # pure, and news repeats its figures
def parse_arabic(text: str) -> Number | None:
    """``1,100`` / ``1 100`` / ``4.55`` / ``2e5`` -> Number; None when malformed."""
    digits = text.replace(",", "").replace(" ", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    place = arabic_place(digits)  # 1 and 400 zeros "e-300" is finite, its place is not
    if not (math.isfinite(value) and math.isfinite(place)):
        return None
    if value == 0 and any(ch in "123456789" for ch in digits.lower().partition("e")[0]):
        return None  # 1e-400: too small for a float, not zero
    return Number(value, place)


def place_of(value: float) -> float:
    """The place value of the last significant digit of ``value`` as written in
    shortest form: 4300 -> 100, 69.2 -> 0.1, 270000 -> 10000."""
    text = f"{abs(value):.12g}"
    if "e" in text:
        mantissa, _, exponent = text.partition("e")
        return arabic_place(mantissa) * _pow10(int(exponent))
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
            unit = float(ZH_SMALL[token])
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


def _is_digit_string(tokens: list[str]) -> bool:
    """Chinese digits with no place word, three or more or with a zero (二〇二〇, 一九九八,
    一〇五); two digits without a zero are an estimate (三五天: three to five days)."""
    return (
        len(tokens) >= 2
        and all(t in ZH_DIGITS for t in tokens)
        and (len(tokens) >= 3 or any(t in "零〇" for t in tokens))
    )


@lru_cache(maxsize=8192)  # pure, and news repeats its figures
def parse_chinese(text: str) -> Number | None:
    """Chinese (or mixed Chinese/Arabic) numerals -> Number; None when malformed.

    ``两千四百五`` -> 2450 (a trailing digit after a unit is one place lower),
    ``十几万`` -> 100000 (几 read as nothing) within 110000..190000,
    ``一千多万`` -> 1e7 with approx "多".
    """
    compact = text.replace(" ", "").replace("點", "点")
    whole, _, frac = compact.partition("点")
    tokens = _ZH_TOKEN.findall(whole)
    if not frac and _is_digit_string(tokens):
        # digit by digit, as years and codes are written: 二〇二〇 2020, 一〇五 105
        value = float("".join(str(ZH_DIGITS[t]) for t in tokens))
        return Number(value, place_of(value) if value else 1.0)
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
    integer = _chinese_integer(tokens)
    if integer is None:
        return None
    if not frac:
        return Number(integer, place_of(integer) if integer else 1.0, approx=approx)
    decimals = [ZH_DIGITS.get(ch) for ch in frac]
    if not decimals or any(d is None for d in decimals):
        return None
    value = integer + sum(d * 10.0 ** -(i + 1) for i, d in enumerate(decimals) if d)
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
# Ordinal words that name a denominator ("a hundredth", "three twenty-fifths"), with the
# cardinal each stands for; "first" only inside a compound ("twenty-first").
EN_ORDINALS = {
    **{w: v for w, v in EN_FRACTIONS.items()},
    "first": 1,
    "firsts": 1,
    "second": 2,
    "seconds": 2,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1e3,
    "millionth": 1e6,
    "billionth": 1e9,
    "trillionth": 1e12,
}
for _word in list(EN_ORDINALS):
    if _word.endswith(("th", "d")):
        EN_ORDINALS.setdefault(_word + "s", EN_ORDINALS[_word])
del _word
# Ordinals that can only be denominators after another number word ("twenty-first",
# "one second" is a duration, not a half).
_EN_ORDINAL_COMPOUND_ONLY = {"first", "firsts", "second", "seconds"}
_EN_DIGIT_WORDS = {
    "zero": "0",
    "nought": "0",
    "naught": "0",
    "oh": "0",
    "o": "0",
    **{w: str(v) for w, v in EN_SMALL.items() if v < 10},
}
_EN_HYPHEN_ORDINAL = re.compile(
    rf"(?i:(?:{'|'.join(EN_TENS)}) *- *(?:{'|'.join(sorted(EN_ORDINALS, key=len, reverse=True))}))"
)
_EN_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[a-z]+|-")


def _en_value(word: str) -> float | None:
    """The cardinal value of one token (``seven``, ``twenty-three``, ``12``, ``a``)."""
    if word[0].isdigit():
        try:
            return float(word.replace(",", ""))
        except ValueError:
            return None
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in EN_TENS and unit in EN_SMALL and 0 < EN_SMALL[unit] < 10:
            return float(EN_TENS[tens] + EN_SMALL[unit])
        return None
    if word in EN_SMALL:
        return float(EN_SMALL[word])
    if word in EN_TENS:
        return float(EN_TENS[word])
    if word in EN_SCALES:
        return float(EN_SCALES[word])
    if word in ("a", "an"):
        return 1.0
    if word == "dozen" or word == "dozens":
        return 12.0
    if word in EN_ORDINALS:
        return float(EN_ORDINALS[word])
    return None


def _en_cardinal(words: list[str]) -> float | None:
    """An integer (or decimal-led, ``2.5 million``) written in words or mixed with digits:
    ``two hundred and five``, ``3 hundred and 21``, ``three lakh crore``, ``a dozen``."""
    words = [w for w in words if w != "and"]
    if not words:
        return None
    if words in (["a"], ["an"]):
        return 1.0  # the numerator of "a fifth", "and a half"
    total = current = group = 0.0
    previous = ""
    last_big = 0.0
    last_added = 0.0
    for word in words:
        if word in ("a", "an"):
            if previous not in ("", "scale"):
                return None
            previous = "a"
            continue
        if word in ("dozen", "dozens"):
            current += (group or 1.0) * 12 - group
            group, previous = 0.0, "dozen"
            continue
        if word in EN_SCALES:
            scale = float(EN_SCALES[word])
            if previous == "scale" and current == 0 and scale > last_big and last_added:
                total += last_added * (scale - 1)
                last_added *= scale
                last_big = scale
                continue
            base = current if previous in ("small", "tens", "scale", "digit") and current else 1.0
            if scale == 100:
                current, group = base * 100, 0.0
            else:
                if last_big and scale >= last_big:
                    return None
                total += base * scale
                last_added, last_big = base * scale, scale
                current = group = 0.0
            previous = "scale"
            continue
        value = _en_value(word)
        if value is None or word in EN_ORDINALS:
            return None
        if word[0].isdigit():
            if previous in ("small", "tens", "digit"):
                return None
            kind = "digit"
        elif word in EN_TENS:
            if previous in ("small", "tens", "digit"):
                return None
            kind = "tens"
        else:
            if previous == "small" or previous == "digit" or (previous == "tens" and value >= 10):
                return None
            kind = "small"
        current += value
        group += value
        previous = kind
    if previous == "a":
        return None
    return total + current


def _en_fraction(words: list[str]) -> float | None:
    """Words ending in a denominator: ``two thirds``, ``one hundred and three quarters``,
    ``one hundred thirty fifths`` (100/35, as the Recognizers suite reads it),
    ``three twenty-firsts`` (3/21), ``six million and two thirds`` (6,666,666.67)."""
    if len(words) == 1:
        if words[0] in ("half", "halves"):
            return 0.5
        return None
    values = [0.0 if w == "and" else _en_value(w) for w in words]
    if any(v is None for v in values):
        return None
    # Walk back from the denominator while the words compose with it (thirty + fifth,
    # hundred + fifth); stop at a word that cannot join it or that starts the numerator.
    split = len(words) - 1
    current = values[split] or 0.0
    ceiling = 1.0
    i = len(words) - 2
    while i >= 0:
        if words[i] == "and":
            i -= 1
            continue
        previous, current = current, values[i] or 0.0
        composes = (previous >= 100 and previous > current) or (
            previous < 100 and _composable(current, previous)
        )
        if not composes:
            split = i + 1
            break
        if previous < 100 and current >= ceiling:
            ceiling = current
        elif previous < 100 and current < ceiling:
            split = i + 1
            break
        if i == 0:
            # Everything composes: the numerator is the shortest head that ends where a
            # round number meets a small one (one hundred | thirty fifths).
            split = 1
            while split <= len(words) - 2:
                here, after = values[split] or 0.0, values[split + 1] or 0.0
                if here >= 100 and words[split + 1] != "and" and after < 100:
                    split += 1
                    break
                split += 1
            break
        i -= 1
    denominator_words = [_EN_ORDINAL_AS_CARDINAL.get(w, w) for w in words[split:]]
    denominator = _en_cardinal(denominator_words)
    head = words[:split]
    if not denominator:
        return None
    numerator, whole, mixed = 0.0, head, False
    for j in range(len(head) - 2, -1, -1):
        if head[j] == "and":
            part = _en_cardinal(head[j + 1 :])
            if part is None:
                return None
            numerator, whole, mixed = part, head[:j], True
            break
    integer = _en_cardinal(whole) if whole else 0.0
    if integer is None:
        return None
    if not head:
        numerator = 1.0
    if mixed and numerator < denominator:
        big = EN_SCALES.get(whole[-1], 0) if whole else 0
        if big >= 1e6:  # "six million and two thirds": a fraction of the last scale
            return integer + numerator / denominator * big
        return integer + numerator / denominator
    return (integer + numerator) / denominator


def _composable(big: float, small: float) -> bool:
    base = 100 if small > 10 else 10
    return big % base == 0 and big >= base


def _ordinal_cardinal(word: str) -> str:
    value = EN_ORDINALS[word]
    for name, number in (*EN_SMALL.items(), *EN_TENS.items(), *EN_SCALES.items()):
        if number == value and name not in ("nought", "naught"):
            return name
    return str(int(value))


_EN_ORDINAL_AS_CARDINAL = {w: _ordinal_cardinal(w) for w in EN_ORDINALS}


def _en_tokens(text: str) -> list[str]:
    """Word tokens with hyphenated pairs kept as one (``twenty-three``) unless the second
    half is an ordinal (``thirty-fifths`` -> ``thirty``, ``fifths``)."""
    raw = _EN_TOKEN.findall(text.lower())
    out: list[str] = []
    i = 0
    while i < len(raw):
        token = raw[i]
        if token == "-":
            i += 1
            continue
        if (
            i + 2 < len(raw)
            and raw[i + 1] == "-"
            and raw[i + 2] not in EN_ORDINALS
            and (token in EN_TENS and raw[i + 2] in EN_SMALL and 0 < EN_SMALL[raw[i + 2]] < 10)
        ):
            out.append(f"{token}-{raw[i + 2]}")
            i += 3
            continue
        out.append(token)
        i += 1
    return out


def _en_decimal(words: list[str]) -> str | None:
    """The digits after "point": ``nought four`` -> "04", ``seventy-one`` -> "71"."""
    if words and all(w in _EN_DIGIT_WORDS for w in words):
        return "".join(_EN_DIGIT_WORDS[w] for w in words)
    value = _en_cardinal(words)
    if value is None or value != int(value):
        return None
    return str(int(value))


def _en_number(words: list[str]) -> tuple[float, bool] | None:
    """(value, exact fraction?) of a token list, or None."""
    if not words:
        return None
    if "point" in words:
        at = words.index("point")
        whole = _en_cardinal(words[:at]) if at else 0.0
        digits = _en_decimal(words[at + 1 :])
        if whole is None or digits is None:
            return None
        return whole + float("0." + digits), False
    for marker in (("over",), ("out", "of")):
        for at in range(1, len(words) - len(marker)):
            if tuple(words[at : at + len(marker)]) == marker:
                top = _en_number(words[:at])
                bottom = _en_number(words[at + len(marker) :])
                if top is None or bottom is None or not bottom[0]:
                    return None
                return top[0] / bottom[0], True
    # A fraction of a scale: "half a million", "two thirds of a million", "one billion
    # and three quarters million", "half a dozen".
    last_fraction = max((k for k, w in enumerate(words) if w in EN_ORDINALS), default=-1)
    if 0 <= last_fraction < len(words) - 1:
        tail = [w for w in words[last_fraction + 1 :] if w not in ("of", "a", "an")]
        if not tail or any(w not in EN_SCALES and w not in ("dozen", "dozens") for w in tail):
            return None
        multiplier = math.prod(EN_SCALES.get(w, 12) for w in tail)
        head = words[: last_fraction + 1]
        if "and" in head:
            at = len(head) - 1 - head[::-1].index("and")
            left = _en_cardinal(head[:at])
            right = _en_fraction(head[at + 1 :])
            if left is None or right is None:
                return None
            return left + right * multiplier, True
        if head[0] in ("half", "quarter") and len(head) == 1:
            return multiplier / EN_FRACTIONS[head[0]], True
        part = _en_fraction(head)
        return None if part is None else (part * multiplier, True)
    if last_fraction == len(words) - 1:
        if words[-1] in _EN_ORDINAL_COMPOUND_ONLY and (len(words) < 3 or words[-2] not in EN_TENS):
            return None
        value = _en_fraction(words)
        return None if value is None else (value, True)
    if words[0] in ("half", "quarter") and len(words) > 1:
        rest = _en_cardinal([w for w in words[1:] if w not in ("a", "an")])
        return None if rest is None else (rest / EN_FRACTIONS[words[0]], True)
    value = _en_cardinal(words)
    return None if value is None else (value, False)


@lru_cache(maxsize=8192)  # pure, and news repeats its figures
def parse_english(text: str) -> Number | None:
    """English number words, alone or mixed with digits -> Number: ``twenty-one``,
    ``two hundred and five``, ``3 hundred and 21``, ``a dozen``, ``two thirds``,
    ``one and a half``, ``five point five``, ``one over three``, ``half a million``.
    None when the words do not form one number."""
    words = _en_tokens(text)
    if not words or words[-1] == "and" or words in (["a"], ["an"]):
        return None
    if _EN_HYPHEN_ORDINAL.fullmatch(text.strip()):
        return None  # "the fifty-fifth", "twenty-first": an ordinal, not 50/5
    parsed = _en_number(words)
    if parsed is None:
        return None
    value, exact = parsed
    if not math.isfinite(value):
        return None
    if exact:
        return Number(value, 0.0)
    if "point" in words:
        digits = _en_decimal(words[words.index("point") + 1 :]) or ""
        return Number(value, 10.0 ** -len(digits))
    return Number(value, place_of(value) if value else 1.0)
