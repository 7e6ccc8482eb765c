"""The Dask engine writes the report the local engine writes, byte for byte.

One two-worker LocalCluster (worker processes, as on a real cluster) serves the module.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recheck.audit import audit
from recheck.cli import app
from recheck.errors import InputError
from recheck.pipeline import Execution
from recheck.reporters import AUDIT_FORMATS, render_audit

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TABLE = ROOT / "reference" / "usgs_rare_earths.csv"
YEARLESS = ROOT / "tests" / "fixtures" / "yearless"
DEAD = "tcp://127.0.0.1:1"  # nothing listens on port 1
SHORT_TIMEOUT = "1s"


@pytest.fixture(scope="module")
def cluster():
    # Workers resolve relative paths in their own working folder: start them in the
    # repository, where the CLI test runs `recheck audit seeds`.
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        cluster = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
    finally:
        os.chdir(here)
    with cluster:
        yield cluster


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """The seeds six times over, nested so that the walk's order is not the sorted
    order, with a file and a folder link that are skipped: 30 documents, 8 batches."""
    top = tmp_path_factory.mktemp("archive")
    for folder in ("a", "a/00", "b", "c/d", "c/d/e", "z"):  # a/00/ sorts before a/0*.txt
        shutil.copytree(SEEDS, top / folder)
    (top / "a" / "zz_binary.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe" * 64)
    (top / "b" / "link").symlink_to(top / "z", target_is_directory=True)
    return top


def _on_dask(cluster, cache: Path | None = None) -> Execution:
    return Execution(engine="dask", scheduler=cluster.scheduler_address, cache=cache)


def _json(report) -> str:
    return render_audit(report, "json", color=False)


def test_every_format_of_the_seeds_report_is_the_local_one(cluster, rulebook, seeds_report):
    before = set(threading.enumerate())
    report = audit([str(SEEDS)], rulebook, execution=_on_dask(cluster))
    assert not _new_threads(before)  # the client and its event loop are gone
    assert report.contradictions
    for fmt in AUDIT_FORMATS:
        assert render_audit(report, fmt) == render_audit(seeds_report, fmt), fmt


def _new_threads(before: set[threading.Thread]) -> set[threading.Thread]:
    # Dask-Offload is distributed's own pool, one per process, started on first use.
    return {t for t in set(threading.enumerate()) - before if t.name != "Dask-Offload_0"}


@pytest.fixture(scope="module")
def local_json(rulebook):
    """The local report (JSON) of a folder, with or without the reference table."""
    return functools.cache(
        lambda folder, reference: _json(audit([folder], rulebook, reference=reference))
    )


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
@pytest.mark.parametrize("reference", [None, TABLE], ids=["", "reference"])
@pytest.mark.parametrize("where", ["seeds", "archive", "yearless"])
def test_the_report_is_the_local_one(
    cluster, rulebook, archive, local_json, tmp_path, where, reference, cached
):
    # yearless: a dated article and one whose dateline gives no year, framed again
    # once the run's dates are known (recheck.datelines)
    paths = [str({"seeds": SEEDS, "archive": archive, "yearless": YEARLESS}[where])]
    local = local_json(paths[0], reference)
    cache = tmp_path / "cache" if cached else None
    execution = _on_dask(cluster, cache)
    assert _json(audit(paths, rulebook, reference=reference, execution=execution)) == local
    if cached:  # and again, from the claims the workers cached
        assert any(cache.rglob("*.json"))
        assert _json(audit(paths, rulebook, reference=reference, execution=execution)) == local


def test_progress_counts_the_files(cluster, rulebook, archive):
    calls: list[tuple[int, int]] = []
    report = audit([str(archive)], rulebook, execution=_on_dask(cluster), progress=_record(calls))
    assert [total for _, total in calls] == [31] * len(calls)  # 30 seeds and the binary
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[-1] == (31, 31) and len(calls) == 8  # one call a batch
    assert {s.reason for s in report.skipped} >= {"symbolic link to a folder: not followed"}


def _record(calls):
    return lambda done, total: calls.append((done, total))


def test_nothing_to_read_is_the_local_error(cluster, rulebook, tmp_path):
    (tmp_path / "data.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 64)
    with pytest.raises(InputError) as local:
        audit([str(tmp_path)], rulebook)
    with pytest.raises(InputError) as remote:
        audit([str(tmp_path)], rulebook, execution=_on_dask(cluster))
    assert str(remote.value) == str(local.value)


@pytest.mark.parametrize("address", [DEAD, "nonsense", "foo://host:8786"])
def test_a_scheduler_it_cannot_reach_is_an_input_error(rulebook, address):
    import dask

    before = set(threading.enumerate())
    with (
        dask.config.set({"distributed.comm.timeouts.connect": SHORT_TIMEOUT}),
        pytest.raises(InputError, match=address),
    ):
        audit([str(SEEDS)], rulebook, execution=Execution(engine="dask", scheduler=address))
    assert not _new_threads(before)  # no event loop left running


def test_without_dask_the_engine_says_what_to_install(rulebook, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(InputError, match=r"pip install 'recheck\[dask\]'"):
        audit([str(SEEDS)], rulebook, execution=Execution(engine="dask", scheduler=DEAD))


def _cli(*args: str, timeout: str) -> subprocess.CompletedProcess[str]:
    """``python -m recheck audit ARGS``, with Dask's connection timeout."""
    env = dict(os.environ, NO_COLOR="1", DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=timeout)
    return subprocess.run(
        [sys.executable, "-m", "recheck", "audit", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_line_prints_the_local_report(cluster, monkeypatch):
    monkeypatch.chdir(ROOT)
    local = CliRunner().invoke(app, ["audit", "seeds", "-f", "json", "--no-cache"])
    address = cluster.scheduler_address
    remote = _cli("seeds", "-f", "json", "--engine", "dask", "--scheduler", address, timeout="10s")
    assert local.exit_code == 1, local.stderr
    assert (remote.returncode, remote.stdout, remote.stderr) == (1, local.stdout, "")


def test_the_command_line_fails_in_one_line_without_a_scheduler():
    dead = _cli("seeds", "--engine", "dask", "--scheduler", DEAD, timeout=SHORT_TIMEOUT)
    assert dead.returncode == 2 and dead.stdout == ""
    assert dead.stderr.count("\n") == 1 and DEAD in dead.stderr, dead.stderr
    missing = CliRunner().invoke(app, ["audit", str(SEEDS), "--engine", "dask"])
    assert missing.exit_code == 2 and missing.stderr.count("\n") == 1, missing.stderr
    assert "--scheduler" in missing.stderr


def test_a_relative_path_is_read_where_the_client_runs(cluster, rulebook, tmp_path, monkeypatch):
    # The workers run in the repository (see the cluster fixture), the client elsewhere.
    shutil.copytree(SEEDS, tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    local = _json(audit(["articles"], rulebook))
    assert _json(audit(["articles"], rulebook, execution=_on_dask(cluster))) == local
    assert '"path": "articles/' in local


class _KillsItsReader:
    """Whoever unpickles this exits on the spot, as a worker killed mid-run does."""

    def __reduce__(self):
        return (os._exit, (3,))


def test_a_worker_that_dies_is_one_line(rulebook, monkeypatch):
    import dask

    from recheck import dask_engine
    from recheck.errors import ClusterError

    monkeypatch.setattr(dask_engine, "incomparable_metrics", lambda _: frozenset())
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0"
        ) as doomed,
        pytest.raises(ClusterError) as failed,
    ):
        dask_engine.audit_on_dask([str(SEEDS)], _KillsItsReader(), (), _on_dask(doomed))
    message = str(failed.value)
    assert message.startswith(f"the Dask cluster at {doomed.scheduler_address} failed the run")
    assert "\n" not in message
