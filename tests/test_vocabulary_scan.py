"""Vocabulary.scan takes a fast path (matching lower-cased text) unless the text holds a
letter that case-folds to an ASCII one (İ ı ſ K); either way it finds what matching the
text itself in any case finds. Vocabulary.modality finds the first cue, the cue listed
first winning a tie."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from recheck.termregex import terms_pattern
from recheck.vocabulary import MODALITIES, Mention, Vocabulary
from recheck.yamlio import load_yaml

ROOT = Path(__file__).resolve().parent.parent
SPECIAL = "\u0130\u0131\u017f\u212a"  # İ ı ſ K: match i, i, s, k in any case


@pytest.fixture(scope="module")
def vocab(rulebook) -> Vocabulary:
    return rulebook.vocabulary


def reference_scan(vocab: Vocabulary, text: str) -> list[Mention]:
    """The scan without the fast path: ASCII terms matched in the text itself, in any case."""
    found = [
        Mention(m.start(), m.end(), m.group(0), *vocab._lookup[m.group(0)])
        for m in vocab._cjk.finditer(text)
    ]
    for m in vocab._ascii.finditer(text):
        written = m.group(0)
        word, possessive = written, False
        for suffix in ("'s", "’s"):
            if written.endswith(suffix) and len(written) > 2:
                word, possessive = written[: -len(suffix)], True
                break
        key = word if word in vocab._lookup else word.lower()
        if key not in vocab._lookup and possessive:
            key = written.lower()  # a term registered with its 's (the world's)
        if key in vocab._lookup:
            found.append(Mention(m.start(), m.end(), written, *vocab._lookup[key], possessive))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _terms(rulebook) -> list[str]:
    return sorted(rulebook.vocabulary._lookup)


def _spelled(draw, term: str) -> str:
    """``term`` as a writer (or a bad OCR) might spell it."""
    how = draw(st.sampled_from(["as is", "lower", "upper", "title", "swap", "special"]))
    if how == "lower":
        return term.lower()
    if how == "upper":
        return term.upper()
    if how == "title":
        return term.title()
    if how == "swap":
        return term.swapcase()
    if how == "special":  # one letter replaced by a look-alike that folds to it
        look_alike = {"i": "\u0131", "I": "\u0130", "s": "\u017f", "k": "\u212a", "K": "\u212a"}
        spots = [i for i, char in enumerate(term) if char in look_alike]
        if spots:
            i = draw(st.sampled_from(spots))
            return term[:i] + look_alike[term[i]] + term[i + 1 :]
    return term


@st.composite
def texts(draw, terms: list[str]) -> str:
    pieces = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["term", "term", "glue", "noise"]))
        if kind == "term":
            pieces.append(_spelled(draw, draw(st.sampled_from(terms))))
        elif kind == "glue":
            pieces.append(draw(st.sampled_from(["", " ", ", ", "'s", "’s", "-", "1", "中", "."])))
        else:
            pieces.append(draw(st.text("aksiKSIz " + SPECIAL, max_size=3)))
    return "".join(pieces)


@pytest.fixture(scope="module")
def terms(rulebook) -> list[str]:
    return _terms(rulebook)


def test_scan_equals_the_slow_path(vocab, terms):
    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(texts(terms))
    @example("\u017fChina exports")  # ſ is a letter: China is not a whole word here
    @example("China\u017f and the US")
    @example("\u212aazakhstan and stoc\u212apiles")
    @example("\u0130ndia's exports")  # İ lower-cases to two characters
    @example("the \u0131ndia\u0131 US")
    @example("China's and China’s US us Us")
    def check(text):
        assert vocab.scan(text) == reference_scan(vocab, text)

    check()


@pytest.mark.parametrize("letter", list(SPECIAL))
def test_a_special_letter_touching_a_term_makes_it_no_whole_word(vocab, letter):
    text = f"{letter}China and China{letter} and China"
    assert [m.start for m in vocab.scan(text)] == [text.rindex("China")]
    assert vocab.scan(text) == reference_scan(vocab, text)


def test_the_fast_path_finds_terms_in_any_case(vocab):
    text = "China's EXPORTS, China’s exports and the US (not the us)"
    found = [(m.word, m.ref, m.possessive) for m in vocab.scan(text)]
    assert found == [(m.word, m.ref, m.possessive) for m in reference_scan(vocab, text)]
    assert ("China's", "china", True) in found and ("China’s", "china", True) in found
    assert ("US", "united_states", False) in found
    assert not any(m.word == "us" for m in vocab.scan(text))


# --- modality ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def cue_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each modality's cues, separately, in the order of the cues file."""
    data = load_yaml(ROOT / "rules" / "vocabulary" / "cues.yaml")["modality"]
    patterns = []
    for name, block in data.items():
        assert name in MODALITIES
        terms = [t for lang in ("zh", "en") for t in block.get(lang) or []]
        patterns.append((name, re.compile(terms_pattern(terms))))
    return patterns


def reference_modality(cue_patterns, text: str) -> tuple[str, str] | None:
    best = None
    for order, (name, pattern) in enumerate(cue_patterns):
        match = pattern.search(text)
        if match and (best is None or (match.start(), order) < best[0]):
            best = ((match.start(), order), (name, match.group(0)))
    return best[1] if best else None


def test_modality_is_the_first_cue_and_the_listed_first_wins_a_tie(vocab, cue_patterns):
    cues = _all_cue_terms()

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(
            st.one_of(
                st.sampled_from(cues),
                st.sampled_from(["", " ", "年", "x", "产量", "s", "IF", "Will", *SPECIAL]),
            ),
            max_size=6,
        ).map("".join)
    )
    @example("要是要在2030年")
    @example("计划预计")
    @example("even if it were to")
    def check(text):
        assert vocab.modality(text) == reference_modality(cue_patterns, text)

    check()


def _all_cue_terms() -> list[str]:
    data = load_yaml(ROOT / "rules" / "vocabulary" / "cues.yaml")["modality"]
    return [t for block in data.values() for lang in ("zh", "en") for t in block.get(lang) or []]


def test_modality_examples(vocab):
    assert vocab.modality("美国计划到2030年将产量提高到5万吨") == ("plan", "计划")
    assert vocab.modality("The company expected to produce 5,000 t") == (
        "forecast",
        "expected to",
    )
    assert vocab.modality("China produced 270,000 t in 2025") is None
