from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from recheck.compare import growth, interval
from recheck.models import Claim, Frame, Rule, Selector, Tolerance
from recheck.ranking import rank, score

RULE = Rule(
    id="T",
    title="t",
    kind="interval",
    select=Selector(),
    tolerances=(("default", Tolerance("relative", 0.05)),),
    periods="same",
    severity="high",
    description="",
    path="t.yaml",
)
RELATIVE = Tolerance("relative", 0.05)
POINT = Tolerance("absolute", 0.5, "percentage_point")


def claim(value, unit="t", precision=0.0, lower=None, upper=None, period="2024", n=0):
    return Claim(
        id=f"f:{n}:1",
        path="f",
        line=n,
        quote=f"q{n}",
        text=str(value),
        frame=Frame("x", "m", period),
        value=value,
        unit=unit,
        lower=lower,
        upper=upper,
        precision=precision,
        hedge="",
        written_value=value,
        written_unit=unit,
        article_title="",
        article_date=None,
        outlet="",
        source_id="f#0",
    )


def test_figures_within_their_stated_precision_agree():
    # 45,000 stated to the thousand admits 44,500..45,500
    assert (
        interval([claim(45000, precision=500), claim(45500, precision=50, n=1)], RULE, RELATIVE)
        is None
    )


def test_a_lower_bound_agrees_with_anything_above_it():
    over = claim(45000, precision=500, lower=45000)
    assert interval([over, claim(51000, precision=500, n=1)], RULE, RELATIVE) is None
    assert interval([over, claim(3000, precision=500, n=2)], RULE, RELATIVE) is not None


def test_share_gap_is_measured_in_points_between_ranges():
    finding = interval(
        [claim(69.2, "percent", 0.05), claim(67.9, "percent", 0.05, n=1)], RULE, POINT
    )
    assert finding is not None
    assert math.isclose(finding.gap, 1.2)
    assert (
        interval([claim(69.2, "percent", 0.05), claim(69.1, "percent", 0.05, n=1)], RULE, POINT)
        is None
    )


def test_only_claims_that_disagree_are_reported():
    group = [
        claim(45500, precision=50),
        claim(45000, precision=500, lower=45000, n=1),
        claim(3000, precision=500, n=2),
    ]
    finding = interval(group, RULE, RELATIVE)
    assert [c.value for c in finding.claims] == [3000, 45000, 45500]


def test_growth_flags_implausible_jumps_between_years_only():
    rule = Rule(
        id="G",
        title="g",
        kind="growth",
        select=Selector(),
        tolerances=(("default", RELATIVE),),
        periods="same",
        severity="medium",
        description="",
        path="g.yaml",
        max_yearly_ratio=3,
    )
    jump = [claim(3000, period="2024"), claim(51000, period="2025", n=1)]
    steady = [claim(45500, period="2024"), claim(51000, period="2025", n=1)]
    finding = growth(jump, rule, RELATIVE)
    assert finding is not None and "17-fold" in finding.note
    assert growth(steady, rule, RELATIVE) is None


def test_a_fifteenfold_gap_in_tonnes_outranks_a_point_gap_in_shares():
    tonnes = interval(
        [claim(45000, precision=500), claim(3000, precision=500, n=1)], RULE, RELATIVE
    )
    shares = interval(
        [claim(69.2, "percent", 0.05), claim(67.9, "percent", 0.05, n=1)], RULE, POINT
    )
    assert score("high", tonnes.z) > score("high", shares.z)


@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(["high", "low", "x"]))
def test_scores_are_always_finite(z, severity):
    value = score(severity, z)
    assert math.isfinite(value) and value >= 0


@given(st.lists(st.floats(min_value=-1e308, max_value=1e308), min_size=2, max_size=6))
def test_absurd_values_never_crash_the_comparison(values):
    group = [claim(v, n=i) for i, v in enumerate(values)]
    finding = interval(group, RULE, RELATIVE)
    if finding is not None:
        assert math.isfinite(finding.z)


def test_rank_orders_by_score_and_numbers_from_one():
    from recheck.models import Contradiction

    def contradiction(fp, s):
        return Contradiction(
            fingerprint=fp,
            rule="T",
            rule_title="t",
            severity="high",
            score=s,
            rank=0,
            entity=None,
            metric=None,
            period=None,
            unit="t",
            gap=1.0,
            summary="",
            claims=(),
        )

    ranked = rank([contradiction("b", 1.0), contradiction("a", 5.0), contradiction("c", 1.0)])
    assert [(c.fingerprint, c.rank) for c in ranked] == [("a", 1), ("b", 2), ("c", 3)]
