"""Numbered lists after a lead-in (pipeline/rubric/lists.py): materials lists in articles and
办事指南, groups per applicant type, a material's contents, documents named in prose.

Expected values were written by reading the snippet or the quoted lines of the real
document (``policylens text PATH``), following corpora/gold/rubrics/GUIDE.md.
"""

from __future__ import annotations

import warnings

import pytest
from rubric_helpers import item_triples

from pipeline.rubric import compile_rubric
from pipeline.rubric.lists import classify_lead_in, list_items, not_a_name
from tests.conftest import BULK, REAL, need_shared

_tree = item_triples


# ------------------------------------------------------------------ lead-ins
@pytest.mark.parametrize(
    "clause, expected",
    [
        ("并附具下列文件", ("materials", None)),
        ("应当向登记机关提交下列材料", ("materials", None)),
        ("申请就业见习基地提交材料", ("materials", None)),
        ("1.必备材料清单", ("materials", None)),
        ("论证报告应当包括下列内容", ("contents", "论证报告")),
        ("章程应当包括下列内容", ("contents", "章程")),
        ("项目申请书应当包括下列内容", ("contents", "项目申请书")),
    ],
)
def test_lists_lead_in_kinds(clause, expected):
    assert classify_lead_in(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "成立外国商会，应当具备下列条件",  # conditions, nothing handed in
        "须符合下列规定",
        "核准机关应当从下列方面对项目进行审查",
        "凡违反本规定有下列情形之一的",
        "见习单位应当履行以下职责",
        "按以下步骤操作",
        "收到申请材料后，应当根据下列情况分别作出处理",
    ],
)
def test_lists_lead_in_must_not_match(clause):
    assert classify_lead_in(clause) is None


def test_lists_items_stop_at_next_article_and_shallower_heading():
    text = "提交下列材料：\n（一）申请书；\n1.基本信息；\n（二）章程。\n第九条 其他规定。\n"
    start = text.index("\n") + 1
    items = list_items(text, start)
    # （一） holds its 1. sub-line; 第九条 ends the list
    assert [text[s:e] for _, s, e in items] == ["申请书；\n1.基本信息；", "章程。"]
    heading = "提交材料：\n1.申请表；\n2.评估表。\n（二）示范基地。\n申请示范基地提交材料：\n"
    items = list_items(heading, heading.index("\n") + 1)
    assert [heading[s:e] for _, s, e in items] == ["申请表；", "评估表。"]


@pytest.mark.parametrize(
    "name",
    [
        "其他相关证明材料",
        "国务院规定提交的其他文件",
        "依法需要提交的其他文件",
        "相应材料",
        "下列文件",
        "该证件和证明文件",
        "本细则第三十三条第三款规定的有关证明文件",
        "证据加以证明",
        "有或者提供种畜禽生产经营许可证和营业执照",
        "符合中华人民共和国法律、行政法规规定",
    ],
)
def test_lists_not_a_name(name):
    assert not_a_name(name)


@pytest.mark.parametrize(
    "name", ["申请书", "外国商会章程", "清理债务完结的证明", "营业执照复印件", "有关批准文件"]
)
def test_lists_real_names_are_names(name):
    assert not not_a_name(name)


# ------------------------------------------------------------------ layouts (invented snippets)
LAYOUTS = [
    # an article's list attached to a written application (GUIDE rule 6: the application is the parent),
    # with a contents sub-list and a catch-all left out (rule 2) and a copy count dropped (rule 13)
    (
        (
            "第一条 总则。\n第二条 定义。\n第三条 设立协会的书面申请，应当由发起人签署，并附具下列文件：\n"
            "(一)协会章程一式三份。章程应当包括下列内容：\n1．名称和住所；\n2．组织机构；\n"
            "(二)发起人名册。\n(三)其他有关材料。\n第四条 附则。\n"
        ),
        [
            ("material", "书面申请", None),
            ("material", "协会章程", "书面申请"),
            ("section", "名称和住所", "协会章程"),
            ("section", "组织机构", "协会章程"),
            ("material", "发起人名册", "书面申请"),
        ],
    ),
    # a report's contents, one section per element of a line that only lists elements (rule 7)
    (
        (
            "第一条 目的。\n第二条 主管部门应当提出评估报告，并附交可行性材料。\n评估报告应当包括下列内容：\n"
            "(一)项目的名称、选址、规模；\n(二)效益分析。\n第三条 施行日期。\n"
        ),
        [
            ("material", "可行性材料", None),  # "并附交可行性材料"
            ("material", "评估报告", None),
            ("section", "项目的名称", "评估报告"),
            ("section", "选址", "评估报告"),
            ("section", "规模", "评估报告"),
            ("section", "效益分析", "评估报告"),
        ],
    ),
    # two lists, one per applicant type: each a group named by the words between 申请 and 提交
    (
        (
            "三、申请资料\n（一）示范园区。\n申请示范园区提交材料：\n1.《示范园区申报表》；\n2.园区建设情况说明。\n"
            "（二）示范园区补贴。\n申请示范园区补贴提交材料：\n1.《补贴申请表》。\n"
        ),
        [
            ("material", "示范园区", None),
            ("material", "示范园区申报表", "示范园区"),
            ("material", "园区建设情况说明", "示范园区"),
            ("material", "示范园区补贴", None),
            ("material", "补贴申请表", "示范园区补贴"),
        ],
    ),
    # a short heading item whose next line names its parts; ① sub-items with 《》 documents
    (
        (
            "办理指南\n1.必备材料清单：\n（1）身份材料\n身份证、户口簿首页。\n（2）学历材料\n①毕业证书、学位证书。\n"
            "②认证材料：网上打印的《学历电子注册备案表》。\n2.办理时效：15个工作日。\n"
        ),
        [
            ("material", "身份材料", None),
            ("material", "身份证", "身份材料"),
            ("material", "户口簿首页", "身份材料"),
            ("material", "学历材料", None),
            ("material", "毕业证书", "学历材料"),
            ("material", "学位证书", "学历材料"),
            ("material", "认证材料", "学历材料"),
            ("material", "学历电子注册备案表", "认证材料"),
        ],
    ),
    # a plan named in prose with its demands, one requirement per clause (rule 9), and a
    # summary report whose listed subjects are its sections
    (
        (
            "（二）制定方案。各试点县负责编制试点实施方案，明确试点目标，确定任务分工，做好年度任务分解。"
            "实施方案报送省厅。\n（三）总结。试点县对试点总体情况、主要做法和成效等进行评估总结，形成试点总结报告报送省厅。\n"
        ),
        [
            ("material", "试点实施方案", None),
            ("requirement", "试点目标", "试点实施方案"),
            ("requirement", "任务分工", "试点实施方案"),
            ("requirement", "年度任务分解", "试点实施方案"),
            ("material", "试点总结报告", None),
            ("section", "试点总体情况", "试点总结报告"),
            ("section", "主要做法和成效", "试点总结报告"),
        ],
    ),
]


LAYOUTS += [
    # a 办事指南 list, a conditional follow-up list (GUIDE rule 3: flat, the condition is no name),
    # and a procedure list after it that is not read
    (
        "某办事指南\n申请材料：\n1.申请表\n2.身份证复印件\n个人申请的，还需提交：\n1.户口本\n办理流程：\n1.受理\n",
        [("material", "申请表", None), ("material", "身份证复印件", None), ("material", "户口本", None)],
    ),
    # an article naming documents in prose: "A、B等材料" gives A and B
    (
        (
            "第一条 为了规范。\n第二条 适用。\n第三条 申请许可的，应当向主管部门提交申请书，"
            "并提供营业执照复印件、场地证明等材料。\n"
        ),
        [("material", "申请书", None), ("material", "营业执照复印件", None), ("material", "场地证明", None)],
    ),
    # a materials heading whose numbered items are applicant groups with their own lists (GUIDE rule 6):
    # a material listed in two groups is an item in each
    (
        (
            "关于申报的通知\n三、申报材料\n（一）企业申报\n1.申报表；\n2.营业执照复印件。\n（二）个人申报\n"
            "1.申报表；\n2.身份证复印件。\n四、申报时间\n2025年1月。\n"
        ),
        [
            ("material", "企业申报", None),
            ("material", "申报表", "企业申报"),
            ("material", "营业执照复印件", "企业申报"),
            ("material", "个人申报", None),
            ("material", "申报表", "个人申报"),
            ("material", "身份证复印件", "个人申报"),
        ],
    ),
    # group headings worded "X申请材料要求：" / "X需提供：" are named by who applies
    (
        (
            "关于申报的通知\n三、申报材料\n（一）高层次人才申请材料要求：\n1.申请表；\n2.学历证书。\n"
            "（二）重点企业需提供：\n1.营业执照复印件；\n2.纳税证明。\n四、申报时间\n"
        ),
        [
            ("material", "高层次人才", None),
            ("material", "申请表", "高层次人才"),
            ("material", "学历证书", "高层次人才"),
            ("material", "重点企业", None),
            ("material", "营业执照复印件", "重点企业"),
            ("material", "纳税证明", "重点企业"),
        ],
    ),
    # a materials table; the catch-all row is no item (GUIDE rule 2)
    (
        (
            "关于申报的通知\n三、申报材料\n序号|材料名称|要求\n1|申请表|原件\n2|营业执照复印件|加盖公章\n"
            "3|其他相关材料|\n四、时间\n"
        ),
        [("material", "申请表", None), ("material", "营业执照复印件", None)],
    ),
]


LAYOUTS += [
    # materials in one sentence after 申报材料包括：
    (
        "关于申报的通知\n三、申报材料\n申报材料包括：申请表、实施方案、营业执照复印件等。\n四、时间\n",
        [("material", "申请表", None), ("material", "实施方案", None), ("material", "营业执照复印件", None)],
    ),
    # "，主要内容包括：A、B、C" after a material's name: its sections
    (
        (
            "关于申报的通知\n三、申报材料\n（一）项目申报书（格式见附件1），主要内容包括：项目概况、建设目标、资金预算。\n"
            "（二）营业执照复印件。\n四、时间\n"
        ),
        [
            ("material", "项目申报书", None),
            ("section", "项目概况", "项目申报书"),
            ("section", "建设目标", "项目申报书"),
            ("section", "资金预算", "项目申报书"),
            ("material", "营业执照复印件", None),
        ],
    ),
    # a plan's contents as a numbered list after a lead-in in the requirements part
    (
        (
            "关于开展试点的通知\n二、工作要求\n各试点单位于6月底前报送实施方案。实施方案应当包括以下内容：\n"
            "（一）基本情况；\n（二）建设目标和主要任务；\n（三）保障措施。\n三、联系方式\n"
        ),
        [
            ("material", "实施方案", None),
            ("section", "基本情况", "实施方案"),
            ("section", "建设目标和主要任务", "实施方案"),
            ("section", "保障措施", "实施方案"),
        ],
    ),
]


LAYOUTS += [
    # information handed in as a list, named by the 信息 the next sentence names
    (
        (
            "第一条 总则。\n第二条 定义。\n第三条 单位应当在开业前将下列信息告知主管机关：\n（一）单位名称、地址；\n"
            "（二）负责人姓名。\n单位应当对登记事项信息的真实性负责。\n第四条 附则。\n"
        ),
        [
            ("material", "登记事项信息", None),
            ("requirement", "单位名称", "登记事项信息"),
            ("requirement", "地址", "登记事项信息"),
            ("requirement", "负责人姓名", "登记事项信息"),
        ],
    ),
]


@pytest.mark.parametrize("notice, expected", LAYOUTS)
def test_lists_layouts(notice, expected):
    tree = _tree(notice)
    # the same items; the order may differ where the first pass made a group before its siblings'
    # materials (三、申请资料 heading read first), but every item comes after its parent
    assert sorted(tree, key=str) == sorted(expected, key=str)
    seen: set[str | None] = {None}
    for _, name, parent in tree:
        assert parent in seen
        seen.add(name)


MUST_NOT = [
    # a condition list and a duty list: nothing handed in
    "第四条 成立协会，应当具备下列条件：\n(一)有章程；\n(二)有固定的办公地点。\n第五条 协会应当履行以下职责：\n(一)服务会员。\n",
    # contents of an agreement signed between two other parties (GUIDE rule 1): no submit verb names it
    "第十条 基地应与学员签订见习协议。见习协议应当包括以下内容：\n（一）见习期限；\n（二）见习待遇。\n",
    # 提出变更申请 names no document (rule 1)
    "第一条 总则。\n第二条 定义。\n第三条 企业应当向核准机关提出变更申请。\n",
    # a plan named in prose without being handed in, and only one demand
    "各地要编制工作方案，明确目标。\n",
    # an information list that the text never names: left alone rather than called "下列信息"
    "第一条 总则。\n第二条 定义。\n第三条 单位应当将下列信息告知主管机关：\n（一）单位名称；\n（二）负责人姓名。\n第四条 附则。\n",
    # 申请材料 as the object of a procedure, not a list
    "第一条 总则。\n第二条 定义。\n第三条 受理机关收到申请材料后，应当进行审查；申请材料不齐全的，一次告知。\n",
    # articles that supply things, not documents: 提供便利, 提供虚假材料
    "第一条 总则。\n第二条 主管部门应当提供便利。\n第三条 申请人提供虚假材料的，不予受理。\n",
]


@pytest.mark.parametrize("notice", MUST_NOT)
def test_lists_must_not_match(notice):
    assert _tree(notice) == []


# ------------------------------------------------------------------ real documents (train split)
def test_lists_foreign_chamber_articles():
    """bulk 00313 第八条: "书面申请…并附具下列文件：(一)外国商会章程一式五份。章程应当包括下列内容：1．名称和地址；…"."""
    tree = _tree(need_shared(BULK / "lawrefbook_laws" / "00313.txt"))
    assert ("material", "书面申请", None) in tree
    assert ("material", "外国商会章程", "书面申请") in tree
    assert [n for k, n, p in tree if p == "外国商会章程"] == [
        "名称和地址",
        "组织机构",
        "会长、副会长以及常务干事的姓名、身份",  # 的 of a middle element: one part (GUIDE rule 7)
        "会员的入会手续及会员的权利和义务",
        "活动内容",
        "财务情况",
    ]
    # 第十条 "提交上一年度的活动情况报告"; 第十三条 "持…签署的申请注销登记报告和清理债务完结的证明"
    assert ("material", "上一年度的活动情况报告", None) in tree
    assert ("material", "申请注销登记报告", None) in tree
    assert ("material", "清理债务完结的证明", None) in tree
    assert all(n != "下列文件" for _, n, _ in tree)  # the lead-in is not a material


def test_lists_higher_education_report_outline():
    """bulk 00417 第十八条 "论证报告应当包括下列内容：(一)拟建学校的名称、校址、…(三)…基建计划。"."""
    tree = _tree(need_shared(BULK / "lawrefbook_laws" / "00417.txt"))
    sections = [n for k, n, p in tree if p == "论证报告"]
    assert sections[:3] == ["拟建学校的名称", "校址", "学科门类"]
    assert sections[-3:] == ["拟建学校的师资来源", "经费来源", "基建计划"]
    assert len(sections) == 14
    assert ("material", "筹建普通高等学校申请书", None) in tree  # 第十九条 "提出筹建普通高等学校申请书"


def test_lists_hukou_guide_nested_materials():
    """guangzhou hukou guide "1.必备材料清单：（1）身份证明材料\\n身份证正反面、户口簿首页及本人页。"."""
    tree = _tree(need_shared(REAL / "guangzhou_degree_talent_hukou_application_guide_2026.txt"))
    assert [n for k, n, p in tree if p is None] == ["身份证明材料", "学历学位证明材料", "落户地址材料"]
    assert [n for k, n, p in tree if p == "身份证明材料"] == ["身份证正反面", "户口簿首页及本人页"]
    assert ("material", "教育部学历证书电子注册备案表", "国内学历学位认证材料") in tree


def test_lists_zero_waste_prose_plan():
    """sc zero waste 2018 （二）"负责编制“无废城市”建设试点实施方案，明确试点目标，确定任务清单和分工，…"."""
    tree = _tree(need_shared(REAL / "sc_zero_waste_city_pilot_plan_2018.txt"))
    assert [n for k, n, p in tree if p == "“无废城市”建设试点实施方案"] == [
        "试点目标",
        "任务清单和分工",
        "年度任务分解",
        "每项任务的目标成果、进度安排、保障措施",
        # 主要任务 （五）"试点城市制定“无废城市”建设试点实施方案，…，明确改革试点的任务措施" (issue 5)
        "改革试点的任务措施",
    ]
    assert [n for k, n, p in tree if p == "试点工作总结报告"] == [
        "本地区试点总体情况",
        "主要做法和成效",
        "存在的问题及建议",
    ]


def test_lists_material_notes_seed_000():
    """seed 000 （四）"区域内主要企业名单及其整体经营状况（包括2016年以来产销、利税、主要产品的国内外市场情况），
    开展技术创新、境外营销维修服务、品牌建设、国际认证、履行社会责任、依法经营等情况。": the bracket and the
    开展… tail are what the list must cover (GUIDE rules 7, 13)."""
    from tests.conftest import SEED_NOTICE

    tree = _tree(SEED_NOTICE)
    assert ("material", "区域内主要企业名单及其整体经营状况", None) in tree
    assert [n for k, n, p in tree if p == "区域内主要企业名单及其整体经营状况"] == [
        "2016年以来产销",
        "利税",
        "主要产品的国内外市场情况",
        "技术创新",
        "境外营销维修服务",
        "品牌建设",
        "国际认证",
        "履行社会责任",
        "依法经营",
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        # bulk 00013 （三）: a demand in brackets is the 说明's requirement
        (
            (
                "第一条 总则。\n第二条 定义。\n第三条 申请应当提交下列材料：\n（一）营业执照复印件。\n"
                "（二）网站栏目设置说明（经营性网站需提供收费方式的说明）。\n第四条 附则。\n"
            ),
            [
                ("material", "营业执照复印件", None),
                ("material", "网站栏目设置说明", None),
                ("requirement", "收费方式的说明", "网站栏目设置说明"),
            ],
        ),
    ],
)
def test_lists_material_notes_brackets(line, expected):
    assert _tree(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        # a bracket that is an attachment pointer or a copy note stays out of the requirements
        "第一条 总则。\n第二条 定义。\n第三条 申请应当提交下列材料：\n（一）申请表（见附件1）；\n（二）营业执照（复印件）。\n",
    ],
)
def test_lists_material_notes_must_not_match(line):
    assert all(k == "material" for k, _, _ in _tree(line))


@pytest.mark.parametrize("notice", [n for n, _ in LAYOUTS])
def test_lists_provenance_points_into_notice(notice):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rubric = compile_rubric(notice)
    for item in rubric.items:
        p = item.provenance
        assert p and notice[p["start"] : p["end"]] == p["text"], item.id


def test_lists_zero_waste_plan_demand_said_elsewhere():
    """Regression (issue 5, plans_dev4 c1–c4 unmatched): a demand said of the plan in another paragraph,
    before the paragraph that names it with its other demands, is one of its requirements; a demand of a
    document never found with two demands adds nothing."""
    plan = "“无废城市”建设试点实施方案"
    tree = _tree(need_shared(REAL / "sc_zero_waste_city_pilot_plan_2018.txt"))
    assert ("requirement", "改革试点的任务措施", plan) in tree
    assert [n for k, n, p in tree if n == "改革试点的任务措施"] == ["改革试点的任务措施"]


@pytest.mark.parametrize(
    "notice, expected",
    [
        # the demand before the paragraph that names the plan with two demands
        (
            (
                "一、主要任务\n试点城市制定乡村振兴实施方案，和城市建设有机融合，明确改革任务措施。\n"
                "二、实施步骤\n试点城市负责编制乡村振兴实施方案，明确试点目标，确定任务清单和分工。实施方案按程序报送农业农村部。\n"
            ),
            ["试点目标", "任务清单和分工", "改革任务措施"],
        ),
        # and after it
        (
            (
                "一、实施步骤\n试点城市负责编制乡村振兴实施方案，明确试点目标，确定任务清单和分工。实施方案按程序报送农业农村部。\n"
                "二、其他\n各地制定乡村振兴实施方案，明确资金来源。\n"
            ),
            ["试点目标", "任务清单和分工", "资金来源"],
        ),
    ],
)
def test_lists_prose_plan_demands_from_two_paragraphs(notice, expected):
    tree = _tree(notice)
    assert [n for k, n, p in tree if p == "乡村振兴实施方案"] == expected


def test_lists_prose_plan_one_demand_alone_is_no_material():
    """Must not match: one demand of a document never named with two is no checklist."""
    notice = "一、主要任务\n试点城市制定乡村振兴实施方案，和城市建设有机融合，明确改革任务措施。\n"
    assert not any(n == "乡村振兴实施方案" for k, n, p in _tree(notice))


# word lists moved to rubric_rules.yaml `documents` (issue 5 style debt): the same names still read alike
@pytest.mark.parametrize(
    "name",
    [
        "外国商会章程",  # doc_word_suffix (bulk 00313)
        "居民户口簿",  # more_docs_suffix (bulk 00051)
        "有特殊困难的声明",  # more_docs_suffix (bulk 00051)
        "网站负责人简历",  # doc_word_suffix
        "全体合伙人的委托书",
    ],
)
def test_lists_is_document(name):
    from pipeline.rubric.lists import _is_document

    assert _is_document(name)


@pytest.mark.parametrize(
    "name",
    [
        "全体合伙人指定代表",  # not_docs_suffix: 代表 is a person (bulk 00201)
        "执行情况说明",  # dependent_doc (bulk 00013)
        "相关证明",  # dependent_doc
        "经营范围",  # ends like no document
    ],
)
def test_lists_is_document_must_not_match(name):
    from pipeline.rubric.lists import _is_document

    assert not _is_document(name)
