"""Helpers for the structure tests: Documents from files (through ingestion, so
offsets index the normalised text) and from short constructed texts."""

from __future__ import annotations

from pathlib import Path

from pipeline.model import Document, Source
from pipeline.stages import analyse

STRUCTURE_STAGES = (
    "structure.headings.v1",
    "structure.metadata.v1",
    "structure.attachments.v1",
    "structure.contacts.v1",
    "structure.citations.v1",
)


def text_doc(text: str) -> Document:
    """A Document over ``text`` as written (constructed inputs are already normal)."""
    return Document(source=Source(path="<test>", format="txt", sha256="0" * 64), text=text)


def load_doc(path: Path) -> Document:
    from pipeline.ingest import load

    return load(path)


def structure_file(path: Path) -> Document:
    return analyse(load_doc(path), STRUCTURE_STAGES)


def structure_text(text: str) -> Document:
    return analyse(text_doc(text), STRUCTURE_STAGES)
