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
        # An error found at the end of the file points past its last line.
        last = max(1, len(text.splitlines()))
        line = f":{min(mark.line + 1, last)}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}{line}: invalid YAML: {problem}") from exc


def key_lines(path: Path) -> dict[str, int]:
    """The 1-based line of every mapping key in ``path``, by dotted path
    (``select.entity``, ``examples.0.claims``), for error messages. Only composes the
    node tree: nothing is constructed or executed. Empty when the file cannot be parsed.
    """
    lines: dict[str, int] = {}

    def walk(node: yaml.Node, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = f"{prefix}{key.value}" if isinstance(key, yaml.ScalarNode) else prefix
                lines.setdefault(name, key.start_mark.line + 1)
                walk(value, f"{name}.")
        elif isinstance(node, yaml.SequenceNode):
            for n, item in enumerate(node.value):
                lines.setdefault(f"{prefix}{n}", item.start_mark.line + 1)
                walk(item, f"{prefix}{n}.")

    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return lines
    if root is not None:
        walk(root, "")
    return lines
