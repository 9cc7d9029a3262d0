"""Shared by the rubric tests: a compiled checklist as (kind, name, parent name) triples."""

from __future__ import annotations

import warnings
from pathlib import Path

from pipeline.rubric import compile_rubric


def item_triples(notice: str | Path) -> list[tuple[str, str, str | None]]:
    """(kind, name, parent name) of every item, in order; the empty-checklist warning is silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rubric = compile_rubric(notice)
    by_id = {i.id: i for i in rubric.items}
    return [(i.kind, i.name, by_id[i.parent].name if i.parent else None) for i in rubric.items]
