"""Extraction on a Dask distributed cluster.

Workers run :func:`pipeline.store.indexer.extract_batch` and return plain row
tuples; the client writes SQLite (one transaction per file, as results
arrive) and Parquet. On a real multi-machine cluster every worker needs
PolicyLens installed (same version) and read access to the input paths (a
shared filesystem or the same mount point); nothing else.

Three things keep the workers busy rather than waiting:

- every worker is warmed once by :class:`WarmPipeline` (imports, jieba's
  dictionaries, the clause-kind model) when it joins, not by its first task;
- files go out in small batches (one task, one round trip for several files);
- only a few batches per worker are in flight, more are submitted as results
  come back, so a large corpus never sits in the scheduler or in memory at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Self

import dask
from distributed.diagnostics.plugin import WorkerPlugin

from pipeline.store.indexer import ExtractedSource, extract_batch, warm_up

# Files per task: large enough that scheduling and transfer overhead (a few ms a
# task) is small next to extraction (35-90 ms a seed-004-sized file), small enough
# that the last batches do not leave one worker idle for long.
MAX_BATCH = 4
# Batches in flight per worker thread: one running, one queued behind it.
IN_FLIGHT_PER_SLOT = 2

# Worker settings for the LocalCluster we start (a cluster at --scheduler keeps its own).
# Measured on seed-004-sized documents, CPU per document in a worker vs in-process:
# distributed's default MALLOC_TRIM_THRESHOLD_=65536 (return freed memory to the OS
# early, for workers holding large arrays) made the allocation-heavy extraction ~13%
# slower, and the statistical profiler (a stack sample every 10 ms, for a dashboard
# we do not start) ~7%; without both, a worker costs what one process does.
LOCAL_WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}


class WarmPipeline(WorkerPlugin):
    """Loads the pipeline in each worker as it joins the cluster."""

    name = "policylens-warm-pipeline"

    async def setup(self, worker) -> None:
        # in a thread: the worker's event loop keeps answering heartbeats during the
        # few seconds the model and dictionaries take to load
        await asyncio.to_thread(warm_up)


def batches(todo: list[tuple[str, str]], slots: int, max_batch: int = MAX_BATCH) -> list[list[tuple[str, str]]]:
    """``todo`` cut into batches: at least ~8 per worker thread, at most ``max_batch`` files each."""
    size = max(1, min(max_batch, len(todo) // (8 * max(1, slots))))
    return [todo[i : i + size] for i in range(0, len(todo), size)]


class DaskEngine:
    """A Dask client: a LocalCluster of ``workers`` processes, or the cluster at ``scheduler``."""

    name = "dask"

    def __init__(self, workers: int = 2, scheduler: str | None = None, max_batch: int = MAX_BATCH) -> None:
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self.max_batch = max_batch
        self.client = None
        self.cluster = None

    @property
    def started(self) -> bool:
        return self.client is not None

    def start(self) -> None:
        if self.client is not None:
            return
        from dask.distributed import Client, LocalCluster

        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            # processes, one thread each: extraction is CPU-bound Python (GIL)
            with dask.config.set(LOCAL_WORKER_CONFIG):
                self.cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
            self.client = Client(self.cluster)
            self.client.wait_for_workers(self.workers)
        # runs setup() on every current worker before returning, and on any that join later
        self.client.register_plugin(WarmPipeline())

    def _slots(self) -> int:
        workers = self.client.scheduler_info().get("workers", {})
        return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    def results(self, todo: list[tuple[str, str]]) -> Iterator[ExtractedSource]:
        from dask.distributed import as_completed

        self.start()
        slots = self._slots()
        queue = iter(batches(todo, slots, self.max_batch))
        running = as_completed()
        for _ in range(IN_FLIGHT_PER_SLOT * slots):
            batch = next(queue, None)
            if batch is None:
                break
            running.add(self.client.submit(extract_batch, batch, pure=False))
        for fut in running:
            batch = next(queue, None)
            if batch is not None:
                running.add(self.client.submit(extract_batch, batch, pure=False))
            results = fut.result()
            fut.release()
            yield from results

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def dask_results(todo: list[tuple[str, str]], *, workers: int = 2, scheduler: str | None = None) -> Iterator[ExtractedSource]:
    """Extract ``todo`` on a cluster started (and closed) for this call."""
    with DaskEngine(workers=workers, scheduler=scheduler) as engine:
        yield from engine.results(todo)
