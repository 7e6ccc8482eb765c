"""[tool.recheck] settings in pyproject.toml."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
