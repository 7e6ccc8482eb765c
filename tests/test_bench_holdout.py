"""bench/holdout.py: a sealed set is scored by its counts alone."""

from __future__ import annotations

import re
from pathlib import Path

from factories import load_script

HOLDOUT = Path(__file__).parents[1] / "bench" / "holdout.py"


holdout = load_script(HOLDOUT, "bench_holdout")

KEY = """conflicts:
  - id: C01
    about: "US mine production, 2024"
    kind: value
    figures:
      - {file: a01.txt, text: "3,000 tonnes"}
      - {file: a02.txt, text: "45,000 tonnes"}
traps: []
"""


def _set(folder: Path) -> Path:
    (folder / "articles").mkdir(parents=True)
    for name, figure in (("a01.txt", "3,000 tonnes"), ("a02.txt", "45,000 tonnes")):
        text = f"US output\nBy A | Wire | 2025-03-01\nThe US mined {figure} in 2024.\n"
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    (folder / "key.yaml").write_text(KEY, encoding="utf-8")
    return folder


def test_a_sealed_set_shows_counts_not_figures(tmp_path, capsys):
    sealed = _set(tmp_path / "sealed9")
    holdout.main([str(sealed)])
    out = capsys.readouterr().out
    assert re.search(r"\| conflicts found +\| +1 / 1 \|", out)
    assert "C01" not in out and "45,000" not in out
    holdout.main([str(sealed), "--details"])
    assert "FOUND  C01" in capsys.readouterr().out


def test_a_dev_set_shows_its_figures(tmp_path, capsys):
    holdout.main([str(_set(tmp_path / "dev9"))])
    assert "FOUND  C01" in capsys.readouterr().out
