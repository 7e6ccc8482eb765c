"""GitHub Actions workflow commands: one annotation per open finding.

``::error file=PATH,line=N,col=C,title=…::message`` for each new or expired contradiction
(error for high severity, warning for medium, notice for low), anchored at the first
figure a source stated. Property values and message data are escaped as the runner
expects (``%``, CR and LF everywhere; ``:`` and ``,`` in properties too), and article text
never brings a line break of its own, so it cannot start a command.

GitHub shows at most 10 annotations of each level per step and 50 per job: every
annotation is printed anyway and, when some may be hidden, one ``::notice::`` line comes
first with the totals and where the full list is. Known and acknowledged findings are
not annotated; they are counted in a notice.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..models import Contradiction, Report
from .common import (
    column,
    excerpt,
    frame_label,
    is_article,
    location,
    one_line,
    primary,
    safe,
)

LEVELS = {"high": "error", "medium": "warning", "low": "notice"}
PER_STEP = 10  # annotations of one level GitHub shows for a step
PER_JOB = 50  # annotations GitHub shows for a job
QUOTE_LIMIT = 120


def escape_data(text: str) -> str:
    """A message, escaped as the Actions runner un-escapes it."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return safe(escaped)  # no other control character reaches the log


def escape_property(text: str) -> str:
    """A property value (file, title ...), escaped as the Actions runner un-escapes it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, message: str, **properties: Any) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None and value != ""
    )
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(c: Contradiction) -> str:
    first, _ = primary(c)
    anchored = is_article(first)
    lines = [f"{one_line(c.summary)} ({frame_label(c)}; score {c.score:.1f}, rank {c.rank})"]
    for claim in c.claims:
        quote = one_line(excerpt(claim.quote, claim.text, QUOTE_LIMIT))
        lines.append(f"{location(claim)}: “{quote}”" if is_article(claim) else location(claim))
    for step in c.derivation:
        lines.append(f"derived by recheck: {one_line(step)}")
    if c.status == "expired" and c.acknowledgement is not None:
        lines.append(f"acknowledgement expired on {c.acknowledgement.expires}")
    lines.append(f"fingerprint {c.fingerprint}")
    return _command(
        LEVELS.get(c.severity, "warning"),
        "\n".join(lines),
        file=first.path if anchored else None,
        line=first.line if anchored else None,
        col=column(first) if anchored else None,
        title=f"{c.rule} {c.severity}: {one_line(c.rule_title)}",
    )


def render_audit(report: Report, **_: Any) -> str:
    open_ = [c for c in report.contradictions if c.fails]
    reviewed = Counter(c.status for c in report.contradictions if not c.fails)
    per_level = Counter(LEVELS.get(c.severity, "warning") for c in open_)
    lines = []
    over = {level: n for level, n in per_level.items() if n > PER_STEP}
    if over or len(open_) > PER_JOB:
        totals = ", ".join(
            f"{per_level[level]} {level}"
            for level in ("error", "warning", "notice")
            if per_level[level]
        )
        lines.append(
            _command(
                "notice",
                f"recheck: {len(open_)} annotations in all ({totals}). GitHub shows at most "
                f"{PER_STEP} of each level per step and {PER_JOB} per job, so some may be "
                "hidden here: every one is printed in this log, and the full list is in the "
                "SARIF and HTML reports (recheck audit -f sarif / -f html).",
                title="recheck: more findings than GitHub shows",
            )
        )
    if reviewed:
        counted = " and ".join(f"{n} {status}" for status, n in sorted(reviewed.items()))
        lines.append(
            _command(
                "notice",
                f"recheck: {counted} contradiction(s) not annotated (they do not fail the "
                "run); see the SARIF or HTML report.",
            )
        )
    lines += [_annotation(c) for c in open_]
    return "".join(line + "\n" for line in lines)
