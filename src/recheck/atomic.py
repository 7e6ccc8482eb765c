"""recheck's own files (reports, baselines) are written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path | str, text: str | Iterable[str], *, durable: bool = True) -> None:
    """Write ``text`` (a string, or its pieces in order) to ``path`` through a temporary
    file in the same folder and a rename, so that an interrupted write leaves the old
    file intact, and a reader sees the old file or the new one, never part of one.
    ``durable`` also waits for the disk (for reports and baselines; a cache entry can be
    lost and made again)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
