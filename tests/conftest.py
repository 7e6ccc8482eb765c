from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# No property test has a deadline: a time limit is a timed test, and on a shared virtual
# machine whose hypervisor takes half the CPU an example of 200 ms takes 600 (speed is
# measured in bench/, never asserted).
settings.register_profile("recheck", deadline=None)
settings.load_profile("recheck")

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


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """CLI runs in the tests cache claims in a folder of their own, never the user's."""
    import os

    folder = tmp_path_factory.mktemp("recheck-cache")
    previous = os.environ.get("RECHECK_CACHE_DIR")
    os.environ["RECHECK_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("RECHECK_CACHE_DIR", None)
    else:
        os.environ["RECHECK_CACHE_DIR"] = previous
