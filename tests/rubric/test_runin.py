"""Materials listed in a table, in run-in 一是…二是… prose, or as circled items after a lead-in (issue 5).

The three layouts come from a blind set written by another author (corpora/gold/rubrics_synth:
syn03 table, syn05 一是 prose + a 编制要求 template with a 主要内容 container, syn06 ①②③ with
（1）… demands). The notices below are invented for these tests, each read by hand and its
checklist written from GUIDE.md (corpora/gold/rubrics/GUIDE.md) before compiling: a
material per row / ordinal / circled item; its 包括 list gives parts; 载明-like verbs give one
requirement per element; who issues it, its form, length and seals are not items.
"""

from __future__ import annotations

import pytest
from rubric_helpers import item_triples

TABLE_NOMINATION = """关于推荐2026年度青年创业之星的通知
各区团委：
一、推荐材料
请按下表准备推荐材料：
序号\t材料名称\t要求
1\t青年创业之星推荐表\t按附件1格式填写
2\t个人创业事迹材料\t2000字以内，应包括创业经历、带动就业情况、社会贡献
3\t企业纳税证明\t由税务部门出具，须载明企业名称、纳税总额和主要税种
二、报送时间
请于2026年5月10日前报送。
"""

TABLE_STUDIO = """关于申报市级技能大师工作室的通知
三、申报材料
序号\t文件名称\t份数\t说明
1\t技能大师工作室申报书\t3\t应包括工作室基本情况、带徒传技计划、技术攻关项目
2\t领办人职业资格证书复印件\t1\t—
3\t场地使用证明\t1\t由产权单位出具
四、其他
略。
"""

TABLE_INDICATORS = """关于报送2026年绩效目标的通知
请各单位按下表填报绩效目标。
指标\t目标值\t完成时限
新增就业人数\t500人\t2026年底
培训人次\t2000人次\t2026年10月
"""

ORDINAL_RENOVATION = """关于开展2026年老旧小区改造项目申报的通知
各县(市、区)住建局:
一、申报材料
申报单位需提交以下材料,一是项目申报表,由县级住建部门盖章;二是项目可行性研究报告,须写明改造内容、投资估算和资金来源;三是居民意愿调查汇总表,参与调查的住户不少于小区总户数的三分之二。
二、工作要求
一是加强组织领导。各地要成立工作专班。二是严格审核把关。对材料真实性负责。三是按时报送材料。请于6月30日前报送。
"""

ORDINAL_SCIENCE = """关于征集2026年科普示范基地的通知
二、申报材料
申请单位应提供下列材料：第一，科普示范基地申请书，应包括基地概况、科普活动开展情况、年度工作计划；第二，场馆产权证明复印件；第三，近两年科普活动照片。
三、申报时间
2026年8月31日前。
"""

ORDINAL_DUTIES = """关于做好防汛工作的通知
各乡镇：
一是压实防汛责任。各乡镇要落实包村干部。二是加强隐患排查。对山塘水库逐一检查。三是做好物资储备。需报送以下材料,一是加强值班值守;二是及时报告险情。
"""

CIRCLED_ELDERLY = """关于做好2026年度社区养老服务工作的通知
二、工作安排
各街道要结合实际，制定2026年度社区养老服务工作计划和服务对象名单，于4月10日前报区民政局备案。具体要求如下：
①工作计划需包括服务对象、服务项目、经费安排三部分。（1）服务对象要写明高龄老人数、失能老人数；（2）经费安排需列明区级补助和街道自筹。
②服务对象名单按附件格式填报，每月更新。
③同步报送2025年度养老服务工作情况报告。
三、其他
略。
"""

CIRCLED_STEPS = """关于开展安全生产检查的通知
一、检查安排
各单位于5月底前完成自查后报区应急管理局备案，流程如下：
①单位自查，形成问题清单；
②区级抽查；
③市级复核。
"""

TEMPLATE_CONTAINER = """关于开展社区食堂建设试点申报的通知
一、申报材料
1.社区食堂试点申报表；
2.社区食堂建设方案（按附件2编制）。
二、申报时间
2026年9月30日前。
附件：1.社区食堂试点申报表
2.社区食堂建设方案编制要求
附件2
社区食堂建设方案编制要求
一、总体要求
方案应实事求是，每项任务须明确责任单位。
二、主要内容
（一）建设基础。包括现有食堂数量、日均服务人数。
（二）建设目标。包括新增食堂数量、覆盖社区数。
（三）运营模式。说明收费标准和补贴方式。
三、附表
方案须附食堂选址清单。
"""


def _tree(notice: str) -> set[tuple[str, str, str | None]]:
    return set(item_triples(notice))


@pytest.mark.parametrize(
    "notice, expected",
    [
        (
            TABLE_NOMINATION,
            {
                ("material", "青年创业之星推荐表", None),
                ("material", "个人创业事迹材料", None),
                ("requirement", "创业经历", "个人创业事迹材料"),
                ("requirement", "带动就业情况", "个人创业事迹材料"),
                ("requirement", "社会贡献", "个人创业事迹材料"),
                ("material", "企业纳税证明", None),
                ("requirement", "企业名称", "企业纳税证明"),
                ("requirement", "纳税总额", "企业纳税证明"),
                ("requirement", "主要税种", "企业纳税证明"),
            },
        ),
        (
            TABLE_STUDIO,
            {
                ("material", "技能大师工作室申报书", None),
                ("requirement", "工作室基本情况", "技能大师工作室申报书"),
                ("requirement", "带徒传技计划", "技能大师工作室申报书"),
                ("requirement", "技术攻关项目", "技能大师工作室申报书"),
                ("material", "领办人职业资格证书复印件", None),
                ("material", "场地使用证明", None),
            },
        ),
    ],
)
def test_runin_table_rows_are_materials(notice, expected):
    assert _tree(notice) == expected


@pytest.mark.parametrize(
    "notice, expected",
    [
        (
            ORDINAL_RENOVATION,
            {
                ("material", "项目申报表", None),
                ("material", "项目可行性研究报告", None),
                ("requirement", "改造内容", "项目可行性研究报告"),
                ("requirement", "投资估算", "项目可行性研究报告"),
                ("requirement", "资金来源", "项目可行性研究报告"),
                ("material", "居民意愿调查汇总表", None),
                ("requirement", "参与调查的住户不少于小区总户数的三分之二", "居民意愿调查汇总表"),
            },
        ),
        (
            ORDINAL_SCIENCE,
            {
                ("material", "科普示范基地申请书", None),
                ("section", "基地概况", "科普示范基地申请书"),
                ("section", "科普活动开展情况", "科普示范基地申请书"),
                ("section", "年度工作计划", "科普示范基地申请书"),
                ("material", "场馆产权证明复印件", None),
                ("material", "近两年科普活动照片", None),
            },
        ),
    ],
)
def test_runin_ordinal_prose_materials(notice, expected):
    assert _tree(notice) == expected


def test_runin_circled_items_after_a_submission_lead_in():
    assert _tree(CIRCLED_ELDERLY) == {
        ("material", "工作计划", None),
        ("section", "服务对象", "工作计划"),
        ("section", "服务项目", "工作计划"),
        ("section", "经费安排", "工作计划"),
        ("requirement", "高龄老人数", "服务对象"),
        ("requirement", "失能老人数", "服务对象"),
        ("requirement", "区级补助", "经费安排"),
        ("requirement", "街道自筹", "经费安排"),
        # "按附件格式填报，每月更新": how and when it is filled in, nothing it must hold
        ("material", "服务对象名单", None),
        ("material", "2025年度养老服务工作情况报告", None),
    }


def test_runin_template_container_chapter_gives_the_chapters():
    """ "二、主要内容" over （一）…（三）: those are the plan's chapters; 总体要求's demand is the plan's."""
    tree = _tree(TEMPLATE_CONTAINER)
    sections = {(name, parent[:8]) for kind, name, parent in tree if kind == "section"}
    assert sections == {
        ("建设基础", "社区食堂建设方案"),
        ("建设目标", "社区食堂建设方案"),
        ("运营模式", "社区食堂建设方案"),
    }
    assert ("requirement", "现有食堂数量", "建设基础") in tree
    assert ("requirement", "收费标准", "运营模式") in tree
    demands = {
        name for kind, name, parent in tree if kind == "requirement" and parent.startswith("社区食堂建设方案")
    }
    assert demands == {"每项任务须明确责任单位"}


# ------------------------------------------------------------------ must NOT match
@pytest.mark.parametrize(
    "notice",
    [
        TABLE_INDICATORS,  # a table of indicators: no column names materials
        ORDINAL_DUTIES,  # 一是/二是 duties, and a "报送以下材料" run that names no document
        CIRCLED_STEPS,  # ①②③ are procedure steps after "流程如下：", not documents
    ],
)
def test_runin_layouts_that_ask_for_nothing(notice):
    assert {(kind, name) for kind, name, _ in _tree(notice) if kind == "material"} == set()


def test_runin_duties_run_is_not_read_as_materials():
    """syn05's decoy: a 工作要求 一是…三是 run after the real materials list adds nothing."""
    names = {name for _, name, _ in _tree(ORDINAL_RENOVATION)}
    assert not names & {"加强组织领导", "严格审核把关", "按时报送材料"}
