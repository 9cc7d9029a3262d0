"""Renderers for check results: HTML (one plan, with evidence), Excel, rich tables.

Renderers take a ``CheckResult`` or its ``to_dict()`` form, so that a batch
worker can hand results across processes as plain dicts and the same code
renders both.

* :func:`render_html(result, plan_text, path)` — self-contained HTML report
* :func:`render_xlsx(result, path)` — one-sheet checklist workbook
* :func:`render_table(result)` — a rich Table for the terminal
* :func:`write_summary_xlsx(rows, path)` — the batch summary workbook
* :func:`ask_list(result)` — what to ask the applicant for, in reviewer language
"""

from pipeline.report.asks import ask_list
from pipeline.report.html import render_html, render_index
from pipeline.report.table import render_table, summary_table
from pipeline.report.xlsx import render_xlsx, write_summary_xlsx

__all__ = [
    "ask_list",
    "render_html",
    "render_index",
    "render_table",
    "render_xlsx",
    "summary_table",
    "write_summary_xlsx",
]
