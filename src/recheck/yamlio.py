"""Safe YAML loading with errors that name the file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import RuleError

# libyaml's safe loader when it is compiled in (ten times faster), else the pure one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    """Parse ``path`` with ``yaml.safe_load``: nothing in a rule file is ever executed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot be read ({exc})") from exc
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)  # a safe loader: never executes
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}{line}: invalid YAML: {problem}") from exc
