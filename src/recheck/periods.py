"""Time expressions in a sentence, resolved to periods.

A period is a string: ``"2025"``, ``"2025-Q2"``, ``"2025-H1"``, ``"2025-10"``, or a
run of months from January (``"2025-01..09"``: 前三季度, 1-9月, the first nine months),
so that a part of a year is never compared with the whole year. Relative
expressions resolve against the article's date (去年, last year) or against the year
the sentence itself names (上年, the previous year). A period that cannot be resolved
is ``None``; a claim with no time expression at all is about the ``"current"`` period.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

CURRENT = "current"

_ZH_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
EN_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_EN_MONTH_ALT = "|".join(m.capitalize() for m in EN_MONTHS)
# A month's name or its abbreviation (Sept, Aug), as datelines write them; a "." may follow.
_MONTH_OR_ABBR = _EN_MONTH_ALT + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"

# A year is four digits that are not part of a larger number, an amount (2000亿, 2000吨,
# 2000 tons) or a decade (the 1970s).
_YEAR = (
    r"(?<![\d.])(?<!\d,)(?P<y>(?:19|20)\d\d)(?![\d%％'’s]|\s*[万亿千百多余吨元个项家人]"
    r"|[.,]\d|\s+(?:million|billion|thousand|tons?|tonnes?|metric|units|people)\b)"
)
_ZH_COUNT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_EN_COUNT = {"three": 3, "six": 6, "nine": 9, "four": 4, "five": 5, "seven": 7, "eight": 8,
             "ten": 10, "eleven": 11, "two": 2}  # fmt: skip
_ZH_YEAR_WORD = r"今年|去年|前年|明年|本年|当年|同年|上年"
# A part of a year, with the year it belongs to or none (上半年, 今年前三季度, 2025年1-9月,
# the first half of the year, the first nine months of 2025, H1 2025, the third quarter).
_ZH_PART = (
    # the spaces only after an anchor: a run of spaces must not be rescanned (ReDoS)
    r"(?:(?:" + _YEAR + r"\s*年|(?P<rel>" + _ZH_YEAR_WORD + r"))\s*(?:的\s*)?)?"
    r"(?:(?P<h>上半年|下半年)|第?(?P<q>[一二三四1-4])\s*季度|前(?P<nq>[一二两三1-3])\s*季度"
    r"|(?<!\d)(?P<m1>1|一)\s*[-—–~至到]\s*(?P<m2>1[0-2]|[2-9]|[二三四五六七八九]|十[一二]?)\s*月(?:份)?"
    r"(?!\s*\d{1,2}\s*日)"
    r"|前(?P<nm>十[一二]?|[一二两三四五六七八九]|1[0-2]|[1-9])\s*个\s*月)"
)
_EN_PART = (
    r"(?i:\b(?:the\s+)?(?:(?P<hw>first|second)\s+half|(?P<qw>first|second|third|fourth)\s+quarter"
    r"|first\s+(?P<nmw>two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
    r"|(?P<mn1>January|Jan\.?)\s*[-–—]\s*(?P<mn2>" + "|".join(EN_MONTHS) + r"|[A-Z][a-z]{2}\.?))"
    r"(?:\s+(?:of\s+)?(?:" + _YEAR + r"|(?P<relw>this year|last year|the year|that year"
    r"|next year))|(?!\s+of\s+\w))"
    r")"
)
# H1 2025, 1H25, Q3 FY25
_EN_CODE = r"\b(?P<hc>[HQ][1-4]|[1-4][HQ])\s*(?:" + _YEAR + r"|(?:FY)?'?(?P<yy>\d\d)\b)?"
_EN_MONTH_ABBR = {m[:3]: i for m, i in EN_MONTHS.items()}


def whole_year(period: str | None) -> int | None:
    """The year a period is when it is a calendar year ("2024"), else None (2024-H1,
    FY2024, current)."""
    if period is not None and len(period) == 4 and period.isdigit():
        return int(period)
    return None


def month_number(name: str) -> int:
    """1–12 for an English month's name or abbreviation, in any case (Aug, Sept, MAY)."""
    return _EN_MONTH_ABBR[name[:3].lower()]


# A year in English, with its preposition: "in 2025", "since 2019", "2024".
_EN_YEAR_LEADS = r"in|during|for|of|since|from|to|through|until|year"
_EN_YEAR = re.compile(r"(?i:\b(?:" + _EN_YEAR_LEADS + r")\s+)?" + _YEAR + r"(?!\s*[-/.]\d)")

# What a sentence must hold for a pattern to have a chance: every group names literals
# of which one must occur, in the lower-cased sentence, or as written for a literal with
# a capital. The test is cheap and spares most patterns most sentences; it is never more
# than a pattern itself needs.
_YEAR_DIGITS = ("19", "20")
_MONTH_STEMS = tuple(m[:3].capitalize() for m in EN_MONTHS)  # (the patterns' case)
Needs = tuple[frozenset[str], ...]

_PATTERNS: tuple[tuple[str, re.Pattern[str], Needs], ...] = tuple(
    (name, re.compile(p), tuple(frozenset(group) for group in needs))
    for name, p, needs in (
        # 到2030年 / 2030年前 / by 2030: a deadline, which makes the figure a target or forecast.
        ("zh_part", _ZH_PART, (("半年", "季度", "月"),)),
        ("en_part", _EN_PART, (("half", "quarter", "month", "jan"),)),
        ("en_code", _EN_CODE, (("H", "Q"),)),  # (case-sensitive)
        # 2025年前三季度 is a part of 2025, not "before 2025"
        (
            "deadline",
            r"(?:到|至|截至|于)?" + _YEAR + r"\s*年(?:前|之前|以前)(?!\s*[一二两三1-3]\s*季度)",
            (("前",), _YEAR_DIGITS),
        ),
        ("deadline", r"到\s*" + _YEAR + r"\s*年", (("到",), _YEAR_DIGITS)),
        # A fiscal year is a period of its own (FY2025), never the calendar year: 2025财年,
        # fiscal 2025, FY2025, "the (fiscal) year to June 30" (which ends in the article's
        # year, or the year before when June is still to come).
        ("fiscal", _YEAR + r"\s*财年", (("财年",), _YEAR_DIGITS)),
        (
            "fiscal",
            r"(?i:\b(?:fiscal|financial)\s+(?:year\s+)?)" + _YEAR,
            (("fiscal", "financial"), _YEAR_DIGITS),
        ),
        ("fiscal", r"\bFY\s?(?P<y>(?:19|20)\d\d)\b", (("FY",), _YEAR_DIGITS)),
        (
            "fiscal_end",
            r"(?i:\b(?:(?:fiscal|financial)\s+)?(?:year|12 months)\s+(?:to|ended|ending)\s+)"
            r"(?P<mn>" + _EN_MONTH_ALT + r")(?:\s+\d{1,2}(?!\d))?(?:,?\s+" + _YEAR + ")?",
            (("year", "months"), _MONTH_STEMS),
        ),
        # "the three months to Sept. 30", "the quarter ended June 30": a quarter, a half
        # or the first nine months of the year they end in
        (
            "months_to",
            r"(?i:\b(?:(?P<n>three|six|nine|3|6|9)[- ]months?|quarter)\s+"
            r"(?:to|ended|ending|through)\s+)(?P<mn>" + _MONTH_OR_ABBR + r")\.?"
            r"(?:\s+\d{1,2}(?!\d))?(?:,?\s+" + _YEAR + ")?",
            (("months", "month", "quarter"), _MONTH_STEMS),
        ),
        ("deadline", r"(?i:\bby\s+(?:the\s+end\s+of\s+)?)" + _YEAR, (("by",), _YEAR_DIGITS)),
        (
            "zh_date",
            _YEAR + r"\s*年\s*(?:第?(?P<q>[一二三四1-4])\s*季度|(?P<h>上半年|下半年)"
            r"|(?P<m>\d{1,2})\s*月(?:份)?(?:\s*\d{1,2}\s*日)?)?",
            (("年",), _YEAR_DIGITS),
        ),
        (
            "en_quarter",
            r"\b(?:Q(?P<q>[1-4])|(?P<qw>first|second|third|fourth) quarter(?: of)?)\s+" + _YEAR,
            (("q",), _YEAR_DIGITS),
        ),
        ("en_half", r"\b(?P<h>first|second) half of\s+" + _YEAR, (("half",), _YEAR_DIGITS)),
        (
            "en_month",
            r"\b(?P<mn>" + _EN_MONTH_ALT + r")\s+(?:\d{1,2},\s+)?" + _YEAR,
            (_MONTH_STEMS, _YEAR_DIGITS),
        ),
        ("en_year", _EN_YEAR, (_YEAR_DIGITS,)),
        # The same part of the year before (上年同期, a year earlier): before "relative",
        # which would read 上年 and "a year earlier" as the whole year.
        ("year_ago", r"(?:上年|去年|上一年)同期", (("同期",),)),
        (
            "year_ago",
            r"(?i:\b(?:the )?(?:prior[- ]year|year-earlier|year-ago) (?:period|quarter)\b"
            r"|\b(?:a |the )?year[- ](?:earlier|ago)\b"
            r"|\b(?:the )?same (?:period|quarter|half|months?) (?:of |in )?(?:last|a) year\b)",
            (("year",),),
        ),
        # The quarter before the one the sentence is about (上一季度, "up from 597 tonnes
        # in the previous three months"); 第三季度 is no such thing.
        # (Not 前一季度, which also reads as the first quarter, as 前三季度 is the first three.)
        ("quarter_before", r"上一?季度", (("季度",),)),
        (
            "quarter_before",
            r"(?i:\b(?:the |its )?(?:previous|prior|preceding) (?:three months|quarter)\b"
            r"|\bthe quarter before\b)",
            (("previous", "prior", "preceding", "quarter before"),),
        ),
        # 同期, "in the same period": the period the text was just about (after
        # 上年同期 and "the same period last year", which start earlier or are longer).
        ("same_period", r"(?<!历史)同期", (("同期",),)),
        (
            "same_period",
            r"(?i:\b(?:in|over|during|for) the same (?:period|quarter|months)\b)"
            r"(?! (?:of |in )?(?:last|a|the previous|the prior) year)",
            (("same",),),
        ),
        # The Chinese words and the English ones apart (which they can be: a match of
        # one holds no character of the other's, so the two never overlap).
        ("relative", r"去年|今年|明年|前年|上年|本年|当年|同年|上一年|前一年", (("年",),)),
        (
            "relative",
            r"(?i:\blast year\b|\bthis year\b|\bnext year\b|\bthe previous year\b"
            r"|\bthe prior year\b|\ba year earlier\b|\bthe year before\b|\bthat year\b)",
            (("year",),),
        ),
        ("zh_month", r"(?<![\d年])(?P<m>\d{1,2})\s*月(?:份)?(?:\s*\d{1,2}\s*日)?", (("月",),)),
        # 八月中旬, 十月下旬: a month in Chinese numerals (not 一个月, a month's time)
        (
            "zh_month",
            r"(?<![年第〇零一二两三四五六七八九十百千万几])(?P<mz>十[一二]?|[一二三四五六七八九])月"
            r"(?:份)?(?![内里]|[以之]来)",
            (("月",),),
        ),
        # "on Aug. 13", "August 13": a day of the article's year (a year after it makes
        # it en_month, which is longer and so wins)
        (
            "en_month_day",
            r"\b(?P<mn>" + _MONTH_OR_ABBR + r")\.?"
            r"\s+(?P<d>3[01]|[12]\d|[1-9])(?!\d|[,.:]\d|\s*(?:%|percent|per cent)\b)",
            (_MONTH_STEMS,),
        ),
        (
            "en_month_only",
            r"\b(?:[Ii]n|[Ss]ince|[Aa]fter|[Bb]efore|[Bb]y)\s+(?:(?:early|mid|late)[- ]?)?"
            r"(?P<mn>" + _EN_MONTH_ALT + r")\b"
            r"(?!\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d)",  # "in June 2024" is en_month
            (_MONTH_STEMS,),
        ),
    )
)

_LITERALS = {word for _, _, needs in _PATTERNS for group in needs for word in group}
_LATIN = re.compile("[a-z]")
_PLAIN_LITERALS = sorted(word for word in _LITERALS if not _LATIN.search(word.lower()))
_LOWER_LITERALS = sorted(
    word for word in _LITERALS if word not in _PLAIN_LITERALS and word.islower()
)
_CASED_LITERALS = sorted(
    word for word in _LITERALS if word != word.lower() and word not in _MONTH_STEMS
)
# The month names are one group (en_month, en_month_only): one search finds one of them,
# which is all the group needs.
_MONTH_STEM = re.compile("|".join(_MONTH_STEMS))

_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    word: str
    period: str | None
    deadline: bool = False  # 到2030年, by 2030: the figure is a target or a forecast


def find_periods(
    text: str,
    article_date: date | None,
    context_year: int | None = None,
    context_period: str | None = None,
) -> list[PeriodMention]:
    """Every time expression in ``text``, leftmost first, non-overlapping.

    ``context_year`` is the latest year named earlier in the article, which 当年 and
    "that year" refer to; ``context_period`` the period the article was last about
    (:func:`topic_period`), which 同期 and "in the same period" refer to unless the
    sentence named one before them.
    """
    raw = sorted(_scan(_arabic_years(text)), key=lambda m: (m[0], -(m[1] - m[0])))
    if not raw:
        return []
    explicit_years = [int(match["y"]) for _, _, _, match in raw if _year_of(match)]
    sentence_year = max(explicit_years) if explicit_years else None
    result: list[PeriodMention] = []
    years_ago: list[int] = []  # which of the result are 上年同期, "a year earlier"
    quarters_before: list[int] = []  # and 上一季度, "the previous quarter"
    taken_until = -1
    for start, end, name, match in raw:
        if start < taken_until:
            continue
        taken_until = end
        if name in _DATED and _DATELINE_END.match(text, end):
            continue  # 本报北京4月30日电: when the report was filed, not what it is about
        if name == "year_ago":
            years_ago.append(len(result))
        if name == "quarter_before":
            quarters_before.append(len(result))
            period = None  # (resolved below, from the sentence's other periods)
        elif name == "same_period":
            period = topic_period(result) or context_period
        else:
            period = _resolve(name, match, article_date, sentence_year, context_year)
        result.append(PeriodMention(start, end, text[start:end], period, name == "deadline"))
    for index in years_ago:
        result[index] = _step_back(result, index, year_before)
    for index in quarters_before:
        result[index] = _step_back(result, index, quarter_before)
    return result


def topic_period(mentions: Sequence[PeriodMention]) -> str | None:
    """The period a sentence is about: the first it names that is not a deadline
    (前三季度…其中第三季度: the first three quarters, not the third alone)."""
    return next((m.period for m in mentions if m.period and not m.deadline), None)


def _step_back(
    mentions: list[PeriodMention], index: int, back: Callable[[str | None], str | None]
) -> PeriodMention:
    """The mention at ``index``, which names a period before the one the sentence is
    about (上年同期, "a year earlier": ``year_before``; 上一季度, "the previous three
    months": ``quarter_before``): the nearest other period that steps back, the ones
    before first (2025年上半年…较上年同期 is 2024-H1; after FY2025, FY2024; after the
    third quarter, the second). With none, as it is (上年同期 the year before, as
    _resolve gave; 上一季度 no period)."""
    for other in (*reversed(mentions[:index]), *mentions[index + 1 :]):
        earlier = back(other.period)
        if earlier and not other.deadline:
            return replace(mentions[index], period=earlier)
    return mentions[index]


def period_parts(period: str | None) -> tuple[str, int, str] | None:
    """A dated period's fiscal mark, year and part of the year: FY2025 -> ("FY", 2025,
    ""), 2025-H1 -> ("", 2025, "-H1"); None for one without a year (current)."""
    match = _YEAR_FIRST.match(period or "")
    return (match[1] or "", int(match[2]), match[3]) if match else None


def year_before(period: str | None) -> str | None:
    """The same part of the year before: FY2025 -> FY2024, 2025-H1 -> 2024-H1; None for
    a period without a year."""
    parts = period_parts(period)
    return f"{parts[0]}{parts[1] - 1}{parts[2]}" if parts else None


def quarter_before(period: str | None) -> str | None:
    """The quarter before a quarter: 2025-Q3 -> 2025-Q2, 2025-Q1 -> 2024-Q4; None for
    any other period."""
    parts = period_parts(period)
    if parts is None or parts[0] or parts[2] not in ("-Q1", "-Q2", "-Q3", "-Q4"):
        return None
    _, year, part = parts
    quarter = int(part[-1])
    return f"{year}-Q{quarter - 1}" if quarter > 1 else f"{year - 1}-Q4"


_YEAR_FIRST = re.compile(r"(FY)?(\d{4})(.*)")

# The words that measure a change against the year before (同比, 较上年, "year on
# year"): a regex alternation, for what may stand between a figure or a metric and the
# change word after it.
AGAINST_YEAR_BEFORE = (
    r"同比|较上年同期|较去年同期|比上年同期|比去年同期|较上年|较去年|比上年|比去年"
    r"|(?i:year[- ]on[- ]year)"
)


# A year in Chinese digits (二〇二四年), as official and print news write it.
# (It starts with the digits, which lets the regex engine skip to them; the character
# before is checked in _arabic_years.)
_ZH_DIGIT_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=\s*年)")
_ZH_NUMERAL = set("〇零一二三四五六七八九十百千万")
_ZH_DIGIT_VALUES = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _arabic_years(text: str) -> str:
    """``text`` with years in Chinese digits written in Arabic ones (二〇二四年 ->
    2024年): four characters for four, so every offset holds, and every pattern reads
    them as it reads 2024年. Not the end of a longer numeral (十二〇二〇年)."""

    def arabic(match: re.Match[str]) -> str:
        start = match.start()
        if start and text[start - 1] in _ZH_NUMERAL:
            return match.group()
        return match.group().translate(_ZH_DIGIT_VALUES)

    return _ZH_DIGIT_YEAR.sub(arabic, text)


# A Chinese dateline's date is followed by 电 (dispatch) and a space, a bracket or a
# colon: 新华社北京4月30日电（记者…）; not 4月30日电价上涨 (electricity prices).
_DATED = {"zh_month", "zh_date"}
_DATELINE_END = re.compile(r"\s*电(?=[\s（(:：]|$)")


def _year_of(match: re.Match[str]) -> str | None:
    """The year the match names, if its pattern has a year and it matched one."""
    return match["y"] if "y" in match.re.groupindex else None


def _scan(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    found = []
    for name, pattern in _runnable(_present(text)):
        matches = _en_years(text) if pattern is _EN_YEAR else pattern.finditer(text)
        found += [(match.start(), match.end(), name, match) for match in matches]
    return found


def _present(text: str) -> frozenset[str]:
    """The literals of the patterns' needs that ``text`` holds (of the month names, the
    first only)."""
    lowered = text.lower()
    present = [word for word in _PLAIN_LITERALS if word in lowered]  # digits, CJK
    if _LATIN.search(lowered):  # else it holds no Latin literal, in either case
        present += [word for word in _LOWER_LITERALS if word in lowered]
        present += [word for word in _CASED_LITERALS if word in text]
        month = _MONTH_STEM.search(text)
        if month:
            present.append(month.group())
    return frozenset(present)


@lru_cache(maxsize=1024)
def _runnable(present: frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns that can match a sentence holding the literals ``present``, in order
    (a pure function of a set of which a corpus holds a few hundred: memoised)."""
    return tuple(
        (name, pattern)
        for name, pattern, needs in _PATTERNS
        if not any(group.isdisjoint(present) for group in needs)
    )


_YEAR_RUN = re.compile(r"(?:19|20)\d\d")
_EN_YEAR_LEAD = re.compile(r"(?i:\b(?:" + _EN_YEAR_LEADS + r"))\Z")
_LONGEST_LEAD = max(len(word) for word in _EN_YEAR_LEADS.split("|"))


def _en_years(text: str) -> Iterator[re.Match[str]]:
    """What ``_EN_YEAR.finditer(text)`` yields, found several times faster.

    A pattern that starts with an optional part ("in ") is tried at every position of
    the text; one that starts with a digit only where there is one. Every match holds a
    year that ``_YEAR`` accepts, which is preceded by no digit: so the four-digit runs
    found here (non-overlapping) include every year of a match. A match starts at the
    lead word before its spaces, when there is one (it holds no digit, so it never
    overlaps the match before), else at the year: trying the pattern there, for each
    run in turn, gives the same matches as searching the text for it."""
    for run in _YEAR_RUN.finditer(text):
        year = end = run.start()
        while end and text[end - 1].isspace():  # str.isspace is the regex's \s
            end -= 1
        lead = end < year and _EN_YEAR_LEAD.search(text, max(0, end - _LONGEST_LEAD), end)
        match = (lead and _EN_YEAR.match(text, lead.start())) or _EN_YEAR.match(text, year)
        if match:
            yield match


def _resolve(
    name: str,
    match: re.Match[str],
    article_date: date | None,
    sentence_year: int | None,
    context_year: int | None,
) -> str | None:
    groups = match.groupdict()
    if name in {"zh_part", "en_part", "en_code"}:
        return _part(groups, article_date, sentence_year, context_year)
    if name == "fiscal":
        return f"FY{groups['y']}"
    if name == "months_to":
        return _months_to(groups, article_date)
    if name == "fiscal_end":
        return _fiscal_end(month_number(groups["mn"]), groups.get("y"), article_date)
    if name == "year_ago":
        return _relative("上年", article_date, sentence_year, context_year)
    if name in {"deadline", "en_year"}:
        return groups["y"]
    if name == "zh_date":
        year = groups["y"]
        if groups.get("q"):
            return f"{year}-Q{_ZH_NUM[groups['q']]}"
        if groups.get("h"):
            return f"{year}-H{1 if groups['h'] == '上半年' else 2}"
        if groups.get("m"):
            return f"{year}-{int(groups['m']):02d}"
        return year
    if name == "en_quarter":
        quarter = groups.get("q") or _QUARTER_WORDS[groups["qw"].lower()]
        return f"{groups['y']}-Q{quarter}"
    if name == "en_half":
        return f"{groups['y']}-H{1 if groups['h'] == 'first' else 2}"
    if name == "en_month":
        return f"{groups['y']}-{month_number(groups['mn']):02d}"
    if name in {"zh_month", "en_month_only", "en_month_day"}:
        if article_date is None:
            return None
        number = groups.get("m") or groups.get("mz")  # 8月, 八月
        month = (_month_count(number) or 0) if number else month_number(groups["mn"])
        return f"{article_date.year}-{month:02d}" if 1 <= month <= 12 else None
    return _relative(match.group(0).lower(), article_date, sentence_year, context_year)


def _part(
    groups: dict[str, str | None],
    article_date: date | None,
    sentence_year: int | None,
    context_year: int | None,
) -> str | None:
    """A part of a year: its year (named, relative, or the sentence's, the article's
    context's or the article's own) and which part."""
    year: int | None
    if groups.get("y"):
        year = int(groups["y"] or 0)
    elif groups.get("yy"):
        year = 2000 + int(groups["yy"] or 0)
    elif groups.get("rel") or groups.get("relw"):
        word = (groups.get("rel") or groups.get("relw") or "").lower()
        if word == "the year":
            word = "this year" if not (sentence_year or context_year) else "that year"
        resolved = _relative(word, article_date, sentence_year, context_year)
        year = int(resolved) if resolved else None
    else:
        year = sentence_year or context_year or (article_date.year if article_date else None)
    if year is None:
        return None
    half = groups.get("h") or groups.get("hw")
    code = (groups.get("hc") or "").upper()
    if half or "H" in code:
        first = (half or "").lower() in ("上半年", "first") or "1" in code
        return f"{year}-H{1 if first else 2}"
    quarter = groups.get("q") or groups.get("qw")
    if quarter or code:
        number = _ZH_NUM.get(quarter or "") or _QUARTER_WORDS.get((quarter or "").lower())
        if number is None:
            number = int(code.strip("HQ"))
        return f"{year}-Q{number}"
    months = None
    if groups.get("nq"):  # 前三季度: three quarters
        months = 3 * (_month_count(groups["nq"] or "") or 0)
    elif groups.get("m2") or groups.get("nm"):  # 1-9月, 前10个月
        months = _month_count(groups.get("m2") or groups.get("nm") or "")
    elif groups.get("nmw"):
        months = _EN_COUNT[(groups["nmw"] or "").lower()]
    elif groups.get("mn2"):  # January-September, Jan-Sep
        months = _EN_MONTH_ABBR.get((groups["mn2"] or "").lower()[:3])
    if not months or not 1 <= months <= 12:
        return None
    if months == 12:
        return str(year)
    return f"{year}-{months:02d}" if months == 1 else f"{year}-01..{months:02d}"


def _months_to(groups: dict[str, str | None], article_date: date | None) -> str | None:
    """The quarter, half or nine months that end in the month named, of the year named or
    the last such to end by the article's date (three months to Sept. 30: 2025-Q3)."""
    month = month_number(groups["mn"] or "")
    if groups.get("y"):
        year = int(groups["y"] or 0)
    elif article_date is not None:
        year = article_date.year if article_date.month >= month else article_date.year - 1
    else:
        return None
    span = {"three": 3, "six": 6, "nine": 9}.get((groups.get("n") or "3").lower())
    span = span or int(groups.get("n") or 3)
    if span == 3 and month % 3 == 0:
        return f"{year}-Q{month // 3}"
    if span == 6 and month in (6, 12):
        return f"{year}-H{month // 6}"
    if span == 9 and month == 9:
        return f"{year}-01..09"
    return f"{year}-{month:02d}"  # a fiscal quarter: the month it ends in


def _fiscal_end(month: int, year: str | None, article_date: date | None) -> str | None:
    """The fiscal year that ends in ``month``: of ``year``, else the last one to end by
    the article's date."""
    if year:
        return f"FY{year}"
    if article_date is None:
        return None
    return f"FY{article_date.year if article_date.month > month else article_date.year - 1}"


def _month_count(word: str) -> int | None:
    return int(word) if word.isdigit() else _ZH_COUNT.get(word)


def _relative(
    word: str, article_date: date | None, sentence_year: int | None, context_year: int | None
) -> str | None:
    this_year = article_date.year if article_date else None
    if word in {
        "上年",
        "上一年",
        "前一年",
        "the previous year",
        "the prior year",
        "a year earlier",
        "the year before",
    }:
        anchor = sentence_year or this_year
        return str(anchor - 1) if anchor else None
    if word in {"当年", "同年", "that year"}:
        anchor = context_year or sentence_year
        return str(anchor) if anchor else None
    if this_year is None:
        return None
    offsets = {
        "去年": -1,
        "last year": -1,
        "今年": 0,
        "本年": 0,
        "this year": 0,
        "明年": 1,
        "next year": 1,
        "前年": -2,
    }
    return str(this_year + offsets[word]) if word in offsets else None
