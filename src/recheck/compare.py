"""The ways the claims of one group can disagree: one small function per kind, in ``KINDS``.

Each function takes the claims of one comparison group (same entity, metric and unit,
and the same period when the rule says so) and returns a :class:`Finding` when they
disagree beyond the rule's tolerance, else ``None``. Work is linear in the group size:
the widest disagreement is always between the claim whose range ends lowest and the
claim whose range starts highest.

Kinds that look across groups (a share and a part in one sentence, a stated change and
its operands, an aggregate and its members) are in :mod:`recheck.derive` and
:mod:`recheck.arithmetic`; :mod:`recheck.kinds` lists them all.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .models import Claim, Rule, Tolerance
from .periods import whole_year
from .revisions import Series, latest, same_series, series
from .units import UnitError, convert, dimension

# An approximate figure ("about", 约) whose bounds the text did not give admits this
# much either side of its value (relative), whatever the rule: the extractor gives
# 约/about/左右 figures ±5% bounds, and this is the same allowance for claims that
# reach the comparison without them.
HEDGE_ALLOWANCE = 0.05
# Units in which a claim is a share or a change, not an amount that adds up.
RELATIVE_UNITS = frozenset({"percent", "percentage_point", "fold"})


@dataclass(frozen=True)
class Finding:
    claims: tuple[Claim, ...]  # the claims that take part in a disagreement
    gap: float  # the widest distance between two claims' ranges, in the claims' unit
    z: float  # that gap in units of the coarser stated precision of the two claims
    note: str = ""
    derivation: tuple[str, ...] = ()  # the arithmetic, one step a line (see Contradiction)


def dimension_of(unit: str) -> str:
    """The dimension a rule's ``select.dimension`` is matched against: percent,
    percentage_point and fold keep their names, other units their pint dimensionality."""
    if unit in RELATIVE_UNITS:
        return unit
    try:
        return dimension(unit)
    except UnitError:
        return unit


def admitted(claim: Claim) -> tuple[float, float]:
    """The range a claim admits: its stated precision and hedge bounds, and the hedge
    allowance for an approximate figure that came without bounds."""
    lo, hi = claim.interval()
    if claim.hedge and claim.lower is None and claim.upper is None:
        spread = abs(claim.value) * HEDGE_ALLOWANCE
        lo, hi = lo - spread, hi + spread
    return lo, hi


def allowed(tolerance: Tolerance, magnitude: float, unit: str) -> float:
    """The largest gap the tolerance accepts between figures of about ``magnitude``."""
    if tolerance.kind == "relative":
        return tolerance.amount * abs(magnitude)
    return convert(tolerance.amount, tolerance.unit, unit) if tolerance.unit else tolerance.amount


def _allowed(tolerance: Tolerance, a: Claim, b: Claim) -> float:
    """The largest gap the tolerance accepts between claims ``a`` and ``b``."""
    return allowed(tolerance, min(abs(a.value), abs(b.value)), a.unit)


def range_gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, a[0] - b[1], b[0] - a[1])


def _gap(a: Claim, b: Claim) -> float:
    return range_gap(admitted(a), admitted(b))


def _scale(a: Claim, b: Claim) -> float:
    """The coarser precision of two claims, never zero."""
    scale = max(a.precision, b.precision)
    if scale > 0 and math.isfinite(scale):
        return scale
    return max(abs(a.value), abs(b.value), 1.0) * 1e-3


def _agree(tolerance: Tolerance, a: Claim, b: Claim) -> bool:
    return _gap(a, b) <= _allowed(tolerance, a, b)


# Hedges written after the figure (99.99%以上, 5%左右, 1万余吨).
_POSTFIX_HEDGES = frozenset({"以上", "以下", "左右", "上下", "余", "多", "之多", "以内", "开外"})


def written(claim: Claim) -> str:
    """A claim as the source wrote it, hedge included (约 27万吨, 99.99%以上)."""
    if not claim.hedge or claim.hedge in claim.text:
        return claim.text
    if claim.hedge in _POSTFIX_HEDGES:
        return f"{claim.text}{claim.hedge}"
    space = " " if claim.hedge.isascii() else ""
    return f"{claim.hedge}{space}{claim.text}"


def where(claim: Claim) -> str:
    return f"{claim.path}:{claim.line}"


def format_number(value: float) -> str:
    if value == 0 or 1e-3 <= abs(value) < 1e15:
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return f"{value:.3g}"


def format_bound(value: float | None) -> str:
    """A range's end: ``-`` when there is none, ``∞`` when it is open."""
    if value is None:
        return "-"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return format_number(value)


def quantity(value: float, unit: str) -> str:
    """A value with its unit, as a reader writes it: 53%, 45,500 t."""
    return f"{format_number(value)}%" if unit == "percent" else f"{format_number(value)} {unit}"


def format_range(lo: float, hi: float) -> str:
    def one(v: float) -> str:
        return ("∞" if v > 0 else "-∞") if math.isinf(v) else format_number(v)

    return f"{one(lo)} – {one(hi)}"


def interval(claims: Sequence[Claim], rule: Rule, tolerance: Tolerance) -> Finding | None:
    """Claims disagree when the ranges they admit (stated precision and hedges
    included) lie further apart than the tolerance."""
    if len(claims) < 2:
        return None
    lowest_top = min(claims, key=lambda c: (admitted(c)[1], c.id))
    highest_bottom = max(claims, key=lambda c: (admitted(c)[0], c.id))
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
        year = whole_year(claim.period)
        if year is not None and claim.value > 0:
            yearly.setdefault(year, []).append(claim)
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


def _complement_range(claim: Claim) -> tuple[float, float]:
    """What a share near 100% leaves over (the impurity), as a range. The figure is
    read as the grade it names: an open bound (99.99%以上, over 99.9%) or a hedge is
    read as the figure itself, at its stated precision."""
    return (max(0.0, 100.0 - claim.value - claim.precision), 100.0 - claim.value + claim.precision)


def _plain(value: float) -> str:
    """A small number without an exponent, to 3 significant figures: 0.00015."""
    if value == 0 or not math.isfinite(value):
        return format_number(value)
    return f"{float(f'{value:.3g}'):.12f}".rstrip("0").rstrip(".")


def _ratio(low: tuple[float, float], high: tuple[float, float]) -> float:
    """How many times the lower end of ``high`` exceeds the upper end of ``low``."""
    if high[0] <= low[1]:
        return 1.0
    return high[0] / low[1] if low[1] > 0 else math.inf


def complement(claims: Sequence[Claim], rule: Rule, tolerance: Tolerance) -> Finding | None:
    """Shares near 100% (purity, dependence) disagree when what they leave over differs
    by more than ``max_ratio``-fold: 99.99% and 99.9999% are 0.01% and 0.0001% of
    impurity, a hundredfold gap, though only 0.0099 points apart."""
    shares = [c for c in claims if c.unit == "percent" and 0 < c.value <= 100]
    if len(shares) < 2:
        return None
    ranges = {c.id: _complement_range(c) for c in shares}
    low = min(shares, key=lambda c: (ranges[c.id][1], c.id))
    high = max(shares, key=lambda c: (ranges[c.id][0], c.id))
    ratio = _ratio(ranges[low.id], ranges[high.id])
    if ratio <= rule.max_ratio:
        return None
    involved = [
        c
        for c in shares
        if _ratio(ranges[low.id], ranges[c.id]) > rule.max_ratio
        or _ratio(ranges[c.id], ranges[high.id]) > rule.max_ratio
    ]

    def left(c: Claim) -> str:
        return f"{_plain(100.0 - c.value)}%"

    nominal = (100.0 - high.value) / (100.0 - low.value) if low.value < 100 else math.inf
    shown = "∞" if math.isinf(ratio) else f"{ratio:.3g}"
    note = (
        f"{written(high)} vs {written(low)}: {left(high)} vs {left(low)} left over, "
        f"a {nominal:.3g}-fold difference (at least {shown}-fold at the stated precision; "
        f"this rule allows {rule.max_ratio:g}-fold)"
    )
    steps = [
        f"{written(c)} ({where(c)}): 100% − {c.value:.6g}% = {left(c)} left over "
        f"(range {_plain(ranges[c.id][0])}% – {_plain(ranges[c.id][1])}%)"
        + (f"; '{c.hedge}' read as the grade {c.value:.6g}% names" if c.hedge else "")
        for c in (high, low)
    ]
    steps.append(
        f"{_plain(ranges[high.id][0])}% ÷ {_plain(ranges[low.id][1])}% ≈ "
        f"{shown}-fold, more than the {rule.max_ratio:g}-fold this rule allows"
    )
    gap = ranges[high.id][0] - ranges[low.id][1]
    return Finding(
        claims=_by_value(involved),
        gap=gap,
        z=min(ratio / rule.max_ratio, 1e12),
        note=note,
        derivation=tuple(steps),
    )


def _cite(claim: Claim) -> str:
    bound = ""
    if claim.lower is not None and claim.upper is None:
        bound = " or more"
    elif claim.upper is not None and claim.lower is None:
        bound = " or less"
    return (
        f"{claim.article_title} ({claim.article_date or 'undated'}): "
        f"{quantity(claim.value, claim.unit)}{bound} for "
        f"{claim.frame.entity_word} · {claim.frame.metric_word} · {claim.frame.period_word} "
        f"({where(claim)})"
    )


def _stated(claim: Claim) -> str:
    lo, hi = admitted(claim)
    return (
        f"stated: {written(claim)} = {quantity(claim.value, claim.unit)} "
        f"({where(claim)}; range {format_range(lo, hi)} {claim.unit})"
    )


def reference(claims: Sequence[Claim], rule: Rule, tolerance: Tolerance) -> Finding | None:
    """Stated figures disagree with the newest edition of a reference table. A figure
    that agrees with an older, superseded edition is a revision, not a contradiction
    (the ``revision`` kind reports it)."""
    current, superseded = latest(claims)
    refs = [c for c in current if c.origin == "reference"]
    stated = [c for c in current if c.origin == "article"]
    if not refs or not stated:
        return None
    older = [c for c in superseded if c.origin == "reference"]
    conflicts: list[tuple[float, Claim, Claim]] = []
    for a in stated:
        bad = [r for r in refs if not _agree(tolerance, a, r)]
        follows_older = any(
            _agree(tolerance, a, s) for s in older if any(same_series(s, r) for r in bad)
        )
        if bad and not follows_older:
            conflicts += [(_gap(a, r), a, r) for r in bad]
    if not conflicts:
        return None
    gap, a, r = max(conflicts, key=lambda t: (t[0], t[1].id, t[2].id))
    if not math.isfinite(gap):
        return None
    articles = _by_value(dict.fromkeys(c for _, c, _ in conflicts))
    cited = _by_value(dict.fromkeys(c for _, _, c in conflicts))
    note = (
        " vs ".join(dict.fromkeys(written(c) for c in articles))
        + " vs "
        + "; ".join(f"{c.article_title}: {quantity(c.value, c.unit)}" for c in cited)
        + f" (ranges {format_number(gap)} {_gap_unit(a.unit)} apart)"
    )
    steps = []
    for ref in cited:
        steps.append("reference: " + _cite(ref))
        steps += [f"  supersedes {_cite(s)}" for s in older if same_series(s, ref)]
    steps += [_stated(c) for c in articles]
    return Finding(
        claims=(*articles, *cited),
        gap=gap,
        z=min(gap / _scale(a, r), 1e12),
        note=note,
        derivation=tuple(steps),
    )


def revision(claims: Sequence[Claim], rule: Rule, tolerance: Tolerance) -> Finding | None:
    """A later figure from the same series (the same outlet and title, or a newer
    edition of the same reference table) revises an earlier one: reported as a
    revision, never as a contradiction. Also reports a stated figure that follows an
    edition of the reference that a newer edition has revised."""
    current, superseded = latest(claims)
    found: list[tuple[float, tuple[Claim, ...], str]] = []
    in_series: dict[Series, list[Claim]] = {}
    for new in current:
        key = series(new)
        if key is not None:
            in_series.setdefault(key, []).append(new)
    for old in superseded:
        if old.origin != "article":
            continue
        for new in in_series.get(series(old), ()):  # type: ignore[arg-type]
            if not _agree(tolerance, old, new):
                found.append(
                    (
                        _gap(old, new),
                        (old, new),
                        f"revision: {written(old)} ({old.article_date}) was revised to "
                        f"{written(new)} ({new.article_date}) by {new.outlet}; "
                        "the later figure stands",
                    )
                )
    refs = [c for c in current if c.origin == "reference"]
    older = [c for c in superseded if c.origin == "reference"]
    for a in (c for c in current if c.origin == "article"):
        for r in refs:
            if _agree(tolerance, a, r):
                continue
            for s in older:
                if same_series(s, r) and _agree(tolerance, a, s):
                    found.append(
                        (
                            _gap(a, r),
                            (a, s, r),
                            f"revision: {written(a)} follows {s.article_title} "
                            f"({format_number(s.value)} {s.unit}), revised in "
                            f"{r.article_title} to {format_number(r.value)} {r.unit}",
                        )
                    )
    if not found:
        return None
    found.sort(key=lambda t: (-t[0], [c.id for c in t[1]]))
    gap, pair, _ = found[0]
    involved = tuple(dict.fromkeys(c for _, cs, _ in found for c in cs))
    steps = [note for _, _, note in found]
    steps += [
        f"{c.origin}: {written(c)} = {format_number(c.value)} {c.unit} "
        f"({c.article_title}, {c.article_date}; {where(c)})"
        for c in involved
    ]
    return Finding(
        claims=involved,
        gap=gap,
        z=min(gap / _scale(pair[0], pair[-1]), 1e12),
        note=found[0][2] + (f" (and {len(found) - 1} more)" if len(found) > 1 else ""),
        derivation=tuple(steps),
    )


def _gap_unit(unit: str) -> str:
    return "percentage points" if unit == "percent" else unit


def _by_value(claims: Sequence[Claim] | dict[Claim, None]) -> tuple[Claim, ...]:
    return tuple(sorted(claims, key=lambda c: (c.value, c.id)))


Comparison = Callable[[Sequence[Claim], Rule, Tolerance], Finding | None]

KINDS: dict[str, Comparison] = {
    "interval": interval,
    "growth": growth,
    "complement": complement,
    "reference": reference,
    "revision": revision,
}
# The kinds that compare stated figures with reference rows; every other kind sees
# only what articles state.
SEES_REFERENCE = frozenset({"reference", "revision"})
