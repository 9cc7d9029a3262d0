"""Clause segmentation: what a researcher would quote, with the spans intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.clauses import extract_clauses, segment
from pipeline.model import Document, Section, Source
from tests.conftest import REAL, SEED_NOTICE, SEED_OPINIONS, need_shared


def _doc(text: str) -> Document:
    return Document(source=Source(path="<test>", format="txt", sha256="0" * 64), text=text)


def _clauses(text: str) -> list[str]:
    return [text[r.start : r.end] for r in segment(text)]


# (input, the clauses a reader quotes from it)
SEGMENTS = [
    # a tier list written with 、 is one sentence and stays one clause (seed 004)
    (
        "对年度进出口额达5亿元、3亿元、1亿元、5000万元且较上年增长的企业，一次性分别给予30万元、20万元、15万元、10万元奖励。",
        ["对年度进出口额达5亿元、3亿元、1亿元、5000万元且较上年增长的企业，一次性分别给予30万元、20万元、15万元、10万元奖励。"],
    ),
    # a tier list written with ； is also one clause: its rungs only make sense together
    (
        "年度进出口额5亿元以上的，奖励30万元；3亿元以上的，奖励20万元；1亿元以上的，奖励10万元。",
        ["年度进出口额5亿元以上的，奖励30万元；3亿元以上的，奖励20万元；1亿元以上的，奖励10万元。"],
    ),
    # numbered items ending in ； are one clause each
    (
        "（一）具有独立法人资格；\n（二）近三年无重大违法记录；\n（三）财务管理制度健全。",
        ["（一）具有独立法人资格；", "（二）近三年无重大违法记录；", "（三）财务管理制度健全。"],
    ),
    # items run on one line after a colon are split at each number; the bare lead-in is dropped
    (
        "申请单位应提交以下材料：（一）申请表；（二）营业执照复印件。",
        ["（一）申请表；", "（二）营业执照复印件。"],
    ),
    # ；-separated sentences that are not tiers are separate clauses (seed 000 申报条件（六）)
    (
        "曾获得首批试点县的市，每市最多推荐1个县（市、区）；其它市最多可以推荐2个县（市、区）；没有符合条件的可以不申报。",
        ["曾获得首批试点县的市，每市最多推荐1个县（市、区）；", "其它市最多可以推荐2个县（市、区）；", "没有符合条件的可以不申报。"],
    ),
    # a heading line is not a clause; the item under it is
    ("一、申报条件\n（一）在本区注册满一年。", ["（一）在本区注册满一年。"]),
    # a run-in heading gives only its body (seed 004 "1.加大对外贸企业扶持力度。开展…")
    (
        "1.加大对外贸企业扶持力度。开展“培优扶强”工作，稳住外贸基本盘。",
        ["开展“培优扶强”工作，稳住外贸基本盘。"],
    ),
    # a chapter title and an article on one line (aba_gov_data_mgmt_measures_2021)
    (
        "第一章　总则　　第一条　为规范政务数据资源管理，制定本办法。",
        ["第一条　为规范政务数据资源管理，制定本办法。"],
    ),
    # a numbered item that names a figure is a clause, not a run-in title (seed 000 申报材料（二）)
    (
        "（二）试点县实施方案（2019年-2021年）。《实施方案》包括申请表。",
        ["（二）试点县实施方案（2019年-2021年）。", "《实施方案》包括申请表。"],
    ),
    # a bracketed note after the full stop belongs to its item (seed 000 "（见附件2）")
    ("（三）试点县评价指标体系完成情况。（见附件2）", ["（三）试点县评价指标体系完成情况。（见附件2）"]),
    # a closing quote after the full stop stays with its sentence
    ("实施“以展促贸。”保持出口增长。", ["实施“以展促贸。”", "保持出口增长。"]),
    # a page break cut the sentence (seed 004 "第三、四条\n\n款，全年…"): one clause
    (
        "设立区级外贸专项奖励资金，优化补充《市中区加快外向型经济发展试行办法》第三、四条\n\n款，全年进出口总量500万元以上的企业给予奖励。",
        ["设立区级外贸专项奖励资金，优化补充《市中区加快外向型经济发展试行办法》第三、四条\n\n款，全年进出口总量500万元以上的企业给予奖励。"],
    ),
    # contact lines are separate clauses even though they have no full stop (seed 000)
    (
        "联系电话：（0531）89013465、89013532\n地    址：济南市历阳大街6号银丰大厦331室",
        ["联系电话：（0531）89013465、89013532", "地    址：济南市历阳大街6号银丰大厦331室"],
    ),
    # surrounding whitespace is trimmed from the clause span
    ("   各县（市、区）均可申报。   \n", ["各县（市、区）均可申报。"]),
]


@pytest.mark.parametrize("text,expected", SEGMENTS)
def test_clauses_segment(text: str, expected: list[str]) -> None:
    assert _clauses(text) == expected


# inputs that must give no clause at all: headings, titles, lead-ins, 公文 furniture
NO_CLAUSES = [
    "",
    "  \n\n\t",
    "一、申报范围",
    "（一）固定资产投资奖励",
    "关于开展第二批山东省外贸转型升级试点县（市、区）认定工作",
    "各市商务局、财政局：",
    "联系方式：",
    "市中发〔2020〕12号",
    "2020年9月24日",
    "（2023年2月8日）",
    "原文链接：https://www.pkulaw.com/lar/abc.html",
    "有关事宜通知如下：",
    "— 3 —",
]


@pytest.mark.parametrize("text", NO_CLAUSES)
def test_clauses_segment_no_clause(text: str) -> None:
    assert _clauses(text) == []


def test_clauses_ids_kinds_and_offsets() -> None:
    text = "一、申报条件\n（一）在本区注册满一年。\n联系电话：0531-82669593"
    doc = extract_clauses(_doc(text))
    assert [c.id for c in doc.clauses] == ["c1", "c2"]
    assert [c.text for c in doc.clauses] == ["（一）在本区注册满一年。", "联系电话：0531-82669593"]
    assert doc.clauses[1].kind == "contact"
    for c in doc.clauses:
        assert text[c.start : c.end] == c.text
        assert c.confidence is not None and 0.0 <= c.confidence <= 1.0


def test_clauses_section_is_deepest_containing_section() -> None:
    text = "一、申报条件\n（一）在本区注册满一年。\n二、申报材料\n营业执照复印件。"
    doc = _doc(text)
    body2 = text.index("二、")
    doc.sections = [
        Section(id="s1", level=1, number="一、", title="申报条件", start=0, end=body2),
        Section(id="s1.1", level=2, number="（一）", title="", start=text.index("（一）"), end=body2, parent="s1"),
        Section(id="s2", level=1, number="二、", title="申报材料", start=body2, end=len(text)),
    ]
    doc = extract_clauses(doc)
    assert [(c.text, c.section) for c in doc.clauses] == [
        ("（一）在本区注册满一年。", "s1.1"),
        ("营业执照复印件。", "s2"),
    ]


def test_clauses_section_none_without_structure() -> None:
    doc = extract_clauses(_doc("各县（市、区）均可申报。"))
    assert doc.clauses[0].section is None


def test_clauses_plain_text_without_punctuation_does_not_raise() -> None:
    doc = extract_clauses(_doc("项目\t金额\n甲\t100\n乙\t200"))
    assert all(doc.text[c.start : c.end] == c.text for c in doc.clauses)


def _real_sample() -> list[Path]:
    real = need_shared(REAL)
    return sorted(real.glob("*.txt"))[:12]


def _assert_invariants(doc: Document) -> None:
    last_end = -1
    for i, c in enumerate(doc.clauses, start=1):
        assert c.id == f"c{i}"
        assert doc.text[c.start : c.end] == c.text
        assert c.text == c.text.strip()
        assert c.start >= last_end, f"{c.id} overlaps the previous clause"
        last_end = c.end


@pytest.mark.parametrize("path", [SEED_NOTICE, SEED_OPINIONS])
def test_clauses_invariants_on_seeds(path: Path) -> None:
    from pipeline.ingest import load

    doc = extract_clauses(load(path))
    assert len(doc.clauses) > 40
    _assert_invariants(doc)


def test_clauses_invariants_on_real_corpus() -> None:
    from pipeline.ingest import load

    for path in _real_sample():
        doc = extract_clauses(load(path))
        _assert_invariants(doc)


def test_clauses_leadin_context_ends_at_next_article() -> None:
    """Regression (lawref_00331 婚姻登记条例): "第六条 …有下列情形之一的，…不予登记：" made the next
    article "第七条 …进行审查" one of its items, so the classifier saw a condition list as context."""
    text = (
        "第六条 办理结婚登记的当事人有下列情形之一的，婚姻登记机关不予登记：\n"
        "(一)未到法定结婚年龄的；\n"
        "(二)非双方自愿的。\n"
        "第七条 婚姻登记机关应当对结婚登记当事人出具的证件、证明材料进行审查并询问相关情况。\n"
    )
    context = {text[r.start : r.end][:5]: r.context for r in segment(text)}
    leadin = "第六条 办理结婚登记的当事人有下列情形之一的，婚姻登记机关不予登记："
    assert context["(一)未到"][-1] == leadin
    assert context["(二)非双"][-1] == leadin
    assert leadin not in context["第七条 婚"]
