"""Derived quantities: implied totals and parts, with interval arithmetic."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import claims
from recheck.derive import approx, derived_total

PART = "中国2025年的稀土矿开采量为27万吨,全球占比高达69.2%"


def rc004(rulebook):
    return next(r for r in rulebook.rules if r.id == "RC004")


def part_and_share(source="a", part=270000, share=69.2, period="2025"):
    return [
        {
            "source": source,
            "line": 1,
            "quote": PART,
            "text": "27万吨",
            "entity": "china",
            "metric": "mine_production",
            "period": period,
            "value": part,
            "unit": "t",
            "precision": 5000,
        },
        {
            "source": source,
            "line": 1,
            "text": "69.2%",
            "entity": "china",
            "metric": "mine_production_share",
            "period": period,
            "value": share,
            "unit": "percent",
            "precision": 0.05,
        },
    ]


WORLD = {
    "source": "b",
    "line": 1,
    "quote": "全球稀土年产量大约28万吨",
    "text": "28万吨",
    "hedge": "大约",
    "entity": "world",
    "metric": "mine_production",
    "period": "2025",
    "value": 280000,
    "lower": 252000,
    "upper": 308000,
    "unit": "t",
    "precision": 5000,
}


def test_part_over_share_implies_the_world_total_as_a_range(rulebook):
    ((key, finding),) = derived_total(claims(*part_and_share(), WORLD), rc004(rulebook))
    assert key == ("world", "mine_production", "t", "2025")
    (derived,) = [c for c in finding.claims if c.origin == "derived"]
    assert math.isclose(derived.value, 270000 / 0.692)
    assert math.isclose(derived.lower, 265000 / 0.6925)
    assert math.isclose(derived.upper, 275000 / 0.6915)
    assert derived.frame.entity == "world" and derived.path == "a"
    assert derived.quote.startswith("derived by recheck, not stated by any source")
    assert math.isclose(finding.gap, 265000 / 0.6925 - 313000)
    steps = "\n".join(finding.derivation)
    assert "270,000 t ÷ 69.2% ≈ 390,000 t" in steps and "stated: 大约28万吨" in steps


def test_a_consistent_implied_total_is_not_flagged(rulebook):
    consistent = part_and_share(part=190000, share=67.9)
    assert derived_total(claims(*consistent, WORLD), rc004(rulebook)) == []


def test_without_a_stated_total_nothing_is_compared(rulebook):
    other = part_and_share(source="c", part=190000, share=67.9)
    # two implied totals (390,000 t and 280,000 t) are never compared with each other
    assert derived_total(claims(*part_and_share(), *other), rc004(rulebook)) == []


def test_total_times_share_implies_the_part(rulebook):
    quote = "World output reached 390,000 tons, 69.2% of it from China"
    world = {
        "source": "a",
        "line": 1,
        "quote": quote,
        "text": "390,000 tons",
        "entity": "world",
        "metric": "mine_production",
        "period": "2025",
        "value": 390000,
        "unit": "t",
        "precision": 5000,
    }
    share = {
        "source": "a",
        "line": 1,
        "text": "69.2%",
        "entity": "china",
        "metric": "mine_production_share",
        "period": "2025",
        "value": 69.2,
        "unit": "percent",
        "precision": 0.05,
    }
    stated = {
        "source": "b",
        "entity": "china",
        "metric": "mine_production",
        "period": "2025",
        "unit": "t",
        "precision": 5000,
    }
    rule = rc004(rulebook)
    assert derived_total(claims(world, share, {**stated, "value": 270000}), rule) == []
    ((key, finding),) = derived_total(claims(world, share, {**stated, "value": 190000}), rule)
    assert key == ("china", "mine_production", "t", "2025")
    (derived,) = [c for c in finding.claims if c.origin == "derived"]
    assert math.isclose(derived.value, 390000 * 0.692)


def test_parts_and_shares_pair_only_within_a_sentence_and_a_period(rulebook):
    split = part_and_share()
    split[1] = {**split[1], "line": 2, "quote": "全球占比高达69.2%"}
    assert derived_total(claims(*split, WORLD), rc004(rulebook)) == []
    other_year = part_and_share(period="2024")
    assert derived_total(claims(*other_year, WORLD), rc004(rulebook)) == []


def test_a_share_of_100_percent_or_more_never_divides_by_zero(rulebook):
    zero = part_and_share(share=0.0)
    assert derived_total(claims(*zero, WORLD), rc004(rulebook)) == []
    over = part_and_share(share=100.0)
    assert derived_total(claims(*over, WORLD), rc004(rulebook)) == []  # 270,000 t: agrees


def test_approx_keeps_three_significant_figures():
    assert approx(390173.4) == "390,000"
    assert approx(279823) == "280,000"
    assert approx(12.345) == "12.3"


def test_explain_shows_the_arithmetic_behind_a_derived_finding(seeds_report):
    from recheck.explain import explain, render_text

    (c,) = [c for c in seeds_report.contradictions if c.rule == "RC004"]
    record = explain(seeds_report, c.fingerprint[:8])
    assert record["derivation"] == list(c.derivation) and record["derivation"]
    assert [claim["origin"] for claim in record["claims"]] == [
        "article",
        "article",
        "derived",
        "article",
    ]
    text = render_text(record)
    assert "The arithmetic:" in text and "270,000 t ÷ 69.2% ≈ 390,000 t" in text
    assert "derived by recheck from the claims above: not stated by any source" in text
    # findings without arithmetic keep the old layout
    (plain,) = [c for c in seeds_report.contradictions if c.rule == "RC001"]
    assert explain(seeds_report, plain.fingerprint)["derivation"] == []
    assert "The arithmetic:" not in render_text(explain(seeds_report, plain.fingerprint))


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@settings(max_examples=200)
@given(part=finite, share=finite, total=finite, stated=finite)
def test_absurd_figures_never_crash_the_derivation(rulebook, part, share, total, stated):
    specs = part_and_share(part=part, share=share)
    specs.append({**WORLD, "value": total, "lower": None, "upper": None})
    specs.append({**WORLD, "source": "c", "entity": "china", "value": stated})
    for _, finding in derived_total(claims(*specs), rc004(rulebook)):
        assert math.isfinite(finding.z) and finding.z >= 0
