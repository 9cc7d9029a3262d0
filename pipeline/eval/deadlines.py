"""Score the deadline extractor against corpora/gold/deadlines (test split by default).

A predicted deadline matches a gold one when their spans overlap (each is
used once, largest overlap first); it is *correct* when the value agrees:
the date, or the duration's value and unit, or the recurrence. Precision is
correct / predicted, recall correct / gold. Actor and action are scored
separately, as the share of matched pairs whose gold names one where the
prediction agrees (one contains the other, or they are ≥ 60 % similar):
they are best-effort and must not hide the date numbers.

Run: ``python -m pipeline.eval.deadlines [train|test|all]``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from pipeline.eval.gold import _tolerant, load_gold, load_split
from pipeline.model import Deadline, Document, Source

FIELD = "deadlines"
_PUNCT = re.compile(r"[\s，,。、…“”\"'（）()《》]")


def locate_gold(text: str, quote: str, occurrence: int) -> tuple[int, int] | None:
    """Offsets of the ``occurrence``-th (1-based) appearance of ``quote``, ignoring whitespace.

    GUIDE.md counts occurrences in the text with whitespace removed, so the
    same gold file fits the raw and the normalised text.
    """
    for i, m in enumerate(_tolerant(quote).finditer(text), start=1):
        if i == occurrence:
            return m.start(), m.end()
    return None


def _load(path: Path) -> Document:
    try:
        from pipeline.eval.gold import load_document

        return load_document(path)
    except ImportError:  # ingestion not importable: the raw text is close enough for dates
        return Document(source=Source(str(path), "txt", "-"), text=path.read_text(encoding="utf-8"))


def _analyse(doc: Document) -> Document:
    """The stages a deadline depends on: metadata (for the document date) when available, then deadlines."""
    from pipeline.extract.deadlines import extract_deadlines

    with contextlib.suppress(Exception):  # without metadata, the extractor falls back to dates in the text
        from pipeline.structure.metadata import extract_metadata

        doc = extract_metadata(doc)
    return extract_deadlines(doc)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def value_agrees(pred: Deadline, gold: dict[str, Any]) -> bool:
    if gold.get("recurrence"):
        return pred.recurrence == gold["recurrence"]
    if gold.get("duration"):
        g = gold["duration"]
        return pred.duration is not None and float(pred.duration.value) == float(g["value"]) and pred.duration.unit == g["unit"]
    if gold.get("date") is not None:
        return pred.date == _iso(gold["date"])
    return False


def text_agrees(pred: str | None, gold: str | None) -> bool:
    if pred is None or gold is None:
        return pred == gold
    p, g = _PUNCT.sub("", pred), _PUNCT.sub("", gold)
    if not p or not g:
        return p == g
    return p in g or g in p or SequenceMatcher(None, p, g).ratio() >= 0.6


def score_document(doc: Document, gold: dict[str, Any]) -> dict[str, Any]:
    golds = []
    missing = []
    for g in gold.get("deadlines") or []:
        span = locate_gold(doc.text, g["text"], int(g.get("occurrence", 1)))
        if span is None:
            missing.append(g["text"])
            continue
        golds.append((span, g))
    preds = list(doc.deadlines)
    pairs = []
    for gi, ((gs, ge), g) in enumerate(golds):
        for pi, p in enumerate(preds):
            overlap = min(ge, p.end) - max(gs, p.start)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((golds[gi][1], preds[pi]))
    correct = sum(1 for g, p in matched if value_agrees(p, g))
    actor = [(text_agrees(p.actor, g["actor"])) for g, p in matched if g.get("actor")]
    action = [(text_agrees(p.action, g["action"])) for g, p in matched if g.get("action")]
    errors = [f"wrong value: gold {g['text']!r} {g.get('date') or g.get('duration') or g.get('recurrence')} "
              f"predicted {p.date or (p.duration and p.duration.to_dict()) or p.recurrence}"
              for g, p in matched if not value_agrees(p, g)]
    errors += [f"missed: {golds[i][1]['text']!r}" for i in range(len(golds)) if i not in used_g]
    errors += [f"spurious: {p.text!r} ({p.kind} {p.date or (p.duration and p.duration.to_dict()) or p.recurrence})"
               for i, p in enumerate(preds) if i not in used_p]
    errors += [f"gold text not found: {t!r}" for t in missing]
    return {
        "gold": len(golds) + len(missing),
        "predicted": len(preds),
        "correct": correct,
        "actor": actor,
        "action": action,
        "errors": errors,
    }


def _prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else (1.0 if gold == 0 else 0.0)
    r = correct / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate_deadlines(
    split: str = "test", extractor: Callable[[Document], Document] | None = None
) -> dict[str, Any]:
    """P/R/F1 of deadline values and actor/action agreement on ``split``; docs absent on disk are listed."""
    analyse = extractor or _analyse
    totals = {"gold": 0, "predicted": 0, "correct": 0}
    actor: list[bool] = []
    action: list[bool] = []
    per_doc: dict[str, Any] = {}
    absent: list[str] = []
    for doc_id, path in load_split(split).items():
        gold = load_gold(FIELD, doc_id)
        if gold is None or not path.exists():
            absent.append(doc_id)
            continue
        doc = analyse(_load(path))
        s = score_document(doc, gold)
        for k in totals:
            totals[k] += s[k]
        actor += s["actor"]
        action += s["action"]
        p, r, f = _prf(s["correct"], s["predicted"], s["gold"])
        per_doc[doc_id] = {"precision": p, "recall": r, "f1": f, "gold": s["gold"],
                           "predicted": s["predicted"], "correct": s["correct"], "errors": s["errors"]}
    p, r, f = _prf(totals["correct"], totals["predicted"], totals["gold"])
    return {
        "split": split,
        "docs": len(per_doc),
        "absent": absent,
        **totals,
        "precision": p,
        "recall": r,
        "f1": f,
        "actor_agreement": sum(actor) / len(actor) if actor else None,
        "actor_pairs": len(actor),
        "action_agreement": sum(action) / len(action) if action else None,
        "action_pairs": len(action),
        "per_doc": per_doc,
    }


def main(argv: list[str] | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    splits = [a for a in args if not a.startswith("-")] or ["train", "test"]
    console = Console()
    for split in splits:
        res = evaluate_deadlines(split)
        table = Table(title=f"deadlines — {split} split ({res['docs']} docs)")
        for col in ("doc", "gold", "pred", "correct", "P", "R", "F1"):
            table.add_column(col, justify="left" if col == "doc" else "right")
        for doc_id, d in res["per_doc"].items():
            table.add_row(doc_id, str(d["gold"]), str(d["predicted"]), str(d["correct"]),
                          f"{d['precision']:.3f}", f"{d['recall']:.3f}", f"{d['f1']:.3f}")
        table.add_row("ALL", str(res["gold"]), str(res["predicted"]), str(res["correct"]),
                      f"{res['precision']:.3f}", f"{res['recall']:.3f}", f"{res['f1']:.3f}", style="bold")
        console.print(table)
        aa = res["actor_agreement"]
        ac = res["action_agreement"]
        console.print(f"actor agreement {aa if aa is None else f'{aa:.3f}'} over {res['actor_pairs']} pairs; "
                      f"action agreement {ac if ac is None else f'{ac:.3f}'} over {res['action_pairs']} pairs")
        if res["absent"]:
            console.print(f"[yellow]absent (skipped): {', '.join(res['absent'])}[/yellow]")
        if verbose:
            for doc_id, d in res["per_doc"].items():
                for e in d["errors"]:
                    console.print(f"  {doc_id}: {e}", markup=False)
    return 0


__all__ = ["evaluate_deadlines", "locate_gold", "score_document", "text_agrees", "value_agrees"]

if __name__ == "__main__":
    raise SystemExit(main())
