"""Attachments: 附件 lists, labelled parts, part headings and （见附件N） references."""

from __future__ import annotations

import pytest
from structure_helpers import structure_text

from tests.conftest import SEED_NOTICE


def attachments(text: str) -> list[tuple[str | None, str]]:
    return [(a.number, a.title) for a in structure_text(text).attachments]


CASES = [
    (
        "list_on_intro_line",
        "一、申请材料\n请按要求提交。\n附件：1.天河区人才公寓申请表（个人）.docx\n2.诚信承诺书.docx\n3.汇总表.xls\n",
        [("附件1", "天河区人才公寓申请表（个人）"), ("附件2", "诚信承诺书"), ("附件3", "汇总表")],
    ),
    (
        "list_under_bare_intro",
        "特此通告。\n附件：\n1.2025年第一批房源简介\n2.保障房小区服务窗口\n广州市住房保障办公室\n",
        [("附件1", "2025年第一批房源简介"), ("附件2", "保障房小区服务窗口")],
    ),
    (
        "single_unnumbered",
        "第二十三条 本办法自印发之日起施行。\n附件：广州市就业见习基地申请程序\n",
        [(None, "广州市就业见习基地申请程序")],
    ),
    (
        "labelled_lines",
        "特此通知。\n附件1：项目申报表\n附件2：承诺书\n",
        [("附件1", "项目申报表"), ("附件2", "承诺书")],
    ),
    (
        "part_heading_with_title_line",
        "一、工作安排\n二、工作要求\n附件\n专项工作组名单\n组长：某某\n",
        [("附件", "专项工作组名单")],
    ),
    (
        "list_and_part_name_one_attachment",
        "特此通知。\n附件：1.监测指标体系\n2.任务分工表\n附件1\n监测指标体系\n一、指标\n附件2\n任务分工表\n",
        [("附件1", "监测指标体系"), ("附件2", "任务分工表")],
    ),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_attachments_found(name: str, text: str, expected: list) -> None:
    assert attachments(text) == expected


NONE = [
    "附件下载请登录网站查看。\n",  # mentions 附件 without naming one
    "一、总则\n1.申请表\n2.承诺书\n",  # a numbered list that is not an attachment list
    "",
]


@pytest.mark.parametrize("text", NONE)
def test_attachments_none(text: str) -> None:
    assert attachments(text) == []


def test_attachments_seed_notice_references(structured) -> None:
    doc = structured(SEED_NOTICE)
    assert [(a.number, a.title) for a in doc.attachments] == [
        ("附件1", "申请表"),
        ("附件2", "试点县评价指标体系完成情况"),
    ]
    for a in doc.attachments:
        assert doc.text[a.start : a.end] == f"（见{a.number}）"


# QA F18: a list of bare download links ("附件1.docx") gave attachments with blank titles
LINK_LISTS = [
    (
        "links_only",
        "特此通知。\n附件：\n附件1.docx\n附件2.docx\n",
        [("附件1", "附件1.docx"), ("附件2", "附件2.docx")],
    ),
    (
        "link_named_in_the_body",
        "应提交《困难家庭认定表》（附件2）及证明材料。\n附件：\n附件1.docx\n附件2.docx\n",
        [("附件1", "附件1.docx"), ("附件2", "困难家庭认定表")],
    ),
]


@pytest.mark.parametrize("name,text,expected", LINK_LISTS, ids=[c[0] for c in LINK_LISTS])
def test_attachments_regression_download_links_have_no_blank_titles(name: str, text: str, expected: list) -> None:
    doc = structure_text(text)
    assert [(a.number, a.title) for a in doc.attachments] == expected
    assert all(a.title for a in doc.attachments)
