"""The whole pipeline as library calls: paths in, a report out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from . import documents
from .engine import run_rules
from .errors import InputError
from .framing import Framer
from .models import Claim, Report, Skipped
from .quantities import extract_quantities
from .ranking import rank
from .reference import load_reference
from .rulebook import Rulebook, load_rulebook

DEFAULT_RULES = Path("rules")


Progress = Callable[[int, int], None]  # (documents done, documents in all)


def extract_claims(
    paths: Sequence[str], rulebook: Rulebook, progress: Progress | None = None
) -> tuple[list[Claim], list[Skipped]]:
    """Read, split, extract and frame every document under ``paths``."""
    docs, skipped = documents.load(paths)
    if not docs:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3])
        raise InputError(
            f"no documents to audit in {', '.join(paths)}" + (f" ({reasons})" if reasons else "")
        )
    framer = Framer(rulebook.vocabulary, extract_quantities)
    claims: list[Claim] = []
    for done, doc in enumerate(docs, start=1):
        for article in documents.split_articles(doc):
            claims.extend(framer.frame_article(article, documents.sentences(article)))
        if progress is not None:
            progress(done, len(docs))
    return claims, skipped


def audit(
    paths: Iterable[str],
    rules: Path | str | Rulebook = DEFAULT_RULES,
    *,
    progress: Progress | None = None,
    reference: Path | str | None = None,
) -> Report:
    """Audit the documents under ``paths`` with the rules folder ``rules``.

    Returns a :class:`~recheck.models.Report` whose contradictions are ranked, most
    severe first. Raises :class:`~recheck.errors.RecheckError` for a bad path or rule,
    or a malformed reference table. ``progress`` is called after each document with
    (done, total). ``reference`` is a reference table (CSV, see
    :mod:`recheck.reference`) whose rows the ``reference`` and ``revision`` rules
    compare with the claims; the report's claims stay those the documents state.
    """
    rulebook = rules if isinstance(rules, Rulebook) else load_rulebook(rules)
    rows = load_reference(reference, rulebook.vocabulary) if reference is not None else ()
    claims, skipped = extract_claims(list(paths), rulebook, progress)
    claims.sort(key=_claim_order)
    incomparable = frozenset(m.id for m in rulebook.vocabulary.metrics.values() if not m.comparable)
    contradictions = rank(run_rules([*claims, *rows], rulebook.rules, incomparable))
    return Report(
        claims=tuple(claims),
        contradictions=contradictions,
        rules=rulebook.rules,
        skipped=tuple(skipped),
    )


def _claim_order(claim: Claim) -> tuple[str, int, int]:
    return (claim.path, claim.line, claim.column)
