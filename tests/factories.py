"""Small builders the tests share: claims from the mappings a rule example uses, and
the scripts under bench/ loaded as modules."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from recheck.examples import example_claims
from recheck.models import Claim, Example


def claims(*specs: dict) -> list[Claim]:
    """Claims built from ``{entity, metric, value, unit, …}`` mappings, normalised like
    real claims (see :func:`recheck.examples.example_claims`)."""
    return example_claims(Example(tuple(tuple(sorted(s.items())) for s in specs), True))


def load_script(path: Path, name: str) -> ModuleType:
    """The script at ``path`` (bench/*.py, not a package) imported as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module
