"""How amounts and deadlines read in tables: 800万 CNY, 30% of 展位费 (cap 2万), 5亿→30万.

Shared by ``extract`` and ``query`` so a researcher sees the same figure the
same way in both. Works on the JSON dicts of ``Document.to_dict()`` and on
store rows (where a duration is flattened to duration_value/duration_unit).
"""

from __future__ import annotations

from typing import Any


def money(value: float | None) -> str:
    if value is None:
        return "?"
    if abs(value) >= 1e8 and value % 1e6 == 0:
        return f"{value / 1e8:g}亿"
    if abs(value) >= 1e4 and value % 100 == 0:
        return f"{value / 1e4:g}万"
    return f"{value:g}"


def _currency(a: dict[str, Any]) -> str:
    cur = a.get("currency") or "CNY"
    return "" if cur == "CNY" else f" {cur}"


def _bound(value: float | None, inclusive: bool | None, side: str) -> str:
    if value is None:
        return ""
    mark = {("low", True): "≥", ("low", False): ">", ("high", True): "≤", ("high", False): "<"}.get(
        (side, bool(inclusive)) if inclusive is not None else (side, True)
    )
    return f"{mark}{money(value)}"


def amount_figure(a: dict[str, Any]) -> str:
    """The normalised reading of one amount, without its kind."""
    kind = a.get("kind")
    if kind in ("percent", "rate") and (a.get("percent") is not None or a.get("low") is not None):
        pct = f"{a['percent']:g}%" if a.get("percent") is not None else f"{a.get('low'):g}–{a.get('high'):g}%"
        out = pct + (f" of {a['base']}" if a.get("base") else "")
        return out + (f" (cap {money(a['cap'])})" if a.get("cap") else "")
    if kind == "range" or (a.get("value") is None and (a.get("low") is not None or a.get("high") is not None)):
        parts = [_bound(a.get("low"), a.get("low_inclusive"), "low"), _bound(a.get("high"), a.get("high_inclusive"), "high")]
        return " ".join(p for p in parts if p) + _currency(a)
    if kind == "floor":
        return _bound(a.get("value") if a.get("value") is not None else a.get("low"), a.get("low_inclusive"), "low") + _currency(a)
    if kind == "cap":
        return _bound(a.get("value") if a.get("value") is not None else a.get("high"), a.get("high_inclusive"), "high") + _currency(a)
    out = f"{money(a.get('value'))}{_currency(a)}"
    if kind == "per_unit" and a.get("per"):
        out += f" per {a['per']}"
    return out


def amount_summary(a: dict[str, Any]) -> str:
    return f"{a.get('kind')} {amount_figure(a)}"


def amounts_summary(amounts: list[dict[str, Any]]) -> str:
    """One phrase per amount; a tier list becomes threshold → reward pairs."""
    parts: list[str] = []
    tiers: dict[str, dict[int, dict[str, dict[str, Any]]]] = {}
    for a in amounts:
        if a.get("tier_group") and a.get("role") in ("threshold", "reward") and a.get("tier_index") is not None:
            tiers.setdefault(a["tier_group"], {}).setdefault(a["tier_index"], {})[a["role"]] = a
            continue
        parts.append(amount_summary(a))
    for group in tiers.values():
        if not any("threshold" in s for s in group.values()):
            # the rungs are named, not measured (国家级、省部级…分别给予50万元、20万元): rewards in order
            parts.append("tiers " + " / ".join(amount_figure(s["reward"]) for _, s in sorted(group.items())))
            continue
        steps = [
            f"{amount_figure(s['threshold']) if 'threshold' in s else '?'}→{amount_figure(s['reward']) if 'reward' in s else '?'}"
            for _, s in sorted(group.items())
        ]
        parts.append("tiers " + ", ".join(steps))
    return "; ".join(parts)


def deadline_summary(d: dict[str, Any]) -> str:
    duration = d.get("duration") or (
        {"value": d["duration_value"], "unit": d.get("duration_unit")} if d.get("duration_value") is not None else None
    )
    if d.get("date"):
        when = d["date"]
    elif duration:
        when = f"{duration['value']:g} {duration['unit']}"
    elif d.get("recurrence"):
        when = d["recurrence"]
    else:
        when = d.get("text") or ""
    if d.get("recurrence") and d.get("date") is None and duration:
        when = f"{d['recurrence']}, {when}"
    return f"{d.get('kind')} {when}"
