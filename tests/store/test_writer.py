"""The writer: rows prepared apart from the connection, ids assigned in batches, FTS kept in step."""

from __future__ import annotations

import sqlite3

import pytest

from pipeline.model import Document
from pipeline.store import Store
from pipeline.store.db import connect
from pipeline.store.fts import spaced_chars
from pipeline.store.writer import prepare, write_prepared, write_source
from tests.store.conftest import SHANDONG_TEXT


def test_writer_links_amounts_deadlines_to_their_clause_and_section(store_path):
    # ids are taken from max(id)+1 in the transaction, not read back row by row:
    # every child row must still point at the clause that holds it
    raw = sqlite3.connect(store_path)
    pairs = raw.execute("SELECT a.text, c.text FROM amounts a JOIN clauses c ON c.id = a.clause_id").fetchall()
    assert len(pairs) == 5 and all(a in c for a, c in pairs)
    pairs = raw.execute("SELECT x.text, c.text FROM deadlines x JOIN clauses c ON c.id = x.clause_id").fetchall()
    assert len(pairs) == 3 and all(d in c for d, c in pairs)
    titles = raw.execute("SELECT DISTINCT s.title FROM clauses c JOIN sections s ON s.id = c.section_id").fetchall()
    assert titles == [("总则",)]
    assert raw.execute("SELECT count(*) FROM clauses WHERE section_id IS NULL").fetchone()[0] == 0


def test_writer_replacing_a_source_reuses_ids_correctly(store_path):
    # after zaozhuang's rows are deleted and rewritten, new ids (some reused) still link up
    doc = Store(store_path)
    before = sorted(doc.table("amounts")["text"])
    conn = connect(store_path)
    raw_doc = Document.from_dict(_doc_dict(conn, "zaozhuang.txt"))
    write_source(conn, "zaozhuang.txt", "d" * 64, "test", [raw_doc])
    write_source(conn, "shandong.txt", "e" * 64, "test", [_doc_dict(conn, "shandong.txt")])
    conn.close()
    assert sorted(doc.table("amounts")["text"]) == before
    raw = sqlite3.connect(store_path)
    assert all(a in c for a, c in raw.execute("SELECT a.text, c.text FROM amounts a JOIN clauses c ON c.id = a.clause_id"))
    assert raw.execute("SELECT count(*) FROM clause_chars").fetchone()[0] == 7
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.execute("INSERT INTO clause_trigram(clause_trigram) VALUES('integrity-check')")
    assert "对候选名单进行为期7个工作日公示。" in list(doc.query("公示")["text"])


def _doc_dict(conn: sqlite3.Connection, path: str) -> dict:
    """Rebuild a document dict from the store (enough of it for the writer)."""
    d = conn.execute("SELECT * FROM documents WHERE path = ?", (path,)).fetchone()
    text = conn.execute("SELECT text FROM document_texts WHERE document_id = ?", (d["id"],)).fetchone()[0]
    clauses = conn.execute("SELECT * FROM clauses WHERE document_id = ? ORDER BY start", (d["id"],)).fetchall()
    amounts = conn.execute("SELECT a.*, c.clause_key FROM amounts a JOIN clauses c ON c.id = a.clause_id "
                           "WHERE a.document_id = ?", (d["id"],)).fetchall()
    skip = {"id", "document_id", "clause_id", "magnitude", "clause_key"}
    return {
        "source": {"path": path, "sha256": d["sha256"], "format": d["format"]},
        "meta": {"title": d["title"], "doc_number": d["doc_number"], "issuers": [d["issuer"]], "date": d["date"]},
        "text": text,
        "sections": [{"id": "s1", "level": 1, "number": "一、", "title": "总则", "start": 0, "end": len(text)}],
        "clauses": [{"id": c["clause_key"], "section": "s1", "kind": c["kind"], "start": c["start"], "end": c["end"],
                     "text": c["text"]} for c in clauses],
        "amounts": [{**{k: a[k] for k in a.keys() if k not in skip}, "clause": a["clause_key"]} for a in amounts],  # noqa: SIM118 - sqlite3.Row
    }


def test_writer_document_and_dict_give_the_same_rows(store_path):
    conn = connect(store_path)
    as_dict = _doc_dict(conn, "shandong.txt")
    conn.close()
    assert prepare(Document.from_dict(as_dict)) == prepare(Document.from_dict(Document.from_dict(as_dict).to_dict()))
    rows = prepare(Document.from_dict(as_dict))
    assert rows.path == "shandong.txt" and rows.text == SHANDONG_TEXT
    assert [c[1] for c in rows.clauses] == ["c1", "c2", "c3", "c4"]
    assert all(c[0] == 0 for c in rows.clauses)  # every clause sits in section position 0
    assert [a[0] for a in rows.amounts] == [0]  # 最高800万元 is in the first clause


def test_writer_empty_document_list_replaces_source(tmp_path):
    db = tmp_path / "s.db"
    conn = connect(db)
    assert write_prepared(conn, "x.txt", "f" * 64, "test", []) == 0
    assert conn.execute("SELECT n_documents FROM sources WHERE path = 'x.txt'").fetchone()[0] == 0
    conn.close()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("公示", "公 示"),
        ("最高 800万元", "最 高 8 0 0 万 元"),
        ("对\u3000企业\n给予\t奖励", "对 企 业 给 予 奖 励"),  # ideographic space, newline, tab dropped
        ("a\u00a0b", "a b"),  # no-break space is whitespace to str.isspace
        ("", ""),
    ],
)
def test_fts_spaced_chars(text, expected):
    assert spaced_chars(text) == expected


@pytest.mark.parametrize("text", ["（一）", "鲁商字〔2018〕191号", "‘’“”", "５０％"])
def test_fts_spaced_chars_keeps_punctuation_and_fullwidth(text):
    assert spaced_chars(text) == " ".join(text)
