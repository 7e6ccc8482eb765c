"""The per-file work of an audit: read one file, split it, extract and frame its claims.

Files are independent of each other, so this work runs one file at a time, in this
process or in worker processes (``jobs``), and each file's claims can be cached by the
hash of its bytes (:mod:`recheck.cache`). Whatever runs it, the claims of every file are
the same, and :func:`frame_files` yields them in the order of the paths. The one thing a
file takes from the others is the year of a dateline that gives none: the audit frames
such a file again once it knows the run's dates (:func:`infer_days`).
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import documents, unitmemo
from .cache import ClaimCache, extraction_key
from .datelines import Anchors, Heads, MonthDay, dated
from .models import Claim, Skipped
from .rulebook import Rulebook

if TYPE_CHECKING:
    from .framing import Framer

# Below this much input, worker processes cost more to start than they save.
PARALLEL_MIN_BYTES = 512 * 1024
# Files handed to a worker at a time: enough to keep the pipe quiet, few enough that
# the workers finish together.
CHUNK_FILES = 8


@dataclass(frozen=True)
class FileClaims:
    """What one file gave: its claims, or why it was skipped."""

    path: str  # printable (see documents.printable_path)
    claims: tuple[Claim, ...] = ()
    skipped: Skipped | None = None
    cached: bool = False  # the claims came from the cache
    heads: Heads = field(default_factory=Heads)  # what its datelines say (recheck.datelines)


ENGINES = ("local", "dask")


@dataclass(frozen=True)
class Execution:
    """How an audit runs. ``jobs``: worker processes for the per-file work (1: this
    process); ``cache``: the claim cache folder, or ``None`` for none; ``engine``:
    ``local``, or ``dask`` to run on the Dask cluster whose scheduler is at
    ``scheduler`` (see :mod:`recheck.dask_engine`)."""

    jobs: int = 1
    cache: Path | None = None
    engine: str = "local"
    scheduler: str | None = None


IN_PROCESS = Execution()  # one process, no cache: what the library does unless told


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class FileWorker:
    """Frames one file at a time with one rulebook (and cache)."""

    def __init__(self, rulebook: Rulebook, cache_folder: Path | None = None) -> None:
        self.vocabulary = rulebook.vocabulary
        self._framer: Framer | None = None
        digest = rulebook.vocabulary.digest
        self.cache = (
            ClaimCache(cache_folder, extraction_key(digest))
            if cache_folder is not None and digest
            else None
        )

    def framer(self) -> Framer:
        """The framer, built on the first file the cache does not hold: the extractor's
        patterns take a fifth of a second to compile."""
        if self._framer is None:
            from .framing import Framer
            from .quantities import extract_quantities

            self._framer = Framer(self.vocabulary, extract_quantities)
        return self._framer

    def __call__(
        self,
        path: str,
        read_from: str | None = None,
        days: Mapping[MonthDay, date] | None = None,
    ) -> FileClaims:
        """The claims of the file at ``path``, named as given; ``read_from``: where to
        read it when that differs (the absolute path, on a machine with another cwd);
        ``days``: the dates of its year-less datelines (see :func:`infer_days`)."""
        shown = documents.printable_path(path)
        data = documents.read_bytes(read_from or path)
        if isinstance(data, Skipped):
            return FileClaims(shown, skipped=Skipped(shown, data.reason))
        key = self.cache.key(shown, data, days) if self.cache is not None else ""
        if self.cache is not None:
            entry = self.cache.get(key)
            if entry is not None:
                return FileClaims(shown, entry[0], cached=True, heads=entry[1])
        document = documents.decode_document(shown, data)
        if isinstance(document, Skipped):
            return FileClaims(shown, skipped=document)
        found: list[Claim] = []
        articles = documents.split_articles(document)
        for article in articles:
            article = dated(article, days or {})
            found.extend(self.framer().frame_article(article, documents.sentences(article)))
        claims, heads = tuple(found), Heads.of(articles)
        if self.cache is not None:
            self.cache.put(key, claims, heads)
        return FileClaims(shown, claims, heads=heads)


def infer_days(results: Sequence[FileClaims]) -> dict[str, dict[MonthDay, date]]:
    """For each file of ``results`` with a year-less dateline, the dates they are read
    as (see :mod:`recheck.datelines`), given the dated articles of them all."""
    if not any(result.heads.month_days for result in results):
        return {}  # (most runs: no need to sort the run's dates)
    anchors = Anchors(day for result in results for day in result.heads.dates)
    inferred = {}
    for result in results:
        if result.heads.month_days and anchors:
            days = anchors.days(result.heads.month_days)
            if days:
                inferred[result.path] = days
    return inferred


def frame_files(
    paths: Sequence[str], rulebook: Rulebook, execution: Execution = IN_PROCESS
) -> Iterator[FileClaims]:
    """Each file's claims, in the order of ``paths``."""
    if execution.jobs > 1 and len(paths) > 1 and _total_bytes(paths) >= PARALLEL_MIN_BYTES:
        yield from _in_workers(paths, rulebook, execution)
    else:
        worker = FileWorker(rulebook, execution.cache)
        for path in paths:
            yield worker(path)


def _total_bytes(paths: Sequence[str]) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            total += os.stat(path).st_size
        if total >= PARALLEL_MIN_BYTES:
            break
    return total


_worker: FileWorker | None = None  # one per worker process


@contextlib.contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back while worker processes fork; it arrives as the block ends.

    Forking runs at-fork callbacks in Python (logging's), where an exception from the
    parent's Ctrl-C handler is printed as ignored and lost: the audit would go on and end
    with a traceback on the screen. A forked worker inherits the block, so a Ctrl-C sent to
    it before its initializer ignores SIGINT is discarded there, not raised.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: workers are spawned, not forked
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start_worker(rulebook: Rulebook, cache_folder: Path | None) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    unitmemo.use(cache_folder)  # as in the parent, when workers are spawned, not forked
    _worker = FileWorker(rulebook, cache_folder)


def _work(path: str) -> FileClaims:
    assert _worker is not None, "worker not started"
    return _worker(path)


def _in_workers(
    paths: Sequence[str], rulebook: Rulebook, execution: Execution
) -> Iterator[FileClaims]:
    jobs = min(execution.jobs, len(paths))
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(rulebook, execution.cache)
    ) as pool:
        try:
            with _ctrl_c_deferred():  # map submits every chunk now, and the workers fork
                claims = pool.map(_work, paths, chunksize=CHUNK_FILES)
            yield from claims
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
