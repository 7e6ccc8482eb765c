"""Precision-aware tolerance, near-bound shares, revisions and rule keys per kind."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import claims
from recheck.compare import admitted, complement, interval, reference, revision
from recheck.engine import run_rules
from recheck.errors import RuleError
from recheck.models import Claim, Frame, Rule, Selector, Tolerance
from recheck.quantities import extract_quantities
from recheck.rulebook import load_rulebook
from recheck.units import canonical_figure

ROOT = Path(__file__).resolve().parent.parent
POINT = Tolerance("absolute", 1, "percentage_point")
RELATIVE = Tolerance("relative", 0.05)


def from_text(text: str, n: int = 0, entity: str = "china", metric: str = "share") -> Claim:
    """A claim built the way the framer builds one, from the extractor's reading."""
    (q,) = extract_quantities(text)
    value, lower, upper, precision, unit = canonical_figure(
        q.value, q.unit, q.lower, q.upper, q.precision
    )
    return Claim(
        id=f"t:{n}:1",
        path="t",
        line=n,
        quote=text,
        text=q.text,
        frame=Frame(entity, metric, "2025"),
        value=value,
        unit=unit,
        lower=lower,
        upper=upper,
        precision=precision,
        hedge=q.hedge,
        written_value=q.value,
        written_unit=q.unit,
        article_title="t",
        article_date=None,
        outlet="",
        source_id=f"t{n}",
    )


def rule(kind: str = "interval", **extra) -> Rule:
    return Rule(
        id="T",
        title="t",
        kind=kind,
        select=Selector(),
        tolerances=(("default", RELATIVE), ("percent", POINT)),
        periods="same",
        severity="medium",
        description="",
        path="t.yaml",
        **extra,
    )


# --- precision and hedges ----------------------------------------------------------------


def test_about_seventy_percent_admits_a_wide_range():
    assert admitted(from_text("约七成")) == pytest.approx((61.5, 78.5))  # ±5% hedge, ±5 for 成
    assert admitted(from_text("about 70%")) == pytest.approx((63.0, 77.0))  # ±5% and ±3.5
    assert admitted(from_text("69.2%")) == pytest.approx((69.15, 69.25))


def test_a_hedge_without_bounds_gets_the_hedge_allowance():
    (bare,) = claims({"value": 70, "unit": "percent", "precision": 0.5, "hedge": "约"})
    assert admitted(bare) == pytest.approx((66.0, 74.0))  # ±5% of 70, ±0.5 precision
    (exact,) = claims({"value": 70, "unit": "percent", "precision": 0.5})
    assert admitted(exact) == (69.5, 70.5)


@pytest.mark.parametrize(
    ("a", "b", "flags"),
    [
        ("约七成", "69.2%", False),  # within what "about" admits
        ("约七成", "九成", True),  # 58-82 against 85-95
        ("七成", "69.2%", False),  # 七成 is stated to the ten: 65-75
        ("69.2%", "67.9%", True),  # 1.2 points apart at the stated precision
        ("69.2%", "68.7%", False),  # 0.4 points: within 1 point
    ],
)
def test_disagreement_is_measured_against_stated_precision_and_hedges(a, b, flags):
    found = interval([from_text(a, 0), from_text(b, 1)], rule(), POINT)
    assert (found is not None) is flags


def test_percentage_points_and_percent_are_never_compared(rulebook):
    share = from_text("中国占比69.2%", 0, metric="mine_production_share")
    change = from_text("上升了1.3个百分点", 1, metric="mine_production_share")
    assert (share.unit, change.unit) == ("percent", "percentage_point")
    assert run_rules([share, change], rulebook.rules) == []
    # and a gap between shares is in points: 69.2% vs 67.9% is 1.2 points apart
    other = from_text("67.9%", 2, metric="mine_production_share")
    (found,) = [c for c in run_rules([share, other], rulebook.rules) if c.rule == "RC001"]
    assert found.gap == pytest.approx(1.2)


# --- near-bound shares --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "flags"),
    [
        ("纯度99.99%以上", "纯度99.9999%", True),  # 0.01% vs 0.0001% of impurity
        ("纯度99.9%", "纯度99.99%", True),  # tenfold
        ("纯度99.99%", "纯度99.995%", False),  # twofold: within 3
        ("纯度99.5%", "纯度99.6%", False),
    ],
)
def test_near_bound_shares_are_compared_on_the_complement(a, b, flags):
    found = complement([from_text(a, 0), from_text(b, 1)], rule("complement"), POINT)
    assert (found is not None) is flags
    # the gap in points is tiny: the interval kind would never see it
    assert interval([from_text(a, 0), from_text(b, 1)], rule(), POINT) is None


def test_the_complement_finding_shows_its_arithmetic():
    found = complement(
        [from_text("纯度99.99%以上", 0), from_text("纯度99.9999%", 1)], rule("complement"), POINT
    )
    assert "100-fold" in found.note and "0.01% vs 0.0001%" in found.note
    assert any("100% − 99.9999% = 0.0001%" in step for step in found.derivation)


# --- revisions ----------------------------------------------------------------------------

SERIES = {
    "outlet": "Example Daily",
    "entity": "united_states",
    "metric": "mine_production",
    "period": "2024",
    "unit": "t",
    "precision": 500,
}


def test_a_later_figure_of_the_same_series_is_a_revision_not_a_contradiction(rulebook):
    old = {**SERIES, "source": "a", "title": "产量报告 2025", "date": "2025-01-10", "value": 3000}
    new = {**SERIES, "source": "b", "title": "产量报告 2026", "date": "2026-01-12", "value": 45000}
    found = run_rules(claims(old, new), rulebook.rules)
    assert [(c.rule, c.severity) for c in found] == [("RC010", "low")]
    assert found[0].summary.startswith("revision: 3000 t (2025-01-10) was revised to 45000 t")
    # other outlets (or no date) make it a contradiction again
    other = {**new, "outlet": "Other Wire"}
    assert {c.rule for c in run_rules(claims(old, other), rulebook.rules)} == {"RC002"}
    undated = {**new, "date": None}
    assert {c.rule for c in run_rules(claims(old, undated), rulebook.rules)} == {"RC002"}


def test_the_superseded_figure_drops_out_of_other_comparisons(rulebook):
    old = {**SERIES, "source": "a", "title": "t", "date": "2025-01-10", "value": 3000}
    new = {**SERIES, "source": "b", "title": "t", "date": "2026-01-12", "value": 45500}
    third = {**SERIES, "source": "c", "outlet": "Other Wire", "title": "x", "value": 45000}
    rules = [r for r in rulebook.rules if r.id != "RC010"]
    assert run_rules(claims(old, new, third), rules) == []  # 3,000 t was revised away
    assert revision(claims(old, new, third), rule("revision"), RELATIVE) is not None


# --- rule keys per kind ---------------------------------------------------------------------


BASE = """id: T1
title: test rule
select: {metric: purity}
severity: high
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kind: interval\ntolerance: 5% relative\nmax_ratio: 3\n", "key 'max_ratio': not a key "),
        ("kind: complement\nmax_ratio: 1\n", "key 'max_ratio': must be a number greater than 1"),
        ("kind: derived_total\n", "key 'tolerance': required"),
        ("kind: derived_total\ntolerance: 5% relative\nwhole: atlantis\n", "unknown entity"),
        ("kind: change\ntolerance: 1 percentage_point\ndecrease: 下降\n", "key 'decrease'"),
        ("kind: growth\ndecrease: [down]\n", "key 'decrease': not a key of kind 'growth'"),
    ],
)
def test_rule_keys_are_validated_per_kind(rules_dir, text, message):
    (rules_dir / "bad.yaml").write_text(BASE + text, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rulebook(rules_dir)
    assert re.search(r"bad\.yaml(:\d+)?: rule T1", str(info.value)) and message in str(info.value)


def test_kinds_without_a_tolerance_load(rules_dir):
    (rules_dir / "ok.yaml").write_text(BASE + "kind: complement\nmax_ratio: 10\n", "utf-8")
    (book_rule,) = load_rulebook(rules_dir).rules
    assert (book_rule.kind, book_rule.max_ratio) == ("complement", 10.0)


@settings(max_examples=200)
@given(st.lists(st.floats(min_value=-1e12, max_value=1e12), min_size=2, max_size=5))
def test_absurd_values_never_crash_the_new_group_kinds(values):
    group = claims(
        *(
            {
                "entity": "china",
                "metric": "purity",
                "value": v,
                "unit": "percent",
                "precision": abs(v) / 1000,
                "origin": "reference" if n % 2 else "article",
                "outlet": "Series",
                "title": "t",
                "date": f"202{n}",
            }
            for n, v in enumerate(values)
        )
    )
    for kind in (complement, reference, revision):
        found = kind(group, rule(kind.__name__, max_ratio=3.0), POINT)
        if found is not None:
            assert math.isfinite(found.z) and found.z >= 0
