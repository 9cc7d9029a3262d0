"""Compile a notice (申报通知) into a checklist, from the notice's own words.

Nothing here knows the seed notice: the compiler reads the conventions 公文
notices use to say what a dossier must contain, as listed in
``pipeline/data/rubric_rules.yaml``:

* a materials part ("三、申报材料" + （一）…（五）, or "提交下列材料：（一）…", or
  an inline "填报《…表》（详见附件2）"): each numbered item is a material;
* "X包括A，B，C" inside a material: A, B, C are its parts — materials when
  their names say they are documents (…表/…报告/…计划), else plan sections;
* "其中，X部分包括…；Y部分要求…": sub-requirements of section X and Y, one per
  enumerated phrase; "要说明…" explains a requirement, and its 有无/是否
  questions become requirements of their own;
* a year range "（2019年-2021年）" becomes a year-coverage requirement, and
  requirement wording maps to a content check by the rules file.

Every item keeps the notice's wording as its name and its offsets in the
notice as provenance.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.data import load_data
from pipeline.model import Document
from pipeline.rubric.outline import augment
from pipeline.rubric.phrases import top_level_cuts, trim_name, year_spans
from pipeline.rubric.schema import Rubric, RubricItem, validate_rubric
from pipeline.structure.lines import line_spans

CN_NUM = "一二三四五六七八九十"
ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"  # "Ⅱ、申报材料" (tests/rubric/notices/d04_roman.txt)
# "1.2024年度；" (holdout h2 提纲): a list number before a year, not the decimal 1.2
# "3.2023—2025年集聚区…统计数据" (holdout3 k3): a list number before a year range too
ARABIC_MARK = r"\d{1,2}[.、．](?:(?!\d)|(?=(?:19|20)\d\d\s*(?:年|[—–-]\s*(?:19|20)\d\d)))"
ITEM_NUMBER = re.compile(
    rf"^\s*(?:[（(][{CN_NUM}\d]{{1,3}}[)）]|{ARABIC_MARK}|[{CN_NUM}{ROMAN}]{{1,3}}、|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
)
INLINE_MARK = rf"(?:[（(][{CN_NUM}\d]{{1,3}}[)）]|{ARABIC_MARK})"
TOP_HEADING = re.compile(rf"^\s*(?:[{CN_NUM}{ROMAN}]{{1,3}}、|第[{CN_NUM}]{{1,3}}[章条部分])")
# where the notice's next top-level chapter starts, searched in the whole text ("三、…", "第四章")
NEXT_CHAPTER = re.compile(rf"^[ \t]*(?:[{CN_NUM}]{{1,3}}、|第[{CN_NUM}]{{1,3}}[章条部分])", re.MULTILINE)
YEAR_RANGE = re.compile(r"[（(]?\s*((?:19|20)\d\d)\s*年?\s*[-—–~～至到]\s*((?:19|20)\d\d)\s*年?\s*[)）]?")
ATTACHMENT = re.compile(r"[（(]\s*(?:详?见|参见)?\s*(附件|附表)\s*(\d*)\s*[)）]")
DOC_SUFFIX = re.compile(
    r"(?:表|书|报告|计划|方案|清单|名单|证明|材料|文件|函|复印件|扫描件|说明|承诺书|合同|证书|执照|请示|意见|报表|资料|照片|凭证|决议|纪要|协议|会议记录"
    # "还应当同时提交该总公司的资负和损益年报、组织章程、董事会董事名单" (bulk 00224, a train notice)
    r"|章程|年报|名册"
    # personal documents an applicant hands in ("并提供身份证、户口簿复印件及劳动合同")
    r"|身份证|居住证|结婚证|离婚证|驾驶证|行驶证|许可证|合格证|毕业证|学位证|资格证|通行证|护照|户口簿|户口本|房产证|不动产权证|营业执照)$"
)
PAREN = re.compile(r"[（(][^（）()]*[)）]")
# what "A和B的…" may ask of both items alike: "的数额", "的金额", "的具体数值"
SHARED_ATTRIBUTE = r"数额|金额|数量|数值|具体数值|目标值|情况|用途|比例|进度"
# The verb before what a requirement names: "明确牵头单位", "重点阐述旅游业对…的带动作用" (plans_dev3 v1)
HEAD_VERB = re.compile(
    r"(?:须|应当|应|需要|需|要)?(?:重点|着重|详细|简要)?"
    r"(?:明确|制定|提出|建立|说明|列明|写明|注明|设置|设定|具有|具备|阐述|阐明|分析|介绍|有"
    # "应当覆盖智慧安防、…", "应当区分硬件设备、…" (plans_dev3 v3); not "覆盖2025年、2026年…", a year list
    r"|(?:覆盖|涵盖|区分|分别列明)(?!\s*(?:19|20)\d\d))"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    rules = load_data("rubric_rules.yaml")
    rules["_checks"] = [(re.compile(r["match"]), r) for r in rules["checks"]]
    rules["_slugs"] = [(re.compile(r["match"]), r) for r in rules["slugs"]]
    return rules


ARTICLE_LINE = re.compile(rf"^\s*第[{CN_NUM}百零〇\d]{{1,5}}条")


@lru_cache(maxsize=1)
def _case_sentence() -> re.Pattern[str]:
    return re.compile(_rules()["lists"]["case_sentence"])


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, dict[str, dict[str, Any]]]:
    return load_data("section_synonyms.yaml")


def compile_rubric(notice: str | Path | Document) -> Rubric:
    """The checklist of materials, plan sections and sub-requirements a notice asks for."""
    from pipeline.check.plan_parser import load_document

    doc = load_document(notice)
    builder = _Builder(doc.text)
    builder.run()
    rubric = Rubric(
        items=builder.items,
        source=doc.source.path,
        sha256=doc.source.sha256,
        title=_title(doc.text),
        warnings=list(getattr(builder, "warnings", [])),
    )
    return validate_rubric(rubric, doc.source.path)


def _title(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:80]
    return None


# ---------------------------------------------------------------- text helpers
def strip_span(text: str, start: int, end: int, chars: str = " \t\n，。；;、,.：:") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def split_spans(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Split text[start:end] on any char of ``seps`` outside brackets, as stripped spans."""
    out: list[tuple[int, int]] = []
    piece = start
    for i in top_level_cuts(text, start, end, seps):
        s, e = strip_span(text, piece, i)
        if e > s:
            out.append((s, e))
        piece = i + 1
    s, e = strip_span(text, piece, end)
    if e > s:
        out.append((s, e))
    return out


# a comma piece that opens like a clause, not a list element: "，并附建设项目区位图" (bulk 01971)
CLAUSE_OPENER = re.compile(r"(?:并|同时|且|还|应|须|需|要|附|视为|未|如|若|可|按|由|经)")


def enumeration(text: str, start: int, end: int, comma_level: bool = False) -> list[tuple[int, int]]:
    """Items of "A、B、C及D等…": split on 、 (and ，), then the last item on 及/以及/和.

    The last item is split on a conjunction only when both sides look like
    list items of the same size as the others: "配套政策及重点项目" splits,
    "外贸进出口规模及增幅" (one item) and "本地商务和财政部门…证明材料" do not.
    """
    s, e = strip_span(text, start, end)
    # drop a trailing "等" / "等具体量化指标" / "等方面情况" tail
    # "…、预期成效六部分" (plans_dev2 d1): a count of the parts is a tail too
    m = re.search(r"(?:等|[一二三四五六七八九十两]+个?(?=部分|方面|章节|项))[^、，,；;]{0,12}$", text[s:e])
    if m and m.start() > 0:
        e = s + m.start()
    else:
        # "A、B、C等部分，具体按附件2编写" (holdout h3): the list ends at its 等-tail; what follows is not an item
        m = re.search(r"、[^、，,；;]+?(等(?:部分|内容|方面|章节|事项|情况))[，,；;]", text[s:e])
        if m:
            e = s + m.start(1)
    # "各实训中心（室）的建设内容以及合作企业投入的设备、技术和人员" (holdout2 m3): a 以及 with a 、 after
    # it joins two larger items, the second of which holds its own list; 以及 before the last item
    # only ("A、B以及C") is the ordinary final conjunction, handled below
    both = re.search(r"以及", text[s:e])
    if both and "、" in text[s + both.end() : e] and "、" not in text[s : s + both.start()]:
        left = strip_span(text, s, s + both.start())
        right = strip_span(text, s + both.end(), e)
        if left[1] - left[0] >= 2 and right[1] - right[0] >= 2:
            return [left, right]
    parts = split_spans(text, s, e, "、，,")
    # "包括项目的基本情况，听取有关部门、单位意见的情况，专家论证意见等内容" (the 公文 habit bulk 01644
    # follows): when elements hold 、 themselves, ， separates the elements
    commas = split_spans(text, s, e, "，,") if comma_level else []
    if (
        len(commas) >= 2
        and any("、" in text[a:z] for a, z in commas)
        and all(z - a <= 40 and not CLAUSE_OPENER.match(text, a) for a, z in commas)
    ):
        return commas
    if not parts:
        return []
    # "县、乡、村三级商业网点数量" (holdout2 m2): one-character items before a noun are the levels of
    # one thing (省、市、县三级), not items of the list
    k = 0
    while k < len(parts) and parts[k][1] - parts[k][0] == 1 and text[parts[k][1]] == "、":
        k += 1
    if 0 < k < len(parts):
        head = (parts[0][0], parts[k][1])
        # "县、乡、村三级商业网点数量和农产品上行、工业品下行情况": the 和 after the levels joins two
        # larger items, the second holding its own 、-list with a shared tail
        conj = re.search(r"以及|和|及|与", text[parts[k][0] : parts[k][1]])
        if conj and k + 1 < len(parts) and conj.start() >= 2:
            cut = parts[k][0] + conj.start()
            return [(head[0], cut), strip_span(text, cut + len(conj.group(0)), parts[-1][1])]
        parts[: k + 1] = [head]
    # a shared attribute after the last item: "A、B和C的金额及用途" -> A, B, C
    if len(parts) >= 2:
        ls, le = parts[-1]
        i = text.rfind("的", ls, le)
        # not "冷链物流设施现状和存在的主要问题": 的 inside the last item
        if (
            i > ls + 1
            and le - i - 1 <= 6
            and re.search(r"及|和|与|、|金额|用途|数量|比例|进度", text[i + 1 : le])
        ):
            parts[-1] = (ls, i)
    last_s, last_e = parts[-1]
    seg = text[last_s:last_e]
    # "县级财政投入和争取上级资金的数额" (holdout h1): a shared attribute after a pair; "旅游业对县域经济
    # 和就业的带动作用" (plans_dev3 v1): 和 inside a modifier of one head noun — not two items
    shared = re.search(rf"的(?:{SHARED_ATTRIBUTE})$", seg)
    if shared:
        seg = seg[: shared.start()]
        last_e = last_s + len(seg)
        parts[-1] = (last_s, last_e)
    m = None
    for cm in re.finditer(r"以及|及|和|与", seg):
        m = cm
    # "对A和B的C": a preposition's two objects modify one head; "A现状和存在的主要问题" is two items
    if m is not None and "的" in seg[m.end() :] and re.search(r"[对向为就从在](?!于)", seg[1 : m.start()]):
        m = None
    if m is not None:
        left, right = seg[: m.start()], seg[m.end() :]
        others = [b - a for a, b in parts[:-1]] or [len(left)]
        typical = sorted(others)[len(others) // 2]
        lw, rw = len(PAREN.sub("", left)), len(PAREN.sub("", right))
        balanced = rw <= 2 * lw + 2 and lw <= 2 * rw + 2
        # "预防接种证原件及复印件": the forms one document is handed in, not a second item
        form_only = re.fullmatch(r"(?:原件|复印件|扫描件|影印件)", PAREN.sub("", right))
        if lw >= 3 and 3 <= rw <= max(2 * typical, 6) and balanced and not form_only:
            parts[-1:] = [(last_s, last_s + m.start()), (last_s + m.end(), last_e)]
    return [p for p in parts if p[1] > p[0]]


def clean_name(name: str) -> str:
    """The notice's wording without attachment pointers and trailing punctuation."""
    name = ATTACHMENT.sub("", name)
    name = re.sub(r"^(?:其中|另外|此外)[，,]", "", name)
    # "包括：1.村内道路硬化率；2.生活污水处理率" (plans_dev2 d2): the list's numbers are not the name
    name = re.sub(rf"^[：:\s]*{INLINE_MARK}\s*", "", name)
    # "试点申报表（格式见附件1），由县级人民政府盖章" -> 试点申报表 (pipeline/rubric/phrases.py)
    return trim_name(name.strip(" ，。；、：:"))[0]


@lru_cache(maxsize=1)
def _name_rules() -> dict[str, re.Pattern[str]]:
    """rubric_rules.yaml `material_names`: wording around a material's name that is not part of it."""
    return {k: re.compile(v) for k, v in _rules()["material_names"].items()}


def material_name(name: str) -> str:
    """A material's name without a leading condition, the party that hands it in, or a trailing note
    (corpora/gold/rubrics/GUIDE.md rules 3 and 13); unchanged unless what is left names a document."""
    pats = _name_rules()
    m = pats["condition"].match(name) or pats["condition_verb"].match(name)
    if m and len(name) - m.end() >= 2 and DOC_SUFFIX.search(core(name[m.end() :])):
        name = name[m.end() :]
    m = pats["holder"].match(name) or pats["holder_bare"].match(name)
    if m and DOC_SUFFIX.search(core(name[m.end() :])):
        name = name[m.end() :]
    m = pats["name_then_note"].match(name)
    if m and DOC_SUFFIX.search(m.group("name")):
        name = m.group("name")
    m = pats["name_then_contents"].match(name)
    if m and DOC_SUFFIX.search(core(m.group("name"))):
        name = m.group("name")
    return name.strip(" ，,：:")


def core(name: str) -> str:
    """Name without brackets, 《》, years and filler words, for matching."""
    n = PAREN.sub("", name)
    n = re.sub(r"[《》“”\"']", "", n)
    n = re.sub(r"(?:19|20)\d\d\s*年?", "", n)
    # "特色产业集群发展情况" -> 特色产业集群发展; not "建设内容" -> 建设, "服务内容" -> 服务: a two-character
    # stem names no section (holdout h2/h3: 建设 matched every heading with 建设 in it)
    m = re.search(r"(?:内容|部分|方面|章节|情况)$", n)
    if m and m.start() >= 3:
        n = n[: m.start()]
    return n.strip()


def match_canonical(name: str, group: str) -> str | None:
    """Key in section_synonyms.yaml whose label or synonym the name contains (longest wins)."""
    c = core(name)
    whole = PAREN.sub("", name).strip()  # "园区基本情况": core() drops the 情况 that 基本情况 needs
    best: tuple[tuple[float, int], str] | None = None
    for key, entry in _synonyms()[group].items():
        for syn in [entry["label"], *entry["synonyms"]]:
            if syn and (syn in c or syn in whole or (len(c) >= 2 and c in syn and len(c) >= len(syn) - 2)):
                # a synonym the name contains beats one that merely contains the name's core:
                # "建设内容" (core 建设) is 建设内容, not 建设基础 (plans_dev2 d1/d2)
                # ties go to the later synonym, the head of "建设内容及进度安排（2025年-2027年）" (schedule)
                rank = (len(syn) + (0.5 if (syn in c or syn in whole) else 0.0), whole.find(syn))
                if best is None or rank > best[0]:
                    best = (rank, key)
    return best[1] if best else None


def years_in(name: str) -> list[int]:
    m = YEAR_RANGE.search(name)
    if not m:
        return []
    a, b = int(m.group(1)), int(m.group(2))
    if a > b or b - a > 20:
        return []
    return list(range(a, b + 1))


# ---------------------------------------------------------------- the builder
class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.warnings: list[str] = []
        self.items: list[RubricItem] = []
        self.ids: set[str] = set()
        self.rules = _rules()
        # reports on work the notice's own plan is for (lists.prose_documents): weight 0
        self.later_reports: set[str] = set()

    # ---- items ---------------------------------------------------------
    def _unique(self, base: str) -> str:
        if base not in self.ids:
            self.ids.add(base)
            return base
        n = 2
        while f"{base}_{n}" in self.ids:
            n += 1
        self.ids.add(f"{base}_{n}")
        return f"{base}_{n}"

    def _prov(self, start: int, end: int) -> dict[str, Any]:
        return {"start": start, "end": end, "text": self.text[start:end]}

    def add(self, item: RubricItem) -> RubricItem:
        item.id = self._unique(item.id)
        self.items.append(item)
        return item

    def remove(self, ids: set[str], *, with_descendants: bool = False) -> set[str]:
        """Drop the items ``ids`` (with ``with_descendants``, everything under them too); returns the ids gone."""
        gone = set(ids)
        if with_descendants:
            changed = True
            while changed:
                extra = {i.id for i in self.items if i.parent in gone and i.id not in gone}
                changed = bool(extra)
                gone |= extra
        self.items[:] = [i for i in self.items if i.id not in gone]
        self.ids -= gone
        return gone

    def add_material(self, name: str, start: int, end: int, parent: RubricItem | None) -> RubricItem:
        clean = material_name(clean_name(name))
        key = match_canonical(clean, "materials")
        base = (
            f"material.{key}"
            if key
            else f"material.m{sum(1 for i in self.items if i.kind == 'material') + 1}"
        )
        params: dict[str, Any] = {}
        att = ATTACHMENT.search(name)
        if att:
            params["attachment"] = f"{att.group(1)}{att.group(2)}"
        syn = self._syn_list("materials", key, clean)
        item = self.add(
            RubricItem(
                base,
                clean,
                "material",
                parent.id if parent else None,
                "present",
                params,
                1.0,
                syn,
                key,
                "plan",
                self._prov(start, end),
            )
        )
        years = years_in(name)
        if years:
            self.add_years(item, years, start, end)
        return item

    def add_years(self, parent: RubricItem, years: list[int], start: int, end: int) -> None:
        """The year coverage a name demands ("年度工作计划（2019年-2021年）") as its own requirement,
        in its parent's scope (the outline reader uses it for materials too)."""
        self.add(
            RubricItem(
                f"{parent.id}.years",
                f"覆盖{years[0]}年-{years[-1]}年",
                "requirement",
                parent.id,
                "covers_years",
                {"years": years, "demand": True},
                0.0,
                [],
                None,
                parent.scope,
                self._prov(start, end),
            )
        )

    def _syn_list(self, group: str, key: str | None, name: str) -> list[str]:
        out = [core(name)] if core(name) else []
        if key:
            entry = _synonyms()[group][key]
            out += [entry["label"], *entry["synonyms"]]
        seen: list[str] = []
        for s in out:
            if s and s not in seen:
                seen.append(s)
        return seen

    def add_section(self, name: str, start: int, end: int, parent: RubricItem) -> RubricItem:
        clean = clean_name(name)
        key = match_canonical(clean, "sections")
        n = sum(1 for i in self.items if i.parent == parent.id) + 1
        base = f"plan.{key}" if key else f"plan.s{n}"
        section = self.add(
            RubricItem(
                base,
                clean,
                "section",
                parent.id,
                "present",
                {},
                1.0,
                self._syn_list("sections", key, clean),
                key,
                "plan",
                self._prov(start, end),
            )
        )
        years = years_in(name)
        if years:  # "建设内容及进度安排（2025年-2027年）"
            self.add_years(section, years, start, end)
        return section

    def add_requirement(
        self,
        name: str,
        start: int,
        end: int,
        parent: RubricItem,
        inherited_years: list[int],
        default: str = "mentions",
        question: bool = False,
    ) -> None:
        clean = clean_name(name)
        if len(core(clean)) < 2:
            return
        check, slug, params, merge = default, None, {}, False
        for pat, rule in self.rules["_checks"]:
            if rule.get("not_match") and re.search(rule["not_match"], clean):
                continue  # "项目名称" (bulk 00089): the rule's words, but one name, not a list
            if pat.search(core(clean)) or pat.search(clean):
                check, slug, merge = rule["check"], rule["slug"], bool(rule.get("merge"))
                params = dict(rule.get("params") or {})
                if rule.get("demand"):
                    params["demand"] = True
                if rule.get("years"):
                    years = years_in(clean) or inherited_years
                    if years:
                        params["years"] = years
                    elif check == "has_money_per_year":
                        check = "has_money"
                break
        if check == "has_numbers" and default == "has_numbers" and not slug:
            for pat, rule in self.rules["_slugs"]:
                if pat.search(clean):
                    slug = rule["slug"]
                    break
        if check == "mentions":
            kws = keywords(clean)
            # "2016年以来转型升级取得的成效": a plan answers with "2016年以来…"
            kws += [f"{y}年以来" for y in re.findall(r"((?:19|20)\d\d)年以来", clean)]
            # "配套政策" under 配套政策: the heading already says it, so the body must name the head noun (政策)
            kws += [k[-2:] for k in kws if len(k) > 2 and (k in parent.name or parent.name in k)]
            params["keywords"] = list(dict.fromkeys(kws))
            for pat, rule in self.rules["_slugs"]:
                if pat.search(clean):
                    slug = rule["slug"]
                    params["keywords"] = list(
                        dict.fromkeys(params["keywords"] + list(rule.get("also") or []))
                    )
                    if rule.get("hints"):
                        params["hints"] = list(rule["hints"])
                    break
            # "配套政策部分包括当地…的配套政策、资金": the wording that restates its section is the
            # section's own content, judged in the section's status (GUIDE: one sub-requirement, 资金)
            if parent.kind == "section" and core(parent.name) and core(parent.name) in core(clean):
                params["demand"] = True
        if check == "has_money" and len(core(clean)) > 2:
            params["keywords"] = keywords(clean)  # "中央财政资金": a figure for that source
        measure = re.search(self.rules.get("indicator_measure") or r"(?!)", core(clean))
        if check == "mentions" and not slug and measure and measure.start() >= 2 and not question:
            # "床位数", "年服务老年人数量" (holdout h3): a count asks for a number, not for its words
            check = "has_numbers"
            params.pop("keywords", None)
        if check == "has_numbers" and not params.get("demand") and measure and measure.start() >= 2:
            # "乡镇商贸中心改造数量": a number for that thing, not any number in the section
            params["keywords"] = keywords(core(clean)[: measure.start()])
            params["phrase"] = core(clean)[: measure.start()]
        elif (
            check == "has_numbers"
            and not params.get("demand")
            and not re.search(r"情况$", PAREN.sub("", clean))
        ):
            # "村集体经营性收入目标" (holdout h2): a number said of that indicator; one worded as a situation
            # ("重点任务完成情况", seed 000) takes any number — plans give task targets, not those words
            phrase = re.sub(r"(?:目标值|目标|指标|数值)$", "", core(clean)).strip()
            if len(phrase) >= 3:  # not "考核指标" -> 考核: a generic indicator takes any number
                params["keywords"] = keywords(phrase)
                params["phrase"] = phrase
                # a category ("人居环境整治目标") a plan may state in its own terms (污水治理率, 公厕):
                # numbers in the section that never name it still count for something (requirements.py)
                params["category"] = True
        # several wordings of one check ("具体化、可量化") make one item
        for prev in self.items:
            adjacent = prev.provenance is not None and abs(prev.provenance["end"] - start) <= 2
            if merge and adjacent and prev.parent == parent.id and prev.check == check:
                prev.name = f"{prev.name}、{clean}"
                prev.provenance = self._prov(prev.provenance["start"], end)
                return
        if question:
            params["question"] = True
        n = sum(1 for i in self.items if i.parent == parent.id) + 1
        base = f"{parent.id}.{slug or f'r{n}'}"
        self.add(
            RubricItem(
                base,
                clean,
                "requirement",
                parent.id,
                check,
                params,
                requirement_weight(params),
                [],
                None,
                parent.scope,
                self._prov(start, end),
            )
        )

    # ---- reading the notice -------------------------------------------
    def run(self) -> None:
        region = self.materials_region()
        if region is not None:
            for s, e in self.numbered_items(*region):
                self.read_material_item(s, e)
        if not any(i.kind == "material" for i in self.items):
            # a materials table, run-in 一是…二是…, circled items after a lead-in (pipeline/rubric/runin.py)
            from pipeline.rubric.runin import read_runin

            read_runin(self)
        if not any(i.kind == "material" for i in self.items):
            self.inline_materials()
        augment(self)  # outlines, 须附X, tables, attachment lists, name tidying (pipeline/rubric/outline.py)
        self.inherit_synonyms()
        self.subject_synonyms()
        self.drop_foreign_synonyms()
        self.assign_scope()

    def materials_region(self) -> tuple[int, int] | None:
        """The part of the notice that lists materials: a heading or a lead-in sentence, to the next heading."""
        words = "|".join(map(re.escape, self.rules["material_headings"]))
        text = self.text
        lines = [(a, text[a:b]) for a, b in line_spans(text)]
        for idx, (start, line) in enumerate(lines):
            # "各区于5月31日前将以下材料报送市工信局：1.…；2.…" — the recipient may stand before the colon
            listing = re.search(
                r"(?:下列|以下|如下)(?:申报|申请|相关)?(?:材料|资料)(?:[^。；;：:\n]{0,16}?(?:报送|提交|上报|报)[^。；;：:\n]{0,12})?[：:]",
                line,
            )
            if not (re.search(words, line) or listing):
                continue
            # "第十一条 申请取水应当提交下列材料：" (bulk 00197) is an article's lead-in, not a heading: its
            # list ends with its numbered lines, and the paragraph after it is not the last item's
            is_heading = TOP_HEADING.match(line) and len(line.strip()) <= 20 and not ARTICLE_LINE.match(line)
            # "应当具备下列条件，由…提交申请材料：" (bulk 01131): the list is the conditions
            if _case_sentence().search(line):
                continue
            # "…提交下列材料：" / "申报材料：" lead a list; "收到申请材料后，应当根据下列情况…：" does not
            lead_in = listing or re.search(
                rf"(?:{words})[^。，,]{{0,6}}[：:]\s*(?:$|(?={INLINE_MARK}))", line
            )
            if not (is_heading or lead_in):
                continue
            body_start = start + len(line) + 1
            if lead_in and not is_heading and re.search(r"[：:]\s*\S", line[lead_in.end() - 1 :]):
                body_start = start + lead_in.end()
            end = len(text)
            for later_start, later in lines[idx + 1 :]:
                # "附件：1．申报表\n2．创建方案模板" right after the list: the notice's attachment list, not
                # more materials (its forms are named by the list already)
                if re.match(r"\s*附件\s*(?:\d+\s*)?[：:]", later):
                    end = later_start
                    break
                if TOP_HEADING.match(later) or (
                    not is_heading and later.strip() and not ITEM_NUMBER.match(later)
                ):
                    end = later_start
                    break
            if body_start < start + len(line) and not self._inline_items(body_start, start + len(line)):
                # "…并提交以下材料：见习单位申请表、营业执照复印件。" then "（二）补贴申领。…": the list is the
                # rest of the line, not the numbered parts of the notice below it (read elsewhere)
                continue
            if self.numbered_items(body_start, end):
                return body_start, end
        return None

    def numbered_items(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of the numbered items （一）/1./① at line starts in [start, end)."""
        if start > 0 and self.text[start - 1] != "\n":  # the list runs on after a lead-in's colon
            inline = self._inline_items(start, end)
            if inline:
                return inline
        items: list[tuple[int, int]] = []
        pos = start
        first_style: str | None = None
        for line in self.text[start:end].split("\n"):
            m = ITEM_NUMBER.match(line)
            if m:
                style = re.sub(r"[一二三四五六七八九十\d]+", "N", m.group(0).strip())
                first_style = first_style or style
                if style == first_style:
                    # "（1）人才公寓申请表；（2）身份证复印件；（3）…" on one line: one item per number
                    more = self._inline_items(pos + m.start(), pos + len(line)) if len(line) > 8 else []
                    if len(more) >= 2 and self._same_style(pos + m.start(), pos + len(line), style):
                        items += more
                        pos += len(line) + 1
                        continue
                    items.append((pos + m.end(), pos + len(line)))
                elif items:  # a sub-item continues its item
                    items[-1] = (items[-1][0], pos + len(line))
            elif items and line.strip():
                items[-1] = (items[-1][0], pos + len(line))
            pos += len(line) + 1
        if not items:
            items = self._inline_items(start, end)
        return items

    def _marked(self, spans: list[tuple[int, int]]) -> list[tuple[int, int, re.Match[str]]]:
        """Each inline item with the number mark before it (read_sublist wants the mark on the line)."""
        out = []
        for a, z in spans:
            m = re.search(rf"{INLINE_MARK}\s*$", self.text[max(0, a - 8) : a])
            if m:
                out.append((a, z, m))
        return out

    def _same_style(self, start: int, end: int, style: str) -> bool:
        """Every inline mark on the line is numbered in the line's own style (not "1.…（1）…" sub-items)."""
        marks = re.finditer(rf"(?:^|(?<=[：:；;。]))\s*{INLINE_MARK}", self.text[start:end])
        styles = {re.sub(r"[一二三四五六七八九十\d]+", "N", m.group(0).strip()) for m in marks}
        return styles == {style}

    def _inline_items(self, start: int, end: int) -> list[tuple[int, int]]:
        """ "1.申请表；2.实施方案；3.营业执照复印件。" on one line, after the lead-in's colon."""
        line_end = self.text.find("\n", start, end)
        stop = end if line_end == -1 else line_end
        marks = list(re.finditer(rf"(?:^|(?<=[：:；;。]))\s*{INLINE_MARK}", self.text[start:stop]))
        if len(marks) < 2:
            return []
        spans = []
        for k, m in enumerate(marks):
            s = start + m.end()
            e = start + marks[k + 1].start() if k + 1 < len(marks) else stop
            spans.append(strip_span(self.text, s, e))
        return [sp for sp in spans if sp[1] > sp[0]]

    def read_material_item(self, start: int, end: int) -> None:
        text = self.text
        sentences = split_spans(text, start, end, "。\n")
        if not sentences:
            return
        s0, e0 = sentences[0]
        first = text[s0:e0]
        include = "|".join(map(re.escape, self.rules["include_words"]))
        # "园区建设方案，应包括以下内容：" + numbered lines: the lines are its parts
        colon_end = text[e0 : e0 + 1] in ("：", ":")  # split_spans stripped the colon
        sublist = colon_end and bool(re.search(rf"(?:{include})[^，,。]*$", first))
        if not sublist and len(sentences) > 1:
            # "（一）数字乡村示范镇申报书。申报书由以下部分组成：\n1.…" (plans_dev2 variant): the lead-in is
            # the item's second sentence
            s1, e1 = sentences[1]
            # "方案按下列提纲编写：" (an outline lead-in, pipeline/data/notice_outline.yaml) leads the list too
            from pipeline.rubric.phrases import rules as outline_rules

            lead_in = re.search(outline_rules()["outline_lead_in"], text[s1 : e1 + 1])
            sublist = (
                text[e1 : e1 + 1] in ("：", ":")
                and bool(re.search(rf"(?:{include})[^，,。]*$", text[s1:e1]) or lead_in)
                and not ITEM_NUMBER.match(text[s1:e1])
            )
            if sublist:
                sentences = [sentences[0], *sentences[2:]]
        name_end = e0
        cut = re.search(r"[，,：:；;]", first)
        if (
            cut
            and cut.start() >= 2
            and (sublist or re.match(rf"[，,]\s*(?:应|须|需|要)?(?:{include})", first[cut.start() :]))
        ):
            name_end = s0 + cut.start()
        elif e0 - s0 > 40:  # a long first sentence is cut at its first comma
            for sep in "，；,;":
                i = text.find(sep, s0, e0)
                if i != -1 and i - s0 >= 4:
                    name_end = min(name_end, i)
        material = self.add_material(text[s0:name_end], s0, name_end, None)
        inc = (
            re.match(rf"[，,]\s*(?:{include})", text[name_end:e0]) if name_end < e0 and not sublist else None
        )
        inline = self._inline_items(name_end + inc.end(), e0) if inc else []
        if inc and len(inline) >= 2:
            # "2.建设实施方案，主要内容包括：（1）村庄基本情况；（2）建设目标；（3）保障措施。": the numbered
            # parts run on in the item's own line; each is named up to its first punctuation
            self.read_sublist([(a - len(m.group(0)), z) for a, z, m in self._marked(inline)], material)
        elif inc:
            # "（四）近两年数字乡村建设佐证材料，包括县级已出台的政策文件、…荣誉证书复印件。" (synth syn01):
            # the documents it is made of, when every part names one; other parts are left to the list
            # readers (lists.py), which know a form's contents
            clause_end = next(top_level_cuts(text, name_end + inc.end(), e0, "；;"), e0)
            parts = enumeration(text, name_end + inc.end(), clause_end)
            if len(parts) >= 2 and all(DOC_SUFFIX.search(core(text[a:z])) for a, z in parts):
                for a, z in parts:
                    self.add_material(text[a:z], a, z, material)
        elif name_end < e0:
            self._own_demands(name_end, e0, material)
        att = ATTACHMENT.search(text, name_end, min(end, name_end + 12))  # seed 000 "…完成情况。（见附件2）"
        if att and "attachment" not in material.params:
            material.params["attachment"] = f"{att.group(1)}{att.group(2)}"
        rest = sentences[1:]
        if sublist:
            # "1.社区基本情况。介绍人口规模和现有设施。": the sentences after a numbered part, up to the next
            # number, say what that part holds
            lines: list[tuple[int, int]] = []
            others: list[tuple[int, int]] = []
            for s, e in rest:
                if ITEM_NUMBER.match(text[s:e]):
                    lines.append((s, e))
                elif lines and not others and text.find("\n", lines[-1][1], s) == -1:
                    lines[-1] = (lines[-1][0], e)
                else:
                    others.append((s, e))
            rest = others
            self.read_sublist(lines, material)
        for s, e in rest:
            self.read_sentence(s, e, material)

    def _own_demands(self, start: int, end: int, material: RubricItem) -> None:
        """ "X报告，须分年度列明A、B和C，并对存在的问题进行分析": what the rest of a material's line asks of it.

        holdout2 m1 (a numbered 申报材料 list): after the name, a comma and a content verb
        (列明/写明/载明/说明/反映…) say what the document must hold; each listed element is
        a requirement of the material. Who issues it, its form or length are not (GUIDE rule 1).
        """
        from pipeline.rubric.outline import plan_like

        text = self.text
        s, e = strip_span(text, start, end)
        if e <= s or plan_like(material.name) or material.parent is not None:
            return
        if not re.match(self.rules["own_demand"], text[s:e]):
            return
        # "…，附在实施方案正文之后" / "，由…出具": where it goes or who issues it ends what it must hold
        from pipeline.rubric.runin import _rules as runin_rules

        for cs, ce in split_spans(text, s, e, "，,；;"):
            if cs > s and runin_rules()["not_demand"].search(text[cs:ce]):
                e = strip_span(text, s, cs)[1]
                break
        modal = re.match(r"(?:须|应当|应|需|要)(?=分年度|按年度|逐年|逐项|逐一|分别)", text[s:e])
        if modal:
            s += modal.end()  # "分年度列明" is then read as wording that asks for each year (trim_name)
        before = len(self.items)
        self.read_requirements(s, e, material, "包括")
        # "须分年度列明A、B和C" on a material whose name carries its years: each listed figure for each of
        # them; only the list the wording leads, not "，并对存在的问题进行分析" after it
        per_year = re.match(r"(?:分年度|按年度|逐年)", text[s:e])
        cut = re.search(r"[，,；;]", text[s:e])
        lead_end = s + cut.start() if cut else e
        years = years_in(material.name)
        for item in self.items[before:]:
            if not (per_year and years and item.provenance and item.provenance["start"] < lead_end):
                continue
            if item.check in ("mentions", "has_numbers"):
                item.check = "covers_years"
                item.params = {**item.params, "years": years, "counted": True}
            elif item.check == "has_money":
                item.check = "has_money_per_year"
                item.params["years"] = years

    def read_sublist(self, lines: list[tuple[int, int]], material: RubricItem) -> None:
        """Numbered parts of a material, one a line: "（2）建设目标，须设置可量化的考核指标；"."""
        text = self.text
        parts: list[tuple[int, int, int, int]] = []  # name span, rest span
        for s, e in lines:
            m = ITEM_NUMBER.match(text[s:e])
            ns = s + m.end() if m else s
            cut = re.search(r"[，,；;：:。]", text[ns:e])
            ne = ns + cut.start() if cut else e
            parts.append((ns, ne, ne, e))
        docs = sum(1 for ns, ne, _, _ in parts if DOC_SUFFIX.search(core(text[ns:ne])))
        req_words = "|".join(map(re.escape, self.rules["requirement_words"]))
        for ns, ne, rs, re_ in parts:
            if docs * 2 >= len(parts) and len(parts) > 1:
                self.add_material(text[ns:ne], ns, ne, material)
                continue
            section = self.add_section(text[ns:ne], ns, ne, material)
            rs, re_ = strip_span(text, rs, re_)
            vm = re.match(rf"(?:{req_words})", text[rs:re_])
            if re_ > rs:
                self.read_requirements(
                    rs + (vm.end() if vm else 0), re_, section, vm.group(0) if vm else "要求"
                )

    def read_sentence(self, start: int, end: int, material: RubricItem) -> None:
        text = self.text
        sentence = text[start:end]
        # per-section requirement clauses: "[其中，]X部分要求/包括…；Y要明确…" — a clause that opens
        # with a section's name starts its requirements; the clauses after it continue them
        # (seed 000: "基础条件部分包括…情况，要说明…；公共服务…情况，要说明…")
        markers = "|".join(map(re.escape, self.rules["section_markers"]))
        req_words = "|".join(map(re.escape, self.rules["requirement_words"]))
        opener = re.compile(
            rf"(?:其中[，,]\s*)?(?P<subj>[^，,。；]{{2,20}}?)(?:{markers})?(?P<verb>{req_words})"
        )
        current: tuple[RubricItem, str] | None = None
        handled = False
        for cs, ce in split_spans(text, start, end, "；;"):
            m = opener.match(text, cs, ce)
            target = self.find_item(m.group("subj"), material) if m else None
            if m and target is not None and target.kind == "section":
                current = (target, m.group("verb"))
                self.read_requirements(m.end(), ce, target, m.group("verb"))
                handled = True
            elif current is not None:
                self.read_requirements(cs, ce, current[0], current[1])
        if handled:
            return
        if self._clause_chain(start, end, material):
            return
        include = "|".join(map(re.escape, self.rules["include_words"]))
        m = re.search(rf"(?P<subj>[^，,。；]*?)(?:{include})", sentence)
        if not m:
            self._material_requirements(start, end, material)
            return
        subj = re.sub(r"^(?:其中[，,]\s*)", "", m.group("subj"))
        subj = re.sub(r"内容$", "", subj)
        target = self.find_item(subj, material) or material
        # "建设方案应包括以下内容：基本情况、建设目标…": the pointer and its colon are no part's name
        lead = re.match(
            r"(?:以下|下列|如下)(?:内容|几个方面|方面|部分)?[：:]\s*", text[start + m.end() : end]
        )
        parts = enumeration(text, start + m.end() + (lead.end() if lead else 0), end, comma_level=True)
        if target.kind == "material":
            any_doc = sum(1 for s, e in parts if DOC_SUFFIX.search(core(text[s:e])))
            for s, e in parts:
                part = text[s:e]
                if any_doc * 2 >= len(parts) and len(parts) > 1:
                    self.add_material(part, s, e, target)
                elif len(parts) >= 2:
                    self.add_section(part, s, e, target)
        elif target.kind == "section":
            self.read_requirements(start + m.end(), end, target, "包括")

    def _part_verb(self) -> re.Pattern[str]:
        """ "[方案]须说明" / "应明确" / "重点阐述": the wording that opens a clause naming what a document holds."""
        verbs = "|".join(map(re.escape, self.rules["part_verbs"]))
        return re.compile(rf"(?:须|应当|应|需要|需|要|并|同时)?(?:重点|着重|详细|简要)?(?:{verbs})")

    def _clause_chain(self, start: int, end: int, material: RubricItem) -> bool:
        """ "方案须说明A，包括a1、a2；应明确B，B须量化，至少包括b1；重点阐述C，包括c1…": parts of a plan.

        A notice often describes a plan as a chain of clauses, one per part, each a verb
        (说明/明确/阐述/包括) and the part's name, then what the part must hold (plans_dev3 v1).
        Read only for a plan-like material that has no parts yet, and only when at
        least two clauses of the sentence open that way (one clause may be a plain demand).
        """
        from pipeline.rubric.outline import plan_like

        text = self.text
        if not plan_like(material.name) or any(
            i.parent == material.id and i.kind != "requirement" for i in self.items
        ):
            return False
        head = re.escape(core(material.name))
        subject = re.compile(rf"(?:(?:本|该)?(?:{head}|实施方案|方案|申报书))?")
        verb = self._part_verb()
        found: list[tuple[int, int, int, int]] = []  # name span, rest span
        clauses = split_spans(text, start, end, "；;")
        for cs, ce in clauses:
            sm = subject.match(text, cs, ce)
            vm = verb.match(text, sm.end() if sm else cs, ce)
            if vm is None:
                continue
            cut = re.search(r"[，,：:]", text[vm.end() : ce])
            ne = vm.end() + cut.start() if cut else ce
            name = text[vm.end() : ne]
            if not 2 <= len(core(name)) <= 12 or re.search(r"\d|等", name):
                continue
            found.append((vm.end(), ne, ne, ce))
        if len(found) < 2 or len(found) * 2 < len(clauses):
            return False
        for ns, ne, rs, re_ in found:
            section = self.add_section(text[ns:ne], ns, ne, material)
            rs, re_ = strip_span(text, rs, re_)
            if re_ > rs:
                self.read_requirements(rs, re_, section, "包括")
        return True

    def _material_requirements(self, start: int, end: int, material: RubricItem) -> None:
        """ "须说明A，重点阐述B" / "应列明每个项目的A、B和C" after a report's or a list's name: what it must hold.

        plans_dev3 v1: "旅游发展情况报告（2022—2024年）。须说明…各年度接待游客人次和旅游总收入，
        重点阐述旅游业对县域经济和就业的带动作用"; "重点项目清单。应列明每个项目的建设内容、总投资…".
        """
        from pipeline.rubric.outline import plan_like

        text = self.text
        if plan_like(material.name) or material.parent is not None:
            return
        vm = self._part_verb().match(text, start, end)
        if vm is None:
            return
        self.read_requirements(start, end, material, "包括")

    def find_item(self, subject: str, material: RubricItem) -> RubricItem | None:
        """The item in ``material``'s subtree the subject names ("基础条件" -> 试点基础条件)."""
        subj = core(subject)
        if not subj:
            return None
        subtree = self.subtree(material.id)
        best: tuple[float, RubricItem] | None = None
        for item in subtree:
            name = core(item.name)
            if not name:
                continue
            if subj == name:
                score = 3.0
            elif subj in name or name in subj:
                score = 2.0 + min(len(subj), len(name)) / max(len(subj), len(name))
            else:
                common = len(set(subj) & set(name)) / max(len(set(name)), 1)
                score = common if common >= 0.75 else 0
            if score and (best is None or score > best[0]):
                best = (score, item)
        return best[1] if best else None

    def subtree(self, root: str) -> list[RubricItem]:
        out = [i for i in self.items if i.id == root]
        frontier = [root]
        while frontier:
            kids = [i for i in self.items if i.parent in frontier and i.kind != "requirement"]
            out += kids
            frontier = [k.id for k in kids]
        return out

    def read_requirements(self, start: int, end: int, section: RubricItem, verb: str) -> None:
        """Sub-requirements of ``section`` from "包括A，要说明…；B…" or "要求具体化、可量化，至少包括…"."""
        text = self.text
        years: list[int] = []  # a requirement's own wording names its years
        clauses = split_spans(text, start, end, "；;")
        explain = "|".join(map(re.escape, self.rules["explain_words"]))
        questions = "|".join(map(re.escape, self.rules["question_words"]))
        include = "|".join(map(re.escape, self.rules["include_words"]))
        # "目标须量化，包括：1.A；2.B" (plans_dev2 d2): the demand for numbers carries to every listed indicator
        quantified = False
        for cs, ce in clauses:
            pieces = split_spans(text, cs, ce, "，,")
            if not pieces:
                continue
            head_taken = False
            clause_start = len(self.items)
            explaining = False
            explained: list[tuple[int, int]] = []  # what "要说明…" says the head requirement covers
            for ps, pe in pieces:
                piece = text[ps:pe]
                em = re.match(rf"^(?:{explain})", piece)
                if em and not head_taken:
                    ps += em.end()  # "建设基础部分要说明A和B": what is to be explained is the requirement
                    piece = text[ps:pe]
                elif em:
                    explaining = True
                    explained.append((ps + em.end(), pe))
                    continue
                if re.match(rf"^(?:{questions})", piece):
                    self.add_requirement(piece, ps, pe, section, years, question=True)
                    continue
                if explaining:
                    explained.append((ps, pe))  # description of the head ("符合国家和我省产业结构调整情况")
                    continue
                if re.match(r"^(?:可|可以|参考|鼓励)", piece):
                    continue  # advice, not a requirement: "可参考评价指标体系制定"
                # "并对存在的问题进行分析" (holdout2 m1): what is to be analysed is a requirement
                om = re.match(
                    r"^(?:并|同时)?(?:须|应当|应|需|要)?对(.{2,24}?)(?:进行|作出|作|做)?(?:分析|说明|评估|阐述)$",
                    piece,
                )
                if om:
                    self.add_requirement(om.group(1), ps + om.start(1), ps + om.end(1), section, years)
                    continue
                conj = re.match(r"^(?:并|同时)", piece)
                if conj and not HEAD_VERB.match(text, ps + conj.end(), pe):
                    continue
                if conj:  # "…，并说明资金来源" (plans_dev3 v3): one more requirement
                    ps += conj.end()
                    piece = text[ps:pe]
                alone = self._demand_alone(piece)
                if alone:
                    # "包括建设资金、运营资金、申请补助金额，分年度列明" (holdout h3): the wording asks it of
                    # what the clause listed before it
                    for item in self.items[clause_start:]:
                        if item.parent == section.id and item.kind == "requirement":
                            item.params[alone] = True
                    continue
                im = re.match(rf"^(?:{include})", piece)
                # "包括制造水平提升、…等方面情况" details the head requirement; not after a demand for
                # numbers: "创建目标须量化，至少包括A、B" lists the indicators (plans_dev3 v1)
                if im and head_taken and verb.startswith("包括") and not quantified:
                    continue
                if im:
                    ps += im.end()
                vm = HEAD_VERB.match(text, ps, pe)
                if vm and pe - vm.end() >= 2:
                    ps = vm.end()
                # "2022年、2023年、2024年各年度接待游客人次…" (plans_dev3 v1): each listed year needs its figures
                lead_years: list[int] = []
                # "须按2025年、2026年、2027年分年度列明A、B和C" (holdout2 m2, m3): the years before the verb
                # say which years each listed item must cover
                by = re.match(r"(?:须|应当|应|需|要)?(?:分别)?(?:按照|按)?", text[ps:pe])
                spans = year_spans(text, ps + by.end(), pe)
                if spans and spans[0][0] == ps + by.end() and pe - spans[0][1] >= 2:
                    ps, lead_years = spans[0][1], spans[0][2]
                indicator = quantified or bool(re.search(self.rules["indicator_tail"], text[ps:pe]))
                # "建设目标要求量化，至少包括A、B": what follows a demand for numbers lists indicators
                quantified = quantified or self._demands_numbers(text[ps:pe])
                before = len(self.items)
                for es, ee in enumeration(text, ps, pe):
                    default = self.rules["indicator_check"] if indicator else "mentions"
                    self.add_requirement(text[es:ee], es, ee, section, years, default)
                # "分年度列明县级财政投入和争取上级资金的数额" (holdout h1): the wording before a list asks
                # it of every listed item, not only the first
                lead = {k: True for k in ("per_year", "per_item") if trim_name(text[ps:pe])[1].get(k)}
                for item in self.items[before:]:
                    if lead_years and item.check in ("mentions", "has_numbers"):
                        item.check = "covers_years"
                        item.params = {"years": lead_years, "counted": True}
                    elif lead_years and item.check in ("has_money", "has_money_per_year"):
                        item.check = "has_money_per_year"
                        item.params["years"] = lead_years
                    item.params.update(lead)
                head_taken = True
            # "包括…等方面情况" after a head: keep its aspects as keywords of the head requirement
            if verb.startswith("包括"):
                self._aspects(cs, ce, section)
            if explained:
                self._explained(cs, ce, section, explained)

    def _demand_alone(self, piece: str) -> str | None:
        """ "分年度列明" / "逐项明确" with nothing after it: the param it adds to the items before it."""
        for pat, param in self._leading_params():
            m = pat.match(piece.strip(" 。；;，,"))
            if m and param and m.end() == len(piece.strip(" 。；;，,")):
                return param
        return None

    @staticmethod
    def _leading_params() -> list[tuple[re.Pattern[str], str | None]]:
        from pipeline.rubric.phrases import rules as outline_rules

        return outline_rules()["_leading"]

    def _aspects(self, cs: int, ce: int, section: RubricItem) -> None:
        text = self.text
        m = re.search(r"[，,]\s*包括([^；;]+)", text[cs:ce])
        if not m:
            return
        head = [
            i
            for i in self.items
            if i.parent == section.id and i.provenance and cs <= i.provenance["start"] < ce
        ]
        if not head or head[0].check != "mentions":
            return
        aspects = [text[s:e] for s, e in enumeration(text, cs + m.start(1), cs + m.end(1))]
        head[0].params["aspects"] = aspects

    def _demands_numbers(self, piece: str) -> bool:
        """The piece is a demand for numbers on the whole section ("要求量化", "具体化、可量化")."""
        for pat, rule in self.rules["_checks"]:
            if pat.search(core(piece)) or pat.search(piece):
                return rule["check"] == self.rules["indicator_check"] and bool(rule.get("demand"))
        return False

    def _explained(self, cs: int, ce: int, section: RubricItem, spans: list[tuple[int, int]]) -> None:
        """Keep "要说明…" as aspects of the clause's head requirement: what a reviewer looks for.

        seed 000: "公共服务服务体系建设情况，要说明公共服务平台建设和与国家及省级相关商协会合作情况" —
        a plan answers with "建有检测中心和服务平台，与…协会开展合作" and never writes the head's words.
        """
        text = self.text
        head = self._head(cs, ce, section)
        if head is None or head.check != "mentions":
            return
        found = list(head.params.get("aspects") or [])
        for s, e in spans:
            for es, ee in enumeration(text, s, e):
                phrase = re.sub(r"(?:等?(?:方面|活动)?的?情况)$", "", text[es:ee]).strip()
                if len(phrase) >= 2 and phrase not in found:
                    found.append(phrase)
        head.params["aspects"] = found

    def _head(self, cs: int, ce: int, section: RubricItem) -> RubricItem | None:
        """The first non-question requirement of ``section`` worded inside [cs, ce)."""
        for i in self.items:
            if (
                i.parent == section.id
                and i.kind == "requirement"
                and i.provenance
                and cs <= i.provenance["start"] < ce
                and not i.params.get("question")
            ):
                return i
        return None

    def inline_materials(self) -> None:
        """ "填报《X》（详见附件2）": a material named inline, when no list of materials exists."""
        verbs = "|".join(map(re.escape, self.rules["material_verbs"]))
        for m in re.finditer(rf"(?:{verbs})\s*《([^》]{{2,60}})》", self.text):
            name_end = m.end()
            att = ATTACHMENT.match(self.text, name_end)
            end = att.end() if att else name_end
            name = m.group(1) + (att.group(0) if att else "")
            self.add_material(name, m.start(1), end, None)
        # "于3月31日前将《项目绩效数据表》（附件1）和《项目资金使用情况表》（附件2）加盖公章后报送我委":
        # forms the addressee fills in and sends (将…报送/提交/上报), named before the verb
        for m in _name_rules()["forms_sent"].finditer(self.text):
            for q in re.finditer(r"《([^》]{2,60})》", m.group(1)):
                s0 = m.start(1) + q.start(1)
                if not DOC_SUFFIX.search(core(q.group(1))) or any(
                    i.name == clean_name(q.group(1)) for i in self.items
                ):
                    continue
                att = ATTACHMENT.match(self.text, s0 + len(q.group(1)) + 1)
                end = att.end() if att else s0 + len(q.group(1))
                self.add_material(q.group(1) + (att.group(0) if att else ""), s0, end, None)

    def inherit_synonyms(self) -> None:
        """A section named for what it contains answers to those words too.

        notice n000's 保障措施 must hold 组织领导 and 责任分工: a plan that calls
        the section 组织实施 or 组织保障 answers it. Synonyms of a canonical
        section named by a sub-requirement are added, unless that canonical
        section is asked for on its own (seed 000 has both 工作机制 and 配套政策).
        """
        taken = {i.canonical for i in self.items if i.kind == "section" and i.canonical}
        sections = _synonyms()["sections"]
        # a related part the notice does not ask for on its own is this part's too: a notice with
        # 保障措施 and no 工作机制 gets plans' 组织实施 (plans_dev3 v3), 建设内容 without 重点项目 gets
        # 重点建设项目 (holdout h2) — section_synonyms.yaml, `related`
        for section in [i for i in self.items if i.kind == "section" and i.canonical in sections]:
            for rel in sections[section.canonical].get("related") or []:
                if rel in taken or rel not in sections:
                    continue
                for syn in [sections[rel]["label"], *sections[rel]["synonyms"]]:
                    if syn not in section.synonyms:
                        section.synonyms.append(syn)
        for section in [i for i in self.items if i.kind == "section"]:
            for req in [i for i in self.items if i.parent == section.id and i.kind == "requirement"]:
                key = match_canonical(req.name, "sections")
                if key and key not in taken:
                    entry = _synonyms()["sections"][key]
                    for syn in [entry["label"], *entry["synonyms"]]:
                        if syn not in section.synonyms:
                            section.synonyms.append(syn)

    def subject_synonyms(self) -> None:
        """A section named as the situation of a subject ("项目情况") answers to the same subject with
        any situation word ("项目基本信息", "项目概况"): plans_dev4 a4 heads its project facts
        "一、项目基本信息" for bulk 00089's 项目情况."""
        for section in [i for i in self.items if i.kind == "section"]:
            own = PAREN.sub("", section.name).strip()
            subject = _subject(own)
            if subject == own or len(subject) < 2:
                continue
            for word in _rules()["situation_words"]:
                if subject + word not in section.synonyms:
                    section.synonyms.append(subject + word)

    def drop_foreign_synonyms(self) -> None:
        """A section answers to no word that names another item of the same checklist.

        The synonym tables are written for one part at a time; a real notice may ask for two parts the
        tables would call alike. Bulk 00089 第六条 asks for 企业基本情况 and 项目情况 (with 项目名称、
        建设地点、建设规模、建设内容): the table gave 企业基本情况 the word 项目概况 and 项目情况 (through
        its part 建设内容) the words of 推进措施 incl. 建设内容, so a plan's "二、项目概况" went to the
        company and "（二）规模与建设内容" to 项目情况 instead of its parts (plans_dev4 a2, a4). A synonym is
        dropped when another item answered in the same file (under the same top-level material) is named
        by it: the synonym is that item's name, holds it or is held by it (建设内容), or names the same
        subject's situation (项目概况 ~ 项目情况: both 项目 + a situation word, while the section's own
        subject is 企业). Words taken from the section's own name always stay.
        """
        root = {i.id: self._root(i) for i in self.items}
        for section in [i for i in self.items if i.kind == "section"]:
            own = PAREN.sub("", section.name).strip()
            own_core = core(section.name)
            # items a plan file answers next to this section: those under the same top-level material
            others = [
                PAREN.sub("", i.name).strip()
                for i in self.items
                if i is not section and root[i.id] == root[section.id] and i.id != root[section.id]
            ]
            others = [n for n in others if len(n) >= 2 and n not in own and own not in n]
            section.synonyms = [
                syn
                for syn in section.synonyms
                if syn in own or syn == own_core or not any(_names_item(syn, n, own) for n in others)
            ]

    def _root(self, item: RubricItem) -> str:
        by_id = {i.id: i for i in self.items}
        while item.parent is not None and item.parent in by_id:
            item = by_id[item.parent]
        return item.id

    def assign_scope(self) -> None:
        """When one material holds the plan sections, the other top-level materials are separate dossier files."""
        sections_under: set[str] = set()
        for item in self.items:
            if item.kind == "section":
                cur = item.parent
                while cur is not None:
                    sections_under.add(cur)
                    cur = next((i.parent for i in self.items if i.id == cur), None)
        # only when the notice itself says which materials make up the plan (seed 000: 《实施方案》包括
        # 申请表…) are the other materials separate files; otherwise a form may sit inside the plan file
        wrappers = {
            i.id
            for i in self.items
            if i.parent is None
            and i.id in sections_under
            and any(c.kind == "material" and c.parent == i.id for c in self.items)
        }
        if not wrappers:
            sections_under = set()
        if not sections_under:
            self._weigh_section_holders()
            return
        for item in self.items:
            if item.parent is None and item.id not in sections_under:
                item.scope = "dossier"
        scope = {i.id: i.scope for i in self.items}
        for item in self.items:  # children follow their top-level ancestor
            cur = item
            while cur.parent is not None:
                cur = next(i for i in self.items if i.id == cur.parent)
            item.scope = scope[cur.id]
        self._weigh_section_holders()

    def _weigh_section_holders(self) -> None:
        """Each part a reviewer scores counts one (rubric_rules.yaml `weights`).

        A material that holds sections weighs as much as its sections together (seed 000 详细实施方案:
        six; bulk 00417 论证报告: its fourteen elements, as plans_dev4's gold scores them). The plan
        document whose contents the notice states only as demands weighs as its scored demands (sc zero
        waste 2018 实施方案: 明确试点目标，确定任务清单和分工，…), not one against a report's three
        sections. A report on carrying out that plan (later_reports) is listed with weight 0.
        """
        weights = self.rules["weights"]
        for item in self.items:
            if item.kind != "material":
                continue
            kids = [i for i in self.items if i.parent == item.id]
            n = sum(1 for i in kids if i.kind == "section")
            demands = [i for i in kids if i.kind == "requirement" and i.weight > 0]
            if n:
                item.weight = float(n) * weights["part"]
            elif (
                item.canonical in weights["demands_weigh"]
                and demands
                and not any(i.kind == "material" for i in kids)
            ):
                item.weight = float(len(demands)) * weights["part"]
            if item.id in self.later_reports:
                item.weight = 0.0
        for item in self._other_procedures():
            item.weight = 0.0

    def _other_procedures(self) -> list[RubricItem]:
        """Top-level materials of another procedure of the same regulation, listed but not scored.

        A regulation sets several procedures in its articles; a reviewer screens one submission. Bulk
        00089 asks for the 项目申请书 (第六条, 核准) and, for projects without 核准, 备案项目信息
        (第十三条); bulk 00417 for the 申请书 and 论证报告 of 筹建 (第十八、十九条) and, once 筹建 is
        approved, 正式建校招生申请书 and 筹建情况报告 (第二十一条). The submission is the one of the main
        document (the material with the most sections, at least `weights.main_document_parts`): a
        material named in an article that never names the main document, nor adds to a submission
        (`weights.same_submission`: "还应当提交…"), belongs to another procedure.
        Only in texts laid out in 第X条 articles (at least three).
        """
        starts = [m.start() for m in re.finditer(ARTICLE_LINE.pattern, self.text, re.MULTILINE)]
        if len(starts) < 3:
            return []
        spans = list(zip(starts, [*starts[1:], len(self.text)]))
        tops = [i for i in self.items if i.parent is None and i.kind == "material"]
        parts = {i.id: sum(1 for c in self.items if c.parent == i.id and c.kind == "section") for i in tops}
        main = max(tops, key=lambda i: parts[i.id], default=None)
        if main is None or parts[main.id] < self.rules["weights"]["main_document_parts"]:
            return []
        main_name = PAREN.sub("", main.name).strip()
        out = []
        for item in tops:
            if item is main or not item.provenance or item.weight == 0:
                continue
            at = item.provenance["start"]
            article = next(((a, z) for a, z in spans if a <= at < z), None)
            if article is None:
                continue
            words = self.text[article[0] : article[1]]
            # "申请人还应当提交营业执照复印件": 还 adds to the submission just required, in another article
            if main_name not in words and not re.search(self.rules["weights"]["same_submission"], words):
                out.append(item)
        return out


def _subject(name: str) -> str:
    """ "项目概况" -> 项目: what a name is the situation of (rubric_rules.yaml `situation_words`)."""
    words = "|".join(map(re.escape, _rules()["situation_words"]))
    return re.sub(f"(?:{words})$", "", name)


def _names_item(syn: str, name: str, own: str) -> bool:
    """Whether a synonym names the item called ``name`` rather than the section called ``own``."""
    if name in syn or syn in name:
        return True
    subject = _subject(syn)
    return subject != syn and len(subject) >= 2 and subject == _subject(name) and subject not in own


def requirement_weight(params: dict[str, Any]) -> float:
    """0 for wording that judges its parent rather than adding a part of its own.

    GUIDE (corpora/plans, "Gold score"): a demand on the whole section (具体化、可量化;
    操作性较强), a material's year range (年度工作计划 2019–2021: one year only makes the
    plan partial) and wording that restates its section (配套政策's 配套政策) decide the
    parent's own status; a 有无/是否 question explains a requirement (特色产业集群…
    有无发生事故) and is reported without a share of the score. Such items keep their
    status and evidence but are left out of the mean of sub-requirements.
    """
    return 0.0 if params.get("demand") or params.get("question") else 1.0


STOP_CHARS = re.compile(r"(?:等方面情况|方面情况|的情况|情况|工作|等|方面|有关|相关|当地|用于|推动|该项)")


def keywords(name: str) -> list[str]:
    """Key words a plan must mention for a `mentions` requirement: the head noun(s) of the wording.

    Chinese noun phrases put the head last ("…体系建设"), so long phrases give
    their first and last four characters; filler ("情况", "工作") is dropped
    unless that would leave less than three characters ("基本情况").
    """
    n = core(name)
    n = re.sub(r"^(?:有无|是否)(?:发生|存在)?", "", n)
    out: list[str] = []
    tail = n.rsplit("的", 1)[-1]
    for part in re.split(r"[、和及与或]|以及", tail):
        stripped = STOP_CHARS.sub("", part).strip()
        part = stripped if len(stripped) >= 3 else part.strip()
        if len(part) > 6:
            out += [part[:4], part[-4:]]
        elif len(part) >= 2:
            out.append(part)
    if not out and len(n) >= 2:
        out.append(n[-4:])
    return list(dict.fromkeys(out))
