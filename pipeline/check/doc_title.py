"""Which checklist material a plan file (or a letter inside it) is, read from its 公文 title.

Headings are matched to items by their words (matcher.py), but two facts of real
submissions are carried by titles rather than section headings:

* the plan's own title names the material the whole file is: "临溪市“无废城市”建设试点实施方案"
  then 第一章… (plans_dev4 c1). Matched as an ordinary heading it has no body of its own
  before 第一章, so the material looked empty and every requirement under it missing;
* an application is written as a 公文 request — "关于申请筹建澄江理工学院的函",
  "…关于筹建…学院的申请" (plans_dev4 b1, b3) — and seldom titled "…申请书".

Data (heads, request title patterns) live in ``pipeline/data/plan_layout.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.check.matcher import Candidate, Match
from pipeline.check.scoring import is_container
from pipeline.data import load_data
from pipeline.rubric.schema import Rubric, RubricItem

TITLE_LINES = 3  # the title is among the first non-blank lines (a 附件 label or 文号 may precede it)
TITLE_MAX_CHARS = 60
STEM_OVERLAP = 2  # a request title shares this many consecutive characters with the material's name

_BRACKETS = re.compile(r"[（(][^（）()]*[)）]")


@lru_cache(maxsize=1)
def _layout() -> tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]:
    data = load_data("plan_layout.yaml")
    heads = tuple(sorted(data["title_heads"], key=len, reverse=True))
    return heads, tuple(re.compile(p) for p in data.get("request_titles") or [])


def _head(name: str) -> str | None:
    """The document-type word a name ends with (brackets such as （2025—2027年） ignored)."""
    bare = _BRACKETS.sub("", name).strip(' 　\t”“"')
    heads, _ = _layout()
    return next((h for h in heads if bare.endswith(h)), None)


def _title_line(text: str) -> tuple[int, int, str] | None:
    """(start, end, line) of the plan's title: the first of its first lines that ends with a head."""
    pos, seen = 0, 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > TITLE_LINES:
            return None
        if len(stripped) <= TITLE_MAX_CHARS and "。" not in stripped and _head(stripped):
            return start, start + len(line), stripped
    return None


TITLE_STEM_COVERAGE = 0.5


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[^\u4e00-\u9fff]", "", s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


def _names_same_thing(title: str, name: str, head: str | None) -> bool:
    """Most of the material's words before its head are in the title: "白水县“无废城市”建设试点推进方案"
    for “无废城市”建设试点实施方案 (7 of its 9 character pairs), not "…实施方案" for 应急处置方案."""
    stem = _BRACKETS.sub("", name)
    if head and stem.endswith(head):
        stem = stem[: -len(head)]
    want = _bigrams(stem)
    return not want or len(want & _bigrams(title)) >= TITLE_STEM_COVERAGE * len(want)


def _shares_stem(title: str, name: str) -> bool:
    stem = re.sub(r"申请书?$", "", _BRACKETS.sub("", name))
    return any(stem[i : i + STEM_OVERLAP] in title for i in range(len(stem) - STEM_OVERLAP + 1))


def match_titles(
    rub: Rubric, items: list[RubricItem], matches: dict[str, Match], cands: list[Candidate], text: str
) -> None:
    """Add (in place) matches that only titles give; never displaces a match on a real heading."""
    _whole_file(rub, items, matches, text)
    _request_letters(items, matches, cands)


def _whole_file(rub: Rubric, items: list[RubricItem], matches: dict[str, Match], text: str) -> None:
    found = _title_line(text)
    if found is None:
        return
    start, end, title = found
    head = _head(title)
    # every material with that head, containers too: "…筹建论证报告" with both 论证报告 and 筹建情况报告 in
    # the checklist (plans_dev4 b4) says nothing about which one; containers are whole-file already
    same = [i for i in rub.items if i.kind == "material" and _head(i.name) == head]
    if len(same) != 1 or is_container(rub, same[0].id) or same[0] not in items:
        return
    item = same[0]
    if not _names_same_thing(title, item.name, head):
        return  # "XX县实施方案" is not the checklist's only 方案 when that is the 应急处置方案 (an annex)
    current = matches.get(item.id)
    if current is not None and current.candidate.start != start:
        return  # matched to a heading of its own inside the file
    whole = Candidate(title, start, len(text), end, 0)
    matches[item.id] = Match(item.id, whole, 1.0, "title")


def _request_letters(items: list[RubricItem], matches: dict[str, Match], cands: list[Candidate]) -> None:
    _, patterns = _layout()
    taken = {id(m.candidate) for m in matches.values()}
    for item in items:
        if item.kind != "material" or item.id in matches or _head(item.name) != "申请书":
            continue
        for c in cands:
            if id(c) in taken:
                continue
            title = c.title.strip()
            if any(p.fullmatch(title) for p in patterns) and _shares_stem(title, item.name):
                matches[item.id] = Match(item.id, c, 1.0, "request")
                taken.add(id(c))
                break
