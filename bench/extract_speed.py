"""Measure how fast recheck extracts quantities, on one core.

Usage: python bench/extract_speed.py [FILES ...] [--passes N] [--repeat K]

Without files it reads the seed articles in ``seeds/``. The text is concatenated and
repeated K times (default: until it is at least 1 MB), then extracted N times; the
median pass is reported in characters and UTF-8 megabytes per second.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from recheck.quantities import extract_quantities

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=0, help="0: repeat up to >= 1 MB")
    args = parser.parse_args(argv)
    files = args.files or sorted(SEEDS.glob("*.txt"))
    base = "\n".join(path.read_text(encoding="utf-8") for path in files)
    if not base:
        print("no text to measure", file=sys.stderr)
        return 1
    repeat = args.repeat or max(1, -(-1_000_000 // len(base.encode("utf-8"))))
    text = "\n".join([base] * repeat)
    size = len(text.encode("utf-8"))
    times = []
    count = 0
    for _ in range(args.passes):
        began = time.perf_counter()
        count = len(extract_quantities(text))
        times.append(time.perf_counter() - began)
    median = statistics.median(times)
    print(f"{len(text):,} characters ({size / 1e6:.2f} MB UTF-8), {count:,} quantities")
    print(
        f"median of {args.passes} passes: {median:.3f} s = {len(text) / median:,.0f} chars/s"
        f" = {size / median / 1e6:.2f} MB/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
