"""A requirement's core noun phrase, and the year lists a notice writes out.

Notices wrap what they require in wording about how to give it:
"试点申报表（格式见附件1），由县级人民政府盖章", "逐项明确牵头单位",
"分年度列明县级财政投入", "县级财政部门出具的资金承诺函". A reviewer (and a
plan) names the thing itself — 试点申报表, 牵头单位, 县级财政投入, 资金承诺函 —
so the item is named by that core phrase, and the wrapping becomes params
(per_year, per_item, qualifier) that the check can use. Rules live in
``pipeline/data/notice_outline.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pipeline.data import load_data

# "2025年、2026年、2027年" / "2025年、2026年和2027年" (a written-out list)
# (not inside a longer number: "120256", "0531-20251234")
YEAR_LIST = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?!\d)\s*年?度?(?:\s*[、，,和及与]\s*(?:19|20)\d\d(?!\d)\s*年?度?)+"
)
# "2025年至2027年", "2025—2027年", "2025-2027", "2025年到2027年"
YEAR_SPAN = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?!\d)\s*年?度?\s*[-—–~～至到]{1,2}\s*(?:19|20)\d\d(?!\d)\s*年?度?"
)
YEAR_TAIL = re.compile(r"\s*(?:[二三四五六两\d]个)?年度")
# "（格式见附件1）", "（详见附件2）", "（模板见附表1）": a pointer, not part of the name
ATTACH_POINTER = re.compile(
    r"[（(][^（）()\n]{0,8}?(?:见|参见|详见)\s*(附件|附表)\s*(\d*)[^（）()\n]{0,4}[)）]"
    # "（按附件2编写提纲编制，不超过2万字）", "（按附件2模板编写）" (holdout2 m1): how to write it, not its name
    r"|[（(]\s*(?:按|按照|参照)\s*(附件|附表)\s*(\d*)[^（）()\n]{0,20}?(?:编写|编制|填写|填报|撰写)[^（）()\n]{0,16}[)）]"
)


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data = load_data("notice_outline.yaml")
    data["_leading"] = [(re.compile(r["match"]), r["param"]) for r in data["leading"]]
    return data


def trim_name(name: str) -> tuple[str, dict[str, Any]]:
    """(core noun phrase, params the wrapping adds). Ordinary names come back unchanged."""
    r = rules()
    params: dict[str, Any] = {}
    out = name.strip()
    m = ATTACH_POINTER.search(out)
    if m:
        params["attachment"] = f"{m.group(1) or m.group(3)}{m.group(2) or m.group(4) or ''}"
        out = (out[: m.start()] + out[m.end() :]).strip()
    # "配套资金承诺函（由市级财政部门出具）" (holdout2 m1): who issues it, in brackets, is a qualifier
    by = re.search(r"[（(]\s*由([^（）()]{2,24}?)(?:出具|开具|盖章|签署|签发|提供)[)）]$", out)
    if by and by.start() >= 2:
        params["issuer"] = by.group(1)
        out = out[: by.start()].strip()
    tail = re.search(r["qualifier_tail"], out)
    if tail and tail.start() >= 2:
        params["qualifier"] = out[tail.start() :].strip(" ，,。；;")
        out = out[: tail.start()]
    changed = True
    while changed:  # "列明每个项目的建设内容": one leading wording may follow another (plans_dev3 v1)
        changed = False
        for pat, param in r["_leading"]:
            lm = pat.match(out)
            if lm and lm.end() > 0 and len(out) - lm.end() >= 2:
                if param:
                    params[param] = True
                out = out[lm.end() :]
                changed = True
    im = re.match(r["issuer_prefix"], out)
    if im and len(out) - im.end() >= 2:
        params["issuer"] = out[: im.end() - 1]
        out = out[im.end() :]
    out = out.strip(" ，,。；;、：:")
    return (out or name.strip()), params


def is_quality_only(phrase: str) -> bool:
    """ "具体可考核", "切实可行": a bar the parent must meet, never a requirement of its own."""
    return bool(re.match(rules()["quality_only"], phrase.strip(" ，,。；;")))


def is_money(phrase: str) -> bool:
    return bool(re.search(rules()["money_words"], phrase))


def year_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, list[int]]]:
    """(start, end, years) of each written-out year list or range in text[start:end].

    "覆盖2025年、2026年、2027年三个年度" is one demand for three years, not three
    requirements; "2025年至2027年" and "2025—2027年" are the same demand.
    A trailing "三个年度" belongs to the list.
    """
    end = len(text) if end is None else end
    out: list[tuple[int, int, list[int]]] = []
    for pat in (YEAR_LIST, YEAR_SPAN):
        for m in pat.finditer(text, start, end):
            if any(s <= m.start() < e for s, e, _ in out):
                continue
            found = [int(y) for y in re.findall(r"(?:19|20)\d\d", m.group(0))]
            if pat is YEAR_SPAN:
                a, b = found[0], found[-1]
                if not (a < b <= a + 20):
                    continue
                years = list(range(a, b + 1))
            else:
                years = sorted(set(found))
                if years != list(range(years[0], years[-1] + 1)):
                    continue  # "2019年、2021年": two separate years, not a span
            e = m.end()
            tm = YEAR_TAIL.match(text, e, end)
            if tm:
                e = tm.end()
            out.append((m.start(), e, years))
    return sorted(out)


OPENERS, CLOSERS = "（(《【“", "）)》】”"


def top_level_cuts(text: str, start: int, end: int, chars: str) -> Iterator[int]:
    """Positions in text[start:end] of any of ``chars`` outside brackets and quotes:
    "身份证（正、反面）复印件、简历" is cut at the second 、 only."""
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in chars:
            yield i
