"""Currencies and units named without a number (``人民币``, "the dollar", "per gramme"):
:func:`extract_unit_mentions`, a view for scoring against the peer suites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recheck.numerals import normalize

from .hedges import _merge_ranges
from .patterns import _alternation
from .scan import _scan
from .unitwords import _EN_CURRENCY_WORDS, _EN_UNITS, _ISO, _ZH_CURRENCIES, _ZH_UNITS


@dataclass(frozen=True)
class UnitMention:
    """A currency or unit of measurement named without a number: ``人民币``, "dollar"
    in "a multibillion-dollar deal", "per gramme". ``unit`` as in :class:`Quantity`."""

    text: str
    start: int
    end: int
    unit: str


# Names that are not also common words: not "won", "rand", "pound" (mass or money),
# "feet", "meter" (a device), "bit", "ton(s)" ("tons of"), "cents" ("per cent"); no
# single letters or symbols; durations and percentages are not units anyone names.
_MENTION_UNIT_WORDS = [
    "metric tons",
    "metric ton",
    "metric tonnes",
    "tonnes",
    "tonne",
    "kilograms",
    "kilogram",
    "kilos",
    "grams",
    "gram",
    "grammes",
    "gramme",
    "milligrams",
    "micrograms",
    "microgram",
    "microgrammes",
    "ounces",
    "ounce",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "metres",
    "metre",
    "centimetres",
    "centimeters",
    "millimetres",
    "millimeters",
    "nanometers",
    "nanometres",
    "picometers",
    "picometres",
    "picometer",
    "picometre",
    "miles",
    "mile",
    "inches",
    "square kilometres",
    "square kilometers",
    "square kilometre",
    "square kilometer",
    "square metres",
    "square meters",
    "square meter",
    "square metre",
    "square miles",
    "square mile",
    "square feet",
    "acres",
    "acre",
    "hectares",
    "hectare",
    "cubic metres",
    "cubic meters",
    "cubic feet",
    "litres",
    "liters",
    "litre",
    "liter",
    "millilitres",
    "milliliters",
    "gallons",
    "gallon",
    "kilowatt-hours",
    "kilowatt hours",
    "megawatts",
    "megawatt",
    "gigawatts",
    "gigawatt",
    "kilowatts",
    "kilowatt",
    "kilobytes",
    "megabytes",
    "gigabytes",
    "terabytes",
    "exabytes",
    "mcg",
    "kg",
    "km",
    "mg",
]
_MENTION_EN = {
    **{
        word: code
        for word, code in _EN_CURRENCY_WORDS.items()
        if word not in ("won", "rand", "kip", "lari", "sterling", "cent", "cents", "penny", "pence")
    },
    **{word: _EN_UNITS[word] for word in _MENTION_UNIT_WORDS},
}
# ISO codes that are not also common abbreviations (CAD, SAR, ESP, GEL, CRC, AED ...).
_AMBIGUOUS_CODES = frozenset(
    {"CAD", "SAR", "AED", "BRL", "FIM", "ESP", "NLG", "CRC", "GEL", "LAK", "LKR"}
)
_MENTION_CODES = {
    code: "CNY" if code == "RMB" else code for code in _ISO if code not in _AMBIGUOUS_CODES
}
_MENTION_ZH = {
    **{
        word: code
        for word, code in _ZH_CURRENCIES.items()
        if len(word) > 1 and word not in ("块钱", "美分", "元人民币", "个比特币", "個比特幣")
    },
    **{
        word: _ZH_UNITS[word]
        for word in [
            "公斤",
            "千克",
            "公里",
            "千米",
            "平方公里",
            "平方千米",
            "平方米",
            "立方米",
            "英里",
            "英尺",
            "英寸",
            "海里",
            "加仑",
            "盎司",
            "公顷",
            "毫升",
            "毫米",
            "厘米",
            "千瓦时",
            "千瓦",
            "兆瓦",
            "吉瓦",
        ]
    },
}
_MENTION_RE = re.compile(
    r"(?<![A-Za-z])(?:"
    + _alternation(list(_MENTION_EN), False)
    + "|"
    + _alternation(list(_MENTION_CODES), True)
    + r")(?![A-Za-z])|"
    + _alternation(list(_MENTION_ZH), True)
)


def extract_unit_mentions(text: str) -> list[UnitMention]:
    """Currencies and units named in ``text`` without a number, sorted by start.

    The Recognizers *currency* and *dimension* models report these too (``人民币 美元``,
    "the dollar", "is mcg"); claims never use them: a quantity needs a number, and the
    spans of :func:`extract_quantities` are left out. Only unambiguous names count
    (not "won", "pound", "feet", ``元``). Never raises.
    """
    try:
        norm = normalize(text)
        taken = [(item.start, item.end) for item in _merge_ranges(norm, _scan(norm))]
        out: list[UnitMention] = []
        spans = iter(taken)
        span = next(spans, None)
        for match in _MENTION_RE.finditer(norm):
            while span is not None and span[1] <= match.start():
                span = next(spans, None)
            if span is not None and span[0] < match.end():
                continue
            word = match.group()
            unit = _MENTION_ZH.get(word) or _MENTION_CODES.get(word) or _MENTION_EN[word.lower()]
            out.append(UnitMention(text[match.start() : match.end()], *match.span(), unit))
        return out
    except Exception:  # like extract_quantities: never raises
        return []
