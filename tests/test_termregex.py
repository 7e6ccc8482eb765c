"""Term regexes: the trie matches what a plain longest-first alternation matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.termregex import NEVER, TermSearch, matches_at, terms_pattern, union

# Few characters, so that terms share prefixes and texts hold them; with CJK and regex
# metacharacters, which must be matched literally.
ALPHABET = "ab.+(中文?*\\|)[ "
terms_st = st.lists(st.text(ALPHABET, min_size=1, max_size=4), max_size=8)
text_st = st.text(ALPHABET, max_size=30)


def _alternation(terms: list[str]) -> str:
    ordered = sorted(set(terms), key=len, reverse=True)
    return "|".join(re.escape(t) for t in ordered) if ordered else NEVER


def _spans(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


@settings(deadline=None)
@given(terms_st, text_st)
@example(["ab", "abab", "a"], "abababa")
@example(["a.", "a+", "a"], "a.a+aa")
@example(["中", "中文", "中文a"], "中文中文a中")
@example(["(", "(("], "(((")
@example([], "anything")
def test_union_matches_what_the_alternation_matches(terms, text):
    assert _spans(union(terms), text) == _spans(_alternation(terms), text)


@settings(deadline=None)
@given(
    st.lists(st.text("ab ks.中", min_size=1, max_size=4), max_size=8),
    st.text("abAB kKsSſK.中", max_size=30),
)
def test_union_of_lower_case_terms_matches_in_any_case_as_the_alternation(terms, text):
    """The vocabulary matches its lower-cased ASCII terms with IGNORECASE."""
    assert _spans(union(terms), text, re.IGNORECASE) == _spans(
        _alternation(terms), text, re.IGNORECASE
    )


def test_union_has_no_groups_and_skips_empty_terms():
    assert re.compile(union(["ab", "a(c)", "b"])).groups == 0
    assert union(["", ""]) == NEVER
    assert _spans(union(["", "ab"]), "xab") == [(1, 3)]


def _found(terms: list[str], text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(terms_pattern(terms), text)]


def test_lower_case_ascii_terms_match_in_any_case_as_whole_words():
    terms = ["rare earth", "rare earths", "magnet"]
    assert _found(terms, "Rare Earth, RARE EARTHS and rare earths") == [
        "Rare Earth",
        "RARE EARTHS",
        "rare earths",
    ]
    assert _found(terms, "MAGNET magnets electromagnet magnet2 magnet.") == ["MAGNET", "magnet"]
    assert _found(terms, "rare earthly") == []


def test_mixed_case_ascii_terms_match_only_as_written():
    terms = ["US", "EU"]
    assert _found(terms, "US and EU") == ["US", "EU"]
    assert _found(terms, "us Us uS eu Eu") == []
    assert _found(terms, "USA, USD, EU27, thUS") == []
    assert _found(["US", "us dollar"], "US Dollar") == ["US Dollar"]


def test_an_ascii_word_may_touch_cjk_text():
    assert _found(["US"], "据US报道") == ["US"]
    assert _found(["magnet"], "永磁magnet出口") == ["magnet"]


def test_cjk_terms_match_inside_cjk_text():
    terms = ["稀土", "稀土矿", "中国"]
    assert _found(terms, "中国稀土矿开采量与稀土产量") == ["中国", "稀土矿", "稀土"]
    assert _found(["稀土"], "RareEarth稀土2025") == ["稀土"]


def test_cjk_terms_are_tried_before_ascii_ones():
    assert _found(["us", "US稀土"], "US稀土") == ["US稀土"]


def test_an_empty_list_never_matches():
    pattern = re.compile(terms_pattern([]))
    for text in ("", "x", "anything at all", "稀土", "(?!x)x"):
        assert pattern.search(text) is None
    assert re.compile(terms_pattern(["", ""])).search("x") is None


@settings(deadline=None, max_examples=300)
@given(
    st.lists(st.text("ab kKs.中文U", min_size=1, max_size=4), max_size=8),
    st.text("abAB kKsSſKİı.中文U1", max_size=30),
)
@example(["us", "US稀土"], "US稀土")
@example(["a", "文"], "xa文")
@example(["a文", "b"], "b a文")
@example(["ab"], "文abc ab")
@example(["k"], "\u212a 文")
def test_term_search_starts_where_the_terms_pattern_does(terms, text):
    """TermSearch looks for the non-ASCII terms and the ASCII words apart."""
    match = re.search(terms_pattern(terms), text)
    assert TermSearch(terms).start(text) == (match.start() if match else None)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [(r"a*", "baab"), (r"(?<=\.)\s*", "x. y.  z."), (r"ab|b", "abbab")],
)
def test_matches_at_every_start_is_finditer(pattern, text):
    compiled = re.compile(pattern)
    found = [m.span() for m in matches_at(compiled, text, range(len(text) + 1))]
    assert found == [m.span() for m in compiled.finditer(text)]
