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
from typing import TYPE_CHECKING, Any

from pipeline.rubric.phrases import is_money

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
    # "申报书按附件1格式填写，主要内容：A、B、C" (holdout h3): a clause on the form may come between
    lead = re.compile(
        rf"(?P<subj>[^，,。；：:]{{2,20}}?)(?:由以下部分组成[：:]?|(?:内容)?(?:应|须|需|主要|应当)?(?:{include})[：:]?"
        rf"|[^，,。；：:]{{0,20}}[，,]\s*(?:其|该)?(?P<contents>主要内容)[：:])"
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
            if m.group("contents"):
                _contents_list(b, material, m.end(), e)
                break
            b.read_sentence(s, e, material)
            if not any(i.parent == material.id and i.kind == "section" for i in b.items):
                continue
            # "其中，X要…；Y要求…" right after: the parts' own requirements
            for s2, e2 in sentences[k + 1 : k + 4]:
                if re.match(r"^\s*其中", b.text[s2:e2]):
                    b.read_sentence(s2, e2, material)
            break


def _contents_list(b: _Builder, material: RubricItem, start: int, end: int) -> None:
    """ "主要内容：A、B、C": the parts of a material — a form's fields, or a plan's chapters.

    A form (…表/…书) filed next to a plan (holdout h3: 申报书 and 建设运营方案) lists the
    facts it holds ("申报单位基本信息、服务场所情况"); a reviewer looks for them in its body,
    so they are requirements. A material that is the only document holds the plan's
    chapters (plans_dev2 d1: the 申报书 is the plan), so they are sections.
    """
    from pipeline.rubric.compiler import DOC_SUFFIX, core, enumeration
    from pipeline.rubric.outline import plan_like

    text = b.text
    parts = enumeration(text, start, end)
    if len(parts) < 2 or sum(1 for s, e in parts if DOC_SUFFIX.search(core(text[s:e]))) * 2 >= len(parts):
        return
    form = not plan_like(material.name) and any(
        plan_like(i.name) for i in b.items if i.kind == "material" and i.parent is None and i is not material
    )
    for s, e in parts:
        if form:
            b.add_requirement(text[s:e], s, e, material, [])
        else:
            b.add_section(text[s:e], s, e, material)


def _same_sentence_parts(b: _Builder, material: RubricItem) -> bool:
    """ "须提交《…申报书》，主要内容：A、B、C等。": the parts follow the material's name."""
    from pipeline.rubric.compiler import DOC_SUFFIX, core, enumeration

    if not material.provenance:
        return False
    text = b.text
    pos = material.provenance["end"]
    m = re.compile(
        r"[》」]?\s*(?:[（(][^）)]{0,12}[)）])?[^，,。；\n]{0,4}?[，,]\s*(?:其|该|申报书|方案)?"
        # bulk 00052 "申办报告，内容应当主要包括：…": a modal and 主要 may both stand before 包括
        r"(?:主要内容|内容)(?:应当|应|须|需)?(?:主要)?(?:包括|包含|涵盖)?[：:]?"
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


REMOTE_SUBJECT_PREFIX = re.compile(
    r"^(?:本(?:办法|细则|规定|通知))?(?:第[一二三四五六七八九十百零]{1,5}条)?所称|^[^，,。；]{2,12}?(?:方案|报告|申请书|计划书)中的?"
)


def remote_requirements(b: _Builder) -> None:
    """ "第五条 建设方案中，资金概算应当列明A和B": a known section's requirements in a later sentence."""
    sections = [i for i in b.items if i.kind == "section"]
    if not sections:
        return
    markers = "|".join(map(re.escape, b.rules["section_markers"]))
    req_words = "|".join(map(re.escape, b.rules["requirement_words"]))
    opener = re.compile(
        # "本办法第十三条所称冷链设施设备配置，应当写明…": the article's subject, a comma, then its demand
        rf"(?P<subj>[^，,。；]{{2,20}}?|[^，,。；]{{0,12}}所称[^，,。；]{{2,20}}?)(?P<marker>{markers})?(?:(?<=[^，,。；]{{2}})[，,](?=应当|应|须))?(?P<verb>{req_words})"
    )
    from pipeline.rubric.compiler import core, split_spans

    def named(subj: str) -> RubricItem | None:
        """The section the clause opens with: its exact name, else the one section whose name begins with it
        ("投资估算应当区分…" for 投资估算及资金筹措, plans_dev3 v3)."""
        # "建设方案中的投资估算", "本办法第十三条所称冷链设施设备配置" (synth2 syn2_06): the document or the
        # article that lists the part comes first, the part's name after it
        subj = REMOTE_SUBJECT_PREFIX.sub("", subj)
        # a two-character part ("范围", "年限" of a 规划's contents, bulk 00632) opens too many unrelated sentences
        exact = next((x for x in sections if x.name == subj and len(subj) >= 3), None)
        if exact is not None or len(subj) < 3:
            return exact
        # only where the name goes on with a conjunction: not "退耕还林需要的种苗…" for 退耕还林的具体范围 (bulk 00632)
        starts = [
            x
            for x in sections
            if core(x.name).startswith(subj) and re.match(r"[及和与、]", core(x.name)[len(subj) :])
        ]
        return starts[0] if len(starts) == 1 else None

    for s, e in _sentences(b.text):
        if _inside(_read(b), s, e):
            continue
        pm = SENTENCE_PREFIX.match(b.text, s, e)
        cs0 = pm.end() if pm else s
        for cs, ce in _clauses_by_subject(b.text, split_spans(b.text, cs0, e, "；;"), opener, named):
            m = opener.match(b.text, cs, ce)
            if not m:
                continue
            subj = m.group("subj").strip()
            # "建设内容应当覆盖…": 内容 is part of the name here, not a marker after it (plans_dev3 v3)
            target = named(subj + (m.group("marker") or "")) or named(subj)
            if target is None or any(i.parent == target.id and i.kind == "requirement" for i in b.items):
                continue  # only the exact name of a section with no requirements yet
            # a sentence before the section is named says something else: bulk 00052 第五条 "中外合作办学应当
            # 符合中国教育事业发展的需要" is a principle, 第十条's 申办报告 lists 中外合作办学者 as a part
            if target.provenance and s < target.provenance["start"]:
                continue
            b.read_requirements(m.end(), ce, target, m.group("verb"))


def _clauses_by_subject(
    text: str, clauses: list[tuple[int, int]], opener: re.Pattern[str], named: Any
) -> list[tuple[int, int]]:
    """ "建设目标应量化到年度，资金测算应列明财政资金和社会资本投入": a comma piece that opens with another
    part's name and a requirement verb starts that part's clause."""
    from pipeline.rubric.compiler import split_spans

    def opens_part(ps: int, pe: int) -> bool:
        m = opener.match(text, ps, pe)
        subj = m.group("subj").strip() if m else ""
        return bool(m and (named(subj + (m.group("marker") or "")) or named(subj)))

    out: list[tuple[int, int]] = []
    for cs, ce in clauses:
        start = cs
        pieces = split_spans(text, cs, ce, "，,")
        # only a chain of per-part demands: not "超过3年的，中外合作办学者应当重新申报" (bulk 00052)
        if not pieces or not opens_part(*pieces[0]):
            out.append((cs, ce))
            continue
        for ps, pe in pieces[1:]:
            if opens_part(ps, pe):
                out.append((start, ps))
                start = ps
        out.append((start, ce))
    return out


def split_per_year(b: _Builder) -> None:
    """ "分年度列明2025年度、2026年度的任务": one sub-requirement per named year.

    Whatever the compiler made of the wording (year fragments, one coverage check,
    "2026年度的任务") is replaced; a range ("2025年至2027年") is left as it is.
    """
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
        if any(i.params.get("years_in_name") for i in hit):
            continue  # a template hint's "逐年列出2026年、2027年资金安排" is one item naming its years (hints.py)
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
        money = is_money(text[le:ce])  # "…的财政投入和社会资本投入": each year needs a figure (plans_dev3 v1)
        b.remove({i.id for i in hit})
        for w in YEAR_WORD.finditer(text, ls, le):
            add_year_item(b, parent, w.start(), w.end(), counted=counted, money=money)


def add_year_item(
    b: _Builder, parent: str, start: int, end: int, counted: bool = False, money: bool = False
) -> None:
    """One year the notice asks for by name ("2025年度"), as a sub-requirement of ``parent``.

    A reviewer ticks named years one by one; a year whose wording asks for money
    ("分年度列明2025年、2026年的财政投入") needs a figure in that year's sentence.
    """
    from pipeline.rubric.schema import RubricItem

    text = b.text
    year = int(text[start : start + 4])
    params: dict = {"years": [year], "per_year": True}
    if counted:
        params["counted"] = True
    b.add(
        RubricItem(
            f"{parent}.y{year}",
            re.sub(r"\s+", "", text[start:end]),
            "requirement",
            parent,
            "has_money_per_year" if money else "covers_years",
            params,
            1.0,
            [],
            None,
            next(i.scope for i in b.items if i.id == parent),
            b._prov(start, end),
        )
    )


__all__ = ["add_year_item", "material_parts", "remote_requirements", "split_per_year"]
