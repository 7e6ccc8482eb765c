"""Output formats. Each reporter turns a Report (through its records) into text.

Reporters are looked up by name in ``REPORTERS`` and imported lazily, so that pandas
and rich are only imported when a format that needs them is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..models import Report

AUDIT_FORMATS = ("text", "json", "csv")
CLAIM_FORMATS = ("table", "json", "csv")


def render_audit(report: Report, fmt: str, *, color: bool = False, width: int = 160) -> str:
    module = import_module(f".{_MODULES[fmt]}", __name__)
    render: Callable[..., str] = module.render_audit
    return render(report, color=color, width=width)


def render_claims(report: Report, fmt: str, *, color: bool = False, width: int = 160) -> str:
    module = import_module(f".{_MODULES['text' if fmt == 'table' else fmt]}", __name__)
    render: Callable[..., str] = module.render_claims
    return render(report, color=color, width=width)


_MODULES = {"text": "text", "json": "json_report", "csv": "csv_report"}
