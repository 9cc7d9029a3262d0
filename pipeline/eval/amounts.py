"""Score the amount extractor against the hand-read gold in corpora/gold/amounts.

Gold spans are written as they read in the normalised text and found again by
(text, occurrence) rather than by offsets: offsets go stale whenever ingestion
changes (a page-break join, a dropped space), a quoted span does not. The
search tolerates whitespace between characters and full-width digits/％ so a
gold file stays valid whether or not ingestion has re-joined ``1000 万\\n元``.

A predicted amount matches a gold one when their spans overlap (one-to-one,
largest overlap first) and the numbers agree: value always, low/high for
ranges, percent for percents. Kind accuracy is measured over matched pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.model import Amount, Document

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "corpora" / "gold" / "amounts"
SPLIT_FILE = ROOT / "corpora" / "split.yaml"
REL_TOL = 1e-6

_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)} | {"％": "%"}
_HALF_TO_FULL = {v: k for k, v in _FULLWIDTH.items()}


@dataclass(slots=True)
class GoldAmount:
    text: str
    occurrence: int
    start: int
    end: int
    value: float | None
    currency: str
    kind: str
    low: float | None = None
    high: float | None = None
    percent: float | None = None
    base: str | None = None
    cap: float | None = None
    role: str | None = None
    tier_index: int | None = None


@dataclass(slots=True)
class DocScore:
    doc_id: str
    gold: int
    predicted: int
    value_matches: int
    overlaps: int
    kind_matches: int
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def split_docs(split: str) -> dict[str, Path]:
    """doc_id -> path for one split ("train", "test" or "all") of corpora/split.yaml."""
    data = yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))
    names = ["train", "test"] if split == "all" else [split]
    out: dict[str, Path] = {}
    for name in names:
        for doc_id, rel in (data.get(name) or {}).items():
            out[doc_id] = (ROOT / rel).resolve()
    return out


@lru_cache(maxsize=512)
def _tolerant(text: str) -> re.Pattern[str]:
    # each character may be full/half width; any whitespace may sit between characters
    parts = []
    for ch in text:
        if ch.isspace():
            continue
        alts = {ch, _FULLWIDTH.get(ch, ch), _HALF_TO_FULL.get(ch, ch)}
        parts.append("[" + "".join(re.escape(a) for a in sorted(alts)) + "]")
    return re.compile(r"\s*".join(parts))


def locate(text: str, needle: str, occurrence: int = 1) -> tuple[int, int] | None:
    """(start, end) of the ``occurrence``-th (1-based) match of ``needle`` in ``text``."""
    for i, m in enumerate(_tolerant(needle).finditer(text), start=1):
        if i == occurrence:
            return m.start(), m.end()
    return None


def load_gold(doc_id: str, text: str) -> list[GoldAmount]:
    """Read corpora/gold/amounts/<doc_id>.yaml and place each entry in ``text``."""
    path = GOLD_DIR / f"{doc_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: list[GoldAmount] = []
    for entry in data.get("amounts") or []:
        occ = int(entry.get("occurrence", 1))
        where = locate(text, entry["text"], occ)
        if where is None:
            raise ValueError(f"{path}: {entry['text']!r} occurrence {occ} not found in the text")
        out.append(
            GoldAmount(
                text=entry["text"],
                occurrence=occ,
                start=where[0],
                end=where[1],
                value=_num(entry.get("value")),
                currency=entry.get("currency", "CNY"),
                kind=entry["kind"],
                low=_num(entry.get("low")),
                high=_num(entry.get("high")),
                percent=_num(entry.get("percent")),
                base=entry.get("base"),
                cap=_num(entry.get("cap")),
                role=entry.get("role"),
                tier_index=entry.get("tier_index"),
            )
        )
    return out


def _num(x: Any) -> float | None:
    return None if x is None else float(x)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1.0)


def numbers_agree(gold: GoldAmount, pred: Amount) -> bool:
    """Value always; low/high for ranges (and percent bands); percent for percents."""
    if not _close(gold.value, pred.value):
        return False
    banded = gold.kind == "range" or (gold.kind == "percent" and gold.percent is None)
    if banded and not (_close(gold.low, pred.low) and _close(gold.high, pred.high)):
        return False
    return gold.percent is None or _close(gold.percent, pred.percent)


def pair_by_overlap(gold: list[GoldAmount], pred: list[Amount]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                # prefer pairs whose numbers agree, then the larger overlap
                cands.append((numbers_agree(g, p), ov, -abs(g.start - p.start), gi, pi))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def score_document(doc_id: str, doc: Document, gold: list[GoldAmount]) -> DocScore:
    pred = doc.amounts
    pairs = pair_by_overlap(gold, pred)
    matched = [(gi, pi) for gi, pi in pairs if numbers_agree(gold[gi], pred[pi])]
    score = DocScore(
        doc_id=doc_id,
        gold=len(gold),
        predicted=len(pred),
        value_matches=len(matched),
        overlaps=len(pairs),
        kind_matches=sum(gold[gi].kind == pred[pi].kind for gi, pi in matched),
    )
    hit_g = {gi for gi, _ in matched}
    hit_p = {pi for _, pi in matched}
    score.misses = [f"{g.text}@{g.start} {g.kind} {g.value}" for i, g in enumerate(gold) if i not in hit_g]
    score.spurious = [
        f"{p.text}@{p.start} {p.kind} {p.value} {p.percent}" for i, p in enumerate(pred) if i not in hit_p
    ]
    score.wrong = [
        f"{gold[gi].text}: gold {gold[gi].kind} pred {pred[pi].kind}"
        for gi, pi in matched
        if gold[gi].kind != pred[pi].kind
    ]
    return score


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def summarise(scores: Iterable[DocScore]) -> dict[str, Any]:
    scores = list(scores)
    tp = sum(s.value_matches for s in scores)
    n_pred = sum(s.predicted for s in scores)
    n_gold = sum(s.gold for s in scores)
    p, r, f = _prf(tp, n_pred, n_gold)
    kinds = sum(s.kind_matches for s in scores)
    return {
        "docs": len(scores),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": tp,
        "precision": p,
        "recall": r,
        "f1": f,
        "kind_accuracy": kinds / tp if tp else 0.0,
        "per_doc": {
            s.doc_id: {
                "gold": s.gold,
                "predicted": s.predicted,
                "matched": s.value_matches,
                "misses": s.misses,
                "spurious": s.spurious,
                "wrong_kind": s.wrong,
            }
            for s in scores
        },
    }


def load_document(path: Path) -> Document:
    """The normalised Document for ``path``: ingestion's load() when it is importable."""
    try:
        from pipeline.ingest import load  # type: ignore[attr-defined]
    except ImportError:
        load = None
    if load is not None:
        return load(path)
    from pipeline.ingest.normalise import normalise_text
    from pipeline.model import Source

    raw = path.read_text(encoding="utf-8")
    return Document(source=Source(str(path), "txt", "-"), text=normalise_text(raw))


def evaluate_amounts(split: str = "test", extractor: Any = None) -> dict[str, Any]:
    """Value P/R/F1 and kind accuracy of ``extractor`` (default: extract_amounts) on a split."""
    if extractor is None:
        from pipeline.extract.amounts import extract_amounts as extractor
    scores = []
    for doc_id, path in split_docs(split).items():
        if not path.exists():
            continue
        doc = load_document(path)
        gold = load_gold(doc_id, doc.text)
        doc.amounts = []
        doc = extractor(doc)
        scores.append(score_document(doc_id, doc, gold))
    out = summarise(scores)
    out["split"] = split
    return out


if __name__ == "__main__":  # python -m pipeline.eval.amounts [train|test|all] [-v]
    import json
    import sys

    which = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "test"
    result = evaluate_amounts(which)
    if "-v" not in sys.argv:
        result.pop("per_doc")
    print(json.dumps(result, ensure_ascii=False, indent=1))
