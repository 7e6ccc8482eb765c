"""[tool.recheck] settings in pyproject.toml."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import recheck.audit
from recheck import cache
from recheck.cli import ExitCode, app
from recheck.config import Settings, find, load
from recheck.errors import RecheckError


def _project(folder: Path, table: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.recheck]\n' + table, encoding="utf-8")
    return path


def test_no_config_gives_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert find() is None
    assert load(None) == Settings()


def test_settings_are_read_and_paths_are_relative_to_the_file(tmp_path, monkeypatch):
    _project(
        tmp_path,
        'paths = ["articles"]\nrules = "my-rules"\nfail-on = "high"\nformat = "json"\n'
        'baseline = "ci/baseline.json"\n',
    )
    nested = tmp_path / "articles" / "2026"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    settings = load(find())
    assert settings.source == str(tmp_path.resolve() / "pyproject.toml")
    assert settings.fail_on == "high" and settings.format == "json"
    assert Path(settings.rules).resolve() == (tmp_path / "my-rules").resolve()
    assert Path(settings.baseline).resolve() == (tmp_path / "ci" / "baseline.json").resolve()
    assert [Path(p).resolve() for p in settings.paths] == [(tmp_path / "articles").resolve()]
    assert not os.path.isabs(settings.rules)


def test_a_pyproject_without_the_table_is_passed_over(tmp_path):
    _project(tmp_path, 'rules = "r"\n')
    inner = tmp_path / "sub"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "y"\n', encoding="utf-8")
    assert find(inner) == (tmp_path / "pyproject.toml").resolve()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('fail-on = "critical"\n', "fail-on must be one of low, medium, high"),
        ('rule = "r"\n', "unknown key 'rule'"),
        ("paths = 3\n", "paths must be a list of strings"),
        ("rules = [1]\n", "rules must be a string"),
        ('rules = "r\n', "invalid TOML"),
    ],
)
def test_bad_settings_name_the_file_and_key(tmp_path, table, message):
    path = _project(tmp_path, table)
    with pytest.raises(RecheckError) as info:
        load(path)
    assert str(path) in str(info.value) and message in str(info.value)


# --- jobs, cache, cache-dir -------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")
RULES = str(ROOT / "rules")


def test_the_defaults_leave_jobs_and_the_cache_folder_open():
    assert (Settings().jobs, Settings().cache, Settings().cache_dir) == (None, True, None)


def test_jobs_cache_and_cache_dir_are_read(tmp_path, monkeypatch):
    _project(tmp_path, 'jobs = 3\ncache = false\ncache-dir = ".recheck-cache"\n')
    nested = tmp_path / "articles" / "2026"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    settings = load(find())
    assert settings.jobs == 3 and settings.cache is False
    assert Path(settings.cache_dir).resolve() == (tmp_path / ".recheck-cache").resolve()


def test_an_absolute_cache_dir_stays_as_written(tmp_path):
    folder = tmp_path / "elsewhere" / "cache"
    settings = load(_project(tmp_path, f'cache-dir = "{folder.as_posix()}"\n'))
    assert Path(settings.cache_dir).resolve() == folder.resolve()


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("jobs = 0\n", "jobs"),
        ("jobs = -2\n", "jobs"),
        ('jobs = "2"\n', "jobs"),
        ("jobs = true\n", "jobs"),
        ("jobs = 1.5\n", "jobs"),
        ('cache = "no"\n', "cache"),
        ("cache = 0\n", "cache"),
        ("cache-dir = 3\n", "cache-dir"),
        ("cache-dir = false\n", "cache-dir"),
    ],
)
def test_bad_jobs_and_cache_values_exit_2_naming_the_key(tmp_path, table, key):
    path = _project(tmp_path, table)
    with pytest.raises(RecheckError, match=rf"\] {key} must be"):
        load(path)
    result = CliRunner().invoke(app, ["audit", SEEDS, "-r", RULES, "--config", str(path)])
    assert result.exit_code == ExitCode.ERROR
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"] {key} must be" in lines[0] and str(path) in lines[0]
    assert "Traceback" not in result.output


def _cli(*args: str):
    return CliRunner().invoke(app, list(args))


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / cache.FORMAT).rglob("*.json"))


def test_the_cli_keeps_the_cache_in_the_configured_folder(tmp_path, monkeypatch):
    _project(tmp_path, 'cache-dir = "ci/cache"\n')
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert _cli("audit", SEEDS, "-r", RULES).exit_code == ExitCode.CONTRADICTIONS
    folder = tmp_path / "ci" / "cache"
    assert len(_entries(folder)) == 5
    info = _cli("cache", "info")
    assert "5 entries" in info.stdout
    assert Path(info.stdout.split(":")[0]).resolve() == folder.resolve()
    flag = tmp_path / "flag"
    assert _cli("audit", SEEDS, "-r", RULES, "--cache-dir", str(flag)).exit_code == 1
    assert len(_entries(flag)) == 5  # the flag wins over the setting


def test_cache_false_in_the_config_keeps_no_cache(tmp_path, monkeypatch):
    _project(tmp_path, 'cache = false\ncache-dir = "cache"\n')
    monkeypatch.chdir(tmp_path)
    assert _cli("audit", SEEDS, "-r", RULES).exit_code == 1
    assert not (tmp_path / "cache").exists()


def test_jobs_from_the_config_and_the_flag_over_it(tmp_path, monkeypatch, seeds_report):
    seen = []

    def fake_audit(paths, rules, *, execution, **kwargs):
        seen.append(execution.jobs)
        return seeds_report

    monkeypatch.setattr(recheck.audit, "audit", fake_audit)
    path = _project(tmp_path, "jobs = 3\n")
    assert _cli("audit", SEEDS, "-r", RULES, "--config", str(path)).exit_code == 1
    assert _cli("audit", SEEDS, "-r", RULES, "--config", str(path), "-j", "1").exit_code == 1
    assert seen == [3, 1]
