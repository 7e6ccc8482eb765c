"""Internal arithmetic: stated changes, shares of one whole, parts and wholes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import claims
from recheck.arithmetic import change, part_whole, share_sum
from recheck.audit import audit

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "arithmetic"


def rule(rulebook, rule_id):
    return next(r for r in rulebook.rules if r.id == rule_id)


# --- the planted errors, end to end -----------------------------------------------------


def test_planted_arithmetic_errors_are_caught(rulebook):
    report = audit([str(FIXTURES / "planted")], rulebook)
    found = sorted((c.rule, c.entity, c.metric, c.period) for c in report.contradictions)
    assert found == [
        ("RC006", "united_states", "mine_production", "2025"),  # up 21.1%, not 12.1%
        ("RC007", "united_states", "share_of_imports", "current"),  # 71% + 23% + 15%
        ("RC008", "us_japan_korea", "mine_production", "2024"),  # US alone > US+JP+KR
    ]
    by_rule = {c.rule: c for c in report.contradictions}
    assert [c.text for c in by_rule["RC006"].claims] == ["4.55万吨", "5.1万吨", "21.1%"]
    assert any("51,000 ÷ 45,500 − 1" in step for step in by_rule["RC006"].derivation)
    assert sorted(c.value for c in by_rule["RC008"].claims) == [5000, 45500]


def test_the_correct_versions_are_not_flagged(rulebook):
    report = audit([str(FIXTURES / "correct")], rulebook)
    assert report.contradictions == ()
    stated = {c.text for c in report.claims}
    assert {"12.1%", "翻倍", "65%", "13%", "5%", "6万吨"} <= stated


# --- change ------------------------------------------------------------------------------

RISE = "美国稀土开采量由上年的4.55万吨,提升至2025年的5.1万吨,同比上涨{}"


def _rise(stated: str, value: float, unit: str = "percent", precision: float = 0.05):
    return claims(
        {
            "source": "a",
            "line": 1,
            "quote": RISE.format(stated),
            "text": "4.55万吨",
            "entity": "united_states",
            "metric": "mine_production",
            "period": "2024",
            "value": 45500,
            "unit": "t",
            "precision": 50,
        },
        {
            "source": "a",
            "line": 1,
            "text": "5.1万吨",
            "entity": "united_states",
            "metric": "mine_production",
            "period": "2025",
            "value": 51000,
            "unit": "t",
            "precision": 500,
        },
        {
            "source": "a",
            "line": 1,
            "text": stated,
            "entity": "united_states",
            "value": value,
            "unit": unit,
            "precision": precision,
        },
    )


@pytest.mark.parametrize(
    ("stated", "value", "flags"),
    [("12.1%", 12.1, False), ("13%", 13.0, False), ("21.1%", 21.1, True), ("2.1%", 2.1, True)],
)
def test_a_stated_rise_must_agree_with_its_operands(rulebook, stated, value, flags):
    assert bool(change(_rise(stated, value), rule(rulebook, "RC006"))) is flags


def test_a_fall_is_measured_from_the_larger_figure(rulebook):
    quote = "出口量从5.1万吨下降至4.55万吨,下降{}"
    for stated, value, flags in (
        ("10.8%", 10.8, False),
        ("12.1%", 12.1, False),
        ("15%", 15.0, True),
    ):
        found = change(
            claims(
                {
                    "source": "a",
                    "line": 1,
                    "quote": quote.format(stated),
                    "text": "5.1万吨",
                    "entity": "china",
                    "metric": "exports",
                    "period": "2024",
                    "value": 51000,
                    "unit": "t",
                    "precision": 500,
                },
                {
                    "source": "a",
                    "line": 1,
                    "text": "4.55万吨",
                    "entity": "china",
                    "metric": "exports",
                    "period": "2025",
                    "value": 45500,
                    "unit": "t",
                    "precision": 50,
                },
                {
                    "source": "a",
                    "line": 1,
                    "text": stated,
                    "value": value,
                    "unit": "percent",
                    "precision": 0.05,
                },
            ),
            rule(rulebook, "RC006"),
        )
        assert bool(found) is flags, stated


def test_percentage_points_are_a_difference_of_percentages(rulebook):
    quote = "中国的份额从67.9%升至69.2%,上升{}"
    for stated, value, flags in (("1.3个百分点", 1.3, False), ("3个百分点", 3.0, True)):
        found = change(
            claims(
                {
                    "source": "a",
                    "line": 1,
                    "quote": quote.format(stated),
                    "text": "67.9%",
                    "entity": "china",
                    "metric": "mine_production_share",
                    "period": "2024",
                    "value": 67.9,
                    "unit": "percent",
                    "precision": 0.05,
                },
                {
                    "source": "a",
                    "line": 1,
                    "text": "69.2%",
                    "entity": "china",
                    "metric": "mine_production_share",
                    "period": "2025",
                    "value": 69.2,
                    "unit": "percent",
                    "precision": 0.05,
                },
                {
                    "source": "a",
                    "line": 1,
                    "text": stated,
                    "value": value,
                    "unit": "percentage_point",
                    "precision": 0.05,
                },
            ),
            rule(rulebook, "RC006"),
        )
        assert bool(found) is flags, stated


def test_n_fold_after_a_rise_word_may_mean_n_or_n_plus_one(rulebook):
    quote = "产量从1000吨增长到4000吨,增长了{}"

    def run(text: str, value: float) -> bool:
        return bool(
            change(
                claims(
                    {
                        "source": "a",
                        "line": 1,
                        "quote": quote.format(text),
                        "text": "1000吨",
                        "entity": "china",
                        "metric": "refined_production",
                        "period": "2024",
                        "value": 1000,
                        "unit": "t",
                        "precision": 5,
                    },
                    {
                        "source": "a",
                        "line": 1,
                        "text": "4000吨",
                        "entity": "china",
                        "metric": "refined_production",
                        "period": "2025",
                        "value": 4000,
                        "unit": "t",
                        "precision": 5,
                    },
                    {
                        "source": "a",
                        "line": 1,
                        "text": text,
                        "value": value,
                        "unit": "fold",
                        "precision": 0.5,
                    },
                ),
                rule(rulebook, "RC006"),
            )
        )

    assert not run("3倍", 3)  # fourfold growth: "grew by 3 times"
    assert not run("4倍", 4)
    assert run("9倍", 9)


def test_two_entities_are_compared_only_after_a_comparison_word(rulebook):
    quote = "美国产量4.55万吨,澳大利亚产量2.9万吨,同比上涨12.1%"
    found = change(
        claims(
            {
                "source": "a",
                "line": 1,
                "quote": quote,
                "text": "4.55万吨",
                "entity": "united_states",
                "metric": "mine_production",
                "period": "2025",
                "value": 45500,
                "unit": "t",
                "precision": 50,
            },
            {
                "source": "a",
                "line": 1,
                "text": "2.9万吨",
                "entity": "australia",
                "metric": "mine_production",
                "period": "2025",
                "value": 29000,
                "unit": "t",
                "precision": 500,
            },
            {
                "source": "a",
                "line": 1,
                "text": "12.1%",
                "value": 12.1,
                "unit": "percent",
                "precision": 0.05,
            },
        ),
        rule(rulebook, "RC006"),
    )
    assert found == []  # 12.1% is Australia's own growth, not the gap between the two


# --- share_sum and part_whole -----------------------------------------------------------


def test_shares_past_100_percent_count_each_share_at_its_lowest(rulebook):
    def shares(*values: float, source_b: bool = False):
        entities = ["china", "malaysia", "japan"]
        return claims(
            *(
                {
                    "source": "b" if source_b and n else "a",
                    "entity": f"{e}@united_states",
                    "metric": "share_of_imports",
                    "value": v,
                    "unit": "percent",
                    "precision": 0.5,
                }
                for n, (e, v) in enumerate(zip(entities, values, strict=False))
            )
        )

    rc007 = rule(rulebook, "RC007")
    assert share_sum(shares(71, 13, 5), rc007) == []
    assert share_sum(shares(71, 17, 13), rc007) == []  # 101 as written, 99.5 at the lowest
    assert share_sum(shares(71, 23, 15), rc007) != []
    assert share_sum(shares(71, 23, 15, source_b=True), rc007) == []  # other articles


def test_a_part_may_not_exceed_its_whole(rulebook):
    rc008 = rule(rulebook, "RC008")
    aggregate = {
        "entity": "us_japan_korea",
        "metric": "mine_production",
        "period": "2024",
        "value": 5000,
        "upper": 5000,
        "unit": "t",
        "precision": 500,
    }
    us = {
        "entity": "united_states",
        "metric": "mine_production",
        "period": "2024",
        "value": 45500,
        "unit": "t",
        "precision": 50,
    }
    korea = {**us, "entity": "south_korea", "value": 4000, "precision": 500}
    china = {**us, "entity": "china", "value": 270000, "precision": 5000}
    ((key, finding),) = part_whole(claims(aggregate, us, korea, china), rc008)
    assert key == ("us_japan_korea", "mine_production", "t", "2024")
    assert sorted(c.entity for c in finding.claims) == ["united_states", "us_japan_korea"]
    assert part_whole(claims({**aggregate, "value": 60000, "upper": None}, us), rc008) == []
    # shares do not add up, so they are never parts of a whole here
    assert (
        part_whole(claims({**aggregate, "unit": "percent"}, {**us, "unit": "percent"}), rc008) == []
    )


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@settings(max_examples=200)
@given(a=finite, b=finite, stated=finite, unit=st.sampled_from(["percent", "fold"]))
def test_absurd_figures_never_crash_the_arithmetic(rulebook, a, b, stated, unit):
    specs = claims(
        {"source": "a", "line": 1, "quote": RISE.format("12.1%"), "text": "4.55万吨",
         "entity": "united_states", "metric": "mine_production", "value": a, "unit": "t"},
        {"source": "a", "line": 1, "text": "5.1万吨", "entity": "united_states",
         "metric": "mine_production", "value": b, "unit": "t"},
        {"source": "a", "line": 1, "text": "12.1%", "value": stated, "unit": unit},
    )  # fmt: skip
    for survey in (change, share_sum, part_whole):
        for _, finding in survey(specs, rule(rulebook, "RC006")):
            assert math.isfinite(finding.z) and finding.z >= 0


def test_a_change_relates_figures_of_the_same_part_of_a_year(rulebook):
    """公司上半年净利润3.05亿元，上年同期为1.20亿元；前三季度净利润5.15亿元，同比增长161.8%:
    the 161.8% is not the change from the first half of 2024 to the first three
    quarters of 2025."""
    quote = "上半年净利润3.05亿元，上年同期为1.20亿元；前三季度净利润5.15亿元，同比增长161.8%"
    said = {"source": "a", "line": 1, "quote": quote, "entity": "jl_mag", "unit": "CNY"}
    profit = {**said, "metric": "net_profit"}
    stated = claims(
        {**profit, "period": "2025-H1", "value": 3.05e8, "text": "3.05亿元"},
        {**profit, "period": "2024-H1", "value": 1.2e8, "text": "1.20亿元"},
        {**profit, "period": "2025-01..09", "value": 5.15e8, "text": "5.15亿元"},
        {**said, "value": 161.8, "unit": "percent", "text": "161.8%", "precision": 0.05},
    )
    assert change(stated, rule(rulebook, "RC006")) == []


# --- change across sources: the later figure in the sentence, the earlier one elsewhere ---

BASE_2023 = (
    "Rare earths in numbers\nPublished 2025-03-02\n"
    "China mined 240,000 tonnes of rare earths in 2023, the survey said.\n"
)


def _audit_texts(tmp_path, rulebook, **texts):
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    report = audit([str(tmp_path)], rulebook)
    return [c for c in report.contradictions if c.rule == "RC006"]


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年中国稀土矿产量为27万吨，同比增长30%。",  # the figure, then the change
        "China's rare-earth mine output rose 30% to 270,000 tonnes in 2024.",  # the reverse
    ],
)
def test_a_change_disagrees_with_last_years_figure_from_another_source(
    tmp_path, rulebook, sentence
):
    later = f"稀土产量\n更新时间:2025-04-01\n{sentence}\n"
    (found,) = _audit_texts(tmp_path, rulebook, base=BASE_2023, later=later)
    assert [c.value for c in found.claims] == [240000, 270000, 30]
    assert {c.path.rsplit("/", 1)[-1] for c in found.claims} == {"base.txt", "later.txt"}
    assert any("270,000 ÷ 240,000 − 1" in step for step in found.derivation)


def test_a_change_that_agrees_with_last_years_figure_is_not_flagged(tmp_path, rulebook):
    later = "稀土产量\n更新时间:2025-04-01\n2024年中国稀土矿产量为27万吨，同比增长12.5%。\n"
    assert _audit_texts(tmp_path, rulebook, base=BASE_2023, later=later) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the change is of another metric than the figure before it
        "2024年中国稀土矿产量为27万吨，出口量同比增长30%。",
        # a quarter's change without "year on year" may be on the quarter before
        "今年三季度，中国稀土矿产量为7万吨，增长30%。",
    ],
)
def test_a_change_is_not_read_against_a_figure_it_may_not_be_about(tmp_path, rulebook, sentence):
    base = (
        "Rare earths in numbers\nPublished 2025-03-02\n"
        "China mined 240,000 tonnes of rare earths in 2023, and 61,200 tonnes in the third "
        "quarter of 2024.\n"
    )
    later = f"稀土产量\n更新时间:2025-11-01\n{sentence}\n"
    assert _audit_texts(tmp_path, rulebook, base=base, later=later) == []


def test_a_quarters_change_year_on_year_is_read_against_that_quarter_a_year_before(
    tmp_path, rulebook
):
    base = (
        "Rare earths in numbers\nPublished 2025-03-02\n"
        "China mined 61,200 tonnes of rare earths in the third quarter of 2024.\n"
    )
    later = "稀土产量\n更新时间:2025-11-01\n今年三季度，中国稀土矿产量为7万吨，同比增长30%。\n"
    (found,) = _audit_texts(tmp_path, rulebook, base=base, later=later)
    assert [c.period for c in found.claims[:2]] == ["2024-Q3", "2025-Q3"]


# --- a change that names its metric: both figures stated elsewhere ---

BOTH_YEARS = (
    "Rare earths in numbers\nPublished 2025-03-02\n"
    "China mined 270,000 tonnes of rare earths in 2024 and 240,000 tonnes in 2023, the "
    "survey said.\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年中国稀土矿产量同比增长30%。",
        "China's rare-earth mine output rose 30% in 2024.",
        # two other parties' figures before it are not what China's change relates
        "2024年，美国稀土矿产量为4.5万吨，缅甸稀土矿产量为3.1万吨，中国稀土矿产量同比增长30%。",
    ],
)
def test_a_change_naming_its_metric_disagrees_with_both_figures_stated_elsewhere(
    tmp_path, rulebook, sentence
):
    later = f"稀土产量\n更新时间:2025-04-01\n{sentence}\n"
    (found,) = _audit_texts(tmp_path, rulebook, base=BOTH_YEARS, later=later)
    assert [(c.value, c.path.rsplit("/", 1)[-1]) for c in found.claims] == [
        (240000, "base.txt"),
        (270000, "base.txt"),
        (30, "later.txt"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年中国稀土矿产量同比增长12.5%。",  # agrees
        "2024年中国稀土出口量同比增长30%。",  # nobody states exports
        "2024年美国稀土矿产量同比增长30%。",  # nor the United States' output
        "2025年中国稀土矿产量同比增长30%。",  # nor 2025's
    ],
)
def test_a_change_naming_its_metric_is_flagged_only_against_figures_it_is_about(
    tmp_path, rulebook, sentence
):
    later = f"稀土产量\n更新时间:2025-04-01\n{sentence}\n"
    assert _audit_texts(tmp_path, rulebook, base=BOTH_YEARS, later=later) == []


# --- a figure many sources repeat ---


def test_a_change_is_read_against_the_first_source_of_a_repeated_figure(tmp_path, rulebook):
    copies = {f"base{n:02}": BOTH_YEARS for n in range(12)}
    later = "稀土产量\n更新时间:2025-04-01\n2024年中国稀土矿产量同比增长30%。\n"
    (found,) = _audit_texts(tmp_path, rulebook, **copies, later=later)
    assert [(c.value, c.path.rsplit("/", 1)[-1]) for c in found.claims] == [
        (240000, "base00.txt"),
        (270000, "base00.txt"),
        (30, "later.txt"),
    ]


def test_one_source_that_agrees_among_many_repeats_clears_the_change(tmp_path, rulebook):
    copies = {f"base{n:02}": BOTH_YEARS for n in range(12)}
    agrees = BOTH_YEARS.replace("270,000", "312,000")  # 312,000 ÷ 240,000 − 1 = 30%
    later = "稀土产量\n更新时间:2025-04-01\n2024年中国稀土矿产量同比增长30%。\n"
    assert _audit_texts(tmp_path, rulebook, **copies, zlast=agrees, later=later) == []


def test_a_repeated_figure_is_one_pair_however_many_sources_repeat_it(tmp_path, rulebook):
    """The pairs a change is tried against grow with the distinct figures, not with the
    claims: 200 sources that repeat two figures give one pair, not 40,000."""
    from recheck.arithmetic import _Stated

    stated = claims(
        *(
            {
                "source": f"s{n}",
                "line": 1,
                "text": text,
                "value": value,
                "unit": "t",
                "entity": "china",
                "metric": "mine_production",
                "period": period,
            }
            for n in range(200)
            for text, value, period in (("27万吨", 270000, "2024"), ("24万吨", 240000, "2023"))
        )
    )
    change_claim = claims(
        {
            "source": "later",
            "line": 1,
            "quote": "2024年中国稀土矿产量同比增长30%",
            "text": "30%",
            "value": 30,
            "unit": "percent",
            "entity": "china",
            "period": "2024",
        }
    )[0]
    pairs = _Stated(stated).operands(change_claim, "mine_production")
    assert [(a.value, b.value, a.source_id, b.source_id) for a, b in pairs] == [
        (240000, 270000, "s0", "s0")
    ]
