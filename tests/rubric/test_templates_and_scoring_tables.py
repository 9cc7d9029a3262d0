"""Template attachments with fill-in hints, and 评审/评分 tables as a plan's outline (issue 5).

Every notice is a short fictitious text written for these tests (no corpus notice is
copied); the expected items were worked out by reading each snippet as a reviewer would
(corpora/gold/rubrics/GUIDE.md), not copied from the compiler's output.
"""

from __future__ import annotations

import pytest
from rubric_helpers import text_paths

from pipeline.rubric.hints import elements, find_hinted_headings

TEMPLATE = """青禾市文化和旅游局关于申报乡村民宿集聚区的通知

一、申报材料
申报单位按附件2模板编写建设方案，并提交申报表（附件1）。

附件：1．乡村民宿集聚区申报表
2．XX镇乡村民宿集聚区建设方案（编写模板）

附件2
XX镇乡村民宿集聚区建设方案（编写模板）

一、集聚区现状
（简述民宿数量、床位总数和年接待游客人次，限400字）

二、发展目标
（提出2027年至2029年发展目标，目标须可量化，至少包含民宿星级评定数量、户均增收两项指标）

三、资金安排
（列明总投资、申请补助和镇村自筹的金额，并逐年列出2027年、2028年资金计划。资金安排须与建设内容相衔接）

四、运营机制
（开展统一预订的，说明预订平台和分成办法；确保建得成、管得好。不超过600字）

五、申报单位承诺
本单位承诺所填内容真实。
"""


@pytest.mark.parametrize(
    "path",
    [
        "乡村民宿集聚区建设方案/集聚区现状",
        "乡村民宿集聚区建设方案/集聚区现状/民宿数量",
        "乡村民宿集聚区建设方案/集聚区现状/床位总数",
        "乡村民宿集聚区建设方案/集聚区现状/年接待游客人次",
        "乡村民宿集聚区建设方案/发展目标",
        "乡村民宿集聚区建设方案/发展目标/目标须可量化",
        "乡村民宿集聚区建设方案/发展目标/民宿星级评定数量",
        "乡村民宿集聚区建设方案/发展目标/户均增收",
        "乡村民宿集聚区建设方案/资金安排/总投资",
        "乡村民宿集聚区建设方案/资金安排/申请补助",
        "乡村民宿集聚区建设方案/资金安排/镇村自筹",
        "乡村民宿集聚区建设方案/资金安排/2027年、2028年资金计划",
        "乡村民宿集聚区建设方案/运营机制/预订平台和分成办法",
    ],
)
def test_hints_template_headings_are_sections_and_hints_requirements(path: str) -> None:
    assert path in text_paths(TEMPLATE)


@pytest.mark.parametrize(
    "fragment",
    [
        "限400字",
        "不超过600字",
        "申报单位承诺",
        "确保",
        "相衔接",
        "开展统一预订的",
        "两项指标",
        "2027年/",
        "XX镇",
    ],
)
def test_hints_length_limits_advice_conditions_and_unhinted_headings_are_no_items(fragment: str) -> None:
    assert not any(fragment in p for p in text_paths(TEMPLATE))


def test_hints_year_list_stays_one_item_not_one_per_year() -> None:
    paths = text_paths(TEMPLATE)
    assert not any(p.endswith(("/2027年", "/2028年")) for p in paths)


@pytest.mark.parametrize(
    "text",
    [
        # numbered lines that open with "（一）" and close with a bracket are no hints
        (
            "三、加快发展\n（一）构建产业生态。鼓励企业建设平台（责任单位：市工信局）\n"
            "四、强化保障\n（一）加强组织协调。建立联席会议制度（责任单位：市政府办）\n"
        ),
        # one hinted heading is no template
        "附件1\n申报表\n一、单位情况\n（简述单位性质）\n二、联系方式\n",
    ],
)
def test_hints_not_a_template(text: str) -> None:
    assert find_hinted_headings(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("场地面积、座位数、厨房布局及适老化改造情况", ["场地面积", "座位数", "厨房布局", "适老化改造情况"]),
        ("配送方式和保温措施", ["配送方式和保温措施"]),
        ("申请省级资金、县级配套、企业自筹的金额", ["申请省级资金", "县级配套", "企业自筹"]),
        ("组织领导、部门分工、督查考核等方面的措施", ["组织领导", "部门分工", "督查考核"]),
    ],
)
def test_hints_elements_split_only_lists(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in elements(text, 0, len(text))] == expected


# ---------------------------------------------------------------- 评审/评分 tables as the plan outline
SCORING_TABS = """关于申报社区嵌入式托育点的通知

三、申报材料
申报单位编制以下材料：托育点申报表；托育点建设方案，方案须对照附件2《评分标准》中的评审内容逐项编写；近两年收托情况统计表，分年度填报收托人数、保育人员数。

附件2
社区嵌入式托育点评分标准
评审内容\t分值\t评分标准
一、场地条件\t30\t室内面积、户外活动场地等场地条件充足的得20—30分；场地面积不足的不得分。
二、人员配备\t40\t保育人员数量、持证比例明确的得20—40分；明确早教课时、户外活动时长等量化指标的得10分；未明确的酌情扣分。
三、收费标准\t30\t明确收费项目、收费依据，并逐年列出2027年、2028年收费计划的得20—30分。
合计\t100\t
"""

SCORING_CELLS = """四、方案编写要求
实施方案须按附件《评审指标》中的评审内容逐项设章。

附件
评审指标
一级指标
评审内容
评分要点
分值
基础条件（30分）
（一）现有设施
说明现有床位数、护理站数量
15
（二）服务团队
说明护理员人数；持证比例不低于60%
15
合计
100
"""


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (SCORING_TABS, "托育点建设方案/场地条件"),
        (SCORING_TABS, "托育点建设方案/场地条件/室内面积"),
        (SCORING_TABS, "托育点建设方案/场地条件/户外活动场地"),
        (SCORING_TABS, "托育点建设方案/人员配备/保育人员数量"),
        (SCORING_TABS, "托育点建设方案/人员配备/持证比例"),
        # indicators listed before 等…指标 are one item each, 明确 or not
        (SCORING_TABS, "托育点建设方案/人员配备/早教课时"),
        (SCORING_TABS, "托育点建设方案/人员配备/户外活动时长"),
        # a 明确 demand keeps its object list together (GUIDE rule 9)
        (SCORING_TABS, "托育点建设方案/收费标准/收费项目、收费依据"),
        (SCORING_TABS, "托育点建设方案/收费标准/2027年、2028年收费计划"),
        (SCORING_TABS, "近两年收托情况统计表/收托人数"),
        (SCORING_TABS, "托育点申报表"),
        (SCORING_CELLS, "实施方案/现有设施"),
        (SCORING_CELLS, "实施方案/现有设施/现有床位数"),
        (SCORING_CELLS, "实施方案/现有设施/护理站数量"),
        (SCORING_CELLS, "实施方案/服务团队/护理员人数"),
        (SCORING_CELLS, "实施方案/服务团队/持证比例不低于60%"),
    ],
)
def test_scoring_table_rows_are_sections_and_criteria_requirements(text: str, path: str) -> None:
    assert path in text_paths(text)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (SCORING_TABS, "合计"),
        (SCORING_TABS, "不得分"),
        (SCORING_TABS, "场地面积不足"),
        (SCORING_TABS, "未明确"),
        (SCORING_TABS, "充足"),
        (SCORING_TABS, "分值"),
        (SCORING_CELLS, "基础条件"),  # 一级指标 groups rows, it is no chapter
        (SCORING_CELLS, "15"),
        (SCORING_CELLS, "评分要点"),
    ],
)
def test_scoring_table_points_judgements_and_deductions_are_no_items(text: str, fragment: str) -> None:
    assert not any(fragment in p for p in text_paths(text))


def test_scoring_table_without_a_statement_that_the_plan_follows_it_is_review_criteria_only() -> None:
    """GUIDE rule 1: a table experts score with is no outline unless the notice says the plan follows it."""
    text = SCORING_TABS.replace("，方案须对照附件2《评分标准》中的评审内容逐项编写", "")
    assert not any(p.startswith("托育点建设方案/") for p in text_paths(text))


# ---------------------------------------------------------------- 专题 guides
TOPICS = """关于征集2027年度农业科技项目的通知

二、专题设置
1. 专题一：智慧灌溉
(1) 支持方向：节水灌溉装备研发。
(2) 申报要求：牵头单位须附水利部门出具的用水许可证明。
(3) 专题材料：
① 试验田租赁协议；
② 田间试验方案，须写明试验面积、对照设置和观测指标。
2. 专题二：畜禽疫病防控
(1) 支持方向：快速检测试剂研发。
(2) 专题材料：
① 生物安全实验室备案证明。
3. 专题三：农业文化遗产
(1) 支持方向：遗产数字化保护。
(2) 专题材料：本专题无专门材料。

三、通用申报材料
所有项目均须提交以下材料：
1. 项目申报书；
2. 科研诚信承诺书。
"""


@pytest.mark.parametrize(
    "path",
    [
        "专题一：智慧灌溉/试验田租赁协议",
        "专题一：智慧灌溉/田间试验方案",
        "专题一：智慧灌溉/田间试验方案/试验面积",
        "专题一：智慧灌溉/田间试验方案/对照设置",
        "专题一：智慧灌溉/田间试验方案/观测指标",
        "专题一：智慧灌溉/用水许可证明",
        "专题二：畜禽疫病防控/生物安全实验室备案证明",
        "通用申报材料/项目申报书",
        "通用申报材料/科研诚信承诺书",
    ],
)
def test_topics_each_topic_groups_its_own_materials(path: str) -> None:
    assert path in text_paths(TOPICS)


def test_topics_a_topic_without_materials_is_no_group() -> None:
    assert not any(p.startswith("专题三") for p in text_paths(TOPICS))


# ---------------------------------------------------------------- 问答 pages
FAQ = """青石县便民驿站建设申报政策问答

问：哪些单位可以申报？
答：本县登记的社区服务组织均可申报。

问：申报需要准备哪些材料？
答：共需准备三项材料：一是申报表；二是驿站运营方案；三是场地租赁合同。

问：运营方案需要写哪些内容？
答：方案应当包括以下三个部分：驿站概况、服务项目、运营保障。其中，服务项目部分要列明服务内容、服务时段和收费标准。

问：驿站概况部分主要写什么？
答：主要写清驿站的位置、面积和开放时间，便于评审专家了解情况。

问：有代收快递业务的，需要额外提供什么？
答：需要提供邮政管理部门出具的备案回执。没有代收业务的，不用提供。

问：认定后有什么要求？
答：每年向县商务局报送一次驿站运营情况报告。
"""


@pytest.mark.parametrize(
    "path",
    [
        "申报表",
        "驿站运营方案",
        "场地租赁合同",
        "备案回执",
        "驿站运营方案/驿站概况",
        "驿站运营方案/服务项目",
        "驿站运营方案/运营保障",
        "驿站运营方案/服务项目/服务内容",
        "驿站运营方案/服务项目/收费标准",
        "驿站运营方案/驿站概况/面积",
        "驿站运营方案/驿站概况/开放时间",
    ],
)
def test_faq_answers_are_read_like_body_text(path: str) -> None:
    paths = {p.replace("邮政管理部门出具的", "") for p in text_paths(FAQ)}
    assert path in paths


@pytest.mark.parametrize("fragment", ["运营情况报告", "便于", "社区服务组织", "不用提供"])
def test_faq_answers_about_eligibility_and_after_approval_hold_no_items(fragment: str) -> None:
    assert not any(fragment in p for p in text_paths(FAQ))


# ---------------------------------------------------------------- contents spread over articles
ARTICLES = """青石市冷链配送中心补助办法

第八条 申请补助的，应当提交项目申请表和建设方案。
第九条 建设方案应当包括下列内容：
1.项目单位基本情况；
2.建设地点、建设规模和建设内容；
3.投资估算及资金来源。
第十条 建设方案中的投资估算应当分项列出设备投资和软件投资。
第十五条 本办法第九条所称项目单位基本情况，应当写明注册资本和从业人数。
"""


@pytest.mark.parametrize(
    "path",
    [
        "建设方案/建设地点",
        "建设方案/建设规模",
        "建设方案/建设内容",
        "建设方案/投资估算及资金来源",
        "建设方案/投资估算及资金来源/设备投资",
        "建设方案/投资估算及资金来源/软件投资",
        "建设方案/项目单位基本情况/注册资本",
        "建设方案/项目单位基本情况/从业人数",
    ],
)
def test_articles_contents_spread_over_articles_join_their_part(path: str) -> None:
    assert path in text_paths(ARTICLES)


@pytest.mark.parametrize(
    "text",
    [
        "第五条 章程应当载明下列事项：\n（一）机构的类型、名称和职能；\n（二）会员的权利。\n",
        "第五条 报告应当包括下列内容：\n（一）制定、修改和解释地方性法规的事项；\n（二）其他事项。\n",
    ],
)
def test_articles_a_list_line_with_a_shared_qualifier_stays_one_part(text: str) -> None:
    names = [p.rsplit("/", 1)[-1] for p in text_paths(text)]
    assert "名称" not in names and "修改" not in names


def test_compiler_list_number_before_a_year_range_is_a_number_not_a_decimal() -> None:
    """Regression: "3.2023—2025年…统计数据" was read as the decimal 3.2023, losing the material."""
    text = "三、申报材料\n1.申报表；\n2.建设方案；\n3.2023—2025年客流量统计数据。\n四、报送时间\n"
    names = {p.rsplit("/", 1)[-1] for p in text_paths(text)}
    assert any(n.startswith("2023—2025年客流量统计数据") for n in names)


def test_hints_a_counted_pair_is_two_items() -> None:
    """ "须包括A和B两项指标": the count says 和 joins two indicators (a bare "A和B" stays one)."""
    text = (
        "附件2\nXX县示范区建设方案（编写提纲）\n一、发展目标\n（提出总体目标，目标须包括客流量和消费额两项量化指标）\n"
        "二、保障措施\n（说明组织领导和部门分工）\n"
    )
    paths = text_paths(text)
    assert "示范区建设方案/发展目标/客流量" in paths
    assert "示范区建设方案/发展目标/消费额" in paths
    assert "示范区建设方案/保障措施/组织领导和部门分工" in paths
