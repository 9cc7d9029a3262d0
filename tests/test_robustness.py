"""End-to-end robustness: every stage on real documents keeps the model's invariants.

Texts written by other people in other styles are what we are judged on, so
this runs ``pipeline.api.extract`` (ingest + every default stage) over all of
``../shared/corpus/real`` and a fixed sample of ``../shared/corpus/bulk`` and
checks what any consumer of the JSON relies on: every span quotes the text it
points at, the heading tree nests, cross-references resolve, and the JSON
validates against the published schema and survives ``from_dict``.

``check_document`` is also used by the QA sweep (a larger bulk sample with
per-stage timings), so a failure found there can be pinned here by path.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.data import DATA_DIR
from pipeline.model import Document
from tests.conftest import BULK, REAL, need_shared

SCHEMA_PATH = DATA_DIR / "schema" / "document.schema.json"

# every 33rd lawrefbook file + all 5 pkulaw exports: both sub-folders, deterministic
BULK_SAMPLE_STEP = 33


@lru_cache(maxsize=1)
def _validator() -> Any:
    if not SCHEMA_PATH.exists():
        return None
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _span_ok(start: Any, end: Any, n: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n


def check_spans(doc: Document) -> list[tuple[str, str]]:
    """(kind, detail) for each span that does not quote ``doc.text``."""
    text, n = doc.text, len(doc.text)
    out: list[tuple[str, str]] = []
    for name, item in doc.spans():
        if not _span_ok(item.start, item.end, n):
            out.append((f"span_range:{name}", f"{item.start}:{item.end} of {n}"))
        elif text[item.start : item.end] != item.text:
            out.append(
                (
                    f"span_text:{name}",
                    f"{item.start}:{item.end} {item.text[:30]!r} != {text[item.start : item.end][:30]!r}",
                )
            )
    for a in doc.attachments:
        if not _span_ok(a.start, a.end, n):
            out.append(("span_range:attachments", f"{a.start}:{a.end} of {n}"))
    for key, span in doc.meta.spans.items():
        if len(span) != 2 or not _span_ok(span[0], span[1], n):
            out.append(("span_range:meta", f"{key} {span} of {n}"))
    for i, b in enumerate(doc.blocks):
        if b.start is None and b.end is None:
            continue
        if not _span_ok(b.start, b.end, n):
            out.append(("span_range:blocks", f"block {i} {b.kind} {b.start}:{b.end} of {n}"))
    return out


def check_sections(doc: Document) -> list[tuple[str, str]]:
    """The heading tree: unique ids, spans in range, children inside parents, no partial overlaps."""
    n = len(doc.text)
    out: list[tuple[str, str]] = []
    by_id: dict[str, Any] = {}
    for s in doc.sections:
        if s.id in by_id:
            out.append(("section_duplicate_id", s.id))
        by_id[s.id] = s
    for s in doc.sections:
        if not _span_ok(s.start, s.end, n):
            out.append(("section_range", f"{s.id} {s.start}:{s.end} of {n}"))
            continue
        has_heading = s.heading_start is not None and s.heading_end is not None
        if has_heading and not (s.start <= s.heading_start <= s.heading_end <= s.end):
            out.append(
                (
                    "section_heading_outside",
                    f"{s.id} heading {s.heading_start}:{s.heading_end} in {s.start}:{s.end}",
                )
            )
        if not isinstance(s.level, int) or s.level < 1:
            out.append(("section_level", f"{s.id} level {s.level!r}"))
        if s.parent is None:
            continue
        p = by_id.get(s.parent)
        if p is None:
            out.append(("section_parent_missing", f"{s.id} -> {s.parent}"))
        elif not p.level < s.level:
            out.append(("section_level_vs_parent", f"{s.id} L{s.level} under {p.id} L{p.level}"))
        elif not (p.start <= s.start and s.end <= p.end):
            out.append(
                ("section_outside_parent", f"{s.id} {s.start}:{s.end} not in {p.id} {p.start}:{p.end}")
            )
    # proper nesting: any two spans are disjoint or one contains the other
    stack: list[Any] = []
    for s in sorted(doc.sections, key=lambda s: (s.start, -s.end)):
        while stack and stack[-1].end <= s.start:
            stack.pop()
        if stack and s.end > stack[-1].end and s.start < s.end:
            out.append(
                (
                    "section_partial_overlap",
                    f"{s.id} {s.start}:{s.end} crosses {stack[-1].id} {stack[-1].start}:{stack[-1].end}",
                )
            )
        stack.append(s)
    return out


def check_references(doc: Document) -> list[tuple[str, str]]:
    """Ids an annotation points at must exist."""
    out: list[tuple[str, str]] = []
    sections = {s.id for s in doc.sections}
    clause_ids = [c.id for c in doc.clauses]
    clauses = set(clause_ids)
    if len(clauses) != len(clause_ids):
        out.append(("clause_duplicate_id", f"{len(clause_ids) - len(clauses)} duplicates"))
    for c in doc.clauses:
        if c.section is not None and c.section not in sections:
            out.append(("clause_section_missing", f"{c.id} -> {c.section}"))
    for name in ("amounts", "deadlines"):
        for x in getattr(doc, name):
            if x.clause is not None and x.clause not in clauses:
                out.append((f"{name}_clause_missing", f"{x.text[:20]!r} -> {x.clause}"))
    return out


def _no_nan(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_no_nan(v) for v in value.values())
    if isinstance(value, list):
        return all(_no_nan(v) for v in value)
    return True


def check_serialisation(doc: Document) -> list[tuple[str, str]]:
    """The JSON is strict JSON, validates against the schema and round-trips through from_dict."""
    out: list[tuple[str, str]] = []
    for blocks in (False, True):
        try:
            data = doc.to_dict(include_blocks=blocks)
        except Exception as exc:  # noqa: BLE001 - reported as a finding
            return [("to_dict_raises", f"{type(exc).__name__}: {exc}")]
        try:
            dumped = json.dumps(data, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            out.append(("json_not_strict", f"{type(exc).__name__}: {exc}"[:200]))
            continue
        if not _no_nan(data):
            out.append(("json_nan", "non-finite float"))
        validator = _validator()
        if validator is not None:
            for err in list(validator.iter_errors(json.loads(dumped)))[:3]:
                out.append(
                    ("schema_invalid", f"{'/'.join(map(str, err.absolute_path))}: {err.message[:150]}")
                )
        try:
            again = Document.from_dict(json.loads(dumped)).to_dict(include_blocks=blocks)
        except Exception as exc:  # noqa: BLE001
            out.append(("from_dict_raises", f"{type(exc).__name__}: {exc}"[:200]))
            continue
        if again != json.loads(dumped):
            diff = [k for k in data if again.get(k) != json.loads(dumped).get(k)]
            out.append(("roundtrip_differs", f"blocks={blocks} keys {diff}"))
    return out


def check_document(doc: Document) -> list[tuple[str, str]]:
    """Every invariant problem as (kind, detail); empty when the document is consistent."""
    return check_spans(doc) + check_sections(doc) + check_references(doc) + check_serialisation(doc)


# ----- which files ----------------------------------------------------------


def real_files() -> list[Path]:
    return sorted(REAL.glob("*.txt")) if REAL.exists() else []


def bulk_sample(step: int = BULK_SAMPLE_STEP) -> list[Path]:
    """Every ``step``-th lawrefbook file and every pkulaw file, in MANIFEST order."""
    manifest = BULK / "MANIFEST.csv"
    if not manifest.exists():
        return []
    with open(manifest, encoding="utf-8") as fh:
        rows = [r["file"] for r in csv.DictReader(fh)]
    law = [f for f in rows if f.startswith("lawrefbook_laws/")]
    other = [f for f in rows if not f.startswith("lawrefbook_laws/")]
    return [BULK / f for f in other + law[::step]]


def _ids(paths: list[Path]) -> list[str]:
    return [p.name if p.parent == REAL else f"{p.parent.name}/{p.name}" for p in paths]


_REAL = real_files()
_BULK = bulk_sample()


def _run(path: Path) -> None:
    from pipeline.api import extract

    doc = extract(path)
    problems = check_document(doc)
    assert problems == [], "\n".join(f"{k}: {d}" for k, d in problems[:20])
    assert doc.text, "a real document reads to non-empty text"


@pytest.mark.corpus
@pytest.mark.parametrize("path", _REAL or [REAL / "absent"], ids=_ids(_REAL) or ["absent"])
def test_robustness_real_corpus_keeps_invariants(path: Path) -> None:
    need_shared(path)
    _run(path)


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize("path", _BULK or [BULK / "absent"], ids=_ids(_BULK) or ["absent"])
def test_robustness_bulk_sample_keeps_invariants(path: Path) -> None:
    need_shared(path)
    _run(path)


# ----- the checker itself must catch what it claims to catch ----------------


def _tiny() -> Document:
    from pipeline.model import Clause, Section, Source

    text = "一、总则\n本办法自发布之日起施行。"
    doc = Document(
        source=Source(path="t.txt", format="txt", sha256=hashlib.sha256(text.encode()).hexdigest()), text=text
    )
    doc.sections = [Section(id="s1", level=1, number="一、", title="总则", start=0, end=len(text))]
    doc.clauses = [Clause(id="c1", section="s1", kind="other", start=5, end=len(text), text=text[5:])]
    return doc


def test_robustness_checker_accepts_a_consistent_document() -> None:
    assert check_document(_tiny()) == []


@pytest.mark.parametrize(
    "breakage, kind",
    [
        (lambda d: setattr(d.clauses[0], "start", 4), "span_text:clauses"),
        (lambda d: setattr(d.clauses[0], "end", 999), "span_range:clauses"),
        (lambda d: setattr(d.clauses[0], "section", "s9"), "clause_section_missing"),
        (lambda d: setattr(d.sections[0], "parent", "s0"), "section_parent_missing"),
        (lambda d: setattr(d.sections[0], "level", 0), "section_level"),
    ],
)
def test_robustness_checker_reports_broken_documents(breakage: Any, kind: str) -> None:
    doc = _tiny()
    breakage(doc)
    assert kind in {k for k, _ in check_document(doc)}


def test_robustness_checker_reports_partial_section_overlap() -> None:
    from pipeline.model import Section

    doc = _tiny()
    doc.sections.append(Section(id="s2", level=1, number="二、", title="x", start=3, end=len(doc.text)))
    doc.sections[0].end = 8
    assert "section_partial_overlap" in {k for k, _ in check_document(doc)}


def test_robustness_regression_rerunning_the_stages_is_idempotent(seed_opinions: Path) -> None:
    """A stored Document re-analysed (new extraction version) must not collect duplicates."""
    from pipeline.api import extract

    doc = extract(seed_opinions)
    first = doc.to_dict()
    again = extract(doc).to_dict()
    assert check_document(doc) == []
    for key in (
        "sections",
        "clauses",
        "amounts",
        "deadlines",
        "citations",
        "contacts",
        "attachments",
        "meta",
    ):
        assert again[key] == first[key], key


# ----- the same text in another container must give the same analysis -------------


def _summary(doc: Document) -> dict[str, Any]:
    return {
        "sections": [(s.number, s.title, s.level) for s in doc.sections],
        "amounts": sorted(a.value or 0.0 for a in doc.amounts),
        "deadlines": sorted(d.date or "" for d in doc.deadlines),
        "citations": sorted(c.title or "" for c in doc.citations),
        "title": doc.meta.title,
    }


def _lines_to_docx(lines: list[str], path: Path, title_style: int | None = None) -> Path:
    import docx

    document = docx.Document()
    if title_style is not None:
        document.add_heading(lines[0], title_style)
        lines = lines[1:]
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _lines_to_pdf(lines: list[str], path: Path) -> Path:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", subfontIndex=0))
    style = ParagraphStyle("body", fontName="WQY", fontSize=12, leading=18, wordWrap="CJK")
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(escape(x) or "&nbsp;", style) for x in lines])
    return path


def test_robustness_seed_as_docx_gives_the_same_analysis_as_txt(seed_opinions: Path, tmp_path: Path) -> None:
    from pipeline.api import extract

    txt = extract(seed_opinions)
    docx_doc = extract(_lines_to_docx(txt.text.split("\n"), tmp_path / "seed.docx"))
    assert check_document(docx_doc) == []
    assert _summary(docx_doc) == _summary(txt)


def test_robustness_regression_seed_as_pdf_keeps_every_heading(seed_opinions: Path, tmp_path: Path) -> None:
    from pipeline.api import extract

    txt = extract(seed_opinions)
    # one paragraph per line, no first-line indent: "三、打造对外开放平台" follows a line that ends flush right
    pdf = extract(_lines_to_pdf(txt.text.split("\n"), tmp_path / "seed.pdf"))
    assert check_document(pdf) == []
    assert _summary(pdf)["sections"] == _summary(txt)["sections"]


NOTICE_LINES = [
    "关于开展试点工作的通知",
    "各县（市、区）财政局：",
    "一、支持标准",
    "每个项目奖励最高800万元。",
    "二、申报时间",
    "请于2019年8月23日前报送申报材料。",
]


def test_robustness_regression_styled_docx_title_is_the_title_not_a_section(tmp_path: Path) -> None:
    from pipeline.api import extract

    doc = extract(_lines_to_docx(NOTICE_LINES, tmp_path / "titled.docx", title_style=0))
    assert doc.meta.title == "关于开展试点工作的通知"
    assert [(s.number, s.title, s.level) for s in doc.sections] == [
        ("一、", "支持标准", 1),
        ("二、", "申报时间", 1),
    ]
