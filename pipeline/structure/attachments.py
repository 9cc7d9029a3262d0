"""Attachments a document lists, opens as parts, or refers to.

A reviewer checking a dossier needs to know which attachments the notice
asks for (seed 000: 申请表 ``（见附件1）``, 评价指标体系 ``（见附件2）``) even when
the notice never prints an ``附件：`` list, so references count as well as
lists and part headings. One Attachment per attachment number; its span is
where it is first named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.data import load_data
from pipeline.model import Attachment, Document
from pipeline.structure.lines import Line, text_lines

_CLAUSE_BREAK = "，。；;：:、（）()\n"


@dataclass(frozen=True, slots=True)
class _Rules:
    list_intro: re.Pattern[str]
    list_item: re.Pattern[str]
    labelled: re.Pattern[str]
    reference: re.Pattern[str]
    extensions: tuple[str, ...]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    d = load_data("attachments.yaml")
    return _Rules(
        list_intro=re.compile(d["list_intro"]),
        list_item=re.compile(d["list_item"]),
        labelled=re.compile(d["labelled"]),
        reference=re.compile(d["reference"]),
        extensions=tuple(d["file_extensions"]),
    )


def extract_attachments(doc: Document) -> Document:
    """Stage ``structure.attachments.v1``: fill ``doc.attachments``."""
    found: list[Attachment] = []
    seen: set[str] = set()
    by_number: dict[str, Attachment] = {}

    def add(number: str | None, title: str, start: int, end: int) -> None:
        title = _clean_title(title)
        key = number or "title:" + title
        if number in by_number and title and not by_number[number].title:
            # QA F18 (天河 kindergarten plan): the list says only "附件4.docx"; the body names it
            # later, 《广州市义务教育阶段政策性照顾学生清单》（附件4）: that name is its title
            by_number[number].title = title
            seen.add("title:" + title)
            return
        if key in seen or (not title and number is None):
            return
        seen.add(key)
        if title:
            seen.add("title:" + title)
        found.append(Attachment(number=number, title=title, start=start, end=end))
        if number:
            by_number[number] = found[-1]

    lines = text_lines(doc.text)
    for number, title, start, end in _listed(lines):
        add(number, title, start, end)
    for s in doc.sections:
        if s.style == "attachment" and s.number:
            if "title:" + _clean_title(s.title) in seen:
                continue
            add(s.number, s.title, s.heading_start or s.start, s.heading_end or s.start)
    for number, title, start, end in _referenced(doc.text):
        add(number, title, start, end)
    for a in found:
        if not a.title:  # a bare file link and nothing names it: its file name, not a blank
            a.title = doc.text[a.start : a.end].strip()
    doc.attachments = sorted(found, key=lambda a: a.start)  # replace: idempotent on re-run
    return doc


def _label(raw: str) -> str:
    return re.sub(r"\s+", "", raw)


def _listed(lines: list[Line]) -> list[tuple[str | None, str, int, int]]:
    """Items of 附件：lists and labelled 附件N：title lines."""
    r = rules()
    out: list[tuple[str | None, str, int, int]] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        intro = r.list_intro.match(ln.text)
        if intro:
            label = _label(intro.group("label"))
            rest = intro.group("rest").strip()
            expected = 1
            if rest:
                item = r.list_item.match(rest)
                offset = ln.start + intro.start("rest")
                if item and _item_number(item) == 1:
                    out.append((f"{label}1", item.group("title"), offset, ln.end))
                    expected = 2
                else:  # "附件：广州市就业见习基地申请程序": a single, unnumbered attachment
                    out.append((None, rest, offset, ln.end))
                    i += 1
                    continue
            j = i + 1
            while j < len(lines):
                item = r.list_item.match(lines[j].text)
                if not item or _item_number(item) != expected:
                    break
                label_j = _label(item.group("label")) if item.group("label") else label
                out.append((f"{label_j}{expected}", item.group("title"), lines[j].start, lines[j].end))
                expected += 1
                j += 1
            i = j
            continue
        labelled = r.labelled.match(ln.text)
        if labelled:
            number = _label(labelled.group("label")) + labelled.group("n")
            out.append((number, labelled.group("title"), ln.start, ln.end))
        i += 1
    return out


def _item_number(item: re.Match[str]) -> int:
    return int(item.group("n") or item.group("ln"))


def _referenced(text: str) -> list[tuple[str | None, str, int, int]]:
    """``申请表（见附件1）``: the attachment and the phrase that names it."""
    out: list[tuple[str | None, str, int, int]] = []
    for m in rules().reference.finditer(text):
        whole = m.group(0)
        if not (whole[0] in "（(" or "见" in whole or "参照" in whole):
            continue
        number = _label(m.group("label")) + m.group("n")
        out.append((number, _phrase_before(text, m.start()), m.start(), m.end()))
    return out


def _phrase_before(text: str, pos: int) -> str:
    """The clause just before a reference, skipping one sentence end (seed 000 "…完成情况。（见附件2）")."""
    end = pos
    while end > 0 and text[end - 1] in "。；;， ":
        end -= 1
    start = end
    while start > 0 and text[start - 1] not in _CLAUSE_BREAK and end - start < 40:
        start -= 1
    phrase = text[start:end]
    if phrase.endswith("》") and "《" in phrase:  # 填报《…基础信息表》（详见附件2）
        return phrase[phrase.rindex("《") + 1 : -1]
    phrase = phrase.rsplit("》", 1)[-1]  # 《实施方案》包括申请表（见附件1）
    return re.sub(r"^(包括|包含|即|如|填写|填报|提交|报送|详见|参见)", "", phrase)


def _clean_title(title: str) -> str:
    title = title.strip()
    if "." + title.lower() in rules().extensions:  # 天河幼儿园 "附件1.docx": a bare file link
        return ""
    for ext in rules().extensions:
        if title.lower().endswith(ext):
            title = title[: -len(ext)]
            break
    return title.strip().rstrip("；;。，,")
