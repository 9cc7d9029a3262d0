"""Shared access to the gold annotations: the split, the gold files, and finding gold text again.

Gold files quote the text they annotate (plus an ``occurrence`` index when the
quote is not unique) instead of storing offsets: offsets go stale whenever
ingestion changes (a page-break join, a dropped space), a quote does not.
:func:`locate` finds a quote exactly first, then ignoring whitespace and
full/half-width differences, so a gold file written against the raw text
stays valid after ingestion re-joins "1000 万\\n元".

Every area evaluator (clauses, amounts, deadlines, sections, meta) can use this.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import DataFileError

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
GOLD_DIR = CORPORA / "gold"
SPLIT_FILE = CORPORA / "split.yaml"
SPLITS = ("train", "test", "all")

_FULL_TO_HALF = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_HALF_TO_FULL = {v: k for k, v in _FULL_TO_HALF.items()}
_SPACE = re.compile(r"\s+")


def load_split(split: str = "all") -> dict[str, Path]:
    """doc_id -> absolute path for ``split`` ("train", "test" or "all") of corpora/split.yaml."""
    if split not in SPLITS:
        raise ValueError(f"The 'split' parameter must be one of {', '.join(SPLITS)}; got {split!r} instead.")
    try:
        data = yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(SPLIT_FILE, str(exc).splitlines()[0]) from None
    names = ("train", "test") if split == "all" else (split,)
    out: dict[str, Path] = {}
    for name in names:
        for doc_id, rel in (data.get(name) or {}).items():
            out[doc_id] = (ROOT / rel).resolve()
    return out


def gold_path(field: str, doc_id: str) -> Path:
    return GOLD_DIR / field / f"{doc_id}.yaml"


def load_gold(field: str, doc_id: str) -> dict[str, Any] | None:
    """The parsed gold file ``corpora/gold/<field>/<doc_id>.yaml``, or None if there is none."""
    path = gold_path(field, doc_id)
    if not path.exists():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(path, str(exc).splitlines()[0]) from None


@lru_cache(maxsize=1024)
def _tolerant(text: str) -> re.Pattern[str]:
    """A pattern for ``text`` that ignores whitespace and full/half-width forms."""
    parts = []
    for ch in _SPACE.sub("", text):
        alts = {ch, _FULL_TO_HALF.get(ch, ch), _HALF_TO_FULL.get(ch, ch)}
        parts.append("[" + "".join(re.escape(a) for a in sorted(alts)) + "]" if len(alts) > 1 else re.escape(ch))
    return re.compile(r"\s*".join(parts))


def locate(doc_text: str, text: str, occurrence: int = 0) -> tuple[int, int] | None:
    """(start, end) of the ``occurrence``-th (0-based) appearance of ``text`` in ``doc_text``.

    Exact match first; if the quote is not found that often, a match that
    ignores whitespace and full/half-width differences. None when not found.
    """
    if not text or occurrence < 0:
        return None
    pos = -1
    for _ in range(occurrence + 1):
        pos = doc_text.find(text, pos + 1)
        if pos < 0:
            break
    if pos >= 0:
        return pos, pos + len(text)
    if not _SPACE.sub("", text):
        return None
    for i, m in enumerate(_tolerant(text).finditer(doc_text)):
        if i == occurrence:
            return m.start(), m.end()
    return None


@lru_cache(maxsize=64)
def _load_cached(path: str, mtime: float) -> Any:
    from pipeline.ingest import load

    return load(path)


def load_document(path: str | Path) -> Any:
    """The ingested (normalised, not yet analysed) Document for ``path``; cached per file version.

    Returns a fresh copy each time so that evaluators may run stages on it.
    """
    from pipeline.model import Document

    p = Path(path)
    doc = _load_cached(str(p), p.stat().st_mtime)
    return Document.from_dict(doc.to_dict(include_blocks=True))


__all__ = ["GOLD_DIR", "gold_path", "load_document", "load_gold", "load_split", "locate"]
