"""Materials grouped by 专题 in a 申报指南.

A 申报指南 with several 专题 gives each its own materials ("(3) 专题材料：① 场地使用协议；② …")
and then the materials every application shares ("三、通用申报材料"). A reviewer ticks each 专题's
materials as a group named by its heading, and the shared ones as one more group (GUIDE rule 6).
A material demanded inside a 专题's other lines ("牵头单位须附…证明") belongs to that 专题 too;
a 专题 with no materials of its own ("本专题无专门材料") is no group. Patterns:
``pipeline/data/rubric_groups.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pipeline.data import load_data
from pipeline.structure.lines import line_spans

if TYPE_CHECKING:
    from pipeline.rubric.compiler import _Builder

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
ITEM = re.compile(rf"\s*(?:[{CIRCLED}]|[（(]\d{{1,2}}[)）]|\d{{1,2}}[)）])\s*")


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return {k: re.compile(v, re.MULTILINE) for k, v in load_data("rubric_groups.yaml").items()}


def read_topics(b: _Builder) -> bool:
    """A group per 专题 with materials, and one for the shared materials; False when there are no 专题."""
    from pipeline.rubric.compiler import NEXT_CHAPTER
    from pipeline.rubric.hints import read_hint
    from pipeline.rubric.lists import _parents_first

    text = b.text
    r = _rules()
    heads = list(r["topic_heading"].finditer(text))
    if len(heads) < 2:
        return False
    shared = r["shared_heading"].search(text, heads[-1].end())
    found = False
    for n, h in enumerate(heads):
        end = heads[n + 1].start() if n + 1 < len(heads) else len(text)
        nxt = NEXT_CHAPTER.search(text, h.end(), end)
        end = nxt.start() if nxt else end
        mm = r["topic_materials"].search(text, h.end(), end)
        if mm is None:
            continue
        lines = []
        for ls, le in line_spans(text, mm.end(), end):
            line = text[ls:le]
            im = ITEM.match(line)
            if im is None:
                if lines or line.strip():
                    if lines:
                        break
                    continue
            else:
                lines.append((ls + im.end(), le))
        if mm.end() < len(text) and text[mm.end()] != "\n" and not lines:
            continue  # "专题材料：本专题无专门材料" — no list, no group
        if not lines:
            continue
        group = b.add_material(h.group(1), h.start(1), h.end(1), None)
        found = True
        for ls, le in lines:
            le = ls + len(text[ls:le].rstrip(" ；;。"))
            cut = re.search(r"[，,]", text[ls:le])
            ne = ls + cut.start() if cut else le
            known = next((i for i in b.items if i.provenance and i.provenance["start"] == ls), None)
            if known is not None:
                known.parent = group.id  # a list reader read the line already: regroup it
                continue
            material = b.add_material(text[ls:ne], ls, ne, group)
            if cut:
                read_hint(b, ne + 1, le, material)  # "临床研究方案，须写明A、B和C"
        # "牵头单位须附…证明" in the 专题's 申报要求: that 专题's material
        for item in b.items:
            p = item.provenance
            inside = item.kind == "material" and item is not group and p and h.end() <= p["start"] < end
            if inside and (item.parent is None or not _inside(b, item.parent, h.end(), end)):
                item.parent = group.id
    if found and shared is not None:
        group = b.add_material(shared.group(1), shared.start(1), shared.end(1), None)
        nxt = NEXT_CHAPTER.search(text, shared.end())
        end = nxt.start() if nxt else len(text)
        for item in b.items:
            p = item.provenance
            if (
                item.kind == "material"
                and item.parent is None
                and item is not group
                and p
                and shared.end() <= p["start"] < end
            ):
                item.parent = group.id
    if found:
        _parents_first(b)
    return found


def _inside(b: _Builder, item_id: str, start: int, end: int) -> bool:
    item = next((i for i in b.items if i.id == item_id), None)
    return bool(item and item.provenance and start <= item.provenance["start"] < end)
