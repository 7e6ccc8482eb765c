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
