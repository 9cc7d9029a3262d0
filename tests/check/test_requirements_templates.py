"""Unfilled templates and placeholder-only fields are empty (pipeline/check/requirements.py).

GUIDE (corpora/plans): a body that is only a placeholder is `empty`. Real templates leave blanks
inside sentences — "XXX有限公司成立于××年××月" — and bracketed prompts — "【请填写】" — which a
reviewer reads as nothing written (plans_dev4 a3, b3, c3).
"""

from __future__ import annotations

import pytest

from pipeline.check.requirements import body_state, unfilled_template


@pytest.mark.parametrize(
    "body",
    [
        "XXX有限公司成立于××年××月，注册资本××万元，主营业务为××××。",  # plans_dev4 a3 企业情况
        "到2020年，全市一般工业固体废物综合利用率达到XX%，生活垃圾回收利用率达到××%。",  # c3: only years
        "2019年：【请填写】\n2020年：【请填写】",  # c3 年度任务
        "负责人：〇〇〇，联系电话：〇〇〇〇",
    ],
)
def test_requirements_templates_unfilled(body: str) -> None:
    assert unfilled_template(body) is True
    assert body_state(body, 0, len(body)) == "empty"


@pytest.mark.parametrize(
    "body",
    [
        "2019年完成XX项目建设，投资500万元。",  # one blank among real figures
        "到2020年，综合利用率达到85%，回收利用率达到××%。",  # a real figure is left
        "全市一般工业固体废物综合利用率由72%提高到85%以上。",
        "XXL型号设备2台。",  # one mark only
    ],
)
def test_requirements_templates_filled_bodies_are_not_templates(body: str) -> None:
    assert unfilled_template(body) is False


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("【请填写】", "empty"),  # plans_dev4 a3 四、经济社会影响
        ("××", "empty"),  # b3 领导体制 cell
        ("待定", "empty"),  # b3 校址 cell
        ("全日制在校生5000人，其中本科生4200人，专科生800人，留学生不超过100人。", "full"),
    ],
)
def test_requirements_templates_placeholder_cells(body: str, expected: str) -> None:
    assert body_state(body, 0, len(body)) == expected
