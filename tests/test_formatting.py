"""How amounts and deadlines read in the CLI tables (pipeline/cli/formatting.py).

Inputs are the JSON dicts of ``Document.to_dict()``, built by hand from seed 004's wording."""

from __future__ import annotations

import pytest

from pipeline.cli.formatting import amount_figure, amounts_summary, deadline_summary


def _a(value: float | None, kind: str = "exact", **extra: object) -> dict:
    return {"value": value, "kind": kind, "currency": "CNY", **extra}


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (_a(8_000_000, "cap", high=8_000_000, high_inclusive=True), "≤800万"),  # 最高800万元
        (_a(None, "percent", percent=10, base="年度实际投资额", cap=100_000), "10% of 年度实际投资额 (cap 10万)"),
        (_a(5_000_000, "floor", low=5_000_000, low_inclusive=True, currency="USD"), "≥500万 USD"),  # 500万美元及以上
        (_a(300_000_000), "3亿"),
        (_a(1_500), "1500"),
    ],
)
def test_formatting_amount_figure(amount: dict, expected: str) -> None:
    assert amount_figure(amount) == expected


def test_formatting_measured_tiers_read_threshold_to_reward() -> None:
    # 对年度进出口额达5亿元、3亿元…一次性分别给予30万元、20万元…奖励
    amounts = [
        _a(5e8, role="threshold", tier_group="t1", tier_index=0),
        _a(3e8, role="threshold", tier_group="t1", tier_index=1),
        _a(3e5, role="reward", tier_group="t1", tier_index=0),
        _a(2e5, role="reward", tier_group="t1", tier_index=1),
    ]
    assert amounts_summary(amounts) == "tiers 5亿→30万, 3亿→20万"


def test_formatting_named_tiers_list_rewards_in_order() -> None:
    # 对成功创建国家级平台载体、省部级平台载体的，分别给予50万元、20万元的扶持资金: rungs without a figure
    amounts = [_a(5e5, role="reward", tier_group="t2", tier_index=0), _a(2e5, role="reward", tier_group="t2", tier_index=1)]
    assert amounts_summary(amounts) == "tiers 50万 / 20万"


def test_formatting_untiered_amounts_are_listed_with_their_kind() -> None:
    # 第一名给予20万元奖励，第二名给予15万元奖励
    assert amounts_summary([_a(2e5), _a(1.5e5)]) == "exact 20万; exact 15万"


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        ({"kind": "due_by", "date": "2021-12-31", "text": "2021年底"}, "due_by 2021-12-31"),
        ({"kind": "period", "duration": {"value": 2, "unit": "workday"}, "text": "2个工作日"}, "period 2 workday"),
        ({"kind": "period", "duration_value": 3, "duration_unit": "year", "text": "三年内"}, "period 3 year"),  # store row
    ],
)
def test_formatting_deadline_summary(deadline: dict, expected: str) -> None:
    assert deadline_summary(deadline) == expected
