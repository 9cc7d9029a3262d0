"""Documents a text cites: every 《title》, with its 文号 when one is given next to
it, and 文号s cited on their own.

Researchers follow policy chains (a county 实施意见 implements a provincial
one, which implements a State Council notice), so a citation keeps both the
title and the number whenever the text pairs them. The document's own
title and 文号 are not citations, nor is the document an 印发 notice prints
(seed 004 cites 《中共市中区委员会关于…实施意见》 only because it is itself).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from pipeline.data import load_data
from pipeline.model import Citation, Document
from pipeline.structure.metadata import find_doc_numbers

_TITLE = re.compile(r"《(?P<title>[^《》\n]{1,200})》")
_OPEN = "（("
_CLOSE = "）)"


@dataclass(frozen=True, slots=True)
class _Rules:
    window: int
    breaks: re.Pattern[str]
    other_numbers: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    d = load_data("citations.yaml")
    return _Rules(
        window=d["attach_window"],
        breaks=re.compile(d["clause_breaks"]),
        other_numbers=tuple(re.compile(p) for p in d["other_numbers"]),
    )


def _norm(text: str | None) -> str:
    text = (
        re.sub(r"\s+", "", text or "")
        .replace("(", "（")
        .replace(")", "）")
        .replace("〈", "《")
        .replace("〉", "》")
    )
    return re.sub("[—－–]", "-", text)


def _numbers(text: str) -> list[tuple[str, int, int]]:
    found = [(n.text, n.start, n.end) for n in find_doc_numbers(text)]
    for pattern in rules().other_numbers:
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for _, s, e in found):
                found.append((re.sub(r"\s+", "", m.group(0)), m.start(), m.end()))
    return sorted(found, key=lambda x: x[1])


def extract_citations(doc: Document) -> Document:
    """Stage ``structure.citations.v1``: fill ``doc.citations``."""
    r = rules()
    text = doc.text
    own_titles, own_number, own_spans = _own(doc)
    titles = [m for m in _TITLE.finditer(text) if not _inside(m.start(), m.end(), own_spans)]
    numbers = [n for n in _numbers(text) if n[0] != own_number and not _inside(n[1], n[2], own_spans)]

    paired: dict[int, tuple[str, int, int]] = {}  # title index -> its number
    number_index: dict[int, int] = {}  # title index -> index of its number in ``numbers``
    used: set[int] = set()
    # A number pairs with the nearest title that ends before it. Titles come in text order
    # and do not overlap, so a bisect finds it: scanning back from the last title made a
    # text with many citations quadratic (sweep: 20,000 "《…》（…号）" took 11 s).
    title_ends = [t.end() for t in titles]
    for k, (value, start, end) in enumerate(numbers):
        i = bisect_right(title_ends, start) - 1
        if i < 0:
            continue
        gap = text[title_ends[i] : start]
        if len(gap) > r.window or r.breaks.search(gap) or not gap.rstrip().endswith(tuple(_OPEN)):
            continue
        if i not in paired:
            paired[i] = (value, start, end)
            number_index[i] = k
            used.add(k)

    out: list[Citation] = []
    for i, t in enumerate(titles):
        title = t.group("title").strip()
        if _is_own(title, own_titles):
            if i in paired:
                used.discard(number_index[i])  # the own document's number stays unused too
            continue
        if i in paired:
            value, _, end = paired[i]
            if end < len(text) and text[end] in _CLOSE:
                end += 1
            out.append(
                Citation(text=text[t.start() : end], start=t.start(), end=end, title=title, doc_number=value)
            )
        else:
            out.append(Citation(text=t.group(0), start=t.start(), end=t.end(), title=title))
    covered = sorted((c.start, c.end) for c in out)
    covered_starts = [a for a, _ in covered]
    for k, (value, start, end) in enumerate(numbers):
        if k in used or _covered(start, covered, covered_starts):
            continue
        out.append(Citation(text=text[start:end], start=start, end=end, doc_number=value))
    doc.citations = sorted(out, key=lambda c: c.start)  # replace: idempotent on re-run
    return doc


def _own(doc: Document) -> tuple[set[str], str | None, list[tuple[int, int]]]:
    """The document's own title (and the title an 印发 notice prints), 文号 and their spans."""
    titles: set[str] = set()
    meta = doc.meta
    if meta.title:
        titles.add(_norm(meta.title))
        for m in _TITLE.finditer(meta.title):
            titles.add(_norm(m.group("title")))
        inner = re.search(r"印发(?P<t>.+?)的通知", _norm(meta.title))
        if inner:
            titles.add(inner.group("t").strip("《》"))
    spans = [tuple(meta.spans[f]) for f in ("title", "doc_number") if f in meta.spans]
    return titles, meta.doc_number, spans  # type: ignore[return-value]


def _is_own(title: str, own_titles: set[str]) -> bool:
    """The document itself, or one of the documents its 印发 title prints (安徽 "印发A和B的通知")."""
    t = _norm(title)
    core = t.removeprefix("关于")
    return t in own_titles or any(len(core) >= 6 and core in own for own in own_titles)


def _covered(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``pos`` lies in one of the sorted, non-overlapping title citation ``spans``."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < spans[i][1]


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)
