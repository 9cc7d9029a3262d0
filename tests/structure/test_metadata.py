"""Metadata: title, 文号, issuers, 主送, 成文日期, 印发日期 and their spans."""

from __future__ import annotations

import pytest
from structure_helpers import text_doc

from pipeline.structure.metadata import extract_metadata, find_doc_numbers, split_recipients
from tests.conftest import SEED_NOTICE, SEED_OPINIONS

DOC_NUMBERS = [
    ("市中发〔2020〕12号", "市中发〔2020〕12号"),
    ("鲁商字[2018]191号", "鲁商字〔2018〕191号"),
    ("（皖政办秘〔2021〕82号）", "皖政办秘〔2021〕82号"),
    ("国发(2019)3号", "国发〔2019〕3号"),
    ("穗民规字【2025】2号", "穗民规字〔2025〕2号"),
    ("京经信发〔2022〕51 号", "京经信发〔2022〕51号"),
    ("国办发（2018）117号", "国办发〔2018〕117号"),
    ("根据鲁政发〔2018〕24号文件要求", "鲁政发〔2018〕24号"),
    ("现将市中政办字〔2019〕16号印发", "市中政办字〔2019〕16号"),
]


@pytest.mark.parametrize("text,expected", DOC_NUMBERS)
def test_metadata_doc_number_brackets_normalised(text: str, expected: str) -> None:
    assert [n.text for n in find_doc_numbers(text)] == [expected]


NOT_DOC_NUMBERS = [
    "2018年12月6日",
    "〔2018〕",
    "（第19号）",
    "编号2019-12号",
    "共计2018个",
    "《办法》(2018年修订)",
]


@pytest.mark.parametrize("text", NOT_DOC_NUMBERS)
def test_metadata_doc_number_no_false_match(text: str) -> None:
    assert find_doc_numbers(text) == []


RECIPIENTS = [
    ("各市商务局、财政局", ["各市商务局", "财政局"]),
    ("各镇街，区直各部门（单位）、专业公司、企业", ["各镇街", "区直各部门（单位）", "专业公司", "企业"]),
    (
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构",
        ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"],
    ),
    ("各县（市、区）人民政府，省政府各部门", ["各县（市、区）人民政府", "省政府各部门"]),
]


@pytest.mark.parametrize("line,expected", RECIPIENTS)
def test_metadata_split_recipients(line: str, expected: list[str]) -> None:
    assert split_recipients(line) == expected


def test_metadata_seed_opinions(structured) -> None:
    doc = structured(SEED_OPINIONS)
    m = doc.meta
    assert m.doc_number == "市中发〔2020〕12号"
    assert m.issuers == ["中共市中区委", "市中区人民政府"]
    assert m.date == "2020-09-24"
    assert m.issued_date == "2020-09-24"
    assert m.title == "关于印发《中共市中区委员会关于深化改革创新全面提升对外开放水平的实施意见》的通知"
    assert m.recipients == ["各镇街", "区直各部门（单位）", "专业公司", "企业"]
    a, b = m.spans["doc_number"]
    assert doc.text[a:b] == "市中发〔2020〕12号"
    a, b = m.spans["date"]
    assert doc.text[a:b] == "2020年9月24日"
    a, b = m.spans["title"]
    assert doc.text[a:b] == m.title


def test_metadata_seed_notice(structured) -> None:
    m = structured(SEED_NOTICE).meta
    assert m.title == "关于开展第二批山东省外贸转型升级试点县（市、区）认定工作"
    assert m.recipients == ["各市商务局", "财政局"]
    # the notice carries no 文号, signature or date: nothing is invented
    assert m.doc_number is None
    assert m.issuers == []
    assert m.date is None


PKULAW_STYLE = (
    "【法宝引证码】 CLI.12.4792728\n"
    "原文链接：https://www.pkulaw.com/lar/abc.html\n"
    "某某市人民政府办公室关于印发某某市数据管理办法的通知\n"
    "某府办发〔2021〕21号\n"
    "各县（市）人民政府、市级各部门：\n"
    "现将《某某市数据管理办法》印发你们，请认真遵照执行。各地各部门要结合实际抓好落实，确保各项工作任务按期完成。\n"
    "某某市人民政府办公室\n"
    "2021年10月11日\n"
    "某某市数据管理办法\n"
    "第一条 为规范数据管理，制定本办法。\n"
)


def test_metadata_source_header_is_skipped() -> None:
    from pipeline.structure.headings import detect_sections

    m = extract_metadata(detect_sections(text_doc(PKULAW_STYLE))).meta
    assert m.title == "某某市人民政府办公室关于印发某某市数据管理办法的通知"
    assert m.doc_number == "某府办发〔2021〕21号"
    assert m.recipients == ["各县（市）人民政府", "市级各部门"]
    assert m.issuers == ["某某市人民政府办公室"]
    assert m.date == "2021-10-11"


DATES = [
    ("某某局\n二〇二〇年九月二十四日\n", "2020-09-24"),
    ("某某局\n2026年 4月 20 日\n", "2026-04-20"),
    ("某某局\n2019年10月9日\n", "2019-10-09"),
    ("关于支持重点产业加快发展的实施意见\n(2023年2月8日)\n为抢抓机遇，制定如下实施意见。\n", "2023-02-08"),
    # a web page header is the fallback when the text has no date line
    ("发布日期：2025-04-08 11:24:11\n一、补贴条件\n", "2025-04-08"),
]


@pytest.mark.parametrize("text,iso", DATES)
def test_metadata_date_forms(text: str, iso: str) -> None:
    assert extract_metadata(text_doc(text)).meta.date == iso


def test_metadata_field_value_dates_are_not_the_date() -> None:
    """广州民政: "实施日期：" / "2025年06月01日" is a field of the web page, not the 成文日期."""
    text = "实施日期：\n2025年06月01日\n广州市民政局  广州市财政局\n2025年5月30日\n"
    m = extract_metadata(text_doc(text)).meta
    assert m.date == "2025-05-30"
    assert m.issuers == ["广州市民政局", "广州市财政局"]


def test_metadata_government_order() -> None:
    text = "某某自由贸易试验区管理办法\n上海市人民政府令\n（第19号）\n《某某管理办法》已经市政府常务会议通过，现予公布，自2019年8月20日起施行。\n市长　某某\n2019年8月12日\n"
    m = extract_metadata(text_doc(text)).meta
    assert m.doc_number == "上海市人民政府令第19号"
    assert m.issuers == ["上海市人民政府"]
    assert m.date == "2019-08-12"
    assert m.title == "某某自由贸易试验区管理办法"


def test_metadata_letterhead_when_unsigned() -> None:
    text = "中共某某县委文件\n某发〔2020〕3号\n关于加强基层治理的意见\n各乡镇党委：\n现就加强基层治理提出如下意见，请结合实际认真贯彻落实，确保取得实效。\n"
    m = extract_metadata(text_doc(text)).meta
    assert m.issuers == ["中共某某县委"]
    assert m.doc_number == "某发〔2020〕3号"


def test_metadata_text_without_dates_or_header() -> None:
    text = (
        "为进一步做好相关工作，现将有关事项说明如下。请各单位认真执行，并及时反馈执行中遇到的问题和建议。\n"
    )
    m = extract_metadata(text_doc(text)).meta
    assert (m.title, m.doc_number, m.date, m.issued_date) == (None, None, None, None)
    assert m.issuers == [] and m.recipients == [] and m.spans == {}


def test_metadata_empty_text() -> None:
    assert extract_metadata(text_doc("")).meta.title is None


def test_metadata_issuer_from_title_when_unsigned() -> None:
    """pkulaw exports drop the signature: the title names the issuer (包头 考评办法 notice)."""
    text = (
        "某某市人民政府办公室关于印发《某某市考评办法》的通知\n某府办发〔2022〕43号\n各区人民政府：\n"
        "经市人民政府同意，现将《某某市考评办法》印发给你们，请认真抓好落实，确保各项任务按时完成。\n2022年4月14日\n"
    )
    m = extract_metadata(text_doc(text)).meta
    assert m.issuers == ["某某市人民政府办公室"]
    assert m.date == "2022-04-14"


# QA F11 (PDF): a 22 pt title wraps onto two lines and has no type word (通知/办法…) to end it
WRAPPED_TITLES = [
    (
        "关于开展第二批山东省外贸转型升级试点县\n（市、区）认定工作\n各市商务局、财政局：\n为加快推动外贸发展，通知如下：\n一、申报范围\n",
        "关于开展第二批山东省外贸转型升级试点县（市、区）认定工作",
    ),
    # the next line is the 文号 or a date: not part of the title
    ("关于开展试点县认定工作\n鲁商字〔2019〕98号\n各市商务局：\n一、申报范围\n", "关于开展试点县认定工作"),
    ("关于开展试点县认定工作\n2019年7月1日\n各市商务局：\n一、申报范围\n", "关于开展试点县认定工作"),
    # the next line is the 主送 line
    ("关于开展试点县认定工作\n各市商务局：\n一、申报范围\n", "关于开展试点县认定工作"),
]


@pytest.mark.parametrize(("text", "title"), WRAPPED_TITLES)
def test_metadata_regression_wrapped_title_without_type_word(text: str, title: str) -> None:
    from pipeline.structure.headings import detect_sections

    doc = extract_metadata(detect_sections(text_doc(text)))
    assert doc.meta.title == title
    a, b = doc.meta.spans["title"]
    assert doc.text[a:b].replace("\n", "") == title


PROMULGATION_LINES = [
    # (header, doc_number, issuers, date) — the promulgation line compilations print under a title
    ("# 某某安全监督检查办法\n2022年5月26日 国家市场监督管理总局令第57号公布\n2022年7月1日 施行\n",
     "国家市场监督管理总局令第57号", ["国家市场监督管理总局"], "2022-05-26"),
    ("# 某某标志使用办法\n1996年1月29日 中华人民共和国国务院、中华人民共和国中央军事委员会令第194号发布\n",
     "中华人民共和国国务院、中华人民共和国中央军事委员会令第194号",
     ["中华人民共和国国务院", "中华人民共和国中央军事委员会"], "1996-01-29"),
    # a 常务会议通过 line above: the date is the one on the order line, not the meeting
    ("# 某某费用交纳办法\n2006年12月8日 国务院第159次常务会议通过\n2006年12月19日 中华人民共和国国务院令第481号公布\n",
     "中华人民共和国国务院令第481号", ["中华人民共和国国务院"], "2006-12-19"),
]


@pytest.mark.parametrize("header,number,issuers,date", PROMULGATION_LINES)
def test_metadata_promulgation_line_gives_order_number_issuers_and_date(
    header: str, number: str, issuers: list[str], date: str
) -> None:
    text = header + "第一条 为了规范管理，制定本办法。\n第二条 本办法自公布之日起施行。\n"
    doc = extract_metadata(text_doc(text))
    assert (doc.meta.doc_number, doc.meta.issuers, doc.meta.date) == (number, issuers, date)
    a, b = doc.meta.spans["date"]
    y, m, d = (int(x) for x in date.split("-"))
    assert doc.text[a:b] == f"{y}年{m}月{d}日"  # the span is the order line's date, not the 施行 date


NOT_PROMULGATION = [
    "2019年3月2日 国务院令第709号修订\n",  # an amendment, not the original order
    "根据2011年1月8日《国务院关于废止和修改部分行政法规的决定》修订\n",
]


@pytest.mark.parametrize("line", NOT_PROMULGATION)
def test_metadata_amendment_lines_are_not_promulgation(line: str) -> None:
    text = "# 某某条例\n" + line + "第一条 为了规范管理，制定本条例。\n"
    doc = extract_metadata(text_doc(text))
    assert doc.meta.doc_number is None and doc.meta.date is None


def test_metadata_iso_date_keeps_two_digit_day() -> None:
    # regression: "2026-05-18" matched as 2026-05-1 (day alternatives tried shortest first)
    text = "某某申报指南\n发布日期：2026-05-18 15:15\n一、申报条件\n申请人应当具有本科以上学历。\n"
    assert extract_metadata(text_doc(text)).meta.date == "2026-05-18"


def test_metadata_web_column_label_is_not_part_of_the_title() -> None:
    text = "【关注】学历型人才引进入户申报指南\n发布日期：2026-05-18\n一、申报条件\n申请人应当具有本科以上学历。\n"
    assert extract_metadata(text_doc(text)).meta.title == "学历型人才引进入户申报指南"


def test_metadata_promulgation_line_without_order_number() -> None:
    # older regulations: "1981年4月6日 国务院发布" names issuer and date but no 令 number
    text = "# 某某待遇的规定\n1981年4月6日 国务院发布\n发布之日施行\n第一条 为了规范管理，制定本规定。\n"
    m = extract_metadata(text_doc(text)).meta
    assert (m.doc_number, m.issuers, m.date) == (None, ["国务院"], "1981-04-06")
