"""PolicyLens: read Chinese policy documents, extract what they require and offer, screen plans.

The public Python API. Names are imported lazily so that ``import pipeline``
stays fast and light; the heavy parts (jieba, spaCy, OCR) load on first use.

    >>> import pipeline
    >>> doc = pipeline.extract("notice.txt")          # ingest + structure + extraction
    >>> rubric = pipeline.compile_rubric("notice.txt")
    >>> result = pipeline.check("plan.docx", rubric)  # .score, .items, .to_frame()
    >>> pipeline.Store("policylens.db").query("奖励", kind="funding_reward")
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
    "Document": "pipeline.model",
    "Block": "pipeline.model",
    "BlockKind": "pipeline.model",
    "load": "pipeline.ingest",
    "load_all": "pipeline.ingest",
    "analyse": "pipeline.stages",
    "extract": "pipeline.api",
    "compile_rubric": "pipeline.rubric",
    "load_rubric": "pipeline.rubric",
    "check": "pipeline.check",
    "Store": "pipeline.store",
    "PolicyLensError": "pipeline.errors",
}

__all__ = [*_LAZY, "__version__"]  # noqa: PLE0604 - the lazily imported names, all strings


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
