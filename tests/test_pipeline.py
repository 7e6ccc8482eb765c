"""The per-file work: in this process or in worker processes, the same claims in the
same order, and the same files skipped for the same reasons."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recheck import documents, pipeline
from recheck.audit import audit
from recheck.cli import ExitCode, app
from recheck.pipeline import Execution, FileClaims, frame_files
from recheck.reporters import render_audit

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = str(ROOT / "rules")
runner = CliRunner()


def _big_corpus(tmp_path: Path, copies: int = 4) -> Path:
    """The seeds copied into ``copies`` subfolders: more files than one chunk of work."""
    corpus = tmp_path / "corpus"
    for index in range(copies):
        shutil.copytree(SEEDS, corpus / f"part{index:02d}")
    return corpus


def _files(corpus: Path) -> list[str]:
    return list(documents.iter_paths([str(corpus)]))


def _spy_on_workers(monkeypatch) -> list[int]:
    """How many files each use of the worker processes was given."""
    used: list[int] = []
    real = pipeline._in_workers

    def spy(paths, rulebook, execution):
        used.append(len(paths))
        yield from real(paths, rulebook, execution)

    monkeypatch.setattr(pipeline, "_in_workers", spy)
    return used


@pytest.fixture
def parallel(monkeypatch):
    """Worker processes for any input of more than one byte; records each use of them."""
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 1)
    return _spy_on_workers(monkeypatch)


@pytest.fixture
def no_work_here(monkeypatch):
    """Counts the file workers built in this process (worker processes build their own)."""
    built: list[object] = []
    real = pipeline.FileWorker.__init__

    def counting(self, *args, **kwargs):
        built.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(pipeline.FileWorker, "__init__", counting)
    return built


def test_two_jobs_give_the_same_claims_in_the_same_order(
    tmp_path, rulebook, parallel, no_work_here
):
    corpus = _big_corpus(tmp_path)
    files = _files(corpus)
    assert len(files) > 2 * pipeline.CHUNK_FILES
    one = list(frame_files(files, rulebook, Execution(jobs=1)))
    assert parallel == [] and len(no_work_here) == 1
    two = list(frame_files(files, rulebook, Execution(jobs=2)))
    assert parallel == [len(files)]
    assert len(no_work_here) == 1  # the files were framed in the worker processes
    assert [r.path for r in two] == files
    assert two == one
    assert all(r.claims and r.skipped is None and not r.cached for r in two)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_ctrl_c_is_held_back_while_the_workers_fork(tmp_path, rulebook, parallel, monkeypatch):
    # A Ctrl-C handled during a fork lands in an at-fork callback, where its exception is
    # printed and lost: the user saw a traceback and the audit went on.
    held_at_fork: list[bool] = []
    real_fork = os.fork

    def fork():
        held_at_fork.append(signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, ()))
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    files = _files(_big_corpus(tmp_path))
    assert len(list(frame_files(files, rulebook, Execution(jobs=2)))) == len(files)
    assert held_at_fork == [True, True]
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, ())  # given back


def test_the_real_threshold_sends_a_large_corpus_to_the_workers(tmp_path, rulebook, monkeypatch):
    corpus = _big_corpus(tmp_path, copies=1)
    files = _files(corpus)
    taken = _spy_on_workers(monkeypatch)
    small = list(frame_files(files, rulebook, Execution(jobs=2)))
    assert taken == []  # below PARALLEL_MIN_BYTES: not worth starting workers
    padding = corpus / "zz-padding.txt"
    padding.write_text("填充文字。\n" * (pipeline.PARALLEL_MIN_BYTES // 16 + 1), encoding="utf-8")
    large = list(frame_files([*files, str(padding)], rulebook, Execution(jobs=2)))
    assert taken == [len(files) + 1]
    assert large[:-1] == small


def test_one_file_or_one_job_stays_in_this_process(tmp_path, rulebook, parallel):
    files = _files(_big_corpus(tmp_path, copies=1))
    list(frame_files(files[:1], rulebook, Execution(jobs=4)))
    list(frame_files(files, rulebook, Execution(jobs=1)))
    assert parallel == []


def _mixed_corpus(tmp_path: Path) -> Path:
    corpus = _big_corpus(tmp_path, copies=2)
    odd = corpus / "odd"
    odd.mkdir()
    (odd / "empty.txt").write_bytes(b"")
    (odd / "blank.txt").write_bytes(b"  \n\n  ")
    (odd / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (odd / "broken-link.txt").symlink_to(tmp_path / "nowhere.txt")
    return corpus


def test_unreadable_files_are_skipped_the_same_way_with_workers(tmp_path, rulebook, parallel):
    corpus = _mixed_corpus(tmp_path)
    files = _files(corpus)
    one = list(frame_files(files, rulebook, Execution(jobs=1)))
    two = list(frame_files(files, rulebook, Execution(jobs=2)))
    assert parallel, "the worker processes were not used"
    assert two == one
    skipped = {Path(r.path).name: r.skipped.reason for r in one if r.skipped is not None}
    assert skipped["empty.txt"] == "empty file"
    assert skipped["blank.txt"] == "empty file"
    assert skipped["binary.txt"] == "not text in a known encoding"
    assert skipped["broken-link.txt"] == "broken symbolic link"
    for result in one:
        if result.skipped is not None:
            assert result == FileClaims(result.path, skipped=result.skipped)
            assert result.skipped.path == result.path


def test_the_audit_with_workers_reports_the_same_skipped_files(tmp_path, rulebook, parallel):
    corpus = _mixed_corpus(tmp_path)
    one = audit([str(corpus)], rulebook, execution=Execution(jobs=1))
    two = audit([str(corpus)], rulebook, execution=Execution(jobs=2))
    assert parallel
    assert two.skipped == one.skipped and len(one.skipped) >= 4
    assert render_audit(two, "json") == render_audit(one, "json")


def test_cli_two_jobs_are_byte_identical_to_one(tmp_path, parallel):
    corpus = _big_corpus(tmp_path)
    args = ["audit", str(corpus), "-r", RULES, "-f", "json", "--no-cache"]
    one = runner.invoke(app, [*args, "-j", "1"])
    assert parallel == []
    two = runner.invoke(app, [*args, "-j", "2"])
    assert parallel, "-j 2 did not start worker processes"
    assert one.exit_code == two.exit_code == ExitCode.CONTRADICTIONS
    assert two.stdout_bytes == one.stdout_bytes
    assert two.stderr == one.stderr == ""


def test_cli_zero_jobs_is_one_line_and_exit_2():
    result = runner.invoke(app, ["audit", str(SEEDS), "-r", RULES, "-j", "0"])
    assert result.exit_code == ExitCode.ERROR
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "jobs" in lines[0], result.stderr
    assert result.stdout == ""


def test_cli_zero_jobs_exits_2_without_auditing(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("audited with -j 0")

    monkeypatch.setattr(pipeline, "frame_files", boom)
    monkeypatch.setattr("recheck.audit.frame_files", boom)
    result = runner.invoke(app, ["audit", str(SEEDS), "-r", RULES, "-j", "0"])
    assert result.exit_code == ExitCode.ERROR
    assert "--jobs" in result.stderr and "Traceback" not in result.output
    assert result.stdout == ""
