"""Score and order contradictions, most severe first.

score = severity weight × log2(1 + z), where z is the widest gap between two claims'
ranges divided by the coarser precision the two were stated with (half a unit of the
last digit written: ±0.05 for 69.2%, ±500 t for 3,000 t). A 15-fold disagreement over
tonnes stated to the thousand outranks a 1.3-point gap between shares stated to a tenth.
Weights: high 3, medium 2, low 1. z is capped, so absurd figures cannot overflow.
"""

from __future__ import annotations

import math
from dataclasses import replace

from .models import Contradiction

SEVERITY_WEIGHT = {"high": 3.0, "medium": 2.0, "low": 1.0}
Z_CAP = 1e12


def score(severity: str, z: float) -> float:
    z = min(max(z, 0.0), Z_CAP) if math.isfinite(z) else Z_CAP
    return round(SEVERITY_WEIGHT.get(severity, 1.0) * math.log2(1.0 + z), 4)


def rank(contradictions: list[Contradiction]) -> tuple[Contradiction, ...]:
    """Order by score (ties by fingerprint, so output is stable) and number from 1."""
    ordered = sorted(contradictions, key=lambda c: (-c.score, c.fingerprint))
    return tuple(replace(c, rank=n) for n, c in enumerate(ordered, start=1))
