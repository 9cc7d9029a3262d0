"""评审/评分 tables read as the outline of the plan they score.

A notice may give no outline of its 实施方案 but attach the table experts score it with
(评审内容 / 分值 / 评分标准) and say the plan is written after it ("方案须对照《评审标准》中的各项
评审内容逐项编写"). Each 评审内容 row is then a chapter a reviewer looks for, and its 评分标准
cell says what the chapter must hold: "现有冷库库容、冷藏车数量等冷链设施规模较大的得8—10分"
asks for 现有冷库库容 and 冷藏车数量; the points, the judgement (较大, 合理) and the deductions
("不明确的不得分", "低于50%的酌情扣分") are how it is scored, not items. 分值 is never an item.

Tables come as text two ways: one row per line with tab (or ｜) separated cells, or one cell per
line (a docx/pdf table extracted cell by cell), where a row ends with its 分值 cell and a merged
一级指标 cell appears only on the first row of its group. Patterns: ``pipeline/data/rubric_scoring.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pipeline.data import load_data
from pipeline.structure.lines import line_spans

if TYPE_CHECKING:
    from pipeline.rubric.compiler import _Builder

Span = tuple[int, int]
NUMBER = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．.](?!\d))\s*"
)
POINTS_IN_NAME = re.compile(r"\s*[（(]\s*\d{1,3}\s*分\s*[)）]\s*$")


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return {k: re.compile(v) for k, v in load_data("rubric_scoring.yaml").items()}


def _column(cell: str) -> str | None:
    r = _rules()
    cell = cell.strip()
    for kind in ("content", "criteria", "other"):
        if r[f"{kind}_header"].match(cell):
            return kind
    return None


def _cells(text: str, s: int, e: int, sep: str) -> list[Span]:
    out, cs = [], s
    for m in re.finditer(sep, text[s:e]):
        out.append((cs, s + m.start()))
        cs = s + m.end()
    out.append((cs, e))
    return out


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s] in " \t\u3000":
        s += 1
    while e > s and text[e - 1] in " \t\u3000":
        e -= 1
    return s, e


def _aligned(header: list[str], cells: list[Span]) -> dict[str, Span]:
    """Cells of a row by column kind, aligned from the right (a merged first column may be missing)."""
    row: dict[str, Span] = {}
    for kind, cell in zip(reversed(header), reversed(cells)):
        row.setdefault(kind, cell)
    return row


def find_scoring_rows(text: str) -> list[tuple[Span, Span]]:
    """(评审内容 cell, 评分标准 cell) of every row of the first scoring table in the text."""
    r = _rules()
    lines = [(s, e) for s, e in line_spans(text)]
    for idx, (s, e) in enumerate(lines):
        line = text[s:e]
        for sep in ("\t+", "[｜|]"):
            cells = _cells(text, s, e, sep)
            if len(cells) < 2:
                continue
            header = [_column(text[a:b]) or "" for a, b in cells]
            if "content" in header and "criteria" in header and all(header):
                rows = []
                for ls, le in lines[idx + 1 :]:
                    if not text[ls:le].strip():
                        continue
                    rc = _cells(text, ls, le, sep)
                    if len(rc) < 2 or r["total_row"].match(text[ls:le]):
                        break
                    row = _aligned(header, [_strip(text, a, b) for a, b in rc])
                    if "content" in row and "criteria" in row:
                        rows.append((row["content"], row["criteria"]))
                if rows:
                    return rows
        # one cell per line: a run of header cells, the 分值 column last
        if _column(line) is None:
            continue
        header: list[str] = []
        j = idx
        while j < len(lines) and _column(text[lines[j][0] : lines[j][1]]):
            header.append(_column(text[lines[j][0] : lines[j][1]]) or "")
            j += 1
        if not ("content" in header and "criteria" in header and len(header) >= 3 and header[-1] == "other"):
            continue
        rows, pending = [], []
        for ls, le in lines[j:]:
            cell = text[ls:le]
            if not cell.strip():
                continue
            if r["total_row"].match(cell) or re.match(r"\s*(?:注[：:]|附件)", cell):
                break
            if r["score_cell"].match(cell):
                row = _aligned(header, [*(_strip(text, a, b) for a, b in pending), (ls, le)])
                if "content" in row and "criteria" in row:
                    rows.append((row["content"], row["criteria"]))
                pending = []
                continue
            pending.append((ls, le))
            if len(pending) > len(header):
                break  # no 分值 cell where a row should end: not this kind of table
        if len(rows) >= 2:
            return rows
    return []


def read_scoring_table(b: _Builder) -> bool:
    """Sections and requirements from a scoring table the notice says the plan follows."""
    from pipeline.rubric.hints import read_hint
    from pipeline.rubric.outline import _new_plan, _plan_material

    text = b.text
    r = _rules()
    follows = r["follows_table"].search(text)
    if not follows:
        return False
    rows = find_scoring_rows(text)
    if len(rows) < 2:
        return False
    plan = _plan_material(b)
    if plan is None:
        # "实施方案须按《评审指标》中的评审内容逐项设章": the plan the statement is about
        cs = max(text.rfind(c, 0, follows.start()) for c in "。\n") + 1
        pm = r["plan_subject"].search(text, cs, follows.end())
        plan = _new_plan(b, pm.span(1) if pm and pm.end(1) - pm.start(1) >= 2 else None)
    for (cs, ce), (ks, ke) in rows:
        m = NUMBER.match(text, cs, ce)
        if m:
            cs = m.end()
        p = POINTS_IN_NAME.search(text, cs, ce)
        if p:
            ce = p.start()
        if ce - cs < 2:
            continue
        section = b.add_section(text[cs:ce], cs, ce, plan)
        for s, e in criterion_spans(text, ks, ke):
            read_hint(b, s, e, section, judged=True)
    return True


def criterion_spans(text: str, start: int, end: int) -> list[Span]:
    """The parts of a 评分标准 cell that name what is looked for: points, deductions and judgements cut off."""
    from pipeline.rubric.compiler import split_spans

    r = _rules()
    out = []
    for cs, ce in split_spans(text, start, end, "；;。"):
        m = r["points"].search(text, cs, ce)
        if m:
            # "目标仅作定性描述的得0—5分", "企业投入比例低于50%的酌情扣分": how points are lost
            if r["deduction"].search(text[cs : m.start()]) or re.match(
                r"的?(?:不得分|酌情扣分|扣)", text[m.start() : ce]
            ):
                continue
            ce = m.start()
        if ce - cs < 2:
            continue
        out.append((cs, ce))
    return out
