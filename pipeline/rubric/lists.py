"""Numbered lists after a lead-in colon: materials lists and the contents of a document.

Real 办法/条例/办事指南 rarely have a "三、申报材料" heading; they say what to hand
in inside an article or a step, then number it:

* "成立外国商会的书面申请，…并附具下列文件：\\n(一)外国商会章程一式五份。章程应当
  包括下列内容：\\n1．名称和地址；…" (bulk 00313): materials under the document they
  are attached to, and a sub-list of a material's contents as its sections;
* "申请就业见习基地提交材料：\\n1.《…申请表》；" (guangzhou internship): one group
  per applicant type, named by the words between 申请 and 提交;
* "论证报告应当包括下列内容：\\n(一)拟建学校的名称、校址、…" (bulk 00417): one
  section per listed element.

The list runs from the lead-in to the first line that is not numbered in the
list's style, a deeper style (a sub-list) or a continuation of an item: the next
article (第X条), heading or plain paragraph ends it. Lead-ins that set conditions
or cases ("应当具备下列条件：", "有下列情形之一的") are not lists of things handed in.
The wording lives in ``pipeline/data/rubric_rules.yaml``: ``lists`` (lead-ins, names, notes) and
``documents`` (which names end like a document of their own).

Also here, for the same documents: materials named in an article's sentence
("提交上一年度的活动情况报告", only in texts laid out in 第X条), a materials list in
one sentence ("申报材料包括：A、B、C等"), a plan named in prose with its demands
("编制X实施方案，明确A，确定B"), a summary report's subjects, an information list
("将下列信息告知…"), and a material line's bracket ("…状况（包括A、B）") as its
requirements. Placeholders ("下列文件") and catch-alls ("其他相关证明材料") are dropped.

Issue 5 (recall on unseen notices) widened what counts, each with the text that needed it: a lead-in
whose noun is a pair or carries a modifier ("提交下列证件和证明材料", "连同下列文件报…审批"), or whose
verb stands in the sentence's earlier clause ("提交以下申请材料，并对其真实性负责："); bullets and
unnumbered one-document lines; groups named by the applicant ("个人申请需提交…", "高层次人才申请材料：",
"小餐饮向…申请登记，应当提交…"); a line naming several documents split (GUIDE rule 8) and one-slot
alternatives named by the first; conditional lines named by their document ("属于…的，还应当提交X");
a document's contents in the sentence after it or in a later article ("申请书应当载明A、B和C");
catch-alls closing a contents list dropped.

Runs after the other readers. A list whose lines the first pass read as plan
sections is left alone; materials it read are reused (placed in their group,
their sub-lists read), never duplicated, so seed 000 keeps its items.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.rubric.phrases import top_level_cuts
from pipeline.rubric.schema import RubricItem
from pipeline.structure.lines import line_spans

if TYPE_CHECKING:
    from pipeline.rubric.compiler import _Builder

CN = "一二三四五六七八九十"
# numbering at a line start, by style: （一） (1) 1. ① 一、
NUMBER_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("cn_paren", re.compile(rf"^\s*[（(][{CN}]{{1,3}}[)）]\s*")),
    ("ar_paren", re.compile(r"^\s*[（(]\d{1,2}[)）]\s*")),
    ("ar_dot", re.compile(r"^\s*\d{1,2}\s*[.．、](?!\d)\s*")),
    ("circled", re.compile(r"^\s*[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮]\s*")),
    ("cn_comma", re.compile(rf"^\s*[{CN}]{{1,3}}[、.．]\s*")),
    # "● 人才公寓申请表；" (a 办事指南's bullets)
    ("bullet", re.compile(r"^\s*[●•■◆◇○□▪►★☆]\s*")),
]
# how deep each style sits in a 公文 outline (GB/T 9704: 一、 （一） 1. （1）), ① below them
RANK = {"cn_comma": 0, "cn_paren": 1, "ar_dot": 2, "ar_paren": 3, "circled": 4, "bullet": 5}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    from pipeline.rubric.compiler import _rules

    return {k: re.compile(v) for k, v in _rules()["lists"].items()}


@lru_cache(maxsize=1)
def _doc_words() -> dict[str, re.Pattern[str]]:
    """``documents`` of rubric_rules.yaml: word lists become one alternation, in the file's order;
    ``*_suffix`` lists match at a name's end, ``*_whole`` lists a whole name, strings are patterns."""
    from pipeline.rubric.compiler import _rules

    out: dict[str, re.Pattern[str]] = {}
    for key, value in _rules()["documents"].items():
        if isinstance(value, str):
            out[key] = re.compile(value)
            continue
        words = "|".join(re.escape(w) for w in value)
        if key.endswith("_suffix"):
            out[key] = re.compile(f"(?:{words})$")
        elif key.endswith("_whole"):
            out[key] = re.compile(f"^(?:{words})$")
        else:
            out[key] = re.compile(words)
    return out


def _doc_word(name: str) -> re.Match[str] | None:
    """A name that ends like a document (…表/…书/…报告)."""
    return _doc_words()["doc_word_suffix"].search(name)


def _style(line: str) -> tuple[str, int] | None:
    """The numbering style of a line and where its text starts."""
    for name, pat in NUMBER_STYLES:
        m = pat.match(line)
        if m:
            return name, m.end()
    return None


def lead_in_clause(text: str, colon: int) -> tuple[int, int]:
    """The clause before a list-opening colon: back to the previous 。；，or line start."""
    start = colon
    while start > 0 and text[start - 1] not in "\n。；;，,":
        start -= 1
    while start < colon and text[start] in " \t":
        start += 1
    return start, colon


def sentence_before(text: str, colon: int) -> tuple[int, int]:
    """The whole sentence that ends in the colon (for 附具 and group wording)."""
    start = colon
    while start > 0 and text[start - 1] not in "\n。；;":
        start -= 1
    return start, colon


def classify_lead_in(clause: str) -> tuple[str, str | None] | None:
    """("materials", None) / ("contents", document name) for a lead-in clause, else None.

    "并附具下列文件" -> materials; "章程应当包括下列内容" -> contents of 章程;
    "应当具备下列条件" -> None (a condition list names nothing handed in).
    """
    pats = _patterns()
    clause = clause.strip().rstrip("：:").strip()
    m = pats["contents_lead_in"].search(clause)
    if m and not pats["not_lead_in"].search(clause[m.end("doc") :]):
        return "contents", _doc_name(m.group("doc"))
    if pats["not_lead_in"].search(clause):
        return None
    if pats["materials_lead_in"].search(clause):
        return "materials", None
    return None


def _doc_name(words: str) -> str:
    """ "项目申请书" from "企业应当向核准机关提交项目申请书"; "章程" stays 章程."""
    # bulk 00197 "第十二条 申请书应当包括下列事项": the article number is not the document's name
    words = ARTICLE_NO.sub("", words)
    # bulk 00751 "四、执行申请书的内容应当载明下列事项": nor is a heading's number
    words = re.sub(rf"^\s*(?:[{CN}]{{1,3}}[、.．]|[（(][{CN}\d]{{1,3}}[)）]|\d{{1,2}}[.、．])\s*", "", words)
    words = _patterns()["doc_name_verb"].sub("", words)
    words = _patterns()["doc_name_in"].sub("", words)
    return words.strip(" 《》“”")


def list_items(text: str, body_start: int, end: int | None = None) -> list[tuple[int, int, int]]:
    """(line start, text start, end) of the numbered items after a lead-in; continuations
    and deeper-numbered lines extend the item they follow."""
    items: list[tuple[int, int, int]] = []
    style: str | None = None
    for s, e in line_spans(text[body_start:end]):
        s, e = s + body_start, e + body_start
        line = text[s:e]
        if not line.strip():
            if items:
                break
            continue
        if _patterns()["hard_stop"].match(line):
            break
        st = _style(line)
        if st is not None and (style is None or st[0] == style):
            style = st[0]
            items.append((s, s + st[1], e))
        elif items and st is not None and style is not None and RANK[st[0]] > RANK[style]:
            items[-1] = (items[-1][0], items[-1][1], e)  # a sub-list line
        elif st is not None:  # "（二）就业见习示范基地。" after a 1. 2. 3. list: the next heading
            break
        elif items and _continues(text, items[-1], line):
            items[-1] = (items[-1][0], items[-1][1], e)
        else:
            break
    return items


def plain_items(text: str, body_start: int) -> list[tuple[int, int, int]]:
    """Unnumbered lines after a materials lead-in, one document a line ("申请材料：\n人才公寓申请表\n身份证复印件"
    — a web page's list whose bullets were images): short lines that each end like a document; at
    least two, up to the first line that is not one."""
    items: list[tuple[int, int, int]] = []
    for s, e in line_spans(text[body_start:]):
        s, e = s + body_start, e + body_start
        line = text[s:e].strip(" \t；;。，,")
        if not line or len(line) > 30 or re.search(r"[。：:]", line) or not _is_document(line):
            break
        if _patterns()["hard_stop"].match(text[s:e]) or _style(text[s:e]):
            break
        items.append((s, s + len(text[s:e]) - len(text[s:e].lstrip()), e))
    return items if len(items) >= 2 else []


def _continues(text: str, item: tuple[int, int, int], line: str) -> bool:
    """A plain line continues the item before it when that item is a short heading
    ("（1）身份证明材料" + "身份证正反面、户口簿首页及本人页。") or ends in a colon; not when the
    line is a lead-in or a heading of its own ("个人申请的，还需提交：", "办理流程：")."""
    body = text[item[1] : item[2]].strip()
    if not body or re.search(r"[：:]\s*$", line) or "\n" in text[item[1] : item[2]].strip():
        return False
    return body[-1] in "：:" or (len(body) <= 16 and body[-1] not in "。；;")


def _clean(b: _Builder, name: str) -> str:
    pats = _patterns()
    name = pats["name_noise"].sub("", name)
    name = pats["name_joiner"].sub("", name)
    name = pats["name_lead_in"].sub("", name)
    # bulk 00007 "还应当提交机动车安全技术检验合格证明": the verb and its modal open no name
    name = re.sub(
        r"^(?:还|另|并|同时|则)?(?:应当|应|需要|需|须)?(?:提交|提供|填写|填报|报送|出具|附)(?=.{3})",
        "",
        name.strip(),
    )
    name = re.sub(r"[《》]", "", name)
    name = re.sub(r"等$", "", name.strip(" ，,。；;：:、"))
    return name.strip(" ，,。；;：:、")


def not_a_name(name: str) -> bool:
    """Names no reviewer can tick: catch-alls (GUIDE rule 2), "相应材料", "该证件和证明文件"
    (a pronoun pointing back), "本细则第三十三条第三款规定的有关证明文件" (a cross-reference)."""
    pats = _patterns()
    return bool(
        len(name) < 2
        or pats["catch_all"].search(name)
        or pats["generic_name"].match(name)
        or pats["name_pointer"].match(name)
        or pats["name_condition"].match(name)
        or pats["name_verb_phrase"].search(name)
        or pats["name_table_pointer"].search(name)
        or pats["name_cross_reference"].search(name)
    )


def _split_elements(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """ "A、B、C" -> three spans, unless a modifier is shared ("会长、副会长以及常务干事的姓名、身份":
    the 的 of a middle element says the earlier ones are its modifiers, GUIDE rule 7/14)."""
    spans, pos = [], s
    for m in re.finditer(r"[、]", text[s:e]):
        spans.append((pos, s + m.start()))
        pos = s + m.end()
    spans.append((pos, e))
    spans = [(a, z) for a, z in spans if text[a:z].strip()]
    if len(spans) < 2:
        return [(s, e)]
    for k, (a, z) in enumerate(spans[1:-1], start=1):
        if "的" in text[a:z] and "的" not in text[spans[k - 1][0] : spans[k - 1][1]]:
            return [(s, e)]
    if any(z - a > 30 for a, z in spans):  # a sentence, not a list of names
        return [(s, e)]
    return spans


class _Cut:
    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start + 1


def _top_cut(text: str, s: int, e: int, chars: str = "。；;：:，,") -> _Cut | None:
    """The first of ``chars`` in text[s:e] outside brackets."""
    i = next(top_level_cuts(text, s, e, chars), None)
    return None if i is None else _Cut(i)


def _document_parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """ "A、B及C" -> A, B, C when every part names a document of its own (GUIDE rule 8); else [(s, e)].

    Split on 、 outside brackets, then each piece once more on its last 和/及/以及 when both sides
    end like documents ("网站负责人身份证复印件及简历"); alternatives inside a part ("学历证明或者
    专业技术资格证书复印件") are one slot named by the first (_first_alternative).
    """
    whole = (s, e)
    tail = _patterns()["catch_all_tail"].search(text[s:e])
    if tail:
        e = s + tail.start()
    pieces: list[tuple[int, int]] = []
    pos = s
    for i in top_level_cuts(text, s, e, "、"):
        pieces.append((pos, i))
        pos = i + 1
    pieces.append((pos, e))
    out: list[tuple[int, int]] = []
    for a, z in pieces:
        seg = PAREN_ANY.sub(lambda m: "　" * len(m.group(0)), text[a:z])
        conj = None
        for m in re.finditer(r"以及|和|及", seg):
            conj = m
        if conj is not None:
            left, right = (a, a + conj.start()), (a + conj.end(), z)
            if _is_document(text[left[0] : left[1]]) and _is_document(text[right[0] : right[1]]):
                out += [left, right]
                continue
        out.append((a, z))
    out = [(a, z) for a, z in (_strip_tail(text, a, z) for a, z in out) if z > a]
    if len(out) < 2:
        return [whole]
    named: list[tuple[int, int]] = []
    for a, z in out:
        alt = _first_alternative(text, a, z)
        named.append(alt or (a, z))
    # "机动车所有权转让的证明、凭证" (bulk 00007): a bare 凭证 is another word for the same proof
    if not all(
        _is_document(text[a:z]) and not _doc_words()["generic_doc_whole"].match(text[a:z]) for a, z in named
    ):
        return [whole]
    return named


PAREN_ANY = re.compile(r"[（(][^（）()]*[)）]")


def _is_document(name: str) -> bool:
    words = _doc_words()
    name = PAREN_ANY.sub("", name).strip()
    return (
        len(name) >= 2
        and bool(_doc_word(name) or words["more_docs_suffix"].search(name))
        and not words["not_docs_suffix"].search(name)
        and not words["dependent_doc"].match(name)
    )


def _first_alternative(text: str, s: int, e: int) -> tuple[int, int] | None:
    """ "网站域名注册的相关证书或者证明文件" -> 网站域名注册的相关证书: alternatives for one slot are one
    item named by the first (GUIDE rule 8), when the first already names a document."""
    seg = PAREN_ANY.sub(lambda m: "　" * len(m.group(0)), text[s:e])
    m = _doc_words()["alternative"].search(seg)
    if m is None or m.start() < 2:
        return None
    if _is_document(text[s : s + m.start()]) and _is_document(text[s + m.end() : e]):
        return _strip_tail(text, s, s + m.start())
    return None


def _key(name: str) -> str:
    return re.sub(r"[《》“”\s]", "", name)


ARTICLE_NO = re.compile(rf"^\s*第[{CN}百零〇\d]{{1,5}}条\s*")


def _strip_tail(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " 。；;，,、：:":
        e -= 1
    if text[s:e].endswith("等"):
        e -= 1
    while s < e and text[s] in " ":
        s += 1
    return s, e


class _ListReader:
    def __init__(self, b: _Builder) -> None:
        self.b = b
        self.text = b.text
        self.pats = _patterns()

    def covered(
        self, s: int, e: int, kinds: tuple[str, ...] = ("material", "section", "requirement")
    ) -> bool:
        for item in self.b.items:
            p = item.provenance or {}
            if item.kind not in kinds:
                continue
            if p.get("start") is not None and p["start"] < e and p["end"] > s:
                return True
        return False

    def group_names(self) -> set[str]:
        """Group names of all materials lists; groups are used only when there are two or more
        (GUIDE rule 6: separate lists per applicant type); one list with a subject stays flat."""
        names = set()
        for m in re.finditer(r"[：:][ \t]*\n", self.text):
            cs, ce = lead_in_clause(self.text, m.start())
            kind = classify_lead_in(self.text[cs:ce])
            if kind and kind[0] == "materials" and list_items(self.text, m.end()):
                g = self._group_match(ce)
                if g is not None:
                    names.add(g[0])
        return names

    def _group_match(self, ce: int) -> tuple[str, int] | None:
        ss, se = sentence_before(self.text, ce)
        lead = ARTICLE_NO.sub("", self.text[ss:se]).strip()
        g = (
            self.pats["group"].search(lead)
            or self.pats["group_subject"].search(lead)
            or self.pats["group_heading"].search(
                re.sub(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*)", "", lead)
            )
            or self.pats["group_actor"].search(lead)
        )
        if g is None:
            return None
        return g.group("group"), self.text.find(g.group("group"), ss, se)

    def heading_lists(self) -> None:
        """ "三、申报材料\n（一）企业申报\n1.申报表；…": a materials heading with no colon, its items
        groups when they hold numbered sub-lists. Only items the first pass already read are
        revisited (their sub-lists), so a heading it did not take stays unread."""
        text = self.text
        for m in self.pats["materials_heading"].finditer(text):
            line_end = text.find("\n", m.end())
            if line_end == -1:
                continue
            for it in list_items(text, line_end + 1):
                if self.existing_material(it[1], it[2]) is not None:
                    self.read_material(it, None)

    def run(self) -> None:
        text = self.text
        self.heading_lists()
        self.groups_on = len(self.group_names()) >= 2
        for m in re.finditer(r"[：:][ \t]*\n", text):
            colon = m.start()
            cs, ce = lead_in_clause(text, colon)
            kind = classify_lead_in(text[cs:ce])
            if kind is None:
                # "申请人应当如实提交以下申请材料，并对材料的真实性负责：": the lead-in is the sentence's
                # earlier clause; only a materials lead-in is taken this way
                ss = sentence_before(text, colon)[0]
                whole = classify_lead_in(text[ss:ce]) if ss < cs else None
                if whole == ("materials", None) and self.pats["materials_lead_in"].search(text[ss:cs]):
                    kind, cs = whole, ss
            if kind is None:
                self.info_list(cs, ce, m.end())
                continue
            items = list_items(text, m.end())
            # "有下列情形之一的，申请人应当提供证明材料：(一)…的，提供…证明材料" (bulk 00598): cases that each
            # name what to hand in are conditional materials (GUIDE rule 3); cases alone are not
            conditional = sum(1 for _, a, z in items if _patterns()["conditional_submit"].search(text[a:z]))
            if self.pats["case_sentence"].search(text[sentence_before(text, colon)[0] : cs]) and (
                conditional * 2 < len(items) or not items
            ):
                continue
            if not items and kind[0] == "materials":
                items = plain_items(text, m.end())
            if not items:
                continue
            span = (items[0][0], items[-1][2])
            if kind[0] == "contents":
                doc = kind[1] or ""
                if self.covered(*span) or not self.handed_in(doc):
                    continue
                parent = self._find_or_add(doc, cs, ce, None, by_tail=True)
                self.read_contents(items, parent)
            else:
                # a list the first pass read as plan sections is the plan's outline: leave it
                if self.covered(*span, kinds=("section", "requirement")):
                    continue
                parent = self.group_parent(cs, ce)
                for it in items:
                    self.read_material(it, parent)

    def info_list(self, cs: int, ce: int, body: int) -> None:
        """ "将下列信息告知备案机关：(一)企业基本情况；(二)项目名称、建设地点…" (bulk 00089): the
        information is one material, named by the "…信息" the next sentence names; each listed
        element is a requirement of it. Without such a name the list is left alone."""
        text = self.text
        if not self.pats["info_lead_in"].search(text[cs:ce]):
            return
        items = list_items(text, body)
        if not items or self.covered(items[0][0], items[-1][2]):
            return
        after = items[-1][2]
        named = self.pats["info_name"].search(text, after, min(len(text), after + 40))
        if named is None:
            return
        name = re.sub(r"^(?:应当|应|对|将|把|企业|单位)+", "", named.group("name"))
        if len(name) < 4:
            return
        start = named.start("name") + named.group("name").find(name)
        info = self._find_or_add(name, start, start + len(name), None)
        for _, ts, te in items:
            ls, le = _strip_tail(text, ts, te)
            for a, z in _split_elements(text, ls, le):
                a, z = _strip_tail(text, a, z)
                if z - a >= 2:
                    self.b.add_requirement(text[a:z], a, z, info, [])

    def handed_in(self, doc: str) -> bool:
        """A document whose contents a notice lists is on the checklist only when someone hands it
        in (GUIDE rule 1): "提出论证报告", "附交论证报告" (bulk 00417) yes; "签订见习协议" (guangzhou
        internship: an agreement between unit and intern) no."""
        if not doc:
            return False
        # an application form is handed in by applying ("向主管机关提出书面申请。申请书应当包括…", bulk 00649)
        if re.search(r"(?:申请书|申请表|申请报告|申报书|申报表)$", doc):
            return True
        # a document already on the checklist ("（三）外资企业章程" in the list, its contents in 第十五条)
        tail = doc[-4:]
        if any(i.kind == "material" and PAREN_ANY.sub("", i.name).endswith(tail) for i in self.b.items):
            return True
        verbs = self.pats["submit_verbs"].pattern
        core_ = re.escape(doc[-6:])
        if re.search(rf"(?:{verbs})[^。；;，,]{{0,20}}{core_}", self.text):
            return True
        # "将地震安全性评价报告报送…审定" / "…报告报…备案": the verb after the document's name
        return bool(
            re.search(
                rf"{core_}(?:[^。；;，,]{{0,12}}?)(?:报送|提交|上报|报请|报(?=[\u4e00-\u9fff]{{1,12}}(?:审定|审查|审批|备案|批准|核准)))",
                self.text,
            )
        )

    def existing_material(self, s: int, e: int) -> RubricItem | None:
        for item in self.b.items:
            p = item.provenance or {}
            if item.kind == "material" and p.get("start") is not None and s <= p["start"] < e:
                return item
        return None

    def _find_or_add(
        self, name: str, s: int, e: int, parent: RubricItem | None, by_tail: bool = False
    ) -> RubricItem:
        """The material of that name under that parent, added once: an article's list and the
        办事指南 part that repeats it are one item per group (GUIDE rule 6)."""
        key = _key(name)
        for item in self.b.items:
            if item.kind != "material" or item.parent != (parent.id if parent else None):
                continue
            other = _key(item.name)
            # "申请单位的…说明，见习人员见习管理制度" read whole by the first pass is the 说明 restated
            if other == key or other.startswith(key + "，") or key.startswith(other + "，"):
                return item
            # "第十条 可行性研究报告应当载明下列事项：" after "（二）项目可行性研究报告" (synth syn04): the
            # listed document named by its tail
            if by_tail and len(key) >= 4 and PAREN_ANY.sub("", other).endswith(key):
                return item
        return self.b.add_material(name, s, e, parent)

    def group_parent(self, cs: int, ce: int) -> RubricItem | None:
        text = self.text
        ss, se = sentence_before(text, ce)
        sentence = text[ss:se]
        att = self.pats["attached_to"].search(sentence)
        if att:
            return self._find_or_add(att.group("doc"), ss + att.start("doc"), ss + att.end("doc"), None)
        # "第六条 申请认定就业见习基地，应当…提交下列材料：" / "申请就业见习基地提交材料："
        g = self._group_match(ce) if self.groups_on else None
        if g is not None:
            name, off = g
            return self._find_or_add(name, off, off + len(name), None)
        return None

    def read_material(self, it: tuple[int, int, int], parent: RubricItem | None) -> None:
        text = self.text
        _, ts, te = it
        first_line_end = text.find("\n", ts, te)
        head_end = te if first_line_end == -1 else first_line_end
        known = self.existing_material(ts, te)
        if known is not None:  # the first pass read this line: place it in its group, keep its reading
            if parent is not None and known.parent is None and known is not parent:
                known.parent = parent.id
            # "申请单位的培训条件和师资情况说明，见习人员见习管理制度": two documents (GUIDE rule 8)
            head, _, tail = known.name.partition("，")
            if tail and _doc_word(head) and _doc_word(tail) and len(tail) <= 30:
                known.name = head
                at = text.find(tail, ts, te)
                if not_a_name(tail):  # "智慧园区建设方案，编写要求见下表": no second document
                    return
                self._find_or_add(
                    tail, at, at + len(tail), next((i for i in self.b.items if i.id == known.parent), None)
                )
            if not any(i.parent == known.id for i in self.b.items):
                self._split_known(known)
                self.read_rest(known, known.provenance["end"], head_end, te)
            return
        # bulk 00051 "送养人的居民户口簿和居民身份证（组织作监护人的，提交…）": a comma inside a bracket
        # does not end the name
        cut = _top_cut(text, ts, head_end)
        ne = cut.start if cut else head_end
        ns, ne = _strip_tail(text, ts, ne)
        conditional = False
        # bulk 00007 "（五）属于海关监管的机动车，还应当提交海关监管车辆解除监管证明书": the first clause is
        # the condition, the verb's object is the material (GUIDE rule 3)
        if cut and text[cut.start] in "，," and not text[ns:ne].endswith("的"):
            v = re.match(
                # "属于海关监管的机动车，因故不在我国境内使用的，还应当提交…": one more condition may come first
                r"(?:[^，,。；;]{0,30}的[，,])?\s*(?:还|另|并|同时|则)?(?:应当|应|需要|需|须)(?:提交|提供|出具|附具|附送)(?P<obj>[^，,。；;：:]{2,40})",
                text[cut.end : head_end],
            )
            if v is not None:
                ns, ne = _strip_tail(text, cut.end + v.start("obj"), cut.end + v.end("obj"))
                conditional = True
        if text[ns:ne].endswith("的"):
            conditional = True
            # "申请人是企业或者其他组织的，提交…证明文件" (GUIDE rule 3): the condition is not the name
            v = re.search(r"(?:提交|提供|出具|附具|附送)(?P<obj>[^，,。；;：:]{2,40})", text[ne:head_end])
            if v is not None:
                ns, ne = _strip_tail(text, ne + v.start("obj"), ne + v.end("obj"))
            else:
                # bulk 00321 "设立合资保险公司的，中国申请人的有关资料": the clause after the condition names it
                nxt = _top_cut(text, ne + 1, head_end)
                ns, ne = _strip_tail(text, ne + 1, nxt.start if nxt else head_end)
                if ne - ns < 2:
                    return
        name = _clean(self.b, text[ns:ne])
        if not_a_name(name):
            return
        # "药品及…学历证明或者其专业技术资格证书复印件、网站负责人身份证复印件及简历" (bulk 00013):
        # one material per separately issued document (GUIDE rule 8)
        parts = _document_parts(text, ns, ne)
        if len(parts) > 1 and first_line_end == -1:
            for a, z in parts:
                pname = _clean(self.b, text[a:z])
                if not not_a_name(pname):
                    self._find_or_add(pname, a, z, parent)
            return
        alt = _first_alternative(text, ns, ne)
        if alt is not None:
            ns, ne = alt
            name = _clean(self.b, text[ns:ne])
        # "3. 申请单位的培训条件和师资情况说明，见习人员见习管理制度。": two documents on one line
        siblings = []
        if cut and text[cut.start] in "，," and first_line_end == -1 and not conditional:
            tail_s, tail_e = _strip_tail(text, cut.end, head_end)
            tail = _clean(self.b, text[tail_s:tail_e])
            if _doc_word(tail) and _doc_word(name) and not re.search(r"[，,]", tail) and len(tail) <= 30:
                siblings.append((tail, tail_s, tail_e))
        material = self._find_or_add(name, ns, ne, parent)
        for tname, ts2, te2 in siblings:
            self._find_or_add(tname, ts2, te2, parent)
        self.read_rest(material, ne, head_end, te)

    def _split_known(self, known: RubricItem) -> None:
        """A line the first pass read whole that names several documents (GUIDE rule 8): the item keeps
        the first, the others become its siblings (bulk 00013 "…学历证明或者…复印件、网站负责人身份证
        复印件及简历")."""
        ps, pe = known.provenance["start"], known.provenance["end"]
        if self.text[ps:pe] != known.provenance.get("text") or "\n" in self.text[ps:pe]:
            return
        from pipeline.rubric.compiler import material_name

        ps, pe = _strip_tail(self.text, ps, pe)
        parts = _document_parts(self.text, ps, pe)
        if len(parts) < 2:
            # "房产证或购房合同复印件": one slot, named by the first alternative (GUIDE rule 8)
            alt = _first_alternative(self.text, ps, pe)
            if alt is not None and self.text[alt[0] : alt[1]] in known.name:
                known.name = material_name(_clean(self.b, self.text[alt[0] : alt[1]]))
            return
        parent = next((i for i in self.b.items if i.id == known.parent), None)
        (a, z), rest = parts[0], parts[1:]
        known.name = material_name(_clean(self.b, self.text[a:z]))
        known.provenance = self.b._prov(a, z)
        for a, z in rest:
            name = _clean(self.b, self.text[a:z])
            if not not_a_name(name):
                self._find_or_add(name, a, z, parent)

    def read_rest(self, material: RubricItem, s: int, head_end: int, e: int) -> None:
        """The rest of a material's item: its own line, then any lines below it."""
        text = self.text
        below = head_end + 1 if head_end < e else e
        opens_list = re.search(r"[：:]\s*$", text[s:head_end]) is not None
        first_below = text[below : (text.find("\n", below, e) + 1 or e)] if below < e else ""
        if opens_list and _style(first_below):
            # "（一）高层次人才申请材料要求：\n1.申请表；": a group's list, unless the colon opens the
            # material's contents ("章程应当包括下列内容：")
            cs, ce = lead_in_clause(
                text,
                text.rfind("：", s, head_end) if "：" in text[s:head_end] else text.rfind(":", s, head_end),
            )
            kind = classify_lead_in(text[cs:ce])
            if not (kind and kind[0] == "contents"):
                self._name_group(material)
                for _, ss, se in list_items(text, below, e):
                    self.read_sub_material(ss, se, material)
                return
        if below < e and not opens_list:
            if _style(first_below):
                self._name_group(material)
                # "（2）学历学位证明材料\n①毕业证书、学位证书。\n②…": a sub-list of materials
                for _, ss, se in list_items(text, below, e):
                    self.read_sub_material(ss, se, material)
            else:
                # "（1）身份证明材料\n身份证正反面、户口簿首页及本人页。": the next line names its parts
                ps, pe = _strip_tail(text, below, e)
                self._children_from_enumeration(ps, pe, material)
            self.read_material_body(s, head_end, material)
            return
        self.read_material_body(s, e, material)

    def _name_group(self, material: RubricItem) -> None:
        """ "高层次人才申请材料要求" / "重点企业需提供" -> 高层次人才 / 重点企业 (GUIDE rule 6)."""
        name = self.pats["group_suffix"].sub("", material.name).strip(" ，,：:")
        name = self.pats["group_suffix"].sub("", name).strip(" ，,：:")  # "…的，需提供"
        short = self.pats["group_prefix"].sub("", name)
        name = short if len(short) >= 2 else name
        if len(name) >= 2:
            material.name = name

    def read_sub_material(self, s: int, e: int, parent: RubricItem) -> None:
        """ "①毕业证书、学位证书。" -> two materials; "②国内学历学位认证材料：…《A》或…《B》" -> the
        material with A and B under it; "③国（境）外学历学位：…《C》" (the head names no document) -> C."""
        text = self.text
        cut = re.search(r"[：:。；;，,]", text[s:e])
        he = s + cut.start() if cut else e
        hs, he = _strip_tail(text, s, he)
        quoted = [(m.start(1), m.end(1)) for m in re.finditer(r"《([^《》]{2,40})》", text[he:e])]
        quoted = [(he + a, he + z) for a, z in quoted]
        head = _clean(self.b, text[hs:he])
        if not_a_name(head):
            return
        elements = _split_elements(text, hs, he)
        if len(elements) == 1:
            # "硕士提供硕士学位证书及学历证书": two documents joined by 及 (GUIDE rule 8)
            elements = _document_parts(text, hs, he)
        if len(elements) > 1:
            for a, z in elements:
                a, z = _strip_tail(text, a, z)
                self.b.add_material(_clean(self.b, text[a:z]), a, z, parent)
            return
        if _doc_word(head) or not quoted:
            item = self.b.add_material(head, hs, he, parent)
            for a, z in quoted:
                self.b.add_material(text[a:z], a, z, item)
            if not quoted and cut and text[s + cut.start()] in "：:":
                # "身份证明材料：申请人及共同申请人的身份证、户口簿" — the documents after the colon are its parts
                stop = re.search(r"[。；;]", text[s + cut.end() : e])
                rs = s + cut.end()
                re_ = rs + stop.start() if stop else e
                rs += len(re.match(r"(?:[^，,、；;。]{0,16}?的)?", text[rs:re_]).group(0))
                parts = _split_elements(text, rs, re_)
                if len(parts) > 1 and all(_is_document(text[a:z]) for a, z in parts):
                    for a, z in parts:
                        a, z = _strip_tail(text, a, z)
                        self.b.add_material(_clean(self.b, text[a:z]), a, z, item)
            return
        for a, z in quoted:
            self.b.add_material(text[a:z], a, z, parent)

    def read_material_body(self, s: int, e: int, material: RubricItem) -> None:
        """What a material's line says it holds: a sub-list after "应当包括下列内容：",
        "X应当分别载明A、B和C", "，包括A、B、C"."""
        text = self.text
        colon = re.search(r"[：:][ \t]*\n", text[s:e])
        if colon:
            cs, ce = lead_in_clause(text, s + colon.start())
            kind = classify_lead_in(text[cs:ce])
            items = list_items(text, s + colon.end(), e)  # a sub-list ends with its item
            if kind and kind[0] == "contents" and items:
                self.read_contents(items, material)
                return
        for sent in re.finditer(r"[^。；;\n]+", text[s:e]):
            ss, se = s + sent.start(), s + sent.end()
            clause = text[ss:se]
            m = re.search(
                r"(?P<subj>[^，,]{2,16}?(?:名册|表|报告|清单|名单))(?:应当|应|须|需)?(?:分别)?(?:载明|写明|列明|包括|包含)",
                clause,
            )
            if m:
                sub = self.b.add_material(m.group("subj"), ss + m.start("subj"), ss + m.end("subj"), material)
                self._requirements(ss + m.end(), se, sub)
                continue
            # "由…签署的申请书，内容包括常驻代表机构名称、负责人员、…等" (bulk 00224, GUIDE rule 7): what a
            # form's content is made of are its parts (sections), as in a contents list
            m = re.search(r"^[，,]?\s*(?:其)?(?:主要)?内容(?:应当|应|须|需)?(?:主要)?(?:包括|包含)", clause)
            if m and material.kind == "material":
                ps, pe = _strip_tail(text, ss + m.end(), se)
                for a, z in _split_elements(text, ps, pe):
                    a, z = _strip_tail(text, a, z)
                    name = _clean(self.b, text[a:z])
                    if len(name) >= 2 and name != material.name:
                        self._section(name, a, z, material)
                continue
            m = re.search(r"^[，,]?\s*(?:包括|包含|主要包括|应当包括|应包括)", clause)
            if m:
                self._requirements(ss + m.end(), se, material)

    def _requirements(self, s: int, e: int, parent: RubricItem) -> None:
        """ "商业机构的名称、地址、业务范围和负责人姓名" -> four requirements (GUIDE rule 7)."""
        text = self.text
        s, e = _strip_tail(text, s, e)
        parts = _split_elements(text, s, e)
        if len(parts) > 1:
            # "…、业务范围和负责人姓名": the last element's 和/及 joins the list's last two elements
            a, z = parts[-1]
            mm = re.search(r"(?:以及|和|及)(?!.*(?:和|及))", text[a:z])
            if mm is not None and z - a <= 20:
                parts[-1:] = [(a, a + mm.start()), (a + mm.end(), z)]
            for a, z in parts:
                name = _clean(self.b, text[a:z])
                if len(name) >= 2:
                    self._requirement(name, a, z, parent)
        elif e - s <= 30:
            self._requirement(_clean(self.b, text[s:e]), s, e, parent)

    def _requirement(self, name: str, s: int, e: int, parent: RubricItem) -> None:
        """A listed element that is a document in its own right stays a material (GUIDE rule 5)."""
        if (
            _doc_word(name)
            and not _doc_words()["described_suffix"].search(name)
            and parent.kind == "material"
        ):
            self.b.add_material(name, s, e, parent)
            return
        self.b.add_requirement(name, s, e, parent, [])

    def _children_from_enumeration(self, s: int, e: int, material: RubricItem) -> None:
        text = self.text
        for a, z in _split_elements(text, s, e):
            a, z = _strip_tail(text, a, z)
            name = _clean(self.b, text[a:z])
            if not not_a_name(name) and len(name) <= 30:
                self.b.add_material(name, a, z, material)

    def read_contents(self, items: list[tuple[int, int, int]], doc: RubricItem) -> None:
        """A document's contents: one section per line, or per element of a line that is only
        a list of elements; "项目情况，包括A、B" gives section 项目情况 with requirements A, B."""
        text = self.text
        for _, ts, te in items:
            line_end = text.find("\n", ts, te)
            le = te if line_end == -1 else line_end
            ls, le = _strip_tail(text, ts, le)
            m = re.search(r"[，,]\s*(?:包括|包含|主要包括|含)", text[ls:le])
            if m:
                head = _clean(self.b, text[ls : ls + m.start()])
                if len(head) >= 2:
                    sec = self._section(head, ls, ls + m.start(), doc)
                    self._requirements(ls + m.end(), le, sec)
                continue
            # "技术领域：写明要求保护的技术方案所属的技术领域" (bulk 00034): the part is before the colon
            cut = re.search(r"[。；;，,：:]", text[ls:le])
            se = ls + cut.start() if cut else le
            if cut and _patterns()["condition_tail"].search(text[ls:se]):
                # "申请人为自然人的情况下，该人的姓名、地址" (bulk 00751): the condition is no part; what
                # it asks for is
                ls = se + 1
                cut = re.search(r"[。；;，,：:]", text[ls:le])
                se = ls + cut.start() if cut else le
                ls = ls + len(re.match(r"(?:该人|其|应当|应)*的?", text[ls:se]).group(0))
            elements = _split_elements(text, ls, se)
            for a, z in elements:
                a, z = _strip_tail(text, a, z)
                name = _clean(self.b, text[a:z])
                if len(name) >= 2 and name != doc.name:
                    self._section(name, a, z, doc)

    def _section(self, name: str, s: int, e: int, parent: RubricItem) -> RubricItem:
        # sibling names are unique (GUIDE rule 15): "姓名、地址" asked of the applicant and of the respondent
        same = next((i for i in self.b.items if i.parent == parent.id and i.name == name), None)
        if same is not None:
            return same
        if _doc_word(name) and _doc_words()["section_doc_suffix"].search(name):
            return self.b.add_material(name, s, e, parent)
        return self.b.add_section(name, s, e, parent)


def read_lists(b: _Builder) -> None:
    """Add the items of every numbered list after a lead-in that no earlier reader took."""
    _ListReader(b).run()
    article_materials(b)
    prose_lists(b)
    prose_documents(b)
    _drop_placeholders(b)
    contents_after(b)
    material_notes(b)
    _parents_first(b)


def _parents_first(b: _Builder) -> None:
    """Each item after its parent (a group found after the first pass read its materials)."""
    seen: set[str] = set()
    late = False
    for item in b.items:
        late = late or (item.parent is not None and item.parent not in seen)
        seen.add(item.id)
    if not late:
        return
    children: dict[str | None, list[RubricItem]] = {}
    ids = {i.id for i in b.items}
    for item in b.items:
        children.setdefault(item.parent if item.parent in ids else None, []).append(item)
    first: dict[str, int] = {}

    def earliest(item: RubricItem) -> int:
        if item.id not in first:
            own = b.items.index(item)
            first[item.id] = min([own, *(earliest(c) for c in children.get(item.id, []))])
        return first[item.id]

    out: list[RubricItem] = []

    def visit(item: RubricItem) -> None:
        out.append(item)
        for c in sorted(children.get(item.id, []), key=earliest):
            visit(c)

    for root in sorted(children.get(None, []), key=earliest):
        visit(root)
    if len(out) == len(b.items):
        b.items[:] = out


def _drop_placeholders(b: _Builder) -> None:
    """ "下列文件", "以下材料": a lead-in read as a material (bulk 00313, 00013) names nothing; its
    children, if any, move up to its parent. A catch-all ("其他相关证明材料") is no item either."""
    generic = _patterns()["generic_name"]
    catch_all = _patterns()["catch_all"]
    for item in list(b.items):
        placeholder = re.match(r"(?:下列|以下|如下)", item.name) and generic.match(item.name)
        # "（五）其他相关证明材料" (seed 000): GUIDE rule 2, no reviewer can find it missing
        vague = catch_all.search(item.name) and not any(c.parent == item.id for c in b.items)
        closing = item.kind != "material" and _patterns()["catch_all_part"].match(item.name)
        if (item.kind == "material" and (placeholder or vague)) or (
            closing and not any(c.parent == item.id for c in b.items)
        ):
            for child in b.items:
                if child.parent == item.id:
                    child.parent = item.parent
            b.items.remove(item)
            b.ids.discard(item.id)


__all__ = ["article_materials", "classify_lead_in", "list_items", "read_lists"]


ARTICLE = re.compile(rf"^\s*第[{CN}百零〇\d]{{1,5}}条", re.MULTILINE)


def article_materials(b: _Builder) -> None:
    """Documents a regulation's articles ask to be handed in, named in a sentence (not a list).

    Only in texts laid out in 第X条 articles (at least three): there the sentence is the
    only place a material is named; a notice's prose is read by the readers in outline.py.
    """
    text = b.text
    articles = list(ARTICLE.finditer(text))
    if len(articles) < 3:
        return
    pats = _patterns()
    verb = pats["article_verbs"]
    known = {i.name for i in b.items}
    spans = [(i.provenance["start"], i.provenance["end"]) for i in b.items if i.provenance]
    for m in verb.finditer(text):
        stop = re.search(r"[，,。；;：:\n]", text[m.end() :])
        end = m.end() + (stop.start() if stop else len(text) - m.end())
        obj_s = m.end()
        # "提交的…检验报告可以是…" (bulk 00016): 提交的 modifies, it names no object
        if text[obj_s : obj_s + 1] in ("的", "了") or end - obj_s > 40 or end - obj_s < 3:
            continue
        if any(s < end and e > obj_s for s, e in spans):
            continue
        tail = _patterns()["list_tail"].search(text[obj_s:end])
        if tail:
            end = obj_s + tail.start()
        for ps, pe in _and_parts(text, obj_s, end):
            mm = pats["maker_phrase"].match(text[ps:pe])
            if mm:
                ps += mm.end()
            name = _clean(b, text[ps:pe])
            if (
                len(name) < 3
                or not _doc_words()["article_doc_suffix"].search(name)
                or not_a_name(name)
                or name in known
            ):
                continue
            known.add(name)
            b.add_material(name, ps, pe, None)


ARTICLE_AT = re.compile(rf"\s*第[{CN}百零〇\d]{{1,5}}条\s*")


def contents_after(b: _Builder) -> None:
    """ "…还应当提交建设项目水资源论证报告书。论证报告书应当包括取水水源、用水合理性…等内容。" (bulk 00197),
    "第四条 申请书应当载明申请人名称、住所、法定代表人和经营范围。": a sentence whose subject is a
    material already on the checklist names what it holds; one part per listed element (GUIDE rule 7).
    Only for a material with no parts yet, and only when the subject is the material's name or its
    tail (论证报告书 of 建设项目水资源论证报告书)."""
    text = b.text
    reader = _ListReader(b)
    taken: set[str] = set()
    for sm in re.finditer(r"(?:^|(?<=[。\n]))", text):
        at = sm.end()
        art = ARTICLE_AT.match(text, at)
        m = _patterns()["contents_after"].match(text, art.end() if art else at)
        if m is None:
            continue
        subj = _patterns()["pointer_subject"].sub("", m.group("subj")).strip()
        if len(subj) < 2 or reader.covered(*m.span("list")):
            continue
        item = None
        for cand in b.items:
            if cand.kind != "material" or cand.id in taken or any(c.parent == cand.id for c in b.items):
                continue
            name = PAREN_ANY.sub("", cand.name)
            if name == subj or (len(subj) >= 3 and name.endswith(subj)):
                item = cand
                break
        if item is None:
            continue
        ls, le = m.span("list")
        if m.group("verb") == "明确":
            ls, le = _strip_tail(text, ls, le)
            if le - ls >= 2:
                taken.add(item.id)
                b.add_requirement(text[ls:le], ls, le, item, [])
            continue
        commas = [(a, z) for a, z in _comma_elements(text, ls, le)]
        # "应当包括议案的主要内容，听取和采纳本市有关机关、组织和…的情况，…的审议意见等内容" (bulk 01644, a
        # train notice): elements that hold 、 themselves are separated by ，
        if len(commas) >= 2 and any("、" in text[a:z] for a, z in commas):
            parts = commas
        else:
            parts = _split_elements(text, ls, le)
        a, z = parts[-1]
        mm = re.search(r"(?:以及|和|及)(?!.*(?:以及|和|及))", text[a:z])
        if mm is not None and z - a <= 24 and mm.start() >= 2 and z - a - mm.end() >= 2:
            parts[-1:] = [(a, a + mm.start()), (a + mm.end(), z)]
        if len(parts) < 2:
            continue
        taken.add(item.id)
        for a, z in parts:
            a, z = _strip_tail(text, a, z)
            pname = _clean(b, text[a:z])
            if len(pname) >= 2 and not not_a_name(pname):
                b.add_section(pname, a, z, item)


def _comma_elements(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A list's elements when ， separates them: each at most 40 characters, else it is prose."""
    spans, pos = [], s
    for i in top_level_cuts(text, s, e, "，,"):
        spans.append(_strip_tail(text, pos, i))
        pos = i + 1
    spans.append(_strip_tail(text, pos, e))
    spans = [(a, z) for a, z in spans if z > a]
    from pipeline.rubric.compiler import CLAUSE_OPENER

    # "载明A、B和C，并附区位图" (bulk 01971): a clause after the list is no element of it
    if any(z - a > 40 or CLAUSE_OPENER.match(text, a) for a, z in spans):
        return [(s, e)]
    return spans


def _and_parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """ "申请注销登记报告和清理债务完结的证明": split at 和/及/以及 when both sides end like documents."""
    m = re.search(r"(?:以及|和|及|、)", text[s:e])
    if m is None:
        return [(s, e)]
    left, right = (s, s + m.start()), (s + m.end(), e)
    doc_end = _doc_words()["article_doc_suffix"]
    if doc_end.search(text[left[0] : left[1]]) and doc_end.search(text[right[0] : right[1]]):
        return [left, *_and_parts(text, *right)]
    return [(s, e)]


def _similar_material(b: _Builder, name: str) -> bool:
    key = _key(name)
    return any(i.kind == "material" and (_key(i.name) in key or key in _key(i.name)) for i in b.items)


def prose_documents(b: _Builder) -> None:
    """A document named in prose with the demands on it, when no reader found it yet:
    "编制X实施方案，明确A，确定B，做好C" (requirements, one per clause) and
    "对A、B、C等进行评估总结，形成X报告报送…" (sections). The document must be handed in
    (a submit verb before its name somewhere, or 报送/提交 after it in the same sentence)."""
    text = b.text
    pats = _patterns()
    reader = _ListReader(b)
    created: dict[str, RubricItem] = {}  # documents this reader found, by name
    later: list[tuple[str, list[tuple[int, int]]]] = []  # one-demand mentions of a document
    for m in pats["prose_doc"].finditer(text):
        doc = m.group("doc").strip(" 《》")
        stop = re.search(r"[。\n]", text[m.end() :])
        end = m.end() + (stop.start() if stop else len(text) - m.end())
        nxt = re.search(r"[。\n]", text[end + 1 :])
        after = text[end : end + 1 + (nxt.start() if nxt else 0)]
        clauses = [(end_s, end_e) for end_s, end_e in _clauses(text, m.end(), end)]
        demands = [(s, e) for s, e in clauses if pats["demand_verbs"].search(text[s:e])]
        if demands and _key(doc) in created:
            _add_demands(b, created[_key(doc)], demands)
            continue
        if _similar_material(b, doc) or not (reader.handed_in(doc) or re.search(r"报送|提交|上报", after)):
            if demands:
                later.append((_key(doc), demands))
            continue
        if len(demands) < 2:
            if demands:
                later.append((_key(doc), demands))
            continue
        material = b.add_material(doc, m.start("doc"), m.end("doc"), None)
        created[_key(doc)] = material
        _add_demands(b, material, demands)
    # sc zero waste 2018 names its 实施方案 twice: "试点城市制定…实施方案，…，明确改革试点的任务措施，…" under
    # 主要任务, then "编制…实施方案，明确试点目标，确定任务清单和分工，…" under 实施步骤. Once a document is
    # found with its demands, a demand said of it elsewhere, before or after, is one of its requirements too.
    for key, demands in later:
        if key in created:
            _add_demands(b, created[key], demands)
    for m in pats["summary_report"].finditer(text):
        doc = m.group("doc").strip(" 《》")
        if _similar_material(b, doc):
            continue
        material = b.add_material(doc, m.start("doc"), m.end("doc"), None)
        # "…进行评估总结，形成试点工作总结报告报送" (sc zero waste 2018, due 2021) reports on carrying out
        # the plan the same notice asks for: a later submission, listed but not scored with the plan
        if pats["after_the_work"].search(m.group(0)) and any(
            i.kind == "material" and i.canonical == "plan" for i in b.items
        ):
            b.later_reports.add(material.id)
        ps, pe = m.span("parts")
        for a, z in _split_elements(text, ps, pe):
            a, z = _strip_tail(text, a, z)
            name = text[a:z]
            if len(name) >= 2:
                b.add_section(name, a, z, material)
    # after the summary reports: "…进行全面自查，形成自查报告" is read there with its parts
    for m in pats["prose_report"].finditer(text):
        doc = m.group("doc").strip(" 《》")
        if _similar_material(b, doc) or not_a_name(doc):
            continue
        # this sentence and the two after it ("…撰写绩效自评报告。自评报告主要内容：…。请于3月15日前报送。")
        after_m = re.match(r"[^。]*(?:。[^。]*){0,2}", text[m.end() :])
        after = after_m.group(0) if after_m else ""
        after = after[: after.find("\n\n")] if "\n\n" in after else after
        asked = re.match(r"(?:提交|报送|上报)", m.group(0)) or re.search(
            r"报送|提交|上报|报至|报给|报市|报省|报区|报县", after
        )
        if asked:
            b.add_material(doc, m.start("doc"), m.end("doc"), None)


def _add_demands(b: _Builder, material: RubricItem, demands: list[tuple[int, int]]) -> None:
    """One requirement per demand clause ("明确试点目标" -> 试点目标), once per name."""
    verbs = _patterns()["demand_verbs"]
    for s, e in demands:
        v = verbs.search(b.text[s:e])
        rs, re_ = _strip_tail(b.text, s + v.end(), e)
        name = b.text[rs:re_]
        if re_ - rs >= 2 and not any(i.parent == material.id and i.name == name for i in b.items):
            b.add_requirement(name, rs, re_, material, [])


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, pos = [], s
    for m in re.finditer(r"[，,；;]", text[s:e]):
        if s + m.start() > pos:
            out.append((pos, s + m.start()))
        pos = s + m.end()
    if e > pos:
        out.append((pos, e))
    return [(a, z) for a, z in out if text[a:z].strip()]


def material_notes(b: _Builder) -> None:
    """A material's own line says what it covers: "区域内主要企业名单及其整体经营状况（包括2016年以来产销、
    利税…），开展技术创新、…等情况" (seed 000), "网站栏目设置说明（申请经营性…的网站需提供收费栏目及
    收费方式的说明）" (bulk 00013). The bracket leaves the name; its elements become requirements
    (GUIDE rules 7 and 13)."""
    text = b.text
    for item in list(b.items):
        if item.kind != "material" or not item.provenance or any(c.parent == item.id for c in b.items):
            continue
        m = _patterns()["note_include"].match(item.name) or _patterns()["note_demand"].match(item.name)
        if m is None:
            continue
        ps = item.provenance["start"]
        line_end = text.find("\n", ps)
        line_end = len(text) if line_end == -1 else line_end
        at = text.find(m.group("list"), ps, line_end)
        if at == -1:
            continue
        item.name = m.group("head").strip()
        elements = [(at, at + len(m.group("list")))]
        if _patterns()["note_include"].match(m.group(0)):
            elements = _split_elements(text, *elements[0])
        close = text.find("）", at, line_end)
        tail = _patterns()["note_tail"].match(text[close + 1 : line_end]) if close != -1 else None
        if tail:
            ts = close + 1 + tail.start("list")
            elements += _split_elements(text, ts, ts + len(tail.group("list")))
        for a, z in elements:
            a, z = _strip_tail(text, a, z)
            if z - a >= 2:
                b.add_requirement(text[a:z], a, z, item, [])


def prose_lists(b: _Builder) -> None:
    """ "申报材料包括：申请表、实施方案、营业执照复印件等。": one material per listed document, when
    most of the list names documents and no reader took the sentence."""
    text = b.text
    reader = _ListReader(b)
    for m in _patterns()["prose_list"].finditer(text):
        stop = re.search(r"[。\n]", text[m.end() :])
        end = m.end() + (stop.start() if stop else len(text) - m.end())
        if end - m.end() < 4 or reader.covered(m.start(), end):
            continue
        parts = []
        for a, z in _clauses_and_elements(text, m.end(), end):
            a, z = _strip_tail(text, a, z)
            name = _clean(b, text[a:z])
            if not not_a_name(name) and len(name) <= 30:
                parts.append((name, a, z))
        docs = [p for p in parts if _doc_word(p[0])]
        if len(parts) >= 2 and len(docs) * 2 >= len(parts):
            for name, a, z in parts:
                reader._find_or_add(name, a, z, None)


def _clauses_and_elements(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, z in _clauses(text, s, e):
        out += _split_elements(text, a, z)
    return out
