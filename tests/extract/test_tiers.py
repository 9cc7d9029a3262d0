"""Tier lists: thresholds paired with rewards by index, lists inheriting one marker, caps of rates."""

from __future__ import annotations

import pytest

from pipeline.extract.amounts import find_amounts


def _tiers(text: str, role: str) -> list[tuple[int | None, float | None, float | None]]:
    return [(a.tier_index, a.value, a.percent) for a in find_amounts(text) if a.role == role]


def test_tiers_threshold_reward_pairs_by_index() -> None:
    text = ("对年度进出口额达5亿元、3亿元、1亿元、5000万元且较上年增长的企业，"
            "一次性分别给予30万元、20万元、15万元、10万元奖励。")
    assert _tiers(text, "threshold") == [(0, 5e8, None), (1, 3e8, None), (2, 1e8, None), (3, 5e7, None)]
    assert _tiers(text, "reward") == [(0, 3e5, None), (1, 2e5, None), (2, 1.5e5, None), (3, 1e5, None)]
    groups = {a.tier_group for a in find_amounts(text)}
    assert len(groups) == 1 and None not in groups


def test_tiers_marker_before_first_member_bounds_all() -> None:
    found = find_amounts("对年度进出口额达5亿元、3亿元、1亿元的企业")
    assert [(a.kind, a.low, a.low_inclusive) for a in found] == [
        ("floor", 5e8, True), ("floor", 3e8, True), ("floor", 1e8, True)
    ]


def test_tiers_per_unit_list_shares_its_unit() -> None:
    # guangzhou minimum living standard: 每人每月分别为2413元、2512元、2121元
    found = find_amounts("其农村特困人员基本生活标准每人每月分别为2413元、2512元、2121元。")
    assert [(a.kind, a.value, a.per) for a in found] == [
        ("per_unit", 2413, "人/月"), ("per_unit", 2512, "人/月"), ("per_unit", 2121, "人/月")
    ]


def test_tiers_money_bands_paired_with_percent_rewards() -> None:
    text = ("对特色农业类项目，固定资产投资1000万元及以上至5000万元、5000万元以上至1亿元、1亿元以上的，"
            "参照其年度地方财政贡献的70%、80%和90%给予企业奖励。")
    found = find_amounts(text)
    bands = [(a.kind, a.low, a.high) for a in found if a.role == "threshold"]
    assert bands == [("range", 1e7, 5e7), ("range", 5e7, 1e8), ("floor", 1e8, None)]
    rewards = [(a.tier_index, a.percent, a.base) for a in found if a.role == "reward"]
    assert rewards == [(0, 70, "年度地方财政贡献"), (1, 80, "年度地方财政贡献"), (2, 90, "年度地方财政贡献")]


def test_tiers_band_after_inclusive_band_excludes_shared_bound() -> None:
    text = ("对年度实际使用外资300万美元及以下、300-1000万美元（含1000万美元）、"
            "1000-2000万美元（含2000万美元）、2000万美元以上的项目，分别给予企业当年实际到账外资额"
            "3%、4%、5%、6%的奖励")
    bands = [a for a in find_amounts(text) if a.role == "threshold"]
    assert [(a.low_inclusive, a.high_inclusive) for a in bands] == [
        (None, True), (False, True), (False, True), (False, None)
    ]


def test_tiers_reward_list_without_thresholds() -> None:
    found = find_amounts("对新评定为三星级、四星级、五星级的酒店，一次性分别给予20万元、50万元、100万元奖励。")
    assert [(a.role, a.tier_index, a.value) for a in found] == [
        ("reward", 0, 2e5), ("reward", 1, 5e5), ("reward", 2, 1e6)
    ]


def test_tiers_percent_list_shares_base_and_cap() -> None:
    text = "分别按其营业额的15%、10%对引进企业和社团进行奖励，单个项目奖励最高不超过30万元。"
    pcts = [(a.percent, a.base, a.cap) for a in find_amounts(text) if a.kind == "percent"]
    assert pcts == [(15, "营业额", 3e5), (10, "营业额", 3e5)]


@pytest.mark.parametrize(
    "text",
    [
        "市级奖励2万元，省级奖励5万元，国家级奖励10万元。",  # commas: three separate rewards
        "给予企业30万元奖励；对初次认定的，给予企业20万元奖励。",
    ],
)
def test_tiers_comma_separated_amounts_are_no_list(text: str) -> None:
    amounts = find_amounts(text)
    assert len(amounts) >= 2  # both texts name two or three separate rewards
    assert all(a.tier_group is None for a in amounts)


def test_tiers_cap_is_not_taken_from_next_sentence() -> None:
    found = find_amounts("按照投资额的10%给予补助。单个项目最高不超过100万元。")
    assert [(a.kind, a.cap) for a in found] == [("percent", None), ("cap", None)]
