"""Load and validate the rules folder: one rule per YAML file, plus ``vocabulary/``.

Every problem is an error that names the file, the rule and the key, so that a typo in
a rule file never passes silently. Nothing in a rule file is executed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .compare import KINDS
from .errors import RuleError
from .models import SEVERITIES, Example, Rule, Selector, Tolerance
from .units import UnitError, canonical_unit, dimension, parse_unit
from .vocabulary import METRIC_DIMENSIONS, Vocabulary, load_vocabulary
from .yamlio import load_yaml

PERIOD_MODES = ("same", "any")
RULE_KEYS = {
    "id",
    "title",
    "kind",
    "select",
    "tolerance",
    "periods",
    "severity",
    "description",
    "examples",
    "max_yearly_ratio",
    "years",
}
SELECT_KEYS = {"entity", "metric", "dimension"}
# Tolerances may differ by the kind of value compared (see framing.quantity_kind).
TOLERANCE_KINDS = (*sorted(METRIC_DIMENSIONS - {"any"}), "points", "other", "default")
EXAMPLE_CLAIM_KEYS = {
    "entity",
    "metric",
    "period",
    "value",
    "unit",
    "lower",
    "upper",
    "precision",
    "source",
    "modality",
}
_RELATIVE = re.compile(r"^\s*(?P<n>[0-9]*\.?[0-9]+)\s*(?P<pct>%|percent)?\s+relative\s*$")
_ABSOLUTE = re.compile(r"^\s*(?P<n>[0-9]*\.?[0-9]+)\s*(?P<unit>\S.*)$")


@dataclass(frozen=True)
class Rulebook:
    folder: Path
    rules: tuple[Rule, ...]
    vocabulary: Vocabulary


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
    return Rulebook(folder=folder, rules=tuple(rules), vocabulary=vocabulary)


def _load_rule(path: Path, vocabulary: Vocabulary) -> Rule:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a mapping of keys to values")
    rule_id = data.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", rule_id):
        raise RuleError(f"{path}: key 'id': required, letters, digits, '-' or '_'")
    where = f"{path}: rule {rule_id}"

    def fail(key: str, message: str) -> RuleError:
        return RuleError(f"{where}: key '{key}': {message}")

    unknown = sorted(set(data) - RULE_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key (allowed: {', '.join(sorted(RULE_KEYS))})")
    for key in ("title", "kind", "severity"):
        if key not in data:
            raise fail(key, "required")
    if "tolerance" not in data and data.get("kind") != "growth":
        raise fail("tolerance", "required")
    title = _string(data, "title", fail)
    kind = _string(data, "kind", fail)
    if kind not in KINDS:
        raise fail("kind", f"unknown kind {kind!r} (known: {', '.join(sorted(KINDS))})")
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
    )


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
        parse_unit(unit)
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
                parse_unit(str(claim["unit"]))
            except UnitError as exc:
                raise fail(f"{ckey}.unit", f"unknown unit {claim['unit']!r}") from exc
            if claim.get("entity") and claim["entity"] not in vocabulary.entities:
                raise fail(f"{ckey}.entity", f"unknown entity {claim['entity']!r}")
            if claim.get("metric") and claim["metric"] not in vocabulary.metrics:
                raise fail(f"{ckey}.metric", f"unknown metric {claim['metric']!r}")
            parsed.append(tuple(sorted(claim.items())))
        examples.append(Example(claims=tuple(parsed), flags=item["flags"]))
    return tuple(examples)
