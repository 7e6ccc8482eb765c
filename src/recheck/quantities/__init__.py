"""Quantities in Chinese and English news text: numbers with their units, scale words,
hedges and ranges.

The entry point is :func:`extract_quantities`; :func:`extract_numbers` (every number,
years and codes included) and :func:`extract_unit_mentions` (units named without a
number) are lower-level views for scoring against the peer suites that claims never use.
The design, the units chosen and the measured accuracy are written up in
``docs/extraction.md``.
"""

from __future__ import annotations

import math

from recheck.models import Quantity
from recheck.numerals import normalize

from .found import _to_quantity
from .hedges import _merge_ranges
from .mentions import UnitMention, extract_unit_mentions
from .scan import _scan

__all__ = ["UnitMention", "extract_numbers", "extract_quantities", "extract_unit_mentions"]


def extract_numbers(text: str) -> list[Quantity]:
    """Every number written in ``text``, as :class:`Quantity` records (ranges kept apart).

    A lower-level companion of :func:`extract_quantities` for callers that want numbers
    rather than quantities (and for scoring the Recognizers *number* suite): the same
    scanner and parsers, units and scale words read the same way, but years, dates and
    times (``2018``, ``5/17/2018``), identifiers of 7+ digits, codes (``SCP-173``) and
    list labels are kept, the pronoun "one" after a determiner is not, and neither is a
    number glued to a unit or suffix (``29km``, ``1st``; ``10k`` is a number). Claims use
    :func:`extract_quantities`, never this. Never raises.
    """
    try:
        norm = normalize(text)
        return [_to_quantity(text, item) for item in _scan(norm, numerals=True)]
    except Exception:  # like extract_quantities: never raises
        return []


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity written in ``text``, Chinese or English, sorted by start.

    Finds numbers in Arabic digits (``45,000``, ``4.55``, full-width ``１２３``),
    Chinese numerals (``两千四百五``, ``3万4000``), English words (``twenty-one``);
    applies scale words (``万 亿 万亿 thousand million billion bn k``); reads the unit
    after the number (``吨 t kg mile 美元 USD %``), a currency symbol before it (``$ € £
    ¥ US$ HK$``), a rate denominator (``per ton``, ``/公斤``, ``每公斤``), and turns
    hedge words into bounds without including them in ``text``: "over", "超过", "以上"
    give ``lower``; "under", "不到", "以下" give ``upper``; "about", "约", "左右" give
    ``value`` ±5 %; "nearly", "近" give ``[0.95 value, value]``. Ranges ("10 to 15
    tons", "5到7年") give their midpoint with ``lower`` and ``upper``.

    Years, dates, times, ordinals (``第二``), citation marks (``[15]``), codes
    (``F-35``, ``COVID-19``), list numbers and numerals inside Chinese words
    (``一起``, ``统一``) are not quantities. Never raises; spans never overlap and
    ``quantity.text == text[quantity.start:quantity.end]``.
    """
    try:
        norm = normalize(text)
        found = _merge_ranges(norm, _scan(norm))
        quantities = [_to_quantity(text, item) for item in found]
        # a figure past the float range (1e308 million, 一亿亿亿…) is no figure at all
        return [q for q in quantities if math.isfinite(q.value) and math.isfinite(q.precision)]
    except Exception:  # the contract: extraction never raises on any input
        return []
