"""What is written next to a number and becomes part of its quantity: an English scale
word ("million", "bn", "10k"), a currency symbol or code before it, a unit, classifier,
成 or currency after it, 两 as a weight, and the cents of a two-part amount.
"""

from __future__ import annotations

import re

from recheck.numerals import (
    EN_SCALES,
    EN_SMALL,
    ZH_DIGITS,
    parse_arabic,
    parse_chinese,
    parse_english,
)

from .found import _Found, _last_char
from .patterns import _CJK, _DIGIT, _EN_WORD, _alternation
from .unitwords import (
    _EN_CURRENCY_WORDS,
    _EN_UNITS,
    _EN_UNITS_CASED,
    _ISO,
    _SYMBOLS,
    _ZH_COUNTERS,
    _ZH_CURRENCIES,
    _ZH_UNITS,
)

# English scale words after a number ("400 million", "10k", "$5bn").
_EN_SCALE = re.compile(
    r" ?(?:(?P<word>(?i:thousand|million|billion|trillion|lakh|crore|hundred|dozens?|dozs?|dzs?)"
    r"(?![A-Za-z]))"
    r"|(?P<abbr>(?i:bn|bln|mn|mln|tn|tln|mil)|MM|k|K|M|m|B|b|T)(?![A-Za-z]))"
)
_EN_SCALE_VALUE = {
    **EN_SCALES,
    "dozen": 12,
    "dozens": 12,
    "doz": 12,
    "dozs": 12,
    "dz": 12,
    "dzs": 12,
    "bn": 1e9,
    "bln": 1e9,
    "mn": 1e6,
    "mln": 1e6,
    "tn": 1e12,
    "tln": 1e12,
    "mil": 1e6,
    "mm": 1e6,
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
    "t": 1e12,
}

_ZH_UNIT_RE = re.compile(
    r" *(?P<approx>[多余])?(?P<unit>[个個]? *百 *分 *[点點]|"
    + _alternation([*_ZH_CURRENCIES, *_ZH_UNITS], True)
    + r")(?P<half>半)?"
)
_ZH_COUNTER_RE = re.compile(r"(?P<approx>[多余])?(?P<unit>[" + "".join(_ZH_COUNTERS) + "])")
_EN_UNIT_RE = re.compile(
    r"(?:\s?-\s?|\s{0,2}(?P<open>[(\[{<])?\s?)(?P<unit>"
    + _alternation([*_EN_CURRENCY_WORDS], False)
    + "|"
    + _alternation([k for k in _EN_UNITS if k != "in"], False)
    + "|"
    + _alternation(list(_EN_UNITS_CASED), True)
    + "|"
    + _alternation(list(_ISO), True)  # "500 KRW", "US$2 billion" is a prefix
    + r"|in(?=\.?\s*(?:$|[,;)]|thick|long|wide|tall|high|deep))"
    r'|"(?=\s*(?:thick|long|wide|tall|high|deep|screen|display)\b)|(?<=\d)")'
    r"(?(open)\s?[)\]}>])(?![A-Za-z0-9])(?!-\d)"
)
_CURRENCY_PREFIX = re.compile(
    r"(?P<sym>"
    + _alternation([s for s in _SYMBOLS if not s.isalpha()], True)
    + "|"
    + r"\b(?:"
    + "|".join(c for c in _SYMBOLS if c.isalpha())
    + r")\b"
    + r"|(?i:\bus|\bhk|\bc|\bu\.s\.)\s?\$)\s?$"
)

_CHENG_TAIL = re.compile(r" *([一二三四五六七八九两]|半)")


def _currency_prefix(norm: str, start: int) -> tuple[int, str] | None:
    last = _last_char(norm, start)
    if not last or not (last in "$€£¥₩₹₡₾₭₦₿" or ("A" <= last <= "Z")):
        return None
    window = norm[max(0, start - 8) : start]
    match = _CURRENCY_PREFIX.search(window)
    if not match:
        return None
    symbol = match.group("sym").replace(" ", "")
    code = _SYMBOLS.get(symbol) or _SYMBOLS.get(symbol.upper()) or _prefix_code(symbol)
    return start - (len(window) - match.start()), code


def _prefix_code(symbol: str) -> str:
    lowered = symbol.lower().replace(".", "")
    return {"us$": "USD", "hk$": "HKD", "c$": "CAD"}.get(lowered, "USD")


def _attach_unit(norm: str, found: _Found) -> None:
    """Extend ``found`` over a unit, counter, percent or currency written after it."""
    pos = found.end
    if found.kind in ("zh", "ar", "slash"):
        match = _ZH_UNIT_RE.match(norm, pos)
        if match and not (match.group("unit") in "两兩" and found.kind == "zh"):
            unit_text = match.group("unit").replace(" ", "")
            found.unit = (
                _ZH_UNITS.get(unit_text) or _ZH_CURRENCIES.get(unit_text) or "percentage_point"
            )
            found.end = match.end()
            found.bare = False
            if match.group("half"):
                found.value += 0.5
            if match.group("approx"):
                found.hedge, found.lower = match.group("approx"), found.value
            return
        match = _ZH_COUNTER_RE.match(norm, pos)
        if (match and found.kind in ("zh", "ar") and _CJK.match(norm[pos : pos + 1] or "a")) or (
            match and match.group("approx")
        ):
            found.end = match.end()
            found.bare = False
            found.counter = True
            if match.group("unit") == "打" and found.kind == "zh":  # 一打 = a dozen
                found.value *= 12
                found.place *= 12
            if match.group("approx"):
                found.hedge, found.lower = match.group("approx"), found.value
            return
        cheng = _CHENG.match(norm, pos)
        if cheng and found.kind in ("zh", "ar"):
            _attach_cheng(norm, found, cheng)
            return
    match = _EN_UNIT_RE.match(norm, pos)
    if match:
        unit_text = match.group("unit")
        lowered = unit_text.lower()
        unit = (
            _EN_CURRENCY_WORDS.get(lowered)
            or (_EN_UNITS_CASED.get(unit_text) if unit_text != lowered else None)  # Nm, nm
            or _EN_UNITS.get(lowered)
            or _EN_UNITS_CASED.get(unit_text)
            or _SYMBOLS.get(unit_text)
            or ("inch" if lowered in ("in", '"') else None)
        )
        if unit is None:
            return
        line_start = max(norm.rfind("\n", max(0, pos - 400), pos) + 1, pos - 400)
        if unit_text == '"' and norm.count('"', line_start, pos) % 2:
            return  # 'he said "cut it by 5"': a closing quotation mark, not inches
        if lowered in ("pounds", "pound") and found.scale >= 1e6:
            unit = "GBP"
        if unit in _MULTIPLE_UNITS:  # "three decades" is 30 years
            factor, unit = _MULTIPLE_UNITS[unit]
            found.value *= factor
            found.place *= factor
        found.unit = unit
        found.end = match.end()
        found.bare = False


# Unit words that name a multiple of a unit the registry has.
_MULTIPLE_UNITS = {"decade": (10.0, "year"), "dime": (10.0, "cent")}

_CHENG = re.compile(r" *成(?![功立本果员交长熟就型品都绩效年人])")


def _attach_cheng(norm: str, found: _Found, cheng: re.Match[str]) -> None:
    """七成 -> 70 percent, 七成六 -> 76, 三成半 -> 35."""
    if found.value > 10:
        return
    value, end = found.value * 10, cheng.end()
    tail = _CHENG_TAIL.match(norm, end)
    if tail and tail.group(1) == "半":
        value, end = value + 5, tail.end()
    elif tail and not _CJK.match(norm[tail.end() : tail.end() + 1] or "a"):
        value, end = value + ZH_DIGITS[tail.group(1)], tail.end()
    found.value, found.unit, found.end, found.place, found.bare = value, "percent", end, 10.0, False
    found.scale = 10.0  # a scale word for a range: 一到两成 is 10-20%


def _is_liang(norm: str, text: str, end: int) -> bool:
    """两 closing a numeral is the weight unit liang when the rest is a number on its own:
    三十两, 两万两, 二两 (but not 两, 十二, 一千两百)."""
    if len(text) < 2 or text[-1] not in "两兩" or text[-2] not in "二两兩十百千万萬":
        return False
    after = norm[end : end + 1]
    if after and (_ZH_UNIT_RE.match(after) or _ZH_COUNTER_RE.match(after)):
        return False
    return parse_chinese(text[:-1]) is not None


# Two-part amounts: 五元三毛 (5.3 yuan), 两美元又三美分, 10日元5銭, "3 dollars 50 cents",
# "thirteen dollars and forty-five cents", "thirteen dollars forty five".
_MINOR_ZH = {
    "CNY": {"角": 0.1, "毛": 0.1, "分": 0.01},
    "USD": {"美分": 0.01, "分": 0.01},
    "JPY": {"日本銭": 0.01, "銭": 0.01, "钱": 0.01},
}
# The minor units each currency takes in English, with their size; "" is a bare number
# ("thirteen dollars forty"), read as hundredths.
_CENTS = {"cent": 0.01, "cents": 0.01, "": 0.01}
_MINOR_EN = {
    "USD": _CENTS,
    "CAD": _CENTS,
    "AUD": _CENTS,
    "EUR": _CENTS,
    "GBP": {"pence": 0.01, "p": 0.01, "": 0.01},
    "CNY": {"mao": 0.1, "jiao": 0.1, "fen": 0.01},
}
_MINOR_ZH_RE = re.compile(
    rf" *又? *(?P<n>{_DIGIT}|\d{{1,2}}(?!\d)) *(?P<u>美分|日本銭|[角毛分銭钱])"
    rf"(?: *(?P<n2>{_DIGIT}|\d(?!\d)) *(?P<u2>分)?)?"
)
_EN_DIGIT_WORD = "(?:one|two|three|four|five|six|seven|eight|nine)"
# The minor part: a number, then its unit ("40 cents", "five mao", with the fen after
# mao: "five mao five") or nothing when the clause ends or a conjunction follows
# ("one dollar and one and ..."): a number followed by a noun counts something else.
_MINOR_EN_RE = re.compile(
    rf"(?i: +(?P<and>and +)?(?P<n>\d{{1,2}}(?![\d.,])|(?:{_EN_WORD})(?:(?: *- *| +){_EN_WORD})?)"
    rf"(?: +(?P<u>cents?|pence|p|mao|jiao|fen)\b(?: +(?P<n2>\d|{_EN_DIGIT_WORD})(?: +fen\b)?"
    r"(?= *(?:$|[.,;:!?)])))?"
    r"|(?=(?P<end> *(?:$|[.,;:!?)]))| +(?:and|or|but)\b)))"
)
_BETWEEN = re.compile(r"(?i:\bbetween\s+)$")


def _attach_minor(norm: str, found: _Found) -> None:
    """Add the cents written after a whole currency amount (see the patterns above)."""
    if _CJK.match(norm[found.end - 1 : found.end]):
        minor = _MINOR_ZH.get(found.unit, {})
        match = _MINOR_ZH_RE.match(norm, found.end)
        if not match or match.group("u") not in minor:
            return
        parts = [(match.group("n"), minor[match.group("u")])]
        if match.group("n2"):
            parts.append((match.group("n2"), 0.01 if match.group("u") in "角毛" else 0.0))
        extra = 0.0
        for digits, size in parts:
            value = float(digits) if digits.isdigit() else float(ZH_DIGITS[digits])
            extra += value * size
        if not extra or not (match.group("n2") is None or parts[1][1]):
            return
    else:
        minor = _MINOR_EN.get(found.unit, {})
        match = _MINOR_EN_RE.match(norm, found.end) if found.scale == 1 else None
        if not match or (match.group("u") or "").lower() not in minor:
            return
        words = match.group("n")
        if not norm[found.end - 1 : found.end].isalpha() and not (
            # after a symbol ("$100 and fifty") only a number word closing the clause:
            # "$5 and 10" and "between $5 and 10" are two amounts
            match.group("and")
            and match.group("end") is not None
            and not words[0].isdigit()
            and not _BETWEEN.search(norm, max(0, found.start - 9), found.start)
        ):
            return
        number = parse_arabic(words) if words[0].isdigit() else parse_english(words)
        if number is None or not 0 < number.value < 100 or number.value != int(number.value):
            return
        size = minor[(match.group("u") or "").lower()]
        if size == 0.1 and number.value >= 10:
            return
        extra = number.value * size
        if match.group("n2"):
            if size != 0.1:
                return
            n2 = match.group("n2").lower()
            extra += (float(n2) if n2.isdigit() else float(EN_SMALL[n2])) * size / 10
    found.value += extra
    found.place = min(found.place, 0.01)
    found.end = match.end()


def _attach_scale(norm: str, found: _Found) -> None:
    """Apply an English scale word: "400 million", "10k"; "$5m", "€2B" and "$3T" only
    after a currency symbol (a bare "5m" is five metres)."""
    match = _EN_SCALE.match(norm, found.end)
    if not match:
        return
    abbr = match.group("abbr") or ""
    if abbr in ("m", "B", "T", "b") and _currency_prefix(norm, found.start) is None:
        return
    scale = _EN_SCALE_VALUE[(match.group("word") or abbr).lower()]
    found.value *= scale
    found.place *= scale
    found.scale = scale
    found.end = match.end()
    found.bare = False
