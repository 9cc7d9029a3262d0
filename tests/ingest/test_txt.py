"""Plain text: encodings detected from content, lines re-joined where a paragraph was cut."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import load
from pipeline.ingest.builder import DocumentBuilder, build_from_text
from pipeline.model import BlockKind, Source

NOTICE = (
    "关于开展外贸转型升级试点县申报工作的通知\n"
    "各市商务局、财政局：\n"
    "为加快推动我省外贸转动力调结构，现将有关事项通知如下。\n"
    "一、申报条件\n"
    "（一）2018年外贸进出口规模居本地前列，奖励资金最高800万元。\n"
    "联系电话：0531-89013456\n"
)


def _src(name: str = "x.txt") -> Source:
    return Source(path=name, format="txt", sha256="0")


def _check_offsets(doc) -> None:
    for b in doc.blocks:
        if b.start is None:
            assert b.end is None and b.content
        else:
            assert 0 <= b.start <= b.end <= len(doc.text)
    body = [b for b in doc.blocks if b.start is not None and b.kind != BlockKind.TABLE_CELL]
    assert "\n".join(doc.text[b.start : b.end] for b in body) == doc.text


@pytest.mark.parametrize(
    ("encoding", "recorded"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),  # GBK is decoded (and recorded) as its superset GB18030
        ("gb2312", "gb18030"),
        ("utf-16", "utf-16-le"),  # Python's utf-16 writes a little-endian BOM
        ("utf-16-be-bom", "utf-16-be"),
    ],
)
def test_txt_round_trip_encodings(tmp_path: Path, encoding: str, recorded: str) -> None:
    path = tmp_path / f"notice_{encoding}.txt"
    if encoding == "utf-16-be-bom":
        path.write_bytes(b"\xfe\xff" + NOTICE.encode("utf-16-be"))
    else:
        path.write_bytes(NOTICE.encode(encoding))
    doc = load(path)
    assert doc.text == NOTICE.rstrip("\n")
    assert doc.source.encoding == recorded
    assert doc.source.format == "txt"
    assert doc.source.size == path.stat().st_size
    _check_offsets(doc)


def test_txt_big5(tmp_path: Path) -> None:
    text = "關於開展外貿轉型升級試點縣申報工作的通知\n各市商務局、財政局：\n為加快推動外貿發展，現將有關事項通知如下。"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    doc = load(path)
    assert doc.source.encoding == "big5"
    assert doc.text == text


def test_txt_crlf_and_fullwidth(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("奖励资金最高８００万元。\r\n补助３０％。\r\n".encode("gbk"))
    assert load(path).text == "奖励资金最高800万元。\n补助30%。"


def test_txt_markdown_headings(tmp_path: Path) -> None:
    path = tmp_path / "law.md"
    path.write_text(
        "# 某某管理办法\n\n## 第一章 总 则\n\n第一条 为了规范管理，制定本办法。\n", encoding="utf-8"
    )
    doc = load(path)
    assert doc.source.format == "md"
    assert doc.text == "某某管理办法\n第一章 总 则\n第一条 为了规范管理，制定本办法。"
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING, BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert [b.level for b in doc.blocks[:2]] == [1, 2]


# ----- re-joining ----------------------------------------------------------------------
def test_txt_seed004_page_break_joins(seed_opinions: Path) -> None:
    doc = load(seed_opinions)
    # sentences cut by page breaks in the source PDF, read by a person in the seed
    assert "第三、四条款，全年进出口总量500万元人民币及以上" in doc.text
    assert "年度实际使用外资金额500万美元及以上的重大招商引资项目" in doc.text
    assert "着力招引一批带动能力强、投资规模大的重点外资项目" in doc.text
    assert "补齐、补强服务贸易产业链条，培育一批大型服务业企业" in doc.text
    lines = doc.text.split("\n")
    # headings keep their own line
    for heading in ("一、推动外贸转型升级", "二、提高外资利用水平", "三、打造对外开放平台"):
        assert heading in lines
    # the title is not glued to the salutation, nor the signature to the date
    assert "关于印发《中共市中区委员会关于深化改革创新全面提升对外开放水平的实施意见》的通知" in lines
    assert "各镇街，区直各部门（单位）、专业公司、企业：" in lines
    assert "2020年9月24日" in lines
    _check_offsets(doc)


def test_txt_seed000_no_joins(seed_notice: Path) -> None:
    # the notice has one paragraph per line and ends every paragraph: nothing may be glued
    raw = [ln.strip() for ln in seed_notice.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
    doc = load(seed_notice)
    assert len(doc.text.split("\n")) == len(raw)


HARD_WRAPPED = """\
1．改造目标
（1）引入区级以上且符合区域功能定位的重大产业项目和重点企业；项目
交付后 1 年内，老旧厂房改造项目入驻率应不低于 70%。
（2）具备可再生能源利用条件的项目，应有不少于全部屋面水平投影 40%
的面积安装太阳能光伏，供暖可采用地源、再生水或空气源热泵等方式；项目改
造后的综合节能率达到 15%以上。
2．支持方式和标准
分为投资补助和贷款贴息两种，符合条件的改造项目可以申请其中一种支持
方式。
（1）投资补助。老旧厂房改造和配套基础设施改造项目，按照固定资产投资
总额 30%的比例安排市政府固定资产投资补助资金，最高不超过 5000 万元。
依据文件
《关于印发加强腾退低效产业空间改造利用促进产业高质量发展实施方案的通
知》
"""


def test_txt_hard_wrap_rejoined() -> None:
    doc = build_from_text(_src(), HARD_WRAPPED)
    assert doc.text.split("\n") == [
        "1．改造目标",
        "（1）引入区级以上且符合区域功能定位的重大产业项目和重点企业；项目交付后1年内，老旧厂房改造项目入驻率应不低于70%。",
        (
            "（2）具备可再生能源利用条件的项目，应有不少于全部屋面水平投影40%的面积安装太阳能光伏，"
            "供暖可采用地源、再生水或空气源热泵等方式；项目改造后的综合节能率达到15%以上。"
        ),
        "2．支持方式和标准",
        "分为投资补助和贷款贴息两种，符合条件的改造项目可以申请其中一种支持方式。",
        (
            "（1）投资补助。老旧厂房改造和配套基础设施改造项目，按照固定资产投资总额30%的比例"
            "安排市政府固定资产投资补助资金，最高不超过5000万元。"
        ),
        "依据文件",
        "《关于印发加强腾退低效产业空间改造利用促进产业高质量发展实施方案的通知》",
    ]
    _check_offsets(doc)


MUST_NOT_JOIN = [
    # (previous line, next line): each pair must stay two lines
    ("关于印发《某市促进外贸发展若干措施》的通知", "各区县人民政府，市政府各部门："),
    ("为加快推动外贸发展，结合我市实际", "一、总体要求"),
    ("为加快推动外贸发展，结合我市实际", "（一）加强组织领导"),
    ("为加快推动外贸发展，结合我市实际", "1.加大对外贸企业扶持力度。"),
    ("为加快推动外贸发展，结合我市实际", "第三条 本办法自发布之日起施行。"),
    ("为加快推动外贸发展，结合我市实际", "附件：1.申报表"),
    ("为加快推动外贸发展，结合我市实际", "联系电话：0531-12345678"),
    ("省商务厅联系人：蔡培安，电话：0531-89013456", "特此通知。"),
    ("示范带动以绿壳蛋鸡为主的禽类产业发展，", "2017年：绿壳蛋鸡总存栏数达到1000万羽。"),
    ("户，25039人（其中代化1905户，7711人）", "长顺县2017-2019年出列村基本情况"),
    ("资金奖励500万元。（责任单位：省经济和信息化厅、省财政厅）", "推动企业上云上平台，建立服务体系。"),
    ("经北京市经济和信息化局认定并授牌，从事大数据", "工具分类"),
    ("方向14可与其他方向同时申报，且", "条件要求"),  # a card's field label after a cut excerpt
    ("发布日期：2023-10-11", "人工智能算力券实施方案支持在京注册的企业，"),
    ("某市人民政府，市商务局", "2021年3月1日"),
    ("为加快推动外贸发展，结合我市实际", "——打好“四个硬仗”"),
    ("一、推动外贸转型升级，提高外资利用水平", "加大对外贸企业扶持力度，稳住外贸基本盘。"),
    ("该决定已经修正，该修正自2021年4月15日施行", "<!-- INFO END -->"),  # bulk/lawrefbook markup
    ("<!-- INFO END -->", "为依法惩治掩饰、隐瞒犯罪所得、犯罪所得收益犯罪活动，作如下解释。"),
    ("安徽省人民政府办公厅关于印发支持工业互联网发展若干政策的通知", "（皖政办秘〔2021〕82号）"),
]


@pytest.mark.parametrize(("before", "after"), MUST_NOT_JOIN)
def test_txt_must_not_join(before: str, after: str) -> None:
    for sep in ("\n", "\n\n"):
        doc = build_from_text(_src(), before + sep + after)
        assert doc.text.split("\n") == [before, after]


MUST_JOIN = [
    ("设立区级外贸专项奖励资金，优化补充第三、四条", "款，全年进出口总量500万元人民币及以上", ""),
    ("对符合产业政策导向、年度实际使用外资金额 500", "万美元及以上的重大招商引资项目，优先供地。", ""),
    ("国务院办公厅关于印发《政府网站集约化", "试点工作方案》的通知", ""),
    ("实现民营经济高质量发展，", "依据《吉林省促进中小企业发展条例》，制定如下实施意见。", ""),
    ("支持企业开拓国际市场，对通过 FDA、EMA、WHO 等权威国际机构", "注册的创新药给予奖励。", ""),
    # a line ending in a function character (的 和 与 …) cannot end a sentence or a title
    ("关于印发《某市促进外贸发展若干措施》的", "通知", ""),
    ("北京市促进高精尖产业投资推进制造业高端智能绿色发展的", "措施", ""),
    ("对年度实际使用外资不低于", "500万美元的项目，给予一次性奖励。", ""),
    ("本条例适用于本市行政区域内地下水保护、利用和", "监督管理等活动。", ""),
]


@pytest.mark.parametrize(("before", "after", "glue"), MUST_JOIN)
def test_txt_must_join(before: str, after: str, glue: str) -> None:
    from pipeline.ingest.normalise import normalise_line

    doc = build_from_text(_src(), before + "\n\n" + after)
    assert doc.text == normalise_line(before) + glue + normalise_line(after)


def test_txt_glue_puts_a_space_between_latin_words_only() -> None:
    from pipeline.ingest.builder import _glue_lines

    assert (
        _glue_lines(["applies to small and", "medium enterprises"])
        == "applies to small and medium enterprises"
    )
    assert _glue_lines(["按照 LPR", "给予贴息"]) == "按照 LPR给予贴息"
    assert _glue_lines(["最高不超过5000", "万元"]) == "最高不超过5000万元"


def test_txt_csv_lines_not_glued() -> None:
    text = "项目名称,补助金额,备注说明\n智能工厂改造,500万元,一次性拨付\n数字车间建设,200万元,分两年拨付"
    assert build_from_text(_src(), text).text == text


def test_txt_one_paragraph_per_line_not_glued() -> None:
    text = "\n".join(f"{i}.第{i}项工作要抓紧推进，确保按期完成。" for i in range(1, 8))
    assert build_from_text(_src(), text).text == text


# ----- builder: furniture, tables, pages ------------------------------------------------
BODY_LINES = ["一、总体要求", "坚持稳中求进。", "二、主要任务", "加快推进外贸转型。"]


def test_txt_builder_drops_page_numbers_and_running_headers() -> None:
    b = DocumentBuilder(_src("x.pdf"))
    for page in range(1, 5):
        b.add(BlockKind.PARAGRAPH, "某市人民政府办公室文件", page=page)
        b.add(BlockKind.PARAGRAPH, BODY_LINES[page - 1], page=page)
        b.add(BlockKind.PARAGRAPH, f"— {page} —", page=page)
    b.add(BlockKind.PARAGRAPH, "第5页 共5页", page=5)
    doc = b.build()
    assert doc.text.split("\n") == BODY_LINES
    furniture = [blk for blk in doc.blocks if blk.start is None]
    assert [f.content for f in furniture if f.kind == BlockKind.HEADER] == ["某市人民政府办公室文件"] * 4
    assert [f.content for f in furniture if f.kind == BlockKind.FOOTER] == [
        "—1—",
        "—2—",
        "—3—",
        "—4—",
        "第5页 共5页",  # normalised: spaces beside — dropped
    ]
    _check_offsets(doc)


def test_txt_builder_number_split_by_page_break() -> None:
    b = DocumentBuilder(_src("x.pdf"))
    b.add(BlockKind.PARAGRAPH, "对年度实际使用外资金额 500", page=1)
    b.add_furniture(BlockKind.FOOTER, "-1-", page=1)
    b.page_break()
    b.add(BlockKind.PARAGRAPH, "万美元及以上的项目，优先供地。", page=2)
    doc = b.build()
    assert doc.text == "对年度实际使用外资金额500万美元及以上的项目，优先供地。"
    assert doc.blocks[0].page == 1


def test_txt_builder_table_offsets() -> None:
    b = DocumentBuilder(_src("x.docx"), rejoin=False)
    b.add(BlockKind.HEADING, "附件1", level=1)
    b.add_table([["档次", "奖励"], ["５亿元", "30 万元"]])
    b.add(BlockKind.PARAGRAPH, "说明：按就高原则。")
    doc = b.build()
    assert doc.text == "附件1\n档次\t奖励\n5亿元\t30万元\n说明：按就高原则。"
    table = next(blk for blk in doc.blocks if blk.kind == BlockKind.TABLE)
    assert doc.text[table.start : table.end] == "档次\t奖励\n5亿元\t30万元"
    cells = [blk for blk in doc.blocks if blk.kind == BlockKind.TABLE_CELL]
    assert [(c.row, c.col, doc.text[c.start : c.end]) for c in cells] == [
        (0, 0, "档次"),
        (0, 1, "奖励"),
        (1, 0, "5亿元"),
        (1, 1, "30万元"),
    ]
    assert {c.parent for c in cells} == {doc.blocks.index(table)}


def test_txt_builder_rejoin_false_keeps_paragraphs() -> None:
    b = DocumentBuilder(_src("x.docx"), rejoin=False)
    b.add(BlockKind.PARAGRAPH, "设立区级外贸专项奖励资金，优化补充第三、四条")
    b.add(BlockKind.PARAGRAPH, "款，全年进出口总量500万元人民币及以上")
    assert (
        b.build().text
        == "设立区级外贸专项奖励资金，优化补充第三、四条\n款，全年进出口总量500万元人民币及以上"
    )


def test_txt_builder_heading_never_joined() -> None:
    b = DocumentBuilder(_src("x.pdf"))
    b.add(BlockKind.PARAGRAPH, "为加快推动外贸发展，结合我市实际情况")
    b.add(BlockKind.HEADING, "总体要求", level=1)
    b.add(BlockKind.PARAGRAPH, "坚持稳中求进，推动高质量发展，")
    b.add(BlockKind.PARAGRAPH, "全面提升对外开放水平。")
    doc = b.build()
    assert doc.text.split("\n") == [
        "为加快推动外贸发展，结合我市实际情况",
        "总体要求",
        "坚持稳中求进，推动高质量发展，全面提升对外开放水平。",
    ]
    assert [blk.kind for blk in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_txt_form_feed_pages_furniture_and_join() -> None:
    # pdftotext output: pages split by \f, a running header, page numbers, a sentence across pages
    raw = (
        "某市人民政府文件\n一、总体要求\n坚持稳中求进，推动外贸企业\n1\n\f"
        "某市人民政府文件\n转型升级，提升开放水平。\n二、主要任务\n2\n\f"
        "某市人民政府文件\n加快发展跨境电商。\n3\n"
    )
    doc = build_from_text(_src(), raw)
    assert doc.text.split("\n") == [
        "一、总体要求",
        "坚持稳中求进，推动外贸企业转型升级，提升开放水平。",
        "二、主要任务",
        "加快发展跨境电商。",
    ]
    furniture = [(b.kind, b.content) for b in doc.blocks if b.start is None]
    assert furniture.count((BlockKind.HEADER, "某市人民政府文件")) == 3
    assert [c for k, c in furniture if k == BlockKind.FOOTER] == ["1", "2", "3"]
    assert [b.page for b in doc.blocks if b.start is not None] == [1, 1, 2, 3]
    _check_offsets(doc)


@pytest.mark.parametrize(
    "number",
    ["— 3 —", "-3-", "- 3 -", "第3页 共10页", "第 3 页", "共10页 第3页", "3/10", "3", "Page 3 of 10"],
)
def test_txt_page_number_shapes_at_page_end(number: str) -> None:
    raw = f"一、总体要求\n坚持稳中求进。\n{number}\n\f二、主要任务\n加快发展跨境电商。\n"
    doc = build_from_text(_src(), raw)
    assert doc.text == "一、总体要求\n坚持稳中求进。\n二、主要任务\n加快发展跨境电商。"
    assert [b.kind for b in doc.blocks if b.start is None] == [BlockKind.FOOTER]


@pytest.mark.parametrize("line", ["3/10", "2019", "500"])
def test_txt_number_lines_inside_a_page_are_kept(line: str) -> None:
    raw = f"坚持稳中求进。\n{line}\n加快发展跨境电商。"
    assert build_from_text(_src(), raw).text.split("\n") == ["坚持稳中求进。", line, "加快发展跨境电商。"]


def _hard_wrap(text: str, columns: int, indent: str) -> str:
    """Re-typeset normalised text the way a PDF-to-text tool does: fixed columns, an indent on
    each paragraph's first line (GB/T 9704 公文: 28 characters a line, 2 characters indent)."""
    from pipeline.ingest.normalise import display_width

    out: list[str] = []
    for para in text.split("\n"):
        line, width, first = "", 0, True
        for ch in para:
            w = display_width(ch)
            if width + w > columns:
                out.append((indent if first else "") + line)
                line, width, first = "", 0, False
            line += ch
            width += w
        if line:
            out.append((indent if first else "") + line)
    return "\n".join(out)


@pytest.mark.parametrize("columns", [56, 60])
def test_txt_seeds_survive_hard_wrap_round_trip(seed_notice: Path, seed_opinions: Path, columns: int) -> None:
    for seed in (seed_notice, seed_opinions):
        expected = load(seed).text
        wrapped = _hard_wrap(expected, columns, "\u3000\u3000")
        assert wrapped.count("\n") > expected.count("\n") * 2
        assert build_from_text(_src(), wrapped).text == expected


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_txt_truncated_mid_character_keeps_text(tmp_path: Path, encoding: str) -> None:
    body = "关于开展试点工作的通知\n各市商务局：现将有关事项通知如下，请认真贯彻执行。" * 20
    data = (body + "完").encode(encoding)[:-1]  # a download cut inside the last character
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    doc = load(path)
    assert doc.source.encoding == encoding
    assert doc.text.startswith("关于开展试点工作的通知\n各市商务局：")
    assert doc.text.endswith("请认真贯彻执行。\ufffd")
    assert doc.warnings == [f"1 undecodable byte sequence(s) replaced by U+FFFD ({encoding})"]


def test_txt_mostly_ascii_with_one_gbk_comma(tmp_path: Path) -> None:
    # a regression guard for the lenient UTF-8 fallback: this is GBK, not UTF-8 with U+FFFD
    text = "Project list 2021" + "\n".join(f"item {i}: 500" for i in range(200)) + "\n合计，500"
    path = tmp_path / "list.txt"
    path.write_bytes(text.encode("gbk"))
    doc = load(path)
    assert doc.source.encoding == "gb18030"
    assert doc.text.endswith("合计，500")
    assert doc.warnings == []


def test_txt_regression_emoji_in_utf8_notice_is_text(tmp_path):
    """QA F7: strict UTF-8 with emoji (WeChat-style notices) was refused as 'not text'."""
    from pipeline.ingest import load

    raw = "🎉关于通知🎉\n一、奖励😀最高50万元💰。\n联系电话：010-12345678📞\n"
    path = tmp_path / "wechat.txt"
    path.write_text(raw, encoding="utf-8")
    assert load(path).text == raw.rstrip("\n")


@pytest.mark.parametrize(
    "line, is_candidate",
    [
        ("一、总体要求", True),
        ("（二）工作机制", True),
        ("第三条 申报条件", True),
        ("附件1：申请表", True),
        ("3.推进措施", True),
        ("（一）2018年外贸进出口或出口规模居本地前三位；", False),  # a numbered sentence (seed 000)
        ("到2025年底，全县外贸进出口总额达到5亿元。", False),
        ("1.5亿元用于项目建设", False),
    ],
)
def test_txt_numbered_short_lines_are_heading_candidates(tmp_path, line, is_candidate):
    from pipeline.ingest import load
    from pipeline.model import GUESSED_HEADING_STYLE, BlockKind

    path = tmp_path / "h.txt"
    path.write_text(line + "\n正文。\n", encoding="utf-8")
    first = load(path).blocks[0]
    assert (first.kind is BlockKind.HEADING) is is_candidate
    assert (first.style == GUESSED_HEADING_STYLE) is is_candidate
