"""Rich tables for the terminal: one plan's checklist, and a batch summary."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from pipeline.report.common import STATUS_LABEL, STATUS_RICH, as_dict, item_depths, short_name, tree_order


def render_table(result: Any, *, show_present: bool = True) -> Table:
    """The checklist of one CheckResult: item (indented by depth), status, reason."""
    data = as_dict(result)
    items = data.get("items", [])
    depths = item_depths(items)
    score = data.get("score")
    table = Table(
        title=f"{data.get('plan')} — 得分 {score:.1f}"
        if isinstance(score, (int, float))
        else str(data.get("plan"))
    )
    table.add_column("项目")
    table.add_column("状态")
    table.add_column("原因", overflow="fold")
    for item in tree_order(items):
        if not show_present and item["status"] == "present":
            continue
        status = item["status"]
        table.add_row(
            "  " * depths.get(item["id"], 0) + item["name"],
            f"[{STATUS_RICH.get(status, 'white')}]{STATUS_LABEL.get(status, status)}[/]",
            item.get("reason") or "",
        )
    return table


def summary_table(rows: list[dict[str, Any]], *, title: str = "批量初筛结果") -> Table:
    """Rank, applicant, score, missing/empty items — what the demo and `screen` print."""
    table = Table(title=title)
    table.add_column("排名", justify="right")
    table.add_column("申报单位")
    table.add_column("得分", justify="right")
    table.add_column("缺失项", overflow="fold")
    table.add_column("空白/占位项", overflow="fold")
    table.add_column("问题文件", overflow="fold")
    for r in rows:
        score = r.get("score")
        colour = "green" if (score or 0) >= 85 else "yellow" if (score or 0) >= 60 else "red"
        table.add_row(
            str(r.get("rank") or "—"),
            r.get("applicant", ""),
            f"[{colour}]{score:.1f}[/]" if isinstance(score, (int, float)) else "—",
            "；".join(short_name(n) for n in r.get("missing_items") or []),
            "；".join(short_name(n) for n in r.get("empty_items") or []),
            str(len(r.get("errors") or [])) if r.get("errors") else "",
        )
    return table
