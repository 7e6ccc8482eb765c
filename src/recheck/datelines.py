"""The year of a dateline that gives none, inferred from the other articles of the run.

Wire copy and many Chinese outlets date a story by month and day only (新华社北京11月20日电,
"BRUSSELS, Nov 12 (Reuters)", "财新记者 | 8月20日"). Without a year, 今年, 5月 and "in June"
name no period, and the article's figures are compared with nothing. A folder audited
together is one stretch of coverage, so such a dateline is read as the day, in a year next
to those of the run's dated articles, that comes nearest to one of their dates. A run
with no dated article infers nothing. Periods named with their year (2024年, "in
2024") read as before; 今年, 上年 and a month named alone take the inferred year.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from .models import Article

MonthDay = tuple[int, int]


@dataclass(frozen=True)
class Heads:
    """What a file's datelines say: the dates of its dated articles, and the month and
    day of those whose dateline gives no year."""

    dates: tuple[date, ...] = ()
    month_days: tuple[MonthDay, ...] = ()

    @classmethod
    def of(cls, articles: Iterable[Article]) -> Heads:
        dates: dict[date, None] = {}
        month_days: dict[MonthDay, None] = {}
        for article in articles:
            if article.date is not None:
                dates[article.date] = None
            elif article.month_day is not None:
                month_days[article.month_day] = None
        return cls(tuple(dates), tuple(month_days))


def dated(article: Article, days: Mapping[MonthDay, date]) -> Article:
    """``article`` with the date ``days`` gives its year-less dateline, if any."""
    if article.date is None and article.month_day in days:
        return replace(article, date=days[article.month_day])
    return article


class Anchors:
    """The dates of a run's dated articles, against which a year-less dateline is read."""

    def __init__(self, dates: Iterable[date]) -> None:
        self._dates = sorted(set(dates))
        self._years = sorted({d.year + step for d in self._dates for step in (-1, 0, 1)})

    def __bool__(self) -> bool:
        return bool(self._dates)

    def days(self, month_days: Iterable[MonthDay]) -> dict[MonthDay, date]:
        """Each of ``month_days`` that :meth:`nearest` can date, with its date."""
        found = {}
        for month_day in month_days:
            day = self.nearest(month_day)
            if day is not None:
                found[month_day] = day
        return found

    def nearest(self, month_day: MonthDay) -> date | None:
        """The date on ``month_day`` nearest to one of the anchors, in the year of one of
        them or the year before or after (the earlier on a tie); ``None`` with no
        anchor, or for a day none of those years has (29 February)."""
        month, day = month_day
        best: tuple[int, date] | None = None
        for year in self._years:
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            at = bisect_left(self._dates, candidate)
            gap = min(
                abs((self._dates[i] - candidate).days)
                for i in (at - 1, at)
                if 0 <= i < len(self._dates)
            )
            if best is None or gap < best[0]:
                best = (gap, candidate)
        return best[1] if best else None
