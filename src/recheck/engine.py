"""Apply the rules to the claims: group claims by what they measure, compare each group
with the rule's comparison kind, and stamp each finding with the rule's id and severity.

Rules that name an entity or a metric run first; the catch-all rule (one that selects
neither) only reports groups that no specific rule already reported. Only claims stated
as fact are compared: a target or a forecast never contradicts an actual figure.

Rows of a reference table (claims with ``origin="reference"``) are seen only by the
kinds that compare with them (``reference``, ``revision``). A claim superseded by a
later one from the same series (see :mod:`recheck.revisions`) is left out of every
other comparison. Survey kinds (derived figures, internal arithmetic) get all the
current claims stated as fact and group them themselves.

Before any comparison, an undated figure is dated by the latest year other sources
state for its key (:func:`read_undated`); the grouping kinds then leave out the figures
of a sentence that gives one key two values (:func:`ambiguous_ids`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .compare import Finding, dimension_of
from .compare import format_number as format_number
from .derive import sentence_key
from .exchange import ExchangeRates, any_currency, convert_currencies
from .kinds import GROUP_KINDS, SEES_REFERENCE, SURVEY_KINDS
from .models import Claim, Contradiction, Rule
from .periods import CURRENT, whole_year
from .ranking import score
from .revisions import superseded_ids
from .units import quantity_kind

GroupKey = tuple[str | None, str | None, str, str | None]


def selects(rule: Rule, claim: Claim) -> bool:
    sel, frame = rule.select, claim.frame
    if frame.entity is None or frame.metric is None or frame.modality != "actual":
        return False
    if sel.entity is not None and frame.entity.split("@")[0] != sel.entity:
        return False
    if sel.metric is not None and frame.metric != sel.metric:
        return False
    return sel.dimension is None or dimension_of(claim.unit) == sel.dimension


def group_claims(
    rule: Rule,
    claims: Iterable[Claim],
    incomparable: frozenset[str] = frozenset(),
    ambiguous: frozenset[str] = frozenset(),
) -> dict[GroupKey, list[Claim]]:
    """The claims the rule compares, by group key. ``ambiguous``: ids of claims left
    out (see :func:`ambiguous_ids`)."""
    groups: dict[GroupKey, list[Claim]] = {}
    same_period = _same_period(rule)
    skip = incomparable if rule.select.metric is None else frozenset()
    for claim in claims:
        frame = claim.frame
        if frame.metric in skip or claim.id in ambiguous or not selects(rule, claim):
            continue
        key = (frame.entity, frame.metric, claim.unit, frame.period if same_period else None)
        groups.setdefault(key, []).append(claim)
    return groups


def _same_period(rule: Rule) -> bool:
    """Whether the rule compares claims of one period (a growth rule compares periods
    with each other, so it groups across them)."""
    return rule.periods == "same" and rule.kind != "growth"


def ambiguous_ids(claims: Iterable[Claim]) -> frozenset[str]:
    """The claims of any sentence that gives one key (entity, metric, unit and period)
    two different values. A sentence does not contradict itself: two of its figures
    framed alike ("Myanmar mined 1.3万吨, Laos 3.1万吨 and Malaysia 4.5万吨"; a quota of
    25.4万吨 beside output of 27万吨) mean the framing could not tell them apart, so
    neither is evidence against another source. Keys never span partitions."""
    values: dict[tuple[object, ...], set[float]] = {}
    compared = []
    for claim in claims:
        frame = claim.frame
        if (
            claim.origin == "article"
            and frame.modality == "actual"
            and frame.entity is not None
            and frame.metric is not None
        ):
            compared.append(claim)
            values.setdefault(_in_sentence(claim), set()).add(claim.value)
    if all(len(seen) == 1 for seen in values.values()):
        return frozenset()
    return frozenset(c.id for c in compared if len(values[_in_sentence(c)]) > 1)


def _in_sentence(claim: Claim) -> tuple[object, ...]:
    """A claim's key (entity, metric, unit and period) in its sentence."""
    frame = claim.frame
    return (frame.entity, frame.metric, claim.unit, frame.period, sentence_key(claim))


def run_rules(
    claims: Sequence[Claim],
    rules: Sequence[Rule],
    incomparable: frozenset[str] = frozenset(),
    rates: ExchangeRates | None = None,
) -> list[Contradiction]:
    """Every contradiction the rules find, unranked (rank 0).

    Metrics in ``incomparable`` (amounts of one-off events) are compared only by rules
    that name them. ``rates``: the exchange rates figures in different currencies are
    compared at (none: they are not compared)."""
    claims = prepare(claims, rates)
    stated = _stated(claims)
    return survey_findings(claims, rules, stated) + group_findings(
        claims, rules, incomparable, stated
    )


def prepare(claims: Sequence[Claim], rates: ExchangeRates | None) -> list[Claim]:
    """The claims as the rules compare them: undated figures dated
    (:func:`read_undated`), then figures in other currencies converted
    (:func:`recheck.exchange.convert_currencies`, which converts at each figure's year)."""
    return convert_currencies(read_undated(claims), rates)


def read_undated(claims: Sequence[Claim]) -> list[Claim]:
    """Claims with an undated figure read as of the latest year stated for its key.

    A figure no period words date ("China accounts for about 60% of global output") is
    about the latest figures its article's readers know: it is read as the latest year
    that another source states as fact for the same entity, metric and unit, when that
    year is the article's or the one before, and its own article does not state that
    year for the key (then the article tells the two apart). Its evidence says so.
    A price is the exception: it moves from day to day, so an undated one
    (按当前每吨50万元的价格) is read as the price of its article's month, never last
    year's average. Claims of different partition keys never affect each other (see
    :func:`partition_key`)."""
    stated_years: dict[tuple[str, str, str], set[int]] = {}
    own: dict[tuple[str, str, str, str], set[int]] = {}
    undated = False
    for claim in claims:
        frame = claim.frame
        year = whole_year(frame.period)
        if frame.period == CURRENT:
            undated = True
        elif (
            year is not None
            and claim.origin == "article"
            and frame.modality == "actual"  # a forecast for the year does not date it
        ):
            entity, metric = frame.entity or "", frame.metric or ""
            stated_years.setdefault((entity, metric, claim.unit), set()).add(year)
            own.setdefault((claim.path, entity, metric, claim.unit), set()).add(year)
    if not undated:
        return list(claims)
    return [
        c if c.frame.period != CURRENT else _read_as_latest(c, stated_years, own) for c in claims
    ]


def _read_as_latest(
    claim: Claim,
    stated_years: dict[tuple[str, str, str], set[int]],
    own: dict[tuple[str, str, str, str], set[int]],
) -> Claim:
    frame = claim.frame  # (undated: read_undated passes no other)
    if not claim.article_date:
        return claim
    if quantity_kind(claim.unit) == "price":
        month = claim.article_date[:7]
        word = f"undated price, read as of its article's month ({month})"
        return replace(claim, frame=replace(frame, period=month, period_word=word))
    if not (frame.entity and frame.metric):
        return claim
    years = stated_years.get((frame.entity, frame.metric, claim.unit))
    if not years:
        return claim
    dated = int(claim.article_date[:4])
    mine = own.get((claim.path, frame.entity, frame.metric, claim.unit), set())
    latest = max((y for y in years if dated - 1 <= y <= dated), default=None)
    if latest is None or latest in mine:
        return claim
    word = f"undated, read as {latest}: the latest year stated"
    return replace(claim, frame=replace(frame, period=str(latest), period_word=word))


def partition_key(claim: Claim) -> tuple[str, str, str]:
    """Claims with different partition keys never meet in a comparison group: the
    grouping rules (:func:`group_findings`) can run on each partition apart, and their
    findings together are those they find on all the claims at once. (The key leaves
    the currency open: figures in yuan and in dollars may be compared once converted.)"""
    return (claim.entity or "", claim.metric or "", any_currency(claim.unit))


def survey_findings(
    claims: Sequence[Claim], rules: Sequence[Rule], stated: Sequence[Claim] | None = None
) -> list[Contradiction]:
    """What the survey kinds (derived figures, internal arithmetic) find: they look
    across groups, so they need all the claims. ``stated``: :func:`_stated` of the
    claims, when the caller has it."""
    stated = _stated(claims) if stated is None else stated
    actual = [c for c in stated if c.frame.modality == "actual"]
    return [
        _contradiction(rule, key, finding)
        for rule in sorted(rules, key=lambda r: r.id)
        if rule.kind in SURVEY_KINDS
        for key, finding in SURVEY_KINDS[rule.kind](actual, rule)
    ]


def group_findings(
    claims: Sequence[Claim],
    rules: Sequence[Rule],
    incomparable: frozenset[str] = frozenset(),
    stated: Sequence[Claim] | None = None,
) -> list[Contradiction]:
    """What the grouping kinds find, comparing claims of one (entity, metric, unit and
    period) at a time. The catch-all rule reports only groups no other rule reported."""
    found: list[Contradiction] = []
    reported: dict[tuple[str, ...], list[frozenset[str]]] = {}
    stated = _stated(claims) if stated is None else stated
    everything, by_stated = _by_metric(claims), _by_metric(stated)
    grouped: dict[tuple[object, ...], list[tuple[tuple[str, ...], list[Claim]]]] = {}
    ambiguous = ambiguous_ids(claims)
    for rule in sorted(rules, key=lambda r: (r.is_catch_all, r.id)):
        if rule.kind in SURVEY_KINDS:
            continue
        compare = GROUP_KINDS[rule.kind]
        sees_reference = rule.kind in SEES_REFERENCE
        pool = everything if sees_reference else by_stated
        metric = rule.select.metric
        # rules that select and group alike share one grouping (the catch-all ones)
        how = (sees_reference, rule.select, _same_period(rule))
        if how not in grouped:
            candidates = pool.get(metric, []) if metric is not None else pool[None]
            groups = groups_items(group_claims(rule, candidates, incomparable, ambiguous))
            grouped[how] = sorted(groups, key=lambda item: item[0])
        for key, group in grouped[how]:
            if rule.kind == "reference" and all(c.origin != "reference" for c in group):
                continue
            tolerance = rule.tolerance_for(quantity_kind(key[2]))
            finding = compare(group, rule, tolerance)
            if finding is None:
                continue
            ids = frozenset(c.id for c in finding.claims)
            if rule.is_catch_all and any(ids <= seen for seen in reported.get(key, ())):
                continue
            if all(c.origin == "article" for c in finding.claims):
                reported.setdefault(key, []).append(ids)
            found.append(_contradiction(rule, key, finding))
    return found


def _by_metric(claims: Sequence[Claim]) -> dict[str | None, list[Claim]]:
    """The claims of each metric, in their order, and all of them under None: a rule
    that names a metric looks at that metric's claims only."""
    index: dict[str | None, list[Claim]] = {None: list(claims)}
    for claim in claims:
        metric = claim.frame.metric
        if metric is not None:
            index.setdefault(metric, []).append(claim)
    return index


def _stated(claims: Sequence[Claim]) -> list[Claim]:
    """The claims articles state, less those a later figure of the same series revised."""
    superseded = superseded_ids(claims)
    return [c for c in claims if c.origin == "article" and c.id not in superseded]


def groups_items(groups: dict[GroupKey, list[Claim]]) -> list[tuple[tuple[str, ...], list[Claim]]]:
    """Groups in a stable order (None sorts as empty)."""
    return [(tuple(k or "" for k in key), group) for key, group in groups.items()]


def fingerprint(rule: Rule, key: Sequence[str], claims: Sequence[Claim]) -> str:
    """What the contradiction is: rule, subject, metric, period, and the distinct values
    in conflict. Which sources state them, how they are worded, line numbers, file names
    and file order do not enter it, so another article repeating one of the values keeps
    a known contradiction known; a new value makes it a new one."""
    parts = [rule.id, *key, *sorted({f"{c.value:.6g} {c.unit}" for c in claims})]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _contradiction(rule: Rule, key: Sequence[str], finding: Finding) -> Contradiction:
    entity, metric, unit, period = key
    return Contradiction(
        fingerprint=fingerprint(rule, key, finding.claims),
        rule=rule.id,
        rule_title=rule.title,
        severity=rule.severity,
        score=score(rule.severity, finding.z),
        rank=0,
        entity=entity or None,
        metric=metric or None,
        period=period or None,
        unit=unit,
        gap=finding.gap,
        summary=finding.note or _summary(finding),
        claims=finding.claims,
        derivation=finding.derivation,
    )


def _summary(finding: Finding) -> str:
    values = " vs ".join(
        dict.fromkeys(f"{c.hedge + ' ' if c.hedge else ''}{c.text}".strip() for c in finding.claims)
    )
    unit = finding.claims[0].unit
    unit = "percentage points" if unit == "percent" else unit
    return f"{values} (ranges {format_number(finding.gap)} {unit} apart)"
