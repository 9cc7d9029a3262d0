"""Turning the paths a user names into the files to process."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path


def expand_inputs(paths: Iterable[str], suffixes: set[str] | None = None) -> Iterator[str]:
    """Files named, and the files under folders named (sorted), with '-' kept for stdin.

    Hidden files (``.DS_Store``, editor swap files) are skipped inside folders
    but honoured when named directly.
    """
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts) and (
                    suffixes is None or child.suffix.lower() in suffixes
                ):
                    yield str(child)
        else:
            yield p


def file_sha256(path: str | Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()
