"""The clause-coverage diagnostic (pipeline.eval.clause_coverage): amounts and deadlines in no clause."""

from __future__ import annotations

from pathlib import Path

from pipeline.eval.clause_coverage import bulk_sample, categorise, measure
from pipeline.extract.clauses import extract_clauses
from pipeline.model import Document, Source
from tests.conftest import BULK, need_shared

# a notice written as a form: a table row, a label with its value below, a lead-in naming a date
FORM_NOTICE = (
    "一、补贴标准\n"
    "补贴项目\t补贴标准\n"
    "一次性创业补贴\t10000元\n"
    "二、申报时间\n"
    "申报时间：\n"
    "2025年8月11日至8月22日\n"
    "三、申报材料\n"
    "2025年9月30日前提交以下材料：\n"
    "（一）营业执照复印件；\n"
)


def test_clauses_coverage_form_notice_has_no_orphans(tmp_path: Path) -> None:
    path = tmp_path / "form.txt"
    path.write_text(FORM_NOTICE, encoding="utf-8")
    cov = measure([path])
    assert (cov.docs, cov.amounts_uncovered, cov.deadlines_uncovered) == (1, 0, 0)
    assert cov.amounts == 1  # 10000元
    assert cov.deadlines >= 1


def _doc(text: str) -> Document:
    return Document(source=Source(path="<test>", format="txt", sha256="0" * 64), text=text)


def test_clauses_coverage_categorise_lines_without_a_clause() -> None:
    """With no clauses at all, each line is named by its shape: what a segmentation fix must target."""
    doc = _doc(FORM_NOTICE)
    assert categorise(doc, FORM_NOTICE.index("10000元")) == "table"
    assert categorise(doc, FORM_NOTICE.index("2025年9月30日")) == "leadin"
    assert categorise(doc, FORM_NOTICE.index("2025年8月11日")) == "heading"
    doc = extract_clauses(_doc("申报时间：2025年8月11日至8月22日。"))
    doc.clauses = []
    assert categorise(doc, doc.text.index("2025")) == "form_line"


def test_clauses_coverage_bulk_sample_is_fixed_and_spread() -> None:
    need_shared(BULK)
    first = bulk_sample(150)
    assert first == bulk_sample(150)
    assert len(set(first)) == 150 and all(p.exists() for p in first)
    # spread over the whole corpus, not its first 150 files
    assert first[-1].name > "01900.txt"
