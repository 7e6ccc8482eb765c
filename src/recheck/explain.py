"""Why the claims of one contradiction were judged comparable, and the arithmetic.

``explain(report, fingerprint)`` returns a plain record: for each claim the words that
fixed its entity, metric and period, the value as written and its conversion to the
canonical unit, and the range the claim admits once precision and hedges are counted.
"""

from __future__ import annotations

from typing import Any

from .compare import admitted
from .compare import format_bound as _number
from .errors import RecheckError
from .models import Claim, Contradiction, Report


class UnknownFingerprint(RecheckError):
    """No contradiction, or more than one, has this fingerprint prefix."""


def find(report: Report, fingerprint: str) -> Contradiction:
    """The contradiction whose fingerprint starts with ``fingerprint`` (4+ characters)."""
    prefix = fingerprint.strip().lower()
    if len(prefix) < 4:
        raise UnknownFingerprint(f"fingerprint {fingerprint!r} is too short (give 4+ characters)")
    matches = [c for c in report.contradictions if c.fingerprint.startswith(prefix)]
    if not matches:
        raise UnknownFingerprint(f"no contradiction has fingerprint {fingerprint!r}")
    if len(matches) > 1:
        raise UnknownFingerprint(
            f"fingerprint {fingerprint!r} is ambiguous: "
            + ", ".join(c.fingerprint for c in matches)
        )
    return matches[0]


def _claim_record(claim: Claim) -> dict[str, Any]:
    lo, hi = admitted(claim)
    written = f"{_number(claim.written_value)} {claim.written_unit}"
    canonical = f"{_number(claim.value)} {claim.unit}"
    # "27万吨 = 270,000 t"; the middle step only when the unit was converted.
    conversion = f"{claim.text} = {written}" + (f" = {canonical}" if canonical != written else "")
    if claim.exchange:  # restated in another currency: "… = 55,632.8 USD / t (at 7.19 …)"
        conversion += f" ({claim.exchange})"
    return {
        "id": claim.id,
        "source": f"{claim.path}:{claim.line}",
        "article": claim.article_title,
        "date": claim.article_date,
        "quote": claim.quote,
        "as_written": claim.text,
        "hedge": claim.hedge,
        "conversion": conversion,
        "range": [lo, hi],
        "precision": claim.precision,
        "entity": [claim.entity, claim.frame.entity_word],
        "metric": [claim.metric, claim.frame.metric_word],
        "period": [claim.period, claim.frame.period_word],
        "modality": claim.frame.modality,
        "origin": claim.origin,
        "unit": claim.unit,
    }


def explain(report: Report, fingerprint: str) -> dict[str, Any]:
    return describe(find(report, fingerprint))


def describe(c: Contradiction) -> dict[str, Any]:
    """The explanation record of one contradiction (shared by ``recheck explain`` and the
    HTML report)."""
    claims = [_claim_record(claim) for claim in c.claims]
    words = {
        field: sorted({w for rec in claims for w in [rec[field][1]] if w})
        for field in ("entity", "metric", "period")
    }
    why = []
    for field in ("entity", "metric", "period"):
        said = f" (said as: {', '.join(words[field])})" if words[field] else ""
        values = sorted({str(rec[field][0]) for rec in claims if rec[field][0]})
        if getattr(c, field) is None and len(values) > 1:  # a growth rule: across periods
            why.append(f"{field}s {', '.join(values)} compared with each other{said}")
        elif len(values) > 1:  # derived figures, parts and wholes: see the arithmetic
            why.append(
                f"{field} {getattr(c, field) or '-'}, reached from claims about "
                f"{', '.join(values)} (see the arithmetic){said}"
            )
        else:
            why.append(f"same {field} {getattr(c, field) or '-'}{said}")
    return {
        "fingerprint": c.fingerprint,
        "rank": c.rank,
        "rule": c.rule,
        "rule_title": c.rule_title,
        "severity": c.severity,
        "score": c.score,
        "summary": c.summary,
        "unit": c.unit,
        "gap": c.gap,
        "why": why,
        "claims": claims,
        # The arithmetic behind a finding on derived figures, one step a line.
        "derivation": list(c.derivation),
    }


# How a claim that no source stated is introduced in the text rendering.
_ORIGIN_NOTE = {
    "derived": ("    (derived by recheck from the claims above: not stated by any source)",),
    "reference": ("    (a row of the reference table)",),
}


def render_text(record: dict[str, Any]) -> str:
    lines = [
        f"{record['fingerprint']}  #{record['rank']}  {record['rule']} ({record['severity']}, "
        f"score {record['score']:.1f})",
        f"  {record['rule_title']}",
        f"  {record['summary']}",
        "",
        "Why these claims were compared:",
        *[f"  - {reason}" for reason in record["why"]],
        "",
    ]
    if record.get("derivation"):
        lines += ["The arithmetic:", *[f"  {step}" for step in record["derivation"]], ""]
    lines.append("Claims:")
    for claim in record["claims"]:
        lo, hi = claim["range"]
        lines += [
            f"  {claim['source']}  {claim['article']}"
            + (f" ({claim['date']})" if claim["date"] else ""),
            *_ORIGIN_NOTE.get(claim.get("origin", "article"), ()),
            f'    "{claim["quote"]}"',
            f"    value:  {claim['conversion']}"
            + (f"  [hedge: {claim['hedge']}]" if claim["hedge"] else ""),
            f"    range:  {_number(lo)} … {_number(hi)} {claim.get('unit', record['unit'])}"
            f"  (stated precision ±{_number(claim['precision'])})",
            f"    frame:  entity {claim['entity'][0]}; metric {claim['metric'][0]};"
            f" period {claim['period'][0]} (those of the figure derived)"
            if claim.get("origin") == "derived"
            else f"    frame:  entity {claim['entity'][0]} ← "
            f"{claim['entity'][1] or '(previous sentence)'};"
            f" metric {claim['metric'][0]} ← {claim['metric'][1] or '-'};"
            f" period {claim['period'][0]} ← {claim['period'][1] or '(none stated: current)'}",
        ]
    return "\n".join(lines) + "\n"
