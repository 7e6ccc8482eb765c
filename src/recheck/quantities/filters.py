"""What is not a quantity: dates, times, years, ordinals, codes, citation marks, list
labels, URLs, numerals inside Chinese words and idioms, lone digits glued to a word,
and two integers split by one space. ``_plausible`` decides for
:func:`~recheck.quantities.extract_quantities`, ``_plausible_numeral`` for
:func:`~recheck.quantities.extract_numbers`.
"""

from __future__ import annotations

import re

from recheck.numerals import EN_SCALES, ZH_DIGITS

from .found import _COUNT, _Found
from .patterns import _CJK, _D
from .unitwords import _ZH_COUNTERS, _ZH_CURRENCIES, _ZH_UNITS

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
    # 一是…，二是…: enumerators at the start of a clause, not amounts
    r"|(?<![^，,。；;：:\s“\"（(])(?:其)?[一二三四五六七八九十]是"
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

_UNIT_FIRST = {w[0] for w in (*_ZH_UNITS, *_ZH_CURRENCIES, *_ZH_COUNTERS)} | set("成折多余百个")

# Formal (banker's) numerals that are also common word characters: 登陆, 拾起, 队伍.
_FORMAL_DIGITS = set("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")


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


def _year_value(value: float) -> bool:
    """Whether ``value`` is in the range the filters take for years."""
    return 1000 <= value <= 2200


# A year the checks below reject whatever the unit, rate and hedge after it: "2024年"
# (a year unit; not before 每 / 半 / 多 / 余 or ASCII, which could make it a rate, a
# half or a hedge) or a bare "2024" before punctuation.
_YEAR_AHEAD = re.compile(r"\d{4}(?:年(?=$|[^每半多余/\x00-\x7f])|(?=[.,;]|$))")


def _clearly_year(norm: str, start: int, text: str) -> bool:
    """Whether the Arabic core ``text`` at ``start`` is a year :func:`_plausible` would
    reject once the unit and rate are read, told cheaply: most four-digit numbers in
    news are years. The caller rules out a currency sign before it."""
    return (
        len(text) == 4
        and _YEAR_AHEAD.match(norm, start) is not None
        and _year_value(int(text))
        and norm[start - 1 : start] != "-"
    )


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
        and _year_value(found.value)
        and (found.scale == 1 and "," not in text)
    ):
        return False
    if found.kind == "zh" and before in "几幾数數" and _VAGUE_TENS.match(text.strip()):
        return False  # 几十吨, 数十亿美元: "some tens of", no figure to check
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


_VAGUE_TENS = re.compile("[十拾][百佰千仟万萬亿億]*$")
_DETERMINER = re.compile(r"(?i:\b(?:the|this|that|which|each|every|any|no|another) )$")


def _plausible_numeral(norm: str, found: _Found, text: str, core_end: int) -> bool:
    """For :func:`extract_numbers`: reject only what is not a number at all: digits
    inside a word or code (``A320``, ``29km``, ``1st``), and the pronoun "one"."""
    before = norm[found.start - 1] if found.start else " "
    glued = norm[core_end : core_end + 1]
    if found.unit == "year" and _year_value(found.value) and found.scale == 1:
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
        if len(text) == 4 and text.isdigit() and _year_value(found.value):
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
