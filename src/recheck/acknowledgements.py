"""Acknowledgements: an editor's record that a contradiction was reviewed.

The file (``recheck-acknowledgements.yaml`` by default) lives in the repository next to
the articles' history, so reviews are themselves reviewed. Each entry names a
fingerprint, the reason, who decided, the date, and optionally an expiry date after
which the contradiction fails again. The file is sorted by fingerprint and written
atomically; ``recheck acknowledge`` adds or replaces one entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .errors import InputError
from .models import Acknowledgement
from .yamlio import load_yaml

DEFAULT_FILE = Path("recheck-acknowledgements.yaml")
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
_HEADER = (
    "# Contradictions an editor has reviewed: they are reported as acknowledged and do not\n"
    "# fail the run until they expire. Add entries with `recheck acknowledge`.\n"
)
_KEYS = {"fingerprint", "reason", "by", "date", "expires"}


def _iso(value: Any, where: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def parse_entry(raw: Any, where: str) -> Acknowledgement:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: each entry must be a mapping")
    unknown = sorted(set(map(str, raw)) - _KEYS)
    if unknown:
        raise InputError(
            f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(_KEYS))})"
        )
    for key in ("fingerprint", "reason", "by", "date"):
        if not str(raw.get(key) or "").strip():
            raise InputError(f"{where}: missing {key!r}")
    fingerprint = str(raw["fingerprint"]).strip().lower()
    if not FINGERPRINT.match(fingerprint):
        raise InputError(f"{where}: fingerprint {fingerprint!r} is not 16 hex digits")
    expires = raw.get("expires")
    return Acknowledgement(
        fingerprint=fingerprint,
        reason=str(raw["reason"]).strip(),
        by=str(raw["by"]).strip(),
        date=_iso(raw["date"], f"{where} date"),
        expires=_iso(expires, f"{where} expires") if expires else None,
    )


def read(path: Path | str) -> tuple[Acknowledgement, ...]:
    """The entries of an acknowledgements file; a missing file has none."""
    path = Path(path)
    if not path.exists():
        return ()
    data = load_yaml(path)
    if data is None:
        return ()
    if not isinstance(data, dict) or not isinstance(data.get("acknowledgements", []), list):
        raise InputError(f"{path}: expected a mapping with an 'acknowledgements' list")
    entries = data.get("acknowledgements") or []
    return tuple(parse_entry(raw, f"{path}: entry {n}") for n, raw in enumerate(entries, start=1))


def render(entries: Iterable[Acknowledgement]) -> str:
    import yaml

    records = [e.to_record() for e in sorted(entries, key=lambda e: e.fingerprint)]
    body = yaml.safe_dump(
        {"acknowledgements": records}, allow_unicode=True, sort_keys=False, width=100
    )
    return _HEADER + body


def add(path: Path | str, entry: Acknowledgement) -> tuple[Acknowledgement, ...]:
    """Add ``entry`` to the file (replacing an entry with the same fingerprint)."""
    entries = {e.fingerprint: e for e in read(path)}
    entries[entry.fingerprint] = entry
    result = tuple(sorted(entries.values(), key=lambda e: e.fingerprint))
    write_atomic(path, render(result))
    return result
