"""Stage ``extract.deadlines.v1``: due dates, periods and recurring dates, with who must act.

A reviewer asks of a notice "by when, who, to do what": "拟申报试点的县（市、区）
商务主管部门…于2019年8月23日前分别报各市商务主管部门和财政部门" is a due date
(2019-08-23) for an actor and an action. Rules work on the normalised text
(``pipeline.extract.dates`` finds the expressions); the words that turn an
expression into a deadline live in ``pipeline/data/deadlines.yaml``.

What is kept, and why (the annotation guide, corpora/gold/deadlines/GUIDE.md,
states the same rules for the gold):

* a date to the day is kept unless it is the document's own date (signature
  line, 印发/发布 stamps, the date in ``doc.meta``) or a past fact (以来, 出生,
  修订); its kind is due_by / start / range_end / on_date from the words
  around it;
* a month or fuzzy period (2025年底, 9月底, 上半年) is kept only with a marker
  (前, 截至, 到, 起): "2019年上半年进出口增幅" (seed 000) is a statistic; a
  completion verb after it is a marker too — the time-limit field of a task
  table, "（6月底完成，牵头考核单位：…）" (baotou 2022) — and so is being the next
  step of a schedule on the line of an earlier due date ("…。10月底完善…");
* a range "2025年3月1日至3月31日" becomes two deadlines: ``start`` for the
  first date and ``range_end`` for the second, so both dates are recoverable;
* a period (7个工作日, 30日内) needs a marker (内, 为期, 有效期) except working
  days, which are always a procedural limit; the event it counts from goes
  to ``anchor``, and when that event has a known date the due date is computed;
* a period counted back from an event ("有效期届满6个月前", "会议举行的七日前",
  "合同期满前3个月") and a validity or retention period ("保留期为2个月",
  "有效期最长不超过二年") are periods too; a 内-period that restates a limit
  as a condition ("三个月内无法办完的") or looks back on a record
  ("三年内发生…事故的企业") is not;
* "次年3月31日前" in a rule that applies every year is recurring (yearly:03-31),
  and "季度终了后15日内" is a recurring limit that keeps its duration;
* bare years (2016年以来, 2019年-2021年, 到2025年) are never deadlines.

Year inference: a date on a line labelled with a year ("2017年：…9月底前…") takes
that year (unless the document's own date is later). Otherwise a date without a year takes the year of the document date
(``doc.meta.date``; else the signature line; else the latest full date in
the text; else the year of a 〔YYYY〕 文号). If that puts the date more than
180 days before the document date, it is next year's: a notice dated
2019-12-20 that says "1月15日前" means 2020-01-15.
"""

from __future__ import annotations

import calendar
import contextvars
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from pipeline.data import load_data
from pipeline.extract.dates import _CN_NUM, DateExpr, cn_number, find_dates, relative_year
from pipeline.extract.workdays import add_workdays, calendar_from_env
from pipeline.model import Deadline, Document, Duration

ROLL_OVER_DAYS = 180  # a yearless date further than this before the document date is next year's
# How far to look for a sentence or line boundary. Bounded so that a text with no punctuation (OCR
# noise, a table flattened to one line) stays linear: every date would otherwise scan the whole text.
WINDOW = 400
_SENTENCE_END = "。；;！!？?\n"
_CLAUSE_END = _SENTENCE_END + "，,：:"


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_data("deadlines.yaml")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    r = _rules()
    units = _alt(r["period_units"])
    num = rf"(?:\d+(?:\.\d+)?|[{_CN_NUM}百]+|半)"
    suffixes = _alt(r["actor_suffixes"])
    return {
        "period": re.compile(
            rf"(?<![\d.{_CN_NUM}第])(?P<n>{num})[ \t]*(?P<u>{units})(?![岁年度号])"
            rf"(?:(?P<suf>{_alt(r['period_suffixes'])})|(?P<back>{_alt(r['countdown_suffixes'])}))?"
        ),
        # "有效期为5年", "保留期为2个月", "有效期最长不超过二年", "有效期自批准之日起5年": the clause
        # head before a period, ending in a validity noun and link words
        "validity": re.compile(
            rf"(?:(?P<noun>{_alt(r['validity_nouns'])})(?:{_alt(r['validity_links'])})*"
            rf"(?:[自从][^，,。；;]{{1,{r['validity_from_reach']}}}?起(?:计算)?[，,]?)?(?:{_alt(r['validity_links'])})*"
            rf"|(?P<limit>{_alt(r['limit_nouns'])})(?:{_alt(r['limit_caps'])})+)$"
        ),
        # "季度终了后15日内", "年度终了后5个月内": a limit counted from the end of every period
        "period_end": re.compile(
            rf"(?P<ev>{_alt(r['period_end_events'])})(?:之后|以后|后)的?[ \t]*(?P<n>{num})[ \t]*(?P<u>{units})"
            rf"(?P<suf>{_alt(r['period_suffixes'])})?"
        ),
        "recurrence": re.compile(
            rf"(?P<u>{_alt(list(r['recurrence_units']) + list(r['next_period_units']))})的?"
            rf"(?:(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])[ \t]*月(?:份)?"
            rf"(?:[ \t]*(?P<d>3[01]|[12]\d|0?[1-9]|[{_CN_NUM}]{{1,3}})[ \t]*[日号]|(?P<mp>底|末|上旬|中旬|下旬|初))?"
            rf"|(?P<d2>3[01]|[12]\d|0?[1-9]|[{_CN_NUM}]{{1,3}})[ \t]*[日号]"
            rf"|(?P<fz>{_alt(r['fuzzy_periods'])})"
            rf"|(?P<end>末|底|结束前|结束后))?"
            rf"(?P<mark>{_alt(r['due_after'])}|左右)?"
        ),
        "actor_by": re.compile(
            rf"(?:{_alt(r['actor_by'])})(?P<a>[^，。；：,;:]{{2,80}}?)(?:{_alt(r['actor_by_verbs'])})"
        ),
        # "2次或者2次以上", "3次以上": a count of events ("一次告知" is a manner, not a count)
        "event_count": re.compile(
            rf"[\d{_CN_NUM}两]+(?:{_alt(r['lookback_counts'])})(?:{_alt(r['lookback_count_followers'])})"
        ),
        "range": re.compile(rf"[ \t]*(?:{_alt(r['range_connectors'])})[ \t]*"),
        "actor_please": re.compile(rf"请(?P<a>[^，。；：,;:]{{0,40}}?(?:{suffixes}))(?=于|在|务必|按|将|及时|，)"),
        "enumerator": re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])\s*"),
        "doc_number_year": re.compile(r"〔\s*((?:19|20)\d\d)\s*〕"),
        # "2017年：实施通组公路硬化…" (changshun work plan): a year labelling its line
        "year_label": re.compile(
            rf"^\s*((?:19|20)\d\d)[ \t]*年(?:度)?[ \t]*[{''.join(re.escape(c) for c in r['year_label_separators'])}]"
        ),
        "year_line": re.compile(r"^\s*((?:19|20)\d\d|[〇○零一二三四五六七八九]{4})\s*年\s*$", re.MULTILINE),
    }


# ---------------------------------------------------------------- the document's date
@dataclass(slots=True)
class ReferenceDate:
    """The date yearless expressions are read against, and where it came from."""

    date: dt.date | None
    year: int | None
    source: str

    @property
    def trusted(self) -> bool:
        """The date is the document's own (metadata or signature), not a guess from its contents."""
        return self.date is not None and self.source in ("meta.date", "signature line")


def _is_own_line(text: str, e: DateExpr) -> bool:
    """The date stands alone on its line (a signature line, "2023年8月9日印发")."""
    line_start = text.rfind("\n", max(0, e.start - WINDOW), e.start) + 1
    line_end = text.find("\n", e.end, e.end + WINDOW)
    line_end = min(len(text), e.end + WINDOW) if line_end < 0 else line_end
    rest = text[line_start : e.start].strip() + "|" + text[e.end : line_end].strip()
    suffixes = _rules()["own_date_suffixes"]
    return rest == "|" or (rest.startswith("|") and rest[1:] in suffixes)


def reference_date(doc: Document, dates: list[DateExpr] | None = None) -> ReferenceDate:
    if doc.meta.date:
        try:
            day = dt.date.fromisoformat(doc.meta.date[:10])
            return ReferenceDate(day, day.year, "meta.date")
        except ValueError:
            pass
    dates = find_dates(doc.text) if dates is None else dates
    full = [(e, e.resolve()) for e in dates if e.year is not None and e.precision == "day"]
    full = [(e, d) for e, d in full if d is not None]
    signed = [d for e, d in full if _is_own_line(doc.text, e)]
    if signed:
        return ReferenceDate(signed[-1], signed[-1].year, "signature line")
    if full:
        latest = max(d for _, d in full)
        return ReferenceDate(latest, latest.year, "latest full date in the text")
    pats = _patterns()
    years = [int(y) for y in pats["doc_number_year"].findall(doc.text)]
    if years:
        return ReferenceDate(None, max(years), "year of a 〔YYYY〕 文号")
    m = pats["year_line"].search(doc.text)
    if m:
        year = int(cn_number(m.group(1)) or 0)
        if year:
            return ReferenceDate(None, year, "a year on its own line")
    return ReferenceDate(None, None, "none")


def _infer(e: DateExpr, ref: ReferenceDate, text: str, first: bool = False,
           context_year: int | None = None, label_year: int | None = None) -> tuple[dt.date | None, bool]:
    """Resolve ``e``; returns (date, year_inferred).

    ``label_year`` is the year the date's line is labelled with ("2017年：…9月底前…"): it wins over the
    document's date and is not rolled over — unless the document's own date is later: in a notice of
    2021 a paragraph "2020年，…取得成效。下一步，6月底前完成…" reviews last year and plans this one.
    """
    if e.year is not None:
        return (e.first_day() if first else e.resolve()), False
    if label_year is not None and not (ref.trusted and ref.year is not None and label_year < ref.year):
        year = label_year + relative_year(e, text)
        return (e.first_day(year) if first else e.resolve(year)), True
    year = ref.year
    if not ref.trusted and context_year is not None:
        # a digest without a date of its own: "2017年8月（…推进大会）\n8月6日至8月7日…" (changshun)
        year = context_year
    if year is None:
        return None, False
    year += relative_year(e, text)
    day = e.first_day(year) if first else e.resolve(year)
    if day is not None and ref.date is not None and e.month is not None and (ref.date - day).days > ROLL_OVER_DAYS:
        day = e.first_day(year + 1) if first else e.resolve(year + 1)
    if day is not None and e.weekday is not None and day.weekday() != e.weekday:
        # "3月15日（星期五）" names its year: the nearest year in which that day is a Friday
        for y in (day.year + 1, day.year - 1):
            alt = e.first_day(y) if first else e.resolve(y)
            if alt is not None and alt.weekday() == e.weekday:
                return alt, True
    return day, True


# ---------------------------------------------------------------- context helpers
def _before(text: str, pos: int, n: int = 8) -> str:
    return text[max(0, pos - n) : pos].replace(" ", "")


def _after(text: str, pos: int, n: int = 8) -> str:
    return text[pos : pos + n].replace(" ", "")


def _inside_title(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", max(0, pos - WINDOW), pos) + 1
    head = text[line_start:pos]
    return head.count("《") > head.count("》")


@lru_cache(maxsize=256)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _starts_with_any(s: str, words) -> str | None:
    for w in _longest_first(tuple(words)):
        if s.startswith(w):
            return w
    return None


def _ends_with_any(s: str, words) -> str | None:
    for w in _longest_first(tuple(words)):
        if s.endswith(w):
            return w
    return None


def _clause_has_past_act(text: str, pos: int, words) -> bool:
    """The clause that starts at ``pos`` (up to ，。； or a line end) names a past act (通过, 修订…)."""
    m = re.match(r"[^，,。；;\n]{0,120}", text[pos : pos + 120])
    clause = m.group().rstrip(" ）)") if m else ""
    if not clause:
        return False
    # "1990年4月26日市人民政府发布的《…》": a past act qualifying a document;
    # "2006年9月29日 重庆市…第二十六次会议修订  根据": a law's history line
    return re.search("(?:" + "|".join(map(re.escape, words)) + ")", clause[:100]) is not None


def _label_before(text: str, pos: int) -> str:
    """The label of a "标签：日期" line, e.g. "实施日期"."""
    line_start = text.rfind("\n", max(0, pos - WINDOW), pos) + 1
    head = text[line_start:pos].strip()
    if not head:  # the label may sit alone on the previous line (web metadata blocks)
        prev_end = line_start - 1
        prev_start = text.rfind("\n", max(0, prev_end - WINDOW), max(prev_end, 0)) + 1
        head = text[prev_start:prev_end].strip() if prev_end > 0 else ""
    return head.rstrip("：: ")


# ---------------------------------------------------------------- actor and action
def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - WINDOW)
    s = max(max(text.rfind(c, lo, start) for c in _SENTENCE_END) + 1, lo)
    ends = [i for i in (text.find(c, end, end + WINDOW) for c in _SENTENCE_END) if i >= 0]
    return s, (min(ends) if ends else min(len(text), end + WINDOW))


def _clean_actor(a: str) -> str | None:
    a = a.strip(" ，,、")
    a = a.removeprefix("由")  # "由各区住房保障部门按照规定…"
    if not a or _starts_with_any(a, _rules()["actor_not_start"]):
        return None
    if re.search(r"[→>]", a):  # a flow chart "推荐→市科委" (beijing policy guide), not a subject
        return None
    if a.count("《") != a.count("》") or a.count("（") < a.count("）"):
        return None  # cut inside a title or a bracket: not a noun phrase
    return a


def _clause_actor(piece: str) -> str | None:
    """The subject at the start of one comma-clause, or None.

    Candidates end where an organisation/person suffix ends (部门, 厅, 申请人…);
    the shortest one followed by a stop word (应, 于, 会同…) wins, else the
    shortest followed by a verb according to jieba's POS tags.
    """
    r = _rules()
    piece = _patterns()["enumerator"].sub("", piece).strip()
    if not piece or _starts_with_any(piece, r["actor_not_start"]):
        return None
    ends = sorted({i + len(sfx) for sfx in r["actor_suffixes"] for i in _find_all(piece[:48], sfx)})
    stops = r["actor_stops"]
    for k in ends:
        rest = piece[k:]
        if not rest or _starts_with_any(rest, stops):
            return _clean_actor(piece[:k])
    for k in ends:
        if _next_pos(piece[k:]) in r["actor_next_pos"]:
            return _clean_actor(piece[:k])
    return None


def _find_all(s: str, sub: str) -> list[int]:
    out, i = [], s.find(sub)
    while i >= 0:
        out.append(i)
        i = s.find(sub, i + 1)
    return out


def _next_pos(rest: str) -> str | None:
    """The first letter of jieba's POS flag for the first word of ``rest``."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    for pair in jieba.posseg.cut(rest[:12]):
        return pair.flag[:1]
    return None


_WITH_ACTORS: contextvars.ContextVar[bool] = contextvars.ContextVar("deadline_actors", default=True)


@contextmanager
def without_actors() -> Iterator[None]:
    """Deadlines without their actors, for callers that only need which limits a text holds (the
    clause-kind features): the actor reader tags words with jieba.posseg, most of a deadline's cost."""
    token = _WITH_ACTORS.set(False)
    try:
        yield
    finally:
        _WITH_ACTORS.reset(token)


def find_actor(text: str, start: int, end: int) -> str | None:
    """The subject of the sentence holding a deadline, nearest comma-clause first."""
    if not _WITH_ACTORS.get():
        return None
    pats = _patterns()
    s, se = _sentence_bounds(text, start, end)
    before = text[s:start]
    m = pats["actor_please"].search(before)
    if m:
        return m["a"].strip()
    m = pats["actor_by"].search(before)
    if m:
        return m["a"].strip()
    for piece in reversed(re.split(r"[，,]", before)):
        actor = _clause_actor(piece)
        if actor:
            return actor
    # "2025年3月20日，市住房保障办、广州安居集团分别在…公布": the subject follows the date
    if not before.strip(" ：:") and re.match(r"[^，,]{0,4}[，,]", text[end:se]):
        nxt = text[end:se].split("，", 1)[-1].split(",", 1)[-1]
        return _clause_actor(re.split(r"[，,]", nxt)[0])
    return None


def find_action(text: str, start: int, end: int) -> str | None:
    """The verb phrase a deadline governs: the words after it in its clause, plus a fronted 将-object."""
    lo = max(0, start - WINDOW)
    cs = max(max(text.rfind(c, lo, start) for c in _CLAUSE_END) + 1, lo)
    ends = [i for i in (text.find(c, end, end + WINDOW) for c in _CLAUSE_END) if i >= 0]
    ce = min(ends) if ends else min(len(text), end + WINDOW)
    post = text[end:ce].strip()
    post = re.sub(r"^[）)]+", "", post)
    strip = _rules()["action_strip"]
    changed = True
    while changed and post:
        changed = False
        w = _starts_with_any(post, [x for x in strip if x not in ("分别", "统一", "一并", "及时")])
        if w:
            post = post[len(w) :].lstrip()
            changed = True
    pre = text[cs:start]
    fronted = ""
    for marker in ("将", "把"):
        i = pre.find(marker)
        if i >= 0:
            fronted = re.sub(r"(?:应当|应|要|须|需|并|请)?(?:于|在)$", "", pre[i:].rstrip())
            break
    action = (fronted + post).strip()
    if not action and ce < len(text) and text[ce] in "，,":
        # "在每年秋季学期开学后一个月内，通过学生资助卡发放": the action is in the next clause(s)
        _, se = _sentence_bounds(text, ce, ce + 1)
        clauses = [c.strip() for c in re.split(r"[，,]", text[ce + 1 : se]) if c.strip()]
        skip = _rules()["action_skip_clause"]
        while clauses and _starts_with_any(clauses[0], skip):
            clauses.pop(0)
        action = "，".join(clauses)[:80]
    return action or None


# ---------------------------------------------------------------- extraction
def _kind_for(text: str, e: DateExpr, end: int, label: str) -> tuple[str | None, str | None]:
    """(kind, marker) from the words around a date; kind None when nothing marks it."""
    r = _rules()
    after = _after(text, end)
    before = _before(text, e.start)
    if e.part is not None and e.part.endswith("内"):
        if _starts_with_any(after, r["target_not_after"]):
            return None, None  # "有效期在2025年内的人员": it qualifies a noun
        return "due_by", None  # "年内完成": within the year is itself a limit
    if _starts_with_any(after, r["due_after"]):
        return "due_by", _starts_with_any(after, r["due_after"])
    if _starts_with_any(after, r["start_after"]) or _ends_with_any(before, r["start_before"]):
        return "start", None
    w = _ends_with_any(before, r["due_before"])
    if w:
        return "due_by", w
    if label and any(label.endswith(x) for x in r["start_labels"]):
        return "start", None
    if label and any(label.endswith(x) for x in r["due_labels"]):
        return "due_by", None
    if _completion_after(text, end):
        return "due_by", "completion"
    return None, None


def _completion_after(text: str, end: int) -> str | None:
    """The completion verb right after a date ("6月底完成", "年底全部完工"), or None.

    A task table's time-limit field has no 前: "（6月底完成，牵头考核单位：…）" (baotou 2022).
    "6月底完成的项目" (a qualifier) and "3月完成了" (a report) are not targets.
    """
    r = _rules()
    after = _after(text, end, 12)
    filler = _starts_with_any(after, r["completion_fillers"])
    if filler:
        after = after[len(filler) :]
    verb = _starts_with_any(after, r["completion_verbs"])
    if not verb or _starts_with_any(after[len(verb) :], r["completion_not_after"]):
        return None
    return verb


def _range_partner(text: str, dates: list[DateExpr], i: int, end: int) -> tuple[DateExpr | None, int]:
    """The second date of "A至B", or a day-only end "3月1日至31日" built on the spot."""
    m = _patterns()["range"].match(text[end : end + 16])
    if not m:
        return None, end
    pos = end + m.end()
    if i + 1 < len(dates) and dates[i + 1].start == pos:
        return dates[i + 1], dates[i + 1].end
    m2 = re.match(r"(3[01]|[12]\d|0?[1-9])[ \t]*[日号]", text[pos : pos + 8])
    if m2 and dates[i].month is not None and dates[i].day is not None:
        e = dates[i]
        return DateExpr(text[pos : pos + m2.end()], pos, pos + m2.end(), e.year, e.month, int(m2.group(1))), pos + m2.end()
    return None, end


def _dated_deadlines(doc: Document, dates: list[DateExpr], ref: ReferenceDate, taken) -> list[Deadline]:
    text = doc.text
    r = _rules()
    out: list[Deadline] = []
    skip_next: set[int] = set()
    context = _context_years(dates)
    labels = _label_years(text, dates)
    for i, e in enumerate(dates):
        cy = context[i]
        ly = labels[i]
        if i in skip_next or taken[e.start]:
            continue
        partner, range_end = _range_partner(text, dates, i, e.end)
        tail = _after(text, range_end, 6)
        if _starts_with_any(tail, r["skip_after"]) or _starts_with_any(_after(text, e.end, 6), r["skip_after"]):
            if partner is not None and i + 1 < len(dates) and partner is dates[i + 1]:
                skip_next.add(i + 1)
            continue
        if _inside_title(text, e.start) or _starts_with_any(_after(text, e.end, 4), r["past_suffixes"]):
            continue
        if partner is None and _qualifies_a_noun(text, e.end):
            continue  # "2023年7月31日以后种植的耕地": a qualifying date
        marked = _starts_with_any(_after(text, e.end), r["due_after"] + r["start_after"])
        if partner is None and not marked and _clause_has_past_act(text, e.end, r["past_suffixes"]):
            continue
        label = _label_before(text, e.start)
        if partner is None and _is_own_label(label):
            continue
        if _ends_with_any(_before(text, e.start, 4), r["past_prefixes"]):
            continue
        labelled = bool(label) and any(label.endswith(x) for x in r["start_labels"] + r["due_labels"])
        if _is_own_line(text, e) and partner is None and not labelled:
            continue  # a signature line; but "实施日期：\n2025年06月01日" is a labelled field
        if partner is not None:
            if i + 1 < len(dates) and partner is dates[i + 1]:
                skip_next.add(i + 1)
            if _starts_with_any(tail, r["range_skip_after"]) and not _window_for_action(tail, r):
                continue
            d1, inf1 = _infer(e, ref, text, first=True, context_year=cy, label_year=ly)
            if partner.year is None and e.year is not None:
                partner = DateExpr(partner.text, partner.start, partner.end, e.year, partner.month or e.month,
                                   partner.day, partner.part, partner.precision)
                d2, inf2 = partner.resolve(), inf1
                if d1 and d2 and d2 < d1:
                    d2 = partner.resolve(d2.year + 1)
            else:
                d2, inf2 = _infer(partner, ref, text, context_year=cy, label_year=ly)
                if inf2 and d1 and d2 and d2 < d1:
                    d2 = partner.resolve(d1.year) if partner.resolve(d1.year) and partner.resolve(d1.year) >= d1 else d2
            if e.precision == "day" or partner.precision != "month" or _kind_for(text, e, e.end, label)[0]:
                out.append(_deadline(doc, e, d1, "start", inf1))
                out.append(_deadline(doc, partner, d2, "range_end", inf2, action_from=partner.end))
            continue
        kind, marker = _kind_for(text, e, e.end, label)
        if kind is None and e.precision == "fuzzy" and e.year is not None and ref.date is not None:
            # "2021年底，出口退税审批平均2个工作日办结" (seed 004): a target after the document date;
            # "2019年上半年进出口增幅" (seed 000) lies before it and is a statistic.
            target = e.resolve()
            if target is not None and target >= ref.date and not _starts_with_any(
                    _after(text, e.end, 2), r["target_not_after"]):
                kind = "due_by"
        if kind is None and e.precision != "day" and e.year is None and out and out[-1].kind == "due_by":
            # "7月底前完成项目前期手续，…。10月底完善平台各项功能" (baotou 2022): the next step of a schedule
            day, inferred = _infer(e, ref, text, context_year=cy, label_year=ly)
            if _next_step_of_schedule(text, e, out[-1], day):
                kind = "due_by"
        if kind is None:
            if e.precision != "day":
                continue  # "2019年上半年进出口…", "2019年9月，国务院…": not deadlines
            kind = "on_date"
        day, inferred = _infer(e, ref, text, first=(kind == "start"), context_year=cy, label_year=ly)
        if marker and marker in r["statistic_markers"] and day and ref.date and day < ref.date:
            continue  # "截至2018年底，全省…": a statistics cut-off
        if kind == "due_by" and ref.trusted and day and (ref.date - day).days > r["past_condition_days"]:
            continue  # "2000年底前建成的老旧小区": a condition on the past
        if marker == "completion" and e.year is not None and ref.date is not None and day and day < ref.date:
            continue  # "2018年6月建成投产": a report of work done, not a target
        if kind == "on_date" and ref.trusted and day == ref.date:
            continue  # a stamp of the document's own date ("政策解读 2025-05-30")
        span_end = e.end
        due = _starts_with_any(_after(text, e.end), r["due_after"]) if kind == "due_by" else None
        start_w = "起" if kind == "start" and _after(text, e.end).startswith("起") else None
        extra = due or start_w
        if extra and text[e.end : e.end + len(extra)] == extra:
            span_end = e.end + len(extra)
        out.append(_deadline(doc, e, day, kind, inferred, span_end=span_end))
    return out


def _next_step_of_schedule(text: str, e: DateExpr, previous: Deadline, day: dt.date | None) -> bool:
    """A yearless month that opens a clause on the same line as an earlier due date, later than it,
    and is followed by a verb: the next step of a schedule ("7月底前完成…。10月底完善…")."""
    if day is None or previous.date is None or day.isoformat() < previous.date:
        return False
    if text.find("\n", previous.end, e.start) >= 0:
        return False
    k = e.start - 1
    while k >= 0 and text[k] in " \t\u3000":
        k -= 1
    if k >= 0 and text[k] not in _CLAUSE_END:
        return False
    return _next_pos(text[e.end : e.end + 12]) in _rules()["schedule_next_pos"]


def _qualifies_a_noun(text: str, end: int) -> bool:
    """The date, then 以后/之后, then a clause holding 的: it describes which things count."""
    r = _rules()
    after = _after(text, end, 4)
    rest = re.match(r"[^，,。；;\n]{0,30}", text[end : end + 30]).group()
    if "的" not in rest:
        return False
    if _starts_with_any(after, r["qualifying_after"]):
        return True
    if not _starts_with_any(after, r["due_after"]):
        return False
    # "对于2015年10月31日以前实施的…行为": a transitional provision sorting cases
    head = _clause_head(text, _date_start(text, end))
    return any(w in head for w in r["qualifying_heads"]) and not any(w in head for w in r["qualifying_modals"])


def _date_start(text: str, end: int) -> int:
    """Start of the date expression ending at ``end`` (for the clause before it)."""
    m = re.search(r"[\d〇○零一二三四五六七八九十年月日号 \t.\-/]+$", text[max(0, end - 24) : end])
    return end - len(m.group()) if m else end


def _label_years(text: str, dates: list[DateExpr]) -> list[int | None]:
    """For each date, the year its line is labelled with ("2017年：…9月底前…"), or None."""
    label = _patterns()["year_label"]
    out: list[int | None] = []
    for e in dates:
        line_start = text.rfind("\n", max(0, e.start - WINDOW), e.start) + 1
        head = _patterns()["enumerator"].sub("", text[line_start : e.start])
        m = label.match(head)
        out.append(int(m.group(1)) if m else None)
    return out


def _context_years(dates: list[DateExpr]) -> list[int | None]:
    """For each date, the explicit year of the nearest date before it (for undated digests)."""
    out: list[int | None] = []
    last: int | None = None
    for e in dates:
        out.append(last)
        if e.year is not None:
            last = e.year
    return out


def _is_own_label(label: str) -> bool:
    """"发布时间：…" is the page's own stamp; "受理时间：…" and "申请时间：…" are not."""
    r = _rules()
    if not label or any(label.endswith(x) for x in r["start_labels"] + r["due_labels"]):
        return False
    # a generic label ("时间", "日期") counts only on its own; specific ones ("发布时间") as endings
    return any(label == x or (len(x) > 2 and label.endswith(x)) for x in r["own_date_labels"])


def _deadline(doc: Document, e: DateExpr, day: dt.date | None, kind: str, inferred: bool,
              span_end: int | None = None, action_from: int | None = None) -> Deadline:
    end = span_end if span_end is not None else e.end
    d = Deadline(text=doc.text[e.start : end], start=e.start, end=end,
                 date=day.isoformat() if day else None, kind=kind, year_inferred=inferred)
    if day is None and e.year is None:
        d.warnings.append(f"{d.text}: no year in the text and no document date to infer it from")
    elif day is None and e.year is not None and e.month is not None and e.day is not None:
        # "2023年2月30日前": a typo a reviewer must see, not a deadline silently without a date
        d.warnings.append(f"{d.text}: not a calendar date")
    d.actor = find_actor(doc.text, e.start, end)
    d.action = _without_actor(find_action(doc.text, e.start, action_from or end), d.actor)
    return d


def _without_actor(action: str | None, actor: str | None) -> str | None:
    """"市住房保障办、广州安居集团分别在…公布" → the action starts after its subject."""
    if action and actor and action.startswith(actor) and len(action) > len(actor):
        return action[len(actor) :].lstrip("，, ") or None
    return action


def _recurring(doc: Document) -> list[Deadline]:
    r = _rules()
    verbs = r["recurrence_verbs"]
    out = _period_end_recurring(doc)
    taken = bytearray(len(doc.text) + 1)
    for d in out:
        taken[d.start : d.end] = b"\x01" * (d.end - d.start)
    for m in _patterns()["recurrence"].finditer(doc.text):
        if any(taken[m.start() : m.end()]):
            continue
        unit = r["recurrence_units"].get(m["u"]) or r["next_period_units"][m["u"]]
        if m["u"] in r["next_period_units"] and not (
            (m["m"] or m["d2"] or m["fz"] or m["end"] in ("末", "底"))
            and (m["mark"] in r["due_after"] or _starts_with_any(_after(doc.text, m.end(), 2), r["period_suffixes"]))
        ):
            continue  # "次年起", "次年6月1日起至…止的期间": not a due date every year
        rec: str | None = None
        if unit == "yearly" and m["m"]:
            month = int(cn_number(m["m"]) or 0)
            if m["d"]:
                rec = f"yearly:{month:02d}-{int(cn_number(m['d']) or 0):02d}"
            elif m["mp"]:
                part = r["month_parts"][m["mp"]]
                last = calendar.monthrange(2001, month)[1]  # a common year: "每年2月底" is 02-28
                rec = f"yearly:{month:02d}-{last if part == 'end' else int(part):02d}"
            else:
                rec = f"yearly:{month:02d}"
        elif unit == "yearly" and m["fz"]:
            rec = f"yearly:{r['fuzzy_periods'][m['fz']]}"
        elif unit == "monthly" and m["d2"]:
            rec = f"monthly:{int(cn_number(m['d2']) or 0):02d}"
        elif unit in ("monthly", "quarterly", "half-yearly") and m["end"] in ("末", "底", "结束前"):
            rec = f"{unit}:end"
        elif unit in ("quarterly", "half-yearly", "monthly"):
            window = doc.text[m.end() : m.end() + 10]
            if unit == "half-yearly" or any(v in window for v in verbs) or _recurrence_lead_in(doc.text, m.end()):
                rec = unit
        if rec is None:
            continue
        d = Deadline(text=m.group(), start=m.start(), end=m.end(), recurrence=rec, kind="recurring")
        d.actor = find_actor(doc.text, m.start(), m.end())
        d.action = find_action(doc.text, m.start(), m.end())
        out.append(d)
        end_of_range = _recurring_range_end(doc.text, m.end()) if rec.startswith("yearly:") else None
        if end_of_range is not None:
            # "每年4月1日至9月30日在富春江水域…使用虾笼捕捞的" (lawrefbook 01579): a window every year, so
            # its end recurs too; read alone "9月30日" would be one date in one year.
            d.kind = "start"
            e, rec_end = end_of_range
            end = Deadline(text=e.text, start=e.start, end=e.end, recurrence=rec_end, kind="range_end")
            end.actor, end.action = d.actor, find_action(doc.text, e.start, e.end)
            out.append(end)
            taken[e.start : e.end] = b"\x01" * (e.end - e.start)
    return out


def _recurrence_lead_in(text: str, end: int) -> bool:
    """A bare 每季度/每月 whose clause goes on with a recipient or a day and then a verb or a due marker:
    "每季度向…煤矿安全监察机构写出书面报告", "每季度第一个月的二十五日前"."""
    r = _rules()
    reach = r["recurrence_clause_reach"]
    clause = re.match(rf"[^，,。；;\n]{{0,{reach}}}", text[end : end + reach]).group()
    if not _starts_with_any(clause, r["recurrence_lead_ins"]):
        return False
    return any(v in clause for v in r["recurrence_verbs"]) or any(w in clause for w in r["due_after"])


def _recurring_range_end(text: str, end: int) -> tuple[DateExpr, str] | None:
    """The second date of a yearly range "每年4月1日至9月30日" and its yearly recurrence, or None."""
    m = _patterns()["range"].match(text[end : end + 16])
    if not m:
        return None
    pos = end + m.end()
    found = [e for e in find_dates(text[pos : pos + 16]) if e.start == 0]
    if not found or found[0].year is not None or found[0].month is None:
        return None
    e = found[0]
    e = DateExpr(e.text, pos, pos + len(e.text), None, e.month, e.day, e.part, e.precision)
    if e.day is None and e.part is None:
        return e, f"yearly:{e.month:02d}"  # "每年5月至9月"
    day = e.resolve(2001)  # a common year: "每年2月底" is 02-28
    return (e, f"yearly:{day.month:02d}-{day.day:02d}") if day else None


def _period_end_recurring(doc: Document) -> list[Deadline]:
    """"季度终了后15日内" → recurring quarterly, with its 15-day duration kept."""
    r = _rules()
    out: list[Deadline] = []
    for m in _patterns()["period_end"].finditer(doc.text):
        value = cn_number(m["n"])
        unit = r["period_units"][m["u"]]
        if not value or value != int(value) or value >= 1000 or unit in ("hour", "workday"):
            continue
        n = int(value)
        every = r["period_end_events"][m["ev"]]
        rec = every
        if every == "yearly" and unit in ("day", "month"):
            # counted from 12-31 of the year just ended: "年度终了后5个月内" is 05-31, "…15日内" 01-15
            year_end = dt.date(2001, 12, 31)  # a common year: "年度终了后2个月内" ends 02-28
            due = year_end + dt.timedelta(days=n) if unit == "day" else _add_months(dt.date(2002, 1, 1), n - 1)
            if unit == "month":
                due = due.replace(day=calendar.monthrange(due.year, due.month)[1])
            rec = f"yearly:{due.month:02d}-{due.day:02d}" if due.year == 2002 else "yearly"
        elif every == "monthly" and unit == "day" and 1 <= n <= 31:
            rec = f"monthly:{n:02d}"  # "月份终了后15日内": by the 15th of the next month
        if rec == "yearly":
            continue  # the schema has no bare yearly form
        d = Deadline(text=m.group(), start=m.start(), end=m.end(), recurrence=rec, kind="recurring",
                     duration=Duration(n, unit), anchor=m["ev"])
        d.actor = find_actor(doc.text, m.start(), m.end())
        d.action = find_action(doc.text, m.start(), m.end())
        out.append(d)
    return out


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _period_due(anchor_day: dt.date, value: float, unit: str, warnings: list[str], holidays) -> dt.date | None:
    if value != int(value):
        return None
    n = int(value)
    if unit == "workday":
        return add_workdays(anchor_day, n, holidays=holidays, warnings=warnings)
    if unit == "day":
        return anchor_day + dt.timedelta(days=n)
    if unit == "week":
        return anchor_day + dt.timedelta(weeks=n)
    if unit == "month":
        return _add_months(anchor_day, n)
    if unit == "year":
        return _add_months(anchor_day, 12 * n)
    return None


def _periods(doc: Document, dates: list[DateExpr], ref: ReferenceDate, taken, holidays,
             consumed: set[int]) -> list[Deadline]:
    r = _rules()
    text = doc.text
    out: list[Deadline] = []
    prefix_words = r["period_prefixes"]
    for m in _patterns()["period"].finditer(text):
        if any(taken[m.start() : m.end()]):
            continue
        unit = r["period_units"][m["u"]]
        value = cn_number(m["n"])
        if not value or value >= 1000:
            continue  # "2022-2024 年内有效": a year, not a period of 2024 years
        before = _before(text, m.start(), 6)
        prefix = _ends_with_any(before, prefix_words)
        if not prefix and _ends_with_any(before, r["extension_prefixes"]):
            if _starts_with_any(_after(text, m.end(), 2), r["extension_not_after"]):
                continue  # "使用年限延长2年以上": a condition
            if any(w in _clause_head(text, m.start()) for w in r["validity_skip_heads"]):
                continue  # "耕地承包期届满后再延长三十年": a contract or benefit grows, no one must act
            prefix = _ends_with_any(before, r["extension_prefixes"])  # "可以延长十日"
        if not prefix and _alternative_limit(text, m.start()):
            prefix = "为"  # "时效期限为180日(…违约金为60日)"
        after_word = _starts_with_any(_after(text, m.end(), 4), r["period_after_words"])
        if _ends_with_any(before, r["period_skip_before"]):
            continue
        threshold = _ends_with_any(before, r["threshold_prefixes"])
        if threshold and not _ends_with_any(before[: -len(threshold)], r["threshold_negations"]):
            continue  # "置放时间超过90个工作日的活动": a condition's threshold; "不超过7个工作日" stays a cap
        head = _clause_head(text, m.start())
        validity = _validity_noun(text, m.start())
        countdown = bool(m["back"]) and _counts_back(head, unit)
        ahead = not m["back"] and _notice_ahead(text, head, unit, m.end())
        back_from = _counted_back_from_event(head)
        if (countdown or back_from) and _starts_with_any(_after(text, m.end(), 2), r["countdown_qualifier_after"]):
            continue  # "终止前12个月的平均工资": a window qualifying a noun
        if not (m["suf"] or prefix or after_word or unit in r["period_always"] or validity is not None
                or countdown or back_from or ahead):
            continue
        if m["suf"] and unit == "year" and _ends_with_any(before, r["period_lookback"]):
            continue  # "近三年内未发生…": a look-back condition
        if m["suf"] and validity is None and not prefix and _is_condition_or_lookback(text, head, m.end()):
            continue
        if _eligibility_window(text, head, unit, m.end()) or _term_of_benefit(text, m.end()):
            continue
        if value == 0.5 and unit in ("year", "month"):
            value, unit = (6, "month") if unit == "year" else (15, "day")
        start = m.start()
        if prefix in ("有效期", "有效期为", "为期", "试行期", "试行期为", "试行", "暂行", "暂定"):
            # keep the word that says what the period is: "有效期3年"
            ps = text.rfind(prefix, max(0, m.start() - 8), m.start())
            if ps >= 0 and not text[ps + len(prefix) : m.start()].strip(" 为"):
                start = ps if prefix.startswith(("有效期", "暂定")) else m.start()
        if validity is not None and start == m.start():
            start = validity  # "保留期为2个月": the span names what the period is
        end = m.end()
        if after_word == "有效期" and text[end : end + 3] == "有效期":
            end += 3  # "暂定三年有效期"
        d = Deadline(text=text[start:end], start=start, end=end,
                     duration=Duration(float(value) if value != int(value) else int(value), unit), kind="period")
        _anchor(doc, d, m.start(), dates, ref, holidays, consumed)
        if countdown and d.anchor is None:
            d.anchor = _countdown_event(head)
        d.actor = find_actor(text, start, end)
        d.action = find_action(text, start, end)
        out.append(d)
    return out


def _alternative_limit(text: str, pos: int) -> bool:
    """The number at ``pos`` sits in a bracket right after a period and gives its special-case value.

    "时效期限为180日(要求铁路支付运到期限违约金为60日)" (lawrefbook 00648).
    """
    r = _rules()
    lo = max(0, pos - r["alternative_reach"])
    opening = max(text.rfind("(", lo, pos), text.rfind("（", lo, pos))
    if opening < 0 or max(text.rfind(")", opening, pos), text.rfind("）", opening, pos)) >= 0:
        return False
    if not _ends_with_any(text[opening + 1 : pos].replace(" ", ""), r["alternative_links"]):
        return False
    before = text[max(0, opening - 8) : opening].replace(" ", "")
    sfx = _ends_with_any(before, r["period_suffixes"])
    before = before[: -len(sfx)] if sfx else before
    unit = _ends_with_any(before, r["period_units"])
    return unit is not None and re.search(rf"[\d{_CN_NUM}百]$", before[: -len(unit)]) is not None


def _eligibility_window(text: str, head: str, unit: str, end: int) -> bool:
    """Years counted from a status event that defines who qualifies: "获奖之日起两年内…领取营业执照"."""
    r = _rules()
    if unit not in r["eligibility_units"]:
        return False
    h = head
    marker = _ends_with_any(h, r["anchor_markers"])
    if marker:
        h = h[: -len(marker)]
    if not _ends_with_any(h, r["eligibility_events"]):
        return False
    rest = re.match(r"[^。；;\n]{0,40}", text[end : end + 40]).group()
    return not any(b in rest for b in r["eligibility_bars"])


def _term_of_benefit(text: str, end: int) -> bool:
    """"三年以内的小额信贷支持": the period is the term of a loan or benefit, not a limit."""
    r = _rules()
    after = _after(text, end, 1 + r["term_noun_reach"])
    return after.startswith("的") and any(w in after[1:] for w in r["term_nouns_after"])


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last ，。； or line end, within WINDOW)."""
    lo = max(0, pos - WINDOW)
    return max(max(text.rfind(c, lo, pos) for c in _CLAUSE_END) + 1, lo)


def _clause_head(text: str, pos: int) -> str:
    """The text of the clause before ``pos``, spaces removed."""
    return text[_clause_start(text, pos) : pos].replace(" ", "")


def _validity_noun(text: str, pos: int) -> int | None:
    """Offset of the validity noun a period is the value of ("保留期为2个月"), or None.

    "补贴期限最长不超过3年" names the length of a benefit, not a limit: skipped by its head noun.
    """
    r = _rules()
    pat = _patterns()["validity"]
    cs = _clause_start(text, pos)
    m = pat.search(text[cs:pos].replace(" ", ""))
    if not m and cs > 0 and text[cs - 1] in "，,":
        # "有效期自批准之日起计算，为5年": the noun sits in the clause before
        cs = _clause_start(text, cs - 1)
        m = pat.search(text[cs:pos].replace(" ", ""))
    if not m:
        return None
    head = text[cs:pos].replace(" ", "")
    if _ends_with_any(head[: m.start()], r["validity_skip_heads"]):
        return None
    noun_at = text.rfind(m["noun"] or m["limit"], cs, pos)
    return noun_at if noun_at >= 0 else None


def _strip_fillers(head: str) -> str:
    fillers = _rules()["countdown_fillers"]
    while True:
        w = _ends_with_any(head, fillers)
        if not w:
            return head
        head = head[: -len(w)]


def _counts_back(head: str, unit: str) -> bool:
    """"有效期届满三十日前", "会议举行的七日前", "在施工二十四小时前": a period counted back from an event.

    "于10日前报送" (the 10th of the month) and "三年前" (a time ago) have no event before them.
    """
    r = _rules()
    h = _strip_fillers(head)
    if _ends_with_any(h, r["countdown_not_after"]):
        return False  # "在下月的十五日前": the 15th of next month
    if _ends_with_any(h, r["countdown_events"]):
        return True
    if unit == "year":
        return False
    if _ends_with_any(h, r["countdown_modal_prepositions"]):
        return True  # "应当在三十日前向…申报": a notice period, not the 30th of a month
    if unit in r["countdown_free_units"]:
        return len(h) >= r["countdown_min_event_chars"]
    cut = max((h.rfind(p) + len(p) for p in r["countdown_prepositions"] if h.rfind(p) >= 0), default=-1)
    return cut >= 0 and len(h) - cut >= r["countdown_min_event_chars"]


def _notice_ahead(text: str, head: str, unit: str, end: int) -> bool:
    """"应当提前三十日发布告示": a notice period before an act; not "提前一年完成" (ahead of plan)."""
    r = _rules()
    if unit == "year" or not _ends_with_any(_strip_fillers(head), r["countdown_prefixes"]):
        return False  # "可提前一年参加…考试": a year early is a privilege, not a notice period
    return not _starts_with_any(_after(text, end, 4), r["completion_verbs"])


def _countdown_event(head: str) -> str | None:
    """The event a countdown counts back from: "应当在有效期届满三十日前" → "有效期届满"."""
    h = _strip_fillers(head)
    cut = 0
    for w in ("自", "从", "在", "于", "应当", "应", "须", "需", "要", "并", "可"):
        i = h.rfind(w)
        if i >= 0 and i + len(w) > cut:
            cut = i + len(w)
    event = _patterns()["enumerator"].sub("", h[cut:]).strip()
    return event if 0 < len(event) <= 40 else None


def _counted_back_from_event(head: str) -> bool:
    """"合同期满前3个月", "有效期届满前三十日": event + 前 + period."""
    h = _strip_fillers(head)
    return h.endswith("前") and _ends_with_any(h[:-1], _rules()["countdown_events"]) is not None


def _is_condition_or_lookback(text: str, head: str, end: int) -> bool:
    """A 内-period that restates a limit as a condition or looks back on a record.

    "三个月内无法办完的，可以延长": the clause ends in 的; "三年内发生较大以上生产安全事故的企业":
    a record word follows; "5年内关税减让显著的…商品": no limit cue before it, a noun and a 的 after it.
    """
    r = _rules()
    # a bracket opens an aside: "驶离口岸前4小时内（船舶在口岸停泊时间不足4小时的，…）" keeps its limit
    tail = text[end : end + 48]
    note = _starts_with_any(tail, r["inclusive_notes"])  # "12个月内（含）的": not an aside
    tail = tail[len(note) :] if note else tail
    rest = re.match(r"[^，,。；;\n（(]{0,40}", tail).group().rstrip(" ）)")
    if rest and _ends_with_any(rest, r["condition_clause_end"]):
        return True
    if _starts_with_any(rest.replace(" ", ""), r["lookback_after"]):
        return True
    if _patterns()["event_count"].match(rest.replace(" ", "")):
        return True  # "3个月内2次或者2次以上发现…": a look-back window of a sanction
    if not rest or any(c in head for c in r["limit_cues"]) or not any(w in rest for w in r["qualifier_markers"]):
        return False
    return _next_pos(rest) in r["qualifier_next_pos"]


def _anchor(doc: Document, d: Deadline, pos: int, dates: list[DateExpr], ref: ReferenceDate, holidays,
            consumed: set[int]) -> None:
    """Fill ``anchor`` (the event counted from) and, when it has a date, the due date.

    The start offset of a date used as the anchor goes into ``consumed``: "自2019年9月27日起7个工作日内"
    is one deadline (the period, with its computed date), not a start date plus a period.
    """
    r = _rules()
    text = doc.text
    lo = max(0, pos - WINDOW)
    cs = max(max(text.rfind(c, lo, pos) for c in _CLAUSE_END) + 1, lo)
    head = text[cs:pos].rstrip()
    marker = _ends_with_any(head, r["anchor_markers"])
    if not marker:
        return
    # the anchor starts after the last preposition/modal of the clause
    cut = 0
    for w in ("自", "从", "在", "于", "应当", "应", "须", "需", "要", "并", "可"):
        i = head.rfind(w, 0, len(head) - len(marker))
        if i >= 0 and i + len(w) > cut:
            cut = i + len(w)
    anchor = _patterns()["enumerator"].sub("", head[cut:]).strip()
    if not anchor or len(anchor) > 40:
        return
    d.anchor = anchor
    if marker == "前" or d.duration is None:
        return
    anchor_start = pos - len(head) + cut
    base: dt.date | None = None
    for e in dates:
        if anchor_start <= e.start and e.end <= pos:
            base, inferred = _infer(e, ref, text)
            d.year_inferred = inferred
            if base is not None:
                consumed.add(e.start)
    if base is None and any(w in anchor for w in r["anchor_own_date"]) and ref.date is not None:
        base = ref.date
    if base is not None:
        due = _period_due(base, d.duration.value, d.duration.unit, d.warnings, holidays)
        d.date = due.isoformat() if due else None


def extract_deadlines(doc: Document, holidays=None) -> Document:
    """Fill ``doc.deadlines``; warnings (e.g. no holiday calendar for 2027) also go to ``doc.warnings``."""
    holidays = holidays if holidays is not None else calendar_from_env()
    dates = find_dates(doc.text)
    ref = reference_date(doc, dates)
    recurring = _recurring(doc)
    # occupancy by character: linear however many expressions a text holds
    taken = bytearray(len(doc.text) + 1)
    for d in recurring:
        taken[d.start : d.end] = b"\x01" * (d.end - d.start)
    dated = _dated_deadlines(doc, dates, ref, taken)
    # every date expression blocks the period reader: "8月30日内" is a date, not "30日内"
    taken_all = bytearray(taken)
    for e in dates:
        taken_all[e.start : e.end] = b"\x01" * (e.end - e.start)
    consumed: set[int] = set()
    periods = _periods(doc, dates, ref, taken_all, holidays, consumed)
    dated = [d for d in dated if d.start not in consumed]
    found = sorted(recurring + dated + periods, key=lambda d: (d.start, d.end))
    for d in found:
        if doc.clauses:
            c = doc.clause_at(d.start)
            d.clause = c.id if c else None
        for w in d.warnings:
            if w not in doc.warnings:
                doc.warnings.append(w)
    doc.deadlines = found
    return doc


__all__ = ["ROLL_OVER_DAYS", "ReferenceDate", "extract_deadlines", "find_action", "find_actor", "reference_date"]


def _window_for_action(tail: str, rules: dict) -> bool:
    """``…至5月31日期间提交材料``: a window someone must act in, not a past qualifying event."""
    window = tail[: rules.get("window_action_reach", 8)]
    return any(verb in window for verb in rules.get("window_action_verbs", []))

