"""The researchers' clause store: SQLite (embedded, nothing to start) with Parquet export.

    >>> from pipeline import Store
    >>> store = Store("policylens.db")
    >>> store.index(["../shared/corpus/real"])
    >>> store.query("奖励", kind="funding_reward", min_amount=5_000_000)   # pandas DataFrame
    >>> store.export("out/")                                                # Parquet, one file per table
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.store.db import connect
from pipeline.store.export import export as _export
from pipeline.store.indexer import IndexReport
from pipeline.store.indexer import index as _index
from pipeline.store.query import ClauseQuery, run_query


class Store:
    """A clause store file; every method opens its own connection (safe across processes)."""

    def __init__(self, path: str | Path = "policylens.db") -> None:
        self.path = Path(path)

    def index(self, paths: Iterable[str], **kwargs: Any) -> IndexReport:
        return _index(paths, self.path, **kwargs)

    def query(self, text: str | None = None, **filters: Any) -> pd.DataFrame:
        """Clauses matching ``text`` and the filters of :class:`ClauseQuery`, newest documents first."""
        q = ClauseQuery(text=text, **filters)
        conn = connect(self.path, readonly=True)
        try:
            return run_query(conn, q, known_kinds=self.kinds())
        finally:
            conn.close()

    def kinds(self) -> set[str]:
        """The clause label set (pipeline/data/clause_kinds.yaml): the only kinds extraction writes.

        Read from the label file, not the store: a DISTINCT over half a million
        clauses cost more than the query itself.
        """
        from pipeline.data import load_data

        return set(load_data("clause_kinds.yaml").get("kinds") or {})

    def table(self, name: str) -> pd.DataFrame:
        """A whole table or view as a DataFrame (documents, clauses, amounts, reward_clauses …)."""
        conn = connect(self.path, readonly=True)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
            if name not in names:
                from pipeline.errors import StoreError

                raise StoreError(self.path, f"no table or view {name!r}; have {', '.join(sorted(names))}")
            return pd.read_sql_query(f'SELECT * FROM "{name}"', conn)
        finally:
            conn.close()

    def stats(self) -> dict[str, pd.DataFrame]:
        """Counts by clause kind, issuer and year."""
        conn = connect(self.path, readonly=True)
        try:
            sql = {
                "kind": "SELECT kind, count(*) AS clauses FROM clauses GROUP BY kind ORDER BY clauses DESC",
                "issuer": "SELECT coalesce(issuer, '(unknown)') AS issuer, count(*) AS documents, "
                "sum(n_clauses) AS clauses FROM documents GROUP BY 1 ORDER BY documents DESC, issuer",
                "year": "SELECT coalesce(year, 0) AS year, count(*) AS documents, sum(n_clauses) AS clauses "
                "FROM documents GROUP BY 1 ORDER BY 1",
                "totals": "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM clauses) AS clauses, "
                "(SELECT count(*) FROM amounts) AS amounts, (SELECT count(*) FROM deadlines) AS deadlines, "
                "(SELECT count(*) FROM citations) AS citations, (SELECT count(*) FROM failures) AS failures",
            }
            return {k: pd.read_sql_query(v, conn) for k, v in sql.items()}
        finally:
            conn.close()

    def failures(self) -> pd.DataFrame:
        conn = connect(self.path, readonly=True)
        try:
            return pd.read_sql_query("SELECT * FROM failures ORDER BY path", conn)
        finally:
            conn.close()

    def export(self, out_dir: str | Path, *, partition_by_year: bool = False) -> list[Path]:
        conn = connect(self.path, readonly=True)
        try:
            return _export(conn, out_dir, partition_by_year=partition_by_year)
        finally:
            conn.close()


__all__ = ["ClauseQuery", "IndexReport", "Store"]
