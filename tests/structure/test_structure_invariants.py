"""Every structure stage keeps the span invariants on any input and never raises on ordinary text."""

from __future__ import annotations

from pathlib import Path

import pytest
from structure_helpers import structure_file, structure_text
from structure_invariants import check_invariants

from tests.conftest import BULK, REAL, SEEDS, need_shared

ODD_TEXTS = [
    # a notice with no headings, no 文号, no date
    "关于做好春节期间安全生产工作的通知\n各单位：\n春节将至，请认真做好安全生产工作，落实值班制度。\n特此通知。\n",
    # no dates anywhere, numbers that look like headings but are not
    "1.5亿元\n三、四条款\n第三、四条\n（见附件）\n联系人：\n《》\n〔2020〕号\n",
    "一、\n（一）\n1.\n附件\n附件：\n联系电话：\n",
    "\n\n\n",
    "附件1\n",
    "# 标题\n## 第一章 总则\n第一条 为了规范管理，制定本条例。\n",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_structure_invariants_odd_texts(text: str) -> None:
    assert check_invariants(structure_text(text)) == []


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_structure_invariants_seeds(path: Path) -> None:
    assert check_invariants(structure_file(path)) == []


@pytest.mark.corpus
def test_structure_invariants_real_corpus() -> None:
    files = sorted(need_shared(REAL).glob("*.txt"))
    assert files
    problems = {p.name: check_invariants(structure_file(p)) for p in files}
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.corpus
@pytest.mark.slow
def test_structure_invariants_bulk_sample() -> None:
    """Every 10th bulk document (about 200 laws and notices in Markdown and plain text)."""
    files = sorted(need_shared(BULK).rglob("*.txt"))[::10]
    assert len(files) >= 150
    problems = {}
    for p in files:
        found = check_invariants(structure_file(p))
        if found:
            problems[str(p)] = found[:3]
    assert problems == {}


def test_line_spans_keep_lines_as_written() -> None:
    from pipeline.structure.lines import line_spans

    text = "一、甲\n\n\t乙 \n丙"
    assert line_spans(text) == [(0, 3), (4, 4), (5, 8), (9, 10)]  # blank line kept, tab and space kept
    assert [text[a:b] for a, b in line_spans(text, 5)] == ["\t乙 ", "丙"]
    assert line_spans(text, 0, 3) == [(0, 3)]
