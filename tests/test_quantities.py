"""Tests for recheck.quantities.extract_quantities (sentences written for this project)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck.quantities import extract_numbers, extract_quantities, extract_unit_mentions
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
    ("增速约为33%", "33%", 33, "percent", 31.35, 34.65),
    ("利润率在5%左右", "5%", 5, "percent", 4.75, 5.25),
    ("Output reached 10 kt last year", "10 kt", 10, "kilotonne", None, None),
    ("a 5,000 tpa separation plant", "5,000 tpa", 5000, "t/year", None, None),
    (
        "a hub of 1.2 million tonnes per annum",
        "1.2 million tonnes per annum",
        1.2e6,
        "t/year",
        None,
        None,
    ),
    ("纯度达到99.99%以上", "99.99%", 99.99, "percent", 99.99, None),
    ("将近90%的产能", "90%", 90, "percent", 85.5, 90),
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
    ("Nearly 90% of output is refined abroad.", "90%", 90, "percent", 85.5, 90),
    ("The mine moved 10,000 to 15,000 tons.", "10,000 to 15,000 tons", 12500, "t", 10000, 15000),
    ("It moves 1,500 tons a month.", "1,500 tons a month", 1500, "t/month", None, None),
    ("Prices rose threefold.", "threefold", 3, "fold", None, None),
    ("Exports doubled.", "doubled", 2, "fold", None, None),
    ("They named seven suppliers.", "seven", 7, "dimensionless", None, None),
    ("The fund holds EUR 2.5 billion.", "EUR 2.5 billion", 2.5e9, "EUR", None, None),
    ("A grant of €3m was approved.", "€3m", 3e6, "EUR", None, None),
    ("Output fell about 12 per cent.", "12 per cent", 12, "percent", 11.4, 12.6),
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
        ("3000吨", 150),  # trailing zeros: half the last place, at most 5%
        ("30万吨", 15000),
        ("70%", 3.5),
        ("45,000 metric tons", 500),
        ("4300吨", 50),
        ("27万吨", 5000),
        ("七成", 5),
        ("$400 million", 2e7),
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
    "一是成本高，二是技术弱",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text: str) -> None:
    assert extract_quantities(f"这是{text}的说法") == [] or extract_quantities(text) == []
    assert extract_quantities(text) == []


def test_a_code_never_lends_its_digits_to_a_space_grouped_number() -> None:
    # "G4 560" is the code G4 and the number 560, not 4,560; "12 500 t" stays 12,500.
    got = [(q.text, q.value) for q in extract_quantities("the Pentium G4 560 board, 12 500 t")]
    assert got == [("560", 560), ("12 500 t", 12500)]


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


# ------------------------------------------------------------------ scope table
# Every form the scope lists, in both languages where the language has it
# (sentences written for this project). text, span, value, unit, lower, upper.

NONE = (None, None)  # no bounds
SCOPE = [
    # numerals
    ("全年运出8,250.5吨", "8,250.5吨", 8250.5, "t", None, None),
    ("They shipped 8,250.5 tonnes.", "8,250.5 tonnes", 8250.5, "t", None, None),
    ("冶炼厂储备了４５０吨", "４５０吨", 450, "t", None, None),
    ("库存有两万吨", "两万吨", 20000, "t", None, None),
    ("购入一百零五吨", "一百零五吨", 105, "t", None, None),
    ("运走两千零五吨", "两千零五吨", 2005, "t", None, None),
    ("仓库存放五万〇三百吨", "五万〇三百吨", 50300, "t", None, None),
    ("矿山年产6万2000吨", "6万2000吨", 62000, "t", None, None),
    ("港口吞吐2,300万吨", "2,300万吨", 2.3e7, "t", None, None),
    ("车上装了一吨半铜", "一吨半", 1.5, "t", None, None),
    # scale words
    ("补贴三千亿元", "三千亿元", 3e11, "CNY", None, None),
    ("债务达1.2万亿元", "1.2万亿元", 1.2e12, "CNY", None, None),
    ("融资五百万美元", "五百万美元", 5e6, "USD", None, None),
    ("吸引了二十几亿元投资", "二十几亿元", 2e9, "CNY", 2.1e9, 2.9e9),
    ("The fund raised 3 trillion yen.", "3 trillion yen", 3e12, "JPY", None, None),
    ("The mill bought 400k tons.", "400k tons", 4e5, "t", None, None),
    ("A $2bn smelter is planned.", "$2bn", 2e9, "USD", None, None),
    ("Seven thousand workers signed.", "Seven thousand", 7000, "dimensionless", None, None),
    # fractions and ratios
    ("其中千分之一是钪", "千分之一", 0.1, "percent", None, None),
    ("产量的一半用于出口", "一半", 0.5, "dimensionless", None, None),
    ("Half a million tons were stored.", "Half a million tons", 5e5, "t", None, None),
    ("One third of the ore is waste.", "One third", 1 / 3, "dimensionless", None, None),
    # shares, points, multiples
    ("近六成企业亏损", "六成", 60, "percent", 57, 60),
    ("失业率下降0.3个百分点", "0.3个百分点", 0.3, "percentage_point", None, None),
    ("Margins fell 2 pp.", "2 pp", 2, "percentage_point", None, None),
    ("Yields rose 40 percentage points.", "40 percentage points", 40, "percentage_point", *NONE),
    ("价格是去年的两倍", "两倍", 2, "fold", None, None),
    ("出口额翻倍", "翻倍", 2, "fold", None, None),
    ("Imports have tripled.", "tripled", 3, "fold", None, None),
    ("Capacity grew fourfold.", "fourfold", 4, "fold", None, None),
    # ranges
    ("工期三到五年", "三到五年", 4, "year", 3, 5),
    ("产能五亿至十亿美元", "五亿至十亿美元", 7.5e8, "USD", 5e8, 1e9),
    ("利润率一到两成", "一到两成", 15, "percent", 10, 20),
    ("It will cost $3 to 4 billion.", "$3 to 4 billion", 3.5e9, "USD", 3e9, 4e9),
    ("Bids were between $5 and 9.", "$5 and 9", 7, "USD", 5, 9),
    ("Plants need 3-4 million tons.", "3-4 million tons", 3.5e6, "t", 3e6, 4e6),
    ("Prices range from 8 to 12 euros.", "8 to 12 euros", 10, "EUR", 8, 12),
    ("Contracts of 2 to 3 years.", "2 to 3 years", 2.5, "year", 2, 3),
    # rates
    ("售价每吨9000元", "9000元", 9000, "CNY/t", None, None),
    ("Ore sells at $90 per tonne.", "$90 per tonne", 90, "USD/t", None, None),
    ("A dose of 5 mg/day.", "5 mg/day", 5, "mg/day", None, None),
    ("Exposure of 3 J/m^2 per year.", "3 J/m^2 per year", 3, "J/m**2/year", None, None),
    ("Pumps run six times a day.", "six times a day", 6, "1/day", None, None),
    # currencies
    ("报价5000日元", "5000日元", 5000, "JPY", None, None),
    ("门票300欧元", "300欧元", 300, "EUR", None, None),
    ("罚款20万韩元", "20万韩元", 2e5, "KRW", None, None),
    ("售价3.5亿人民币", "3.5亿人民币", 3.5e8, "CNY", None, None),
    ("It cost £40.", "£40", 40, "GBP", None, None),
    ("It cost ¥500.", "¥500", 500, "CNY", None, None),
    ("It cost JPY 500.", "JPY 500", 500, "JPY", None, None),
    ("It cost 500 KRW.", "500 KRW", 500, "KRW", None, None),
    ("It cost 3 bn euros.", "3 bn euros", 3e9, "EUR", None, None),
    ("The bill was 7 dollars and 15 cents.", "7 dollars and 15 cents", 7.15, "USD", None, None),
    ("The fare was three yuan and four mao.", "three yuan and four mao", 3.4, "CNY", None, None),
    ("Change came to £2 and twenty.", "£2 and twenty", 2.2, "GBP", None, None),
    ("Revenue was ($4.5 million) last year.", "$4.5 million", -4.5e6, "USD", None, None),
    ("The balance is $-12.50.", "$-12.50", -12.5, "USD", None, None),
    # units
    ("买了3斤苹果", "3斤", 3, "jin", None, None),
    ("称了二两茶叶", "二两", 2, "liang", None, None),
    ("开垦了80亩", "80亩", 80, "mu", None, None),
    ("修了30公里公路", "30公里", 30, "km", None, None),
    ("跑了5千米", "5千米", 5, "km", None, None),
    ("用电100千瓦时", "100千瓦时", 100, "kWh", None, None),
    ("A 12 km tunnel.", "12 km", 12, "km", None, None),
    ("It holds 5 gallons.", "5 gallons", 5, "gallon", None, None),
    ("They farm 200 hectares.", "200 hectares", 200, "hectare", None, None),
    ("It took three decades.", "three decades", 30, "year", None, None),
    ("It stores 4 kibibytes.", "4 kibibytes", 4, "KiB", None, None),
    ("Buy a gallon of fuel.", "a gallon", 1, "gallon", None, None),
    ("Not a penny more.", "a penny", 1, "penny", None, None),
    ("Warming of 1.5C is the limit.", "1.5C", 1.5, "degC", None, None),
    ("Near absolute zero, it stops.", "absolute zero", 0, "K", None, None),
    ('The screen is 13" across.', '13"', 13, "inch", None, None),
    # hedges
    ("产量逾200万吨", "200万吨", 2e6, "t", 2e6, None),
    ("卖出1000多吨", "1000多吨", 1000, "t", 1000, None),
    ("余量不足5吨", "5吨", 5, "t", None, 5),
    ("单价10元以下", "10元", 10, "CNY", None, 10),
    ("成本低于5吨", "5吨", 5, "t", None, 5),
    ("储量接近5吨", "5吨", 5, "t", 4.75, 5),
    ("大约5吨", "5吨", 5, "t", 4.75, 5.25),
    ("More than 5 tons.", "5 tons", 5, "t", 5, None),
    ("At least 5 tons.", "5 tons", 5, "t", 5, None),
    ("Under 5 tons.", "5 tons", 5, "t", None, 5),
    ("Almost 5 tons.", "5 tons", 5, "t", 4.75, 5),
    ("Approximately 5 tons.", "5 tons", 5, "t", 4.75, 5.25),
    ("Roughly 5 tons.", "5 tons", 5, "t", 4.75, 5.25),
    # number words
    ("It needs three million, two hundred & six parts.", None, 3000206, "dimensionless", *NONE),
    ("It was nine dozen.", "nine dozen", 108, "dimensionless", None, None),
    ("A baker's dozen arrived.", "A baker's dozen", 13, "dimensionless", None, None),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "lower", "upper"), SCOPE)
def test_scope(
    text: str,
    span: str | None,
    value: float,
    unit: str,
    lower: float | None,
    upper: float | None,
) -> None:
    quantities = extract_quantities(text)
    found = [q for q in quantities if span is None or q.text == span]
    assert found, f"{span!r} not in {quantities}"
    q = found[0]
    assert math.isclose(q.value, value, rel_tol=1e-9, abs_tol=1e-12), q
    assert q.unit == unit
    parse_unit(q.unit)
    for got, want in ((q.lower, lower), (q.upper, upper)):
        assert (got is None) == (want is None), q
        if want is not None:
            assert got is not None and math.isclose(got, want, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # "from X to Y" after a word of change is two figures; otherwise a range
        ("Output rose from 5 tons to 7 tons.", ["5 tons", "7 tons"]),
        ("The forecast was cut from $3 billion to $2 billion.", ["$3 billion", "$2 billion"]),
        ("产量从3万吨到5万吨", ["3万吨", "5万吨"]),
        ("Grades ranged from 7 to 10 points.", ["7 to 10"]),
        ("Sizes go up to 9 mm; widths vary from 5 to 10 mm.", ["9 mm", "5 to 10 mm"]),
        # two integers with only a space between: neither is sure
        ("The label read 245 23 yen.", []),
        ("He sold 40 20 dollar notes.", ["40", "20 dollar"]),
        # amounts after a symbol stay apart without "between"
        ("It cost $5 and 10 people came.", ["$5", "10"]),
        ("He paid 20 dollars and 5 of them were fake.", ["20 dollars", "5"]),
    ],
)
def test_span_decisions(text: str, spans: list[str]) -> None:
    assert [q.text for q in extract_quantities(text)] == spans


@pytest.mark.parametrize(
    "text",
    [
        "a year ago",
        "twice a day",
        "a ton of paperwork",
        "a gross error",
        "a dollar-denominated bond",
        "a euro zone member",
        "他说“一到”就走",
        "一至二月",
        "二〇二〇年",
        "Chapter 1. Scope",
        "1. 总则\n2. 附则",
        "the galaxy J1149.5+6663",
        "重稀土产量只是按几十吨来计算",  # "some tens of tonnes": no figure to check
        "数十亿美元的投资",
        "几十万吨的产能",
    ],
)
def test_more_not_quantities(text: str) -> None:
    assert extract_quantities(text) == [], extract_quantities(text)


def test_unit_mentions() -> None:
    text = "人民币兑美元走强，a dollar-linked 5 euros deal"
    got = [(m.text, m.unit) for m in extract_unit_mentions(text)]
    assert got == [("人民币", "CNY"), ("美元", "USD"), ("dollar", "USD")]
    # a unit that belongs to a quantity is not a mention; ambiguous words never are
    assert extract_unit_mentions("It won 5 tons and a pound of pride per cent") == []
    assert [m.unit for m in extract_unit_mentions("measured in kilograms per gramme")] == [
        "kg",
        "g",
    ]


# ------------------------------------------------------------------ more properties

_FULLWIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")
_ZH_NUM = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """``n`` (1 <= n < 10**8) in Chinese numerals, with 零 for skipped places."""

    def group(m: int) -> str:
        out, zero = "", False
        for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = m // place % 10
            if digit:
                out += ("零" if zero and out else "") + _ZH_NUM[digit] + name
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10_000)
    if not high:
        text = group(low)
    else:
        text = group(high) + "万"
        if low:
            text += ("零" if low < 1000 else "") + group(low)
    return text[1:] if text.startswith("一十") else text  # 十五, 十万, not 一十五


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=99_999_999),
    st.sampled_from(["plain", "comma", "fullwidth", "fullwidth_comma", "wan", "yi", "chinese"]),
)
def test_chinese_styles_round_trip(n: int, style: str) -> None:
    written, value = {
        "plain": (f"{n}", n),
        "comma": (f"{n:,}", n),
        "fullwidth": (f"{n}".translate(_FULLWIDTH), n),
        "fullwidth_comma": (f"{n:,}".translate(_FULLWIDTH), n),
        "wan": (f"{n}万", n * 1e4),
        "yi": (f"{n}亿", n * 1e8),
        "chinese": (_chinese(n), n),
    }[style]
    quantities = extract_quantities(f"仓库里共有{written}吨铜。")
    assert len(quantities) == 1, (written, quantities)
    assert quantities[0].unit == "t"
    assert math.isclose(quantities[0].value, value, rel_tol=1e-9), (written, quantities)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from(["plain", "comma", "million", "bn", "k", "dollar_million", "dollar_bn"]),
)
def test_english_styles_round_trip(n: int, style: str) -> None:
    written, value, unit = {
        "plain": (f"{n} tons", n, "t"),
        "comma": (f"{n:,} tons", n, "t"),
        "million": (f"{n} million tons", n * 1e6, "t"),
        "bn": (f"{n}bn tons", n * 1e9, "t"),
        "k": (f"{n}k tons", n * 1e3, "t"),
        "dollar_million": (f"${n:,} million", n * 1e6, "USD"),
        "dollar_bn": (f"US${n}bn", n * 1e9, "USD"),
    }[style]
    quantities = extract_quantities(f"The group reported {written} for the year.")
    assert len(quantities) == 1, (written, quantities)
    assert quantities[0].unit == unit
    assert math.isclose(quantities[0].value, value, rel_tol=1e-9), (written, quantities)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_never_raises_in_any_view(text: str) -> None:
    for q in extract_numbers(text):
        assert q.text == text[q.start : q.end]
    for m in extract_unit_mentions(text):
        assert m.text == text[m.start : m.end]


def test_ev_in_capitals_is_an_electric_vehicle_not_an_electronvolt():
    assert [(q.text, q.unit) for q in extract_quantities("sold a million EV last year")] == [
        ("a million", "dimensionless")
    ]
    assert [(q.text, q.unit) for q in extract_quantities("a band gap of 1.1 eV")] == [
        ("1.1 eV", "eV")
    ]
