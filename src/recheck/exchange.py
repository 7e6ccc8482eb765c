"""Figures in different currencies, compared at the exchange rates in the rules folder.

40万元/吨 and "$72 per kilogram" can be the same NdPr price or two different ones, but
pint cannot say which: yuan and dollars are different dimensions. The rules folder's
``vocabulary/exchange_rates.yaml`` gives yearly average rates, and
:func:`convert_currencies` restates the figures of one entity and metric that sources
give in more than one currency in the currency most of them use, at the rate of each
figure's year. A converted figure's range is widened by the file's tolerance (the rate
moves within a year), and it says which rate it was converted at. Figures whose key
uses one currency, or whose year or currency has no rate, are left as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import RuleError
from .models import Claim
from .periods import period_parts
from .units import CURRENCIES
from .yamlio import load_yaml

RATES_FILE = "exchange_rates.yaml"
_TOLERANCE = re.compile(r"^\s*(?P<n>[0-9]*\.?[0-9]+)\s*%\s*$")
_ANY_CURRENCY = "¤"
_CODES = frozenset(CURRENCIES)
_UNIT_HEAD = re.compile(r"[^ /*]+")


@dataclass(frozen=True)
class ExchangeRates:
    """Yearly average rates: ``per_base[currency][year]`` units of ``currency`` buy
    one unit of ``base``. ``tolerance``: how far (a fraction) a converted figure's
    range is widened."""

    base: str
    per_base: Mapping[str, Mapping[int, float]]
    tolerance: float

    def rate(self, currency: str, year: int) -> float | None:
        """Units of ``currency`` per unit of the base currency in ``year``, if known."""
        if currency == self.base:
            return 1.0
        return self.per_base.get(currency, {}).get(year)


def load_exchange_rates(folder: Path) -> ExchangeRates | None:
    """The rates in ``folder``/exchange_rates.yaml; ``None`` when there is no such file
    (figures in different currencies are then never compared)."""
    path = folder / RATES_FILE
    if not path.is_file():
        return None
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping with keys base, tolerance and rates")
    unknown = sorted(set(data) - {"base", "tolerance", "rates"})
    if unknown:
        raise RuleError(f"{path}: unknown key {unknown[0]!r} (allowed: base, rates, tolerance)")
    base = check_currency(data.get("base"), f"{path}: key 'base'")
    match = _TOLERANCE.match(str(data.get("tolerance", "")))
    if match is None:
        raise RuleError(f"{path}: key 'tolerance': expected a percentage such as 3%")
    rates = data.get("rates")
    if not isinstance(rates, dict) or not rates:
        raise RuleError(f"{path}: key 'rates': expected a mapping of currency to yearly rates")
    per_base: dict[str, dict[int, float]] = {}
    for code, by_year in rates.items():
        where = f"{path}: rates {code!r}"
        currency = check_currency(code, where)
        if not isinstance(by_year, dict) or not by_year:
            raise RuleError(f"{where}: expected a mapping of year to rate")
        per_base[currency] = {}
        for year, rate in by_year.items():
            if not (isinstance(year, int) and 1900 <= year <= 2100):
                raise RuleError(f"{where}: {year!r} is not a year")
            if isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0:
                raise RuleError(f"{where}: {year}: expected a positive rate, got {rate!r}")
            per_base[currency][year] = float(rate)
    return ExchangeRates(base, per_base, float(match["n"]) / 100)


def check_currency(code: object, where: str) -> str:
    """``code`` when it is a currency recheck knows (CNY, USD), else a RuleError."""
    if not isinstance(code, str) or code not in _CODES:
        raise RuleError(f"{where}: {code!r} is not a currency recheck knows")
    return code


def currency_of(unit: str) -> str | None:
    """The currency a unit counts in: ``CNY / t`` (canonical) or ``CNY/t`` (as extracted)
    -> CNY; none for ``t``."""
    head = _UNIT_HEAD.match(unit)
    return head.group() if head and head.group() in _CODES else None


def any_currency(unit: str) -> str:
    """The unit with its currency left open (``¤ / t``): the key under which figures in
    different currencies may meet."""
    currency = currency_of(unit)
    return unit if currency is None else _ANY_CURRENCY + unit[len(currency) :]


def convert_currencies(claims: Sequence[Claim], rates: ExchangeRates | None) -> list[Claim]:
    """``claims`` with the figures of each entity and metric that are stated in more
    than one currency restated in the currency most of them use (the base currency,
    then the first in alphabetical order, breaks a tie), where a rate is known for the
    figure's year. Claims of different partition keys never affect each other (the key
    leaves the currency open: see :func:`recheck.engine.partition_key`)."""
    if rates is None:
        return list(claims)
    used: dict[tuple[str, str, str], Counter[str]] = {}
    keys: list[tuple[str, str, str] | None] = []  # each claim's, None when not in money
    for claim in claims:
        currency = currency_of(claim.unit)
        key = None
        if currency is not None and claim.entity and claim.metric:
            key = (claim.entity, claim.metric, any_currency(claim.unit))
            used.setdefault(key, Counter())[currency] += 1
        keys.append(key)
    targets = {
        key: min(count, key=lambda c: (-count[c], c != rates.base, c))
        for key, count in used.items()
        if len(count) > 1
    }
    if not targets:
        return list(claims)
    return [
        claim if key not in targets else _convert(claim, targets[key], rates)
        for claim, key in zip(claims, keys, strict=True)
    ]


def _convert(claim: Claim, target: str, rates: ExchangeRates) -> Claim:
    source = currency_of(claim.unit)
    year = _year(claim)
    if source is None or source == target or year is None:
        return claim
    have, want = rates.rate(source, year), rates.rate(target, year)
    if have is None or want is None:
        return claim
    factor = want / have
    widen = rates.tolerance
    lower = claim.value if claim.lower is None and claim.upper is None else claim.lower
    upper = claim.value if claim.lower is None and claim.upper is None else claim.upper
    return replace(
        claim,
        value=claim.value * factor,
        unit=target + claim.unit[len(source) :],
        lower=None if lower is None else lower * factor * (1 - widen),
        upper=None if upper is None else upper * factor * (1 + widen),
        precision=claim.precision * factor,
        exchange=_how(source, target, have, want, year, rates.base),
    )


def _year(claim: Claim) -> int | None:
    """The year whose rate converts the claim: its period's, else its article's."""
    parts = period_parts(claim.period) or period_parts(claim.article_date)
    return parts[1] if parts else None


def _how(source: str, target: str, have: float, want: float, year: int, base: str) -> str:
    """``at 7.19 CNY per USD, the 2024 average``; both rates for a cross rate."""
    if target == base:
        return f"at {have:g} {source} per {base}, the {year} average"
    if source == base:
        return f"at {want:g} {target} per {base}, the {year} average"
    return f"at {have:g} {source} and {want:g} {target} per {base}, the {year} average"
