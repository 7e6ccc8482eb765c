"""recheck: find numeric claims that contradict each other across news articles.

The public API::

    from recheck import audit, extract_quantities, ureg
    report = audit(["seeds/"], rules="rules")
    for c in report.contradictions:
        print(c.rank, c.summary)

Names are imported lazily so that ``recheck --help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "Contradiction",
    "Quantity",
    "RecheckError",
    "Report",
    "Rule",
    "__version__",
    "audit",
    "extract_quantities",
    "load_rulebook",
    "ureg",
]

_LAZY = {
    "audit": ("audit", "audit"),
    "extract_quantities": ("quantities", "extract_quantities"),
    "ureg": ("units", "ureg"),
    "load_rulebook": ("rulebook", "load_rulebook"),
    "RecheckError": ("errors", "RecheckError"),
    "Article": ("models", "Article"),
    "Claim": ("models", "Claim"),
    "Contradiction": ("models", "Contradiction"),
    "Quantity": ("models", "Quantity"),
    "Report": ("models", "Report"),
    "Rule": ("models", "Rule"),
}

if TYPE_CHECKING:
    from .audit import audit
    from .errors import RecheckError
    from .models import Article, Claim, Contradiction, Quantity, Report, Rule
    from .quantities import extract_quantities
    from .rulebook import load_rulebook
    from .units import ureg


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        module, attr = _LAZY[name]
        return getattr(import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'recheck' has no attribute {name!r}")
