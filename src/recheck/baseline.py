"""Baselines: record today's contradictions so that CI fails only on new ones.

A baseline is sorted, stable JSON (one entry per fingerprint, with the rule and summary
for the reviewer), so that its diffs are reviewable. Fingerprints do not depend on line
numbers, file names or file order, so edits elsewhere in a file keep a finding known.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomic
from .errors import InputError
from .models import Report

FORMAT_VERSION = 1


@dataclass(frozen=True)
class BaselineDiff:
    new: tuple[str, ...]  # fingerprints found now and not in the baseline
    known: tuple[str, ...]  # found now and in the baseline
    stale: tuple[str, ...]  # in the baseline, no longer found

    def to_record(self) -> dict[str, list[str]]:
        return {"new": list(self.new), "known": list(self.known), "stale": list(self.stale)}


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


def read(path: Path) -> frozenset[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a recheck baseline ({exc})") from None
    entries = data.get("contradictions") if isinstance(data, dict) else None
    if data.get("recheck_baseline") != FORMAT_VERSION or not isinstance(entries, list):
        raise InputError(f"{path}: not a recheck baseline (format {FORMAT_VERSION})")
    try:
        return frozenset(str(e["fingerprint"]) for e in entries)
    except (TypeError, KeyError):
        raise InputError(f"{path}: baseline entry without a fingerprint") from None


def diff(report: Report, baseline: frozenset[str]) -> BaselineDiff:
    found = [c.fingerprint for c in report.contradictions]
    return BaselineDiff(
        new=tuple(f for f in found if f not in baseline),
        known=tuple(f for f in found if f in baseline),
        stale=tuple(sorted(baseline - set(found))),
    )
