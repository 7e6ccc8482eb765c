"""The unit memo: what pint said about unit strings, kept so that most runs never
import pint, and never a different answer than pint's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from recheck import unitmemo, units
from recheck.units import UnitError

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ["audit", str(ROOT / "seeds"), "--rules", str(ROOT / "rules"), "-f", "json"]

# The recheck command line, run in this interpreter, then a word on whether pint was
# imported (on stderr, after the report).
IN_PROCESS_CLI = """
import sys
from recheck.cli import main
sys.argv = ["recheck", *sys.argv[1:]]
try:
    main()
except SystemExit as end:
    code = end.code
print("pint imported" if "pint" in sys.modules else "pint not imported", file=sys.stderr)
sys.exit(code)
"""


def _run(command: list[str], cache: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RECHECK_CACHE_DIR": str(cache)}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def _memos(cache: Path) -> list[Path]:
    return sorted((cache / "units-v1").glob("*.json"))


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """`python -m recheck audit seeds` with an empty cache folder: (cache, report)."""
    work = tmp_path_factory.mktemp("unitmemo")
    cache = work / "cache"
    result = _run([sys.executable, "-m", "recheck", *AUDIT], cache, work)
    assert result.returncode == 1, result.stderr
    return cache, result.stdout


def test_the_first_run_writes_the_memo(first_run):
    cache, report = first_run
    assert json.loads(report)["claims"]
    [memo] = _memos(cache)
    data = json.loads(memo.read_text(encoding="utf-8"))
    assert data["units"]["t"] == ["[mass]", "t"]
    assert data["units"]["percent"] == ["dimensionless", "percent"]
    assert data["factors"]
    assert not list((cache / "units-v1").glob("*.tmp"))


def test_a_second_run_does_not_import_pint_and_reports_the_same(first_run, tmp_path):
    cache, report = first_run
    [memo] = _memos(cache)
    before = memo.read_bytes()
    result = _run([sys.executable, "-c", IN_PROCESS_CLI, *AUDIT], cache, tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "pint not imported"
    assert result.stdout == report
    assert memo.read_bytes() == before  # nothing new learned, nothing rewritten


def test_no_cache_writes_no_memo_and_cache_dir_holds_it(first_run, tmp_path):
    _, report = first_run
    default, chosen = tmp_path / "default", tmp_path / "chosen"
    result = _run([sys.executable, "-m", "recheck", *AUDIT, "--no-cache"], default, tmp_path)
    assert result.returncode == 1 and result.stdout == report
    assert not default.exists()  # neither claims nor the memo
    result = _run(
        [sys.executable, "-m", "recheck", *AUDIT, "--cache-dir", str(chosen)], default, tmp_path
    )
    assert result.returncode == 1 and result.stdout == report
    assert not default.exists()
    assert len(_memos(chosen)) == 1


@pytest.mark.parametrize(
    "damage", ["{not json", '{"units": {"t": 5}, "factors": {}}'], ids=["not-json", "bad-values"]
)
def test_a_damaged_memo_is_ignored_and_rewritten(first_run, tmp_path, damage):
    cache, report = first_run
    [memo] = _memos(cache)
    good = json.loads(memo.read_text(encoding="utf-8"))
    mine = tmp_path / "cache"
    damaged = mine / "units-v1" / memo.name
    damaged.parent.mkdir(parents=True)
    damaged.write_text(damage, encoding="utf-8")

    result = _run([sys.executable, "-c", IN_PROCESS_CLI, *AUDIT], mine, tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "pint imported"
    assert result.stdout == report
    assert json.loads(damaged.read_text(encoding="utf-8")) == good
    assert _memos(mine) == [damaged]


# Units recheck writes claims in, with a few it converts to.
UNITS = [
    "t",
    "kg",
    "kilotonne",
    "USD / t",
    "USD/kg",
    "CNY / kg",
    "USD",
    "percent",
    "percentage_point",
    "fold",
    "jin",
    "liang",
    "mu",
    "cent",
    "pence",
    "year",
    "month",
    "kWh",
    "m ** 3",
    "dimensionless",
]
PAIRS = [
    ("kg", "t"),
    ("kilotonne", "t"),
    ("jin", "kg"),
    ("liang", "jin"),
    ("mu", "m ** 2"),
    ("cent", "USD"),
    ("pence", "GBP"),
    ("percentage_point", "percent"),
    ("CNY / kg", "CNY / t"),
    ("USD / t", "USD / kg"),
    ("month", "year"),
]
UNKNOWN = ["no_such_unit", "万吨", "t +"]


@pytest.fixture
def fresh_memo(tmp_path, monkeypatch):
    """An empty memo in a cache folder of this test's own; calling it forgets what this
    process learned (as a new process would)."""
    monkeypatch.setenv("RECHECK_CACHE_DIR", str(tmp_path / "cache"))

    def forget() -> None:
        monkeypatch.setattr(unitmemo, "_units", None)
        monkeypatch.setattr(unitmemo, "_factors", {})
        monkeypatch.setattr(unitmemo, "_new", False)
        units._facts.cache_clear()
        units._factor.cache_clear()

    forget()
    yield forget
    units._facts.cache_clear()
    units._factor.cache_clear()


def _answers() -> tuple[list[tuple[str, str]], list[float]]:
    facts = [(units.dimension(u), units.canonical_unit(u)) for u in UNITS]
    factors = [units.convert(2.5, unit, target) for unit, target in PAIRS]
    return facts, factors


def _no_pint(monkeypatch) -> None:
    def boom(*args):
        raise AssertionError(f"pint was asked about {args}")

    monkeypatch.setattr(units, "_ask_pint", boom)
    monkeypatch.setattr(units, "_pint_factor", boom)


def test_the_memo_answers_as_pint_does(fresh_memo, monkeypatch):
    from_pint = _answers()
    for unknown in UNKNOWN:
        with pytest.raises(UnitError):
            units.check_unit(unknown)
    unitmemo.save()
    assert unitmemo.path().is_file()

    fresh_memo()
    _no_pint(monkeypatch)
    assert _answers() == from_pint
    for unknown in UNKNOWN:
        with pytest.raises(UnitError):
            units.check_unit(unknown)
        with pytest.raises(UnitError):
            units.dimension(unknown)


def test_the_answers_are_pint_s(fresh_memo):
    """What the memo keeps is what pint itself says."""
    facts, factors = _answers()
    ureg = units.registry()
    for unit, (dimension, _) in zip(UNITS, facts, strict=True):
        dims = ureg.Unit(unit).dimensionality
        assert dimension == (str(dims) if dims else "dimensionless"), unit
    for (unit, target), value in zip(PAIRS, factors, strict=True):
        assert value == pytest.approx(ureg.Quantity(2.5, unit).to(target).magnitude), unit
    expected = {
        "t": ("[mass]", "t"),
        "kg": ("[mass]", "t"),
        "jin": ("[mass]", "t"),
        "percentage_point": ("dimensionless", "percentage_point"),
        "percent": ("dimensionless", "percent"),
        "fold": ("dimensionless", "fold"),
        "cent": ("[currency_USD]", "USD"),
        "pence": ("[currency_GBP]", "GBP"),
        "USD / t": ("[currency_USD] / [mass]", "USD / t"),
        "CNY / kg": ("[currency_CNY] / [mass]", "CNY / t"),
    }
    by_unit = dict(zip(UNITS, facts, strict=True))
    assert {unit: by_unit[unit] for unit in expected} == expected
    assert units.canonical(3.0, "jin") == (pytest.approx(0.0015), "t")


def test_what_each_run_learns_is_merged(fresh_memo, monkeypatch):
    units.dimension("t")
    unitmemo.save()
    fresh_memo()  # another run, which asks about another unit
    units.dimension("jin")
    unitmemo.save()
    data = json.loads(unitmemo.path().read_text(encoding="utf-8"))
    assert {"t", "jin"} <= set(data["units"])

    fresh_memo()
    _no_pint(monkeypatch)
    assert units.canonical_unit("t") == units.canonical_unit("jin") == "t"


def test_a_memo_that_cannot_be_written_is_not_kept(fresh_memo, tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("RECHECK_CACHE_DIR", str(blocker))
    assert units.canonical_unit("kg") == "t"
    unitmemo.save()  # no error
    assert blocker.read_text(encoding="utf-8") == "a file where the cache folder should be"
