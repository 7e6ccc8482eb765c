"""The audit on a Dask cluster (``recheck audit --engine dask --scheduler ADDRESS``).

The report is the one the local engine writes; only where the work runs changes::

    client   list the files (documents.iter_paths), cut the list into batches
       |     scatter the rulebook to every worker, once
    workers  frame each batch with a FileWorker                  -> FileClaims per file
    client   gather each file's heads (its datelines' dates), date the year-less ones
       |     (pipeline.infer_days)
    workers  frame again each file with a year-less dateline now dated
       |     shard each batch's claims by engine.partition_key  -> one shard per partition
    workers  per partition: its shards of every batch, plus its share of the
       |     reference rows, go through engine.group_findings    -> findings
    client   gather the FileClaims (the report lists every claim) and the findings,
             run engine.survey_findings over all the claims, rank, build the Report

Claims with different partition keys (entity, metric, and unit with its currency left
open) never meet in a group, so the findings of the partitions together are what
``group_findings`` finds on all the claims at once (and ``engine.prepare``, which dates
a claim by those of its key and converts a key's figures stated in several currencies,
reads each partition as it reads all the claims); the survey kinds look across groups
and run on the client.

Workers read the files themselves, from the paths the client lists, made absolute in
the client's working folder (the report names them as given): the input must be on a
filesystem every worker mounts at the same path. The rules travel from the client. The claim cache
(``execution.cache``) is a folder on each worker's machine, shared only if that folder
is. The connection timeout is Dask's ``distributed.comm.timeouts.connect``
(``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s``). See docs/dask.md.
"""

from __future__ import annotations

import asyncio
import operator
import os
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from concurrent.futures import Future
from contextlib import contextmanager
from datetime import date
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from . import documents
from .audit import claim_order, incomparable_metrics, no_documents
from .datelines import MonthDay
from .engine import group_findings, partition_key, prepare, survey_findings
from .errors import ClusterError, InputError
from .models import Claim, Contradiction, Report
from .pipeline import Execution, FileClaims, FileWorker, infer_days
from .ranking import rank
from .rulebook import Rulebook

if TYPE_CHECKING:
    from distributed import Client
    from tornado.ioloop import IOLoop

BATCHES_PER_THREAD = 4  # file batches per worker thread: enough to even out the load
PARTITIONS_PER_THREAD = 1  # comparison partitions per worker thread

Shards = tuple[tuple[Claim, ...], ...]


def audit_on_dask(
    paths: list[str],
    rulebook: Rulebook,
    rows: Sequence[Claim],
    execution: Execution,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """The report :func:`recheck.audit.audit` gives, computed on the cluster whose
    scheduler is at ``execution.scheduler``."""
    try:
        import distributed
    except ImportError:
        raise InputError(
            "the dask engine needs the dask extra: pip install 'recheck[dask]'"
        ) from None
    if not execution.scheduler:
        raise InputError("the dask engine needs a scheduler address (tcp://HOST:8786)")
    files, skipped = documents.find(paths)
    if not files:
        raise no_documents(paths, skipped)
    incomparable = incomparable_metrics(rulebook)

    with _connect(execution.scheduler) as client, _cluster_failures(execution.scheduler):
        threads = sum(client.nthreads().values())
        batches = [
            [(path, os.path.abspath(path)) for path in batch]
            for batch in _split(files, BATCHES_PER_THREAD * threads)
        ]
        parts = max(1, PARTITIONS_PER_THREAD * threads)
        book = client.scatter(rulebook, broadcast=True, hash=False)
        framed = client.map(_frame, batches, rulebook=book, cache=execution.cache, pure=False)
        if progress is not None:
            sizes = {f.key: len(batch) for f, batch in zip(framed, batches, strict=True)}
            done = 0
            for future in distributed.as_completed(framed, loop=client.loop):
                done += sizes[future.key]
                progress(done, len(files))
        # the year-less datelines' dates need every file's heads: files with one are
        # framed again before their claims are sharded
        heads = chain.from_iterable(client.gather(client.map(_heads, framed, pure=False)))
        inferred = infer_days(list(heads))
        again = [
            [(path, read_from, inferred[shown])]
            for batch in batches
            for path, read_from in batch
            if (shown := documents.printable_path(path)) in inferred
        ]
        reframed = client.map(_frame, again, rulebook=book, cache=execution.cache, pure=False)
        shards = [
            *client.map(_shard_batch, framed, parts=parts, skip=set(inferred), pure=False),
            *client.map(_shard_batch, reframed, parts=parts, pure=False),
        ]
        row_shards = _shard(rows, parts)
        findings = [
            client.submit(
                _compare,
                book,
                incomparable,
                row_shards[i],
                *(client.submit(operator.getitem, s, i, pure=False) for s in shards),
                pure=False,
            )
            for i in range(parts)
        ]
        redone = {r.path: r for r in chain.from_iterable(client.gather(reframed))}
        results: list[FileClaims] = [
            redone.get(r.path, r) for r in chain.from_iterable(client.gather(framed))
        ]
        claims = [c for r in results if r.skipped is None for c in r.claims]
        skipped += [r.skipped for r in results if r.skipped is not None]
        if all(r.skipped is not None for r in results):
            raise no_documents(paths, skipped)
        grouped: list[Contradiction] = list(chain.from_iterable(client.gather(findings)))

    claims.sort(key=claim_order)
    # rank orders by score, then fingerprint, which names the rule and the group: the
    # order the partitions come back in cannot change the report.
    surveyed = survey_findings(prepare([*claims, *rows], rulebook.exchange_rates), rulebook.rules)
    contradictions = rank(surveyed + grouped)
    return Report(
        claims=tuple(claims),
        contradictions=contradictions,
        rules=rulebook.rules,
        skipped=tuple(skipped),
    )


# -- on the workers ------------------------------------------------------------------


def _frame(
    batch: list[tuple[str, str] | tuple[str, str, dict[MonthDay, date]]],
    rulebook: Rulebook,
    cache: Path | None,
) -> list[FileClaims]:
    """Each (path as given, absolute path[, dates of its year-less datelines]) of
    ``batch`` framed."""
    worker = FileWorker(rulebook, cache)
    return [worker(*item) for item in batch]


def _heads(results: list[FileClaims]) -> list[FileClaims]:
    """What the client needs of ``results`` to date the year-less datelines: each
    file's name and heads, without its claims."""
    return [FileClaims(r.path, heads=r.heads) for r in results]


def _shard_batch(results: list[FileClaims], parts: int, skip: Set[str] = frozenset()) -> Shards:
    """The claims of ``results``, but those of the files named in ``skip``, sharded."""
    return _shard(chain.from_iterable(r.claims for r in results if r.path not in skip), parts)


def _shard(claims: Iterable[Claim], parts: int) -> Shards:
    """``claims`` cut into ``parts`` shards by partition key, each in the given order."""
    shards: list[list[Claim]] = [[] for _ in range(parts)]
    for claim in claims:
        # crc32, not hash(): every process must put a key in the same shard.
        key = "\x1f".join(partition_key(claim)).encode("utf-8", "surrogatepass")
        shards[zlib.crc32(key) % parts].append(claim)
    return tuple(tuple(shard) for shard in shards)


def _compare(
    rulebook: Rulebook,
    incomparable: frozenset[str],
    rows: tuple[Claim, ...],
    *shards: tuple[Claim, ...],
) -> list[Contradiction]:
    """The grouping rules' findings on one partition. The claims go in the order the
    local engine gives them: sorted as the report sorts them (a stable sort, so claims
    at one position keep the order they were extracted in), then the reference rows."""
    claims = sorted(chain.from_iterable(shards), key=claim_order)
    prepared = prepare([*claims, *rows], rulebook.exchange_rates)
    return group_findings(prepared, rulebook.rules, incomparable)


# -- on the client -------------------------------------------------------------------


def _split(files: list[str], batches: int) -> list[list[str]]:
    """``files`` in at most ``batches`` contiguous runs of near-equal length."""
    n = max(1, min(batches, len(files)))
    return [files[i * len(files) // n : (i + 1) * len(files) // n] for i in range(n)]


@contextmanager
def _connect(address: str) -> Iterator[Client]:
    """A client of the scheduler at ``address``, closed on the way out, or an
    :class:`InputError` naming the address."""
    import dask
    import distributed
    from distributed.comm import get_address_host_port

    timeout = dask.config.get("distributed.comm.timeouts.connect")
    try:
        get_address_host_port(address)
    except ValueError as exc:
        raise InputError(f"{address!r} is not a Dask scheduler address: {_line(exc)}") from None
    with _event_loop() as loop:
        try:
            client = distributed.Client(address, timeout=timeout, loop=loop, set_as_default=False)
        except (OSError, ValueError) as exc:
            raise InputError(
                f"cannot reach the Dask scheduler at {address}: {_line(exc)}"
            ) from None
        with client:
            try:
                client.wait_for_workers(1, timeout=timeout)
            except (OSError, TimeoutError):
                raise InputError(f"the Dask scheduler at {address} has no workers") from None
            yield client


@contextmanager
def _cluster_failures(address: str) -> Iterator[None]:
    """A worker that dies (``KilledWorker``) or a scheduler that goes away (a closed
    connection, a cancelled future) mid-run, as one :class:`ClusterError` line."""
    import distributed

    try:
        yield
    except (distributed.KilledWorker, distributed.client.FutureCancelledError, OSError) as exc:
        raise ClusterError(
            f"the Dask cluster at {address} failed the run: {type(exc).__name__}: {_line(exc)}"
        ) from None


@contextmanager
def _event_loop() -> Iterator[IOLoop]:
    """An event loop running in a thread of ours, for the client, stopped and joined on
    the way out. (A ``Client`` left to start its own loop thread leaves it running when
    the connection fails: it closes itself before the caller can.)"""
    from tornado.ioloop import IOLoop

    ready: Future[tuple[IOLoop, asyncio.Event]] = Future()

    async def run() -> None:
        stop = asyncio.Event()
        ready.set_result((IOLoop.current(), stop))
        await stop.wait()

    thread = threading.Thread(target=asyncio.run, args=(run(),), name="recheck dask", daemon=True)
    thread.start()
    loop, stop = ready.result()
    try:
        yield loop
    finally:
        loop.add_callback(stop.set)
        thread.join()


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
