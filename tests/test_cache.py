"""The claim cache: a file whose bytes, path and extraction are unchanged is not
extracted again, and whatever the cache holds, the report is the same."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recheck import cache, pipeline
from recheck.audit import audit
from recheck.cli import ExitCode, app
from recheck.datelines import Heads
from recheck.framing import Framer
from recheck.pipeline import Execution, frame_files
from recheck.reporters import render_audit
from recheck.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = str(ROOT / "rules")
runner = CliRunner()


def _corpus(tmp_path: Path, name: str = "corpus") -> Path:
    folder = tmp_path / name
    shutil.copytree(SEEDS, folder)
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*.txt"))


def _json(report) -> str:
    return render_audit(report, "json", color=False)


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / cache.FORMAT).rglob("*.json"))


def _no_framing(monkeypatch):
    """From here on, extracting any file fails the test: claims must come from the cache."""

    def boom(self, article, sentences):
        raise AssertionError(f"{article.path} was extracted again")

    monkeypatch.setattr(Framer, "frame_article", boom)


def test_a_second_audit_comes_from_the_cache_and_gives_the_same_report(
    tmp_path, rulebook, monkeypatch
):
    corpus = _corpus(tmp_path)
    run = Execution(cache=tmp_path / "cache")
    first = audit([str(corpus)], rulebook, execution=run)
    assert len(_entries(tmp_path / "cache")) == len(_files(corpus))
    _no_framing(monkeypatch)
    second = audit([str(corpus)], rulebook, execution=run)
    assert _json(second) == _json(first)
    assert second.claims == first.claims
    assert all(r.cached for r in frame_files(_files(corpus), rulebook, run))


def test_the_cached_report_equals_the_uncached_one(tmp_path, rulebook):
    corpus = _corpus(tmp_path)
    plain = audit([str(corpus)], rulebook)
    run = Execution(cache=tmp_path / "cache")
    audit([str(corpus)], rulebook, execution=run)
    assert _json(audit([str(corpus)], rulebook, execution=run)) == _json(plain)


def test_editing_one_file_re_extracts_only_that_file(tmp_path, rulebook):
    corpus = _corpus(tmp_path)
    run = Execution(cache=tmp_path / "cache")
    audit([str(corpus)], rulebook, execution=run)
    edited = corpus / "000_1a1af2e0efe117e6.txt"
    text = edited.read_text(encoding="utf-8")
    assert "稀土矿开采量为27万吨" in text
    edited.write_text(text.replace("稀土矿开采量为27万吨", "稀土矿开采量为31万吨"), "utf-8")

    results = list(frame_files(_files(corpus), rulebook, run))
    assert {r.path: r.cached for r in results} == {
        path: path != str(edited) for path in _files(corpus)
    }
    report = audit([str(corpus)], rulebook, execution=run)
    values = {c.value for c in report.claims if c.path == str(edited)}
    assert 310000 in values and 270000 not in values
    assert "31万吨" in _json(report)
    # the edited file's new entry is in the cache: a third run reads nothing
    assert all(r.cached for r in frame_files(_files(corpus), rulebook, run))


def test_the_same_bytes_under_another_path_are_another_entry(tmp_path, rulebook):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    original = corpus / "a.txt"
    shutil.copy(SEEDS / "001_44ac6af4352f0c49.txt", original)
    run = Execution(cache=tmp_path / "cache")
    list(frame_files([str(original)], rulebook, run))
    twin = corpus / "b.txt"
    shutil.copy(original, twin)

    first, second = frame_files([str(original), str(twin)], rulebook, run)
    assert first.cached and not second.cached
    assert second.claims and {c.path for c in second.claims} == {str(twin)}
    assert {c.path for c in first.claims} == {str(original)}
    assert len(_entries(tmp_path / "cache")) == 2


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: "not json at all", id="not-json"),
        pytest.param(lambda text: text[: len(text) // 2], id="truncated"),
        pytest.param(lambda text: "", id="empty"),
        pytest.param(lambda text: '{"claims": 1}', id="wrong-shape"),
        pytest.param(lambda text: "[[1, 2, 3]]", id="short-rows"),
        pytest.param(lambda text: "null", id="null"),
    ],
)
def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path, rulebook, damage):
    corpus = _corpus(tmp_path)
    folder = tmp_path / "cache"
    run = Execution(cache=folder)
    expected = _json(audit([str(corpus)], rulebook, execution=run))
    good = {p: p.read_text(encoding="utf-8") for p in _entries(folder)}
    for path, text in good.items():
        path.write_text(damage(text), encoding="utf-8")

    assert not any(r.cached for r in frame_files(_files(corpus), rulebook, run))
    assert _json(audit([str(corpus)], rulebook, execution=run)) == expected
    assert {p: p.read_text(encoding="utf-8") for p in _entries(folder)} == good


def test_an_entry_that_is_not_utf8_is_a_miss(tmp_path, rulebook):
    corpus = _corpus(tmp_path)
    folder = tmp_path / "cache"
    run = Execution(cache=folder)
    expected = _json(audit([str(corpus)], rulebook, execution=run))
    for path in _entries(folder):
        path.write_bytes(b"\xff\xfe\x00garbage")
    assert _json(audit([str(corpus)], rulebook, execution=run)) == expected
    assert all(json.loads(p.read_text(encoding="utf-8")) for p in _entries(folder))


def test_an_unwritable_cache_folder_does_not_fail_the_audit(tmp_path, rulebook):
    corpus = _corpus(tmp_path)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    expected = _json(audit([str(corpus)], rulebook))
    run = Execution(cache=blocker)
    assert _json(audit([str(corpus)], rulebook, execution=run)) == expected
    assert _json(audit([str(corpus)], rulebook, execution=run)) == expected
    assert blocker.read_text(encoding="utf-8") == "a file where the cache folder should be"


def test_an_unwritable_cache_folder_from_the_environment_does_not_fail_the_cli(
    tmp_path, monkeypatch
):
    corpus = _corpus(tmp_path)
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    expected = runner.invoke(app, ["audit", str(corpus), "-r", RULES, "-f", "json", "--no-cache"])
    monkeypatch.setenv("RECHECK_CACHE_DIR", str(blocker))
    result = runner.invoke(app, ["audit", str(corpus), "-r", RULES, "-f", "json"])
    assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    assert result.stdout == expected.stdout
    assert result.stderr == ""


def test_another_vocabulary_does_not_reuse_entries(tmp_path, rulebook):
    corpus = _corpus(tmp_path)
    folder = tmp_path / "cache"
    run = Execution(cache=folder)
    list(frame_files(_files(corpus), rulebook, run))
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    metrics = rules / "vocabulary" / "metrics.yaml"
    metrics.write_text(
        metrics.read_text(encoding="utf-8") + "\n# a harmless comment\n", encoding="utf-8"
    )
    edited = load_rulebook(rules)
    assert edited.vocabulary.digest != rulebook.vocabulary.digest

    assert not any(r.cached for r in frame_files(_files(corpus), edited, run))
    assert len(_entries(folder)) == 2 * len(_files(corpus))
    assert len(list((folder / cache.FORMAT).iterdir())) == 2  # one folder per extraction
    # the first vocabulary's entries are still there, and still its own
    assert all(r.cached for r in frame_files(_files(corpus), rulebook, run))


def test_an_upgraded_unit_or_decoding_library_does_not_reuse_entries(monkeypatch):
    before = cache.extraction_key("vocabulary")
    assert cache.extraction_key("vocabulary") == before  # stable while nothing changes
    real = cache.installed
    for upgraded in ("pint", "charset_normalizer"):
        monkeypatch.setattr(
            cache, "installed", lambda m, f, u=upgraded: real(m, f) + ("+1" if m == u else "")
        )
        assert cache.extraction_key("vocabulary") != before


def test_installed_changes_when_the_library_is_reinstalled(tmp_path, monkeypatch):
    package = tmp_path / "fakelib"
    package.mkdir()
    (package / "__init__.py").write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = cache.installed("fakelib", ("__init__.py",))
    (package / "__init__.py").write_text("VERSION = 22\n", encoding="utf-8")
    assert cache.installed("fakelib", ("__init__.py",)) != first
    assert "not installed" in cache.installed("no_such_library_here", ("__init__.py",))


def test_another_extraction_key_does_not_see_the_entries(tmp_path):
    folder = tmp_path / "cache"
    one = cache.ClaimCache(folder, "one")
    key = one.key("a.txt", b"bytes")
    one.put(key, (), Heads())
    assert one.get(key) == ((), Heads())
    assert cache.ClaimCache(folder, "two").get(key) is None
    assert one.get(one.key("b.txt", b"bytes")) is None
    assert one.get(one.key("a.txt", b"other bytes")) is None


def test_two_runs_sharing_an_empty_cache_at_once_agree(tmp_path):
    corpus = tmp_path / "corpus"
    for index in range(3):
        shutil.copytree(SEEDS, corpus / f"part{index}")
    folder = tmp_path / "cache"
    env = {**os.environ, "RECHECK_CACHE_DIR": str(tmp_path / "env-cache")}
    command = [sys.executable, "-m", "recheck", "audit", str(corpus), "-r", RULES]
    command += ["-f", "json", "-j", "1", "--cache-dir", str(folder)]
    runs = [
        subprocess.Popen(
            command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == ExitCode.CONTRADICTIONS, err.decode()
        assert err == b""
    assert outputs[0][0] == outputs[1][0]
    assert json.loads(outputs[0][0])["claims"]
    assert len(_entries(folder)) == len(_files(corpus))
    assert list(tmp_path.rglob("*.tmp")) == []
    assert all(json.loads(p.read_text(encoding="utf-8")) for p in _entries(folder))


def test_cache_info_and_clear(tmp_path):
    corpus = _corpus(tmp_path)
    folder = tmp_path / "my cache"
    audited = runner.invoke(app, ["audit", str(corpus), "-r", RULES, "--cache-dir", str(folder)])
    assert audited.exit_code == ExitCode.CONTRADICTIONS, audited.output
    count = len(_files(corpus))

    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(folder)])
    assert info.exit_code == 0
    assert str(folder) in info.stdout and f"{count} entries" in info.stdout

    cleared = runner.invoke(app, ["cache", "clear", "--cache-dir", str(folder)])
    assert cleared.exit_code == 0
    assert f"removed {count} entries" in cleared.stderr and str(folder) in cleared.stderr
    assert _entries(folder) == []
    assert cache.size(folder) == (0, 0)
    after = runner.invoke(app, ["cache", "info", "--cache-dir", str(folder)])
    assert "0 entries" in after.stdout

    again = runner.invoke(app, ["cache", "clear", "--cache-dir", str(folder)])
    assert again.exit_code == 0 and "removed 0 entries" in again.stderr


def test_cache_clear_keeps_files_that_are_not_entries(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["cache", "clear", "--cache-dir", str(folder)])
    assert result.exit_code == 0
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_environment_folder_is_used_when_no_folder_is_given(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    folder = tmp_path / "from-env"
    monkeypatch.setenv("RECHECK_CACHE_DIR", str(folder))
    assert cache.default_folder() == folder
    result = runner.invoke(app, ["audit", str(corpus), "-r", RULES])
    assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    assert len(_entries(folder)) == len(_files(corpus))
    info = runner.invoke(app, ["cache", "info"])
    assert str(folder) in info.stdout and f"{len(_files(corpus))} entries" in info.stdout


def test_the_flag_wins_over_the_environment(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    monkeypatch.setenv("RECHECK_CACHE_DIR", str(tmp_path / "from-env"))
    flag = tmp_path / "from-flag"
    result = runner.invoke(app, ["claims", str(corpus), "-r", RULES, "--cache-dir", str(flag)])
    assert result.exit_code == 0, result.output
    assert len(_entries(flag)) == len(_files(corpus))
    assert _entries(tmp_path / "from-env") == []


def test_no_cache_writes_nothing_to_the_cache_folder(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    flag = tmp_path / "from-flag"
    env = tmp_path / "from-env"
    monkeypatch.setenv("RECHECK_CACHE_DIR", str(env))
    for args in (["--cache-dir", str(flag)], []):
        result = runner.invoke(app, ["audit", str(corpus), "-r", RULES, "--no-cache", *args])
        assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    assert not flag.exists()
    assert not (env / cache.FORMAT).exists()


def test_no_cache_does_not_read_the_cache_either(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    folder = tmp_path / "cache"
    warm = runner.invoke(app, ["audit", str(corpus), "-r", RULES, "--cache-dir", str(folder)])
    assert warm.exit_code == ExitCode.CONTRADICTIONS, warm.output
    calls = []
    real = cache.ClaimCache.get

    def spy(self, key):
        calls.append(key)
        return real(self, key)

    monkeypatch.setattr(cache.ClaimCache, "get", spy)
    result = runner.invoke(
        app, ["audit", str(corpus), "-r", RULES, "--cache-dir", str(folder), "--no-cache"]
    )
    assert result.exit_code == ExitCode.CONTRADICTIONS
    assert calls == []


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def test_nothing_is_written_inside_the_audited_folder(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    (corpus / "empty.txt").write_bytes(b"")
    before = _snapshot(corpus)
    monkeypatch.chdir(corpus)  # not even when it is the current folder
    monkeypatch.delenv("RECHECK_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    for _ in range(2):  # a cold cache, then a warm one
        result = runner.invoke(app, ["audit", ".", "-r", RULES])
        assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    assert _snapshot(corpus) == before
    assert len(_entries(tmp_path / "xdg" / "recheck")) == len(_files(corpus)) - 1


def test_the_cache_is_used_only_with_a_known_vocabulary(tmp_path, rulebook):
    """A vocabulary without a digest (built in code) cannot key entries: none are kept."""
    from dataclasses import replace

    anonymous = replace(rulebook, vocabulary=replace(rulebook.vocabulary, digest=""))
    corpus = _corpus(tmp_path)
    list(frame_files(_files(corpus), anonymous, Execution(cache=tmp_path / "cache")))
    assert not (tmp_path / "cache").exists()


def test_worker_processes_share_the_cache(tmp_path, rulebook, monkeypatch):
    corpus = tmp_path / "corpus"
    for index in range(3):
        shutil.copytree(SEEDS, corpus / f"part{index}")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 1)
    run = Execution(jobs=2, cache=tmp_path / "cache")
    first = list(frame_files(_files(corpus), rulebook, run))
    assert len(_entries(tmp_path / "cache")) == len(_files(corpus))
    second = list(frame_files(_files(corpus), rulebook, run))
    assert all(r.cached for r in second)
    assert [r.claims for r in second] == [r.claims for r in first]


def test_cache_clear_also_removes_the_unit_memo(tmp_path):
    from recheck import cache
    from recheck.unitmemo import FOLDER

    memo = tmp_path / FOLDER / "x.json"
    memo.parent.mkdir(parents=True)
    memo.write_text("{}", encoding="utf-8")
    cache.clear(tmp_path)
    assert not memo.parent.exists()
