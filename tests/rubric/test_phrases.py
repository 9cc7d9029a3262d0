"""Core noun phrases and year lists: values worked out by reading each phrase."""

from __future__ import annotations

import pytest

from pipeline.rubric.phrases import is_quality_only, trim_name, year_spans


@pytest.mark.parametrize(
    "phrase, name, params",
    [
        (
            "试点申报表（格式见附件1），由县级人民政府盖章",
            "试点申报表",
            {"attachment": "附件1", "qualifier": "由县级人民政府盖章"},
        ),
        ("逐项明确牵头单位", "牵头单位", {"per_item": True}),
        ("分年度列明县级财政投入", "县级财政投入", {"per_year": True}),
        ("至少包含年度目标值", "年度目标值", {"minimum": True}),
        ("县级财政部门出具的资金承诺函", "资金承诺函", {"issuer": "县级财政部门出具"}),
        ("每个项目的建设单位", "建设单位", {"per_item": True}),
        ("列明资金来源", "资金来源", {}),
    ],
)
def test_phrases_trim_name(phrase, name, params):
    assert trim_name(phrase) == (name, params)


@pytest.mark.parametrize(
    "phrase",
    [
        "当地用于推动该项工作的配套政策",  # seed 000 wording, kept whole (gold key)
        "已投入及三年拟投入资金情况（2019年-2021年）",
        "分年度目标",  # a noun phrase, no verb after 分年度
        "近三年外贸运行情况分析报告（2016年-2018年）",
        "营业执照复印件",
        "说明书",
    ],
)
def test_phrases_trim_name_keeps(phrase):
    assert trim_name(phrase) == (phrase, {})


@pytest.mark.parametrize(
    "text, years",
    [
        ("覆盖2025年、2026年、2027年", [[2025, 2026, 2027]]),
        ("覆盖2025年、2026年和2027年三个年度", [[2025, 2026, 2027]]),
        ("2025年至2027年", [[2025, 2026, 2027]]),
        ("（2025—2027年）", [[2025, 2026, 2027]]),
        ("2025-2027年", [[2025, 2026, 2027]]),
        ("2023年到2024年", [[2023, 2024]]),
    ],
)
def test_phrases_year_spans(text, years):
    assert [y for _, _, y in year_spans(text)] == years


def test_phrases_year_list_takes_its_tail():
    text = "覆盖2025年、2026年、2027年三个年度；"
    ((s, e, _),) = year_spans(text)
    assert text[s:e] == "2025年、2026年、2027年三个年度"


@pytest.mark.parametrize(
    "text",
    [
        "2019年、2021年",  # not consecutive: two years, not a span
        "2027年-2025年",  # backwards
        "联系电话：0531-80000000",
        "电话：0531-20251234，传真：0531-20261234",  # digits of phone numbers, not years
        "申报编号120256",
        "2024年5月31日前",
    ],
)
def test_phrases_year_spans_not(text):
    assert year_spans(text) == []


@pytest.mark.parametrize("phrase", ["具体可考核", "须具体可考核", "切实可行", "可操作"])
def test_phrases_quality_only(phrase):
    assert is_quality_only(phrase)


@pytest.mark.parametrize("phrase", ["考核指标", "具体项目", "可行性研究报告", "量化指标"])
def test_phrases_quality_only_not(phrase):
    assert not is_quality_only(phrase)


def test_phrases_enumeration_keeps_de_inside_last_item():
    """Regression: "冷链物流设施现状和存在的主要问题" lost its tail to the shared-attribute rule."""
    from pipeline.rubric.compiler import enumeration

    text = "县域农产品生产规模、冷链物流设施现状和存在的主要问题"
    assert [text[s:e] for s, e in enumeration(text, 0, len(text))] == [
        "县域农产品生产规模",
        "冷链物流设施现状",
        "存在的主要问题",
    ]
    # the rule still applies where the attribute is shared (notice n000)
    text = "中央财政资金、地方配套资金和社会资本投入的金额及用途"
    assert [text[s:e] for s, e in enumeration(text, 0, len(text))] == [
        "中央财政资金",
        "地方配套资金",
        "社会资本投入",
    ]
