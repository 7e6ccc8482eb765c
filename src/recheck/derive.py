"""Derived quantities: figures recheck computes from stated ones, and compares.

One sentence that gives an entity's part of an amount and its share of the whole
("中国2025年的稀土矿开采量为27万吨,全球占比高达69.2%") implies the whole: part ÷ share
(≈ 39万吨). One that gives the whole and a share, but not the part, implies the part:
whole × share. The ``derived_total`` kind derives both and compares them with the
figures other sentences state for the same entity, metric and period, with interval
arithmetic on the ranges the operands admit (their stated precision and hedges).

A derived figure is a :class:`~recheck.models.Claim` with ``origin="derived"``: its
quote says that recheck computed it and from what, and it is never presented as
something a source said. Two derived figures are not compared with each other: they
disagree only when the stated figures behind them do, which other rules report.

Work is linear: claims are indexed once by sentence and by (entity, metric, unit,
period).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .compare import (
    RELATIVE_UNITS,
    Finding,
    admitted,
    allowed,
    format_number,
    format_range,
    range_gap,
    where,
    written,
)
from .models import Claim, Frame, Rule
from .units import quantity_kind

Key = tuple[str, str, str, str]  # (entity, metric, unit, period), as in engine.GroupKey
Survey = Callable[[Sequence[Claim], Rule], list[tuple[Key, Finding]]]
SentenceKey = tuple[str, int, str]


def column(claim: Claim) -> int:
    """Where the claim is in its line, for reading order within a sentence."""
    if claim.quote_start >= 0:
        return claim.quote_start
    return claim.column


def sentence_key(claim: Claim) -> SentenceKey:
    """The sentence a claim was stated in: its file, line and text."""
    return (claim.path, claim.line, claim.quote)


def sentences(claims: Iterable[Claim]) -> dict[SentenceKey, list[Claim]]:
    """Claims by the sentence they were stated in, each list in reading order."""
    found: dict[SentenceKey, list[Claim]] = {}
    for claim in claims:
        found.setdefault(sentence_key(claim), []).append(claim)
    for group in found.values():
        if len(group) > 1:
            group.sort(key=lambda c: (column(c), c.id))
    return found


def nearest(candidates: Sequence[Claim], anchor: Claim) -> Claim:
    """The candidate closest to ``anchor`` in its sentence, preferring one before it."""
    at = column(anchor)
    return min(candidates, key=lambda c: (column(c) > at, abs(column(c) - at), c.id))


def approx(value: float) -> str:
    """A derived value to three significant figures: 390,173 -> 390,000."""
    if value == 0 or not math.isfinite(value):
        return format_number(value)
    rounded = float(f"{value:.3g}")
    return f"{rounded:,.0f}" if abs(rounded) >= 1000 else f"{rounded:.3g}"


def derived_claim(
    frame: Frame,
    value: float,
    bounds: tuple[float, float],
    unit: str,
    operands: Sequence[Claim],
    expression: str,
) -> Claim:
    """A figure recheck computed; its quote says so, and from which claims."""
    first = operands[0]
    text = f"≈{approx(value)} {unit}"
    # No file name or line in the quote: it enters the fingerprint (see engine).
    quote = f"derived by recheck, not stated by any source: {expression} {text}"
    return Claim(
        id="derived:" + "+".join(c.id for c in operands),
        path=first.path,
        line=first.line,
        quote=quote,
        text=text,
        frame=frame,
        value=value,
        unit=unit,
        lower=bounds[0],
        upper=bounds[1],
        precision=0.0,
        hedge="",
        written_value=value,
        written_unit=unit,
        article_title=first.article_title,
        article_date=first.article_date,
        outlet=first.outlet,
        source_id=" + ".join(dict.fromkeys(c.source_id for c in operands)),
        origin="derived",
        quote_start=quote.index(text),
    )


@dataclass(frozen=True)
class _Derived:
    claim: Claim  # the derived figure
    operands: tuple[Claim, ...]  # (part, share) or (whole, share)
    steps: tuple[str, ...]  # how it was computed
    summary: str  # the arithmetic in one line: 27万吨 ÷ 69.2% ≈ 390,000 t


def _share_bounds(share: Claim) -> tuple[float, float]:
    lo, hi = admitted(share)
    return max(lo, 0.0) / 100.0, min(hi, 100.0) / 100.0


def _bounds(lo: float, hi: float) -> tuple[float, float]:
    """A range with undefined ends (∞ × 0) opened up rather than NaN."""
    return (-math.inf if math.isnan(lo) else lo, math.inf if math.isnan(hi) else hi)


def _operand(role: str, claim: Claim) -> str:
    """One line of a derivation: an operand as written, normalised, framed and located.
    A share is shown as written only (its percent needs no conversion)."""
    value = "" if role == "share" else f" = {format_number(claim.value)} {claim.unit}"
    frame = f"{claim.entity} · {claim.metric} · {claim.period}"
    return f"{role}: {written(claim)}{value} ({frame}; {where(claim)})"


def _implied_total(part: Claim, share: Claim, whole: str) -> _Derived | None:
    s_lo, s_hi = _share_bounds(share)
    fraction = share.value / 100.0
    if fraction <= 0 or s_hi <= 0:
        return None
    a_lo, a_hi = admitted(part)
    value = part.value / fraction
    bounds = _bounds(a_lo / s_hi, a_hi / s_lo if s_lo > 0 else math.inf)
    frame = Frame(whole, part.metric, part.period)
    expression = f"{written(part)} ÷ {share.text}"
    claim = derived_claim(frame, value, bounds, part.unit, (part, share), expression)
    steps = (
        _operand("part", part),
        _operand("share", share),
        f"{format_number(part.value)} {part.unit} ÷ {share.value:g}% ≈ {approx(value)} "
        f"{part.unit} (implied {_name(whole)} {_name(part.metric)}, {part.period}: derived, "
        f"not stated; range {format_range(*bounds)} {part.unit} = "
        f"{format_range(a_lo, a_hi)} {part.unit} ÷ {format_range(s_lo * 100, s_hi * 100)}%)",
    )
    return _Derived(claim, (part, share), steps, f"{expression} ≈ {approx(value)} {claim.unit}")


def _implied_part(total: Claim, share: Claim) -> _Derived:
    s_lo, s_hi = _share_bounds(share)
    t_lo, t_hi = admitted(total)
    value = total.value * share.value / 100.0
    bounds = _bounds(t_lo * s_lo, t_hi * s_hi)
    frame = Frame(share.entity, total.metric, total.period)
    expression = f"{written(total)} × {share.text}"
    claim = derived_claim(frame, value, bounds, total.unit, (total, share), expression)
    steps = (
        _operand("whole", total),
        _operand("share", share),
        f"{format_number(total.value)} {total.unit} × {share.value:g}% ≈ {approx(value)} "
        f"{total.unit} (implied {_name(share.entity)} {_name(total.metric)}, {total.period}: "
        f"derived, not stated; range {format_range(*bounds)} {total.unit} = "
        f"{format_range(t_lo, t_hi)} {total.unit} × {format_range(s_lo * 100, s_hi * 100)}%)",
    )
    return _Derived(claim, (total, share), steps, f"{expression} ≈ {approx(value)} {claim.unit}")


def _name(identifier: str | None) -> str:
    return (identifier or "?").replace("_", " ")


def _stated_step(claim: Claim) -> str:
    lo, hi = admitted(claim)
    return (
        f"stated: {written(claim)} = {format_number(claim.value)} {claim.unit} "
        f"({_name(claim.entity)} {_name(claim.metric)}, {claim.period}; {where(claim)}; "
        f"range {format_range(lo, hi)} {claim.unit})"
    )


class RangeIndex:
    """Ranges indexed so that those apart from a given range (wholly above or below
    it) are found without looking at the others: the work follows the pairs that can
    disagree, not one side × the other."""

    def __init__(self, ranges: Sequence[tuple[float, float]]) -> None:
        self._by_low = sorted(range(len(ranges)), key=lambda i: ranges[i][0])
        self._lows = [ranges[i][0] for i in self._by_low]
        self._by_high = sorted(range(len(ranges)), key=lambda i: ranges[i][1])
        self._highs = [ranges[i][1] for i in self._by_high]

    def above(self, value: float) -> list[int]:
        """The indexes of the ranges that start above ``value``."""
        return self._by_low[bisect_right(self._lows, value) :]

    def apart_from(self, other: tuple[float, float]) -> list[int]:
        """The indexes of the ranges that start above ``other`` or end below it."""
        return self.above(other[1]) + self._by_high[: bisect_left(self._highs, other[0])]


def _compare(
    key: Key, derived: list[_Derived], stated: list[Claim], rule: Rule
) -> tuple[Key, Finding] | None:
    unit = key[2]
    tolerance = rule.tolerance_for(quantity_kind(unit))
    conflicts: list[tuple[float, float, _Derived, Claim]] = []
    index = RangeIndex([admitted(s) for s in stated])
    for d in derived:
        d_range = admitted(d.claim)
        for i in index.apart_from(d_range):
            s = stated[i]
            gap = range_gap(d_range, admitted(s))
            limit = allowed(tolerance, min(abs(d.claim.value), abs(s.value)), unit)
            if math.isfinite(gap) and gap > limit:
                conflicts.append((gap, limit, d, s))
    if not conflicts:
        return None
    gap, limit, worst, stated_worst = max(conflicts, key=lambda t: (t[0], t[2].claim.id, t[3].id))
    used = list(dict.fromkeys(d for _, _, d, _ in conflicts))
    against = sorted(dict.fromkeys(s for _, _, _, s in conflicts), key=lambda c: (c.value, c.id))
    claims = [c for d in used for c in (*d.operands, d.claim)] + against
    steps = [step for d in used for step in d.steps]
    steps += [_stated_step(s) for s in against]
    steps.append(
        f"the ranges are {format_number(gap)} {unit} apart; this rule allows "
        f"{format_number(limit)} {unit}"
    )
    lo, hi = admitted(worst.claim)
    scale = max(stated_worst.precision, (hi - lo) / 2 if math.isfinite(hi - lo) else 0.0)
    scale = scale if scale > 0 else max(abs(stated_worst.value), 1.0) * 1e-3
    note = (
        " and ".join(
            f"{d.summary} (implied {_name(d.claim.entity)} {_name(d.claim.metric)}, "
            f"{d.claim.period})"
            for d in used
        )
        + " vs stated "
        + " vs ".join(dict.fromkeys(written(s) for s in against))
        + f" (ranges {format_number(gap)} {unit} apart)"
    )
    return key, Finding(
        claims=tuple(dict.fromkeys(claims)),
        gap=gap,
        z=min(gap / scale, 1e12),
        note=note,
        derivation=tuple(steps),
    )


def derived_total(claims: Sequence[Claim], rule: Rule) -> list[tuple[Key, Finding]]:
    """Part ÷ share (the implied whole) and whole × share (the implied part), each
    derived within one sentence, against the figures stated for the same key."""
    pairs = {
        share: base
        for share, base in rule.share_of
        if rule.select.metric is None or share == rule.select.metric
    }
    bases = set(pairs.values())
    stated: dict[Key, list[Claim]] = {}
    for c in claims:
        if c.metric in bases and c.entity and c.unit not in RELATIVE_UNITS:
            stated.setdefault((c.entity, c.metric, c.unit, c.period or ""), []).append(c)
    totals: dict[Key, list[_Derived]] = {}
    parts: dict[Key, list[_Derived]] = {}
    for sentence in sentences(c for c in claims if c.metric is not None).values():
        for share in sentence:
            entity = share.entity
            if share.metric not in pairs or share.unit != "percent" or not entity:
                continue
            if "@" in entity or entity == rule.whole:
                continue
            if rule.select.entity is not None and entity != rule.select.entity:
                continue
            same = [
                c
                for c in sentence
                if c.metric == pairs[share.metric]
                and c.period == share.period
                and c.unit not in RELATIVE_UNITS
            ]
            own = [c for c in same if c.entity == entity]
            wholes = [c for c in same if c.entity == rule.whole]
            if own:
                d = _implied_total(nearest(own, share), share, rule.whole)
                if d is not None:
                    key = (rule.whole, d.claim.metric or "", d.claim.unit, d.claim.period or "")
                    totals.setdefault(key, []).append(d)
            elif wholes:
                d = _implied_part(nearest(wholes, share), share)
                key = (entity, d.claim.metric or "", d.claim.unit, d.claim.period or "")
                parts.setdefault(key, []).append(d)
    found = []
    for derived in (totals, parts):
        for key in sorted(derived):
            result = _compare(key, derived[key], stated.get(key, []), rule)
            if result is not None:
                found.append(result)
    return found


SURVEYS: dict[str, Survey] = {"derived_total": derived_total}
