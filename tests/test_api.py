"""The documented Python API keeps working whatever was imported first."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import SEED_NOTICE, SEED_OPINIONS


def test_api_regression_extract_callable_after_subpackage_import():
    """`import pipeline.extract.clauses` rebinds pipeline.extract to the subpackage; the call must still work."""
    code = (
        "import pipeline, pipeline.extract.clauses\n"
        f"a = pipeline.extract({str(SEED_OPINIONS)!r})\n"
        f"b = pipeline.extract({str(SEED_NOTICE)!r})\n"
        "print(a.meta.doc_number, len(b.contacts))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    # seed 004's 文号 as printed on it; seed 000 ends with two contact groups (省商务厅, 省财政厅)
    assert out.stdout.split() == ["市中发〔2020〕12号", "2"]


def test_api_regression_reanalysing_a_document_is_idempotent():
    """QA F13: re-running the stages on an analysed Document duplicated sections, citations and contacts."""
    import pipeline

    first = pipeline.extract(SEED_NOTICE)
    counts = [len(first.sections), len(first.citations), len(first.contacts), len(first.clauses)]
    again = pipeline.extract(first)
    assert [len(again.sections), len(again.citations), len(again.contacts), len(again.clauses)] == counts
    assert len({s.id for s in again.sections}) == len(again.sections)
