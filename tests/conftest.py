from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def rulebook():
    from recheck.rulebook import load_rulebook

    return load_rulebook(ROOT / "rules")


@pytest.fixture(scope="session")
def seeds_report(rulebook):
    from recheck.audit import audit

    return audit([str(ROOT / "seeds")], rulebook)
