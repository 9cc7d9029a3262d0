"""Amounts and deadlines on the fresh held-out gold (corpora/gold_fresh): numbers on text nobody tuned on.

The test split of corpora/split.yaml is quoted by the annotation guides, so the
extractors were in effect tuned on it. corpora/gold_fresh holds ten documents
picked by a fixed rule (its README.md) and annotated before any extractor ran
on them. Scoring is not re-implemented here: the gold is placed with the area
scorers' own ``locate`` and handed to their per-document ``score_document``
(as ``pipeline.eval.agreement.extractor_vs`` does), so a number here means the
same as one from ``python -m pipeline.eval.amounts`` / ``.deadlines``.

JioNLP (``jionlp.ner.extract_money``, through the adapter of
``benchmarks/bench_amounts.py``) is scored on the same amount gold as a baseline.

Run: ``python -m pipeline.eval.fresh [--json] [--no-jionlp] [--corpus DIR]``; ``--corpus`` scores another
blind set laid out the same way (``split.yaml`` with ``test:``, ``amounts/``, ``deadlines/``), e.g.
``corpora/gold_fresh2`` once corpora/gold_fresh had been measured and its failures fixed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import DataFileError, UsageError
from pipeline.eval import amounts as am
from pipeline.eval import deadlines as dl
from pipeline.model import Amount, Document

ROOT = Path(__file__).resolve().parents[2]
FRESH_DIR = ROOT / "corpora" / "gold_fresh"
SPLIT_FILE = FRESH_DIR / "split.yaml"


def fresh_docs(corpus: Path = FRESH_DIR) -> dict[str, Path]:
    """doc_id -> absolute path of the fresh held-out documents (``test:`` of ``corpus``/split.yaml)."""
    split_file = corpus / "split.yaml"
    try:
        data = yaml.safe_load(split_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(split_file, str(exc).splitlines()[0]) from None
    return {doc_id: (ROOT / rel).resolve() for doc_id, rel in (data.get("test") or {}).items()}


def _entries(field: str, doc_id: str, corpus: Path = FRESH_DIR) -> dict[str, Any]:
    path = corpus / field / f"{doc_id}.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(path, str(exc).splitlines()[0]) from None


def gold_amounts(doc_id: str, text: str, corpus: Path = FRESH_DIR) -> list[am.GoldAmount]:
    """The fresh amount gold of ``doc_id`` placed in ``text`` with the amount scorer's own ``locate``."""
    out = []
    for e in _entries("amounts", doc_id, corpus).get("amounts") or []:
        occ = int(e.get("occurrence", 1))
        where = am.locate(text, e["text"], occ)
        if where is None:  # a gold quote that no longer fits the text must fail loudly, not score as a miss
            raise DataFileError(corpus / "amounts" / f"{doc_id}.yaml", f"{e['text']!r} occurrence {occ} not found")
        out.append(am.GoldAmount(
            text=e["text"], occurrence=occ, start=where[0], end=where[1], value=am._num(e.get("value")),
            currency=e.get("currency", "CNY"), kind=e["kind"], low=am._num(e.get("low")),
            high=am._num(e.get("high")), percent=am._num(e.get("percent")), base=e.get("base"),
            cap=am._num(e.get("cap")), role=e.get("role"), tier_index=e.get("tier_index"),
        ))
    return out


def _amount_str(a: Amount | am.GoldAmount) -> str:
    if a.kind == "range" or (a.kind == "percent" and a.percent is None and a.low is not None):
        return f"{a.kind} {a.low:g}–{a.high:g}" if a.low is not None and a.high is not None else f"{a.kind} {a.low}–{a.high}"
    if a.percent is not None:
        return f"{a.kind} {a.percent:g}%"
    return f"{a.kind} {a.value:g}" if a.value is not None else f"{a.kind} —"


def amount_errors(doc_id: str, doc: Document, gold: list[am.GoldAmount]) -> list[dict[str, str]]:
    """Every miss, false hit and wrong value/kind, with what the extractor said beside what gold says.

    Uses the scorer's own one-to-one overlap pairing, so the list adds up to its counts.
    """
    pred = doc.amounts
    pairs = am.pair_by_overlap(gold, pred)
    by_g = dict(pairs)
    by_p = {pi: gi for gi, pi in pairs}
    out = []
    for gi, g in enumerate(gold):
        pi = by_g.get(gi)
        if pi is None:
            out.append({"doc": doc_id, "type": "miss", "span": g.text, "at": str(g.start), "pred": "—", "gold": _amount_str(g)})
        elif not am.numbers_agree(g, pred[pi]):
            out.append({"doc": doc_id, "type": "wrong value", "span": g.text, "at": str(g.start),
                        "pred": f"{pred[pi].text!r} {_amount_str(pred[pi])}", "gold": _amount_str(g)})
        elif g.kind != pred[pi].kind:
            out.append({"doc": doc_id, "type": "wrong kind (counted correct)", "span": g.text, "at": str(g.start),
                        "pred": f"{pred[pi].text!r} {_amount_str(pred[pi])}", "gold": _amount_str(g)})
    for pi, p in enumerate(pred):
        if pi not in by_p:
            out.append({"doc": doc_id, "type": "false hit", "span": p.text, "at": str(p.start), "pred": _amount_str(p), "gold": "—"})
    return out


def _deadline_str(x: Any) -> str:
    get = x.get if isinstance(x, dict) else (lambda k: getattr(x, k))
    dur = get("duration")
    if dur is not None and not isinstance(dur, dict):
        dur = dur.to_dict()
    if get("recurrence"):
        return f"{get('kind')} {get('recurrence')}"
    if dur:
        return f"{get('kind')} {dur['value']:g} {dur['unit']}"
    return f"{get('kind')} {get('date')}"


def deadline_errors(doc_id: str, doc: Document, entries: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Misses, false hits and wrong values with the deadline scorer's own placement and pairing."""
    golds = []
    out = []
    for g in entries:
        span = dl.locate_gold(doc.text, g["text"], int(g.get("occurrence", 1)))
        if span is None:
            out.append({"doc": doc_id, "type": "gold text not found", "span": g["text"], "at": "?", "pred": "—", "gold": _deadline_str(g)})
            continue
        golds.append((span, g))
    preds = list(doc.deadlines)
    cands = sorted(((min(ge, p.end) - max(gs, p.start), gi, pi) for gi, ((gs, ge), _) in enumerate(golds)
                    for pi, p in enumerate(preds) if min(ge, p.end) - max(gs, p.start) > 0), reverse=True)
    by_g: dict[int, int] = {}
    used_p: set[int] = set()
    for _, gi, pi in cands:
        if gi in by_g or pi in used_p:
            continue
        by_g[gi] = pi
        used_p.add(pi)
    for gi, ((gs, _), g) in enumerate(golds):
        pi = by_g.get(gi)
        if pi is None:
            out.append({"doc": doc_id, "type": "miss", "span": g["text"], "at": str(gs), "pred": "—", "gold": _deadline_str(g)})
        elif not dl.value_agrees(preds[pi], g):
            out.append({"doc": doc_id, "type": "wrong value", "span": g["text"], "at": str(gs),
                        "pred": f"{preds[pi].text!r} {_deadline_str(preds[pi])}", "gold": _deadline_str(g)})
    for pi, p in enumerate(preds):
        if pi not in used_p:
            out.append({"doc": doc_id, "type": "false hit", "span": p.text, "at": str(p.start), "pred": _deadline_str(p), "gold": "—"})
    return out


def _jionlp_extractor() -> Callable[[str], list[Amount]] | None:
    """The JioNLP adapter of benchmarks/bench_amounts.py, or None when benchmarks or jionlp cannot be imported."""
    try:
        from benchmarks.bench_amounts import _jionlp

        return _jionlp()
    except Exception:  # noqa: BLE001 - a missing baseline drops a row, it must not hide our own numbers
        return None


def _prf_row(name: str, tp: int, n_pred: int, n_gold: int, prf: Callable[[int, int, int], tuple[float, float, float]]) -> dict[str, Any]:
    p, r, f = prf(tp, n_pred, n_gold)
    return {"name": name, "gold": n_gold, "predicted": n_pred, "correct": tp, "precision": p, "recall": r, "f1": f}


def evaluate(with_jionlp: bool = True, corpus: Path = FRESH_DIR) -> dict[str, Any]:
    """Per-document and overall P/R/F1 for amounts, deadlines and (optionally) JioNLP amounts, plus every error."""
    from pipeline.api import extract

    jio = _jionlp_extractor() if with_jionlp else None
    per_doc: dict[str, dict[str, Any]] = {}
    errors: dict[str, list[dict[str, str]]] = {"amounts": [], "deadlines": [], "jionlp": []}
    am_scores, jio_scores = [], []
    dl_tot = {"gold": 0, "predicted": 0, "correct": 0}
    kind_ok = kind_n = 0
    for doc_id, path in fresh_docs(corpus).items():
        doc = extract(path)
        gold = gold_amounts(doc_id, doc.text, corpus)
        s = am.score_document(doc_id, doc, gold)
        am_scores.append(s)
        errors["amounts"] += amount_errors(doc_id, doc, gold)
        kind_ok, kind_n = kind_ok + s.kind_matches, kind_n + s.value_matches
        entries = _entries("deadlines", doc_id, corpus).get("deadlines") or []
        d = dl.score_document(doc, {"deadlines": entries})
        for k in dl_tot:
            dl_tot[k] += d[k]
        errors["deadlines"] += deadline_errors(doc_id, doc, entries)
        row = {"amounts": (s.value_matches, s.predicted, s.gold), "deadlines": (d["correct"], d["predicted"], d["gold"])}
        if jio is not None:
            jdoc = Document.from_dict(doc.to_dict(include_blocks=False))
            jdoc.amounts = jio(doc.text)
            js = am.score_document(doc_id, jdoc, gold)
            jio_scores.append(js)
            errors["jionlp"] += amount_errors(doc_id, jdoc, gold)
            row["jionlp"] = (js.value_matches, js.predicted, js.gold)
        per_doc[doc_id] = row
    overall = [
        _prf_row("amounts (policylens)", sum(x.value_matches for x in am_scores), sum(x.predicted for x in am_scores),
                 sum(x.gold for x in am_scores), am._prf),
        _prf_row("deadlines (policylens)", dl_tot["correct"], dl_tot["predicted"], dl_tot["gold"], dl._prf),
    ]
    overall[0]["kind_accuracy"] = kind_ok / kind_n if kind_n else None
    if jio is not None:
        overall.append(_prf_row("amounts (JioNLP extract_money)", sum(x.value_matches for x in jio_scores),
                                sum(x.predicted for x in jio_scores), sum(x.gold for x in jio_scores), am._prf))
    return {"corpus": _shown(corpus), "docs": len(per_doc), "overall": overall, "per_doc": per_doc, "errors": errors,
            "jionlp": "scored" if jio is not None else "not available"}


def _print(res: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    t = Table(title=f"fresh held-out gold ({res['corpus']}, {res['docs']} docs)")
    for col in ("field", "gold", "pred", "correct", "P", "R", "F1", "kind acc."):
        t.add_column(col, justify="left" if col == "field" else "right")
    for r in res["overall"]:
        ka = r.get("kind_accuracy")
        t.add_row(r["name"], str(r["gold"]), str(r["predicted"]), str(r["correct"]), f"{r['precision']:.3f}",
                  f"{r['recall']:.3f}", f"{r['f1']:.3f}", "—" if ka is None else f"{ka:.3f}")
    console.print(t)
    if res["jionlp"] != "scored":
        console.print("[yellow]JioNLP baseline not available (benchmarks.bench_amounts or jionlp not importable)[/yellow]")
    d = Table(title="per document: correct / predicted / gold")
    fields = ["amounts", "deadlines"] + (["jionlp"] if res["jionlp"] == "scored" else [])
    d.add_column("doc")
    for f in fields:
        d.add_column(f, justify="right")
    for doc_id, row in res["per_doc"].items():
        d.add_row(doc_id, *("/".join(map(str, row[f])) for f in fields))
    console.print(d)
    for field, errs in res["errors"].items():
        if not errs:
            continue
        e = Table(title=f"{field}: every miss, false hit and wrong value ({len(errs)})")
        for col in ("doc", "type", "span", "at", "extractor said", "gold says"):
            e.add_column(col)
        for x in errs:
            e.add_row(x["doc"].removeprefix("lawrefbook_laws_"), x["type"], x["span"], x["at"], x["pred"], x["gold"])
        console.print(e)


def _shown(corpus: Path) -> str:
    try:
        return str(corpus.resolve().relative_to(ROOT))
    except ValueError:
        return str(corpus)


def corpus_arg(args: list[str]) -> Path:
    """The directory of ``--corpus DIR`` / ``--corpus=DIR`` (default corpora/gold_fresh).

    A relative DIR is read from the working directory when it exists there, else from the
    repository root, so ``--corpus corpora/gold_fresh2`` works from either.
    """
    for i, a in enumerate(args):
        if a.startswith("--corpus="):
            value = a.split("=", 1)[1]
        elif a == "--corpus":
            value = args[i + 1] if i + 1 < len(args) else ""
        else:
            continue
        if not value or value.startswith("--"):
            raise UsageError(detail="--corpus needs a directory (e.g. --corpus corpora/gold_fresh2)")
        path = Path(value)
        if path.is_absolute() or path.is_dir():
            return path
        return ROOT / path
    return FRESH_DIR


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        res = evaluate(with_jionlp="--no-jionlp" not in args, corpus=corpus_arg(args))
    except (DataFileError, UsageError) as exc:  # a missing or broken gold set: one line naming it, not a traceback
        print(exc, file=sys.stderr)
        return exc.exit_code
    if "--json" in args:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        _print(res)
    return 0


__all__ = ["amount_errors", "corpus_arg", "deadline_errors", "evaluate", "fresh_docs", "gold_amounts"]

if __name__ == "__main__":
    raise SystemExit(main())
