"""Baselines: record today's contradictions so that CI fails only on new ones.

A baseline is sorted, stable JSON (one entry per fingerprint, with the rule and summary
for the reviewer), so that its diffs are reviewable. Fingerprints do not depend on line
numbers, file names or file order, so edits elsewhere in a file keep a finding known.
"""

from __future__ import annotations

import json
from pathlib import Path

from .atomic import write_atomic
from .errors import InputError
from .models import Report

FORMAT_VERSION = 1


def render(report: Report) -> str:
    entries = sorted(
        (
            {"fingerprint": c.fingerprint, "rule": c.rule, "summary": c.summary}
            for c in report.contradictions
        ),
        key=lambda e: e["fingerprint"],
    )
    data = {"recheck_baseline": FORMAT_VERSION, "contradictions": entries}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(report: Report, path: Path) -> None:
    write_atomic(path, render(report))


def read(path: Path) -> dict[str, str]:
    """The fingerprints recorded in a baseline file, each with its recorded summary."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a recheck baseline ({exc})") from None
    entries = data.get("contradictions") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("recheck_baseline") != FORMAT_VERSION:
        raise InputError(f"{path}: not a recheck baseline (format {FORMAT_VERSION})")
    try:
        return {str(e["fingerprint"]): str(e.get("summary", "")) for e in entries}
    except (TypeError, KeyError, AttributeError):
        raise InputError(f"{path}: baseline entry without a fingerprint") from None
