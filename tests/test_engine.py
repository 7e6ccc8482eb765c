from __future__ import annotations

import pytest

from factories import claims
from recheck.engine import run_rules

MYANMAR = {"entity": "myanmar", "metric": "mine_production", "period": "2024", "unit": "t"}
LIST_SENTENCE = "缅甸、老挝和马来西亚分别开采1.3万吨、3.1万吨和4.5万吨稀土。"


def _listed(source: str = "a", line: int = 4) -> list[dict]:
    """Three figures of one list sentence that the framing gave one subject."""
    return [
        {**MYANMAR, "source": source, "line": line, "quote": LIST_SENTENCE, "value": v, "text": t}
        for v, t in ((13000, "1.3万吨"), (31000, "3.1万吨"), (45000, "4.5万吨"))
    ]


def test_figures_of_one_sentence_framed_alike_contradict_nothing(rulebook):
    assert run_rules(claims(*_listed()), rulebook.rules) == []


def test_the_same_figures_in_different_sentences_do_conflict(rulebook):
    apart = [{**spec, "line": n} for n, spec in enumerate(_listed(), start=1)]
    found = run_rules(claims(*apart), rulebook.rules)
    assert [c.rule for c in found] == ["RC100"]


def test_an_ambiguous_sentence_is_no_evidence_against_another_source(rulebook):
    other = {**MYANMAR, "source": "b", "line": 2, "value": 31000, "text": "31,000 tonnes"}
    assert run_rules(claims(*_listed(), other), rulebook.rules) == []
    # and the other sources still disagree among themselves
    third = {**MYANMAR, "source": "c", "line": 7, "value": 43000, "text": "43,000 tonnes"}
    found = run_rules(claims(*_listed(), other, third), rulebook.rules)
    assert [sorted(c.text for c in f.claims) for f in found] == [["31,000 tonnes", "43,000 tonnes"]]


def test_one_sentence_may_state_two_periods(rulebook):
    """上半年 and 上年同期 in one sentence are two periods: each is still compared."""
    both = "2025年上半年净利润9.31亿元，较上年同期的4,537万元增长约19.5倍。"
    profit = {"entity": "northern_rare_earth", "metric": "net_profit", "unit": "CNY"}
    stated = [
        {**profit, "source": "a", "line": 1, "quote": both, "period": "2025-H1",
         "value": 9.31e8, "text": "9.31亿元"},
        {**profit, "source": "a", "line": 1, "quote": both, "period": "2024-H1",
         "value": 4.537e7, "text": "4,537万元"},
        {**profit, "source": "b", "line": 3, "period": "2024-H1",
         "value": 9.0e7, "text": "9000万元"},
    ]  # fmt: skip
    found = run_rules(claims(*stated), rulebook.rules)
    assert [sorted(c.text for c in f.claims) for f in found] == [["4,537万元", "9000万元"]]


SHARE = {"entity": "china", "metric": "mine_production_share", "unit": "%"}


def test_an_undated_figure_is_read_as_the_latest_year_stated(rulebook):
    dated = {**SHARE, "source": "a", "period": "2024", "value": 69.2, "text": "69.2%"}
    undated = {**SHARE, "source": "b", "date": "2025-08-28", "value": 60, "text": "60%"}
    (found,) = run_rules(claims(dated, undated), rulebook.rules)
    assert found.period == "2024"
    (read,) = [c for c in found.claims if c.text == "60%"]
    assert read.frame.period_word == "undated, read as 2024: the latest year stated"


@pytest.mark.parametrize(
    ("undated", "why"),
    [
        ({"date": "2027-01-10"}, "the latest year stated is older than the article's last"),
        ({"date": None}, "no article date to read it by"),
        ({"date": "2025-08-28", "source": "a"}, "its own article states 2024 apart"),
    ],
)
def test_an_undated_figure_stays_undated(rulebook, undated, why):
    dated = {**SHARE, "source": "a", "period": "2024", "value": 69.2, "text": "69.2%"}
    other = {**SHARE, "source": "b", "value": 60, "text": "60%", **undated}
    assert run_rules(claims(dated, other), rulebook.rules) == [], why


def test_an_undated_price_is_the_price_of_its_article_s_month(rulebook):
    price = {"entity": "china", "metric": "price_ndpr", "unit": "CNY/t"}
    average = {**price, "source": "a", "period": "2024", "value": 4.0e5, "text": "40万元/吨"}
    today = {**price, "source": "b", "date": "2025-11-06", "value": 5.0e5, "text": "50万元"}
    assert run_rules(claims(average, today), rulebook.rules) == []  # not last year's average
    november = {**price, "source": "c", "period": "2025-11", "value": 6.0e5, "text": "60万元"}
    (found,) = run_rules(claims(average, today, november), rulebook.rules)
    assert found.period == "2025-11"
    (read,) = [c for c in found.claims if c.text == "50万元"]
    assert read.frame.period_word == "undated price, read as of its article's month (2025-11)"


def test_a_forecast_for_the_year_does_not_date_an_undated_figure(rulebook):
    actual = {**SHARE, "source": "a", "period": "2024", "value": 69.2, "text": "69.2%"}
    forecast = {**SHARE, "source": "c", "period": "2025", "modality": "forecast", "value": 75}
    undated = {**SHARE, "source": "b", "date": "2025-08-28", "value": 60, "text": "60%"}
    (found,) = run_rules(claims(actual, forecast, undated), rulebook.rules)
    assert found.period == "2024"
