"""Measure how fast recheck extracts quantities, on one core.

Usage: python bench/extract_speed.py [FILES ...] [--passes N] [--repeat K]
                                     [--quantulum3-python PYTHON]

Without files it reads the seed articles in ``seeds/``. The text is concatenated and
repeated K times (default: until it is at least 1 MB), then extracted N times; the
median pass is reported in characters and UTF-8 megabytes per second, by the wall clock
and by the process's CPU time (the same on an idle machine; on a shared one the CPU time
is what one core does, the wall clock also counts the time other processes took).

A second measurement takes the English lines of the same files (no CJK character) and
times recheck and, when it is available, quantulum3 on that text in the same run.
quantulum3 is not a dependency of recheck: it is imported when the current interpreter
has it, or run in the interpreter given by ``--quantulum3-python`` (for example a
throwaway virtualenv: ``python -m venv /tmp/q3venv && /tmp/q3venv/bin/pip install
quantulum3``), which times it on the same text and reports back.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from recheck.quantities import extract_quantities

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_CJK = re.compile(r"[\u3400-\u9fff]")
# Run in the quantulum3 interpreter: time parser.parse line by line, print JSON.
_Q3_TIMER = """
import json, statistics, sys, time, warnings
warnings.simplefilter("ignore")
from quantulum3 import parser
lines = open(sys.argv[1], encoding="utf-8").read().split("\\n")
passes = int(sys.argv[2])
parser.parse(lines[0])  # load its unit tables before timing
walls, cpus = [], []
count = 0
for _ in range(passes):
    began, began_cpu = time.perf_counter(), time.process_time()
    count = sum(len(parser.parse(line)) for line in lines)
    walls.append(time.perf_counter() - began)
    cpus.append(time.process_time() - began_cpu)
print(json.dumps({"wall": statistics.median(walls), "cpu": statistics.median(cpus),
                  "count": count}))
"""


def median_time(
    extract: Callable[[str], list[object]], text: str, passes: int, by_line: bool = False
) -> tuple[float, float, int]:
    """The median wall-clock and CPU times of ``passes`` runs of ``extract`` over
    ``text`` (one call, or one call per line), and the number of results."""
    parts = text.split("\n") if by_line else [text]
    walls, cpus = [], []
    count = 0
    for _ in range(passes):
        began, began_cpu = time.perf_counter(), time.process_time()
        count = sum(len(extract(part)) for part in parts)
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - began_cpu)
    return statistics.median(walls), statistics.median(cpus), count


def quantulum3_time(text: str, passes: int, python: str | None) -> tuple[float, float, int] | None:
    """quantulum3's median wall and CPU times on ``text`` and its number of results, in
    this interpreter or in ``python``."""
    try:
        import warnings

        warnings.simplefilter("ignore")
        from quantulum3 import parser  # type: ignore[import-not-found]

        parser.parse(text[:2000])
        return median_time(parser.parse, text, passes, by_line=True)
    except ImportError:
        pass
    if not python:
        return None
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as handle:
        handle.write(text)
        handle.flush()
        done = subprocess.run(
            [python, "-c", _Q3_TIMER, handle.name, str(passes)],
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        print(f"quantulum3 in {python} failed: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return float(result["wall"]), float(result["cpu"]), int(result["count"])


def _english(text: str) -> str:
    """The lines of ``text`` without a CJK character and with some words on them."""
    lines = [line for line in text.splitlines() if len(line) >= 40 and not _CJK.search(line)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=0, help="0: repeat up to >= 1 MB")
    parser.add_argument(
        "--quantulum3-python",
        help="an interpreter that has quantulum3 installed, to compare speeds on English text",
    )
    args = parser.parse_args(argv)
    files = args.files or sorted(SEEDS.glob("*.txt"))
    base = "\n".join(path.read_text(encoding="utf-8") for path in files)
    if not base:
        print("no text to measure", file=sys.stderr)
        return 1
    repeat = args.repeat or max(1, -(-1_000_000 // len(base.encode("utf-8"))))
    text = "\n".join([base] * repeat)
    size = len(text.encode("utf-8"))
    wall, cpu, count = median_time(extract_quantities, text, args.passes)
    print(f"{len(text):,} characters ({size / 1e6:.2f} MB UTF-8), {count:,} quantities")
    for name, median in (("wall clock", wall), ("CPU time", cpu)):
        print(
            f"median of {args.passes} passes, {name}: {median:.3f} s"
            f" = {len(text) / median:,.0f} chars/s = {size / median / 1e6:.2f} MB/s"
        )

    english = _english(base)
    if not english:
        return 0
    # About 100,000 characters, extracted line by line by both (quantulum3 slows down
    # more than linearly on long inputs; a line is a paragraph here).
    english = "\n".join([english] * max(1, -(-100_000 // len(english))))
    ours_wall, ours_cpu, ours_count = median_time(
        extract_quantities, english, args.passes, by_line=True
    )
    print(
        f"English lines only: {len(english):,} characters; recheck"
        f" {len(english) / ours_cpu:,.0f} chars/s CPU, {len(english) / ours_wall:,.0f} wall"
        f" ({ours_count:,} quantities)"
    )
    theirs = quantulum3_time(english, max(1, min(args.passes, 3)), args.quantulum3_python)
    if theirs is None:
        print("quantulum3: not available (see --quantulum3-python)")
        return 0
    q3_wall, q3_cpu, q3_count = theirs
    print(
        f"quantulum3 {len(english) / q3_cpu:,.0f} chars/s CPU, {len(english) / q3_wall:,.0f}"
        f" wall ({q3_count:,} quantities); recheck is {q3_cpu / ours_cpu:.1f}x as fast"
        f" by CPU time, {q3_wall / ours_wall:.1f}x by the wall clock"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
