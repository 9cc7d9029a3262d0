"""Inter-annotator agreement between two golds, and the extractor scored against each.

The amount and deadline golds in ``corpora/gold`` were written by the same people
who built the extractors, so an F1 against them is partly self-referential. A
second, independently written gold (``corpora/gold_second``, test split only)
says how much of that F1 is the task and how much is one annotator's reading:
if the two golds agree at 0.8, an extractor "F1 0.95" against the first means
little more than 0.8.

Both golds quote their spans (text + 1-based occurrence); they are placed in
the normalised text with :func:`pipeline.eval.gold.locate` and paired one to
one by largest overlap, the same way the area scorers pair predictions.

Clause kinds are compared differently: both clause golds quote the same clauses
(the second annotator was handed the first's quotes without their kinds), so
the question is only whether the label agrees. :func:`clause_agreement` pairs
the quotes by position, treats the first gold as the reference and reports
per-kind F1, macro-F1 (the figure issue 4 sets for the classifier), raw
agreement, Cohen's kappa and the most frequent confusions.

Run: ``python -m pipeline.eval.agreement [-v] [--no-extractor] [--clauses-only]`` (``-v`` lists every
disagreement; ``--no-extractor`` skips running the pipeline and prints the gold agreement only;
``--clauses-only`` prints the clause-kind agreement alone).
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import DataFileError
from pipeline.eval.gold import ROOT, load_document, load_split, locate

FIELDS = ("amounts", "deadlines")
REL_TOL = 1e-6
_AMOUNT_NUMBERS = ("value", "low", "high", "percent")


# ---------------------------------------------------------------- loading


def _root(path: str | Path) -> Path:
    p = Path(path)
    return p if p.is_absolute() else ROOT / p


def load_entries(field: str, doc_id: str, root: str | Path) -> list[dict[str, Any]] | None:
    """The entries of ``<root>/<field>/<doc_id>.yaml``; None when that file does not exist."""
    path = _root(root) / field / f"{doc_id}.yaml"
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DataFileError(path, str(exc).splitlines()[0]) from None
    return list(data.get(field) or [])


def load_doc_date(doc_id: str, root: str | Path) -> str | None:
    """The ``doc_date`` of a deadline gold file, as written (a year alone stays a year)."""
    path = _root(root) / "deadlines" / f"{doc_id}.yaml"
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return _iso(data.get("doc_date"))


def place(text: str, entries: list[dict[str, Any]]) -> tuple[list[tuple[int, int, dict[str, Any]]], list[str]]:
    """(start, end, entry) for each entry found in ``text``, and the quotes that were not found."""
    placed, lost = [], []
    for e in entries:
        where = locate(text, str(e.get("text") or ""), int(e.get("occurrence", 1)) - 1)
        if where is None:
            lost.append(f"{e.get('text')!r}#{e.get('occurrence', 1)}")
        else:
            placed.append((where[0], where[1], e))
    return placed, lost


# ---------------------------------------------------------------- matching


def pair_by_overlap(a: list[tuple[int, int, Any]], b: list[tuple[int, int, Any]]) -> list[tuple[int, int]]:
    """One-to-one (index in a, index in b) pairs of overlapping spans, largest overlap first."""
    cands = []
    for i, (s1, e1, _) in enumerate(a):
        for j, (s2, e2, _) in enumerate(b):
            ov = min(e1, e2) - max(s1, s2)
            if ov > 0:
                cands.append((ov, -abs(s1 - s2), -i, -j))
    cands.sort(reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, _, ni, nj in cands:
        i, j = -ni, -nj
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _num(x: Any) -> float | None:
    return None if x is None else float(x)


def _close(a: Any, b: Any) -> bool:
    a, b = _num(a), _num(b)
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1.0)


def _iso(x: Any) -> str | None:
    if x is None:
        return None
    return x.isoformat() if isinstance(x, dt.date) else str(x)


def _duration(x: Any) -> tuple[float, str] | None:
    if not x:
        return None
    return float(x["value"]), str(x["unit"])


def values_agree(field: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Amounts: value, low, high and percent all equal. Deadlines: date, duration and recurrence equal.

    Stricter than the extractor scorers, which only check the numbers the
    first gold's kind calls for: between two golds every number written is a claim.
    """
    if field == "amounts":
        return all(_close(a.get(k), b.get(k)) for k in _AMOUNT_NUMBERS)
    return (
        _iso(a.get("date")) == _iso(b.get("date"))
        and _duration(a.get("duration")) == _duration(b.get("duration"))
        and (a.get("recurrence") or None) == (b.get("recurrence") or None)
    )


def _same_text(a: Any, b: Any) -> bool:
    from pipeline.eval.deadlines import text_agrees

    return text_agrees(None if a is None else str(a), None if b is None else str(b))


def attributes_differ(field: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> list[str]:
    """Names of the secondary attributes two matched entries disagree on.

    Amounts: currency, cap and per exactly, base leniently (one contains the
    other or ≥ 60 % similar, as the deadline scorer reads actor/action).
    Deadlines: actor and action, leniently, only where both annotators wrote one
    (the guide makes them optional). Not part of value agreement: the extractor
    scorers do not grade them either.
    """
    out = []
    if field == "amounts":
        if (a.get("currency") or "CNY") != (b.get("currency") or "CNY"):
            out.append("currency")
        if not _close(a.get("cap"), b.get("cap")):
            out.append("cap")
        if (a.get("per") or None) != (b.get("per") or None):
            out.append("per")
        if (a.get("base") is None) != (b.get("base") is None) or not _same_text(a.get("base"), b.get("base")):
            out.append("base")
        return out
    for key in ("actor", "action"):
        if a.get(key) and b.get(key) and not _same_text(a[key], b[key]):
            out.append(key)
    return out


def kappa(first: list[str], second: list[str]) -> float | None:
    """Cohen's kappa of two label lists (None when empty; 1.0 when both use one identical label)."""
    if not first:
        return None
    if len(set(first) | set(second)) == 1:
        return 1.0  # sklearn gives nan: no variation, but perfect agreement
    from sklearn.metrics import cohen_kappa_score

    k = float(cohen_kappa_score(first, second))
    return None if math.isnan(k) else k


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _show(field: str, e: Mapping[str, Any] | None) -> str:
    if e is None:
        return "—"
    if field == "amounts":
        nums = " ".join(f"{k}={e[k]:g}" for k in (*_AMOUNT_NUMBERS, "cap") if e.get(k) is not None)
        extra = " ".join(f"{k}={e[k]}" for k in ("per", "base") if e.get(k))
        return f"{e.get('kind')} {nums} {extra}".strip()
    who = " ".join(f"{k}={e[k]}" for k in ("actor", "action") if e.get(k))
    val = _iso(e.get("date")) or (_duration(e.get("duration")) and "{:g} {}".format(*_duration(e.get("duration")))) \
        or e.get("recurrence")
    return f"{e.get('kind')} {val} {who}".strip()


def compare_doc(
    field: str, doc_id: str, text: str, first: list[dict[str, Any]], second: list[dict[str, Any]]
) -> dict[str, Any]:
    """Matches, value/kind agreement and the disagreements of two annotations of one text."""
    fa, lost_a = place(text, first)
    sb, lost_b = place(text, second)
    pairs = pair_by_overlap(fa, sb)
    out: dict[str, Any] = {
        "first": len(first),
        "second": len(second),
        "matched": len(pairs),
        "value_equal": 0,
        "kinds": [],
        "attributes_compared": 0,
        "attributes_equal": 0,
        "disagreements": [],
        "not_found": [f"first {q}" for q in lost_a] + [f"second {q}" for q in lost_b],
    }
    for i, j in pairs:
        a, b = fa[i][2], sb[j][2]
        out["kinds"].append((str(a.get("kind")), str(b.get("kind"))))
        same_value = values_agree(field, a, b)
        out["value_equal"] += same_value
        what = []
        if not same_value:
            what.append("value")
        if a.get("kind") != b.get("kind"):
            what.append("kind")
        attrs = attributes_differ(field, a, b)
        out["attributes_compared"] += 1
        out["attributes_equal"] += not attrs
        what += attrs
        if what:
            out["disagreements"].append({
                "doc": doc_id, "type": "+".join(what), "start": fa[i][0],
                "span": f"{a.get('text')} | {b.get('text')}" if a.get("text") != b.get("text") else a.get("text"),
                "first": _show(field, a), "second": _show(field, b),
            })
    hit_a = {i for i, _ in pairs}
    hit_b = {j for _, j in pairs}
    for i, (s, _, a) in enumerate(fa):
        if i not in hit_a:
            out["disagreements"].append({"doc": doc_id, "type": "only_first", "start": s, "span": a.get("text"),
                                         "first": _show(field, a), "second": "—"})
    for j, (s, _, b) in enumerate(sb):
        if j not in hit_b:
            out["disagreements"].append({"doc": doc_id, "type": "only_second", "start": s, "span": b.get("text"),
                                         "first": "—", "second": _show(field, b)})
    out["disagreements"].sort(key=lambda d: d["start"])
    return out


def summarise(per_doc: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Span P/R/F1 of the second annotation against the first, value agreement and kind kappa."""
    n_a = sum(d["first"] for d in per_doc.values())
    n_b = sum(d["second"] for d in per_doc.values())
    tp = sum(d["matched"] for d in per_doc.values())
    same = sum(d["value_equal"] for d in per_doc.values())
    kinds = [k for d in per_doc.values() for k in d["kinds"]]
    n_attr = sum(d["attributes_compared"] for d in per_doc.values())
    p, r, f = _prf(tp, n_b, n_a)
    return {
        "docs": len(per_doc),
        "first": n_a,
        "second": n_b,
        "matched": tp,
        "span_precision": p,
        "span_recall": r,
        "span_f1": f,
        "value_agreement": same / tp if tp else None,
        "kind_accuracy": sum(a == b for a, b in kinds) / len(kinds) if kinds else None,
        "kind_kappa": kappa([a for a, _ in kinds], [b for _, b in kinds]),
        "attribute_agreement": sum(d["attributes_equal"] for d in per_doc.values()) / n_attr if n_attr else None,
        "disagreements": [x for d in per_doc.values() for x in d["disagreements"]],
        "not_found": [f"{doc}: {q}" for doc, d in per_doc.items() for q in d["not_found"]],
    }


def agreement(
    field: str,
    split: str = "test",
    first: str | Path = "corpora/gold",
    second: str | Path = "corpora/gold_second",
    texts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Agreement of two gold roots on ``field`` over the documents of ``split`` that both annotate.

    ``texts`` (doc_id -> normalised text) replaces the split, for tests.
    """
    if field not in FIELDS:
        raise ValueError(f"The 'field' parameter must be one of {', '.join(FIELDS)}; got {field!r} instead.")
    if texts is None:
        texts = {d: _text(str(p)) for d, p in load_split(split).items() if p.exists()}
    per_doc = {}
    skipped = []
    for doc_id, text in texts.items():
        a, b = load_entries(field, doc_id, first), load_entries(field, doc_id, second)
        if a is None or b is None:
            skipped.append(doc_id)
            continue
        per_doc[doc_id] = compare_doc(field, doc_id, text, a, b)
        if field == "deadlines":
            # the date yearless expressions are read against: a silent source of value disagreements
            da, db = load_doc_date(doc_id, first), load_doc_date(doc_id, second)
            if da != db:
                per_doc[doc_id]["disagreements"].insert(0, {"doc": doc_id, "type": "doc_date", "start": -1,
                                                            "span": "doc_date", "first": str(da), "second": str(db)})
    out = summarise(per_doc)
    out.update(field=field, split=split, skipped=skipped)
    return out


@lru_cache(maxsize=64)
def _text(path: str) -> str:
    return load_document(path).text


# ---------------------------------------------------------------- extractor vs a gold root


@lru_cache(maxsize=64)
def _extracted(path: str) -> Any:
    from pipeline.api import extract

    return extract(path)


def _gold_amounts(entries: list[dict[str, Any]], text: str) -> list[Any]:
    """The first-gold scorer's GoldAmount list, built from entries of any root."""
    from pipeline.eval.amounts import GoldAmount

    out = []
    for start, end, e in place(text, entries)[0]:
        out.append(GoldAmount(
            text=e["text"], occurrence=int(e.get("occurrence", 1)), start=start, end=end,
            value=_num(e.get("value")), currency=e.get("currency", "CNY"), kind=e["kind"],
            low=_num(e.get("low")), high=_num(e.get("high")), percent=_num(e.get("percent")),
            base=e.get("base"), cap=_num(e.get("cap")), role=e.get("role"), tier_index=e.get("tier_index"),
        ))
    return out


def extractor_vs(field: str, gold_root: str | Path, split: str = "test") -> dict[str, Any]:
    """P/R/F1 of ``pipeline.api.extract`` against ``gold_root``, with the area scorer's own matching.

    pipeline/eval/amounts.py and deadlines.py read a fixed gold folder, so the
    gold is loaded here and handed to their per-document scoring functions.
    """
    if field not in FIELDS:
        raise ValueError(f"The 'field' parameter must be one of {', '.join(FIELDS)}; got {field!r} instead.")
    tp = n_pred = n_gold = 0
    docs = 0
    errors: list[str] = []
    for doc_id, path in load_split(split).items():
        entries = load_entries(field, doc_id, gold_root)
        if entries is None or not path.exists():
            continue
        try:
            doc = _extracted(str(path))
        except Exception as exc:  # noqa: BLE001 - one broken stage must not hide the gold agreement
            errors.append(f"{doc_id}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            continue
        docs += 1
        if field == "amounts":
            from pipeline.eval.amounts import score_document

            s = score_document(doc_id, doc, _gold_amounts(entries, doc.text))
            tp, n_pred, n_gold = tp + s.value_matches, n_pred + s.predicted, n_gold + s.gold
        else:
            from pipeline.eval.deadlines import score_document

            s = score_document(doc, {"deadlines": entries})
            tp, n_pred, n_gold = tp + s["correct"], n_pred + s["predicted"], n_gold + s["gold"]
    p, r, f = _prf(tp, n_pred, n_gold)
    return {"field": field, "gold_root": str(gold_root), "docs": docs, "gold": n_gold, "predicted": n_pred,
            "correct": tp, "precision": p, "recall": r, "f1": f, "errors": errors}


# ---------------------------------------------------------------- clause kinds

NO_KIND = "(none)"  # the classifier put no clause where a gold quote starts (as in pipeline/eval/clauses.py)


def place_clauses(text: str, entries: list[dict[str, Any]]) -> tuple[list[tuple[int, int, dict[str, Any]]], list[str]]:
    """Like :func:`place`, for clause golds, whose ``occurrence`` is 0-based (GUIDE), not 1-based."""
    placed, lost = [], []
    for e in entries:
        occ = int(e.get("occurrence", 0))
        where = locate(text, str(e.get("text") or ""), occ)
        if where is None:
            lost.append(f"{e.get('text')!r}#{occ}")
        else:
            placed.append((where[0], where[1], e))
    return placed, lost


def compare_clause_kinds(
    doc_id: str, text: str, first: list[dict[str, Any]], second: list[dict[str, Any]]
) -> dict[str, Any]:
    """(first kind, second kind) for every clause both annotations quote, and the rest as disagreements.

    Quotes are paired by overlap, not by list position, so a second gold that
    skips or adds a clause (or quotes a few characters more) still lines up.
    """
    fa, lost_a = place_clauses(text, first)
    sb, lost_b = place_clauses(text, second)
    pairs = pair_by_overlap(fa, sb)
    kinds: list[tuple[str, str]] = []
    disagreements: list[dict[str, Any]] = []
    for i, j in pairs:
        ka, kb = str(fa[i][2].get("kind")), str(sb[j][2].get("kind"))
        kinds.append((ka, kb))
        if ka != kb:
            disagreements.append({"doc": doc_id, "type": "kind", "start": fa[i][0], "span": fa[i][2].get("text"),
                                  "first": ka, "second": kb})
    hit_a, hit_b = {i for i, _ in pairs}, {j for _, j in pairs}
    disagreements += [{"doc": doc_id, "type": "only_first", "start": s, "span": e.get("text"),
                       "first": str(e.get("kind")), "second": "—"} for i, (s, _, e) in enumerate(fa) if i not in hit_a]
    disagreements += [{"doc": doc_id, "type": "only_second", "start": s, "span": e.get("text"),
                       "first": "—", "second": str(e.get("kind"))} for j, (s, _, e) in enumerate(sb) if j not in hit_b]
    disagreements.sort(key=lambda d: d["start"])
    return {"first": len(first), "second": len(second), "matched": len(pairs), "kinds": kinds,
            "disagreements": disagreements,
            "not_found": [f"first {q}" for q in lost_a] + [f"second {q}" for q in lost_b]}


def kind_scores(pairs: list[tuple[str, str]], top: int = 10) -> dict[str, Any]:
    """Per-kind P/R/F1 of the second labels against the first, macro-F1, raw agreement, kappa, confusions.

    Macro-F1 averages over the kinds the FIRST gold uses, as ``pipeline.eval.clauses``
    does for the classifier, so the two numbers can be read side by side; a
    kind only the second annotator used lowers the recall of the first's kind
    and is listed under ``second_only``.
    """
    if not pairs:
        return {"n": 0, "macro_f1": None, "raw_agreement": None, "kappa": None, "per_kind": {},
                "second_only": {}, "confusions": []}
    from sklearn.metrics import precision_recall_fscore_support

    first = [a for a, _ in pairs]
    second = [b for _, b in pairs]
    labels = sorted(set(first))
    p, r, f, support = precision_recall_fscore_support(first, second, labels=labels, zero_division=0)
    n_second = Counter(second)
    per_kind = {
        k: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
            "first": int(support[i]), "second": n_second[k]}
        for i, k in enumerate(labels)
    }
    return {
        "n": len(pairs),
        "macro_f1": float(sum(f) / len(labels)),
        "raw_agreement": sum(a == b for a, b in pairs) / len(pairs),
        "kappa": kappa(first, second),
        "per_kind": per_kind,
        "second_only": {k: c for k, c in sorted(n_second.items()) if k not in per_kind},
        "confusions": Counter((a, b) for a, b in pairs if a != b).most_common(top),
    }


def clause_agreement(
    split: str = "test",
    first: str | Path = "corpora/gold",
    second: str | Path = "corpora/gold_second",
    texts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Clause-kind agreement of two gold roots over the documents of ``split`` that both annotate.

    ``texts`` (doc_id -> normalised text) replaces the split, for tests.
    """
    if texts is None:
        texts = {d: _text(str(p)) for d, p in load_split(split).items() if p.exists()}
    per_doc: dict[str, dict[str, Any]] = {}
    skipped = []
    for doc_id, text in texts.items():
        a, b = load_entries("clauses", doc_id, first), load_entries("clauses", doc_id, second)
        if a is None or b is None:
            skipped.append(doc_id)
            continue
        per_doc[doc_id] = compare_clause_kinds(doc_id, text, a, b)
    out = kind_scores([k for d in per_doc.values() for k in d["kinds"]])
    out.update(
        split=split, docs=len(per_doc), skipped=skipped,
        first=sum(d["first"] for d in per_doc.values()),
        second=sum(d["second"] for d in per_doc.values()),
        matched=sum(d["matched"] for d in per_doc.values()),
        per_doc={doc: kind_scores(d["kinds"])["raw_agreement"] for doc, d in per_doc.items()},
        disagreements=[x for d in per_doc.values() for x in d["disagreements"]],
        not_found=[f"{doc}: {q}" for doc, d in per_doc.items() for q in d["not_found"]],
    )
    return out


def classifier_vs_clauses(gold_root: str | Path, split: str = "test") -> dict[str, Any]:
    """Clause-kind accuracy and macro-F1 of the segmenter + classifier against ``gold_root``.

    Same rule as ``pipeline.eval.clauses`` (the clause holding the quote's start,
    else the first it overlaps; none there is a miss), which reads only
    ``corpora/gold``: this scores the second gold the same way.
    """
    from pipeline.eval.clauses import ClauseEval
    from pipeline.extract.clauses import extract_clauses

    result = ClauseEval(split=split)
    errors: list[str] = []
    for doc_id, path in load_split(split).items():
        entries = load_entries("clauses", doc_id, gold_root)
        if entries is None or not path.exists():
            continue
        try:
            doc = extract_clauses(load_document(path))
        except Exception as exc:  # noqa: BLE001 - one broken stage must not hide the gold agreement
            errors.append(f"{doc_id}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            continue
        result.docs += 1
        for start, end, e in place_clauses(doc.text, entries)[0]:
            clause = doc.clause_at(start) or next((c for c in doc.clauses if c.start < end and start < c.end), None)
            result.pairs.append((str(e.get("kind")), clause.kind if clause else NO_KIND))
    s = result.summary()
    return {"gold_root": str(gold_root), "docs": s["documents"], "n": len(result.pairs),
            "accuracy": s["kind_accuracy"], "macro_f1": s["kind_macro_f1"], "errors": errors}


# ---------------------------------------------------------------- CLI


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _rows(res: Mapping[str, Any], vs1: Mapping[str, Any] | None, vs2: Mapping[str, Any] | None) -> list[str]:
    def ext(vs: Mapping[str, Any] | None) -> str:
        if vs is None:
            return "not run"
        return f"{vs['f1']:.3f}  (P {vs['precision']:.3f} R {vs['recall']:.3f}; {vs['correct']} ok / {vs['gold']} gold / {vs['predicted']} pred)"

    return [
        str(res["docs"]), str(res["first"]), str(res["second"]), str(res["matched"]),
        f"{_fmt(res['span_f1'])}  (P {_fmt(res['span_precision'])} R {_fmt(res['span_recall'])})",
        _fmt(res["value_agreement"]), _fmt(res["kind_accuracy"]), _fmt(res["kind_kappa"]),
        _fmt(res["attribute_agreement"]), str(len(res["disagreements"])), ext(vs1), ext(vs2),
    ]


_ROW_NAMES = ("documents", "entries in first gold", "entries in second gold", "matched spans",
              "span F1 (second vs first)", "value agreement (matched)", "kind agreement (matched)",
              "kind Cohen's kappa", "other attributes agree (matched)", "disagreements", "extractor F1 vs first gold", "extractor F1 vs second gold")


def main(argv: list[str] | None = None) -> int:
    from rich.console import Console

    args = sys.argv[1:] if argv is None else argv
    console = Console()
    run_extractor = "--no-extractor" not in args
    if "--clauses-only" not in args:
        _print_fields(console, args, run_extractor)
    _print_clauses(console, clause_agreement(), "-v" in args, run_extractor)
    return 0


def _print_fields(console: Any, args: list[str], run_extractor: bool) -> None:
    """The amount and deadline tables (the original report)."""
    from rich.table import Table

    table = Table(title="Gold agreement, test split: corpora/gold (first) vs corpora/gold_second (second)")
    table.add_column("measure")
    columns = {}
    results = {}
    for field in FIELDS:
        table.add_column(field, justify="right")
        res = results[field] = agreement(field)
        vs1 = vs2 = None
        if run_extractor:
            vs1, vs2 = extractor_vs(field, "corpora/gold"), extractor_vs(field, "corpora/gold_second")
            for vs in (vs1, vs2):
                for err in vs["errors"]:
                    console.print(f"extractor failed ({field}, {vs['gold_root']}): {err}", style="red", markup=False)
        columns[field] = _rows(res, vs1, vs2)
    for i, name in enumerate(_ROW_NAMES):
        table.add_row(name, *(columns[f][i] for f in FIELDS))
    console.print(table)
    for field, res in results.items():
        if res["not_found"] or res["skipped"]:
            console.print(f"{field}: not found {res['not_found']}; skipped {res['skipped']}", style="yellow",
                          markup=False)
    if "-v" in args:
        for field, res in results.items():
            d = Table(title=f"{field}: disagreements ({len(res['disagreements'])})")
            for col in ("doc", "type", "span", "first", "second"):
                d.add_column(col)
            for x in res["disagreements"]:
                d.add_row(x["doc"], x["type"], str(x["span"]), x["first"], x["second"])
            console.print(d)


def _print_clauses(console: Any, res: Mapping[str, Any], verbose: bool, run_extractor: bool) -> None:
    """Clause-kind agreement: the summary, per kind, the commonest confusions (all with ``-v``)."""
    from rich.table import Table

    t = Table(title="Clause kinds, test split: corpora/gold (first, reference) vs corpora/gold_second (second)")
    t.add_column("measure")
    t.add_column("value", justify="right")
    rows = [
        ("documents", str(res["docs"])),
        ("clauses first / second / paired", f"{res['first']} / {res['second']} / {res['matched']}"),
        ("macro-F1 (over the first gold's kinds)", _fmt(res["macro_f1"])),
        ("raw agreement", _fmt(res["raw_agreement"])),
        ("Cohen's kappa", _fmt(res["kappa"])),
    ]
    rows += [(f"raw agreement: {doc}", _fmt(v)) for doc, v in res["per_doc"].items()]
    if run_extractor:
        for root in ("corpora/gold", "corpora/gold_second"):
            vs = classifier_vs_clauses(root)
            score = f"macro-F1 {vs['macro_f1']:.3f}  accuracy {vs['accuracy']:.3f}  ({vs['n']} clauses)"
            rows.append((f"classifier vs {root}", score))
            for err in vs["errors"]:
                console.print(f"extractor failed (clauses, {root}): {err}", style="red", markup=False)
    for name, value in rows:
        t.add_row(name, value)
    console.print(t)

    k = Table(title="Clause kinds per kind (second scored against first)")
    for col in ("kind", "first", "second", "precision", "recall", "F1"):
        k.add_column(col, justify="left" if col == "kind" else "right")
    for kind, v in res["per_kind"].items():
        k.add_row(kind, str(v["first"]), str(v["second"]), _fmt(v["precision"]), _fmt(v["recall"]), _fmt(v["f1"]))
    for kind, n in res["second_only"].items():
        k.add_row(f"{kind} (second only)", "0", str(n), "—", "—", "—")
    console.print(k)

    c = Table(title="Most frequent clause-kind disagreements")
    for col in ("first", "second", "count"):
        c.add_column(col, justify="right" if col == "count" else "left")
    for (a, b), n in res["confusions"]:
        c.add_row(a, b, str(n))
    console.print(c)
    if res["not_found"] or res["skipped"]:
        console.print(f"clauses: not found {res['not_found']}; skipped {res['skipped']}", style="yellow",
                      markup=False)
    if verbose:
        d = Table(title=f"clauses: disagreements ({len(res['disagreements'])})")
        for col in ("doc", "type", "span", "first", "second"):
            d.add_column(col)
        for x in res["disagreements"]:
            d.add_row(x["doc"], x["type"], str(x["span"]), x["first"], x["second"])
        console.print(d)


__all__ = ["agreement", "classifier_vs_clauses", "clause_agreement", "compare_clause_kinds", "compare_doc",
           "extractor_vs", "kappa", "kind_scores", "pair_by_overlap", "place_clauses", "values_agree"]

if __name__ == "__main__":
    raise SystemExit(main())
