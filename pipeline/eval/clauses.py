"""Score clause segmentation and clause kinds against corpora/gold/clauses.

Each gold clause is a quote (see ``pipeline.eval.gold.locate``) with the kind a
reader gave it. The predicted clause is the one that contains the start of
the quote (else the first clause the quote overlaps); no clause there counts
as a miss (kind "(none)"). We report:

* coverage — the share of gold clauses that some predicted clause contains;
* clause-kind accuracy and macro-F1 over the gold labels, with per-kind
  precision/recall/F1 (a miss lowers recall of its gold kind).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipeline.eval.gold import load_document, load_gold, load_split, locate

NONE = "(none)"


@dataclass(slots=True)
class ClauseEval:
    split: str
    docs: int = 0
    gold: int = 0
    located: int = 0
    covered: int = 0
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (gold kind, predicted kind)
    errors: list[dict[str, str]] = field(default_factory=list)
    missing_docs: list[str] = field(default_factory=list)

    def per_kind(self) -> dict[str, dict[str, float]]:
        gold_counts = Counter(g for g, _ in self.pairs)
        pred_counts = Counter(p for _, p in self.pairs)
        hits = Counter(g for g, p in self.pairs if g == p)
        out: dict[str, dict[str, float]] = {}
        for kind in sorted(gold_counts):
            tp = hits[kind]
            precision = tp / pred_counts[kind] if pred_counts[kind] else 0.0
            recall = tp / gold_counts[kind]
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out[kind] = {
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
                "support": gold_counts[kind],
            }
        return out

    def summary(self) -> dict[str, Any]:
        per_kind = self.per_kind()
        n = len(self.pairs)
        return {
            "split": self.split,
            "documents": self.docs,
            "gold_clauses": self.gold,
            "located": self.located,
            "coverage": round(self.covered / self.located, 4) if self.located else 0.0,
            "kind_accuracy": round(sum(g == p for g, p in self.pairs) / n, 4) if n else 0.0,
            "kind_macro_f1": round(sum(v["f1"] for v in per_kind.values()) / len(per_kind), 4) if per_kind else 0.0,
            "per_kind": per_kind,
            "missing_docs": self.missing_docs,
        }


def evaluate_clauses(split: str = "test", *, keep_errors: bool = False) -> dict[str, Any]:
    """Clause coverage and kind scores over the gold documents of ``split``."""
    from pipeline.extract.clauses import extract_clauses

    result = ClauseEval(split=split)
    for doc_id, path in load_split(split).items():
        gold = load_gold("clauses", doc_id)
        if gold is None:
            continue
        if not path.exists():
            result.missing_docs.append(doc_id)
            continue
        doc = extract_clauses(load_document(path))
        result.docs += 1
        for item in gold.get("clauses", []):
            result.gold += 1
            span = locate(doc.text, item["text"], item.get("occurrence", 0))
            if span is None:
                result.errors.append({"doc": doc_id, "text": item["text"], "error": "gold text not found"})
                continue
            result.located += 1
            # the clause holding the quote's start; a quote that opens with a run-in
            # title ("1.申请对象。具有…") is credited to the first clause it overlaps
            clause = doc.clause_at(span[0]) or next(
                (c for c in doc.clauses if c.start < span[1] and span[0] < c.end), None
            )
            predicted = clause.kind if clause else NONE
            result.covered += clause is not None
            result.pairs.append((item["kind"], predicted))
            if keep_errors and predicted != item["kind"]:
                result.errors.append(
                    {"doc": doc_id, "text": item["text"], "gold": item["kind"], "predicted": predicted}
                )
    out = result.summary()
    if split in ("train", "all"):
        # train documents are the classifier's own training data: quote the honest number too
        from pipeline.extract.clause_kind import model_meta

        out["note"] = "train docs are in the classifier's training data"
        out["model_cv_macro_f1"] = (model_meta().get("cv_on_train") or {}).get("macro_f1")
    if keep_errors:
        out["errors"] = result.errors
    return out


__all__ = ["evaluate_clauses"]
