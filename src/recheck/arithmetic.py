"""Internal arithmetic: figures that must agree with each other because of what they are.

Three kinds, each a function over all the claims stated as fact (see docs/rules.md):

* ``change``: a stated change must agree with the two figures it relates, in the same
  sentence: "from 4.55万吨 to 5.1万吨, up 12.1%" holds; "up 21.1%" does not. A
  percentage after a rise word is B ÷ A − 1, after a fall word 1 − B ÷ A, after a
  comparison word ("a 65% difference", 高出) either; 翻倍 and 3倍 are ratios (n, or n+1
  after a rise word: 增长了3倍 is read either way); a change in percentage points is a
  difference of two percentages. Only the size is checked, not the direction. When
  the sentence gives only the later figure ("6,558吨，同比增长26%", "rose 26% to 6,558
  tonnes"), the earlier one is what any source states for the same entity, metric and
  unit a year before (the same part of that year, after 同比 or "year on year").
* ``share_sum``: the shares of one whole that one article gives for different entities
  (same metric, scope and period) may not add up past 100%, counting each share at the
  lowest value it admits.
* ``part_whole``: a part may not exceed its whole: a member of an aggregate (the US in
  美日韩) more than the aggregate, any entity more than the world, for the same metric,
  unit and period, across sources.

Work is linear: claims are indexed once by sentence, by article or by key.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from operator import itemgetter

from .compare import (
    RELATIVE_UNITS,
    Finding,
    admitted,
    allowed,
    dimension_of,
    format_number,
    format_range,
    range_gap,
    where,
    written,
)
from .derive import Key, RangeIndex, Survey, sentence_key, sentences
from .models import Claim, Rule, Tolerance
from .periods import AGAINST_YEAR_BEFORE, period_parts, year_before
from .units import quantity_kind

# What may stand between a change word and its figure: 上涨了12.1%, "rose by 12%", "an
# increase of 150%".
_TOUCHING_TAIL = r"(?:[了约近达为]|\s+(?:of|by)(?:\s+(?:about|around|nearly|almost))?)?\s*$"


def _positions(sentence: Sequence[Claim]) -> dict[str, tuple[int, int]]:
    """Where each claim's text is in the sentence, found left to right."""
    quote = sentence[0].quote
    found: dict[str, tuple[int, int]] = {}
    pos = 0
    for claim in sentence:
        if claim.quote_start >= 0 and quote.startswith(claim.text, claim.quote_start):
            found[claim.id] = (claim.quote_start, claim.quote_start + len(claim.text))
            pos = claim.quote_start + len(claim.text)
            continue
        at = quote.find(claim.text, pos)
        if at < 0:
            at = quote.find(claim.text)
        if at >= 0:
            found[claim.id] = (at, at + len(claim.text))
            pos = at + len(claim.text)
    return found


def _cue(rule: Rule, quote: str, span: tuple[int, int]) -> tuple[str, int] | None:
    """The change word touching a figure (上涨12.1%, a 65% difference), if any, and
    where in ``quote`` it starts."""
    words = "|".join(
        f"(?:{w})" for w in (rule.change_words, rule.decrease_words, rule.comparison_words) if w
    )
    if not words:
        return None
    window = max(0, span[0] - 24)
    match = re.search(rf"({words}){_TOUCHING_TAIL}", quote[window : span[0]])
    if match:
        return match.group(1), window + match.start(1)
    after = quote[span[1] : span[1] + 14]
    match = re.match(rf"\s+({words})\b", after)
    if match and after[:2].isascii():
        return match.group(1), span[1] + match.start(1)
    return None


def _is(words: str, cue: str | None) -> bool:
    return bool(words and cue and re.fullmatch(f"(?:{words})", cue))


def _operands(before: Sequence[Claim], stated: Claim) -> tuple[Claim, Claim] | None:
    """The two figures a change relates: the nearest framed figure before it and the
    nearest one before that with the same metric and unit, of the same part of a year
    (a first half is not compared with the first three quarters); of the metric the
    change names, when it names one."""
    wanted = {"percent"} if stated.unit == "percentage_point" else None
    named = stated.frame.change_of
    framed = [
        c
        for c in before
        if c.metric is not None
        and (named is None or c.metric == named)
        and (c.unit in wanted if wanted else c.unit not in {"fold", "percentage_point"})
    ]
    if len(framed) < 2:
        return None
    second = framed[-1]
    first = next(
        (
            c
            for c in reversed(framed[:-1])
            if (c.metric, c.unit) == (second.metric, second.unit)
            and _same_part(c.period, second.period)
        ),
        None,
    )
    return (first, second) if first is not None else None


def _same_part(a: str | None, b: str | None) -> bool:
    """Whether two periods are the same part of their years (2025-H1 and 2024-H1, 2025
    and 2024), or either is undated."""
    first, second = period_parts(a), period_parts(b)
    if first is None or second is None:
        return True
    return (first[0], first[2]) == (second[0], second[2])


def _computed(
    stated: Claim, first: Claim, second: Claim, cue: str | None, rule: Rule
) -> list[tuple[float, float, str]] | None:
    """The ranges the operands allow for the stated change, each with how it was read."""
    big, small = (first, second) if first.value >= second.value else (second, first)
    b_lo, b_hi = admitted(big)
    s_lo, s_hi = admitted(small)
    if s_lo <= 0 or b_lo <= 0 or not all(map(math.isfinite, (b_hi, s_hi))):
        return None
    r_lo, r_hi = b_lo / s_hi, b_hi / s_lo
    ratio = f"{format_number(big.value)} ÷ {format_number(small.value)}"
    if stated.unit == "percentage_point":
        return [(b_lo - s_hi, b_hi - s_lo, f"{big.text} − {small.text}")]
    if stated.unit == "fold":
        readings = [(r_lo, r_hi, ratio)]
        if cue is not None and not _is(rule.comparison_words, cue):
            # 增长了3倍 is strictly fourfold, and often means threefold: allow both.
            readings.append((r_lo - 1, r_hi - 1, f"{ratio} − 1"))
        return readings
    rise = ((r_lo - 1) * 100, (r_hi - 1) * 100, f"({ratio} − 1) × 100")
    inverse = f"{format_number(small.value)} ÷ {format_number(big.value)}"
    fall = ((1 - 1 / r_lo) * 100, (1 - 1 / r_hi) * 100, f"(1 − {inverse}) × 100")
    if _is(rule.decrease_words, cue):
        return [fall]
    if _is(rule.comparison_words, cue):
        return [rise, fall]
    return [rise]


def _same_parties(first: Claim, second: Claim, cue: str | None, rule: Rule, fold: bool) -> bool:
    """A rise or a fall relates two figures of one entity; a comparison word (or a bare
    ratio such as 两倍) may relate two entities."""
    if first.entity == second.entity:
        return True
    return _is(rule.comparison_words, cue) or (fold and cue is None)


def change(claims: Sequence[Claim], rule: Rule) -> list[tuple[Key, Finding]]:
    """A stated change disagrees with the two figures it relates: both in its sentence;
    or the later one there and the earlier one, a year before, stated anywhere; or, for a
    change that names its metric (营业收入同比增长34%), both stated anywhere."""
    found: list[tuple[Key, Finding]] = []
    stated_as: _Stated | None = None  # built on the first change that needs it
    for sentence in sentences(claims).values():
        spans = _positions(sentence)
        for i, stated in enumerate(sentence):
            unit = stated.unit
            if stated.metric is not None or unit not in RELATIVE_UNITS or stated.id not in spans:
                continue
            touching = _cue(rule, stated.quote, spans[stated.id])
            if unit != "fold" and touching is None:
                continue
            cue, cue_at = touching or (None, -1)
            pair = _operands(sentence[:i], stated)
            if pair is not None and not _same_parties(*pair, cue, rule, unit == "fold"):
                pair = None  # two parties a rise does not relate: it is one party's change
            candidates = [pair] if pair is not None else []
            # from the sources: pairs of one entity, the figure's or the change's own
            if pair is None and unit == "percent" and not _is(rule.comparison_words, cue):
                later = _later_figure(sentence, spans, i, cue_at)
                named = stated.frame.change_of
                if later is not None:
                    stated_as = stated_as or _Stated(claims)
                    candidates = [(a, later) for a in stated_as.year_before(later)]
                elif named is not None:
                    stated_as = stated_as or _Stated(claims)
                    candidates = stated_as.operands(stated, named)
            finding = _closest(stated, candidates, cue, rule)
            if finding is not None:
                first, second = finding.claims[:2]
                entity = first.entity if first.entity == second.entity else ""
                found.append(
                    ((entity or "", first.metric or "", unit, stated.period or ""), finding)
                )
    return sorted(found, key=lambda kf: (kf[0], [c.id for c in kf[1].claims]))


def _closest(
    stated: Claim, pairs: Sequence[tuple[Claim, Claim]], cue: str | None, rule: Rule
) -> Finding | None:
    """The disagreement of ``stated`` with the pair of operands that comes closest to
    it, or ``None`` when any pair agrees with it (several sources may state the earlier
    figure, and their own disagreement is another rule's to report). Each pair is of
    parties the change relates (see change)."""
    unit = stated.unit
    s_range = admitted(stated)
    limit = allowed(rule.tolerance_for(quantity_kind(unit)), stated.value, unit)
    best: tuple[float, float, float, str, Claim, Claim] | None = None
    for first, second in pairs:
        if rule.select.metric is not None and first.metric != rule.select.metric:
            continue
        if rule.select.entity is not None and rule.select.entity not in (
            first.entity,
            second.entity,
        ):
            continue
        readings = _computed(stated, first, second, cue, rule)
        if not readings:
            continue
        gaps = [(range_gap((lo, hi), s_range), lo, hi, how) for lo, hi, how in readings]
        gap, lo, hi, how = min(gaps, key=lambda g: g[0])
        if not math.isfinite(gap) or gap <= limit:
            return None
        if best is None or gap < best[0]:
            best = (gap, lo, hi, how, first, second)
    if best is None:
        return None
    gap, lo, hi, how, first, second = best
    shown = "percentage points" if unit == "percent" else unit
    value_unit = "%" if unit == "percent" else f" {unit}"
    mid = (lo + hi) / 2
    note = (
        f"{written(stated)} stated, but {written(first)} and {written(second)} give "
        f"{mid:.3g}{value_unit} (range {lo:.3g} – {hi:.3g}{value_unit}; "
        f"{format_number(gap)} {shown} apart)"
    )
    places = "; ".join(dict.fromkeys((where(first), where(second))))
    steps = (
        f"operands: {written(first)} = {format_number(first.value)} {first.unit} "
        f"({first.entity} · {first.metric} · {first.period}) and {written(second)} = "
        f"{format_number(second.value)} {second.unit} ({second.entity} · "
        f"{second.metric} · {second.period}); {places}",
        f"{how} = {mid:.4g}{value_unit} (range {lo:.4g} – {hi:.4g}{value_unit} at "
        "the stated precision)",
        f"stated: {written(stated)} (range {format_range(*s_range)}{value_unit}"
        + (f"; read after '{cue}'" if cue else "")
        + ")",
        f"{format_number(gap)} {shown} apart; this rule allows {format_number(limit)}",
    )
    scale = max(stated.precision, (hi - lo) / 2, 1e-9)
    return Finding(
        claims=(first, second, stated),
        gap=gap,
        z=min(gap / scale, 1e12),
        note=note,
        derivation=steps,
    )


# What may stand between a figure and the change word after it ("6,558吨，同比增长26%",
# "721 tonnes, up 51%", "597 tons, an increase of 150%"), and between a change and the
# figure it reached ("rose 26% to 6,558 tonnes", "增长26%至6,558吨").
_FIGURE_THEN_CHANGE = re.compile(
    rf"[\s,，、]*(?:(?:{AGAINST_YEAR_BEFORE})[\s,，]*)?(?:(?i:an?)\s+)?"
)
_CHANGE_THEN_FIGURE = re.compile(r"[\s,，]*(?:to|至|到|达到|达)\s*")
# A change of part of a year is on the same part of the year before only when it says so
# (a quarter's rise may be on the quarter before).
_YEAR_ON_YEAR = re.compile(
    r"同比|上年同期|去年同期|(?i:year[- ]on[- ]year|from a year (?:earlier|ago)|y/y)"
)


def _later_figure(
    sentence: Sequence[Claim], spans: dict[str, tuple[int, int]], at: int, cue_at: int
) -> Claim | None:
    """The figure a change in the sentence reached, when it stands right before the
    change word (which starts at ``cue_at``, before the change) or right after the
    change: framed, of an amount, and the only one the change can be about."""
    stated = sentence[at]
    quote = stated.quote
    start, end = spans[stated.id]
    if not 0 <= cue_at < start:
        return None
    for claim in reversed(sentence[:at]):
        if claim.id in spans and claim.unit not in RELATIVE_UNITS:
            if claim.metric is not None and _FIGURE_THEN_CHANGE.fullmatch(
                quote, spans[claim.id][1], cue_at
            ):
                return claim
            break
    for claim in sentence[at + 1 :]:
        if claim.id in spans:
            if (
                claim.unit not in RELATIVE_UNITS
                and claim.metric is not None
                and _CHANGE_THEN_FIGURE.fullmatch(quote, end, spans[claim.id][0])
            ):
                return claim
            break
    return None


# A figure as a change reads it: the same unit, value and admitted range give the same
# computed change, whatever source states it.
_Figure = tuple[str, float, tuple[float, float]]


def _figure(claim: Claim) -> _Figure:
    return (claim.unit, claim.value, admitted(claim))


class _Stated:
    """The figures the sources state, by entity, metric and period.

    Each key keeps its claims by figure (:func:`_figure`): a change is tried against the
    first claim of each figure only, since a repeated figure gives the same change and
    :func:`_closest` cites the first pair that comes closest. So a figure that a
    thousand articles repeat costs one pair, not a thousand, and comparing the changes
    stays linear in the claims. A key's claims are grouped when a change first asks
    for them: most keys never are."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._claims: dict[tuple[str, str, str], list[Claim]] = {}
        for claim in claims:
            if claim.entity and claim.metric and claim.period:
                self._claims.setdefault((claim.entity, claim.metric, claim.period), []).append(
                    claim
                )
        self._figures: dict[tuple[str, str, str], dict[_Figure, list[tuple[int, Claim]]]] = {}

    def _by_figure(self, key: tuple[str, str, str]) -> dict[_Figure, list[tuple[int, Claim]]]:
        """The claims of ``key`` by figure, each with its place among them."""
        if key not in self._figures:
            groups: dict[_Figure, list[tuple[int, Claim]]] = {}
            for at, claim in enumerate(self._claims.get(key, ())):
                groups.setdefault(_figure(claim), []).append((at, claim))
            self._figures[key] = groups
        return self._figures[key]

    def year_before(self, later: Claim) -> list[Claim]:
        """What the sources state for the figure's entity, metric and unit a year before
        its period (see :meth:`_before`), outside its sentence: the first claim of each
        figure."""
        if later.metric is None:
            return []
        here = sentence_key(later)
        return self._distinct(
            self._before(later, later.metric), later.unit, lambda c: sentence_key(c) != here
        )

    def operands(self, change: Claim, metric: str) -> list[tuple[Claim, Claim]]:
        """Every pair of figures, in one unit, that the sources state for the change's
        entity and ``metric``: in the change's period, and a year before it (the first
        claim of each figure)."""
        later = self._distinct((change.entity or "", metric, change.period or ""))
        earlier = self._distinct(self._before(change, metric))
        return [(a, b) for b in later for a in earlier if a.unit == b.unit]

    def _distinct(
        self,
        key: tuple[str, str, str] | None,
        unit: str | None = None,
        keep: Callable[[Claim], bool] | None = None,
    ) -> list[Claim]:
        """The first claim of each figure stated for ``key`` (in ``unit``, and that
        ``keep`` accepts, when given), in the order of the claims."""
        firsts = []
        for figure, same in self._by_figure(key).items() if key else ():
            if unit is not None and figure[0] != unit:
                continue
            first = next((pair for pair in same if keep is None or keep(pair[1])), None)
            if first is not None:
                firsts.append(first)
        return [claim for _, claim in sorted(firsts, key=itemgetter(0))]

    def _before(self, claim: Claim, metric: str) -> tuple[str, str, str] | None:
        """The key of ``claim``'s entity and ``metric`` a year before its period: the
        year before a year, or the same part of the year before for part of a year when
        its sentence says year on year."""
        parts = period_parts(claim.period)
        if claim.entity is None or parts is None:
            return None
        if parts[2] and not _YEAR_ON_YEAR.search(claim.quote):
            return None
        return (claim.entity, metric, year_before(claim.period) or "")


def share_sum(claims: Sequence[Claim], rule: Rule) -> list[tuple[Key, Finding]]:
    """The shares of one whole given in one article add up to more than 100%."""
    share_metrics = {
        share
        for share, _ in rule.share_of
        if rule.select.metric is None or share == rule.select.metric
    }
    wholes = {aggregate for aggregate, _ in rule.members} | {rule.whole}
    groups: dict[tuple[str, str, str, str], dict[str, Claim]] = {}
    for c in claims:
        if c.metric not in share_metrics or c.unit != "percent" or not c.entity:
            continue
        entity, _, scope = c.entity.partition("@")
        if entity in wholes or scope in wholes - {rule.whole}:
            continue
        by_entity = groups.setdefault((c.source_id, c.metric, scope, c.period or ""), {})
        lowest = by_entity.get(entity)
        if lowest is None or (admitted(c)[0], c.id) < (admitted(lowest)[0], lowest.id):
            by_entity[entity] = c
    found: list[tuple[Key, Finding]] = []
    for (_, metric, scope, period), by_entity in sorted(groups.items()):
        if len(by_entity) < 2:
            continue
        shares = sorted(by_entity.values(), key=lambda c: (-c.value, c.id))
        total = sum(max(admitted(c)[0], 0.0) for c in shares)
        limit = allowed(rule.tolerance_for("percent"), 100.0, "percent")
        gap = total - 100.0
        if gap <= limit:
            continue
        parts = " + ".join(f"{written(c)} ({(c.entity or '').split('@')[0]})" for c in shares)
        note = (
            f"{parts}: at least {format_number(total)}% of one whole "
            f"({format_number(gap)} percentage points past 100%)"
        )
        steps = (
            *(
                f"{written(c)}: {c.entity} · {c.metric} · {c.period}, at least "
                f"{format_number(max(admitted(c)[0], 0.0))}% ({where(c)})"
                for c in shares
            ),
            f"sum of the lowest values they admit: {format_number(total)}%; this rule "
            f"allows up to {format_number(100 + limit)}%",
        )
        scale = max(max(c.precision for c in shares), 1e-9)
        key = (scope or rule.whole, metric, "percent", period)
        found.append((key, Finding(tuple(shares), gap, min(gap / scale, 1e12), note, steps)))
    return found


def part_whole(claims: Sequence[Claim], rule: Rule) -> list[tuple[Key, Finding]]:
    """A member of an aggregate, or any entity, states more than its whole."""
    members = {aggregate: set(parts) for aggregate, parts in rule.members}
    index: dict[tuple[str, str, str], dict[str, list[Claim]]] = {}
    for c in claims:
        if not c.entity or "@" in c.entity or c.metric is None or c.unit in RELATIVE_UNITS:
            continue
        if rule.select.metric is not None and c.metric != rule.select.metric:
            continue
        if rule.select.dimension is not None and dimension_of(c.unit) != rule.select.dimension:
            continue
        index.setdefault((c.metric, c.unit, c.period or ""), {}).setdefault(c.entity, []).append(c)
    found: list[tuple[Key, Finding]] = []
    for (metric, unit, period), by_entity in sorted(index.items()):
        for whole in sorted(e for e in by_entity if e in members or e == rule.whole):
            parts = members.get(whole) or {e for e in by_entity if e != whole}
            part_claims = [c for e in sorted(parts) for c in by_entity.get(e, ())]
            tolerance = rule.tolerance_for(quantity_kind(unit))
            conflicts = _above_wholes(by_entity[whole], part_claims, tolerance, unit)
            if not conflicts:
                continue
            gap, p, w = max(conflicts, key=lambda t: (t[0], t[1].id, t[2].id))
            involved = list(dict.fromkeys(c for _, a, b in conflicts for c in (a, b)))
            note = (
                f"{written(p)} for {p.entity} alone is more than {written(w)} for "
                f"{whole} as a whole ({format_number(gap)} {unit} apart)"
            )
            steps = tuple(
                f"part: {written(a)} = {format_number(a.value)} {unit}, at least "
                f"{format_number(admitted(a)[0])} ({a.entity}; {where(a)}) > whole: "
                f"{written(b)} = {format_number(b.value)} {unit}, at most "
                f"{format_number(admitted(b)[1])} ({whole}; {where(b)})"
                for _, a, b in conflicts
            )
            scale = max(p.precision, w.precision, 1e-9)
            key = (whole, metric, unit, period)
            found.append((key, Finding(tuple(involved), gap, min(gap / scale, 1e12), note, steps)))
    return found


def _above_wholes(
    wholes: Sequence[Claim], parts: Sequence[Claim], tolerance: Tolerance, unit: str
) -> list[tuple[float, Claim, Claim]]:
    """Every (gap, part, whole) where the part's range starts above the whole's range
    by more than the tolerance, in the order of ``wholes``, then of ``parts``.

    A part whose range starts at or below a whole's top cannot be above it, so each
    whole looks only at the parts that start above its top: the work follows the number
    of parts that overshoot, not parts × wholes."""
    ranges = [admitted(p) for p in parts]
    index = RangeIndex(ranges)
    found: list[tuple[int, int, float, Claim, Claim]] = []
    for w_index, w in enumerate(wholes):
        w_hi = admitted(w)[1]
        for p_index in index.above(w_hi):
            gap = ranges[p_index][0] - w_hi
            p = parts[p_index]
            if math.isfinite(gap) and gap > allowed(tolerance, min(p.value, w.value), unit):
                found.append((w_index, p_index, gap, p, w))
    found.sort(key=lambda t: (t[0], t[1]))
    return [(gap, p, w) for _, _, gap, p, w in found]


SURVEYS: dict[str, Survey] = {
    "change": change,
    "share_sum": share_sum,
    "part_whole": part_whole,
}
