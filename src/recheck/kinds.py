"""Every rule kind, and the keys a rule of each kind may set.

*Group* kinds (:data:`recheck.compare.KINDS`) compare the claims of one group: the same
entity, metric and unit (and period, unless the kind compares periods). *Survey* kinds
(:mod:`recheck.derive`, :mod:`recheck.arithmetic`) look at all the claims stated as fact
at once and group them themselves: a share with a part in one sentence, a change with
its operands, an aggregate with its members. docs/rules.md documents each kind.
"""

from __future__ import annotations

from .arithmetic import SURVEYS as _ARITHMETIC
from .compare import KINDS as GROUP_KINDS
from .compare import SEES_REFERENCE
from .derive import SURVEYS as _DERIVED
from .derive import Survey

SURVEY_KINDS: dict[str, Survey] = {**_DERIVED, **_ARITHMETIC}
ALL_KINDS: tuple[str, ...] = tuple(sorted({*GROUP_KINDS, *SURVEY_KINDS}))

# Keys every rule may set; then the keys that belong to one kind only.
COMMON_KEYS = frozenset(
    {"id", "title", "kind", "select", "tolerance", "periods", "severity", "description", "examples"}
)
KIND_KEYS: dict[str, frozenset[str]] = {
    "interval": frozenset(),
    "growth": frozenset({"max_yearly_ratio"}),
    "complement": frozenset({"max_ratio"}),
    "reference": frozenset(),
    "revision": frozenset(),
    "derived_total": frozenset({"whole"}),
    "change": frozenset({"decrease", "comparison"}),
    "share_sum": frozenset(),
    "part_whole": frozenset({"whole"}),
}
# Kinds whose rules need no tolerance (they take a ratio instead).
NO_TOLERANCE = frozenset({"growth", "complement"})

assert set(KIND_KEYS) == set(ALL_KINDS), "every kind lists its keys"

__all__ = [
    "ALL_KINDS",
    "COMMON_KEYS",
    "GROUP_KINDS",
    "KIND_KEYS",
    "NO_TOLERANCE",
    "SEES_REFERENCE",
    "SURVEY_KINDS",
]
