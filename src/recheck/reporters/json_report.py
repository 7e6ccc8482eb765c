"""The machine-readable report: stable, sorted, byte-identical for the same inputs."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from typing import Any

from .. import __version__
from ..models import Claim, Report


def indented(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, for the values
    a record holds (dicts with string keys, lists, strings, floats, ints, booleans,
    None), indented as at ``level``, except that infinity and NaN, which JSON does not
    have, are written as null. Several times faster than the json module, which encodes
    in pure Python, one generator per container, whenever it indents."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return float.__repr__(value) if math.isfinite(value) else "null"
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{_string(k)}: {indented(v, level + 1)}" for k, v in value.items())
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * level + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = (indented(v, level + 1) for v in value)
        return "[" + inner + ("," + inner).join(items) + "\n" + "  " * level + "]"
    raise TypeError(f"{type(value).__name__} is not JSON")


_string = json.encoder.encode_basestring  # the C encoder's, as ensure_ascii=False uses


def _with_claims(head: dict[str, Any], claims: Iterable[Claim]) -> Iterator[str]:
    """``head`` serialised with its ``claims`` key holding ``claims``, in pieces: each
    claim's record is built and serialised on its own, so that a large corpus's records,
    and its report's text, never all exist at once. The pieces joined are the text of
    the whole record serialised in one go."""
    # A top-level key is the only one indented by exactly two spaces, so this is unique.
    slot = '\n  "claims": null'
    before, after = indented({**head, "claims": None}).split(slot)
    yield before + slot[: -len("null")]
    separator = "["
    for claim in claims:
        yield separator + "\n    " + indented(claim.to_record(), 2)
        separator = ","
    yield "[]" if separator == "[" else "\n  ]"
    yield after + "\n"


def stream_audit(report: Report, **_: Any) -> Iterator[str]:
    head = {"tool": {"name": "recheck", "version": __version__}, **report.to_record(claims=False)}
    return _with_claims(head, report.claims)


def stream_claims(report: Report, **_: Any) -> Iterator[str]:
    return _with_claims({}, report.claims)


def render_audit(report: Report, **options: Any) -> str:
    return "".join(stream_audit(report, **options))


def render_claims(report: Report, **options: Any) -> str:
    return "".join(stream_claims(report, **options))
