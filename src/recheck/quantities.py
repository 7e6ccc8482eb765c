"""Quantities in Chinese and English news text: numbers with their units, scale words,
hedges and ranges.

The entry point is :func:`extract_quantities`; :func:`extract_numbers` (every number,
years and codes included) and :func:`extract_unit_mentions` (units named without a
number) are lower-level views for scoring against the peer suites that claims never use.
The design, the units chosen and the measured accuracy are written up in
``docs/extraction.md``.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, replace

from recheck.models import Quantity
from recheck.numerals import (
    EN_FRACTIONS,
    EN_ORDINALS,
    EN_SCALES,
    EN_SMALL,
    EN_TENS,
    ZH_DIGITS,
    Number,
    normalize,
    parse_arabic,
    parse_chinese,
    parse_english,
)
from recheck.units import CURRENCIES, UnitError, parse_unit

# --------------------------------------------------------------------------- patterns

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
_CANDIDATE = re.compile(
    rf"[\d{_D}十拾百佰千仟万萬半翻对對{''.join(_VULGAR)}]|\.(?=\d)"
    rf"|\b(?:{_by_first_letter(_CANDIDATE_WORDS)}"
    # "a gallon", "a baker's dozen" (inside the \b group: one test per position)
    rf"|[Aa](?:n? (?=(?i:{_ART_UNITS})(?![-A-Za-z]))| +gross)"
    r"|[Bb](?i:aker['’]s +dozen)|[Ss](?i:quare +dozen))"
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

# --------------------------------------------------------------------------- units

# Chinese units written right after a number, with the pint unit they mean.
_ZH_UNITS = {
    "吨": "t",
    "噸": "t",
    "公吨": "t",
    "公斤": "kg",
    "千克": "kg",
    "克": "g",
    "毫克": "mg",
    "微克": "µg",
    "斤": "jin",
    "两": "liang",
    "兩": "liang",
    "磅": "lb",
    "盎司": "oz",
    "亩": "mu",
    "畝": "mu",
    "公顷": "hectare",
    "平方公里": "km**2",
    "平方千米": "km**2",
    "平方米": "m**2",
    "立方米": "m**3",
    "公里": "km",
    "千米": "km",
    "米": "m",
    "公分": "cm",
    "厘米": "cm",
    "毫米": "mm",
    "英里": "mile",
    "英尺": "ft",
    "英寸": "inch",
    "海里": "nmi",
    "升": "L",
    "毫升": "mL",
    "加仑": "gallon",
    "桶": "oil_barrel",
    "千瓦时": "kWh",
    "度电": "kWh",
    "千瓦": "kW",
    "兆瓦": "MW",
    "吉瓦": "GW",
    "瓦": "W",
    "比特": "bit",
    "字节": "byte",
    "千字节": "kB",
    "兆字节": "MB",
    "年": "year",
    "个月": "month",
    "個月": "month",
    "天": "day",
    "周": "week",
    "个星期": "week",
    "星期": "week",
    "小时": "hour",
    "个小时": "hour",
    "个半小时": "hour",
    "分钟": "minute",
    "秒": "second",
    "岁": "year",
    "倍": "fold",
    "%": "percent",
    "个百分点": "percentage_point",
    "個百分點": "percentage_point",
    "百分点": "percentage_point",
    "百分點": "percentage_point",
}
_ZH_CURRENCIES = {
    "美元": "USD",
    "美金": "USD",
    "美圆": "USD",
    "人民币": "CNY",
    "元人民币": "CNY",
    "元": "CNY",
    "块": "CNY",
    "块钱": "CNY",
    "韩元": "KRW",
    "日元": "JPY",
    "欧元": "EUR",
    "英镑": "GBP",
    "港元": "HKD",
    "港币": "HKD",
    "新台币": "TWD",
    "台币": "TWD",
    "澳元": "AUD",
    "加元": "CAD",
    "瑞士法郎": "CHF",
    "法郎": "CHF",
    "卢布": "RUB",
    "卢比": "INR",
    "新加坡元": "SGD",
    "林吉特": "MYR",
    "雷亚尔": "BRL",
    "兰特": "ZAR",
    "奈拉": "NGN",
    "比特币": "BTC",
    "个比特币": "BTC",
    "個比特幣": "BTC",
    "比特幣": "BTC",
    "美分": "cent",
}
_ZH_COUNTERS = (
    "个",
    "個",
    "种",
    "種",
    "项",
    "項",
    "家",
    "座",
    "名",
    "人",
    "件",
    "次",
    "位",
    "条",
    "條",
    "只",
    "台",
    "辆",
    "艘",
    "架",
    "部",
    "所",
    "例",
    "份",
    "批",
    "款",
    "处",
    "间",
    "套",
    "颗",
    "篇",
    "本",
    "张",
    "户",
    "支",
    "根",
    "枚",
    "棵",
    "头",
    "匹",
    "场",
    "轮",
    "届",
    "期",
    "层",
    "栋",
    "片",
    "省",
    "道",
    "笔",
    "对",
    "双",
    "雙",
    "對",
    "打",
    "口",
    "股",
    "起",
    "趟",
    "幅",
)
# English unit words: surface (lower case unless noted) -> pint unit.
_EN_UNITS = {
    "metric tons": "t",
    "metric ton": "t",
    "metric tonnes": "t",
    "tonnes": "t",
    "tonne": "t",
    "tons": "t",
    "ton": "t",
    "short tons": "ton",
    "short ton": "ton",
    "long tons": "long_ton",
    "long ton": "long_ton",
    "kilograms": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "kg": "kg",
    "grams": "g",
    "gram": "g",
    "grammes": "g",
    "gramme": "g",
    "milligrams": "mg",
    "mg": "mg",
    "micrograms": "µg",
    "microgram": "µg",
    "microgrammes": "µg",
    "mcg": "µg",
    "μg": "µg",
    "pounds": "lb",
    "pound": "lb",
    "lbs": "lb",
    "lb": "lb",
    "ounces": "oz",
    "ounce": "oz",
    "oz": "oz",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "centimetres": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimetres": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "nanometers": "nm",
    "picometers": "pm",
    "picometres": "pm",
    "picometer": "pm",
    "picometre": "pm",
    "nanometres": "nm",
    "nm": "nm",
    "miles": "mile",
    "mile": "mile",
    "mi": "mile",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "inches": "inch",
    "inch": "inch",
    "yards": "yard",
    "yard": "yard",
    "square kilometres": "km**2",
    "square kilometers": "km**2",
    "square kilometre": "km**2",
    "square kilometer": "km**2",
    "sq km": "km**2",
    "km2": "km**2",
    "km²": "km**2",
    "square metres": "m**2",
    "square meters": "m**2",
    "square meter": "m**2",
    "square metre": "m**2",
    "m2": "m**2",
    "m²": "m**2",
    "square miles": "mile**2",
    "square mile": "mile**2",
    "sq mi": "mile**2",
    "square feet": "ft**2",
    "sq ft": "ft**2",
    "acres": "acre",
    "acre": "acre",
    "hectares": "hectare",
    "hectare": "hectare",
    "cubic metres": "m**3",
    "cubic meters": "m**3",
    "cubic feet": "ft**3",
    "cubic kilometers": "km**3",
    "cubic kilometres": "km**3",
    "km3": "km**3",
    "litres": "L",
    "liters": "L",
    "litre": "L",
    "liter": "L",
    "millilitres": "mL",
    "milliliters": "mL",
    "ml": "mL",
    "cl": "cL",
    "gallons": "gallon",
    "gallon": "gallon",
    "barrels": "oil_barrel",
    "barrel": "oil_barrel",
    "bbl": "oil_barrel",
    "seconds": "second",
    "second": "second",
    "minutes": "minute",
    "minute": "minute",
    "hours": "hour",
    "hour": "hour",
    "hrs": "hour",
    "hr": "hour",
    "days": "day",
    "day": "day",
    "weeks": "week",
    "week": "week",
    "months": "month",
    "month": "month",
    "years": "year",
    "year": "year",
    "yrs": "year",
    "decades": "decade",  # pint's decade is logarithmic: read as 10 years
    "decade": "decade",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "wh": "Wh",
    "kilowatt-hours": "kWh",
    "kilowatt hours": "kWh",
    "megawatts": "MW",
    "megawatt": "MW",
    "gigawatts": "GW",
    "gigawatt": "GW",
    "kilowatts": "kW",
    "kilowatt": "kW",
    "watts": "W",
    "watt": "W",
    "kw": "kW",
    "mw": "MW",
    "km^2": "km**2",
    "km^3": "km**3",
    "m^2": "m**2",
    "m^3": "m**3",
    "km squared": "km**2",
    "km cubed": "km**3",
    "m squared": "m**2",
    "m cubed": "m**3",
    "tpd": "t/day",
    "s-1": "1/s",
    "british thermal units": "BTU",
    "british thermal unit": "BTU",
    "btus": "BTU",
    "btu": "BTU",
    "fb-1": "1/fb",
    "fb^-1": "1/fb",
    "pb-1": "1/pb",
    "pb^-1": "1/pb",
    "s^-1": "1/s",
    "km/s2": "km/s**2",
    "km/s²": "km/s**2",
    "m/s2": "m/s**2",
    "m/s²": "m/s**2",
    "cups": "cup",
    "cup": "cup",
    "tablespoons": "tablespoon",
    "tablespoon": "tablespoon",
    "tbsp": "tablespoon",
    "teaspoons": "teaspoon",
    "teaspoon": "teaspoon",
    "tsp": "teaspoon",
    "gw": "GW",
    "ghz": "GHz",
    "mhz": "MHz",
    "mph": "mph",
    "km/h": "km/hour",
    "kph": "km/hour",
    "kmph": "km/hour",
    "degrees celsius": "degC",
    "degrees fahrenheit": "degF",
    "°c": "degC",
    "°f": "degF",
    "ev": "eV",
    "tev": "TeV",
    "gev": "GeV",
    "bits": "bit",
    "bit": "bit",
    "bytes": "byte",
    "byte": "byte",
    "kilobytes": "kB",
    "kilobyte": "kB",
    "megabytes": "MB",
    "megabyte": "MB",
    "gigabytes": "GB",
    "gigabyte": "GB",
    "terabytes": "TB",
    "terabyte": "TB",
    "exabytes": "EB",
    "exabyte": "EB",
    "kibibytes": "KiB",
    "kibibyte": "KiB",
    "mebibytes": "MiB",
    "mebibyte": "MiB",
    "gibibytes": "GiB",
    "gibibyte": "GiB",
    "gigaannum": "gigayear",
    "gigaannums": "gigayear",
    "gigayears": "gigayear",
    "gigayear": "gigayear",
    "megaannum": "megayear",
    "megaannums": "megayear",
    "megayears": "megayear",
    "megayear": "megayear",
    "joule-seconds": "J*s",
    "joule-second": "J*s",
    "newton-metres": "N*m",
    "newton-meters": "N*m",
    "newton metres": "N*m",
    "newton meters": "N*m",
    "kb": "kbit",
    "percent": "percent",
    "per cent": "percent",
    "percentage points": "percentage_point",
    "percentage point": "percentage_point",
    "pp": "percentage_point",
    "pct": "percent",
    "percentage": "percent",
    "percents": "percent",
    "fold": "fold",
    "-fold": "fold",
}
# Symbols whose case matters.
_EN_UNITS_CASED = {
    "%": "percent",
    "€": "EUR",
    "£": "GBP",
    "MB": "MB",
    "dm": "dm",
    "GB": "GB",
    "TB": "TB",
    "Mb": "Mbit",
    "Gb": "Gbit",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "ரூ": "LKR",
    "₦": "NGN",
    "₿": "BTC",
    "m": "m",
    "g": "g",
    "t": "t",
    "L": "L",
    "l": "L",
    "W": "W",
    "MW": "MW",
    "GW": "GW",
    "kW": "kW",
    "Ma": "megayear",
    "Ga": "gigayear",
    "C": "degC",  # "warming of 1.5C"
    "Myr": "megayear",
    "Gyr": "gigayear",
    "KiB": "KiB",
    "MiB": "MiB",
    "GiB": "GiB",
    "TiB": "TiB",
    # products of SI symbols written without the dot (J·s, N·m, cd·s)
    "Js": "J*s",
    "J·s": "J*s",
    "Nm": "N*m",
    "N·m": "N*m",
    "cds": "cd*s",
    "cd·s": "cd*s",
    "J": "J",
    "mGy": "mGy",
    "pm": "pm",
    "am": "am",
    "Gy": "Gy",
    "Hz": "Hz",
    "mL": "mL",
}
_EN_CURRENCY_WORDS = {
    "us dollars": "USD",
    "us dollar": "USD",
    "u.s. dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "hong kong dollars": "HKD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "singapore dollars": "SGD",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "chinese yuan": "CNY",
    "yen": "JPY",
    "won": "KRW",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "rupees": "INR",
    "rupee": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "swiss francs": "CHF",
    "francs": "CHF",
    "pesos": "MXN",
    "reais": "BRL",
    "rand": "ZAR",
    "ringgit": "MYR",
    "riyals": "SAR",
    "dirhams": "AED",
    "cents": "cent",
    "cent": "cent",
    "dimes": "dime",
    "dime": "dime",
    "pence": "penny",
    "penny": "penny",
    "kuai": "CNY",
    "naira": "NGN",
    "bitcoins": "BTC",
    "bitcoin": "BTC",
    "finnish markkaa": "FIM",
    "finnish markka": "FIM",
    "markkaa": "FIM",
    "markka": "FIM",
    "pesetas": "ESP",
    "peseta": "ESP",
    "dutch guilders": "NLG",
    "guilders": "NLG",
    "guilder": "NLG",
    "colones": "CRC",
    "colón": "CRC",
    "lari": "GEL",
    "kip": "LAK",
    "sri lankan rupees": "LKR",
}
_ISO = (*CURRENCIES, "RMB")
_CURRENCY_UNITS = {*CURRENCIES, "cent", "penny", "dime"}
_SYMBOLS = {
    "US$": "USD",
    "U.S.$": "USD",
    "U.S. $": "USD",
    "US $": "USD",
    "C$": "CAD",
    "C $": "CAD",
    "HK$": "HKD",
    "HK $": "HKD",
    "A$": "AUD",
    "AU$": "AUD",
    "NT$": "TWD",
    "S$": "SGD",
    "R$": "BRL",
    "Mex$": "MXN",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "₩": "KRW",
    "₹": "INR",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "₦": "NGN",
    "₿": "BTC",
    "RMB": "CNY",
    **{code: code for code in _ISO if code != "RMB"},
}


def _alternation(words: list[str], cased: bool) -> str:
    escaped = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    body = "|".join(escaped)
    return f"(?:{body})" if cased else f"(?i:{body})"


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
_PER = re.compile(
    r"(?:\s*/\s*|\s+per\s+|\s+an?\s+|\s+each\s+|每)(?P<den>"
    + _alternation(
        [
            *_ZH_UNITS,
            "ton",
            "tons",
            "tonne",
            "metric ton",
            "kg",
            "kilogram",
            "pound",
            "lb",
            "ounce",
            "oz",
            "barrel",
            "bbl",
            "gallon",
            "litre",
            "liter",
            "hour",
            "hr",
            "day",
            "week",
            "month",
            "year",
            "km",
            "mile",
            "kwh",
            "mwh",
            "share",
            "head",
            "person",
            "capita",
            "min",
            "minute",
            "s",
        ],
        False,
    )
    + r")(?![A-Za-z])(?!\s+(?:earlier|ago|later|before|after|from|of)\b)"
)
_PER_UNIT = {
    "ton": "t",
    "tons": "t",
    "tonne": "t",
    "metric ton": "t",
    "kg": "kg",
    "kilogram": "kg",
    "pound": "lb",
    "lb": "lb",
    "ounce": "oz",
    "oz": "oz",
    "barrel": "oil_barrel",
    "bbl": "oil_barrel",
    "gallon": "gallon",
    "litre": "L",
    "liter": "L",
    "hour": "hour",
    "hr": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "km": "km",
    "mile": "mile",
    "kwh": "kWh",
    "mwh": "MWh",
    "min": "minute",
    "minute": "minute",
    "s": "second",
}
_ZH_PER_BEFORE = re.compile(r"每 *(?P<den>" + _alternation(list(_ZH_UNITS), True) + r") *$")

# --------------------------------------------------------------------------- hedges

_HEDGE_BEFORE = re.compile(
    r"(?:(?P<over>超过|超出|逾|高于|多于|大于|至少|不少于|不低于|突破|"
    r"(?i:\b(?:more than|over|at least|above|in excess of|upwards of|exceeding|no less than)))"
    r"|(?P<under>不到|不足|低于|少于|小于|不超过|最多|"
    r"(?i:\b(?:less than|fewer than|under|below|at most|no more than|up to|just under)))"
    r"|(?P<about>大约|约为|约合|约|大概|(?i:\b(?:about|approximately|approx\.|roughly|around"
    r"|some|an estimated|estimated)))"
    r"|(?P<nearly>将近|接近|逼近|近|几近|(?i:\b(?:nearly|almost|close to))))\s*$"
)
# The last characters of the hedge words above, to skip the search when none can match.
_HEDGE_LAST = set("过出逾于少低破到足多约概近合为nrtefgwodyNRTEFGWODY.")
_HEDGE_AFTER = re.compile(
    r"\s*(?:(?P<over>以上|多(?![个項项]))|(?P<under>以下|以内)|(?P<about>左右|上下(?![游文])))"
)

# --------------------------------------------------------------------------- not quantities

_CJK = re.compile(r"[\u3400-\u9fff]")
_URL = re.compile(r"(?:https?://|www\.)\S*$")
_BLOCKED = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"|(?<![\d.])\d{1,2}\s*[ap]\.?m\.?(?![A-Za-z])"
    r"|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?\b(?:\s*,\s*\d{4})?)"
    r"|(?i:\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june"
    r"|july|august|september|october|november|december)\b)"
    r"|\b\d+(?:st|nd|rd|th)\b|(?:'|’)?\b\d{2,4}'?s\b"
    r"|\[\d+(?:[,-]\d+)*\]|\d+年代|第 *\d+"
    r"|(?<![A-Za-z0-9.])[A-Za-z]+-?\d+(?:[A-Za-z\d-]|[.+](?=\d))*|\b\d{4}-\d{2}\b"
)
# Chinese words and idioms with numerals in them, ordinals, plan names, months.
_BLOCKED_ZH = re.compile(
    r"[零〇一二两三四五六七八九十百千]+年代|第 *[" + _D + r"十百千]+"
    r"|一步步|十分(?!之)|五角大楼|一起|统一|一针见血|一些|一定|唯一|一旦|一边|一直|一切"
    r"|(?<![零〇一二两三四五六七八九十百千])万一|(?<!分)(?<!分 )(?<!分  )之一"
    r"|一样|一般|一致|一向|一再|一律|一同|一体|一带一路|一流|一手|一线|一方面|一时|一口气"
    r"|千万(?=[别不要])|一天两天|三番五次|四面八方|五花八门|七上八下|乱七八糟|一心一意"
    r"|千方百计|万众一心|九死一生|十全十美|独一无二|一举两得|三心二意|一成不变|十四五|十三五"
    r"|十二五|十一五|十五五|两岸|两会|四川|一度|一直|一并|一概|一举|一路|一向|一贯|一连"
    r"|[一二三四五六七八九十]+月(?!份?[间内])"
)
_LINE_LABEL = re.compile(r"[ \t]*(?:[-*•]\s*)?\d{1,3}(?:[.)、:](?!\d)|\s*[)）])")

_LONE_BEFORE = set("是为有前和或与及到至比剩共、，,：:；;（(“\"‘'「『 \n\t")
_LONE_AFTER = set("的不这那而却和与或是了、，,。.；;：:！!？?）)”\"’'」』 \n\t")

_PLAIN_DIGITS = re.compile(r"[\d.,]+")
_CHENG_TAIL = re.compile(r" *([一二三四五六七八九两]|半)")
_PCT_OF = re.compile(r"(?i)per ?cents? of +")
_TRAILING_BIG = re.compile("[万萬亿億]+$")
_UNIT_FIRST = {w[0] for w in (*_ZH_UNITS, *_ZH_CURRENCIES, *_ZH_COUNTERS)} | set("成折多余百个")
# Formal (banker's) numerals that are also common word characters: 登陆, 拾起, 队伍.
_PLUS_MINUS = re.compile(r" ?(?:\+/-|±|\+-) ?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\d.])")
_FORMAL_DIGITS = set("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
_PERCENT_UNITS = {"percent", "percentage_point"}
_COUNT = "dimensionless"


@dataclass
class _Found:
    """A quantity being assembled (offsets into the text)."""

    start: int
    end: int
    value: float
    unit: str
    place: float
    scale: float = 1.0
    lower: float | None = None
    upper: float | None = None
    hedge: str = ""
    bare: bool = True  # no unit and no scale word: a plain number
    kind: str = ""  # which core pattern found it
    counter: bool = False  # a Chinese classifier follows (12种, 两家)


def _last_char(norm: str, start: int) -> str:
    """The last non-space character before ``start`` (within two spaces), or ""."""
    for pos in range(start - 1, max(-1, start - 4), -1):
        if norm[pos] != " ":
            return norm[pos]
    return ""


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
        denominator = math.prod(per[ch] for ch in den_text)
        return _Found(
            start,
            end,
            numerator.value * 100 / denominator,
            "percent",
            numerator.place * 50 / denominator,
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


def _starts_word(norm: str, start: int) -> bool:
    """Whether a Chinese numeral at ``start`` does not continue a word (登陆, 拾起)."""
    before = norm[start - 1] if start else " "
    return before in _LONE_BEFORE or not _CJK.match(before)


def _lone_digit_ok(norm: str, start: int, end: int) -> bool:
    before = norm[start - 1] if start else " "
    after = norm[end] if end < len(norm) else " "
    if _range_next(norm, end):
        return True  # 产量三到五万吨: the start of a range
    ok_before = before in _LONE_BEFORE or not _CJK.match(before)
    ok_after = after in _LONE_AFTER or not _CJK.match(after)
    return ok_before and ok_after


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


def _blocked(norm: str, start: int, end: int, kind: str, labels: bool = True) -> bool:
    """Whether ``norm[start:end]`` touches a date, time, code, idiom, URL or (with
    ``labels``) a list label."""
    if kind == "en":
        return False
    pattern = _BLOCKED_ZH if kind in ("zh", "frac", "special") else _BLOCKED
    for match in pattern.finditer(norm, max(0, start - 16), min(len(norm), end + 10)):
        if match.start() < end and match.end() > start:
            return True
    line_start = norm.rfind("\n", max(0, start - 8), start) + 1  # not from 0: linear time
    if labels and start - line_start <= 6 and _LINE_LABEL.match(norm, line_start, end + 2):
        return True
    return "://" in norm[max(0, start - 600) : start] and bool(
        _URL.search(norm, max(0, start - 600), start)
    )


def _scan(norm: str, numerals: bool = False) -> list[_Found]:
    """The quantities in ``norm``; with ``numerals``, every number as written instead
    (years, dates, codes and identifiers included, see :func:`extract_numbers`)."""
    found: list[_Found] = []
    free = 0  # text before this offset is taken
    for candidate in _CANDIDATE.finditer(norm):
        pos = candidate.start()
        if pos < free:
            continue
        if norm[pos].isalpha() and norm[pos].isascii():
            if norm[pos - 2 : pos] in ("a ", "A "):
                pos -= 2
            elif norm[pos - 3 : pos] in ("an ", "An "):
                pos -= 3
        match = _CORE.match(norm, pos) or _CORE.match(norm, candidate.start())
        if match is None:
            continue
        if match.lastgroup in ("en", "mix") and parse_english(match.group()) is None:
            shorter = _shorter_words(norm, match)
            if shorter is None:
                free = max(free, match.end())  # words that form no number: skip the run
                continue
            match = shorter
        free = max(free, match.end())
        core_end = match.start() + len(match.group().rstrip())
        item = _read(norm, match, numerals)
        if item is None or (found and item.start < found[-1].end):
            continue
        kind = match.lastgroup or ""
        if (not numerals or kind in ("zh", "frac", "special")) and _blocked(
            norm, match.start(), core_end, kind, labels=not numerals
        ):
            continue
        if not numerals and found and _split_digits(norm, found[-1], item):
            found.pop()  # "245 23 yen": digits split by a space, neither number is sure
            continue
        found.append(item)
        free = max(free, item.end)
    return found


_INTEGER_CORE = re.compile(r"\d+(?![\d.,-])")
_HEAD_NOUN = re.compile(r" +[A-Za-z]")


def _split_digits(norm: str, first: _Found, second: _Found) -> bool:
    """Whether two integers are separated by one space only, which is not a thousands
    separator here (that would have made them one number): a misprint or a table. Not
    when the second takes a singular unit as a modifier ("50 50 dollar bills": fifty
    fifty-dollar bills, "10 20 kg bags"), where the first counts things."""
    if not (
        first.kind == "ar"
        and second.kind == "ar"
        and first.bare
        and norm[first.end : second.start] == " "
        and norm[first.start : first.end].isdigit()
    ):
        return False
    if not _INTEGER_CORE.match(norm, second.start):
        return False
    return second.unit == _COUNT or not _HEAD_NOUN.match(norm, second.end)


def _shorter_words(norm: str, match: re.Match[str]) -> re.Match[str] | None:
    """The longest shorter run of words at the same start that is one number: "two and
    three" -> "two", "three-nought-four" -> nothing."""
    start, end = match.span()
    cut = norm.rfind(" ", start, end)
    for _ in range(8):
        if cut <= start:
            return None
        shorter = _CORE.match(norm, start, cut)
        if (
            shorter is not None
            and shorter.end() == cut
            and (
                shorter.lastgroup not in ("en", "mix") or parse_english(shorter.group()) is not None
            )
        ):
            return shorter
        cut = norm.rfind(" ", start, cut)
    return None


def _read(norm: str, match: re.Match[str], numerals: bool = False) -> _Found | None:
    kind = match.lastgroup or ""
    start, end = match.span()
    text = match.group()
    if kind == "special":
        return _special(text, start, end)
    if kind == "frac":
        fraction = _fraction(match)
        if fraction is not None:
            if match.group("nneg"):
                fraction.value = -fraction.value
            _sign(norm, fraction)
        return fraction
    if kind == "zhe":
        return _zhe(text, start, end)
    if kind == "art":
        return None if numerals else _article_unit(norm, start, start + len(text.rstrip()))
    if kind == "countnoun":
        noun = " ".join(text.lower().replace("’", "'").split()[-2:]).removeprefix("a ")
        return _Found(start, end, _COUNT_NOUNS[noun], _COUNT, 0.0, bare=False, kind=kind)
    if kind == "pctof":
        number_text = _PCT_OF.sub("", text)
        parsed = (
            parse_arabic(number_text) if number_text[:1].isdigit() else parse_english(number_text)
        )
        if parsed is None:
            return None
        return _Found(start, end, parsed.value, "percent", parsed.place, bare=False)
    if kind == "mix":
        kind = "en"
    elif kind == "vulgar":
        kind = "slash"
    stripped = text.rstrip()
    end = start + len(stripped)
    if (
        kind == "zh"
        and len(stripped) == 1
        and (
            stripped in "零〇"
            or not _may_follow_digit(norm, end)
            or (stripped in _FORMAL_DIGITS and not _starts_word(norm, start))
        )
    ):
        return None
    number = _parse_core(match)
    liang = kind == "zh" and _is_liang(norm, stripped, end)
    if liang:
        number = parse_chinese(stripped[:-1])
    if number is None:
        return None
    found = _Found(start, end, number.value, _COUNT, number.place, kind=kind)
    if number.approx:
        found.hedge = number.approx
        if number.low is not None:
            found.lower, found.upper = number.low, number.high
        else:
            found.lower = number.value
    big = _TRAILING_BIG.search(text.rstrip())
    if kind == "zh" and big:
        found.bare = False
        found.scale = math.prod(1e4 if ch in "万萬" else 1e8 for ch in big.group())
    if kind in ("ar", "en"):
        _attach_scale(norm, found)
    if liang:
        found.unit, found.bare = "liang", False
    prefix = _currency_prefix(norm, found.start) if kind in ("ar", "en", "zh") else None
    minus_after_symbol = False
    if prefix is None and kind == "ar" and norm[found.start - 1 : found.start] == "-":
        prefix = _currency_prefix(norm, found.start - 1)  # "$-99.99"
        minus_after_symbol = prefix is not None
    if kind == "ar":
        spread = _PLUS_MINUS.match(norm, found.end)
        if spread:  # "9.83e-3 +/- 1e-5 km/s2": the unit comes after the uncertainty
            found.end = spread.end()
    if not liang:
        _attach_unit(norm, found)
    if prefix:
        if found.unit == _COUNT or found.unit == prefix[1]:
            found.unit = prefix[1]
        found.start = prefix[0]
        found.bare = False
    if (
        kind == "en"
        and found.unit == _COUNT
        and stripped.lower() == "zero"
        and norm[start - 9 : start].lower() == "absolute "
    ):  # a temperature named in words
        found.start, found.unit, found.place, found.bare = start - 9, "K", 0.0, False
    if found.unit in _MINOR_ZH or found.unit in _MINOR_EN:
        _attach_minor(norm, found)
    _attach_rate(norm, found)
    if numerals:
        if not _plausible_numeral(norm, found, text, start + len(text.rstrip())):
            return None
    elif not _plausible(norm, found, text):
        return None
    _sign(norm, found)
    if minus_after_symbol or _accounting_negative(norm, found):
        _negate(found)
    _hedge(norm, found)
    return found


# A copula or preposition before a parenthesis: "revenue was ($4.2 million)" can only be
# the accounting notation for a negative amount. After a noun or another amount the
# parenthesis is an aside or a conversion ("€15 ($16)"), left alone.
_ACCOUNTING_BEFORE = re.compile(
    r"(?i:\b(?:is|was|were|are|be|been|of|at|to|totall?ed|reached))\s*\(\s*$"
)


def _accounting_negative(norm: str, found: _Found) -> bool:
    return (
        found.value > 0
        and found.unit in _CURRENCY_UNITS
        and norm[found.end : found.end + 1] == ")"
        and norm[found.start - 1 : found.start] == "("
        and bool(_ACCOUNTING_BEFORE.search(norm, max(0, found.start - 16), found.start))
    )


def _article_unit(norm: str, start: int, end: int) -> _Found | None:
    """An article read as one of the unit after it: "a gallon", "about a mile"."""
    found = _Found(start, end, 1.0, _COUNT, 0.0, kind="art")
    _attach_unit(norm, found)
    if found.unit == _COUNT:
        return None
    _attach_rate(norm, found)
    _hedge(norm, found)
    return found


def _may_follow_digit(norm: str, end: int) -> bool:
    """Whether a lone Chinese digit ending at ``end`` can be a number: it is followed
    by a unit, counter or punctuation rather than by the rest of a word (一起, 四川)."""
    after = norm[end : end + 1]
    return (
        not after
        or not _CJK.match(after)
        or after in _UNIT_FIRST
        or after in _LONE_AFTER
        or _range_next(norm, end)
    )


def _range_next(norm: str, end: int) -> bool:
    """Whether a range joiner and another numeral follow ``end`` (三到五年, 五至七成)."""
    return norm[end : end + 1] in ("到", "至") and bool(_RANGE_END.match(norm, end + 1))


# Another numeral, not a month, day or hour (一至二月 is a span of dates).
_RANGE_END = re.compile(rf" ?(?:\d+|[{_D}十百千]+)(?![\d{_D}十百千]| ?[月日号时点])")


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


_TIMES_PER = re.compile(
    r"(?i: +times? +(?:per|a|an|each|every) +(?P<den>second|minute|hour|day|week|month|year)"
    r"(?![A-Za-z]))"
)


# A unit symbol after "/" or "per" in a compound unit, with its power: "J/m^2 per year",
# "kg/cm³", "m/s2", "kb per second".
_COMPOUND = re.compile(
    r"(?:\s*/\s*|\s+per\s+)(?P<u>[A-Za-z]+?)(?P<e>\^\+?[23]|[²³]|(?<=[A-Za-z])[23])?"
    r"(?![A-Za-z0-9^²³])"
)
_COMPOUND_UNITS = {
    "m": "m",
    "cm": "cm",
    "mm": "mm",
    "km": "km",
    "s": "s",
    "sec": "s",
    "second": "s",
    "h": "hour",
    "hr": "hour",
    "hour": "hour",
    "min": "minute",
    "minute": "minute",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "yr": "year",
    "g": "g",
    "kg": "kg",
    "L": "L",
    "l": "L",
    "mL": "mL",
    "ml": "mL",
    "mol": "mol",
}


def _attach_compound(norm: str, found: _Found) -> bool:
    """Extend a physical unit over the denominators written after it; whether any."""
    attached = False
    for _ in range(3):
        match = _COMPOUND.match(norm, found.end)
        if not match:
            break
        symbol = match.group("u")
        den = _COMPOUND_UNITS.get(symbol) or (
            _COMPOUND_UNITS.get(symbol.lower()) if len(symbol) > 2 else None
        )
        if den is None:
            break
        power = match.group("e") or ""
        power = {"²": "2", "³": "3"}.get(power, power.lstrip("^+"))
        unit = f"{found.unit}/{den}" + (f"**{power}" if power else "")
        try:
            parse_unit(unit)
        except UnitError:
            break
        found.unit, found.end, attached = unit, match.end(), True
    return attached


def _attach_rate(norm: str, found: _Found) -> None:
    if found.unit == _COUNT and found.bare:
        times = _TIMES_PER.match(norm, found.end)  # "four times per week": a frequency
        if times:
            found.unit = f"1/{times.group('den').lower()}"
            found.end, found.bare = times.end(), False
        return
    if found.unit == _COUNT or found.unit in _PERCENT_UNITS or found.unit == "fold":
        return
    if found.unit not in _CURRENCY_UNITS and _attach_compound(norm, found):
        return
    match = _PER.match(norm, found.end)
    if match:
        den = match.group("den")
        unit = _ZH_UNITS.get(den) or _PER_UNIT.get(den.lower())
        if unit and unit != found.unit:
            found.unit = f"{found.unit}/{unit}"
            found.end = match.end()
        return
    before = _ZH_PER_BEFORE.search(norm, max(0, found.start - 8), found.start)
    if before and found.unit.isupper():
        found.unit = f"{found.unit}/{_ZH_UNITS[before.group('den')]}"


def _plausible(norm: str, found: _Found, text: str) -> bool:
    """Reject years, dates, ordinals, codes and numerals that are parts of words."""
    start, end = found.start, found.end
    before = norm[start - 1] if start else " "
    after = norm[end] if end < len(norm) else " "
    unit_text = norm[start + len(text.rstrip()) : end] if found.kind else ""
    if before.isascii() and before.isalpha() and found.kind in ("ar", "zh", "slash"):
        return False
    if found.unit in ("pm", "am") and unit_text.strip().lower() in ("pm", "am"):
        # "2.1 pm" is picometres, "2.13 am" and "2 pm" are clock times.
        decimals = len(text.strip().partition(".")[2])
        if decimals == 0 or (decimals == 2 and found.value < 13):
            return False
    if found.kind in ("ar", "zh") and after.isascii() and after.isalpha():
        return False
    if (
        found.kind == "zh"
        and unit_text.startswith("年")
        and found.value >= 1000
        and not (found.scale > 1)
    ):
        return False
    if (
        found.unit == "year"
        and found.kind == "ar"
        and 1000 <= found.value <= 2200
        and (found.scale == 1 and "," not in text)
    ):
        return False
    if found.bare:
        return _plausible_bare(norm, found, text, before, after)
    if (
        found.kind == "zh"
        and text.strip() in ("一", "壹")
        and found.unit in (_COUNT, "day")
        and found.value == 1  # 一打 is a dozen, not the article
    ):
        return False
    return not (found.kind == "en" and text.split()[0].lower() in EN_SCALES)


_DETERMINER = re.compile(r"(?i:\b(?:the|this|that|which|each|every|any|no|another) )$")


def _plausible_numeral(norm: str, found: _Found, text: str, core_end: int) -> bool:
    """For :func:`extract_numbers`: reject only what is not a number at all: digits
    inside a word or code (``A320``, ``29km``, ``1st``), and the pronoun "one"."""
    before = norm[found.start - 1] if found.start else " "
    glued = norm[core_end : core_end + 1]
    if found.unit == "year" and 1000 <= found.value <= 2200 and found.scale == 1:
        found.unit, found.end, found.bare = _COUNT, core_end, True  # 2018年: a year
    if before.isascii() and before.isalpha() and found.kind in ("ar", "zh", "slash"):
        return False
    if found.kind in ("ar", "slash") and glued.isascii() and glued.isalpha() and found.scale == 1:
        return False  # glued to a unit or a suffix; "10k" and "US$ 1MM" are numbers
    if found.kind == "zh" and text.strip() in ("零", "〇") and found.bare:
        return False
    if found.kind == "en":
        words = text.split()
        if words[0].lower() in EN_SCALES:
            return False
        if found.bare and text.strip().lower() == "one":
            return not _DETERMINER.search(norm, max(0, found.start - 10), found.start)
    return True


def _plausible_bare(norm: str, found: _Found, text: str, before: str, after: str) -> bool:
    if found.kind == "ar":
        if len(text) == 4 and text.isdigit() and 1000 <= found.value <= 2200:
            return False
        if len(text) >= 7 and text.isdigit():
            return False  # identifiers and phone numbers
        if norm.startswith((".com", ".cn", ".net", ".org"), found.end):
            return False  # a domain name
        if after in ":：" and not norm[found.end + 1 : found.end + 2].isdigit():
            return False
        if _LABEL_WORD.search(norm, max(0, found.start - 12), found.start):
            return False  # "Chapter 3", "Phase 2", "No. 5": a label, not an amount
        return not (after in "月日号" or norm.startswith("季度", found.end))
    if found.kind == "zh":
        if after in "月日号" or norm.startswith("季度", found.end):
            return False
        if text.strip() in ("零", "〇"):
            return False
        if len(text.strip()) == 1 or all(ch in ZH_DIGITS for ch in text.strip()):
            return _lone_digit_ok(norm, found.start, found.end)
        return True
    if found.kind == "en":
        first = text.split()[0].lower()
        if text.strip().lower() in ("one", "half"):
            return bool(_SIGNED_WORD.search(norm, max(0, found.start - 10), found.start))
        return first not in EN_SCALES
    return True


_LABEL_WORD = re.compile(
    r"\b(?:Chapter|Section|Part|Article|Figure|Fig\.|Table|Phase|Stage|Item|No\.|Annex"
    r"|Appendix|Clause|Paragraph|Step|Group|Class|Category|Tier|Level|Round|Version"
    r"|chapter|section|article|figure|table|phase|stage|item|no\.|annex|appendix|clause"
    r"|paragraph|step|tier|level|round|version) ?$"
)
_SIGNED_WORD = re.compile(r"(?i:\b(?:minus|negative) )$")
_SIGN_SPACED = re.compile("- $")
_SIGN = re.compile(r"(?:[负負] ?|(?<![\w.,%)-])-|(?i:\b(?:minus|negative) ))$")


def _negate(found: _Found) -> None:
    found.value = -found.value
    if found.lower is not None:
        found.lower = -found.lower
    if found.upper is not None:
        found.upper = -found.upper


def _sign(norm: str, found: _Found) -> None:
    start = found.start
    last = _last_char(norm, start)
    if not last or last not in "-负負sSeE":
        return
    if last == "-" and _last_char(norm, norm.rfind("-", 0, start))[:1].isdigit():
        return  # "75 -300mm": a dash between two numbers, not a minus sign
    window = norm[max(0, start - 9) : start]
    match = _SIGN.search(window)
    if not match and window.endswith("- ") and (start == 2 or norm[start - 3] in "\n(=:"):
        match = _SIGN_SPACED.search(window)  # "- 1 4/5" opening a line
    if not match:
        return
    found.start = start - (len(window) - match.start())
    _negate(found)


def _hedge(norm: str, found: _Found) -> None:
    if found.hedge:
        return
    last = _last_char(norm, found.start)
    match = None
    if last and last in _HEDGE_LAST:
        match = _HEDGE_BEFORE.search(norm[max(0, found.start - 24) : found.start])
    after = _HEDGE_AFTER.match(norm, found.end)
    if match:
        kind = match.lastgroup or ""
        found.hedge = match.group().strip()
    elif after and not (found.unit == _COUNT and after.group() == "多"):
        kind = after.lastgroup or ""
        found.hedge = after.group().strip()
    else:
        return
    value = found.value
    if kind == "over":
        found.lower, found.upper = value, None
    elif kind == "under":
        found.lower, found.upper = None, value
    elif kind == "about":
        found.lower, found.upper = value * 0.9, value * 1.1
    else:
        found.lower, found.upper = value * 0.9, value
    if value < 0 and found.lower is not None and found.upper is not None:
        found.lower, found.upper = min(found.lower, found.upper), max(found.lower, found.upper)


_RANGE_JOIN = re.compile(r"\s*-?\s*(?:-|~|～|到|至|(?i:to|and|or))\s*")
_FROM = re.compile(r"(?:从|由|(?i:\bfrom))\s*$")
# Words that make "from X to Y" a change of one figure rather than a range of values
# ("cut from 44 to 50", "an increase from 5% to 7%"; but "ranged from 7 to 10", "sizes
# from 7 to 10"). Chinese 从/由 X 到 Y is always read as a change.
_CHANGE_CUE = re.compile(
    r"(?i:\b(?:ris|rose|increas|decreas|grew|grow|fell|fall|drop|declin|climb|jump|surg|soar"
    r"|plung|plummet|slump|tumbl|sank|sink|dip|cut|reduc|rais|lower|boost|lift|slash|expand"
    r"|shr[iau]nk|contract|went|go|gone|mov|chang|revis|upgrad|downgrad|widen|narrow|doubl"
    r"|tripl|halv|shift|switch|improv|worsen|accelerat|slow|gain|los[te]|rebound|recover"
    r"|swung|swing|advanc|retreat|slid|edg|tick|up|down|hike|trim|extend|shorten|adjust"
    r"|alter|convert|turn)[a-z]*\b)"
)
_CLAUSE_END = re.compile(r"[.;!?\n。；！？]")


def _is_change(norm: str, start: int) -> bool:
    """Whether "from" (or 从/由) just before ``start`` reports a change: always in
    Chinese, in English when the clause before it has a verb or noun of change."""
    head = norm[max(0, start - 80) : start]
    at = head.lower().rfind("from")
    if at < 0 or head[at:].strip().lower() != "from":
        return True  # 从, 由
    clause_start = 0
    for clause_end in _CLAUSE_END.finditer(head, 0, at):
        clause_start = clause_end.end()
    return bool(_CHANGE_CUE.search(head, clause_start, at))


def _merge_ranges(norm: str, found: list[_Found]) -> list[_Found]:
    merged: list[_Found] = []
    for item in found:
        if merged and _joins(norm, merged[-1], item):
            first = merged.pop()
            low_value = first.value
            if (
                (first.bare or norm[first.end - 1].isdigit())  # "5到7万吨", "$3 to 4 billion"
                and first.scale == 1
                and item.scale > 1
                and (first.value < item.value / item.scale)
            ):
                low_value = first.value * item.scale
            low, high = sorted((low_value, item.value))
            merged.append(
                replace(
                    item,
                    unit=first.unit if _unitless(item) else item.unit,
                    start=first.start,
                    value=(low + high) / 2,
                    lower=low,
                    upper=high,
                    place=min(
                        first.place * (item.scale if low_value != first.value else 1), item.place
                    ),
                    hedge=first.hedge if first.hedge else item.hedge,
                )
            )
            continue
        merged.append(item)
    _share_units(norm, merged)
    return merged


_AND_OR = re.compile(r" +(?:and|or) +")


def _share_units(norm: str, found: list[_Found]) -> None:
    """A bare number joined by and/or to a number with a unit takes that unit ("45 and
    50 mg"), and its scale word when smaller."""
    for first, second in itertools.pairwise(found):
        if not (first.bare and first.unit == _COUNT and second.unit != _COUNT):
            continue
        if first.kind not in ("ar", "en") or first.hedge or second.hedge:
            continue
        if not _AND_OR.fullmatch(norm, first.end, second.start):
            continue
        first.unit = second.unit
        if second.scale > 1 and first.value < second.value / second.scale:
            first.value *= second.scale
            first.place *= second.scale
        first.bare = False


def _joins(norm: str, first: _Found, second: _Found) -> bool:
    between = norm[first.end : second.start]
    if len(between) > 12 or not _RANGE_JOIN.fullmatch(between):
        return False
    if (first.lower is not None or first.upper is not None) and not first.hedge:
        return False
    if (second.hedge and second.hedge not in ("左右", "上下")) or (
        first.hedge and first.hedge in "多余几幾"
    ):
        return False  # but 三至五成左右 is one range, about
    if _FROM.search(norm, max(0, first.start - 6), first.start) and _is_change(norm, first.start):
        return False  # "rose from 80% to 90%" is a change, not a range
    if between.strip() == "-" and first.value >= second.value:
        return False
    joiner = between.strip().lower()
    if joiner in ("and", "or") and not (
        norm[max(0, first.start - 8) : first.start].lower().rstrip().endswith("between")
    ):
        return False
    if first.unit == second.unit:
        return True
    if _unitless(second) and norm[first.end - 1].isdigit():
        return True  # "$3 to 4 billion", "between $5 and 10": the unit written before
    return _unitless(first)  # "5亿至10亿美元", "3 million to 4 million tons"


def _unitless(item: _Found) -> bool:
    """A plain number, perhaps with a scale word, that can take a unit from the other
    end of its range."""
    return (
        item.unit == _COUNT
        and item.kind in ("ar", "zh", "en")
        and not item.counter
        and (item.bare or item.scale > 1)
    )


def _to_quantity(text: str, item: _Found) -> Quantity:
    precision = item.place / 2 if item.place else 0.0
    return Quantity(
        text=text[item.start : item.end],
        start=item.start,
        end=item.end,
        value=float(item.value),
        unit=item.unit,
        lower=None if item.lower is None else float(item.lower),
        upper=None if item.upper is None else float(item.upper),
        precision=precision,
        hedge=item.hedge,
    )


# ------------------------------------------------------------------ unit mentions


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


def extract_numbers(text: str) -> list[Quantity]:
    """Every number written in ``text``, as :class:`Quantity` records (ranges kept apart).

    A lower-level companion of :func:`extract_quantities` for callers that want numbers
    rather than quantities (and for scoring the Recognizers *number* suite): the same
    scanner and parsers, units and scale words read the same way, but years, dates and
    times (``2018``, ``5/17/2018``), identifiers of 7+ digits, codes (``SCP-173``) and
    list labels are kept, the pronoun "one" after a determiner is not, and neither is a
    number glued to a unit or suffix (``29km``, ``1st``; ``10k`` is a number). Claims use
    :func:`extract_quantities`, never this. Never raises.
    """
    try:
        norm = normalize(text)
        return [_to_quantity(text, item) for item in _scan(norm, numerals=True)]
    except Exception:  # like extract_quantities: never raises
        return []


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity written in ``text``, Chinese or English, sorted by start.

    Finds numbers in Arabic digits (``45,000``, ``4.55``, full-width ``１２３``),
    Chinese numerals (``两千四百五``, ``3万4000``), English words (``twenty-one``);
    applies scale words (``万 亿 万亿 thousand million billion bn k``); reads the unit
    after the number (``吨 t kg mile 美元 USD %``), a currency symbol before it (``$ € £
    ¥ US$ HK$``), a rate denominator (``per ton``, ``/公斤``, ``每公斤``), and turns
    hedge words into bounds without including them in ``text``: "over", "超过", "以上"
    give ``lower``; "under", "不到", "以下" give ``upper``; "about", "约", "左右" give
    ``value`` ±10 %; "nearly", "近" give ``[0.9 value, value]``. Ranges ("10 to 15
    tons", "5到7年") give their midpoint with ``lower`` and ``upper``.

    Years, dates, times, ordinals (``第二``), citation marks (``[15]``), codes
    (``F-35``, ``COVID-19``), list numbers and numerals inside Chinese words
    (``一起``, ``统一``) are not quantities. Never raises; spans never overlap and
    ``quantity.text == text[quantity.start:quantity.end]``.
    """
    try:
        norm = normalize(text)
        found = _merge_ranges(norm, _scan(norm))
        quantities = [_to_quantity(text, item) for item in found]
        # a figure past the float range (1e308 million, 一亿亿亿…) is no figure at all
        return [q for q in quantities if math.isfinite(q.value) and math.isfinite(q.precision)]
    except Exception:  # the contract: extraction never raises on any input
        return []
