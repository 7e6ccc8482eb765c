"""Score recheck against the hand-written holdout sets and their answer keys.

Usage: python bench/holdout.py [SETDIR ...] [--rules DIR] [--details]

Each SETDIR (default: every folder in bench/holdout/ with a key.yaml, except the sealed
ones, which are scored only when named) holds an
``articles/`` folder and a ``key.yaml`` listing planted conflicts (figures a careful
fact-checker would flag) and traps (figures a naive tool would flag but should not);
see bench/holdout/README.md. The script first checks the key (every file exists,
every figure's text occurs exactly once in its file), then audits the articles with
the rules folder (default: the repo's rules/) and maps every claim of every reported
contradiction to the key's figures: same file, and the claim's span in the file
(line, column, text) overlaps the figure's. A derived claim has no span of its own;
it matches the figures that its quote names and the contradiction's derivation places
(text and file:line), and is skipped when none can be found.

- a conflict is found when one contradiction holds claims matching at least two of
  its figures; a contradiction "matches a conflict" in the same way;
- a trap is tripped when one contradiction holds claims matching all its figures;
- precision = contradictions matching a conflict / contradictions reported;
  recall = conflicts found / conflicts in the key.

It is a measurement, not a test: it exits 0 whatever the score, and never tunes or
changes recheck. Output is deterministic for a given tree. Do not tune the tool on
a sealed set (a folder whose name starts with "sealed"): for one, only the counts are
printed, not which figures were missed or flagged, unless ``--details`` is given (which
ends its life as a holdout: rename it devN/).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from recheck.audit import audit
from recheck.errors import RecheckError
from recheck.models import Claim, Contradiction, Report
from recheck.rulebook import Rulebook, load_rulebook

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RULES = ROOT / "rules"
HOLDOUT = ROOT / "bench" / "holdout"
Span = tuple[str, int, int]  # (article file name, start, end)
KINDS = {"value", "share", "derived_total", "growth", "share_sum", "other"}
# A derivation step names its source figure as "label: TEXT = ... (...; PATH:LINE...)".
DERIVATION_STEP = re.compile(
    r"^[^:]+: (?P<text>.+?) (?:=|\().*?; (?P<path>[^;()]+?):(?P<line>\d+)\b"
)


@dataclass(frozen=True)
class Figure:
    entry: str  # the key entry's id: C01, T03 ...
    index: int  # position in the entry's figure list
    file: str
    text: str
    start: int = -1  # character span in the file; -1 when the text was not found once
    end: int = -1

    @property
    def located(self) -> bool:
        return self.start >= 0

    def label(self) -> str:
        return f"{self.file} {self.text!r}"


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str  # a conflict kind, or "trap"
    note: str  # "about" for a conflict, "why" for a trap
    figures: tuple[Figure, ...]

    @property
    def is_trap(self) -> bool:
        return self.kind == "trap"


@dataclass
class HoldoutSet:
    name: str
    folder: Path
    articles: Path
    texts: dict[str, str]  # file name -> text
    conflicts: list[Entry]
    traps: list[Entry]
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Finding:
    """One reported contradiction and the key figures its claims matched."""

    contradiction: Contradiction
    figures: frozenset[tuple[str, int]]  # (entry id, figure index)
    unlocated: int  # claims whose span could not be placed in a file

    def matched(self, entry: Entry) -> int:
        return sum((entry.id, f.index) in self.figures for f in entry.figures)


# --------------------------------------------------------------------------- the key


def load_set(folder: Path) -> HoldoutSet:
    """Read a set's articles and key; problems with the key are collected, not raised."""
    articles = folder / "articles"
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))}
    holdout = HoldoutSet(folder.name, folder, articles, texts, [], [])
    key_path = folder / "key.yaml"
    try:
        data = yaml.safe_load(key_path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        holdout.problems.append(f"{key_path}: {exc}")
        return holdout
    seen: set[str] = set()
    for section in ("conflicts", "traps"):
        for i, item in enumerate(data.get(section) or []):
            entry = _load_entry(item, section, i, holdout, key_path)
            if entry is None:
                continue
            if entry.id in seen:
                holdout.problems.append(f"{key_path}: duplicate id {entry.id}")
            seen.add(entry.id)
            (holdout.traps if entry.is_trap else holdout.conflicts).append(entry)
    return holdout


def _load_entry(
    item: object, section: str, i: int, holdout: HoldoutSet, key_path: Path
) -> Entry | None:
    where = f"{key_path}: {section}[{i}]"
    if not isinstance(item, dict) or "id" not in item or "figures" not in item:
        holdout.problems.append(f"{where}: needs id and figures")
        return None
    entry_id = str(item["id"])
    if section == "traps":
        kind, note = "trap", str(item.get("why", ""))
    else:
        kind, note = str(item.get("kind", "")), str(item.get("about", ""))
        if kind not in KINDS:
            holdout.problems.append(f"{where} {entry_id}: unknown kind {kind!r}")
    raw = item["figures"] or []
    if len(raw) < 2:
        holdout.problems.append(f"{where} {entry_id}: needs at least two figures")
    figures = []
    for j, fig in enumerate(raw):
        file, text = str(fig.get("file", "")), str(fig.get("text", ""))
        body = holdout.texts.get(file)
        if body is None:
            holdout.problems.append(f"{entry_id}: {file}: no such article")
            figures.append(Figure(entry_id, j, file, text))
            continue
        count = body.count(text) if text else 0
        if count != 1:
            holdout.problems.append(f"{entry_id}: {file} {text!r} occurs {count} times, not once")
            figures.append(Figure(entry_id, j, file, text))
            continue
        start = body.index(text)
        figures.append(Figure(entry_id, j, file, text, start, start + len(text)))
    return Entry(entry_id, kind, note, tuple(figures))


# ------------------------------------------------------------------ claims to figures


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _span_on_line(body: str, line: int, text: str, column: int) -> tuple[int, int] | None:
    """The span of ``text`` on 1-based ``line`` of ``body``, nearest 1-based ``column``."""
    starts = _line_starts(body)
    if not text or not 1 <= line <= len(starts):
        return None
    line_start = starts[line - 1]
    line_end = starts[line] - 1 if line < len(starts) else len(body)
    if column >= 1:
        at = line_start + column - 1
        if body[at : at + len(text)] == text:
            return (at, at + len(text))
    hits = [m.start() for m in re.finditer(re.escape(text), body[line_start:line_end])]
    if not hits:
        return None
    target = column - 1 if column >= 1 else 0
    best = min(hits, key=lambda h: (abs(h - target), h))
    return (line_start + best, line_start + best + len(text))


def _claim_spans(claim: Claim, contradiction: Contradiction, holdout: HoldoutSet) -> list[Span]:
    """(file name, start, end) spans a claim stands for; [] when it cannot be placed."""
    if claim.origin == "article":
        name = _article_name(claim.path, holdout)
        if name is None:
            return []
        body = holdout.texts[name]
        span = _span_on_line(body, claim.line, claim.text, claim.column)
        if span is None and claim.quote and claim.quote_start >= 0 and body.count(claim.quote) == 1:
            at = body.index(claim.quote) + claim.quote_start
            span = (at, at + len(claim.text))
        return [(name, *span)] if span else []
    if claim.origin == "derived":
        spans: list[Span] = []
        for step in contradiction.derivation:
            m = DERIVATION_STEP.match(step)
            if not m:
                continue
            name = _article_name(m["path"], holdout)
            # Only the steps the derived claim's own quote names are its inputs; the
            # other steps hold the figure it was compared with.
            if name is None or m["text"].strip() not in claim.quote:
                continue
            span = _span_on_line(holdout.texts[name], int(m["line"]), m["text"].strip(), 0)
            if span:
                spans.append((name, *span))
        return spans
    return []  # reference rows are not in any article


def _article_name(path: str, holdout: HoldoutSet) -> str | None:
    p = Path(path)
    try:
        same_folder = p.resolve().parent == holdout.articles.resolve()
    except OSError:
        same_folder = False
    return p.name if same_folder and p.name in holdout.texts else None


def _figures_of(spans: Iterable[Span], holdout: HoldoutSet) -> set[tuple[str, int]]:
    hits: set[tuple[str, int]] = set()
    for name, start, end in spans:
        for entry in (*holdout.conflicts, *holdout.traps):
            for fig in entry.figures:
                if fig.located and fig.file == name and start < fig.end and fig.start < end:
                    hits.add((entry.id, fig.index))
    return hits


def match(report: Report, holdout: HoldoutSet) -> list[Finding]:
    findings = []
    for c in report.contradictions:
        figures: set[tuple[str, int]] = set()
        unlocated = 0
        for claim in c.claims:
            spans = _claim_spans(claim, c, holdout)
            if not spans and claim.origin == "article":
                unlocated += 1
            figures |= _figures_of(spans, holdout)
        findings.append(Finding(c, frozenset(figures), unlocated))
    return findings


def _overlapping_claims(fig: Figure, claims: Sequence[Claim], holdout: HoldoutSet) -> list[Claim]:
    found = []
    for claim in claims:
        if claim.origin != "article" or _article_name(claim.path, holdout) != fig.file:
            continue
        span = _span_on_line(holdout.texts[fig.file], claim.line, claim.text, claim.column)
        if span and span[0] < fig.end and fig.start < span[1]:
            found.append(claim)
    return found


# ------------------------------------------------------------------------ the output


def _frame(claim: Claim) -> str:
    f = claim.frame
    modality = "" if f.modality == "actual" else f" [{f.modality}]"
    return f"{f.entity or '-'} · {f.metric or '-'} · {f.period or '-'}{modality}"


def _pct(num: int, den: int) -> str:
    return f"{100.0 * num / den:.1f}%" if den else "n/a"


def _claims_line(c: Contradiction, holdout: HoldoutSet) -> str:
    parts = []
    for claim in c.claims:
        name = _article_name(claim.path, holdout) or Path(claim.path).name
        where = f"{name}:{claim.line}" if claim.origin == "article" else f"{claim.origin}"
        parts.append(f"{claim.text!r} ({where})")
    return "; ".join(parts)


def report_set(holdout: HoldoutSet, rules: Rulebook, details: bool = True) -> dict[str, int]:
    """Audit one set, print its table (and, with ``details``, each conflict, trap and
    unexpected contradiction), and return its counts."""
    chars = sum(len(t) for t in holdout.texts.values())
    print(f"== set: {holdout.name} ({holdout.folder})")
    print(
        f"   {len(holdout.texts)} articles, {chars:,} characters; key: "
        f"{len(holdout.conflicts)} conflicts, {len(holdout.traps)} traps"
    )
    if holdout.problems:
        print(f"   key check: {len(holdout.problems)} problem(s)")
        for problem in holdout.problems:
            print(f"     ! {problem}")
    else:
        print("   key check: ok (every figure found exactly once in its file)")
    try:
        report = audit([str(holdout.articles)], rules)
    except Exception as exc:  # a measurement reports a crash instead of raising it
        kind = "" if isinstance(exc, RecheckError) else f"{type(exc).__name__}: "
        print(f"   recheck failed: {kind}{exc}\n")
        return {}
    findings = match(report, holdout)

    found = {e.id: [f for f in findings if f.matched(e) >= 2] for e in holdout.conflicts}
    tripped = {e.id: [f for f in findings if f.matched(e) == len(e.figures)] for e in holdout.traps}
    hits_conflict = [any(f.matched(e) >= 2 for e in holdout.conflicts) for f in findings]
    matching = [f for f, hit in zip(findings, hits_conflict, strict=True) if hit]
    unexpected = [f for f, hit in zip(findings, hits_conflict, strict=True) if not hit]
    n_found = sum(bool(v) for v in found.values())
    n_tripped = sum(bool(v) for v in tripped.values())

    rows = [
        ("claims extracted", str(len(report.claims))),
        ("contradictions reported", str(len(findings))),
        ("  matching a key conflict", str(len(matching))),
        ("  unexpected", str(len(unexpected))),
        ("claims in them not placed in a file", str(sum(f.unlocated for f in findings))),
        ("conflicts found", f"{n_found} / {len(holdout.conflicts)}"),
        ("traps tripped", f"{n_tripped} / {len(holdout.traps)}"),
        ("precision", _pct(len(matching), len(findings))),
        ("recall", _pct(n_found, len(holdout.conflicts))),
    ]
    width = max(len(r[0]) for r in rows)
    print()
    print(f"   | {'measure':<{width}} | {'value':>9} |")
    print(f"   |{'-' * (width + 2)}|{'-' * 11}|")
    for name, value in rows:
        print(f"   | {name:<{width}} | {value:>9} |")
    counts = {
        "conflicts": len(holdout.conflicts),
        "found": n_found,
        "traps": len(holdout.traps),
        "tripped": n_tripped,
        "reported": len(findings),
        "matching": len(matching),
    }
    if not details:
        print("\n   (a sealed set: counts only; --details shows the figures)\n")
        return counts

    print("\n   conflicts:")
    for e in holdout.conflicts:
        hits = found[e.id]
        mark = "FOUND " if hits else "missed"
        by = f" by {', '.join(sorted({h.contradiction.rule for h in hits}))}" if hits else ""
        print(f"   {mark} {e.id} [{e.kind}] {e.note}{by}")
        if not hits:
            _explain_miss(e, report, findings, holdout)

    print("\n   traps:")
    for e in holdout.traps:
        hits = tripped[e.id]
        mark = "TRIPPED" if hits else "ok     "
        by = f" by {', '.join(sorted({h.contradiction.rule for h in hits}))}" if hits else ""
        figs = " vs ".join(f.label() for f in e.figures)
        print(f"   {mark} {e.id} {figs}: {e.note}{by}")

    print("\n   unexpected contradictions (match no key conflict):")
    if not unexpected:
        print("   (none)")
    for f in sorted(
        unexpected, key=lambda f: (f.contradiction.rule, _claims_line(f.contradiction, holdout))
    ):
        c = f.contradiction
        keyed = ", ".join(f"{eid}#{i}" for eid, i in sorted(f.figures)) or "no key figure"
        traps = [e.id for e in holdout.traps if f.matched(e) == len(e.figures)]
        trap_note = f"; trips {', '.join(traps)}" if traps else ""
        print(f"   - {c.rule} {_frame_of(c)}: {_claims_line(c, holdout)}")
        print(f"       key figures: {keyed}{trap_note}")
    print()
    return counts


def _sealed(folder: Path) -> bool:
    """A set kept for measurement only (see bench/holdout/README.md)."""
    return folder.resolve().name.startswith("sealed")


def _frame_of(c: Contradiction) -> str:
    return f"({c.entity or '-'} · {c.metric or '-'} · {c.period or '-'})"


def _explain_miss(
    entry: Entry, report: Report, findings: Sequence[Finding], holdout: HoldoutSet
) -> None:
    """For a missed conflict: how each figure was extracted and framed, if at all."""
    for fig in entry.figures:
        if not fig.located:
            print(f"          {fig.label()}: not located in the file (see key check)")
            continue
        claims = _overlapping_claims(fig, report.claims, holdout)
        if not claims:
            print(f"          {fig.label()}: not extracted")
            continue
        shown = "; ".join(f"{c.text!r} → {_frame(c)}" for c in claims)
        print(f"          {fig.label()}: {shown}")
    partial = [f for f in findings if f.matched(entry) == 1]
    if partial:
        rules = ", ".join(sorted({f.contradiction.rule for f in partial}))
        print(f"          (one figure appears in reported contradiction(s) by {rules})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, help="holdout set folders")
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES, help="rules folder")
    parser.add_argument(
        "--details",
        action="store_true",
        help="for a sealed set too, show which figures were missed or flagged",
    )
    args = parser.parse_args(argv)
    folders = args.sets or sorted(
        p.parent for p in HOLDOUT.glob("*/key.yaml") if not _sealed(p.parent)
    )
    try:
        rules = load_rulebook(args.rules)
    except RecheckError as exc:
        print(f"cannot load rules: {exc}")
        return 0
    totals: dict[str, int] = {}
    for folder in folders:
        if not (folder / "articles").is_dir():
            print(f"== {folder}: no articles/ folder, skipped\n")
            continue
        counts = report_set(load_set(folder), rules, details=args.details or not _sealed(folder))
        for k, v in counts.items():
            totals[k] = totals.get(k, 0) + v
    if len(folders) > 1 and totals:
        print(
            f"== all sets: conflicts found {totals['found']} / {totals['conflicts']} "
            f"(recall {_pct(totals['found'], totals['conflicts'])}), "
            f"precision {_pct(totals['matching'], totals['reported'])} "
            f"({totals['matching']} / {totals['reported']}), "
            f"traps tripped {totals['tripped']} / {totals['traps']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
