"""Parquet export: one file (or year-partitioned dataset) per table.

pandas, DuckDB and Dask read these directly, so a researcher can leave SQLite
behind when a corpus outgrows one machine.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd

TABLES = ("documents", "issuers", "sections", "clauses", "amounts", "deadlines", "citations")


def export(conn: sqlite3.Connection, out_dir: str | Path, *, partition_by_year: bool = False) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    years = pd.read_sql_query("SELECT id AS document_id, year FROM documents", conn)
    for table in TABLES:
        frame = pd.read_sql_query(f'SELECT * FROM "{table}"', conn)
        if partition_by_year:
            if table != "documents":
                frame = frame.merge(years, on="document_id", how="left")
            frame["year"] = frame["year"].fillna(0).astype("int64")
            target = out / table
            if target.exists():
                import shutil

                shutil.rmtree(target)
            frame.to_parquet(target, partition_cols=["year"], index=False)
        else:
            target = out / f"{table}.parquet"
            frame.to_parquet(target, index=False)
        written.append(target)
    return written
