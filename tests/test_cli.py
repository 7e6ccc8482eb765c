from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recheck import __version__
from recheck.cli import ExitCode, app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RULES = str(ROOT / "rules")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_audit_of_the_seeds_exits_1_and_shows_the_table():
    result = run("audit", str(ROOT / "seeds"), "--rules", RULES)
    assert result.exit_code == ExitCode.CONTRADICTIONS
    assert "RC002" in result.output and "RC001" in result.output
    assert "4.55万吨" in result.output


def test_audit_without_contradictions_exits_0():
    result = run("audit", str(FIXTURES / "consistent"), "--rules", RULES)
    assert result.exit_code == ExitCode.OK, result.output
    assert "No contradictions" in result.output


def test_json_format_prints_the_report():
    result = run("audit", str(ROOT / "seeds"), "--rules", RULES, "--format", "json")
    assert result.exit_code == ExitCode.CONTRADICTIONS
    data = json.loads(result.stdout)
    assert data["contradictions"][0]["rank"] == 1


def test_output_file_is_written_instead_of_stdout(tmp_path):
    target = tmp_path / "report.json"
    result = run("audit", str(ROOT / "seeds"), "--rules", RULES, "-f", "json", "-o", str(target))
    assert result.exit_code == ExitCode.CONTRADICTIONS
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["claims"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["audit", "does-not-exist/"], "does-not-exist/: no such file or folder"),
        (["audit", str(ROOT / "seeds"), "--format", "xml"], "unknown format 'xml'"),
        (["audit", str(ROOT / "seeds"), "--rules", "no-such-rules"], "rules folder not found"),
        (["claims", str(ROOT / "seeds"), "--format", "yaml"], "unknown format 'yaml'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message):
    result = run(*args, *([] if "--rules" in args else ["--rules", RULES]))
    assert result.exit_code == ExitCode.ERROR
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.output


def test_a_folder_with_no_documents_is_exit_2(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = run("audit", str(tmp_path), "--rules", RULES)
    assert result.exit_code == ExitCode.ERROR
    assert "no documents to audit" in result.stderr


def test_claims_lists_frames_in_every_format():
    table = run("claims", str(ROOT / "seeds"), "--rules", RULES)
    assert table.exit_code == 0 and "mine_production" in table.output
    csv = run("claims", str(ROOT / "seeds"), "--rules", RULES, "--format", "csv")
    assert csv.stdout.splitlines()[0].startswith("id,path,line,entity,metric,period")
    data = json.loads(run("claims", str(ROOT / "seeds"), "--rules", RULES, "-f", "json").stdout)
    assert any(c["text"] == "27万吨" and c["entity"] == "china" for c in data["claims"])


def test_rules_lists_every_rule():
    result = run("rules", "--rules", RULES)
    assert result.exit_code == 0
    for rule_id in ("RC001", "RC002", "RC003", "RC100"):
        assert rule_id in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output.strip() == f"recheck {__version__}"


@pytest.mark.parametrize("command", ["audit", "baseline", "claims", "explain", "rules"])
def test_every_command_has_help_and_is_documented(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert len(result.output) > 100
    assert f"recheck {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_dash_m_works_like_the_command():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "recheck", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.strip() == f"recheck {__version__}"


def test_explain_shows_words_values_and_conversion():
    data = json.loads(run("audit", str(ROOT / "seeds"), "--rules", RULES, "-f", "json").stdout)
    fingerprint = data["contradictions"][0]["fingerprint"]
    result = run("explain", fingerprint[:8], str(ROOT / "seeds"), "--rules", RULES)
    assert result.exit_code == 0, result.output
    assert "Why these claims were compared" in result.output
    assert "4.55万吨 = 45,500 t" in result.output
    missing = run("explain", "ffffffff", str(ROOT / "seeds"), "--rules", RULES)
    assert missing.exit_code == ExitCode.ERROR
    assert "no contradiction has fingerprint" in missing.stderr


def test_long_quotes_are_cut_around_the_figure():
    from recheck.reporters.text import excerpt

    quote = "开头" * 40 + "比例高达67.9%。" + "结尾" * 40
    cut = excerpt(quote, "67.9%", 30)
    assert "67.9%" in cut and cut.startswith("…") and cut.endswith("…")
    assert excerpt("short 1 t", "1 t") == "short 1 t"


def test_terminal_control_characters_never_reach_the_table(tmp_path):
    (tmp_path / "a.txt").write_text(
        "\x1b[31m美国2024年的产量为3000吨。\x1b]0;pwned\x07\n美国2024年的产量为4.5万吨。\n",
        encoding="utf-8",
    )
    result = run("audit", str(tmp_path), "--rules", RULES)
    assert result.exit_code == ExitCode.CONTRADICTIONS
    assert "\x1b" not in result.output and "\x07" not in result.output


# --- the CI gate: acknowledgements, fail level, config -------------------------------


def _seed_copy(tmp_path: Path) -> Path:
    import shutil

    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def _fingerprints(folder: Path) -> list[str]:
    result = run("audit", str(folder), "--rules", RULES, "-f", "json")
    return [c["fingerprint"] for c in json.loads(result.stdout)["contradictions"]]


def test_acknowledging_every_contradiction_makes_the_run_pass(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = _seed_copy(tmp_path)
    fingerprints = _fingerprints(folder)
    for fp in fingerprints:
        made = run("acknowledge", fp, "--reason", "different editions", "--by", "ed")
        assert made.exit_code == ExitCode.OK, made.output
    assert (tmp_path / "recheck-acknowledgements.yaml").is_file()
    result = run("audit", str(folder), "--rules", RULES)
    assert result.exit_code == ExitCode.OK, result.output
    assert f"{len(fingerprints)} contradiction(s) are acknowledged" in result.output
    assert "different editions (ed," in result.output


def test_an_expired_acknowledgement_fails_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = _seed_copy(tmp_path)
    first, *rest = _fingerprints(folder)
    run("acknowledge", first, "--reason", "old", "--by", "ed", "--expires", "2000-01-01")
    for fp in rest:
        run("acknowledge", fp, "--reason", "fine", "--by", "ed")
    result = run("audit", str(folder), "--rules", RULES, "-f", "json")
    assert result.exit_code == ExitCode.CONTRADICTIONS
    statuses = {c["fingerprint"]: c["status"] for c in json.loads(result.stdout)["contradictions"]}
    assert statuses[first] == "expired"
    assert {statuses[fp] for fp in rest} == {"acknowledged"}


def test_acknowledge_rejects_a_bad_fingerprint_or_date(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad = run("acknowledge", "xyz", "--reason", "r")
    assert bad.exit_code == ExitCode.ERROR and "not 16 hex digits" in bad.stderr
    late = run("acknowledge", "a" * 16, "--reason", "r", "--expires", "next week")
    assert late.exit_code == ExitCode.ERROR and "is not a date" in late.stderr
    assert not (tmp_path / "recheck-acknowledgements.yaml").exists()


def test_fail_on_high_ignores_medium_findings():
    medium_only = FIXTURES / "multi"
    low = run("audit", str(ROOT / "seeds"), "--rules", RULES, "-f", "json")
    severities = {c["severity"] for c in json.loads(low.stdout)["contradictions"]}
    assert "high" in severities and "medium" in severities
    high = run("audit", str(ROOT / "seeds"), "--rules", RULES, "-f", "json", "--fail-on", "high")
    summary = json.loads(high.stdout)["summary"]
    assert summary["failing"] == sum(
        c["severity"] == "high" for c in json.loads(low.stdout)["contradictions"]
    )
    assert high.exit_code == ExitCode.CONTRADICTIONS
    bad = run("audit", str(medium_only), "--rules", RULES, "--fail-on", "critical")
    assert bad.exit_code == ExitCode.ERROR and "unknown severity 'critical'" in bad.stderr


def test_fail_on_a_level_above_every_finding_passes(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "韩国2025年的稀土冶炼产能为8000吨。\n另据报道,韩国2025年的冶炼产能为2000吨。\n",
        encoding="utf-8",
    )
    medium = run("audit", str(folder), "--rules", RULES, "-f", "json")
    assert {c["severity"] for c in json.loads(medium.stdout)["contradictions"]} == {"medium"}
    assert medium.exit_code == ExitCode.CONTRADICTIONS
    assert run("audit", str(folder), "--rules", RULES, "--fail-on", "high").exit_code == 0


def test_settings_come_from_pyproject_and_flags_override_them(tmp_path, monkeypatch):
    folder = _seed_copy(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.recheck]\npaths = ["{folder.name}"]\nrules = "{Path(RULES).as_posix()}"\n'
        'format = "json"\nfail-on = "high"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = run("audit")
    data = json.loads(result.stdout)
    assert data["summary"]["fail_on"] == "high"
    assert data["summary"]["contradictions"] == len(_fingerprints(folder))
    text = run("audit", "--format", "text", "--fail-on", "low")
    assert "(--fail-on low)" in text.output


def test_no_paths_and_no_config_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("audit", "--rules", RULES)
    assert result.exit_code == ExitCode.ERROR
    assert "no paths given" in result.stderr


def test_the_ci_gate_fails_only_on_the_new_conflicting_article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = _seed_copy(tmp_path).relative_to(tmp_path)
    baseline = tmp_path / "recheck-baseline.json"
    run("baseline", str(folder), "--rules", RULES, "-o", str(baseline))
    assert run("audit", str(folder), "--rules", RULES, "-b", str(baseline)).exit_code == 0
    (folder / "zz-new.txt").write_text(
        "韩国2025年的稀土冶炼产能为8000吨。\n另据报道,韩国2025年的冶炼产能为2000吨。\n",
        encoding="utf-8",
    )
    result = run("audit", str(folder), "--rules", RULES, "-b", str(baseline))
    assert result.exit_code == ExitCode.CONTRADICTIONS
    assert "1 new contradiction(s)" in result.output
    assert "zz-new.txt" in result.output.split("known contradiction(s)")[0]
    data = json.loads(
        run("audit", str(folder), "--rules", RULES, "-b", str(baseline), "-f", "json").stdout
    )
    failing = [c for c in data["contradictions"] if c["status"] == "new"]
    assert [c["entity"] for c in failing] == ["south_korea"]
    assert {claim["path"].rsplit("/", 1)[-1] for claim in failing[0]["claims"]} == {"zz-new.txt"}


def test_progress_bar_only_on_a_terminal(monkeypatch):
    from recheck import cli

    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: False, raising=False)
    with cli._progress() as progress:
        assert progress is None


def test_no_color_is_respected(monkeypatch):
    from recheck import cli

    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._color()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._color()


def test_the_pre_commit_hook_runs_a_real_command():
    import shlex

    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    program, command = shlex.split(hook["entry"])
    assert program == "recheck" and hook["pass_filenames"] is False
    assert run(command, "--help").exit_code == 0


def test_reference_table_findings_cite_the_edition():
    result = run(
        "audit",
        str(ROOT / "seeds"),
        "--rules",
        RULES,
        "-f",
        "json",
        "--reference",
        str(ROOT / "reference" / "usgs_rare_earths.csv"),
    )
    assert result.exit_code == ExitCode.CONTRADICTIONS
    found = [c for c in json.loads(result.stdout)["contradictions"] if c["rule"] == "RC200"]
    assert found
    for c in found:
        (row,) = [claim for claim in c["claims"] if claim["origin"] == "reference"]
        assert row["article"]["title"].startswith("USGS Mineral Commodity Summaries")
    missing = run("audit", str(ROOT / "seeds"), "--rules", RULES, "--reference", "nope.csv")
    assert missing.exit_code == ExitCode.ERROR and "nope.csv" in missing.stderr
