"""Regexes that match any of many literal terms, fast.

A plain alternation of hundreds of terms (``rare earth|rare earths|refined output|…``)
makes Python's regex engine try every term at every position of the text. The same
terms factored into a trie (``r(?:are earths?|efined output)``) try one branch per
character instead: the vocabulary scan of a sentence is about thirty times faster.

The trie keeps the alternation's meaning: at any position the longest term that matches
wins, as it does in an alternation sorted longest first.

Also here, for patterns the engine would try at every position of a text: where a
character set can say which positions matter, :func:`matches_at` tries them there only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

NEVER = r"(?!x)x"
# An ASCII term is a whole word: no letter or digit just before or after it.
WORD_BEFORE = r"(?<![A-Za-z0-9])"
WORD_AFTER = r"(?![A-Za-z0-9])"

_END = ""  # the trie key that marks the end of a term


def union(terms: Iterable[str]) -> str:
    """A regex (without groups) that matches any of ``terms`` as written, longest first."""
    root: dict[str, dict] = {}
    for term in terms:
        if not term:
            continue
        node = root
        for char in term:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _pattern(root) if root else NEVER


def _pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    # A term ends here, and longer ones go on: try the longer ones first (greedy).
    return f"(?:{body})?" if len(branches) == 1 else body + "?"


def terms_pattern(terms: Iterable[str]) -> str:
    """A regex for vocabulary terms: a term with a non-ASCII character matches as
    written; an ASCII term matches as a whole word, in any case when it is written in
    lower case (``rare earth``), else as written (``US``). Within each of those three
    groups the longest matching term wins; a non-ASCII term is tried first."""
    return "|".join(part for part in _term_parts(set(terms)) if part) or NEVER


def _term_parts(unique: set[str]) -> tuple[str, str]:
    """terms_pattern's two alternatives: the non-ASCII terms, the ASCII words ("" for
    none)."""
    cjk = [t for t in unique if not t.isascii()]
    lower = [t for t in unique if t.isascii() and t == t.lower()]
    exact = [t for t in unique if t.isascii() and t != t.lower()]
    words = [f"(?i:{union(lower)})" if lower else "", union(exact) if exact else ""]
    words = [w for w in words if w]
    return (
        union(cjk) if cjk else "",
        f"{WORD_BEFORE}(?:{'|'.join(words)}){WORD_AFTER}" if words else "",
    )


# The non-ASCII letters that IGNORECASE matches to ASCII ones (İ ı ſ K: i i s k).
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


class TermSearch:
    """Where ``re.compile(terms_pattern(terms)).search(text)`` starts, found faster.

    That pattern is ``non-ASCII terms|ASCII words``: where it starts is where the
    earlier of the two starts. The words start with a look-behind (no letter before), so
    the regex engine tries them at every position of the text, while it looks for the
    first characters of the non-ASCII terms; so the words are searched only when a
    character one of them can start with comes before the first non-ASCII term (which
    most Chinese text lacks)."""

    def __init__(self, terms: Iterable[str]) -> None:
        unique = set(terms)
        cjk, words = _term_parts(unique)
        self._cjk = re.compile(cjk or NEVER)
        self._words = re.compile(words or NEVER)
        firsts = {t[0] for t in unique if t and t.isascii()}
        firsts |= {c.upper() for c in firsts} | set(FOLDS_TO_ASCII)  # any case
        self._word_starts = re.compile(f"[{re.escape(''.join(sorted(firsts)))}]")

    def start(self, text: str) -> int | None:
        """Where the first term in ``text`` starts (None: nowhere)."""
        cjk = self._cjk.search(text)
        end = cjk.start() if cjk else len(text)
        if self._word_starts.search(text, 0, end):
            word = self._words.search(text)
            if word and word.start() < end:
                return word.start()
        return cjk.start() if cjk else None


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, when every match starts at one of
    ``starts`` (in increasing order): the pattern is tried there only, from where the
    last match ended, as finditer goes on (one character on after an empty match)."""
    pos = 0
    for start in starts:
        if start < pos:
            continue
        match = pattern.match(text, start)
        if match:
            yield match
            pos = match.end() if match.end() > start else start + 1
