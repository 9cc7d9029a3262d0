"""Rubric compilation on layouts no gold notice uses (issue 5: recall on unseen notices).

Each snippet is written here in the style of a real 公文 convention the compiler missed
before: a lead-in whose noun is a pair or carries a modifier ("提交下列证件和证明材料"),
a conditional material line ("属于…的，还应当提交X"), a line naming several documents
(GUIDE rule 8), one-slot alternatives ("房产证或购房合同复印件"), groups named by the
applicant before the verb ("个人申请需提交以下材料："), a report's contents in the
sentence after it, 一是/二是 outlines, a "X方案内容要求" heading over "1．X：…" lines,
a table row that lost its tabs, and a self-inspection report. Expected items were
written by reading each snippet, following corpora/gold/rubrics/GUIDE.md.
"""

from __future__ import annotations

import pytest
from rubric_helpers import item_triples

from pipeline.rubric.lists import _document_parts, classify_lead_in, not_a_name
from tests.conftest import BULK, need_shared

_tree = item_triples


def _names(notice: str) -> set[str]:
    return {name for _, name, _ in _tree(notice)}


# ------------------------------------------------------------------ lead-ins
@pytest.mark.parametrize(
    "clause, expected",
    [
        ("第七条 送养人应当向收养登记机关提交下列证件和证明材料", ("materials", None)),
        ("应当提交以下证件和材料", ("materials", None)),
        ("并提交下列资料和物品", ("materials", None)),
        ("申请人应当将填写好的申请表连同下列文件报国务院保险监督管理机构审批", ("materials", None)),
        ("持下列材料报市、县人民政府城乡规划主管部门核发乡村建设规划许可证", ("materials", None)),
        ("应当提交下列文件、材料", ("materials", None)),
        ("申请人应当报送下列文件的中文、外文对照本", ("materials", None)),
        ("申请批准应当提交载明下列内容的文件材料", ("materials", None)),
        (
            "第十九条 申请人书面申请行政复议的，应当在行政复议申请书中载明下列事项",
            ("contents", "行政复议申请书"),
        ),
        ("第十一条 合营企业合同应当包括下列主要内容", ("contents", "合营企业合同")),
        ("自查报告要包括以下内容", ("contents", "自查报告")),
        ("总结报告应包括以下内容", ("contents", "总结报告")),
    ],
)
def test_unseen_lead_in_kinds(clause, expected):
    assert classify_lead_in(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        # "上传以下材料的原件彩色扫描件" (guangzhou hukou guide): the form of delivery, the list is read elsewhere
        "并根据系统指引准备并上传以下材料的原件彩色扫描件或清晰拍照图片",
        "无需提供第十八条第二款规定的经济困难证明",
        "应当具备下列条件",
        "证据保全决定书应当载明下列事项",
        # facts to prove, not documents (bulk 00742); things not to bring (bulk 00463)
        "被侵权人根据民法典第七编第七章的规定请求赔偿的，应当提供证明以下事实的证据材料",
        "旅客禁止随身携带下列物品",
    ],
)
def test_unseen_lead_in_must_not_match(clause):
    assert classify_lead_in(clause) != ("materials", None)


# ------------------------------------------------------------------ one line, several documents
@pytest.mark.parametrize(
    "line, expected",
    [
        ("网站负责人身份证复印件及简历", ["网站负责人身份证复印件", "简历"]),
        ("外国申请人的公司章程、最近3年的年报", ["外国申请人的公司章程", "最近3年的年报"]),
        ("收养人的居民户口簿和居民身份证", ["收养人的居民户口簿", "居民身份证"]),
        ("身份证、户口簿复印件", ["身份证", "户口簿复印件"]),
        (
            "药品及医疗器械相关专业技术人员学历证明或者其专业技术资格证书复印件、网站负责人身份证复印件及简历",
            ["药品及医疗器械相关专业技术人员学历证明", "网站负责人身份证复印件", "简历"],
        ),
    ],
)
def test_unseen_document_parts(line, expected):
    assert [line[a:z] for a, z in _document_parts(line, 0, len(line))] == expected


@pytest.mark.parametrize(
    "line",
    [
        # one subject described in several forms (GUIDE rule 8)
        "网站对历史发布信息进行备份和查阅的相关管理制度及执行情况说明",
        "保证药品信息来源合法、真实、安全的管理措施、情况说明及相关证明",
        # a bare 凭证 is another word for the same proof (bulk 00007)
        "机动车所有权转让的证明、凭证",
        "行政处理决定书及作出决定的事实、理由和依据",
        "全体合伙人指定代表或者共同委托代理人的委托书",
    ],
)
def test_unseen_document_parts_must_not_split(line):
    assert len(_document_parts(line, 0, len(line))) == 1


@pytest.mark.parametrize(
    "name",
    [
        "法律、行政法规规定应当提交的其他文件",
        "证明产品安全、有效所需的其他资料",
        "法律、行政法规规定应当在机动车注册登记时提交的其他证明、凭证",
        "相关证明、凭证",
    ],
)
def test_unseen_catch_alls_are_not_names(name):
    assert not_a_name(name)


# ------------------------------------------------------------------ whole notices
KINDERGARTEN = """天河区2026年公办幼儿园招生工作方案
一、招生对象
2022年9月1日至2023年8月31日出生的适龄儿童。
二、报名材料
家长报名时须按要求上传以下材料：
（一）适龄儿童户口簿（户主页、儿童本人页）；
（二）适龄儿童出生医学证明；
（三）父母双方身份证；
（四）居住证明：自有住房的提供房地产权证或不动产权证书；
（五）非本市户籍的，还需提供父母一方的广东省居住证。
三、录取
按报名顺序录取。
"""

SUPPLIES = """关于2026年秋季幼儿园报名的通知
一、报名方式
网上报名。
二、所需资料
1.儿童户口簿；
2.父母身份证复印件；
3.房产证或购房合同复印件。
三、其他
请家长如实填写。
"""

GROUPS_BY_SUBJECT = """关于申请人才公寓的通知
一、申请方式
个人申请需提交以下材料：
1.申请表；
2.身份证复印件；
3.在职证明。
单位申请需提交以下材料：
1.单位申请表；
2.营业执照复印件；
3.人才名单。
二、其他
略。
"""

GROUPS_BY_CONDITION = """关于受理人才公寓租住申请的通知
一、申请材料
（一）申请人为高层次人才的，需提供：
1.租住申请表；
2.高层次人才认定证书。
（二）申请人为青年人才的，需提供：
1.租住申请表；
2.毕业证书复印件。
二、受理地点
区政务服务中心。
"""

ARTICLE_CONTENTS = """某某办法
第一条 为了规范管理，制定本办法。
第二条 本办法适用于本市。
第三条 申请人应当提交以下材料：（一）申请书；（二）身份证明；（三）场地使用证明。
第四条 申请书应当载明申请人名称、住所、法定代表人和经营范围。
第五条 本办法自发布之日起施行。
"""

SELF_INSPECTION = """关于开展食品安全自查的通知
各生产企业：
请各企业认真开展自查，并于6月30日前报送自查报告。自查报告要包括以下内容：
（一）企业基本情况；
（二）原料进货查验情况；
（三）存在的问题及整改措施。
"""

PROSE_REPORT = """关于报送专项资金绩效自评报告的通知
各项目单位：
请各单位填报《项目绩效自评表》（附件1），并撰写绩效自评报告。自评报告主要内容：项目基本情况、资金使用情况、绩效目标完成情况。请于3月15日前报送。
"""

SUMMARY_CHECK = """关于开展食品生产企业自查工作的通知
二、自查内容
企业应对原料进货查验、生产过程控制、出厂检验等情况进行全面自查，形成自查报告，于6月30日前报送所在地监管部门。
"""

TABLE_NO_TABS = """关于开展企业技术中心认定的通知
一、申报材料
申报材料清单
序号\t材料名称\t份数\t备注
1\t企业技术中心认定申请表\t2\t附件1
2\t近三年审计报告\t1\t复印件
二、其他
略。
"""

ORDINAL_OUTLINE = """关于开展智慧养老试点申报的通知
一、申报材料
申报单位须报送试点申报书和实施方案。实施方案应重点说明以下内容：一是建设基础，包括现有养老机构数量和床位数；二是建设目标，须提出可量化的年度目标；三是资金筹措，说明资金来源和使用计划；四是保障措施。
二、申报时间
2025年7月31日前。
"""

HEADING_OUTLINE = """关于申报乡村振兴示范村的通知
一、申报材料
1．示范村申报表；
2．示范村建设方案。
二、建设方案内容要求
1．村庄基本情况：介绍村庄区位、人口、产业发展现状；
2．建设目标：提出村集体经营性收入目标；
3．组织保障：明确牵头单位和责任人。
三、其他
略。
"""

PARTS_THEN_HEADING = """关于组织申报冷链物流示范项目的通知
一、申报材料
（一）示范项目申报表；
（二）冷链物流建设实施方案。
二、实施方案编制要求
实施方案应包括以下几个部分：
第一部分 建设基础。主要包括冷链设施现状、存在的主要问题。
第二部分 主要任务。明确重点项目及实施主体。
第三部分 保障措施。包括组织领导和责任分工。
三、申报时间
2025年6月30日前。
"""


BULLETS_AFTER_CLAUSE = """关于人才公寓申请的通知
三、申请材料
申请人应当如实提交以下申请材料，并对材料的真实性负责：
● 人才公寓申请表；
● 身份证复印件；
● 劳动合同复印件。
四、其他
略。
"""

ONE_LINE_ITEMS = """关于人才公寓申请的通知
三、申请材料
申请人需提供以下材料（复印件需加盖单位公章）：
（1）人才公寓申请表；（2）身份证复印件；（3）社保缴费证明。
四、其他
略。
"""

INLINE_AFTER_COLON = """关于做好高校毕业生就业见习工作的通知
三、申报程序
（一）见习单位申报。符合条件的单位向所在区人力资源社会保障部门提出申请，并提交以下材料：见习单位申请表、营业执照复印件、见习岗位计划表。
（二）补贴申领。见习期满后，由见习单位申领见习补贴。
"""

GROUP_HEADINGS = """关于人才公寓申请的通知
三、申请材料
高层次人才申请材料：
1.人才公寓申请表；
2.人才认定证书。
青年人才申请材料：
1.人才公寓申请表；
2.毕业证书复印件。
四、其他
略。
"""

HOW_TO_APPLY = """关于开展人才安居补贴申请的通知
一、申请条件
略。
二、申请方式
申请人须填写《人才安居补贴申请表》，并提供身份证、户口簿复印件及劳动合同，由用人单位汇总后报送区人才工作局。
三、其他
略。
"""


NESTED_GUIDE = """关于2025年人才公寓配租的通告
四、申请材料
（一）基本材料
1.人才公寓租住申请表；
2.身份证明材料：申请人及共同申请人的身份证、户口簿；
3.住房情况证明。
（二）人才类别证明材料
1.高层次人才提供人才认定证书；
2.硕士提供硕士学位证书及学历证书。
五、申请流程
略。
"""


FORMS_SENT = """关于报送2016年度专项资金项目绩效数据的通知
各有关单位：
请各项目承担单位于2017年3月31日前将《项目绩效数据表》（附件1）和《项目资金使用情况表》（附件2）加盖公章后报送我委。
联系人：张三
"""

CONDITION_NO_COMMA = """关于申报专精特新企业的通知
二、申报材料
（一）专精特新企业申请书，需加盖单位公章并由法定代表人签字。
（二）营业执照副本复印件，申报单位为事业单位的提供事业单位法人证书复印件。
（三）其他相关证明材料。
三、申报时间
略。
"""


UNNUMBERED_LINES = """关于人才公寓申请的通知
一、申请材料
申请人须提交以下材料：
人才公寓申请表
身份证复印件
劳动合同复印件
二、办理流程
网上申请。
"""


@pytest.mark.parametrize(
    "notice, expected",
    [
        (
            UNNUMBERED_LINES,
            [
                ("material", "人才公寓申请表", None),
                ("material", "身份证复印件", None),
                ("material", "劳动合同复印件", None),
            ],
        ),
        (
            FORMS_SENT,
            [("material", "项目绩效数据表", None), ("material", "项目资金使用情况表", None)],
        ),
        (
            CONDITION_NO_COMMA,
            [
                ("material", "专精特新企业申请书", None),
                ("material", "营业执照副本复印件", None),
                ("material", "事业单位法人证书复印件", None),
            ],
        ),
        (
            NESTED_GUIDE,
            [
                ("material", "基本材料", None),
                ("material", "人才公寓租住申请表", "基本材料"),
                ("material", "身份证明材料", "基本材料"),
                ("material", "身份证", "身份证明材料"),
                ("material", "户口簿", "身份证明材料"),
                ("material", "住房情况证明", "基本材料"),
                ("material", "人才类别证明材料", None),
                # who hands it in is not the name; two documents joined by 及 are two (GUIDE rule 8)
                ("material", "人才认定证书", "人才类别证明材料"),
                ("material", "硕士学位证书", "人才类别证明材料"),
                ("material", "学历证书", "人才类别证明材料"),
            ],
        ),
        (
            BULLETS_AFTER_CLAUSE,
            [
                ("material", "人才公寓申请表", None),
                ("material", "身份证复印件", None),
                ("material", "劳动合同复印件", None),
            ],
        ),
        (
            ONE_LINE_ITEMS,
            [
                ("material", "人才公寓申请表", None),
                ("material", "身份证复印件", None),
                ("material", "社保缴费证明", None),
            ],
        ),
        (
            INLINE_AFTER_COLON,
            [
                ("material", "见习单位申请表", None),
                ("material", "营业执照复印件", None),
                ("material", "见习岗位计划表", None),
            ],
        ),
        (
            GROUP_HEADINGS,
            [
                ("material", "高层次人才", None),
                ("material", "人才公寓申请表", "高层次人才"),
                ("material", "人才认定证书", "高层次人才"),
                ("material", "青年人才", None),
                ("material", "人才公寓申请表", "青年人才"),
                ("material", "毕业证书复印件", "青年人才"),
            ],
        ),
        (
            HOW_TO_APPLY,
            [
                ("material", "人才安居补贴申请表", None),
                ("material", "身份证", None),
                ("material", "户口簿复印件", None),
                ("material", "劳动合同", None),
            ],
        ),
        (
            KINDERGARTEN,
            [
                ("material", "适龄儿童户口簿（户主页、儿童本人页）", None),
                ("material", "适龄儿童出生医学证明", None),
                ("material", "父母双方身份证", None),
                # the note after the colon says what may prove it (GUIDE rule 13: the shortest name)
                ("material", "居住证明", None),
                # the condition is not the name (GUIDE rule 3)
                ("material", "父母一方的广东省居住证", None),
            ],
        ),
        (
            SUPPLIES,
            [
                ("material", "儿童户口簿", None),
                ("material", "父母身份证复印件", None),
                # alternatives for one slot: one item named by the first (GUIDE rule 8)
                ("material", "房产证", None),
            ],
        ),
        (
            GROUPS_BY_SUBJECT,
            [
                ("material", "个人申请", None),
                ("material", "申请表", "个人申请"),
                ("material", "身份证复印件", "个人申请"),
                ("material", "在职证明", "个人申请"),
                ("material", "单位申请", None),
                ("material", "单位申请表", "单位申请"),
                ("material", "营业执照复印件", "单位申请"),
                ("material", "人才名单", "单位申请"),
            ],
        ),
        (
            GROUPS_BY_CONDITION,
            [
                ("material", "高层次人才", None),
                ("material", "租住申请表", "高层次人才"),
                ("material", "高层次人才认定证书", "高层次人才"),
                ("material", "青年人才", None),
                ("material", "租住申请表", "青年人才"),
                ("material", "毕业证书复印件", "青年人才"),
            ],
        ),
        (
            ARTICLE_CONTENTS,
            [
                ("material", "申请书", None),
                ("section", "申请人名称", "申请书"),
                ("section", "住所", "申请书"),
                ("section", "法定代表人", "申请书"),
                ("section", "经营范围", "申请书"),
                ("material", "身份证明", None),
                ("material", "场地使用证明", None),
            ],
        ),
        (
            SELF_INSPECTION,
            [
                ("material", "自查报告", None),
                ("section", "企业基本情况", "自查报告"),
                ("section", "原料进货查验情况", "自查报告"),
                ("section", "存在的问题及整改措施", "自查报告"),
            ],
        ),
        (
            SUMMARY_CHECK,
            [
                ("material", "自查报告", None),
                ("section", "原料进货查验", "自查报告"),
                ("section", "生产过程控制", "自查报告"),
                ("section", "出厂检验", "自查报告"),
            ],
        ),
        (
            TABLE_NO_TABS,
            [
                ("material", "企业技术中心认定申请表", None),
                ("material", "近三年审计报告", None),
            ],
        ),
    ],
)
def test_unseen_layouts(notice, expected):
    assert sorted(_tree(notice)) == sorted(expected)


def test_unseen_prose_report_with_contents():
    tree = _tree(PROSE_REPORT)
    assert ("material", "项目绩效自评表", None) in tree
    assert ("material", "绩效自评报告", None) in tree
    parts = {name for kind, name, parent in tree if parent == "绩效自评报告"}
    assert parts == {"项目基本情况", "资金使用情况", "绩效目标完成情况"}


def test_unseen_ordinal_outline():
    tree = _tree(ORDINAL_OUTLINE)
    sections = [name for kind, name, parent in tree if kind == "section" and parent == "实施方案"]
    assert sections == ["建设基础", "建设目标", "资金筹措", "保障措施"]
    reqs = {name for kind, name, parent in tree if parent == "建设基础"}
    assert reqs == {"现有养老机构数量", "床位数"}


def test_unseen_outline_under_content_heading():
    tree = _tree(HEADING_OUTLINE)
    sections = [name for kind, name, parent in tree if kind == "section"]
    assert sections == ["村庄基本情况", "建设目标", "组织保障"]
    assert {name for _, name, parent in tree if parent == "村庄基本情况"} == {
        "村庄区位",
        "人口",
        "产业发展现状",
    }


def test_unseen_next_heading_is_not_a_sub_item():
    """ "三、申报时间" after "第二部分 保障措施…": the notice's next part, not a requirement of 保障措施."""
    tree = _tree(PARTS_THEN_HEADING)
    assert {name for _, name, parent in tree if parent == "保障措施"} == {"组织领导", "责任分工"}
    assert "申报时间" not in _names(PARTS_THEN_HEADING)


@pytest.mark.parametrize(
    "notice",
    [
        # conditions, not materials, although the clause before the colon says 提交申请材料 (bulk 01131)
        (
            "第十六条 公民申请从事司法鉴定业务的，应当具备下列条件，由拟执业的司法鉴定机构提交申请材料：\n"
            "（一）拥护宪法，遵守法律、法规和社会公德，品行良好；\n（二）身体健康，能够适应司法鉴定工作需要。\n"
        ),
        # the cases of a change, not documents (bulk 00013 第十九条)
        (
            "第十九条 提供者变更下列事项之一的，应当申请办理变更手续，同时提供下列相关证明文件：\n"
            "（一）审核批准的项目（单位名称、网站名称等）；\n（二）提供者的基本项目（地址、法定代表人等）。\n"
        ),
        # a decision the authority issues is no material (bulk 00005)
        (
            "第一百七十五条 作出行政处罚决定的，应当制作行政处罚决定书。决定书应当载明下列内容：\n"
            "（一）被处罚人的姓名；\n（二）违法事实和证据。\n"
        ),
    ],
)
def test_unseen_must_not_match(notice):
    assert _tree(notice) == []


# ------------------------------------------------------------------ real regulations (../shared)
def test_unseen_article_lead_in_is_not_a_heading_bulk_00197():
    """Regression: "第十一条 申请取水应当提交下列材料：" was read as a heading, so the paragraph after the
    list joined its catch-all item and the 论证报告书's contents hung under "…规定的其他材料"."""
    tree = _tree(str(need_shared(BULK / "lawrefbook_laws" / "00197.txt")))
    names = {name for _, name, _ in tree}
    assert "国务院水行政主管部门规定的其他材料" not in names
    assert "国务院水行政主管部门规定的其他事项" not in names
    assert ("section", "取水水源", "建设项目水资源论证报告书") in tree
    assert ("section", "申请理由", "申请书") in tree


def test_unseen_procedure_groups_bulk_00201():
    """Several materials lists per procedure, the applicant first: "合伙企业申请变更登记，…提交下列文件："."""
    tree = _tree(str(need_shared(BULK / "lawrefbook_laws" / "00201.txt")))
    assert ("material", "变更登记", None) in tree
    assert ("material", "注销登记", None) in tree
    assert ("material", "清算报告", "注销登记") in tree
    assert ("material", "合伙协议", "设立合伙企业") in tree


def test_unseen_pair_lead_in_bulk_00224():
    """ "应当提交以下证件和材料：\\n一、由该企业董事长…签署的申请书，内容包括…" (nothing was read before)."""
    names = _names(str(need_shared(BULK / "lawrefbook_laws" / "00224.txt")))
    assert any(n.endswith("有关当局出具的开业合法证书") for n in names)
    assert "资本信用证明书" in names


def test_unseen_conditional_contents_line_bulk_00751():
    """ "（一）申请人为自然人的情况下，该人的姓名、地址；…" under "四、执行申请书的内容应当载明下列事项：": the
    condition is no part, the heading's number is not the document's name, and 姓名 asked twice is one part."""
    tree = _tree(str(need_shared(BULK / "lawrefbook_laws" / "00751.txt")))
    parts = [name for _, name, parent in tree if parent == "执行申请书"]
    assert "姓名" in parts and "地址" in parts
    assert len(parts) == len(set(parts))
    assert not any("情况下" in p for p in parts)
    assert not any(name.startswith("四、") for _, name, _ in tree)


def test_unseen_principle_before_part_is_no_requirement_bulk_00052():
    """第五条 "中外合作办学应当符合中国教育事业发展的需要" comes before 第十条 lists 中外合作办学者 as a part of
    the 申办报告: a principle, not a requirement of that part."""
    tree = _tree(str(need_shared(BULK / "lawrefbook_laws" / "00052.txt")))
    assert ("section", "中外合作办学者", "申办报告") in tree
    assert not [name for _, name, parent in tree if parent == "中外合作办学者"]
    assert ("material", "合作协议", None) in tree


def test_unseen_case_list_naming_materials():
    """ "有下列情形之一的，申请人应当提供证明材料：" whose cases each say what to hand in (bulk 00598 第二十一条):
    conditional materials (GUIDE rule 3); the trailing "…的其他情形" is a catch-all."""
    notice = (
        "第二十一条 有下列情形之一的，申请人应当提供证明材料：\n"
        "（一）认为被申请人不履行法定职责的，提供曾经要求被申请人履行法定职责而被申请人未履行的证明材料；\n"
        "（二）申请行政复议时一并提出行政赔偿请求的，提供受具体行政行为侵害而造成损害的证明材料；\n"
        "（三）法律、法规规定需要申请人提供证据材料的其他情形。\n"
    )
    assert sorted(_tree(notice)) == [
        ("material", "受具体行政行为侵害而造成损害的证明材料", None),
        ("material", "曾经要求被申请人履行法定职责而被申请人未履行的证明材料", None),
    ]


def test_unseen_groups_by_applicant_bulk_01548():
    """Two articles list the same forms for two applicants ("食品小作坊向…申请登记，应当提交下列材料：" and
    "小餐饮向…申请登记，…"): one group each, each with its own 登记表 (GUIDE rule 6)."""
    tree = _tree(str(need_shared(BULK / "lawrefbook_laws" / "01548.txt")))
    assert ("material", "登记表", "食品小作坊") in tree
    assert ("material", "登记表", "小餐饮") in tree
    assert ("material", "工艺流程图或者说明", "食品小作坊") in tree


FRAME_IN_ONE_SENTENCE = """关于开展智慧园区试点申报的通知
一、申报材料
（一）试点申报表；
（二）智慧园区建设方案。
二、建设方案编制要求
建设方案按以下框架编写：一、园区基本情况；二、建设目标；三、建设任务；四、资金测算；五、保障措施。其中，建设目标应量化到年度，资金测算应列明财政资金和社会资本投入。
三、申报时间
略。
"""

OUTLINE_TABLE = """关于开展智慧园区试点申报的通知
一、申报材料
（一）试点申报表；
（二）智慧园区建设方案，编写要求见下表。
建设方案编写要求
章节\t主要内容
园区基本情况\t园区区位、产业基础、信息化现状
建设目标\t总体目标和分年度目标
保障措施\t组织保障和资金保障
二、申报时间
略。
"""


def test_unseen_outline_in_one_sentence():
    """The chapters listed after "按以下框架编写：", and "其中，A应…，B应…": each demand goes to its own part."""
    tree = _tree(FRAME_IN_ONE_SENTENCE)
    sections = [name for kind, name, parent in tree if kind == "section" and parent == "智慧园区建设方案"]
    assert sections == ["园区基本情况", "建设目标", "建设任务", "资金测算", "保障措施"]
    assert {name for _, name, parent in tree if parent == "资金测算"} == {"财政资金", "社会资本投入"}
    assert {name for _, name, parent in tree if parent == "建设目标"} == {"量化到年度"}


def test_unseen_outline_table():
    """A two-column outline table under the plan's line; "编写要求见下表" is a pointer, not a second document."""
    tree = _tree(OUTLINE_TABLE)
    assert [name for kind, name, parent in tree if kind == "material"] == ["试点申报表", "智慧园区建设方案"]
    sections = [name for kind, name, parent in tree if kind == "section"]
    assert sections == ["园区基本情况", "建设目标", "保障措施"]
    assert {name for _, name, parent in tree if parent == "园区基本情况"} == {
        "园区区位",
        "产业基础",
        "信息化现状",
    }
