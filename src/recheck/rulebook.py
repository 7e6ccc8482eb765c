"""Load and validate the rules folder: one rule per YAML file, plus ``vocabulary/``.

Every problem is an error that names the file, the rule and the key, so that a typo in
a rule file never passes silently. Nothing in a rule file is executed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import RuleError
from .exchange import ExchangeRates, load_exchange_rates
from .kinds import ALL_KINDS, COMMON_KEYS, KIND_KEYS, NO_TOLERANCE
from .models import SEVERITIES, Example, Rule, Selector, Tolerance
from .termregex import terms_pattern
from .units import UnitError, canonical_unit, check_unit, dimension
from .vocabulary import METRIC_DIMENSIONS, Vocabulary, load_vocabulary
from .yamlio import key_lines, load_yaml

PERIOD_MODES = ("same", "any")
RULE_KEYS = COMMON_KEYS.union(*KIND_KEYS.values())
SELECT_KEYS = {"entity", "metric", "dimension"}
# Tolerances may differ by the kind of value compared (see units.quantity_kind).
TOLERANCE_KINDS = (*sorted(METRIC_DIMENSIONS - {"any"}), "points", "other", "default")
EXAMPLE_CLAIM_KEYS = {
    "entity",
    "metric",
    "change_of",
    "period",
    "value",
    "unit",
    "lower",
    "upper",
    "precision",
    "source",
    "modality",
    # where and how the figure was stated (claims with the same source and line share
    # one sentence, ``quote``), for the kinds that read sentences or sources
    "line",
    "text",
    "quote",
    "hedge",
    "origin",
    "date",
    "outlet",
    "title",
}
ORIGINS = ("article", "derived", "reference")
_RELATIVE = re.compile(r"^\s*(?P<n>[0-9]*\.?[0-9]+)\s*(?P<pct>%|percent)?\s+relative\s*$")
_ABSOLUTE = re.compile(r"^\s*(?P<n>[0-9]*\.?[0-9]+)\s*(?P<unit>\S.*)$")


@dataclass(frozen=True)
class Rulebook:
    folder: Path
    rules: tuple[Rule, ...]
    vocabulary: Vocabulary
    exchange_rates: ExchangeRates | None = None


def load_rulebook(folder: Path | str) -> Rulebook:
    """Load every ``*.yaml`` rule in ``folder`` and the vocabulary beside them."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RuleError(f"{folder}: rules folder not found")
    vocabulary = load_vocabulary(folder / "vocabulary")
    files = sorted(p for p in folder.glob("*.y*ml") if p.suffix in {".yaml", ".yml"})
    if not files:
        raise RuleError(f"{folder}: no rule files (*.yaml) in the rules folder")
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in files:
        rule = _load_rule(path, vocabulary)
        if rule.id in seen:
            raise RuleError(
                f"{path}: rule {rule.id}: key 'id': duplicate id, also used in {seen[rule.id]}"
            )
        seen[rule.id] = path
        rules.append(rule)
    return Rulebook(
        folder=folder,
        rules=tuple(rules),
        vocabulary=vocabulary,
        exchange_rates=load_exchange_rates(folder / "vocabulary"),
    )


def _line_of(lines: dict[str, int], key: str) -> int | None:
    """The line of ``key`` (``examples[0].claims[1].unit``), or of its nearest parent."""
    parts = re.sub(r"\[(\d+)\]", r".\1", key).split(".")
    while parts:
        line = lines.get(".".join(parts))
        if line:
            return line
        parts.pop()
    return None


def _load_rule(path: Path, vocabulary: Vocabulary) -> Rule:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a mapping of keys to values")
    rule_id = data.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", rule_id):
        raise RuleError(f"{path}: key 'id': required, letters, digits, '-' or '_'")
    lines = key_lines(path)

    def fail(key: str, message: str) -> RuleError:
        line = _line_of(lines, key)
        return RuleError(
            f"{path}{f':{line}' if line else ''}: rule {rule_id}: key '{key}': {message}"
        )

    unknown = sorted(set(data) - RULE_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key (allowed: {', '.join(sorted(RULE_KEYS))})")
    for key in ("title", "kind", "severity"):
        if key not in data:
            raise fail(key, "required")
    title = _string(data, "title", fail)
    kind = _string(data, "kind", fail)
    if kind not in ALL_KINDS:
        raise fail("kind", f"unknown kind {kind!r} (known: {', '.join(ALL_KINDS)})")
    foreign = sorted(set(data) - COMMON_KEYS - KIND_KEYS[kind])
    if foreign:
        owners = ", ".join(k for k in ALL_KINDS if foreign[0] in KIND_KEYS[k])
        raise fail(foreign[0], f"not a key of kind {kind!r} (it belongs to kind {owners})")
    if "tolerance" not in data and kind not in NO_TOLERANCE:
        raise fail("tolerance", "required")
    severity = _string(data, "severity", fail)
    if severity not in SEVERITIES:
        raise fail("severity", f"must be one of {', '.join(SEVERITIES)}, got {severity!r}")
    periods = data.get("periods", "same")
    if periods not in PERIOD_MODES:
        raise fail("periods", f"must be one of {', '.join(PERIOD_MODES)}, got {periods!r}")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise fail("description", "must be text")
    select = _selector(data.get("select") or {}, vocabulary, fail)
    tolerance = _tolerances(data.get("tolerance", "0% relative"), fail)
    ratio = data.get("max_yearly_ratio", 2.0)
    if not isinstance(ratio, (int, float)) or isinstance(ratio, bool) or ratio <= 1:
        raise fail("max_yearly_ratio", "must be a number greater than 1")
    examples = _examples(data.get("examples"), vocabulary, fail)
    whole = data.get("whole", "world")
    if "whole" in data and whole not in vocabulary.entities:
        raise fail("whole", f"unknown entity {whole!r}")
    max_ratio = data.get("max_ratio", 3.0)
    if not isinstance(max_ratio, (int, float)) or isinstance(max_ratio, bool) or max_ratio <= 1:
        raise fail("max_ratio", "must be a number greater than 1")
    return Rule(
        id=rule_id,
        title=title,
        kind=kind,
        select=select,
        tolerances=tuple(sorted(tolerance.items())),
        periods=periods,
        severity=severity,
        description=description.strip(),
        path=str(path),
        max_yearly_ratio=float(ratio),
        examples=examples,
        whole=str(whole),
        max_ratio=float(max_ratio),
        decrease_words=_words(data.get("decrease"), "decrease", fail),
        comparison_words=_words(data.get("comparison"), "comparison", fail),
        change_words=vocabulary.change_cues.pattern if kind == "change" else "",
        share_of=tuple(
            sorted((m.id, m.share_of) for m in vocabulary.metrics.values() if m.share_of)
        ),
        members=tuple(sorted((e.id, e.members) for e in vocabulary.entities.values() if e.members)),
    )


def _words(spec: Any, key: str, fail: Any) -> str:
    """A ``{zh: [...], en: [...]}`` list of words as one regex ("" when absent)."""
    if spec is None:
        return ""
    if isinstance(spec, dict) and not set(spec) - {"zh", "en"}:
        spec = [w for lang in ("zh", "en") for w in (spec.get(lang) or [])]
    if not isinstance(spec, list) or not all(isinstance(w, str) and w.strip() for w in spec):
        raise fail(key, "must be a list of words, or a mapping {zh: [...], en: [...]}")
    return terms_pattern(spec)


def _string(data: dict[str, Any], key: str, fail: Any) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise fail(key, "must be a non-empty string")
    return value.strip()


def _selector(spec: Any, vocabulary: Vocabulary, fail: Any) -> Selector:
    if not isinstance(spec, dict):
        raise fail("select", "must be a mapping with entity, metric and/or dimension")
    unknown = sorted(set(spec) - SELECT_KEYS)
    if unknown:
        raise fail(
            f"select.{unknown[0]}", f"unknown key (allowed: {', '.join(sorted(SELECT_KEYS))})"
        )
    entity = spec.get("entity")
    if entity is not None and entity not in vocabulary.entities:
        raise fail("select.entity", f"unknown entity {entity!r}")
    metric = spec.get("metric")
    if metric is not None and metric not in vocabulary.metrics:
        raise fail("select.metric", f"unknown metric {metric!r}")
    dim = spec.get("dimension")
    if dim is not None:
        try:
            dim = dimension(str(dim)) if not str(dim).startswith("[") else str(dim)
        except UnitError as exc:
            raise fail("select.dimension", f"unknown unit or dimension {dim!r}") from exc
    return Selector(entity=entity, metric=metric, dimension=dim)


def _tolerances(spec: Any, fail: Any) -> dict[str, Tolerance]:
    if isinstance(spec, dict):
        unknown = sorted(set(spec) - set(TOLERANCE_KINDS))
        if unknown:
            raise fail(
                f"tolerance.{unknown[0]}",
                f"unknown value kind (allowed: {', '.join(TOLERANCE_KINDS)})",
            )
        return {k: _tolerance(v, f"tolerance.{k}", fail) for k, v in spec.items()}
    return {"default": _tolerance(spec, "tolerance", fail)}


def _tolerance(spec: Any, key: str, fail: Any) -> Tolerance:
    if isinstance(spec, (int, float)) and not isinstance(spec, bool):
        raise fail(key, f"give a unit or 'relative': '{spec} t' or '{spec}% relative'")
    if not isinstance(spec, str):
        raise fail(key, "must be a string such as '0.5 percentage_point' or '10% relative'")
    match = _RELATIVE.match(spec)
    if match:
        amount = float(match["n"]) / (100 if match["pct"] else 1)
        return Tolerance(kind="relative", amount=amount)
    match = _ABSOLUTE.match(spec)
    if not match:
        raise fail(key, f"cannot read {spec!r}; write '0.5 percentage_point' or '10% relative'")
    unit = match["unit"].strip()
    try:
        check_unit(unit)
    except UnitError as exc:
        raise fail(key, f"unknown unit {unit!r}") from exc
    # Percent and percentage point keep their names; other units become canonical.
    canonical = canonical_unit(unit)
    keep = canonical in {"percent", "percentage_point"}
    return Tolerance(kind="absolute", amount=float(match["n"]), unit=unit if keep else canonical)


def _examples(spec: Any, vocabulary: Vocabulary, fail: Any) -> tuple[Example, ...]:
    if spec is None:
        return ()
    if not isinstance(spec, list):
        raise fail("examples", "must be a list of {flags, claims}")
    examples = []
    for n, item in enumerate(spec):
        key = f"examples[{n}]"
        if not isinstance(item, dict) or set(item) - {"flags", "claims"}:
            raise fail(key, "each example is a mapping with 'flags' and 'claims'")
        if not isinstance(item.get("flags"), bool):
            raise fail(f"{key}.flags", "must be true or false")
        claims = item.get("claims")
        if not isinstance(claims, list) or len(claims) < 2:
            raise fail(f"{key}.claims", "must list at least two claims")
        parsed = []
        for m, claim in enumerate(claims):
            ckey = f"{key}.claims[{m}]"
            if not isinstance(claim, dict):
                raise fail(ckey, "must be a mapping")
            bad = sorted(set(claim) - EXAMPLE_CLAIM_KEYS)
            if bad:
                raise fail(f"{ckey}.{bad[0]}", "unknown key")
            if "value" not in claim or "unit" not in claim:
                raise fail(ckey, "needs 'value' and 'unit'")
            try:
                check_unit(str(claim["unit"]))
            except UnitError as exc:
                raise fail(f"{ckey}.unit", f"unknown unit {claim['unit']!r}") from exc
            # a scoped entity (china@united_states: China's share of US imports)
            for part in str(claim.get("entity") or "").split("@"):
                if claim.get("entity") and part not in vocabulary.entities:
                    raise fail(f"{ckey}.entity", f"unknown entity {part!r}")
            for field in ("metric", "change_of"):
                if claim.get(field) and claim[field] not in vocabulary.metrics:
                    raise fail(f"{ckey}.{field}", f"unknown metric {claim[field]!r}")
            if claim.get("origin", "article") not in ORIGINS:
                raise fail(f"{ckey}.origin", f"must be one of {', '.join(ORIGINS)}")
            parsed.append(tuple(sorted(claim.items())))
        examples.append(Example(claims=tuple(parsed), flags=item["flags"]))
    return tuple(examples)
