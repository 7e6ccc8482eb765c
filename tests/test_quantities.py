"""Tests for recheck.quantities.extract_quantities (sentences written for this project)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck.quantities import extract_numbers, extract_quantities
from recheck.units import parse_unit

# text, quantity span, value, unit, lower, upper
FORMS = [
    ("今年铜产量为27万吨。", "27万吨", 270000, "t", None, None),
    ("市场份额达到69.2%", "69.2%", 69.2, "percent", None, None),
    ("出口量由4.55万吨增至5.1万吨", "4.55万吨", 45500, "t", None, None),
    ("工厂每年加工3万4000吨矿石", "3万4000吨", 34000, "t", None, None),
    ("仓库里有1,100万件货物", "1,100万件", 11000000, "dimensionless", None, None),
    ("仓库存放了１２３吨钢材", "１２３吨", 123, "t", None, None),
    ("新厂投资5亿美元", "5亿美元", 5e8, "USD", None, None),
    ("两家公司签下2000亿韩元的合同", "2000亿韩元", 2e11, "KRW", None, None),
    ("项目总投资超过200亿元", "200亿元", 2e10, "CNY", 2e10, None),
    ("均价为每公斤110美元", "110美元", 110, "USD/kg", None, None),
    ("价格在4–7美元/公斤之间", "4–7美元/公斤", 5.5, "USD/kg", 4, 7),
    ("建设周期需要5到7年", "5到7年", 6, "year", 5, 7),
    ("库存不到5000吨", "5000吨", 5000, "t", None, 5000),
    ("增速约为33%", "33%", 33, "percent", 29.7, 36.3),
    ("利润率在5%左右", "5%", 5, "percent", 4.5, 5.5),
    ("纯度达到99.99%以上", "99.99%", 99.99, "percent", 99.99, None),
    ("将近90%的产能", "90%", 90, "percent", 81, 90),
    ("七成以上的订单", "七成", 70, "percent", 70, None),
    ("占全国总量的三分之一", "三分之一", 1 / 3, "dimensionless", None, None),
    ("成本高出3倍", "3倍", 3, "fold", None, None),
    ("销量翻了一番", "翻了一番", 2, "fold", None, None),
    ("利润翻了一倍", "翻了一倍", 2, "fold", None, None),
    ("公司拿到十几亿美元的补贴", "十几亿美元", 1e9, "USD", 1.1e9, 1.9e9),
    ("园区有10多万人就业", "10多万人", 1e5, "dimensionless", 1e5, None),
    ("研究覆盖12种金属和76项专利", "12种", 12, "dimensionless", None, None),
    ("运来一吨半大米", "一吨半", 1.5, "t", None, None),
    ("他们种了两千四百五十亩地", "两千四百五十亩", 2450, "mu", None, None),
    ("利率上调了0.5个百分点", "0.5个百分点", 0.5, "percentage_point", None, None),
    ("通胀达到百分之七十", "百分之七十", 70, "percent", None, None),
    ("耗电1.2亿千瓦时", "1.2亿千瓦时", 1.2e8, "kWh", None, None),
    ("The plant spent $400 million on upgrades.", "$400 million", 4e8, "USD", None, None),
    (
        "It shipped over 45,000 metric tons last year.",
        "45,000 metric tons",
        45000,
        "t",
        45000,
        None,
    ),
    ("Magnets sell for $35,000 per ton.", "$35,000 per ton", 35000, "USD/t", None, None),
    ("Nearly 90% of output is refined abroad.", "90%", 90, "percent", 81, 90),
    ("The mine moved 10,000 to 15,000 tons.", "10,000 to 15,000 tons", 12500, "t", 10000, 15000),
    ("It moves 1,500 tons a month.", "1,500 tons a month", 1500, "t/month", None, None),
    ("Prices rose threefold.", "threefold", 3, "fold", None, None),
    ("Exports doubled.", "doubled", 2, "fold", None, None),
    ("They named seven suppliers.", "seven", 7, "dimensionless", None, None),
    ("The fund holds EUR 2.5 billion.", "EUR 2.5 billion", 2.5e9, "EUR", None, None),
    ("A grant of €3m was approved.", "€3m", 3e6, "EUR", None, None),
    ("Output fell about 12 per cent.", "12 per cent", 12, "percent", 10.8, 13.2),
    ("Less than 5 kg was found.", "5 kg", 5, "kg", None, 5),
    (
        "The gap widened by 3 percentage points.",
        "3 percentage points",
        3,
        "percentage_point",
        None,
        None,
    ),
    ("Stocks hit 1 414 021 units.", "1 414 021", 1414021, "dimensionless", None, None),
    (
        "The field covers 2,300 square kilometers.",
        "2,300 square kilometers",
        2300,
        "km**2",
        None,
        None,
    ),
    ("A 300-mile pipeline.", "300-mile", 300, "mile", None, None),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "lower", "upper"), FORMS)
def test_forms(
    text: str, span: str, value: float, unit: str, lower: float | None, upper: float | None
) -> None:
    found = [q for q in extract_quantities(text) if q.text == span]
    assert found, f"{span!r} not in {extract_quantities(text)}"
    q = found[0]
    assert math.isclose(q.value, value, rel_tol=1e-9)
    assert q.unit == unit
    parse_unit(q.unit)
    for got, want in ((q.lower, lower), (q.upper, upper)):
        assert (got is None) == (want is None)
        if want is not None:
            assert got is not None and math.isclose(got, want, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("69.2%", 0.05),
        ("5.1万吨", 500),
        ("3000吨", 500),
        ("45,000 metric tons", 500),
        ("4300吨", 50),
        ("27万吨", 5000),
        ("七成", 5),
        ("$400 million", 5e7),
        ("8900吨", 50),
    ],
)
def test_precision(text: str, precision: float) -> None:
    (q,) = extract_quantities(text)
    assert math.isclose(q.precision, precision, rel_tol=1e-9)


def test_hedge_is_kept_out_of_the_span() -> None:
    (q,) = extract_quantities("产量超过3000吨")
    assert (q.text, q.hedge, q.lower, q.upper) == ("3000吨", "超过", 3000, None)


NOT_QUANTITIES = [
    "2024年",
    "2025年10月9日",
    "12月12日",
    "in 2024",
    "since 2010",
    "2025-07-31",
    "2025-12-27 04:15",
    "上世纪90年代",
    "the 1970s",
    "2030年前",
    "第二季度",
    "Q2",
    "[15]",
    "[1][22][40]",
    "F-35",
    "NdPr",
    "COVID-19",
    "Group 1:",
    "1. 开头",
    "第二",
    "第十天",
    "第一百天",
    "排名第二",
    "十四五",
    "十一五",
    "一步步",
    "十分显著",
    "五角大楼",
    "一起",
    "统一",
    "一针见血",
    "一道口子",
    "一天两天",
    "一笔账",
    "一边",
    "一直",
    "之一",
    "一些",
    "一定",
    "唯一",
    "万一",
    "一旦",
    "第一",
    "2035年至2040年",
    "四川",
    "一切",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text: str) -> None:
    assert extract_quantities(f"这是{text}的说法") == [] or extract_quantities(text) == []
    assert extract_quantities(text) == []


def test_mixed_sentence() -> None:
    text = "2025年美国产量为5.1万吨，同比上涨12.1%，while China mined 270,000 tons."
    got = [(q.text, q.value, q.unit) for q in extract_quantities(text)]
    assert got == [
        ("5.1万吨", 51000, "t"),
        ("12.1%", 12.1, "percent"),
        ("270,000 tons", 270000, "t"),
    ]


# ------------------------------------------------------------------ properties

_SMALL_ZH = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def _formats(n: int) -> list[tuple[str, float]]:
    out = [
        (f"{n}", n),
        (f"{n:,}", n),
        (f"{n}万", n * 1e4),
        (f"{n}亿", n * 1e8),
        (f"{n} million", n * 1e6),
        (f"{n} billion", n * 1e9),
    ]
    if 1 <= n <= 10:
        out.append((_SMALL_ZH[n], n))
    return out


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["吨", " tons", "%", "美元"]),
)
def test_formatted_numbers_round_trip(n: int, style: int, unit: str) -> None:
    formats = _formats(n)
    written, value = formats[style % len(formats)]
    if unit == "美元" and not written[-1].isascii() and written[-1] not in "万亿":
        unit = "吨"
    quantities = extract_quantities(f"去年 {written}{unit} 。")
    assert len(quantities) == 1, (written, quantities)
    assert math.isclose(quantities[0].value, value, rel_tol=1e-9)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_never_raises_and_spans_match(text: str) -> None:
    quantities = extract_quantities(text)
    ends = 0
    for q in quantities:
        assert q.text == text[q.start : q.end]
        assert q.start >= ends
        ends = q.end


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet="0123456789,.%万亿千百十一二两吨年月 -~到至$€about over约超过不到", max_size=40
    )
)
def test_numeric_noise_never_raises(text: str) -> None:
    for q in extract_quantities(text):
        assert q.text == text[q.start : q.end]
        parse_unit(q.unit)


# ------------------------------------------------------------------ later forms

LATER_FORMS = [
    ("The crew fixed six and a half kilometres of track.", "six and a half kilometres", 6.5, "km"),
    ("Turnout fell to one third of voters.", "one third", 1 / 3, "dimensionless"),
    ("Four out of five farms reopened.", "Four out of five", 0.8, "dimensionless"),
    (
        "They planted 2 thousand 4 hundred and 15 trees.",
        "2 thousand 4 hundred and 15",
        2415,
        "dimensionless",
    ),
    ("The refund was 12 dollars and 40 cents.", "12 dollars and 40 cents", 12.4, "USD"),
    ("门票二十元五角", "二十元五角", 20.5, "CNY"),
    ("他买了三打鸡蛋", "三打", 36, "dimensionless"),
    ("利润十 余 万元", "十 余 万元", 1e5, "CNY"),
    ("负二又四分之一", "负二又四分之一", -2.25, "dimensionless"),
    ("The dose was 2 and 5 mg.", "2", 2, "mg"),
    ("Add ¾ cup of milk.", "¾ cup", 0.75, "cup"),
    ("The spacing is 3.5 pm.", "3.5 pm", 3.5, "pm"),
    ("The rate was 6.1×10-4 per unit.", "6.1×10-4", 6.1e-4, "dimensionless"),
    ('The tablet is 11 " wide.', '11 "', 11, "inch"),
    ("Bail was set at 40,000 pesetas.", "40,000 pesetas", 40000, "ESP"),
    ("他持有3个比特币", "3个比特币", 3, "BTC"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit"), LATER_FORMS)
def test_later_forms(text: str, span: str, value: float, unit: str) -> None:
    found = [q for q in extract_quantities(text) if q.text == span]
    assert found, f"{span!r} not in {extract_quantities(text)}"
    assert math.isclose(found[0].value, value, rel_tol=1e-9)
    assert found[0].unit == unit
    parse_unit(unit)


@pytest.mark.parametrize(
    "text",
    [
        "the twenty-first century",
        "He arrived at 7.45 am.",
        "登陆部队",
        "小明拾起石子",
        "Which one do you mean?",
        "the first half of the year",
        "It cost 5 dollars and 10 dollars were refunded.",
    ],
)
def test_later_not_quantities(text: str) -> None:
    spans = [q.text for q in extract_quantities(text)]
    assert all(s not in ("twenty", "7.45", "陆", "拾", "one", "half") for s in spans), spans
    assert "5 dollars and 10" not in " ".join(spans)


def test_extract_numbers_keeps_years_dates_and_codes() -> None:
    got = [(q.text, q.value) for q in extract_numbers("Filed 3/9/2021 as ZX-4411, in 2019.")]
    assert got == [("3", 3), ("9", 9), ("2021", 2021), ("4411", 4411), ("2019", 2019)]
    assert extract_quantities("Filed 3/9/2021 as ZX-4411, in 2019.") == []


def test_extract_numbers_skips_glued_units_and_pronouns() -> None:
    got = [(q.text, q.value) for q in extract_numbers("That one weighs 40kg; take one.")]
    assert got == [("one", 1)]
    assert [q.value for q in extract_numbers("a 25k budget")] == [25000]
