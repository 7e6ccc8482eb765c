"""The whole pipeline as library calls: paths in, a report out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from . import documents, heap
from .engine import run_rules
from .errors import InputError
from .models import Claim, Report, Skipped
from .pipeline import IN_PROCESS, Execution, FileClaims, FileWorker, frame_files, infer_days
from .ranking import rank
from .reference import load_reference
from .rulebook import Rulebook, load_rulebook

DEFAULT_RULES = Path("rules")


Progress = Callable[[int, int], None]  # (documents done, documents in all)


def extract_claims(
    paths: Sequence[str],
    rulebook: Rulebook,
    progress: Progress | None = None,
    execution: Execution = IN_PROCESS,
) -> tuple[list[Claim], list[Skipped]]:
    """Read, split, extract and frame every document under ``paths``; then frame again
    the files whose datelines give no year, with the year the run's dates suggest (see
    :mod:`recheck.datelines`)."""
    files, skipped = documents.find(paths)
    results: list[FileClaims] = []
    keeper = heap.Keeper()
    for done, result in enumerate(frame_files(files, rulebook, execution), start=1):
        results.append(result)
        keeper.gathered(len(result.claims))
        if progress is not None:
            progress(done, len(files))
    inferred = infer_days(results)
    if inferred:
        worker = FileWorker(rulebook, execution.cache)
        results = [
            worker(path, days=inferred[result.path]) if result.path in inferred else result
            for path, result in zip(files, results, strict=True)
        ]
    skipped += [result.skipped for result in results if result.skipped is not None]
    if all(result.skipped is not None for result in results):
        raise no_documents(paths, skipped)
    return [claim for result in results for claim in result.claims], skipped


def no_documents(paths: Sequence[str], skipped: Sequence[Skipped]) -> InputError:
    """The error for paths that hold no document that could be read, with why."""
    reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3])
    return InputError(
        f"no documents to audit in {', '.join(paths)}" + (f" ({reasons})" if reasons else "")
    )


def incomparable_metrics(rulebook: Rulebook) -> frozenset[str]:
    """Metrics of one-off events, compared only by rules that name them."""
    return frozenset(m.id for m in rulebook.vocabulary.metrics.values() if not m.comparable)


def audit(
    paths: Iterable[str],
    rules: Path | str | Rulebook = DEFAULT_RULES,
    *,
    progress: Progress | None = None,
    reference: Path | str | None = None,
    execution: Execution = IN_PROCESS,
) -> Report:
    """Audit the documents under ``paths`` with the rules folder ``rules``.

    Returns a :class:`~recheck.models.Report` whose contradictions are ranked, most
    severe first. Raises :class:`~recheck.errors.RecheckError` for a bad path or rule,
    or a malformed reference table. ``progress`` is called after each document with
    (done, total). ``reference`` is a reference table (CSV, see
    :mod:`recheck.reference`) whose rows the ``reference`` and ``revision`` rules
    compare with the claims; the report's claims stay those the documents state.
    ``execution`` says how the per-file work runs (worker processes, cache); the report
    is the same whichever way it runs.
    """
    rulebook = rules if isinstance(rules, Rulebook) else load_rulebook(rules)
    rows = load_reference(reference, rulebook.vocabulary) if reference is not None else ()
    if execution.engine == "dask":
        from .dask_engine import audit_on_dask

        return audit_on_dask(list(paths), rulebook, rows, execution, progress)
    with heap.holds():
        claims, skipped = extract_claims(list(paths), rulebook, progress, execution)
        claims.sort(key=claim_order)
        incomparable = incomparable_metrics(rulebook)
        contradictions = rank(
            run_rules([*claims, *rows], rulebook.rules, incomparable, rulebook.exchange_rates)
        )
    return Report(
        claims=tuple(claims),
        contradictions=contradictions,
        rules=rulebook.rules,
        skipped=tuple(skipped),
    )


def claim_order(claim: Claim) -> tuple[str, int, int]:
    """The order of a report's claims, whatever engine found them: by place."""
    return (claim.path, claim.line, claim.column)
