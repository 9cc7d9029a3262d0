"""Shared helpers: result dicts, the item tree, status labels and colours."""

from __future__ import annotations

from typing import Any

STATUS_LABEL = {"present": "齐全", "partial": "不完整", "empty": "空白/占位", "missing": "缺失"}
# one colour per status, used by HTML badges, Excel fills and rich styles alike
STATUS_COLOUR = {"present": "2E7D32", "partial": "EF6C00", "empty": "C62828", "missing": "8E0000"}
STATUS_RICH = {"present": "green", "partial": "yellow", "empty": "red", "missing": "bold red"}
KIND_LABEL = {"material": "材料", "section": "章节", "requirement": "要求"}


def as_dict(result: Any) -> dict[str, Any]:
    """A CheckResult, or its to_dict() form, as the dict form."""
    if isinstance(result, dict):
        return result
    return result.to_dict()


def item_depths(items: list[dict[str, Any]]) -> dict[str, int]:
    """item id -> depth in the rubric tree (0 = top level)."""
    by_id = {i["id"]: i for i in items}
    out: dict[str, int] = {}
    for item in items:
        depth, cur, seen = 0, item, set()
        while cur.get("parent") and cur["parent"] in by_id and cur["id"] not in seen:
            seen.add(cur["id"])
            cur = by_id[cur["parent"]]
            depth += 1
        out[item["id"]] = depth
    return out


def name_path(items: list[dict[str, Any]], item_id: str) -> list[str]:
    by_id = {i["id"]: i for i in items}
    names: list[str] = []
    cur = by_id.get(item_id)
    while cur is not None and len(names) < 20:
        names.append(cur["name"])
        cur = by_id.get(cur.get("parent")) if cur.get("parent") else None
    return list(reversed(names))


def missing_names(result: dict[str, Any], status: str) -> list[str]:
    """Names of plan-scope materials/sections (not sub-requirements) with ``status``."""
    return [
        i["name"] for i in result.get("items", []) if i["status"] == status and i.get("kind") != "requirement"
    ]


def tree_order(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items depth-first (each parent followed by its children), keeping rubric order among siblings.

    The checker lists sections before the requirements of all sections; a
    reviewer reads each section with its requirements under it.
    """
    ids = {i["id"] for i in items}
    kids: dict[str | None, list[dict[str, Any]]] = {}
    for i in items:
        parent = i.get("parent") if i.get("parent") in ids else None
        kids.setdefault(parent, []).append(i)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()

    def walk(parent: str | None) -> None:
        for child in kids.get(parent, []):
            if child["id"] in seen:
                continue
            seen.add(child["id"])
            out.append(child)
            walk(child["id"])

    walk(None)
    out.extend(i for i in items if i["id"] not in seen)  # cycles: never lose an item
    return out


def short_name(name: str, limit: int = 16) -> str:
    """A material's name short enough for a table cell: brackets dropped, then cut."""
    import re

    core = re.sub(r"[（(][^（()）]*[)）]", "", name).strip() or name
    return core if len(core) <= limit else core[: limit - 1] + "…"
