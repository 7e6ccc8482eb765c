"""bench/floor.py: what the extractor's design can reach at best."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import load_script
from recheck import documents

ROOT = Path(__file__).parents[1]
floor = load_script(ROOT / "bench" / "floor.py", "bench_floor")


def test_the_best_case_frees_everything_but_the_floor():
    found = floor.Floor(
        megabytes=10.0,
        files=1,
        sentences=1,
        seconds={floor.FRAMING: 12.0, "split": 1.0, "candidates + core pattern": 3.0},
        rest=2.0,
    )
    assert found.floor == 4.0
    assert [(seconds, speed) for _, seconds, speed in found.at_best()] == [
        (6.0, pytest.approx(10 / 6)),  # rest + floor
        (4.0, 2.5),  # rest + floor over two processes
        (14.0, pytest.approx(10 / 14)),  # today: rest + all the framing
    ]


def test_it_times_every_pass_over_every_sentence_of_the_corpus():
    found = floor.measure(ROOT / "seeds", rounds=1)
    articles = [
        article
        for path in documents.find([str(ROOT / "seeds")])[0]
        for article in documents.split_articles(documents.read_document(path))
    ]
    assert found.files == 5
    assert found.sentences == sum(len(list(documents.sentences(a))) for a in articles)
    assert list(found.seconds) == [
        floor.FRAMING,
        "split",
        "candidates + core pattern",
        "find_periods",
        "vocabulary scan",
    ]
    assert all(seconds > 0 for seconds in found.seconds.values())
    assert found.rest > 0  # a cached audit of the corpus ran
