"""Triage: what a reviewer has already made of each contradiction.

``triage(report, ...)`` marks every contradiction with a status: ``known`` when it is in
the baseline, ``acknowledged`` when an editor recorded a reason for it, ``expired`` when
that acknowledgement has run out, else ``new``. Baseline and acknowledgement entries
that match nothing are listed as stale. Which statuses and severities fail the run is
``Report.failing``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from .models import Acknowledgement, Contradiction, Report, Stale


def _status(
    c: Contradiction,
    baseline: Mapping[str, str] | None,
    acks: Mapping[str, Acknowledgement],
    today: date,
) -> Contradiction:
    ack = acks.get(c.fingerprint)
    if ack is not None:
        expired = ack.expires is not None and date.fromisoformat(ack.expires) < today
        return replace(c, status="expired" if expired else "acknowledged", acknowledgement=ack)
    if baseline is not None and c.fingerprint in baseline:
        return replace(c, status="known")
    return replace(c, status="new")


def triage(
    report: Report,
    *,
    baseline: Mapping[str, str] | None = None,
    acknowledgements: Sequence[Acknowledgement] = (),
    today: date | None = None,
    fail_on: str = "low",
) -> Report:
    """``report`` with each contradiction's status set, stale entries listed, and the
    fail level recorded. ``baseline`` maps fingerprints to their recorded summaries."""
    today = today or date.today()
    acks = {a.fingerprint: a for a in acknowledgements}
    found = {c.fingerprint for c in report.contradictions}
    stale = [
        Stale(f, "baseline", note) for f, note in sorted((baseline or {}).items()) if f not in found
    ]
    stale += [
        Stale(f, "acknowledgements", a.reason) for f, a in sorted(acks.items()) if f not in found
    ]
    return replace(
        report,
        contradictions=tuple(_status(c, baseline, acks, today) for c in report.contradictions),
        stale=tuple(stale),
        fail_on=fail_on,
        baselined=baseline is not None,
    )
