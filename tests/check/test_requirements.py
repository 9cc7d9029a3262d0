"""Content checks on one section body, with seed 000's rubric items.

Expected statuses follow corpora/plans/GUIDE.md: a sub-requirement is present
when the plan gives it with substance (in the notice's words or its own),
partial when only touched, missing when absent, empty when explicitly put off.
"""

from __future__ import annotations

import pytest

from pipeline.check.requirements import aspect_mentioned, run_check


def status(rubric, item_id: str, body: str) -> str:
    return run_check(rubric.get(item_id), body, 0, len(body)).status


@pytest.mark.parametrize(
    "item_id, body, expected",
    [
        # the notice explains 公共服务 as "公共服务平台建设和与…商协会合作": a plan that names its
        # test centre, a platform and an association has answered it without the head's words
        (
            "plan.basis.public_services",
            "县里建有电线电缆产品质量检验中心和五金工具设计服务平台，与省五金制品协会开展合作。",
            "present",
        ),
        # one test station and nothing else: touched, thinly
        ("plan.basis.public_services", "县内建有日用玻璃检测站，服务本地企业。", "partial"),
        # fairs and a 推介会 are 对外交流
        ("plan.basis.exchange", "组织企业参加芝加哥美容展和拉各斯博览会，在加纳举办推介会。", "present"),
        ("plan.basis.exchange", "每年组织企业参加广交会。", "partial"),
        # a cluster described, not named: the notice's "与省内其他地区相比…优势和特色" echoed
        (
            "plan.basis.industry_cluster",
            "我县板材加工企业1100余家，与省内其他地区相比规模优势和特色突出，符合我省产业结构调整方向。",
            "present",
        ),
        (
            "plan.basis.industry_cluster",
            "全县木业形成了从原木旋切到家具制造的完整链条，出口基地地位突出。",
            "present",
        ),
        # the notice's own words still count
        ("plan.basis.public_services", "公共服务体系建设情况良好。", "present"),
    ],
)
def test_requirements_mentions_in_the_plans_own_words(seed_rubric, item_id, body, expected):
    assert status(seed_rubric, item_id, body) == expected


@pytest.mark.parametrize(
    "item_id, body",
    [
        ("plan.basis.public_services", "全县出口企业45家，2018年出口5.2亿元。"),
        ("plan.basis.exchange", "每年召开全县外贸工作会议，总结经验。"),
        ("plan.basis.exchange", "县里建有产品检测中心和电商服务平台。"),  # public services, not exchanges
        ("plan.basis.industry_cluster", "县政府高度重视外贸工作，成立了领导小组。"),
    ],
)
def test_requirements_mentions_unrelated_body_is_missing(seed_rubric, item_id, body):
    assert status(seed_rubric, item_id, body) == "missing"


def test_requirements_mention_only_in_a_deferral_is_empty(seed_rubric):
    # corpora/plans p21: "责任分工待领导小组第一次会议研究确定" names 分工 only to put it off
    body = "成立县外贸转型升级试点工作领导小组，县长任组长。责任分工待领导小组第一次会议研究确定。"
    outcome = run_check(seed_rubric.get("plan.mechanism.division"), body, 0, len(body))
    assert outcome.status == "empty"
    assert outcome.reason.startswith("deferred")


def test_requirements_mention_outside_a_deferral_is_present(seed_rubric):
    body = "县商务局负责统筹协调，县财政局负责资金保障。年度考核办法待领导小组研究确定。"
    assert status(seed_rubric, "plan.mechanism.division", body) == "present"


@pytest.mark.parametrize(
    "item_id, body, expected",
    [
        # GUIDE: "qualitative where the notice demands numbers" is partial
        ("plan.goals.growth", "试点期间，全县外贸保持平稳较快增长，规模不断扩大。", "partial"),
        ("plan.goals.growth", "到2021年，全县进出口额达到105亿元，年均增长7%。", "present"),
        ("plan.goals.growth", "打造区域品牌，提升企业设计能力和产品质量水平。", "missing"),
        # 规模及增幅: the scale without the rate is half of it
        ("plan.goals.growth", "到2021年，全县进出口额突破30亿元。", "partial"),
        ("plan.goals.task_completion", "试点期间，自主品牌影响力明显增强，跨境电商规模不断扩大。", "partial"),
        ("plan.goals.task_completion", "到2021年，新增自主品牌出口企业30家。", "present"),
        # the section-wide demand (具体化、可量化) is not met by words: missing, the section is partial
        ("plan.goals.quantified", "试点期间，自主品牌影响力明显增强，跨境电商规模不断扩大。", "missing"),
    ],
)
def test_requirements_qualitative_targets(seed_rubric, item_id, body, expected):
    assert status(seed_rubric, item_id, body) == expected


@pytest.mark.parametrize(
    "aspect, body, expected",
    [
        ("贸易促进", "开展贸易促进活动", True),
        ("组织开展的境外推介", "在越南举办境外推介会", True),
        ("当地与省内其他地区相比具有的产业发展优势和特色", "与省内其他地区相比具有特色和优势", True),
        # generic words alone (组织, 开展) do not address an aspect
        ("组织开展的境外推介", "组织开展安全生产检查", False),
        ("公共服务平台建设", "加强基础设施建设", False),
    ],
)
def test_requirements_aspect_mentioned(aspect, body, expected):
    assert aspect_mentioned(aspect, body) is expected


@pytest.mark.parametrize(
    "deferral",
    ["各项目投资额暂未确定。", "项目资金安排尚在测算。", "以上项目资金投入情况正在测算中。"],
)
def test_requirements_deferred_funding_is_empty(seed_rubric, deferral):
    body = f"智能工厂项目，实施主体为某某纺织有限公司。{deferral}"
    assert status(seed_rubric, "plan.projects.funding", body) == "empty"


@pytest.mark.parametrize(
    "body, expected",
    [
        # a table read from a plan: tabs became spaces, figures line up with the year columns
        (
            "项目名称 实施主体 已投入 2019年 2020年 2021年\n智能工厂 某某精工有限公司 4000万元 3000万元 2000万元 1000万元",
            "present",
        ),
        # the header names the years but the row gives one figure
        ("项目名称 2019年 2020年 2021年\n智能工厂 3000万元", "partial"),
    ],
)
def test_requirements_funding_table_without_tabs(seed_rubric, body, expected):
    assert status(seed_rubric, "plan.projects.funding", body) == expected


@pytest.fixture(scope="module")
def n000_rubric():
    from pipeline.rubric import compile_rubric
    from tests.conftest import ROOT

    return compile_rubric(ROOT / "corpora/plans/notices/n000_county_commerce_demo_notice.txt")


@pytest.mark.parametrize(
    "body, expected",
    [
        # notice n000: "建设目标要求量化，至少包括乡镇商贸中心改造数量、村级快递服务站点覆盖率"
        ("到2025年，改造乡镇商贸中心6个，村级快递服务站点覆盖率达到90%。", "present"),
        # named in words only: qualitative where the notice demands numbers
        ("到2025年，乡镇商贸中心改造取得明显进展，村级快递服务站点基本实现全覆盖。", "partial"),
        # numbers, but none for this indicator
        ("到2025年，县域社会消费品零售总额年均增长6%，培育电商带头人200名。", "missing"),
    ],
)
def test_requirements_indicator_needs_its_own_number(n000_rubric, body, expected):
    item = next(i for i in n000_rubric.items if i.name == "乡镇商贸中心改造数量")
    assert item.check == "has_numbers"
    assert run_check(item, body, 0, len(body)).status == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # GUIDE: present is "each bureau's duty"
        ("县商务局负责统筹协调；县财政局负责资金保障；县市场监管局负责品牌建设。", "present"),
        ("由县商务局牵头，县财政局、县税务局配合。", "present"),
        # one office with a duty, or every department at once, is no division (corpora/plans p03, n04)
        ("领导小组办公室设在区商务局，具体负责试点日常工作。", "partial"),
        ("成立工作领导小组，各有关部门按职责分工负责。", "partial"),
        ("成立县外贸转型升级试点工作领导小组，县长任组长。", "missing"),
    ],
)
def test_requirements_assigns_duties(seed_rubric, body, expected):
    assert status(seed_rubric, "plan.mechanism.division", body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # a PDF line wrapped inside the 2021 clause: the newline does not end the sentence
        (
            "智能工厂项目2019年拟投入5000万元；2020年拟投入4000万元；2021年拟投\n入3000万元。",
            "present",
        ),
        # a short line (a heading, a list line) still ends where it ends
        ("2019年拟投入5000万元。\n2020年拟投入4000万元。\n2021年\n启动三期。", "partial"),
    ],
)
def test_requirements_soft_wrapped_lines(seed_rubric, body, expected):
    assert status(seed_rubric, "plan.projects.funding", body) == expected
