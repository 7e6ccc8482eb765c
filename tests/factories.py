"""Small builders the tests share: claims from the mappings a rule example uses."""

from __future__ import annotations

from recheck.examples import example_claims
from recheck.models import Claim, Example


def claims(*specs: dict) -> list[Claim]:
    """Claims built from ``{entity, metric, value, unit, …}`` mappings, normalised like
    real claims (see :func:`recheck.examples.example_claims`)."""
    return example_claims(Example(tuple(tuple(sorted(s.items())) for s in specs), True))
