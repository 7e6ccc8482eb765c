"""Safe YAML: errors point at a real line; key lines are found without constructing."""

from __future__ import annotations

import pytest

from recheck.errors import RuleError
from recheck.yamlio import key_lines, load_yaml


def test_an_error_at_the_end_of_the_file_names_its_last_line(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("id: T1\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"r\.yaml:2: invalid YAML"):
        load_yaml(path)


def test_key_lines_map_dotted_keys_to_lines(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(
        "id: T1\nselect:\n  entity: china\nexamples:\n  - flags: true\n    claims: []\n",
        encoding="utf-8",
    )
    lines = key_lines(path)
    assert lines["id"] == 1 and lines["select.entity"] == 3
    assert lines["examples.0"] == 5 and lines["examples.0.claims"] == 6


def test_key_lines_never_construct_objects(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("a: !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    assert key_lines(path)["a"] == 1
    assert not (tmp_path / "pwned").exists()
