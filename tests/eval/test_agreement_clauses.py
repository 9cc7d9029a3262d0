"""Clause-kind agreement between two golds: per-kind F1, macro-F1, raw agreement, kappa, confusions.

Every expected number was worked out by hand on the constructed label lists
(the arithmetic is in the comments), not read off the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.eval.agreement import clause_agreement, compare_clause_kinds, kind_scores, place_clauses
from pipeline.eval.gold import load_split
from tests.conftest import need_shared

# ---------------------------------------------------------------- scores on label pairs

# first (reference): A A A B B C ; second: A A B B C C
#   A: tp 2, second says A twice, first has 3  -> P 1,   R 2/3, F1 2*(2/3)/(5/3) = 0.8
#   B: tp 1 (4th), second says B twice, first 2 -> P 1/2, R 1/2, F1 1/2
#   C: tp 1 (6th), second says C twice, first 1 -> P 1/2, R 1,   F1 2*(1/2)/(3/2) = 2/3
#   macro = (0.8 + 0.5 + 2/3) / 3 = 0.65556; raw = 4/6
#   kappa: po = 2/3; pe = (3*2 + 2*2 + 1*2)/36 = 1/3; (2/3 - 1/3) / (1 - 1/3) = 0.5
THREE_KINDS = (list("AAABBC"), list("AABBCC"))


def test_agreement_clauses_kind_scores_three_kinds() -> None:
    res = kind_scores(list(zip(*THREE_KINDS)))
    assert res["n"] == 6
    per = {k: (v["precision"], v["recall"], v["f1"]) for k, v in res["per_kind"].items()}
    assert per["A"] == pytest.approx((1.0, 2 / 3, 0.8))
    assert per["B"] == pytest.approx((0.5, 0.5, 0.5))
    assert per["C"] == pytest.approx((0.5, 1.0, 2 / 3))
    assert [(v["first"], v["second"]) for v in res["per_kind"].values()] == [(3, 2), (2, 2), (1, 2)]
    assert res["macro_f1"] == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert res["raw_agreement"] == pytest.approx(4 / 6)
    assert res["kappa"] == pytest.approx(0.5)
    assert sorted(res["confusions"]) == [(("A", "B"), 1), (("B", "C"), 1)]
    assert res["second_only"] == {}


def test_agreement_clauses_kind_only_second_uses_is_outside_the_macro() -> None:
    # first: A A B ; second: A D B
    #   A: tp 1, second says A once, first 2 -> P 1, R 1/2, F1 2/3;  B: P 1, R 1, F1 1
    #   macro over the first's kinds {A, B} = (2/3 + 1) / 2 = 5/6 (D is not averaged in)
    #   kappa: po = 2/3; pe = A 2/3*1/3 + B 1/3*1/3 + D 0*1/3 = 1/3; kappa = 0.5
    res = kind_scores([("A", "A"), ("A", "D"), ("B", "B")])
    assert set(res["per_kind"]) == {"A", "B"}
    assert res["macro_f1"] == pytest.approx(5 / 6)
    assert res["raw_agreement"] == pytest.approx(2 / 3)
    assert res["kappa"] == pytest.approx(0.5)
    assert res["second_only"] == {"D": 1}
    assert res["confusions"] == [(("A", "D"), 1)]


def test_agreement_clauses_perfect_and_empty() -> None:
    res = kind_scores([("measure", "measure"), ("target", "target")])
    assert (res["macro_f1"], res["raw_agreement"], res["kappa"], res["confusions"]) == (1.0, 1.0, 1.0, [])
    empty = kind_scores([])
    assert (empty["n"], empty["macro_f1"], empty["kappa"]) == (0, None, None)


# ---------------------------------------------------------------- placing and pairing quotes

TEXT = ("一、申请条件\n申请人应为本市户籍。补贴标准为每人每月100元。\n"
        "二、其他\n如有富余学位，可随时补招。\n如有富余学位，可随时补招。\n联系电话：12345。")
FIRST = [
    {"text": "申请人应为本市户籍", "kind": "eligibility"},
    {"text": "补贴标准为每人每月", "kind": "funding_reward"},
    {"text": "如有富余学位，可随时补招。", "kind": "procedure"},
    {"text": "如有富余学位，可随时补招。", "kind": "other", "occurrence": 1},
    {"text": "联系电话：12345", "kind": "contact"},
]


def test_agreement_clauses_occurrence_is_zero_based() -> None:
    # regression: the amount/deadline golds count occurrence from 1, the clause gold from 0
    placed, lost = place_clauses(TEXT, FIRST[2:4])
    assert lost == []
    first_start = TEXT.index("如有富余学位")
    assert [s for s, _, _ in placed] == [first_start, TEXT.index("如有富余学位", first_start + 1)]
    assert place_clauses(TEXT, [{"text": "联系电话", "occurrence": 1}]) == ([], ["'联系电话'#1"])


def test_agreement_clauses_compare_doc_pairs_by_position_not_list_order() -> None:
    second = [
        {"text": "联系电话：12345", "kind": "contact"},                      # listed first, still paired
        {"text": "补贴标准为每人每月100元", "kind": "funding_reward"},         # a longer quote of the same clause
        {"text": "如有富余学位，可随时补招。", "kind": "other", "occurrence": 1},
        {"text": "如有富余学位，可随时补招。", "kind": "other"},               # disagrees on occurrence 0
        {"text": "二、其他", "kind": "other"},                               # a heading only the second quotes
    ]
    res = compare_clause_kinds("d", TEXT, FIRST, second)
    assert (res["first"], res["second"], res["matched"]) == (5, 5, 4)
    assert sorted(res["kinds"]) == sorted([("funding_reward", "funding_reward"), ("procedure", "other"),
                                           ("other", "other"), ("contact", "contact")])
    assert [(d["type"], d["span"], d["first"], d["second"]) for d in res["disagreements"]] == [
        ("only_first", "申请人应为本市户籍", "eligibility", "—"),
        ("only_second", "二、其他", "—", "other"),
        ("kind", "如有富余学位，可随时补招。", "procedure", "other"),
    ]


def _write(root: Path, doc: str, clauses: list[dict]) -> None:
    (root / "clauses").mkdir(parents=True, exist_ok=True)
    (root / "clauses" / f"{doc}.yaml").write_text(
        yaml.safe_dump({"doc": doc, "clauses": clauses}, allow_unicode=True), encoding="utf-8")


def test_agreement_clauses_over_two_roots(tmp_path: Path) -> None:
    second = [dict(c) for c in FIRST]
    second[0]["kind"] = "obligation"   # eligibility -> obligation
    second[3]["kind"] = "procedure"    # other -> procedure
    _write(tmp_path / "a", "d", FIRST)
    _write(tmp_path / "b", "d", second)
    _write(tmp_path / "a", "only_in_first", FIRST)
    res = clause_agreement(first=tmp_path / "a", second=tmp_path / "b", texts={"d": TEXT, "only_in_first": TEXT})
    assert res["skipped"] == ["only_in_first"]
    assert (res["docs"], res["first"], res["second"], res["matched"]) == (1, 5, 5, 5)
    # pairs: (el, ob) (fr, fr) (pr, pr) (ot, pr) (co, co)
    #   eligibility F1 0; funding_reward 1; procedure: tp 1, second says it twice, first once -> P 1/2 R 1 F1 2/3;
    #   other F1 0; contact 1  ->  macro = (0 + 1 + 2/3 + 0 + 1) / 5 = 8/15
    #   raw = 3/5; kappa: pe = (el 1*0 + fr 1*1 + pr 1*2 + ot 1*0 + co 1*1) / 25 = 4/25,
    #   kappa = (3/5 - 4/25) / (1 - 4/25) = (11/25) / (21/25) = 11/21
    assert res["macro_f1"] == pytest.approx(8 / 15)
    assert res["raw_agreement"] == pytest.approx(3 / 5)
    assert res["kappa"] == pytest.approx(11 / 21)
    assert res["second_only"] == {"obligation": 1}
    assert sorted(res["confusions"]) == [(("eligibility", "obligation"), 1), (("other", "procedure"), 1)]
    assert res["per_doc"] == {"d": pytest.approx(3 / 5)}
    assert res["not_found"] == []


# ---------------------------------------------------------------- the real second gold

SECOND_ROOT = Path(__file__).resolve().parents[2] / "corpora" / "gold_second" / "clauses"


def test_agreement_clauses_second_gold_quotes_are_all_found() -> None:
    """Every quote of the second clause gold is found in its test document, so no clause drops out unseen."""
    from pipeline.eval.agreement import _text

    files = sorted(SECOND_ROOT.glob("*.yaml"))
    assert len(files) == 8
    test_docs = load_split("test")
    for f in files:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert data["doc"] == f.stem and f.stem in test_docs
        path = need_shared(test_docs[f.stem])
        placed, lost = place_clauses(_text(str(path)), data["clauses"])
        assert lost == [], f.stem
        assert len({s for s, _, _ in placed}) == len(placed), f"{f.stem}: two entries quote one place"
