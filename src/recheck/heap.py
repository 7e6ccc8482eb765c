"""Python's cyclic garbage collector during a run that keeps hundreds of thousands of claims.

An audit keeps every claim it reads until its report is written: 370,000 claims at
100 MB, each a few objects. CPython's collector re-scans every object of its oldest
generation on each full pass, and it runs full passes as that generation grows, so a
re-audit of a cached 40 MB corpus spent about a fifth of its time in the collector, a
share that grows with the corpus.

Claims are frozen dataclasses of strings, numbers and tuples: they form no reference
cycles, and reference counting frees them. So while a run :func:`holds` the heap, each
:func:`keep` collects what garbage there is and then moves everything alive into the
collector's permanent generation (:func:`gc.freeze`), which no pass scans again. Each
pass then scans only what came since the last keep, and the collector's work stays
linear in the corpus. Objects in the permanent generation are still freed by
reference counting when dropped; leaving the outermost hold puts them back.

A process that froze objects of its own before (``gc.get_freeze_count()``) is left as
it is: recheck cannot tell its frozen objects from the caller's.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Claims gathered between two keeps: a full collection of what came since costs a
# few milliseconds at this size, and a run of 370,000 claims keeps 18 times.
KEEP_EVERY = 20_000

_holds = 0  # how deep in holds() this process is; 0 outside, or when not ours to hold


@contextmanager
def holds() -> Iterator[None]:
    """Within this block, :func:`keep` freezes what is alive; nested blocks are one."""
    global _holds
    if _holds == 0 and gc.get_freeze_count():
        yield  # the caller's frozen objects: not ours to freeze or release
        return
    _holds += 1
    try:
        yield
    finally:
        _holds -= 1
        if _holds == 0:
            gc.unfreeze()


def keep() -> None:
    """Collect the garbage, and exempt what is alive from later passes (only inside
    :func:`holds`; elsewhere nothing happens)."""
    if _holds:
        gc.collect()
        gc.freeze()


class Keeper:
    """Calls :func:`keep` after every ``every`` objects a run has gathered (default:
    :data:`KEEP_EVERY`)."""

    def __init__(self, every: int | None = None) -> None:
        self.every = every or KEEP_EVERY
        self._pending = 0

    def gathered(self, count: int) -> None:
        self._pending += count
        if self._pending >= self.every:
            self._pending = 0
            keep()
