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

Every amount and deadline must sit in some clause: researchers find amounts
through their clause. So a line that names an amount, a date or a time limit is
a clause even where its shape says heading, lead-in or form: a form line
("申报时间：2025年8月11日至8月22日"), a label with its value on the next line
("时间/频度\\n从2023年9月起"), a table row (one clause per row), a lead-in that
carries a figure ("有下列行为之一的，由公安机关处五百元以下罚款："). Furniture
(文号, dates, "来源："), document titles and attachment headings stay out.

Lines are rejoined when a PDF wrap or a page break cut a sentence (seed 004:
"第三、四条\\n\\n款，全年进出口…"). The rules (markers, punctuation, lengths) live in
``pipeline/data/clause_segmentation.yaml``.

Segmentation never looks at ``doc.sections`` so it gives the same clauses with or
without the structure stage; sections are only used to fill ``Clause.section``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.data import load_data
from pipeline.model import BlockKind, Clause, Document


@dataclass(frozen=True, slots=True)
class SegmentRules:
    """Compiled segmentation rules from clause_segmentation.yaml."""

    numbering: re.Pattern[str]
    article_marker: re.Pattern[str]
    article_titles_min_run: int
    terminators: str
    closers: str
    line_end_marks: str
    complete_tail: re.Pattern[str]
    heading_max_chars: int
    runin_title_max_chars: int
    join_across_blank_min_chars: int
    join_wrapped_min_chars: int
    record_start: re.Pattern[str]
    leadin_max_chars: int
    recipients: re.Pattern[str]
    form_label_max_chars: int
    form_label_heads: tuple[str, ...]
    form_value_max_chars: int
    money: re.Pattern[str]
    period: re.Pattern[str]
    phone: re.Pattern[str]
    furniture: tuple[re.Pattern[str], ...]
    date_line: tuple[re.Pattern[str], ...]
    promulgation: tuple[re.Pattern[str], ...]
    title: tuple[re.Pattern[str], ...]
    attachment_heading: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def segment_rules() -> SegmentRules:
    seg: dict[str, Any] = load_data("clause_segmentation.yaml")

    def many(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in seg[key])

    return SegmentRules(
        numbering=re.compile(
            "^(?:" + "|".join(f"(?P<n{i}>{p})" for i, p in enumerate(seg["numbering"])) + ")"
        ),
        article_marker=re.compile(seg["article_marker"]),
        article_titles_min_run=seg["article_titles_min_run"],
        terminators=seg["terminators"],
        closers=seg["closers"],
        line_end_marks=seg["line_end_marks"],
        complete_tail=re.compile(seg["complete_tail"]),
        heading_max_chars=seg["heading_max_chars"],
        runin_title_max_chars=seg["runin_title_max_chars"],
        join_across_blank_min_chars=seg["join_across_blank_min_chars"],
        join_wrapped_min_chars=seg["join_wrapped_min_chars"],
        record_start=re.compile(seg["record_start"]),
        leadin_max_chars=seg["leadin_max_chars"],
        recipients=re.compile(seg["recipients"]),
        form_label_max_chars=seg["form_label_max_chars"],
        form_label_heads=tuple(seg["form_label_heads"]),
        form_value_max_chars=seg["form_value_max_chars"],
        money=re.compile(seg["money"]),
        period=re.compile(seg["period"]),
        phone=re.compile(seg["phone"]),
        furniture=many("furniture"),
        date_line=many("date_line"),
        promulgation=many("promulgation"),
        title=many("title"),
        attachment_heading=many("attachment_heading"),
    )


@dataclass(slots=True)
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str
    heading: bool = False
    row: int | None = None  # table rows: 0-based index in their table
    rows: int = 0  # table rows: how many rows the table has


@dataclass(slots=True)
class RawClause:
    """A clause span before ids and kinds are attached; ``context`` is the heading path."""

    start: int
    end: int
    context: tuple[str, ...]


@dataclass(slots=True)
class Paragraph:
    """A run of body text to cut into sentences; ``whole`` keeps it as one clause (a table row)."""

    start: int
    end: int
    context: tuple[str, ...]
    whole: bool = False


_SPACE = " \t\u3000\xa0\r\f\v"
_SENTENCE_PUNCT = "。！？；!?;"
_CLAUSE_PUNCT = "，,、：:"
_CJK_OR_ALNUM = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# a Markdown table row in plain text (LawRefBook "| 第182条（《修正案》第6条）|操纵证券…罪 |")
_PIPE_ROW = re.compile(r"^\|.*\|.*\|$")


class Figures:
    """Where the text names an amount, a calendar date or a time limit.

    Found once over the whole text with the same readers the amount and
    deadline stages use (jieba would split "3480.83万元"), so that "this line
    carries a figure" means the same thing here as an amount's ``clause`` later.
    """

    def __init__(self, text: str, rules: SegmentRules) -> None:
        from pipeline.extract.amounts import find_amounts
        from pipeline.extract.dates import find_dates

        self._mask = bytearray(len(text) + 1)
        self._money = bytearray(len(text) + 1)
        spans = [(d.start, d.end) for d in find_dates(text)] + [m.span() for m in rules.period.finditer(text)]
        for s, e in spans:
            self._mask[s:e] = b"\x01" * (e - s)
        for a in find_amounts(text):
            self._mask[a.start : a.end] = b"\x01" * (a.end - a.start)
            self._money[a.start : a.end] = b"\x01" * (a.end - a.start)

    def any(self, start: int, end: int) -> bool:
        """An amount, date or time limit overlaps ``[start, end)``."""
        return self._mask.find(b"\x01", start, end) >= 0

    def money(self, start: int, end: int) -> bool:
        return self._money.find(b"\x01", start, end) >= 0


def _cells(line: str) -> list[str]:
    parts = line.strip("|").split("|") if _PIPE_ROW.match(line) else line.split("\t")
    return [c.strip(_SPACE) for c in parts if c.strip(_SPACE)]


def _lines(text: str, rules: SegmentRules, tables: Sequence[tuple[int, int]] = ()) -> list[Line]:
    """Non-blank lines; rows of a table (a TABLE block, or tab/pipe-separated cells) are marked."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip(_SPACE)
        if stripped:
            lead = len(raw) - len(raw.lstrip(_SPACE))
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    # a table is a run of adjacent multi-cell rows; a TABLE block from docx/html/pdf bounds it
    run: list[Line] = []
    table_of = [next((i for i, (s, e) in enumerate(tables) if s <= ln.start < e), -1) for ln in out]

    def flush() -> None:
        for i, ln in enumerate(run):
            ln.row, ln.rows = i, len(run)
        run.clear()

    prev_table = -2
    for ln, table in zip(out, table_of):
        cells = _cells(ln.text)
        is_row = len(cells) >= 2 and (
            table >= 0
            # "第五章\t设施管理", "一、\t总体要求": a tab after a number is spacing, not a table
            or (
                ("\t" in ln.text or _PIPE_ROW.match(ln.text))
                and _number_prefix(cells[0], rules) < len(cells[0])
            )
        )
        if not is_row or (run and table != prev_table):
            flush()
        if is_row:
            run.append(ln)
        prev_table = table
    flush()
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


def _never_body(line: str, rules: SegmentRules) -> bool:
    """Furniture, a date or history line, a document title or an attachment heading: never body text."""
    patterns = rules.furniture + rules.date_line + rules.promulgation + rules.title + rules.attachment_heading
    return any(p.search(line) for p in patterns)


def _is_heading_line(line: str, rules: SegmentRules) -> bool:
    """A line that names a part of the document rather than saying something.

    Short lines without sentence punctuation are titles, 文号, issuers and dates
    ("市中发〔2020〕12号", "2020年9月24日", "一、申报范围"); a short line ending in a
    colon is a lead-in ("各市商务局、财政局：", "联系方式："). A short line with a
    "key：value" shape is kept: it is a contact or a fact ("联系电话：0531-82669593").
    A heading that names a figure is judged by the caller (see ``_paragraphs``).
    """
    if _never_body(line, rules):
        return True
    if len(line) > rules.heading_max_chars:
        return False
    body = line.rstrip(_SPACE)
    if body.endswith(("：", ":")):
        return _is_bare_leadin(body, rules)
    if any(ch in body for ch in _SENTENCE_PUNCT):
        return False
    if re.search(r"[：:]\s*\S", body):
        return False  # key: value (contacts, 申报时间：…)
    article = rules.article_marker.match(body)
    rest = body[article.end() :].strip(_SPACE) if article else ""
    if len(_CJK_OR_ALNUM.findall(rest)) >= 8 and not re.fullmatch(r"[（(][^（）()]*[）)]", rest):
        # an article is body text even unpunctuated (lawref_00001 "第十九条 本办法自发布之日起施行");
        # its bracketed title is not (shanghai_lingang_fta "第七条（行政审批和行政处罚）")
        return False
    return not re.search(r"[，,]", body) or _number_prefix(body, rules) > 0 and len(body) <= 20


def _wrapped_start(line: Line, nxt: Line | None, text: str, rules: SegmentRules) -> bool:
    """A full-width heading-shaped line that a PDF wrap cut from the body text on the next line.

    beijing_industrial_policy_guide_2024_part1 "项目单位向所在区发展改革委或北京经济技术开发区经济发展局提出资金\n
    支持申请，由区发展改革委…进行初审，…": a title is short or stands apart; this line is long and
    the next one, right below it and unnumbered, goes on with commas.
    """
    return (
        nxt is not None
        and line.row is None
        and nxt.row is None
        and len(line.text) >= rules.join_across_blank_min_chars
        # a title ends with its bracket: changshun_poverty_alleviation "2.《…实施方案(2016—2018年)》"
        and not line.text.endswith(tuple(rules.closers + "：:"))
        and not _never_body(line.text, rules)
        and "\n\n" not in text[line.end : nxt.start]
        and not _number_prefix(nxt.text, rules)
        and not _KEY_VALUE.match(nxt.text)
        and not nxt.text.endswith(("：", ":"))
        and not _is_heading_line(nxt.text, rules)
        and bool(re.search(r"[，,。；;]", nxt.text))
    )


def _is_bare_leadin(piece: str, rules: SegmentRules) -> bool:
    """A lead-in with nothing to quote: "有关事宜通知如下：", "申请材料如下：", "各市商务局、财政局：".

    One with a condition or an article number says something and is a clause: lawref_01315
    "确需占用农用地的，应当符合下列规定：", lawref_01122 "第十一条 禁止在下列地点及其周边销售、
    燃放烟花爆竹：" (gold). One that names a figure is judged by the caller.
    """
    if rules.recipients.match(piece):
        return True
    if len(piece) > rules.leadin_max_chars or re.search(r"[，,。]", piece):
        return False
    m = rules.article_marker.match(piece)
    return not (m and _CJK_OR_ALNUM.search(piece[m.end() :].rstrip("：:")))


def _is_form_label(line: Line, rules: SegmentRules) -> bool:
    """A short unnumbered label whose value follows on the next line ("时间/频度", "申报时间：").

    It names a kind of value (its head noun is in ``form_label_heads``): a short
    title or an issuer's name above a date is no label.
    """
    body = line.text.rstrip("：:")
    return (
        line.row is None
        and 0 < len(body) <= rules.form_label_max_chars
        and not _number_prefix(line.text, rules)
        and not any(ch in body for ch in _SENTENCE_PUNCT + _CLAUSE_PUNCT + "（(")
        and body.endswith(rules.form_label_heads)
        and not _never_body(line.text, rules)
    )


def _row_is_clause(line: Line, figures: Figures, rules: SegmentRules) -> bool:
    """A table row a researcher would quote: it names a figure, a phone number, or says something.

    A header row (the first of several) only when it names an amount: "2019年拟投入" is a
    column name, "2025年1月" may be one too.
    """
    if line.row == 0 and line.rows > 1:
        return figures.money(line.start, line.end)
    if figures.any(line.start, line.end) or rules.phone.search(line.text):
        return True
    return any(len(_CJK.findall(c)) >= 10 and re.search(r"[，。；,;]", c) for c in _cells(line.text))


def _runin_title_end(line: Line, rules: SegmentRules, article_titled: bool = True) -> int:
    """Offset (in the line) where the body starts after a run-in title, else 0.

    "1.加大对外贸企业扶持力度。开展…": the numbered first sentence is short, has no
    comma, and real body text follows on the same line. ``article_titled`` says
    whether a 第X条 line may open that way (see ``_titled_articles``).
    """
    n = _number_prefix(line.text, rules)
    if not n:
        return 0
    most = rules.runin_title_max_chars
    chapter = re.match(rf"[^。！？；，,：:\s]{{1,{most}}}[ \u3000]{{2,}}(?=\S)", line.text[n:])
    if chapter and _number_prefix(line.text[n + chapter.end() :], rules):
        # aba_gov_data_mgmt_measures: "第一章　总则　　第一条 　为规范…" on one line
        return n + chapter.end()
    stops = "。．.：:" if article_titled or not rules.article_marker.match(line.text) else "：:"
    m = re.match(rf"[^。！？；，,：:]{{2,{most}}}[{stops}]\s*", line.text[n:])
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


def _titled_articles(lines: list[Line], rules: SegmentRules) -> set[int]:
    """Starts of the 第X条 lines that open with a run-in title ("第7条 鼓励企业产品研发。对…").

    A short first sentence is a title where the document titles its articles,
    which it does for a run of them (liuhe_key_industries, articles 7–18), and a
    sentence where it stands alone ("第十三条 见习基地实行动态管理。",
    guangzhou_employment_internship_base).
    """
    articles = [ln for ln in lines if rules.article_marker.match(ln.text)]
    shaped = [bool(_runin_title_end(ln, rules, article_titled=True)) for ln in articles]
    titled: set[int] = set()
    i = 0
    while i < len(articles):
        j = i
        while j < len(articles) and shaped[j]:
            j += 1
        if j - i >= rules.article_titles_min_run:
            titled.update(ln.start for ln in articles[i:j])
        i = j + 1 if j == i else j
    return titled


def _form_value(line: Line, title_end: int, rules: SegmentRules) -> bool:
    """A numbered form line ("（一）一级企业：奖励50万元；"): label and one-phrase value are quoted whole."""
    title = line.text[:title_end].rstrip(_SPACE)
    rest = line.text[title_end:].rstrip(_SENTENCE_PUNCT)
    return (
        title.endswith(("：", ":"))
        and len(rest) <= rules.form_value_max_chars
        and not re.search(r"[，,。！？；;!?]", rest)
    )


def _paragraphs(text: str, lines: list[Line], rules: SegmentRules, figures: Figures) -> list[Paragraph]:
    """Body paragraphs with their heading context, rejoining broken lines."""
    paras: list[Paragraph] = []
    stack: list[tuple[int, str]] = []  # (numbering rank, heading text), outermost first

    def push(heading: str) -> tuple[str, ...]:
        """Put a heading on the context stack; returns the context clauses below it get.

        Furniture (文号, dates, "来源：") is not context. A lead-in ending in a colon
        ("补贴条件：", "管委会依照本办法履行以下职责：") covers only the lines up to the
        next heading, so it sits deepest and the next heading of any rank pops it.
        """
        if any(p.search(heading) for p in rules.furniture + rules.date_line + rules.promulgation):
            return tuple(h for _, h in stack[-2:])
        rank = _number_rank(heading, rules)
        if rank < 0 and heading.endswith(("：", ":")):
            rank = LEADIN_RANK
        while stack and (rank < 0 or stack[-1][0] >= rank or stack[-1][0] == LEADIN_RANK):
            stack.pop()
        stack.append((rank, heading))
        return tuple(h for _, h in stack[-2:])

    titled_articles = _titled_articles(lines, rules)
    context: tuple[str, ...] = ()
    cur: Paragraph | None = None
    prev: Line | None = None  # the line ``cur`` ends with, while it may still be continued
    last: Line | None = None  # the line just before this one
    figure_heading = False  # ``cur`` is a heading-shaped line kept for its figure

    def close() -> None:
        nonlocal cur
        if cur is not None:
            paras.append(cur)
        cur = None

    def complete(line: Line) -> bool:
        return line.text.endswith(tuple(rules.line_end_marks)) or bool(rules.complete_tail.search(line.text))

    for i, line in enumerate(lines):
        before, last = last, line
        joins = (
            cur is not None
            and prev is not None
            and line.row is None
            and not complete(prev)
            and not _number_prefix(line.text, rules)
            and not _KEY_VALUE.match(line.text)  # "地  址：…" after "联系电话：…"
            and not (_KEY_VALUE.match(prev.text) and len(prev.text) <= rules.heading_max_chars)
            and not _never_body(line.text, rules)  # anhui: "…（责任单位：…）\n附件"
            # parallel dated records ("1998年12月29日 …通过的《…》" line after line) are not a wrap
            and not (rules.record_start.match(prev.text) and rules.record_start.match(line.text))
            # a heading-shaped line kept for its figure is continued by body text only:
            # beijing_industrial_policy_guide "…期间签订贷款合同\n工具分类" (a table label)
            and not (figure_heading and _is_heading_line(line.text, rules))
            and (
                # a page break: the cut line is body text (has commas), not a long title
                (len(prev.text) >= rules.join_across_blank_min_chars and re.search(r"[，。；,]", prev.text))
                or (
                    "\n\n" not in text[prev.end : line.start]
                    and len(prev.text) >= rules.join_wrapped_min_chars
                )
            )
        )
        if joins and cur is not None:
            cur.end = line.end
            prev = line
            continue
        close()
        figure_heading = False
        if line.row is not None:
            # one clause per table row that says something; others are headers or labels
            prev = None
            if _row_is_clause(line, figures, rules):
                cur = Paragraph(line.start, line.end, context, whole=True)
                close()
            elif _is_heading_line(line.text, rules):
                line.heading = True
                context = push(line.text)
            continue
        if _is_heading_line(line.text, rules) and not _wrapped_start(
            line, lines[i + 1] if i + 1 < len(lines) else None, text, rules
        ):
            if _never_body(line.text, rules) or not figures.any(line.start, line.end):
                line.heading = True
                context = push(line.text)
                prev = None
                continue
            # a heading-shaped line that names a figure says something: "1.普通高中（1900元/生•年）"
            # (changshun_poverty_alleviation_policy_digest), "从2023年9月起" under the label
            # "时间/频度" (beijing_industrial_policy_guide); numbered, it still opens its part
            start = line.start
            if _number_prefix(line.text, rules):
                context = push(line.text)
            elif (
                before is not None
                and before.heading
                and _is_form_label(before, rules)
                and "\n\n" not in text[before.end : line.start]
            ):
                start = before.start
            cur = Paragraph(start, line.end, context)
            prev = line
            figure_heading = True
            continue
        start = line.start
        title_end = _runin_title_end(line, rules, line.start in titled_articles)
        if title_end:
            context = push(line.text[:title_end].strip(_SPACE))
            if not _form_value(line, title_end, rules):
                start = line.start + title_end
        cur = Paragraph(start, line.end, context)
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
            re.fullmatch(r"[（(][^（）()]*[）)][。；]?", piece) or not _CJK_OR_ALNUM.search(piece)
        ):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    # tier lists: adjacent ；-pieces that each carry money and a tier cue stay together
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if (
            merged
            and _is_tier_piece(text[s:e], rules)
            and _is_tier_piece(text[merged[-1][0] : merged[-1][1]], rules)
        ):
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


def segment(text: str, tables: Sequence[tuple[int, int]] = ()) -> list[RawClause]:
    """Clause spans of ``text`` with the heading context each one sits under.

    ``tables`` are the spans of the document's TABLE blocks (rows by "\\n", cells
    by "\\t"); plain text marks its tables with tabs or "|" and needs none.

    A sentence ending in a colon ("申请认定就业见习基地，应当符合下列条件：") is
    context for the numbered items that follow it, up to the next paragraph
    that is not a numbered item: those items are conditions, materials or
    prohibitions because of it.
    """
    rules = segment_rules()
    figures = Figures(text, rules)
    out: list[RawClause] = []
    leadin: str | None = None
    leadin_rank = -1  # numbering style of the paragraph that holds the lead-in
    item_rank: int | None = None  # numbering style of its items, once seen
    for para in _paragraphs(text, _lines(text, rules, tables), rules, figures):
        p_start, p_end, ctx = para.start, para.end, para.context
        if leadin:
            rank = _number_rank(text[p_start:p_end], rules)
            # the list ends at an unnumbered paragraph, at the next article of the lead-in's own
            # level, or at another numbering style: lawref_00331 "第六条 …有下列情形之一的，…不予
            # 登记：（一）…（五）…" must not make "第七条 婚姻登记机关应当…审查" one of its items
            if (
                rank < 0
                or (leadin_rank >= 0 and rank <= leadin_rank)
                or (item_rank is not None and rank != item_rank)
            ):
                leadin = None
            elif item_rank is None:
                item_rank = rank
        pieces = (
            [(p_start, p_end)] if para.whole else _merge(text, _sentences(text, p_start, p_end, rules), rules)
        )
        for s, e in pieces:
            s, e = _trim(text, s, e)
            piece = text[s:e]
            if len(_CJK_OR_ALNUM.findall(piece)) < 2:
                continue
            item_ctx = ctx + (leadin,) if leadin else ctx
            if piece.endswith(("：", ":")) and not para.whole:
                leadin = piece
                leadin_rank = _number_rank(text[p_start:p_end], rules)
                item_rank = None
                if _is_bare_leadin(piece, rules) and not figures.any(s, e):
                    # a lead-in such as "有关事宜通知如下：" is not something to quote on its own;
                    # one that names a figure is ("2025年9月30日前提交以下材料：")
                    continue
            out.append(RawClause(s, e, item_ctx))
    return out


def table_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of the document's TABLE blocks (docx, html, pdf readers)."""
    return [
        (b.start, b.end)
        for b in doc.blocks
        if b.kind == BlockKind.TABLE and b.start is not None and b.end is not None
    ]


def extract_clauses(doc: Document) -> Document:
    """Add ``doc.clauses`` (ids c1, c2, … in text order) with their kinds."""
    from pipeline.extract.clause_kind import classify_many

    raw = segment(doc.text, table_spans(doc))
    size = max(len(doc.text), 1)
    kinds = classify_many(
        [(doc.text[r.start : r.end], r.context) for r in raw], [r.start / size for r in raw]
    )
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


__all__ = ["RawClause", "extract_clauses", "segment", "table_spans"]
