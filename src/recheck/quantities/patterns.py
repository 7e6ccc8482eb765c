"""Regular-expression building blocks for numbers as they are written: Chinese numerals,
Arabic digits, English number words and digits mixed with them, fractions (三分之一,
3/4, ½), 折 discounts, fixed words (翻倍, doubled), an article before a unit and
counting nouns; from them the core pattern that reads one number (``_CORE``) and the
cheap one that finds where a number may begin (``_CANDIDATE``).
"""

from __future__ import annotations

import re

from recheck.numerals import EN_FRACTIONS, EN_ORDINALS, EN_SCALES, EN_SMALL, EN_TENS

_D = "零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖兩倆"
_DIGIT = f"[{_D}]"
# A Chinese place word; 百/千/兆 are not scale words when they begin a unit (百分, 千克, 兆瓦).
_UNIT = "(?:[十拾佰仟万萬亿億]|百(?!分)|千(?![克米瓦卡焦])|兆(?![瓦赫字焦帕]))"
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_ZH_PIECE = (
    rf"(?:{_DIGIT}|{_UNIT}|{_ARABIC} *(?={_UNIT}|[多余几]{_UNIT})"
    r"|(?:(?<=[十拾百佰千仟万萬亿億零〇\d])|(?<=[十拾百佰千仟万萬亿億零〇\d] ))[多余餘几幾])"
)
_ZH_NUMBER = (
    rf"(?=[{_D}十拾]|\d)(?:{_ZH_PIECE})(?: *(?:{_ZH_PIECE}))*"
    rf"(?:(?<=[万萬亿億千仟百佰零]){_ARABIC})?(?: *[点點] *{_DIGIT}+)?"
)
_EN_WORDS = sorted([*EN_SMALL, *EN_TENS, *EN_SCALES, "dozens", "dozen"], key=len, reverse=True)
_EN_WORD = rf"(?:{'|'.join(_EN_WORDS)})"
_EN_FRACTION = rf"(?:{'|'.join(sorted(EN_FRACTIONS, key=len, reverse=True))})"
# Denominators: every ordinal that names a fraction, "first" only after a tens word.
_EN_ORDINAL = rf"(?:{'|'.join(sorted(EN_ORDINALS, key=len, reverse=True))})"
# Between number words: a space, a hyphen, "and" or "&", and a comma after a scale word
# when a group with its own scale word follows ("three million, two hundred and six").
_EN_SEP = (
    r"(?: *- *| +(?:and|&) +| +|(?:(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion)), +"
    r"(?=[a-z]+(?:-[a-z]+)? +(?:hundred|thousand|million)\b))"
)
# A run of number words, ordinals after the first word ("one hundred thirty fifths",
# "one and a half"), then "point" decimals ("five point five"). Runs are bounded (12
# words, 8 decimals) so that a long list of number words costs linear time.
_EN_RUN = (
    rf"{_EN_WORD}(?:{_EN_SEP}(?:an? +)?(?:{_EN_WORD}|{_EN_ORDINAL})){{0,11}}"
    rf"(?: +point(?:(?: +| *- *)(?:{_EN_WORD}|oh)){{1,8}})?"
)
_EN_NUMBER = (
    rf"(?<![A-Za-z-])(?:(?:an? +)?{_EN_RUN}"
    rf"(?: +of +an? +(?:thousand|million|billion|trillion))?"
    rf"(?: +(?:out +of +(?:\d+(?![\d.,])|{_EN_RUN})"
    rf"|over +(?:\d+(?![\d.,])|{_EN_RUN})(?! *[A-Za-z])))?"
    rf"|an? +{_EN_ORDINAL}(?: +of +an? +(?:thousand|million|billion|trillion))?"
    rf"|(?:half|quarter) +(?:an? +)?(?:thousand|million|billion|trillion"
    r"|dozen)|half)(?![A-Za-z])"
)
# Digits mixed with number words: "3 hundred and 21", "4 thousand 3 hundred",
# "3 million and a half", "2000 over 3".
_EN_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|lakh|crore|dozens?)"
_EN_MIXED_MID = rf"(?: +and)? +\d{{1,3}} +{_EN_SCALE_WORD}"
_EN_MIXED_TAIL = (
    rf"(?:(?<=hundred)(?: +and)? +\d{{1,2}}(?![\d.,%])"
    rf"|(?: +and)? +(?:an? +)?{_EN_RUN}(?!-[A-Za-z])|(?: +and)? +an? +{_EN_FRACTION})"
)
_EN_MIXED = (
    rf"(?<![\d.,])(?:\d{{1,3}}(?:\.\d+)? +{_EN_SCALE_WORD}"
    rf"(?:(?:{_EN_MIXED_MID}){{1,4}}{_EN_MIXED_TAIL}?|{_EN_MIXED_TAIL})"
    rf"|\d+ +(?:out +of +(?:\d+(?![\d.,])|{_EN_RUN})"
    rf"|over +(?:\d+(?![\d.,])|{_EN_RUN})(?! *[A-Za-z])))(?![A-Za-z])"
)
_ARABIC_EN = (
    r"(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?"
    # not after a letter: "i7 860" is a code and a number, never 7,860
    r"|(?<![A-Za-z])\d{1,3}(?: \d{3})+(?![\d,])(?:\.\d+)?"
    r"|\d+(?:\.\d+)?(?:[eE][-+]?\d+(?![A-Za-z])|\^[-+]{0,2}\d+(?![\d.])"
    r"|[×x](?:10(?:\^[-+]?|[-+])\d{1,3}|\d+\^[-+]?\d{1,3})(?![\d.]))?|\.\d+)"
)
_FRACTION_ZH = (
    rf"(?:(?P<whole>{_ZH_NUMBER}|\d+) *又 *)?"
    rf"(?P<den>(?=[{_D}十拾百千万萬佰仟\d])(?:{_ZH_NUMBER}|\d+)?(?: *[百千万萬佰仟])*)"
    rf" *分 *之 *(?P<nneg>[负負] *)?(?P<num>百|(?:{_ZH_NUMBER}|{_ARABIC})(?: ?[kK](?![A-Za-z]))?)"
)
# A discount or share in tenths: 八折 (80%), 7.5折, 三八折 (38%), 打对折 (50%).
_ZHE = (
    rf"(?P<zhe>(?:\d{{1,2}}(?:\.\d)?|{_DIGIT} *(?:[点點] *)?{_DIGIT}?|\d \d|半) *折"
    r"(?![合算旧叠返腾射中价扣痕磨服])|(?<=打)[对對]折)"
)
_SPECIAL = (
    r"翻了?(?:一|两|三)?(?:番|倍)|一半|半成|(?<![一二三四五六七八九十])半百"
    r"|[百千][一二三四五六七八九](?![十百千万萬亿億零〇一二三四五六七八九点點分])"
    r"|(?i:\b(?:doubled|tripled|trebled|quadrupled|halved|(?:two|three|four|five|six|seven"
    r"|eight|nine|ten)fold)\b)"
)
# "a gallon", "an inch": the article is one of the unit, as 一吨 is a quantity. Only
# units that are not also common words or idioms ("a ton of", "a foot in the door",
# "a meter" the device, "a bit", "a pound coin", "a euro zone"), and no durations:
# "a year ago", "twice a day".
_ART_UNITS = (
    "gallon|litre|liter|millilitre|milliliter|kilogram|kilo|gram|gramme|milligram"
    "|microgram|tonne|metric ton|ounce|mile|kilometre|kilometer|metre|centimetre"
    "|centimeter|millimetre|millimeter|inch|acre|hectare|square mile|square kilometre"
    "|square kilometer|square metre|square meter|cubic metre|cubic meter|kilowatt-hour"
    "|kilowatt hour|megawatt|gigawatt|kilowatt|watt|byte|kilobyte|megabyte|gigabyte"
    "|terabyte|kibibyte|mebibyte|gibibyte|penny|cent|dime|dollar|percentage point"
)
_ART = rf"(?<![A-Za-z'])[Aa]n? (?=(?i:{_ART_UNITS})(?![-A-Za-z]))"
# Counting nouns besides "dozen": "a baker's dozen" 13, "a gross" (as a noun: "a gross of
# pencils", not "a gross error") and "a square dozen" 144.
_COUNT_NOUNS = {"baker's dozen": 13.0, "square dozen": 144.0, "gross": 144.0}
_COUNT_NOUN = (
    r"(?<![A-Za-z])(?:(?:[Aa] +)?(?i:baker['’]s +dozen|square +dozen)"
    r"|[Aa] +gross(?= +(?:of|is|was)\b| *[,.;:!?)]))(?![A-Za-z])"
)
# Unicode vulgar fractions: ½ cup, 1¼ miles.
_VULGAR = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}
_CORE = re.compile(
    rf"(?P<special>{_SPECIAL})|{_ZHE}|(?P<frac>{_FRACTION_ZH})"
    # "3/4", "1 1/2": the whole part needs its space, so a run of digits splits one way
    # only (``\d+ *(?:\d+ *)?`` backtracked quadratically on long digit runs).
    rf"|(?P<slash>(?<![\d/])\d+(?: +\d+)? */ *\d+(?![\d/]))"
    rf"|(?P<vulgar>(?:(?<![\d.,])\d+ ?)?[{''.join(_VULGAR)}])"
    rf"|(?P<zh>{_ZH_NUMBER})|(?P<mix>(?i:{_EN_MIXED}))|(?P<ar>{_ARABIC_EN})"
    rf"|(?P<en>(?i:{_EN_NUMBER}))"
    rf"|(?P<pctof>(?i:\bper ?cents? of +)(?:{_ARABIC_EN}|(?i:{_EN_NUMBER})))"
    rf"|(?P<art>{_ART})|(?P<countnoun>{_COUNT_NOUN})"
)

_CANDIDATE_WORDS = [
    *EN_SMALL,
    *EN_TENS,
    *EN_SCALES,
    *(w for w in EN_ORDINALS if not w.startswith(("first", "second"))),
    "half",
    "quarter",
    "dozen",
    "per",
    "doubled",
    "tripled",
    "trebled",
    "quadrupled",
    "halved",
]


def _by_first_letter(words: list[str]) -> str:
    """An alternation of lower-case ``words`` that also matches them capitalised or in
    capitals, grouped by first letter (much faster than one flat alternation)."""
    groups: dict[str, set[str]] = {}
    for word in words:
        groups.setdefault(word[0], set()).add(word[1:])
    return "|".join(
        f"[{first}{first.upper()}](?i:{'|'.join(sorted(rests, key=len, reverse=True))})"
        for first, rests in sorted(groups.items())
    )


# Where a number may begin: cheap to find, so the full pattern runs only there.
_CANDIDATE_SYMBOLS = rf"[\d{_D}十拾百佰千仟万萬半翻对對{''.join(_VULGAR)}]|\.(?=\d)"
# Text without an ASCII letter (most Chinese sentences) needs only the symbols: every
# word below starts with one, and the word branch costs a test at every position.
_ASCII_LETTER = re.compile("[A-Za-z]")
_CANDIDATE_NO_WORDS = re.compile(_CANDIDATE_SYMBOLS)
_CANDIDATE = re.compile(
    rf"{_CANDIDATE_SYMBOLS}"
    rf"|\b(?:{_by_first_letter(_CANDIDATE_WORDS)}"
    # "a gallon", "a baker's dozen" (inside the \b group: one test per position)
    rf"|[Aa](?:n? (?=(?i:{_ART_UNITS})(?![-A-Za-z]))| +gross)"
    r"|[Bb](?i:aker['’]s +dozen)|[Ss](?i:quare +dozen))"
)


def _alternation(words: list[str], cased: bool) -> str:
    escaped = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    body = "|".join(escaped)
    return f"(?:{body})" if cased else f"(?i:{body})"


_CJK = re.compile(r"[\u3400-\u9fff]")
