"""Compare the speed of two versions of recheck without trusting the clock.

Usage: python bench/ab.py CORPUS [--base REV] [--stage frame|compare] [--rounds N]

The machine this project is measured on drifts by up to 2.5x from one minute to the
next, so a benchmark run before a change and another after it say more about the
machine than about the change. This script loads recheck as it was at git revision
REV (default: HEAD) beside the working tree, in one process, and alternates the two
over the corpus, timing each in CPU time, so that both see the same minutes:

* ``frame`` (the default): reading, splitting, extracting and framing, file chunk by
  file chunk, each version with its own rules folder; it counts the files whose
  claims differ in number;
* ``compare``: the rules over the claims the working tree extracts, ``--rounds``
  times each; it counts the findings that differ.

It prints each version's CPU time and the ratio (above 1: the working tree is faster).
It is a measurement, not a test: it exits 0 whatever the ratio.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
BASE = "recheck_base"  # the name the older version is imported under
CHUNK = 20  # files per turn
_IMPORTS = re.compile(r"^(\s*)(from|import) recheck(?=[.\s])", re.MULTILINE)


def export(rev: str, dest: Path) -> Path:
    """The package and rules folder at ``rev`` written under ``dest``, the package
    renamed to ``recheck_base`` (its absolute imports too); returns the rules folder."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src/recheck", "rules"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(dest, **safe)  # (this repository's own archive)
    package = dest / "src" / "recheck"
    for path in package.rglob("*.py"):
        path.write_text(_IMPORTS.sub(rf"\1\2 {BASE}", path.read_text("utf-8")), "utf-8")
    package.rename(dest / "src" / BASE)
    return dest / "rules"


def load(name: str, folder: Path | None = None) -> dict[str, ModuleType]:
    """The modules of one version the comparison needs."""
    if folder is not None:
        sys.path.insert(0, str(folder))
    return {
        part: importlib.import_module(f"{name}.{part}")
        for part in ("audit", "documents", "engine", "pipeline", "rulebook")
    }


def timed(run: Callable[[], object]) -> tuple[float, object]:
    began = time.process_time()
    result = run()
    return time.process_time() - began, result


def frame_stage(corpus: str, versions: dict[str, tuple[dict, Path]]) -> tuple[dict, int]:
    files, _ = versions["new"][0]["documents"].find([corpus])
    workers = {
        name: mods["pipeline"].FileWorker(mods["rulebook"].load_rulebook(rules))
        for name, (mods, rules) in versions.items()
    }
    for worker in workers.values():
        worker(files[0])  # compile the patterns outside the timing
    spent = dict.fromkeys(workers, 0.0)
    differing = 0
    for turn, start in enumerate(range(0, len(files), CHUNK)):
        chunk = files[start : start + CHUNK]
        order = list(workers) if turn % 2 == 0 else list(reversed(workers))
        counts = {}
        for name in order:
            seconds, results = timed(lambda w=workers[name], c=chunk: [w(p) for p in c])
            spent[name] += seconds
            counts[name] = [len(r.claims) for r in results]
        differing += sum(a != b for a, b in zip(counts["base"], counts["new"], strict=True))
    return spent, differing


def compare_stage(
    corpus: str, versions: dict[str, tuple[dict, Path]], rounds: int
) -> tuple[dict, int]:
    new = versions["new"][0]
    rulebook = new["rulebook"].load_rulebook(versions["new"][1])
    claims, _ = new["audit"].extract_claims([corpus], rulebook)
    claims.sort(key=new["audit"].claim_order)
    runs = {}
    for name, (mods, rules) in versions.items():
        book = mods["rulebook"].load_rulebook(rules)
        args = [claims, book.rules, mods["audit"].incomparable_metrics(book)]
        if "rates" in inspect.signature(mods["engine"].run_rules).parameters:
            args.append(book.exchange_rates)
        runs[name] = lambda m=mods, a=args: m["engine"].run_rules(*a)
    spent = dict.fromkeys(runs, 0.0)
    found = {}
    for turn in range(rounds):
        for name in list(runs) if turn % 2 == 0 else list(reversed(runs)):
            seconds, result = timed(runs[name])
            spent[name] += seconds
            found[name] = sorted(c.fingerprint for c in result)
    return spent, len(set(found["base"]) ^ set(found["new"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--base", default="HEAD", help="git revision to compare with")
    parser.add_argument("--stage", choices=("frame", "compare"), default="frame")
    parser.add_argument("--rounds", type=int, default=6, help="compare: runs of each")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="recheck-ab-") as tmp:
        base_rules = export(args.base, Path(tmp))
        versions = {
            "base": (load(BASE, Path(tmp) / "src"), base_rules),
            "new": (load("recheck"), ROOT / "rules"),
        }
        if args.stage == "frame":
            spent, differing = frame_stage(args.corpus, versions)
            what = "files whose claims differ in number"
        else:
            spent, differing = compare_stage(args.corpus, versions, args.rounds)
            what = "findings in one version only"
    print(
        f"{args.stage}: {args.base} {spent['base']:.2f} s, working tree {spent['new']:.2f} s "
        f"of CPU: {spent['base'] / max(spent['new'], 1e-9):.3f}x; {what}: {differing}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
