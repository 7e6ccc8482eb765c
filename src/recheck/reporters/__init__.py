"""Output formats. Each reporter turns a Report (through its records) into text.

Reporters are looked up by name in ``_MODULES`` and imported lazily, so that pandas
and rich are only imported when a format that needs them is asked for.

* ``text``: the terminal table; ``json``: the record; ``csv``: one row per finding;
* ``markdown``: a pull-request comment (GitHub's 65,536-character limit kept);
* ``html``: one self-contained page for editors (no script, no network);
* ``sarif``: SARIF 2.1.0 for code scanning; ``github``: Actions workflow commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module

from ..models import Report

AUDIT_FORMATS = ("text", "json", "csv", "markdown", "html", "sarif", "github")
CLAIM_FORMATS = ("table", "json", "csv")


def render_audit(report: Report, fmt: str, *, color: bool = False, width: int = 160) -> str:
    module = import_module(f".{_MODULES[fmt]}", __name__)
    render: Callable[..., str] = module.render_audit
    return render(report, color=color, width=width)


def stream_audit(
    report: Report, fmt: str, *, color: bool = False, width: int = 160
) -> Iterator[str]:
    """:func:`render_audit` in pieces, for writing: a format whose text grows with the
    claims (json) yields it claim by claim; the others yield it whole."""
    module = import_module(f".{_MODULES[fmt]}", __name__)
    if hasattr(module, "stream_audit"):
        return module.stream_audit(report, color=color, width=width)
    return iter((render_audit(report, fmt, color=color, width=width),))


def stream_claims(
    report: Report, fmt: str, *, color: bool = False, width: int = 160
) -> Iterator[str]:
    """:func:`render_claims` in pieces (see :func:`stream_audit`)."""
    module = import_module(f".{_MODULES['text' if fmt == 'table' else fmt]}", __name__)
    if hasattr(module, "stream_claims"):
        return module.stream_claims(report, color=color, width=width)
    return iter((render_claims(report, fmt, color=color, width=width),))


def render_claims(report: Report, fmt: str, *, color: bool = False, width: int = 160) -> str:
    module = import_module(f".{_MODULES['text' if fmt == 'table' else fmt]}", __name__)
    render: Callable[..., str] = module.render_claims
    return render(report, color=color, width=width)


_MODULES = {
    "text": "text",
    "json": "json_report",
    "csv": "csv_report",
    "markdown": "markdown_report",
    "html": "html_report",
    "sarif": "sarif_report",
    "github": "github_report",
}
