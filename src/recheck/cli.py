"""The command line: options in, one library call, a reporter, an exit code.

Exit codes (``ExitCode``): 0 no contradiction, 1 contradictions found, 2 a usage,
input or rule-file error (one line on stderr, never a traceback), 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .atomic import write_atomic
from .errors import RecheckError
from .reporters import AUDIT_FORMATS, CLAIM_FORMATS


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
    context_settings={"help_option_names": ["-h", "--help"]},
)

PathsArg = Annotated[
    list[str], typer.Argument(help="Files or folders of articles (.txt, .md).", show_default=False)
]
RulesOpt = Annotated[Path, typer.Option("--rules", "-r", help="Rules folder.", file_okay=False)]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to FILE instead of standard output."),
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


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise _fail(f"unknown format {fmt!r} (choose from {', '.join(allowed)})")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@app.command()
def audit(
    paths: PathsArg,
    rules: RulesOpt = Path("rules"),
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Report format: {', '.join(AUDIT_FORMATS)}.")
    ] = "text",
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
) -> None:
    """Audit articles and report the contradictions between them, most severe first.

    Exits 0 when there is none (or none new, with --baseline), 1 when there are, 2 on a
    usage, input or rule error.
    """
    _check_format(fmt, AUDIT_FORMATS)
    from dataclasses import replace

    from . import baseline as baselines
    from .audit import audit as run_audit
    from .reporters import render_audit

    try:
        report = run_audit(paths, rules)
        if baseline is not None:
            report = replace(report, baseline=baselines.diff(report, baselines.read(baseline)))
    except RecheckError as exc:
        raise _fail(str(exc)) from None
    _emit(render_audit(report, fmt, color=_color() and output is None), output)
    failing = report.baseline.new if report.baseline else report.contradictions
    raise typer.Exit(ExitCode.CONTRADICTIONS if failing else ExitCode.OK)


@app.command("baseline")
def make_baseline(
    paths: PathsArg,
    rules: RulesOpt = Path("rules"),
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The baseline file to write.")
    ] = Path("recheck-baseline.json"),
) -> None:
    """Record the current contradictions, so that `recheck audit --baseline` fails
    only on new ones. The file is sorted, stable JSON, written atomically."""
    from . import baseline as baselines
    from .audit import audit as run_audit

    try:
        report = run_audit(paths, rules)
        baselines.write(report, output)
    except RecheckError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"{output}: cannot write ({exc.strerror or exc})") from None
    typer.echo(f"recorded {len(report.contradictions)} contradiction(s) in {output}", err=True)


@app.command()
def claims(
    paths: PathsArg,
    rules: RulesOpt = Path("rules"),
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(CLAIM_FORMATS)}.")
    ] = "table",
    output: OutputOpt = None,
) -> None:
    """List every numeric claim with its frame: entity, metric, period, modality."""
    _check_format(fmt, CLAIM_FORMATS)
    from .audit import audit as run_audit
    from .reporters import render_claims

    try:
        report = run_audit(paths, rules)
    except RecheckError as exc:
        raise _fail(str(exc)) from None
    _emit(render_claims(report, fmt, color=_color() and output is None), output)


@app.command()
def explain(
    fingerprint: Annotated[
        str, typer.Argument(help="A contradiction's fingerprint (or its first 4+ characters).")
    ],
    paths: PathsArg,
    rules: RulesOpt = Path("rules"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show why the claims of one contradiction were judged comparable: the words that
    fixed entity, metric and period, each value as written, and its conversion."""
    _check_format(fmt, ("text", "json"))
    import json

    from .audit import audit as run_audit
    from .explain import explain as explain_one
    from .explain import render_text

    try:
        record = explain_one(run_audit(paths, rules), fingerprint)
    except RecheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2, default=str))
    else:
        typer.echo(render_text(record), nl=False)


@app.command("rules")
def list_rules(rules: RulesOpt = Path("rules")) -> None:
    """List the loaded rules and check that every rule file is valid."""
    from .rulebook import load_rulebook

    try:
        book = load_rulebook(rules)
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


def main() -> None:
    """Entry point of the ``recheck`` script and ``python -m recheck``."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("recheck: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
