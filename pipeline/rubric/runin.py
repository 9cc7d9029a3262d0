"""Materials a notice lists in layouts other than one numbered line per material (issue 5).

Three layouts real notices use and the numbered-list reader misses:

* a table, one row per material: "序号\\t材料名称\\t要求" then "2\\t工作总结\\t应包括A、B、C"
  (txt tables reach ``doc.text`` as TABLE blocks with tab-separated cells);
* run-in ordinals in one paragraph after a lead-in: "需报送以下材料,一是申报表,…;二是实施方案,…";
* circled items on the lines after a lead-in that asks for documents: "制定…工作计划和绩效目标表，
  …报…审核备案。具体要求如下：" then "①工作计划需包括A、B四部分。（1）A要…；（2）B需列明…".

Each reader runs only when nothing else found a material, so notices the numbered reader
handles keep their checklists. The wording that marks each layout is data
(``runin`` in ``pipeline/data/rubric_rules.yaml``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.rubric.compiler import DOC_SUFFIX, INLINE_MARK, PAREN, core, split_spans, strip_span
from pipeline.rubric.phrases import year_spans
from pipeline.structure.lines import line_spans

if TYPE_CHECKING:
    from pipeline.rubric.compiler import _Builder
    from pipeline.rubric.schema import RubricItem

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# the name a material item opens with ends at its first punctuation or verb: "年度工作计划需包括…"
NAME_END = re.compile(r"[，,：:；;。]|须|应当|应|需要|需|要求|要|按照|按|均")


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    from pipeline.data import load_data

    return {k: re.compile(v) for k, v in load_data("rubric_rules.yaml")["runin"].items()}


def read_runin(b: _Builder) -> bool:
    """Materials from a table, a run-in ordinal list or a circled list; True when any was found."""
    return table_materials(b) or ordinal_materials(b) or circled_materials(b)


# ---------------------------------------------------------------- demands of one material


def read_demands(b: _Builder, start: int, end: int, material: RubricItem, parts: str = "sections") -> None:
    """What a material's own wording asks of it: "3000字以内，应包括A、B；须载明C；不少于30人".

    Clauses about issuer, form, length, signature or a waiver are not items (GUIDE rule 1);
    an 包括 list gives its parts; a 载明-like verb gives one requirement per listed element;
    another demand (汇总…, 均须量化, a bound on a number) is one requirement.
    """
    text = b.text
    rules = _rules()
    include = "|".join(map(re.escape, b.rules["include_words"]))
    for ss, se in split_spans(text, start, end, "。；;"):
        for cs, ce in split_spans(text, ss, se, "，,"):
            clause = text[cs:ce]
            if rules["not_demand"].search(clause):
                continue
            inc = re.search(rf"(?:{include})", clause)
            if inc and parts == "requirements":
                # a table cell "包括经营规模、服务客户数量…" lists what the document reports (d05)
                b.read_requirements(cs + inc.end(), se, material, "包括")
                break
            if inc:
                b.read_sentence(cs, se, material)
                break  # the list runs to the sentence's end
            cv = rules["content_verb"].search(clause)
            if cv:
                b.read_requirements(cs + cv.end(), ce, material, "包括")
            elif rules["demand"].search(clause):
                b.add_requirement(clause, cs, ce, material, [])


def _name_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The material's name at the start of an item: up to its first punctuation or verb."""
    m = NAME_END.search(text, s, e)
    ns, ne = strip_span(text, s, m.start() if m else e)
    # "…统计表（经乡镇统计站审核）": a note in brackets after the name is not part of it; a year range is
    p = list(PAREN.finditer(text, ns, ne))
    if (
        p
        and p[-1].end() == ne
        and not re.search(r"\d", p[-1].group(0))
        and DOC_SUFFIX.search(core(text[ns : p[-1].start()]))
    ):
        ne = p[-1].start()
    return ns, ne


# ---------------------------------------------------------------- tables


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def table_materials(b: _Builder) -> bool:
    """One material per row of a table whose header has a name column and a demands column."""
    text = b.text
    rules = _rules()
    found = False
    lines = [(a, text[a:b]) for a, b in line_spans(text)]
    idx = 0
    while idx < len(lines):
        line = lines[idx][1]
        idx += 1
        if "\t" not in line:
            continue
        head = _cells(line)
        name_col = next((k for k, c in enumerate(head) if rules["table_name_column"].search(c)), None)
        demand_col = next((k for k, c in enumerate(head) if rules["table_demand_column"].search(c)), None)
        if name_col is None:
            continue
        while idx < len(lines) and "\t" in lines[idx][1]:
            row_start, row = lines[idx]
            idx += 1
            cells = row.split("\t")
            if len(cells) <= name_col:
                continue
            offsets = [row_start]
            for c in cells[:-1]:
                offsets.append(offsets[-1] + len(c) + 1)
            ns, ne = strip_span(text, offsets[name_col], offsets[name_col] + len(cells[name_col]))
            # the header says the column names materials: "…工作总结" is one though 总结 is no form's suffix
            if ne - ns < 2 or not re.search(r"[\u4e00-\u9fff]{2}", text[ns:ne]):
                continue
            material = b.add_material(text[ns:ne], ns, ne, None)
            found = True
            if demand_col is not None and demand_col < len(cells):
                ds = offsets[demand_col]
                de = ds + len(cells[demand_col])
                spans = year_spans(text, ds, de)
                if spans:  # "3\t财务审计报告\t2023年至2024年" (d05): the years it covers
                    ys, ye, years = spans[0]
                    b.add_years(material, years, ys, ye)
                else:
                    read_demands(b, ds, de, material, parts="requirements")
                    include = "|".join(map(re.escape, b.rules["include_words"]))
                    cell = text[ds:de].strip()
                    if cell and not re.match(rf"(?:{include})", cell):
                        # "居民座谈会记录或问卷调查汇总表，须附后" (plans_dev3 v3): the checker reads how the
                        # material is handed in from the cell, as the outline's table reader records it
                        material.params["qualifier"] = cell
    return found


# ---------------------------------------------------------------- run-in ordinals


def ordinal_materials(b: _Builder) -> bool:
    """ "需报送以下材料,一是申报表,由…填报;二是实施方案,…": one material per ordinal after the lead-in."""
    text = b.text
    rules = _rules()
    found = False
    for lead in rules["lead_in"].finditer(text):
        line_end = text.find("\n", lead.end())
        stop = len(text) if line_end == -1 else line_end
        marks = [m for m in rules["ordinal"].finditer(text, lead.end(), stop)]
        if len(marks) < 2:
            continue
        for k, m in enumerate(marks):
            s = m.end()
            e = marks[k + 1].start() if k + 1 < len(marks) else stop
            s, e = strip_span(text, s, e)
            ns, ne = _name_span(text, s, e)
            if ne - ns < 2 or not DOC_SUFFIX.search(core(text[ns:ne])):
                continue
            material = b.add_material(text[ns:ne], ns, ne, None)
            found = True
            read_demands(b, ne, e, material)
    return found


# ---------------------------------------------------------------- circled items after a lead-in


def circled_materials(b: _Builder) -> bool:
    """ "…报…审核备案。具体要求如下：" then "①X需包括…（1）…；（2）…" / "②Y按样表填报。…" / "③同步报送Z"."""
    text = b.text
    rules = _rules()
    found = False
    lines = [(a, text[a:b]) for a, b in line_spans(text)]
    for idx, (start, line) in enumerate(lines):
        if not re.search(r"[：:]\s*$", line) or not rules["submit_verbs"].search(line):
            continue
        items: list[tuple[int, int]] = []
        for later_start, later in lines[idx + 1 :]:
            if later[:1] not in CIRCLED:
                break
            items.append((later_start + 1, later_start + len(later)))
        if len(items) < 2:
            continue
        lead = line
        for s, e in items:
            vm = rules["item_verb"].match(text, s, e)
            ns, ne = _name_span(text, vm.end() if vm else s, e)
            name = text[ns:ne]
            if ne - ns < 2 or not DOC_SUFFIX.search(core(name)):
                continue
            # a document the lead-in asks for, or one the item itself hands in
            if not (vm or core(name) in lead):
                continue
            material = b.add_material(name, ns, ne, None)
            found = True
            _circled_body(b, ne, e, material)
    return found


def _circled_body(b: _Builder, start: int, end: int, material: RubricItem) -> None:
    """The item's sentences; run-in "（1）A要…；（2）B需列明…" give the requirements of part A, B."""
    text = b.text
    marks = list(re.finditer(rf"(?:(?<=[。；;：:])|^)\s*{INLINE_MARK}", text[start:end]))
    first = start + marks[0].start() if marks else end
    if first > start:
        read_demands(b, start, first, material)
    for k, m in enumerate(marks):
        s = start + m.end()
        e = start + marks[k + 1].start() if k + 1 < len(marks) else end
        s, e = strip_span(text, s, e)
        if e > s:
            b.read_sentence(s, e, material)
