"""Regressions found by the full-corpus sweep (all 2,000 bulk + 32 real documents).

Each test is named after the bug it pins; inputs are short hand-written snippets in the
shape of the corpus text that showed the bug.
"""

from __future__ import annotations

import hashlib

import pytest

from pipeline.model import Document, Source
from pipeline.structure.attachments import extract_attachments
from pipeline.structure.headings import detect_sections


def _doc(text: str) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return detect_sections(Document(source=Source(path="t.txt", format="txt", sha256=sha), text=text))


NOTICE_WITH_ATTACHMENT_PART = "一、总则\n本办法自发布之日起施行。\n附件\n数字政府建设考评指标\n一、基本情况\n"


@pytest.mark.parametrize(
    "text, number, title",
    [
        (NOTICE_WITH_ATTACHMENT_PART, "附件", "数字政府建设考评指标"),
        (
            "一、总则\n正文。\n附件1\n\u3000家庭医生签约服务质量监测指标体系（2023年版）\u3000\n一级指标\n",
            "附件1",
            "家庭医生签约服务质量监测指标体系（2023年版）",
        ),
        ("一、总则\n正文。\n附表\n易制毒化学品的分类和品种目录\n", "附表", "易制毒化学品的分类和品种目录"),
    ],
)
def test_headings_regression_attachment_heading_span_quotes_its_next_line_title(
    text: str, number: str, title: str
) -> None:
    """Sweep: a bare 附件 line took its title from the next line but its heading span stopped at 附件."""
    doc = _doc(text)
    [part] = [s for s in doc.sections if s.style == "attachment"]
    assert (part.number, part.title) == (number, title)
    heading = text[part.heading_start : part.heading_end]
    assert heading.startswith(number) and heading.endswith(title)
    assert part.start <= part.heading_start <= part.heading_end <= part.end
    # the body the checker reads starts after the title, not with it
    assert title not in text[part.heading_end : part.end]


def test_attachments_regression_attachment_span_covers_the_part_title() -> None:
    """The Attachment built from an attachment part quotes the title it reports."""
    doc = extract_attachments(_doc(NOTICE_WITH_ATTACHMENT_PART))
    [att] = doc.attachments
    assert att.title == "数字政府建设考评指标"
    assert doc.text[att.start : att.end] == "附件\n数字政府建设考评指标"


@pytest.mark.parametrize(
    "text",
    [
        "一、总则\n正文。\n附件1\n附件：\n1.申请表\n",  # a list intro is not the part's title
        "一、总则\n正文。\n附件1\n一、基本情况\n",  # a numbered heading is not the part's title
        "一、总则\n正文。\n附件1\n",  # nothing after it
    ],
)
def test_headings_regression_attachment_heading_without_title_line_keeps_its_own_span(text: str) -> None:
    doc = _doc(text)
    part = next(s for s in doc.sections if s.style == "attachment")
    assert part.title == ""
    assert text[part.heading_start : part.heading_end] == "附件1"


# ----- citations: pairing a 文号 with its title ------------------------------------------

CITING_SENTENCE = "依据《甲条例》（国发〔2020〕{n}号）和《乙办法》，参照川府发〔2019〕{n}号执行。\n"


def test_citations_regression_many_citations_pair_each_number_with_its_own_title() -> None:
    """Sweep: pairing scanned back over every earlier title for each 文号 (quadratic: 20,000
    citations took 11 s). The bisect that replaced it must pair exactly as before: a 文号 in
    brackets right after a title belongs to it; a bare one after a comma stands alone."""
    from pipeline.structure.citations import extract_citations

    text = "".join(CITING_SENTENCE.format(n=n) for n in range(1, 301))
    doc = extract_citations(_doc(text))
    got = [(c.title, c.doc_number) for c in doc.citations]
    expected = []
    for n in range(1, 301):
        expected += [("甲条例", f"国发〔2020〕{n}号"), ("乙办法", None), (None, f"川府发〔2019〕{n}号")]
    assert got == expected
    for c in doc.citations:
        assert doc.text[c.start : c.end] == c.text
    assert doc.citations[0].text == "《甲条例》（国发〔2020〕1号）"
