"""Shared by the rubric tests: compile quietly, and read a checklist as triples, name paths or list elements."""

from __future__ import annotations

import warnings
from pathlib import Path

from pipeline.rubric import compile_rubric
from pipeline.rubric.compiler import enumeration
from pipeline.rubric.schema import Rubric, RubricItem


def compile_quietly(notice: str | Path) -> Rubric:
    """The compiled checklist, with the empty-checklist warning silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compile_rubric(notice)


def compile_text(text: str) -> Rubric:
    """A notice snippet compiled quietly (a final newline ends its last line)."""
    return compile_quietly(text + "\n")


def item_triples(notice: str | Path) -> list[tuple[str, str, str | None]]:
    """(kind, name, parent name) of every item, in order; the empty-checklist warning is silenced."""
    rubric = compile_quietly(notice)
    by_id = {i.id: i for i in rubric.items}
    return [(i.kind, i.name, by_id[i.parent].name if i.parent else None) for i in rubric.items]


def item_paths(rubric: Rubric) -> dict[str, RubricItem]:
    """name path -> item: "实施方案/建设基础" as corpora/plans/GUIDE.md names items."""
    by_id = {i.id: i for i in rubric.items}

    def path(item: RubricItem) -> str:
        names = [item.name]
        while item.parent:
            item = by_id[item.parent]
            names.append(item.name)
        return "/".join(reversed(names))

    return {path(i): i for i in rubric.items}


def text_paths(text: str) -> dict[str, RubricItem]:
    """name path -> item of a notice snippet's checklist."""
    return item_paths(compile_text(text))


def item_tree(rubric: Rubric) -> dict[str, tuple[str, str]]:
    """name path -> (kind, check)."""
    return {p: (i.kind, i.check) for p, i in item_paths(rubric).items()}


def enumerated(text: str) -> list[str]:
    """The elements ``enumeration`` splits the whole of ``text`` into."""
    return [text[s:e] for s, e in enumeration(text, 0, len(text))]
