"""What the report formats share: safe text, labels, locations and statuses.

Every format reads the same Report objects (and their ``to_record()``), and the
explanation of each finding (why its claims were compared, each conversion) comes from
``recheck.explain.describe``, so no format knows something another does not.
"""

from __future__ import annotations

import re

from ..compare import format_bound as number
from ..models import Claim, Contradiction

# Terminal control characters and bidi overrides: never copied into any report.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")

ORIGIN_LABEL = {"derived": "derived by recheck", "reference": "reference table"}
DERIVED_NOTE = "derived by recheck, not stated by any source"


def safe(text: str) -> str:
    """Text with control characters (ESC, bidi overrides ...) made visible as U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def one_line(text: str) -> str:
    """``safe`` text with every run of whitespace (newlines too) made one space."""
    return _SPACE.sub(" ", safe(text)).strip()


def excerpt(quote: str, figure: str, limit: int = 90) -> str:
    """At most ``limit`` characters of ``quote``, centred on ``figure`` when it is long."""
    return "".join(_cut(quote, max(quote.find(figure), 0), figure, limit))


def split_quote(claim: Claim, limit: int = 90) -> tuple[str, str, str]:
    """The claim's quote cut to about ``limit`` characters around its figure, as
    (before, figure, after). The figure is found where the claim says it is, so that a
    figure written twice in one sentence is marked at the right place."""
    quote, figure = claim.quote, claim.text
    at = claim.quote_start
    if not figure or at < 0 or quote[at : at + len(figure)] != figure:
        at = quote.find(figure) if figure else -1
    if at < 0:
        return ("".join(_cut(quote, 0, "", limit)), "", "")
    return _cut(quote, at, figure, limit)


def _cut(quote: str, at: int, figure: str, limit: int) -> tuple[str, str, str]:
    end = at + len(figure)
    start, stop = 0, len(quote)
    if len(quote) > limit:
        start = max(0, min(at - max(limit - len(figure), 0) // 2, len(quote) - limit))
        stop = min(len(quote), max(start + limit, end))
    return (
        ("…" if start else "") + quote[start:at],
        quote[at:end],
        quote[end:stop] + ("…" if stop < len(quote) else ""),
    )


def frame_label(c: Contradiction) -> str:
    return " · ".join(x or "?" for x in (c.entity, c.metric, c.period))


def written(claim: Claim) -> str:
    """The figure as the source wrote it, with its hedge: ``over 45,000 metric tons``."""
    return f"{claim.hedge} {claim.text}".strip() if claim.hedge else claim.text


def normalised(claim: Claim) -> str:
    """The value compared: ``400,000 CNY / t``, and the rate it was converted at."""
    value = f"{number(claim.value)} {claim.unit}"
    return f"{value} ({claim.exchange})" if claim.exchange else value


# A conflict table shows this many sources for each distinct value; the JSON, SARIF
# and HTML reports list them all.
SOURCES_PER_VALUE = 2


def by_value(claims: tuple[Claim, ...]) -> list[tuple[Claim, tuple[Claim, ...]]]:
    """The claims grouped by the value as written and as normalised, in their order:
    (the first claim, every claim) per distinct value. A consensus stated by a hundred
    articles is one value with a hundred sources, not a hundred rows."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((written(claim), normalised(claim)), []).append(claim)
    return [(group[0], tuple(group)) for group in groups.values()]


def is_article(claim: Claim) -> bool:
    return claim.origin == "article"


def location(claim: Claim) -> str:
    """``path:line`` for a figure a source stated; what it is for any other."""
    if is_article(claim):
        return f"{claim.path}:{claim.line}"
    label = ORIGIN_LABEL.get(claim.origin, claim.origin)
    return f"{label} ({claim.path})" if claim.path else label


def column(claim: Claim) -> int | None:
    """The 1-based column of the figure in its line, when it comes from an article."""
    return claim.column if claim.column >= 1 else None


def primary(c: Contradiction) -> tuple[Claim, tuple[Claim, ...]]:
    """The claim a finding is anchored on (the first a source stated) and the others."""
    for n, claim in enumerate(c.claims):
        if is_article(claim):
            return claim, c.claims[:n] + c.claims[n + 1 :]
    return c.claims[0], c.claims[1:]


def review_note(c: Contradiction) -> str:
    """What a reviewer made of the finding, in one line ("" for a new one)."""
    ack = c.acknowledgement
    if c.status == "known":
        return "known: recorded in the baseline"
    if ack is None:
        return ""
    if c.status == "expired":
        return (
            f"acknowledgement expired on {ack.expires}: {ack.reason}"
            f" ({ack.by}, {ack.date}); it fails the run again"
        )
    until = f", until {ack.expires}" if ack.expires else ""
    return f"acknowledged by {ack.by} on {ack.date}{until}: {ack.reason}"
