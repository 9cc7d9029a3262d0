"""The checklist a notice compiles into: `Rubric` and its `RubricItem`s, and their validation.

A rubric is meant to be read and edited by a reviewer (weights, synonyms,
extra items), so it is plain data with a YAML form; everything a reviewer
can get wrong is checked here, once, with a message naming the file, the
item and the fix (the scikit-learn habit of one validation template).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import RubricError

KINDS = ("material", "section", "requirement")
SCOPES = ("plan", "dossier")

# Check types the checker implements (pipeline/check/requirements.py); the
# rubric names them so that an edited rubric with a typo fails on load.
CHECK_TYPES = (
    "present",  # the item is there with a non-empty body
    "mentions",  # the body mentions the requirement's keywords
    "has_numbers",  # quantified: a number with a unit (亿元, 万美元, %, 个 ...)
    "has_growth_rate",  # a growth figure: 增长10%, 增幅15%
    "names_units_and_posts",  # responsible units (…局/…委/领导小组) and posts (局长/负责人)
    "names_units",  # an implementing body (…公司/…局/…中心)
    "has_money",  # a money figure (万元/亿元/万美元)
    "has_money_per_year",  # money figures for each year in params.years
    "covers_years",  # every year in params.years is mentioned
    "has_items",  # an enumerated list of concrete measures (operability)
    "assigns_duties",  # a division of duties: several bodies each given a task (…局负责…)
    "has_deadline",  # a date by which something is done: 2025年底前, 2026年6月 (完成时限, 建设期限)
)


@dataclass(slots=True)
class RubricItem:
    """One thing the notice requires: a material, a plan section, or a sub-requirement.

    ``name`` keeps the notice's own wording so a reviewer recognises it;
    ``provenance`` points back into the notice's normalised text.
    """

    id: str
    name: str
    kind: str = "section"
    parent: str | None = None
    check: str = "present"
    params: dict[str, Any] = field(default_factory=dict)
    weight: float = 1.0
    synonyms: list[str] = field(default_factory=list)
    canonical: str | None = None  # key in section_synonyms.yaml, when known
    scope: str = "plan"  # plan: part of the plan file; dossier: a separate file of the dossier
    provenance: dict[str, Any] | None = None  # {start, end, text} in the notice's text

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "parent": self.parent,
            "check": self.check,
            "weight": self.weight,
        }
        if self.params:
            out["params"] = dict(self.params)
        if self.synonyms:
            out["synonyms"] = list(self.synonyms)
        if self.canonical:
            out["canonical"] = self.canonical
        if self.scope != "plan":
            out["scope"] = self.scope
        if self.provenance:
            out["provenance"] = dict(self.provenance)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RubricItem:
        return cls(
            id=str(data["id"]),
            name=str(data.get("name") or data["id"]),
            kind=str(data.get("kind", "section")),
            parent=data.get("parent"),
            check=str(data.get("check", "present")),
            params=dict(data.get("params") or {}),
            weight=data.get("weight", 1.0),
            synonyms=[str(s) for s in data.get("synonyms") or []],
            canonical=data.get("canonical"),
            scope=str(data.get("scope", "plan")),
            provenance=data.get("provenance"),
        )


@dataclass(slots=True)
class Rubric:
    """A notice's checklist: items in notice order, children after their parent."""

    items: list[RubricItem] = field(default_factory=list)
    source: str | None = None  # the notice's path
    sha256: str | None = None  # the notice's sha256, so a result names the exact notice
    title: str | None = None
    warnings: list[str] = field(default_factory=list)  # e.g. "empty checklist" (pipeline/rubric/outline.py)

    def get(self, item_id: str) -> RubricItem | None:
        for item in self.items:
            if item.id == item_id:
                return item
        return None

    def children(self, item_id: str | None) -> list[RubricItem]:
        return [i for i in self.items if i.parent == item_id]

    def top_level(self) -> list[RubricItem]:
        return self.children(None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rubric_version": 1,
            "source": self.source,
            "sha256": self.sha256,
            "title": self.title,
            "items": [i.to_dict() for i in self.items],
            **({"warnings": list(self.warnings)} if self.warnings else {}),
        }

    def to_yaml(self, path: Any = None) -> str:
        from pipeline.rubric.io import dump_rubric

        return dump_rubric(self, path)


def validate_rubric(rubric: Rubric, path: str = "-") -> Rubric:
    """Raise RubricError (naming ``path``, the item and the fix) for the first problem found."""
    seen: set[str] = set()
    ids = {i.id for i in rubric.items}
    for item in rubric.items:
        where = f"item {item.id!r}"
        if not item.id or not isinstance(item.id, str):
            raise RubricError(path, "an item has no id; give every item a unique id such as plan.goals")
        if item.id in seen:
            raise RubricError(path, f"duplicate id {item.id!r}; rename one of the items with this id")
        seen.add(item.id)
        if item.kind not in KINDS:
            raise RubricError(path, f"{where}: unknown kind {item.kind!r}; use one of {', '.join(KINDS)}")
        if item.check not in CHECK_TYPES:
            raise RubricError(
                path, f"{where}: unknown check type {item.check!r}; use one of {', '.join(CHECK_TYPES)}"
            )
        if item.parent is not None and item.parent not in ids:
            raise RubricError(
                path,
                f"{where}: unknown parent {item.parent!r}; use the id of another item or leave parent empty",
            )
        if item.parent == item.id:
            raise RubricError(path, f"{where}: is its own parent; set parent to another item's id")
        if isinstance(item.weight, bool) or not isinstance(item.weight, (int, float)):
            raise RubricError(path, f"{where}: weight must be a number >= 0; got {item.weight!r} instead")
        if item.weight < 0:
            raise RubricError(
                path, f"{where}: negative weight {item.weight}; use a weight >= 0 (0 = not scored)"
            )
        if item.scope not in SCOPES:
            raise RubricError(path, f"{where}: unknown scope {item.scope!r}; use one of {', '.join(SCOPES)}")
        years = item.params.get("years")
        if years is not None and (
            not isinstance(years, list) or not all(isinstance(y, int) and 1900 < y < 2200 for y in years)
        ):
            raise RubricError(
                path, f"{where}: params.years must be a list of years like [2019, 2020]; got {years!r}"
            )
        if item.check in ("covers_years", "has_money_per_year") and not years:
            raise RubricError(
                path, f"{where}: check {item.check} needs params.years, e.g. years: [2019, 2020, 2021]"
            )
    # a parent cycle would make scoring recurse for ever
    by_id = {i.id: i for i in rubric.items}
    for item in rubric.items:
        hops, cur = 0, item.parent
        while cur is not None:
            hops += 1
            if cur == item.id or hops > len(rubric.items):
                raise RubricError(
                    path, f"item {item.id!r}: parent chain loops back to itself; fix its parent"
                )
            cur = by_id[cur].parent
    return rubric
