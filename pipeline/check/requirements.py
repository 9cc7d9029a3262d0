"""Content checks: does a plan section's body actually say what the notice asks?

Each check type named in a rubric (``RubricItem.check``) is a small function
``(item, text, start, end) -> Outcome`` over the plan's normalised text,
using the patterns in ``pipeline/data/requirement_checks.yaml``. Amounts and
years are matched on the raw text, before any segmentation (jieba splits
``3480.83万元``). A failed check gives a one-line reason a reviewer can act on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.data import load_data
from pipeline.rubric.schema import RubricItem
from pipeline.structure.lines import line_spans

SENTENCE_END = re.compile(r"[。；;！？\n]")
# A line this long that stops without punctuation was wrapped by the layout (PDF text:
# "…已投入资金3000万元，2019年拟投入5000万元，2020年拟投入4000万元，2021年拟投\n入3000万元。"),
# so its newline does not end the sentence. Headings and table rows are shorter or end a line.
WRAPPED_LINE_CHARS = 30


def is_break(text: str, i: int) -> bool:
    """Does text[i] end a sentence? A newline after a long unpunctuated line is a soft wrap."""
    ch = text[i]
    if ch != "\n":
        return ch in "。；;！？"
    prev = text.rfind("\n", 0, i) + 1
    line = text[prev:i].rstrip()
    if not line or line[-1] in "。；;！？：:，,、":
        return True
    if re.search(r"\S(?:\s{2,}|\t|\s*[｜|]\s*)\S", line):
        return True  # a table row ends at its line: cells apart by spaces or bars (plans_dev3 v1d)
    return len(line) < WRAPPED_LINE_CHARS


EVIDENCE_CHARS = 80
MAX_EVIDENCE = 3


@dataclass(slots=True)
class Outcome:
    status: str  # present | partial | missing
    evidence: list[dict[str, Any]] = field(default_factory=list)
    reason: str = ""
    loose: bool = False  # partial only because the body shares a few character pairs of the wording
    gap: bool = False  # partial for a named element the notice asks for (a person), whatever the heading


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    data = load_data("requirement_checks.yaml")
    flags = {"item_markers": re.MULTILINE}
    return {k: re.compile(v, flags.get(k, 0)) for k, v in data.items() if isinstance(v, str)}


@lru_cache(maxsize=1)
def placeholder_rules() -> tuple[re.Pattern[str], int]:
    data = load_data("placeholders.yaml")
    pat = re.compile("|".join(f"(?:{p})" for p in data["placeholders"]), re.IGNORECASE)
    return pat, int(data.get("thin_body_chars", 30))


CONTENT_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_YEAR = re.compile(r"(?:19|20)\d\d\s*年")


@lru_cache(maxsize=1)
def _template_rules() -> tuple[re.Pattern[str] | None, int]:
    data = load_data("placeholders.yaml")
    marks = data.get("template_marks") or []
    pat = re.compile("|".join(f"(?:{m})" for m in marks)) if marks else None
    return pat, int(data.get("template_min_marks", 2))


@lru_cache(maxsize=1)
def _field_names() -> tuple[str, ...]:
    return tuple(load_data("placeholders.yaml").get("field_names") or [])


_NAME_BRACKETS = re.compile(r"[（(][^（）()]*[)）]")


def is_named_field(name: str) -> bool:
    """The requirement asks for a name, place, date or figure (placeholders.yaml ``field_names``):
    项目名称, 建设地点, 拟建学校的名称 — one short value answers it (plans_dev4 a1)."""
    bare = _NAME_BRACKETS.sub("", name).strip()
    return any(bare.endswith(w) for w in _field_names())


def real_value(body: str) -> bool:
    """A field's value with no template mark in it: "XX项目", "××年××月" are blanks left in a form."""
    pat, _ = _template_rules()
    return bool(CONTENT_CHARS.search(body)) and (pat is None or not pat.search(body))


def unfilled_template(body: str) -> bool:
    """A body whose figures are all template blanks (XX, ××, 【请填写】): the form was never filled in."""
    pat, need = _template_rules()
    if pat is None:
        return False
    marks = pat.findall(body)
    if len(marks) < need:
        return False
    rest = _YEAR.sub("", pat.sub("", body))
    return not re.search(r"\d", rest)


@lru_cache(maxsize=1)
def _template_hint() -> re.Pattern[str] | None:
    pat = load_data("placeholders.yaml").get("template_hint")
    return re.compile(pat, re.MULTILINE) if pat else None


def mask_template_hints(text: str) -> str:
    """``text`` with the template's bracketed fill-in hints blanked (same length, offsets kept).

    A hint left under a heading ("（说明本县农业主导产业规模…不超过1500字）", holdout3 k1c) is the
    notice's wording: it names every sub-requirement and year, so unmasked it would answer them
    all and make a heading with nothing of the applicant's under it look filled in.
    """
    pat = _template_hint()
    if pat is None:
        return text
    return pat.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def body_state(text: str, start: int, end: int) -> str:
    """'empty' (blank or only placeholders like 略/见附件/待补充), 'thin', or 'full'.

    A sentence that only puts the content off ("目标正在测算中，待县政府研究确定后另行上报")
    is a placeholder too (GUIDE: "正在测算中, 待…研究确定"), so it does not count as content.
    """
    body = _mask_pointers(text, start, _mask_deferrals(text, start, end))
    if unfilled_template(body):
        return "empty"
    pat, thin = placeholder_rules()
    chunks = [c for c in re.split(r"[\s。，；、：:（）()\[\]【】]+", body) if c]
    real = [c for c in chunks if not pat.fullmatch(c)]
    n = sum(len(CONTENT_CHARS.findall(c)) for c in real)
    if n == 0:
        return "empty"
    return "thin" if n < thin else "full"


POINTER_SENTENCE_CHARS = 30


def _mask_pointers(text: str, start: int, body: str) -> str:
    """``body`` with short sentences that only point elsewhere blanked: "2025—2027年资金投入计划详见附件2。"
    (plans_dev3 v1c) is a placeholder in a sentence, like "详见附件2" alone (GUIDE: empty)."""
    from pipeline.check.attached import _patterns as attached_patterns

    pointer = attached_patterns()["pointer_only"]
    if not pointer.search(body):
        return body
    chars = list(body)
    for m in re.finditer(r"[^。；;！？\n]+", body):
        sentence = m.group(0)
        # the attachment's title in 《》 names where the content is, it is none of it: "项目资金预算详见附件3
        # 《现代设施农业产教融合实训基地资金预算明细表》。" (holdout2 m3d) is as empty as "资金预算详见附件3。"
        said = re.sub(r"《[^《》]{0,60}》", "", sentence)
        if (
            pointer.search(sentence)
            and len(CONTENT_CHARS.findall(said)) <= POINTER_SENTENCE_CHARS
            # "项目总投资1640万元，其中省级补助700万元，明细详见附件3《…》": figures given, then the details pointed to
            and not patterns()["number_with_unit"].search(said)
        ):
            chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


@lru_cache(maxsize=1)
def _one_sentence_chars() -> int:
    return int(load_data("placeholders.yaml").get("one_sentence_chars", 0))


def one_short_sentence(text: str, start: int, end: int) -> bool:
    """The body is a single sentence shorter than ``one_sentence_chars`` (GUIDE: "one generic sentence")."""
    limit = _one_sentence_chars()
    pieces = [x for x in re.split(r"[。！？；;\n]", text[start:end]) if len(CONTENT_CHARS.findall(x)) >= 4]
    return len(pieces) == 1 and len(CONTENT_CHARS.findall(pieces[0])) < limit


def has_facts(text: str, start: int, end: int) -> bool:
    """Does the body state a fact: a number with a unit, an amount, or a year?"""
    return bool(
        _finds("number_with_unit", text, start, end)
        or _finds("money", text, start, end)
        or _finds("year", text, start, end)
    )


def sentence_span(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around [start, end) within [lo, hi), capped to EVIDENCE_CHARS."""
    s = start
    while s > lo and not is_break(text, s - 1):
        s -= 1
    e = end
    while e < hi and not is_break(text, e):
        e += 1
    while s < start and text[s] in " \t":
        s += 1
    if e - s > EVIDENCE_CHARS:
        s = max(s, start - EVIDENCE_CHARS // 3)
        e = min(e, s + EVIDENCE_CHARS)
        e = max(e, end)
    return s, e


def evidence(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for a, b in spans:
        s, e = sentence_span(text, a, b, lo, hi)
        if (s, e) in seen:
            continue
        seen.add((s, e))
        out.append({"text": text[s:e], "start": s, "end": e})
        if len(out) >= MAX_EVIDENCE:
            break
    return out


def _finds(name: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in patterns()[name].finditer(text, start, end)]


# ------------------------------------------------------------------ checks
def check_present(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    state = body_state(text, start, end)
    if state == "empty":
        return Outcome("missing", reason="nothing written")
    return Outcome("present", evidence(text, [(start, min(end, start + 1))], start, end))


def check_has_numbers(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    """A number with a unit. An indicator written only in words is ``partial`` (GUIDE: "qualitative
    where the notice demands numbers"); the section-wide demand itself (具体化、可量化) is unmet."""
    hits = _finds("number_with_unit", text, start, end)
    keywords: list[str] = item.params.get("keywords") or []
    if keywords:  # "乡镇商贸中心改造数量": a number in a sentence that names it
        put_off = _named_only_put_off(keywords, text, start, end)
        if put_off is not None:
            # "村级便民商店建设数量待补充" (holdout2 m2d): the target is explicitly deferred (GUIDE: empty)
            return Outcome("empty", evidence(text, [put_off], start, end), "deferred, not given")
        named = [h for h in hits if _names_any(_sentence(text, h, start, end), keywords)]
        # or in a table: "村级便民商店数量（家）｜152｜210", the unit in the row's label (holdout2 m2b)
        named = named or list(table_figures(item, text, start, end).values())
        if named:
            return Outcome("present", evidence(text, named, start, end))
        said = [
            (start + m.start(), start + m.end())
            for m in re.finditer(r"[^。；;！？\n]+", text[start:end])
            if _names_any(m.group(0), keywords)
        ]
        said = said or _loosely_said(item, text, start, end)
        if said:  # named, in words only: qualitative (GUIDE: partial)
            return Outcome(
                "partial", evidence(text, said, start, end), f"{'、'.join(keywords)} without a number"
            )
        if hits and item.params.get("category"):
            # a category target ("人居环境整治目标") may be given in the plan's own terms
            # ("污水治理率达到90%，公厕全部达到二类以上标准", holdout h2b): figures that never name it
            return Outcome(
                "partial",
                evidence(text, hits, start, end),
                f"figures given, none named {'、'.join(keywords)}",
            )
        return Outcome("missing", reason=f"no target for {'、'.join(keywords)}")
    if hits:
        return Outcome("present", evidence(text, hits, start, end))
    reason = "no quantified target (no number with 亿元/万美元/%)"
    if not item.params.get("demand") and body_state(text, start, end) == "full":
        return Outcome("partial", reason=f"{reason}; qualitative only")
    return Outcome("missing", reason=reason)


_CLAUSE = re.compile(r"[^，,；;。！？\n]+")


def _named_only_put_off(keywords: list[str], text: str, start: int, end: int) -> tuple[int, int] | None:
    """The clause that names the target, when every clause naming it puts it off and gives no figure."""
    pat = patterns().get("clause_put_off")
    if pat is None:
        return None
    clauses = [m for m in _CLAUSE.finditer(text, start, end) if any(k in m.group(0) for k in keywords)]
    if not clauses:
        return None
    for m in clauses:
        if not pat.search(m.group(0)) or patterns()["number_with_unit"].search(m.group(0)):
            return None
    return clauses[0].start(), clauses[0].end()


def check_has_growth_rate(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    """A growth figure; growth or scale described in words only ("外贸保持平稳较快增长") is ``partial``."""
    hits = _finds("growth_rate", text, start, end)
    if hits:
        return Outcome("present", evidence(text, hits, start, end))
    # "外贸进出口规模及增幅" asks for two things: a scale figure without a rate ("进出口额突破50亿元")
    # is half of it; growth said in words ("外贸保持平稳较快增长") touches it
    scale = _finds("money", text, start, end)
    if scale:
        return Outcome(
            "partial", evidence(text, scale, start, end), "a scale figure but no growth rate (增长10%)"
        )
    words = _finds("growth_words", text, start, end)
    if words:
        return Outcome(
            "partial", evidence(text, words, start, end), "growth described in words only, no rate (增长10%)"
        )
    return Outcome("missing", reason="no growth rate (e.g. 增长10%, 增幅15%)")


def check_names_units_and_posts(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    units = _finds("unit_suffixes", text, start, end)
    posts = _finds("posts", text, start, end)
    if units and posts:
        return Outcome("present", evidence(text, posts + units, start, end))
    if units:
        return Outcome(
            "partial", evidence(text, units, start, end), "names units but no responsible post (局长/负责人…)"
        )
    if posts:
        return Outcome(
            "partial",
            evidence(text, posts, start, end),
            "names posts but no responsible unit (…局/…办/领导小组)",
        )
    return Outcome("missing", reason="no responsible unit or post (…局/…办/领导小组, 局长/负责人)")


def check_names_units(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    hits = _finds("body_suffixes", text, start, end)
    if hits:
        return Outcome("present", evidence(text, hits, start, end))
    return Outcome("missing", reason="no implementing body named (…有限公司/…中心/…局)")


def check_has_money(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    """A money figure; with keywords ("中央财政资金"), one in the clause that names that source.

    The figure must stand in the source's own clause: "申请市级补助资金200万元，其余由村集体和社会
    力量筹措" gives the city subsidy a figure but 村集体及社会自筹资金 none (holdout h2d: partial —
    named, no amount). A source named with no figure anywhere is partial too.
    """
    hits = _finds("money", text, start, end)
    keywords: list[str] = item.params.get("keywords") or []
    if keywords:
        named = [h for h in hits if _names_any(_clause(text, h, start, end), keywords)]
        if named:
            later = _year_put_off(item, text, start, end)
            if later is not None:
                # "2025年安排配套资金1500万元，2026年2000万元，2027年配套资金另行安排" (holdout2 m1b): the
                # notice's years are the plan's to cover, and one is left for later (GUIDE: partial)
                return Outcome(
                    "partial", evidence(text, named + [later], start, end), "a year's amount put off"
                )
            return Outcome("present", evidence(text, named, start, end))
        by_year = _money_rows_by_year(item, text, start, end)
        if by_year:
            # "逐年列出2026年、2027年、2028年资金安排" answered by a table "年度｜省级资金｜…" with a row of
            # amounts per year, never naming 资金安排 (holdout3 k1a); some years only is partial (GUIDE)
            years = item.params.get("years") or []
            lacking = [y for y in years if y not in by_year]
            spans = list(by_year.values())
            if not lacking:
                return Outcome("present", evidence(text, spans, start, end))
            return Outcome(
                "partial", evidence(text, spans, start, end), f"no amount for {_years_label(lacking)}"
            )
        said = [
            (start + m.start(), start + m.end())
            for m in re.finditer(r"[^。；;！？\n]+", _mask_deferrals(text, start, end))
            if _names_any(m.group(0), keywords)
        ] or _loosely_said(item, text, start, end)
        if said:
            return Outcome(
                "partial", evidence(text, said, start, end), f"{'、'.join(keywords)} named without an amount"
            )
        return Outcome(
            "missing", evidence(text, hits, start, end), f"no money figure for {'、'.join(keywords)}"
        )
    if hits:
        return Outcome("present", evidence(text, hits, start, end))
    return Outcome("missing", reason="no money figure (万元/亿元/万美元)")


_ROW_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*年?度?\s*[｜|\t]")


def _money_rows_by_year(item: RubricItem, text: str, start: int, end: int) -> dict[int, tuple[int, int]]:
    """{year: row} for table rows labelled by one of the item's years that give an amount in 元.

    Only for an item asked per year (params ``years``); deferred cells are masked first.
    """
    years = set(item.params.get("years") or [])
    if not years:
        return {}
    body = _mask_deferrals(text, start, end)
    money = patterns()["money"]
    out: dict[int, tuple[int, int]] = {}
    pos = 0
    for line in body.split("\n"):
        ls, pos = pos, pos + len(line) + 1
        m = _ROW_YEAR.match(line)
        if m and int(m.group(1)) in years and money.search(line, m.end()):
            out.setdefault(int(m.group(1)), (start + ls, start + ls + len(line)))
    # or a clause that opens with the year and gives an amount: "2026年计划投入省级资金500万元、县级配套
    # 资金150万元" (holdout3 k1d: one year of three, partial)
    for c in _YEAR_CLAUSE.finditer(body):
        y = int(c.group(1))
        if y in years and money.search(c.group(0)):
            out.setdefault(y, (start + c.start(), start + c.end()))
    return out


_YEAR_CLAUSE = re.compile(
    r"(?:^|(?<=[，,。；;：:\n]))\s*(?:其中)?\s*((?:19|20)\d\d)\s*年(?!\s*[-—–~～至到])[^，,。；;\n]*"
)


def _year_put_off(item: RubricItem, text: str, start: int, end: int) -> tuple[int, int] | None:
    """A clause that names one of the item's years and the item's source and leaves it for later."""
    years = item.params.get("years") or []
    keywords: list[str] = item.params.get("keywords") or []
    pat = patterns().get("clause_put_off")
    if not years or not keywords or pat is None:
        return None
    for m in _CLAUSE.finditer(text, start, end):
        clause = m.group(0)
        if (
            pat.search(clause)
            and _names_any(clause, keywords)
            and any(y in years for y in years_mentioned(clause, 0, len(clause)))
        ):
            return m.start(), m.end()
    return None


def _clause(text: str, hit: tuple[int, int], lo: int, hi: int) -> str:
    """The clause around a hit: between commas and sentence ends (not a comma inside a number: 5,000万元)."""
    return text[slice(*_clause_span(text, hit, lo, hi))]


def _clause_span(text: str, hit: tuple[int, int], lo: int, hi: int) -> tuple[int, int]:
    s, e = hit
    while s > lo and text[s - 1] not in "，,；;。！？\n":
        s -= 1
    while (
        e < hi
        and text[e] not in "，；;。！？\n"
        and not (text[e] == "," and not text[e + 1 : e + 2].isdigit())
    ):
        e += 1
    return s, e


def _loosely_said(item: RubricItem, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences that speak of the requirement's subject in other words: half its content words.

    "村集体经济稳步增长" speaks of 村集体经营性收入 (村集体 + 收入 elsewhere in the line); "纳入县级
    财政预算统筹安排" of 县级财政投入 — named, with no figure: partial (GUIDE: qualitative).
    """
    phrase = item.params.get("phrase") or re.sub(r"[（(][^）)]*[)）]", "", item.name)
    content = _content_words(phrase)
    if not content:
        return []
    body = _mask_deferrals(text, start, end)
    out = []
    for m in re.finditer(r"[^。；;！？\n]+", body):
        hit = [w for w in content if w in m.group(0)]
        if hit and len(hit) * 2 >= len(content):
            out.append((start + m.start(), start + m.end()))
    return out


def _sentence(text: str, hit: tuple[int, int], lo: int, hi: int) -> str:
    s, e = hit
    while s > lo and not is_break(text, s - 1):
        s -= 1
    while e < hi and not is_break(text, e):
        e += 1
    return text[s:e]


def _names_any(sentence: str, keywords: list[str]) -> bool:
    """A keyword is named when it, or most of its character pairs, occur in the sentence."""
    grams = _bigrams(sentence)
    for kw in keywords:
        if kw in sentence:
            return True
        want = _bigrams(kw)
        if len(want) >= 3 and len(want & grams) >= 0.6 * len(want) and not _other_of_kind(kw, sentence):
            return True
    return False


def _other_of_kind(kw: str, sentence: str) -> bool:
    """The sentence names the same kind of money from another level of government: "中央财政资金" shares
    most character pairs with 县级财政资金 but is another source. (地方 is any local level: not another.)"""
    levels = patterns()["government_levels"]
    if len(kw) < 5 or not levels.fullmatch(kw[:2]):
        return False
    tail = kw[2:]
    return any(
        levels.fullmatch(sentence[max(0, m.start() - 2) : m.start()] or "-")
        and sentence[m.start() - 2 : m.start()] != kw[:2]
        for m in re.finditer(re.escape(tail), sentence)
    )


def years_mentioned(text: str, start: int, end: int) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = {}
    for m in patterns()["year_range"].finditer(text, start, end):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b <= a + 20:
            for y in range(a, b + 1):
                found.setdefault(y, []).append((m.start(), m.end()))
    for m in patterns()["year"].finditer(text, start, end):
        found.setdefault(int(m.group(1)), []).append((m.start(), m.end()))
    return found


def _years_label(years: list[int]) -> str:
    return "/".join(str(y) for y in years)


def masked(text: str, start: int, end: int) -> str:
    """``text`` with the sentences in [start, end) that put something off blanked (same length)."""
    return text[:start] + _mask_deferrals(text, start, end) + text[end:]


def check_covers_years(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    years: list[int] = item.params.get("years", [])
    # a year named only to put it off is not covered: "2026—2027年工作安排根据试点进展另行制定" (holdout h1c)
    found = years_mentioned(masked(text, start, end), start, end)
    have = [y for y in years if y in found]
    spans = [found[y][0] for y in have]
    if have and len(have) == len(years) and item.params.get("counted"):
        # "分年度列明2025年度、2026年度的站点建设数量" (plans_dev2 d3): a year's line must give a count;
        # "2026年度：完成剩余站点建设" names the year but not the number (GUIDE: qualitative where numbers are asked)
        in_table = table_figures(item, text, start, end)
        uncounted = [
            y
            for y in have
            if y not in in_table
            and not any(
                _finds("number_with_unit", text, *sentence_span(text, ys, ye, start, end))
                for ys, ye in found[y]
            )
        ]
        if uncounted:
            return Outcome(
                "partial", evidence(text, spans, start, end), f"no figure for {_years_label(uncounted)}"
            )
    if len(have) == len(years):
        return Outcome("present", evidence(text, spans, start, end))
    lacking = [y for y in years if y not in found]
    status = "partial" if have else "missing"
    return Outcome(status, evidence(text, spans, start, end), f"does not cover {_years_label(lacking)}")


def check_has_money_per_year(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    """Money figures for each asked year: in the year's sentence, or a table with a column per year."""
    years: list[int] = item.params.get("years", [])
    money = _finds("money", text, start, end)
    if not money:
        said = _loosely_said(item, text, start, end) if item.params.get("keywords") else []
        if said:  # "试点所需资金纳入县级财政预算统筹安排" (holdout h1b): named, no figures
            return Outcome(
                "partial", evidence(text, said, start, end), f"no funding figures for {_years_label(years)}"
            )
        return Outcome("missing", reason=f"no funding figures (万元/亿元) for {_years_label(years)}")
    found = years_mentioned(masked(text, start, end), start, end)  # a year only put off is not given
    keywords: list[str] = item.params.get("keywords") or []
    # "运营资金" next to "建设资金" (holdout h3b): a year's figure counts for the source its sentence
    # (or list item) names — unless the plan never names the source in the notice's words
    items = list_items(text, start, end) if keywords else []
    named_anywhere = bool(keywords) and _names_any(_mask_deferrals(text, start, end), keywords)
    masked_body = _mask_deferrals(text, start, end)
    if (
        keywords
        and not any(k in masked_body for k in keywords)
        and any(k in text[start:end] for k in keywords)
    ):
        # the source is named only where it is put off: "企业投入资金待…董事会审议后确定" (holdout2 m3b) —
        # the other sources' yearly figures are not its own (run_check turns this into empty)
        return Outcome("missing", reason=f"{'、'.join(keywords)} named only where it is put off")

    def names_source(s: int, e: int) -> bool:
        if not named_anywhere or _names_any(text[s:e], keywords):
            return True
        return any(a <= s < b and _names_any(text[a : min(b, a + 40)], keywords) for a, b in items)

    funded: dict[int, tuple[int, int]] = {}
    for y in years:
        for ys, ye in found.get(y, []):
            s, e = sentence_span(text, ys, ye, start, end)
            e2 = e
            # a sentence is capped for display; pair on the whole clause
            while e2 < end and not is_break(text, e2):
                e2 += 1
            # a figure in a clause (or list item) that names the source: "2025年申请市级补助资金120万元，
            # 村集体自筹资金30万元" funds both; "…补助资金200万元，其余由村集体自筹解决" funds the subsidy only
            if any(
                s <= ms and me <= e2 and names_source(*_clause_span(text, (ms, me), s, e2))
                for ms, me in money
            ):
                funded[y] = (ys, ye)
                break
    # a table with a column per year; not for one year alone — a row's "2025—2027年" 建设期限 next to
    # some figure is no funding for 2026 (plans_dev3 v1d)
    table_like = len(years) >= 2 and (
        (all(y in found for y in years) and len(money) >= len(years) and "\t" in text[start:end])
        or _year_table(text, start, end, years)
    )
    # "运营补助每年20万元" (holdout h3b): one figure for every year, in a clause that names the source
    for ms, me in money:
        if (
            len(funded) < len(years)
            and _EVERY_YEAR.search(text, max(start, ms - 6), ms)
            and names_source(*_clause_span(text, (ms, me), start, end))
        ):
            for y in years:
                funded.setdefault(y, (ms, me))
    # "年度｜中央财政资金（万元）｜县级财政资金（万元）" then "2025年｜500｜300" (holdout2 m2b): the column
    # that names the source gives its figure for each year row
    for y, span in table_figures(item, text, start, end, money=True).items():
        if y in years:
            funded.setdefault(y, span)
    if len(funded) == len(years) or table_like:
        return Outcome("present", evidence(text, list(funded.values()) or money, start, end))
    lacking = [y for y in years if y not in funded]
    if len(years) == 1 and not funded:
        # one year asked (a per-year item): a year never given money is missing, one spoken of for
        # funding without a figure ("2026年继续加大投入") partial (plans_dev3 v1d: 2025 only)
        spoken = [
            (ys, ye)
            for ys, ye in found.get(years[0], [])
            if re.search(r"资金|投入|投资|经费|预算", text[slice(*sentence_span(text, ys, ye, start, end))])
        ]
        if not spoken:
            return Outcome("missing", reason=f"no funding figure for {_years_label(years)}")
        return Outcome(
            "partial", evidence(text, spoken, start, end), f"no funding figure for {_years_label(years)}"
        )
    return Outcome(
        "partial", evidence(text, money, start, end), f"no funding figure for {_years_label(lacking)}"
    )


_SENTENCE_MARKS = re.compile(r"[，。；;：:]")
_EVERY_YEAR = re.compile(r"每年度?|每一年|年均|逐年")


def _year_table(text: str, start: int, end: int, years: list[int]) -> bool:
    """A header line naming every year, then a row with a money figure per year.

    Ingestion turns tabs into spaces, so a table reads "项目名称 … 2019年2020年2021年" then
    "智能工厂 … 3000万元2000万元1000万元": the figures pair with the years by column.
    """
    lines = line_spans(text, start, end)
    for k, (a, b) in enumerate(lines[:-1]):
        # a header line of cells, not a sentence that names the years ("分年度安排为：2025年280万元，…",
        # holdout2 m3b, whose next lines are other sources' totals)
        if _SENTENCE_MARKS.search(text, a, b) or not all(y in years_mentioned(text, a, b) for y in years):
            continue
        rows = [r for r in lines[k + 1 :] if r[1] > r[0] and not _SENTENCE_MARKS.search(text, *r)][:3]
        if any(len(_finds("money", text, ra, rb)) >= len(years) for ra, rb in rows):
            return True
    return False


DUTY_WORDS = re.compile(r"分工|职责|负责")
_GENERIC_BODY = re.compile(r"(?:各|有关|相关|其他|其它|其余|成员|责任)")


def check_assigns_duties(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    """A division of duties names several bodies and what each does (GUIDE: "each bureau's duty").

    "县商务局负责统筹协调；县财政局负责资金保障" is one; a single office "具体负责日常工作",
    or "各有关部门按职责分工负责", says that duties exist without dividing them: partial.
    """
    body = _mask_deferrals(text, start, end)
    # "各有关部门按职责分工负责" names no body: a plural of every department is not a division
    hits = [m for m in patterns()["duty_assignments"].finditer(body) if not _GENERIC_BODY.match(m.group(1))]
    bodies = {m.group(1)[-4:] for m in hits}
    spans = [(start + m.start(), start + m.end()) for m in hits]
    if len(bodies) >= 2:
        return Outcome("present", evidence(text, spans, start, end))
    table = _duty_table_rows(text, start, end)
    if len({cell for cell, _ in table}) >= 2:
        return Outcome("present", evidence(text, [span for _, span in table], start, end))
    words = [(start + m.start(), start + m.end()) for m in DUTY_WORDS.finditer(body)]
    if spans or words:
        return Outcome(
            "partial", evidence(text, spans or words, start, end), "duties not divided among named bodies"
        )
    return Outcome("missing", reason="no division of duties (…局负责…)")


def _duty_table_rows(text: str, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """(body, row span) for each row of a task table under a 牵头单位/责任单位 header cell.

    The table is the division of duties (plans_dev4 c1 "序号\t任务\t牵头单位\t…", c4): every row
    names the body that carries its task, although no sentence says "…局负责…".
    """
    pats = patterns()
    header, body, loose = pats["duty_table_header"], pats["duty_table_body"], pats["duty_table_row_body"]
    out: list[tuple[str, tuple[int, int]]] = []
    column: int | None = None
    width = 0
    pos = start
    for line in text[start:end].split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        # a .txt table's tabs are normalised to spaces; a PDF table keeps them
        cells = [c for c in re.split(r"[\t \u3000]+", line.strip()) if c]
        if len(cells) < 2 and column is not None and not loose.search(line):
            column = None  # the table ended
            continue
        found = next((i for i, c in enumerate(cells) if header.match(c)), None)
        if found is not None:
            column, width = found, len(cells)
            continue
        if column is None:
            continue
        span = (line_start, line_start + len(line))
        if len(cells) == width:
            if body.match(cells[column]) and not _GENERIC_BODY.match(cells[column]):
                out.append((cells[column], span))
        else:  # cells ran together: the row's first body with an administrative level
            m = loose.search(line)
            if m:
                out.append((m.group(0), span))
    return out


def check_has_items(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    need = int(item.params.get("min_items", 3))
    hits = _finds("item_markers", text, start, end)
    if len(hits) >= need:
        return Outcome("present", evidence(text, hits, start, end))
    sentences = [s for s in SENTENCE_END.split(text[start:end]) if len(CONTENT_CHARS.findall(s)) >= 8]
    if len(sentences) >= need:
        return Outcome("partial", reason=f"measures not itemised (fewer than {need} numbered measures)")
    return Outcome("missing", reason=f"fewer than {need} concrete measures")


@lru_cache(maxsize=4096)
def _bigrams(s: str) -> frozenset[str]:
    """Character pairs of the content characters; cached: a body is compared with every aspect."""
    s = "".join(CONTENT_CHARS.findall(s))
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


MENTION_COVERAGE = 0.5
MENTION_PARTIAL = 0.25
_FILLER = re.compile(r"[（(][^（）()]*[)）]|情况|有无|是否|发生|存在|方面|相关|有关|当地|(?:19|20)\d\d年?")


def check_mentions(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    """Does the body talk about what the wording names, in its words or in the plan's own?

    Evidence, strongest first: a key word of the notice's wording (or an `also`
    word); a third of the aspects the notice lists or explains ("要说明公共服务平台建设和…
    商协会合作" — a plan writes "建有检测中心…与商会开展合作", never the head's words);
    two different `hints` (things a plan names when describing the subject); most of
    the wording's character pairs. One hint, one aspect or some shared pairs is weak
    evidence: ``partial``. Key words that occur only in a sentence that puts the
    requirement off ("责任分工待…研究确定") are not evidence (run_check then says ``empty``).
    """
    body = _mask_deferrals(text, start, end)  # same length: offsets stay valid
    keywords: list[str] = item.params.get("keywords") or []
    spans: list[tuple[int, int]] = []
    for kw in keywords:
        i = body.find(kw)
        if i != -1:
            spans.append((start + i, start + i + len(kw)))
    aspects: list[str] = item.params.get("aspects") or []
    hit_aspects = [a for a in aspects if aspect_mentioned(a, body)]
    if spans:
        lacking = _unnamed_parts(item.name, keywords, body)
        if lacking:
            # "农产品上行、工业品下行情况": the plan covers 工业品下行 only (holdout2 m2c) — one of two
            return Outcome(
                "partial", evidence(text, spans, start, end), f"nothing on {'、'.join(lacking)}", gap=True
            )
    if spans or (aspects and len(hit_aspects) * 3 >= len(aspects)):
        for a in hit_aspects:
            i = body.find(a)
            if i != -1:
                spans.append((start + i, start + i + len(a)))
        return _unless_no_person(aspects, body, evidence(text, spans or [(start, start + 1)], start, end))
    hints = _hint_spans(item.params.get("hints") or [], body, start)
    hints.update(_cue_spans(item.name, body, start))
    if len(hints) >= HINTS_PRESENT:
        return _unless_no_person(aspects, body, evidence(text, list(hints.values()), start, end))
    # a paraphrase: most of the wording's character pairs ("食品加工产业集群…发展" for 特色产业集群发展情况)
    wanted = _bigrams(_FILLER.sub("", item.name))
    shared = len(wanted & _bigrams(body))
    if len(wanted) >= 3 and shared >= MENTION_COVERAGE * len(wanted):
        return _unless_no_person(aspects, body, evidence(text, [(start, min(end, start + 1))], start, end))
    what = "、".join(keywords) or item.name
    if hints or hit_aspects:
        named = "、".join([*hints, *hit_aspects])
        return Outcome(
            "partial",
            evidence(text, list(hints.values()), start, end),
            f"touches {what} only thinly ({named})",
        )
    # a keyword miss is weak evidence on a body that shares some of the wording: partial, not missing
    # (the checker drops it when the shared pairs are only those its sibling items share: loose_pairs)
    if len(wanted) >= 3 and shared >= MENTION_PARTIAL * len(wanted):
        return Outcome("partial", reason=f"mentions {what} only loosely", loose=True)
    return Outcome("missing", reason=f"does not mention {what}")


HINTS_PRESENT = 2


@lru_cache(maxsize=1)
def _mention_cues() -> list[tuple[re.Pattern[str], list[re.Pattern[str]], bool]]:
    data = load_data("mention_cues.yaml")
    return [
        (re.compile(e["names"]), [re.compile(c) for c in e["cues"]], bool(e.get("distinct")))
        for e in data.get("cues") or []
    ]


def _cue_spans(name: str, body: str, offset: int) -> dict[str, tuple[int, int]]:
    """What the plan writes for a common requirement it does not name (mention_cues.yaml): up to two
    hits, each keyed by its text so two hits count as two hints ("领导小组" + "任组长"; two dates)."""
    found: dict[str, tuple[int, int]] = {}
    # the whole requirement is that one thing: "每项任务的目标成果、进度安排、保障措施" asks for more than
    # a schedule (plans_dev4 c3), and dates alone do not answer it
    bare = re.sub(r"[（(][^（）()]*[)）]|\s", "", name)
    for names, cues, distinct in _mention_cues():
        if not names.fullmatch(bare):
            continue
        for cue in cues:
            for m in list(cue.finditer(body))[: 1 if distinct else None]:
                found.setdefault(f"{m.group(0)}@{m.start()}", (offset + m.start(), offset + m.end()))
                if len(found) >= HINTS_PRESENT:
                    return found
    return found


_TAIL = re.compile(r"(?:的)?(?:情况|状况|现状|等)$")


def _unnamed_parts(name: str, keywords: list[str], body: str) -> list[str]:
    """The parts of a name that lists things ("A、B情况") the body says nothing of, when each part
    has a keyword of its own (the notice asks for each). [] when the name lists nothing.

    Only a list by "、" of phrases with keywords of four characters or more: "和" joins words inside
    one thing ("本地商务和财政部门…证明材料", "人口和产业概况"), and a short noun ("设备、技术和人员")
    is written many ways (plans_dev3, holdout, holdout2 m3 — a reviewer accepts them)."""
    parts = [p for p in _TAIL.sub("", name).split("、") if p]
    if len(parts) < 2 or any(len(p) < 4 for p in parts):
        return []
    own = [[k for k in keywords if k in p and len(k) >= 4] for p in parts]
    if not all(own):
        return []
    return [p for p, ks in zip(parts, own) if not any(k in body for k in ks)]


def _unless_no_person(aspects: list[str], body: str, ev: list[dict[str, Any]]) -> Outcome:
    """Present, or partial when the notice's wording asks for a person (责任领导) and the body names
    no post: "成立…领导小组，办公室设在市工信局。市工信局负责…" names bureaus and duties only (holdout2 m1c)."""
    person = [a for a in aspects if patterns()["person_aspect"].search(a)]
    if person and not patterns()["posts"].search(body):
        return Outcome("partial", ev, f"names no responsible person ({'、'.join(person)})", gap=True)
    return Outcome("present", ev)


ASPECT_WORDS = 0.5
# words too common in plans to show that an aspect is addressed
_GENERIC_WORDS = frozenset(
    [
        "情况",
        "方面",
        "相关",
        "有关",
        "当地",
        "组织",
        "开展",
        "具有",
        "其他",
        "相比",
        "建设",
        "发展",
        "工作",
        "活动",
        "以及",
        "进行",
        "我省",
        "我县",
        "国家",
        "推动",
        "加强",
        "符合",
        "取得",
        "等",
    ]
)


def aspect_mentioned(aspect: str, body: str) -> bool:
    """An aspect is addressed when it occurs, most of its character pairs do, or half its content words."""
    if aspect in body:
        return True
    grams = _bigrams(aspect)
    if grams and len(grams & _bigrams(body)) >= 0.6 * len(grams):
        return True
    content = _content_words(aspect)
    hit = [w for w in content if w in body]
    return len(content) >= 2 and len(hit) >= 2 and len(hit) >= ASPECT_WORDS * len(content)


def loose_pairs(item: RubricItem, siblings: list[RubricItem], text: str, start: int, end: int) -> set[str]:
    """The character pairs of the item's wording that the body has and no sibling's wording has.

    A loose mention rests on a few shared pairs; a pair the item shares with a sibling names the
    head they have in common, not this item: "保障校企合作长期稳定" says nothing of 安全保障 next to
    制度保障 (holdout2 m3b), "服务" nothing of 上门服务 next to 助餐服务 (holdout h3c).
    """
    theirs: set[str] = set()
    for s in siblings:
        if s.id != item.id:
            theirs |= _bigrams(_FILLER.sub("", s.name))
    wanted = _bigrams(_FILLER.sub("", item.name)) - theirs
    return wanted & _bigrams(_mask_deferrals(text, start, end))


@lru_cache(maxsize=4096)
def _content_words(phrase: str) -> tuple[str, ...]:
    from pipeline.extract.segment import words

    out = [w for w in words(phrase) if len(w) >= 2 and CONTENT_CHARS.search(w) and w not in _GENERIC_WORDS]
    return tuple(dict.fromkeys(out))


def _hint_spans(hints: list[str], body: str, offset: int) -> dict[str, tuple[int, int]]:
    """First occurrence of each distinct hint (a hint inside a longer hint counts once), as text offsets."""
    found: dict[str, tuple[int, int]] = {}
    for h in sorted(hints, key=len, reverse=True):
        i = body.find(h)
        if i == -1:
            continue
        if any(a <= offset + i and offset + i + len(h) <= b for a, b in found.values()):
            continue
        found[h] = (offset + i, offset + i + len(h))
    return found


def _mask_deferrals(text: str, start: int, end: int) -> str:
    """text[start:end] with every sentence that puts something off blanked (same length)."""
    body = text[start:end]
    pat = deferral_pattern()
    if pat is None or not pat.search(body):
        return body
    chars = list(body)
    for m in pat.finditer(text, start, end):
        s, e = m.start(), m.end()
        # a table cell is a clause of its own: "2023年\t152\t数据正在核实，待补充" puts off one column,
        # not the row's year and its other figures (holdout3 k3c)
        while (
            s > start
            and not is_break(text, s - 1)
            and text[s - 1] != "\t"
            and not _given_before(text, start, s)
        ):
            s -= 1
        while e < end and not is_break(text, e) and text[e] != "\t" and not _given_after(text, e, end):
            e += 1
        chars[s - start : e - start] = " " * (e - s)
    return "".join(chars)


def _given_before(text: str, lo: int, s: int) -> bool:
    """Is text[s-1] a comma ending a clause that gives a figure? "2026年安排中央财政资金600万元，县级财政资金待
    预算确定后另行明确" puts off the county's share only: the figure before the comma stands."""
    if text[s - 1] not in "，,":
        return False
    a = s - 1
    while a > lo and not is_break(text, a - 1) and text[a - 1] not in "，,":
        a -= 1
    return bool(patterns()["number_with_unit"].search(text, a, s - 1))


def _given_after(text: str, e: int, hi: int) -> bool:
    """Is text[e] a comma opening a clause that gives a figure (the mirror of _given_before)?"""
    if text[e] not in "，,":
        return False
    b = e + 1
    while b < hi and not is_break(text, b) and text[b] not in "，,":
        b += 1
    return bool(patterns()["number_with_unit"].search(text, e + 1, b))


@lru_cache(maxsize=1)
def deferral_pattern() -> re.Pattern[str] | None:
    pats = load_data("placeholders.yaml").get("deferrals") or []
    return re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None


def deferred(item: RubricItem, text: str, start: int, end: int) -> dict[str, Any] | None:
    """A sentence in [start, end) that puts this requirement off ("资金投入情况正在测算中"), as evidence."""
    pat = deferral_pattern()
    if pat is None:
        return None
    name_grams = _bigrams(_FILLER.sub("", item.name))
    keywords = item.params.get("keywords") or []
    for m in pat.finditer(text, start, end):
        s, e = sentence_span(text, m.start(), m.end(), start, end)
        sentence = text[s:e]
        if item.check in ("has_money", "has_money_per_year"):
            names_it = bool(re.search(r"资金|投资|投入|经费", sentence))
        elif item.check == "assigns_duties":
            names_it = bool(re.search(r"分工|职责", sentence))  # p21 "责任分工待…研究确定"
        else:
            names_it = any(k in sentence for k in keywords) or (
                len(name_grams) >= 2 and len(name_grams & _bigrams(sentence)) >= 0.4 * len(name_grams)
            )
        if names_it:
            return {"text": sentence, "start": s, "end": e}
    return None


def check_has_deadline(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    """A date by which the work is done ("2025年底前", "2026年6月"); a bare year is not a deadline."""
    body = _mask_deferrals(text, start, end)
    hits = [(start + m.start(), start + m.end()) for m in patterns()["deadline"].finditer(body)]
    if hits:
        return Outcome("present", evidence(text, hits, start, end))
    return Outcome("missing", reason="no deadline (e.g. 2025年底前, 2026年6月)")


# ------------------------------------------------------------------ figures in tables
# A table gives a figure in a cell and its unit in the header: "年度｜社会消费品零售总额（亿元）｜…"
# then "2022年｜101.4｜…" (holdout2 m2a/m2b 统计表), or "指标｜2024年现状｜2027年目标" then
# "村级便民商店数量（家）｜152｜210" (m2b targets). A bare number in a cell is a figure there.
# a figure cell, its unit in the cell or not: "48600", "35%", "450万人次", "9.2亿元" (holdout3 k3a: a target
# table whose cells carry their units); not a year ("2026年" is a row label)
_FIGURE_CELL = re.compile(
    r"[约近超逾]?\s*\d[\d,，.]*\s*(?:[万亿千百])?\s*"
    r"(?:%|％|人次|人|元|美元|吨|个|家|辆|座|处|项|户|场|次|平方米|亩|公里|台|套)?\s*(?:以上|左右|以内)?"
)
_YEAR_CELL = re.compile(r"((?:19|20)\d\d)\s*年?(?:度)?(?:[\u4e00-\u9fff]{0,4})")


def _cells(line: str) -> list[str]:
    return [c for c in _CELL_SEP.split(line.strip())]


def _cell_names(item: RubricItem) -> list[str]:
    names = [item.name, str(item.params.get("phrase") or ""), *(item.params.get("keywords") or [])]
    names = [re.sub(r"[（(][^）)]*[)）]", "", n) for n in names if n]
    return [n for n in names if len(re.findall(r"[\u4e00-\u9fff]", n)) >= 2]


def table_figures(
    item: RubricItem, text: str, start: int, end: int, money: bool = False
) -> dict[int | None, tuple[int, int]]:
    """Figures a table gives for the item: {year or None: span of the row}.

    Two layouts: a column headed by the item and rows labelled by year (the year is the key), or
    a row labelled by the item with a figure in its cells (key: the header's year for each cell
    under a year column, None for a cell under a header with no year). ``money``: the header cell
    or the row's label must give the unit in 元 (万元/亿元), as "中央财政资金（万元）" does.
    """
    if not _TABLE_HINT.search(text, start, end):
        return {}
    names = _cell_names(item)
    if not names:
        return {}
    lines = [(a, b, text[a:b]) for a, b in line_spans(text, start, end)]
    out: dict[int | None, tuple[int, int]] = {}
    for k, (_, _, line) in enumerate(lines):
        cells = _cells(line)
        if len(cells) < 2 or any(_FIGURE_CELL.fullmatch(c) for c in cells):
            continue  # a header names its columns; a row of figures is no header
        rows = []
        for a, b, row in lines[k + 1 :]:
            rc = _cells(row)
            if len(rc) < 2:
                break
            rows.append((a, b, rc))
        col = next((i for i, c in enumerate(cells) if i > 0 and any(n in c for n in names)), None)
        if col is not None and (not money or "元" in cells[col]):  # the item's column, rows by year
            for a, b, rc in rows:
                ym = _YEAR_CELL.fullmatch(rc[0])
                if ym and col < len(rc) and _FIGURE_CELL.fullmatch(rc[col]):
                    out.setdefault(int(ym.group(1)), (a, b))
        years = {i: _YEAR_CELL.fullmatch(c) for i, c in enumerate(cells) if i > 0}
        for a, b, rc in rows:  # the item's row
            if not any(n in rc[0] for n in names) or (money and "元" not in rc[0] + line):
                continue
            for i in range(1, min(len(rc), len(cells))):
                if _FIGURE_CELL.fullmatch(rc[i]):
                    ym = years.get(i)
                    out.setdefault(int(ym.group(1)) if ym else None, (a, b))
    return out


# ------------------------------------------------------------------ per item and table columns
PER_ITEM_CHECKS = ("names_units", "names_units_and_posts", "has_deadline", "has_money", "mentions")
_TABLE_HINT = re.compile(r"[｜|\t]|\S {2,}\S")
_CELL_SEP = re.compile(r"\s*[｜|\t]\s*|\s{2,}")


def list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of the first list in [start, end): from each marker of the list's style to the next.

    "（一）建设数据中心。牵头单位：…\n（二）…" — nested markers (1. under （一）) stay inside their item.
    """
    marks = [m for m in patterns()["item_markers"].finditer(text, start, end)]
    if not marks:
        return []

    def style(m: re.Match[str]) -> str:
        return re.sub(r"[一二三四五六七八九十\d]+", "N", m.group(0).strip("\n。；; "))

    first = style(marks[0])
    starts = [m.start() for m in marks if style(m) == first]
    return [(a, b) for a, b in zip(starts, [*starts[1:], end])] if len(starts) >= 2 else []


def _table_column(item: RubricItem, text: str, start: int, end: int) -> Outcome | None:
    """A table whose header names the requirement ("序号｜项目名称｜建设内容｜总投资（万元）｜责任单位"):
    present when every row fills that column, partial when some do, missing when none does."""
    if item.params.get("per_year"):
        return None  # a year is no column header
    if not _TABLE_HINT.search(text, start, end):
        return None
    names = [item.name, *(item.params.get("keywords") or [])]
    names = [re.sub(r"[（(][^）)]*[)）]", "", n) for n in names if n]
    names = [n for n in names if len(re.findall(r"[\u4e00-\u9fff]", n)) >= 2]
    lines = [(a, text[a:b]) for a, b in line_spans(text, start, end)]
    for k, (ls, line) in enumerate(lines):
        cells = [c for c in _CELL_SEP.split(line.strip())]
        if len(cells) < 3:
            continue
        col = next((i for i, c in enumerate(cells) if any(n and n in c for n in names)), None)
        if col is None or sum(1 for c in cells if re.search(r"\d", c)) * 2 > len(cells):
            continue  # the header names the columns; a row of figures is no header
        rows = []
        for rs, row in lines[k + 1 :]:
            rc = _CELL_SEP.split(row.strip())
            if len(rc) < 3:
                break
            rows.append((rs, row, rc))
        if not rows:
            continue
        filled = [
            (rs, row)
            for rs, row, rc in rows
            if col < len(rc)
            and CONTENT_CHARS.search(rc[col])
            and not placeholder_rules()[0].fullmatch(rc[col].strip())
        ]
        spans = [(rs, rs + len(row)) for rs, row in filled]
        if len(filled) == len(rows):
            return Outcome("present", evidence(text, spans, start, end))
        if filled:
            return Outcome(
                "partial",
                evidence(text, spans, start, end),
                f"{item.name} given for {len(filled)} of {len(rows)} rows",
            )
        return Outcome("missing", reason=f"column {cells[col]} left blank")
    return None


def _per_item(item: RubricItem, text: str, start: int, end: int) -> Outcome | None:
    """ "逐项明确牵头单位和完成时限": every listed task must give it (holdout h1: 2 of 5 deadlines is partial)."""
    items = list_items(text, start, end)
    if len(items) < 2:
        return None
    results = [CHECKS[item.check](item, text, a, b) for a, b in items]
    good = [r for r in results if r.status == "present"]
    if len(good) == len(results):
        return Outcome("present", [e for r in good for e in r.evidence][:MAX_EVIDENCE])
    if good or any(r.status == "partial" for r in results):
        ev = [e for r in good for e in r.evidence][:MAX_EVIDENCE]
        return Outcome("partial", ev, f"{item.name} given for {len(good)} of {len(results)} listed items")
    return None  # none of the items: the whole-section check decides (a table or a summary may give it)


CHECKS: dict[str, Callable[[RubricItem, str, int, int], Outcome]] = {
    "present": check_present,
    "mentions": check_mentions,
    "has_numbers": check_has_numbers,
    "has_growth_rate": check_has_growth_rate,
    "names_units_and_posts": check_names_units_and_posts,
    "names_units": check_names_units,
    "has_money": check_has_money,
    "has_money_per_year": check_has_money_per_year,
    "covers_years": check_covers_years,
    "has_items": check_has_items,
    "assigns_duties": check_assigns_duties,
    "has_deadline": check_has_deadline,
}


def run_check(item: RubricItem, text: str, start: int, end: int) -> Outcome:
    outcome = None
    if item.check in PER_ITEM_CHECKS:
        outcome = _table_column(item, text, start, end)
    if outcome is None and item.params.get("per_item") and item.check in PER_ITEM_CHECKS:
        outcome = _per_item(item, text, start, end)
    if outcome is None:
        outcome = CHECKS[item.check](item, text, start, end)
    if outcome.status == "missing":  # some given and the rest deferred stays partial
        put_off = deferred(item, text, start, end)
        if put_off is not None:
            return Outcome("empty", [put_off], f"deferred, not given: “{put_off['text']}”")
    return outcome
