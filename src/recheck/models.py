"""The data that flows through recheck: frozen, typed, and free of behaviour.

Documents become articles, articles become sentences, sentences yield quantities,
quantities framed in their sentence become claims, rules turn groups of claims into
contradictions, and a report holds them all. Every output format is built from
``Report.to_record()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, as read from text.

    ``value``, ``lower`` and ``upper`` are in ``unit`` (the unit the text used, with
    scale words applied: ``27万吨`` is ``270000 t``). ``unit`` is a string that
    ``recheck.ureg`` parses; a bare number is ``dimensionless``.
    """

    text: str
    start: int
    end: int
    value: float
    unit: str
    lower: float | None = None
    upper: float | None = None
    # Half the place value of the last digit as stated: 69.2% -> 0.05, 5.1万吨 -> 500.
    precision: float = 0.0
    # The hedge word as written (约, over, 不到 ...), or "" when the figure is exact.
    hedge: str = ""


@dataclass(frozen=True)
class Article:
    """One source: a file, or one of several articles inside a file."""

    path: str  # as the user gave it (joined with the relative path inside a folder)
    index: int  # 0-based position of the article in its file
    title: str
    outlet: str
    date: date | None
    first_line: int  # 1-based line of the article's first line in the file
    text: str  # the article's text, lines joined with "\n"
    # (month, day) of a dateline that gives no year (新华社北京11月20日电, "Nov 12
    # (Reuters)"), when ``date`` is None: see recheck.datelines
    month_day: tuple[int, int] | None = None

    @property
    def source_id(self) -> str:
        return f"{self.path}#{self.index}"


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # 1-based line in the file
    offset: int  # character offset of the sentence inside the article text
    column: int = 0  # 0-based character offset of the sentence inside its line


@dataclass(frozen=True)
class Frame:
    """Who, what and when a quantity is about, and the words that said so."""

    entity: str | None
    metric: str | None
    period: str | None  # "2025", "2025-Q2", "2025-10", or "current"
    modality: str = "actual"  # actual | target | forecast | plan | hypothetical
    entity_word: str = ""
    metric_word: str = ""
    period_word: str = ""
    # a stated change that names its metric right before it (营业收入同比增长34%,
    # "revenue rose 34%"): that metric; its own ``metric`` stays None, it is no level
    change_of: str | None = None


@dataclass(frozen=True)
class Claim:
    """A framed quantity with its provenance, normalised to a canonical unit."""

    id: str
    path: str
    line: int
    quote: str
    text: str
    frame: Frame
    value: float  # canonical unit
    unit: str  # canonical unit
    lower: float | None
    upper: float | None
    precision: float  # canonical unit
    hedge: str
    written_value: float
    written_unit: str
    article_title: str
    article_date: str | None
    outlet: str
    source_id: str
    # "article" for a figure a source stated; "derived" for one recheck computed from
    # stated figures (never presented as said); "reference" for a row of a reference table.
    origin: str = "article"
    column: int = 0  # 1-based column of the figure in its line (0: not from an article)
    quote_start: int = -1  # where ``text`` starts inside ``quote`` (-1: not known)
    # how the value was restated in another currency ("at 7.19 CNY per USD (2024
    # average)": see recheck.exchange); "" when it is in the currency it was stated in
    exchange: str = ""

    @property
    def entity(self) -> str | None:
        return self.frame.entity

    @property
    def metric(self) -> str | None:
        return self.frame.metric

    @property
    def period(self) -> str | None:
        return self.frame.period

    def interval(self) -> tuple[float, float]:
        """The range of values the claim admits: its bounds widened by stated precision.

        An exact figure admits ``value ± precision``; "over 45,000" admits 45,000 and
        up; "under 5,000" admits anything up to 5,000; "about 90%" admits its bounds.
        """
        if self.lower is None and self.upper is None:
            lo = hi = self.value
        else:
            lo = self.lower if self.lower is not None else float("-inf")
            hi = self.upper if self.upper is not None else float("inf")
        return (lo - self.precision, hi + self.precision)

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "quote": self.quote,
            "quote_start": self.quote_start,
            "text": self.text,
            "entity": self.frame.entity,
            "metric": self.frame.metric,
            "change_of": self.frame.change_of,
            "period": self.frame.period,
            "modality": self.frame.modality,
            "value": self.value,
            "unit": self.unit,
            "lower": self.lower,
            "upper": self.upper,
            "precision": self.precision,
            "hedge": self.hedge,
            "written_value": self.written_value,
            "written_unit": self.written_unit,
            "article": {
                "title": self.article_title,
                "date": self.article_date,
                "outlet": self.outlet,
                "source": self.source_id,
            },
            "evidence": {
                "entity": self.frame.entity_word,
                "metric": self.frame.metric_word,
                "period": self.frame.period_word,
                "exchange": self.exchange,
            },
            "origin": self.origin,
        }


@dataclass(frozen=True)
class Selector:
    """Which claims a rule looks at; ``None`` means any."""

    entity: str | None = None
    metric: str | None = None
    dimension: str | None = None  # a pint dimensionality such as "[mass]"


@dataclass(frozen=True)
class Tolerance:
    """How far apart two claims may be before they disagree.

    ``kind`` is "absolute" (``amount`` in ``unit``) or "relative" (``amount`` is a
    fraction of the smaller magnitude).
    """

    kind: str
    amount: float
    unit: str = ""


@dataclass(frozen=True)
class Example:
    """A rule example: claims (as small dicts) and whether the rule must flag them."""

    claims: tuple[tuple[tuple[str, Any], ...], ...]
    flags: bool


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    kind: str
    select: Selector
    tolerances: tuple[tuple[str, Tolerance], ...]  # (value kind or "default", tolerance)
    periods: str  # "same" | "any"
    severity: str  # "low" | "medium" | "high"
    description: str
    path: str
    max_yearly_ratio: float = 2.0  # for kind: growth
    examples: tuple[Example, ...] = ()
    # Kind-specific settings (see docs/rules.md). The vocabulary fills share_of, members
    # and change_words in when the rule loads, so that comparisons need no vocabulary.
    whole: str = "world"  # derived_total, part_whole: the entity that is the whole
    max_ratio: float = 3.0  # complement: the largest ratio between two complements
    decrease_words: str = ""  # change: a regex of the words that mark a fall
    comparison_words: str = ""  # change: a regex of the words that compare two parties
    change_words: str = ""  # change: a regex of the vocabulary's change cues
    share_of: tuple[tuple[str, str], ...] = ()  # (share metric, the metric it is a share of)
    members: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (aggregate entity, its members)

    def tolerance_for(self, value_kind: str) -> Tolerance:
        table = dict(self.tolerances)
        return table.get(value_kind) or table.get("default") or self.tolerances[0][1]

    @property
    def is_catch_all(self) -> bool:
        """A rule that selects no entity and no metric compares everything."""
        return self.select.entity is None and self.select.metric is None


SEVERITIES = ("low", "medium", "high")
# What a reviewer has made of a contradiction. "new" and "expired" fail a run.
STATUSES = ("new", "known", "acknowledged", "expired")
FAILING_STATUSES = frozenset({"new", "expired"})


@dataclass(frozen=True)
class Acknowledgement:
    """An editor's record that a contradiction was reviewed and may stand."""

    fingerprint: str
    reason: str
    by: str
    date: str  # ISO date the entry was recorded
    expires: str | None = None  # ISO date after which the contradiction fails again

    def to_record(self) -> dict[str, Any]:
        record = {"fingerprint": self.fingerprint, "reason": self.reason, "by": self.by}
        record["date"] = self.date
        if self.expires:
            record["expires"] = self.expires
        return record


@dataclass(frozen=True)
class Contradiction:
    fingerprint: str
    rule: str
    rule_title: str
    severity: str
    score: float
    rank: int
    entity: str | None
    metric: str | None
    period: str | None
    unit: str
    gap: float  # the distance between the furthest-apart intervals, in ``unit``
    summary: str
    claims: tuple[Claim, ...]
    # The arithmetic behind a finding on derived figures, one step a line.
    derivation: tuple[str, ...] = ()
    status: str = "new"  # one of STATUSES, set by recheck.triage
    acknowledgement: Acknowledgement | None = None

    @property
    def fails(self) -> bool:
        return self.status in FAILING_STATUSES

    def to_record(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "rule_title": self.rule_title,
            "rank": self.rank,
            "score": self.score,
            "severity": self.severity,
            "summary": self.summary,
            "entity": self.entity,
            "metric": self.metric,
            "period": self.period,
            "unit": self.unit,
            "gap": self.gap,
            "status": self.status,
            "acknowledgement": self.acknowledgement.to_record() if self.acknowledgement else None,
            "derivation": list(self.derivation),
            "claims": [c.to_record() for c in self.claims],
        }


@dataclass(frozen=True)
class Skipped:
    """An input that was not audited, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Stale:
    """A baseline or acknowledgement entry that matches no contradiction any more."""

    fingerprint: str
    source: str  # "baseline" or "acknowledgements"
    note: str = ""  # the entry's summary or reason, for the reviewer


@dataclass(frozen=True)
class Report:
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]
    rules: tuple[Rule, ...] = ()
    skipped: tuple[Skipped, ...] = field(default=())
    stale: tuple[Stale, ...] = ()
    fail_on: str = "low"  # the lowest severity that fails the run
    baselined: bool = False  # audited against a baseline

    @property
    def failing(self) -> tuple[Contradiction, ...]:
        """The contradictions that fail the run: new or expired, at or above ``fail_on``."""
        floor = SEVERITIES.index(self.fail_on)
        return tuple(
            c for c in self.contradictions if c.fails and SEVERITIES.index(c.severity) >= floor
        )

    def counts(self) -> dict[str, int]:
        counts = {status: 0 for status in STATUSES}
        for c in self.contradictions:
            counts[c.status] = counts.get(c.status, 0) + 1
        return {
            "claims": len(self.claims),
            "contradictions": len(self.contradictions),
            "failing": len(self.failing),
            **counts,
            "skipped": len(self.skipped),
            "stale": len(self.stale),
        }

    def to_record(self, *, claims: bool = True) -> dict[str, Any]:
        """The report as plain data. ``claims=False`` leaves the claims' records out (the
        key stays, holding ``None``), for writers that stream them one at a time."""
        return {
            "summary": {**self.counts(), "fail_on": self.fail_on, "baseline": self.baselined},
            "contradictions": [c.to_record() for c in self.contradictions],
            "claims": [c.to_record() for c in self.claims] if claims else None,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "stale": [
                {"fingerprint": s.fingerprint, "source": s.source, "note": s.note}
                for s in self.stale
            ],
        }
