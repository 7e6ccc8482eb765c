"""bench/ab.py: two versions of recheck side by side in one process."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from factories import load_script

ROOT = Path(__file__).parents[1]
ab = load_script(ROOT / "bench" / "ab.py", "bench_ab")

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode
    != 0,
    reason="needs a git checkout to export the base version from",
)


def test_the_base_version_is_imported_under_its_own_name(tmp_path):
    rules = ab.export("HEAD", tmp_path)
    assert (rules / "vocabulary" / "metrics.yaml").is_file()
    package = tmp_path / "src" / ab.BASE
    sources = "".join(path.read_text("utf-8") for path in package.rglob("*.py"))
    assert "from recheck." not in sources and "import recheck." not in sources
    assert f"from {ab.BASE}.models import" in sources  # the absolute imports, renamed


@pytest.mark.parametrize(
    ("stage", "same"),
    [("frame", "files whose claims differ in number: 0"),
     ("compare", "findings in one version only: 0")],
)  # fmt: skip
def test_a_version_against_itself_gives_the_same_claims_and_findings(capsys, stage, same):
    assert ab.main([str(ROOT / "seeds"), "--stage", stage, "--rounds", "1"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"{stage}: HEAD ") and same in printed
