"""The command line: options in, one library call, a reporter, an exit code.

Exit codes (``ExitCode``): 0 no contradiction, 1 contradictions found, 2 a usage,
input or rule-file error (one line on stderr, never a traceback), 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__, heap
from .atomic import write_atomic
from .errors import InputError, RecheckError
from .models import SEVERITIES
from .reporters import AUDIT_FORMATS, CLAIM_FORMATS

if TYPE_CHECKING:
    from .config import Settings
    from .models import Report
    from .pipeline import Execution


class ExitCode(IntEnum):
    OK = 0
    CONTRADICTIONS = 1
    ERROR = 2
    INTERRUPTED = 130


app = typer.Typer(
    name="recheck",
    help="Find numeric claims that contradict each other across news articles "
    "(Chinese and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help and usage errors, as click writes them: rich's formatting takes a
    # tenth of a second to import, on every run.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files or folders of articles (.txt, .md); default: `paths` in [tool.recheck].",
        show_default=False,
    ),
]
RulesOpt = Annotated[
    Path | None,
    typer.Option("--rules", "-r", help="Rules folder [default: rules].", file_okay=False),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to FILE instead of standard output."),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        help="Worker processes that read and extract [default: the number of cores].",
        show_default=False,
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Neither read nor write the claim cache."),
]
CacheDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        help="The claim cache folder [default: $RECHECK_CACHE_DIR, else ~/.cache/recheck].",
        show_default=False,
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="A pyproject.toml with [tool.recheck] settings [default: the nearest one].",
        dir_okay=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recheck {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Find numeric claims that contradict each other across news articles."""


def _fail(message: str) -> typer.Exit:
    typer.echo(f"recheck: error: {message}", err=True)
    return typer.Exit(ExitCode.ERROR)


@contextmanager
def _writing(path: Path | str) -> Iterator[None]:
    """Rule-file and disk errors while writing ``path`` as one line and exit 2."""
    try:
        yield
    except RecheckError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"{path}: cannot write ({exc.strerror or exc})") from None


def _check_choice(value: str, allowed: tuple[str, ...], what: str = "format") -> None:
    if value not in allowed:
        raise _fail(f"unknown {what} {value!r} (choose from {', '.join(allowed)})")


def _emit(pieces: Iterable[str], output: Path | None) -> None:
    """Write a report's text, given in pieces, to ``output`` (atomically) or stdout."""
    if output is None:
        try:
            sys.stdout.writelines(pieces)
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # `recheck … | head`: typer ends quietly
        except OSError as exc:  # a full disk, a closed terminal
            raise _fail(f"cannot write to standard output ({exc.strerror or exc})") from None
        return
    with _writing(output):
        write_atomic(output, pieces)


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _settings(config: Path | None) -> Settings:
    from .config import load

    try:
        return load(config)
    except RecheckError as exc:
        raise _fail(str(exc)) from None


def _paths(paths: list[str] | None, settings: Settings) -> list[str]:
    chosen = list(paths or settings.paths)
    if not chosen:
        raise _fail("no paths given (name files or folders, or set `paths` in [tool.recheck])")
    return chosen


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True, no_color="NO_COLOR" in os.environ)
    with Progress(
        TextColumn("reading articles"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("read", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _execution(
    settings: Settings,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Execution:
    """How the audit runs: flags first, then [tool.recheck], then the defaults. The unit
    memo follows the claim cache: into --cache-dir, and nowhere with --no-cache."""
    from . import unitmemo
    from .pipeline import ENGINES, Execution, default_jobs

    _check_choice(engine, ENGINES, "engine")
    if jobs is not None and jobs < 1:
        raise _fail(f"--jobs must be 1 or more, not {jobs}")
    if engine == "dask" and not scheduler:
        raise _fail("--engine dask needs --scheduler ADDRESS (for example tcp://10.0.0.5:8786)")
    if scheduler and engine != "dask":
        raise _fail("--scheduler is for --engine dask")
    cache = _cache_folder(settings, cache_dir) if settings.cache and not no_cache else None
    unitmemo.use(cache)
    return Execution(
        jobs=jobs or settings.jobs or default_jobs(),
        cache=cache,
        engine=engine,
        scheduler=scheduler,
    )


def _run_audit(
    paths: list[str], rules: Path, execution: Execution, reference: Path | None = None
) -> Report:
    from .audit import audit as run_audit

    with _progress() as progress:
        return run_audit(paths, rules, progress=progress, reference=reference, execution=execution)


@app.command()
def audit(
    paths: PathsArg = None,
    rules: RulesOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help=f"Report format: {', '.join(AUDIT_FORMATS)} [default: text]."
        ),
    ] = None,
    output: OutputOpt = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            "-b",
            help="A baseline file (from `recheck baseline`): only "
            "contradictions not in it fail the run.",
        ),
    ] = None,
    acknowledgements: Annotated[
        Path | None,
        typer.Option(
            "--acknowledgements",
            help="The acknowledgements file (from `recheck acknowledge`) "
            "[default: recheck-acknowledgements.yaml, if present].",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="The lowest severity that fails the run: low, medium or high [default: low].",
        ),
    ] = None,
    reference: Annotated[
        Path | None,
        typer.Option(
            "--reference",
            help="A reference table (CSV: entity, metric, period, value, unit, qualifier, "
            "source) to check the claims against.",
            dir_okay=False,
        ),
    ] = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="Where extraction and comparison run: local, or dask (needs recheck[dask]).",
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="The Dask scheduler's address (tcp://HOST:8786) for --engine dask.",
            show_default=False,
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Audit articles and report the contradictions between them, most severe first.

    Exits 0 when no contradiction fails the run, 1 when one does (new, or with an
    expired acknowledgement, at or above --fail-on), 2 on a usage, input or rule error.
    """
    from .triage import triage

    settings = _settings(config)
    fmt = fmt or settings.format
    fail_on = fail_on or settings.fail_on
    _check_choice(fmt, AUDIT_FORMATS)
    _check_choice(fail_on, SEVERITIES, "severity")
    from . import acknowledgements as acks
    from . import baseline as baselines
    from .reporters import stream_audit

    baseline_path = baseline or (Path(settings.baseline) if settings.baseline else None)
    acks_path = acknowledgements or Path(settings.acknowledgements)
    try:
        recorded = baselines.read(baseline_path) if baseline_path is not None else None
        if acknowledgements is not None and not acknowledgements.exists():
            raise InputError(f"{acknowledgements}: acknowledgements file not found")
        entries = acks.read(acks_path)
        table = reference or (Path(settings.reference) if settings.reference else None)
        execution = _execution(settings, jobs, no_cache, cache_dir, engine, scheduler)
        report = _run_audit(
            _paths(paths, settings), rules or Path(settings.rules), execution, table
        )
        report = triage(report, baseline=recorded, acknowledgements=entries, fail_on=fail_on)
    except RecheckError as exc:
        raise _fail(str(exc)) from None
    _emit(stream_audit(report, fmt, color=_color() and output is None), output)
    raise typer.Exit(ExitCode.CONTRADICTIONS if report.failing else ExitCode.OK)


@app.command("baseline")
def make_baseline(
    paths: PathsArg = None,
    rules: RulesOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The baseline file to write [default: recheck-baseline.json]."
        ),
    ] = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Record the current contradictions, so that `recheck audit --baseline` fails
    only on new ones. The file is sorted, stable JSON, written atomically."""
    from . import baseline as baselines

    settings = _settings(config)
    output = output or Path(settings.baseline or "recheck-baseline.json")
    with _writing(output):
        report = _run_audit(
            _paths(paths, settings),
            rules or Path(settings.rules),
            _execution(settings, jobs, no_cache, cache_dir),
        )
        baselines.write(report, output)
    typer.echo(f"recorded {len(report.contradictions)} contradiction(s) in {output}", err=True)


@app.command()
def acknowledge(
    fingerprint: Annotated[str, typer.Argument(help="The contradiction's fingerprint.")],
    reason: Annotated[
        str, typer.Option("--reason", help="Why the contradiction may stand (required).")
    ],
    by: Annotated[
        str | None, typer.Option("--by", help="Who reviewed it [default: your user name].")
    ] = None,
    expires: Annotated[
        str | None,
        typer.Option("--expires", help="YYYY-MM-DD after which it fails the run again."),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file", help="The acknowledgements file [default: recheck-acknowledgements.yaml]."
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Record that a contradiction was reviewed: it is then reported as acknowledged and
    does not fail the run (until --expires)."""
    import getpass
    from datetime import date

    from . import acknowledgements as acks

    settings = _settings(config)
    path = file or Path(settings.acknowledgements)
    if not reason.strip():
        raise _fail("--reason must say why the contradiction may stand")
    with _writing(path):
        entry = acks.parse_entry(
            {
                "fingerprint": fingerprint,
                "reason": reason,
                "by": by or getpass.getuser(),
                "date": date.today().isoformat(),
                "expires": expires,
            },
            "acknowledgement",
        )
        acks.add(path, entry)
    until = f" until {entry.expires}" if entry.expires else ""
    typer.echo(f"acknowledged {entry.fingerprint}{until} in {path}", err=True)


@app.command()
def claims(
    paths: PathsArg = None,
    rules: RulesOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(CLAIM_FORMATS)}.")
    ] = "table",
    output: OutputOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    config: ConfigOpt = None,
) -> None:
    """List every numeric claim with its frame: entity, metric, period, modality."""
    _check_choice(fmt, CLAIM_FORMATS)
    from .reporters import stream_claims

    settings = _settings(config)
    try:
        report = _run_audit(
            _paths(paths, settings),
            rules or Path(settings.rules),
            _execution(settings, jobs, no_cache, cache_dir),
        )
    except RecheckError as exc:
        raise _fail(str(exc)) from None
    _emit(stream_claims(report, fmt, color=_color() and output is None), output)


@app.command()
def explain(
    fingerprint: Annotated[
        str, typer.Argument(help="A contradiction's fingerprint (or its first 4+ characters).")
    ],
    paths: PathsArg = None,
    rules: RulesOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Show why the claims of one contradiction were judged comparable: the words that
    fixed entity, metric and period, each value as written, and its conversion."""
    _check_choice(fmt, ("text", "json"))
    import json

    from .explain import explain as explain_one
    from .explain import render_text

    settings = _settings(config)
    try:
        report = _run_audit(
            _paths(paths, settings),
            rules or Path(settings.rules),
            _execution(settings, jobs, no_cache, cache_dir),
        )
        record = explain_one(report, fingerprint)
    except RecheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2, default=str))
    else:
        typer.echo(render_text(record), nl=False)


cache_app = typer.Typer(
    rich_markup_mode=None,
    help="Show or clear the claim cache (each file's claims, kept by content hash).",
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


def _cache_folder(settings: Settings, cache_dir: Path | None) -> Path:
    """The claim cache folder: --cache-dir, then [tool.recheck] cache-dir, then the default."""
    from .cache import default_folder

    return cache_dir or (Path(settings.cache_dir) if settings.cache_dir else default_folder())


@cache_app.command("info")
def cache_info(cache_dir: CacheDirOpt = None, config: ConfigOpt = None) -> None:
    """Print where the claim cache is, how many entries it holds and their size."""
    from .cache import size

    folder = _cache_folder(_settings(config), cache_dir)
    entries, total = size(folder)
    typer.echo(f"{folder}: {entries} entries, {total / 1e6:.1f} MB")


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDirOpt = None, config: ConfigOpt = None) -> None:
    """Remove every entry of the claim cache."""
    from .cache import clear

    folder = _cache_folder(_settings(config), cache_dir)
    with _writing(folder):
        removed = clear(folder)
    typer.echo(f"removed {removed} entries from {folder}", err=True)


@app.command("rules")
def list_rules(rules: RulesOpt = None, config: ConfigOpt = None) -> None:
    """List the loaded rules and check that every rule file is valid."""
    from .rulebook import load_rulebook

    settings = _settings(config)
    try:
        book = load_rulebook(rules or Path(settings.rules))
    except RecheckError as exc:
        raise _fail(str(exc)) from None
    for rule in book.rules:
        select = ", ".join(
            f"{k}={v}"
            for k, v in (
                ("entity", rule.select.entity),
                ("metric", rule.select.metric),
                ("dimension", rule.select.dimension),
            )
            if v
        )
        typer.echo(
            f"{rule.id}  {rule.severity:<6}  {rule.kind:<8}  {rule.title}"
            f"  [{select or 'any claim'}; periods: {rule.periods}]"
        )


class _Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which typer turns into a silent exit 130."""


def _on_sigint(signum: int, frame: object) -> None:
    raise _Interrupted


@contextmanager
def _lost_interrupts() -> Iterator[list[_Interrupted]]:
    """Keep the Ctrl-Cs that Python could not pass on, in the list this yields.

    A signal handler runs wherever the interpreter happens to be, and that can be a
    callback (an import lock's, while pandas is imported): Python prints an exception
    raised there as "Exception ignored in …" and goes on, so the run would end with that
    traceback and its usual exit code. Kept here instead, it ends the run as an
    interrupt when the command returns (raising it again from the hook would run in the
    same callback, and be lost the same way).
    """
    lost: list[_Interrupted] = []
    previous = sys.unraisablehook

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if isinstance(unraisable.exc_value, _Interrupted):
            lost.append(unraisable.exc_value)
        else:
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield lost
    finally:
        sys.unraisablehook = previous


def main() -> None:
    """Entry point of the ``recheck`` script and ``python -m recheck``."""
    import signal

    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.SIG_IGN:  # a background job started with Ctrl-C ignored keeps it so
        signal.signal(signal.SIGINT, _on_sigint)
    try:
        with _lost_interrupts() as lost, heap.holds():  # (heap: an audit's claims, kept)
            try:
                app()
            finally:
                if lost:  # a Ctrl-C raised in a callback: the run was interrupted
                    raise _Interrupted
    except (KeyboardInterrupt, _Interrupted):
        typer.echo("recheck: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    finally:
        signal.signal(signal.SIGINT, previous)
