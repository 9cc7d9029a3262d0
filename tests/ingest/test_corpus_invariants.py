"""Every real document loads, block offsets hold, and no heading is glued onto body text."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pipeline.ingest import load
from pipeline.ingest.normalise import normalise_line
from pipeline.model import BlockKind
from tests.conftest import BULK, REAL, need_shared

pytestmark = pytest.mark.corpus

# Heading numbers of 公文 (GB/T 9704 levels and 条/章), written independently of normalise.yaml so
# that a wrong join rule cannot hide behind its own definition of a heading.
HEADING = re.compile(
    r"^(第[一二三四五六七八九十百零〇]+[章节条]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）"
    r"|[0-9]{1,2}[.．、](?![0-9])|（[0-9]{1,2}）)"
)
BULK_SAMPLE = 40


def _files(folder: Path, sample: int | None = None) -> list[Path]:
    files = sorted(need_shared(folder).rglob("*.txt"))
    if sample is not None and len(files) > sample:
        files = sorted(random.Random(20261123).sample(files, sample))
    return files


def _check(path: Path) -> None:
    doc = load(path)
    assert doc.text.strip(), path
    assert doc.source.sha256 and doc.source.size == path.stat().st_size
    body = []
    for b in doc.blocks:
        if b.start is None:
            assert b.end is None and b.content, (path, b)
            continue
        assert 0 <= b.start <= b.end <= len(doc.text), (path, b)
        assert doc.text[b.start : b.end] == b.text_in(doc.text)
        if b.kind != BlockKind.TABLE_CELL:
            body.append(doc.text[b.start : b.end])
            assert "\n" not in doc.text[b.start : b.end] or b.kind == BlockKind.TABLE, (path, b)
    assert "\n".join(body) == doc.text, path
    # every source line that starts with a heading number still starts a line after re-joining
    starts = "\n" + doc.text
    raw = path.read_text(encoding="utf-8-sig")
    for line in raw.splitlines():
        norm = normalise_line(line)
        if HEADING.match(norm):
            assert "\n" + norm[:12] in starts, f"{path.name}: heading glued after body text: {norm[:30]}"


def _id(path: Path | None) -> str:
    return path.name if path is not None else "shared-corpus-absent"


@pytest.mark.parametrize("path", sorted(REAL.rglob("*.txt")) if REAL.exists() else [None], ids=_id)
def test_corpus_invariants_real(path: Path | None) -> None:
    if path is None:
        need_shared(REAL)
    _check(path)


@pytest.mark.parametrize(
    "path", _files(BULK, BULK_SAMPLE) if BULK.exists() else [None], ids=_id
)
def test_corpus_invariants_bulk_sample(path: Path | None) -> None:
    if path is None:
        need_shared(BULK)
    _check(path)


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parents[2] / "corpora" / "seeds").glob("*.txt")))
def test_corpus_invariants_seeds(path: Path) -> None:
    _check(path)
