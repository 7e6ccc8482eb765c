"""Revisions: the same figure given again, later, by the same kind of source.

Two claims are from the same *series* when they come from the same outlet under the
same title once digits are set aside: an article updated under its title ("…产量…" by
the same outlet on a later date), or two editions of one reference table ("USGS Mineral
Commodity Summaries 2025" and "… 2026"). Within one comparison key (entity, metric,
unit, period), the latest-dated claim of each series stands for it; the earlier ones are
*superseded*. Superseded claims are never compared as contradictions: the ``revision``
kind reports them instead, at the severity its rule gives (low in ``rules/``).

A claim without an outlet or without a date belongs to no series and is never
superseded. A news platform that carries many authors under one outlet name (Sou Hu Cai
Jing) does not make its articles a series, because their titles differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .models import Claim

_DIGITS = re.compile(r"\d+")

Series = tuple[str, str, str]


def series(claim: Claim) -> Series | None:
    """The series a claim belongs to, or ``None`` when it belongs to none."""
    if not claim.outlet or not claim.article_date:
        return None
    return (claim.origin, claim.outlet, _series_title(claim.article_title))


@lru_cache(maxsize=65536)
def _series_title(title: str) -> str:
    """A title with its digits taken out and its spaces normalised."""
    return " ".join(_DIGITS.sub("", title).split())


def latest(claims: Iterable[Claim]) -> tuple[list[Claim], list[Claim]]:
    """Split claims of one key into (current, superseded), keeping the input order."""
    claims = list(claims)
    keys = [series(claim) for claim in claims]
    newest: dict[Series, str] = {}
    for claim, key in zip(claims, keys, strict=True):
        if key is not None and claim.article_date is not None:
            newest[key] = max(newest.get(key, ""), claim.article_date)
    current: list[Claim] = []
    superseded: list[Claim] = []
    for claim, key in zip(claims, keys, strict=True):
        if key is not None and (claim.article_date or "") < newest[key]:
            superseded.append(claim)
        else:
            current.append(claim)
    return current, superseded


def superseded_ids(claims: Sequence[Claim]) -> frozenset[str]:
    """The ids of every claim superseded within its key (entity, metric, unit, period)."""
    by_key: dict[tuple[str | None, str | None, str, str | None], list[Claim]] = {}
    for claim in claims:
        if claim.outlet and claim.article_date:  # (series(claim) is not None)
            frame = claim.frame
            key = (frame.entity, frame.metric, claim.unit, frame.period)
            by_key.setdefault(key, []).append(claim)
    ids: set[str] = set()
    for group in by_key.values():
        if len(group) > 1:
            ids.update(c.id for c in latest(group)[1])
    return frozenset(ids)


def same_series(a: Claim, b: Claim) -> bool:
    key = series(a)
    return key is not None and key == series(b)
