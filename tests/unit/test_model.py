"""Document serialisation: what to_dict writes, from_dict gives back."""

from __future__ import annotations

import json

import jsonschema

from pipeline.data import DATA_DIR
from pipeline.model import (
    Amount,
    Attachment,
    Block,
    BlockKind,
    Clause,
    Deadline,
    Document,
    Duration,
    Meta,
    Section,
    Source,
)

TEXT = "关于开展试点工作的通知\n一、支持标准\n每个项目奖励最高800万元。\n二、申报时间\n请于2019年8月23日前报送。\n附件：1.申报表"


def _analysed() -> Document:
    """A document with every field downstream stages read filled by hand (offsets checked against TEXT)."""
    doc = Document(
        source=Source("n.txt", "txt", "0" * 64, size=321, encoding="utf-8"),
        text=TEXT,
        blocks=[Block(BlockKind.HEADING, 0, 11, style="Title", level=0), Block(BlockKind.PARAGRAPH, 19, 33)],
        meta=Meta(title="关于开展试点工作的通知", spans={"title": [0, 11]}),
    )
    assert TEXT[12:18] == "一、支持标准" and TEXT[34:40] == "二、申报时间"
    doc.sections = [
        Section("s1", 1, "一、", "支持标准", 12, 33, None, heading_start=12, heading_end=18, style="cn_dun"),
        Section("s2", 1, "二、", "申报时间", 34, 57, None, heading_start=34, heading_end=40, style="cn_dun"),
    ]
    assert TEXT[19:33] == "每个项目奖励最高800万元。"
    doc.clauses = [
        Clause("c1", "s1", "funding_reward", 19, 33, TEXT[19:33], confidence=0.9, kinds=["eligibility"]),
    ]
    doc.amounts = [Amount("最高800万元", 25, 32, 8000000.0, kind="cap", high=8000000.0, clause="c1")]
    doc.deadlines = [
        Deadline("2019年8月23日前", 43, 54, date="2019-08-23", duration=Duration(5, "workday"), clause=None)
    ]
    doc.attachments = [Attachment("附件1", "申报表", 58, 66)]
    doc.stages = []
    for a in doc.amounts + doc.deadlines:
        assert TEXT[a.start : a.end] == a.text
    return doc


def test_model_regression_from_dict_keeps_heading_spans_and_confidence() -> None:
    """QA F17: from_dict(to_dict()) lost Section.heading_*/style, Clause.confidence/kinds, Meta.spans, Source.size."""
    doc = _analysed()
    back = Document.from_dict(doc.to_dict(include_blocks=True))
    assert back.sections == doc.sections
    assert (back.sections[0].heading_start, back.sections[0].heading_end, back.sections[0].style) == (12, 18, "cn_dun")
    assert back.clauses == doc.clauses
    assert (back.clauses[0].confidence, back.clauses[0].kinds) == (0.9, ["eligibility"])
    assert back.meta == doc.meta
    assert back.meta.spans == {"title": [0, 11]}
    assert back.source == doc.source
    assert back.source.size == 321
    assert back.amounts == doc.amounts
    assert back.deadlines == doc.deadlines
    assert back.attachments == doc.attachments
    assert back.blocks == doc.blocks
    assert back.to_dict(include_blocks=True) == doc.to_dict(include_blocks=True)


def test_model_to_dict_with_new_fields_fits_the_schema() -> None:
    schema = json.loads((DATA_DIR / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(_analysed().to_dict(include_blocks=True), ensure_ascii=False))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def test_model_from_dict_accepts_output_written_before_the_new_fields() -> None:
    """Stored JSON from earlier versions has no heading_*/confidence/spans/size: defaults apply."""
    data = _analysed().to_dict()
    for s in data["sections"]:
        for k in ("heading_start", "heading_end", "style"):
            del s[k]
    for c in data["clauses"]:
        del c["confidence"], c["kinds"]
    del data["meta"]["spans"], data["source"]["size"]
    back = Document.from_dict(data)
    assert back.sections[0].heading_start is None and back.clauses[0].kinds == []
    assert back.meta.spans == {} and back.source.size == 0
