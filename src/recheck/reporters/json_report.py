"""The machine-readable report: stable, sorted, byte-identical for the same inputs."""

from __future__ import annotations

import json
import math
from typing import Any

from .. import __version__
from ..models import Report


def _clean(value: Any) -> Any:
    """JSON has no infinity or NaN: write them as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def render_audit(report: Report, **_: Any) -> str:
    record = {"tool": {"name": "recheck", "version": __version__}, **report.to_record()}
    return json.dumps(_clean(record), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def render_claims(report: Report, **_: Any) -> str:
    claims = [c.to_record() for c in report.claims]
    return (
        json.dumps(_clean({"claims": claims}), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    )
