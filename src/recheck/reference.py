"""Reference data: an authoritative table whose rows are compared with what sources say.

A reference table is a CSV file with the columns ``entity, metric, period, value, unit,
source`` and, optionally, ``qualifier``, ``source_locator``, ``edition`` and
``published`` (other columns are ignored). Each row with a value becomes a claim with
``origin="reference"``: its path is the CSV file, its line the row's line, its quote
the row's source citation, its title the edition and its date the edition's date.

* ``period``: ``YYYY``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-MM`` or a span ``YYYY-YYYY``.
* ``value``: a number (thousands separators allowed); an empty value means "not
  available" and the row is skipped. Its precision is half a unit of its last
  significant digit, as for figures in articles (45500 is ±50, 390000 ±5,000); a
  whole percentage is ±0.5.
* ``unit``: a unit recheck knows, optionally followed by what it is a quantity of
  (``t REO``, ``percent of apparent consumption``).
* ``qualifier``: ``greater_than`` or ``less_than`` anywhere in it make the value a lower
  or an upper bound; anything else is a note.
* ``edition``: defaults to the source up to its first comma; ``published`` (``YYYY``,
  ``YYYY-MM`` or ``YYYY-MM-DD``) to the first year named in the edition. Where two
  editions of one series give the same entity, metric and period, the newest wins and
  the older row is superseded (see :mod:`recheck.revisions`).

Entity and metric names are mapped onto the vocabulary by ``<stem>.mapping.yaml`` or
``mapping.yaml`` beside the CSV file (``entities: {name: id}``, ``metrics: {name: id}``
or ``{name: {metric: id, scope: entity id}}``); an entity name that is an id or an alias
in ``entities.yaml``, and a metric name that is a metric id, need no mapping. Rows that
map to nothing are not compared. A malformed row is an :class:`~recheck.errors.InputError`
that names the file, the line and the column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError, RuleError
from .models import Claim, Frame
from .units import UnitError, canonical_figure, check_unit, quantity_kind
from .vocabulary import Vocabulary
from .yamlio import load_yaml

REQUIRED = ("entity", "metric", "period", "value", "unit", "source")
OPTIONAL = ("qualifier", "source_locator", "edition", "published")
_PERIOD = re.compile(r"^\d{4}(?:-(?:Q[1-4]|H[12]|0[1-9]|1[0-2]|\d{4}))?$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_NUMBER = re.compile(r"^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@dataclass(frozen=True)
class Mapping:
    entities: dict[str, str]
    metrics: dict[str, tuple[str, str | None]]  # name -> (metric id, scope entity or None)
    path: Path | None = None


def load_reference(path: Path | str, vocabulary: Vocabulary) -> tuple[Claim, ...]:
    """The rows of the reference table at ``path`` that map onto the vocabulary, as
    claims with ``origin="reference"`` (every edition; the comparison keeps the newest)."""
    shown = str(path)
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{shown}: reference file not found")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{shown}: reference file cannot be read as UTF-8 text ({exc})") from None
    mapping = load_mapping(path, vocabulary)
    claims: list[Claim] = []
    seen: dict[tuple[str, str, str, str | None], tuple[int, float, str]] = {}
    for line, row in _rows(shown, text):
        claim = _claim(shown, line, row, mapping, vocabulary)
        if claim is None:
            continue
        key = (claim.article_title, claim.metric or "", claim.entity or "", claim.period)
        if key in seen:
            first_line, first_value, first_text = seen[key]
            if first_value != claim.value:
                raise InputError(
                    f"{shown}:{line}: column 'value': {row['value']} conflicts with "
                    f"{first_text} on line {first_line} for the same entity, metric and "
                    f"period in the same edition ({claim.article_title})"
                )
            continue
        seen[key] = (line, claim.value, row["value"])
        claims.append(claim)
    return tuple(claims)


def _rows(shown: str, text: str) -> list[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{shown}: reference file is empty") from None
    except csv.Error as exc:
        raise InputError(f"{shown}:1: not a CSV table ({exc})") from None
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InputError(
            f"{shown}:1: missing column {missing[0]!r} "
            f"(a reference table has the columns {', '.join(REQUIRED)}"
            f" and optionally {', '.join(OPTIONAL)})"
        )
    rows = []
    start = reader.line_num + 1
    try:
        for cells in reader:
            line = start
            start = reader.line_num + 1
            if not cells or all(not c.strip() for c in cells):
                continue
            if len(cells) != len(names):
                raise InputError(
                    f"{shown}:{line}: expected {len(names)} columns, found {len(cells)}"
                )
            rows.append((line, {n: c.strip() for n, c in zip(names, cells, strict=True)}))
    except csv.Error as exc:
        raise InputError(f"{shown}:{start}: not a CSV row ({exc})") from None
    return rows


def _is_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a real date."""
    if not _DATE.match(text):
        return False
    try:
        date.fromisoformat((text + "-01-01")[:10] if len(text) < 10 else text)
    except ValueError:
        return False
    return True


def _precision(number: str, unit: str) -> float:
    """Half a unit of the last significant digit written: 69.23 -> 0.005, 45500 -> 50.
    Tables print percentages to the unit, so a whole percentage is ±0.5 (100 -> 0.5)."""
    digits = number.replace(",", "").lstrip("+-")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".", 1)[1])
    if unit == "percent":
        return 0.5
    stripped = digits.rstrip("0")
    if not stripped:
        return 0.0
    return 0.5 * 10 ** (len(digits) - len(stripped))


def _unit(spec: str) -> str | None:
    """The unit in a unit column (``t REO`` -> ``t``), or None if there is none."""
    for candidate in (spec, spec.split(" ", 1)[0]):
        if not candidate:
            continue
        try:
            check_unit(candidate)
        except UnitError:
            continue
        return candidate
    return None


def _claim(
    shown: str, line: int, row: dict[str, str], mapping: Mapping, vocabulary: Vocabulary
) -> Claim | None:
    def fail(column: str, message: str) -> InputError:
        return InputError(f"{shown}:{line}: column {column!r}: {message}")

    for column in ("entity", "metric", "source"):
        if not row[column]:
            raise fail(column, "is empty")
    period = row["period"]
    if not _PERIOD.match(period):
        raise fail(
            "period", f"{period!r} is not a period (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-YYYY)"
        )
    raw_value = row["value"]
    if not raw_value:
        return None  # not available
    if not _NUMBER.match(raw_value):
        raise fail("value", f"{raw_value!r} is not a number")
    value = float(raw_value.replace(",", ""))
    unit = _unit(row["unit"])
    if unit is None:
        raise fail("unit", f"unknown unit {row['unit']!r}")
    published = row.get("published", "")
    if published and not _is_date(published):
        raise fail("published", f"{published!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    source = row["source"]
    edition = row.get("edition") or re.split(r",| \(| http", source, maxsplit=1)[0].strip()
    if not published:
        year = _YEAR.search(edition)
        published = year.group(1) if year else ""
    entity = _entity(row["entity"], mapping, vocabulary)
    metric, scope = mapping.metrics.get(row["metric"], (None, None))
    if metric is None and row["metric"] in vocabulary.metrics:
        metric = row["metric"]
    if entity is None or metric is None:
        return None  # a row the vocabulary has no words for: not compared
    qualifier = row.get("qualifier", "")
    lower = value if "greater_than" in qualifier else None
    upper = value if "less_than" in qualifier else None
    try:
        value_c, lower_c, upper_c, precision, canonical = canonical_figure(
            value, unit, lower, upper, _precision(raw_value, unit)
        )
    except (UnitError, ArithmeticError, ValueError) as exc:
        raise fail("unit", f"cannot convert {row['unit']!r} ({exc})") from None
    wanted = vocabulary.metrics[metric].dimension
    if wanted != "any" and quantity_kind(canonical) != wanted:
        raise fail("unit", f"{row['unit']!r} does not fit metric {metric!r} ({wanted})")
    locator = row.get("source_locator", "")
    return Claim(
        id=f"{shown}:{line}:1",
        path=shown,
        line=line,
        quote=source + (f" [{locator}]" if locator else ""),
        text=f"{raw_value} {row['unit']}",
        frame=Frame(
            entity=f"{entity}@{scope}" if scope else entity,
            metric=metric,
            period=period,
            entity_word=row["entity"],
            metric_word=row["metric"],
            period_word=period,
        ),
        value=value_c,
        unit=canonical,
        lower=lower_c,
        upper=upper_c,
        precision=precision,
        hedge="over" if lower is not None else "under" if upper is not None else "",
        written_value=value,
        written_unit=unit,
        article_title=edition,
        article_date=published or None,
        outlet=" ".join(_YEAR.sub("", edition).split()),
        source_id=f"{shown}#{edition}",
        origin="reference",
    )


def _entity(name: str, mapping: Mapping, vocabulary: Vocabulary) -> str | None:
    if name in mapping.entities:
        return mapping.entities[name]
    if name in vocabulary.entities:
        return vocabulary.entities[name].subject_id
    mentions = vocabulary.scan(name)
    if len(mentions) == 1 and mentions[0].kind == "entity":
        m = mentions[0]
        if m.start == 0 and m.end == len(name):
            entity = vocabulary.entities[m.ref]
            return None if entity.kind == "source" else entity.subject_id
    return None


def load_mapping(csv_path: Path, vocabulary: Vocabulary) -> Mapping:
    """The mapping file beside a reference table, validated against the vocabulary."""
    candidates = (
        csv_path.with_name(f"{csv_path.stem}.mapping.yaml"),
        csv_path.parent / "mapping.yaml",
    )
    candidate = next((c for c in candidates if c.is_file()), None)
    if candidate is None:
        return Mapping({}, {})
    try:
        data = load_yaml(candidate)
    except RuleError as exc:
        raise InputError(str(exc)) from None
    if data is None:
        return Mapping({}, {}, candidate)

    def fail(key: str, message: str) -> InputError:
        return InputError(f"{candidate}: key {key!r}: {message}")

    if not isinstance(data, dict) or set(data) - {"entities", "metrics"}:
        raise InputError(f"{candidate}: expected a mapping with 'entities' and 'metrics'")
    entities: dict[str, str] = {}
    for name, target in (data.get("entities") or {}).items():
        if target not in vocabulary.entities:
            raise fail(f"entities.{name}", f"unknown entity {target!r}")
        entities[str(name)] = vocabulary.entities[target].subject_id
    metrics: dict[str, tuple[str, str | None]] = {}
    for name, target in (data.get("metrics") or {}).items():
        spec: Any = target if isinstance(target, dict) else {"metric": target}
        if set(spec) - {"metric", "scope"}:
            raise fail(f"metrics.{name}", "a metric maps to an id or to {metric, scope}")
        if spec.get("metric") not in vocabulary.metrics:
            raise fail(f"metrics.{name}", f"unknown metric {spec.get('metric')!r}")
        scope = spec.get("scope")
        if scope is not None and scope not in vocabulary.entities:
            raise fail(f"metrics.{name}.scope", f"unknown entity {scope!r}")
        metrics[str(name)] = (spec["metric"], scope)
    return Mapping(entities, metrics, candidate)
