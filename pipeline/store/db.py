"""Opening the store: pragmas for safe concurrent use, and schema migrations.

WAL lets readers (a query, Datasette) run while an indexer writes, and a
busy timeout makes a second indexer wait for the lock instead of failing.
Migrations are numbered SQL files applied in order, tracked by
``PRAGMA user_version``, so a store built by an older release upgrades in place.
"""

from __future__ import annotations

import sqlite3
import time
from importlib import resources
from pathlib import Path

from pipeline.errors import StoreError

BUSY_TIMEOUT_MS = 60_000


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("pipeline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(v for v, _ in _migrations())


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store at ``path``."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(path, "no store here; build one with `policylens index PATH --db FILE`")
    if readonly and _needs_upgrade(path):
        connect(path).close()  # an older store is upgraded in place before it is read
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            _set_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            _migrate(conn)
        else:
            _check_version(conn, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(path, f"not a PolicyLens store or damaged ({exc})") from None
    return conn


def _set_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, waiting for another process that is switching the same new store.

    Changing the journal mode of a fresh file needs an exclusive lock, and SQLite reports
    "database is locked" at once instead of calling the busy handler; two `policylens index`
    runs started together on a new store hit that (tests/store/test_indexer.py)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _needs_upgrade(path: Path) -> bool:
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        return False  # connect() reports it
    return 0 < version < SCHEMA_VERSION


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        raise StoreError(path, "not a PolicyLens store (no schema); build one with `policylens index`")
    if version > SCHEMA_VERSION:
        raise StoreError(path, f"store schema v{version} is newer than this PolicyLens (v{SCHEMA_VERSION}); upgrade")


def _migrate(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(getattr(conn, "path", "-"), "file is an SQLite database but not a PolicyLens store")
        for version, sql in _migrations():
            if version > current:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (executescript would COMMIT our transaction)."""
    out, buf = [], []
    for line in sql.splitlines():
        buf.append(line)
        candidate = "\n".join(buf)
        if sqlite3.complete_statement(candidate):
            if candidate.strip():
                out.append(candidate)
            buf = []
    return out
