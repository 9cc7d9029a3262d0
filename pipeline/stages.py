"""The analysis stages, by versioned name, and the default order they run in.

A stage is a callable ``Document -> Document`` that adds annotations (spaCy's
component idea without spaCy). Names are versioned so that a store can
record which extraction produced its rows. Stages are imported lazily: a
reviewer who only needs ``policylens text`` never pays for loading jieba or
the classifier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from pipeline.model import Document

Stage = Callable[[Document], Document]

# name -> "module:function"; order here is the default run order.
STAGES: dict[str, str] = {
    "structure.headings.v1": "pipeline.structure.headings:detect_sections",
    "structure.metadata.v1": "pipeline.structure.metadata:extract_metadata",
    "structure.attachments.v1": "pipeline.structure.attachments:extract_attachments",
    "structure.contacts.v1": "pipeline.structure.contacts:extract_contacts",
    "structure.citations.v1": "pipeline.structure.citations:extract_citations",
    "extract.clauses.v1": "pipeline.extract.clauses:extract_clauses",
    "extract.amounts.v1": "pipeline.extract.amounts:extract_amounts",
    "extract.deadlines.v1": "pipeline.extract.deadlines:extract_deadlines",
}

DEFAULT_STAGES: tuple[str, ...] = tuple(STAGES)
EXTRACTION_VERSION = "+".join(DEFAULT_STAGES)


def get_stage(name: str) -> Stage:
    try:
        target = STAGES[name]
    except KeyError:
        raise KeyError(f"unknown stage {name!r}; known: {', '.join(STAGES)}") from None
    module, func = target.split(":")
    return getattr(import_module(module), func)


def analyse(doc: Document, stages: Iterable[str] = DEFAULT_STAGES) -> Document:
    """Run ``stages`` in order on ``doc`` and record their names on it."""
    for name in stages:
        doc = get_stage(name)(doc)
        doc.stages.append(name)
    return doc
