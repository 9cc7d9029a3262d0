"""Self-contained HTML report of one check: checklist, evidence in the plan text, asks.

Evidence offsets index the plan's normalised text (``pipeline.ingest.load(plan).text``).
The plan text is cut at every evidence boundary so overlapping evidence
(a section heading inside a requirement's quote) still highlights correctly,
and each evidence span's first piece is a ``<mark id="ev-N">`` that the
checklist links to. Everything is escaped by Jinja2's autoescape; no script,
font or stylesheet is loaded from outside, so the file can be mailed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from pipeline.report.asks import ask_list
from pipeline.report.common import (
    KIND_LABEL,
    STATUS_COLOUR,
    STATUS_LABEL,
    as_dict,
    item_depths,
    short_name,
    tree_order,
)


@dataclass
class Evidence:
    anchor: str
    item_id: str
    status: str
    start: int
    end: int
    text: str


@dataclass
class Piece:
    text: str
    anchors: list[str] = field(default_factory=list)  # evidence spans that START here
    items: list[str] = field(default_factory=list)  # item ids covering this piece
    status: str | None = None  # worst status among covering items (for the colour)


_RANK = {"missing": 3, "empty": 2, "partial": 1, "present": 0}


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline.report", "templates"),
        autoescape=select_autoescape(["html", "j2", "html.j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def collect_evidence(result: dict[str, Any], plan_text: str) -> tuple[list[Evidence], list[str]]:
    """Evidence spans that really point into ``plan_text``; problems found on the way."""
    spans: list[Evidence] = []
    problems: list[str] = []
    n = 0
    for item in result.get("items", []):
        for ev in item.get("evidence") or []:
            start, end, text = ev.get("start"), ev.get("end"), ev.get("text") or ""
            ok = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(plan_text)
            if ok and text and plan_text[start:end] != text:
                ok = False
            if not ok and text:
                found = plan_text.find(text)  # offsets from another text version: find the quote
                if found >= 0:
                    start, end, ok = found, found + len(text), True
            if not ok:
                problems.append(f"{item['id']}: evidence {text[:30]!r} not found in the plan text")
                continue
            n += 1
            spans.append(Evidence(f"ev-{n}", item["id"], item["status"], start, end, plan_text[start:end]))
    return spans, problems


def split_text(plan_text: str, spans: list[Evidence]) -> list[Piece]:
    """The plan text cut at every evidence boundary, each piece knowing what covers it."""
    cuts = sorted({0, len(plan_text), *(s.start for s in spans), *(s.end for s in spans)})
    pieces: list[Piece] = []
    for a, b in pairwise(cuts):
        covering = [s for s in spans if s.start < b and s.end > a]
        piece = Piece(plan_text[a:b])
        piece.anchors = [s.anchor for s in spans if s.start == a]
        piece.items = sorted({s.item_id for s in covering})
        if covering:
            piece.status = max((s.status for s in covering), key=lambda st: _RANK.get(st, 0))
        pieces.append(piece)
    return pieces


def report_context(
    result: Any,
    plan_text: str,
    *,
    applicant: str | None = None,
    files: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    data = as_dict(result)
    spans, problems = collect_evidence(data, plan_text)
    depths = item_depths(data.get("items", []))
    anchors: dict[str, list[str]] = {}
    for s in spans:
        anchors.setdefault(s.item_id, []).append(s.anchor)
    rows = [
        {
            **item,
            "depth": depths.get(item["id"], 0),
            "label": STATUS_LABEL.get(item["status"], item["status"]),
            "kind_label": KIND_LABEL.get(item.get("kind", ""), item.get("kind", "")),
            "anchors": anchors.get(item["id"], []),
        }
        for item in tree_order(data.get("items", []))
    ]
    counts = {s: sum(1 for i in data.get("items", []) if i["status"] == s) for s in STATUS_LABEL}
    return {
        "applicant": applicant,
        "result": data,
        "rows": rows,
        "pieces": split_text(plan_text, spans),
        "asks": ask_list(data),
        "flags": data.get("flags", []),
        "files": files or [],
        "problems": problems,
        "counts": counts,
        "dossier_items": [
            short_name(i["name"], 12) for i in data.get("items", []) if i.get("scope") == "dossier"
        ],
        "colours": STATUS_COLOUR,
        "labels": STATUS_LABEL,
    }


def render_html(
    result: Any,
    plan_text: str,
    path: str | Path | None = None,
    *,
    applicant: str | None = None,
    files: list[dict[str, Any]] | None = None,
) -> str:
    """Render the report; write it to ``path`` when given. Returns the HTML."""
    ctx = report_context(result, plan_text, applicant=applicant, files=files)
    html = _env().get_template("report.html.j2").render(**ctx)
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(html, encoding="utf-8")
    return html


def render_index(rows: list[dict[str, Any]], path: str | Path, *, title: str = "批量初筛结果") -> str:
    """An HTML index of a batch: one row per applicant, linking to its report."""
    html = _env().get_template("index.html.j2").render(rows=rows, title=title, colours=STATUS_COLOUR)
    Path(path).write_text(html, encoding="utf-8")
    return html
