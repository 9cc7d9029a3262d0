"""Indexing real files: idempotence by sha256, replacement, failures, kill -9, concurrent writers, Dask."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.store import Store
from pipeline.store.indexer import index
from tests.conftest import SEED_NOTICE, SEED_OPINIONS


def make_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` distinct notices: the seeds with a distinguishing line appended."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = [SEED_NOTICE.read_text(encoding="utf-8"), SEED_OPINIONS.read_text(encoding="utf-8")]
    paths = []
    for i in range(n):
        p = folder / f"doc{i:03d}.txt"
        p.write_text(bases[i % 2] + f"\n附：第{i + 1}号补充说明，对本办法第{i + 1}项给予奖励{i + 1}万元。\n", encoding="utf-8")
        paths.append(p)
    return paths


def snapshot(db: Path) -> list[tuple]:
    """The store's content without ids or timestamps: comparable across runs."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT d.path, d.sha256, d.n_clauses, count(c.id), "
        "(SELECT count(*) FROM amounts a WHERE a.document_id = d.id), "
        "(SELECT count(*) FROM deadlines x WHERE x.document_id = d.id) "
        "FROM documents d LEFT JOIN clauses c ON c.document_id = d.id GROUP BY d.id ORDER BY d.path"
    ).fetchall()
    conn.close()
    return [(Path(r[0]).name, *r[1:]) for r in rows]


def assert_consistent(db: Path) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # every source row has exactly the documents it claims, every document all its clauses
    bad = conn.execute(
        "SELECT s.path FROM sources s WHERE s.n_documents != (SELECT count(*) FROM documents d WHERE d.source_path = s.path)"
    ).fetchall()
    assert bad == []
    bad = conn.execute(
        "SELECT d.path FROM documents d WHERE d.n_clauses != (SELECT count(*) FROM clauses c WHERE c.document_id = d.id)"
    ).fetchall()
    assert bad == []
    n_clauses = conn.execute("SELECT count(*) FROM clauses").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM clause_chars").fetchone()[0] == n_clauses
    conn.execute("INSERT INTO clause_trigram(clause_trigram) VALUES('integrity-check')")
    conn.close()


def test_index_is_idempotent_by_sha256(tmp_path):
    files = make_corpus(tmp_path / "in", 3)
    db = tmp_path / "s.db"
    first = index([str(tmp_path / "in")], db)
    assert (first.indexed, first.skipped, first.documents) == (3, 0, 3)
    before = snapshot(db)
    again = index([str(tmp_path / "in")], db)
    assert (again.indexed, again.skipped) == (0, 3)
    assert snapshot(db) == before
    files[0].write_text(SEED_OPINIONS.read_text(encoding="utf-8"), encoding="utf-8")  # content changes
    changed = index([str(tmp_path / "in")], db)
    assert (changed.indexed, changed.skipped) == (1, 2)
    after = snapshot(db)
    assert len(after) == 3 and after[0][1] != before[0][1]
    assert_consistent(db)


def test_index_reports_bad_files_and_indexes_the_rest(tmp_path):
    make_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "garbage.pdf").write_bytes(os.urandom(4096))
    db = tmp_path / "s.db"
    report = index([str(tmp_path / "in")], db)
    assert report.indexed == 2
    failed = {Path(p).name: line for p, line in report.failures}
    assert set(failed) == {"empty.txt", "garbage.pdf"}
    assert "empty.txt" in failed["empty.txt"] and failed["empty.txt"].startswith("error E011")
    assert sorted(Path(p).name for p in Store(db).failures()["path"]) == ["empty.txt", "garbage.pdf"]


def test_index_cli_exit_code_and_summary(tmp_path):
    make_corpus(tmp_path / "in", 1)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "index", str(tmp_path / "in"), "--db", str(tmp_path / "s.db")],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 3
    assert "indexed 1 files (1 documents)" in proc.stderr
    assert "empty.txt: file has no text" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_index_survives_kill_9_and_next_run_completes(tmp_path):
    make_corpus(tmp_path / "in", 24)
    db = tmp_path / "s.db"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "index", str(tmp_path / "in"), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    done = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            done = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if done >= 3:
            break
    assert proc.poll() is None, "indexer finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert_consistent(db)
    partial = snapshot(db)
    assert 3 <= len(partial) < 24
    report = index([str(tmp_path / "in")], db)
    assert report.skipped == len(partial) and report.indexed == 24 - len(partial)
    clean = tmp_path / "clean.db"
    index([str(tmp_path / "in")], clean)
    assert snapshot(db) == snapshot(clean)
    assert_consistent(db)


@pytest.mark.slow
def test_two_indexers_on_one_store_do_not_corrupt_it(tmp_path):
    make_corpus(tmp_path / "in", 10)
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "pipeline.cli", "index", str(tmp_path / "in"), "--db", str(db)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    clean = tmp_path / "clean.db"
    index([str(tmp_path / "in")], clean)
    assert snapshot(db) == snapshot(clean)
    assert_consistent(db)


@pytest.mark.slow
def test_dask_engine_on_local_cluster_equals_single_process(tmp_path):
    make_corpus(tmp_path / "in", 6)
    single, dask_db = tmp_path / "single.db", tmp_path / "dask.db"
    index([str(tmp_path / "in")], single)
    report = index([str(tmp_path / "in")], dask_db, engine="dask", workers=2, parquet_dir=tmp_path / "pq")
    assert report.indexed == 6 and not report.failures
    assert snapshot(dask_db) == snapshot(single)
    import pandas as pd

    clauses = pd.read_parquet(tmp_path / "pq" / "clauses")
    assert len(clauses) == sum(row[3] for row in snapshot(single))


@pytest.mark.parametrize(
    "n_files, slots, sizes",
    [
        (0, 2, []),
        (3, 2, [1, 1, 1]),  # few files: one per task, so both workers get some
        (40, 2, [2] * 20),  # ~8 batches per worker thread at least
        (400, 2, [4] * 100),  # capped at MAX_BATCH files per task
        (401, 2, [4] * 100 + [1]),
    ],
)
def test_dask_batches_cover_every_file_in_order(n_files, slots, sizes):
    from pipeline.store.dask_engine import batches

    todo = [(f"f{i}.txt", str(i)) for i in range(n_files)]
    got = batches(todo, slots)
    assert [len(b) for b in got] == sizes
    assert [item for b in got for item in b] == todo


def test_index_report_separates_startup_from_indexing_rate():
    from pipeline.store.indexer import IndexReport

    report = IndexReport(documents=30, seconds=10.0, startup_seconds=4.0, export_seconds=1.0)
    assert report.docs_per_second == 3.0  # end to end
    assert report.indexing_docs_per_second == 6.0  # 30 documents in the 5 s spent indexing


@pytest.mark.slow
def test_local_engine_started_once_serves_several_runs(tmp_path):
    from pipeline.store.indexer import LocalEngine

    make_corpus(tmp_path / "in", 4)
    single = tmp_path / "single.db"
    index([str(tmp_path / "in")], single)
    with LocalEngine(workers=2) as engine:
        first = index([str(tmp_path / "in")], tmp_path / "a.db", engine=engine)
        second = index([str(tmp_path / "in")], tmp_path / "b.db", engine=engine)
    assert first.startup_seconds == 0.0 and second.startup_seconds == 0.0  # warmed before, by the caller
    assert (first.indexed, second.indexed) == (4, 4)
    assert snapshot(tmp_path / "a.db") == snapshot(single) == snapshot(tmp_path / "b.db")
    assert_consistent(tmp_path / "a.db")


@pytest.mark.slow
def test_dask_engine_started_once_serves_several_runs(tmp_path):
    from pipeline.store.dask_engine import DaskEngine

    make_corpus(tmp_path / "in", 5)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    single = tmp_path / "single.db"
    index([str(tmp_path / "in")], single)
    with DaskEngine(workers=2) as engine:
        first = index([str(tmp_path / "in")], tmp_path / "a.db", engine=engine, parquet_dir=tmp_path / "pa")
        second = index([str(tmp_path / "in")], tmp_path / "b.db", engine=engine, parquet_dir=tmp_path / "pb")
        assert engine.started  # index() leaves an engine it was given open
    assert first.startup_seconds == 0.0 and first.export_seconds > 0
    assert (first.indexed, second.indexed) == (5, 5)
    assert [Path(p).name for p, _ in first.failures] == ["empty.txt"]
    assert snapshot(tmp_path / "a.db") == snapshot(single) == snapshot(tmp_path / "b.db")
    assert_consistent(tmp_path / "b.db")
