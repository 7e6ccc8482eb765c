"""Figures in different currencies are compared at the rules folder's yearly rates."""

from __future__ import annotations

import pytest

from factories import claims
from recheck.audit import audit
from recheck.engine import run_rules
from recheck.errors import RuleError
from recheck.exchange import convert_currencies, load_exchange_rates
from recheck.explain import explain, render_text
from recheck.reporters import render_audit

NDPR = {"entity": "china", "metric": "price_ndpr", "period": "2024"}


@pytest.fixture(scope="module")
def rates(rulebook):
    assert rulebook.exchange_rates is not None
    return rulebook.exchange_rates


def test_a_price_in_yuan_is_restated_in_the_dollars_of_the_other_source(rates):
    yuan, dollars = convert_currencies(
        claims(
            {**NDPR, "source": "a", "value": 4.0e5, "unit": "CNY/t", "text": "40万元/吨"},
            {**NDPR, "source": "b", "value": 72, "unit": "USD/kg", "text": "$72 per kilogram"},
        ),
        rates,
    )
    assert yuan.unit == dollars.unit == "USD / t"
    assert yuan.value == pytest.approx(4.0e5 / 7.19)
    assert yuan.exchange == "at 7.19 CNY per USD, the 2024 average"
    # the rate of a day can differ from the year's: the range widens by the tolerance
    low, high = yuan.interval()
    assert low <= yuan.value * 0.97 and high >= yuan.value * 1.03
    assert (yuan.written_value, yuan.written_unit) == (4.0e5, "CNY/t")  # as written
    assert dollars.exchange == ""  # already in the currency compared


def test_figures_in_one_currency_or_without_a_rate_stay_as_stated(rates):
    one_currency = claims(
        {**NDPR, "source": "a", "value": 4.0e5, "unit": "CNY/t"},
        {**NDPR, "source": "b", "value": 5.0e5, "unit": "CNY/t"},
    )
    assert convert_currencies(one_currency, rates) == one_currency
    no_rate = claims(
        {**NDPR, "period": "1890", "source": "a", "value": 4.0e5, "unit": "CNY/t"},
        {**NDPR, "period": "1890", "source": "b", "value": 72, "unit": "USD/kg"},
    )
    assert [c.unit for c in convert_currencies(no_rate, rates)] == ["CNY / t", "USD / t"]
    assert convert_currencies(no_rate, None) == no_rate


def test_the_currency_most_sources_use_is_the_one_compared(rates):
    revenue = {"entity": "lynas", "metric": "revenue", "period": "2025"}
    converted = convert_currencies(
        claims(
            {**revenue, "source": "a", "value": 5.565e8, "unit": "AUD"},
            {**revenue, "source": "b", "value": 5.0e8, "unit": "AUD"},
            {**revenue, "source": "c", "value": 2.6e9, "unit": "CNY"},
        ),
        rates,
    )
    assert [c.unit for c in converted] == ["AUD", "AUD", "AUD"]
    assert converted[2].exchange == "at 7.19 CNY and 1.56 AUD per USD, the 2025 average"


@pytest.mark.parametrize(
    ("yuan", "dollars", "flags"),
    [
        (4.0e5, 72, True),  # 40万元/吨 is about $55.6/kg, not $72
        (5.4e5, 75, False),  # 54万元/吨 is about $75/kg
    ],
)
def test_the_catch_all_rule_compares_prices_across_currencies(rulebook, yuan, dollars, flags):
    stated = claims(
        {**NDPR, "source": "a", "value": yuan, "unit": "CNY/t"},
        {**NDPR, "source": "b", "value": dollars, "unit": "USD/kg"},
    )
    found = run_rules(stated, rulebook.rules, rates=rulebook.exchange_rates)
    assert bool(found) is flags
    assert run_rules(stated, rulebook.rules) == []  # no rates: never compared


def test_an_audit_shows_the_rate_a_figure_was_converted_at(rulebook, tmp_path):
    (tmp_path / "a.txt").write_text(
        "稀土价格回顾\n2025年1月10日\n\n2024年中国氧化镨钕均价为40万元/吨。\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "NdPr prices\nJanuary 12, 2025\n\nNdPr oxide prices in China averaged $72 per"
        " kilogram in 2024.\n",
        encoding="utf-8",
    )
    report = audit([str(tmp_path)], rulebook)
    (found,) = report.contradictions
    assert (found.entity, found.metric, found.period) == ("china", "price_ndpr", "2024")
    (converted,) = [c for c in found.claims if c.exchange]
    assert converted.text == "40万元/吨"
    assert converted.to_record()["evidence"]["exchange"] == converted.exchange
    html = render_audit(report, "html", color=False)
    assert "at 7.19 CNY per USD, the 2024 average" in html  # the editor sees the rate
    shown = render_text(explain(report, found.fingerprint))  # and recheck explain does
    assert "40万元/吨 = 400,000 CNY/t = 55,632.8 USD / t (at 7.19 CNY per USD" in shown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("base: USD\ntolerance: 3%\n", "key 'rates'"),
        ("base: XYZ\ntolerance: 3%\nrates: {CNY: {2024: 7.19}}\n", "key 'base': 'XYZ'"),
        ("base: USD\ntolerance: lots\nrates: {CNY: {2024: 7.19}}\n", "key 'tolerance'"),
        ("base: USD\ntolerance: 3%\nrates: {CNY: {2024: -1}}\n", "rates 'CNY': 2024"),
        ("base: USD\ntolerance: 3%\nrates: {CNY: {soon: 7.2}}\n", "'soon' is not a year"),
        ("base: USD\ntolerance: 3%\nrate: {CNY: {2024: 7.19}}\n", "unknown key 'rate'"),
    ],
)
def test_a_bad_rates_file_is_an_error_naming_the_file_and_key(tmp_path, text, message):
    (tmp_path / "exchange_rates.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=r"exchange_rates\.yaml") as info:
        load_exchange_rates(tmp_path)
    assert message in str(info.value)


def test_no_rates_file_means_no_conversion(tmp_path):
    assert load_exchange_rates(tmp_path) is None
