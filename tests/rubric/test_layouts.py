"""Notice layouts read by pipeline/rubric/layouts.py (and the outline/compiler edits made for them).

Expectations come from reading each snippet as a reviewer would (corpora/plans/GUIDE.md:
items are the notice's own wording, per-year demands are ticked year by year).
"""

from __future__ import annotations

import warnings

import pytest

from pipeline.rubric import compile_rubric
from pipeline.rubric.schema import Rubric


def _compile(text: str) -> Rubric:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compile_rubric(text + "\n")


def _tree(rubric: Rubric) -> dict[str, tuple[str, str]]:
    """name path -> (kind, check)."""
    by_id = {i.id: i for i in rubric.items}
    out = {}
    for item in rubric.items:
        names, cur = [], item
        while cur is not None:
            names.append(cur.name)
            cur = by_id.get(cur.parent) if cur.parent else None
        out["/".join(reversed(names))] = (item.kind, item.check)
    return out


SHENBAOSHU = (
    "二、申报材料\n各申报镇须报送《数字乡村示范镇申报书》一份。申报书包括申报单位基本信息、建设基础、"
    "建设内容、投资估算与资金来源、进度安排、预期成效六部分。其中，进度安排要分年度列明2025年度、"
    "2026年度的任务；预期成效要求量化。申报时须附村民代表大会决议。\n三、报送时间\n6月30日前报送。"
)
SAME_SENTENCE = (
    "一、申报材料\n申报单位须提交《数字乡村示范镇申报书》，主要内容：申报单位基本信息、建设基础、"
    "建设方案、预期成效等。\n二、报送时间\n6月30日前。"
)
NUMBERED_PARTS = (
    "一、申报材料\n（一）数字乡村示范镇申报书。申报书由以下部分组成：\n1.申报单位基本信息；\n2.建设基础；\n"
    "3.建设方案；\n4.预期成效。\n（二）村民代表大会决议。\n二、报送时间\n6月30日前。"
)
CHAPTERS_NO_SUBITEMS = (
    "二、申报要求\n申报村须编制《示范村建设实施方案（2024—2026年）》，方案应包括以下内容：\n"
    "（一）村庄基本情况。\n（二）建设目标。目标须量化，包括：1.村内道路硬化率；2.生活污水处理率。\n"
    "（三）建设内容。\n（四）投资估算与资金来源。\n（五）进度安排。分年度列明2024年、2025年、2026年的建设任务。\n"
    "（六）组织保障。明确责任单位和责任人。\n申报时须附村民代表大会决议和镇政府推荐意见。\n三、报送时间\n4月30日前。"
)
CHAPTERS_WITH_PROSE = (
    "一、申报要求\n申报村须编制《示范村建设实施方案》，方案应包括以下内容：\n（一）村庄基本情况\n"
    "简要介绍村庄区位、人口、产业等情况。\n（二）建设目标\n目标须量化，包括：\n1.村内道路硬化率；\n2.生活污水处理率。\n"
    "（三）建设内容\n（四）投资估算与资金来源\n（五）进度安排\n（六）组织保障\n申报时须附村民代表大会决议。\n"
    "二、报送时间\n4月30日前报送。"
)
# regression (holdout report): sub-items on lines, then a prose line, ended the block after two chapters
PROSE_AFTER_SUBITEMS = (
    "一、申报要求\n申报村须编制《示范村建设实施方案》，方案应包括以下内容：\n（一）村庄基本情况\n1.区位和人口；\n"
    "2.主导产业。\n（二）建设目标\n1.村内道路硬化率；\n2.生活污水处理率。\n目标须量化。\n（三）建设内容\n"
    "（四）投资估算与资金来源\n（五）进度安排\n（六）组织保障\n明确责任单位和责任人。\n二、报送时间\n4月30日前。"
)
# the 申报书's parts in an attachment "数字乡村示范镇申报书编写提纲"; chapter 三 is called 建设方案
TEMPLATE_FOR_SHENBAOSHU = (
    "一、申报材料\n各申报镇须报送《数字乡村示范镇申报书》一份，申报书按附件2编写提纲编写。\n二、报送时间\n6月30日前。\n"
    "附件：1.申报汇总表\n      2.数字乡村示范镇申报书编写提纲\n\n附件2\n\n数字乡村示范镇申报书编写提纲\n\n"
    "一、申报单位基本信息。包括镇名称、常住人口、联系人及电话。\n二、建设基础。说明网络覆盖情况和数字化应用情况。\n"
    "三、建设方案。包括建设内容、投资估算与资金来源。\n四、预期成效。须量化。"
)
# the 申报书 in a materials list, its parts under a later "申报书编写要求" part, then "三、报送时间"
REQUIREMENTS_PART = (
    "一、申报材料\n（一）数字乡村示范镇申报书；\n（二）村民代表大会决议。\n\n二、申报书编写要求\n申报书主要包括以下内容：\n"
    "（一）申报单位基本信息\n（二）建设基础\n（三）建设内容\n（四）进度安排。分年度列明2025年度、2026年度的任务。\n"
    "（五）预期成效\n\n三、报送时间\n2025年6月30日前。"
)
ARTICLE_STYLE = (
    "第四条 申请补助的县（市、区）应当提交下列材料：\n（一）补助资金申请表；\n"
    "（二）电商服务站建设方案，内容应当包括现状分析、建设任务、资金概算、年度任务分解、保障机制；\n"
    "（三）县级财政部门出具的资金承诺函。\n第五条 建设方案中，资金概算应当列明市级补助资金和县级配套资金；"
    "年度任务分解应当分年度列明2025年度、2026年度的站点建设数量。\n第六条 本办法自2025年1月1日起施行。"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            SHENBAOSHU,
            {
                "数字乡村示范镇申报书/申报单位基本信息": ("section", "present"),
                "数字乡村示范镇申报书/投资估算与资金来源": ("section", "present"),
                "数字乡村示范镇申报书/预期成效": ("section", "present"),  # not "预期成效六部分"
                "数字乡村示范镇申报书/进度安排/2025年度": ("requirement", "covers_years"),
                "数字乡村示范镇申报书/进度安排/2026年度": ("requirement", "covers_years"),
                "村民代表大会决议": ("material", "present"),  # 须附X: 决议 is a document
            },
        ),
        (
            SAME_SENTENCE,
            {
                "数字乡村示范镇申报书/申报单位基本信息": ("section", "present"),
                "数字乡村示范镇申报书/建设方案": ("section", "present"),
                "数字乡村示范镇申报书/预期成效": ("section", "present"),
            },
        ),
        (
            NUMBERED_PARTS,
            {
                "数字乡村示范镇申报书/申报单位基本信息": ("section", "present"),
                "数字乡村示范镇申报书/预期成效": ("section", "present"),
                "村民代表大会决议": ("material", "present"),
            },
        ),
        (
            CHAPTERS_NO_SUBITEMS,
            {
                "示范村建设实施方案/建设内容": ("section", "present"),
                "示范村建设实施方案/投资估算与资金来源": ("section", "present"),
                "示范村建设实施方案/建设目标/村内道路硬化率": ("requirement", "has_numbers"),
                "示范村建设实施方案/建设目标/生活污水处理率": ("requirement", "has_numbers"),
                "示范村建设实施方案/进度安排/2024年": ("requirement", "covers_years"),
                "示范村建设实施方案/进度安排/2026年": ("requirement", "covers_years"),
                "示范村建设实施方案/组织保障": ("section", "present"),
                "村民代表大会决议": ("material", "present"),
                "镇政府推荐意见": ("material", "present"),
            },
        ),
        (
            CHAPTERS_WITH_PROSE,
            {
                "示范村建设实施方案/村庄基本情况/村庄区位": (
                    "requirement",
                    "mentions",
                ),  # 简要介绍 is not the name
                "示范村建设实施方案/建设目标/生活污水处理率": ("requirement", "has_numbers"),
                "示范村建设实施方案/组织保障": ("section", "present"),
            },
        ),
        (
            TEMPLATE_FOR_SHENBAOSHU,
            {
                "数字乡村示范镇申报书/申报单位基本信息/常住人口": ("requirement", "mentions"),
                "数字乡村示范镇申报书/建设基础": ("section", "present"),
                "数字乡村示范镇申报书/建设方案": ("section", "present"),  # a chapter, not the plan
                "数字乡村示范镇申报书/预期成效/量化": ("requirement", "has_numbers"),
            },
        ),
        (
            REQUIREMENTS_PART,
            {
                "数字乡村示范镇申报书/申报单位基本信息": ("section", "present"),
                "数字乡村示范镇申报书/进度安排/2026年度": ("requirement", "covers_years"),
                "数字乡村示范镇申报书/预期成效": ("section", "present"),
                "村民代表大会决议": ("material", "present"),
            },
        ),
        (
            PROSE_AFTER_SUBITEMS,
            {
                "示范村建设实施方案/村庄基本情况/主导产业": ("requirement", "mentions"),
                "示范村建设实施方案/建设目标/村内道路硬化率": ("requirement", "has_numbers"),  # 目标须量化
                "示范村建设实施方案/建设内容": ("section", "present"),
                "示范村建设实施方案/投资估算与资金来源": ("section", "present"),
                "示范村建设实施方案/进度安排": ("section", "present"),
                "示范村建设实施方案/组织保障": ("section", "present"),
            },
        ),
        (
            ARTICLE_STYLE,
            {
                "电商服务站建设方案/资金概算/市级补助资金": ("requirement", "has_money"),
                "电商服务站建设方案/资金概算/县级配套资金": ("requirement", "has_money"),
                "电商服务站建设方案/年度任务分解/2025年度": ("requirement", "covers_years"),
                "电商服务站建设方案/年度任务分解/2026年度": ("requirement", "covers_years"),
            },
        ),
    ],
)
def test_layouts_compile_items(text: str, expected: dict[str, tuple[str, str]]) -> None:
    tree = _tree(_compile(text))
    missing = {k: v for k, v in expected.items() if tree.get(k) != v}
    assert not missing, {k: (v, tree.get(k)) for k, v in missing.items()}


@pytest.mark.parametrize(
    "text, absent",
    [
        # the prose after the last chapter is the notice going on, not a requirement of 组织保障
        (CHAPTERS_WITH_PROSE, "示范村建设实施方案/组织保障/村民代表大会决议"),
        # "六部分" is a count of the parts, not part of the last name
        (SHENBAOSHU, "数字乡村示范镇申报书/预期成效六部分"),
        # per-year items replace the single coverage check and the leftover wording
        (SHENBAOSHU, "数字乡村示范镇申报书/进度安排/2026年度的任务"),
        # "三、报送时间" after the （一）…（五） chapters is the notice's next part, not a sub-item
        (REQUIREMENTS_PART, "数字乡村示范镇申报书/预期成效/报送时间"),
        # no invented "实施方案" when the template outlines the 申报书
        (REQUIREMENTS_PART, "实施方案"),
    ],
)
def test_layouts_does_not_compile(text: str, absent: str) -> None:
    assert absent not in _tree(_compile(text))


@pytest.mark.parametrize(
    "text",
    [
        # a noun phrase with its years after a comma: one requirement (tests/rubric/notices/d02)
        (
            "试点实施方案应围绕以下内容编写：\n（一）建设目标\n1. 总体目标；\n2. 分年度目标，覆盖2025年、2026年、2027年三个年度；\n"
            "（二）建设内容\n1. 重点建设项目清单；\n"
        ),
        # a range is one coverage check, not one item per year
        "创建方案应包括以下内容：\n（一）进度安排\n1. 建设任务，分年度列明2025年至2027年的建设任务；\n（二）保障措施\n1. 组织保障；\n",
    ],
)
def test_layouts_split_per_year_leaves_ranges_and_noun_phrases(text: str) -> None:
    names = [i.name for i in _compile(text).items]
    assert not any(n in ("2025年", "2025年度", "2026年", "2026年度") for n in names), names


def test_layouts_document_list_is_not_parts() -> None:
    """ "须提交《申报书》，主要内容：申请表、营业执照复印件、承诺书" lists documents, not the 申报书's parts."""
    rubric = _compile("申报单位须提交《项目申报书》，主要内容：申请表、营业执照复印件、承诺书。")
    assert not [i for i in rubric.items if i.kind == "section"]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("建设内容", "measures"),  # regression: core() drops 内容 and "建设" sits inside 建设基础
        ("建设基础", "basis"),
        ("投资估算与资金来源", "funding"),
        ("资金概算", "funding"),
        ("年度任务分解", "schedule"),
        ("保障机制", "mechanism"),
        ("任务清单和分工", "measures"),
        ("运营模式", "operation"),  # holdout h3 运营管理, plans_dev3 v3 运营模式: a part of its own
    ],
)
def test_layouts_match_canonical_section_names(name: str, expected: str) -> None:
    from pipeline.rubric.compiler import match_canonical

    assert match_canonical(name, "sections") == expected


@pytest.mark.parametrize("name", ["申报单位基本信息", "服务收费标准"])
def test_layouts_match_canonical_unknown_names(name: str) -> None:
    from pipeline.rubric.compiler import match_canonical

    assert match_canonical(name, "sections") is None
