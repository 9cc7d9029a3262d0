"""Template attachments whose headings carry bracketed fill-in hints.

申报指南 attach the document to write as a template: "附件2 XX县…实施方案（编写模板）",
then numbered headings, each followed by a line in brackets that says what to
write there — "一、建设基础" / "（说明…，包括…；…。不超过1500字）", or
"【填写说明：写明…】". A reviewer reads each heading as a part the plan must
have (a section) and the hint's demands as what that part must hold
(requirements): 简述/说明/列明 A、B和C → A, B, C; 至少包含A、B、C三项指标 → A, B, C;
目标须可量化 → one demand; 并附X → a material inside the part. Length limits
(限500字, 不超过1500字), advice (确保…) and conditions (开展送餐服务的) are no items.

A heading without a hint (a pre-printed 承诺 to sign) is no part the applicant
writes, so only hinted headings count, and two of them make a template.
Patterns live in ``pipeline/data/rubric_hints.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pipeline.data import load_data
from pipeline.structure.lines import line_spans

if TYPE_CHECKING:
    from pipeline.rubric.compiler import _Builder
    from pipeline.rubric.schema import RubricItem

CN_NUM = "一二三四五六七八九十"
# the headings a template numbers: "一、", "（一）", "1．", "第一部分"
HEADING = re.compile(
    rf"^[ \t]*(?:第[{CN_NUM}]{{1,3}}(?:部分|章)\s*|[{CN_NUM}]{{1,3}}[、．.]|[（(][{CN_NUM}]{{1,3}}[)）]|\d{{1,2}}[、．.](?!\d))\s*"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    data = dict(load_data("rubric_hints.yaml"))
    return {k: re.compile(v, re.MULTILINE) for k, v in data.items()}


def _style(number: str) -> str:
    return re.sub(rf"[{CN_NUM}\d]+", "N", number.strip())


def find_hinted_headings(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(heading name span, hint body span) of the first run of ≥2 hinted headings of one numbering style."""
    r = _rules()
    lines = [(s, e) for s, e in line_spans(text) if text[s:e].strip()]
    runs: dict[tuple[int, str], list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    block = 0
    for idx, (s, e) in enumerate(lines):
        line = text[s:e]
        if re.match(r"^\s*附件\s*\d*\s*[：:]?\s*$", line):
            block += 1  # a new attachment starts a new template
            continue
        m = HEADING.match(line)
        if not m or idx + 1 >= len(lines):
            continue
        name_s, name_e = s + m.end(), e
        name = text[name_s:name_e].strip()
        if not 2 <= len(name) <= 30 or re.search(r"[。；;，,：:]", name):
            continue
        hs, he = lines[idx + 1]
        hm = r["hint_line"].match(text, hs, he)
        if not hm or not _balanced(hm.group(1)):
            continue  # "（一）构建产业生态。…（责任单位：…）" is a numbered line, not one bracketed hint
        name_e = name_s + len(text[name_s:name_e].rstrip())
        runs.setdefault((block, _style(m.group(0))), []).append(((name_s, name_e), hm.span(1)))
    for key in sorted(runs):
        if len(runs[key]) >= 2:
            return runs[key]
    return []


def _balanced(body: str) -> bool:
    depth = 0
    for ch in body:
        depth += ch in "（(【"
        depth -= ch in "）)】"
        if depth < 0:
            return False
    return depth == 0


def _title_span(text: str, first_heading: int) -> tuple[int, int] | None:
    """The template's title: the line after "附件N" above the first heading (or the words after "附件N：")."""
    before = text[:first_heading]
    att = None
    for att in re.finditer(r"^[ \t]*附件\s*\d*\s*[：:]?[ \t]*", before, re.MULTILINE):
        pass
    if att is None:
        return None
    for s, e in line_spans(text, att.end(), first_heading):
        line = text[s:e].strip()
        if len(line) >= 4 and not re.search(r"[：:＿_]", line):
            s += len(text[s:e]) - len(text[s:e].lstrip())
            e = s + len(line)
            noise = _rules()["title_noise"]
            for _ in range(3):
                m = noise.search(text, s, e)
                if not m:
                    break
                if m.start() == s:
                    s = m.end()
                else:
                    e = m.start()
            return (s, e) if e - s >= 3 else None
    return None


def read_templates(b: _Builder) -> bool:
    """Sections and requirements of a hinted template; False when the notice has none."""
    from pipeline.rubric.compiler import core

    text = b.text
    headings = find_hinted_headings(text)
    if not headings:
        return False
    title = _title_span(text, headings[0][0][0])
    owner = None
    if title is not None:
        name = core(text[title[0] : title[1]])
        for item in b.items:
            c = core(item.name)
            if item.kind == "material" and len(c) >= 3 and (c == name or c in name or name in c):
                owner = item
                break
        if owner is None:
            owner = b.add_material(text[title[0] : title[1]], title[0], title[1], None)
    if owner is None:
        from pipeline.rubric.outline import _new_plan

        owner = _new_plan(b, None)
    for (ns, ne), (hs, he) in headings:
        section = b.add_section(text[ns:ne], ns, ne, owner)
        read_hint(b, hs, he, section)
    return True


def read_hint(b: _Builder, start: int, end: int, section: RubricItem, judged: bool = False) -> None:
    """The requirements one hint states, clause by clause.

    ``judged``: the text is a 评分标准 cell (scoring.py), whose elements end in the judgement that earns
    the points ("布局合理", "制度健全") and whose clauses join with 且; the judgement is no part of a name.
    """
    from pipeline.rubric.scoring import _rules as scoring_rules

    judgement = scoring_rules()["judgement"] if judged else None
    from pipeline.rubric.compiler import core, split_spans, strip_span

    r = _rules()
    text = b.text
    quantified = False
    for cs, ce in split_spans(text, start, end, "。；;"):
        head_taken = False
        for ps, pe in split_spans(text, cs, ce, "，,且" if judged else "，,"):
            ps, pe = strip_span(text, ps, pe)
            piece = text[ps:pe]
            if len(piece) < 2 or r["length_limit"].fullmatch(piece) or r["condition"].fullmatch(piece):
                continue
            if r["demand"].search(piece):
                lead = re.match(r"^(?:并|同时|且)", piece)
                b.add_requirement(
                    piece[lead.end() if lead else 0 :], ps + (lead.end() if lead else 0), pe, section, []
                )
                quantified = True
                continue
            if r["advice"].match(piece):
                continue
            am = r["attach"].match(piece)
            if am:
                b.add_material(text[ps + am.end() : pe], ps + am.end(), pe, section)
                continue
            lm = r["listing"].match(piece)
            if lm and head_taken and not quantified and re.match(r"(?:主要|至少)?(?:包括|包含)", piece):
                continue  # "说明A，包括x、y": x, y detail A (GUIDE rule 10)
            if lm:
                ps += lm.end()
            em = r["each"].match(text, ps, pe)
            if em:
                ps = em.end()
            km = r["by_kinds"].match(text, ps, pe)
            together = False
            if km:
                ps, pe = km.span(1) if km.group(1) else km.span(2)
            else:
                vm = r["verbs"].match(text, ps, pe)
                if vm and pe - vm.end() >= 2:
                    # "明确运营主体、管理制度和开放方式": a 明确 demand keeps its object list (GUIDE rule 9)
                    together = "明确" in vm.group(0)
                    ps = vm.end()
            if judgement is not None:
                jm = judgement.search(text, ps, pe)
                if jm and jm.start() - ps >= 2:
                    pe = jm.start()
                im = re.search(r"等[^、，,；;]{0,6}指标$", text[ps:pe])
                if im and im.start() >= 2:
                    pe = ps + im.start()
                    together = False  # "明确A、B、C等量化指标": each indicator earns its points
            cm = r["count_tail"].search(text, ps, pe)
            count = 0
            if cm and cm.start() - ps >= 2:
                pe = cm.start()
                count = _count(cm.group(1))
            conj = re.match(r"(?:以及|并且|并|及|和)", text[ps:pe])
            if conj and pe - ps - conj.end() >= 2:
                ps += conj.end()  # "以及夜间营业商户数量" after a comma
            ps, pe = strip_span(text, ps, pe)
            if pe - ps < 2:
                continue
            default = b.rules["indicator_check"] if quantified else "mentions"
            years = re.match(
                r"(?:(?:19|20)\d\d\s*年?度?\s*[、，,和及]\s*)+(?:19|20)\d\d\s*年?度?", text[ps:pe]
            )
            if years:
                # "逐年列出2026年、2027年、2028年资金安排": one item naming its years (GUIDE rule 16)
                before = len(b.items)
                b.add_requirement(text[ps:pe], ps, pe, section, [], default)
                for item in b.items[before:]:
                    item.params["years_in_name"] = True
                    item.params.setdefault(
                        "years", [int(y) for y in re.findall(r"(?:19|20)\d\d", years.group(0))]
                    )
            else:
                parts = [(ps, pe)] if together else elements(text, ps, pe)
                if count > len(parts) == 1:
                    # "须包括夜间客流量和夜间消费额两项量化指标": the count says the pair is two items
                    parts = elements(text, ps, pe, pairs=True)
                if len(parts) == 1 and section.kind == "section" and core(text[ps:pe]) == core(section.name):
                    continue  # "提出重点建设任务" under 重点建设任务: the part itself (GUIDE rule 11)
                for es, ee in parts:
                    jm = judgement.search(text, es, ee) if judgement is not None else None
                    if jm and jm.start() - es >= 2:
                        ee = jm.start()
                    b.add_requirement(text[es:ee], es, ee, section, [], default)
            head_taken = True


def _count(word: str) -> int:
    digits = {
        "一": 1,
        "两": 2,
        "二": 2,
        "三": 3,
        "四": 4,
        "五": 5,
        "六": 6,
        "七": 7,
        "八": 8,
        "九": 9,
        "十": 10,
    }
    return int(word) if word.isdigit() else digits.get(word, 0)


def elements(text: str, start: int, end: int, pairs: bool = False) -> list[tuple[int, int]]:
    """The elements of a 、-list; a final 和/及 after a 、 separates too, a bare pair "A和B" stays one.

    "说明场所面积、就餐座位数、厨房布局及适老化改造情况" gives four; "说明配送方式和保温措施" one
    (the hint names one arrangement). A tail shared by the list ("A、B、C的金额") is left off the last.
    """
    from pipeline.rubric.compiler import strip_span

    parts: list[tuple[int, int]] = []
    s = start
    # "与农户、合作社的利益联结机制": a 、-list between 与 and 的 qualifies one thing
    kept = [m.span() for m in re.finditer(r"与[^、，,]{1,8}(?:、[^、，,]{1,8})+的", text[start:end])]
    # "业态构成（文化、旅游、餐饮等各类业态占比）": a list inside brackets explains one element
    kept += [m.span() for m in re.finditer(r"[（(][^（）()]*[)）]", text[start:end])]
    for m in re.finditer(r"、", text[start:end]):
        if any(a < m.start() < z for a, z in kept):
            continue
        parts.append((s, start + m.start()))
        s = start + m.end()
    parts.append((s, end))
    if len(parts) >= 2 or pairs:
        ls, le = parts[-1]
        m = re.search(r"(?:以及|和|及|与)", text[ls:le])
        if any(a <= ls - start and le - start <= z for a, z in kept):
            m = None
        if m and m.start() >= 2 and le - (ls + m.end()) >= 2:
            parts[-1:] = [(ls, ls + m.start()), (ls + m.end(), le)]
        ls, le = parts[-1]
        tail = re.search(r"(?:等(?:方面)?的?(?:措施|情况|内容|工作)?|的(?:金额|数额))$", text[ls:le])
        if tail and tail.start() >= 2:
            parts[-1] = (ls, ls + tail.start())
    out = []
    for ps, pe in parts:
        ps, pe = strip_span(text, ps, pe)
        if pe - ps >= 2:
            out.append((ps, pe))
    return out
