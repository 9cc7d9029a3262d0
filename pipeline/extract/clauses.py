"""Stage ``extract.clauses.v1``: split the body into clauses a researcher would quote.

A clause is a sentence (ended by 。！？； or by the end of its paragraph), with
three exceptions that come from how 公文 are written:

* a tier list ("达5亿元、3亿元…分别给予30万元、20万元…", or "5亿元以上的，奖励30万元；
  3亿元以上的，奖励20万元") stays ONE clause, because its thresholds and rewards
  only make sense together;
* a numbered item (（一）…； / 1.…；) is one clause, also when several items run on
  one line after a colon;
* headings are not clauses, but a run-in heading ("1.加大对外贸企业扶持力度。开展…")
  gives its body part after the title.

Lines are rejoined when a PDF wrap or a page break cut a sentence (seed 004:
"第三、四条\\n\\n款，全年进出口…"). The rules (markers, punctuation, lengths) live in
``pipeline/data/clause_kinds.yaml`` under ``segmentation``.

Segmentation never looks at ``doc.sections`` so it gives the same clauses with or
without the structure stage; sections are only used to fill ``Clause.section``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.data import load_data
from pipeline.model import Clause, Document


@dataclass(frozen=True, slots=True)
class SegmentRules:
    """Compiled segmentation rules from clause_kinds.yaml."""

    numbering: re.Pattern[str]
    terminators: str
    closers: str
    line_end_marks: str
    heading_max_chars: int
    runin_title_max_chars: int
    join_across_blank_min_chars: int
    join_wrapped_min_chars: int
    leadin_max_chars: int
    money: re.Pattern[str]
    furniture: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def segment_rules() -> SegmentRules:
    seg: dict[str, Any] = load_data("clause_kinds.yaml")["segmentation"]
    return SegmentRules(
        numbering=re.compile("^(?:" + "|".join(f"(?P<n{i}>{p})" for i, p in enumerate(seg["numbering"])) + ")"),
        terminators=seg["terminators"],
        closers=seg["closers"],
        line_end_marks=seg["line_end_marks"],
        heading_max_chars=seg["heading_max_chars"],
        runin_title_max_chars=seg["runin_title_max_chars"],
        join_across_blank_min_chars=seg["join_across_blank_min_chars"],
        join_wrapped_min_chars=seg["join_wrapped_min_chars"],
        leadin_max_chars=seg["leadin_max_chars"],
        money=re.compile(seg["money"]),
        furniture=tuple(re.compile(p) for p in seg["furniture"]),
    )


@dataclass(slots=True)
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str
    heading: bool = False


@dataclass(slots=True)
class RawClause:
    """A clause span before ids and kinds are attached; ``context`` is the heading path."""

    start: int
    end: int
    context: tuple[str, ...]


_SPACE = " \t\u3000\xa0\r\f\v"
_SENTENCE_PUNCT = "。！？；!?;"
_CLAUSE_PUNCT = "，,、：:"
_CJK_OR_ALNUM = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")


def _lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip(_SPACE)
        if stripped:
            lead = len(raw) - len(raw.lstrip(_SPACE))
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _number_prefix(text: str, rules: SegmentRules) -> int:
    """Length of a leading numbering marker ("（一）", "1.", "第3条 "), or 0."""
    m = rules.numbering.match(text)
    return m.end() if m else 0


def _number_rank(text: str, rules: SegmentRules) -> int:
    """Which numbering style starts ``text`` (its index in the YAML list), or -1.

    The YAML lists styles from outermost (第X章) to innermost (①), which is the
    usual 公文 nesting, so the index doubles as a nesting rank.
    """
    m = rules.numbering.match(text)
    if not m:
        return -1
    for rank, name in enumerate(m.groupdict()):
        if m.group(name):
            return rank
    return -1


LEADIN_RANK = 1000  # deeper than any numbering style

_KEY_VALUE = re.compile(r"^[^，。；：:]{1,10}[：:]\s*\S")


def _is_heading_line(line: str, rules: SegmentRules) -> bool:
    """A line that names a part of the document rather than saying something.

    Short lines without sentence punctuation are titles, 文号, issuers and dates
    ("市中发〔2020〕12号", "2020年9月24日", "一、申报范围"); a short line ending in a
    colon is a lead-in ("各市商务局、财政局：", "联系方式："). A short line with a
    "key：value" shape is kept: it is a contact or a fact ("联系电话：0531-82669593").
    """
    if any(p.search(line) for p in rules.furniture):
        return True
    if len(line) > rules.heading_max_chars:
        return False
    body = line.rstrip(_SPACE)
    if body.endswith(("：", ":")):
        return "，" not in body and "。" not in body and len(body) <= rules.leadin_max_chars
    if any(ch in body for ch in _SENTENCE_PUNCT):
        return False
    if re.search(r"[：:]\s*\S", body):
        return False  # key: value (contacts, 申报时间：…)
    return "，" not in body or _number_prefix(body, rules) > 0 and len(body) <= 20


def _runin_title_end(line: Line, rules: SegmentRules) -> int:
    """Offset (in the line) where the body starts after a run-in title, else 0.

    "1.加大对外贸企业扶持力度。开展…": the numbered first sentence is short, has no
    comma, and real body text follows on the same line.
    """
    n = _number_prefix(line.text, rules)
    if not n:
        return 0
    chapter = re.match(r"[^。！？；，,：:\s]{1,%d}[ \u3000]{2,}(?=\S)" % rules.runin_title_max_chars, line.text[n:])
    if chapter and _number_prefix(line.text[n + chapter.end() :], rules):
        # aba_gov_data_mgmt_measures: "第一章　总则　　第一条 　为规范…" on one line
        return n + chapter.end()
    m = re.match(r"[^。！？；，,：:]{2,%d}[。．.：:]\s*" % rules.runin_title_max_chars, line.text[n:])
    if not m:
        return 0
    rest = line.text[n + m.end() :]
    if len(_CJK_OR_ALNUM.findall(rest)) < 6 or re.fullmatch(r"[（(][^）)]*[）)][。；]?", rest):
        return 0
    if re.search(r"\d", m.group(0)):
        # seed 000 "（二）试点县实施方案（2019年-2021年）。…" names a material, and
        # "（一）奖励10万元。…" says something: titles carry no figures
        return 0
    return n + m.end()


def _paragraphs(text: str, lines: list[Line], rules: SegmentRules) -> list[tuple[int, int, tuple[str, ...]]]:
    """Body paragraphs as (start, end, heading context), rejoining broken lines."""
    paras: list[tuple[int, int, tuple[str, ...]]] = []
    stack: list[tuple[int, str]] = []  # (numbering rank, heading text), outermost first

    def push(heading: str) -> tuple[str, ...]:
        """Put a heading on the context stack; returns the context clauses below it get.

        Furniture (文号, dates, "来源：") is not context. A lead-in ending in a colon
        ("补贴条件：", "管委会依照本办法履行以下职责：") covers only the lines up to the
        next heading, so it sits deepest and the next heading of any rank pops it.
        """
        if any(p.search(heading) for p in rules.furniture):
            return tuple(h for _, h in stack[-2:])
        rank = _number_rank(heading, rules)
        if rank < 0 and heading.endswith(("：", ":")):
            rank = LEADIN_RANK
        while stack and (rank < 0 or stack[-1][0] >= rank or stack[-1][0] == LEADIN_RANK):
            stack.pop()
        stack.append((rank, heading))
        return tuple(h for _, h in stack[-2:])

    context: tuple[str, ...] = ()
    cur: list[int] | None = None  # [start, end]
    cur_ctx: tuple[str, ...] = ()
    prev: Line | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None:
            paras.append((cur[0], cur[1], cur_ctx))
        cur = None

    for line in lines:
        joins = (
            cur is not None
            and prev is not None
            and not prev.text.endswith(tuple(rules.line_end_marks))
            and not _number_prefix(line.text, rules)
            and not _KEY_VALUE.match(line.text)  # "地  址：…" after "联系电话：…"
            and not (_KEY_VALUE.match(prev.text) and len(prev.text) <= rules.heading_max_chars)
            and (
                # a page break: the cut line is body text (has commas), not a long title
                (len(prev.text) >= rules.join_across_blank_min_chars and re.search(r"[，。；,]", prev.text))
                or ("\n\n" not in text[prev.end : line.start] and len(prev.text) >= rules.join_wrapped_min_chars)
            )
        )
        if joins and cur is not None:
            cur[1] = line.end
            prev = line
            continue
        close()
        if _is_heading_line(line.text, rules):
            line.heading = True
            context = push(line.text)
            prev = None
            continue
        start = line.start
        title_end = _runin_title_end(line, rules)
        if title_end:
            context = push(line.text[:title_end].strip(_SPACE))
            start = line.start + title_end
        cur, cur_ctx = [start, line.end], context
        prev = line
    close()
    return paras


def _sentences(text: str, start: int, end: int, rules: SegmentRules) -> list[tuple[int, int]]:
    """Split one paragraph at sentence punctuation (keeping trailing quotes/brackets)."""
    spans: list[tuple[int, int]] = []
    i, s = start, start
    while i < end:
        ch = text[i]
        if ch in rules.terminators:
            j = i + 1
            while j < end and text[j] in rules.closers:
                j += 1
            spans.append((s, j))
            s, i = j, j
            continue
        if ch in "：:" and _number_prefix(text[i + 1 : end].lstrip(_SPACE), rules):
            # "申报材料包括：（一）营业执照；（二）…": each item is its own clause
            spans.append((s, i + 1))
            s = i + 1
        i += 1
    if s < end:
        spans.append((s, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE + "\n":
        start += 1
    while end > start and text[end - 1] in _SPACE + "\n":
        end -= 1
    return start, end


def _merge(text: str, spans: list[tuple[int, int]], rules: SegmentRules) -> list[tuple[int, int]]:
    """Re-merge pieces that belong together: bracket notes and tier lists."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        piece = text[s:e].strip(_SPACE + "\n")
        if out and (
            # "（三）试点县评价指标体系完成情况。（见附件2）": the note belongs to the item
            re.fullmatch(r"[（(][^（）()]*[）)][。；]?", piece)
            or not _CJK_OR_ALNUM.search(piece)
        ):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    # tier lists: adjacent ；-pieces that each carry money and a tier cue stay together
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if merged and _is_tier_piece(text[s:e], rules) and _is_tier_piece(text[merged[-1][0] : merged[-1][1]], rules):
            prev_text = text[merged[-1][0] : merged[-1][1]].rstrip(_SPACE + "\n")
            if prev_text.endswith(("；", ";")):
                merged[-1] = (merged[-1][0], e)
                continue
        merged.append((s, e))
    return merged


def _is_tier_piece(piece: str, rules: SegmentRules) -> bool:
    """A piece of a tier list: money and a threshold/reward shape ("…以上的，奖励30万元；")."""
    if len(rules.money.findall(piece)) < 1 or len(piece) > 90:
        return False
    return bool(re.search(r"以上|以下|达到?|超过|不足|不超过|低于|高于|之间|至|分别|的，", piece))


def segment(text: str) -> list[RawClause]:
    """Clause spans of ``text`` with the heading context each one sits under.

    A sentence ending in a colon ("申请认定就业见习基地，应当符合下列条件：") is
    context for the numbered items that follow it, up to the next paragraph
    that is not a numbered item: those items are conditions, materials or
    prohibitions because of it.
    """
    rules = segment_rules()
    out: list[RawClause] = []
    leadin: str | None = None
    leadin_rank = -1  # numbering style of the paragraph that holds the lead-in
    item_rank: int | None = None  # numbering style of its items, once seen
    for p_start, p_end, ctx in _paragraphs(text, _lines(text), rules):
        if leadin:
            rank = _number_rank(text[p_start:p_end], rules)
            # the list ends at an unnumbered paragraph, at the next article of the lead-in's own
            # level, or at another numbering style: lawref_00331 "第六条 …有下列情形之一的，…不予
            # 登记：（一）…（五）…" must not make "第七条 婚姻登记机关应当…审查" one of its items
            if rank < 0 or (leadin_rank >= 0 and rank <= leadin_rank) or (item_rank is not None and rank != item_rank):
                leadin = None
            elif item_rank is None:
                item_rank = rank
        for s, e in _merge(text, _sentences(text, p_start, p_end, rules), rules):
            s, e = _trim(text, s, e)
            piece = text[s:e]
            if len(_CJK_OR_ALNUM.findall(piece)) < 2:
                continue
            item_ctx = ctx + (leadin,) if leadin else ctx
            if piece.endswith(("：", ":")):
                leadin = piece
                leadin_rank = _number_rank(text[p_start:p_end], rules)
                item_rank = None
                if len(piece) <= rules.leadin_max_chars and "。" not in piece:
                    # a lead-in such as "有关事宜通知如下：" is not something to quote on its own
                    continue
            out.append(RawClause(s, e, item_ctx))
    return out


def extract_clauses(doc: Document) -> Document:
    """Add ``doc.clauses`` (ids c1, c2, … in text order) with their kinds."""
    from pipeline.extract.clause_kind import classify_many

    raw = segment(doc.text)
    size = max(len(doc.text), 1)
    kinds = classify_many([(doc.text[r.start : r.end], r.context) for r in raw], [r.start / size for r in raw])
    doc.clauses = []
    for i, (r, (kind, confidence, secondary)) in enumerate(zip(raw, kinds), start=1):
        section = doc.section_at(r.start)
        doc.clauses.append(
            Clause(
                id=f"c{i}",
                section=section.id if section else None,
                kind=kind,
                start=r.start,
                end=r.end,
                text=doc.text[r.start : r.end],
                confidence=round(confidence, 4),
                kinds=secondary,
            )
        )
    return doc


__all__ = ["extract_clauses", "segment", "RawClause"]
