"""One extraction report from every area's evaluator: ``policylens eval extraction``.

Each area owns its evaluator and its result shape; this module only imports
them lazily, turns their results into uniform rows (area, field, P, R, F1, n,
notes) and renders them. An evaluator that is missing or raises shows up as
"not available" with the reason, and the rest of the report still prints.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import import_module
from typing import Any

# area -> "module:function"; each function takes the split name
EVALUATORS: dict[str, str] = {
    "sections": "pipeline.structure.evaluate:evaluate_sections",
    "meta": "pipeline.structure.evaluate:evaluate_meta",
    "clauses": "pipeline.eval.clauses:evaluate_clauses",
    "amounts": "pipeline.eval.amounts:evaluate_amounts",
    "deadlines": "pipeline.eval.deadlines:evaluate_deadlines",
}


@dataclass(slots=True)
class Row:
    area: str
    field: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    support: int | None = None
    notes: str = ""


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _num(d: dict[str, Any], *keys: str) -> float | None:
    for k in keys:
        v = d.get(k)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return float(v)
    return None


def _rows_clauses(r: dict[str, Any]) -> list[Row]:
    rows = [
        Row(
            "clauses",
            "kind (macro)",
            None,
            None,
            r.get("kind_macro_f1"),
            r.get("located"),
            f"accuracy {r.get('kind_accuracy', 0):.3f}, coverage {r.get('coverage', 0):.3f}"
            + (
                f"; fitted on these docs, grouped-CV macro-F1 {r['model_cv_macro_f1']:.3f}"
                if isinstance(r.get("model_cv_macro_f1"), float)
                else ""
            ),
        )
    ]
    for kind, m in (r.get("per_kind") or {}).items():
        rows.append(Row("clauses", kind, m["precision"], m["recall"], m["f1"], m["support"]))
    return rows


def _rows_prf(area: str, r: dict[str, Any], extra: tuple[str, ...]) -> list[Row]:
    notes = ", ".join(f"{k} {r[k]:.3f}" for k in extra if isinstance(r.get(k), (int, float)))
    return [
        Row(
            area,
            "value",
            _num(r, "precision"),
            _num(r, "recall"),
            _num(r, "f1"),
            int(r["gold"]) if isinstance(r.get("gold"), int) else None,
            notes,
        )
    ]


def _rows_sections(r: dict[str, Any]) -> list[Row]:
    p, acc = _num(r, "precision"), _num(r, "accuracy")
    return [Row("sections", "heading tree", p, acc, _f1(p, acc), r.get("gold_headings"), "R = headings placed right")]


def _rows_meta(r: dict[str, Any]) -> list[Row]:
    n = r.get("documents")
    return [
        Row("meta", field, None, acc, None, n, "accuracy per document" if acc is not None else "")
        for field, acc in (r.get("fields") or {}).items()
    ]


def to_rows(area: str, result: dict[str, Any]) -> list[Row]:
    if area == "clauses":
        return _rows_clauses(result)
    if area == "amounts":
        return _rows_prf("amounts", result, ("kind_accuracy",))
    if area == "deadlines":
        return _rows_prf("deadlines", result, ("actor_agreement", "action_agreement"))
    if area == "sections":
        return _rows_sections(result)
    if area == "meta":
        return _rows_meta(result)
    return []


def run_evaluator(target: str, split: str) -> dict[str, Any]:
    module, func = target.split(":")
    fn: Callable[[str], dict[str, Any]] = getattr(import_module(module), func)
    return fn(split)


def gather(split: str = "test", areas: tuple[str, ...] | None = None, *, debug: bool = False) -> dict[str, Any]:
    """Run each area's evaluator; a failing one is recorded as unavailable, never raised."""
    out: dict[str, Any] = {"split": split, "areas": {}, "rows": []}
    for area in areas or tuple(EVALUATORS):
        try:
            result = run_evaluator(EVALUATORS[area], split)
            rows = to_rows(area, result)
            out["areas"][area] = {"available": True, "summary": _strip(result)}
            out["rows"] += [asdict(r) for r in rows]
        except Exception as exc:  # noqa: BLE001 - one broken area must not hide the others
            if debug:
                traceback.print_exc()
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
            out["areas"][area] = {"available": False, "reason": reason}
            out["rows"].append(asdict(Row(area, "-", notes=f"not available ({reason})")))
    return out


def _strip(result: dict[str, Any]) -> dict[str, Any]:
    """The result without bulky per-document detail."""
    return {k: v for k, v in result.items() if k not in ("per_doc", "errors")}


def render_table(report: dict[str, Any]) -> Any:
    from rich.table import Table

    def fmt(v: Any) -> str:
        return "—" if v is None else f"{v:.3f}"

    table = Table(title=f"Extraction quality — {report['split']} split")
    for col, justify in (("area", "left"), ("field", "left"), ("P", "right"), ("R", "right"), ("F1", "right"), ("n", "right"), ("notes", "left")):
        table.add_column(col, justify=justify)
    for r in report["rows"]:
        table.add_row(
            r["area"], r["field"], fmt(r["precision"]), fmt(r["recall"]), fmt(r["f1"]),
            "" if r["support"] is None else str(r["support"]), r["notes"],
        )
    return table


__all__ = ["EVALUATORS", "gather", "render_table", "to_rows"]
