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

PAREN = re.compile(r"[（(][^（）()]*[)）]")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_data("attached_documents.yaml")
    return {k: re.compile(v) for k, v in data.items()}


def _core(name: str) -> str:
    return re.sub(r"[《》“”\s]", "", PAREN.sub("", name))


def is_separate_document(item: RubricItem) -> bool:
    return item.kind == "material" and bool(_patterns()["separate_document"].search(_core(item.name)))


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def attached_status(item: RubricItem, text: str) -> tuple[str, tuple[int, int]] | None:
    """("present" | "empty", span of the line) when the plan names the document as attached, else None."""
    name = _core(item.name)
    names = [n for n in dict.fromkeys([name, *(_core(s) for s in item.synonyms)]) if len(n) >= 3]
    if not names:
        return None
    pats = _patterns()
    lines = _lines(text)
    in_list = False  # inside a "附件：1.… 2.…" list
    for ls, le in lines:
        line = text[ls:le]
        if not line.strip():
            in_list = False
            continue
        listing = bool(re.match(r"^\s*(?:附件|附表|附)\s*\d*\s*[：:]", line))
        in_list = listing or (in_list and bool(re.match(r"^\s*\d{1,2}\s*[.、．]", line)))
        flat = re.sub(r"\s", "", line)
        if not any(n in flat for n in names):
            continue
        if pats["promised_only"].search(line):
            return "empty", (ls, le)
        if in_list or pats["attached_line"].search(line):
            return "present", (ls, le)
    return None
