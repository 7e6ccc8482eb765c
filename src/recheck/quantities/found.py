"""The record a quantity is assembled in while it is read (``_Found``, offsets into the
normalised text), and its conversion to a :class:`recheck.models.Quantity`.
"""

from __future__ import annotations

from dataclasses import dataclass

from recheck.models import Quantity

_COUNT = "dimensionless"


@dataclass
class _Found:
    """A quantity being assembled (offsets into the text)."""

    start: int
    end: int
    value: float
    unit: str
    place: float
    scale: float = 1.0
    lower: float | None = None
    upper: float | None = None
    hedge: str = ""
    bare: bool = True  # no unit and no scale word: a plain number
    kind: str = ""  # which core pattern found it
    counter: bool = False  # a Chinese classifier follows (12种, 两家)


ROUND_NUMBER_SPREAD = 0.05


def _last_char(norm: str, start: int) -> str:
    """The last non-space character before ``start`` (within two spaces), or ""."""
    for pos in range(start - 1, max(-1, start - 4), -1):
        if norm[pos] != " ":
            return norm[pos]
    return ""


def _to_quantity(text: str, item: _Found) -> Quantity:
    precision = item.place / 2 if item.place else 0.0
    if item.place and item.place / max(item.scale, 1.0) >= 10:
        # Trailing zeros may be rounding (3000吨, 30万吨, 70%), but not by more than a
        # careful writer rounds: half the last non-zero place, at most 5% of the figure.
        precision = min(precision, abs(float(item.value)) * ROUND_NUMBER_SPREAD)
    return Quantity(
        text=text[item.start : item.end],
        start=item.start,
        end=item.end,
        value=float(item.value),
        unit=item.unit,
        lower=None if item.lower is None else float(item.lower),
        upper=None if item.upper is None else float(item.upper),
        precision=precision,
        hedge=item.hedge,
    )
