"""CSV tables of contradictions and of claims, built with pandas."""

from __future__ import annotations

from typing import Any

from ..models import Report
from .common import review_note

CLAIM_COLUMNS = [
    "id",
    "path",
    "line",
    "entity",
    "metric",
    "period",
    "modality",
    "text",
    "value",
    "unit",
    "lower",
    "upper",
    "hedge",
    "quote",
]
CONTRADICTION_COLUMNS = [
    "rank",
    "score",
    "severity",
    "status",
    "rule",
    "entity",
    "metric",
    "period",
    "unit",
    "gap",
    "summary",
    "fingerprint",
    "claims",
    "review",
]


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: Any) -> Any:
    """Article text that a spreadsheet would read as a formula, prefixed with ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    import pandas as pd  # imported only when a table is asked for

    frame = pd.DataFrame(
        [{k: _inert(row.get(k)) for k in columns} for row in rows], columns=columns
    )
    return str(frame.to_csv(index=False, lineterminator="\n"))


def render_audit(report: Report, **_: Any) -> str:
    rows = []
    for c in report.contradictions:
        record = c.to_record()
        record["claims"] = " ".join(claim["id"] for claim in record["claims"])
        record["review"] = review_note(c)  # who acknowledged it, why, until when
        rows.append(record)
    return _csv(rows, CONTRADICTION_COLUMNS)


def render_claims(report: Report, **_: Any) -> str:
    return _csv([c.to_record() for c in report.claims], CLAIM_COLUMNS)
