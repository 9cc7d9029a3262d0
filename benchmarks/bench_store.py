"""Store benchmarks: index rate by engine and worker count, store size, query latency at 5,000 documents.

Index rate is reported for seed-004-sized text documents (variations of seed 004
itself), in two honest ways that answer different questions:

- **indexing** (steady state): the engine is started and every worker warmed
  (imports, jieba, the clause-kind model) *before* the clock starts, so the rate is
  what a running indexer sustains; start-up is its own column. 2 workers are given
  as a ratio to 1 worker of the same engine, measured in the same run. (A local pool
  forks this process, already warm from the 1-worker run, so its start-up here is
  small; Dask workers are new processes and load everything.)
- **end to end**: a fresh ``policylens index`` process, timed from launch to exit:
  interpreter start, imports, pool/cluster start, warm-up, indexing, and for Dask
  the Parquet export — what a user waits for.

``main CPU ms/doc`` is the CPU the indexing process itself spent per document: with
workers, that is the single SQLite writer (plus Dask's client and scheduler, and the
Parquet export), which shares the machine's cores with the workers and so caps the
2-worker ratio; ``extract CPU ms/doc`` is what extraction cost where it ran;
``workers busy %`` is the share of the run the workers spent extracting (the rest
they waited for work, or for the writer: the engine's own inefficiency). CPU
times move much less with the machine's load than rates do: with 1 local worker,
1000 / main CPU ms is the rate one core sustains ("per core" row).

Query latencies are p50/p95 over repeated queries of several kinds on the full store.
The machine's load average is reported with the rates: on a shared machine they
(the 2-worker ratio above all) drop when other jobs run.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus_gen import SEEDS, generate
from pipeline.store import Store
from pipeline.store.indexer import IndexReport, LocalEngine, index

OUT = Path("bench-out") / "store"
TEXT_QUERIES = ["奖励", "公示", "补助", "工作日", "最高不超过", "申报材料", "专项资金", "实施方案", "奖", "外贸转型升级"]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    p50 = statistics.median(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return p50 * 1000, p95 * 1000


def _time_queries(store: Store, make_filters, n: int) -> tuple[float, float, float]:
    times, rows = [], 0
    for i in range(n):
        text, filters = make_filters(i)
        started = time.perf_counter()
        frame = store.query(text, limit=50, **filters)
        times.append(time.perf_counter() - started)
        rows += len(frame)
    p50, p95 = _percentiles(times)
    return p50, p95, rows / n


def _fresh(name: str) -> Path:
    for p in OUT.glob(f"{name}*"):
        if p.is_file():
            p.unlink()
        else:
            import shutil

            shutil.rmtree(p)
    return OUT / name


def _steady(engine, files: list[str], name: str) -> tuple[IndexReport, float, float, float, float]:
    """Start the engine (timed apart), then index ``files`` into a fresh store.

    Returns (report, start-up s, CPU s of this process, CPU s the extraction took where
    it ran, wall s the workers spent extracting).
    """
    started = time.perf_counter()
    engine.start()
    startup = time.perf_counter() - started
    db = _fresh(f"{name}.db")
    extract_cpu: list[float] = []
    extract_wall: list[float] = []

    def progress(res, n: int, total: int) -> None:
        extract_cpu.append(res.cpu_seconds)
        extract_wall.append(res.seconds)

    cpu = time.process_time()
    report = index(files, db, engine=engine, parquet_dir=_fresh(f"{name}.parquet"), on_progress=progress)
    return report, startup, time.process_time() - cpu, sum(extract_cpu), sum(extract_wall)


def _end_to_end(files: list[str], name: str, extra: list[str]) -> tuple[float, int]:
    """Seconds for a fresh ``policylens index`` process, launch to exit; and documents it indexed."""
    db = _fresh(f"{name}.db")
    cmd = [sys.executable, "-m", "pipeline.cli", "index", *files, "--db", str(db), *extra]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, check=False)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} … exited {proc.returncode}: {proc.stderr[-500:]}")
    return seconds, len(Store(db).table("documents"))


def _rate_rows(files: list[str], quick: bool) -> list[dict]:
    from pipeline.store.dask_engine import DaskEngine

    n = len(files)
    name = f"index {n} seed-004-sized docs"
    rows: list[dict] = []
    load_before = os.getloadavg()[0]

    configs = [("local", 1), ("local", 2), ("dask", 1), ("dask", 2)]
    if quick:  # a Dask cluster takes ~10 s to start and warm: not in a < 30 s smoke run
        configs = [("local", 1), ("local", 2)]
    rate: dict[tuple[str, int], float] = {}
    for kind, workers in configs:
        engine = LocalEngine(workers) if kind == "local" else DaskEngine(workers=workers)
        try:
            report, startup, cpu, extract_cpu, extract_wall = _steady(engine, files, f"rate_{kind}_{workers}")
        finally:
            engine.close()
        if report.failures:
            raise RuntimeError(f"{kind} {workers}: {len(report.failures)} files failed, e.g. {report.failures[0]}")
        rate[(kind, workers)] = report.indexing_docs_per_second
        one = rate.get((kind, 1))
        rows.append({
            "name": f"{name}: indexing (warm)", "metric": "docs/s",
            "engine": f"{kind}, {workers} worker{'s' if workers > 1 else ''}",
            "value": rate[(kind, workers)],
            "ratio": rate[(kind, workers)] / one if one else None,
            "vs local 1": rate[(kind, workers)] / rate[("local", 1)],
            "start-up s": startup,
            "export s": report.export_seconds or None,
            "main CPU ms/doc": 1000 * cpu / report.documents,
            "extract CPU ms/doc": 1000 * extract_cpu / report.documents,
            # share of the run the workers spent extracting: near 100% means the engine
            # never left one waiting for work or for the writer, whatever the load
            "workers busy %": 100 * extract_wall / (workers * (report.seconds - report.export_seconds)),
        })
        if (kind, workers) == ("local", 1):
            # in-process: this process's CPU is the whole cost of a document, so this is the
            # rate one core sustains, whatever else the machine is running
            rows.append({"name": f"{name}: per core (1000 / main CPU ms per doc)", "metric": "docs/CPU-s",
                         "engine": "local, 1 worker", "value": report.documents / cpu})

    if not quick:  # each is a full index run in a new process: too slow for a smoke run
        e2e: dict[tuple[str, int], float] = {}
        for kind, workers in [("local", 1), ("local", 2), ("dask", 2)]:
            seconds, docs = _end_to_end(files, f"e2e_{kind}_{workers}", ["--engine", kind, "--workers", str(workers)])
            e2e[(kind, workers)] = docs / seconds
            rows.append({
                "name": f"{name}: end to end (policylens index)", "metric": "docs/s",
                "engine": f"{kind}, {workers} worker{'s' if workers > 1 else ''}",
                "value": e2e[(kind, workers)], "vs local 1": e2e[(kind, workers)] / e2e[("local", 1)],
                "seconds": seconds,
            })
    rows.append({"name": "machine load during the rate runs", "metric": "1-min load average",
                 "value": load_before, "after": os.getloadavg()[0], "cores": os.cpu_count()})
    rows.append(_machine_parallel_row())
    return rows


def _burn(n: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - start


def _machine_parallel_row(n: int = 10_000_000) -> dict:
    """What two processes of pure Python arithmetic get on this machine, measured in the same run.

    A 2-worker indexing ratio can never beat this ceiling: on a shared or throttled
    host two "cores" gave 1.14x here (2026-11-23), and the indexing ratios must be read against it.
    """
    import multiprocessing

    one = _burn(n)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [n, n])
        two = time.perf_counter() - start
    return {"name": "machine ceiling: 2 processes of pure CPU work vs 1", "metric": "speed-up",
            "value": 2 * one / two, "cores": os.cpu_count()}


def run(quick: bool = False) -> list[dict]:
    n_docs = 200 if quick else 5000
    n_rate = 16 if quick else 400  # documents timed for the rates
    corpus = generate(OUT / "corpus", n_docs)
    # the rate target is stated for text documents the size of seed 004 (7,353 chars):
    # variations of seed 004 itself, figures and dates changed
    seed_004 = (SEEDS / "004_8ce19e87db4bba9c.txt").read_text(encoding="utf-8")
    rate_corpus = [str(p) for p in generate(OUT / "corpus_seed004", n_rate, bases=[seed_004])]
    full = OUT / "full.db"
    # built (once, then reused) before the rate runs: its local pool forks this process,
    # which should not yet hold a Dask client's threads
    if not full.exists() or Store(full).stats()["totals"]["documents"][0] < n_docs:
        _fresh("full.db")
        index([str(p) for p in corpus], full, workers=2)
    rows = _rate_rows(rate_corpus, quick)
    stats = Store(full).stats()["totals"].iloc[0]
    size = sum(p.stat().st_size for p in OUT.glob("full.db*"))
    rows.append({"name": f"store at {stats['documents']} docs", "metric": "KiB per document",
                 "value": size / 1024 / stats["documents"], "engine": f"{stats['clauses']} clauses"})

    store = Store(full)
    rng = random.Random(3)
    n_q = 40 if quick else 200
    cases = {
        "text": lambda i: (TEXT_QUERIES[i % len(TEXT_QUERIES)], {}),
        "amount range": lambda i: (None, {"min_amount": rng.choice([1e4, 1e5, 1e6, 5e6]), "max_amount": 1e9}),
        "deadline range": lambda i: (None, {"deadline_after": f"{rng.randint(2015, 2025)}-01-01",
                                            "deadline_before": f"{rng.randint(2015, 2026)}-12-31"}),
        "text + kind + amount": lambda i: ("奖励", {"kind": "funding_reward", "min_amount": 1e5}),
        "rare text (FTS path)": lambda i: (["鲁商字〔2018〕191号", "枣庄英才集聚工程", "二手车出口试点"][i % 3], {}),
    }
    for name, make in cases.items():
        p50, p95, avg_rows = _time_queries(store, make, n_q)
        rows.append({"name": f"query: {name}", "metric": "ms p50 / p95", "value": p50, "p95": p95,
                     "rows/query": avg_rows})
    return rows
