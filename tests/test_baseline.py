"""The CI gate: a baseline records today's findings; only new ones fail the run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recheck.audit import audit
from recheck.cli import ExitCode, app

ROOT = Path(__file__).resolve().parent.parent
RULES = str(ROOT / "rules")
runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def _fingerprints(folder: Path, rulebook) -> set[str]:
    return {c.fingerprint for c in audit([str(folder)], rulebook).contradictions}


def test_fingerprints_survive_inserted_lines_renames_and_reordering(corpus, rulebook):
    before = _fingerprints(corpus, rulebook)
    path = corpus / "000_1a1af2e0efe117e6.txt"
    path.write_text(
        "Editor's note: unrelated text.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (corpus / "002_22d159018d95663b.txt").rename(corpus / "renamed.txt")
    assert _fingerprints(corpus, rulebook) == before
    files = sorted(str(p) for p in corpus.iterdir())
    reordered = {c.fingerprint for c in audit(files[::-1], rulebook).contradictions}
    assert reordered == before


def test_another_article_restating_a_conflicting_value_keeps_fingerprints(corpus, rulebook):
    report = audit([str(corpus)], rulebook)
    before = {c.fingerprint for c in report.contradictions}
    restated = report.contradictions[0].claims[0]  # the most severe one gains a source
    (corpus / "restated.txt").write_text(restated.quote + "\n", encoding="utf-8")
    after = audit([str(corpus)], rulebook)
    assert {c.fingerprint for c in after.contradictions} == before
    sources = {c.fingerprint: len(c.claims) for c in after.contradictions}
    assert sources[report.contradictions[0].fingerprint] > len(report.contradictions[0].claims)


def test_changing_a_conflicting_value_makes_a_new_contradiction(corpus, rulebook):
    before = _fingerprints(corpus, rulebook)
    path = corpus / "002_22d159018d95663b.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("67.9%", "66.9%"), encoding="utf-8")
    assert _fingerprints(corpus, rulebook) != before


def test_baseline_round_trip_new_known_and_stale(corpus, tmp_path):
    baseline = tmp_path / "recheck-baseline.json"
    made = runner.invoke(app, ["baseline", str(corpus), "--rules", RULES, "-o", str(baseline)])
    assert made.exit_code == 0, made.output
    data = json.loads(baseline.read_text(encoding="utf-8"))
    fingerprints = [e["fingerprint"] for e in data["contradictions"]]
    assert fingerprints == sorted(fingerprints) and fingerprints

    same = runner.invoke(app, ["audit", str(corpus), "--rules", RULES, "-b", str(baseline)])
    assert same.exit_code == ExitCode.OK, same.output
    assert "known contradiction(s) are in the baseline" in same.output

    (corpus / "new.txt").write_text(
        "美国地质调查局数据显示,韩国2025年的稀土冶炼产能为8000吨。\n"
        "另据报道,韩国2025年的冶炼产能为2000吨。\n",
        encoding="utf-8",
    )
    fresh = runner.invoke(
        app, ["audit", str(corpus), "--rules", RULES, "-b", str(baseline), "-f", "json"]
    )
    assert fresh.exit_code == ExitCode.CONTRADICTIONS
    record = json.loads(fresh.stdout)
    (new,) = [c for c in record["contradictions"] if c["status"] == "new"]
    assert new["entity"] == "south_korea"
    assert record["stale"] == []
    assert record["summary"]["known"] == len(fingerprints)
    assert record["summary"]["failing"] == 1

    runner.invoke(app, ["baseline", str(corpus), "--rules", RULES, "-o", str(baseline)])
    (corpus / "new.txt").unlink()
    gone = runner.invoke(
        app, ["audit", str(corpus), "--rules", RULES, "-b", str(baseline), "-f", "json"]
    )
    assert gone.exit_code == ExitCode.OK
    stale = json.loads(gone.stdout)["stale"]
    assert [(s["fingerprint"], s["source"]) for s in stale] == [(new["fingerprint"], "baseline")]


def test_a_broken_baseline_file_is_exit_2(corpus, tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["audit", str(corpus), "--rules", RULES, "-b", str(bad)])
    assert result.exit_code == ExitCode.ERROR
    assert "not a recheck baseline" in result.stderr


def test_an_interrupted_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    import os

    from recheck.atomic import write_atomic

    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def boom(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
