"""The report formats: markdown, html, sarif and github (and csv's status column).

Every format is built from the same Report, so each must show every contradiction, be
byte-identical for the same inputs whatever their order, and keep hostile article text
(HTML, Markdown, workflow commands, terminal escapes) inert.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from html import escape
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from recheck.audit import audit
from recheck.cli import ExitCode, app
from recheck.explain import describe
from recheck.models import Acknowledgement, Report
from recheck.reporters import AUDIT_FORMATS, render_audit
from recheck.reporters.github_report import escape_data, escape_property
from recheck.reporters.markdown_report import LIMIT
from recheck.triage import triage

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
NEW_FORMATS = ("markdown", "html", "sarif", "github")
runner = CliRunner()

# An article written to break out of every format: HTML and script, Markdown links,
# images, pipes and backticks, mentions and references, bare URLs, math, a workflow
# command, and (in its title) all of them again.
HOSTILE_TITLE = (
    "<script>document.title='PWNED'</script>Evil | `title` [x](javascript:alert(1)) "
    "![i](http://x/i.png)"
)
HOSTILE = (
    f"{HOSTILE_TITLE}\n"
    "<b id=pwned-outlet>Evil Times</b> · 2025-01-02 10:00\n"
    "美国2024年的产量为9000吨 [点我](javascript:alert(1)) | a | `b` "
    "@octocat #1 https://evil.example www.evil.example $x^2$ ~~s~~ **b** _i_ "
    "<script>document.title='PWNED';"
    "document.body.insertAdjacentHTML('beforeend','<p id=pwned>pwned</p>')</script>"
    "<img src=x onerror=\"document.title='PWNED'\"> ::error::injected\r\n::warning::also。\n"
)
PLAIN = "\x1b[31m美国2024年的产量为3000吨。\x1b]0;pwned\x07\n"


@pytest.fixture(scope="module")
def seeds() -> Report:
    """The seeds audited from the repository root, with relative paths (as in CI)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        return audit(["seeds"], "rules")


@pytest.fixture
def hostile(tmp_path: Path, rulebook) -> Report:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "plain `|<i>.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")  # skipped
    report = audit([str(folder)], rulebook)
    assert report.contradictions, "the hostile fixture must produce a contradiction"
    assert report.skipped
    return report


@pytest.fixture
def triaged(seeds: Report) -> Report:
    """Seeds with every status: new, known (baseline), acknowledged, expired; and stale."""
    first, second, third = seeds.contradictions[:3]
    acks = [
        Acknowledgement(
            first.fingerprint, "two <b>editions</b> | both right", "Li Wei", "2026-01-05"
        ),
        Acknowledgement(second.fingerprint, "rounding", "sam", "2026-01-05", "2026-02-01"),
        Acknowledgement("0123456789abcdef", "an old review", "ed", "2025-01-01"),
    ]
    baseline = {third.fingerprint: third.summary, "fedcba9876543210": "gone"}
    return triage(seeds, baseline=baseline, acknowledgements=acks, today=date(2026, 6, 1))


def _many(report: Report, count: int, severity: str = "high") -> Report:
    """``count`` distinct contradictions made from the first one."""
    base = report.contradictions[0]
    made = tuple(
        replace(base, fingerprint=f"{n:016x}", rank=n, severity=severity)
        for n in range(1, count + 1)
    )
    return replace(report, contradictions=made)


def _derived(report: Report) -> Report:
    """The first contradiction with a derived figure first and arithmetic to show."""
    c = report.contradictions[0]
    made = replace(c.claims[1], origin="derived", id="derived:1", path="", line=0)
    c = replace(
        c,
        claims=(made, c.claims[0], *c.claims[2:]),
        derivation=("45,500 t = 51,000 t / 1.121", "45,500 t vs 3,000 t"),
    )
    return replace(report, contradictions=(c,))


# --- every format ---------------------------------------------------------------------


def test_every_new_format_is_registered():
    assert set(NEW_FORMATS) <= set(AUDIT_FORMATS)
    assert {"text", "json", "csv"} <= set(AUDIT_FORMATS)


@pytest.mark.parametrize("fmt", [f for f in AUDIT_FORMATS if f != "text"])
def test_each_format_shows_every_contradiction(seeds, fmt):
    assert seeds.contradictions
    out = render_audit(seeds, fmt)
    for c in seeds.contradictions:
        assert c.fingerprint in out, (fmt, c.rank)


@pytest.mark.parametrize("fmt", AUDIT_FORMATS)
def test_output_is_byte_identical_across_runs_and_input_order(rulebook, fmt):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").iterdir())
        forward = render_audit(audit(files, rulebook), fmt)
        again = render_audit(audit(files, rulebook), fmt)
        backward = render_audit(audit(files[::-1], rulebook), fmt)
    assert forward == again == backward


@pytest.mark.parametrize("fmt", AUDIT_FORMATS)
def test_no_control_character_reaches_any_format(hostile, fmt):
    out = render_audit(hostile, fmt)
    assert "\x1b" not in out and "\x07" not in out


# --- html -------------------------------------------------------------------------------


def test_html_is_one_self_contained_page(seeds):
    page = render_audit(seeds, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert (
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    ) in page
    assert "<script" not in page.lower()
    for loader in ("<link", "src=", "url(", "@import", "<iframe", "<object"):
        assert loader not in page
    # The only URL is the SVG namespace, which is a name, not a resource.
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}
    assert page.count("<svg") == len(seeds.contradictions)


def test_html_shows_each_finding_in_full(seeds):
    page = render_audit(seeds, "html")
    for c in seeds.contradictions:
        section = page.split(f'id="fp-{c.fingerprint}"', 1)[1].split("</section>", 1)[0]
        assert f"#{c.rank}" in section and c.rule in section and f"{c.score:.1f}" in section
        assert f"recheck acknowledge {c.fingerprint} --reason" in section
        assert "Why they were judged comparable" in section
        for reason in describe(c)["why"]:
            assert f"<li>{escape(reason)}</li>" in section
        for claim in c.claims:
            assert f"<mark>{escape(claim.text)}</mark>" in section
            assert f"{claim.path}:{claim.line}" in section
            assert f"<dd>{escape(claim.text)} = " in section  # the conversion
            meta = " · ".join(x for x in (claim.outlet, claim.article_date) if x)
            assert escape(meta) in section
    assert "27万吨 = 270,000 t" in page
    for name in ("claims", "contradictions", "failing", "fail on", "skipped files", "stale"):
        assert f"<dt>{name}" in page


def test_html_escapes_every_hostile_string(hostile):
    page = render_audit(hostile, "html")
    lowered = page.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<p id=pwned" not in lowered
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;" in page  # the quote, as text
    assert "&lt;img src=x onerror=&quot;" in page
    assert "&lt;b id=pwned-outlet&gt;Evil Times&lt;/b&gt;" in page  # the outlet
    assert "Evil | `title` [x](javascript:alert(1))" in page  # the title, as text
    assert "plain `|&lt;i&gt;.txt:1" in page  # a hostile file name
    assert "empty.txt" in page.split('id="skipped"', 1)[1]


def test_html_shows_statuses_reasons_and_stale_entries(triaged):
    page = render_audit(triaged, "html")
    assert (
        "acknowledged by Li Wei on 2026-01-05: two &lt;b&gt;editions&lt;/b&gt; | both right" in page
    )
    assert "acknowledgement expired on 2026-02-01: rounding (sam, 2026-01-05)" in page
    assert "known: recorded in the baseline" in page
    stale = page.split('id="stale"', 1)[1]
    assert "0123456789abcdef" in stale and "fedcba9876543210" in stale
    assert "an old review" in stale
    for status in ("new", "known", "acknowledged", "expired"):
        assert f'data-status="{status}"' in page


def test_html_marks_derived_figures_and_their_arithmetic(seeds):
    page = render_audit(_derived(seeds), "html")
    assert "derived by recheck, not stated by any source" in page
    assert "<li>45,500 t = 51,000 t / 1.121</li>" in page
    assert 'class="source derived"' in page


def test_html_plot_clips_open_ranges_to_the_axis(seeds):
    open_ended = next(
        c
        for c in seeds.contradictions
        if any(claim.upper is None and claim.lower is not None for claim in c.claims)
    )
    page = render_audit(replace(seeds, contradictions=(open_ended,)), "html")
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "inf" not in svg and "nan" not in svg
    assert "<path" in svg  # the arrow of "over 45,000"
    assert re.search(r">\d{1,3}(,\d{3})+<", svg)  # ticks, with formatted numbers
    assert f">{open_ended.unit}<" in svg  # the unit


def test_html_with_no_contradictions_still_renders(seeds):
    page = render_audit(replace(seeds, contradictions=()), "html")
    assert "No contradictions" in page and "Nothing fails the run" in page


# --- markdown ---------------------------------------------------------------------------


def _table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def test_markdown_has_counts_a_table_and_bold_quotes(seeds):
    out = render_audit(seeds, "markdown")
    n = len(seeds.contradictions)
    assert out.startswith(f"## recheck: {n} contradiction(s), {n} failing (--fail-on low)")
    rows = _table_rows(out)
    assert len(rows) == 1 + len(seeds.contradictions)  # the heading row and one per finding
    assert all(_cells(row) == 7 for row in rows)
    assert "<strong>27万吨</strong>" in out and "`seeds/000_1a1af2e0efe117e6.txt:4`" in out
    assert "<details>" not in out


def test_markdown_escapes_hostile_article_text(hostile):
    out = render_audit(hostile, "markdown")
    # Outside code spans, every "<" is escaped or opens one of the report's own tags.
    prose = re.sub(r"(?<!\\)(`+).+?\1", "", out)
    raw = re.findall(r"(?<!\\)<(?!/?(?:strong|details|summary)>|br>)", prose)
    assert raw == []
    assert "\\<script\\>document" in out
    assert "\\!\\[i\\](http:\u200b//x/i.png)" in out  # an image, as text
    assert not re.search(r"(?<!\\)[\[\]]", prose) and "\\[点我\\](javascript" in out
    assert "@\u200boctocat" in out and "\\#\u200b1" in out
    assert "https:\u200b//evil.example" in out and "www\u200b.evil" in out
    assert "\\$x^2\\$" in out and "\\~\\~s\\~\\~" in out and "\\*\\*b\\*\\*" in out
    for row in _table_rows(out):
        assert _cells(row) == 7, row
    quote_lines = [line for line in out.splitlines() if line.startswith(">")]
    assert any("9000吨" in line for line in quote_lines)
    # A file name with a backtick and a pipe: a wider code span, the pipe escaped in the table.
    assert "articles/plain `\\|<i>.txt:1``<br>" in out


def test_markdown_puts_reviewed_findings_in_a_collapsed_section(triaged):
    out = render_audit(triaged, "markdown")
    main, details = out.split("<details>", 1)
    assert "</details>" in details
    reviewed = [c for c in triaged.contradictions if c.status in ("known", "acknowledged")]
    for c in reviewed:
        assert c.fingerprint not in main and c.fingerprint in details
    assert "two \\<b\\>editions\\</b\\> \\| both right" in details
    assert "0123456789abcdef" in out  # stale


def test_markdown_stays_under_githubs_comment_limit(seeds):
    big = _many(seeds, 2000)
    out = render_audit(big, "markdown")
    assert len(out.encode("utf-16-le")) // 2 <= LIMIT
    assert "Truncated to fit a comment" in out
    assert out.count("\n#### ") < 2000  # details dropped, the table kept first


def test_markdown_truncation_closes_the_details_section(triaged):
    from recheck.reporters.markdown_report import render_audit as markdown

    reviewed = tuple(
        replace(c, fingerprint=f"{n:016x}", status="known")
        for n, c in enumerate(triaged.contradictions * 40)
    )
    out = markdown(replace(triaged, contradictions=reviewed), limit=6000)
    assert len(out) <= 6000
    assert out.count("<details>") == out.count("</details>") == 1
    assert "Truncated to fit a comment" in out


# --- sarif ------------------------------------------------------------------------------


def _validate(text: str) -> dict:
    jsonschema = pytest.importorskip("jsonschema", reason="pip install '.[test]' for jsonschema")
    log = json.loads(text)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
    return log


def test_the_vendored_schema_is_the_official_one():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert len(schema["definitions"]) == 52


def test_sarif_is_valid_and_locates_each_finding(seeds):
    log = _validate(render_audit(seeds, "sarif"))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "recheck" and driver["version"]
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(r.id for r in seeds.rules)
    levels = {"high": "error", "medium": "warning", "low": "note"}
    for r, rule in zip(rules, sorted(seeds.rules, key=lambda r: r.id), strict=True):
        assert r["defaultConfiguration"]["level"] == levels[rule.severity]
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["name"]
    results = run["results"]
    assert len(results) == len(seeds.contradictions)
    for result, c in zip(results, seeds.contradictions, strict=True):
        assert result["ruleId"] == c.rule and rules[result["ruleIndex"]]["id"] == c.rule
        assert result["level"] == levels[c.severity]
        assert result["message"]["text"].startswith(c.summary)
        assert result["partialFingerprints"] == {"recheckFingerprint/v1": c.fingerprint}
        assert result["properties"]["rank"] == c.rank and result["properties"]["status"] == "new"
        (where,) = result["locations"]
        physical = where["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == c.claims[0].path
        assert "\\" not in physical["artifactLocation"]["uri"]
        assert physical["region"]["startLine"] == c.claims[0].line
        assert physical["region"]["startColumn"] >= 1
        assert len(result["relatedLocations"]) == len(c.claims) - 1
        for related, claim in zip(result["relatedLocations"], c.claims[1:], strict=True):
            assert claim.text in related["message"]["text"]
        assert "baselineState" not in result and "suppressions" not in result


def test_sarif_marks_baseline_and_acknowledged_findings(triaged):
    log = _validate(render_audit(triaged, "sarif"))
    by_fp = {
        r["partialFingerprints"]["recheckFingerprint/v1"]: r for r in log["runs"][0]["results"]
    }
    for c in triaged.contradictions:
        result = by_fp[c.fingerprint]
        if c.status == "acknowledged":
            (suppression,) = result["suppressions"]
            assert suppression["kind"] == "external"
            assert "two <b>editions</b> | both right" in suppression["justification"]
        else:
            assert "suppressions" not in result
        if c.status == "known":
            assert result["baselineState"] == "unchanged"
        if c.status == "new":
            assert result["baselineState"] == "new"
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert {"0123456789abcdef", "fedcba9876543210"} <= {
        n["properties"]["fingerprint"] for n in notes if "properties" in n
    }


def test_sarif_of_hostile_articles_is_valid(hostile):
    log = _validate(render_audit(hostile, "sarif"))
    run = log["runs"][0]
    uris = [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in run["results"]
        for loc in result["locations"] + result["relatedLocations"]
    ]
    assert all(u.startswith("file:///") for u in uris)  # absolute paths given
    assert any("%60%7C%3Ci%3E" in u for u in uris)  # ` | < > percent-encoded
    # "[x](javascript:…)" is not an embedded link: SARIF escapes literal brackets.
    texts = [
        loc["message"]["text"]
        for result in run["results"]
        for loc in result["locations"] + result["relatedLocations"]
    ]
    assert any("\\[点我\\](javascript" in t for t in texts)
    assert not any(re.search(r"(?<!\\)[\[\]]", t) for t in texts)
    skipped = run["invocations"][0]["toolExecutionNotifications"]
    assert any("empty.txt" in n["message"]["text"] for n in skipped)


def test_sarif_never_anchors_a_finding_on_a_derived_figure(seeds):
    report = _derived(seeds)
    log = _validate(render_audit(report, "sarif"))
    (result,) = log["runs"][0]["results"]
    c = report.contradictions[0]
    article = c.claims[1]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == article.path
    derived = [
        r for r in result["relatedLocations"] if "derived by recheck" in r["message"]["text"]
    ]
    assert len(derived) == 1 and "physicalLocation" not in derived[0]
    assert result["properties"]["derivation"] == list(c.derivation)


# --- github -----------------------------------------------------------------------------


def _commands(text: str) -> list[tuple[str, str, str]]:
    parsed = []
    for line in text.splitlines():
        match = re.fullmatch(r"::(\w+)(?: ([^:]*))?::(.*)", line)
        assert match, line
        parsed.append((match[1], match[2] or "", match[3]))
    return parsed


def test_github_escapes_data_and_properties():
    assert escape_data("100% \r\n done") == "100%25 %0D%0A done"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotates_each_new_finding_at_its_source(seeds):
    out = render_audit(seeds, "github")
    commands = _commands(out)
    assert len(commands) == len(seeds.contradictions)
    levels = {"high": "error", "medium": "warning", "low": "notice"}
    for (level, props, message), c in zip(commands, seeds.contradictions, strict=True):
        assert level == levels[c.severity]
        first = c.claims[0]
        assert props.startswith(f"file={first.path},line={first.line},col=")
        assert f"title={c.rule} {c.severity}%3A " in props
        assert c.fingerprint in message and "%0A" in message


def test_github_keeps_hostile_text_on_one_line(hostile):
    out = render_audit(hostile, "github")
    commands = _commands(out)  # every line is one well-formed command
    assert len(commands) == len(hostile.contradictions)
    assert "::error::injected" not in out.replace("%0D%0A::error::injected", "")
    for _, props, _ in commands:
        for pair in props.split(","):
            _key, value = pair.split("=", 1)
            assert ":" not in value and "," not in value


def test_github_adds_one_summary_line_when_some_annotations_would_be_hidden(seeds):
    out = render_audit(_many(seeds, 23), "github")
    commands = _commands(out)
    level, _, message = commands[0]
    assert level == "notice" and "23 annotations in all (23 error)" in message
    assert "SARIF and HTML reports" in message
    assert [c[0] for c in commands[1:]] == ["error"] * 23  # none dropped
    few = _commands(render_audit(_many(seeds, 10), "github"))
    assert [c[0] for c in few] == ["error"] * 10  # no summary needed


def test_github_does_not_annotate_reviewed_findings_as_errors(triaged):
    commands = _commands(render_audit(triaged, "github"))
    failing = [c for c in triaged.contradictions if c.status in ("new", "expired")]
    annotated = [c for c in commands if "fingerprint" in c[2]]
    assert len(annotated) == len(failing)
    reviewed = {c.fingerprint for c in triaged.contradictions if not c.fails}
    assert not any(fp in c[2] for c in annotated for fp in reviewed)
    (summary,) = [c for c in commands if "not annotated" in c[2]]
    assert summary[0] == "notice" and "1 acknowledged and 1 known" in summary[2]


# --- csv --------------------------------------------------------------------------------


def test_csv_has_the_status_and_review_of_each_finding(triaged):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(render_audit(triaged, "csv"))))
    assert [r["fingerprint"] for r in rows] == [c.fingerprint for c in triaged.contradictions]
    assert [r["status"] for r in rows] == [c.status for c in triaged.contradictions]
    (acknowledged,) = [r for r in rows if r["status"] == "acknowledged"]
    assert "two <b>editions</b> | both right" in acknowledged["review"]


# --- through the command line -----------------------------------------------------------


@pytest.mark.parametrize("fmt", NEW_FORMATS)
def test_cli_writes_each_format_and_exits_1(tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    result = runner.invoke(
        app,
        [
            "audit",
            str(ROOT / "seeds"),
            "--rules",
            str(ROOT / "rules"),
            "-f",
            fmt,
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    found = audit([str(ROOT / "seeds")], str(ROOT / "rules")).contradictions
    for c in found:
        assert c.fingerprint in text
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
        assert text.count('<section class="finding') == len(found)


def test_a_figure_written_twice_is_marked_where_the_claim_is(tmp_path, rulebook):
    from recheck.audit import audit
    from recheck.reporters.common import split_quote

    (tmp_path / "a.txt").write_text(
        "中国2024年的稀土冶炼产能占全球的90%，2025年的稀土冶炼产能占全球的90%。\n", encoding="utf-8"
    )
    claims = [c for c in audit([str(tmp_path)], rulebook).claims if c.text == "90%"]
    assert len(claims) == 2
    first, second = sorted(claims, key=lambda c: c.column)
    assert second.column > first.column and second.quote_start > first.quote_start
    before, figure, _ = split_quote(second)
    assert figure == "90%" and "90%" in before
    before, figure, _ = split_quote(first)
    assert figure == "90%" and "90%" not in before


def test_csv_cells_never_start_a_spreadsheet_formula(tmp_path, rulebook):
    import csv
    import io

    from recheck.audit import audit
    from recheck.reporters import render_claims

    (tmp_path / "a.txt").write_text(
        '=HYPERLINK("http://x") 中国2025年稀土开采量为27万吨。\n', encoding="utf-8"
    )
    rows = list(csv.DictReader(io.StringIO(render_claims(audit([str(tmp_path)], rulebook), "csv"))))
    assert rows and all(row["quote"].startswith("'=") for row in rows)
    assert all(not v.startswith(("=", "+", "@")) for row in rows for v in row.values() if v)


def test_streamed_json_is_the_whole_record_serialised(seeds_report):

    from recheck import __version__
    from recheck.reporters import render_audit, render_claims

    def whole(record):
        return _json_dumps(record) + "\n"

    head = {"tool": {"name": "recheck", "version": __version__}}
    assert render_audit(seeds_report, "json") == whole({**head, **seeds_report.to_record()})
    claims = {"claims": [c.to_record() for c in seeds_report.claims]}
    assert render_claims(seeds_report, "json") == whole(claims)
    empty = replace(seeds_report, claims=())
    assert render_audit(empty, "json") == whole({**head, **empty.to_record()})


def test_the_json_report_is_written_claim_by_claim(seeds_report, tmp_path):
    # The pieces: the head, one per claim, the closing ones; a 100 MB archive's report
    # (hundreds of MB of text) is never one string.
    from recheck.reporters import stream_audit, stream_claims

    pieces = list(stream_audit(seeds_report, "json"))
    assert len(pieces) == len(seeds_report.claims) + 3
    assert "".join(pieces) == render_audit(seeds_report, "json")
    assert len(list(stream_claims(seeds_report, "json"))) == len(seeds_report.claims) + 3
    assert list(stream_audit(seeds_report, "text")) == [render_audit(seeds_report, "text")]
    out = tmp_path / "report.json"
    args = ["audit", str(ROOT / "seeds"), "--rules", str(ROOT / "rules"), "-f", "json"]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    assert out.read_text(encoding="utf-8") == render_audit(seeds_report, "json")


def test_text_table_shows_the_most_severe_in_full_and_one_line_for_the_rest(
    seeds_report, monkeypatch
):
    from recheck.reporters import text

    monkeypatch.setattr(text, "TABLE_ROWS", 3)
    out = render_audit(seeds_report, "text", color=False)
    tail = out.split("more contradiction(s), one line each", 1)[1]
    ranks = [int(n) for n in re.findall(r"^  #(\d+) ", tail, flags=re.MULTILINE)]
    assert ranks == list(range(4, len(seeds_report.contradictions) + 1))
    for c in seeds_report.contradictions[3:]:
        assert c.rule in tail and (c.entity or "?") in tail
    for c in seeds_report.contradictions[:3]:  # the first three stay in the table
        assert f"#{c.rank} " not in tail


def test_text_table_lists_each_value_once_with_a_count_of_its_sources(seeds_report):
    from recheck.reporters import text
    from recheck.reporters.common import SOURCES_PER_VALUE

    c = seeds_report.contradictions[0]
    many = replace(c, claims=(c.claims[0],) * (SOURCES_PER_VALUE + 3) + c.claims[1:])
    report = replace(seeds_report, contradictions=(many,))
    out = text.render_audit(report, width=400)  # wide enough that no cell wraps
    assert f"({SOURCES_PER_VALUE + 3} sources)" in out
    assert "… and 3 more source(s) with this value" in out


_json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
)
_json_values = st.recursive(
    _json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def _json_dumps(value):
    """What the json module writes, with infinity and NaN as null (JSON has neither)."""
    import json
    import math

    def clean(v):
        if isinstance(v, float) and not math.isfinite(v):
            return None
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items()}
        if isinstance(v, list):
            return [clean(x) for x in v]
        return v

    return json.dumps(clean(value), ensure_ascii=False, indent=2, allow_nan=False)


@given(_json_values)
def test_the_fast_json_encoder_writes_what_json_dumps_writes(value):
    from recheck.reporters.json_report import indented

    assert indented(value) == _json_dumps(value)
    assert indented(value, 2) == _json_dumps(value).replace("\n", "\n    ")
