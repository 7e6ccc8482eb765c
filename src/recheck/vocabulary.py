"""The topic vocabulary: entities, metrics and cue words, loaded from ``rules/vocabulary``.

Everything topic-specific lives in those YAML files; this module only validates them
and compiles one scanner that finds their terms in a sentence, longest match first.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import RuleError
from .exchange import check_currency
from .termregex import (
    FOLDS_TO_ASCII,
    NEVER,
    WORD_AFTER,
    WORD_BEFORE,
    TermSearch,
    terms_pattern,
    union,
)
from .yamlio import load_yaml

ENTITY_KINDS = {
    "country",
    "region",
    "company",
    "mine",
    "world",
    "aggregate",
    "government",
    "source",
}
METRIC_DIMENSIONS = {"mass", "percent", "money", "price", "count", "fold", "any"}
MODALITIES = ("target", "plan", "forecast", "hypothetical")


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    members: tuple[str, ...] = ()
    counts_as: str | None = None
    currency: str | None = None  # a price in this currency with no place named is here

    @property
    def subject_id(self) -> str:
        """The id a claim about this entity is filed under."""
        return self.counts_as or self.id


@dataclass(frozen=True)
class Metric:
    id: str
    name: str
    dimension: str
    share_of: str | None = None
    scoped: bool = False
    family: str | None = None
    share_cue: bool = False  # 占比, share: a share of whatever amount was named before
    # False for amounts of one-off events (a deal, an investment): two of them about the
    # same company in the same year are usually two events, so only a rule that names
    # the metric compares them.
    comparable: bool = True
    # Words that make a share of a global total this metric instead: a share of the
    # entity's own needs (美国自身的…占比33%, "30% of military needs").
    own_share: re.Pattern[str] | None = None
    # Metrics this one becomes when their words are in the clause (exports -> magnet
    # exports next to "magnets").
    variants: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # What a count of this metric counts ("six … rare earth elements"): a count followed
    # by one of these words, in a sentence that names the metric, is this metric.
    counted: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Mention:
    """A vocabulary term found in a sentence."""

    start: int
    end: int
    word: str
    kind: str  # "entity" | "metric" | "generic" | "pronoun" (ref: the entity kind it stands for)
    ref: str  # entity or metric id
    possessive: bool = False


@dataclass(frozen=True)
class Vocabulary:
    entities: dict[str, Entity]
    metrics: dict[str, Metric]
    change_cues: re.Pattern[str]
    part_cues: re.Pattern[str]
    base_cues: re.Pattern[str]  # what a change is measured against (较, than)
    whole_cues: re.Pattern[str]  # a percentage is a share of a whole (占全球, of the global total)
    ranking_cues: re.Pattern[str]  # the world ranks the subject (全球最大, the world's largest)
    modality_cues: tuple[tuple[str, re.Pattern[str]], ...]  # per modality, in file order
    _any_modality: TermSearch  # every modality's cues at once
    _cjk: re.Pattern[str]  # terms with any non-ASCII character, matched as written
    _ascii: re.Pattern[str]  # ASCII terms as whole words, any case; case checked after
    _folded: re.Pattern[str]  # the same, matched case-sensitively in lower-cased text
    _ascii_starts: re.Pattern[str]  # any character a match of either can start with
    _lookup: dict[str, tuple[str, str]]
    # SHA-256 of the vocabulary files: claims framed with the same digest are the same
    # (the claim cache's key); "" when unknown.
    digest: str = ""

    def scan(self, text: str) -> list[Mention]:
        """Entity and metric terms in ``text``, leftmost-longest, non-overlapping."""
        # (a term with a non-ASCII character is not in ASCII text)
        found = (
            []
            if text.isascii()
            else [self._mention(m.start(), m.end(), m[0], m[0]) for m in self._cjk.finditer(text)]
        )
        ascii_found = [
            mention
            for match in self._ascii_matches(text)
            if (mention := self._ascii_mention(text, match.start(), match.end())) is not None
        ]
        if not (found and ascii_found):
            # Each list is in order and without overlaps (one scan's matches): sorting
            # and dropping overlaps would leave either as it is.
            return found or ascii_found
        found += ascii_found
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        return kept

    def _ascii_matches(self, text: str) -> Iterator[re.Match[str]]:
        """The ASCII terms in ``text``, as whole words, in any case (see _ascii_mention)."""
        lowered = text.lower()
        # The patterns try a term's word boundary (a look-behind) at every position, so
        # a text with no character a term can start with (most Chinese ones) is not
        # scanned. (_ascii_starts holds İ ı ſ K lower-cased: what it does not find in the
        # lower-cased text, the any-case pattern would not find in the text either.)
        if not self._ascii_starts.search(lowered):
            return iter(())
        # Matching lower-cased text is several times faster than matching in any case.
        # It gives the same matches unless the text holds one of the four non-ASCII
        # letters that match ASCII ones in any case (İ ı ſ K).
        if text.isascii() or (len(lowered) == len(text) and not _CASE_FOLDS_TO_ASCII.search(text)):
            return self._folded.finditer(lowered)
        return self._ascii.finditer(text)

    def _mention(
        self, start: int, end: int, written: str, key: str, possessive: bool = False
    ) -> Mention:
        kind, ref = self._lookup[key]
        return Mention(start, end, written, kind, ref, possessive)

    def _ascii_mention(self, text: str, start: int, end: int) -> Mention | None:
        written = text[start:end]
        word, possessive = _strip_possessive(written)
        if word in self._lookup:  # written exactly as registered (US, EU, China)
            return self._mention(start, end, written, word, possessive)
        if word.lower() in self._lookup:  # a lower-case term matches in any case
            return self._mention(start, end, written, word.lower(), possessive)
        if possessive and written.lower() in self._lookup:  # a term with its 's: the world's
            return self._mention(start, end, written, written.lower(), possessive)
        return None  # a case-sensitive term (US) written in another case (us)

    def modality(self, text: str) -> tuple[str, str] | None:
        """The first modality cue in ``text``: (modality, word). Where cues of two
        modalities start at the same place, the one listed first in the cues file wins.
        One search finds the place; only there is each modality tried."""
        start = self._any_modality.start(text)
        if start is None:
            return None
        for name, pattern in self.modality_cues:
            match = pattern.match(text, start)
            if match:
                return name, match.group(0)
        return None  # not reached: a cue starts where the search found one


_CASE_FOLDS_TO_ASCII = re.compile(f"[{FOLDS_TO_ASCII}]")  # İ ı ſ K


def _strip_possessive(word: str) -> tuple[str, bool]:
    if word.endswith(("'s", "’s")) and len(word) > 2:  # (both suffixes two characters long)
        return word[:-2], True
    return word, False


def _terms(block: Any, where: str) -> list[str]:
    """A ``{zh: [...], en: [...]}`` block (or a plain list) as one list of strings."""
    if block is None:
        return []
    if isinstance(block, list):
        items = block
    elif isinstance(block, dict):
        unknown = set(block) - {"zh", "en"}
        if unknown:
            raise RuleError(f"{where}: unknown language key {sorted(unknown)[0]!r} (use zh, en)")
        items = [t for lang in ("zh", "en") for t in (block.get(lang) or [])]
    else:
        raise RuleError(f"{where}: expected a list of terms or a {{zh, en}} mapping")
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise RuleError(f"{where}: every term must be a non-empty string, got {item!r}")
    return [str(t) for t in items]


def _variants(block: Any, where: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``{metric id: {zh: [...], en: [...]}}`` as (metric id, pattern) pairs."""
    if block is None:
        return ()
    if not isinstance(block, dict):
        raise RuleError(f"{where}: key 'variants': expected a mapping of metric id to terms")
    return tuple(
        (str(mid), re.compile(terms_pattern(_terms(terms, f"{where}: variant {mid!r}"))))
        for mid, terms in block.items()
    )


def _check_keys(data: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise RuleError(
            f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})"
        )


def load_vocabulary(folder: Path) -> Vocabulary:
    """Load and validate ``entities.yaml``, ``metrics.yaml`` and ``cues.yaml``."""
    entities_file = folder / "entities.yaml"
    metrics_file = folder / "metrics.yaml"
    cues_file = folder / "cues.yaml"
    for path in (entities_file, metrics_file):
        if not path.is_file():
            raise RuleError(f"{path}: missing vocabulary file")

    lookup: dict[str, tuple[str, str]] = {}
    entity_terms: list[str] = []
    metric_terms: list[str] = []

    def register(term: str, kind: str, ref: str, where: str) -> None:
        key = term if (not term.isascii() or term != term.lower()) else term.lower()
        previous = lookup.get(key)
        if previous and previous != (kind, ref):
            raise RuleError(f"{where}: term {term!r} is already used by {previous[1]!r}")
        lookup[key] = (kind, ref)

    entities: dict[str, Entity] = {}
    data = load_yaml(entities_file)
    raw_entities = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(raw_entities, dict) or not raw_entities:
        raise RuleError(f"{entities_file}: expected a non-empty 'entities' mapping")
    _check_keys(data, {"entities", "pronouns"}, str(entities_file))
    pronouns = data.get("pronouns") or {}
    if not isinstance(pronouns, dict):
        raise RuleError(f"{entities_file}: key 'pronouns': expected a mapping of kind to terms")
    for kind, block in pronouns.items():
        if kind not in ENTITY_KINDS:
            raise RuleError(f"{entities_file}: key 'pronouns': unknown entity kind {kind!r}")
        for term in _terms(block, f"{entities_file}: pronouns {kind!r}"):
            register(term, "pronoun", str(kind), f"{entities_file}: pronouns {kind!r}")
            entity_terms.append(term)
    for eid, spec in raw_entities.items():
        where = f"{entities_file}: entity {eid!r}"
        if not isinstance(spec, dict):
            raise RuleError(f"{where}: expected a mapping")
        _check_keys(spec, {"name", "kind", "aliases", "members", "counts_as", "currency"}, where)
        kind = spec.get("kind", "country")
        if kind not in ENTITY_KINDS:
            raise RuleError(f"{where}: key 'kind': unknown kind {kind!r}")
        entities[eid] = Entity(
            id=str(eid),
            name=str(spec.get("name", eid)),
            kind=kind,
            members=tuple(spec.get("members") or ()),
            counts_as=spec.get("counts_as"),
            currency=(
                check_currency(spec["currency"], f"{where}: key 'currency'")
                if spec.get("currency") is not None
                else None
            ),
        )
        for term in _terms(spec.get("aliases"), f"{where}: key 'aliases'"):
            register(term, "entity", str(eid), where)
            entity_terms.append(term)
    markets: dict[str, str] = {}
    for entity in entities.values():
        if entity.currency in markets:
            raise RuleError(
                f"{entities_file}: entity {entity.id!r}: currency {entity.currency} is "
                f"already entity {markets[entity.currency]!r}'s"
            )
        if entity.currency:
            markets[entity.currency] = entity.id
    for entity in entities.values():
        for ref in (*entity.members, *([entity.counts_as] if entity.counts_as else [])):
            if ref not in entities:
                raise RuleError(f"{entities_file}: entity {entity.id!r}: unknown entity {ref!r}")

    metrics: dict[str, Metric] = {}
    data = load_yaml(metrics_file)
    raw_metrics = data.get("metrics") if isinstance(data, dict) else None
    if not isinstance(raw_metrics, dict) or not raw_metrics:
        raise RuleError(f"{metrics_file}: expected a non-empty 'metrics' mapping")
    for mid, spec in raw_metrics.items():
        where = f"{metrics_file}: metric {mid!r}"
        if not isinstance(spec, dict):
            raise RuleError(f"{where}: expected a mapping")
        _check_keys(
            spec,
            {
                "name",
                "dimension",
                "terms",
                "generic",
                "share_of",
                "scoped",
                "family",
                "share_cue",
                "comparable",
                "own_share",
                "variants",
                "counted",
            },
            where,
        )
        dimension = spec.get("dimension", "any")
        if dimension not in METRIC_DIMENSIONS:
            raise RuleError(f"{where}: key 'dimension': unknown dimension {dimension!r}")
        own_share = _terms(spec.get("own_share"), f"{where}: key 'own_share'")
        if own_share and dimension != "percent":
            raise RuleError(f"{where}: key 'own_share' needs dimension: percent")
        counted = _terms(spec.get("counted"), f"{where}: key 'counted'")
        if counted and dimension != "count":
            raise RuleError(f"{where}: key 'counted' needs dimension: count")
        metrics[mid] = Metric(
            id=str(mid),
            name=str(spec.get("name", mid)),
            dimension=dimension,
            share_of=spec.get("share_of"),
            scoped=bool(spec.get("scoped")),
            family=spec.get("family"),
            share_cue=bool(spec.get("share_cue")),
            comparable=bool(spec.get("comparable", True)),
            own_share=re.compile(terms_pattern(own_share)) if own_share else None,
            variants=_variants(spec.get("variants"), where),
            counted=re.compile(terms_pattern(counted)) if counted else None,
        )
        for term in _terms(spec.get("terms"), f"{where}: key 'terms'"):
            register(term, "metric", str(mid), where)
            metric_terms.append(term)
        generic_terms = _terms(spec.get("generic"), f"{where}: key 'generic'")
        if generic_terms and not spec.get("family"):
            raise RuleError(f"{where}: key 'generic' needs a 'family'")
        for term in generic_terms:
            register(term, "generic", str(mid), where)
            metric_terms.append(term)
    for metric in metrics.values():
        for variant, _ in metric.variants:
            if variant not in metrics:
                raise RuleError(
                    f"{metrics_file}: metric {metric.id!r}: key 'variants': "
                    f"unknown metric {variant!r}"
                )
        if metric.share_of and metric.share_of not in metrics:
            raise RuleError(
                f"{metrics_file}: metric {metric.id!r}: key 'share_of': "
                f"unknown metric {metric.share_of!r}"
            )

    change, part, base, whole, ranking, modality, any_modality = _load_cues(cues_file)
    # English entity names may carry a possessive ("China's"); scan() strips it.
    terms = {*entity_terms, *metric_terms}
    cjk = re.compile(union(t for t in terms if not t.isascii()))
    # One case-insensitive trie for the ASCII terms; _ascii_mention checks case after.
    lower_ascii = [t.lower() for t in terms if t.isascii()]
    # In lower-cased text a match starts with a lower-cased term's first character; in
    # any case, it may also start with a letter that matches an ASCII one (İ ı ſ K).
    starts = "".join(sorted({t[0] for t in lower_ascii} | set(FOLDS_TO_ASCII.lower())))
    ascii_terms = f"{WORD_BEFORE}(?:{union(lower_ascii)})"
    ascii_terms += f"(?:'s|’s)?{WORD_AFTER}"
    return Vocabulary(
        entities=entities,
        metrics=metrics,
        change_cues=change,
        part_cues=part,
        base_cues=base,
        whole_cues=whole,
        ranking_cues=ranking,
        modality_cues=modality,
        _any_modality=any_modality,
        _cjk=cjk,
        _ascii=re.compile(ascii_terms, re.IGNORECASE),
        _folded=re.compile(ascii_terms),
        _ascii_starts=re.compile(f"[{re.escape(starts)}]"),
        _lookup=lookup,
        digest=_digest(entities_file, metrics_file, cues_file),
    )


def _digest(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(none)")
        digest.update(b"\0")
    return digest.hexdigest()


Cues = tuple[
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    tuple[tuple[str, re.Pattern[str]], ...],
    TermSearch,
]


_CUE_KINDS = ("change", "part", "base", "whole", "ranking")


def _load_cues(path: Path) -> Cues:
    """The change, part, base, whole and ranking cues, and the modality cues: per
    modality, and all in one."""
    never = re.compile(NEVER)
    if not path.is_file():
        return never, never, never, never, never, (), TermSearch([])
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping")
    _check_keys(data, {*_CUE_KINDS, "modality"}, str(path))
    patterns = []
    for key in _CUE_KINDS:
        terms = _terms(data.get(key), f"{path}: key {key!r}")
        patterns.append(re.compile(terms_pattern(terms)) if terms else never)
    change, part, base, whole, ranking = patterns
    modality_spec = data.get("modality") or {}
    if not isinstance(modality_spec, dict):
        raise RuleError(f"{path}: key 'modality': expected a mapping of modality to terms")
    modal: list[tuple[str, re.Pattern[str]]] = []
    every: list[str] = []
    for name, block in modality_spec.items():
        if name not in MODALITIES:
            raise RuleError(
                f"{path}: key 'modality': unknown modality {name!r} "
                f"(allowed: {', '.join(MODALITIES)})"
            )
        terms = _terms(block, f"{path}: modality {name!r}")
        if terms:
            modal.append((name, re.compile(terms_pattern(terms))))
            every += terms
    return change, part, base, whole, ranking, tuple(modal), TermSearch(every)
