"""The document model every stage reads and annotates.

One `Document` holds the normalised text of a source file and, as stages run,
the annotations found in it. Every annotation that points into the text
carries ``start``/``end`` character offsets into ``Document.text`` so that
``doc.text[a.start:a.end] == a.text`` holds for every span: a reviewer can
always be shown exactly where a finding came from.

Stages add annotations; none rewrites ``Document.text`` after ingestion,
because every offset already handed out would silently go stale.

The JSON produced by :meth:`Document.to_dict` is the public, documented
schema (``pipeline/data/schema/document.schema.json``); keep them in step.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class BlockKind(StrEnum):
    """Layout roles a reader recognises before any policy-specific parsing."""

    HEADING = "heading"  # a heading *candidate*: style, numbering or layout says so
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"  # the whole table; its text is rows joined by \n, cells by \t
    TABLE_CELL = "table_cell"
    HEADER = "header"  # running header: kept out of Document.text
    FOOTER = "footer"  # running footer / page number: kept out of Document.text


# Block.style of a heading *guessed* from numbering in plain text (no styles to go
# by). Readers with real evidence (Word styles, PDF layout) leave their own style;
# the structure stage trusts those, and judges guessed ones like any other line.
GUESSED_HEADING_STYLE = "numbered-line"


@dataclass(slots=True)
class Source:
    """Where a document came from, so any finding can be traced to a file."""

    path: str
    format: str  # txt, docx, pdf, doc, wps, rtf, odt, html, png, jpg, ...
    sha256: str
    size: int = 0
    encoding: str | None = None  # detected text encoding, for text formats
    member: str | None = None  # path inside an archive, when read from a zip

    @property
    def display_name(self) -> str:
        return f"{self.path}!{self.member}" if self.member else self.path


@dataclass(slots=True)
class Block:
    """A layout unit of the source with its place in the normalised text.

    Body blocks have ``start``/``end`` offsets into ``Document.text``.
    Running headers and footers are kept out of the text (they would break
    sentences at every page) and carry their own ``content`` instead, with
    ``start``/``end`` left as ``None``.
    """

    kind: BlockKind
    start: int | None
    end: int | None
    page: int | None = None  # 1-based page number, for paged formats
    style: str | None = None  # source style name, e.g. Word's "Heading 1"
    level: int | None = None  # heading level the source declares (style/outline)
    ocr: bool = False
    confidence: float | None = None  # OCR confidence 0..1, when ocr
    row: int | None = None  # table cells: 0-based row
    col: int | None = None  # table cells: 0-based column
    parent: int | None = None  # table cells: index of their table block
    content: str | None = None  # header/footer text (not part of Document.text)

    def text_in(self, text: str) -> str:
        if self.start is None or self.end is None:
            return self.content or ""
        return text[self.start : self.end]


@dataclass(slots=True)
class Section:
    """A node of the heading tree; ``start``/``end`` cover heading and body."""

    id: str
    level: int  # 1 = top level of the body
    number: str | None  # the numbering as written: "一、", "（二）", "第三条", "附件1"
    title: str  # heading text without its number
    start: int
    end: int
    parent: str | None = None
    heading_start: int | None = None
    heading_end: int | None = None
    style: str | None = None  # numbering style key: cn_dun, cn_paren, arabic_dot, article, ...


@dataclass(slots=True)
class Clause:
    """A span a researcher would quote: a sentence, or a whole tier list."""

    id: str
    section: str | None
    kind: str  # a label from pipeline/data/clause_kinds.yaml
    start: int
    end: int
    text: str
    confidence: float | None = None
    kinds: list[str] = field(default_factory=list)  # secondary labels, if any


@dataclass(slots=True)
class Amount:
    """A money amount, normalised to units of its currency.

    ``kind`` is one of exact, cap, floor, range, rate, percent, per_unit.
    ``percent`` is a number like 10 for 10%; ``base`` names what it applies
    to ("年度实际投资额"); ``cap`` is the amount that limits it.
    """

    text: str
    start: int
    end: int
    value: float | None
    currency: str = "CNY"
    kind: str = "exact"
    low: float | None = None
    high: float | None = None
    low_inclusive: bool | None = None
    high_inclusive: bool | None = None
    percent: float | None = None
    base: str | None = None
    cap: float | None = None
    per: str | None = None  # per_unit: the unit the rate is per ("美元", "平方米")
    # Tier lists ("达5亿元、3亿元…分别给予30万元、20万元…") link threshold -> reward:
    # members of one list share ``tier_group``; ``tier_index`` pairs a threshold
    # with the reward of the same index.
    role: str | None = None  # threshold | reward | None
    tier_group: str | None = None
    tier_index: int | None = None
    clause: str | None = None


@dataclass(slots=True)
class Duration:
    value: float
    unit: str  # workday | day | week | month | year | hour

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit}


@dataclass(slots=True)
class Deadline:
    """A time limit: a due date, a period, or a recurring date.

    ``kind`` is one of due_by, on_date, start, period, recurring, range_end.
    ``date`` is ISO (yyyy-mm-dd) when it can be resolved, else None.
    """

    text: str
    start: int
    end: int
    date: str | None = None
    duration: Duration | None = None
    recurrence: str | None = None  # e.g. "yearly:03-31", "monthly:end"
    kind: str = "due_by"
    actor: str | None = None
    action: str | None = None
    year_inferred: bool = False
    clause: str | None = None
    warnings: list[str] = field(default_factory=list)
    anchor: str | None = None  # the event a period counts from: "收到申请之日起"


@dataclass(slots=True)
class Citation:
    """A document the text refers to: 《title》 and/or its 文号."""

    text: str
    start: int
    end: int
    title: str | None = None
    doc_number: str | None = None


@dataclass(slots=True)
class Contact:
    text: str
    start: int
    end: int
    name: str | None = None
    organisation: str | None = None
    phones: list[str] = field(default_factory=list)
    address: str | None = None
    email: str | None = None


@dataclass(slots=True)
class Attachment:
    """An attachment the document lists (附件1：…) or carries."""

    number: str | None
    title: str
    start: int
    end: int


@dataclass(slots=True)
class Meta:
    title: str | None = None
    doc_number: str | None = None  # 文号, e.g. 市中发〔2020〕12号
    issuers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # 主送机关
    date: str | None = None  # 成文日期, ISO
    issued_date: str | None = None  # 印发日期, ISO
    spans: dict[str, list[int]] = field(default_factory=dict)  # field -> [start, end]


@dataclass(slots=True)
class Document:
    """A source file's normalised text plus everything found in it."""

    source: Source
    text: str
    blocks: list[Block] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    sections: list[Section] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # names of the stages that ran

    # ----- derived views (computed, never stored) -------------------------
    def body_blocks(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.start is not None)

    def section_at(self, offset: int) -> Section | None:
        """The deepest section whose span contains ``offset``."""
        best: Section | None = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level >= best.level):
                best = s
        return best

    def section_path(self, section_id: str | None) -> list[Section]:
        """Root-to-leaf list of sections ending at ``section_id``."""
        by_id = {s.id: s for s in self.sections}
        path: list[Section] = []
        while section_id is not None and section_id in by_id:
            path.append(by_id[section_id])
            section_id = by_id[section_id].parent
        return list(reversed(path))

    def clause_at(self, offset: int) -> Clause | None:
        """The clause holding ``offset``. Clauses are in text order and do not overlap (the clause
        stage's invariant), so a binary search finds it: a scan made every amount and deadline
        lookup linear in the clause count (a 1 M-character text took minutes, robustness sweep)."""
        i = bisect.bisect_right(self.clauses, offset, key=lambda c: c.start) - 1
        if i >= 0 and self.clauses[i].start <= offset < self.clauses[i].end:
            return self.clauses[i]
        return None

    def spans(self) -> Iterator[tuple[str, Any]]:
        """Every annotation that carries offsets, for invariant checks."""
        for name in ("clauses", "amounts", "deadlines", "citations", "contacts"):
            for item in getattr(self, name):
                yield name, item

    # ----- serialisation --------------------------------------------------
    def to_dict(self, *, include_blocks: bool = False) -> dict[str, Any]:
        """The stable JSON shape documented in document.schema.json."""
        out: dict[str, Any] = {
            "source": {
                "path": self.source.path,
                "sha256": self.source.sha256,
                "format": self.source.format,
                "member": self.source.member,
                "encoding": self.source.encoding,
                "size": self.source.size,
            },
            "meta": {
                "title": self.meta.title,
                "doc_number": self.meta.doc_number,
                "issuers": list(self.meta.issuers),
                "recipients": list(self.meta.recipients),
                "date": self.meta.date,
                "issued_date": self.meta.issued_date,
                "spans": {k: list(v) for k, v in self.meta.spans.items()},
            },
            "text": self.text,
            "sections": [
                {
                    "id": s.id,
                    "level": s.level,
                    "number": s.number,
                    "title": s.title,
                    "start": s.start,
                    "end": s.end,
                    "parent": s.parent,
                    # QA F17: the checker reads heading spans; from_dict must get them back
                    "heading_start": s.heading_start,
                    "heading_end": s.heading_end,
                    "style": s.style,
                }
                for s in self.sections
            ],
            "clauses": [
                {
                    "id": c.id,
                    "section": c.section,
                    "kind": c.kind,
                    "start": c.start,
                    "end": c.end,
                    "text": c.text,
                    "confidence": c.confidence,
                    "kinds": list(c.kinds),
                }
                for c in self.clauses
            ],
            "amounts": [_amount_dict(a) for a in self.amounts],
            "deadlines": [_deadline_dict(d) for d in self.deadlines],
            "citations": [dataclasses.asdict(c) for c in self.citations],
            "contacts": [dataclasses.asdict(c) for c in self.contacts],
            "attachments": [dataclasses.asdict(a) for a in self.attachments],
            "warnings": list(self.warnings),
        }
        if include_blocks:
            out["blocks"] = [block_dict(b) for b in self.blocks]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a Document from :meth:`to_dict` output (store, Dask workers)."""
        src = data["source"]
        doc = cls(
            source=Source(
                path=src["path"],
                format=src["format"],
                sha256=src["sha256"],
                member=src.get("member"),
                encoding=src.get("encoding"),
                size=src.get("size", 0),
            ),
            text=data["text"],
        )
        m = data.get("meta", {})
        doc.meta = Meta(
            title=m.get("title"),
            doc_number=m.get("doc_number"),
            issuers=list(m.get("issuers", [])),
            recipients=list(m.get("recipients", [])),
            date=m.get("date"),
            issued_date=m.get("issued_date"),
            spans={k: list(v) for k, v in m.get("spans", {}).items()},
        )
        doc.sections = [Section(**s) for s in data.get("sections", [])]
        doc.clauses = [Clause(**c) for c in data.get("clauses", [])]
        doc.amounts = [Amount(**a) for a in data.get("amounts", [])]
        doc.deadlines = []
        for d in data.get("deadlines", []):
            d = dict(d)
            dur = d.pop("duration", None)
            doc.deadlines.append(Deadline(**d, duration=Duration(**dur) if dur else None))
        doc.citations = [Citation(**c) for c in data.get("citations", [])]
        doc.contacts = [Contact(**c) for c in data.get("contacts", [])]
        doc.attachments = [Attachment(**a) for a in data.get("attachments", [])]
        doc.warnings = list(data.get("warnings", []))
        for b in data.get("blocks", []):
            b = dict(b)
            b.pop("text", None)
            b["kind"] = BlockKind(b["kind"])
            doc.blocks.append(Block(**b))
        return doc


def block_dict(b: Block) -> dict[str, Any]:
    d = dataclasses.asdict(b)
    d["kind"] = str(b.kind)
    return d


def _amount_dict(a: Amount) -> dict[str, Any]:
    return dataclasses.asdict(a)


def _deadline_dict(d: Deadline) -> dict[str, Any]:
    out = dataclasses.asdict(d)
    out["duration"] = d.duration.to_dict() if d.duration else None
    return out
