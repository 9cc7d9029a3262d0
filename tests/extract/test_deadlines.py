"""Deadlines: due dates, starts, ranges, periods, recurrences, who acts — and what is not a deadline.

Every expected value was read off the sentence by a person; sentences marked with a document name are
quoted from that train-split document (test-split documents are never used here).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.extract.deadlines import extract_deadlines, reference_date
from pipeline.model import Clause, Deadline, Document, Source
from tests.conftest import BULK, REAL, SEED_NOTICE, SEED_OPINIONS, need_shared

HOLIDAYS_2027 = Path(__file__).resolve().parents[2] / "pipeline" / "data" / "holidays" / "example-2027.yaml"


def _doc(text: str, date: str | None = None) -> Document:
    doc = Document(source=Source("test.txt", "txt", "x"), text=text)
    doc.meta.date = date
    return doc


def _run(text: str, date: str | None = None, **kw) -> list[Deadline]:
    return extract_deadlines(_doc(text, date), **kw).deadlines


def _load(path: Path) -> Document:
    try:
        from pipeline.ingest import load
    except ImportError:  # ingestion is written in parallel; the raw text is enough for dates
        return Document(source=Source(str(path), "txt", "x"), text=path.read_text(encoding="utf-8"))
    return load(path)


# (sentence, document date, expected (kind, date, year_inferred) of the only deadline)
DATED = [
    ("请于2019年8月23日前报送。", None, ("due_by", "2019-08-23", False)),
    ("于8月30日前分别报省商务厅和省财政厅。", "2019-08-20", ("due_by", "2019-08-30", True)),
    ("请于2019.8.23前报送申报材料。", None, ("due_by", "2019-08-23", False)),
    ("请于2019-08-23之前报送。", None, ("due_by", "2019-08-23", False)),
    ("请于二〇一九年八月二十三日以前提交。", None, ("due_by", "2019-08-23", False)),
    ("本办法自2025年1月1日起施行。", None, ("start", "2025-01-01", False)),
    ("从2023年7月起执行新标准。", None, ("start", "2023-07-01", False)),
    ("力争2025年底前全面完成。", None, ("due_by", "2025-12-31", False)),
    ("于9月底前完成整改。", "2019-08-20", ("due_by", "2019-09-30", True)),
    ("2020年上半年前完成验收。", None, ("due_by", "2020-06-30", False)),
    ("第一季度前完成摸底。", "2020-01-10", ("due_by", "2020-03-31", True)),
    ("年内完成全部改造任务。", "2022-04-14", ("due_by", "2022-12-31", True)),
    ("3月中旬前报送名单。", "2020-01-10", ("due_by", "2020-03-20", True)),
    ("申报截至2025年3月31日。", "2025-03-01", ("due_by", "2025-03-31", False)),
    ("不迟于2025年3月31日提交报告。", "2025-03-01", ("due_by", "2025-03-31", False)),
    ("材料报送时间截止到2025年3月31日为止。", "2025-03-01", ("due_by", "2025-03-31", False)),
    ("于2026年6月5日发放录取通知书。", "2026-04-20", ("on_date", "2026-06-05", False)),
    ("各市（州）于6月20日18：00前报送自查报告。", "2014-06-01", ("due_by", "2014-06-20", True)),
    # seed 004: a target after the document date, written without a marker
    ("2021年底，出口退税审批平均2个工作日办结。", "2020-09-24", ("due_by", "2021-12-31", False)),
    # a notice of 2019-12-20 asking for something "by 15 January" means January 2020
    ("请于1月15日前报送。", "2019-12-20", ("due_by", "2020-01-15", True)),
]


@pytest.mark.parametrize(("text", "date", "expected"), DATED)
def test_deadlines_dated(text: str, date: str | None, expected: tuple[str, str, bool]) -> None:
    found = [d for d in _run(text, date) if d.kind != "period"]
    assert [(d.kind, d.date, d.year_inferred) for d in found] == [expected]


RANGES = [
    ("申报时间为2025年3月1日至3月31日。", [("start", "2025-03-01"), ("range_end", "2025-03-31")]),
    ("可在2025年3月20日-27日到服务窗口提交申请。", [("start", "2025-03-20"), ("range_end", "2025-03-27")]),
    ("受理时间：2025年12月20日至2026年1月10日。", [("start", "2025-12-20"), ("range_end", "2026-01-10")]),
    ("报名时间为4月26日至4月28日。", [("start", "2019-04-26"), ("range_end", "2019-04-28")]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_deadlines_range_gives_both_ends(text: str, expected: list[tuple[str, str]]) -> None:
    found = _run(text, "2019-04-01" if "4月26日" in text else None)
    assert [(d.kind, d.date) for d in found] == expected


PERIODS = [
    ("对候选名单进行为期7个工作日公示。", (7, "workday")),
    ("应当自收到申请之日起15个工作日内作出决定。", (15, "workday")),
    ("政务部门应当在十五个工作日内处理。", (15, "workday")),
    ("申请人应在30日内补正材料。", (30, "day")),
    ("整改应在3个月内完成。", (3, "month")),
    ("两周内反馈意见。", (2, "week")),
    ("一年内完成建设。", (1, "year")),
    ("本办法自颁布之日起施行，有效期2年。", (2, "year")),
    ("符合正常放行条件的48小时内放行。", (48, "hour")),
    ("提供承诺半年内申领的承诺书。", (6, "month")),
    ("村级核查后进行7天公示。", (7, "day")),
    ("本政策暂定三年有效期。", (3, "year")),
    ("在两年之内实行直通车机制。", (2, "year")),
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_deadlines_period(text: str, expected: tuple[float, str]) -> None:
    (d,) = _run(text, "2020-01-01")
    assert d.kind == "period" and d.duration is not None
    assert (d.duration.value, d.duration.unit) == expected


RECURRING = [
    ("民办非企业单位应当于每年3月底前报送上一年度工作报告。", "yearly:03-31"),
    ("各有关部门于每年2月底前报送名单。", "yearly:02-28"),
    ("每年3月31日前报送年度报告。", "yearly:03-31"),
    ("试点城市每季度末报送工作进展。", "quarterly:end"),
    ("每月10日前报送上月数据。", "monthly:10"),
    ("每半年报送一次工作情况。", "half-yearly"),
    ("申报时间：每年10月左右。", "yearly:10"),
    ("各地每季度报送一次进展情况。", "quarterly"),
]


@pytest.mark.parametrize(("text", "expected"), RECURRING)
def test_deadlines_recurring(text: str, expected: str) -> None:
    (d,) = _run(text, "2020-01-01")
    assert (d.kind, d.recurrence, d.date) == ("recurring", expected, None)


# Sentences with dates or numbers in them that are not deadlines.
NOT_DEADLINES = [
    ("2016年以来转型升级取得的成效。", "2019-08-23"),
    ("试点县实施方案（2019年-2021年）。", "2019-08-23"),
    ("2018年外贸进出口或出口规模居本地前三位。", "2019-08-23"),
    ("2019年上半年进出口或出口增幅居本地前三位。", "2019-08-23"),  # seed 000: a statistic
    ("到2025年，全省货物贸易占比达30%。", "2022-03-23"),
    ("从2019年起，各有关部门研究提出名单。", "2018-12-06"),
    ("依照第3条规定执行。", None),
    ("连续5年奖励。", None),
    ("联系电话：0531-82669593", None),
    ("根据鲁商字〔2018〕191号文件要求。", None),
    ("每个试点县奖励资金最高800万元。", None),
    ("经营满一年的一次性奖励1万元。", None),
    ("补贴期限最长不超过3年。", None),
    ("连续缴纳社会保险满3个月以上。", None),
    ("每年安排最高100万元经费。", None),
    ("本办法所称港澳青年是指45周岁以下的居民。", None),
    ("每月按22个工作日计算。", None),
    ("近三年内未发生重大安全事故。", None),
    ("离校未就业（毕业2年内）高校毕业生。", None),
    ("截至2018年底，全省共有试点县20个。", "2019-08-23"),
    ("本办法已经2019年7月30日市政府第60次常务会议通过，现予公布。", "2019-08-12"),
    ("2022年9月1日至2023年8月31日期间出生的适龄幼儿。", "2026-04-20"),
    ("项目建设时间应为2022年7月1日至2023年6月30日之间。", "2024-01-01"),
    ("中职学校（1900元/生•年）", None),
    ("2000年底前建成的老旧小区。", "2023-08-09"),
    ("1990年4月26日市人民政府发布的《规定》同时废止。", "2003-10-15"),
]


@pytest.mark.parametrize(("text", "date"), NOT_DEADLINES)
def test_deadlines_must_not_match(text: str, date: str | None) -> None:
    assert _run(text, date) == []


OWN_DATES = [
    "特此通知。\n广州市天河区科技工业和信息化局\n2023年8月9日\n",
    "现印发给你们。\n2023年8月9日印发\n",
    "发布时间：2023-08-09 10:57\n正文。",
    "成文日期：2023年8月9日\n",
    "政策解读    2023-08-09\n正文。",
]


@pytest.mark.parametrize("text", OWN_DATES)
def test_deadlines_document_own_date_is_not_a_deadline(text: str) -> None:
    assert _run(text, "2023-08-09") == []


ACTORS = [
    # seed 000
    (
        ("拟申报试点的县（市、区）商务主管部门会同财政部门，应根据申报条件和材料要求，并征求所在地人民政府同意后，"
        "将加盖公章的申报材料装订成册于2019年8月23日前分别报各市商务主管部门和财政部门。"),
        "拟申报试点的县（市、区）商务主管部门",
        "将加盖公章的申报材料装订成册分别报各市商务主管部门和财政部门",
    ),
    # seed 000
    (
        ("各市商务主管部门和财政部门收到申报材料后，核实是否符合申报条件，并形成推荐意见连同县（市、区）申报材料"
        "（一式两份）于8月30日前分别报省商务厅和省财政厅。"),
        "各市商务主管部门和财政部门",
        "分别报省商务厅和省财政厅",
    ),
    # sc_incentive_measures_notice_2018
    (
        "各有关部门制定或调整完善后的激励措施实施办法，于2018年12月31日前报送国务院办公厅。",
        "各有关部门",
        "报送国务院办公厅",
    ),
    # aba_gov_data_mgmt_measures_2021
    (
        "政务部门应当自情形发生之日起10个工作日内更新本部门政务数据资源目录。",
        "政务部门",
        "更新本部门政务数据资源目录",
    ),
    # guangzhou_public_rental_housing_allocation_notice_2025
    (
        "2025年3月20日，市住房保障办、广州安居集团分别在市住房城乡建设局网站公布常态分配房源。",
        "市住房保障办、广州安居集团",
        "分别在市住房城乡建设局网站公布常态分配房源",
    ),
    ("申请人应当在收到通知之日起15个工作日内提交补正材料。", "申请人", "提交补正材料"),
    ("请各单位于2025年3月31日前将汇总表报送市财政局。", "各单位", "将汇总表报送市财政局"),
]


@pytest.mark.parametrize(("text", "actor", "action"), ACTORS)
def test_deadlines_actor_and_action(text: str, actor: str, action: str) -> None:
    (d,) = _run(text, "2018-12-06")
    assert d.actor is not None and d.actor.startswith(actor)
    assert d.action == action


def test_deadlines_period_anchor_is_kept() -> None:
    (d,) = _run("数据提供部门应当自收到复核申请之日起7个工作日内进行校核。", "2021-10-11")
    assert d.anchor == "收到复核申请之日起"
    assert d.date is None  # the event has no date


def test_deadlines_period_anchored_to_a_date_gets_a_due_date() -> None:
    # 7 working days after Friday 2019-09-27 skip the National Day week: Saturday 2019-10-12
    (d,) = _run("自2019年9月27日起7个工作日内完成公示。", "2019-09-20")
    assert (d.kind, d.date) == ("period", "2019-10-12")
    assert d.warnings == []


def test_deadlines_period_anchored_to_the_document_date() -> None:
    (d,) = _run("各区应在本文印发后3个月内出台辖区实施方案。", "2023-10-19")
    assert (d.date, d.anchor) == ("2024-01-19", "本文印发后")


def test_deadlines_2027_working_days_warn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYLENS_HOLIDAYS", raising=False)
    doc = extract_deadlines(_doc("自2027年9月30日起3个工作日内报送。", "2027-09-01"))
    (d,) = doc.deadlines
    assert d.date == "2027-10-05"  # Monday–Friday: 10-01, 10-04, 10-05
    assert d.warnings and "2027" in d.warnings[0]
    assert d.warnings[0] in doc.warnings


def test_deadlines_2027_with_holiday_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYLENS_HOLIDAYS", str(HOLIDAYS_2027))
    doc = extract_deadlines(_doc("自2027年9月30日起3个工作日内报送。", "2027-09-01"))
    (d,) = doc.deadlines
    assert d.date == "2027-10-11"
    assert d.warnings == [] and doc.warnings == []


def test_deadlines_no_year_anywhere_warns() -> None:
    (d,) = _run("请于8月30日前报送。")
    assert d.date is None and d.warnings


def test_deadlines_reference_date_fallbacks() -> None:
    assert reference_date(_doc("于8月30日前报送。\n2019年8月2日\n")).source == "signature line"
    ref = reference_date(_doc("于2019年8月23日前报送，8月30日前报省厅。"))
    assert (str(ref.date), ref.source) == ("2019-08-23", "latest full date in the text")
    ref = reference_date(_doc("转发国发明电〔2014〕1号，于6月20日前报送。"))
    assert (ref.date, ref.year) == (None, 2014)
    assert reference_date(_doc("其他", "2020-09-24")).source == "meta.date"


def test_deadlines_clause_id() -> None:
    text = "一、申报。请于2019年8月23日前报送。"
    doc = _doc(text)
    doc.clauses = [Clause(id="c1", section=None, kind="deadline", start=5, end=len(text), text=text[5:])]
    (d,) = extract_deadlines(doc).deadlines
    assert d.clause == "c1"


def test_deadlines_seed_notice() -> None:
    doc = extract_deadlines(_load(SEED_NOTICE))
    found = [(d.text, d.kind, d.date, d.duration and (d.duration.value, d.duration.unit)) for d in doc.deadlines]
    assert found == [
        ("2019年8月23日前", "due_by", "2019-08-23", None),
        ("8月30日前", "due_by", "2019-08-30", None),
        ("7个工作日", "period", None, (7, "workday")),
    ]
    first, second, _ = doc.deadlines
    assert first.actor.startswith("拟申报试点的县（市、区）商务主管部门")
    assert "报各市商务主管部门和财政部门" in first.action
    assert second.year_inferred and second.actor == "各市商务主管部门和财政部门"
    assert second.action == "分别报省商务厅和省财政厅"


def test_deadlines_seed_opinions() -> None:
    doc = extract_deadlines(_load(SEED_OPINIONS))
    found = {(d.kind, d.date, d.duration and (d.duration.value, d.duration.unit)) for d in doc.deadlines}
    assert found == {("period", None, (3, "year")), ("due_by", "2021-12-31", None), ("period", None, (2, "workday"))}


def _corpus_files() -> list[Path]:
    real = sorted(need_shared(REAL).glob("*.txt"))
    bulk = sorted(need_shared(BULK).rglob("*.txt"))
    return real + sorted(random.Random(20261123).sample(bulk, min(40, len(bulk))))


@pytest.mark.corpus
def test_deadlines_offsets_hold_on_real_corpus() -> None:
    seen = 0
    for path in _corpus_files():
        doc = extract_deadlines(_load(path))
        seen += len(doc.deadlines)
        for d in doc.deadlines:
            assert doc.text[d.start : d.end] == d.text, (path.name, d)
            assert d.kind in {"due_by", "on_date", "start", "period", "recurring", "range_end"}
            assert d.date or d.duration or d.recurrence or d.warnings, (path.name, d)
    assert seen >= 100  # the real corpus alone has well over a hundred time limits (gold: 44 in 8 test docs)


def test_deadlines_regression_year_read_as_period_count() -> None:
    # the end of a plan-year range followed by 年内 was read as a period of 2024 years
    assert _run("在2022-2024年内有效。", "2023-01-01") == []


def test_deadlines_regression_labelled_date_alone_on_its_line() -> None:
    # a web record puts the label and the date on separate lines; the date was taken for a signature
    found = _run("文号：\n穗民规字〔2025〕9号\n实施日期：\n2025年07月01日\n失效日期：\n2026年07月01日\n正文。", "2025-06-20")
    assert [(d.kind, d.date) for d in found] == [("start", "2025-07-01"), ("due_by", "2026-07-01")]


def test_deadlines_ordinary_text_finds_nothing() -> None:
    assert _run("") == []
    assert _run("为加快推动我省外贸转动力调结构，积极探索具有山东特色的县域外贸转型发展路径。") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("请于2024年5月1日至5月31日期间提交材料。", [("start", "2024-05-01"), ("range_end", "2024-05-31")]),
        ("请于2024年5月1日—5月31日期间报送。", [("start", "2024-05-01"), ("range_end", "2024-05-31")]),
        ("2023年1月1日至11月30日期间签订贷款合同的企业给予贴息。", []),  # a qualifying window, not a deadline
    ],
)
def test_deadlines_regression_window_with_qijian(text, expected):
    """QA F6: a submission window written '…至…期间提交' gave no deadline at all."""
    from pipeline.extract.deadlines import extract_deadlines
    from pipeline.model import Document, Source

    doc = extract_deadlines(Document(source=Source("x.txt", "txt", "0"), text=text))
    assert [(d.kind, d.date) for d in doc.deadlines] == expected


# ---- periods counted back from an event, validity wordings, recurrences, conditions -------------
# Values read off each sentence; "bulk NNNNN" names the lawrefbook_laws file the wording was taken from
# (none of them in corpora/gold_fresh/split.yaml).

# (sentence, (value, unit) of the only deadline, the event it counts back from)
COUNTDOWNS = [
    ("许可证有效期届满6个月前向原发证机关提出延续申请。", (6, "month"), "届满"),
    ("应当在活动开始30日前向公安机关申请。", (30, "day"), "活动开始"),
    ("施工单位应当在施工二十四小时前通知用户。", (24, "hour"), "施工"),
    ("主办者应当在活动举办十日前提出申请。", (10, "day"), "活动举办"),
    ("应当在有效期届满三十日前申请延续。", (30, "day"), "有效期届满"),
    ("合同期满前3个月书面通知对方。", (3, "month"), "合同期满前"),
    # bulk 00457
    ("设计单位，应当在设计活动开始30日前，将下列文件报国务院核安全监管部门备案。", (30, "day"), "设计活动开始"),
    # bulk 01201: "的" between the event and the period
    ("应当在会议举行的一个月前将地方性法规草案发给代表。", (1, "month"), "会议举行"),
    # bulk 00173: working days counted back
    ("应当在有效期届满30个工作日前提出延续注册的申请。", (30, "workday"), "有效期届满"),
    # bulk 00497: 之前
    ("应当在进入中华人民共和国管辖海域15天之前，通报主管部门。", (15, "day"), "进入中华人民共和国管辖海域"),
    # bulk 01834: event + 前 + period
    ("出租人应当在出售前三个月通知承租人。", (3, "month"), "出售前"),
    # hours before an event need no preposition (bulk laws on water supply interruptions)
    ("停止供水二十四小时前，供水企业应当通知用户。", (24, "hour"), "停止供水"),
    # the day or date of an event (bulk laws)
    ("应当在陈列展览开始之日10个工作日前报送。", (10, "workday"), "陈列展览开始之日"),
    ("海洋科学研究计划预定开始日期6个月前提出申请。", (6, "month"), "开始日期"),
]


@pytest.mark.parametrize(("text", "expected", "event"), COUNTDOWNS)
def test_deadlines_period_counted_back_from_an_event(text: str, expected: tuple[int, str], event: str) -> None:
    (d,) = _run(text, "2020-01-01")
    assert d.kind == "period" and d.duration is not None and d.date is None
    assert (d.duration.value, d.duration.unit) == expected
    assert d.anchor is not None and event in d.anchor


# (sentence, (value, unit), the words the span starts with)
VALIDITY = [
    ("记录的保留期为2个月。", (2, "month"), "保留期"),
    ("档案保留期为1年。", (1, "year"), "保留期"),
    ("许可证有效期最长不超过二年。", (2, "year"), "有效期"),
    ("临时占用期限不超过三十日。", (30, "day"), "期限"),
    ("许可证有效期自批准之日起5年。", (5, "year"), "有效期"),
    ("有效期为5年。", (5, "year"), "有效期"),
    # bulk 00500
    ("进出口审批单的有效期最长为90日，不得超期使用。", (90, "day"), "有效期"),
    # bulk 01768: a cap on an extension is a limit
    ("每次延长期限不得超过一年。", (1, "year"), "期限"),
    # bulk 00062: no link word at all (the pre-existing 有效期 prefix)
    ("生鲜乳收购许可证有效期2年。", (2, "year"), "有效期"),
    ("许可证有效期限为三年。", (3, "year"), "有效期限"),
    ("监控录像保存期限不少于30日。", (30, "day"), "保存期限"),
    # the noun in the clause before the value
    ("有效期自批准之日起计算，为5年。", (5, "year"), "有效期"),
]


@pytest.mark.parametrize(("text", "expected", "head"), VALIDITY)
def test_deadlines_validity_and_retention_periods(text: str, expected: tuple[int, str], head: str) -> None:
    (d,) = _run(text, "2020-01-01")
    assert d.kind == "period" and d.duration is not None
    assert (d.duration.value, d.duration.unit) == expected
    assert d.text.startswith(head)


# (sentence, recurrence, duration kept with it or None)
RECURRING_NEXT = [
    ("纳税人应当于次年3月31日前报送年度报告。", "yearly:03-31", None),
    ("次月10日前缴纳上月税款。", "monthly:10", None),
    # bulk 00341: 内 after the day
    ("扣缴义务人每月代扣的税款，应当在次月7日内缴入中央国库。", "monthly:07", None),
    # bulk 01668
    ("于形成之日的次年六月三十日前向部门档案馆移交。", "yearly:06-30", None),
    ("于季度终了后15日内报送季度报表。", "quarterly", (15, "day")),
    ("纳税人应当于每季度终了后15日内报送。", "quarterly", (15, "day")),
    ("扣缴义务人应当于月份终了后15日内缴纳。", "monthly:15", (15, "day")),
    # 12-31 + 5 months = 05-31; 12-31 + 120 days = 04-30 (bulk 00574 "会计年度结束后一百二十日内")
    ("纳税人应当自年度终了后5个月内汇算清缴。", "yearly:05-31", (5, "month")),
    ("在每个会计年度结束后一百二十日内提交年度报告。", "yearly:04-30", (120, "day")),
    # 每年…前 in the wordings of the bulk laws
    ("联勤机关卫生部门应当于每年十二月底以前报告。", "yearly:12-31", None),
    ("取水单位应当在每年的12月31日前报送。", "yearly:12-31", None),
    ("用水单位应当在每年年底前报送用水计划。", "yearly:12-31", None),
]


@pytest.mark.parametrize(("text", "recurrence", "duration"), RECURRING_NEXT)
def test_deadlines_recurring_next_year_and_period_end(text: str, recurrence: str,
                                                     duration: tuple[int, str] | None) -> None:
    (d,) = _run(text, "2020-01-01")
    assert (d.kind, d.recurrence, d.date) == ("recurring", recurrence, None)
    assert (d.duration and (d.duration.value, d.duration.unit)) == duration


# Conditions, look-backs and qualifying dates: no deadline at all.
NOT_LIMITS = [
    # a restated limit in a condition (the extension after it is a limit of its own since issue 4:
    # test_deadlines_conventions.py::test_deadlines_regression_condition_then_extension)
    "因特殊原因三个月内无法办完的，可以申请延期。",
    "受托法院未能在6个月内将受托案件执结的，应当说明情况。",  # bulk laws: same shape
    "针对首年关税为零的2034种、5年内关税减让显著的2725种出口商品开展推介。",  # a look-back statistic
    "三年内发生较大以上生产安全事故的企业不得申报。",
    "申请人二年内曾因违法行为受过行政处罚的，不予受理。",
    "申请人近三年无违法记录。",
    "近三年内未发生重大安全事故。",
    "2023年7月31日以后种植的耕地不予补贴。",  # a qualifying date
    "劳动者在劳动合同解除或者终止前12个月的平均工资低于当地最低工资标准的。",  # bulk 00170: a window
    "见习期限一般为3个月至6个月。",  # guangzhou internship measures (train): a programme's length
    "补贴期限最长不超过3年。",
    "租赁期限不超过3年。",
    "自税款所属纳税年度的次年起计算。",  # 次年 without a date
    "三年前已取得资格的人员。",  # a time ago, no event
    # transitional provisions (bulk judicial interpretations): dates that sort cases
    "第四条 对于2015年10月31日以前通过信息网络实施的侮辱行为，适用修正前的规定。",
    "对申请日在2009年10月1日以后的实用新型专利提起诉讼。",
    "补偿期限不超过五年。",  # the length of a compensation, like 补贴期限
]


@pytest.mark.parametrize("text", NOT_LIMITS)
def test_deadlines_conditions_and_lookbacks_are_not_limits(text: str) -> None:
    assert _run(text, "2024-01-01") == []


# Countdown look-alikes that must not become a period counted back.
NOT_COUNTDOWNS = [
    "请于10日前报送。",  # the 10th of the month, not ten days before something
    "应当在下月的十五日前公布。",  # bulk 01183: the 15th of next month
]


@pytest.mark.parametrize("text", NOT_COUNTDOWNS)
def test_deadlines_day_of_month_is_not_a_countdown(text: str) -> None:
    assert [d for d in _run(text, "2020-01-01") if d.kind == "period"] == []


def test_deadlines_regression_modal_keeps_a_due_date_with_de_clause() -> None:
    # bulk laws: a 的 in the clause does not make a due date a condition when the clause says 应当
    found = _run("有限公司的发起人应当在2027年6月30日前按照其认购的股份全额缴纳股款。", "2024-01-01")
    assert [(d.kind, d.date) for d in found] == [("due_by", "2027-06-30")]


def test_deadlines_regression_bracketed_aside_keeps_the_limit() -> None:
    # bulk laws: the 的 that closes the bracket is not the end of the limit's clause
    (d,) = _run("代理人应当在船舶驶离口岸前4小时内（船舶在口岸停泊时间不足4小时的，在抵达口岸时）办理手续。",
                "2020-01-01")
    assert (d.kind, d.duration.value, d.duration.unit) == ("period", 4, "hour")


def test_deadlines_regression_next_year_start_of_a_computation_is_not_recurring() -> None:
    # bulk 00088: "次年6月1日起至…止的期间" starts an interest computation, it is not due every year
    found = _run("自税款所属纳税年度的次年6月1日起至补缴税款之日止的期间。", "2020-01-01")
    assert [d for d in found if d.kind == "recurring"] == []


# QA F19: a weekday in brackets between the date and 前 (申报通知 style).
# (sentence, document date, (text, kind, date) of the only deadline)
WEEKDAY_BRACKETS = [
    ("请于2024年3月15日（星期五）17:00前提交。", None, ("2024年3月15日（星期五）17:00前", "due_by", "2024-03-15")),
    ("请于2024年3月15日（周五）前提交。", None, ("2024年3月15日（周五）前", "due_by", "2024-03-15")),
    ("请于2019年8月30日(星期五)前报送。", None, ("2019年8月30日(星期五)前", "due_by", "2019-08-30")),
    ("请于2024-03-15（周五）前提交。", None, ("2024-03-15（周五）前", "due_by", "2024-03-15")),
    ("请于8月30日（星期五）前报送申报材料。", "2019-07-01", ("8月30日（星期五）前", "due_by", "2019-08-30")),
    # a date the document's year does not fit: 2023-03-15 is a Wednesday, 2024-03-15 the Friday
    ("某府发〔2023〕5号\n请于3月15日（星期五）前报送。", None, ("3月15日（星期五）前", "due_by", "2024-03-15")),
    # no 前: still the date of an event, with the weekday inside its span
    ("会议定于2024年3月15日（星期五）召开。", None, ("2024年3月15日（星期五）", "on_date", "2024-03-15")),
]


@pytest.mark.parametrize(("text", "date", "expected"), WEEKDAY_BRACKETS)
def test_deadlines_regression_weekday_in_brackets_keeps_due_by(text, date, expected) -> None:
    found = _run(text, date)
    assert [(d.text, d.kind, d.date) for d in found] == [expected]
    assert text[found[0].start : found[0].end] == found[0].text
