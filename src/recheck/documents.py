"""Find the documents under the user's paths, decode them, split them into articles
and sentences. This is the only module that reads input files.

A file may hold several articles. An article starts at a title line followed by a
byline line carrying its outlet and date (``Sou Hu Cai Jing· 2025-12-27 04:15``); a
dateline such as ``更新时间:2025-10-14`` anywhere in an article dates it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import InputError
from .models import Article, Sentence, Skipped

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    path: str  # as the user gave it, joined with the path inside a folder
    text: str
    encoding: str


_DATE = r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
# "Outlet· 2025-12-27 04:15" or "Outlet | 2025-12-27": a short name, a separator, a date.
_BYLINE = re.compile(
    r"^\s*(?P<outlet>[^\n·•|｜]{1,60}?)\s*[·•|｜]\s*"
    + _DATE
    + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
# "更新时间:2025-10-14", "发布时间：2025年10月14日", "Published: 2025-10-14".
_DATELINE = re.compile(
    r"^\s*(?:更新时间|发布时间|发布日期|时间|日期|Published|Updated|Date)\s*[:：]\s*" + _DATE,
    re.IGNORECASE,
)

# Sentence ends: CJK terminators, or an English full stop followed by a capital,
# (semicolons join clauses of one sentence and stay inside it)
# and " - " bullets in English summaries.
_SENTENCE_END = re.compile(
    r"(?<=[。！？!?])\s*"
    r"|(?<=[.…])\s+(?=[A-Z\"“(\[])"
    r"|\s+[-–—]\s+(?=[A-Z])"
)

# A full stop that ends an abbreviation (U.S., Mr., e.g.) does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|No|Inc|Corp|Co|Ltd|vs|Jr|Sr))\.?$"
)


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield every document path under ``paths`` in a stable order.

    Folders are walked recursively without following symlinks, so a link loop cannot
    trap the walk. A path that does not exist raises :class:`InputError`.
    """
    for given in paths:
        if not os.path.lexists(given):
            raise InputError(f"{given}: no such file or folder")
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(DOCUMENT_SUFFIXES) and not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield given


def read_document(path: str) -> Document | Skipped:
    """Read and decode one file, or say why it was skipped."""
    try:
        if os.path.islink(path) and not os.path.exists(path):
            return Skipped(path, "broken symbolic link")
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return Skipped(path, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        data = Path(path).read_bytes()
    except OSError as exc:
        return Skipped(path, f"cannot be read: {exc.strerror or exc}")
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
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls > max(16, len(sample) // 10)


def load(paths: Iterable[str]) -> tuple[list[Document], list[Skipped]]:
    """Read every document under ``paths``; unreadable ones are reported, not fatal."""
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path in iter_paths(paths):
        result = read_document(path)
        (skipped if isinstance(result, Skipped) else documents).append(result)
    return documents, skipped


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
        match = _BYLINE.match(line)
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
            )
        )
    return articles


def _guess_title(lines: list[str]) -> str:
    for line in lines:
        text = line.strip()
        if text:
            ends_sentence = text[-1] in "。.!?！？:：" or len(text) > 60
            return "" if ends_sentence else text
    return ""


def _find_dateline(lines: list[str]) -> date | None:
    for line in lines:
        match = _DATELINE.match(line)
        if match:
            return _parse_date(match)
    return None


def sentences(article: Article) -> Iterator[Sentence]:
    """The article's sentences, each with its 1-based line number in the file."""
    offset = 0
    for k, line in enumerate(article.text.split("\n")):
        pos = 0
        for match in _SENTENCE_END.finditer(line):
            if _ABBREVIATION.search(line, 0, match.start()):
                continue
            piece = line[pos : match.start()]
            if piece.strip():
                yield _sentence(piece, article.first_line + k, offset, pos)
            pos = match.end()
        if line[pos:].strip():
            yield _sentence(line[pos:], article.first_line + k, offset, pos)
        offset += len(line) + 1


def _sentence(piece: str, line: int, line_offset: int, column: int) -> Sentence:
    stripped = piece.lstrip()
    column += len(piece) - len(stripped)
    return Sentence(text=stripped.rstrip(), line=line, offset=line_offset + column, column=column)
