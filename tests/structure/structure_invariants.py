"""Span invariants every structure stage must keep, on any input."""

from __future__ import annotations

import datetime as dt

from pipeline.model import Document


def check_invariants(doc: Document) -> list[str]:
    """Problems found (empty when the document is consistent)."""
    text, n = doc.text, len(doc.text)
    problems: list[str] = []
    by_id = {s.id: s for s in doc.sections}
    if len(by_id) != len(doc.sections):
        problems.append("duplicate section ids")
    for s in doc.sections:
        hs = s.heading_start if s.heading_start is not None else s.start
        he = s.heading_end if s.heading_end is not None else s.start
        if not (0 <= s.start <= hs <= he <= s.end <= n):
            problems.append(f"section {s.id} span {s.start},{hs},{he},{s.end} out of order")
        if s.parent is not None:
            p = by_id.get(s.parent)
            if p is None:
                problems.append(f"section {s.id} parent {s.parent} missing")
            elif not (p.level < s.level and p.start <= s.start and s.end <= p.end):
                problems.append(f"section {s.id} not inside parent {p.id}")
        elif s.level < 1:
            problems.append(f"section {s.id} level {s.level}")
    for name, item in doc.spans():
        if text[item.start : item.end] != item.text:
            problems.append(f"{name} span {item.start}:{item.end} does not match its text")
    for a in doc.attachments:
        if not (0 <= a.start <= a.end <= n):
            problems.append(f"attachment span {a.start}:{a.end} out of range")
    for field, (a, b) in doc.meta.spans.items():
        if not (0 <= a <= b <= n):
            problems.append(f"meta span {field} out of range")
    for field in ("date", "issued_date"):
        value = getattr(doc.meta, field)
        if value is not None:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                problems.append(f"meta.{field} {value!r} is not an ISO date")
    return problems
