"""A small store built from hand-written documents, so query behaviour is tested
independently of the extractors (whose quality is evaluated elsewhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Amount, Citation, Clause, Deadline, Document, Duration, Meta, Section, Source
from pipeline.store.db import connect
from pipeline.store.writer import write_source


def make_doc(path: str, text: str, meta: Meta, clauses: list[tuple[str, str]], **extra) -> Document:
    """Clauses are given as (kind, clause text); offsets are found in ``text``."""
    doc = Document(source=Source(path=path, format="txt", sha256="0" * 64), text=text, meta=meta)
    doc.sections = [Section(id="s1", level=1, number="一、", title="总则", start=0, end=len(text))]
    for i, (kind, ctext) in enumerate(clauses, 1):
        start = text.index(ctext)
        doc.clauses.append(Clause(id=f"c{i}", section="s1", kind=kind, start=start, end=start + len(ctext), text=ctext))
    for a in extra.get("amounts", []):
        start = text.index(a.pop("text"))
        a_text = text[start : start + a.pop("length")]
        doc.amounts.append(Amount(text=a_text, start=start, end=start + len(a_text), clause=doc.clause_at(start).id, **a))
    for d in extra.get("deadlines", []):
        start = text.index(d.pop("text"))
        d_text = text[start : start + d.pop("length")]
        doc.deadlines.append(Deadline(text=d_text, start=start, end=start + len(d_text), clause=doc.clause_at(start).id, **d))
    for c in extra.get("citations", []):
        start = text.index(c["text"])
        doc.citations.append(Citation(start=start, end=start + len(c["text"]), **c))
    return doc


SHANDONG_TEXT = (
    "一、总则\n"
    "每个试点县奖励资金最高800万元，根据评审结果分批下达。\n"
    "对候选名单进行为期7个工作日公示。\n"
    "申报材料于2019年8月23日前报省商务厅。\n"
    "根据《关于加快推进外贸转型升级试点县建设的实施意见》（鲁商字〔2018〕191号）要求开展工作。\n"
)

ZAOZHUANG_TEXT = (
    "一、总则\n"
    "对参加境外重要展会活动的企业，每次展位费再补助30%，最高补助2万元。\n"
    "对年度进出口额达5亿元的企业给予30万元奖励。\n"
    "各单位于2020年12月31日前完成自查。\n"
)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    db = tmp_path / "store.db"
    conn = connect(db)
    d1 = make_doc(
        "shandong.txt", SHANDONG_TEXT,
        Meta(title="关于开展第二批山东省外贸转型升级试点县认定工作的通知", doc_number="鲁商字〔2019〕88号",
             issuers=["山东省商务厅", "山东省财政厅"], date="2019-08-01"),
        [("funding_reward", "每个试点县奖励资金最高800万元，根据评审结果分批下达。"),
         ("procedure", "对候选名单进行为期7个工作日公示。"),
         ("deadline", "申报材料于2019年8月23日前报省商务厅。"),
         ("background", "根据《关于加快推进外贸转型升级试点县建设的实施意见》（鲁商字〔2018〕191号）要求开展工作。")],
        amounts=[{"text": "最高800万元", "length": 7, "value": 8_000_000.0, "kind": "cap", "high": 8_000_000.0}],
        deadlines=[{"text": "2019年8月23日前", "length": 11, "date": "2019-08-23", "kind": "due_by"},
                   {"text": "7个工作日", "length": 5, "duration": Duration(7, "workday"), "kind": "period"}],
        citations=[{"text": "《关于加快推进外贸转型升级试点县建设的实施意见》（鲁商字〔2018〕191号）",
                        "title": "关于加快推进外贸转型升级试点县建设的实施意见", "doc_number": "鲁商字〔2018〕191号"}],
    )
    d2 = make_doc(
        "zaozhuang.txt", ZAOZHUANG_TEXT,
        Meta(title="关于深化改革创新全面提升对外开放水平的实施意见", doc_number="市中发〔2020〕12号",
             issuers=["中共市中区委", "市中区人民政府"], date="2020-09-24"),
        [("funding_reward", "对参加境外重要展会活动的企业，每次展位费再补助30%，最高补助2万元。"),
         ("funding_reward", "对年度进出口额达5亿元的企业给予30万元奖励。"),
         ("deadline", "各单位于2020年12月31日前完成自查。")],
        amounts=[{"text": "30%", "length": 3, "value": None, "kind": "percent", "percent": 30.0, "base": "展位费", "cap": 20_000.0},
                 {"text": "最高补助2万元", "length": 7, "value": 20_000.0, "kind": "cap", "high": 20_000.0},
                 {"text": "5亿元", "length": 3, "value": 5e8, "kind": "exact", "role": "threshold", "tier_group": "t1", "tier_index": 0},
                 {"text": "30万元", "length": 4, "value": 3e5, "kind": "exact", "role": "reward", "tier_group": "t1", "tier_index": 0}],
        deadlines=[{"text": "2020年12月31日前", "length": 12, "date": "2020-12-31", "kind": "due_by"}],
    )
    write_source(conn, "shandong.txt", "a" * 64, "test", [d1.to_dict()])
    write_source(conn, "zaozhuang.txt", "b" * 64, "test", [d2.to_dict()])
    conn.close()
    return db
