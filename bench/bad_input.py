"""Measure recheck on hostile input sizes: time and peak memory of a whole audit.

Usage: python bench/bad_input.py [--scale S] [--rules DIR] [--only NAME ...]

Each case writes one file into a temporary folder and audits it with
``recheck.audit.audit`` in a fresh child process (so that each peak RSS is its own),
then writes the JSON report to a file of its own as ``--format json -o`` does. The
cases, at ``--scale 1``:

* ``single-line``: about 100 MB of mixed Chinese and English prose on one line, with a
  figure every few kilobytes and no line break anywhere;
* ``no-stops``: about 100 MB on one line without a single full stop (so sentences must
  be cut at a bound, not grown to the whole line);
* ``digits-10k``: one number of 10,000 digits (a unit after it), and the same
  10,000-digit number written as ``1`` and 10,000 zeros, both in a short article;
* ``million-lines``: a million short lines (a figure on every 100th);
* ``baseline``: the five seed articles, for the fixed cost of imports and rules.

Sizes scale with ``--scale`` (``--scale 0.1`` for a quick run). The table gives the
file size, the wall time of the audit, the claims found, and the child's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROSE = (
    "稀土市场继续受到各方关注，供应链的变化牵动着下游企业的神经。"
    "Analysts said the market kept moving, and buyers watched prices closely. "
    "业内人士表示，相关政策仍在评估之中；"
)
_FIGURE = "美国2024年的稀土产量为{n}吨。"


def _single_line(size: int) -> str:
    block = _PROSE * 40  # ~5 KB
    parts, total, n = [], 0, 0
    while total < size:
        n += 1
        piece = block + _FIGURE.format(n=3000 + n % 7 * 500)
        parts.append(piece)
        total += len(piece.encode("utf-8"))
    return "".join(parts)


def _no_stops(size: int) -> str:
    block = "稀土市场继续受到各方关注，供应链的变化牵动着下游企业 and the buyers kept watching, "
    return block * (size // len(block.encode("utf-8")) + 1)


def _digits() -> str:
    return (
        "美国2024年的稀土产量为"
        + "9" * 10_000
        + "吨。\n中国的产量为"
        + "1"
        + "0" * 10_000
        + " tonnes, and 1e308 t, NaN t, inf t.\n美国2024年的稀土产量为3000吨。\n"
    )


def _million_lines(lines: int) -> str:
    short = ["美国", "ok", "1", "— 2 —", "。", "2024年", "hello world", "3.5", "第三", "a, b"]
    out = []
    for i in range(lines):
        out.append(_FIGURE.format(n=3000 + i % 5) if i % 100 == 0 else short[i % len(short)])
    return "\n".join(out) + "\n"


def _write(folder: Path, name: str, scale: float) -> None:
    mb = 1024 * 1024
    if name == "single-line":
        text = _single_line(int(100 * mb * scale))
    elif name == "no-stops":
        text = _no_stops(int(100 * mb * scale))
    elif name == "digits-10k":
        text = _digits()
    elif name == "million-lines":
        text = _million_lines(int(1_000_000 * scale))
    else:
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            (folder / seed.name).write_bytes(seed.read_bytes())
        return
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, where there is one: ru_maxrss keeps,
    across fork and exec, the parent's size at the fork."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(folder: str, rules: str) -> None:
    """Audit ``folder`` in this process and print one JSON line of measurements."""
    from recheck.atomic import write_atomic
    from recheck.audit import audit
    from recheck.reporters import stream_audit

    began = time.perf_counter()
    report = audit([folder], rules)
    audited = time.perf_counter() - began
    audit_rss = _peak_rss_mb()
    with tempfile.TemporaryDirectory() as out:  # never beside the audited folder
        output = Path(out) / "report.json"
        write_atomic(output, stream_audit(report, "json"))  # as `--format json -o` does
        measured = {
            "audit_s": audited,
            "total_s": time.perf_counter() - began,
            "claims": len(report.claims),
            "contradictions": len(report.contradictions),
            "skipped": len(report.skipped),
            "audit_rss_mb": audit_rss,
            "peak_rss_mb": _peak_rss_mb(),
        }
        with output.open(encoding="utf-8") as written:  # (after measuring: a check only)
            json.load(written)
    print(json.dumps(measured))


CASES = ("baseline", "single-line", "no-stops", "digits-10k", "million-lines")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rules", default=str(ROOT / "rules"))
    parser.add_argument("--only", nargs="*", choices=CASES, default=list(CASES))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.rules)
        return 0
    print(
        f"{'case':<14} {'file MB':>8} {'audit s':>8} {'+json s':>8} {'claims':>7}"
        f" {'RSS MB':>7} {'+json':>7}"
    )
    for name in args.only:
        with tempfile.TemporaryDirectory() as tmp:
            _write(Path(tmp), name, args.scale)
            size = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 1024 / 1024
            done = subprocess.run(
                [sys.executable, __file__, "--child", tmp, "--rules", args.rules],
                capture_output=True,
                text=True,
                check=False,
                env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            )
            if done.returncode != 0:
                print(f"{name:<14} {size:8.1f}  FAILED: {done.stderr.strip()[-300:]}")
                continue
            m = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"{name:<14} {size:8.1f} {m['audit_s']:8.2f} {m['total_s']:8.2f}"
                f" {m['claims']:7d} {m['audit_rss_mb']:7.0f} {m['peak_rss_mb']:7.0f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
