"""How fast `recheck audit` could be with the present extractor's design, at best.

Usage: python bench/floor.py CORPUS [--rounds N]

The extractor finds where a number may begin with one pattern, reads each place with
a core pattern, and frames each sentence with the period patterns and the vocabulary
scan. Those passes are the design's floor: a faster Python layer around them cannot make
them cheaper. This script measures, in one process and in CPU time, alternating them
over ``--rounds`` rounds:

* **framing**: every file of CORPUS read, split, extracted and framed, as ``recheck
  audit`` does it in one process without the cache;
* **the floor**, over the same sentences: splitting, the candidate scan with the core
  pattern at every candidate, ``find_periods`` and the vocabulary scan.

It then runs ``recheck audit CORPUS --jobs 1`` twice with a new cache and times the
second run: what an audit costs besides extraction (start-up, reading, comparison,
report). With those it prints the throughput `recheck audit` would reach if everything
in the framing but the floor took no time, in one process and with the floor split over
two. It is a measurement, not a test: it exits 0 whatever it finds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from recheck import documents
from recheck.models import Sentence
from recheck.numerals import normalize
from recheck.periods import find_periods
from recheck.pipeline import FileWorker
from recheck.quantities.patterns import _ASCII_LETTER, _CANDIDATE, _CANDIDATE_NO_WORDS, _CORE
from recheck.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent


def cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


@dataclass(frozen=True)
class Floor:
    """What :func:`measure` found: the corpus's size, the median CPU seconds of each
    part (the whole framing first), and the wall time of a fully cached audit."""

    megabytes: float
    files: int
    sentences: int
    seconds: dict[str, float]
    rest: float

    @property
    def framing(self) -> float:
        return self.seconds[FRAMING]

    @property
    def floor(self) -> float:
        return sum(s for name, s in self.seconds.items() if name != FRAMING)

    def at_best(self) -> list[tuple[str, float, float]]:
        """(how, seconds, MB/s): an audit with everything in the framing but the floor
        free, in one process and with the floor split over two; then today's."""
        rows = (
            ("one process: audit + floor", self.rest + self.floor),
            ("two processes: audit + floor / 2", self.rest + self.floor / 2),
            ("today, one process: audit + framing", self.rest + self.framing),
        )
        return [(how, seconds, self.megabytes / seconds) for how, seconds in rows]


FRAMING = "framing, all of it"


def measure(corpus: Path, rounds: int) -> Floor:
    paths = sorted(str(p) for p in corpus.rglob("*") if p.is_file())
    worker = FileWorker(load_rulebook(ROOT / "rules"))
    vocabulary = worker.framer().vocab
    sentences: list[Sentence] = []

    def framing() -> None:
        for path in paths:
            worker(path)

    def split() -> None:
        sentences.clear()
        for path in paths:
            document = documents.read_document(path)
            if isinstance(document, documents.Document):
                for article in documents.split_articles(document):
                    sentences.extend(documents.sentences(article))

    def candidates_and_core() -> None:
        for sentence in sentences:
            norm = normalize(sentence.text)
            finder = _CANDIDATE if _ASCII_LETTER.search(norm) else _CANDIDATE_NO_WORDS
            for candidate in finder.finditer(norm):
                _CORE.match(norm, candidate.start())

    def periods() -> None:
        for sentence in sentences:
            find_periods(sentence.text, None)

    def vocabulary_scan() -> None:
        for sentence in sentences:
            vocabulary.scan(sentence.text)

    parts: dict[str, Callable[[], None]] = {
        FRAMING: framing,
        "split": split,
        "candidates + core pattern": candidates_and_core,
        "find_periods": periods,
        "vocabulary scan": vocabulary_scan,
    }
    times: dict[str, list[float]] = {name: [] for name in parts}
    for _ in range(rounds):
        for name, work in parts.items():
            times[name].append(cpu(work))
    return Floor(
        megabytes=sum(os.path.getsize(p) for p in paths) / 1e6,
        files=len(paths),
        sentences=len(sentences),
        seconds={name: statistics.median(values) for name, values in times.items()},
        rest=audit_without_extraction(corpus),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    found = measure(args.corpus, args.rounds)
    print(f"{found.megabytes:.1f} MB in {found.files:,} files, {found.sentences:,} sentences")
    print(f"median of {args.rounds} rounds, CPU seconds\n")
    print("| part | seconds | share of framing |\n|---|---:|---:|")
    for name, seconds in found.seconds.items():
        print(f"| {name} | {seconds:.2f} | {seconds / found.framing:.0%} |")
    print(
        f"| the floor (the four passes) | {found.floor:.2f} | {found.floor / found.framing:.0%} |"
    )
    print(
        f"\n`recheck audit --jobs 1` with the cache full (all but extraction): {found.rest:.2f} s"
    )
    print("\n| at best, with the rest of the framing free | seconds | MB/s |\n|---|---:|---:|")
    for how, seconds, speed in found.at_best():
        print(f"| {how} | {seconds:.2f} | {speed:.2f} |")
    return 0


def audit_without_extraction(corpus: Path) -> float:
    """The wall time of ``recheck audit`` over ``corpus`` with every file's claims in
    the cache (a new cache, filled by a first run)."""
    with tempfile.TemporaryDirectory(prefix="recheck-floor-") as cache:
        env = {**os.environ, "RECHECK_CACHE_DIR": cache}
        command = [sys.executable, "-m", "recheck", "audit", str(corpus), "--jobs", "1"]
        subprocess.run(command, env=env, capture_output=True, check=False)
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
