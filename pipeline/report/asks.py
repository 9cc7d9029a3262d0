"""What to ask the applicant for: missing/empty/partial items in a reviewer's words.

A reviewer writes back to the county; the list must read like that letter,
not like the checker's internals. One line per missing or empty item; one
line per incomplete section naming its unmet requirements; requirements of a
section that is itself missing are covered by that section's line.
"""

from __future__ import annotations

from typing import Any

from pipeline.report.common import as_dict

_PROBLEM = ("missing", "empty", "partial")


def ask_list(result: Any) -> list[str]:
    data = as_dict(result)
    items = data.get("items", [])
    by_id = {i["id"]: i for i in items}
    kids: dict[str, list[dict[str, Any]]] = {}
    for i in items:
        if i.get("parent"):
            kids.setdefault(i["parent"], []).append(i)

    def covered_by_ancestor(item: dict[str, Any]) -> bool:
        cur = by_id.get(item.get("parent") or "")
        while cur is not None:
            if cur["status"] in ("missing", "empty"):
                return True
            cur = by_id.get(cur.get("parent") or "")
        return False

    asks: list[str] = []
    for item in items:
        status, name, kind = item["status"], item["name"], item.get("kind")
        if status not in _PROBLEM or covered_by_ancestor(item):
            continue
        children = kids.get(item["id"], [])
        if kind == "requirement":
            parent = by_id.get(item.get("parent") or "")
            # requirements of a partial parent are listed on the parent's line
            if parent is not None and parent["status"] == "partial" and parent.get("kind") != "requirement":
                continue
            where = f"“{parent['name']}”中" if parent else ""
            verb = "补充" if status != "partial" else "补充完善"
            asks.append(f"请在{where}{verb}：{name}。")
        elif status == "missing":
            if item.get("scope") == "dossier" or (kind == "material" and not item.get("parent")):
                asks.append(f"请补充提交《{name}》。")
            else:
                asks.append(f"实施方案缺少“{name}”部分，请补充。")
        elif status == "empty":
            asks.append(f"“{name}”只有标题或“略/另附/待补充”等占位内容，请补充具体内容。")
        else:  # partial
            unmet = [
                c["name"] for c in children if c["status"] != "present" and c.get("kind") == "requirement"
            ]
            parts = [
                c["name"] for c in children if c["status"] != "present" and c.get("kind") != "requirement"
            ]
            if parts and not unmet:
                continue  # a container: its parts have their own lines
            if unmet:
                asks.append(f"“{name}”内容不完整，请补充：{'；'.join(unmet)}。")
            else:
                asks.append(f"“{name}”内容过于简略，请补充具体内容。")
    return asks
