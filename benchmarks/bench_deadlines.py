"""Deadline extraction: our rules vs JioNLP's time extractor, on the deadline gold (test split).

Both engines are scored by the same evaluator (pipeline/eval/deadlines.py: span overlap, then the date,
duration or recurrence must agree). JioNLP gets the same document date we infer (as ``time_base``) and
its structured output is mapped as faithfully as we can:
  time_point / time_span → the end date ("…前" spans end on the due date), or the start when the end is
  open ("2023年7月起"); a span written as a range ("3月1日至3月31日") → two items, start and end;
  time_delta → a duration ({'workday': 7} → 7 workday); time_period → yearly:MM-DD / monthly:DD.
Throughput is characters per second of extraction only, measured after both libraries are imported.
"""

from __future__ import annotations

import re
import time
from typing import Any

from pipeline.eval.deadlines import _load, score_document
from pipeline.eval.gold import load_gold, load_split
from pipeline.model import Deadline, Document, Duration

_UNITS = {"year": "year", "month": "month", "day": "day", "hour": "hour", "workday": "workday", "week": "week"}


def _date(stamp: str) -> str | None:
    return stamp[:10] if stamp and stamp[0].isdigit() else None


def jionlp_deadlines(doc: Document, extract_time: Any) -> list[Deadline]:
    """JioNLP's time entities as Deadlines (see the module docstring for the mapping)."""
    from pipeline.extract.deadlines import reference_date

    ref = reference_date(doc)
    base = ref.date
    time_base = {"year": base.year, "month": base.month, "day": base.day} if base else (
        {"year": ref.year, "month": 1, "day": 1} if ref.year else None)
    kwargs = {"time_base": time_base} if time_base else {}
    out: list[Deadline] = []
    for item in extract_time(doc.text, with_parsing=True, **kwargs):
        s, e = item["offset"]
        detail = item.get("detail") or {}
        kind, value = detail.get("type"), detail.get("time")
        text = doc.text[s:e]
        if kind == "time_delta" and isinstance(value, dict) and len(value) == 1:
            (unit, n), = value.items()
            if unit in _UNITS:
                out.append(Deadline(text, s, e, duration=Duration(n, _UNITS[unit]), kind="period"))
        elif kind in ("time_point", "time_span") and isinstance(value, list) and len(value) == 2:
            first, last = _date(value[0]), _date(value[1])
            cut = re.search(r"[至到\-—~]", text)
            if first and last and cut and first != last:
                mid = s + cut.start()
                out.append(Deadline(doc.text[s:mid], s, mid, date=first, kind="start"))
                out.append(Deadline(doc.text[mid:e], mid, e, date=last, kind="range_end"))
            else:
                out.append(Deadline(text, s, e, date=last or first, kind="due_by"))
        elif kind == "time_period" and isinstance(value, dict):
            delta, point = value.get("delta") or {}, (value.get("point") or {}).get("time") or []
            end = _date(point[-1]) if point else None
            rec = None
            if delta == {"year": 1} and end:
                rec = f"yearly:{end[5:]}"
            elif delta == {"month": 1} and end:
                rec = f"monthly:{end[8:]}"
            out.append(Deadline(text, s, e, recurrence=rec, kind="recurring"))
    return out


def _score(docs: list[tuple[Document, dict]], extract) -> tuple[dict[str, float], float, int]:
    correct = predicted = gold = chars = 0
    elapsed = 0.0
    for doc, g in docs:
        fresh = Document.from_dict(doc.to_dict(include_blocks=True))
        started = time.perf_counter()
        fresh.deadlines = extract(fresh)
        elapsed += time.perf_counter() - started
        chars += len(fresh.text)
        s = score_document(fresh, g)
        correct, predicted, gold = correct + s["correct"], predicted + s["predicted"], gold + s["gold"]
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}, chars / elapsed if elapsed else 0.0, gold


def run(quick: bool = False) -> list[dict]:
    from pipeline.extract.deadlines import extract_deadlines

    docs = []
    for doc_id, path in load_split("test").items():
        g = load_gold("deadlines", doc_id)
        if g is not None and path.exists():
            docs.append((_load(path), g))
    if not docs:
        return [{"name": "deadlines", "metric": "skipped", "value": "test documents absent (../shared)"}]
    if quick:
        docs = docs[:3]
    import logging

    import jionlp  # dev dependency, imported lazily and before timing

    # JioNLP logs a traceback on the root logger for every string it cannot parse
    # ("## exception string `916.`"); those are its misses, already counted in its F1.
    logging.getLogger().setLevel(logging.CRITICAL)

    extract_time = jionlp.ner.extract_time

    def ours(d: Document) -> list[Deadline]:
        return extract_deadlines(d).deadlines

    def theirs(d: Document) -> list[Deadline]:
        return jionlp_deadlines(d, extract_time)

    for doc, _ in docs:  # warm-up pass: jieba's dictionary, regex compilation, JioNLP's lexicons
        ours(Document.from_dict(doc.to_dict())), theirs(doc)
    our_q, our_speed, n_gold = _score(docs, ours)
    jio_q, jio_speed, _ = _score(docs, theirs)
    rows = []
    for name, q, speed in (("policylens", our_q, our_speed), ("jionlp.extract_time", jio_q, jio_speed)):
        rows.append({
            "engine": name,
            "docs": len(docs),
            "gold": n_gold,
            "precision": q["precision"],
            "recall": q["recall"],
            "f1": q["f1"],
            "chars/s": speed,
            "f1 vs jionlp": q["f1"] - jio_q["f1"],
            "speed ratio": speed / jio_speed if jio_speed else None,
        })
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
