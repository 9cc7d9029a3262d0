"""Assemble a Document from the raw blocks a format reader finds.

Every reader (txt, html, docx, pdf, OCR, office) only says what it saw —
paragraphs, heading candidates, table rows, page breaks — and this builder
turns that into one normalised text with block offsets. Keeping the layout
decisions here means a rule such as "a number split from its unit by a page
break is one token" holds for every format alike.

What ``build()`` does, in order:

1. normalise each block (``normalise.normalise_line``);
2. move page numbers (``— 3 —``, ``第3页 共10页``) and running headers/footers
   (a short line repeated at page starts/ends on ≥3 pages) to furniture blocks,
   which keep their text in ``Block.content`` and stay out of ``Document.text``;
3. re-join lines where a sentence or a number was split by a line or page
   break (rules in ``pipeline/data/normalise.yaml``, section ``join``);
4. lay the blocks out joined by "\\n" and give each its ``start``/``end``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from pipeline.data import load_data
from pipeline.ingest.normalise import display_width, normalise_line
from pipeline.model import GUESSED_HEADING_STYLE, Block, BlockKind, Document, Source

_FURNITURE = (BlockKind.HEADER, BlockKind.FOOTER)
_BRACKETS = (("《", "》"), ("（", "）"), ("“", "”"), ("〔", "〕"), ("【", "】"))


@dataclass(slots=True)
class _Item:
    kind: BlockKind
    text: str  # normalised
    page: int | None  # as the reader declared it
    page_index: int  # internal page counter (page breaks), for furniture detection
    style: str | None = None
    level: int | None = None
    ocr: bool = False
    confidence: float | None = None
    rows: list[list[str]] | None = None  # TABLE
    furniture: bool = False
    gap_before: bool = False  # a blank line or page break precedes this item
    indented: bool = False  # plain text: the raw line started with indentation


@dataclass(slots=True)
class JoinRecord:
    """One re-join the builder made, kept for inspection (``policylens blocks`` debugging)."""

    rule: str
    before: str  # the line that did not end
    after: str  # the line glued onto it


@dataclass(frozen=True, slots=True)
class _JoinRules:
    terminal: frozenset[str]
    closers: str
    clause_punct: frozenset[str]
    sentence_punct: frozenset[str]
    dangling: frozenset[str]
    min_length: int
    heading: re.Pattern[str]
    no_before: re.Pattern[str]
    no_before_soft: re.Pattern[str]
    no_after: re.Pattern[str]
    title_end: re.Pattern[str]
    unit: re.Pattern[str]
    strong_unit: re.Pattern[str]
    wrap_min_width: int
    wrap_tolerance: int
    wrap_min_share: float
    wrap_min_lines: int
    page_number: re.Pattern[str]
    bare_page_number: re.Pattern[str]
    running_min_pages: int
    running_max_length: int


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=1)
def join_rules() -> _JoinRules:
    data = load_data("normalise.yaml")
    j = data["join"]
    units = sorted(j["units"], key=len, reverse=True)
    return _JoinRules(
        terminal=frozenset(j["terminal"]),
        closers=j["closers"],
        clause_punct=frozenset(j["clause_punct"]),
        sentence_punct=frozenset(j["sentence_punct"]),
        dangling=frozenset(j["dangling"]),
        min_length=j["min_length"],
        heading=re.compile(_alternation(j["heading_starts"])),
        no_before=re.compile(_alternation(j["no_join_before"])),
        no_before_soft=re.compile(_alternation(j["no_join_before_soft"])),
        no_after=re.compile(_alternation(j["no_join_after"])),
        title_end=re.compile(j["title_end"]),
        unit=re.compile(_alternation([re.escape(u) for u in units])),
        strong_unit=re.compile(
            _alternation([re.escape(u) for u in sorted(j["strong_units"], key=len, reverse=True)])
        ),
        wrap_min_width=j["hard_wrap"]["min_width"],
        wrap_tolerance=j["hard_wrap"]["tolerance"],
        wrap_min_share=j["hard_wrap"]["min_share"],
        wrap_min_lines=j["hard_wrap"]["min_lines"],
        page_number=re.compile(rf"(?:{_alternation(data['page_numbers'])})\Z"),
        bare_page_number=re.compile(rf"(?:{data['bare_page_number']})\Z"),
        running_min_pages=data["running"]["min_pages"],
        running_max_length=data["running"]["max_length"],
    )


class _Group(list):  # list[_Item]
    """Lines being glued into one block, with what the join rules ask of it kept up to date
    (recomputing it per line would make a long paragraph quadratic)."""

    def __init__(self, first: _Item, rules: _JoinRules) -> None:
        super().__init__()
        self.length = 0
        self.clause = False  # some line has clause punctuation (，): body text, not a title
        self.full_stop = False  # some line has 。；
        self.balance = [0] * len(_BRACKETS)
        self.add(first, rules)

    def add(self, item: _Item, rules: _JoinRules) -> None:
        self.append(item)
        t = item.text
        self.length += len(t)
        self.clause = self.clause or _has_any(t, rules.clause_punct)
        self.full_stop = self.full_stop or _has_any(t, _FULL_STOPS)
        for i, (a, b) in enumerate(_BRACKETS):
            self.balance[i] += t.count(a) - t.count(b)

    def unbalanced(self) -> bool:
        return any(x > 0 for x in self.balance)


_FULL_STOPS = frozenset("。；;")


class DocumentBuilder:
    """Collects raw blocks from a reader; ``build()`` returns the Document."""

    def __init__(self, source: Source, *, rejoin: bool = True) -> None:
        self.source = source
        self.rejoin = rejoin
        self.guess_headings = False  # mark numbered short lines as heading candidates (plain text)
        self.items: list[_Item] = []
        self.warnings: list[str] = []
        self.joins: list[JoinRecord] = []
        self._page_index = 1
        self._last_page: int | None = None
        self._gap = False
        self._broke = False  # page_break() was called and no block has been added since

    # ----- what readers call ------------------------------------------------
    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        page: int | None = None,
        style: str | None = None,
        level: int | None = None,
        ocr: bool = False,
        confidence: float | None = None,
    ) -> None:
        """One paragraph / heading candidate / list item / text line, raw."""
        kind = BlockKind(kind)
        if kind in _FURNITURE:
            self.add_furniture(kind, text, page=page)
            return
        if kind in (BlockKind.TABLE, BlockKind.TABLE_CELL):
            rows = [row.split("\t") for row in text.replace("\r\n", "\n").split("\n")]
            self.add_table(rows, page=page)
            return
        self._track_page(page)
        lines = [normalise_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        if kind == BlockKind.HEADING or not self.rejoin:
            # a heading, or a real paragraph (docx) with soft line breaks: one block
            if kind == BlockKind.HEADING:
                merged = _glue_lines([ln for ln in lines if ln])
            else:
                merged = "\n".join(ln for ln in lines if ln)
            if not merged:
                self._gap = True
                return
            self._push(_Item(kind, merged, page, self._page_index, style, level, ocr, confidence))
            return
        first = True
        for line in lines:
            if not line:
                self._gap = True
                continue
            item_kind = kind if first else BlockKind.PARAGRAPH
            self._push(_Item(item_kind, line, page, self._page_index, style, level, ocr, confidence))
            first = False
        if first:
            self._gap = True

    def add_table(self, rows: list[list[str]], *, page: int | None = None) -> None:
        """A TABLE block (rows by \\n, cells by \\t) plus TABLE_CELL blocks."""
        self._track_page(page)
        clean = [[_cell_text(c) for c in row] for row in rows]
        clean = [row for row in clean if any(row)]
        if not clean:
            return
        self._push(_Item(BlockKind.TABLE, "", page, self._page_index, rows=clean))

    def add_furniture(self, kind: BlockKind, text: str, *, page: int | None = None) -> None:
        """A running header/footer or page number the reader recognised itself."""
        kind = BlockKind(kind)
        if kind not in _FURNITURE:
            kind = BlockKind.HEADER
        self._track_page(page)
        content = normalise_line(" ".join(text.split("\n")))
        if content:
            self.items.append(_Item(kind, content, page, self._page_index, furniture=True))

    def page_break(self) -> None:
        """A page boundary: a sentence or number may continue across it."""
        self._page_index += 1
        self._gap = True
        self._broke = True

    def blank_line(self) -> None:
        """A blank line in plain text: a paragraph boundary, which the join rules may overrule
        (seed 004 has a blank line wherever its source PDF had a page break)."""
        self._gap = True

    # ----- internals --------------------------------------------------------
    def _track_page(self, page: int | None) -> None:
        if page is not None:
            if self._last_page is not None and page != self._last_page and not self._broke:
                self._page_index += 1  # a reader that numbers pages without calling page_break()
                self._gap = True
            self._last_page = page
        self._broke = False

    def _push(self, item: _Item) -> None:
        item.gap_before = self._gap
        self._gap = False
        self.items.append(item)

    # ----- build --------------------------------------------------------------
    def build(self) -> Document:
        rules = join_rules()
        self._mark_furniture(rules)
        groups = self._join(rules) if self.rejoin else [[it] for it in self.items]
        return self._layout(groups)

    def _mark_furniture(self, rules: _JoinRules) -> None:
        body = [it for it in self.items if not it.furniture and it.kind != BlockKind.TABLE]
        by_page: dict[int, list[_Item]] = defaultdict(list)
        for it in body:
            by_page[it.page_index].append(it)
        paged = len(by_page) > 1
        # page numbers: unambiguous shapes anywhere; a bare "3" or "3/10" only at a page edge
        for page_items in by_page.values():
            edges = {id(page_items[0]), id(page_items[-1])} if paged else set()
            for it in page_items:
                if "\n" in it.text or len(it.text) > 20:
                    continue
                at_edge = id(it) in edges
                shaped = bool(rules.page_number.match(it.text)) and (at_edge or not _is_ratio(it.text))
                bare = at_edge and bool(rules.bare_page_number.match(it.text))
                if shaped or bare:
                    it.furniture, it.kind = True, BlockKind.FOOTER
        if len(by_page) < rules.running_min_pages:
            return
        # running headers/footers: the same short line at the start (end) of >= N pages
        starts: dict[str, set[int]] = defaultdict(set)
        ends: dict[str, set[int]] = defaultdict(set)
        firsts: dict[int, _Item] = {}
        lasts: dict[int, _Item] = {}
        for page, page_items in by_page.items():
            live = [it for it in page_items if not it.furniture]
            if not live:
                continue
            firsts[page], lasts[page] = live[0], live[-1]
            starts[_running_key(live[0].text)].add(page)
            ends[_running_key(live[-1].text)].add(page)

        def running(it: _Item, seen: dict[str, set[int]]) -> bool:
            # a sentence that ends (。) is body text even when it repeats
            return (
                len(it.text) <= rules.running_max_length
                and it.text[-1] not in "。！？；"
                and len(seen[_running_key(it.text)]) >= rules.running_min_pages
            )

        for it in firsts.values():
            if running(it, starts):
                it.furniture, it.kind = True, BlockKind.HEADER
        for it in lasts.values():
            if running(it, ends):
                it.furniture, it.kind = True, BlockKind.FOOTER

    def _join(self, rules: _JoinRules) -> list[list[_Item]]:
        body = [it for it in self.items if not it.furniture and it.kind != BlockKind.TABLE]
        wrap = _wrap_width([it.text for it in body], rules)
        # Indentation marks paragraph starts only where some lines are indented and most are not
        # (pdftotext output of a 公文: two-character indent on each paragraph's first line).
        indented = sum(1 for it in body if it.indented)
        indent_marks = bool(body) and 0.05 <= indented / len(body) <= 0.7
        groups: list[list[_Item]] = []
        open_group: _Group | None = None  # the group a following line may continue
        for it in self.items:
            if it.furniture:
                groups.append([it])  # furniture sits between, never ends a paragraph
                continue
            if it.kind == BlockKind.TABLE:
                groups.append([it])
                open_group = None
                continue
            if open_group is not None:
                reason = self._join_reason(open_group, it, rules, wrap, indent_marks)
                if reason:
                    self.joins.append(JoinRecord(reason, open_group[-1].text, it.text))
                    open_group.add(it, rules)
                    continue
            open_group = _Group(it, rules)
            groups.append(open_group)
        return groups

    @staticmethod
    def _join_reason(
        group: _Group, nxt: _Item, rules: _JoinRules, wrap: int | None, indent_marks: bool = False
    ) -> str | None:
        """Why ``nxt`` continues ``group`` (a rule name), or None when it starts a new block."""
        prev = group[-1]
        if prev.kind == BlockKind.HEADING or nxt.kind in (BlockKind.HEADING, BlockKind.LIST_ITEM):
            return None
        p, n = prev.text, nxt.text
        heading_next = bool(rules.heading.match(n))
        # seed 004: "年度实际使用外资金额 500\n\n万美元" — a number split from its unit
        if (
            p[-1:].isdigit()
            and not heading_next
            and not _DATE_LINE.search(p)
            and (
                rules.strong_unit.match(n)
                or (rules.unit.match(n) and len(p) >= rules.min_length and not rules.no_before.match(n))
            )
        ):
            return "number_unit"
        if heading_next or rules.no_before.match(n):
            return None
        full = wrap is not None and display_width(p) >= wrap - rules.wrap_tolerance
        if indent_marks:
            if nxt.indented:
                return None  # an indented line starts a paragraph
            if full and prev.text and group[0].indented:
                # an unindented line after a full line of an indented paragraph continues it,
                # even when the wrap fell right after a full stop
                return "hard_wrap"
        if _ends_sentence(p, rules):
            return None
        body_like = group.clause
        if (
            p[-1] in rules.dangling
            and not rules.no_before_soft.match(n)
            and (_has_any(n, rules.sentence_punct) or rules.title_end.match(p + n))
        ):
            return "dangling"
        if full:
            # a full line of hard-wrapped text stops mid-sentence: the next line continues it,
            # unless a title/heading line is followed by a label or salutation, or a short line
            # without punctuation follows (a label) — but a title's tail ("…支持办" + "法") joins
            if not body_like and rules.no_before_soft.match(n):
                return None
            if display_width(n) >= wrap - rules.wrap_tolerance or _has_any(n, rules.sentence_punct):
                return "hard_wrap"
            if rules.title_end.match(p + n):
                return "title_wrap"
            return None
        if rules.no_before_soft.match(n) or rules.no_after.match(p):
            return None
        if not _has_any(n, rules.sentence_punct):
            return None  # a title, label, signature or page number, not a sentence's tail
        if not body_like and rules.title_end.match(p):
            return None  # a title: seed 004 "关于印发《…》的通知" then the salutation
        if group.length >= rules.min_length and group.unbalanced():
            # a 《title》 or （aside） opened and not closed: the line was cut inside it
            return "open_bracket"
        is_heading = bool(rules.heading.match(group[0].text)) and not group.full_stop
        if not is_heading and len(p) >= rules.min_length and group.clause:
            # seed 004: "…第三、四条\n\n款，全年…" — a sentence cut by a page break
            return "clause"
        return None

    def _layout(self, groups: list[list[_Item]]) -> Document:
        parts: list[str] = []
        blocks: list[Block] = []
        pos = 0
        for group in groups:
            head = group[0]
            if head.furniture:
                blocks.append(Block(kind=head.kind, start=None, end=None, page=head.page, content=head.text))
                continue
            if head.kind == BlockKind.TABLE:
                assert head.rows is not None
                if parts:
                    pos += 1  # the "\n" before this block
                table_index = len(blocks)
                table = Block(kind=BlockKind.TABLE, start=pos, end=None, page=head.page)
                blocks.append(table)
                row_texts: list[str] = []
                cursor = pos
                for r, row in enumerate(head.rows):
                    for c, cell in enumerate(row):
                        blocks.append(
                            Block(
                                kind=BlockKind.TABLE_CELL,
                                start=cursor,
                                end=cursor + len(cell),
                                page=head.page,
                                row=r,
                                col=c,
                                parent=table_index,
                            )
                        )
                        cursor += len(cell) + 1  # the "\t" or "\n" after it
                    row_texts.append("\t".join(row))
                text = "\n".join(row_texts)
                table.end = pos + len(text)
                parts.append(text)
                pos = table.end
                continue
            text = _glue_lines([g.text for g in group])
            if not text:
                continue
            if parts:
                pos += 1
            blocks.append(
                Block(
                    kind=_candidate_kind(head.kind, text) if self.guess_headings else head.kind,
                    start=pos,
                    end=pos + len(text),
                    page=head.page,
                    style=head.style or (GUESSED_HEADING_STYLE if self.guess_headings and _candidate_kind(head.kind, text) is not head.kind else None),
                    level=head.level,
                    ocr=any(g.ocr for g in group),
                    confidence=_min_conf(group),
                )
            )
            parts.append(text)
            pos += len(text)
        doc = Document(source=self.source, text="\n".join(parts), blocks=blocks)
        doc.warnings.extend(self.warnings)
        return doc


def build_from_text(source: Source, raw: str) -> Document:
    """A Document from plain text: lines become blocks, re-joined where a paragraph was cut.

    Blank lines are paragraph boundaries, but many txt files have no blank
    lines at all (one paragraph per line) and some hard-wrap paragraphs at a
    fixed width; the builder's join rules handle all three. A form feed is a
    page break. In Markdown, ``#`` lines are heading candidates.
    """
    builder = DocumentBuilder(source)
    builder.guess_headings = True  # plain text has no styles: mark numbered short lines as candidates
    markdown = source.format == "md"
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    paged = "\f" in raw.strip("\f\n ")  # pdftotext output: pages end with a form feed
    for page_no, page in enumerate(raw.split("\f")):
        if page_no:
            builder.page_break()
        number = page_no + 1 if paged else None
        lines = page.split("\n")
        table: list[list[str]] = []  # consecutive tab-separated rows
        for i, line in enumerate(lines):
            if _TAB_ROW.search(line):
                table.append([cell.strip() for cell in _TAB_SPLIT.split(line.strip())])
                after = lines[i + 1] if i + 1 < len(lines) else ""
                if _TAB_ROW.search(after):
                    continue
                if len(table) >= 2:
                    # a table typed with tabs (a 材料清单 / 指标 table pasted from Word or Excel): rows and
                    # cells as in a docx table, never re-joined as hard-wrapped prose ("序号\t材料名称\t要求")
                    builder.add_table(table, page=number)
                    table = []
                    continue
                table = []  # one tab line alone is a line of text with a gap in it
            if markdown:
                m = re.match(r"\s{0,3}(#{1,6})\s+(.*)", line)
                if m:
                    heading = m.group(2).strip().rstrip("#").strip()
                    builder.add(BlockKind.HEADING, heading, level=len(m.group(1)), page=number)
                    continue
            if not line.strip():
                builder.blank_line()
                continue
            count = len(builder.items)
            builder.add(BlockKind.PARAGRAPH, line, page=number)
            if len(builder.items) > count and _INDENT.match(line):
                builder.items[-1].indented = True
    return builder.build()


# ----- small helpers -------------------------------------------------------------
# A txt table row: a tab between two non-blank cells (a leading tab is indentation, not a cell)
_TAB_ROW = re.compile(r"\S[ \u3000]*\t+[ \u3000]*\S")
_TAB_SPLIT = re.compile(r"[ \u3000]*\t+[ \u3000]*")

# A plain-text line that *looks* like a heading: 公文 numbering (一、 （一） 1. 第三条 附件1)
# followed by a short title with no sentence punctuation. Only a candidate: the
# structure stage decides. Deliberately narrower than the join rules' heading_starts
# (no bullets, no 一是): "（一）2018年外贸进出口…；" is a numbered sentence, not a heading.
_HEADING_CANDIDATE = re.compile(
    r"(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|[0-9]{1,2}[、.．](?![0-9])"
    r"|第[一二三四五六七八九十百零〇0-9]+[章节条部分篇]|附件[0-9一二三四五六七八九十]*[：:]?)"
    r"[^，。；：,;:！？]{1,30}$"
)


def _candidate_kind(kind: BlockKind, text: str) -> BlockKind:
    if kind is BlockKind.PARAGRAPH and _HEADING_CANDIDATE.match(text):
        return BlockKind.HEADING
    return kind



def _glue_lines(lines: list[str]) -> str:
    """Join continuation lines: nothing between CJK, one space between Latin words."""
    out = ""
    for line in lines:
        if out and out[-1].isascii() and out[-1].isalpha() and line[:1].isascii() and line[:1].isalpha():
            out += " "
        out += line
    return out


def _cell_text(cell: str | None) -> str:
    if cell is None:
        return ""
    lines = [normalise_line(x) for x in str(cell).replace("\r\n", "\n").split("\n")]
    return _glue_lines([x for x in lines if x]).replace("\t", " ")


# two or more spaces, a tab or an ideographic space before the text: a paragraph's first line
_INDENT = re.compile(r"(?: {2,}|\t|\u3000|\u00a0{2,})\s*\S")
_DATE_LINE = re.compile(r"(^|[^0-9])[0-9]{4}[-./年][0-9]{1,2}[-./月][0-9]{1,2}日?$")
_OPENER = {"）": "（", ")": "(", "”": "“", "’": "‘", "」": "「", "』": "『", "》": "《", "】": "【"}


def _ends_sentence(line: str, rules: _JoinRules) -> bool:
    """Does ``line`` end a sentence: terminal punctuation, maybe inside closing quotes/brackets?

    A closing bracket whose opening one follows a full stop also ends it: real/anhui
    "…500万元。（责任单位：省经济和信息化厅、省财政厅）" closes a paragraph.
    """
    core = line.rstrip(rules.closers)
    if not core:
        return True
    if core[-1] in rules.terminal:
        return True
    last = line[-1]
    if last in _OPENER:
        opener = _OPENER[last]
        i = line.rfind(opener)
        if i == 0 or (i > 0 and line[i - 1] in rules.terminal):
            return True
    return False


def _has_any(text: str, chars: frozenset[str]) -> bool:
    return any(c in chars for c in text)


def _unbalanced(text: str) -> bool:
    return any(text.count(a) > text.count(b) for a, b in _BRACKETS)


def _is_ratio(text: str) -> bool:
    return bool(re.fullmatch(r"[0-9]{1,4} *[/／] *[0-9]{1,4}", text))


def _running_key(text: str) -> str:
    # "××市人民政府公报 2020年第3期" repeats with a changing number
    return re.sub(r"[0-9]+", "#", text)


def _min_conf(group: list[_Item]) -> float | None:
    values = [g.confidence for g in group if g.confidence is not None]
    return min(values) if values else None


def _wrap_width(lines: list[str], rules: _JoinRules) -> int | None:
    """The fixed width a text was hard-wrapped at, in display columns, or None."""
    lines = [t for t in lines if "\n" not in t]
    widths = [display_width(t) for t in lines]
    long = [w for w in widths if w >= rules.wrap_min_width]
    if len(long) < rules.wrap_min_lines:
        return None
    # the wrap width is the high end of a dense band: take the most common width among the
    # long lines, then the largest width near it that many lines reach
    counts = Counter(long)
    best, best_n = None, 0
    for w in counts:
        n = sum(counts[x] for x in range(w - rules.wrap_tolerance, w + 1))
        if n > best_n or (n == best_n and best is not None and w > best):
            best, best_n = w, n
    if best is None or best_n < max(rules.wrap_min_lines, rules.wrap_min_share * len(long)):
        return None
    # in a hard-wrapped text most full lines stop mid-sentence; in one-paragraph-per-line text
    # (bulk laws) lines of similar width all end with 。 and must not be glued together
    band = [t for t, w in zip(lines, widths) if best - rules.wrap_tolerance <= w <= best]
    open_ended = sum(1 for t in band if t[-1:] not in "。！？；：!?;:…”）)")
    if open_ended < 0.5 * len(band):
        return None
    return best


__all__ = ["DocumentBuilder", "JoinRecord", "build_from_text", "join_rules"]
