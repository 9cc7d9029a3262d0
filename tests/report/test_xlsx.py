"""Excel and rich-table renderings of one check, and the batch summary workbook."""

from __future__ import annotations

from openpyxl import load_workbook
from rich.console import Console

from pipeline.report import render_table, render_xlsx, summary_table, write_summary_xlsx


def test_xlsx_checklist_rows_and_colours(fake_result, tmp_path):
    path = render_xlsx(fake_result, tmp_path / "c.xlsx")
    wb = load_workbook(path)
    ws = wb["检查清单"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(fake_result["items"])
    assert [r[0].strip("　") for r in rows][:3] == ["申请表", "详细实施方案", "工作机制"]
    assert rows[2][0].startswith("　")  # indented under 详细实施方案
    status = {r[0].strip("　"): r[2] for r in rows}
    assert status["配套政策"] == "空白/占位" and status["申请表"] == "缺失"
    assert ws.cell(row=2, column=3).fill.fgColor.rgb.endswith("8E0000")  # missing: dark red
    assert ws.freeze_panes == "A2"
    info = {r[0]: r[1] for r in wb["概况"].iter_rows(values_only=True) if r and r[0]}
    assert info["得分"] == 61.5


def test_xlsx_summary_workbook(tmp_path):
    rows = [
        {
            "rank": 1,
            "applicant": "甲县",
            "plan_file": "a.txt",
            "score": 90.0,
            "missing_items": [],
            "empty_items": [],
            "flags_count": 0,
            "errors": [],
            "report": "reports/甲县.html",
        },
        {
            "rank": 2,
            "applicant": "乙县",
            "plan_file": "b.pdf",
            "score": 40.5,
            "missing_items": ["申请表", "工作机制"],
            "empty_items": ["配套政策"],
            "flags_count": 3,
            "errors": ["error E015: x.pdf: corrupt"],
            "report": "reports/乙县.html",
        },
    ]
    ws = load_workbook(write_summary_xlsx(rows, tmp_path / "s.xlsx")).active
    values = list(ws.iter_rows(min_row=2, values_only=True))
    assert values[1][:7] == (2, "乙县", "b.pdf", 40.5, "申请表；工作机制", "配套政策", 3)
    assert ws.cell(row=3, column=9).hyperlink.target == "reports/乙县.html"
    assert ws.column_dimensions["B"].width == 22


def test_table_renders_checklist_and_summary(fake_result):
    console = Console(record=True, width=160)
    console.print(render_table(fake_result))
    console.print(
        summary_table(
            [
                {
                    "rank": 1,
                    "applicant": "甲县",
                    "score": 61.5,
                    "missing_items": ["申请表（见附件1）"],
                    "empty_items": [],
                }
            ]
        )
    )
    out = console.export_text()
    assert "61.5" in out and "职责分工" in out and "缺失" in out
    assert "申请表" in out and "见附件1" not in out  # short names in the summary table
