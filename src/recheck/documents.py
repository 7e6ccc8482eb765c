"""Find the documents under the user's paths, decode them, split them into articles
and sentences. This is the only module that reads input files.

A file may hold several articles. An article starts at a title line followed by a
byline line carrying its outlet and date (``Sou Hu Cai Jing· 2025-12-27 04:15``); a
dateline such as ``更新时间:2025-10-14`` anywhere in an article dates it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from pathlib import Path

from .errors import InputError
from .models import Article, Sentence, Skipped
from .periods import EN_MONTHS, month_number
from .termregex import matches_at

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MAX_FILE_BYTES = 200 * 1024 * 1024
# A "sentence" longer than this (a line without full stops, a wall of digits) is cut
# into pieces of at most this many characters, at a space or a CJK comma where there is
# one near the bound, so that no later stage ever sees an unbounded sentence. A number
# is never cut in two (its pieces would read as smaller figures): one longer than the
# bound is kept whole, and extraction, linear in it, finds it too large to be a figure.
MAX_SENTENCE_CHARS = 1000
_SOFT_BREAKS = " \t\u3000，；：、。）)"
_NUMBER_CHAR = re.compile(r"[\d.,，]")
_NUMBER_RUN = re.compile(r"[\d.,，]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters, not \t \n \v \f \r


@dataclass(frozen=True)
class Document:
    path: str  # as the user gave it, joined with the path inside a folder
    text: str
    encoding: str


_DATE = r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
# "Outlet· 2025-12-27 04:15" or "Outlet | 2025-12-27": a short name, a separator, a date.
# The name starts with a non-space: were the leading spaces also allowed into it, a
# long run of spaces would backtrack in cubic time.
_BYLINE = re.compile(
    r"^\s*(?P<outlet>[^\s·•|｜][^\n·•|｜]{0,59}?)\s*[·•|｜]\s*"
    + _DATE
    + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_BYLINE_SEPARATOR = re.compile("[·•|｜]")  # which a byline cannot lack
# "更新时间:2025-10-14", "发布时间：2025年10月14日", "Published: 2025-10-14".
_DATELINE = re.compile(
    r"^\s*(?:更新时间|发布时间|发布日期|时间|日期|Published|Updated|Date)\s*[:：]\s*" + _DATE,
    re.IGNORECASE,
)

# A date in an article's head (its dateline or byline), in any of the ways news writes
# one: 2025年8月14日, 2025-08-14, August 14, 2025, Aug. 14 2025, 14 August 2025.
_MONTH_NAMES = {name for m in EN_MONTHS for name in (m, m[:3])} | {"sept"}
_MONTH_NAME = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_HEAD_DATE = re.compile(
    r"(?<!\d)"
    + _DATE
    + rf"|\b(?P<mn>{_MONTH_NAME})\.?\s+(?P<md>\d{{1,2}})(?!\d),?\s+(?P<my>(?:19|20)\d\d)(?!\d)"
    + rf"|(?<!\d)(?P<dd>\d{{1,2}})\s+(?P<dm>{_MONTH_NAME})\.?,?\s+(?P<dy>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
# A head's date without its year (新华社北京11月20日电, "財新记者 | 8月20日", "Nov 12
# (Reuters)", "Bloomberg, August 18"): the article's year is then inferred from the run's
# other articles (see recheck.datelines). Not a date that a year follows.
_HEAD_DAY = re.compile(
    r"(?<![\d年/.-])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    + rf"|\b(?P<mn>{_MONTH_NAME})\.?\s+(?P<md>\d{{1,2}})(?![\d:])(?!(?:st|nd|rd|th)?,?\s*\d)"
    + rf"|(?<![\d.,])(?P<dd>\d{{1,2}})\s+(?P<dm>{_MONTH_NAME})\b\.?(?!,?\s*\d)",
    re.IGNORECASE,
)
# Where the head's date may stand: the first lines under the title, near their start
# (新华社北京2025年8月14日电（记者…）…, "SYDNEY, Aug 14, 2025 (Reuters) -", a byline).
_HEAD_LINES = 3
_HEAD_CHARS = 80

# Sentence ends: CJK terminators, or an English full stop followed by a capital,
# (semicolons join clauses of one sentence and stay inside it)
# and " - " bullets in English summaries.
_SENTENCE_END = re.compile(
    r"(?<=[。！？!?])\s*"
    r"|(?<=[.…])\s+(?=[A-Z\"“(\[])"
    r"|(?<!\s)\s+[-–—]\s+(?=[A-Z])"  # (?<!\s): tried once per run of spaces, not at each
)

# Every match of _SENTENCE_END starts right after one of these, or at the spaces before
# one of these dashes: _sentence_ends looks for them first.
_TERMINATORS = "。！？!?.…"
_DASHES = "-–—"
_SENTENCE_END_CUE = re.compile(f"[{re.escape(_TERMINATORS + _DASHES)}]")

# A full stop that ends an abbreviation (U.S., Mr., e.g.) does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|No|Inc|Corp|Co|Ltd|vs|Jr|Sr))\.?$"
)
# The characters an abbreviation can end with (and a newline, before which $ matches).
_ABBREVIATION_ENDS = frozenset(".\n" + string.ascii_letters)


def iter_paths(paths: Iterable[str], skipped: list[Skipped] | None = None) -> Iterator[str]:
    """Yield every document path under ``paths`` in a stable order.

    Folders are walked recursively without following symlinks, so a link loop cannot
    trap the walk; a link to a folder and a folder that cannot be listed are appended to
    ``skipped`` with the reason. A path that does not exist raises :class:`InputError`.
    """
    for given in paths:
        if not os.path.lexists(given):
            raise InputError(f"{given}: no such file or folder")
        if os.path.isdir(given):

            def unlisted(exc: OSError, given: str = given) -> None:
                if skipped is not None:
                    reason = f"folder cannot be read: {exc.strerror or exc}"
                    skipped.append(Skipped(str(exc.filename or given), reason))

            for root, dirs, files in os.walk(given, onerror=unlisted, followlinks=False):
                visible = sorted(d for d in dirs if not d.startswith("."))
                links = [d for d in visible if os.path.islink(os.path.join(root, d))]
                if skipped is not None:
                    for name in links:
                        reason = "symbolic link to a folder: not followed"
                        skipped.append(Skipped(os.path.join(root, name), reason))
                dirs[:] = [d for d in visible if d not in links]
                for name in sorted(files):
                    if name.lower().endswith(DOCUMENT_SUFFIXES) and not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield given


def find(paths: Iterable[str]) -> tuple[list[str], list[Skipped]]:
    """Every document path under ``paths`` (see :func:`iter_paths`), and the folders and
    links that were not walked, with printable paths."""
    skipped: list[Skipped] = []
    files = list(iter_paths(paths, skipped))
    return files, [replace(s, path=printable_path(s.path)) for s in skipped]


def read_document(path: str) -> Document | Skipped:
    """Read and decode one file, or say why it was skipped."""
    data = read_bytes(path)
    return data if isinstance(data, Skipped) else decode_document(path, data)


def read_bytes(path: str) -> bytes | Skipped:
    """The bytes of one file, or why it was skipped.

    Only regular files are opened (a FIFO or a device named ``x.txt`` would block or
    never end), and none larger than ``MAX_FILE_BYTES``.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        if os.path.islink(path):
            loop = exc.errno == errno.ELOOP
            return Skipped(path, "symbolic link loop" if loop else "broken symbolic link")
        return Skipped(path, f"cannot be read: {exc.strerror or exc}")
    if stat.S_ISDIR(info.st_mode):
        return Skipped(path, "a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        return Skipped(path, "not a regular file")
    too_large = Skipped(path, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if info.st_size > MAX_FILE_BYTES:
        return too_large
    try:
        with open(path, "rb") as handle:
            data = handle.read()  # not read(MAX + 1): that allocates MAX bytes up front
    except OSError as exc:
        return Skipped(path, f"cannot be read: {exc.strerror or exc}")
    if len(data) > MAX_FILE_BYTES:  # it grew after the stat
        return too_large
    return data


def decode_document(path: str, data: bytes) -> Document | Skipped:
    """The document in ``data`` (the bytes of the file at ``path``), or why not."""
    if not data.strip():
        return Skipped(path, "empty file")
    decoded = decode(data)
    if decoded is None:
        return Skipped(path, "not text in a known encoding")
    text, encoding = decoded
    return Document(
        path=path, text=text.replace("\r\n", "\n").replace("\r", "\n"), encoding=encoding
    )


def decode(data: bytes) -> tuple[str, str] | None:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with a BOM, or whatever
    charset-normalizer recognises (GB18030, Big5 ...). ``None`` for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _try(data[3:], "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _try(data, "utf-16")
    if b"\x00" in data[:4096]:
        return None
    utf8 = _try(data, "utf-8")
    if utf8 is not None:
        return utf8
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(
        data, cp_isolation=["gb18030", "big5", "utf_16", "shift_jis", "euc_kr", "cp1252", "latin_1"]
    ).best()
    if best is None or best.encoding is None:
        return None
    encoding = "gb18030" if best.encoding in {"gbk", "gb2312"} else best.encoding
    return _try(data, encoding)


def _try(data: bytes, encoding: str) -> tuple[str, str] | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if _looks_binary(text):
        return None
    return text, encoding


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > max(16, len(sample) // 10)


def load(paths: Iterable[str]) -> tuple[list[Document], list[Skipped]]:
    """Read every document under ``paths``; unreadable ones are reported, not fatal."""
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path in iter_paths(paths, skipped):
        result = read_document(path)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            documents.append(result)
    documents = [replace(d, path=printable_path(d.path)) for d in documents]
    return documents, [replace(s, path=printable_path(s.path)) for s in skipped]


def printable_path(path: str) -> str:
    """``path`` as it can be written in a report: a file name that is not UTF-8 (its
    bytes kept by Python as lone surrogates, which no encoder accepts) shows its
    undecodable bytes as ``\\xff``."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def _parse_date(match: re.Match[str]) -> date | None:
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def split_articles(document: Document) -> list[Article]:
    """Split a document into articles at title + byline pairs."""
    lines = document.text.split("\n")
    starts: list[tuple[int, str, str, date | None]] = []  # (title line index, title, outlet, date)
    for i, line in enumerate(lines):
        match = _byline(line)
        if match and i > 0 and lines[i - 1].strip():
            starts.append(
                (i - 1, lines[i - 1].strip(), match["outlet"].strip(), _parse_date(match))
            )
    if not starts:
        title = _guess_title(lines)
        starts = [(0, title, "", None)]
    else:
        # Anything before the first title (site chrome) belongs to the first article.
        first = starts[0]
        starts[0] = (0, first[1], first[2], first[3])
    articles = []
    for n, (begin, title, outlet, day) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = lines[begin:end]
        if day is None:
            day = _find_dateline(body)
        articles.append(
            Article(
                path=document.path,
                index=n,
                title=title or Path(document.path).stem,
                outlet=outlet,
                date=day,
                first_line=begin + 1,
                text="\n".join(body),
                month_day=None if day is not None else _find_month_day(body),
            )
        )
    return articles


def _byline(line: str) -> re.Match[str] | None:
    """The byline ``line`` is, if it is one (short, with a separator: else no need to try)."""
    if len(line.strip()) > 200 or not _BYLINE_SEPARATOR.search(line):
        return None
    return _BYLINE.match(line)


def _guess_title(lines: list[str]) -> str:
    for line in lines:
        text = line.strip()
        if text:
            ends_sentence = text[-1] in "。.!?！？:：" or len(text) > 60
            return "" if ends_sentence else text
    return ""


def _find_dateline(lines: list[str]) -> date | None:
    """The date a ``时间:`` line anywhere gives, else the first date near the start of
    one of the first lines under the title (a dispatch's dateline, a byline)."""
    for line in lines:
        match = _DATELINE.match(line)
        if match:
            return _parse_date(match)
    match = _search_head(_HEAD_DATE, lines)
    return _head_date(match) if match else None


def _find_month_day(lines: list[str]) -> tuple[int, int] | None:
    """The month and day of a head's date that gives no year, where
    :func:`_find_dateline` looks for a date."""
    match = _search_head(_HEAD_DAY, lines)
    if match is None:
        return None
    month, day = _month_day(match)
    try:
        date(2000, month, day)  # (a leap year: 2月29日 is a day)
    except ValueError:
        return None
    return month, day


def _search_head(pattern: re.Pattern[str], lines: list[str]) -> re.Match[str] | None:
    """The first match of ``pattern`` near the start of one of the first lines under
    the title."""
    head = islice((line for line in islice(lines, 1, None) if line.strip()), _HEAD_LINES)
    for line in head:
        match = pattern.search(line, 0, _HEAD_CHARS)
        if match:
            return match
    return None


def _head_date(match: re.Match[str]) -> date | None:
    """The date a _HEAD_DATE match names (None for one that is no date: 31 June)."""
    try:
        return date(int(match["y"] or match["my"] or match["dy"]), *_month_day(match))
    except ValueError:
        return None


def _month_day(match: re.Match[str]) -> tuple[int, int]:
    """The month and day of a _HEAD_DATE or _HEAD_DAY match: 2025年8月14日 or 8月14日,
    August 14(, 2025), 14 August( 2025)."""
    if match["m"]:
        return int(match["m"]), int(match["d"])
    if match["mn"]:
        return month_number(match["mn"]), int(match["md"])
    return month_number(match["dm"]), int(match["dd"])


def sentences(article: Article) -> Iterator[Sentence]:
    """The article's sentences, each with its 1-based line number in the file."""
    offset = 0
    for k, line in enumerate(article.text.split("\n")):
        pos = 0
        for match in _sentence_ends(line):
            if _after_abbreviation(line, match.start()):
                continue
            yield from _bounded(line, pos, match.start(), article.first_line + k, offset)
            pos = match.end()
        yield from _bounded(line, pos, len(line), article.first_line + k, offset)
        offset += len(line) + 1


def _sentence_ends(line: str) -> Iterator[re.Match[str]]:
    """What ``_SENTENCE_END.finditer(line)`` yields, found several times faster.

    The pattern starts with look-behinds, so the regex engine tries it at every position
    of the line. But each match starts right after a terminator (。, ., …) or at the
    first of the spaces before a dash, so it is tried there only (the pattern matches
    empty only before a character that is not a space, where no longer match starts)."""
    return matches_at(_SENTENCE_END, line, _sentence_end_starts(line))


def _sentence_end_starts(line: str) -> Iterator[int]:
    for cue in _SENTENCE_END_CUE.finditer(line):
        at = cue.start()
        if line[at] in _TERMINATORS:
            yield at + 1
            continue
        start = at  # a dash: the pattern's third branch starts at the spaces before it
        while start and line[start - 1].isspace():  # str.isspace is the regex's \s
            start -= 1
        if start < at:
            yield start


def _after_abbreviation(line: str, end: int) -> bool:
    """Whether ``line[:end]`` ends with an abbreviation (U.S., Mr.)."""
    if not end or line[end - 1] not in _ABBREVIATION_ENDS:
        return False  # (most sentence ends: 。, a digit, a closing quote)
    # Look back a few characters only: searching from 0 made long lines quadratic.
    return bool(_ABBREVIATION.search(line, max(0, end - 64), end))


def _bounded(line: str, start: int, end: int, number: int, line_offset: int) -> Iterator[Sentence]:
    """The sentence ``line[start:end]``, in pieces of at most ``MAX_SENTENCE_CHARS``."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = start + MAX_SENTENCE_CHARS
        soft = max(line.rfind(ch, cut - 200, cut) for ch in _SOFT_BREAKS)
        if soft > start:
            cut = soft + 1
        elif _NUMBER_CHAR.match(line, cut - 1) and _NUMBER_CHAR.match(line, cut):
            # Never cut a number in two (its pieces would read as figures): cut before
            # it, or, when it alone is too long, after it; so its value stays absurd.
            back = cut
            while back > start and _NUMBER_CHAR.match(line, back - 1):
                back -= 1
            run = _NUMBER_RUN.match(line, cut)
            cut = back if back > start or run is None else min(end, run.end())
        if line[start:cut].strip():
            yield _sentence(line[start:cut], number, line_offset, start)
        start = cut
    piece = line[start:end]
    if piece.strip():
        yield _sentence(piece, number, line_offset, start)


def _sentence(piece: str, line: int, line_offset: int, column: int) -> Sentence:
    stripped = piece.lstrip()
    column += len(piece) - len(stripped)
    return Sentence(text=stripped.rstrip(), line=line, offset=line_offset + column, column=column)
