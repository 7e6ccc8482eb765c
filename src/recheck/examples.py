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
    """Build claims from an example's small mappings, normalised like real claims."""
    claims = []
    for n, items in enumerate(example.claims):
        spec: dict[str, Any] = dict(items)
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
        )
        source = str(spec.get("source", f"example-{n}"))
        claims.append(
            Claim(
                id=f"{source}:{n + 1}:1",
                path=source,
                line=n + 1,
                quote=f"example claim {n}",
                text=f"{spec['value']} {unit}",
                frame=frame,
                value=value,
                unit=canonical_unit,
                lower=lower,
                upper=upper,
                precision=precision,
                hedge="",
                written_value=float(spec["value"]),
                written_unit=unit,
                article_title=source,
                article_date=None,
                outlet="",
                source_id=source,
            )
        )
    return claims


def check_example(rule: Rule, example: Example) -> bool:
    """True when the rule does what the example says (flags it, or lets it pass)."""
    flagged = bool(run_rules(example_claims(example), [rule]))
    return flagged == example.flags
