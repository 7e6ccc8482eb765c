"""The terminal report: a ranked conflict table drawn with rich.

Article text goes into rich ``Text`` objects, never into markup, so brackets in an
article are shown as written; control characters are replaced before printing.
"""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engine import format_number
from ..models import Claim, Report

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


def safe(text: str) -> str:
    """Text with terminal control characters (ESC, bidi overrides ...) made visible."""
    return _CONTROL.sub("\ufffd", text)


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


def _frame(entity: str | None, metric: str | None, period: str | None) -> str:
    return " · ".join(x or "?" for x in (entity, metric, period))


def _value(claim: Claim) -> Text:
    written = f"{claim.hedge} {claim.text}".strip() if claim.hedge else claim.text
    text = Text(safe(written), style="bold")
    text.append(f"  = {format_number(claim.value)} {claim.unit}", style="dim")
    return text


def excerpt(quote: str, figure: str, limit: int = 90) -> str:
    """At most ``limit`` characters of ``quote``, centred on ``figure`` when it is long."""
    if len(quote) <= limit:
        return quote
    at = max(quote.find(figure), 0)
    start = max(0, min(at - (limit - len(figure)) // 2, len(quote) - limit))
    piece = quote[start : start + limit]
    return ("…" if start else "") + piece + ("…" if start + limit < len(quote) else "")


def _source(claim: Claim, limit: int = 90) -> Text:
    text = Text(f"{claim.path}:{claim.line}", style="cyan")
    if claim.article_date:
        text.append(f" ({claim.article_date})", style="dim")
    quote = safe(excerpt(claim.quote, claim.text, limit))
    at = quote.find(claim.text)
    text.append("\n")
    if at < 0:
        text.append(quote)
    else:
        text.append(quote[:at])
        text.append(quote[at : at + len(claim.text)], style="bold reverse")
        text.append(quote[at + len(claim.text) :])
    return text


def render_audit(report: Report, *, color: bool = False, width: int = 160, **_: Any) -> str:
    console, buffer = _console(color, width)
    shown = report.contradictions
    label = "contradiction"
    if report.baseline is not None:
        new = set(report.baseline.new)
        shown = tuple(c for c in shown if c.fingerprint in new)
        label = "new contradiction"
    if not shown:
        console.print(f"No {label}s among {len(report.claims)} claims.")
    else:
        table = Table(
            title=f"{len(shown)} {label}(s) among {len(report.claims)} claims",
            show_lines=True,
            expand=True,
        )
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("Score", justify="right", no_wrap=True)
        table.add_column("Rule", no_wrap=True)
        table.add_column("Subject · metric · period", ratio=2)
        table.add_column("Values (as written = normalised)", ratio=2)
        table.add_column("Sources (file:line, quote)", ratio=5)
        for c in shown:
            rule = Text(c.rule, style=_SEVERITY_STYLE.get(c.severity, ""))
            rule.append(f"\n{c.severity}", style="dim")
            values = Text("\n").join(_value(claim) for claim in c.claims)
            sources = Text("\n").join(_source(claim) for claim in c.claims)
            subject = Text(_frame(c.entity, c.metric, c.period))
            subject.append("\n" + safe(c.summary), style="dim")
            table.add_row(str(c.rank), f"{c.score:.1f}", rule, subject, values, sources)
        console.print(table)
    if report.baseline is not None:
        if report.baseline.known:
            console.print(
                f"{len(report.baseline.known)} known contradiction(s) are in the "
                f"baseline: {', '.join(report.baseline.known)}"
            )
        if report.baseline.stale:
            console.print(
                f"{len(report.baseline.stale)} baseline entr(ies) no longer occur: "
                f"{', '.join(report.baseline.stale)}",
                style="yellow",
            )
    for skipped in report.skipped:
        console.print(Text(f"skipped {safe(skipped.path)}: {skipped.reason}", style="yellow"))
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
