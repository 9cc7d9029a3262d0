"""Writing one source file's documents into the store, all or nothing.

Everything a source file produced is replaced inside one ``BEGIN IMMEDIATE``
transaction: a run killed at any point (even ``kill -9``) leaves either the
old rows or the new ones, and ``sources`` says which files are complete, so
the next run picks up exactly where this one stopped.

Writing is split in two so the single writer does as little as possible:

- :func:`prepare` turns an analysed Document into plain row tuples (titles joined
  into section paths, amount magnitudes, the spaced text for the character
  index). It needs no connection, so extraction workers run it and the writer
  only inserts what they send.
- :func:`write_prepared` inserts them with ``executemany``. Row ids are taken
  from ``max(id) + 1`` inside the write transaction (the lock is held, so no
  other writer can take them), which is what SQLite would have assigned, and
  lets clause and section rows go in as batches instead of one ``execute``
  per row just to read back ``lastrowid``. On seed-004-sized documents (109
  clauses each) the writer's CPU went from ~18 to ~12 ms per document; most of
  what is left is SQLite maintaining the trigram index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, NamedTuple

from pipeline.model import Amount, Document
from pipeline.store.fts import spaced_chars

SECTION_SEP = " › "


class DocumentRows(NamedTuple):
    """One document as the rows the store holds, ids still local to the document.

    Section and clause rows are referred to by their position in ``sections``
    and ``clauses``; :func:`write_prepared` turns positions into row ids.
    """

    path: str
    document: tuple  # sha256, format, title, doc_number, issuer, date, year, n_chars, n_clauses
    text: str
    issuers: list[tuple[str, str]]  # (name, role)
    sections: list[tuple]  # section_key, parent_key, level, number, title, path, start, end
    clauses: list[tuple]  # section position | None, clause_key, section_path, kind, start, end, text, doc_sort, chars
    amounts: list[tuple]  # clause position | None, then the amount columns
    deadlines: list[tuple]  # clause position | None, then the deadline columns
    citations: list[tuple]  # title, doc_number, text, start, end


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def magnitude(a: Amount) -> float | None:
    """The largest money figure an amount states, for amount-range filters."""
    if a.kind == "percent" and a.value is None:
        return a.cap
    figures = [f for f in (a.value, a.high, a.low, a.cap) if isinstance(f, (int, float))]
    return max(figures) if figures else None


def prepare(doc: Document) -> DocumentRows:
    """The rows for one analysed document; pure, so extraction workers run it.

    Reads the Document itself rather than ``to_dict()``, whose
    ``dataclasses.asdict`` calls took twice as long as building the rows.
    """
    meta = doc.meta
    issuers = meta.issuers or []
    text = doc.text
    clauses = doc.clauses
    sections = doc.sections
    doc_sort = meta.date or ""

    titles: dict[str, tuple[str | None, str]] = {s.id: (s.parent, f"{s.number or ''}{s.title}") for s in sections}
    # a repeated key points at its last row, as a dict of ids filled in order would
    section_pos = {s.id: i for i, s in enumerate(sections)}
    clause_pos = {c.id: i for i, c in enumerate(clauses)}
    src = doc.source

    return DocumentRows(
        path=f"{src.path}!{src.member}" if src.member else src.path,
        document=(src.sha256, src.format, meta.title, meta.doc_number, issuers[0] if issuers else None,
                  meta.date, _year(meta.date), len(text), len(clauses)),
        text=text,
        issuers=[(n, "issuer") for n in issuers] + [(n, "recipient") for n in meta.recipients or []],
        sections=[(s.id, s.parent, s.level, s.number, s.title, _path(s.id, titles), s.start, s.end) for s in sections],
        clauses=[
            (section_pos.get(c.section or ""), c.id, _path(c.section, titles) if c.section else None,
             c.kind, c.start, c.end, c.text, doc_sort, spaced_chars(c.text))
            for c in clauses
        ],
        amounts=[
            (clause_pos.get(a.clause or ""), a.text, a.start, a.end, a.value, a.currency or "CNY", a.kind or "exact",
             a.low, a.high, a.low_inclusive, a.high_inclusive, a.percent, a.base, a.cap, a.per, a.role,
             a.tier_group, a.tier_index, magnitude(a))
            for a in doc.amounts
        ],
        deadlines=[
            (clause_pos.get(d.clause or ""), d.text, d.start, d.end, d.date,
             d.duration.value if d.duration else None, d.duration.unit if d.duration else None,
             d.recurrence, d.kind or "due_by", d.actor, d.action)
            for d in doc.deadlines
        ],
        citations=[(c.title, c.doc_number, c.text, c.start, c.end) for c in doc.citations],
    )


def write_source(
    conn: sqlite3.Connection,
    source_path: str,
    sha256: str,
    extraction_version: str,
    docs: Iterable[Document | dict[str, Any]],
) -> int:
    """Replace everything indexed from ``source_path`` with ``docs``; returns documents written.

    ``docs`` are Documents or their ``to_dict()`` form.
    """
    rows = [prepare(d if isinstance(d, Document) else Document.from_dict(d)) for d in docs]
    return write_prepared(conn, source_path, sha256, extraction_version, rows)


def write_prepared(
    conn: sqlite3.Connection,
    source_path: str,
    sha256: str,
    extraction_version: str,
    docs: list[DocumentRows],
) -> int:
    """:func:`write_source` for documents already turned into rows by :func:`prepare`."""
    now = _now()
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM sources WHERE path = ?", (source_path,))
        conn.execute(
            "INSERT INTO sources(path, sha256, extraction_version, n_documents, indexed_at) VALUES (?,?,?,?,?)",
            (source_path, sha256, extraction_version, len(docs), now),
        )
        for doc in docs:
            # a document path can move between sources (a file re-zipped): drop it first
            conn.execute("DELETE FROM documents WHERE path = ?", (doc.path,))
            _insert_document(conn, source_path, extraction_version, doc, now)
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


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    # what SQLite itself assigns to an INTEGER PRIMARY KEY without AUTOINCREMENT
    return conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


def _insert_document(conn: sqlite3.Connection, source_path: str, version: str, doc: DocumentRows, now: str) -> int:
    cur = conn.execute(
        "INSERT INTO documents(source_path, path, sha256, format, title, doc_number, issuer, date, year, "
        "n_chars, n_clauses, extraction_version, indexed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (source_path, doc.path, *doc.document, version, now),
    )
    doc_id = int(cur.lastrowid)
    conn.execute("INSERT INTO document_texts(document_id, text) VALUES (?,?)", (doc_id, doc.text))
    conn.executemany(
        "INSERT INTO issuers(document_id, name, role) VALUES (?,?,?)", [(doc_id, *row) for row in doc.issuers]
    )

    first_section = _next_id(conn, "sections") if doc.sections else 0
    conn.executemany(
        'INSERT INTO sections(id, document_id, section_key, parent_key, level, number, title, path, start, "end") '
        "VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(first_section + i, doc_id, *row) for i, row in enumerate(doc.sections)],
    )

    first_clause = _next_id(conn, "clauses") if doc.clauses else 0
    conn.executemany(
        'INSERT INTO clauses(id, document_id, section_id, clause_key, section_path, kind, start, "end", text, doc_sort) '
        "VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            (first_clause + i, doc_id, None if row[0] is None else first_section + row[0], *row[1:8])
            for i, row in enumerate(doc.clauses)
        ],
    )
    conn.executemany(
        "INSERT INTO clause_chars(rowid, chars) VALUES (?,?)",
        [(first_clause + i, row[8]) for i, row in enumerate(doc.clauses)],
    )

    conn.executemany(
        'INSERT INTO amounts(document_id, clause_id, text, start, "end", value, currency, kind, low, high, '
        "low_inclusive, high_inclusive, percent, base, cap, per, role, tier_group, tier_index, magnitude) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(doc_id, None if row[0] is None else first_clause + row[0], *row[1:]) for row in doc.amounts],
    )
    conn.executemany(
        'INSERT INTO deadlines(document_id, clause_id, text, start, "end", date, duration_value, duration_unit, '
        "recurrence, kind, actor, action) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(doc_id, None if row[0] is None else first_clause + row[0], *row[1:]) for row in doc.deadlines],
    )
    conn.executemany(
        'INSERT INTO citations(document_id, title, doc_number, text, start, "end") VALUES (?,?,?,?,?,?)',
        [(doc_id, *row) for row in doc.citations],
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
