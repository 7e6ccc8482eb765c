"""Fuzzing: random Unicode, mixed scripts and random numeric strings never crash the
extractor, the audit or the command line, and every span and quote points back into
the text it came from (issue #6: a clear error, never a crash, nothing lost)."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from recheck import extract_quantities
from recheck.audit import audit
from recheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
RULES = str(ROOT / "rules")
FUZZ = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])

_DIGITS = [*"0123456789", *"０１２３４５６７８９"]
_NUMERIC_PARTS = [
    *_DIGITS,
    *_DIGITS,
    *",.，、 ",
    *"万亿千百十一二两三五九零〇点多余几",
    "万亿",
    "分之",
    "%",
    "％",
    "个百分点",
    "吨",
    "公斤",
    "美元",
    "t",
    "kg",
    " tonnes",
    " percent",
    "$",
    "US$",
    "¥",
    "e",
    "e-",
    "^",
    "/",
    "×10^",
    "-",
    "约",
    "近",
    "超过",
    "以上",
    "about ",
    "over ",
    " million",
    "bn",
    "k",
    " to ",
    "至",
    "年",
    "月",
    "倍",
    "NaN",
    "inf",
    "Infinity",
    "1e308",
    "9" * 40,
]
numeric = st.lists(st.sampled_from(_NUMERIC_PARTS), max_size=25).map("".join)

# Real sentences from the seeds, so that entities, metrics and periods are found and
# claims (not only quantities) come out of the fuzzed articles.
_SEED_SENTENCES = [
    line.strip()
    for path in sorted((ROOT / "seeds").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("。")
    if 4 < len(line.strip()) < 120
][:200]
_WORDS = [
    "美国",
    "中国",
    "稀土",
    "产量",
    "为",
    "占全球",
    "比例",
    "2024年",
    "去年",
    "到2030年",
    "The U.S. ",
    "China's ",
    "output was ",
    "share of global mine production ",
    " expected to ",
    "，",
    "。",
    ". ",
    "; ",
    "\n",
    "\r\n",
    "\t",
    "\n\nExample Wire· 2025-12-27 04:15\n",
    "更新时间:2025-10-14\n",
]
piece = st.one_of(
    st.sampled_from(_SEED_SENTENCES),
    st.sampled_from(_WORDS),
    numeric,
    st.text(max_size=12),  # any Unicode at all (no surrogates: they cannot be saved)
)
article = st.lists(piece, max_size=30).map("".join)


def _check_quantities(text: str) -> None:
    quantities = extract_quantities(text)
    end = 0
    for q in quantities:
        assert end <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert math.isfinite(q.value) and math.isfinite(q.precision)
        end = q.end


@FUZZ
@given(st.text(max_size=300))
def test_random_unicode_never_breaks_extraction(text):
    _check_quantities(text)


@FUZZ
@given(numeric)
def test_random_numeric_strings_never_break_extraction(text):
    _check_quantities(text)


@FUZZ
@given(article)
def test_mixed_scripts_never_break_extraction(text):
    _check_quantities(text)


def _write(folder: Path, texts: list[str]) -> dict[str, str]:
    """Write the articles as UTF-8; return each path with the text recheck should see."""
    written = {}
    for n, text in enumerate(texts):
        path = folder / f"{n}.txt"
        path.write_bytes(text.encode("utf-8"))
        written[str(path)] = text.replace("\r\n", "\n").replace("\r", "\n")
    # one article that is certainly readable, so that the audit never has nothing to do
    anchor = folder / "anchor.txt"
    anchor.write_text("美国2024年的稀土产量为3000吨。美国2024年的稀土产量为4.55万吨。\n")
    written[str(anchor)] = anchor.read_text(encoding="utf-8")
    return written


def _check_claim(sources: dict[str, str], path: str, line: int, column: int, quote: str, text):
    source = sources[path]
    assert quote in source
    assert text in quote
    # the claim's file:line:column points at the figure as written
    row = source.split("\n")[line - 1]
    assert row[column - 1 : column - 1 + len(text)] == text


@FUZZ
@given(st.lists(article, min_size=1, max_size=3))
def test_random_articles_never_break_the_audit(texts):
    with tempfile.TemporaryDirectory() as tmp:
        sources = _write(Path(tmp), texts)
        report = audit([tmp], RULES)
        for claim in report.claims:
            column = int(claim.id.rsplit(":", 1)[1])
            _check_claim(sources, claim.path, claim.line, column, claim.quote, claim.text)
        for contradiction in report.contradictions:
            assert math.isfinite(contradiction.score)
        for skipped in report.skipped:
            assert skipped.reason


def _strict_json(text: str):
    def refuse(constant: str):
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article, min_size=1, max_size=3))
def test_random_articles_give_json_that_parses(texts):
    with tempfile.TemporaryDirectory() as tmp:
        sources = _write(Path(tmp), texts)
        result = CliRunner().invoke(app, ["audit", tmp, "--rules", RULES, "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.stderr
        data = _strict_json(result.stdout)
        for claim in data["claims"]:
            column = int(claim["id"].rsplit(":", 1)[1])
            _check_claim(
                sources, claim["path"], claim["line"], column, claim["quote"], claim["text"]
            )
