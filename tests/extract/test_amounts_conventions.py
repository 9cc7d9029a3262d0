"""Money amounts written the ways issue 4's second blind set (corpora/gold_fresh2/NOTES.md) showed were
missed: per-unit caps with one-character numerals, fines and fees as a share of a base, levels reached
(提高到N%), per-unit markers other than a plain 每 — and the look-alikes that must stay out.

Values were worked out by reading each phrase; sources are named where a sentence is quoted or shortened.
"""

from __future__ import annotations

import pytest

from pipeline.extract.amounts import find_amounts

# (phrase, span text, kind, value, low, high, percent, per) of the amount whose span is `span`
CASES = [
    # lawrefbook 01176: a cap per square metre, the numeral a single character
    ("按照开垦面积，对个人处每平方米一元以下的罚款", "一元以下", "cap", 1, None, 1, None, "平方米"),
    ("对单位处每平方米五元以下的罚款", "五元以下", "cap", 5, None, 5, None, "平方米"),
    ("对个人处每平方米一元的罚款", "一元", "per_unit", 1, None, None, None, "平方米"),
    # a band of one-character numerals is one range, not a lone cap on its upper end (bulk 01186, 01941)
    ("处每平方米一元以上三元以下的罚款", "一元以上三元以下", "range", None, 1, 3, None, "平方米"),
    ("处十元以上五十元以下罚款", "十元以上五十元以下", "range", None, 10, 50, None, None),
    ("处五元以下罚款或者警告", "五元以下", "cap", 5, None, 5, None, None),
    # fines as a share of a money base (lawrefbook 00648, bulk 00496)
    ("由合同管理机关处其造成损失部分10%至50%的罚款", "10%至50%", "percent", None, 10, 50, None, None),
    ("处货物价值5%以上30%以下罚款", "5%以上30%以下", "percent", None, 5, 30, None, None),
    ("处上一年年收入百分之四十的罚款", "百分之四十", "percent", None, None, None, 40, None),
    # a fee paid at a rate: the payment verb after the percentage (lawrefbook 00078, bulk 00326)
    ("1001元至50000元的部分 按4%－5%交纳", "4%－5%", "rate", None, 4, 5, None, None),
    ("城镇企业事业单位按照本单位工资总额的2%缴纳失业保险费", "2%", "rate", None, None, None, 2, None),
    # ... but a verb before it says nothing about the percentage: a share refunded
    ("可以退还企业再投资部分已缴纳所得税的40%税款", "40%", "percent", None, None, None, 40, None),
    # the level a reimbursement rate is raised to (changshun work plan)
    ("乡村两级普通门诊报销比例提高到90%以上", "90%以上", "percent", None, 90, None, 90, None),
    ("大病保险补偿比例提高到60%以上", "60%以上", "percent", None, 60, None, 60, None),
    # per-unit markers other than a bare 每 (lawrefbook 00648, guangzhou graduate startup subsidies, bulk 01096)
    ("未按货物运输合同履行，按车向托运人偿付违约金50元", "50元", "per_unit", 50, None, None, None, "车"),
    ("补贴标准：每连续租满1年补贴6000元", "6000元", "per_unit", 6000, None, None, None, "年"),
    ("并按照每聘用一人二万元的标准处以罚款", "二万元", "per_unit", 20000, None, None, None, "人"),
    ("按照每使用一名童工每月处5000元罚款的标准给予处罚", "5000元", "per_unit", 5000, None, None, None, "名/月"),
]


@pytest.mark.parametrize(("text", "span", "kind", "value", "low", "high", "percent", "per"), CASES)
def test_amounts_conventions_values_and_kinds(text, span, kind, value, low, high, percent, per) -> None:
    found = [a for a in find_amounts(text) if span in a.text]
    assert len(found) == 1, [(a.text, a.kind) for a in find_amounts(text)]
    (a,) = found
    assert (a.kind, a.value, a.low, a.high, a.percent, a.per) == (kind, value, low, high, percent, per)
    assert text[a.start : a.end] == a.text


# phrases holding no amount at all
NOT_AMOUNTS = [
    "是指在全体中方投资者中出资数额最多且占中方全体投资者出资总额的30%以上的出资者。",  # lawrefbook 00306
    "国有独资或者国有资本占注册资本总额的51%以上；",  # bulk 00100: an equity share
    "变更出资额占公司资本总额5%以上的股东，应当经批准。",  # bulk 00374
    "全县建档立卡贫困人口新农合门诊、住院报销比例提高5%。",  # an increase, not a level
    "破除城乡二元结构。",  # 元 after a one-character numeral, no bound, no unit
    "推进一元化管理。",
    "以小流域为单元开展综合治理。",
    "按人数比例分配名额。",  # 按 + a unit that starts a longer word
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_amounts_conventions_must_not_match(text: str) -> None:
    assert [(a.text, a.kind) for a in find_amounts(text)] == []


def test_amounts_regression_by_unit_needs_a_payment_verb() -> None:
    # 按人 names a unit only before the payment: "按人均…" and "按人数…" are no per-unit markers
    (a,) = find_amounts("按人数给予社区补助5万元")
    assert (a.kind, a.per) == ("exact", None)
