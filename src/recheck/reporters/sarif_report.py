"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; one result per contradiction, located at the first figure a source stated
(figures recheck derived, or read from a reference table, have no place in an article:
they are only related locations). Results carry ``partialFingerprints`` so that code
scanning follows a finding across runs, ``baselineState`` when the audit had a baseline,
and an ``external`` suppression with the editor's reason when it was acknowledged.
Skipped files and stale entries are tool notifications. No timestamps: the same inputs
give byte-identical output.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..models import Claim, Contradiction, Report, Rule
from .common import (
    DERIVED_NOTE,
    column,
    excerpt,
    frame_label,
    is_article,
    location,
    normalised,
    one_line,
    primary,
    written,
)

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "recheckFingerprint/v1"
LEVELS = {"high": "error", "medium": "warning", "low": "note"}
QUOTE_LIMIT = 200


def uri(path: str) -> str:
    """A file's path as a URI reference: relative with forward slashes, or file:///."""
    posix = path.replace(os.sep, "/")
    drive = PureWindowsPath(path).drive if os.sep == "\\" else ""
    if drive or posix.startswith("/"):
        return "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")
    return quote(posix, safe="/")


def message(text: str) -> dict[str, str]:
    """A plain-text SARIF message. Square brackets are escaped (SARIF 3.11.6), so that
    "[text](https://…)" in an article is not an embedded link in a viewer."""
    flat = one_line(text)
    flat = re.sub(r"\\(?=[\[\]])", r"\\\\", flat)
    return {"text": re.sub(r"([\[\]])", r"\\\1", flat)}


def _rule_name(rule_id: str, title: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]", "", title))
    return "".join(w[:1].upper() + w[1:] for w in words) or rule_id


def _rules(report: Report) -> list[dict[str, Any]]:
    known: dict[str, Rule | Contradiction] = {r.id: r for r in report.rules}
    for c in report.contradictions:  # a finding whose rule is not loaded still has one
        known.setdefault(c.rule, c)
    descriptors = []
    for rule_id in sorted(known):
        source = known[rule_id]
        if isinstance(source, Rule):
            title, severity, text = source.title, source.severity, source.description
            props: dict[str, Any] = {"kind": source.kind, "tags": ["recheck", source.kind]}
        else:
            title, severity, text = source.rule_title, source.severity, source.rule_title
            props = {"tags": ["recheck"]}
        descriptors.append(
            {
                "id": rule_id,
                "name": _rule_name(rule_id, title),
                "shortDescription": {"text": one_line(title) or rule_id},
                "fullDescription": {"text": one_line(text) or one_line(title) or rule_id},
                "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
                "properties": {**props, "severity": severity},
            }
        )
    return descriptors


def _physical(claim: Claim) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(claim.line, 1)}
    col = column(claim)
    if col is not None:
        region["startColumn"] = col
    return {"artifactLocation": {"uri": uri(claim.path)}, "region": region}


def _quote(claim: Claim) -> str:
    return one_line(excerpt(claim.quote, claim.text, QUOTE_LIMIT))


def _location(claim: Claim, ident: int | None = None, *, physical: bool) -> dict[str, Any]:
    said = f"{written(claim)} = {normalised(claim)}"
    if is_article(claim):
        text = f"{said}: “{_quote(claim)}”"
    else:
        note = f"; {DERIVED_NOTE}" if claim.origin == "derived" else ""
        text = f"{said} ({location(claim)}{note})"
    loc: dict[str, Any] = {} if ident is None else {"id": ident}
    if physical and claim.path:
        loc["physicalLocation"] = _physical(claim)
    loc["message"] = message(text)
    return loc


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _result(c: Contradiction, rule_index: dict[str, int], baselined: bool) -> dict[str, Any]:
    first, others = primary(c)
    # The first figure a source stated; a derived or reference figure only when there
    # is no such figure at all.
    main = _location(first, physical=True)
    sources = ", ".join(location(claim) for claim in c.claims)
    result: dict[str, Any] = {
        "ruleId": c.rule,
        "ruleIndex": rule_index[c.rule],
        "level": LEVELS.get(c.severity, "warning"),
        "message": message(f"{c.summary} — {frame_label(c)} ({sources})"),
        "locations": [main],
        "relatedLocations": [
            _location(claim, n, physical=is_article(claim))
            for n, claim in enumerate(others, start=1)
        ],
        "partialFingerprints": {FINGERPRINT_KEY: c.fingerprint},
    }
    if baselined and c.status in ("new", "known"):
        result["baselineState"] = "unchanged" if c.status == "known" else "new"
    ack = c.acknowledgement
    if c.status == "acknowledged" and ack is not None:
        until = f", until {ack.expires}" if ack.expires else ""
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": one_line(f"{ack.reason} ({ack.by}, {ack.date}{until})"),
            }
        ]
    properties: dict[str, Any] = {
        "rank": c.rank,
        "score": c.score,
        "severity": c.severity,
        "status": c.status,
        "entity": c.entity,
        "metric": c.metric,
        "period": c.period,
        "unit": c.unit,
        "gap": _finite(c.gap),
    }
    if c.derivation:
        properties["derivation"] = [one_line(step) for step in c.derivation]
        properties["derivationNote"] = DERIVED_NOTE
    if ack is not None:
        properties["acknowledgement"] = ack.to_record()
    result["properties"] = properties
    return result


def _notifications(report: Report) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = [
        {
            "level": "warning",
            "message": message(f"skipped {s.path}: {s.reason}"),
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(s.path)}}}],
            "descriptor": {"id": "skipped-file"},
        }
        for s in report.skipped
    ]
    notes += [
        {
            "level": "note",
            "message": message(
                f"stale {s.source} entry {s.fingerprint}: it matches no contradiction now"
                + (f" ({s.note})" if s.note else "")
            ),
            "descriptor": {"id": "stale-entry"},
            "properties": {"fingerprint": s.fingerprint, "source": s.source},
        }
        for s in report.stale
    ]
    return notes


def render_audit(report: Report, **_: Any) -> str:
    rules = _rules(report)
    rule_index = {rule["id"]: n for n, rule in enumerate(rules)}
    summary = {**report.counts(), "fail_on": report.fail_on, "baseline": report.baselined}
    run = {
        "tool": {
            "driver": {
                "name": "recheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": _notifications(report),
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": [_result(c, rule_index, report.baselined) for c in report.contradictions],
        "properties": {"summary": summary},
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
