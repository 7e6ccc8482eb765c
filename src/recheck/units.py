"""The one pint registry, and conversion of any quantity to its canonical unit.

What pint does not know out of the box is defined here once:

* ``t`` is pint's metric tonne; ``ton`` stays the short ton, as pint has it.
* ``percentage_point`` (``pp``) has the size of a percent but is kept apart from it by
  :func:`canonical`, so a change of 5 points never groups with a share of 5%.
* each currency is its own dimension (``USD``, ``CNY``, ``KRW`` ...), so dollars and
  yuan never compare without an exchange rate;
* Chinese market units: 斤 (``jin``), 两 (``liang``), 亩 (``mu``).
"""

from __future__ import annotations

import math
from functools import lru_cache

import pint


def _registry() -> pint.UnitRegistry:
    """pint's parsed definitions are cached in the user's cache folder (a sixth of the
    start-up time); where that folder cannot be written, the registry is built afresh."""
    try:
        return pint.UnitRegistry(cache_folder=":auto:", on_redefinition="ignore")
    except OSError:
        return pint.UnitRegistry(cache_folder=None, on_redefinition="ignore")


ureg = _registry()

# ISO 4217 codes, each its own dimension. The old European ones (FIM, ESP, NLG) still
# appear in archived news.
CURRENCIES = (
    "USD",
    "CNY",
    "KRW",
    "JPY",
    "EUR",
    "GBP",
    "HKD",
    "TWD",
    "AUD",
    "CAD",
    "CHF",
    "INR",
    "RUB",
    "SGD",
    "MYR",
    "SAR",
    "AED",
    "BRL",
    "MXN",
    "ZAR",
    "NGN",
    "BTC",
    "FIM",
    "ESP",
    "NLG",
    "CRC",
    "GEL",
    "LAK",
    "LKR",
)

for _code in CURRENCIES:
    ureg.define(f"{_code} = [currency_{_code}]")

ureg.define("percentage_point = 0.01 = pp")
ureg.define("fold = 1 = times")
ureg.define("jin = 0.5 * kilogram")
ureg.define("liang = 50 * gram")
ureg.define("mu = 10000 / 15 * meter ** 2")
ureg.define("item = 1 = items")

# The unit a claim is normalised to, per base dimension.
_CANONICAL_BASE = {
    "[mass]": "t",
    "[length]": "m",
    "[time]": "s",
    "[temperature]": "K",
    "[current]": "A",
    "[substance]": "mol",
    "[luminosity]": "cd",
}
for _code in CURRENCIES:
    _CANONICAL_BASE[f"[currency_{_code}]"] = _code

# Whole dimensionalities with a more readable canonical unit than the product of bases.
_CANONICAL_WHOLE = {
    "[time]": "year",
    "[mass] * [length] ** 2 / [time] ** 2": "kWh",
    "[length] ** 3": "m ** 3",
}

# Dimensionless units that keep their own identity after normalisation.
_DIMENSIONLESS_KEEP = {"percent", "percentage_point", "fold", "item"}


class UnitError(ValueError):
    """A unit string that the registry cannot parse."""


@lru_cache(maxsize=4096)
def parse_unit(unit: str) -> pint.Unit:
    try:
        return ureg.Unit(unit)
    except Exception as exc:  # pint raises several unrelated error types
        raise UnitError(f"unknown unit {unit!r}") from exc


@lru_cache(maxsize=4096)
def dimension(unit: str) -> str:
    """The pint dimensionality of ``unit`` as a string, ``"dimensionless"`` for none."""
    dims = parse_unit(unit).dimensionality
    return str(dims) if dims else "dimensionless"


@lru_cache(maxsize=4096)
def canonical_unit(unit: str) -> str:
    """The unit every quantity of ``unit``'s kind is compared in."""
    parsed = parse_unit(unit)
    dims = parsed.dimensionality
    if not dims:
        name = str(parsed)
        return name if name in _DIMENSIONLESS_KEEP else "dimensionless"
    whole = _CANONICAL_WHOLE.get(str(dims))
    if whole:
        return whole
    num: list[str] = []
    den: list[str] = []
    for dim, power in sorted(dims.items()):
        base = _CANONICAL_BASE.get(dim)
        if base is None:
            return str(parsed)
        term = base if abs(power) == 1 else f"{base} ** {abs(power):g}"
        (num if power > 0 else den).append(term)
    text = " * ".join(num) if num else "1"
    return f"{text} / {' / '.join(den)}" if den else text


def convert(value: float, unit: str, target: str) -> float:
    """``value`` in ``unit`` expressed in ``target``; non-finite values pass through."""
    if unit == target or not math.isfinite(value):
        return value
    factor = _factor(unit, target)
    return value * factor


@lru_cache(maxsize=4096)
def _factor(unit: str, target: str) -> float:
    return float(ureg.Quantity(1.0, parse_unit(unit)).to(parse_unit(target)).magnitude)


def canonical(value: float, unit: str) -> tuple[float, str]:
    """Normalise ``value`` in ``unit`` to the canonical unit of its dimension."""
    target = canonical_unit(unit)
    return convert(value, unit, target), target


def canonical_figure(
    value: float, unit: str, lower: float | None, upper: float | None, precision: float | None
) -> tuple[float, float | None, float | None, float, str]:
    """A figure with its bounds and stated precision, all in the canonical unit:
    ``(value, lower, upper, precision, canonical unit)``."""
    value, target = canonical(value, unit)
    lower = convert(lower, unit, target) if lower is not None else None
    upper = convert(upper, unit, target) if upper is not None else None
    precision = abs(convert(precision, unit, target)) if precision else 0.0
    return value, lower, upper, precision, target


# Minor currency units written in English news ("50 cents", "470 pence").
ureg.define("cent = 0.01 * USD = cents")
ureg.define("penny = 0.01 * GBP = pence")
