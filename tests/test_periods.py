from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck import periods
from recheck.periods import find_periods

ARTICLE = date(2025, 7, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年的产量", [("2025年", "2025", False)]),
        ("2025年第二季度,产量", [("2025年第二季度", "2025-Q2", False)]),
        ("2025年上半年出口", [("2025年上半年", "2025-H1", False)]),
        ("2025年10月9日,商务部", [("2025年10月9日", "2025-10", False)]),
        ("去年的产量", [("去年", "2024", False)]),
        ("今年有望", [("今年", "2025", False)]),
        (
            "由上年的4.55万吨提升至2026年的5.1万吨",
            [("上年", "2025", False), ("2026年", "2026", False)],
        ),
        ("到2030年撑死了", [("到2030年", "2030", True)]),
        ("要在2030年前实现", [("2030年前", "2030", True)]),
        ("output of 45,000 tons in 2024", [("in 2024", "2024", False)]),
        ("Q2 2025 output", [("Q2 2025", "2025-Q2", False)]),
        (
            "from 45,500 t the previous year to 51,000 t in 2025",
            [("the previous year", "2024", False), ("in 2025", "2025", False)],
        ),
        ("demand triples by 2030", [("by 2030", "2030", True)]),
        ("last year", [("last year", "2024", False)]),
        # parts of a year are never the whole year
        ("今年上半年的销量", [("今年上半年", "2025-H1", False)]),
        ("上半年净利润", [("上半年", "2025-H1", False)]),
        ("去年第四季度", [("去年第四季度", "2024-Q4", False)]),
        ("2025年前三季度营收", [("2025年前三季度", "2025-01..09", False)]),
        ("1-9月出口", [("1-9月", "2025-01..09", False)]),
        ("前10个月进口", [("前10个月", "2025-01..10", False)]),
        (
            "profit in the first half of the year",
            [("the first half of the year", "2025-H1", False)],
        ),
        (
            "the first nine months of 2024",
            [("the first nine months of 2024", "2024-01..09", False)],
        ),
        ("January-September 2024", [("January-September 2024", "2024-01..09", False)]),
        ("output in the third quarter", [("the third quarter", "2025-Q3", False)]),
        ("H1 2024 revenue", [("H1 2024", "2024-H1", False)]),
        ("1H25 revenue", [("1H25", "2025-H1", False)]),
        (
            "2024年产量为27万吨,上半年为13万吨",
            [("2024年", "2024", False), ("上半年", "2024-H1", False)],
        ),
    ],
)
def test_time_expressions_resolve_to_periods(text, expected):
    assert _mentions(text) == expected


def _mentions(text: str) -> list[tuple[str, str | None, bool]]:
    """(word, period, deadline) of each time expression in ``text``."""
    return [(p.word, p.period, p.deadline) for p in find_periods(text, ARTICLE)]


@pytest.mark.parametrize(
    "text",
    [
        "花了2000亿韩元",
        "2000吨",
        "a method from the 1970s",
        "2024 tons of ore",
        "12,2024",
        "the first half of the match",
    ],
)
def test_amounts_and_decades_are_not_years(text):
    assert find_periods(text, ARTICLE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二〇二四年，中国稀土开采量为27万吨。", [("二〇二四年", "2024", False)]),
        ("到二〇三〇年产能翻番", [("到二〇三〇年", "2030", True)]),
        ("二〇二五年上半年出口2万吨", [("二〇二五年上半年", "2025-H1", False)]),
        ("一九九八年", [("一九九八年", "1998", False)]),
    ],
)
def test_years_in_chinese_digits_are_years_as_written(text, expected):
    assert _mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "本报北京4月30日电（记者 王明）澳大利亚稀土开采量为1.3万吨。",
        "新华社北京2025年4月30日电 产量为1.3万吨",
    ],
)
def test_a_dateline_is_when_the_report_was_filed_not_a_period(text):
    assert find_periods(text, ARTICLE) == []


def test_a_date_before_other_words_with_dian_is_still_a_date():
    (mention,) = find_periods("4月30日电价上涨", ARTICLE)  # electricity prices
    assert mention.word == "4月30日"


def test_chinese_digits_that_are_not_a_year_stay_apart():
    assert find_periods("十二〇二〇年", ARTICLE) == []  # part of a larger numeral
    assert find_periods("二〇二四吨", ARTICLE) == []  # no 年


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年上半年净利润9.31亿元，较上年同期的4,537万元增长", ["2025-H1", "2024-H1"]),
        ("2025年第二季度营收5,730万美元，去年同期为4,870万美元", ["2025-Q2", "2024-Q2"]),
        ("revenue of $57.4 million in Q2 2025, up from $47.9 million a year earlier",
         ["2025-Q2", "2024-Q2"]),
        ("Q3 2025 sales beat the year-ago quarter", ["2025-Q3", "2024-Q3"]),
        ("output in 2024 was 10% above a year earlier", ["2024", "2023"]),
        ("sales rose 30% from the same period last year", ["2024"]),  # none to shift
        ("2024年中国产量27万吨，同期全球产量39万吨", ["2024", "2024"]),  # 同期: the same one
    ],
)  # fmt: skip
def test_a_year_earlier_is_the_same_part_of_the_year_before(text, expected):
    assert [p.period for p in find_periods(text, ARTICLE)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it made 721 tonnes in the third quarter of 2025, up from 597 tonnes in the previous "
         "three months", ["2025-Q3", "2025-Q2"]),
        ("2025年第一季度产量为600吨，上一季度为500吨", ["2025-Q1", "2024-Q4"]),
        ("2025年第二季度营收环比增长，上季度营收为1亿元", ["2025-Q2", "2025-Q1"]),
        ("output in the prior quarter was 500 tonnes", [None]),  # no quarter to step back from
        ("2025年第三季度产量为600吨", ["2025-Q3"]),  # 第三季度 is no quarter before
    ],
)  # fmt: skip
def test_the_previous_quarter_is_the_one_before_the_quarter_named(text, expected):
    assert [p.period for p in find_periods(text, ARTICLE)] == expected


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        # the period the sentence named first, not its detail (其中第三季度)
        ("前三季度净利润15.41亿元，其中第三季度6.10亿元，同期营收302.92亿元",
         None, ["2025-01..09", "2025-Q3", "2025-01..09"]),
        # none before it in the sentence: the period the article was last about
        ("同期，盛和资源实现归母净利润7.93亿元", "2025-01..09", ["2025-01..09"]),
        ("Revenue in the same period rose to $48 million.", "2025-Q3", ["2025-Q3"]),
        ("同期，盛和资源实现归母净利润7.93亿元", None, [None]),  # nothing to refer to
        # still a year back, not the same period
        ("sales rose 30% from the same period last year", "2025-Q3", ["2024"]),
        ("历史同期", "2025-Q3", []),  # "in past years", no period at all
    ],
)  # fmt: skip
def test_the_same_period_is_the_one_just_named(text, context, expected):
    assert [p.period for p in find_periods(text, ARTICLE, None, context)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("莱纳斯2025财年营收5.565亿澳元", [("2025财年", "FY2025", False)]),
        ("FY2025 revenue", [("FY2025", "FY2025", False)]),
        ("sales in fiscal 2024", [("fiscal 2024", "FY2024", False)]),
        ("the fiscal year ended June 2024", [("fiscal year ended June 2024", "FY2024", False)]),
        # no year: the last to end by the article's date (31 July 2025)
        (
            "revenue for the year to June 30 was A$556.5 million",
            [("year to June 30", "FY2025", False)],
        ),
        ("the year ending September 30", [("year ending September 30", "FY2024", False)]),
        (
            "for the year to June 30, up 20% from a year earlier",
            [("year to June 30", "FY2025", False), ("a year earlier", "FY2024", False)],
        ),
        (
            "NdPr oxide traded at 530,000 yuan a ton on Aug. 13, data show",
            [("Aug. 13", "2025-08", False)],
        ),
        ("Sept. 30", [("Sept. 30", "2025-09", False)]),
        ("output in June 2024", [("June 2024", "2024-06", False)]),
        ("In June the price rose", [("In June", "2025-06", False)]),  # at a sentence's start
        ("peaked at $63 a kilogram in mid-August", [("in mid-August", "2025-08", False)]),
        ("八月中旬氧化镨钕冲到63万元/吨", [("八月", "2025-08", False)]),  # in Chinese numerals
        ("一个月内价格上涨两成", []),  # a month's time, not January
        ("sales in the three months to Sept. 30", [("three months to Sept. 30", "2024-Q3", False)]),
        ("the six months to June 30", [("six months to June 30", "2025-H1", False)]),
        (
            "the nine months ended September 30, 2024",
            [("nine months ended September 30, 2024", "2024-01..09", False)],
        ),
        ("the quarter ended Dec. 31", [("quarter ended Dec. 31", "2024-Q4", False)]),  # by then
        ("prices fell in early June 2024", [("June 2024", "2024-06", False)]),
        ("Aug 13,000 tonnes", []),  # a number, not a day
        ("March 5.5% higher", []),
    ],
)
def test_fiscal_years_and_days_without_a_year(text, expected):
    assert _mentions(text) == expected


def test_relative_years_need_an_anchor():
    (mention,) = find_periods("去年的产量", None)
    assert mention.period is None


# --- the fast paths find what the patterns find ---------------------------------------

_PIECES = [
    *["in", "IN", "of", "during", "within", "year", "by", "first", "half", "quarter", "jan"],
    *["March", "2020", "1999", "20", "19", "0", ".", ",", "-", "/", "s", "%", "x", "H1", "Q3"],
    *["万", "年", "月", "到", "前", "上半年", "三季度", "  ", " ", "\t", "\u3000"],
    *["May", "may", "Sep", "since", "去年", "last", "that", "K", "\u017f", "ı", "İ"],
]


@settings(deadline=None, max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
@example("within 2020, in  2021 and year2022 during 2023-4")
def test_en_years_are_the_pattern_s_matches(text):
    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    assert spans(periods._en_years(text)) == spans(periods._EN_YEAR.finditer(text))


@settings(deadline=None, max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_the_needs_skip_only_patterns_that_cannot_match(text):
    runnable = {pattern for _, pattern in periods._runnable(periods._present(text))}
    for _, pattern, _ in periods._PATTERNS:
        assert pattern in runnable or pattern.search(text) is None
