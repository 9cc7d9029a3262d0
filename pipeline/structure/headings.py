"""The heading tree: which numbered lines are headings, and how they nest.

Government documents number their headings with a handful of styles
(一、 （一） 1. （1） ① 第X章 第X条 附件N …) but no style has a fixed depth: a
办法 starts at 第一章, a short notice at 1., a 实施意见 at 一、. So a style gets
its level when it first appears (one deeper than the open path at that
point) and goes back to that level whenever it appears again; a heading is
always deeper than the heading it sits under (柳河: articles under a
``(一)`` item).

A numbered line is only a heading when its number fits the numbering around
it: the next sibling (``6.`` → ``7.``, a skip of up to ``max_skip``), a list
that restarts at 1, or numbering that continues across sections (seed 004
runs 1..29 across 一、…七、). Everything else — ``1.5亿元`` at the start of a
wrapped line, ``三、四条款`` — stays body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.model import GUESSED_HEADING_STYLE, BlockKind, Document, Section
from pipeline.structure.lines import line_spans, text_lines
from pipeline.structure.numbering import Marker, inline_markers, match_at, rules, split_title

_SPACE = " \t\u3000\u00a0"
# "附件：1.xxx" / "附表：" introduces a list of attachments; its numbered lines are not headings
_ATTACHMENT_LIST = re.compile(r"(附\s*件|附\s*表)\s*[：:]\s*(?:(?P<n>\d{1,2})\s*[.．、])?")
_ARABIC_STYLES = {"arabic_dot", "arabic_fwdot", "arabic_dun", "arabic_paren", "arabic_rparen"}
_LOOKAHEAD = 8  # candidates searched for the "2." that confirms a weak "1."
_HEADING_LIKE_CHARS = 30
_SENTENCE_END = re.compile(r"[。！？!?；;]")


@dataclass(slots=True)
class Candidate:
    """A line (or inline position) that starts with a heading number or is a heading block."""

    marker: Marker | None
    start: int  # heading start (the number, or the line for unnumbered headings)
    line_end: int
    title_start: int
    title_end: int
    strong: bool = False  # layout says heading (docx style, markdown #): skip sequence checks
    fixed_level: int | None = None
    title: str | None = None
    # end of a title read from the next line (附件1 / 申请表): the heading span covers it
    title_line_end: int | None = None

    @property
    def style(self) -> str:
        if self.marker is not None:
            return self.marker.style
        return f"block_h{self.fixed_level or 0}"


@dataclass(slots=True)
class _Open:
    style: str
    level: int
    n: int | None
    index: int  # position in the sections list


@dataclass(slots=True)
class _Tree:
    stack: list[_Open] = field(default_factory=list)
    style_level: dict[str, int] = field(default_factory=dict)
    last_n: dict[str, int] = field(default_factory=dict)

    def depth(self) -> int:
        return self.stack[-1].level if self.stack else 0

    def find(self, style: str) -> int | None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].style == style:
                return i
        return None


def detect_sections(doc: Document) -> Document:
    """Stage ``structure.headings.v1``: fill ``doc.sections`` with the heading tree."""
    candidates = _without_document_head(doc.text, list(_candidates(doc)))
    doc.sections = _build(doc.text, candidates)  # replace: re-running the stage is idempotent
    return doc


def _without_document_head(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Drop the title block a reader styled as a heading; it is ``meta.title``, not a section.

    QA F11: a docx Title/Heading 1 title, an HTML <h1>, a 22 pt PDF title (two lines) or the
    发文机关标志 "中共枣庄市市中区委文件" became the root section, so meta.title was None and
    every 一、 sat one level down. The same text as .txt has no section there. A styled,
    unnumbered line counts as head when it comes before the body (the 主送 line ending in ：,
    the first sentence, the first numbered heading) and reads as a title or letterhead, or
    continues a 关于… title cut off by a line wrap ("…试点县" / "（市、区）认定工作"); declared
    levels are then rebased so the body's top level is 1.
    """
    # metadata's own notion of a title
    from pipeline.structure.metadata import is_title_line, is_unfinished_title

    body = len(text)
    first_numbered = next((c.start for c in candidates if c.marker is not None), len(text))
    for line in text_lines(text):
        if line.start >= first_numbered:
            break
        if _SENTENCE_END.search(line.text) or line.text.endswith(("：", ":")):
            body = line.start
            break
    body = min(body, first_numbered)
    dropped: list[Candidate] = []
    for c in candidates:
        if c.start >= body:
            break
        if c.marker is not None or not c.strong:
            continue
        line_text = text[c.start : c.line_end]
        follows = (
            bool(dropped)
            and text.count("\n", dropped[-1].line_end, c.start) <= 1
            and is_unfinished_title(text[dropped[-1].start : dropped[-1].line_end])
        )
        if is_title_line(line_text) or follows:
            dropped.append(c)
    if not dropped:
        return candidates
    kept = [c for c in candidates if c not in dropped]
    declared = [c.fixed_level for c in kept if c.strong and c.fixed_level]
    shift = min(declared) - 1 if declared else 0
    if shift > 0:
        for c in kept:
            if c.strong and c.fixed_level:
                c.fixed_level -= shift
    return kept


# ----- candidates ----------------------------------------------------------



def _heading_blocks(doc: Document) -> dict[int, int | None]:
    """Line starts the reader marked as headings (docx styles, PDF layout) -> declared level."""
    out: dict[int, int | None] = {}
    for b in doc.blocks:
        if b.kind == BlockKind.HEADING and b.start is not None and b.style != GUESSED_HEADING_STYLE:
            out[b.start] = b.level
    return out


def _candidates(doc: Document) -> list[Candidate]:
    text = doc.text
    blocks = _heading_blocks(doc)
    out: list[Candidate] = []
    list_next: int | None = None  # next number expected in an attachment list
    for line_start, line_end in line_spans(text):
        pos = line_start
        while pos < line_end and text[pos] in _SPACE:
            pos += 1
        if pos >= line_end:
            continue
        hashes = 0
        while pos < line_end and text[pos] == "#":  # Markdown exports (LawRefBook)
            hashes += 1
            pos += 1
        while pos < line_end and text[pos] in _SPACE:
            pos += 1
        strong = hashes > 1 or line_start in blocks or pos in blocks
        block_level = blocks.get(line_start, blocks.get(pos))

        intro = _ATTACHMENT_LIST.match(text, pos, line_end)
        if intro:
            list_next = int(intro.group("n")) + 1 if intro.group("n") else 1
            continue
        marker = match_at(text, pos, line_end)
        if list_next is not None:
            if marker is not None and marker.style in _ARABIC_STYLES and marker.n == list_next:
                list_next += 1
                continue
            list_next = None
        if marker is None:
            if strong and hashes != 1:
                ts, te = split_title(text, pos, line_end)
                level = block_level if block_level else (hashes - 1 if hashes > 1 else None)
                out.append(Candidate(None, pos, line_end, ts, te, True, level or 1))
            continue

        following = list(inline_markers(text, marker.end, line_end)) if _is_inline(marker) else []
        title_limit = following[0].start if following else line_end
        ts, te = split_title(text, marker.end, title_limit)
        # Markdown depth is not a level: LawRefBook writes "### 第一章" over "## 第一节"
        cand = Candidate(marker, pos, line_end, ts, te, strong, block_level)
        if marker.style == "attachment":
            cand.title, cand.title_line_end = _next_line_title(text, line_end)
        out.append(cand)
        for i, inner in enumerate(following):
            limit = following[i + 1].start if i + 1 < len(following) else line_end
            its, ite = split_title(text, inner.end, limit)
            out.append(Candidate(inner, inner.start, line_end, its, ite, strong))
    return out


def _is_inline(marker: Marker) -> bool:
    return rules().by_key[marker.style].inline


def _next_line_title(text: str, line_end: int) -> tuple[str, int | None]:
    """An attachment part's title is the line after its bare ``附件N`` line.

    Returns the title and where it ends in ``text``, so that the section's heading span
    quotes the title it reports (sweep: 附件 / 包头市数字政府建设考评指标 had a heading span
    of "附件" alone, and the checker read the title line as the attachment's body).
    """
    nxt = text.find("\n", line_end + 1)
    line_stop = nxt if nxt >= 0 else len(text)
    raw = text[line_end + 1 : line_stop]
    line = raw.strip(_SPACE)
    # "附件1" over "附件：" (a list intro) is no title: its numbered items follow
    if 0 < len(line) <= 60 and match_at(line, 0, len(line)) is None and not _ATTACHMENT_LIST.match(line):
        return line, line_end + 1 + len(raw.rstrip(_SPACE))
    return "", None


# ----- tree ----------------------------------------------------------------


def _build(text: str, candidates: list[Candidate]) -> list[Section]:
    tree = _Tree()
    sections: list[Section] = []
    for k, cand in enumerate(candidates):
        placed = _place(tree, cand, candidates, k)
        if placed is None:
            continue
        style, level, parent = placed
        n = cand.marker.n if cand.marker else None
        index = len(sections)
        title = cand.title
        if title is None:
            title = (
                cand.marker.title
                if cand.marker and cand.marker.title
                else text[cand.title_start : cand.title_end]
            )
        sections.append(
            Section(
                id=f"s{index + 1}",
                level=level,
                number=cand.marker.number if cand.marker and cand.marker.style != "bracket_title" else None,
                title=title.strip(_SPACE),
                start=cand.start,
                end=len(text),
                parent=sections[parent].id if parent is not None else None,
                heading_start=cand.start,
                heading_end=max(
                    cand.title_end,
                    cand.marker.end if cand.marker else cand.title_end,
                    cand.title_line_end or 0,
                ),
                style=style,
            )
        )
        tree.stack.append(_Open(style, level, n, index))
        if n is not None:
            tree.last_n[style] = n
    # a section runs to the next heading at its level or above
    for i, s in enumerate(sections):
        for nxt in sections[i + 1 :]:
            if nxt.level <= s.level:
                s.end = nxt.start
                break
        if s.heading_end is not None and s.heading_end > s.end:  # a title line that is itself a heading
            s.heading_end = max(s.end, s.heading_start or s.start)
    return sections


def _place(
    tree: _Tree, cand: Candidate, candidates: list[Candidate], k: int
) -> tuple[str, int, int | None] | None:
    """Decide whether ``cand`` is a heading; if so pop the stack and return (style, level, parent index)."""
    r = rules()
    style = cand.style
    marker = cand.marker
    spec = r.by_key.get(style)
    fixed = spec.fixed_level if spec is not None else None
    if fixed is None:
        fixed = cand.fixed_level

    if fixed is not None:  # attachment parts, layout headings with a declared level
        while tree.stack and tree.stack[-1].level >= fixed:
            tree.stack.pop()
        tree.style_level.setdefault(style, fixed)
        return style, fixed, _parent(tree)

    n = marker.n if marker else None
    if n is None:  # unnumbered heading style (【…】): a sibling of its earlier self
        i = tree.find(style)
        if i is not None:
            del tree.stack[i:]
            return style, tree.style_level[style], _parent(tree)
        level = tree.depth() + 1
        tree.style_level.setdefault(style, level)
        return style, level, _parent(tree)

    style = _merge_family(tree, style, n)
    _leave_lower_ranks(tree, style)
    i = tree.find(style)
    weak = marker.weak and not cand.strong
    if i is not None:  # a sibling of an open heading
        prev = tree.stack[i].n or 0
        if weak:
            ok = n == prev + 1 or (n == 1 and _confirmed(candidates, k, style))
        else:
            ok = prev < n <= prev + r.max_skip or n == 1
        if not (ok or cand.strong):
            return None
        level = tree.stack[i].level
        del tree.stack[i:]
        return style, level, _parent(tree)

    last = tree.last_n.get(style, 0)
    if style in tree.style_level:  # seen before, now under a different parent
        if weak:
            ok = n == last + 1 or (n == 1 and _confirmed(candidates, k, style))
        else:
            ok = n <= r.max_start or last < n <= last + r.max_skip
        if not (ok or cand.strong):
            return None
        home = tree.style_level[style]
        while tree.stack and tree.stack[-1].level > home:
            tree.stack.pop()
        level = max(home, tree.depth() + 1)
        return style, level, _parent(tree)

    # a style this document has not used yet starts a new, deeper level
    if weak:
        ok = n == 1 and _confirmed(candidates, k, style)
    else:
        ok = n <= r.max_start or (not tree.stack and _heading_like(cand))
    if not (ok or cand.strong):
        return None
    level = tree.depth() + 1
    tree.style_level[style] = level
    return style, level, _parent(tree)


def _leave_lower_ranks(tree: _Tree, style: str) -> None:
    """A chapter never sits inside an article (开封 条例: 第一条… then "## 第三章")."""
    spec = rules().by_key.get(style)
    if spec is None or not spec.never_under:
        return
    for i, node in enumerate(tree.stack):
        if node.style in spec.never_under:
            del tree.stack[i:]
            return


def _parent(tree: _Tree) -> int | None:
    return tree.stack[-1].index if tree.stack else None


def _merge_family(tree: _Tree, style: str, n: int) -> str:
    """Treat "1." and "1．" as one style when a document mixes them in one list."""
    r = rules()
    spec = r.by_key.get(style)
    if spec is None or spec.family is None or style in tree.style_level:
        return style
    for node in reversed(tree.stack):
        other = r.by_key.get(node.style)
        if other is not None and other.family == spec.family and node.n is not None and n == node.n + 1:
            return node.style
    return style


def _confirmed(candidates: list[Candidate], k: int, style: str) -> bool:
    """A weak "1." is a heading when a "2." of the same style follows soon after."""
    family = rules().by_key[style].family
    for other in candidates[k + 1 : k + 1 + _LOOKAHEAD]:
        if other.marker is None:
            continue
        spec = rules().by_key.get(other.marker.style)
        same = other.marker.style == style or (
            family is not None and spec is not None and spec.family == family
        )
        if same and other.marker.n == 2:
            return True
    return False


def _heading_like(cand: Candidate) -> bool:
    """A short line that is nothing but a number and a title (北京导引 excerpt "五、现代基础设施篇")."""
    return cand.title_end >= cand.line_end - 1 and cand.title_end - cand.title_start <= _HEADING_LIKE_CHARS
