"""A tiny fake check result (the to_dict() shape of pipeline.check.CheckResult)."""

from __future__ import annotations

import pytest

PLAN_TEXT = (
    "一、工作机制\n成立领导小组，局长任组长。\n二、配套政策\n略\n三、<重点> & 项目\n项目A投入100万元。\n"
)


def _span(text: str, quote: str) -> dict:
    start = text.index(quote)
    return {"text": quote, "start": start, "end": start + len(quote)}


@pytest.fixture
def plan_text() -> str:
    return PLAN_TEXT


@pytest.fixture
def fake_result() -> dict:
    t = PLAN_TEXT
    return {
        "plan": "plan<1>.txt",
        "score": 61.5,
        "flags": ["EMPTY plan.policies (配套政策): heading “配套政策” has no content <placeholder>"],
        "rubric": {"title": "测试通知", "source": "n.txt"},
        "items": [
            {
                "id": "m",
                "name": "申请表",
                "parent": None,
                "kind": "material",
                "status": "missing",
                "weight": 1,
                "evidence": [],
                "reason": "申请表: not found in the plan",
            },
            {
                "id": "d",
                "name": "详细实施方案",
                "parent": None,
                "kind": "material",
                "status": "partial",
                "weight": 6,
                "evidence": [],
                "reason": "",
            },
            {
                "id": "w",
                "name": "工作机制",
                "parent": "d",
                "kind": "section",
                "status": "partial",
                "weight": 1,
                "evidence": [_span(t, "一、工作机制")],
                "reason": "",
            },
            {
                "id": "w.units",
                "name": "责任单位、责任人",
                "parent": "w",
                "kind": "requirement",
                "status": "present",
                "weight": 1,
                "evidence": [_span(t, "局长任组长")],
                "reason": "",
            },
            {
                "id": "w.div",
                "name": "职责分工",
                "parent": "w",
                "kind": "requirement",
                "status": "missing",
                "weight": 1,
                "evidence": [],
                "reason": "no division of duties",
            },
            {
                "id": "p",
                "name": "配套政策",
                "parent": "d",
                "kind": "section",
                "status": "empty",
                "weight": 1,
                "evidence": [_span(t, "二、配套政策")],
                "reason": "placeholder 略",
            },
            {
                "id": "p.funds",
                "name": "资金",
                "parent": "p",
                "kind": "requirement",
                "status": "missing",
                "weight": 1,
                "evidence": [],
                "reason": "配套政策 missing or empty",
            },
            {
                "id": "k",
                "name": "重点项目 <A&B>",
                "parent": "d",
                "kind": "section",
                "status": "present",
                "weight": 1,
                # overlapping evidence: the heading and a quote that covers heading + first line
                "evidence": [_span(t, "三、<重点> & 项目"), _span(t, "<重点> & 项目\n项目A投入100万元")],
                "reason": "",
            },
        ],
    }
