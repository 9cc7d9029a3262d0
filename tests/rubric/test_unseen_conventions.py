"""公文 conventions the compiler learned from corpora/plans_holdout2 and the rubric dev sets (issue 5).

Every notice below is a short fictitious text written for these tests in the style of
the convention (not a copy of any corpus notice); each expected item was worked out by
reading the snippet as a reviewer would (corpora/gold/rubrics/GUIDE.md), not copied
from the compiler's output. Each convention has cases that must NOT produce items.
"""

from __future__ import annotations

import pytest
from rubric_helpers import enumerated, text_paths

from pipeline.rubric.lists import not_a_name
from pipeline.rubric.outline import _count, find_chapter_prose, find_template

# ------------------------------------------------ a plan chapter written as running prose
PROSE_CHAPTER = """关于申报社区养老服务站建设项目的通知
一、申报材料
申报单位须按下表准备材料。
序号\t材料名称\t要求
1\t项目申报表\t按统一格式填写
2\t项目方案\t按本通知第二条要求编写，正文不超过1万字
二、项目方案编写要求
项目方案是评审的主要依据，应当内容真实，主要包括项目背景、服务内容、进度安排和经费预算四个部分。其中，项目背景部分重点说明现有设施面积和服务老人人数；服务内容部分须明确助餐服务和上门服务；经费预算部分须按2026年、2027年分年度列明财政补助资金和单位自筹资金，并说明设备购置等支出。
三、申报程序
（一）各区民政局于2026年3月1日前汇总报送。
（二）逾期不予受理。
四、其他事项
联系人：李明，电话0000-1234567。
"""


def test_unseen_conventions_prose_chapter_gives_the_plan_parts_and_their_demands():
    paths = text_paths(PROSE_CHAPTER)
    plan = "项目方案"
    for part in ("项目背景", "服务内容", "进度安排", "经费预算"):
        assert paths[f"{plan}/{part}"].kind == "section"
    for req in ("现有设施面积", "服务老人人数"):
        assert f"{plan}/项目背景/{req}" in paths
    for req in ("助餐服务", "上门服务"):
        assert f"{plan}/服务内容/{req}" in paths
    for req in ("财政补助资金", "单位自筹资金"):
        item = paths[f"{plan}/经费预算/{req}"]
        assert item.check == "has_money_per_year"
        assert item.params["years"] == [2026, 2027]


def test_unseen_conventions_prose_chapter_stops_at_the_next_part():
    """三、申报程序 and 四、其他事项 come after the chapter: neither is a part of the plan, and the
    length limit in the table is no requirement."""
    paths = text_paths(PROSE_CHAPTER)
    names = {p.split("/")[-1] for p in paths}
    assert not names & {"申报程序", "其他事项", "逾期不予受理", "正文不超过1万字"}
    assert not any("联系人" in n or "2027年分年度" in n for n in names)
    # a numbered body heading "二、项目方案编写要求" is no template whose chapters are 三、 and 四、
    assert find_template(PROSE_CHAPTER + "\n") is None


@pytest.mark.parametrize(
    "paragraph",
    [
        # the count says four, the list has three: not a list of the plan's parts
        "方案主要包括项目背景、服务内容和经费预算四个部分。",
        # documents, not parts of a plan
        "申报材料主要包括申报表、营业执照复印件和承诺书。",
        # no 包括 at all
        "方案应当实事求是、重点突出、可操作。",
    ],
)
def test_unseen_conventions_prose_chapter_needs_a_list_of_parts(paragraph):
    text = f"二、项目方案编写要求\n{paragraph}\n三、申报程序\n（一）按时报送。\n"
    assert find_chapter_prose(text) is None


@pytest.mark.parametrize(
    "word, expected", [("六", 6), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("5", 5)]
)
def test_unseen_conventions_part_counts(word, expected):
    assert _count(word) == expected


# ------------------------------------------------ what the rest of a material's line asks of it
OWN_DEMANDS = """关于申报公交优先示范区的通知
三、申报材料
1．示范区申报表（附件1）；
2．近两年（2024年—2025年）公交运营情况报告，须分年度列明日均客流量、运营线路数量和财政补贴资金，并对存在的问题进行分析；
3．财政资金承诺函，由区财政局出具；
4．线网现状图，附在申报表之后。
"""


def test_unseen_conventions_material_line_demands_are_its_requirements():
    paths = text_paths(OWN_DEMANDS)
    report = "近两年（2024年—2025年）公交运营情况报告"
    for req in ("日均客流量", "运营线路数量"):
        item = paths[f"{report}/{req}"]
        assert item.check == "covers_years" and item.params["years"] == [2024, 2025]
    money = paths[f"{report}/财政补贴资金"]
    assert money.check == "has_money_per_year" and money.params["years"] == [2024, 2025]
    # "并对存在的问题进行分析": what is analysed, for the whole report, not per year
    assert paths[f"{report}/存在的问题"].check == "mentions"


def test_unseen_conventions_who_issues_or_where_it_goes_is_no_requirement():
    paths = text_paths(OWN_DEMANDS)
    children = [p for p in paths if p.startswith(("财政资金承诺函", "线网现状图")) and "/" in p]
    assert children == []


# ------------------------------------------------ 第X条 articles
ARTICLES = """示范街区创建管理办法
第六条 申报街区应当提交创建方案和本办法第七条规定的附送材料。
第七条 申报街区应当同时附送下列材料：
（一）2023年至2025年街区商户经营情况统计表，分年度列明商户数量和营业收入，附在创建方案之后；
（二）区人民政府关于落实配套资金的承诺文件。
"""


def test_unseen_conventions_attached_materials_list_is_read_and_its_lead_is_no_material():
    paths = text_paths(ARTICLES)
    table = "2023年至2025年街区商户经营情况统计表"
    assert paths[table].kind == "material"
    assert paths["区人民政府关于落实配套资金的承诺文件"].kind == "material"
    for req in ("商户数量", "营业收入"):
        assert paths[f"{table}/{req}"].params["years"] == [2023, 2024, 2025]
    names = {p.split("/")[-1] for p in paths}
    assert not any("下列材料" in n or "附在" in n for n in names)


def test_unseen_conventions_outline_chapter_lead_keeps_yingdang_whole():
    text = """创建方案应当包括下列内容：
（一）街区现状，包括商户数量和业态分布；
（二）创建目标，应当明确到2028年的量化指标，至少包括夜间客流量和商户营业额；
（三）组织实施，应当明确牵头部门、责任人和部门分工。
"""
    names = {p.split("/")[-1] for p in text_paths(text)}
    assert {"夜间客流量", "商户营业额", "部门分工"} <= names
    assert not any(n.startswith("当") for n in names)


# ------------------------------------------------ enumerations
@pytest.mark.parametrize(
    "text, expected",
    [
        # one-character levels of one thing (省、市、县三级) stay together
        ("市、县两级服务网点数量", ["市、县两级服务网点数量"]),
        # the 和 after the levels joins two larger items; the second keeps its shared tail
        ("市、县两级财政投入和社会资本、金融信贷情况", ["市、县两级财政投入", "社会资本、金融信贷情况"]),
        # 以及 followed by a 、-list joins two larger items
        (
            "各站点的建设内容以及运营单位投入的车辆、人员和资金",
            ["各站点的建设内容", "运营单位投入的车辆、人员和资金"],
        ),
    ],
)
def test_unseen_conventions_enumeration_levels(text, expected):
    assert enumerated(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # two-character items are ordinary elements
        ("资金、人员、场地", ["资金", "人员", "场地"]),
        # 以及 before the last element only is the ordinary final conjunction
        ("建设地点、建设规模以及建设周期", ["建设地点", "建设规模", "建设周期"]),
    ],
)
def test_unseen_conventions_enumeration_not_levels(text, expected):
    assert enumerated(text) == expected


# ------------------------------------------------ 须附下列材料：A；B；C。 and 须附X，逐一列出…
def test_unseen_conventions_inline_attached_list_belongs_to_its_document():
    text = """三、申报材料
（一）项目申请书。申请书应当包括项目概况和资金需求等内容。
申请书须附下列材料：土地使用证明；施工合同复印件；环评批复文件。
"""
    paths = text_paths(text)
    for doc in ("土地使用证明", "施工合同复印件", "环评批复文件"):
        assert paths[f"项目申请书/{doc}"].kind == "material"


def test_unseen_conventions_attached_list_with_its_columns():
    text = """（一）试点申报表（附件1）。
（二）试点工作方案。
工作方案须附试点学校名单，逐一列出学校名称、在校生人数和拟开设课程。
"""
    paths = text_paths(text)
    found = [p for p in paths if p.endswith("试点学校名单")]
    assert len(found) == 1
    for req in ("学校名称", "在校生人数", "拟开设课程"):
        assert f"{found[0]}/{req}" in paths


def test_unseen_conventions_material_made_of_documents():
    text = """三、申报材料
（一）申报表。
（二）近三年获奖佐证材料，包括市级以上表彰文件、获奖证书复印件。
（三）工作总结，包括主要做法、取得成效。
"""
    paths = text_paths(text)
    for doc in ("市级以上表彰文件", "获奖证书复印件"):
        assert paths[f"近三年获奖佐证材料/{doc}"].kind == "material"
    # parts that are not documents are no materials
    assert not any(p.startswith("工作总结/") and paths[p].kind == "material" for p in paths)


# ------------------------------------------------ articles of regulations
def test_unseen_conventions_form_contents_after_neirong_baokuo_are_its_parts():
    text = """第四条 申请设立分支机构，应当提交以下材料：
一、由申请单位负责人签署的申请书，内容包括分支机构名称、负责人、业务范围等；
二、申请单位的营业执照复印件。
"""
    paths = text_paths(text)
    for part in ("分支机构名称", "负责人", "业务范围"):
        assert paths[f"申请书/{part}"].kind == "section"


def test_unseen_conventions_contents_separated_by_commas():
    text = """第五条 申请人应当提交下列材料：
（一）申请书；
（二）评估报告。
评估报告应当包括项目的基本情况，听取有关部门、单位意见的情况，专家论证意见等内容。
"""
    paths = text_paths(text)
    for part in ("项目的基本情况", "听取有关部门、单位意见的情况", "专家论证意见"):
        assert f"评估报告/{part}" in paths
    assert "评估报告/单位意见的情况" not in paths


@pytest.mark.parametrize(
    "name, expected",
    [
        # a possessive phrase that names the document is a name
        ("该企业委任代表人员的授权书", False),
        ("该公司的年度审计报告", False),
        # a pronoun pointing back, and a catch-all, are not
        ("该证件和证明文件", True),
        ("其他需要说明的事项", True),
    ],
)
def test_unseen_conventions_pointer_or_possessive(name, expected):
    assert not_a_name(name) is expected


def test_unseen_conventions_shuomingshu_is_no_demand_verb():
    """ "附具说明书，说明书的内容应当…": 说明书 is a document, not the verb 说明."""
    text = "产品标签不能标注全部内容的，应当同时附具说明书，说明书的内容应当与标签一致。\n"
    paths = text_paths(text)
    assert not any(p.startswith("说明书/") for p in paths)


def test_unseen_conventions_prose_parts_without_a_plan_heading():
    """The paragraph names the plan as its subject and counts its parts; the heading says nothing."""
    text = """一、申报材料
1．项目申报表；
2．实施方案。
二、有关要求
实施方案是评审的主要依据，应当实事求是，主要包括工作基础、建设任务和保障措施三个部分。其中，工作基础部分重点说明已建站点数量；保障措施部分须明确责任单位。
三、报送时间
请于2026年5月1日前报送。
"""
    paths = text_paths(text)
    for part in ("工作基础", "建设任务", "保障措施"):
        assert paths[f"实施方案/{part}"].kind == "section"
    assert "实施方案/工作基础/已建站点数量" in paths
    assert "实施方案/保障措施/责任单位" in paths
    assert not any(p.endswith(("有关要求", "报送时间")) for p in paths)


def test_unseen_conventions_uncounted_prose_without_heading_is_no_outline():
    """Without a plan heading, a 包括 sentence that gives no count is not read as the plan's parts."""
    text = "二、有关要求\n实施方案应当实事求是，做到包括目标、任务在内的内容完整。\n"
    assert find_chapter_prose(text) is None


# ------------------------------------------------ a document named by its tail; 明确 demands
def test_unseen_conventions_contents_list_of_a_document_named_by_its_tail():
    text = """第八条 申请补助的单位应当提交下列材料：
（一）补助资金申请表；
（二）项目可行性研究报告。
第九条 可行性研究报告应当载明下列事项：
（一）项目名称、建设地点；
（二）项目单位的基本情况。
第十条 联合申报的，还应当提交各方签订的合作协议。合作协议应当明确各方的出资比例和收益分配方式。
"""
    paths = text_paths(text)
    for part in ("项目名称", "建设地点", "项目单位的基本情况"):
        assert f"项目可行性研究报告/{part}" in paths
    assert "可行性研究报告" not in paths  # no second, shorter copy of the report
    agreement = [p for p in paths if p.endswith("合作协议")]
    assert agreement == ["各方签订的合作协议"]
    # GUIDE rule 9: a 明确 demand is one item, its object list kept together
    assert "各方签订的合作协议/各方的出资比例和收益分配方式" in paths


@pytest.mark.parametrize(
    "sentence",
    [
        # 支持/坚持: no 持 of handing in
        "第三条 业主委员会应当监督和支持物业服务企业履行物业服务合同。",
        "第四条 各单位应当坚持履行安全生产承诺书。",
    ],
)
def test_unseen_conventions_chi_inside_a_word_hands_nothing_in(sentence):
    text = f"第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本市。\n{sentence}\n"
    assert [p for p, i in text_paths(text).items() if i.kind == "material"] == []


# ------------------------------------------------ materials named in everyday 办事 wording
@pytest.mark.parametrize(
    "notice, expected",
    [
        (
            # papers carried in person, listed after the colon on the same line
            (
                "关于做好小学新生入学工作的通知\n三、报名办法\n监护人报名时需携带以下材料：户口簿、房产证（或购房合同）、"
                "预防接种证原件及复印件。\n四、其他\n略。\n"
            ),
            {"户口簿", "房产证（或购房合同）", "预防接种证原件及复印件"},
        ),
        (
            # the recipient stands between 以下材料 and the colon
            (
                "关于推荐示范企业的通知\n四、推荐程序\n各区于5月31日前将以下材料报送市工信局：1.推荐汇总表（附件2）；"
                "2.企业申报书（附件3）；3.企业营业执照复印件。\n"
            ),
            {"推荐汇总表", "企业申报书", "企业营业执照复印件"},
        ),
    ],
)
def test_unseen_conventions_everyday_material_wording(notice, expected):
    materials = {p for p, i in text_paths(notice).items() if i.kind == "material"}
    assert materials == expected


def test_unseen_conventions_self_inspection_report_named_by_its_kind():
    text = (
        "关于开展消防安全自查的通知\n二、工作要求\n请各单位开展自查，形成自查报告，于6月30日前报送区消防救援大队。"
        "自查报告应包括自查工作开展情况、存在问题及整改措施。\n"
    )
    paths = text_paths(text)
    assert paths["自查报告"].kind == "material"
    assert {p for p in paths if p.startswith("自查报告/")} == {
        "自查报告/自查工作开展情况",
        "自查报告/存在问题",
        "自查报告/整改措施",
    }


@pytest.mark.parametrize(
    "notice",
    [
        # a report the notice only mentions, handed in to nobody
        "关于加强校园安全的通知\n一、工作要求\n各校要认真开展自查，对发现的问题及时整改。\n",
        # a list of conditions after 以下 is no list of materials
        "关于申报示范企业的通知\n二、申报条件\n申报企业应符合以下条件：依法经营、无不良记录。\n",
    ],
)
def test_unseen_conventions_everyday_wording_not_materials(notice):
    assert [p for p, i in text_paths(notice).items() if i.kind == "material"] == []


def test_unseen_conventions_plan_named_by_its_full_name_not_its_abbreviation():
    """ "提交X实施方案（以下简称实施方案）": the outline says 实施方案, the plan's title is the full name."""
    text = """第一条 申报区应当提交智慧商圈建设实施方案（以下简称实施方案）。
第二条 实施方案应当包括下列内容：
（一）商圈现状，包括商户数量；
（二）建设目标，应当明确量化指标；
（三）保障措施，包括组织领导。
"""
    paths = text_paths(text)
    assert paths["智慧商圈建设实施方案"].kind == "material"
    assert "智慧商圈建设实施方案/商圈现状/商户数量" in paths
    assert "实施方案" not in paths


# ------------------------------------------------ an outline attached as a 模板
TEMPLATE_NOTICE = """关于申报绿色工厂的通知
三、申报材料
1．申报表（附件1）；
2．创建方案（按附件2模板编写）。
附件：1．申报表
2．创建方案模板
附件2
创建方案（模板）
一、企业基本情况
（一）企业概况。说明主营业务和员工人数。
二、创建目标
（一）总体目标。说明到2028年的能耗下降目标。
"""


def test_unseen_conventions_outline_attached_as_a_template():
    paths = text_paths(TEMPLATE_NOTICE)
    assert set(paths) >= {
        "申报表",
        "创建方案",
        "创建方案/企业基本情况",
        "创建方案/企业基本情况/企业概况",
        "创建方案/创建目标",
        "创建方案/创建目标/总体目标",
    }
    # the pointer to the attachment is how to write it, not part of its name
    assert paths["创建方案"].params.get("attachment") == "附件2"


def test_unseen_conventions_attachment_list_after_the_materials_is_no_material():
    materials = {p for p, i in text_paths(TEMPLATE_NOTICE).items() if i.kind == "material"}
    assert materials == {"申报表", "创建方案"}


@pytest.mark.parametrize(
    "line, name, issuer",
    [
        ("4．配套资金承诺函（由市级财政部门出具）。", "配套资金承诺函", "市级财政部门"),
        ("4．项目推荐函（由区科技局盖章）。", "项目推荐函", "区科技局"),
    ],
)
def test_unseen_conventions_issuer_in_brackets_is_no_part_of_the_name(line, name, issuer):
    text = f"三、申报材料\n1．申报表；\n2．实施方案；\n3．营业执照复印件；\n{line}\n"
    paths = text_paths(text)
    assert paths[name].params["issuer"] == issuer


def test_unseen_conventions_bracket_without_issuer_stays_in_the_name():
    text = "三、申报材料\n1．申报表；\n2．近三年（2023年—2025年）工作总结。\n"
    assert "近三年（2023年—2025年）工作总结" in text_paths(text)


# ------------------------------------------------ a plan's parts inside its own materials line
def test_unseen_conventions_numbered_parts_run_on_in_the_material_line():
    text = """三、申报材料
1.示范村申报表；
2.建设实施方案，主要内容包括：（1）村庄基本情况；（2）建设目标；（3）重点项目；（4）保障措施。
3.村民代表大会决议。
"""
    paths = text_paths(text)
    sections = {p for p, i in paths.items() if i.kind == "section"}
    assert sections == {f"建设实施方案/{s}" for s in ("村庄基本情况", "建设目标", "重点项目", "保障措施")}
    assert paths["村民代表大会决议"].kind == "material"


def test_unseen_conventions_sentences_after_a_numbered_part_are_its_requirements():
    text = """三、申报材料
（一）申报书。
（二）建设方案。建设方案须包括：
1.社区基本情况。介绍人口规模和现有设施。
2.保障措施。明确责任单位。
（三）街道承诺函。
"""
    paths = text_paths(text)
    assert {"建设方案/社区基本情况/人口规模", "建设方案/社区基本情况/现有设施"} <= set(paths)
    assert "建设方案/保障措施/责任单位" in paths
    # a sentence is no part of its own
    assert not any(p.endswith(("介绍人口规模和现有设施", "明确责任单位")) for p in paths)


def test_unseen_conventions_material_line_lists_its_parts():
    text = """四、申报材料
（一）专项资金申请表（附件1）；
（二）项目可行性研究报告，须包括项目概况、市场分析、投资估算及资金来源、经济效益分析等内容；
（三）营业执照复印件，包括正本和副本。
"""
    paths = text_paths(text)
    report = "项目可行性研究报告"
    assert {p for p in paths if p.startswith(report + "/")} == {
        f"{report}/{s}" for s in ("项目概况", "市场分析", "投资估算及资金来源", "经济效益分析")
    }
    # "正本和副本" are two copies of one document, no list of its parts
    assert not any(p.startswith("营业执照复印件/") and i.kind == "section" for p, i in paths.items())


def test_unseen_conventions_pointer_before_the_colon_is_no_part_name():
    text = """三、申报材料
（一）申报书；
（二）建设方案。建设方案应包括以下内容：基本情况、建设目标、保障措施。
"""
    sections = {p for p, i in text_paths(text).items() if i.kind == "section"}
    assert sections == {"建设方案/基本情况", "建设方案/建设目标", "建设方案/保障措施"}


@pytest.mark.parametrize(
    "name, expected",
    [
        # a clause that signs an agreement names no document handed in
        ("者签订安全保密协议", True),
        ("方订立含有格式条款的合同", True),
        # the agreement the parties signed is one
        ("各方签订的合作协议", False),
        ("由法定代表人签署的申请书", False),
    ],
)
def test_unseen_conventions_signing_clause_is_no_name(name, expected):
    assert not_a_name(name) is expected


def test_unseen_conventions_articles_name_agreements_charters_and_annual_reports():
    text = """第一条 为了规范管理，制定本办法。
第二条 申请设立分会，应当提交申请书。
第三条 申请人为企业的，还应当同时提交该企业的年报、组织章程和会员名册。
第四条 提供方应当在合同订立前向消费者说明格式条款，并与其订立书面合同。
"""
    materials = {p for p, i in text_paths(text).items() if i.kind == "material"}
    assert {"该企业的年报", "组织章程", "会员名册"} <= materials
    assert not any("订立" in m or m.startswith("方") for m in materials)
