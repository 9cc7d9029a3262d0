"""Extraction on a Dask distributed cluster.

Workers run :func:`pipeline.store.indexer.extract_source` and return plain
dicts; the client writes SQLite and Parquet. On a real multi-machine cluster
every worker needs PolicyLens installed (same version) and read access to the
input paths (a shared filesystem or the same mount point); nothing else.
"""

from __future__ import annotations

from typing import Iterator

from pipeline.store.indexer import ExtractedSource, extract_source


def dask_results(todo: list[tuple[str, str]], *, workers: int = 2, scheduler: str | None = None) -> Iterator[ExtractedSource]:
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # processes, one thread each: extraction is CPU-bound Python (GIL)
        cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True,
            dashboard_address=None, silence_logs=40,
        )
        client = Client(cluster)
    try:
        futures = client.map(extract_source, [p for p, _ in todo], [s for _, s in todo], pure=False)
        for fut in as_completed(futures):
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
