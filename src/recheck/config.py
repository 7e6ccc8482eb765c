"""Settings from ``[tool.recheck]`` in ``pyproject.toml``; command-line flags override them.

The nearest ``pyproject.toml`` with a ``[tool.recheck]`` table, from the current folder
upwards, is used (or the file given with ``--config``). Relative paths in it are relative
to that file's folder. Keys::

    [tool.recheck]
    paths = ["articles"]            # what `recheck audit` audits when given no paths
    rules = "rules"
    baseline = "recheck-baseline.json"
    acknowledgements = "recheck-acknowledgements.yaml"
    reference = "reference/usgs_rare_earths.csv"
    fail-on = "medium"              # low | medium | high
    format = "text"
    jobs = 2                        # worker processes [default: the number of cores]
    cache = true                    # keep each file's claims in the claim cache
    cache-dir = ".recheck-cache"    # [default: $RECHECK_CACHE_DIR, else ~/.cache/recheck]
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import InputError
from .models import SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Settings:
    paths: tuple[str, ...] = ()
    rules: str = "rules"
    baseline: str | None = None
    acknowledgements: str = "recheck-acknowledgements.yaml"
    reference: str | None = None
    fail_on: str = "low"
    format: str = "text"
    jobs: int | None = None
    cache: bool = True
    cache_dir: str | None = None
    source: str | None = None  # the pyproject.toml the settings came from


_PATH_KEYS = {"rules", "baseline", "acknowledgements", "reference", "cache-dir"}
_KEYS = {f.name.replace("_", "-") for f in fields(Settings)} - {"source"}


def find(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml with a [tool.recheck] table, from ``start`` upwards."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file() and "[tool.recheck" in _read(path):
            return path
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc})") from None


def _relative(base: Path, value: str) -> str:
    """``value`` (relative to ``base``) as a path relative to the current folder."""
    path = Path(value) if Path(value).is_absolute() else base / value
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def load(path: Path | None = None) -> Settings:
    """Settings from ``path`` (or the nearest pyproject.toml); defaults when none."""
    path = path or find()
    if path is None:
        return Settings()
    try:
        table = tomllib.loads(_read(path)).get("tool", {}).get("recheck", {})
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML ({exc})") from None
    if not isinstance(table, dict):
        raise InputError(f"{path}: [tool.recheck] must be a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise InputError(
            f"{path}: [tool.recheck] unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})"
        )
    base = path.parent
    values: dict[str, Any] = {"source": str(path)}
    for key, value in table.items():
        name = key.replace("-", "_")
        if key == "paths":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(f"{path}: [tool.recheck] paths must be a list of strings")
            values[name] = tuple(_relative(base, v) for v in value)
            continue
        if key == "jobs":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InputError(f"{path}: [tool.recheck] jobs must be a whole number of 1 or more")
            values[name] = value
            continue
        if key == "cache":
            if not isinstance(value, bool):
                raise InputError(f"{path}: [tool.recheck] cache must be true or false")
            values[name] = value
            continue
        if not isinstance(value, str):
            raise InputError(f"{path}: [tool.recheck] {key} must be a string")
        values[name] = _relative(base, value) if key in _PATH_KEYS else value
    settings = Settings(**values)
    if settings.fail_on not in SEVERITIES:
        raise InputError(
            f"{path}: [tool.recheck] fail-on must be one of {', '.join(SEVERITIES)}, "
            f"got {settings.fail_on!r}"
        )
    return settings
