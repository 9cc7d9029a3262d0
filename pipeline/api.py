"""Convenience entry points that chain ingestion and analysis."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.config import DEFAULT_LIMITS, Limits
from pipeline.model import Document
from pipeline.stages import DEFAULT_STAGES, analyse


def extract(
    source: str | Path | Document,
    *,
    stages: Iterable[str] = DEFAULT_STAGES,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Ingest ``source`` (a path or an already-loaded Document) and run the analysis stages."""
    from pipeline.ingest import load

    doc = source if isinstance(source, Document) else load(source, limits=limits)
    return analyse(doc, stages)
