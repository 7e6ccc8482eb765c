"""The machine-readable report: stable, sorted, byte-identical for the same inputs."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from .. import __version__
from ..models import Claim, Report


def _clean(value: Any) -> Any:
    """JSON has no infinity or NaN: write them as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _dumps(value: Any) -> str:
    return json.dumps(_clean(value), ensure_ascii=False, indent=2, allow_nan=False)


def _with_claims(head: dict[str, Any], claims: Iterable[Claim]) -> str:
    """``head`` serialised with its ``claims`` key holding ``claims``, each claim's record
    built and serialised on its own, so that a large corpus's records never all exist
    at once. The text is the same as serialising the whole record in one go."""
    # A top-level key is the only one indented by exactly two spaces, so this is unique.
    slot = '\n  "claims": null'
    text = _dumps({**head, "claims": None})
    pad = "\n    "
    items = [pad + _dumps(claim.to_record()).replace("\n", pad) for claim in claims]
    listing = "[" + ",".join(items) + "\n  ]" if items else "[]"
    return text.replace(slot, slot[: -len("null")] + listing, 1) + "\n"


def render_audit(report: Report, **_: Any) -> str:
    head = {"tool": {"name": "recheck", "version": __version__}, **report.to_record(claims=False)}
    return _with_claims(head, report.claims)


def render_claims(report: Report, **_: Any) -> str:
    return _with_claims({}, report.claims)
