from __future__ import annotations

import shutil
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


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    """An empty rules folder with the real vocabulary, for rule-file tests."""
    target = tmp_path / "rules"
    shutil.copytree(ROOT / "rules" / "vocabulary", target / "vocabulary")
    return target
