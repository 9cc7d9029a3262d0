"""What checking one plan returns: per-item results, the score, and flags.

The JSON form (``to_dict``) is what the report renderers and ``policylens
screen`` consume; it carries no plan text (the renderer loads the plan and
uses the evidence offsets into its normalised text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from pipeline.rubric.schema import Rubric

STATUSES = ("present", "partial", "empty", "missing")


@dataclass(slots=True)
class ItemResult:
    """One rubric item's finding in one plan.

    ``evidence`` spans are offsets into the plan's normalised text;
    ``contribution`` is the points (of 100) this item adds to the score, so
    the score can be explained item by item.
    """

    id: str
    name: str
    parent: str | None
    kind: str
    status: str
    weight: float
    evidence: list[dict[str, Any]] = field(default_factory=list)  # [{text, start, end}]
    reason: str = ""
    section_start: int | None = None
    section_end: int | None = None
    section_title: str | None = None  # the plan's heading that matched
    match: str | None = None  # how it matched: synonym, fuzzy, classifier, text
    check: str = "present"
    scope: str = "plan"
    credit: float = 0.0  # 0..1 after blending children
    path: str = ""  # the notice's wording from the plan's top down: "详细实施方案/工作机制/职责分工"
    contribution: float = 0.0  # points of the 100-point score

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "parent": self.parent,
            "kind": self.kind,
            "status": self.status,
            "weight": self.weight,
            "evidence": [dict(e) for e in self.evidence],
            "reason": self.reason,
            "path": self.path,
            "check": self.check,
            "scope": self.scope,
            "section_start": self.section_start,
            "section_end": self.section_end,
            "section_title": self.section_title,
            "match": self.match,
            "credit": round(self.credit, 4),
            "contribution": round(self.contribution, 2),
        }


FRAME_COLUMNS = [
    "plan",
    "id",
    "name",
    "path",
    "parent",
    "kind",
    "status",
    "weight",
    "credit",
    "contribution",
    "reason",
    "check",
    "scope",
    "section_title",
    "section_start",
    "section_end",
    "match",
    "evidence",
]


@dataclass(slots=True)
class CheckResult:
    plan: str
    score: float
    items: list[ItemResult]
    flags: list[str]
    rubric: Rubric
    plan_sha256: str | None = None

    def item(self, item_id: str) -> ItemResult:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan,
            "plan_sha256": self.plan_sha256,
            "score": round(self.score, 1),
            "items": [i.to_dict() for i in self.items],
            "flags": list(self.flags),
            "rubric": {
                "source": self.rubric.source,
                "sha256": self.rubric.sha256,
                "title": self.rubric.title,
            },
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per rubric item (evidence as '; '-joined quotes)."""
        import pandas as pd

        rows = []
        for i in self.items:
            d = i.to_dict()
            d["plan"] = self.plan
            d["evidence"] = "; ".join(e["text"] for e in i.evidence)
            rows.append({c: d.get(c) for c in FRAME_COLUMNS})
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)
