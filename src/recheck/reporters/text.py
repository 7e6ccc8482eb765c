"""The terminal report: a ranked conflict table drawn with rich.

Article text goes into rich ``Text`` objects, never into markup, so brackets in an
article are shown as written; control characters are replaced before printing.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engine import format_number
from ..models import Claim, Contradiction, Report
from .common import (
    SOURCES_PER_VALUE,
    by_value,
    excerpt,
    frame_label,
    location,
    primary,
    safe,
    split_quote,
    written,
)

__all__ = ["excerpt", "render_audit", "render_claims", "safe"]

_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
# The conflict table shows the most severe contradictions in full; each one after them
# gets one line (the HTML, JSON and SARIF reports show every one in full). A table of
# thousands of rows is unreadable in a terminal, and slow to draw.
TABLE_ROWS = 50


def _console(color: bool, width: int) -> tuple[Console, StringIO]:
    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    return console, buffer


def _value(claim: Claim, sources: int) -> Text:
    text = Text(safe(written(claim)), style="bold")
    text.append(f"  = {format_number(claim.value)} {claim.unit}", style="dim")
    if sources > 1:
        text.append(f"  ({sources} sources)", style="dim")
    return text


def _sources(claims: tuple[Claim, ...]) -> Text:
    """The first sources of one value, and how many more state it."""
    text = Text("\n").join(_source(claim) for claim in claims[:SOURCES_PER_VALUE])
    more = len(claims) - SOURCES_PER_VALUE
    if more > 0:
        text.append(f"\n… and {more} more source(s) with this value", style="dim italic")
    return text


def _source(claim: Claim, limit: int = 90) -> Text:
    text = Text(f"{claim.path}:{claim.line}", style="cyan")
    if claim.article_date:
        text.append(f" ({claim.article_date})", style="dim")
    before, figure, after = (safe(part) for part in split_quote(claim, limit))
    text.append("\n")
    text.append(before)
    text.append(figure, style="bold reverse")
    text.append(after)
    return text


def _table(title: str, contradictions: tuple[Contradiction, ...]) -> Table:
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Rule", no_wrap=True)
    table.add_column("Subject · metric · period", ratio=2)
    table.add_column("Values (as written = normalised)", ratio=2)
    table.add_column("Sources (file:line, quote)", ratio=5)
    for c in contradictions:
        rule = Text(c.rule, style=_SEVERITY_STYLE.get(c.severity, ""))
        rule.append(f"\n{c.severity}", style="dim")
        if c.status == "expired" and c.acknowledgement:
            rule.append(f"\nacknowledgement expired {c.acknowledgement.expires}", style="red")
        distinct = by_value(c.claims)
        values = Text("\n").join(_value(first, len(group)) for first, group in distinct)
        sources = Text("\n").join(_sources(group) for _, group in distinct)
        subject = Text(frame_label(c))
        subject.append("\n" + safe(c.summary), style="dim")
        if c.derivation:  # the summary states the arithmetic; explain shows every step
            hint = f"\narithmetic: recheck explain {c.fingerprint[:8]} …"
            subject.append(hint, style="dim italic")
        table.add_row(str(c.rank), f"{c.score:.1f}", rule, subject, values, sources)
    return table


def _line(c: Contradiction) -> Text:
    """One contradiction on one line: rank, score, rule, frame, values, first source."""
    line = Text(f"  #{c.rank} {c.score:.1f} ")
    line.append(c.rule, style=_SEVERITY_STYLE.get(c.severity, ""))
    line.append(f" {frame_label(c)}: {safe(c.summary)}")
    line.append(f" ({safe(location(primary(c)[0]))})", style="cyan")
    return line


def render_audit(report: Report, *, color: bool = False, width: int = 160, **_: Any) -> str:
    console, buffer = _console(color, width)
    open_ = tuple(c for c in report.contradictions if c.fails)
    label = "new contradiction" if report.baselined else "contradiction"
    if open_:
        title = f"{len(open_)} {label}(s) among {len(report.claims)} claims"
        console.print(_table(title, open_[:TABLE_ROWS]))
        rest = open_[TABLE_ROWS:]
        if rest:
            console.print(
                f"{len(rest)} more {label}(s), one line each "
                "(--format html or json shows them in full):"
            )
        for c in rest:
            console.print(_line(c))
    else:
        console.print(f"No {label}s among {len(report.claims)} claims.")
    for status, heading in (
        ("known", "known contradiction(s) are in the baseline"),
        ("acknowledged", "contradiction(s) are acknowledged"),
    ):
        reviewed = [c for c in report.contradictions if c.status == status]
        if reviewed:
            console.print(f"{len(reviewed)} {heading}:")
        for c in reviewed:
            line = Text(f"  #{c.rank} {c.fingerprint} {c.rule} ", style="dim")
            line.append(safe(c.summary))
            if c.acknowledgement is not None:
                ack = c.acknowledgement
                until = f", until {ack.expires}" if ack.expires else ""
                line.append(f" — {safe(ack.reason)} ({safe(ack.by)}, {ack.date}{until})")
            console.print(line)
    for stale in report.stale:
        line = Text(f"stale {stale.source} entry {stale.fingerprint}: matches nothing now")
        if stale.note:
            line.append(f" ({safe(stale.note)})")
        console.print(line, style="yellow")
    for skipped in report.skipped:
        console.print(Text(f"skipped {safe(skipped.path)}: {skipped.reason}", style="yellow"))
    failing = len(report.failing)
    verdict = f"{failing} fail(s) the run" if failing else "nothing fails the run"
    console.print(
        Text(
            f"{len(report.contradictions)} contradiction(s), {verdict} "
            f"(--fail-on {report.fail_on}); {len(report.claims)} claims; "
            f"{len(report.skipped)} file(s) skipped",
            style="bold" if failing else "green",
        )
    )
    return buffer.getvalue()


def render_claims(report: Report, *, color: bool = False, width: int = 160, **_: Any) -> str:
    console, buffer = _console(color, width)
    table = Table(title=f"{len(report.claims)} claims", expand=True)
    for name in ("Location", "Entity", "Metric", "Period", "Modality", "As written", "Value"):
        table.add_column(name)
    table.add_column("Quote", ratio=3)
    for claim in report.claims:
        quote = safe(claim.quote)
        table.add_row(
            f"{claim.path}:{claim.line}",
            claim.entity or "",
            claim.metric or "",
            claim.period or "",
            claim.frame.modality,
            Text(safe(claim.text)),
            f"{format_number(claim.value)} {claim.unit}",
            Text(quote if len(quote) <= 80 else quote[:79] + "…"),
        )
    console.print(table)
    return buffer.getvalue()
