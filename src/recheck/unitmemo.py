"""A memo of what pint said about unit strings, so that most runs never import pint.

:mod:`recheck.units` asks two questions of pint: what a unit string is (its dimension
and canonical unit, or unknown) and the factor from one unit to another. The answers
depend only on the unit strings, on recheck's unit definitions and on pint itself, so
they are kept in one JSON file in the cache folder (see :func:`recheck.cache.default_folder`,
or the folder given to :func:`use`: the claim cache's, and none with ``--no-cache``),
named by a hash of :mod:`recheck.units`'s source and of pint's installed files. A
question the memo cannot answer goes to pint, and the answer is added to the file when
the process ends, merged with what other runs added meanwhile and written atomically.
A memo that cannot be read is empty, and one that cannot be written is not kept.
"""

from __future__ import annotations

import atexit
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from .atomic import write_atomic

Facts = tuple[str, str]  # (dimension, canonical unit)
FOLDER = "units-v1"  # inside the cache folder

_chosen = False  # whether use() named the folder; if not, the default cache folder
_folder: Path | None = None  # the folder use() named; None: in memory only
_units: dict[str, Facts | None] | None = None  # None until the file is read
_file: Path | None = None  # the file it was read from, and is saved to
_factors: dict[str, float] = {}
_new = False


def facts(unit: str, ask: Callable[[str], Facts | None]) -> Facts | None:
    """What the memo knows of ``unit``; ``ask`` (pint) answers what it does not."""
    units = _load()
    if unit not in units:
        answer = ask(unit)
        units[unit] = tuple(answer) if answer is not None else None  # type: ignore[assignment]
        _changed()
    return units[unit]


def factor(unit: str, target: str, ask: Callable[[str, str], float]) -> float:
    """The factor from ``unit`` to ``target``; ``ask`` (pint) computes a new one."""
    _load()
    key = f"{unit}\x1f{target}"
    if key not in _factors:
        _factors[key] = ask(unit, target)
        _changed()
    return _factors[key]


def use(folder: Path | None) -> None:
    """Keep the memo in the cache folder ``folder`` from now on (the claim cache's), or
    in memory only when ``folder`` is None (``--no-cache``: nothing is written)."""
    global _chosen, _folder, _units, _file
    if _chosen and folder == _folder:
        return
    save()  # what was learned so far goes where it was read from
    _chosen, _folder, _units, _file = True, folder, None, None


def path() -> Path | None:
    """The memo file for this recheck and this pint (None: the memo is not kept)."""
    from .cache import PINT_FILES, default_folder, installed

    if _chosen and _folder is None:
        return None
    digest = hashlib.sha256(Path(__file__).with_name("units.py").read_bytes())
    digest.update(installed("pint", PINT_FILES).encode())
    folder = _folder if _folder is not None else default_folder()
    return folder / FOLDER / f"{digest.hexdigest()[:20]}.json"


def _load() -> dict[str, Facts | None]:
    global _units, _file
    if _units is None:
        _file = path()
        units, factors = _read(_file) if _file is not None else ({}, {})
        _units = units
        _factors.update(factors)
    return _units


def _read(file: Path) -> tuple[dict[str, Facts | None], dict[str, float]]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        units = {
            str(k): (str(v[0]), str(v[1])) if v is not None else None
            for k, v in data["units"].items()
        }
        factors = {str(k): float(v) for k, v in data["factors"].items()}
        return units, factors
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return {}, {}


def _changed() -> None:
    global _new
    if not _new:
        _new = True
        atexit.register(save)


def save() -> None:
    """Add what this process learned to the memo file (merged, written atomically)."""
    global _new
    if not _new or _units is None or _file is None:
        return
    file = _file
    units, factors = _read(file)
    units.update(_units)
    factors.update(_factors)
    text = json.dumps({"units": units, "factors": factors}, ensure_ascii=False, sort_keys=True)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, text, durable=False)
    except OSError:
        return  # a memo that cannot be written is not kept
    _new = False
