"""Contacts: one Contact per organisation / person group with its phones and address."""

from __future__ import annotations

import pytest
from structure_helpers import structure_text

from tests.conftest import SEED_NOTICE


def test_contacts_seed_notice(structured) -> None:
    doc = structured(SEED_NOTICE)
    assert len(doc.contacts) == 2
    first, second = doc.contacts
    assert first.organisation == "省商务厅"
    assert first.name == "蔡培安、刘斐斐"
    assert first.phones == ["0531-89013465", "0531-89013532"]
    assert first.address == "济南市历阳大街6号银丰大厦331室"
    assert second.organisation == "省财政厅"
    assert second.name == "宫永利"
    assert second.phones == ["0531-82669593"]
    assert second.address == "济南市济大路3号1413室"
    for c in doc.contacts:
        assert doc.text[c.start : c.end] == c.text


CASES = [
    ("联系人：王西祯，电话：26536206\n", [(None, "王西祯", ["26536206"], None, None)]),
    (
        "（联系科室：小学和幼儿教育科，联系电话：38622527）\n",
        [("小学和幼儿教育科", None, ["38622527"], None, None)],
    ),
    (
        "联系人：李明\n联系电话：020-83123456、13812345678\n电子邮箱：liming@example.gov.cn\n",
        [(None, "李明", ["020-83123456", "13812345678"], None, "liming@example.gov.cn")],
    ),
    (
        "联络方式\n北京市经济和信息化局：55521000\n",
        [("北京市经济和信息化局", None, ["55521000"], None, None)],
    ),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_contacts_forms(text: str, expected: list) -> None:
    doc = structure_text(text)
    assert [(c.organisation, c.name, c.phones, c.address, c.email) for c in doc.contacts] == expected


NOT_CONTACTS = [
    "请各单位指定联系人，并于5月10日前报送。\n",  # prose mentioning 联系人
    "申请表包括单位名称、联系人姓名、联系电话等栏目。\n",  # a form's field list
    "",
]


@pytest.mark.parametrize("text", NOT_CONTACTS)
def test_contacts_none(text: str) -> None:
    assert structure_text(text).contacts == []
