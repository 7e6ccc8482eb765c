"""The HTML report for editors: one self-contained page, no script, no network.

Everything an article says (quotes, titles, outlets, paths, reasons) goes through
``html.escape`` after control characters are replaced; a Content-Security-Policy that
allows nothing but inline style means that even a missed escape could not run script or
load anything. The page has no timestamp: the same inputs give byte-identical output.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from .. import __version__
from ..explain import describe
from ..models import Claim, Contradiction, Report
from .common import (
    DERIVED_NOTE,
    ORIGIN_LABEL,
    frame_label,
    is_article,
    location,
    normalised,
    number,
    review_note,
    safe,
    split_quote,
    written,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'"
QUOTE_LIMIT = 400  # characters of a quote shown around the figure

_CSS = """
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --page: #f6f8fa; --card: #ffffff;
  --high: #b42318; --high-bg: #fef3f2; --medium: #a15c07; --medium-bg: #fffaeb;
  --low: #175cd3; --low-bg: #eff8ff; --ok: #067647; --ok-bg: #ecfdf3;
  --grey: #59636e; --grey-bg: #f2f4f7; --mark: #ffe58a;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.6 system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial,
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans", sans-serif;
}
.wrap { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
code, .mono {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono",
    "Noto Sans Mono CJK SC", monospace;
  font-size: 0.88em;
}
code { background: var(--grey-bg); border-radius: 4px; padding: 0.05em 0.35em;
  overflow-wrap: anywhere; }
h1, h2, h3, h4 { line-height: 1.3; margin: 0; }
a { color: var(--low); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { background: var(--card); border-bottom: 1px solid var(--line);
  padding: 28px 0 20px; margin-bottom: 24px; }
header.top h1 { font-size: 1.7rem; }
header.top .lede { color: var(--muted); margin: 4px 0 16px; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; }
.counts div { background: var(--page); border: 1px solid var(--line); border-radius: 8px;
  padding: 4px 12px; min-width: 78px; }
.counts dt { font-size: 0.75rem; color: var(--muted); text-transform: uppercase;
  letter-spacing: 0.04em; }
.counts dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
.counts .alarm dd { color: var(--high); }
nav.toc { margin-bottom: 28px; }
nav.toc h2, section.extra h2 { font-size: 1.1rem; margin-bottom: 8px; }
table { border-collapse: collapse; width: 100%; background: var(--card);
  border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line);
  vertical-align: top; font-size: 0.92rem; }
th { background: var(--page); font-weight: 600; color: var(--muted); font-size: 0.8rem;
  text-transform: uppercase; letter-spacing: 0.03em; }
td code, td .badge { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; border-radius: 999px; padding: 0 9px; font-size: 0.78rem;
  font-weight: 600; line-height: 1.7; border: 1px solid transparent; white-space: nowrap; }
.sev-high { color: var(--high); background: var(--high-bg); border-color: #fecdca; }
.sev-medium { color: var(--medium); background: var(--medium-bg); border-color: #fedf89; }
.sev-low { color: var(--low); background: var(--low-bg); border-color: #b2ddff; }
.st-new { color: #fff; background: var(--high); }
.st-expired { color: #fff; background: #c4320a; }
.st-known { color: var(--grey); background: var(--grey-bg); border-color: var(--line); }
.st-acknowledged { color: var(--ok); background: var(--ok-bg); border-color: #abefc6; }
.origin { color: #6941c6; background: #f4f3ff; border-color: #d9d6fe; }
section.finding { background: var(--card); border: 1px solid var(--line);
  border-left: 6px solid var(--line); border-radius: 10px; padding: 18px 22px;
  margin-bottom: 26px; }
section.finding.high { border-left-color: var(--high); }
section.finding.medium { border-left-color: #dc6803; }
section.finding.low { border-left-color: var(--low); }
.finding-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.finding-head .rank { font-size: 1.35rem; font-weight: 700; color: var(--muted);
  margin-right: 2px; }
.finding-head .score { margin-left: auto; color: var(--muted); font-size: 0.9rem;
  font-variant-numeric: tabular-nums; }
.finding h2 { font-size: 1.15rem; margin-top: 6px; }
.finding h2 .rule { color: var(--muted); font-weight: 600; margin-right: 6px; }
.subject { margin: 4px 0 0; color: var(--muted); }
.subject b { color: var(--ink); font-weight: 600; }
.summary { margin: 8px 0 0; font-size: 1.02rem; }
.review { margin: 10px 0 0; padding: 8px 12px; border-radius: 8px; font-size: 0.92rem; }
.review.acknowledged { background: var(--ok-bg); color: #054f31; }
.review.expired { background: #fff4ed; color: #97180c; }
.review.known { background: var(--grey-bg); color: var(--grey); }
.quotes { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
  gap: 14px; margin-top: 16px; }
.source { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px;
  background: #fcfcfd; display: flex; flex-direction: column; min-width: 0; }
.source.derived, .source.reference { border-style: dashed; background: #fcfaff; }
.source .where { margin: 0; font-size: 0.85rem; }
.source .title { margin: 4px 0 0; font-weight: 600; overflow-wrap: anywhere; }
.source .meta { margin: 0; color: var(--muted); font-size: 0.85rem; }
blockquote { margin: 10px 0; padding: 8px 12px; border-left: 3px solid var(--line);
  background: var(--card); font-size: 0.98rem; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 2px; border-radius: 3px;
  font-weight: 700; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  margin: auto 0 0; font-size: 0.88rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.analysis { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 18px;
  margin-top: 16px; align-items: start; }
.analysis h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em;
  color: var(--muted); margin-bottom: 6px; }
.analysis ul, .analysis ol { margin: 0; padding-left: 20px; font-size: 0.92rem; }
.plot svg { width: 100%; height: auto; display: block; background: var(--card);
  border: 1px solid var(--line); border-radius: 8px; }
.derivation { margin-top: 12px; border: 1px dashed #bdb4fe; background: #fcfaff;
  border-radius: 8px; padding: 8px 12px; }
.derivation h3 { color: #6941c6; }
.fingerprint { margin: 16px 0 0; font-size: 0.85rem; color: var(--muted); }
section.extra { margin-bottom: 26px; }
section.extra p.none { color: var(--muted); margin: 0; }
footer { color: var(--muted); font-size: 0.85rem; padding: 12px 0 40px; }
@media (max-width: 760px) { .analysis { grid-template-columns: 1fr; } }
@media print {
  body { background: #fff; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.top { border: 0; padding-top: 0; }
  nav.toc { display: none; }
  section.finding { break-inside: avoid; page-break-inside: avoid; box-shadow: none; }
  .source { break-inside: avoid; }
  a { color: inherit; }
}
"""


def _e(text: Any) -> str:
    """Escaped, control characters replaced: for every string that is not ours."""
    return escape(safe(str(text)), quote=True)


def _badge(kind: str, text: str) -> str:
    return f'<span class="badge {_e(kind)}">{_e(text)}</span>'


def _anchor(c: Contradiction, seen: set[str]) -> str:
    anchor = f"fp-{c.fingerprint}"
    n = 2
    while anchor in seen:  # only hand-made reports repeat a fingerprint
        anchor = f"fp-{c.fingerprint}-{n}"
        n += 1
    seen.add(anchor)
    return anchor


def _highlight(claim: Claim) -> str:
    """The quote, escaped, with the figure in <mark>."""
    before, figure, after = split_quote(claim, QUOTE_LIMIT)
    if not figure:
        return _e(before)
    return f"{_e(before)}<mark>{_e(figure)}</mark>{_e(after)}"


def _frame_words(record: dict[str, Any]) -> str:
    parts = []
    for field in ("entity", "metric", "period"):
        value, word = record[field]
        said = f" ← “{_e(word)}”" if word else ""
        parts.append(f"{field} <b>{_e(value or '?')}</b>{said}")
    return "; ".join(parts)


def _source(claim: Claim, record: dict[str, Any]) -> str:
    origin = "" if is_article(claim) else claim.origin
    meta = " · ".join(_e(x) for x in (claim.outlet, claim.article_date) if x)
    lo, hi = record["range"]
    tag = _badge("origin", ORIGIN_LABEL.get(origin, origin)) + " " if origin else ""
    # A derived figure has no line of its own: the badge says what it is, the file
    # (if any) where its inputs are.
    place = location(claim) if is_article(claim) else claim.path
    if place and not is_article(claim) and claim.line > 0:
        place = f"{place}:{claim.line}"
    where = f"<code>{_e(place)}</code>" if place else ""
    return (
        f'<article class="source {_e(origin or "article")}">'
        f'<p class="where">{tag}{where}</p>'
        f'<p class="title">{_e(claim.article_title)}</p>'
        + (f'<p class="meta">{meta}</p>' if meta else "")
        + f"<blockquote>{_highlight(claim)}</blockquote>"
        '<dl class="facts">'
        f"<dt>as written</dt><dd>{_e(written(claim))}</dd>"
        f"<dt>normalised</dt><dd>{_e(record['conversion'])}</dd>"
        f"<dt>admits</dt><dd>{_e(number(lo))} … {_e(number(hi))} {_e(claim.unit)}"
        f" (stated precision ±{_e(number(claim.precision))})</dd>"
        f"<dt>framed as</dt><dd>{_frame_words(record)}"
        + (f"; {_e(claim.frame.modality)}" if claim.frame.modality != "actual" else "")
        + "</dd></dl></article>"
    )


# --- the dot plot -----------------------------------------------------------------------


def _nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    span = hi - lo
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step) * step
    ticks = []
    k = 0
    while first + k * step <= hi + step * 1e-9:
        ticks.append(round(first + k * step, 12) + 0.0)
        k += 1
    return ticks


def _plot(c: Contradiction, records: list[dict[str, Any]]) -> str:
    """An inline SVG: each claim's value as a dot on one axis, the range it admits (the
    same range the page states, from ``describe``) as a line; open ends are arrows."""
    pairs = [
        (claim, (float(rec["range"][0]), float(rec["range"][1])))
        for claim, rec in zip(c.claims, records, strict=True)
        # Only figures in the finding's unit share its axis: the other inputs of a
        # derived figure (a share that divided a tonnage) are in the arithmetic.
        if math.isfinite(claim.value) and claim.unit == c.unit
    ]
    if not pairs:
        return ""
    claims = [claim for claim, _ in pairs]
    ranges = [r for _, r in pairs]
    finite = [
        x
        for claim, r in zip(claims, ranges, strict=True)
        for x in (*r, claim.value)
        if math.isfinite(x)
    ]
    lo, hi = min(finite), max(finite)
    span = hi - lo
    if span <= 0:
        span = max(abs(hi) * 0.2, 1.0)
        lo, hi = lo - span / 2, hi + span / 2
    lo, hi = lo - span * 0.08, hi + span * 0.08
    width, left, right, row, top = 560, 150, 28, 30, 14
    axis_y = top + row * len(claims) + 4
    height = axis_y + 42

    def x(value: float) -> float:
        clipped = min(max(value, lo), hi)
        return left + (clipped - lo) / (hi - lo) * (width - left - right)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{_e(f"values of #{c.rank} on one axis, in {c.unit}")}">',
        f"<title>{_e(f'#{c.rank} {c.summary}')}</title>",
    ]
    for tick in _nice_ticks(lo, hi):
        tx = x(tick)
        parts.append(
            f'<line x1="{tx:.1f}" y1="{top - 6}" x2="{tx:.1f}" y2="{axis_y}" '
            'stroke="#eaeef2" stroke-width="1"/>'
            f'<line x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 5}" '
            'stroke="#8c959f" stroke-width="1"/>'
            f'<text x="{tx:.1f}" y="{axis_y + 18}" font-size="11" fill="#59636e" '
            f'text-anchor="middle">{_e(number(tick))}</text>'
        )
    parts.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" '
        'stroke="#8c959f" stroke-width="1"/>'
        f'<text x="{width - right}" y="{axis_y + 34}" font-size="11" fill="#59636e" '
        f'text-anchor="end">{_e(c.unit)}</text>'
    )
    colour = {"high": "#b42318", "medium": "#dc6803", "low": "#175cd3"}.get(c.severity, "#444")
    for n, (claim, (r_lo, r_hi)) in enumerate(zip(claims, ranges, strict=True)):
        y = top + row * n + row / 2
        label = written(claim)
        label = label if len(label) <= 18 else label[:17] + "…"
        x1, x2 = x(r_lo), x(r_hi)
        parts.append(
            f"<g><title>{_e(f'{location(claim)}: {written(claim)} = {normalised(claim)}')}</title>"
            f'<text x="{left - 10}" y="{y + 4:.1f}" font-size="12" fill="#1f2328" '
            f'text-anchor="end">{_e(label)}</text>'
        )
        if x2 - x1 >= 0.5:
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-opacity="0.45" stroke-width="6" '
                'stroke-linecap="round"/>'
            )
        for end, sign in ((r_lo, -1), (r_hi, 1)):
            if math.isinf(end):  # an open range: an arrow at the edge of the axis
                ex = x(end)
                parts.append(
                    f'<path d="M{ex:.1f},{y:.1f} l{-sign * 8},-6 v12 z" fill="{colour}" '
                    'fill-opacity="0.6"/>'
                )
        hollow = not is_article(claim)
        fill = "#ffffff" if hollow else colour
        parts.append(
            f'<circle cx="{x(claim.value):.1f}" cy="{y:.1f}" r="5.5" fill="{fill}" '
            f'stroke="{colour}" stroke-width="2"/></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


# --- the page -----------------------------------------------------------------------------


def _finding(c: Contradiction, anchor: str) -> str:
    explained = describe(c)
    records = explained["claims"]
    review = review_note(c)
    review_html = (
        f'<p class="review {_e(c.status)}">{_e(review)}</p>'
        if review and c.status in ("acknowledged", "expired", "known")
        else ""
    )
    derivation = ""
    if c.derivation:
        steps = "".join(f"<li>{_e(step)}</li>" for step in c.derivation)
        derivation = (
            f'<div class="derivation"><h3>Arithmetic: {_e(DERIVED_NOTE)}</h3><ol>{steps}</ol></div>'
        )
    why = "".join(f"<li>{_e(reason)}</li>" for reason in explained["why"])
    sources = "".join(_source(claim, rec) for claim, rec in zip(c.claims, records, strict=True))
    command = f'recheck acknowledge {c.fingerprint} --reason "…"'
    return (
        f'<section class="finding {_e(c.severity)}" id="{_e(anchor)}" '
        f'data-fingerprint="{_e(c.fingerprint)}" data-rank="{c.rank}" '
        f'data-status="{_e(c.status)}">'
        '<div class="finding-head">'
        f'<span class="rank">#{c.rank}</span>'
        f"{_badge('sev-' + c.severity, c.severity)} {_badge('st-' + c.status, c.status)}"
        f'<span class="score">score {c.score:.1f}</span></div>'
        f'<h2><span class="rule">{_e(c.rule)}</span>{_e(c.rule_title)}</h2>'
        f'<p class="subject">{_subject(c)}</p>'
        f'<p class="summary">{_e(c.summary)}</p>'
        f"{review_html}"
        f'<div class="quotes">{sources}</div>'
        '<div class="analysis">'
        f'<div class="plot"><h3>The values on one axis ({_e(c.unit)})</h3>{_plot(c, records)}</div>'
        f"<div><h3>Why they were judged comparable</h3><ul>{why}</ul>{derivation}</div>"
        "</div>"
        f'<p class="fingerprint">Fingerprint <code>{_e(c.fingerprint)}</code> · to accept it: '
        f"<code>{_e(command)}</code></p>"
        "</section>"
    )


def _subject(c: Contradiction) -> str:
    return (
        f"<b>{_e(c.entity or '?')}</b> · <b>{_e(c.metric or '?')}</b> · "
        f"<b>{_e(c.period or '?')}</b> · gap {_e(number(c.gap))} {_e(c.unit)}"
    )


def _toc(report: Report, anchors: list[str]) -> str:
    if not report.contradictions:
        return ""
    rows = "".join(
        "<tr>"
        f'<td class="num"><a href="#{_e(anchor)}">#{c.rank}</a></td>'
        f'<td class="num">{c.score:.1f}</td>'
        f"<td>{_badge('sev-' + c.severity, c.severity)}</td>"
        f"<td>{_badge('st-' + c.status, c.status)}</td>"
        f"<td><code>{_e(c.rule)}</code></td>"
        f"<td>{_e(frame_label(c))}</td>"
        f"<td>{_e(c.summary)}</td>"
        "</tr>"
        for c, anchor in zip(report.contradictions, anchors, strict=True)
    )
    return (
        '<nav class="toc wrap"><h2>Contradictions, most severe first</h2><table>'
        "<thead><tr><th>#</th><th>score</th><th>severity</th><th>status</th><th>rule</th>"
        "<th>subject · metric · period</th><th>values</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></nav>"
    )


def _extra(report: Report) -> str:
    skipped = "".join(
        f"<tr><td><code>{_e(s.path)}</code></td><td>{_e(s.reason)}</td></tr>"
        for s in report.skipped
    )
    stale = "".join(
        f"<tr><td><code>{_e(s.fingerprint)}</code></td><td>{_e(s.source)}</td>"
        f"<td>{_e(s.note)}</td></tr>"
        for s in report.stale
    )
    return (
        '<section class="extra wrap" id="skipped"><h2>Skipped files</h2>'
        + (
            f"<table><thead><tr><th>file</th><th>reason</th></tr></thead>"
            f"<tbody>{skipped}</tbody></table>"
            if skipped
            else '<p class="none">None: every file was read.</p>'
        )
        + '</section><section class="extra wrap" id="stale"><h2>Stale baseline and '
        "acknowledgement entries</h2>"
        + (
            "<table><thead><tr><th>fingerprint</th><th>file</th><th>note</th></tr></thead>"
            f"<tbody>{stale}</tbody></table>"
            if stale
            else '<p class="none">None: every entry still matches a contradiction.</p>'
        )
        + "</section>"
    )


def _counts(report: Report) -> str:
    n = report.counts()
    cells = [
        ("claims", n["claims"], ""),
        ("contradictions", n["contradictions"], ""),
        ("failing", n["failing"], "alarm" if n["failing"] else ""),
        ("new", n["new"], ""),
        ("known", n["known"], ""),
        ("acknowledged", n["acknowledged"], ""),
        ("expired", n["expired"], "alarm" if n["expired"] else ""),
        ("fail on", report.fail_on, ""),
        ("skipped files", n["skipped"], ""),
        ("stale entries", n["stale"], ""),
    ]
    return (
        '<dl class="counts">'
        + "".join(
            f'<div class="{cls}"><dt>{_e(name)}</dt><dd>{_e(value)}</dd></div>'
            for name, value, cls in cells
        )
        + "</dl>"
    )


def render_audit(report: Report, **_: Any) -> str:
    n = report.counts()
    seen: set[str] = set()
    anchors = [_anchor(c, seen) for c in report.contradictions]
    title = f"recheck: {n['contradictions']} contradiction(s), {n['failing']} failing"
    verdict = (
        f"{n['failing']} contradiction(s) fail the run (--fail-on {report.fail_on})."
        if n["failing"]
        else f"Nothing fails the run (--fail-on {report.fail_on})."
    )
    findings = "".join(_finding(c, a) for c, a in zip(report.contradictions, anchors, strict=True))
    body = findings or '<p class="none">No contradictions among the claims.</p>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="recheck {_e(__version__)}">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        '<header class="top"><div class="wrap">'
        f"<h1>recheck report</h1>"
        f'<p class="lede">{_e(verdict)}</p>'
        f"{_counts(report)}</div></header>\n"
        f"{_toc(report, anchors)}\n"
        f'<main class="wrap">{body}</main>\n'
        f"{_extra(report)}\n"
        '<footer class="wrap">Made by recheck '
        f"{_e(__version__)}. Values are quoted as each source wrote them; figures marked "
        f"“{_e(ORIGIN_LABEL['derived'])}” are computed, not stated by any source.</footer>\n"
        "</body>\n</html>\n"
    )
