"""Heading tree: which numbered lines are headings, their level and parent."""

from __future__ import annotations

from pathlib import Path

import pytest
from structure_helpers import structure_file, text_doc

from pipeline.model import Block, BlockKind
from pipeline.structure.headings import detect_sections
from tests.conftest import SEED_NOTICE, SEED_OPINIONS


def tree(text: str) -> list[tuple[str | None, int, str | None]]:
    """(number, level, parent's number) for every section, in order."""
    doc = detect_sections(text_doc(text))
    by_id = {s.id: s for s in doc.sections}
    return [(s.number, s.level, by_id[s.parent].number if s.parent else None) for s in doc.sections]


# (name, text, expected tree) — each tree written from reading the text
TREES = [
    (
        "gongwen_order",
        "一、总体要求\n（一）指导思想\n1.坚持创新\n（1）试点先行\n（2）逐步推开\n2.坚持开放\n（二）主要目标\n二、重点任务\n",
        [
            ("一、", 1, None),
            ("（一）", 2, "一、"),
            ("1.", 3, "（一）"),
            ("（1）", 4, "1."),
            ("（2）", 4, "1."),
            ("2.", 3, "（一）"),
            ("（二）", 2, "一、"),
            ("二、", 1, None),
        ],
    ),
    (
        "arabic_restarts_under_each_section",
        "一、申报条件\n1.依法注册\n2.信用良好\n二、申报材料\n1.申请表\n2.营业执照\n3.其他材料\n",
        [
            ("一、", 1, None),
            ("1.", 2, "一、"),
            ("2.", 2, "一、"),
            ("二、", 1, None),
            ("1.", 2, "二、"),
            ("2.", 2, "二、"),
            ("3.", 2, "二、"),
        ],
    ),
    (
        "arabic_continues_across_sections",  # seed 004 style: 1..3 under 一、, 4..5 under 二、
        "一、外贸\n1.扶持企业。内容。\n2.开拓市场。内容。\n3.申建基地。内容。\n二、外资\n4.招引外资。内容。\n5.拓宽渠道。内容。\n",
        [
            ("一、", 1, None),
            ("1.", 2, "一、"),
            ("2.", 2, "一、"),
            ("3.", 2, "一、"),
            ("二、", 1, None),
            ("4.", 2, "二、"),
            ("5.", 2, "二、"),
        ],
    ),
    (
        "skipped_number",  # 广州公租房: item 2 is missing, 3 still follows 1
        "一、流程\n1.提交申请。\n3.网上选房。\n二、提示\n",
        [("一、", 1, None), ("1.", 2, "一、"), ("3.", 2, "一、"), ("二、", 1, None)],
    ),
    (
        "starts_at_arabic",  # a short notice whose top level is 1、
        "1、补贴条件\n（1）初创企业\n（2）带动就业\n2、补贴标准\n",
        [("1、", 1, None), ("（1）", 2, "1、"), ("（2）", 2, "1、"), ("2、", 1, None)],
    ),
    (
        "chapters_and_articles",
        "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本市。\n第二章 管理\n第三条 主管部门负责：\n（一）制定规划；\n（二）组织实施。\n第四条 其他事项。\n",
        [
            ("第一章", 1, None),
            ("第一条", 2, "第一章"),
            ("第二条", 2, "第一章"),
            ("第二章", 1, None),
            ("第三条", 2, "第二章"),
            ("（一）", 3, "第三条"),
            ("（二）", 3, "第三条"),
            ("第四条", 2, "第二章"),
        ],
    ),
    (
        "chapter_and_article_on_one_line",  # 阿坝: "第一章 总则  第一条  为规范…"
        "第一章 总则  第一条  为规范政务数据管理，制定本办法。\n第二条  本办法适用于全州。\n第二章 规划  第三条  州主管部门负责规划。\n",
        [
            ("第一章", 1, None),
            ("第一条", 2, "第一章"),
            ("第二条", 2, "第一章"),
            ("第二章", 1, None),
            ("第三条", 2, "第二章"),
        ],
    ),
    (
        "style_seen_again_pops_back",  # 1. comes back under 二、 without a （一） in between
        "一、目标\n（一）总体目标\n1.规模\n2.质量\n二、措施\n1.组织\n2.资金\n",
        [
            ("一、", 1, None),
            ("（一）", 2, "一、"),
            ("1.", 3, "（一）"),
            ("2.", 3, "（一）"),
            ("二、", 1, None),
            ("1.", 3, "二、"),
            ("2.", 3, "二、"),
        ],
    ),
    (
        "article_nested_under_bracket_item",  # 柳河: "(一)固定资产投资奖励" then "第 3 条"
        "一、政策支持\n第 1 条 设立引导资金。\n二、支持范围\n(一)固定资产投资奖励\n第 2 条 对工业类项目给予奖励。\n(二)绩效奖励\n第 3 条 对新建项目给予奖励。\n三、其他\n第 4 条 本意见自发布之日起施行。\n",
        [
            ("一、", 1, None),
            ("第1条", 2, "一、"),
            ("二、", 1, None),
            ("(一)", 2, "二、"),
            ("第2条", 3, "(一)"),
            ("(二)", 2, "二、"),
            ("第3条", 3, "(二)"),
            ("三、", 1, None),
            ("第4条", 2, "三、"),
        ],
    ),
    (
        "second_document_restarts",  # an 印发 notice carrying two documents, each from 一、
        "政策一\n一、平台建设\n二、企业转型\n行动计划\n一、总体要求\n（一）指导思想\n二、行动步骤\n",
        [("一、", 1, None), ("二、", 1, None), ("一、", 1, None), ("（一）", 2, "一、"), ("二、", 1, None)],
    ),
    (
        "attachment_part",
        "一、申报条件\n二、申报材料\n附件1\n申请表\n一、基本情况\n二、项目内容\n",
        [
            ("一、", 1, None),
            ("二、", 1, None),
            ("附件1", 1, None),
            ("一、", 2, "附件1"),
            ("二、", 2, "附件1"),
        ],
    ),
    (
        "attachment_list_is_not_headings",  # 天河人才公寓: "附件：1.xxx" then "2.yyy" lines
        "一、申请材料\n1.申请表；\n2.承诺书。\n附件：1.申请表.docx\n2.承诺书.docx\n3.汇总表.xls\n",
        [("一、", 1, None), ("1.", 2, "一、"), ("2.", 2, "一、")],
    ),
    (
        "decimal_item_confirmed_by_neighbours",  # 广州公租房 "1.3人户家庭；" is item 1, not 1.3
        "一、分配原则\n1.3人户家庭；\n2.2人户中2人均年满18周岁的家庭；\n3.2人户中父女或母子结构的家庭。\n",
        [("一、", 1, None), ("1.", 2, "一、"), ("2.", 2, "一、"), ("3.", 2, "一、")],
    ),
    (
        "bracket_titles_head_a_digest",  # 长顺 policy digest
        "【教育扶贫政策】\n一、享受对象\n二、资助项目\n1.普通高中\n【医疗救助政策】\n1.资助参合。\n2.提高报销比例。\n",
        [
            (None, 1, None),
            ("一、", 2, None),
            ("二、", 2, None),
            ("1.", 3, "二、"),
            (None, 1, None),
            ("1.", 3, None),
            ("2.", 3, None),
        ],
    ),
    (
        "books_over_chapters",  # 民法典: 第一编 > 第一章 > 第一条
        "第一编 总则\n第一章 基本规定\n第一条 为了保护民事主体的合法权益，制定本法。\n第二章 自然人\n第二条 自然人从出生时起具有民事权利能力。\n第二编 物权\n第一章 通则\n第三条 本编调整物权关系。\n",
        [
            ("第一编", 1, None),
            ("第一章", 2, "第一编"),
            ("第一条", 3, "第一章"),
            ("第二章", 2, "第一编"),
            ("第二条", 3, "第二章"),
            ("第二编", 1, None),
            ("第一章", 2, "第二编"),
            ("第三条", 3, "第一章"),
        ],
    ),
    (
        "chapter_after_articles_closes_them",  # 开封 条例 lost its first chapter lines
        "第一条 为了保护文物，制定本条例。\n第二条 本条例适用于本市。\n第三章 可移动文物\n第三条 国有文物收藏单位应当建立档案。\n",
        [("第一条", 1, None), ("第二条", 1, None), ("第三章", 1, None), ("第三条", 2, "第三章")],
    ),
    (
        "excerpt_starting_mid_sequence",  # 北京导引 part 3 starts at 五、
        "北京市产业政策导引\n五、现代基础设施篇\n1.新基建措施\n六、现代农业篇\n1.有机肥补贴\n",
        [("五、", 1, None), ("1.", 2, "五、"), ("六、", 1, None), ("1.", 2, "六、")],
    ),
]


@pytest.mark.parametrize("name,text,expected", TREES, ids=[t[0] for t in TREES])
def test_headings_tree(name: str, text: str, expected: list) -> None:
    assert tree(text) == expected


# numbered text that must NOT become a heading
NOT_HEADINGS = [
    ("decimal_amount", "一、资金安排\n1.5亿元用于基础设施建设，其余用于产业扶持。\n", ["一、"]),
    (
        "article_range_in_running_text",
        "一、奖励办法\n三、四条款的规定继续执行，全年进出口总量达标的给予奖励。\n",
        ["一、"],
    ),
    ("grades_enumeration", "一、资助对象\n一、二年级学生按每生每年1900元资助。\n", ["一、"]),
    ("number_list_in_text", "一、适用范围\n1、2、3号楼的住户均可申请。\n", ["一、"]),
    (
        "number_out_of_sequence",
        "一、总则\n二、申报\n七、这不是第七部分而是一句被拆行的正文。\n",
        ["一、", "二、"],
    ),
    ("year_at_line_start", "一、目标\n2020年新开工过亿元项目30个。\n", ["一、"]),
    ("inline_numbers", "一、要求\n按照第三、四条款执行，标准为1.5倍。\n", ["一、"]),
]


@pytest.mark.parametrize("name,text,numbers", NOT_HEADINGS, ids=[t[0] for t in NOT_HEADINGS])
def test_headings_ignore_numbers_in_running_text(name: str, text: str, numbers: list[str]) -> None:
    assert [n for n, _, _ in tree(text)] == numbers


TITLES = [
    # seed 004: the title of a numbered heading ends at the first 。
    (
        "1.加大对外贸企业扶持力度。开展“培优扶强”工作。\n2.大力开拓国际市场。鼓励企业参展。\n",
        "加大对外贸企业扶持力度",
    ),
    # seed 000: a numbered list item's title is its first phrase
    (
        "（一）2018年外贸进出口或出口规模居本地前三位；2019年上半年增幅居前三位。\n（二）产业特色鲜明。\n",
        "2018年外贸进出口或出口规模居本地前三位",
    ),
    ("一、申报范围\n二、申报条件\n", "申报范围"),
    ("第一条　（目的和依据）\n为了推进建设，制定本办法。\n第二条　（适用范围）\n", "（目的和依据）"),
    ("一、享受对象：\n二、资助项目：\n", "享受对象"),
]


@pytest.mark.parametrize("text,title", TITLES)
def test_headings_title_is_first_phrase(text: str, title: str) -> None:
    doc = detect_sections(text_doc(text))
    assert doc.sections[0].title == title


def test_headings_no_headings_gives_no_sections() -> None:
    doc = detect_sections(
        text_doc("关于做好春节期间安全生产工作的通知\n各单位：\n请认真做好安全生产工作。\n特此通知。\n")
    )
    assert doc.sections == []


def test_headings_empty_text() -> None:
    assert detect_sections(text_doc("")).sections == []


def test_headings_section_spans_nest() -> None:
    text = "一、甲\n（一）子一\n内容。\n（二）子二\n二、乙\n内容。\n"
    doc = detect_sections(text_doc(text))
    one, sub1, sub2, two = doc.sections
    assert (one.start, one.end) == (0, text.index("二、乙"))
    assert sub1.end == sub2.start
    assert sub2.end == two.start
    assert two.end == len(text)
    assert text[one.heading_start : one.heading_end] == "一、甲"


def test_headings_layout_heading_blocks_are_trusted() -> None:
    """A docx "Heading 1" without a number is a level-1 section (the reader's evidence wins)."""
    text = "总则\n本办法适用于全市。\n附则\n本办法自印发之日起施行。\n"
    doc = text_doc(text)
    doc.blocks = [
        Block(BlockKind.HEADING, 0, 2, level=1),
        Block(BlockKind.PARAGRAPH, 3, 12),
        Block(BlockKind.HEADING, 13, 15, level=1),
        Block(BlockKind.PARAGRAPH, 16, len(text) - 1),
    ]
    sections = detect_sections(doc).sections
    assert [(s.title, s.level) for s in sections] == [("总则", 1), ("附则", 1)]


def test_headings_seed_notice_tree(structured) -> None:
    doc = structured(SEED_NOTICE)
    top = [(s.number, s.title) for s in doc.sections if s.level == 1]
    assert top == [
        ("一、", "申报范围"),
        ("二、", "申报条件"),
        ("三、", "申报材料"),
        ("四、", "申报和认定程序"),
        ("五、", "监督管理和绩效评价"),
    ]
    materials = next(s for s in doc.sections if s.number == "三、")
    children = [s.number for s in doc.sections if s.parent == materials.id]
    assert children == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    procedure = next(s for s in doc.sections if s.number == "四、")
    assert [s.title for s in doc.sections if s.parent == procedure.id] == ["申报", "初审", "评审认定", "公示"]
    assert len(doc.sections) == 23
    # the contacts block after 五、 is not a heading
    assert all("联系" not in s.title for s in doc.sections)


def test_headings_seed_opinions_tree(structured) -> None:
    doc = structured(SEED_OPINIONS)
    top = [s for s in doc.sections if s.level == 1]
    assert [s.number for s in top] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]
    assert top[-1].title == "加强党对开放工作的领导"
    items = [s for s in doc.sections if s.level == 2]
    assert [s.number for s in items] == [f"{i}." for i in range(1, 30)]
    assert items[0].title == "加大对外贸企业扶持力度"
    by_id = {s.id: s for s in doc.sections}
    assert by_id[items[6].parent].number == "二、"  # 7. continues the numbering under 二、
    assert by_id[items[28].parent].number == "七、"
    # the title, 文号 and signature lines above the body are not sections
    assert doc.sections[0].start == doc.text.index("一、推动外贸转型升级")


# ----- QA F11: a styled title is the document's title, not its root section -------------------
NOTICE = ["关于开展试点工作的通知", "各县（市、区）财政局：", "一、支持标准", "每个项目奖励最高800万元。",
          "二、申报时间", "请于2019年8月23日前报送申报材料。", "某省财政厅", "2019年7月1日"]


def _docx(path: Path, lines: list[tuple[str, int | None]]) -> Path:
    """lines: (text, heading level for python-docx add_heading — 0 = Title — or None for a paragraph)."""
    import docx

    d = docx.Document()
    for text, level in lines:
        d.add_heading(text, level) if level is not None else d.add_paragraph(text)
    d.save(str(path))
    return path


@pytest.mark.parametrize("title_level", [0, 1], ids=["Title", "Heading1"])
def test_headings_regression_styled_docx_title_is_not_a_section(tmp_path: Path, title_level: int) -> None:
    lines = [(NOTICE[0], title_level)] + [(t, None) for t in NOTICE[1:]]
    doc = structure_file(_docx(tmp_path / "n.docx", lines))
    assert doc.meta.title == "关于开展试点工作的通知"
    assert [(s.number, s.title, s.level, s.parent) for s in doc.sections] == [
        ("一、", "支持标准", 1, None),
        ("二、", "申报时间", 1, None),
    ]


def test_headings_regression_styled_title_and_styled_sections_rebase_levels(tmp_path: Path) -> None:
    """Title as Heading 1 and the 一、 lines as Heading 2: 一、 is still the top level of the body."""
    lines = [(NOTICE[0], 1), (NOTICE[1], None), (NOTICE[2], 2), (NOTICE[3], None), (NOTICE[4], 2), (NOTICE[5], None)]
    doc = structure_file(_docx(tmp_path / "n.docx", lines))
    assert doc.meta.title == "关于开展试点工作的通知"
    assert [(s.number, s.title, s.level) for s in doc.sections] == [("一、", "支持标准", 1), ("二、", "申报时间", 1)]


def test_headings_regression_html_h1_title_is_not_a_section(tmp_path: Path) -> None:
    path = tmp_path / "n.html"
    path.write_text(
        "<html><head><meta charset='utf-8'><title>关于开展试点工作的通知</title></head><body>"
        + "<h1>关于开展试点工作的通知</h1><p>各县（市、区）财政局：</p>"
        + "<h2>一、支持标准</h2><p>每个项目奖励最高800万元。</p><h2>二、申报时间</h2><p>请于2019年8月23日前报送申报材料。</p>"
        + "</body></html>",
        encoding="utf-8",
    )
    doc = structure_file(path)
    assert doc.meta.title == "关于开展试点工作的通知"
    assert [(s.number, s.title, s.level) for s in doc.sections] == [("一、", "支持标准", 1), ("二、", "申报时间", 1)]


def test_headings_regression_styled_unnumbered_section_after_title_is_kept(tmp_path: Path) -> None:
    """Only the title goes: a styled 前言 (not a title, not a letterhead) is still a section."""
    lines = [("某市数字经济发展规划", 0), ("前言", 1), ("为加快数字经济发展，制定本规划。", None),
             ("一、发展目标", None), ("到2025年数字经济核心产业增加值达到1000亿元。", None)]
    doc = structure_file(_docx(tmp_path / "plan.docx", lines))
    assert doc.meta.title == "某市数字经济发展规划"
    assert [(s.number, s.title) for s in doc.sections][:1] == [(None, "前言")]
