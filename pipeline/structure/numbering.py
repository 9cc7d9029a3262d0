"""Heading numbers: which style a line's number is written in, and its ordinal.

The patterns live in ``pipeline/data/headings.yaml``; this module compiles them
and reads ordinals, so that ``headings.py`` can reason about sequences (is
``7.`` the next item after ``6.``?) without knowing how numbers are spelt.
Matching is anchored at a given offset: numbers inside running text
(``…第三、四条款``, ``共1.5亿元``) are never candidates, only numbers that start
a line (or, for chapter/article styles, follow a wide gap inside one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from pipeline.data import load_data

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SPACE = " \t\u3000\u00a0"


@dataclass(frozen=True, slots=True)
class Style:
    key: str
    regex: re.Pattern[str]
    ordinal: str
    family: str | None = None
    inline: bool = False
    not_before: re.Pattern[str] | None = None
    weak_before: re.Pattern[str] | None = None
    fixed_level: int | None = None
    never_under: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Marker:
    """A heading number found at ``start``..``end`` of the text."""

    style: str
    n: int | None  # ordinal; None for unnumbered styles
    number: str  # as written, spaces removed: "第10条", "二、", "附件1"
    start: int
    end: int
    weak: bool = False  # "1.3人户…": could be a decimal; needs its neighbours to confirm
    title: str | None = None  # for styles whose title is inside the marker (【…】)


@dataclass(frozen=True, slots=True)
class Rules:
    styles: tuple[Style, ...]
    by_key: dict[str, Style]
    max_skip: int
    max_start: int
    title_terminators: str
    title_trailing: str
    inline_gap: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load_data("headings.yaml")
    styles = tuple(
        Style(
            key=s["key"],
            regex=re.compile(s["pattern"]),
            ordinal=s["ordinal"],
            family=s.get("family"),
            inline=bool(s.get("inline", False)),
            not_before=re.compile(s["not_before"]) if s.get("not_before") else None,
            weak_before=re.compile(s["weak_before"]) if s.get("weak_before") else None,
            fixed_level=s.get("fixed_level"),
            never_under=frozenset(s.get("never_under", [])),
        )
        for s in data["styles"]
    )
    return Rules(
        styles=styles,
        by_key={s.key: s for s in styles},
        max_skip=data["max_skip"],
        max_start=data["max_start"],
        title_terminators=data["title_terminators"],
        title_trailing=data["title_trailing"],
        inline_gap=re.compile(data["inline_gap"]),
    )


def ordinal(kind: str, raw: str) -> int | None:
    """Read an ordinal written as Chinese numerals, digits, ①, or a letter."""
    raw = re.sub(r"\s+", "", raw)
    if kind == "none":
        return None
    if not raw:
        return 1 if kind == "arabic" else None  # a bare "附件" is the first (only) one
    if kind == "circled":
        return _CIRCLED.index(raw) + 1 if raw in _CIRCLED else None
    if kind == "latin":
        return ord(raw.lower()) - ord("a") + 1
    if raw.isdigit():
        return int(raw)
    try:
        value = cn2an.cn2an(raw, "smart")
    except (ValueError, KeyError):
        return None
    return int(value)


def match_at(text: str, pos: int, end: int, *, inline_only: bool = False) -> Marker | None:
    """The heading number starting exactly at ``pos`` (before ``end``), if any."""
    segment = text[pos:end]
    for style in rules().styles:
        if inline_only and not style.inline:
            continue
        m = style.regex.match(segment)
        if not m:
            continue
        after = segment[m.end() :].lstrip(_SPACE)
        if style.not_before is not None and style.not_before.match(after):
            continue
        raw = m.groupdict().get("n") or ""
        n = ordinal(style.ordinal, raw)
        if n is None and style.ordinal != "none":
            continue
        weak = bool(style.weak_before is not None and style.weak_before.match(segment[m.end() :]))
        number = re.sub(r"\s+", "", m.group(0))
        title = m.groupdict().get("title")
        return Marker(style.key, n, number, pos, pos + m.end(), weak, title)
    return None


def inline_markers(text: str, start: int, end: int) -> Iterator[Marker]:
    """Chapter/article numbers that follow a wide gap inside the line ``start..end``."""
    r = rules()
    for gap in r.inline_gap.finditer(text, start, end):
        if gap.start() == start:
            continue
        marker = match_at(text, gap.end(), end, inline_only=True)
        if marker is not None:
            yield marker


def split_title(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of a heading's title: from ``start`` to the first sentence end or ``end``.

    Seed 004 ``1.加大对外贸企业扶持力度。开展…``: the title is the first sentence and
    the rest of the line is body.
    """
    r = rules()
    while start < end and text[start] in _SPACE:
        start += 1
    stop = end
    for i in range(start, end):
        if text[i] in r.title_terminators:
            stop = i
            break
    while stop > start and text[stop - 1] in r.title_trailing + _SPACE:
        stop -= 1
    return start, stop
