"""Writing one source file's documents into the store, all or nothing.

Everything a source file produced is replaced inside one ``BEGIN IMMEDIATE``
transaction: a run killed at any point (even ``kill -9``) leaves either the
old rows or the new ones, and ``sources`` says which files are complete, so
the next run picks up exactly where this one stopped.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Any, Iterable

from pipeline.store.fts import spaced_chars

SECTION_SEP = " › "


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def doc_key(doc: dict[str, Any]) -> str:
    src = doc["source"]
    return f"{src['path']}!{src['member']}" if src.get("member") else src["path"]


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def magnitude(a: dict[str, Any]) -> float | None:
    """The largest money figure an amount states, for amount-range filters."""
    if a.get("kind") == "percent" and a.get("value") is None:
        return a.get("cap")
    figures = [a.get(k) for k in ("value", "high", "low", "cap")]
    figures = [f for f in figures if isinstance(f, (int, float))]
    return max(figures) if figures else None


def write_source(
    conn: sqlite3.Connection,
    source_path: str,
    sha256: str,
    extraction_version: str,
    docs: Iterable[dict[str, Any]],
) -> int:
    """Replace everything indexed from ``source_path`` with ``docs``; returns documents written."""
    docs = list(docs)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM sources WHERE path = ?", (source_path,))
        conn.execute(
            "INSERT INTO sources(path, sha256, extraction_version, n_documents, indexed_at) VALUES (?,?,?,?,?)",
            (source_path, sha256, extraction_version, len(docs), _now()),
        )
        for doc in docs:
            # a document path can move between sources (a file re-zipped): drop it first
            conn.execute("DELETE FROM documents WHERE path = ?", (doc_key(doc),))
            _insert_document(conn, source_path, extraction_version, doc)
        conn.execute("DELETE FROM failures WHERE path = ?", (source_path,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(docs)


def record_failure(conn: sqlite3.Connection, path: str, error: str) -> None:
    conn.execute(
        "INSERT INTO failures(path, error, failed_at) VALUES (?,?,?) "
        "ON CONFLICT(path) DO UPDATE SET error=excluded.error, failed_at=excluded.failed_at",
        (path, error, _now()),
    )


def _insert_document(conn: sqlite3.Connection, source_path: str, version: str, doc: dict[str, Any]) -> int:
    meta = doc.get("meta", {})
    issuers = meta.get("issuers") or []
    text = doc["text"]
    cur = conn.execute(
        "INSERT INTO documents(source_path, path, sha256, format, title, doc_number, issuer, date, year, "
        "n_chars, n_clauses, extraction_version, indexed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            source_path,
            doc_key(doc),
            doc["source"]["sha256"],
            doc["source"]["format"],
            meta.get("title"),
            meta.get("doc_number"),
            issuers[0] if issuers else None,
            meta.get("date"),
            _year(meta.get("date")),
            len(text),
            len(doc.get("clauses", [])),
            version,
            _now(),
        ),
    )
    doc_id = int(cur.lastrowid)
    conn.execute("INSERT INTO document_texts(document_id, text) VALUES (?,?)", (doc_id, text))
    conn.executemany(
        "INSERT INTO issuers(document_id, name, role) VALUES (?,?,?)",
        [(doc_id, n, "issuer") for n in issuers] + [(doc_id, n, "recipient") for n in meta.get("recipients") or []],
    )

    section_ids: dict[str, int] = {}
    titles: dict[str, tuple[str | None, str]] = {}
    for s in doc.get("sections", []):
        titles[s["id"]] = (s.get("parent"), f"{s.get('number') or ''}{s['title']}")
    for s in doc.get("sections", []):
        cur = conn.execute(
            'INSERT INTO sections(document_id, section_key, parent_key, level, number, title, path, start, "end") '
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (doc_id, s["id"], s.get("parent"), s["level"], s.get("number"), s["title"],
             _path(s["id"], titles), s["start"], s["end"]),
        )
        section_ids[s["id"]] = int(cur.lastrowid)

    clause_ids: dict[str, int] = {}
    for c in doc.get("clauses", []):
        cur = conn.execute(
            'INSERT INTO clauses(document_id, clause_key, section_id, section_path, kind, start, "end", text, doc_sort) '
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (doc_id, c["id"], section_ids.get(c.get("section") or ""),
             _path(c.get("section"), titles) if c.get("section") else None,
             c["kind"], c["start"], c["end"], c["text"], meta.get("date") or ""),
        )
        clause_id = int(cur.lastrowid)
        clause_ids[c["id"]] = clause_id
        conn.execute("INSERT INTO clause_chars(rowid, chars) VALUES (?,?)", (clause_id, spaced_chars(c["text"])))

    conn.executemany(
        'INSERT INTO amounts(document_id, clause_id, text, start, "end", value, currency, kind, low, high, '
        "low_inclusive, high_inclusive, percent, base, cap, per, role, tier_group, tier_index, magnitude) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (doc_id, clause_ids.get(a.get("clause") or ""), a["text"], a["start"], a["end"], a.get("value"),
             a.get("currency") or "CNY", a.get("kind") or "exact", a.get("low"), a.get("high"),
             a.get("low_inclusive"), a.get("high_inclusive"), a.get("percent"), a.get("base"), a.get("cap"),
             a.get("per"), a.get("role"), a.get("tier_group"), a.get("tier_index"), magnitude(a))
            for a in doc.get("amounts", [])
        ],
    )
    conn.executemany(
        'INSERT INTO deadlines(document_id, clause_id, text, start, "end", date, duration_value, duration_unit, '
        "recurrence, kind, actor, action) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (doc_id, clause_ids.get(d.get("clause") or ""), d["text"], d["start"], d["end"], d.get("date"),
             (d.get("duration") or {}).get("value"), (d.get("duration") or {}).get("unit"),
             d.get("recurrence"), d.get("kind") or "due_by", d.get("actor"), d.get("action"))
            for d in doc.get("deadlines", [])
        ],
    )
    conn.executemany(
        'INSERT INTO citations(document_id, title, doc_number, text, start, "end") VALUES (?,?,?,?,?,?)',
        [(doc_id, c.get("title"), c.get("doc_number"), c["text"], c["start"], c["end"])
         for c in doc.get("citations", [])],
    )
    return doc_id


def _path(section_id: str | None, titles: dict[str, tuple[str | None, str]]) -> str:
    parts: list[str] = []
    seen: set[str] = set()
    while section_id and section_id in titles and section_id not in seen:
        seen.add(section_id)
        parent, label = titles[section_id]
        parts.append(label)
        section_id = parent
    return SECTION_SEP.join(reversed(parts))
