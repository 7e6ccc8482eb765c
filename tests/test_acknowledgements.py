"""The acknowledgements file: validated on read, sorted and atomic on write."""

from __future__ import annotations

import pytest

from recheck import acknowledgements as acks
from recheck.errors import RecheckError
from recheck.models import Acknowledgement

A = Acknowledgement("bbbbbbbbbbbbbbbb", "two editions", "li", "2026-03-01")
B = Acknowledgement("aaaaaaaaaaaaaaaa", "rounding", "sam", "2026-03-02", "2026-12-31")


def test_a_missing_file_has_no_entries(tmp_path):
    assert acks.read(tmp_path / "none.yaml") == ()


def test_add_writes_sorted_entries_and_replaces_by_fingerprint(tmp_path):
    path = tmp_path / "acks.yaml"
    acks.add(path, A)
    acks.add(path, B)
    assert acks.read(path) == (B, A)
    text = path.read_text(encoding="utf-8")
    assert text.index(B.fingerprint) < text.index(A.fingerprint)
    newer = Acknowledgement(A.fingerprint, "confirmed by USGS", "li", "2026-04-01")
    acks.add(path, newer)
    assert acks.read(path) == (B, newer)
    assert [p.name for p in tmp_path.iterdir()] == ["acks.yaml"]


def test_a_reason_in_chinese_survives_the_round_trip(tmp_path):
    path = tmp_path / "acks.yaml"
    entry = Acknowledgement("cccccccccccccccc", "口径不同:矿产量与冶炼量", "王", "2026-05-01")
    acks.add(path, entry)
    assert acks.read(path) == (entry,)
    assert "口径不同" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "acknowledgements:\n  - {fingerprint: abc, reason: r, by: b, date: 2026-01-01}\n",
            "not 16 hex digits",
        ),
        (
            "acknowledgements:\n  - {fingerprint: aaaaaaaaaaaaaaaa, by: b, date: 2026-01-01}\n",
            "missing 'reason'",
        ),
        (
            "acknowledgements:\n  - {fingerprint: aaaaaaaaaaaaaaaa, reason: r, by: b, "
            "date: 2026-01-01, expires: soon}\n",
            "is not a date",
        ),
        (
            "acknowledgements:\n  - {fingerprint: aaaaaaaaaaaaaaaa, reason: r, by: b, "
            "date: 2026-01-01, until: 2027-01-01}\n",
            "unknown key 'until'",
        ),
        ("acknowledgements: [\n", "invalid YAML"),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_bad_entries_name_the_file_and_the_problem(tmp_path, body, message):
    path = tmp_path / "acks.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RecheckError) as info:
        acks.read(path)
    assert str(path) in str(info.value) and message in str(info.value)
