"""Screen one applicant (runs in a worker process) and merge dossier-level materials.

The worker does everything for its applicant — read files, pick the plan,
check it, credit materials found in other files, write the HTML report —
and returns plain dicts, so results cross the process boundary cheaply and
a crash in one applicant's files is that applicant's error line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pipeline.screen.dossier import (
    Applicant,
    LoadedFile,
    choose_plan,
    error_line,
    load_applicant,
    materials_satisfied,
)

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_YEAR = re.compile(r"(20\d\d)\s*年?")


def safe_filename(name: str) -> str:
    """A file name that keeps Chinese but drops characters no file system accepts."""
    cleaned = _UNSAFE.sub("_", name).strip(" .") or "applicant"
    return cleaned[:80]


def _years_covered(text: str, years: list[int]) -> bool:
    found = {int(y) for y in _YEAR.findall(text)}
    if len(years) == 2 and years[1] - years[0] > 1:
        years = list(range(years[0], years[1] + 1))
    return all(y in found for y in years)


def apply_dossier(result: Any, rubric: Any, satisfied: dict[str, str], files: list[LoadedFile]) -> list[str]:
    """Credit materials that other files provide; re-derive containers and the score.

    Returns notes for the report. Works on a ``CheckResult``; the score is
    recomputed with the checker's own scoring so plan and dossier agree.
    """
    notes: list[str] = []
    by_name = {f.name: f for f in files}
    results = {r.id: r for r in result.items}
    changed: set[str] = set()
    for item_id, fname in satisfied.items():
        res = results.get(item_id)
        if res is None or res.status == "present":
            continue
        res.status, res.reason = (
            "present",
            f"{res.name}: provided as a separate file of the dossier ({fname})",
        )
        res.evidence = []
        changed.add(item_id)
        notes.append(f"{res.name} ← {fname}")
        other = by_name.get(fname)
        for item in rubric.children(item_id):
            kid = results.get(item.id)
            if kid is None or item.kind != "requirement":
                continue
            years = (item.params or {}).get("years") if item.check == "covers_years" else None
            if years and other is not None and other.doc is not None:
                ok = _years_covered(other.doc.text, list(years))
                kid.status = "present" if ok else "partial"
                kid.reason = (
                    f"{item.name}: checked in {fname}"
                    if ok
                    else f"{item.name}: {fname} does not cover every year"
                )
            else:
                kid.status, kid.reason = "present", f"{item.name}: provided in {fname}"
            kid.evidence = []
            changed.add(item.id)
    if not changed:
        return notes
    try:
        from pipeline.check.scoring import is_container, score
    except ImportError:  # pragma: no cover - checker without the scoring module
        return notes
    _rederive_containers(rubric, results, is_container)
    result.score = score(rubric, results)
    result.flags = [f for f in result.flags if not any(f" {i} (" in f for i in changed)]
    return notes


def _rederive_containers(rubric: Any, results: dict[str, Any], is_container: Any) -> None:
    """Containers' status from their parts (deepest first), as the checker derives it."""

    def depth(item: Any) -> int:
        d, cur = 0, item
        while cur is not None and cur.parent is not None:
            d, cur = d + 1, rubric.get(cur.parent)
        return d

    containers = [i for i in rubric.items if i.kind != "requirement" and is_container(rubric, i.id)]
    for item in sorted(containers, key=lambda i: -depth(i)):
        res = results.get(item.id)
        kids = [results[c.id] for c in rubric.children(item.id) if c.id in results]
        parts = [k for k in kids if k.kind != "requirement"]
        if res is None or not parts:
            continue
        if all(k.status == "present" for k in kids):
            res.status, res.reason = "present", ""
        elif all(k.status == "missing" for k in parts):
            res.status = "missing"
        else:
            res.status = "partial"
            res.reason = (
                f"{item.name}: incomplete ({'、'.join(k.name for k in kids if k.status != 'present')})"
            )


def _top_names(result: dict[str, Any], status: str) -> list[str]:
    """Materials and sections with ``status`` (sub-requirements are in the report)."""
    return [i["name"] for i in result["items"] if i["status"] == status and i.get("kind") != "requirement"]


def screen_applicant(app: Applicant, rubric: Any, out_dir: str, report_name: str) -> dict[str, Any]:
    """Screen one applicant; never raises (an internal error becomes the row's error)."""
    row: dict[str, Any] = {
        "applicant": app.name,
        "source": app.path if app.kind != "zip_group" else f"{app.path}!{app.prefix}",
        "plan_file": None,
        "score": None,
        "rank": None,
        "missing_items": [],
        "empty_items": [],
        "partial_items": [],
        "flags_count": 0,
        "flags": [],
        "asks": [],
        "errors": [],
        "materials": {},
        "files": [],
        "report": None,
        "plan_scores": {},
    }
    try:
        _screen_into(row, app, rubric, Path(out_dir), report_name)
    except Exception as err:  # noqa: BLE001 - one applicant's failure is its own row
        row["errors"].append(error_line(err, app.name))
    return row


def _screen_into(row: dict[str, Any], app: Applicant, rubric: Any, out_dir: Path, report_name: str) -> None:
    from pipeline.check import check
    from pipeline.report import ask_list, render_html

    files = load_applicant(app)
    row["errors"] = [f.error for f in files if f.error]
    choice = choose_plan(files, rubric)
    row["plan_scores"] = choice.scores
    satisfied = materials_satisfied(files, choice.plan, rubric, choice.notices) if choice.plan else {}
    file_rows = []
    for f in files:
        if f.error:
            role = None
        elif f is choice.plan:
            role = "实施方案（按内容识别）"
        elif f.name in choice.notices:
            role = "申报通知原文（不作为方案）"
        else:
            provides = [rubric.get(i).name for i, n in satisfied.items() if n == f.name and rubric.get(i)]
            role = "提供：" + "、".join(provides) if provides else "其他材料"
        file_rows.append({"name": f.name, "role": role, "error": f.error})
    row["files"] = file_rows
    report_path = out_dir / "reports" / report_name
    if choice.plan is None:
        row["errors"].append(f"{app.name}: no readable plan among {len(files)} file(s)")
        empty = {
            "plan": "（未找到可读取的实施方案）",
            "score": None,
            "items": [],
            "flags": row["errors"],
            "rubric": {},
        }
        render_html(empty, "", report_path, applicant=app.name, files=file_rows)
        row["report"] = f"reports/{report_name}"
        return
    plan = choice.plan
    result = check(plan.doc, rubric)
    row["materials"] = {rubric.get(i).name: n for i, n in satisfied.items() if rubric.get(i)}
    apply_dossier(result, rubric, satisfied, files)
    # the checker's note that separate materials are not scored for a single plan file does
    # not apply here: this is the dossier, and those materials were looked for in its files
    kept = [f for f in result.flags if not f.startswith("not scored for a single plan file")]
    absent = [
        f"MISSING {r.id} ({r.name}): not among the dossier's files (not scored)"
        for r in result.items
        if r.scope == "dossier" and r.parent is None and r.status != "present"
    ]
    result.flags = kept + absent + [f"UNREADABLE {e}" for e in row["errors"]]
    data = result.to_dict()
    data["plan"] = plan.name  # the name the applicant gave it, not this machine's path
    row.update(
        plan_file=plan.name,
        score=round(float(data["score"]), 1),
        missing_items=_top_names(data, "missing"),
        empty_items=_top_names(data, "empty"),
        partial_items=_top_names(data, "partial"),
        flags=list(data["flags"]),
        flags_count=len(data["flags"]),
        asks=ask_list(data),
        result=data,
    )
    render_html(data, plan.doc.text, report_path, applicant=app.name, files=file_rows)
    row["report"] = f"reports/{report_name}"
