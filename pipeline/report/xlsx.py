"""Excel output: the checklist of one plan, and the summary of a batch.

Reviewers sort and filter in Excel, so each workbook is one flat table with
a styled, frozen header, sensible column widths, and the status or score
coloured (conditional formatting for scores, so re-sorting keeps colours).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.report.common import KIND_LABEL, STATUS_COLOUR, STATUS_LABEL, as_dict, item_depths, tree_order

HEADER_FILL = "263238"


def _style_header(ws: Any, ncols: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for col in range(1, ncols + 1):
        cell = ws.cell(row=1, column=col)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = "A2"


def _widths(ws: Any, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def render_xlsx(result: Any, path: str | Path) -> Path:
    """One plan's checklist: one row per rubric item, coloured by status, plus a summary sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    data = as_dict(result)
    items = data.get("items", [])
    depths = item_depths(items)
    wb = Workbook()
    ws = wb.active
    ws.title = "检查清单"
    header = ["项目", "类型", "状态", "权重", "得分贡献", "原因", "证据"]
    ws.append(header)
    for item in tree_order(items):
        evidence = "；".join(e.get("text", "") for e in item.get("evidence") or [])
        ws.append(
            [
                "　" * depths.get(item["id"], 0) + item["name"],
                KIND_LABEL.get(item.get("kind", ""), item.get("kind", "")),
                STATUS_LABEL.get(item["status"], item["status"]),
                item.get("weight"),
                item.get("contribution"),
                item.get("reason", ""),
                evidence[:2000],
            ]
        )
        row = ws.max_row
        colour = STATUS_COLOUR.get(item["status"])
        if colour:
            cell = ws.cell(row=row, column=3)
            cell.fill = PatternFill("solid", fgColor=colour)
            cell.font = Font(color="FFFFFF", bold=True)
        for col in (1, 6, 7):
            ws.cell(row=row, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    _style_header(ws, len(header))
    _widths(ws, [42, 8, 11, 7, 10, 50, 60])
    ws.auto_filter.ref = ws.dimensions

    info = wb.create_sheet("概况")
    info.append(["方案文件", data.get("plan")])
    info.append(["得分", data.get("score")])
    rubric = data.get("rubric") or {}
    info.append(["通知", rubric.get("title") or rubric.get("source")])
    info.append([])
    info.append(["标记"])
    for flag in data.get("flags", []):
        info.append([flag])
    _widths(info, [14, 90])
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


SUMMARY_COLUMNS = [
    ("rank", "排名", 7),
    ("applicant", "申报单位", 22),
    ("plan_file", "方案文件", 34),
    ("score", "得分", 8),
    ("missing_items", "缺失项", 40),
    ("empty_items", "空白/占位项", 30),
    ("flags_count", "标记数", 8),
    ("errors", "无法读取的文件", 36),
    ("report", "报告", 14),
]


def write_summary_xlsx(rows: list[dict[str, Any]], path: str | Path) -> Path:
    """Batch summary: one row per applicant, score coloured by a 3-colour scale, link to its report."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "初筛汇总"
    ws.append([label for _, label, _ in SUMMARY_COLUMNS])
    for r in rows:
        values = []
        for key, _, _ in SUMMARY_COLUMNS:
            v = r.get(key)
            if isinstance(v, list):
                v = "；".join(str(x) for x in v)
            if key == "report":
                v = "打开报告" if r.get("report") else None
            values.append(v)
        ws.append(values)
        row = ws.max_row
        if r.get("report"):
            link = ws.cell(row=row, column=len(SUMMARY_COLUMNS))
            link.hyperlink = r["report"]  # relative to the workbook, like the HTML files beside it
            link.font = Font(color="1565C0", underline="single")
        for col in (3, 5, 6, 8):
            ws.cell(row=row, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    _style_header(ws, len(SUMMARY_COLUMNS))
    _widths(ws, [w for _, _, w in SUMMARY_COLUMNS])
    if rows:
        score_col = "D"
        ws.conditional_formatting.add(
            f"{score_col}2:{score_col}{len(rows) + 1}",
            ColorScaleRule(
                start_type="num",
                start_value=0,
                start_color="F8696B",
                mid_type="num",
                mid_value=60,
                mid_color="FFEB84",
                end_type="num",
                end_value=100,
                end_color="63BE7B",
            ),
        )
    ws.auto_filter.ref = ws.dimensions
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out
