"""Citations: 《title》 with its 文号 when given next to it, and bare 文号s."""

from __future__ import annotations

import pytest
from structure_helpers import structure_text

from tests.conftest import SEED_NOTICE, SEED_OPINIONS


def cites(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.title, c.doc_number) for c in structure_text(text).citations]


def test_citations_seed_notice(structured) -> None:
    doc = structured(SEED_NOTICE)
    numbered = [(c.doc_number, c.title) for c in doc.citations if c.doc_number]
    assert numbered == [
        ("鲁办发〔2018〕37号", "关于支持新旧动能转换重大工程的若干财政政策"),
        ("鲁政发〔2018〕24号", "关于进一步扩内需补短板促发展的若干意见"),
        ("鲁商字〔2018〕191号", "关于加快推进外贸转型升级试点县建设的实施意见"),
    ]
    # 《实施方案》 is cited twice without a number
    assert [c.title for c in doc.citations if not c.doc_number] == ["实施方案", "实施方案"]
    for c in doc.citations:
        assert doc.text[c.start : c.end] == c.text


def test_citations_seed_opinions_skip_own_document(structured) -> None:
    doc = structured(SEED_OPINIONS)
    # the 实施意见 the notice prints is the document itself; its 文号 市中发〔2020〕12号 too
    assert {(c.title, c.doc_number) for c in doc.citations} == {
        ("市中区加快外向型经济发展试行办法", "市中政办字〔2019〕16号")
    }
    assert all("深化改革创新" not in (c.title or "") for c in doc.citations)


CASES = [
    (
        "根据《广东省城镇住房保障办法》（广东省人民政府令第181号）执行。",
        [("广东省城镇住房保障办法", "广东省人民政府令第181号")],
    ),
    ("现将国发明电〔2014〕1号转发你们。", [(None, "国发明电〔2014〕1号")]),
    ("依据《吉林省促进中小企业发展条例》,制定本意见。", [("吉林省促进中小企业发展条例", None)]),
    # the number after a clause break belongs to no title
    (
        "按照《实施方案》要求，落实鲁政发〔2018〕24号文件。",
        [("实施方案", None), (None, "鲁政发〔2018〕24号")],
    ),
    ("参照《办法A》《办法B》（某发〔2020〕1号）执行。", [("办法A", None), ("办法B", "某发〔2020〕1号")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_citations_forms(text: str, expected: list) -> None:
    assert cites(text + "\n") == expected


@pytest.mark.parametrize("text", ["本办法自2019年8月20日起施行。\n", "共有1.5亿元资金。\n", ""])
def test_citations_none(text: str) -> None:
    assert cites(text) == []
