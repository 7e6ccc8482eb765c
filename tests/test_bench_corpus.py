"""bench/corpus.py: the deterministic bilingual benchmark corpus and its manifest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from factories import load_script
from recheck.audit import audit

CORPUS = Path(__file__).parents[1] / "bench" / "corpus.py"
# Measured 2026-11-22 at seed 0: 0.2 MB -> 5 of 5 planted found, 0.3 MB -> 8 of 8,
# 2 MB -> 56 of 56. The floor leaves room for a miss or two as recheck changes.
RECALL_FLOOR = 0.66


corpus = load_script(CORPUS, "bench_corpus")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.txt")}


def test_the_same_size_and_seed_give_byte_identical_files(tmp_path: Path) -> None:
    first = corpus.generate(tmp_path / "a", 0.06, seed=7)
    second = corpus.generate(tmp_path / "b", 0.06, seed=7)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert first.planted == second.planted
    assert first.files == second.files
    other = corpus.generate(tmp_path / "c", 0.06, seed=8)
    assert _tree(tmp_path / "c") != _tree(tmp_path / "a")
    assert other.bytes_written > 0


def test_size_layout_and_languages(tmp_path: Path) -> None:
    for mb in (0.012, 0.15):
        out = tmp_path / str(mb)
        manifest = corpus.generate(out, mb)
        tree = _tree(out)
        total = sum(len(data) for data in tree.values())
        assert total == manifest.bytes_written
        assert abs(total - mb * 1_000_000) <= 0.03 * mb * 1_000_000
        assert sorted(tree) == sorted(manifest.files)
        english = sum(len(tree[name]) for name in manifest.english_files)
        assert english == manifest.english_bytes
        assert all(name.endswith("-en.txt") for name in manifest.english_files)
        assert all(name.count("/") == 1 and name.endswith(".txt") for name in tree)
    sizes = sorted(len(data) for data in tree.values())
    assert 2_500 <= sizes[len(sizes) // 2] <= 8_500
    assert 0.3 < manifest.english_bytes / manifest.bytes_written < 0.7


def test_each_planted_figure_is_on_its_line_and_stated_correctly_elsewhere(
    tmp_path: Path,
) -> None:
    manifest = corpus.generate(tmp_path / "c", 0.2)
    assert len(manifest.planted) >= 4
    for planted in manifest.planted:
        lines = (tmp_path / "c" / planted.file).read_text(encoding="utf-8").split("\n")
        assert planted.written in lines[planted.line - 1]
        assert planted.correct_files and planted.file not in planted.correct_files
        error = abs(planted.planted_value / planted.true_value - 1)
        assert 0.14 <= error <= 0.61


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(CORPUS), str(out), "--mb", "0.01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not an empty folder" in result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_the_manifest_is_written_only_where_asked(tmp_path: Path) -> None:
    out, manifest_path = tmp_path / "out", tmp_path / "manifest.json"
    result = subprocess.run(
        [sys.executable, str(CORPUS), str(out), "--mb", "0.02", "--manifest", str(manifest_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert record["files_written"] == len(record["files"])
    assert not list(out.rglob("*.json"))
    assert corpus.Manifest.from_record(record).bytes_written == record["bytes_written"]


def test_recheck_finds_most_planted_contradictions(tmp_path: Path, rulebook) -> None:
    out = tmp_path / "corpus"
    manifest = corpus.generate(out, 0.2)
    report = audit([str(out)], rulebook)
    score = corpus.score(manifest, report)
    assert score.planted >= 4
    assert score.recall >= RECALL_FLOOR, [(p.file, p.line, p.written) for p in score.missed]


def test_two_planted_figures_on_one_line_are_scored_apart() -> None:
    """The 100 MB corpus plants two figures on one line; the score told one of them
    apart from a false alarm by its line alone, so it counted one as missed or other."""
    world = corpus.Planted(
        "world",
        "mine_production",
        "2026-Q1",
        101000.0,
        50500.0,
        "t",
        "50,500 t",
        "101,000 tonnes",
        "0034/017356-en.txt",
        8,
        "en",
        (),
    )
    iluka = corpus.Planted("iluka", "revenue", "2026-Q1", 326e6, 435e6, "AUD",
                           "A$435 million", "326 million Australian dollars",
                           "0034/017356-en.txt", 8, "en", ())  # fmt: skip
    manifest = _manifest_with(world, iluka)

    def claim(value: float, path: str = "c/0034/017356-en.txt", line: int = 8) -> SimpleNamespace:
        return SimpleNamespace(origin="article", path=path, line=line, value=value)

    report = SimpleNamespace(
        contradictions=[
            SimpleNamespace(claims=[claim(50500.0), claim(101000.0, "c/0003/001517-en.txt", 5)]),
            SimpleNamespace(claims=[claim(69900.0, "c/0006/003135-en.txt", 13)]),
        ]
    )
    score = corpus.score(manifest, report)
    assert (score.found, score.other_findings) == (1, 1)
    assert score.missed == (iluka,)


def _manifest_with(*planted: object) -> object:
    """A manifest holding ``planted`` (and nothing else that score reads)."""
    return SimpleNamespace(planted=tuple(planted))
