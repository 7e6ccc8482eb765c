"""What a run does to Python's garbage collector, and what it leaves as it was."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from recheck import heap
from recheck.audit import audit

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _nothing_frozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_keep_freezes_what_is_alive_only_within_a_hold():
    heap.keep()
    assert gc.get_freeze_count() == 0  # a library call outside a run freezes nothing
    with heap.holds():
        kept = [object() for _ in range(10)]
        heap.keep()
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0  # leaving the hold puts them back


def test_a_nested_hold_leaves_the_freezing_to_the_outer_one():
    with heap.holds():
        with heap.holds():
            heap.keep()
        assert gc.get_freeze_count() > 0  # the outer run (the CLI) still holds its claims
    assert gc.get_freeze_count() == 0


def test_a_process_that_froze_objects_itself_is_left_alone():
    gc.freeze()
    frozen = gc.get_freeze_count()
    with heap.holds():
        [object() for _ in range(10)]
        heap.keep()
        assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == frozen  # the caller's freeze survives the run


def test_garbage_cycles_are_collected_before_what_is_alive_is_frozen():
    class Node:
        pass

    with heap.holds():
        node = Node()
        node.self = node
        alive = weakref.ref(node)
        del node
        heap.keep()
        assert alive() is None  # frozen, the cycle would have lived to the end of the run


def test_the_keeper_keeps_after_every_so_many_objects(monkeypatch):
    kept = []
    monkeypatch.setattr(heap, "keep", lambda: kept.append(True))
    keeper = heap.Keeper(every=10)
    for _ in range(4):
        keeper.gathered(4)
    assert len(kept) == 1  # at 12, not at 4 or 8; 4 wait for the next
    keeper.gathered(6)
    assert len(kept) == 2


def test_an_audit_freezes_its_claims_while_it_runs_and_releases_them(monkeypatch):
    during = []
    real_keep = heap.keep

    def keep():
        real_keep()
        during.append(gc.get_freeze_count())

    monkeypatch.setattr(heap, "keep", keep)
    monkeypatch.setattr(heap, "KEEP_EVERY", 1)
    report = audit([str(ROOT / "seeds")], ROOT / "rules")
    assert report.claims and during and all(count > 0 for count in during)
    assert gc.get_freeze_count() == 0
