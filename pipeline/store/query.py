"""Clause queries without SQL: text, kind, money, dates, issuer, year, citations.

Every user value reaches SQLite as a bound parameter; text goes to FTS5 only
as a quoted string (see fts.py). Odd input (empty, ``%``, quotes, FTS syntax,
very long strings) gives results or a QueryError with a clear message,
never an SQL error.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from pipeline.errors import QueryError
from pipeline.store.fts import plan_match

MAX_QUERY_CHARS = 1000
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕"})


@dataclass(frozen=True)
class ClauseQuery:
    text: str | None = None
    kind: str | None = None
    min_amount: float | None = None
    max_amount: float | None = None
    currency: str | None = None
    deadline_after: str | None = None
    deadline_before: str | None = None
    issuer: str | None = None
    year: str | int | None = None  # 2019, "2019:2021", "2019:" or ":2021"
    cites: str | None = None
    doc: str | None = None
    limit: int = 50


def _iso(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise QueryError(detail=f"--{name} must be a date like 2019-08-30; got {value!r}") from None


def _years(value: str | int | None) -> tuple[int | None, int | None]:
    if value is None or value == "":
        return None, None
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})?\s*(?:(:|-|–|~)\s*(\d{4})?)?", text)
    if not m or not (m.group(1) or m.group(3)):
        raise QueryError(detail=f"--year must be a year like 2019 or a range 2019:2021, 2019: or :2021; got {text!r}")
    low = int(m.group(1)) if m.group(1) else None
    high = int(m.group(3)) if m.group(3) else (low if not m.group(2) else None)
    return low, high


def normalise_doc_number(text: str) -> str:
    """文号 brackets vary by source ([2018], （2018）, 〔2018〕); compare on 〔〕."""
    return text.translate(_BRACKETS).replace(" ", "")


# How many clauses, newest first, a query first walks before it falls back to
# the indexes of its most selective filter. Common filters (a frequent word, a
# wide amount range) fill --limit within this window, so the query stops early
# instead of sorting every match; rare ones go through FTS / the range indexes.
WINDOW = 20_000
ORDER = "ORDER BY c.doc_sort DESC, c.document_id, c.start"


def build_sql(
    q: ClauseQuery, known_kinds: set[str] | None = None, *, window: tuple[str, int] | None = None
) -> tuple[str, list[Any]]:
    """SQL for ``q``.

    With ``window`` = (doc_sort, document_id) of the clause at position WINDOW,
    clauses are walked newest-first along ``clauses_order`` down to that point,
    each tested row by row, and the walk stops at --limit. Without it, the
    selective indexes (FTS, amount and date ranges) drive and the matches are sorted.
    """
    where: list[str] = []
    params: list[Any] = []
    joins: list[str] = []
    join_params: list[Any] = []
    text = (q.text or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(detail=f"search text is {len(text)} characters; the limit is {MAX_QUERY_CHARS}")
    if q.limit is not None and q.limit < 1:
        raise QueryError(detail=f"--limit must be at least 1; got {q.limit}")
    if text:
        plan = plan_match(text)
        if plan and window is None:
            table, match = plan
            joins.append(f"JOIN (SELECT rowid AS cid FROM {table} WHERE {table} MATCH ?) m ON m.cid = c.id")
            join_params.append(match)
        where.append("instr(c.text, ?) > 0")
        params.append(text)
    if q.kind:
        if known_kinds is not None and q.kind not in known_kinds:
            raise QueryError(detail=f"unknown --kind {q.kind!r}; known kinds: {', '.join(sorted(known_kinds))}")
        where.append("c.kind = ?")
        params.append(q.kind)
    amount_conds: list[str] = []
    amount_params: list[Any] = []
    for cond, value in (
        ("a.magnitude >= ?", q.min_amount),
        ("a.magnitude <= ?", q.max_amount),
        ("a.currency = ?", q.currency.upper() if q.currency else None),
    ):
        if value is not None:
            amount_conds.append(cond)
            amount_params.append(value if isinstance(value, str) else float(value))
    if amount_conds:
        where.append(_child_filter("amounts a", "a", amount_conds, window))
        params += amount_params
    after, before = _iso(q.deadline_after, "deadline-after"), _iso(q.deadline_before, "deadline-before")
    if after or before:
        conds = ["dl.date IS NOT NULL"]
        if after:
            conds.append("dl.date >= ?")
            params.append(after)
        if before:
            conds.append("dl.date <= ?")
            params.append(before)
        where.append(_child_filter("deadlines dl", "dl", conds, window))
    if q.issuer:
        where.append(
            "(instr(coalesce(d.issuer, ''), ?) > 0 OR EXISTS (SELECT 1 FROM issuers i "
            "WHERE i.document_id = d.id AND i.role = 'issuer' AND instr(i.name, ?) > 0))"
        )
        params += [q.issuer, q.issuer]
    low, high = _years(q.year)
    if low is not None:
        where.append("d.year >= ?")
        params.append(low)
    if high is not None:
        where.append("d.year <= ?")
        params.append(high)
    if q.cites:
        cited = normalise_doc_number(q.cites)
        where.append(
            "EXISTS (SELECT 1 FROM citations ci WHERE ci.document_id = d.id AND "
            "(instr(replace(coalesce(ci.doc_number, ''), ' ', ''), ?) > 0 OR instr(coalesce(ci.title, ''), ?) > 0))"
        )
        params += [cited, q.cites.strip("《》 ")]
    if q.doc:
        where.append(
            "(instr(d.path, ?) > 0 OR instr(coalesce(d.title, ''), ?) > 0 OR instr(coalesce(d.doc_number, ''), ?) > 0)"
        )
        params += [q.doc, q.doc, normalise_doc_number(q.doc)]
    source = "clauses c JOIN documents d ON d.id = c.document_id"
    head: list[str] = []
    head_params: list[Any] = []
    if window is not None:
        # clauses first, in index order, so SQLite stops at LIMIT instead of sorting
        source = "clauses c INDEXED BY clauses_order CROSS JOIN documents d ON d.id = c.document_id"
        cut_sort, cut_doc = window
        if cut_sort is not None:
            head = ["c.doc_sort >= ?", "NOT (c.doc_sort = ? AND c.document_id > ?)"]
            head_params = [cut_sort, cut_sort, cut_doc]
    conditions = head + where
    sql = (
        "SELECT c.id AS clause_id, d.id AS document_id, d.title, d.doc_number, d.issuer, d.date, d.path, "
        "c.section_path, c.kind, c.text, c.start, c.\"end\" "
        f"FROM {source} {' '.join(joins)} "
        + (f"WHERE {' AND '.join(conditions)} " if conditions else "")
        + f"{ORDER} LIMIT ?"
    )
    return sql, join_params + head_params + params + [int(q.limit or 50)]


def _child_filter(table: str, alias: str, conds: list[str], window: int | None) -> str:
    """An amounts/deadlines condition: probed per clause in a window, driven by its index otherwise."""
    if window is not None:
        return f"EXISTS (SELECT 1 FROM {table} WHERE {alias}.clause_id = c.id AND {' AND '.join(conds)})"
    return f"c.id IN (SELECT {alias}.clause_id FROM {table} WHERE {' AND '.join(conds)})"


def _fetch(conn: sqlite3.Connection, q: ClauseQuery, known_kinds: set[str] | None) -> list[dict[str, Any]]:
    """Walk the newest clauses first; fall back to the indexes when the window holds too few matches."""
    limit = int(q.limit or 50)
    cut = conn.execute(
        "SELECT doc_sort, document_id FROM clauses INDEXED BY clauses_order "
        f"{ORDER.replace('c.', '')} LIMIT 1 OFFSET ?",
        (WINDOW,),
    ).fetchone()
    window = (cut[0], cut[1]) if cut else (None, 0)  # no cut: the window is the whole store
    sql, params = build_sql(q, known_kinds, window=window)
    rows = [dict(r) for r in conn.execute(sql, params)]
    if len(rows) >= limit or cut is None:
        return rows  # the first `limit` matches in result order, or every match there is
    sql, params = build_sql(q, known_kinds)
    return [dict(r) for r in conn.execute(sql, params)]


def run_query(conn: sqlite3.Connection, q: ClauseQuery, known_kinds: set[str] | None = None) -> pd.DataFrame:
    try:
        rows = _fetch(conn, q, known_kinds)
    except sqlite3.OperationalError as exc:  # should not happen: inputs are parameters
        raise QueryError(detail=f"the store could not answer this query ({exc})") from None
    ids = [r["clause_id"] for r in rows]
    amounts = _children(conn, "amounts", ids)
    deadlines = _children(conn, "deadlines", ids)
    text = (q.text or "").strip()
    for r in rows:
        r["amounts"] = amounts.get(r["clause_id"], [])
        r["deadlines"] = deadlines.get(r["clause_id"], [])
        r["match_start"] = r["text"].find(text) if text else None
    columns = ["clause_id", "document_id", "title", "doc_number", "issuer", "date", "path", "section_path",
               "kind", "text", "start", "end", "amounts", "deadlines", "match_start"]
    return pd.DataFrame(rows, columns=columns)


def _children(conn: sqlite3.Connection, table: str, clause_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    if not clause_ids:
        return out
    marks = ",".join("?" * len(clause_ids))
    drop = {"id", "document_id", "clause_id", "magnitude"}
    for row in conn.execute(f"SELECT * FROM {table} WHERE clause_id IN ({marks}) ORDER BY start", clause_ids):
        item = {k: row[k] for k in row.keys() if k not in drop and row[k] is not None}  # noqa: SIM118 - sqlite3.Row iterates values, not keys
        out.setdefault(row["clause_id"], []).append(item)
    return out
