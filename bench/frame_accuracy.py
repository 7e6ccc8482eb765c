"""Score recheck's claim framing against hand labels.

Usage: python bench/frame_accuracy.py [LABELS] [--rules DIR] [--seeds DIR]

LABELS (default tests/fixtures/frames/seeds.yaml) is a list of hand labels, one per
salient figure: the file-name prefix, the figure's text as the extractor spans it, its
0-based occurrence among claims with that text in that file, and the expected entity,
metric, period and modality. The script audits the seeds folder with the rules folder,
finds each labelled claim and prints, per field and for all four fields together, how
many labels the tool framed correctly, then every mismatch. A labelled figure that was
not extracted is wrong in every field and listed as "missing".

It is a measurement, not a test: it exits 0 whatever the score
(tests/test_frame_accuracy.py holds the floor).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from recheck.audit import audit
from recheck.models import Claim
from recheck.rulebook import Rulebook, load_rulebook
from recheck.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LABELS = ROOT / "tests" / "fixtures" / "frames" / "seeds.yaml"
DEFAULT_RULES = ROOT / "rules"
DEFAULT_SEEDS = ROOT / "seeds"

FIELDS = ("entity", "metric", "period", "modality")
MODALITIES = {"actual", "target", "forecast", "plan", "hypothetical"}


@dataclass(frozen=True)
class Label:
    file: str
    text: str
    occurrence: int
    entity: str | None
    metric: str | None
    period: str | None
    modality: str
    note: str = ""

    def key(self) -> str:
        suffix = f" #{self.occurrence}" if self.occurrence else ""
        return f"{self.file} {self.text!r}{suffix}"

    def frame(self) -> tuple[str | None, ...]:
        return (self.entity, self.metric, self.period, self.modality)


@dataclass
class Outcome:
    label: Label
    got: tuple[str | None, ...] | None  # None: the figure was not extracted
    claim: Claim | None = None

    @property
    def missing(self) -> bool:
        return self.got is None

    def correct(self, field_name: str) -> bool:
        if self.got is None:
            return False
        i = FIELDS.index(field_name)
        return self.label.frame()[i] == self.got[i]

    def all_correct(self) -> bool:
        return all(self.correct(f) for f in FIELDS)


@dataclass
class Score:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    def correct(self, field_name: str) -> int:
        if field_name == "all":
            return sum(o.all_correct() for o in self.outcomes)
        return sum(o.correct(field_name) for o in self.outcomes)

    def accuracy(self, field_name: str) -> float:
        return 100.0 * self.correct(field_name) / self.total if self.total else 0.0


def load_labels(path: Path | str) -> list[Label]:
    """Read the labels file; raise ValueError for a malformed entry."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of labels")
    labels = []
    for i, item in enumerate(data):
        where = f"{path}: label {i} ({item.get('file')} {item.get('text')!r})"
        missing = {"file", "text", "entity", "metric", "period", "modality"} - set(item)
        if missing:
            raise ValueError(f"{where}: missing keys {sorted(missing)}")
        period = item["period"]
        labels.append(
            Label(
                file=str(item["file"]),
                text=str(item["text"]),
                occurrence=int(item.get("occurrence", 0)),
                entity=item["entity"],
                metric=item["metric"],
                period=None if period is None else str(period),
                modality=str(item["modality"]),
                note=str(item.get("note", "")),
            )
        )
    return labels


def _canonical_entity(entity: str | None, vocabulary: Vocabulary) -> str | None:
    """Government organs count as their country (Pentagon -> united_states), on both
    sides of a scoped id such as ``china@united_states``."""
    if entity is None:
        return None
    parts = []
    for part in entity.split("@"):
        known = vocabulary.entities.get(part)
        parts.append(known.subject_id if known else part)
    return "@".join(parts)


def vocabulary_errors(labels: Iterable[Label], vocabulary: Vocabulary) -> list[str]:
    """Every id a label names that the vocabulary does not know."""
    errors = []
    for label in labels:
        if label.entity is not None:
            for part in label.entity.split("@"):
                if part not in vocabulary.entities:
                    errors.append(f"{label.key()}: unknown entity {part!r}")
        if label.metric is not None and label.metric not in vocabulary.metrics:
            errors.append(f"{label.key()}: unknown metric {label.metric!r}")
        if label.modality not in MODALITIES:
            errors.append(f"{label.key()}: unknown modality {label.modality!r}")
    return errors


def _file_of(claim: Claim) -> str:
    return Path(claim.path).name


def score(labels: Sequence[Label], claims: Sequence[Claim], vocabulary: Vocabulary) -> Score:
    """Match each label to its claim (file prefix, text, occurrence) and compare frames."""
    result = Score()
    for label in labels:
        matches = [c for c in claims if _file_of(c).startswith(label.file) and c.text == label.text]
        if label.occurrence >= len(matches):
            result.outcomes.append(Outcome(label, None))
            continue
        claim = matches[label.occurrence]
        f = claim.frame
        got = (_canonical_entity(f.entity, vocabulary), f.metric, f.period, f.modality)
        want = _canonical_entity(label.entity, vocabulary)
        if want != label.entity:
            label = Label(**{**label.__dict__, "entity": want})
        result.outcomes.append(Outcome(label, got, claim))
    return result


def measure(
    labels_path: Path | str = DEFAULT_LABELS,
    rules: Path | str | Rulebook = DEFAULT_RULES,
    seeds: Path | str = DEFAULT_SEEDS,
) -> tuple[Score, list[str]]:
    """Audit ``seeds`` and score the labels; returns the score and vocabulary errors."""
    rulebook = rules if isinstance(rules, Rulebook) else load_rulebook(Path(rules))
    labels = load_labels(labels_path)
    report = audit([str(seeds)], rulebook)
    return score(labels, report.claims, rulebook.vocabulary), vocabulary_errors(
        labels, rulebook.vocabulary
    )


def _show(value: str | None) -> str:
    return "null" if value is None else value


def format_table(result: Score) -> str:
    rows = [
        "| field    | correct | total | accuracy |",
        "|----------|--------:|------:|---------:|",
    ]
    for name in (*FIELDS, "all"):
        label = "all four" if name == "all" else name
        rows.append(
            f"| {label:<8} | {result.correct(name):>7} | {result.total:>5} "
            f"| {result.accuracy(name):>7.1f}% |"
        )
    return "\n".join(rows)


def format_mismatches(result: Score) -> str:
    lines = []
    for o in result.outcomes:
        if o.missing:
            lines.append(f"- {o.label.key()}: missing (not extracted)")
            continue
        wrong = [f for f in FIELDS if not o.correct(f)]
        if not wrong:
            continue
        i = {f: FIELDS.index(f) for f in wrong}
        diffs = ", ".join(
            f"{f} {_show(o.label.frame()[i[f]])} vs {_show(o.got[i[f]])}" for f in wrong
        )
        lines.append(f"- {o.label.key()} (line {o.claim.line}): {diffs}")
    return "\n".join(lines) if lines else "(none)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("labels", nargs="?", default=str(DEFAULT_LABELS))
    parser.add_argument("--rules", default=str(DEFAULT_RULES))
    parser.add_argument("--seeds", default=str(DEFAULT_SEEDS))
    args = parser.parse_args(argv)
    result, errors = measure(args.labels, args.rules, args.seeds)
    print(f"Frame accuracy on {result.total} hand labels ({args.labels})\n")
    print(format_table(result))
    print("\nMismatches (label vs tool):")
    print(format_mismatches(result))
    if errors:
        print("\nLabels naming ids the vocabulary does not know:")
        print("\n".join(f"- {e}" for e in errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
