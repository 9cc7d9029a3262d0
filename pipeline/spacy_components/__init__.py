"""spaCy components that put PolicyLens findings on a ``Doc``.

    >>> import spacy, pipeline.spacy_components  # registers the factories
    >>> nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    >>> nlp.add_pipe("policylens_amounts")
    >>> doc = nlp("每个试点县奖励资金最高800万元")
    >>> [(s.text, s._.amount_value, s._.amount_kind) for s in doc.spans["policylens_amounts"]]

Each component runs the same stage as ``policylens extract`` on a Document
built from ``doc.text`` — the extractors work on characters, before any
segmentation — and maps the character offsets to tokens with
``doc.char_span(..., alignment_mode="expand")``: jieba may cut "800万元"
differently from the amount's edges, and a finding must never be dropped for
that. Normalised values ride on the spans as extension attributes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.model import Document, Source

# extension name -> how to read it from the PolicyLens annotation
AMOUNT_ATTRS: dict[str, Callable[[Any], Any]] = {
    "amount_value": lambda a: a.value,
    "amount_kind": lambda a: a.kind,
    "amount_currency": lambda a: a.currency,
    "amount_low": lambda a: a.low,
    "amount_high": lambda a: a.high,
    "amount_percent": lambda a: a.percent,
    "amount_cap": lambda a: a.cap,
    "amount_role": lambda a: a.role,
}
DEADLINE_ATTRS: dict[str, Callable[[Any], Any]] = {
    "deadline_date": lambda d: d.date,
    "deadline_kind": lambda d: d.kind,
    "deadline_duration": lambda d: d.duration.to_dict() if d.duration else None,
    "deadline_recurrence": lambda d: d.recurrence,
    "deadline_actor": lambda d: d.actor,
    "deadline_action": lambda d: d.action,
}
CLAUSE_ATTRS: dict[str, Callable[[Any], Any]] = {
    "clause_id": lambda c: c.id,
    "clause_kind": lambda c: c.kind,
    "clause_confidence": lambda c: c.confidence,
    "clause_section": lambda c: c.section,
}


def _register_extensions() -> None:
    for attrs in (AMOUNT_ATTRS, DEADLINE_ATTRS, CLAUSE_ATTRS):
        for name in attrs:
            if not Span.has_extension(name):
                Span.set_extension(name, default=None)


_register_extensions()


def document_for(text: str) -> Document:
    """A bare PolicyLens Document over ``text`` (no ingestion: the text is already normalised)."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(source=Source(path="<spacy>", format="text", sha256=sha, size=len(text)), text=text)


@dataclass
class StageSpans:
    """Run PolicyLens stages on ``doc.text`` and store their findings as spans under ``spans_key``."""

    name: str
    stages: tuple[str, ...]
    field: str  # Document attribute holding the findings: amounts, deadlines, clauses
    label: Callable[[Any], str]
    attrs: dict[str, Callable[[Any], Any]]
    spans_key: str
    alignment_mode: str = "expand"

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.stages import get_stage

        pdoc = document_for(doc.text)
        for stage in self.stages:
            pdoc = get_stage(stage)(pdoc)
        spans: list[Span] = []
        for item in getattr(pdoc, self.field):
            span = doc.char_span(item.start, item.end, label=self.label(item), alignment_mode=self.alignment_mode)
            if span is None:  # only possible with alignment_mode="strict"
                continue
            for ext, read in self.attrs.items():
                span._.set(ext, read(item))
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


def _setup_segmenter(nlp: Language) -> None:
    """Load the policy user dictionary into jieba when the pipeline segments with it."""
    segmenter = getattr(nlp.tokenizer, "segmenter", None)
    if str(segmenter) in ("jieba", "Segmenter.jieba"):
        from pipeline.extract.segment import setup_jieba

        setup_jieba()


@Language.factory(
    "policylens_amounts",
    default_config={"spans_key": "policylens_amounts", "alignment_mode": "expand"},
)
def make_amounts_component(nlp: Language, name: str, spans_key: str, alignment_mode: str) -> StageSpans:
    """Money amounts normalised to units of currency (``Span._.amount_value``, ``_.amount_kind`` …)."""
    _setup_segmenter(nlp)
    return StageSpans(name, ("extract.amounts.v1",), "amounts", lambda a: a.kind, AMOUNT_ATTRS, spans_key, alignment_mode)


@Language.factory(
    "policylens_deadlines",
    default_config={"spans_key": "policylens_deadlines", "alignment_mode": "expand"},
)
def make_deadlines_component(nlp: Language, name: str, spans_key: str, alignment_mode: str) -> StageSpans:
    """Time limits with ISO dates or durations (``Span._.deadline_date``, ``_.deadline_kind`` …)."""
    _setup_segmenter(nlp)
    return StageSpans(name, ("extract.deadlines.v1",), "deadlines", lambda d: d.kind, DEADLINE_ATTRS, spans_key, alignment_mode)


@Language.factory(
    "policylens_clauses",
    default_config={"spans_key": "policylens_clauses", "alignment_mode": "expand"},
)
def make_clauses_component(nlp: Language, name: str, spans_key: str, alignment_mode: str) -> StageSpans:
    """Typed clauses (``Span.label_`` and ``Span._.clause_kind``: eligibility, funding_reward, …)."""
    _setup_segmenter(nlp)
    return StageSpans(name, ("extract.clauses.v1",), "clauses", lambda c: c.kind, CLAUSE_ATTRS, spans_key, alignment_mode)


FACTORIES = {
    "policylens_amounts": "pipeline.spacy_components:make_amounts_component",
    "policylens_deadlines": "pipeline.spacy_components:make_deadlines_component",
    "policylens_clauses": "pipeline.spacy_components:make_clauses_component",
}

__all__ = [
    "FACTORIES",
    "StageSpans",
    "document_for",
    "make_amounts_component",
    "make_clauses_component",
    "make_deadlines_component",
]
