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


@pytest.mark.parametrize("path", _files(BULK, BULK_SAMPLE) if BULK.exists() else [None], ids=_id)
def test_corpus_invariants_bulk_sample(path: Path | None) -> None:
    if path is None:
        need_shared(BULK)
    _check(path)


@pytest.mark.parametrize(
    "path", sorted((Path(__file__).resolve().parents[2] / "corpora" / "seeds").glob("*.txt"))
)
def test_corpus_invariants_seeds(path: Path) -> None:
    _check(path)


def test_corpus_invariants_hard_wrap_round_trip(real_dir: Path) -> None:
    """Re-wrap each real train/unsplit document at 28 CJK characters a line and re-join it.

    Share of original lines restored exactly, measured when the rules were written
    (2026-11-23: 0.9969 with paragraph indentation, 0.9524 without — a full line ending in 。
    is then ambiguous and is left as a paragraph end). The thresholds guard against regressions.
    The held-out test split is excluded (corpora/split.yaml).
    """
    import yaml

    from pipeline.ingest.builder import build_from_text
    from pipeline.model import Source
    from tests.conftest import CORPORA
    from tests.ingest.test_txt import _hard_wrap

    split = yaml.safe_load((CORPORA / "split.yaml").read_text(encoding="utf-8"))
    held_out = {Path(p).name for p in split["test"].values()}
    files = [f for f in sorted(real_dir.glob("*.txt")) if f.name not in held_out]
    for indent, floor in (("\u3000\u3000", 0.99), ("", 0.94)):
        total = restored = 0
        for f in files:
            lines = load(f).text.split("\n")
            got = set(
                build_from_text(
                    Source(str(f), "txt", "0"), _hard_wrap("\n".join(lines), 56, indent)
                ).text.split("\n")
            )
            total += len(lines)
            restored += sum(1 for ln in lines if ln in got)
        assert restored / total >= floor, (indent, restored, total)
