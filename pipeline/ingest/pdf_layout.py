"""Page geometry → reading order → paragraphs, shared by the PDF text layer and OCR.

A PDF has no paragraphs, only glyphs at positions, and OCR returns text
lines with boxes; both meet here as :class:`Line` objects (top-down
coordinates in points). The rules are the ones a typesetter follows:

* a line belongs to a column; a two-column page has a vertical gutter no
  body line crosses (a full-width title above the columns may cross it);
* a paragraph starts with a first-line indent (two characters in 公文), after
  a larger vertical gap, or after a line that stopped short of the right
  margin; a change of font size is a new block (a heading);
* a paragraph may continue into the next column or onto the next page when
  the last line ran to the margin and the next one is not indented.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CJK_CHARS = "\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK = re.compile(f"[{CJK_CHARS}]")
# For text whose spaces cannot be judged by position (pdfplumber table cells: it inserts a
# space wherever glyphs are further apart than x_tolerance; OCR output), a space between two
# CJK characters is dropped. Text-layer lines decide by the gaps instead (``_make_line``).
_CJK_SPACE = re.compile(f"(?<=[{CJK_CHARS}]) +(?=[{CJK_CHARS}])")
TERMINAL = "。！？；：!?;:"
CLOSERS = "”’）)》」』】"


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def drop_cjk_spaces(text: str) -> str:
    return _CJK_SPACE.sub("", text)


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(slots=True)
class Line:
    """A run of text on one baseline, or a table placed in the flow (``rows`` set)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    score: float | None = None  # OCR confidence of the line
    rows: list[list[str]] | None = None
    column: int = 0  # 0 = single/full width, 1 = left, 2 = right

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Paragraph:
    lines: list[Line]
    page: int
    heading: bool = False
    table: list[list[str]] | None = None

    @property
    def text(self) -> str:
        return glue([ln.text for ln in self.lines])

    @property
    def score(self) -> float | None:
        scores = [ln.score for ln in self.lines if ln.score is not None]
        return sum(scores) / len(scores) if scores else None


def glue(parts: Iterable[str]) -> str:
    """Join wrapped lines: nothing between CJK, one space between Latin words."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out


# ----- chars → lines -----------------------------------------------------------------
def chars_to_lines(chars: Sequence[Char], gap_em: float = 1.5) -> list[Line]:
    """Group glyphs (in content order) into line segments.

    A segment ends where the next glyph is on another baseline, jumps back to
    the left, or lies more than ``gap_em`` character widths away — the last
    keeps the two columns of a page apart even when a PDF draws them row by row.
    """
    lines: list[Line] = []
    cur: list[Char] = []
    spaced = False  # an explicit space glyph came since the last visible glyph

    def flush() -> None:
        if cur:
            lines.append(_make_line(cur))
            cur.clear()

    for ch in chars:
        if ch.text.isspace():
            spaced = bool(cur)
            continue
        if cur:
            last = cur[-1]
            mid = (ch.top + ch.bottom) / 2
            same_row = last.top - 0.2 * last.size <= mid <= last.bottom + 0.2 * last.size
            gap = ch.x0 - last.x1
            size = max(last.size, ch.size, 1.0)
            if not same_row or gap < -0.5 * size or gap > gap_em * size:
                flush()
            elif spaced and gap >= 0.25 * size:
                # a space the author typed ("内部资料 注意保存") and that shows as a gap; spaces
                # with no visible gap are positioning artefacts of the producer
                cur.append(Char(" ", last.x1, ch.x0, last.top, last.bottom, last.size))
        spaced = False
        cur.append(ch)
    flush()
    return lines


def _make_line(chars: list[Char]) -> Line:
    """Glyphs of one segment → text, with spaces only where the layout shows one.

    Producers often position words instead of drawing a space glyph (LibreOffice writes
    "张三  电话" as two runs with a gap), and justified or distributed CJK lines have gaps
    between every character. So a gap is a space when it is wide for Latin text, or, between
    CJK characters, clearly wider than the line's usual spacing.
    """
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(chars) if a.text != " " and b.text != " "]
    usual = statistics.median(gaps) if gaps else 0.0
    parts: list[str] = []
    for i, ch in enumerate(chars):
        if i and ch.text != " " and chars[i - 1].text != " ":
            prev = chars[i - 1]
            gap = ch.x0 - prev.x1
            em = max(prev.size, ch.size)
            if gap > 0.25 * em:
                cjk = is_cjk(prev.text[-1]) or is_cjk(ch.text[0])
                if not cjk or gap > usual + 0.2 * em:
                    parts.append(" ")
        parts.append(ch.text)
    sizes = sorted(c.size for c in chars if c.text != " ")
    return Line(
        text="".join(parts),
        x0=min(c.x0 for c in chars),
        x1=max(c.x1 for c in chars),
        top=min(c.top for c in chars),
        bottom=max(c.bottom for c in chars),
        size=sizes[len(sizes) // 2],
    )


# ----- columns / reading order ----------------------------------------------------------
def find_gutter(lines: Sequence[Line]) -> float | None:
    """x of the gap between two text columns, or None for a single-column page."""
    body = [ln for ln in lines if ln.rows is None and ln.text.strip()]
    if len(body) < 6:
        return None
    lo = min(ln.x0 for ln in body)
    hi = max(ln.x1 for ln in body)
    width = hi - lo
    if width <= 0:
        return None
    step = 2.0
    best: tuple[int, float, float] | None = None  # (crossing, -run width, x)
    x = lo + 0.3 * width
    run_start: float | None = None
    candidates: list[tuple[float, float]] = []
    while x <= lo + 0.7 * width:
        covered = sum(1 for ln in body if ln.x0 < x < ln.x1)
        if covered <= 0.2 * len(body):
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            candidates.append((run_start, x - step))
            run_start = None
        x += step
    if run_start is not None:
        candidates.append((run_start, x - step))
    for start, end in candidates:
        if end - start < 4:
            continue
        mid = (start + end) / 2
        crossing = sum(1 for ln in body if ln.x0 < mid < ln.x1)
        left = [ln for ln in body if ln.x1 <= mid]
        right = [ln for ln in body if ln.x0 >= mid]
        if len(left) < 3 or len(right) < 3:
            continue
        # a real right column starts at one x (its left margin); a signature block does not
        starts = sorted(ln.x0 for ln in right)
        margin = starts[0]
        aligned = sum(1 for s in starts if s - margin < 2.5 * _median_size(right))
        if aligned < 0.5 * len(right):
            continue
        key = (crossing, -(end - start), mid)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _median_size(lines: Sequence[Line]) -> float:
    return statistics.median(ln.size for ln in lines) if lines else 10.0


def reading_order(lines: Sequence[Line]) -> list[Line]:
    """Lines of one page in reading order, with ``column`` set.

    Single column: top to bottom. Two columns: bands separated by full-width
    items (a title, a table); in each band the left column, then the right.
    """
    gutter = find_gutter(lines)
    ordered = sorted(lines, key=lambda ln: (round(ln.top, 0), ln.x0))
    if gutter is None:
        for ln in ordered:
            ln.column = 0
        return _merge_same_row(ordered)
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        out.extend(_merge_same_row(left))
        out.extend(_merge_same_row(right))
        left.clear()
        right.clear()

    for ln in ordered:
        if ln.x1 <= gutter:
            ln.column = 1
            left.append(ln)
        elif ln.x0 >= gutter:
            ln.column = 2
            right.append(ln)
        else:
            flush()
            ln.column = 0
            out.append(ln)
    flush()
    return out


def _merge_same_row(lines: list[Line]) -> list[Line]:
    """Segments of one column on the same row become one line, left to right.

    Rows are found by vertical overlap, not equal ``top``: a list label ("1.") in a Latin
    font sits a little higher than the Chinese text after it and is often drawn after it.
    """
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda l: l.top):
        if ln.rows is None and rows and rows[-1][0].rows is None:
            anchor = rows[-1][0]
            overlap = min(anchor.bottom, ln.bottom) - max(anchor.top, ln.top)
            if overlap > 0.5 * min(anchor.height, ln.height):
                rows[-1].append(ln)
                continue
        rows.append([ln])
    out: list[Line] = []
    for row in rows:
        row.sort(key=lambda l: l.x0)
        merged = row[0]
        for ln in row[1:]:
            gap = ln.x0 - merged.x1
            wide = gap > 2 * max(merged.size, ln.size)
            cjk_join = is_cjk(merged.text[-1:] or "a") or is_cjk(ln.text[:1] or "a")
            sep = " " if wide or not cjk_join else ""
            merged = Line(merged.text + sep + ln.text, merged.x0, max(merged.x1, ln.x1),
                          min(merged.top, ln.top), max(merged.bottom, ln.bottom), merged.size,
                          _mean_score(merged.score, ln.score), None, merged.column)
        out.append(merged)
    return out


def _mean_score(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return a if b is None else b
    return (a + b) / 2


# ----- lines → paragraphs ------------------------------------------------------------------
@dataclass(slots=True)
class _Margins:
    left: float
    right: float
    size: float
    gap: float  # usual vertical space between two lines of a paragraph
    lines: int = 0  # lines the margins were measured on (the whole document's, when borrowed)


def margins_of(lines: Sequence[Line], fallback: _Margins | None = None) -> _Margins:
    body = [ln for ln in lines if ln.rows is None]
    if len(body) < 3 and fallback is not None:
        return fallback
    if not body:
        return _Margins(0, 0, 10, 5)
    size = _median_size(body)
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(body) if 0 <= b.top - a.bottom < 3 * size]
    return _Margins(
        # the leftmost line start: every paragraph's second line starts there, and nothing
        # in body text sticks out to the left of it (page numbers are furniture by now)
        left=min(ln.x0 for ln in body),
        # the rightmost line end: full lines reach it; with few full lines on a page, lines
        # sharing a shorter end (two list items of one length) would pass for the margin
        right=max(ln.x1 for ln in body),
        size=size,
        gap=statistics.median(gaps) if gaps else 0.5 * size,
        lines=len(body),
    )


def _is_full(line: Line, m: _Margins) -> bool:
    return line.x1 >= m.right - 1.2 * m.size


def _is_indented(line: Line, m: _Margins) -> bool:
    return line.x0 >= m.left + 0.8 * m.size


def continues(prev: Line, nxt: Line, m_prev: _Margins, m_next: _Margins, *, same_flow: bool) -> bool:
    """Does ``nxt`` continue the paragraph whose last line is ``prev``?"""
    if prev.rows is not None or nxt.rows is not None:
        return False
    if abs(prev.size - nxt.size) > 0.15 * max(prev.size, nxt.size):
        return False
    if _is_indented(nxt, m_next):
        return False
    if _starts_numbered_heading(prev, nxt):
        return False
    if not same_flow and m_prev.lines < 3:
        # one or two lines give no right margin to speak of (a one-line scan page)
        return False
    if not _is_full(prev, m_prev):
        # ragged-right text (left-aligned, or a line of digits and Latin words that wrapped
        # early) stops up to a few characters short; a sentence still open continues
        open_sentence = prev.text[-1:] not in TERMINAL + CLOSERS
        if not (same_flow and open_sentence and prev.x1 >= m_prev.right - 3 * m_prev.size):
            return False
    if prev.x0 > m_prev.left + 2 * m_prev.size and prev.x1 < m_prev.right - 0.5 * m_prev.size:
        return False  # a centred line (title) stands alone
    if same_flow:
        gap = nxt.top - prev.bottom
        if gap > m_prev.gap + 0.6 * m_prev.size:
            return False
    return True


def _starts_numbered_heading(prev: Line, nxt: Line) -> bool:
    """A sentence (or a numbered heading) ended and the next line opens with a heading number.

    QA F10: web text exported to PDF without first-line indents ran "…奖励30万元。" to the right
    margin and glued "三、打造对外开放平台" onto it. The numbers are the heading stage's own
    (headings.yaml); a weak one ("1.5亿元…", maybe a decimal) does not count.
    """
    # the patterns live with the structure stages (headings.yaml, attachments.yaml)
    from pipeline.structure.attachments import rules as attachment_rules
    from pipeline.structure.numbering import match_at

    def numbered(line: Line) -> bool:
        text = line.text.lstrip(" \t\u3000")
        marker = match_at(text, 0, len(text))
        if marker is not None:
            return not marker.weak
        a = attachment_rules()  # "附件：1.申报表", "附件2：承诺书" open an attachment list
        return bool(a.list_intro.match(text) or a.labelled.match(text))

    if not numbered(nxt):
        return False
    if prev.text.rstrip(CLOSERS)[-1:] in TERMINAL:
        return True
    # a full-width numbered heading without punctuation, then the first item under it
    # (天河 talent apartment: "（二）重点企业人才…申请材料要求" / "1.重点企业需提供")
    return numbered(prev) and not any(c in TERMINAL for c in prev.text)


def _centred(line: Line, m: _Margins) -> bool:
    middle = (m.left + m.right) / 2
    return line.x0 > m.left + line.size and abs((line.x0 + line.x1) / 2 - middle) < 1.5 * line.size


def title_continues(prev: Line, nxt: Line, m: _Margins) -> bool:
    """A long title set in a large font wraps onto a second centred line of the same size
    ("关于印发《…管理办法》\n的通知"); it is one heading, not two."""
    if abs(prev.size - nxt.size) > 0.05 * prev.size or prev.text[-1:] in TERMINAL:
        return False
    if not (_centred(prev, m) and _centred(nxt, m)):
        return False
    return nxt.top - prev.bottom < 0.8 * prev.size


def paragraphs(pages: Sequence[tuple[int, list[Line]]], body_size: float | None = None) -> list[Paragraph]:
    """Group the lines of several pages (each in reading order) into paragraphs.

    A paragraph may cross a column or a page boundary (the rule in
    :func:`continues`, without the vertical-gap test across the boundary).
    """
    all_lines = [ln for _, lines in pages for ln in lines if ln.rows is None]
    doc_margins = margins_of(all_lines)
    if body_size is None:
        body_size = doc_margins.size
    out: list[Paragraph] = []
    prev_line: Line | None = None
    prev_m: _Margins | None = None
    prev_key: tuple[int, int] | None = None
    for page, lines in pages:
        by_column: dict[int, list[Line]] = {}
        for ln in lines:
            by_column.setdefault(ln.column, []).append(ln)
        col_margins = {c: margins_of(ls, doc_margins) for c, ls in by_column.items()}
        for ln in lines:
            m = col_margins[ln.column]
            key = (page, ln.column)
            if ln.rows is not None:
                out.append(Paragraph([ln], page, table=ln.rows))
                prev_line = None
                continue
            heading = ln.size > 1.15 * body_size
            if (
                heading
                and prev_line is not None
                and prev_m is not None
                and out
                and out[-1].heading
                and key == prev_key
                and title_continues(prev_line, ln, m)
            ) or (
                prev_line is not None
                and prev_m is not None
                and out
                and out[-1].table is None
                and out[-1].heading == heading
                and continues(prev_line, ln, prev_m, m, same_flow=key == prev_key)
            ):
                out[-1].lines.append(ln)
            else:
                out.append(Paragraph([ln], page, heading=heading))
            prev_line, prev_m, prev_key = ln, m, key
    return out


__all__ = [
    "Char",
    "Line",
    "Paragraph",
    "chars_to_lines",
    "continues",
    "drop_cjk_spaces",
    "find_gutter",
    "glue",
    "margins_of",
    "paragraphs",
    "reading_order",
]
