"""The one pint registry, and conversion of any quantity to its canonical unit.

What pint does not know out of the box is defined here once:

* ``t`` is pint's metric tonne; ``ton`` stays the short ton, as pint has it.
* ``percentage_point`` (``pp``) has the size of a percent but is kept apart from it by
  :func:`canonical`, so a change of 5 points never groups with a share of 5%.
* each currency is its own dimension (``USD``, ``CNY``, ``KRW`` ...), so dollars and
  yuan never compare without an exchange rate;
* Chinese market units: 斤 (``jin``), 两 (``liang``), 亩 (``mu``).

Building the registry is most of recheck's start-up time, and an audit asks it about a
few dozen unit strings. So what pint answers (a unit's dimension, its canonical unit, a
conversion factor) is kept in a small memo in the cache folder (:mod:`recheck.unitmemo`),
and pint is imported only for a unit the memo has not seen. The memo is keyed by this
module's source and pint's installed files: change either and it starts afresh.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import unitmemo

if TYPE_CHECKING:
    import pint

_REGISTRY: pint.UnitRegistry | None = None


def registry() -> pint.UnitRegistry:
    """The one pint registry, built on first use with recheck's definitions."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _build_registry()
    return _REGISTRY


def __getattr__(name: str) -> Any:
    if name == "ureg":  # recheck.units.ureg, built when first asked for
        return registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _build_registry() -> pint.UnitRegistry:
    """pint's parsed definitions are cached in the user's cache folder (a sixth of the
    registry's build time); where that folder cannot be written, it is built afresh."""
    import pint

    try:
        ureg = pint.UnitRegistry(cache_folder=":auto:", on_redefinition="ignore")
    except OSError:
        ureg = pint.UnitRegistry(cache_folder=None, on_redefinition="ignore")
    for code in CURRENCIES:
        ureg.define(f"{code} = [currency_{code}]")
    for definition in DEFINITIONS:
        ureg.define(definition)
    return ureg


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

DEFINITIONS = (
    "percentage_point = 0.01 = pp",
    "fold = 1 = times",
    "jin = 0.5 * kilogram",
    "liang = 50 * gram",
    "mu = 10000 / 15 * meter ** 2",
    "item = 1 = items",
    # Minor currency units written in English news ("50 cents", "470 pence").
    "cent = 0.01 * USD = cents",
    "penny = 0.01 * GBP = pence",
)

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


def parse_unit(unit: str) -> pint.Unit:
    """``unit`` as a pint Unit (this builds the registry: prefer :func:`check_unit`)."""
    try:
        return registry().Unit(unit)
    except Exception as exc:  # pint raises several unrelated error types
        raise UnitError(f"unknown unit {unit!r}") from exc


@lru_cache(maxsize=4096)
def _facts(unit: str) -> tuple[str, str]:
    """(dimension, canonical unit) of ``unit``, from the memo or from pint."""
    facts = unitmemo.facts(unit, _ask_pint)
    if facts is None:
        raise UnitError(f"unknown unit {unit!r}")
    return facts


def _ask_pint(unit: str) -> tuple[str, str] | None:
    try:
        parsed = parse_unit(unit)
    except UnitError:
        return None
    dims = parsed.dimensionality
    return (str(dims) if dims else "dimensionless", _canonical(parsed))


def check_unit(unit: str) -> None:
    """Raise :class:`UnitError` unless the registry knows ``unit``."""
    _facts(unit)


def dimension(unit: str) -> str:
    """The pint dimensionality of ``unit`` as a string, ``"dimensionless"`` for none."""
    return _facts(unit)[0]


def canonical_unit(unit: str) -> str:
    """The unit every quantity of ``unit``'s kind is compared in."""
    return _facts(unit)[1]


def _canonical(parsed: pint.Unit) -> str:
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
    return unitmemo.factor(unit, target, _pint_factor)


def _pint_factor(unit: str, target: str) -> float:
    ureg = registry()
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
    target = canonical_unit(unit)
    if unit == target:  # most figures: convert would give every number back as it is
        return value, lower, upper, abs(precision) if precision else 0.0, target
    value = convert(value, unit, target)
    lower = convert(lower, unit, target) if lower is not None else None
    upper = convert(upper, unit, target) if upper is not None else None
    precision = abs(convert(precision, unit, target)) if precision else 0.0
    return value, lower, upper, precision, target


@lru_cache(maxsize=1024)
def quantity_kind(unit: str) -> str:
    """The metric dimension a unit can fill: mass, percent, money, price, count, fold.
    (Memoised: it is asked about a few units several times for every figure.)"""
    if unit == "percent":
        return "percent"
    if unit == "fold":
        return "fold"
    if unit in {"dimensionless", "item"}:
        return "count"
    if unit == "percentage_point":
        return "points"
    try:
        dims = dimension(unit)
    except UnitError:
        return "other"
    if dims == "[mass]":
        return "mass"
    if dims.startswith("[currency_") and "/" not in dims and "*" not in dims:
        return "money"
    if dims.startswith("[currency_") and dims.endswith("/ [mass]"):
        return "price"
    return "other"
