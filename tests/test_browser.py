"""The HTML report in a real browser: headless Chromium renders it, and the DOM it built
has every finding and no trace of the hostile article's script.

Skipped when Chromium is not installed, unless RECHECK_REQUIRE_BROWSER=1 (as in
``.ci/run``), in which case a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from recheck.audit import audit
from recheck.reporters import render_audit

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = (
    "document.title='PWNED';document.body.insertAdjacentHTML('beforeend','<p id=pwned>pwned</p>')"
)
HOSTILE = (
    f"<script>{PAYLOAD}</script>Evil title\n"
    "<b id=pwned-outlet>Evil Times</b> · 2025-01-02 10:00\n"
    f"美国2024年的产量为9000吨 <script>{PAYLOAD}</script>"
    f'<img src=x onerror="{PAYLOAD}"><svg onload="{PAYLOAD}"></svg>。\n'
)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("RECHECK_REQUIRE_BROWSER") == "1":
        pytest.fail("RECHECK_REQUIRE_BROWSER=1 but Chromium is not installed")
    pytest.skip(
        "Chromium is not installed (apt-get install chromium); "
        "set RECHECK_REQUIRE_BROWSER=1 to make this a failure"
    )


def _browse(page: Path, profile: Path, *args: str) -> str:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
        page.resolve().as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _Dom(HTMLParser):
    """What the test needs from the dumped DOM: tags, ids, attributes, title, text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.sections: list[dict[str, str | None]] = []
        self.title = ""
        self.text: list[str] = []
        self._in_title = False
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "section" and found.get("data-fingerprint"):
            self.sections.append(found)
        self._in_title = tag == "title" and not self.title

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.text.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory, rulebook):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    made = audit([str(ROOT / "seeds"), str(folder)], rulebook)
    assert any("<script>" in claim.quote for c in made.contradictions for claim in c.claims)
    return made


def test_the_harness_sees_a_script_run(tmp_path):
    """The control: an unescaped script does run in this browser, and is detected."""
    page = tmp_path / "control.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><title>ok</title></head><body><script>{PAYLOAD}</script>"
        "</body></html>",
        encoding="utf-8",
    )
    dom = _Dom(_browse(page, tmp_path / "profile", "--dump-dom"))
    assert dom.title == "PWNED" and "pwned" in dom.ids


def test_the_rendered_report_has_every_finding_and_runs_no_script(report, tmp_path):
    page = tmp_path / "report.html"
    html = render_audit(report, "html")
    page.write_text(html, encoding="utf-8")
    dom = _Dom(_browse(page, tmp_path / "profile", "--dump-dom"))

    expected_title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert dom.title == expected_title and "PWNED" not in dom.title
    assert "pwned" not in dom.ids and "pwned-outlet" not in dom.ids
    assert "script" not in dom.tags and "img" not in dom.tags
    assert [s["data-fingerprint"] for s in dom.sections] == [
        c.fingerprint for c in report.contradictions
    ]
    assert [s["data-rank"] for s in dom.sections] == [str(c.rank) for c in report.contradictions]
    assert dom.tags.count("svg") == len(report.contradictions)
    text = "".join(dom.text)
    assert f"<script>{PAYLOAD}</script>" in text  # the article's markup, shown as text
    assert "<b id=pwned-outlet>Evil Times</b>" in text


def test_the_report_renders_to_a_screenshot(report, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_audit(report, "html"), encoding="utf-8")
    shot = tmp_path / "report.png"
    _browse(
        page,
        tmp_path / "profile",
        "--hide-scrollbars",
        "--window-size=1280,2000",
        f"--screenshot={shot}",
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
