"""Completeness score 0-100, explainable item by item.

Formula (also written in every rubric YAML header):

* status credit: present = 1, partial = 0.5, empty = 0, missing = 0;
* an item with children: ``credit = OWN_SHARE * own + (1 - OWN_SHARE) * mean_w(children)``,
  where ``mean_w`` is the weight-averaged credit of its direct children of
  weight > 0; without such children ``credit = own``. This is the gold
  formula of corpora/plans/GUIDE.md ("Gold score"). Requirements that judge
  their parent rather than add a part (a material's year range, 具体化、可量化,
  操作性较强, wording that restates the section, 有无/是否 questions) have
  weight 0 in the compiled rubric: they act through the parent's own status
  (checker.py) and would otherwise count twice. A material whose whole content
  is its parts (a "container", e.g. 实施方案 made of 申请表 + 详细实施方案 + …,
  or 详细实施方案 made of its sections) has no body of its own, so its credit
  is ``mean_w(children)`` alone. So is the plan document whose contents the
  notice gives only as demands (sc_zero_waste 2018 实施方案: 明确试点目标，确定任务
  清单和分工，…; plans_dev4 c1–c4): the demands are the scored items and the
  plan an unweighted container (``credits_from_parts``, plan_layout.yaml
  ``demand_containers``), while a report detailed by sub-requirements keeps
  the 0.5/0.5 blend;
* ``score = 100 * Σ weight·credit / Σ weight`` over the top-level items of
  scope "plan" (dossier-scope materials — a separate 请示 file — are reported
  but not scored when one plan file is checked).

Each item's ``contribution`` is the points it adds to the score: for a
top-level item ``100 * w·credit / Σw``, and for a child its parent's share
split by the same blend, so the contributions of the leaves and own-shares
add up to the score.
"""

from __future__ import annotations

from functools import lru_cache

from pipeline.check.result import ItemResult
from pipeline.data import load_data
from pipeline.rubric.schema import Rubric

STATUS_CREDIT = {"present": 1.0, "partial": 0.5, "empty": 0.0, "missing": 0.0}
OWN_SHARE = 0.5  # the same blend the gold plans use (corpora/plans/GUIDE.md, "Gold score")


def is_container(rubric: Rubric, item_id: str) -> bool:
    """A material whose content is entirely its child materials/sections."""
    item = rubric.get(item_id)
    return bool(
        item and item.kind == "material" and any(c.kind != "requirement" for c in rubric.children(item_id))
    )


@lru_cache(maxsize=1)
def _demand_containers() -> frozenset[str]:
    return frozenset(load_data("plan_layout.yaml").get("demand_containers") or [])


def credits_from_parts(rubric: Rubric, item_id: str) -> bool:
    """Whether an item's credit is its parts' mean alone, with no own share.

    A container (its parts are materials/sections), or a material of a kind in
    ``demand_containers`` whose scored children are all demands: GUIDE "Containers … carry no
    weight", and plans_dev4 scores the 实施方案 of sc_zero_waste 2018 by its five demands alone
    (c3: 1 present + 1 partial of 5 = 30, not 0.5·present + 0.5·0.3 = 65). Kept apart from
    ``is_container``: such a material is still matched as a heading or title and checked as a
    body, and its status is its own, not derived from parts it does not have.
    """
    if is_container(rubric, item_id):
        return True
    item = rubric.get(item_id)
    if item is None or item.kind != "material" or item.canonical not in _demand_containers():
        return False
    kids = [c for c in rubric.children(item_id) if c.weight > 0]
    return bool(kids) and all(c.kind == "requirement" for c in kids)


def credit_of(rubric: Rubric, results: dict[str, ItemResult], item_id: str) -> float:
    res = results[item_id]
    own = STATUS_CREDIT[res.status]
    kids = [c for c in rubric.children(item_id) if c.weight > 0]
    if not kids:
        res.credit = own
        return own
    total_w = sum(c.weight for c in kids)
    mean = sum(c.weight * credit_of(rubric, results, c.id) for c in kids) / total_w
    res.credit = mean if credits_from_parts(rubric, item_id) else OWN_SHARE * own + (1 - OWN_SHARE) * mean
    return res.credit


def _spread(rubric: Rubric, results: dict[str, ItemResult], item_id: str, points_available: float) -> None:
    """Give each child its share of ``points_available`` (the parent's points at full credit)."""
    kids = [c for c in rubric.children(item_id) if c.weight > 0]
    res = results[item_id]
    if not kids:
        res.contribution = points_available * res.credit
        return
    kid_share = 1.0 if credits_from_parts(rubric, item_id) else 1 - OWN_SHARE
    own_points = points_available * (1 - kid_share) * STATUS_CREDIT[res.status]
    total_w = sum(c.weight for c in kids)
    for c in kids:
        _spread(rubric, results, c.id, points_available * kid_share * c.weight / total_w)
    res.contribution = own_points + sum(results[c.id].contribution for c in kids)


def score(rubric: Rubric, results: dict[str, ItemResult]) -> float:
    """The 0-100 completeness score; fills ``credit`` and ``contribution`` on every result."""
    tops = [i for i in rubric.top_level() if i.scope == "plan" and i.weight > 0]
    for i in rubric.top_level():
        credit_of(rubric, results, i.id)
    total_w = sum(i.weight for i in tops)
    if total_w == 0:
        return 0.0
    for i in tops:
        _spread(rubric, results, i.id, 100.0 * i.weight / total_w)
    return 100.0 * sum(i.weight * results[i.id].credit for i in tops) / total_w
