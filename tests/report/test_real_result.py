"""The renderers accept a real CheckResult (not only its dict) and its evidence offsets fit the plan text."""

from __future__ import annotations

import re

import pytest

from tests.conftest import CORPORA, SEED_NOTICE

PLAN = CORPORA / "plans" / "p04_qifeng_empty_section.txt"  # a TRAIN plan: 六、配套政策 has no body


@pytest.fixture(scope="module")
def checked():
    from pipeline.check import check
    from pipeline.ingest import load
    from pipeline.rubric import compile_rubric

    return check(PLAN, compile_rubric(SEED_NOTICE)), load(PLAN).text


def test_real_result_html_marks_fit_the_ingested_text(checked, tmp_path):
    from pipeline.report import render_html
    from pipeline.report.html import collect_evidence

    result, text = checked
    spans, problems = collect_evidence(result.to_dict(), text)
    assert spans and problems == []  # every evidence span points into load(plan).text
    html = render_html(result, text, tmp_path / "r.html")
    assert re.search(r'<mark id="ev-1" class="m-\w+"', html)
    assert "配套政策" in html


def test_real_result_xlsx_and_table(checked, tmp_path):
    from openpyxl import load_workbook
    from rich.console import Console

    from pipeline.report import render_table, render_xlsx

    result, _ = checked
    ws = load_workbook(render_xlsx(result, tmp_path / "c.xlsx"))["检查清单"]
    names = [str(r[0]).strip("　") for r in ws.iter_rows(min_row=2, values_only=True)]
    assert "配套政策" in names and len(names) == len(result.items)
    console = Console(record=True, width=200)
    console.print(render_table(result))
    assert "配套政策" in console.export_text()
