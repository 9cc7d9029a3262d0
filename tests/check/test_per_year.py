"""Per-year sub-requirements ("分年度列明2025年度、2026年度的…") judged year by year."""

from __future__ import annotations

import warnings

import pytest

from pipeline.check import check
from pipeline.check.plan_parser import load_document
from pipeline.rubric import compile_rubric

NOTICE = (
    "第四条 申请补助的县应当提交下列材料：\n（一）补助资金申请表；\n"
    "（二）电商服务站建设方案，内容应当包括现状分析、建设任务、年度任务分解；\n（三）资金承诺函。\n"
    "第五条 建设方案中，年度任务分解应当分年度列明2025年度、2026年度的站点建设数量。\n"
)
BODY = "一、现状分析\n全县96个行政村，现有电商服务站41个。\n二、建设任务\n新建服务站55个，建设分拣中心1个。\n"


def _years(plan: str) -> tuple[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = check(load_document(plan), compile_rubric(NOTICE))
    got = {i.name: i.status for i in result.items}
    return got["2025年度"], got["2026年度"]


@pytest.mark.parametrize(
    "schedule, expected",
    [
        # a count for each year
        ("2025年度：新建服务站30个，建成县级分拣中心。\n2026年度：新建服务站25个。", ("present", "present")),
        # the year is there but not the count the notice asks for: qualitative, so partial
        ("2025年度：新建服务站20个。\n2026年度：完成剩余站点建设。", ("present", "partial")),
        # one year only
        ("2025年度：新建服务站20个，改造站点10个。", ("present", "missing")),
    ],
)
def test_per_year_counted_years(schedule: str, expected: tuple[str, str]) -> None:
    assert _years(BODY + "三、实施步骤\n" + schedule + "\n") == expected
