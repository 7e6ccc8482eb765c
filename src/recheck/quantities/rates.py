"""Rates and compound units: a denominator after a unit ("per ton", "/公斤", "a month",
and 每公斤 before the number), unit symbols joined by "/" or "per" with their powers
("J/m^2 per year", "kg/cm³") and frequencies ("four times a week").
"""

from __future__ import annotations

import re

from recheck.units import UnitError, check_unit

from .found import _COUNT, _Found
from .patterns import _alternation
from .unitwords import _CURRENCY_UNITS, _ZH_UNITS

_PER = re.compile(
    r"(?:\s*/\s*|\s+per\s+|\s+an?\s+|\s+each\s+|每)(?P<den>"
    + _alternation(
        [
            *_ZH_UNITS,
            "ton",
            "tons",
            "tonne",
            "metric ton",
            "kg",
            "kilogram",
            "pound",
            "lb",
            "ounce",
            "oz",
            "barrel",
            "bbl",
            "gallon",
            "litre",
            "liter",
            "hour",
            "hr",
            "day",
            "week",
            "month",
            "year",
            "km",
            "mile",
            "kwh",
            "mwh",
            "share",
            "head",
            "person",
            "capita",
            "min",
            "minute",
            "s",
        ],
        False,
    )
    + r")(?![A-Za-z])(?!\s+(?:earlier|ago|later|before|after|from|of)\b)"
)
_PER_UNIT = {
    "ton": "t",
    "tons": "t",
    "tonne": "t",
    "metric ton": "t",
    "kg": "kg",
    "kilogram": "kg",
    "pound": "lb",
    "lb": "lb",
    "ounce": "oz",
    "oz": "oz",
    "barrel": "oil_barrel",
    "bbl": "oil_barrel",
    "gallon": "gallon",
    "litre": "L",
    "liter": "L",
    "hour": "hour",
    "hr": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "km": "km",
    "mile": "mile",
    "kwh": "kWh",
    "mwh": "MWh",
    "min": "minute",
    "minute": "minute",
    "s": "second",
}
_ZH_PER_BEFORE = re.compile(r"每 *(?P<den>" + _alternation(list(_ZH_UNITS), True) + r") *$")

_PERCENT_UNITS = {"percent", "percentage_point"}

_TIMES_PER = re.compile(
    r"(?i: +times? +(?:per|a|an|each|every) +(?P<den>second|minute|hour|day|week|month|year)"
    r"(?![A-Za-z]))"
)

# A unit symbol after "/" or "per" in a compound unit, with its power: "J/m^2 per year",
# "kg/cm³", "m/s2", "kb per second".
_COMPOUND = re.compile(
    r"(?:\s*/\s*|\s+per\s+)(?P<u>[A-Za-z]+?)(?P<e>\^\+?[23]|[²³]|(?<=[A-Za-z])[23])?"
    r"(?![A-Za-z0-9^²³])"
)
_COMPOUND_UNITS = {
    "m": "m",
    "cm": "cm",
    "mm": "mm",
    "km": "km",
    "s": "s",
    "sec": "s",
    "second": "s",
    "h": "hour",
    "hr": "hour",
    "hour": "hour",
    "min": "minute",
    "minute": "minute",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "yr": "year",
    "annum": "year",
    "g": "g",
    "kg": "kg",
    "L": "L",
    "l": "L",
    "mL": "mL",
    "ml": "mL",
    "mol": "mol",
}


def _attach_compound(norm: str, found: _Found) -> bool:
    """Extend a physical unit over the denominators written after it; whether any."""
    attached = False
    for _ in range(3):
        match = _COMPOUND.match(norm, found.end)
        if not match:
            break
        symbol = match.group("u")
        den = _COMPOUND_UNITS.get(symbol) or (
            _COMPOUND_UNITS.get(symbol.lower()) if len(symbol) > 2 else None
        )
        if den is None:
            break
        power = match.group("e") or ""
        power = {"²": "2", "³": "3"}.get(power, power.lstrip("^+"))
        unit = f"{found.unit}/{den}" + (f"**{power}" if power else "")
        try:
            check_unit(unit)
        except UnitError:
            break
        found.unit, found.end, attached = unit, match.end(), True
    return attached


def _attach_rate(norm: str, found: _Found) -> None:
    if found.unit == _COUNT and found.bare:
        times = _TIMES_PER.match(norm, found.end)  # "four times per week": a frequency
        if times:
            found.unit = f"1/{times.group('den').lower()}"
            found.end, found.bare = times.end(), False
        return
    if found.unit == _COUNT or found.unit in _PERCENT_UNITS or found.unit == "fold":
        return
    if found.unit not in _CURRENCY_UNITS and _attach_compound(norm, found):
        return
    match = _PER.match(norm, found.end)
    if match:
        den = match.group("den")
        unit = _ZH_UNITS.get(den) or _PER_UNIT.get(den.lower())
        if unit and unit != found.unit:
            found.unit = f"{found.unit}/{unit}"
            found.end = match.end()
        return
    before = _ZH_PER_BEFORE.search(norm, max(0, found.start - 8), found.start)
    if before and found.unit.isupper():
        found.unit = f"{found.unit}/{_ZH_UNITS[before.group('den')]}"
