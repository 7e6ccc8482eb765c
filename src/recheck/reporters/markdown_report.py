"""The Markdown report: a pull-request comment.

A heading with the counts, a table of the open findings (new or expired), then each
finding's quotes with the figure in bold; known and acknowledged findings are in a
collapsed ``<details>`` section. Article text is escaped so that it cannot open a link,
an image, HTML, a mention or math, nor break the table, and the comment is kept under
GitHub's limit of 65,536 characters (findings that do not fit are counted in a note).
"""

from __future__ import annotations

import re
from typing import Any

from ..models import Claim, Contradiction, Report
from .common import (
    DERIVED_NOTE,
    frame_label,
    location,
    normalised,
    one_line,
    review_note,
    safe,
    split_quote,
    written,
)

LIMIT = 65_536  # GitHub's limit for a comment body, in characters (UTF-16 code units)
QUOTE_LIMIT = 160

# The characters Markdown (GFM, with GitHub's math) gives a meaning to anywhere in a line.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~$&!#])")
# ... and at the start of a line: a list item, a numbered item, a heading underline.
_LINE_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+=])")
# What GitHub links without any markup: URLs, www. names, e-mail addresses, @mentions and
# #references. A zero-width space after the trigger breaks the link and is invisible.
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?i:(?<=www))(?=\.)|(?<=[@#])")
_ZWSP = "\u200b"
_SPACE = re.compile(r"\s+")


def md(text: Any) -> str:
    """Article text as inert Markdown: one line, every markup character escaped."""
    escaped = _MARKUP.sub(r"\\\1", _SPACE.sub(" ", safe(str(text))))
    escaped = _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)
    return _AUTOLINK.sub(_ZWSP, escaped)


def code(text: Any, *, in_table: bool = False) -> str:
    """A code span that holds ``text`` whatever backticks it contains."""
    body = one_line(str(text))
    if in_table:  # GFM reads a pipe as a cell border even inside a code span
        body = body.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", body)), default=0) + 1)
    pad = " " if body.startswith("`") or body.endswith("`") or not body.strip() else ""
    return f"{fence}{pad}{body}{pad}{fence}"


def _bolded_quote(claim: Claim) -> str:
    parts = split_quote(claim, QUOTE_LIMIT)
    before, figure, after = (_SPACE.sub(" ", safe(part)) for part in parts)
    if not figure.strip():
        return md(before.strip())
    return f"{md(before.lstrip())}<strong>{md(figure.strip())}</strong>{md(after.rstrip())}"


def _values(c: Contradiction) -> str:
    return " vs ".join(f"{md(written(claim))} ({md(normalised(claim))})" for claim in c.claims)


def _row(c: Contradiction) -> str:
    sources = "<br>".join(code(location(claim), in_table=True) for claim in c.claims)
    return (
        f"| {c.rank} | {c.severity} | {c.status} | {code(c.rule, in_table=True)} "
        f"| {md(frame_label(c))} "
        f"| {_values(c)} | {sources} |\n"
    )


_TABLE_HEAD = (
    "| # | severity | status | rule | subject · metric · period | values | sources |\n"
    "|---:|---|---|---|---|---|---|\n"
)


def _detail(c: Contradiction) -> str:
    lines = [
        f"#### {c.rank}. {code(c.rule)} {md(c.rule_title)}",
        "",
        f"**{c.severity}** · {c.status} · score {c.score:.1f} · {md(frame_label(c))}  ",
        f"{md(c.summary)}",
        "",
    ]
    for claim in c.claims:
        meta = " · ".join(md(x) for x in (claim.article_title, claim.article_date) if x)
        lines += [f"> {_bolded_quote(claim)}  ", f"> — {code(location(claim))} {meta}", ">"]
    lines.pop()
    if c.derivation:
        lines += ["", f"*Arithmetic, {DERIVED_NOTE}:*", ""]
        lines += [f"{n}. {md(step)}" for n, step in enumerate(c.derivation, start=1)]
    note = review_note(c)
    if note:
        lines += ["", f"*{md(note)}*"]
    lines += ["", f"Fingerprint {code(c.fingerprint)}", "", ""]
    return "\n".join(lines)


def _size(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _blocks(report: Report) -> list[tuple[str, str | None]]:
    """The comment in order, as (block, fingerprint of the finding it shows, if any)."""
    n = report.counts()
    open_ = [c for c in report.contradictions if c.fails]
    reviewed = [c for c in report.contradictions if not c.fails]
    verdict = f"{n['failing']} failing" if n["failing"] else "nothing fails"
    blocks: list[tuple[str, str | None]] = [
        (
            f"## recheck: {n['contradictions']} contradiction(s), {verdict}"
            f" (--fail-on {report.fail_on})\n\n"
            f"{n['claims']} claims · {n['new']} new · {n['known']} known · "
            f"{n['acknowledged']} acknowledged · {n['expired']} expired · "
            f"{n['skipped']} skipped file(s) · {n['stale']} stale entr(ies)\n\n",
            None,
        )
    ]
    if open_:
        blocks.append((_TABLE_HEAD, None))
        blocks += [(_row(c), c.fingerprint) for c in open_]
        blocks.append(("\n", None))
        blocks += [(_detail(c), c.fingerprint) for c in open_]
    if reviewed:
        blocks.append(
            (
                f"<details><summary>{len(reviewed)} known or acknowledged contradiction(s)"
                "</summary>\n\n" + _TABLE_HEAD,
                None,
            )
        )
        blocks += [(_row(c), c.fingerprint) for c in reviewed]
        blocks.append(("\n", None))
        blocks += [(_detail(c), c.fingerprint) for c in reviewed]
        blocks.append((_CLOSE, None))
    if report.stale:
        blocks.append(
            ("**Stale baseline / acknowledgement entries** (matching nothing now):\n\n", None)
        )
        blocks += [
            (f"- {code(s.fingerprint)} ({s.source}) {md(s.note)}\n", None) for s in report.stale
        ]
        blocks.append(("\n", None))
    if report.skipped:
        blocks.append(("**Skipped files:**\n\n", None))
        blocks += [(f"- {code(s.path)}: {md(s.reason)}\n", None) for s in report.skipped]
    return blocks


_CLOSE = "\n</details>\n\n"
_NOTE_ROOM = 400  # kept free for the truncation note


def render_audit(report: Report, *, limit: int = LIMIT, **_: Any) -> str:
    blocks = _blocks(report)
    parts: list[str] = []
    left = limit - _NOTE_ROOM
    in_details = False
    shown: set[str] = set()
    cut = len(blocks)
    for i, (block, _fingerprint) in enumerate(blocks):
        reserve = _size(_CLOSE) if in_details or block.startswith("<details>") else 0
        if block == _CLOSE and in_details:
            reserve = 0
        if _size(block) + reserve > left:
            cut = i
            break
        parts.append(block)
        left -= _size(block)
        in_details = (in_details or block.startswith("<details>")) and block != _CLOSE
    dropped = {fp for _, fp in blocks[cut:] if fp}
    shown = {fp for _, fp in blocks[:cut] if fp}
    text = "".join(parts) + (_CLOSE if in_details else "")
    if cut < len(blocks):
        partly = len(dropped & shown)
        text += (
            f"\n*Truncated to fit a comment ({limit:,} characters): "
            f"{len(dropped - shown)} contradiction(s) not shown and {partly} shown without "
            "their quotes. Every finding is in the HTML or SARIF report "
            "(`recheck audit -f html` / `-f sarif`).*\n"
        )
    return text
