"""A task table's 牵头单位 column is a division of duties (pipeline/check/requirements.py).

"确定任务清单和分工" (国办发〔2018〕128号) is answered in real plans by a table, one task per row
with its responsible body, not by "…局负责…" sentences (plans_dev4 c1, c4).
"""

from __future__ import annotations

import pytest

from pipeline.check.requirements import check_assigns_duties
from pipeline.rubric.schema import RubricItem

DUTIES = RubricItem("plan.duty", "任务清单和分工", "requirement", None, "assigns_duties")

TAB_TABLE = (
    "序号\t任务\t牵头单位\t配合单位\t完成时限\n"
    "1\t重点企业清洁生产审核\t市生态环境局\t市工业和信息化局\t2020年6月\n"
    "2\t厨余垃圾处理厂建设\t市住房城乡建设局\t各区人民政府\t2020年12月\n"
)
# a .txt table after normalisation: cells separated by one space, some run together
RUN_TOGETHER = (
    "工程 目标成果 牵头单位 完成时限\n"
    "煤矸石综合利用工程 年消纳煤矸石160万吨，历史堆存量减少30%县发展改革局2020年12月\n"
    "农村生活垃圾治理工程12个乡镇收运处置体系全覆盖 县住房城乡建设局2020年6月\n"
)


@pytest.mark.parametrize("text", [TAB_TABLE, RUN_TOGETHER])
def test_requirements_tables_duty_column_divides_duties(text: str) -> None:
    assert check_assigns_duties(DUTIES, text, 0, len(text)).status == "present"


@pytest.mark.parametrize(
    "text",
    [
        # one body for every row: duties are not divided
        "序号\t任务\t牵头单位\n1\t清洁生产审核\t市生态环境局\n2\t危废监管\t市生态环境局\n",
        # no responsible-body column: a schedule, not a division of duties
        "序号\t任务\t完成时限\n1\t市生态环境局清洁生产审核\t2020年6月\n2\t市住房城乡建设局垃圾分类\t2020年12月\n",
        # the column names only "各有关部门" (plans_dev4 c2 in prose)
        "任务\t责任单位\n垃圾分类\t各有关部门\n危废监管\t有关部门\n",
    ],
)
def test_requirements_tables_no_division(text: str) -> None:
    assert check_assigns_duties(DUTIES, text, 0, len(text)).status != "present"
