"""Building the store from files: skip what is unchanged, extract the rest in parallel.

The main process owns the SQLite connection and does all writing; workers
(local processes, or Dask workers on other machines) only extract and return
plain row tuples (:func:`pipeline.store.writer.prepare`). That keeps one
writer per store, so WAL and one transaction per source file are enough for
consistency under kill -9 and concurrent runs, and it keeps the writer's own
work small: with two workers on two cores, every millisecond the writer
spends per document is taken from a worker.

Extraction runs on an *engine*: :class:`LocalEngine` (this process, or a pool
of processes) or :class:`pipeline.store.dask_engine.DaskEngine`. An engine
passed to :func:`index` already started is reused as it is, warm, which is
how a long-lived caller (or the benchmark) keeps start-up out of the rate.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, Self

from pipeline import __version__
from pipeline.errors import PolicyLensError
from pipeline.paths import expand_inputs, file_sha256
from pipeline.stages import EXTRACTION_VERSION
from pipeline.store.db import connect
from pipeline.store.writer import DocumentRows, record_failure, write_prepared

STORE_EXTRACTION_VERSION = f"policylens {__version__}; {EXTRACTION_VERSION}"

# While indexing, let the WAL grow to 64 MiB before a checkpoint (default 4 MiB).
# Each document rewrites FTS pages that the next one rewrites again; fewer
# checkpoints copy fewer stale page versions and fsync less (seed-004-sized
# documents: ~140 KiB of pages each). Closing the connection checkpoints the rest.
INDEX_WAL_AUTOCHECKPOINT_PAGES = 16_384
# start() waits at most this long for every worker process to be warm (then indexing
# starts anyway; a slow worker only joins late)
WARM_UP_TIMEOUT_S = 300

# A short notice that goes through every stage: loads the clause-kind model, the
# YAML rules and compiled patterns once per worker, before any timed or queued work
# (jieba.posseg, which only some deadline sentences need, is loaded in warm_up).
WARM_UP_TEXT = (
    "关于开展外贸转型升级试点工作的通知\n"
    "各市商务局：\n"
    "一、支持政策\n"
    "对认定的试点企业给予最高50万元奖励，所需资金从专项资金中列支。\n"
    "二、申报要求\n"
    "请各市商务局于2020年8月30日前将申报材料报送省商务厅。\n"
    "省商务厅\n"
    "2020年8月1日\n"
)


@dataclass
class ExtractedSource:
    """What a worker sends back for one input file (picklable, plain data)."""

    path: str
    sha256: str
    docs: list[DocumentRows] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU the worker process spent on it (benchmarks: load-independent cost)


@dataclass
class IndexReport:
    indexed: int = 0
    skipped: int = 0
    documents: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    # parts of ``seconds``: starting and warming the engine (0 for an engine passed in
    # started), and the Parquet export of --engine dask
    startup_seconds: float = 0.0
    export_seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        """End to end: everything this call did, start-up and export included."""
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def indexing_docs_per_second(self) -> float:
        """Extracting and writing only, with the engine already started and warm."""
        busy = self.seconds - self.startup_seconds - self.export_seconds
        return self.documents / busy if busy > 0 else 0.0


def extract_source(path: str, sha256: str) -> ExtractedSource:
    """Ingest and analyse one input file (a zip gives several documents); never raises."""
    from pipeline.cli.common import error_line
    from pipeline.ingest import load_all
    from pipeline.stages import analyse
    from pipeline.store.writer import prepare

    started, cpu = time.perf_counter(), time.process_time()
    docs: list[DocumentRows] = []
    error: str | None = None
    try:
        docs = [prepare(analyse(doc)) for doc in load_all(path)]
    except PolicyLensError as err:
        error = str(err)
    except Exception as err:  # noqa: BLE001 - one bad file must not stop the batch
        error = error_line(err, path)[0]
    return ExtractedSource(path, sha256, docs, error, time.perf_counter() - started, time.process_time() - cpu)


def extract_batch(items: list[tuple[str, str]]) -> list[ExtractedSource]:
    """:func:`extract_source` for several files: one task, one round trip."""
    return [extract_source(path, sha) for path, sha in items]


def warm_up() -> int:
    """Import and run every stage once in this process; returns the process id.

    Never raises: a stage that cannot load (a missing model file) is reported
    by the first real file it fails on, as one line naming that file.
    """
    try:
        import pipeline.cli.common  # noqa: F401 - extract_source's error lines
        from pipeline.ingest.builder import build_from_text
        from pipeline.model import Source
        from pipeline.stages import analyse
        from pipeline.store.writer import prepare

        prepare(analyse(build_from_text(Source(path="<warm-up>", format="txt", sha256=""), WARM_UP_TEXT)))
        # deadline actors tag a word with jieba.posseg only for some sentence shapes (not
        # the text above); its model takes ~1 s to load, which would land in a timed file
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        jieba.posseg.lcut("省商务厅负责")
    except Exception:  # noqa: BLE001, S110 - see docstring: a failed warm-up only costs time later
        pass
    return os.getpid()


def _ready() -> int:
    time.sleep(0.05)  # long enough that one idle worker cannot answer for all of them
    return os.getpid()


class Engine(Protocol):
    name: str
    workers: int
    started: bool

    def start(self) -> None: ...

    def results(self, todo: list[tuple[str, str]]) -> Iterator[ExtractedSource]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Extraction in this process (``workers=1``) or in a pool of warm worker processes.

    ``warm=False`` with one worker leaves loading to the first document that needs
    it, as a plain ``policylens index`` does: a run whose files all fail to read
    never loads the model at all.
    """

    name = "local"

    def __init__(self, workers: int = 1, *, warm: bool = True) -> None:
        self.workers = max(1, workers)
        self.warm = warm
        self._pool: ProcessPoolExecutor | None = None
        self.started = False

    def start(self) -> None:
        if self.started:
            return
        if self.workers == 1:
            if self.warm:
                warm_up()
        else:
            # the platform's default start method, as before: "spawn" would make every
            # script that calls Store.index(workers=2) need an ``if __name__ == "__main__"`` guard
            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=warm_up)
            # every process runs warm_up (the initializer) before its first task: wait until
            # each has answered one, so start-up is over when start() returns
            seen: set[int] = set()
            give_up = time.monotonic() + WARM_UP_TIMEOUT_S
            while len(seen) < self.workers and time.monotonic() < give_up:
                seen.update(f.result() for f in [self._pool.submit(_ready) for _ in range(self.workers)])
        self.started = True

    def results(self, todo: list[tuple[str, str]]) -> Iterator[ExtractedSource]:
        self.start()
        if self._pool is None:
            for path, sha in todo:
                yield extract_source(path, sha)
            return
        # a bounded window of files in flight: memory stays flat on a large corpus,
        # and each worker always has its next file queued
        pending: set[Future] = set()
        queue = iter(todo)
        window = 4 * self.workers
        for path, sha in queue:
            pending.add(self._pool.submit(extract_source, path, sha))
            if len(pending) >= window:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                nxt = next(queue, None)
                if nxt is not None:
                    pending.add(self._pool.submit(extract_source, *nxt))
                yield fut.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        self.started = False

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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


def make_engine(engine: str, workers: int = 1, scheduler: str | None = None) -> Engine:
    if engine == "local":
        return LocalEngine(workers, warm=workers > 1)
    if engine == "dask":
        from pipeline.store.dask_engine import DaskEngine

        return DaskEngine(workers=workers, scheduler=scheduler)
    raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")


def index(
    paths: Iterable[str],
    db: str | Path = "policylens.db",
    *,
    workers: int = 1,
    engine: str | Engine = "local",
    scheduler: str | None = None,
    parquet_dir: str | Path | None = None,
    on_progress: Callable[[ExtractedSource, int, int], None] | None = None,
) -> IndexReport:
    """Index ``paths`` (files, folders, zips) into the store at ``db``.

    ``engine="dask"`` runs extraction on a Dask cluster (``scheduler`` address,
    or a LocalCluster with ``workers`` processes) and also writes partitioned
    Parquet to ``parquet_dir`` (default: ``<db>.parquet``). ``engine`` may also
    be an engine object (:class:`LocalEngine`, ``DaskEngine``): it is started if
    needed and left open for the caller to reuse and close.
    """
    started = time.perf_counter()
    owned = isinstance(engine, str)
    runner = make_engine(engine, workers, scheduler) if isinstance(engine, str) else engine
    conn = connect(db)
    conn.execute(f"PRAGMA wal_autocheckpoint = {INDEX_WAL_AUTOCHECKPOINT_PAGES}")
    report = IndexReport(engine=runner.name, workers=runner.workers)
    try:
        todo, report.skipped, unreadable = plan_sources(conn, paths)
        for path, line in unreadable:
            record_failure(conn, path, line)
            report.failures.append((path, line))
        if todo:  # nothing changed: no cluster or pool to start
            if not runner.started:
                ready = time.perf_counter()
                runner.start()
                report.startup_seconds = time.perf_counter() - ready
            for n, res in enumerate(runner.results(todo), 1):
                if res.error:
                    record_failure(conn, res.path, res.error)
                    report.failures.append((res.path, res.error))
                else:
                    report.documents += write_prepared(conn, res.path, res.sha256, STORE_EXTRACTION_VERSION, res.docs)
                    report.indexed += 1
                if on_progress:
                    on_progress(res, n, len(todo))
        if runner.name == "dask":
            from pipeline.store.export import export

            exporting = time.perf_counter()
            export(conn, parquet_dir or Path(str(db) + ".parquet"), partition_by_year=True)
            report.export_seconds = time.perf_counter() - exporting
    finally:
        if owned:
            runner.close()
        conn.close()
    report.seconds = time.perf_counter() - started
    return report
