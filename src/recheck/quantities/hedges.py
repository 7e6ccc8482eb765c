"""The bounds of a quantity: hedge words before or after it ("over", "约", "左右"),
its sign (-, 负, "minus", an accounting parenthesis), and ranges merged from two
numbers ("10 to 15 tons", "5到7年") unless "from X to Y" reports a change, with a unit
shared between numbers joined by and/or ("45 and 50 mg").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from .found import _COUNT, _Found, _last_char
from .unitwords import _CURRENCY_UNITS

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
    elif kind == "about":  # a rounded figure: 约90% is 85.5-94.5%, not 81-99%
        found.lower, found.upper = value * (1 - _APPROX), value * (1 + _APPROX)
    else:
        found.lower, found.upper = value * (1 - _APPROX), value
    if value < 0 and found.lower is not None and found.upper is not None:
        found.lower, found.upper = min(found.lower, found.upper), max(found.lower, found.upper)


# How far "about" and "nearly" reach, relative to the figure. Journalists round: 约4.8万吨
# is 4.6-5.0万吨, and "about 90%" is no licence for 81%.
_APPROX = 0.05

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
