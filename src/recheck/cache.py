"""The claim cache: each file's claims, kept by the hash of its content.

A file whose bytes, path and extraction are unchanged is not read again: its claims
come from the cache. The key is the SHA-256 of the file's bytes and its path (claims
carry their path), so it holds across checkouts and CI runs, where modification times
do not. Entries are kept per *extraction*: recheck's code, the vocabulary that frames
claims (``rules/vocabulary``) and the installed pint and charset-normalizer (units,
decoding). Change any and the old entries are simply never looked up again;
``recheck cache clear`` removes them.

The cache lives in ``$RECHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/recheck``, else
``~/.cache/recheck``; never inside the folders being audited. Each entry is one JSON
file written to a temporary name and renamed into place, so two runs sharing the cache
never see half an entry: they may both write the same entry, and either copy is right.
An entry that cannot be read or parsed is a miss, and a cache folder that cannot be
written is not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from importlib.util import find_spec
from operator import attrgetter
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .datelines import Heads, MonthDay
from .models import Claim, Frame

FORMAT = "claims-v2"  # the layout of entries; a new layout gets a new folder
_OLD_FORMATS = ("claims-v1",)  # (removed by clear)
_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_FRAME_FIELDS = tuple(f.name for f in fields(Frame))
_FRAME_AT = _CLAIM_FIELDS.index("frame")  # a row holds the frame as a list there
_CLAIM_VALUES = attrgetter(*_CLAIM_FIELDS)  # (one C call for all the fields)
_FRAME_VALUES = attrgetter(*_FRAME_FIELDS)


def default_folder() -> Path:
    """Where the cache lives when no folder is given."""
    if os.environ.get("RECHECK_CACHE_DIR"):
        return Path(os.environ["RECHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "recheck"


@dataclass(frozen=True)
class ClaimCache:
    """The entries of one extraction (``extraction``: see :func:`extraction_key`)."""

    folder: Path
    extraction: str

    @property
    def _root(self) -> Path:
        return self.folder / FORMAT / self.extraction

    def key(self, path: str, data: bytes, days: Mapping[MonthDay, date] | None = None) -> str:
        """The entry of a file's bytes at ``path``, framed with ``days`` (the dates its
        year-less datelines are read as, see recheck.datelines)."""
        digest = hashlib.sha256(data)
        digest.update(b"\0" + path.encode("utf-8", "surrogateescape"))
        for (month, day), when in sorted((days or {}).items()):
            digest.update(f"\0{month}-{day}={when.isoformat()}".encode())
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self._root / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[tuple[Claim, ...], Heads] | None:
        """A file's claims and what its datelines say, or ``None`` for a miss."""
        try:
            entry = json.loads(self._entry(key).read_text(encoding="utf-8"))
            heads = Heads(
                tuple(date.fromisoformat(day) for day in entry["dates"]),
                tuple((month, day) for month, day in entry["month_days"]),
            )
            return tuple(_claim(row) for row in entry["claims"]), heads
        except (OSError, ValueError, TypeError, IndexError, KeyError):
            return None

    def put(self, key: str, claims: Sequence[Claim], heads: Heads) -> None:
        entry = self._entry(key)
        record = {
            "claims": [_row(c) for c in claims],
            "dates": [day.isoformat() for day in heads.dates],
            "month_days": [list(month_day) for month_day in heads.month_days],
        }
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(entry, text, durable=False)
        except (OSError, UnicodeEncodeError):
            pass  # a cache that cannot be written is a cache not used


def extraction_key(vocabulary_digest: str) -> str:
    """What decides a file's claims besides its bytes: recheck's code, the vocabulary,
    and the libraries that convert units and decode text."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(vocabulary_digest.encode())
    digest.update(installed("pint", PINT_FILES).encode())
    digest.update(installed("charset_normalizer", ("__init__.py", "version.py")).encode())
    return digest.hexdigest()[:20]


# pint's files whose size and time change with its version (its unit definitions).
PINT_FILES = ("__init__.py", "default_en.txt")


def installed(module: str, files: Sequence[str]) -> str:
    """Where ``module`` is installed and the size and time of some of its ``files``:
    it changes when the library is upgraded, without importing it."""
    spec = find_spec(module)
    if spec is None or not spec.origin:
        return f"{module}: not installed"
    folder = Path(spec.origin).parent
    stamp = [str(folder)]
    for name in files:
        with contextlib.suppress(OSError):
            info = (folder / name).stat()
            stamp.append(f"{name}|{info.st_size}|{info.st_mtime_ns}")
    return "\x1f".join(stamp)


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The hash of recheck's own source files: an edited checkout never reuses entries
    that an older version of the code made."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def clear(folder: Path) -> int:
    """Remove every claim entry under ``folder``, and the unit memo; returns how many
    claim entries there were."""
    from .unitmemo import FOLDER as UNIT_MEMO

    root = folder / FORMAT
    count = sum(1 for _ in root.rglob("*.json")) if root.is_dir() else 0
    shutil.rmtree(root, ignore_errors=True)
    for old in _OLD_FORMATS:
        shutil.rmtree(folder / old, ignore_errors=True)
    shutil.rmtree(folder / UNIT_MEMO, ignore_errors=True)
    return count


def size(folder: Path) -> tuple[int, int]:
    """(entries, bytes) of the cache under ``folder``."""
    root = folder / FORMAT
    entries = list(root.rglob("*.json")) if root.is_dir() else []
    return len(entries), sum(p.stat().st_size for p in entries)


def _row(claim: Claim) -> list[Any]:
    row: list[Any] = list(_CLAIM_VALUES(claim))
    row[_FRAME_AT] = list(_FRAME_VALUES(claim.frame))
    return row


def _claim(row: list[Any]) -> Claim:
    values = list(row)
    values[_FRAME_AT] = Frame(*values[_FRAME_AT])
    return Claim(*values)
