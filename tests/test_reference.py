"""Reference data: loading, validating and mapping a table, and auditing against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from recheck.audit import audit
from recheck.errors import InputError
from recheck.reference import load_reference

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "reference" / "usgs_rare_earths.csv"
HEADER = "entity,metric,period,value,unit,qualifier,source,edition,published\n"
MCS = "USGS Mineral Commodity Summaries"
MCS26 = f'"{MCS} 2026, Rare Earths",{MCS} 2026,2026-02'
MCS25 = f'"{MCS} 2025, Rare Earths",{MCS} 2025,2025-01'


@pytest.fixture(scope="module")
def with_reference(rulebook):
    return audit([str(ROOT / "seeds")], rulebook, reference=TABLE)


def test_the_shipped_table_maps_onto_the_vocabulary(rulebook):
    rows = load_reference(TABLE, rulebook.vocabulary)
    assert rows and all(r.origin == "reference" for r in rows)
    keys = {(r.entity, r.metric, r.period, r.article_title): r.value for r in rows}
    mcs26, mcs25 = "USGS Mineral Commodity Summaries 2026", "USGS Mineral Commodity Summaries 2025"
    assert keys[("united_states", "mine_production", "2024", mcs26)] == 45500
    assert keys[("united_states", "mine_production", "2024", mcs25)] == 45000
    assert keys[("world", "mine_production", "2025", mcs26)] == 390000
    assert keys[("myanmar", "mine_production", "2025", mcs26)] == 22000  # "Burma"
    assert keys[("united_states", "refined_production", "2024", mcs26)] == 4300
    assert keys[("china@united_states", "share_of_imports", "2021-2024", mcs26)] == 71
    world_reserves = next(
        r for r in rows if (r.entity, r.metric, r.article_title) == ("world", "reserves", mcs26)
    )
    assert world_reserves.lower == 75_000_000 and world_reserves.upper is None  # '>75,000,000'
    cited = next(r for r in rows if r.entity == "china" and r.metric == "mine_production")
    assert cited.path == str(TABLE) and cited.quote.startswith("USGS Mineral Commodity Summaries")
    assert cited.article_date in {"2026-02", "2025-01"} and cited.frame.entity_word == "China"


def test_audit_with_the_reference_flags_what_the_usgs_tables_contradict(with_reference):
    found = sorted(
        (c.entity, c.metric, c.period, sorted(round(x.value, 6) for x in c.claims))
        for c in with_reference.contradictions
        if c.rule == "RC200"
    )
    assert found == [
        ("china", "mine_production", "2025", [190000, 270000]),  # 19万吨
        ("united_states", "import_reliance", "2024", [48, 53]),  # 48%
        ("united_states", "mine_production", "2024", [3000, 45500]),  # 3000吨
        ("world", "mine_production", "2025", [280000, 390000]),  # 大约28万吨
    ]
    for c in with_reference.contradictions:
        if c.rule == "RC200":
            (row,) = [x for x in c.claims if x.origin == "reference"]
            assert row.article_title == "USGS Mineral Commodity Summaries 2026"
            assert "USGS Mineral Commodity Summaries 2026" in c.summary
            assert any(step.startswith("reference: USGS") for step in c.derivation)


def test_a_superseded_edition_is_cited_as_such(with_reference):
    (us,) = [
        c
        for c in with_reference.contradictions
        if c.rule == "RC200" and c.entity == "united_states" and c.metric == "mine_production"
    ]
    assert any("supersedes USGS Mineral Commodity Summaries 2025" in s for s in us.derivation)


def test_the_reference_adds_findings_and_keeps_the_others(with_reference, seeds_report):
    without = {c.fingerprint for c in seeds_report.contradictions}
    with_ref = {c.fingerprint for c in with_reference.contradictions}
    assert without < with_ref
    assert {c.rule for c in with_reference.contradictions if c.fingerprint not in without} == {
        "RC200"
    }
    assert with_reference.claims == seeds_report.claims  # rows are not claims of the report
    scores = [c.score for c in with_reference.contradictions]
    assert scores == sorted(scores, reverse=True)  # ranked by the same score


def _table(tmp_path: Path, rows: str, mapping: str | None = None) -> Path:
    path = tmp_path / "ref.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    if mapping is not None:
        (tmp_path / "mapping.yaml").write_text(mapping, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (f"China,mine_production,2025,lots,t REO,,{MCS26}\n", "ref.csv:2: column 'value'"),
        (f"China,mine_production,last year,270000,t,,{MCS26}\n", "ref.csv:2: column 'period'"),
        (f"China,mine_production,2025,270000,furlongs,,{MCS26}\n", "ref.csv:2: column 'unit'"),
        (f"China,mine_production,2025,270000,percent,,{MCS26}\n", "does not fit metric"),
        (f",mine_production,2025,270000,t,,{MCS26}\n", "ref.csv:2: column 'entity'"),
        (f"China,mine_production,2025,270000,t,,{MCS26},extra\n", "ref.csv:2: expected 9"),
        (
            f"China,mine_production,2025,270000,t,,{MCS26}\n"
            f"China,mine_production,2025,190000,t,,{MCS26}\n",
            "ref.csv:3: column 'value': 190000 conflicts with 270000 on line 2",
        ),
        (
            f"China,mine_production,2025,270000,t,,{MCS26}\n"
            f'China,mine_production,2025,270000,t,,"a, b",x,2026-13-45\n',
            "ref.csv:3: column 'published'",
        ),
    ],
)
def test_bad_rows_name_the_file_the_line_and_the_column(rulebook, tmp_path, rows, message):
    with pytest.raises(InputError) as info:
        load_reference(_table(tmp_path, rows), rulebook.vocabulary)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_a_missing_column_or_file_is_an_input_error(rulebook, tmp_path):
    path = tmp_path / "ref.csv"
    path.write_text("entity,metric,period,value,source\nChina,x,2025,1,s\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"ref.csv:1: missing column 'unit'"):
        load_reference(path, rulebook.vocabulary)
    with pytest.raises(InputError, match="reference file not found"):
        load_reference(tmp_path / "nope.csv", rulebook.vocabulary)
    with pytest.raises(InputError, match="reference file not found"):
        audit([str(ROOT / "seeds")], rulebook, reference=tmp_path / "nope.csv")


def test_unmapped_and_empty_rows_are_skipped_and_the_mapping_is_checked(rulebook, tmp_path):
    rows = (
        f"Atlantis,mine_production,2025,0,t REO,,{MCS26}\n"  # no such entity: not compared
        f"China,imports_compounds,2025,100,t REO,,{MCS26}\n"  # no such metric
        f"China,production_mineral_concentrates,2025,,t REO,NA,{MCS26}\n"  # not available
        f"China,production_mineral_concentrates,2024,270000,t REO,,{MCS26}\n"
    )
    mapping = "metrics:\n  production_mineral_concentrates: mine_production\n"
    (row,) = load_reference(_table(tmp_path, rows, mapping), rulebook.vocabulary)
    assert (row.entity, row.metric, row.value, row.precision) == (
        "china",
        "mine_production",
        270000,
        5000,
    )
    (tmp_path / "mapping.yaml").write_text("metrics:\n  x: no_such_metric\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"mapping.yaml: key 'metrics.x': unknown metric"):
        load_reference(tmp_path / "ref.csv", rulebook.vocabulary)


def test_an_article_that_follows_an_older_edition_is_a_revision(rulebook, tmp_path):
    rows = (
        f"Australia,mine_production,2024,13000,t REO,,{MCS25}\n"
        f"Australia,mine_production,2024,29000,t REO,,{MCS26}\n"
        f"China,mine_production,2024,270000,t REO,,{MCS26}\n"
    )
    table = _table(tmp_path, rows)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "澳大利亚稀土产量\n更新时间:2025-03-01\n澳大利亚2024年的稀土开采量为1.3万吨。\n",
        encoding="utf-8",
    )
    report = audit([str(articles)], rulebook, reference=table)
    assert [(c.rule, c.severity) for c in report.contradictions] == [("RC010", "low")]
    (c,) = report.contradictions
    assert c.summary.startswith("revision: 1.3万吨 follows USGS Mineral Commodity Summaries 2025")
    assert [x.origin for x in c.claims] == ["article", "reference", "reference"]


def test_the_shipped_table_is_the_curated_copy():
    """reference/curate.py rebuilds the shipped table from the collected one."""
    source = ROOT.parent / "shared" / "reference" / "usgs_rare_earths.csv"
    if not source.is_file():
        pytest.skip("the collected table is not beside the repository")
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, str(ROOT / "reference" / "curate.py"), str(source)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out == TABLE.read_text(encoding="utf-8")
