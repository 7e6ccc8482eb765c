"""recheck.datelines: the year of a dateline that gives none."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest

from recheck import cache, pipeline
from recheck.audit import audit
from recheck.datelines import Anchors, Heads, dated
from recheck.models import Article
from recheck.pipeline import Execution
from recheck.reporters import render_audit


@pytest.mark.parametrize(
    ("month_day", "anchors", "expected"),
    [
        ((8, 20), [date(2025, 8, 14), date(2025, 8, 21)], date(2025, 8, 20)),
        ((12, 30), [date(2026, 1, 3)], date(2025, 12, 30)),  # across New Year, back
        ((1, 2), [date(2025, 12, 28)], date(2026, 1, 2)),  # and forward
        ((6, 1), [date(2023, 6, 9), date(2025, 5, 30)], date(2025, 6, 1)),  # the nearest
        ((6, 1), [date(2023, 6, 3), date(2025, 5, 30)], date(2023, 6, 1)),  # a tie: earlier
        ((2, 29), [date(2025, 3, 1)], date(2024, 2, 29)),  # the one year that has it
        ((2, 29), [date(2022, 3, 1)], None),  # none of 2021-2023 has it
    ],
)
def test_a_month_and_day_is_read_in_the_year_nearest_to_the_run_s_dates(
    month_day, anchors, expected
):
    assert Anchors(anchors).nearest(month_day) == expected


def test_a_run_without_a_dated_article_dates_nothing():
    anchors = Anchors([])
    assert not anchors
    assert anchors.days([(8, 20)]) == {}


def _article(day: date | None, month_day: tuple[int, int] | None) -> Article:
    return Article("a.txt", 0, "t", "", day, 1, "text", month_day)


def test_heads_list_the_dates_and_the_year_less_days_of_a_file_once_each():
    articles = [
        _article(date(2025, 8, 14), None),
        _article(None, (8, 20)),
        _article(date(2025, 8, 14), None),
        _article(None, None),
    ]
    assert Heads.of(articles) == Heads((date(2025, 8, 14),), ((8, 20),))


def test_only_a_year_less_dateline_takes_the_inferred_date():
    days = {(8, 20): date(2025, 8, 20)}
    assert dated(_article(None, (8, 20)), days).date == date(2025, 8, 20)
    assert dated(_article(None, (8, 21)), days).date is None
    assert dated(_article(date(2024, 1, 1), None), days).date == date(2024, 1, 1)


# -- end to end: a folder with a dated article and one whose dateline gives no year ----

FOLDER = Path(__file__).parent / "fixtures" / "yearless"


def _periods(report) -> dict[str, tuple[str | None, str | None]]:
    return {Path(c.path).name: (c.period, c.article_date) for c in report.claims}


def test_a_year_less_dateline_takes_its_year_from_the_run_and_its_figure_is_compared(rulebook):
    report = audit([str(FOLDER)], rulebook)
    assert _periods(report) == {
        "dated.txt": ("2025-05", "2025-08-14"),
        "yearless.txt": ("2025-05", "2025-08-20"),  # 5月 in the year of 8月20日
    }
    (contradiction,) = report.contradictions
    assert {c.text for c in contradiction.claims} == {"1,238吨", "2,900吨"}


def test_alone_a_year_less_article_names_no_month_s_year(rulebook, tmp_path):
    shutil.copy(FOLDER / "yearless.txt", tmp_path)
    report = audit([str(tmp_path)], rulebook)
    assert _periods(report) == {"yearless.txt": (None, None)}


def test_the_cache_and_the_workers_give_the_same_report(rulebook, tmp_path):
    alone = render_audit(audit([str(FOLDER)], rulebook), "json")
    execution = Execution(jobs=2, cache=tmp_path / "cache")
    with patch.object(pipeline, "PARALLEL_MIN_BYTES", 0):  # workers even for two files
        first = render_audit(audit([str(FOLDER)], rulebook, execution=execution), "json")
        again = render_audit(audit([str(FOLDER)], rulebook, execution=execution), "json")
    assert first == again == alone
    # one entry per file as first framed, and one for the year-less file as dated
    assert len(list((tmp_path / "cache" / cache.FORMAT).rglob("*.json"))) == 3
