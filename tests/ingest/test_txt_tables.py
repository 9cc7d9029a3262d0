"""Tables typed with tabs in a .txt file are tables, as in a docx, not prose to re-join.

Regression (rubrics_synth syn03, a 推荐材料 table): the rows ran together into one line
("…企业工会须签署意见2企业创建…") because no row ends a sentence, and the tab after each row
number was dropped."""

from __future__ import annotations

import pytest

from pipeline.ingest.builder import build_from_text
from pipeline.model import BlockKind, Source

MATERIALS = (
    "推荐材料按下表要求准备：\n"
    "序号\t材料名称\t要求\n"
    "1\t推荐表\t按附件1格式填写，企业工会须签署意见\n"
    "2\t工作总结\t3000字以内\n"
    "3\t营业执照副本复印件\t—\n"
    "请于2025年6月30日前报送。\n"
)


def _doc(text: str):
    return build_from_text(Source(path="t.txt", format="txt", sha256="0"), text)


def test_txt_tables_tab_rows_become_one_table_block() -> None:
    doc = _doc(MATERIALS)
    tables = [b for b in doc.blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1
    rows = doc.text[tables[0].start : tables[0].end].split("\n")
    assert rows == ["序号\t材料名称\t要求", "1\t推荐表\t按附件1格式填写，企业工会须签署意见", "2\t工作总结\t3000字以内",
                    "3\t营业执照副本复印件\t—"]
    cells = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == BlockKind.TABLE_CELL]
    assert cells[:3] == ["序号", "材料名称", "要求"] and "工作总结" in cells


def test_txt_tables_text_around_the_table_stays_prose() -> None:
    doc = _doc(MATERIALS)
    paragraphs = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == BlockKind.PARAGRAPH]
    assert "推荐材料按下表要求准备：" in paragraphs and "请于2025年6月30日前报送。" in paragraphs


@pytest.mark.parametrize(
    "text",
    [
        "\t（一）申报条件：注册地在本市。\n\t（二）申报材料：申请表。\n",  # leading tabs: indentation
        "项目名称\t智慧社区\n其余内容为正文，这一行没有制表符。\n",  # one tab line alone is not a table
    ],
)
def test_txt_tables_not_a_table(text: str) -> None:
    assert not [b for b in _doc(text).blocks if b.kind == BlockKind.TABLE]
