"""The scanner: at every place a number may begin, match the core pattern and read the
match into a ``_Found`` with its value, scale word, currency, unit, rate, sign and
hedge, dropping what the filters say is not a quantity.
"""

from __future__ import annotations

import math
import re

from recheck.numerals import parse_arabic, parse_chinese, parse_english

from .attach import (
    _MINOR_EN,
    _MINOR_ZH,
    _attach_minor,
    _attach_scale,
    _attach_unit,
    _currency_prefix,
    _is_liang,
)
from .filters import (
    _FORMAL_DIGITS,
    _blocked,
    _clearly_year,
    _may_follow_digit,
    _plausible,
    _plausible_numeral,
    _split_digits,
    _starts_word,
)
from .found import _COUNT, _Found
from .hedges import _accounting_negative, _hedge, _negate, _sign
from .parse import _fraction, _parse_core, _special, _zhe
from .patterns import _ASCII_LETTER, _CANDIDATE, _CANDIDATE_NO_WORDS, _CORE, _COUNT_NOUNS
from .rates import _attach_rate

_PCT_OF = re.compile(r"(?i)per ?cents? of +")
_TRAILING_BIG = re.compile("[万萬亿億]+$")

_PLUS_MINUS = re.compile(r" ?(?:\+/-|±|\+-) ?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\d.])")


def _scan(norm: str, numerals: bool = False) -> list[_Found]:
    """The quantities in ``norm``; with ``numerals``, every number as written instead
    (years, dates, codes and identifiers included, see :func:`extract_numbers`)."""
    found: list[_Found] = []
    free = 0  # text before this offset is taken
    candidates = _CANDIDATE if _ASCII_LETTER.search(norm) else _CANDIDATE_NO_WORDS
    for candidate in candidates.finditer(norm):
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
    if (
        kind == "ar"
        and not numerals
        and _clearly_year(norm, start, text)
        and _currency_prefix(norm, start) is None
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


def _article_unit(norm: str, start: int, end: int) -> _Found | None:
    """An article read as one of the unit after it: "a gallon", "about a mile"."""
    found = _Found(start, end, 1.0, _COUNT, 0.0, kind="art")
    _attach_unit(norm, found)
    if found.unit == _COUNT:
        return None
    _attach_rate(norm, found)
    _hedge(norm, found)
    return found
