"""Run a rule's examples: each example lists claims and says whether the rule flags them.

The examples in a rule file are its documentation and its tests at once; the test suite
runs every example of every rule through :func:`check_example`.
"""

from __future__ import annotations

from typing import Any

from .engine import run_rules
from .models import Claim, Example, Frame, Rule
from .units import canonical_figure


def example_claims(example: Example) -> list[Claim]:
    """Build claims from an example's small mappings, normalised like real claims.

    Claims with the same ``source`` and ``line`` were stated in one sentence: they share
    its ``quote`` (given on any of them), and each ``text`` is found in it in order."""
    specs: list[dict[str, Any]] = [dict(items) for items in example.claims]
    quotes: dict[tuple[str, int], str] = {}
    for n, spec in enumerate(specs):
        where = (str(spec.get("source", f"example-{n}")), int(spec.get("line", n + 1)))
        if "quote" in spec:
            quotes.setdefault(where, str(spec["quote"]))
    claims = []
    found_at: dict[tuple[str, int], int] = {}
    for n, spec in enumerate(specs):
        unit = str(spec["unit"])
        optional = {
            k: None if spec.get(k) is None else float(spec[k])
            for k in ("lower", "upper", "precision")
        }
        value, lower, upper, precision, canonical_unit = canonical_figure(
            float(spec["value"]), unit, optional["lower"], optional["upper"], optional["precision"]
        )
        frame = Frame(
            entity=spec.get("entity"),
            metric=spec.get("metric"),
            period=str(spec.get("period", "current")),
            modality=str(spec.get("modality", "actual")),
            change_of=spec.get("change_of"),
        )
        source = str(spec.get("source", f"example-{n}"))
        line = int(spec.get("line", n + 1))
        text = str(spec.get("text", f"{spec['value']} {unit}"))
        quote = quotes.get((source, line), f"example claim {n}")
        at = quote.find(text, found_at.get((source, line), 0))
        column = at + 1 if at >= 0 else n + 1
        found_at[(source, line)] = at + len(text) if at >= 0 else 0
        claims.append(
            Claim(
                id=f"{source}:{line}:{column}",
                path=source,
                line=line,
                quote=quote,
                text=text,
                frame=frame,
                value=value,
                unit=canonical_unit,
                lower=lower,
                upper=upper,
                precision=precision,
                hedge=str(spec.get("hedge", "")),
                written_value=float(spec["value"]),
                written_unit=unit,
                article_title=str(spec.get("title", source)),
                article_date=None if spec.get("date") is None else str(spec["date"]),
                outlet=str(spec.get("outlet", "")),
                source_id=source,
                origin=str(spec.get("origin", "article")),
                column=column,
                quote_start=at,
            )
        )
    return claims


def check_example(rule: Rule, example: Example) -> bool:
    """True when the rule does what the example says (flags it, or lets it pass)."""
    flagged = bool(run_rules(example_claims(example), [rule]))
    return flagged == example.flags
