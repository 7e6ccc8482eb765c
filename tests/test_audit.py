"""End to end on the seed articles: what a fact-checker must see, and must not."""

from __future__ import annotations

import json
from pathlib import Path

from recheck.audit import audit
from recheck.reporters import render_audit

ROOT = Path(__file__).resolve().parent.parent


def _find(report, entity, metric, *values):
    """The contradiction about entity/metric whose claims include all ``values``."""
    for c in report.contradictions:
        if c.entity == entity and c.metric == metric:
            found = {round(claim.value, 6) for claim in c.claims}
            if set(values) <= found:
                return c
    return None


def test_china_share_of_mine_production_is_flagged(seeds_report):
    c = _find(seeds_report, "china", "mine_production_share", 69.2, 67.9)
    assert c is not None and c.rule == "RC001"
    assert round(c.gap, 6) == 1.2  # percentage points between the stated ranges


def test_us_mine_output_is_flagged_and_outranks_the_share(seeds_report):
    same_year = _find(seeds_report, "united_states", "mine_production", 3000, 45000, 45500)
    jump = _find(seeds_report, "united_states", "mine_production", 3000, 51000)
    share = _find(seeds_report, "china", "mine_production_share", 69.2, 67.9)
    assert same_year is not None and jump is not None
    assert same_year.rank < share.rank
    assert same_year.rank == 1


def test_conflicts_no_rule_names_are_found_by_the_catch_all(seeds_report):
    assert _find(seeds_report, "china", "refining_capacity_share", 77, 90)
    assert _find(seeds_report, "china", "mine_production", 270000, 190000)
    assert _find(seeds_report, "china@united_states", "share_of_imports", 71, 80)


def _flagged_together(report, *values):
    return any({round(c.value, 6) for c in x.claims} >= set(values) for x in report.contradictions)


def test_consistent_figures_in_different_periods_are_not_flagged(seeds_report):
    assert not _flagged_together(seeds_report, 4300, 8900)  # refined output 2024 / 2025
    assert not _flagged_together(seeds_report, 48, 67)  # import reliance 2024 / 2025
    assert not _flagged_together(seeds_report, 7, 12)  # controlled elements, April / October
    assert not _flagged_together(seeds_report, 5, 12)  # five added, twelve in all


# Every finding on the seeds, reviewed one by one: (rule, entity, metric, period).
SEED_FINDINGS = [
    ("RC001", "china", "mine_production_share", "2025"),  # 67.9% vs 69.2%
    ("RC002", "united_states", "mine_production", "2024"),  # 3,000 t vs 45,000+ t
    ("RC003", "united_states", "mine_production", None),  # 3,000 t (2024) -> 51,000 t (2025)
    ("RC004", "world", "mine_production", "2025"),  # 27万吨 ÷ 69.2% ≈ 39万吨 vs 大约28万吨
    ("RC005", "china", "purity", "current"),  # 99.99%以上 vs 99.9999%
    ("RC100", "china", "mine_production", "2025"),  # 19万吨 vs 27万吨
    ("RC100", "china", "refined_production_share", "current"),  # 91% vs 96%
    ("RC100", "china", "refining_capacity_share", "current"),  # 77% vs (about) 90%
    ("RC100", "china@united_states", "share_of_imports", "current"),  # 71% vs 80%
]


def test_the_seed_findings_are_exactly_the_reviewed_ones(seeds_report):
    found = sorted(
        ((c.rule, c.entity, c.metric, c.period) for c in seeds_report.contradictions),
        key=lambda t: tuple(x or "" for x in t),
    )
    assert found == SEED_FINDINGS


def test_the_implied_world_total_is_flagged_with_its_arithmetic(seeds_report):
    (c,) = [c for c in seeds_report.contradictions if c.rule == "RC004"]
    derived = [claim for claim in c.claims if claim.origin == "derived"]
    assert len(derived) == 1 and round(derived[0].value, -3) == 390000
    assert "not stated by any source" in derived[0].quote
    stated = {round(claim.value, 6) for claim in c.claims if claim.origin == "article"}
    assert stated == {270000, 69.2, 280000}  # the part, the share, the stated world total
    assert any("270,000 t ÷ 69.2% ≈ 390,000 t" in step for step in c.derivation)
    assert any(step.startswith("stated: 大约28万吨") for step in c.derivation)
    assert c.rank < _find(seeds_report, "china", "mine_production", 270000, 190000).rank


def test_the_purity_conflict_is_compared_on_the_impurity(seeds_report):
    (c,) = [c for c in seeds_report.contradictions if c.rule == "RC005"]
    assert sorted(claim.value for claim in c.claims) == [99.99, 99.9999]
    assert "100-fold" in c.summary


def test_the_seeds_hold_no_internal_arithmetic_error(seeds_report):
    """12.1% for 4.55万吨 -> 5.1万吨, 翻倍 for 4,300 t -> 8,900 t and a 65% difference
    between $35,000 and $58,000 per ton all hold."""
    assert not [c for c in seeds_report.contradictions if c.rule in {"RC006", "RC007", "RC008"}]


def test_targets_and_forecasts_are_never_compared(seeds_report):
    compared = {claim.id for c in seeds_report.contradictions for claim in c.claims}
    modal = {c.id for c in seeds_report.claims if c.frame.modality != "actual"}
    assert modal, "the seeds hold targets and forecasts"
    assert not compared & modal


def test_json_report_follows_the_contract(seeds_report):
    data = json.loads(render_audit(seeds_report, "json"))
    claim_keys = {
        "id",
        "path",
        "line",
        "quote",
        "text",
        "entity",
        "metric",
        "period",
        "value",
        "unit",
        "lower",
        "upper",
    }
    ids = set()
    for claim in data["claims"]:
        assert claim_keys <= set(claim)
        assert claim["path"].endswith(".txt") and isinstance(claim["line"], int)
        assert claim["text"] in claim["quote"]
        ids.add(claim["id"])
    ranks = [c["rank"] for c in data["contradictions"]]
    assert ranks == list(range(1, len(ranks) + 1))
    scores = [c["score"] for c in data["contradictions"]]
    assert scores == sorted(scores, reverse=True)
    for c in data["contradictions"]:
        assert {"fingerprint", "rule", "rank", "score", "severity", "summary", "claims"} <= set(c)
        stated = [claim for claim in c["claims"] if claim["origin"] == "article"]
        assert {claim["id"] for claim in stated} <= ids
        for claim in c["claims"]:
            if claim["origin"] == "derived":  # never presented as something a source said
                assert claim["id"] not in ids and "not stated by any source" in claim["quote"]
        assert c["status"] == "new" and c["acknowledgement"] is None


def test_units_in_the_report_parse_with_the_package_registry(seeds_report):
    from recheck import ureg

    for claim in seeds_report.claims:
        ureg.Unit(claim.unit)


def test_json_is_byte_identical_whatever_the_file_order(rulebook, tmp_path):
    seeds = sorted((ROOT / "seeds").iterdir())
    forward = audit([str(p) for p in seeds], rulebook)
    backward = audit([str(p) for p in reversed(seeds)], rulebook)
    assert render_audit(forward, "json") == render_audit(backward, "json")


def test_paths_are_reported_as_the_user_gave_them(rulebook, monkeypatch):
    monkeypatch.chdir(ROOT)
    report = audit(["seeds/"], rulebook)
    assert all(c.path.startswith("seeds/") for c in report.claims)


def test_a_new_topic_is_a_new_rules_folder():
    """Lithium rules and articles written for this test: no code knows about them."""
    topic = ROOT / "tests" / "fixtures" / "lithium"
    report = audit([str(topic / "articles")], topic / "rules")
    assert [(c.rule, c.entity, c.metric, c.period) for c in report.contradictions] == [
        ("LI001", "chile", "lithium_output", "2024")
    ]
    (finding,) = report.contradictions
    assert sorted(c.value for c in finding.claims) == [44000, 49000]
    # forecasts (20 million vs 15 million EVs next year) are never compared
    assert any(c.frame.modality == "forecast" for c in report.claims)
