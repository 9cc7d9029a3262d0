"""Agreement between two gold annotations: pairing, value checks, Cohen's kappa, disagreements.

Every expected number below was worked out by hand on the constructed
annotations (the arithmetic is in the comments), not read off the code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pipeline.eval.agreement import agreement, compare_doc, kappa, pair_by_overlap, values_agree

# ---------------------------------------------------------------- pairing

PAIRS = [
    # a1/b1 overlap 3 chars, a0/b0 and a1/b0 overlap 2: the largest goes first, then a0 takes b0
    ([(0, 5), (10, 15)], [(3, 12), (11, 14)], [(0, 0), (1, 1)]),
    # touching spans do not overlap
    ([(0, 5)], [(5, 8)], []),
    # one-to-one: two first spans inside one second span, only the larger overlap is paired
    ([(0, 2), (2, 7)], [(0, 7)], [(1, 0)]),
    ([], [(0, 3)], []),
]


@pytest.mark.parametrize("a,b,expected", PAIRS)
def test_agreement_pair_by_overlap(a, b, expected) -> None:
    assert pair_by_overlap([(s, e, None) for s, e in a], [(s, e, None) for s, e in b]) == expected


# ---------------------------------------------------------------- kappa

KAPPA = [
    # po = 3/4; pe = .5*.25 + .5*.75 = .5; kappa = (.75 - .5) / (1 - .5) = .5
    (["exact", "exact", "cap", "cap"], ["exact", "cap", "cap", "cap"], 0.5),
    # po = 0; pe = .5*.5 + .5*.5 = .5; kappa = -1
    (["exact", "cap"], ["cap", "exact"], -1.0),
    # po = 2/3; pe = 2/3*1 + 1/3*0 = 2/3; kappa = 0 (second always says exact)
    (["exact", "exact", "cap"], ["exact", "exact", "exact"], 0.0),
    # one label used by both everywhere: perfect agreement, not nan
    (["start", "start"], ["start", "start"], 1.0),
]


@pytest.mark.parametrize("first,second,expected", KAPPA)
def test_agreement_kappa(first, second, expected) -> None:
    assert kappa(first, second) == pytest.approx(expected)


def test_agreement_kappa_empty_is_none() -> None:
    assert kappa([], []) is None


# ---------------------------------------------------------------- values

AGREE = [
    ("amounts", {"value": 2e5}, {"value": 200000}),
    ("amounts", {"value": None, "low": 5e6, "high": 5e7}, {"low": 5000000.0, "high": 50000000}),
    ("amounts", {"percent": 10, "value": None}, {"percent": 10.0}),
    ("deadlines", {"date": "2026-05-12"}, {"date": dt.date(2026, 5, 12)}),
    ("deadlines", {"duration": {"value": 30, "unit": "day"}}, {"duration": {"value": 30.0, "unit": "day"}}),
    ("deadlines", {"recurrence": "yearly:10"}, {"recurrence": "yearly:10", "date": None}),
]
DISAGREE = [
    ("amounts", {"value": 2e5}, {"value": 2e6}),
    ("amounts", {"value": None, "low": 5e6, "high": 5e7}, {"value": None, "low": 5e6, "high": 5e8}),
    ("amounts", {"percent": 10}, {"percent": 15}),
    ("amounts", {"value": 1e5, "low": 1e5}, {"value": 1e5}),  # a floor's bound is a claim too
    ("deadlines", {"date": "2026-05-12"}, {"date": "2027-05-12"}),
    ("deadlines", {"duration": {"value": 3, "unit": "year"}}, {"duration": {"value": 36, "unit": "month"}}),
    ("deadlines", {"recurrence": "yearly:10"}, {"recurrence": "yearly:08"}),
    ("deadlines", {"date": "2026-05-12"}, {"date": None, "duration": {"value": 7, "unit": "workday"}}),
]


@pytest.mark.parametrize("field,a,b", AGREE)
def test_agreement_values_agree(field, a, b) -> None:
    assert values_agree(field, a, b)


@pytest.mark.parametrize("field,a,b", DISAGREE)
def test_agreement_values_disagree(field, a, b) -> None:
    assert not values_agree(field, a, b)


# ---------------------------------------------------------------- one document

TEXT = "分别给予20万元、50万元奖励，最高不超过100万元；另每家5万元。"
FIRST = [
    {"text": "20万元", "occurrence": 1, "value": 2e5, "kind": "exact"},
    {"text": "50万元", "occurrence": 1, "value": 5e5, "kind": "exact"},
    {"text": "最高不超过100万元", "occurrence": 1, "value": 1e6, "high": 1e6, "kind": "cap"},
    {"text": "每家5万元", "occurrence": 1, "value": 5e4, "kind": "per_unit", "per": "家"},
]
SECOND = [
    {"text": "20万元", "occurrence": 1, "value": 2e5, "kind": "exact"},
    {"text": "50万元奖励", "occurrence": 1, "value": 5e4, "kind": "exact"},  # misread value
    {"text": "100万元", "occurrence": 1, "value": 1e6, "high": 1e6, "kind": "exact"},  # kind differs
]


def test_agreement_compare_doc_counts() -> None:
    res = compare_doc("amounts", "d", TEXT, FIRST, SECOND)
    assert (res["first"], res["second"], res["matched"], res["value_equal"]) == (4, 3, 3, 2)
    assert res["kinds"] == [("exact", "exact"), ("exact", "exact"), ("cap", "exact")]
    types = [(d["type"], d["span"]) for d in res["disagreements"]]
    assert types == [("value", "50万元 | 50万元奖励"), ("kind", "最高不超过100万元 | 100万元"),
                     ("only_first", "每家5万元")]


def test_agreement_quote_not_found_is_reported_and_counted() -> None:
    res = compare_doc("amounts", "d", TEXT, FIRST[:1], [{"text": "30万元", "occurrence": 1, "value": 3e5}])
    assert res["matched"] == 0 and res["second"] == 1
    assert res["not_found"] == ["second '30万元'#1"]


def _write(root: Path, field: str, doc: str, entries: list[dict], **extra) -> None:
    (root / field).mkdir(parents=True, exist_ok=True)
    (root / field / f"{doc}.yaml").write_text(
        yaml.safe_dump({"doc": doc, **extra, field: entries}, allow_unicode=True), encoding="utf-8")


def test_agreement_summary_over_roots(tmp_path: Path) -> None:
    _write(tmp_path / "a", "amounts", "d", FIRST)
    _write(tmp_path / "b", "amounts", "d", SECOND)
    _write(tmp_path / "a", "amounts", "only_in_first", FIRST)
    res = agreement("amounts", first=tmp_path / "a", second=tmp_path / "b",
                    texts={"d": TEXT, "only_in_first": TEXT})
    assert res["skipped"] == ["only_in_first"]
    # P = 3/3, R = 3/4, F1 = 2 * 1 * .75 / 1.75 = 6/7
    assert res["span_precision"] == pytest.approx(1.0)
    assert res["span_recall"] == pytest.approx(0.75)
    assert res["span_f1"] == pytest.approx(6 / 7)
    assert res["value_agreement"] == pytest.approx(2 / 3)
    assert res["kind_accuracy"] == pytest.approx(2 / 3)
    assert res["kind_kappa"] == pytest.approx(0.0)


def test_agreement_deadline_doc_date_disagreement(tmp_path: Path) -> None:
    text = "各单位于5月12日前报送，有效期3年。"
    entry = {"text": "5月12日前", "occurrence": 1, "date": "2026-05-12", "kind": "due_by",
             "actor": "各单位", "action": "报送"}
    _write(tmp_path / "a", "deadlines", "d", [entry], doc_date="2026-04-20")
    _write(tmp_path / "b", "deadlines", "d",
           [entry | {"kind": "on_date", "action": "报送材料"},
            {"text": "有效期3年", "occurrence": 1, "duration": {"value": 3, "unit": "year"}, "kind": "period"}],
           doc_date="2026-04-01")
    res = agreement("deadlines", first=tmp_path / "a", second=tmp_path / "b", texts={"d": text})
    assert [d["type"] for d in res["disagreements"]] == ["doc_date", "kind", "only_second"]
    assert res["value_agreement"] == pytest.approx(1.0)
    # "报送" is contained in "报送材料": the lenient actor/action check accepts it
    assert res["attribute_agreement"] == pytest.approx(1.0)


def test_agreement_rejects_unknown_field() -> None:
    with pytest.raises(ValueError, match="field"):
        agreement("clauses", texts={})
