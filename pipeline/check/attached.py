"""Separate documents (决议, 承诺函, 推荐意见) judged by whether the plan says they are attached.

GUIDE (corpora/plans): a material that is by nature a separate document counts as
``present`` when the plan states it is attached (附后, 另附, 见附件3, or a line of the
plan's "附件：" list); a line that only promises it ("另行报送") leaves it ``empty``.
A plan never holds such a document under a heading of its own, so the heading
matcher either misses it or reads "附件：村民代表大会决议（附后）" as a heading with a
placeholder body (plans_dev2 a1, b1).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.data import load_data
from pipeline.rubric.schema import RubricItem
from pipeline.structure.lines import line_spans

PAREN = re.compile(r"[（(][^（）()]*[)）]")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_data("attached_documents.yaml")
    return {k: re.compile(v) for k, v in data.items()}


def _core(name: str) -> str:
    return re.sub(r"[《》“”\s]", "", PAREN.sub("", name))


def is_separate_document(item: RubricItem) -> bool:
    """A document the plan can only attach: named like one (决议, 承诺书, 审计报告), or one the notice
    says to attach ("须附…", a materials table's "须附后": plans_dev3 v3 居民意见征集汇总材料)."""
    if item.kind != "material":
        return False
    if item.params.get("attach") or _patterns()["attach_demand"].search(
        str(item.params.get("qualifier") or "")
    ):
        return True
    return bool(_patterns()["separate_document"].search(_core(item.name)))


def alternatives(name: str) -> list[str]:
    """A document the notice names as "A或B" is either: "服务场所产权证明或租赁合同" -> 服务场所产权证明, 租赁合同.

    A 公文 names alternatives a reviewer accepts one of (产权证明或租赁合同, 营业执照或登记证书);
    a plan attaches the one it has (holdout h3: "附件：服务场所租赁合同（复印件）").
    """
    parts = [p for p in re.split(r"或者|或", name) if p]
    return parts if len(parts) >= 2 else []


NAME_COVERAGE = 0.6


def names_it(line: str, names: list[str]) -> bool:
    """The line names the document: a name in it, or (names of 6+ characters) most of a name's character pairs.

    A plan names a document its own way: "青岑丰链…有限公司2023年、2024年财务审计报告" for 项目单位…财务
    审计报告, "项目用地批复…和环评批复…复印件" for 项目用地、环评批复文件复印件 (plans_dev3 v2a).
    """
    flat = PAREN.sub("", line)
    if any(n in line or n in flat for n in names):
        return True
    have: frozenset[str] | None = None
    for n in names:
        want = _pairs(re.sub(r"(?:19|20)\d\d年?|[、，,]", "", n))
        if len(want) < 5:
            continue
        have = _pairs(flat) if have is None else have
        if len(want & have) >= NAME_COVERAGE * len(want):
            return True
    return False


@lru_cache(maxsize=16384)
def _pairs(s: str) -> frozenset[str]:
    s = re.sub(r"[^\u4e00-\u9fff]", "", s)
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


# who submits: a plan writes its own name there ("青岑丰链…有限公司2023年、2024年财务审计报告", plans_dev3 v2a)
_SUBMITTER = re.compile(r"^(?:项目单位|申报单位|申请单位|项目法人|本单位|企业|公司|单位)")


def _names(item: RubricItem) -> list[str]:
    name = _core(item.name)
    found = [name, *(_core(s) for s in item.synonyms)]
    found += [alt for n in list(found) for alt in alternatives(n)]
    bare = re.sub(r"(?:19|20)\d\d年?[、，,和及至—\-]*", "", _SUBMITTER.sub("", name))
    if len(bare) >= 4 and bare != name:
        found.append(bare)
    return [n for n in dict.fromkeys(found) if len(n) >= 3 or (n != name and len(n) >= 2)]


# the head of an attachment list: "附件：", "附件（附后）：" (plans_dev4 a1)
_LIST_HEAD = re.compile(r"^\s*(?:附件|附表|附)\s*\d*\s*(?:[（(][^（）()]{0,8}[)）])?\s*[：:]")


def attached_status(item: RubricItem, text: str) -> tuple[str, tuple[int, int]] | None:
    """("present" | "empty", span of the line) when the plan names the document as attached, else None."""
    names = _names(item)
    if not names:
        return None
    pats = _patterns()
    # a material named by kind is answered by lines naming documents of that kind
    kind_lines = [
        pats[f"{kind}_line"]
        for kind in ("approval_documents", "policy_documents", "consent_documents")
        if f"{kind}_name" in pats and f"{kind}_line" in pats and pats[f"{kind}_name"].search(_core(item.name))
    ]
    lines = line_spans(text)
    in_list = False  # inside a "附件：1.… 2.…" list
    for k, (ls, le) in enumerate(lines):
        line = text[ls:le]
        if not line.strip():
            in_list = False
            continue
        listing = bool(_LIST_HEAD.match(line))
        in_list = listing or (in_list and bool(re.match(r"^\s*\d{1,2}\s*[.、．]", line)))
        flat = re.sub(r"\s", "", line)
        # a material named by kind ("相关手续的证明文件") is named by the approvals themselves
        if not names_it(flat, names) and not any(p.search(flat) for p in kind_lines):
            continue
        if pats["promised_only"].search(line):
            return "empty", (ls, le)
        if in_list or pats["attached_line"].search(line):
            body = _heading_body(text, lines, k) if not in_list else None
            if body is not None and pats["promised_only"].search(text[body[0] : body[1]]):
                # "附件2 县人民政府关于…的承诺文件" as the head of an attachment whose only line is
                # "…正在履行审批程序，另行报送。" (holdout2 m2b): the heading announces it, the body puts it off
                return "empty", body
            return "present", (ls, le)
    return None


def _heading_body(text: str, lines: list[tuple[int, int]], k: int) -> tuple[int, int] | None:
    """The one line under an attachment heading "附件2 …承诺文件" (the line names the document and
    is not itself "…（附后）"): the next non-blank line, unless it starts another attachment."""
    line = text[lines[k][0] : lines[k][1]]
    if not re.match(r"^\s*附[件表]\s*\d*", line) or re.search(r"附后|另附|后附|见附件", line):
        return None
    for ls, le in lines[k + 1 : k + 4]:
        nxt = text[ls:le]
        if not nxt.strip():
            continue
        return None if re.match(r"^\s*附[件表]", nxt) else (ls, le)
    return None


def deferred_line(item: RubricItem, text: str) -> tuple[int, int] | None:
    """The line that names a material the plan holds no heading for and only puts it off.

    GUIDE (corpora/plans): content the notice expects inside the plan that is only referred
    to an attachment or promised ("数字政府建设自评报告（2022—2024年）另行报送", "重点项目清单见附件3")
    is ``empty``, not ``missing``: the plan names it, the reviewer cannot see it.
    """
    names = _names(item) + _short_names(item)
    if not names:
        return None
    pats = _patterns()
    for ls, le in line_spans(text):
        flat = re.sub(r"\s", "", text[ls:le])
        if not names_it(flat, names):
            continue
        listed = bool(re.match(r"^\s*(?:附件|附表|附)\s*\d*\s*[：:]|^\s*\d{1,2}\s*[.、．]", text[ls:le]))
        if (
            pats["promised_only"].search(flat)
            or pats["pointer_only"].search(flat)
            or (listed and _in_attachment_list(text, ls))
        ):
            return ls, le
    return None


def _short_names(item: RubricItem) -> list[str]:
    """The document's head, its last two words: a plan puts off "自评报告" for 村级发展自评报告（2023—2024年）.

    Only for lines that defer or point elsewhere (deferred_line), where a head this short is safe.
    """
    from pipeline.extract.segment import words

    ws = [w for w in words(re.sub(r"(?:19|20)\d\d年?", "", _core(item.name))) if w.strip()]
    head = "".join(ws[-2:])
    return [head] if len(ws) > 2 and len(head) >= 4 else []


def _in_attachment_list(text: str, line_start: int) -> bool:
    """Is the line a row of the plan's "附件：1.… 2.…" list (not a numbered line of the body)?"""
    in_list = False
    for ls, le in line_spans(text):
        line = text[ls:le]
        if not line.strip():
            in_list = False
        else:
            listing = bool(_LIST_HEAD.match(line))
            in_list = listing or (in_list and bool(re.match(r"^\s*\d{1,2}\s*[.、．]", line)))
        if ls == line_start:
            return in_list
    return False


_TRAILING_PAREN = re.compile(r"[（(]([^（）()]{1,16})[)）]\s*[：:]?\s*$")


def heading_defers(title: str) -> bool:
    """The heading itself leaves its content out: "申报表（略）", "项目申报表（见附件1）", "统计表（另行报送）".

    GUIDE: "申请表 略" is ``empty``. A plan that writes the placeholder into the heading's own
    parentheses says so for the whole item, whatever text happens to follow the line (the next
    material's title and preamble, holdout3 k3c). Only the last parenthetical counts:
    "（一）总体目标（2026—2028年）" is a period, not a deferral.
    """
    m = _TRAILING_PAREN.search(title.strip())
    if m is None:
        return False
    inside = f"（{m.group(1)}）"
    pats = _patterns()
    return bool(pats["pointer_only"].search(inside) or pats["promised_only"].search(inside))
