"""The ways claims can disagree: one small function per rule kind, in ``KINDS``.

Each function takes the claims of one comparison group (same entity, metric and unit,
and the same period when the rule says so) and returns a :class:`Finding` when they
disagree beyond the rule's tolerance, else ``None``. Work is linear in the group size:
the widest disagreement is always between the claim whose range ends lowest and the
claim whose range starts highest.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .models import Claim, Rule, Tolerance
from .units import convert


@dataclass(frozen=True)
class Finding:
    claims: tuple[Claim, ...]  # the claims that take part in a disagreement, by value
    gap: float  # the widest distance between two claims' ranges, in the claims' unit
    z: float  # that gap in units of the coarser stated precision of the two claims
    note: str = ""


def _allowed(tolerance: Tolerance, a: Claim, b: Claim) -> float:
    """The largest gap the tolerance accepts between claims ``a`` and ``b``."""
    if tolerance.kind == "relative":
        magnitude = min(abs(a.value), abs(b.value))
        return tolerance.amount * magnitude
    return convert(tolerance.amount, tolerance.unit, a.unit) if tolerance.unit else tolerance.amount


def _gap(a: Claim, b: Claim) -> float:
    a_lo, a_hi = a.interval()
    b_lo, b_hi = b.interval()
    return max(0.0, a_lo - b_hi, b_lo - a_hi)


def _scale(a: Claim, b: Claim) -> float:
    """The coarser precision of two claims, never zero."""
    scale = max(a.precision, b.precision)
    if scale > 0 and math.isfinite(scale):
        return scale
    return max(abs(a.value), abs(b.value), 1.0) * 1e-3


def interval(claims: Sequence[Claim], rule: Rule, tolerance: Tolerance) -> Finding | None:
    """Claims disagree when the ranges they admit (stated precision and hedges
    included) lie further apart than the tolerance."""
    if len(claims) < 2:
        return None
    lowest_top = min(claims, key=lambda c: (c.interval()[1], c.id))
    highest_bottom = max(claims, key=lambda c: (c.interval()[0], c.id))
    gap = _gap(lowest_top, highest_bottom)
    if not math.isfinite(gap) or gap <= _allowed(tolerance, lowest_top, highest_bottom):
        return None
    involved = [
        c
        for c in claims
        if _gap(c, lowest_top) > _allowed(tolerance, c, lowest_top)
        or _gap(c, highest_bottom) > _allowed(tolerance, c, highest_bottom)
    ]
    z = gap / _scale(lowest_top, highest_bottom)
    return Finding(claims=_by_value(involved), gap=gap, z=min(z, 1e12))


def growth(claims: Sequence[Claim], rule: Rule, tolerance: Tolerance) -> Finding | None:
    """Values of one metric in different years may change by at most
    ``max_yearly_ratio`` per year; a larger jump is implausible."""
    yearly: dict[int, list[Claim]] = {}
    for claim in claims:
        period = claim.period or ""
        if len(period) == 4 and period.isdigit() and claim.value > 0:
            yearly.setdefault(int(period), []).append(claim)
    years = sorted(yearly)
    worst: tuple[float, Claim, Claim, int] | None = None
    for y1, y2 in itertools.pairwise(years):
        span = y2 - y1
        for a in (min(yearly[y1], key=lambda c: c.value), max(yearly[y1], key=lambda c: c.value)):
            for b in (
                min(yearly[y2], key=lambda c: c.value),
                max(yearly[y2], key=lambda c: c.value),
            ):
                ratio = max(a.value, b.value) / min(a.value, b.value)
                if ratio > rule.max_yearly_ratio**span and (worst is None or ratio > worst[0]):
                    worst = (ratio, a, b, span)
    if worst is None:
        return None
    ratio, a, b, span = worst
    note = (
        f"{a.value:,.6g} {a.unit} in {a.period} and {b.value:,.6g} {b.unit} in {b.period}: "
        f"a {ratio:.3g}-fold change in {span} year(s), more than the "
        f"{rule.max_yearly_ratio:g}-fold a year this rule allows"
    )
    return Finding(
        claims=_by_value([a, b]),
        gap=abs(b.value - a.value),
        z=min(ratio / rule.max_yearly_ratio**span, 1e12),
        note=note,
    )


def _by_value(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    return tuple(sorted(claims, key=lambda c: (c.value, c.id)))


Comparison = Callable[[Sequence[Claim], Rule, Tolerance], Finding | None]

KINDS: dict[str, Comparison] = {
    "interval": interval,
    "growth": growth,
}
