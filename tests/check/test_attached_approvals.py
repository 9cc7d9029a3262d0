"""A material named by kind — 已经办理相关手续的证明文件 — is attached as the approvals themselves.

企业投资项目核准和备案管理条例 第六条 asks for "已经办理相关手续的证明文件"; an applicant attaches
the documents by their own names (用地预审与选址意见书, 节能审查意见, 环评批复), never by the
regulation's words (plans_dev4 a1, a4). pipeline/check/attached.py.
"""

from __future__ import annotations

import pytest

from pipeline.check.attached import attached_status
from pipeline.rubric.schema import RubricItem

PROOF = RubricItem(
    "material.proof",
    "已经办理相关手续的证明文件",
    "material",
    None,
    "present",
    {},
    1.0,
    ["已经办理相关手续的证明文件"],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an attachment list under "附件（附后）：" (plans_dev4 a1)
            "附件（附后）：\n1．营业执照复印件\n2．建设项目用地预审与选址意见书（江自然资预选〔2025〕17号）\n",
            "present",
        ),
        ("三、前置手续\n项目用地预审意见、环境影响评价批复文件附后。\n", "present"),  # plans_dev4 a4
        ("五、相关手续\n项目环评批复待补充。\n", "empty"),  # promised, not attached
    ],
)
def test_attached_approvals_named_by_kind(text: str, expected: str) -> None:
    got = attached_status(PROOF, text)
    assert got is not None and got[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "二、项目情况\n项目已取得用地预审意见，正在办理环评手续。\n",  # mentioned, not attached
        "附件：1．营业执照复印件\n2．法定代表人身份证复印件\n",  # attached, but no approval among them
    ],
)
def test_attached_approvals_not_attached(text: str) -> None:
    assert attached_status(PROOF, text) is None


def test_attached_approvals_only_for_a_material_named_by_kind() -> None:
    """A specific document (营业执照复印件) is not satisfied by an attached 批复."""
    licence = RubricItem(
        "material.lic", "营业执照复印件", "material", None, "present", {}, 1.0, ["营业执照复印件"]
    )
    assert attached_status(licence, "附件：1．环境影响评价批复文件\n") is None
