"""Triage: baseline and acknowledgements decide which contradictions fail the run."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from recheck.models import Acknowledgement
from recheck.triage import triage


def _ack(fingerprint: str, expires: str | None = None) -> Acknowledgement:
    return Acknowledgement(fingerprint, "checked with the author", "ed", "2026-01-05", expires)


def test_without_baseline_or_acknowledgement_everything_is_new_and_fails(seeds_report):
    report = triage(seeds_report)
    assert {c.status for c in report.contradictions} == {"new"}
    assert report.failing == report.contradictions
    assert not report.baselined and report.stale == ()


def test_baseline_entries_are_known_and_do_not_fail(seeds_report):
    first, *rest = seeds_report.contradictions
    baseline = {c.fingerprint: c.summary for c in rest}
    report = triage(seeds_report, baseline=baseline)
    assert [c.fingerprint for c in report.failing] == [first.fingerprint]
    assert sum(c.status == "known" for c in report.contradictions) == len(rest)


def test_acknowledged_contradictions_pass_until_they_expire(seeds_report):
    first = seeds_report.contradictions[0]
    ack = _ack(first.fingerprint, expires="2026-06-30")
    before = triage(seeds_report, acknowledgements=[ack], today=date(2026, 6, 30))
    after = triage(seeds_report, acknowledgements=[ack], today=date(2026, 7, 1))
    assert before.contradictions[0].status == "acknowledged"
    assert before.contradictions[0].acknowledgement == ack
    assert first.fingerprint not in {c.fingerprint for c in before.failing}
    assert after.contradictions[0].status == "expired"
    assert first.fingerprint in {c.fingerprint for c in after.failing}


def test_an_acknowledgement_without_expiry_never_expires(seeds_report):
    first = seeds_report.contradictions[0]
    report = triage(
        seeds_report, acknowledgements=[_ack(first.fingerprint)], today=date(2999, 1, 1)
    )
    assert report.contradictions[0].status == "acknowledged"


def test_entries_that_match_nothing_are_stale(seeds_report):
    gone = "0123456789abcdef"
    report = triage(seeds_report, baseline={gone: "old finding"}, acknowledgements=[_ack(gone)])
    assert [(s.fingerprint, s.source) for s in report.stale] == [
        (gone, "baseline"),
        (gone, "acknowledgements"),
    ]
    assert report.stale[0].note == "old finding"


def test_fail_on_counts_only_severities_at_or_above_the_level(seeds_report):
    levels = ["low", "medium", "high"]
    mixed = replace(
        seeds_report,
        contradictions=tuple(
            replace(c, severity=levels[n % 3]) for n, c in enumerate(seeds_report.contradictions)
        ),
    )
    counts = {level: len(triage(mixed, fail_on=level).failing) for level in levels}
    total = len(mixed.contradictions)
    assert counts["low"] == total
    assert counts["medium"] == sum(c.severity != "low" for c in mixed.contradictions)
    assert counts["high"] == sum(c.severity == "high" for c in mixed.contradictions)
    assert counts["low"] > counts["medium"] > counts["high"] > 0
