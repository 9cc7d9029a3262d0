"""Small plans written for seed 000's notice (外贸转型升级试点县), built from parts.

Each test removes or rewrites one part, so a failing test names the rule it pins.
"""

from __future__ import annotations

import pytest

from pipeline.rubric import compile_rubric
from tests.conftest import SEED_NOTICE

PARTS: dict[str, str] = {
    "title": "某某县外贸转型升级试点县实施方案（2019年-2021年）",
    "form": "第一部分 申请表\n申报单位：某某县商务局，联系人：张三，电话：0531-1234567。申报类别：外贸转型升级试点县。",
    "basis": (
        "一、试点基础条件\n（一）特色产业集群发展情况。我县纺织服装产业集群规模以上企业120家，2018年出口额12亿美元，"
        "在全省居于领先水平。近年来未发生重大产品质量案件、环保和生产安全事故，不存在严重违法经营情况。\n"
        "（二）公共服务体系建设情况。建成外贸公共服务平台3个，与省纺织品进出口商会开展合作。\n"
        "（三）对外交流合作情况。组织企业赴德国、美国开展境外推介和贸易促进活动15场。\n"
        "（四）2016年以来转型升级成效。自主品牌培育、海外品牌推广、跨境电商等外贸新业态发展成效明显。"
    ),
    "goals": (
        "二、目标设定\n到2021年，全县外贸进出口总额达到50亿元，年均增长10%；出口额达到5亿美元，增长8%。"
        "重点任务完成情况纳入考核，培育自主品牌10个。"
    ),
    "mechanism": (
        "三、工作机制\n成立由县长任组长、分管副县长任副组长的试点工作领导小组，办公室设在县商务局，局长任办公室主任。"
        "县商务局负责统筹协调和考核，县财政局负责资金保障，县发改委负责项目审批。"
    ),
    "measures": (
        "四、推进措施\n1．培育外贸主体。每年新增有进出口实绩企业20家。\n2．发展跨境电商。建设跨境电商产业园1个。\n"
        "3．建设营销网络。支持企业设立海外仓5个。\n4．开拓国际市场。组织企业参加境外展会30场次。"
    ),
    "policies": "五、配套政策\n县政府出台《关于支持外贸转型升级的若干政策》，设立外贸发展专项资金每年2000万元。",
    "projects": (
        "六、重点项目\n项目一：某某纺织有限公司智能工厂项目。实施主体为某某纺织有限公司，基本情况：占地200亩。"
        "发展目标：新增出口1亿美元。已投入资金3000万元，2019年拟投入5000万元，2020年拟投入4000万元，"
        "2021年拟投入3000万元。附县商务局、财政局支持项目证明材料。"
    ),
    "annual": (
        "第三部分 年度工作计划（2019年-2021年）\n2019年：完成试点启动，出口增长8%。2020年：全面推进，出口增长10%。"
        "2021年：总结验收，出口达到5亿美元。"
    ),
    "report": (
        "第四部分 近三年外贸运行情况分析报告（2016年-2018年）\n2016年全县进出口30亿元，2017年35亿元，2018年40亿元，"
        "年均增长15%，出口结构持续优化，纺织服装占比提高。"
    ),
}
ORDER = [
    "title",
    "form",
    "detailed",
    "basis",
    "goals",
    "mechanism",
    "measures",
    "policies",
    "projects",
    "annual",
    "report",
]


def make_plan(**replace: str | None) -> str:
    """The complete plan, with parts replaced (a string) or dropped (None)."""
    parts = dict(PARTS, detailed="第二部分 详细实施方案")
    parts.update(replace)
    return "\n".join(parts[k] for k in ORDER if parts.get(k) is not None) + "\n"


@pytest.fixture(scope="session")
def seed_rubric():
    return compile_rubric(SEED_NOTICE)


@pytest.fixture
def write_plan(tmp_path):
    def _write(text: str, name: str = "plan.txt"):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return p

    return _write
