"""recheck's speed and memory at scale, stage by stage and end to end.

Usage: python bench/benchmark.py [--mb 1 10 100] [--seed 0] [--linearity 25]
                                 [--linearity-rounds 3] [--quantulum3-python PYTHON]
                                 [--json FILE]

For each size it writes a corpus with ``bench/corpus.py`` (bilingual articles whose
entities, metrics, periods and numbers vary, with planted contradictions) into a
temporary folder, then measures:

* **stages**, in this process, one file at a time: read (bytes and decoding), split
  (articles and sentences), extract (quantities in every sentence), frame (entity,
  metric, period and modality of every quantity), compare (every rule) and report (the
  text table and the JSON report). Each stage's wall time, MB/s and claims/s;
* **end to end**, ``recheck audit DIR`` as a user runs it, in a fresh process, with
  the claim cache on (the default) and empty: ``--jobs 1`` and ``--jobs 2`` (identical
  reports, checked), then the same audit again with the cache full. The unit memo is
  warm, as on any machine that has run recheck once. Wall time, MB/s, CPU time (the
  process and its workers), the share of the machine's CPU time its hypervisor gave to
  other machines meanwhile ("stolen", from /proc/stat: what makes the same run take
  twice as long an hour later on a shared virtual machine), and peak memory: the
  largest process's peak RSS, exact, and the sum over the process and its workers,
  sampled every 20 ms;
* how many planted contradictions the report holds, and how many other findings.

Then, once: the ratio against quantulum3 on the English part of the smallest corpus,
in this run (when quantulum3 is installed here, or in the interpreter given with
``--quantulum3-python``); ``recheck --help`` and ``recheck audit seeds/``, median of 5
wall times, with an empty cache folder (cold) and with a warm one; and, with
``--linearity X``, the end-to-end time at X MB against 4·X MB (the largest size must be
4·X): 4 times the input must take at most 4.4 times as long. The size tables' audits
are one round; ``--linearity-rounds N`` (default 3) adds rounds that audit X and then
4·X MB one right after the other, and the ratio is that of the medians, in wall time
and in CPU time.

It prints a Markdown table per part; ``--json`` also writes every figure to a file.
This is a benchmark, not a test: no test asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import Manifest, generate, score  # noqa: E402
from extract_speed import median_time, quantulum3_time  # noqa: E402
from recheck import documents, heap  # noqa: E402
from recheck.cache import FORMAT as CLAIMS  # noqa: E402
from recheck.framing import Framer  # noqa: E402
from recheck.quantities import extract_quantities  # noqa: E402
from recheck.rulebook import load_rulebook  # noqa: E402
from recheck.unitmemo import FOLDER as UNIT_MEMO  # noqa: E402

RULES = ROOT / "rules"
SEEDS = ROOT / "seeds"


@dataclass(frozen=True)
class Stage:
    name: str
    seconds: float
    mb_per_s: float
    claims_per_s: float


@dataclass(frozen=True)
class Run:
    label: str
    seconds: float
    mb_per_s: float
    peak_mb: float  # the largest process's peak RSS
    tree_peak_mb: float  # the process and its workers together, sampled
    exit_code: int
    cpu_seconds: float = 0.0  # user and system time of the process and its workers
    stolen: float | None = None  # share of the machine's CPU its hypervisor took meanwhile


@dataclass(frozen=True)
class Size:
    mb: float
    bytes: int
    files: int
    claims: int
    contradictions: int
    planted: int
    planted_found: int
    other_findings: int
    stages: tuple[Stage, ...]
    runs: tuple[Run, ...]


# -- stages, in this process --------------------------------------------------------


def measure_stages(folder: Path, size: int) -> tuple[tuple[Stage, ...], object]:
    """Each stage's wall time over the corpus in ``folder``, and the report."""
    with heap.holds():  # as the command line holds it (see recheck.heap)
        return _stages(folder, size)


def _stages(folder: Path, size: int) -> tuple[tuple[Stage, ...], object]:
    from recheck.audit import claim_order, incomparable_metrics
    from recheck.engine import run_rules
    from recheck.models import Report
    from recheck.ranking import rank
    from recheck.reporters import render_audit

    rulebook = load_rulebook(RULES)
    framer = Framer(rulebook.vocabulary, extract_quantities)
    spent = dict.fromkeys(("read", "split", "extract", "frame", "compare", "report"), 0.0)
    claims = []
    keeper = heap.Keeper()
    for path in documents.iter_paths([str(folder)]):
        began = time.perf_counter()
        document = documents.read_document(path)
        spent["read"] += time.perf_counter() - began
        if not isinstance(document, documents.Document):
            continue
        began = time.perf_counter()
        articles = [(a, list(documents.sentences(a))) for a in documents.split_articles(document)]
        spent["split"] += time.perf_counter() - began
        began = time.perf_counter()
        found = {s.text: extract_quantities(s.text) for _, sentences in articles for s in sentences}
        spent["extract"] += time.perf_counter() - began
        framer.extract = found.__getitem__  # frame without extracting again
        began = time.perf_counter()
        for article, sentences in articles:
            claims.extend(framed := framer.frame_article(article, sentences))
            keeper.gathered(len(framed))
        spent["frame"] += time.perf_counter() - began
    claims.sort(key=claim_order)
    incomparable = incomparable_metrics(rulebook)
    began = time.perf_counter()
    contradictions = rank(run_rules(claims, rulebook.rules, incomparable, rulebook.exchange_rates))
    spent["compare"] = time.perf_counter() - began
    report = Report(claims=tuple(claims), contradictions=contradictions, rules=rulebook.rules)
    began = time.perf_counter()
    render_audit(report, "text", color=False)
    render_audit(report, "json", color=False)
    spent["report"] = time.perf_counter() - began
    stages = tuple(
        Stage(name, seconds, size / 1e6 / seconds, len(claims) / seconds)
        for name, seconds in spent.items()
    )
    return stages, report


# -- end to end, in a fresh process -------------------------------------------------


# Runs recheck in a child and reports the wall time, and the largest peak RSS and the
# CPU time of that child and its workers (RUSAGE_CHILDREN covers every descendant that
# was waited for).
_WRAPPER = """
import resource, subprocess, sys, time
began = time.perf_counter()
code = subprocess.call(sys.argv[1:])
seconds = time.perf_counter() - began
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{seconds} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime} {code}", file=sys.stderr)
"""


def cpu_ticks() -> tuple[int, int] | None:
    """(stolen, all) CPU ticks of this machine since boot, from /proc/stat; ``None``
    where there is no such file."""
    try:
        with open("/proc/stat") as handle:
            fields = [int(f) for f in handle.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user nice system idle iowait irq softirq steal [guest guest_nice, within user/nice]
    return (fields[7], sum(fields[:8])) if len(fields) >= 8 else None


def stolen_between(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """The share of the machine's CPU time its hypervisor gave to other machines."""
    if before is None or after is None or after[1] == before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


def run_cli(label: str, args: list[str], size: int, env: dict[str, str]) -> Run:
    """``python -m recheck ARGS`` in a fresh process: wall time and peak memory."""
    process = subprocess.Popen(
        [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "recheck", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    ticks = cpu_ticks()
    sampler = _TreeSampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    sampler.stop()
    stolen = stolen_between(ticks, cpu_ticks())
    *output, last = stderr.decode("utf-8", "replace").strip().splitlines() or [""]
    seconds, peak_kb, cpu, code = last.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"recheck {' '.join(args)} failed: {' '.join(output)[-500:]}")
    # the wrapper's own few MB are in the sampled sum; the largest process is recheck's
    return Run(
        label, float(seconds), size / 1e6 / float(seconds), int(peak_kb) / 1024,
        sampler.peak_mb, int(code), float(cpu), stolen,
    )  # fmt: skip


class _TreeSampler:
    """Samples the RSS of a process and all its descendants from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_mb = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.is_set():
            sizes = [_rss_mb(pid) for pid in _tree(self.pid)]
            self.peak_mb = max(self.peak_mb, sum(sizes))
            self._done.wait(0.02)


def _tree(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    queue += [int(child) for child in handle.read().split()]
            except OSError:
                pass
    return found


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def end_to_end(folder: Path, size: int, jobs: list[int], work: Path) -> tuple[Run, ...]:
    """``recheck audit`` as a user runs it: with the claim cache on (the default) and
    empty, for each ``--jobs``; then, for the first, again with the cache full. The unit
    memo is warm, as on any machine that has run recheck once (see start_up for the
    very first run)."""
    env = _memo_env(work)
    runs = []
    outputs = []
    for count in jobs:
        cache = _empty_cache(work)
        out = work / f"report-{count}.txt"
        args = ["audit", str(folder), "--jobs", str(count), "--cache-dir", str(cache)]
        runs.append(run_cli(f"--jobs {count}, empty cache", [*args, "-o", str(out)], size, env))
        outputs.append(out.read_bytes())
        if count == jobs[0]:
            again = run_cli(f"--jobs {count}, full cache", [*args, "-o", str(out)], size, env)
            if out.read_bytes() != outputs[0]:
                raise SystemExit("the report from the cache differs from the first one")
            runs.append(again)
        shutil.rmtree(cache, ignore_errors=True)
    if any(o != outputs[0] for o in outputs):
        raise SystemExit("the reports for different --jobs differ")
    return tuple(runs)


def _memo_env(work: Path) -> dict[str, str]:
    return {**os.environ, "RECHECK_CACHE_DIR": str(work / "memo")}


def _empty_cache(work: Path) -> Path:
    """A new claim cache folder holding only the warm unit memo."""
    cache = Path(tempfile.mkdtemp(dir=work, prefix="cache-"))
    shutil.copytree(work / "memo" / UNIT_MEMO, cache / UNIT_MEMO)
    return cache


def cold_audit(folder: Path, size: int, jobs: int, work: Path) -> Run:
    """One ``recheck audit --jobs N`` with an empty cache (the unit memo warm)."""
    cache = _empty_cache(work)
    args = ["audit", str(folder), "--jobs", str(jobs), "--cache-dir", str(cache)]
    try:
        return run_cli(f"--jobs {jobs}, empty cache", args, size, _memo_env(work))
    finally:
        shutil.rmtree(cache, ignore_errors=True)


# -- once ---------------------------------------------------------------------------


def start_up(work: Path) -> list[tuple[str, float]]:
    """Median wall times of 5 runs: --help, and audit seeds/ cold and warm."""

    folder = work / "startup-cache"
    env = {**os.environ, "RECHECK_CACHE_DIR": str(folder)}

    def median(args: list[str], forget: Path | None = None) -> float:
        times = []
        for _ in range(5):
            if forget is not None:
                shutil.rmtree(forget, ignore_errors=True)
            times.append(run_cli("", args, 0, env).seconds)
        return statistics.median(times)

    seeds = ["audit", str(SEEDS)]
    return [
        ("recheck --help", median(["--help"])),
        ("recheck audit seeds/, empty cache folder (first run)", median(seeds, folder)),
        (
            "recheck audit seeds/ --no-cache (no claim cache, no unit memo)",
            median([*seeds, "--no-cache"]),
        ),
        (
            "recheck audit seeds/, new files (claims not cached, unit memo warm)",
            median(seeds, folder / CLAIMS),
        ),
        ("recheck audit seeds/, warm cache", median(seeds)),
    ]


def against_quantulum3(manifest: Manifest, folder: Path, python: str | None) -> dict | None:
    """recheck's and quantulum3's extraction speed on the same English text."""
    text = "\n".join(
        line
        for name in manifest.english_files[:60]
        for line in (folder / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    theirs = quantulum3_time(text, 1, python)
    if theirs is None:
        return None
    ours = median_time(extract_quantities, text, 3, by_line=True)
    return {
        "characters": len(text),
        "recheck_s": ours[0],
        "quantulum3_s": theirs[0],
        "ratio": theirs[0] / ours[0],
    }


# -- main ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1.0, 10.0, 100.0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--linearity", type=float, help="also measure X MB against 4·X MB")
    parser.add_argument(
        "--linearity-rounds", type=int, default=3,
        help="audits of X and 4·X MB, alternating, of which the median counts",
    )  # fmt: skip
    parser.add_argument("--quantulum3-python", help="an interpreter with quantulum3 installed")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--skip-start-up", action="store_true")
    args = parser.parse_args(argv)

    sizes = sorted(set(args.mb) | ({args.linearity} if args.linearity else set()))
    if args.linearity and 4 * args.linearity not in sizes:
        parser.error(f"--linearity {args.linearity:g} needs --mb to include {4 * args.linearity:g}")
    print(f"recheck benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    results: list[Size] = []
    extra: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="recheck-bench-") as tmp:
        work = Path(tmp)
        memo = {**os.environ, "RECHECK_CACHE_DIR": str(work / "memo")}
        run_cli("warm the unit memo", ["audit", str(SEEDS)], 0, memo)
        for mb in sizes:
            folder = work / f"corpus-{mb:g}"
            manifest = generate(folder, mb, args.seed)
            stages, report = measure_stages(folder, manifest.bytes_written)
            scored = score(manifest, report)
            runs = end_to_end(folder, manifest.bytes_written, args.jobs, work)
            results.append(
                Size(
                    mb=mb,
                    bytes=manifest.bytes_written,
                    files=manifest.files_written,
                    claims=len(report.claims),
                    contradictions=len(report.contradictions),
                    planted=scored.planted,
                    planted_found=scored.found,
                    other_findings=scored.other_findings,
                    stages=stages,
                    runs=runs,
                )
            )
            _print_size(results[-1])
            if mb == sizes[0]:
                extra["quantulum3"] = against_quantulum3(manifest, folder, args.quantulum3_python)
            del report
            if not args.linearity or mb not in (args.linearity, 4 * args.linearity):
                shutil.rmtree(folder)
        if args.linearity:
            extra["linearity"] = linearity(results, args.linearity, args.linearity_rounds, work)
        if not args.skip_start_up:
            extra["start_up"] = start_up(work)
    _print_extra(extra)
    if args.json:
        record = {"sizes": [asdict(r) for r in results], **extra}
        args.json.write_text(json.dumps(record, indent=2), encoding="utf-8")
    return 0


def linearity(results: list[Size], small: float, rounds: int, work: Path) -> dict[str, object]:
    """The time at 4·X MB against X MB, with one process and an empty cache.

    The first round is the audits of the size tables, minutes apart; each further
    round audits X MB and then 4·X MB, one right after the other, so that both meet the
    machine in the same mood. The ratio is that of the medians, in wall time and in CPU
    time (which other processes do not add to; the hypervisor's stolen time inflates
    both, so read each round's stolen share)."""
    by_mb = {r.mb: r for r in results}
    pairs = [(by_mb[small].runs[0], by_mb[4 * small].runs[0])]  # the first --jobs, cold
    for _ in range(rounds - 1):
        pairs.append(tuple(
            cold_audit(work / f"corpus-{mb:g}", by_mb[mb].bytes, 1, work)
            for mb in (small, 4 * small)
        ))  # fmt: skip
    for mb in (small, 4 * small):
        shutil.rmtree(work / f"corpus-{mb:g}", ignore_errors=True)

    def median(pick: Callable[[Run], float], at: int) -> float:
        return statistics.median(pick(pair[at]) for pair in pairs)

    wall = (median(lambda r: r.seconds, 0), median(lambda r: r.seconds, 1))
    cpu = (median(lambda r: r.cpu_seconds, 0), median(lambda r: r.cpu_seconds, 1))
    return {
        "small_mb": small,
        "rounds": [[asdict(one), asdict(four)] for one, four in pairs],
        "small_s": wall[0], "large_s": wall[1], "ratio": wall[1] / wall[0],
        "small_cpu_s": cpu[0], "large_cpu_s": cpu[1], "cpu_ratio": cpu[1] / cpu[0],
    }  # fmt: skip


def _print_size(size: Size) -> None:
    print(
        f"## {size.mb:g} MB: {size.bytes:,} bytes in {size.files:,} files, "
        f"{size.claims:,} claims, {size.contradictions:,} contradictions "
        f"({size.planted_found}/{size.planted} planted found, "
        f"{size.other_findings} other findings)\n"
    )
    print("| stage (one process) | seconds | MB/s | claims/s |")
    print("|---|---:|---:|---:|")
    for stage in size.stages:
        print(
            f"| {stage.name} | {stage.seconds:.2f} | {stage.mb_per_s:.2f} | "
            f"{stage.claims_per_s:,.0f} |"
        )
    total = sum(s.seconds for s in size.stages)
    print(f"| all stages | {total:.2f} | {size.bytes / 1e6 / total:.2f} | "
          f"{size.claims / total:,.0f} |\n")  # fmt: skip
    print("| `recheck audit` (fresh process) | seconds | MB/s | CPU seconds | stolen | "
          "peak RSS, largest process | peak RSS, all processes |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|")
    for run in size.runs:
        print(
            f"| {run.label} | {run.seconds:.2f} | {run.mb_per_s:.2f} | {run.cpu_seconds:.2f} | "
            f"{_share(run.stolen)} | {run.peak_mb:,.0f} MB | {run.tree_peak_mb:,.0f} MB |"
        )
    print()


def _share(fraction: float | None) -> str:
    return "?" if fraction is None else f"{fraction:.0%}"


def _print_extra(extra: dict[str, object]) -> None:
    q3 = extra.get("quantulum3")
    if isinstance(q3, dict):
        print(
            f"quantulum3 on the same {q3['characters']:,} characters of English: "
            f"{q3['quantulum3_s']:.2f} s against recheck's {q3['recheck_s']:.3f} s: "
            f"recheck is {q3['ratio']:.0f} times as fast\n"
        )
    elif "quantulum3" in extra:
        print("quantulum3: not installed here (see --quantulum3-python)\n")
    lin = extra.get("linearity")
    if isinstance(lin, dict):
        small = lin["small_mb"]
        print(f"| linearity, `--jobs 1`, empty cache | {small:g} MB | {4 * small:g} MB | "
              "4·X / X (target: at most 4.4) |")  # fmt: skip
        print("|---|---:|---:|---:|")
        for number, (one, four) in enumerate(lin["rounds"], start=1):
            print(
                f"| round {number}: wall (CPU) seconds, stolen | {one['seconds']:.1f} "
                f"({one['cpu_seconds']:.1f}), {_share(one['stolen'])} | "
                f"{four['seconds']:.1f} ({four['cpu_seconds']:.1f}), {_share(four['stolen'])}"
                f" | {four['seconds'] / one['seconds']:.2f} "
                f"({four['cpu_seconds'] / one['cpu_seconds']:.2f}) |"
            )
        print(f"| median, wall time | {lin['small_s']:.1f} | {lin['large_s']:.1f} | "
              f"{lin['ratio']:.2f} |")  # fmt: skip
        print(f"| median, CPU time | {lin['small_cpu_s']:.1f} | {lin['large_cpu_s']:.1f} | "
              f"{lin['cpu_ratio']:.2f} |\n")  # fmt: skip
    start = extra.get("start_up")
    if isinstance(start, list):
        print("| start-up (median of 5) | seconds |")
        print("|---|---:|")
        for label, seconds in start:
            print(f"| {label} | {seconds:.2f} |")


if __name__ == "__main__":
    raise SystemExit(main())
