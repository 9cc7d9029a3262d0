"""Building the store from files: skip what is unchanged, extract the rest in parallel.

The main process owns the SQLite connection and does all writing; workers
(local processes, or Dask workers on other machines) only extract and return
plain dicts. That keeps one writer per store, so WAL and one transaction
per source file are enough for consistency under kill -9 and concurrent runs.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from pipeline import __version__
from pipeline.errors import PolicyLensError
from pipeline.paths import expand_inputs, file_sha256
from pipeline.stages import EXTRACTION_VERSION
from pipeline.store.db import connect
from pipeline.store.writer import record_failure, write_source

STORE_EXTRACTION_VERSION = f"policylens {__version__}; {EXTRACTION_VERSION}"


@dataclass
class ExtractedSource:
    """What a worker sends back for one input file (picklable, plain data)."""

    path: str
    sha256: str
    docs: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


@dataclass
class IndexReport:
    indexed: int = 0
    skipped: int = 0
    documents: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def extract_source(path: str, sha256: str) -> ExtractedSource:
    """Ingest and analyse one input file (a zip gives several documents); never raises."""
    from pipeline.cli.common import error_line
    from pipeline.ingest import load_all
    from pipeline.stages import analyse

    started = time.perf_counter()
    try:
        docs = [analyse(doc).to_dict() for doc in load_all(path)]
        return ExtractedSource(path, sha256, docs, None, time.perf_counter() - started)
    except PolicyLensError as err:
        return ExtractedSource(path, sha256, [], str(err), time.perf_counter() - started)
    except Exception as err:  # noqa: BLE001 - one bad file must not stop the batch
        return ExtractedSource(path, sha256, [], error_line(err, path)[0], time.perf_counter() - started)


def plan_sources(conn, paths: Iterable[str]) -> tuple[list[tuple[str, str]], int, list[tuple[str, str]]]:
    """Split inputs into (to index, number unchanged, unreadable)."""
    todo: list[tuple[str, str]] = []
    unreadable: list[tuple[str, str]] = []
    skipped = 0
    known = {
        row["path"]: (row["sha256"], row["extraction_version"])
        for row in conn.execute("SELECT path, sha256, extraction_version FROM sources")
    }
    for path in expand_inputs(paths):
        key = str(Path(path))
        try:
            sha = file_sha256(path)
        except OSError as exc:
            unreadable.append((key, f"error E010: {key}: cannot read ({exc.strerror})"))
            continue
        if known.get(key) == (sha, STORE_EXTRACTION_VERSION):
            skipped += 1
        else:
            todo.append((key, sha))
    return todo, skipped, unreadable


def _local_results(todo: list[tuple[str, str]], workers: int) -> Iterator[ExtractedSource]:
    if workers <= 1:
        for path, sha in todo:
            yield extract_source(path, sha)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(extract_source, path, sha) for path, sha in todo]
        for fut in as_completed(futures):
            yield fut.result()


def index(
    paths: Iterable[str],
    db: str | Path = "policylens.db",
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    parquet_dir: str | Path | None = None,
    on_progress: Callable[[ExtractedSource, int, int], None] | None = None,
) -> IndexReport:
    """Index ``paths`` (files, folders, zips) into the store at ``db``.

    ``engine="dask"`` runs extraction on a Dask cluster (``scheduler`` address,
    or a LocalCluster with ``workers`` processes) and also writes partitioned
    Parquet to ``parquet_dir`` (default: ``<db>.parquet``).
    """
    started = time.perf_counter()
    conn = connect(db)
    report = IndexReport(engine=engine, workers=workers)
    try:
        todo, report.skipped, unreadable = plan_sources(conn, paths)
        for path, line in unreadable:
            record_failure(conn, path, line)
            report.failures.append((path, line))
        if engine == "dask":
            from pipeline.store.dask_engine import dask_results

            results: Iterable[ExtractedSource] = dask_results(todo, workers=workers, scheduler=scheduler)
        elif engine == "local":
            results = _local_results(todo, workers)
        else:
            raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")
        for n, res in enumerate(results, 1):
            if res.error:
                record_failure(conn, res.path, res.error)
                report.failures.append((res.path, res.error))
            else:
                report.documents += write_source(conn, res.path, res.sha256, STORE_EXTRACTION_VERSION, res.docs)
                report.indexed += 1
            if on_progress:
                on_progress(res, n, len(todo))
        if engine == "dask":
            from pipeline.store.export import export

            export(conn, parquet_dir or Path(str(db) + ".parquet"), partition_by_year=True)
    finally:
        conn.close()
    report.seconds = time.perf_counter() - started
    return report
