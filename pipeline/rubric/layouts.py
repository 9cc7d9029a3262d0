"""Notice layouts the compiler and outline.py do not read yet (corpora/plans_dev2).

* A material named inline whose parts a later sentence lists: "须报送《数字乡村示范镇申报书》。
  申报书包括申报单位基本信息、建设基础……六部分。其中，进度安排要…" (plans_dev2 d1). The
  parts are the material's sections, like seed 000's "详细实施方案包括…".
* A section's requirements stated outside its chapter, often in a later article of a 办法:
  "第五条 建设方案中，资金概算应当列明市级补助资金和县级配套资金" (plans_dev2 d3).
* Per-year demands: "进度安排要分年度列明2025年度、2026年度的任务" asks for each named year;
  a reviewer ticks them one by one, so each year is a sub-requirement (plans_dev2 d1, d2).
  A range ("分年度列明2025年至2027年的建设任务") stays one coverage check.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.rubric.compiler import _Builder
    from pipeline.rubric.schema import RubricItem

# one year as the notice writes it: "2025年度", "2024年"
YEAR_WORD = re.compile(r"(?:19|20)\d\d\s*年度?")
# 分年度 + a verb + a list naming two or more years one by one
PER_YEAR_LIST = re.compile(
    # no comma between: "分年度目标，覆盖2025年、2026年、2027年" (tests/rubric d02) names one requirement
    r"(?:分年度|按年度|逐年|各年度)[^。；;，,\n\d]{0,6}?(?P<years>(?:19|20)\d\d\s*年度?(?:\s*[、，,和及与]\s*(?:19|20)\d\d\s*年度?)+)"
)
# "第五条 ", "其中，", "建设方案中，": words before the section's name that only situate the sentence
SENTENCE_PREFIX = re.compile(
    r"\s*(?:第[一二三四五六七八九十百]{1,4}条\s*)?(?:其中[，,]\s*)?(?:[^，,。；]{2,20}?中[，,]\s*)?"
)


def _sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    from pipeline.rubric.compiler import split_spans

    return split_spans(text, start, len(text) if end is None else end, "。\n")


def _read(b: _Builder) -> set[int]:
    """Offsets of the notice already read into some item (never read a sentence twice)."""
    out: set[int] = set()
    for i in b.items:
        if i.provenance:
            out.add(i.provenance["start"])
    return out


def _inside(points: set[int], s: int, e: int) -> bool:
    return any(s <= p < e for p in points)


def material_parts(b: _Builder) -> None:
    """ "申报书包括A、B、C六部分": sections of an inline material that has none yet."""
    from pipeline.rubric.compiler import core

    include = "|".join(map(re.escape, b.rules["include_words"]))
    lead = re.compile(
        rf"(?P<subj>[^，,。；：:]{{2,20}}?)(?:由以下部分组成[：:]?|(?:内容)?(?:应|须|需|主要|应当)?(?:{include})[：:]?)"
    )
    for material in [i for i in b.items if i.kind == "material" and i.parent is None]:
        if any(i.parent == material.id and i.kind in ("section", "material") for i in b.items):
            continue
        name = core(material.name)
        if _same_sentence_parts(b, material):
            continue
        sentences = _sentences(b.text)
        for k, (s, e) in enumerate(sentences):
            m = lead.match(b.text, s, e)
            subj = core(m.group("subj")) if m else ""
            # the sentence's subject is the material, by its full name or its head noun (申报书)
            if not m or len(subj) < 2 or subj not in name or _inside(_read(b), s, e):
                continue
            b.read_sentence(s, e, material)
            if not any(i.parent == material.id and i.kind == "section" for i in b.items):
                continue
            # "其中，X要…；Y要求…" right after: the parts' own requirements
            for s2, e2 in sentences[k + 1 : k + 4]:
                if re.match(r"^\s*其中", b.text[s2:e2]):
                    b.read_sentence(s2, e2, material)
            break


def _same_sentence_parts(b: _Builder, material: RubricItem) -> bool:
    """ "须提交《…申报书》，主要内容：A、B、C等。": the parts follow the material's name."""
    from pipeline.rubric.compiler import DOC_SUFFIX, core, enumeration

    if not material.provenance:
        return False
    text = b.text
    pos = material.provenance["end"]
    m = re.compile(
        r"[》」]?\s*(?:[（(][^）)]{0,12}[)）])?[^，,。；\n]{0,4}?[，,]\s*(?:其|该|申报书|方案)?"
        r"(?:主要内容|内容)(?:应当|应|须|需|主要)?(?:包括|包含|涵盖)?[：:]?"
    ).match(text, pos)
    if not m:
        return False
    stop = re.search(r"[。；;\n]", text[m.end() :])
    end = m.end() + (stop.start() if stop else len(text) - m.end())
    parts = enumeration(text, m.end(), end)
    docs = sum(1 for s, e in parts if DOC_SUFFIX.search(core(text[s:e])))
    if len(parts) < 2 or docs * 2 >= len(parts):  # a list of documents is not a list of parts
        return False
    for s, e in parts:
        b.add_section(text[s:e], s, e, material)
    return True


def remote_requirements(b: _Builder) -> None:
    """ "第五条 建设方案中，资金概算应当列明A和B": a known section's requirements in a later sentence."""
    sections = [i for i in b.items if i.kind == "section"]
    if not sections:
        return
    markers = "|".join(map(re.escape, b.rules["section_markers"]))
    req_words = "|".join(map(re.escape, b.rules["requirement_words"]))
    opener = re.compile(rf"(?P<subj>[^，,。；]{{2,20}}?)(?:{markers})?(?P<verb>{req_words})")
    from pipeline.rubric.compiler import split_spans

    for s, e in _sentences(b.text):
        if _inside(_read(b), s, e):
            continue
        pm = SENTENCE_PREFIX.match(b.text, s, e)
        cs0 = pm.end() if pm else s
        for cs, ce in split_spans(b.text, cs0, e, "；;"):
            m = opener.match(b.text, cs, ce)
            if not m:
                continue
            subj = m.group("subj")
            target = next((x for x in sections if x.name == subj.strip()), None)
            if target is None or any(i.parent == target.id and i.kind == "requirement" for i in b.items):
                continue  # only the exact name of a section with no requirements yet
            b.read_requirements(m.end(), ce, target, m.group("verb"))


def split_per_year(b: _Builder) -> None:
    """ "分年度列明2025年度、2026年度的任务": one sub-requirement per named year.

    Whatever the compiler made of the wording (year fragments, one coverage check,
    "2026年度的任务") is replaced; a range ("2025年至2027年") is left as it is.
    """
    from pipeline.rubric.schema import RubricItem

    text = b.text
    for m in PER_YEAR_LIST.finditer(text):
        ls, le = m.span("years")
        stop = re.search(r"[。；;\n]", text[le:])
        ce = le + (stop.start() if stop else len(text) - le)
        hit = [
            i
            for i in b.items
            if i.kind == "requirement" and i.provenance and m.start() - 2 <= i.provenance["start"] < ce
        ]
        parents = {i.parent for i in hit}
        if not hit:  # nothing kept of the wording ("2025年度" alone is too short): the clause's section
            cs = max(text.rfind(c, 0, m.start()) for c in "。；;\n") + 1
            parents = {
                i.id
                for i in b.items
                if i.kind == "section" and len(i.name) >= 2 and i.name in text[cs : m.start()]
            }
        if len(parents) != 1:
            continue  # no item, or the wording spans two sections: leave it
        parent = parents.pop()
        # "…的站点建设数量": each year needs a figure, not only a mention (indicator_measure, rubric_rules.yaml)
        counted = bool(re.search(b.rules.get("indicator_measure") or r"(?!)", text[le:ce].strip(" 的")))
        gone = {i.id for i in hit}
        b.items[:] = [i for i in b.items if i.id not in gone]
        b.ids -= gone
        for w in YEAR_WORD.finditer(text, ls, le):
            year = int(w.group(0)[:4])
            b.add(
                RubricItem(
                    f"{parent}.y{year}",
                    re.sub(r"\s+", "", w.group(0)),
                    "requirement",
                    parent,
                    "covers_years",
                    {"years": [year], "per_year": True, **({"counted": True} if counted else {})},
                    1.0,
                    [],
                    None,
                    next(i.scope for i in b.items if i.id == parent),
                    b._prov(w.start(), w.end()),
                )
            )


__all__ = ["material_parts", "remote_requirements", "split_per_year"]
