"""find_amounts keeps its last answer (segmentation and the amount stage both ask): callers get copies.

The oracle is find_amounts itself with the memo emptied before the call.
"""

from __future__ import annotations

from pipeline.extract import amounts
from pipeline.extract.amounts import find_amounts

TEXT = "对年度进出口额达5亿元的企业给予30万元奖励。"


def _uncached(text: str) -> list[tuple]:
    amounts._last_found = None
    return [(a.text, a.start, a.end, a.value, a.kind, a.clause) for a in find_amounts(text)]


def _read(found) -> list[tuple]:
    return [(a.text, a.start, a.end, a.value, a.kind, a.clause) for a in found]


def test_amounts_memo_returns_fresh_copies():
    expected = _uncached(TEXT)
    assert [row[3] for row in expected] == [5e8, 3e5]  # 5亿元, 30万元
    first = find_amounts(TEXT)  # served from the memo
    assert _read(first) == expected
    first[0].clause, first[1].value = "c9", -1.0  # the amount stage writes clause ids onto its copies
    second = find_amounts(TEXT)
    assert _read(second) == expected
    assert second[0] is not first[0]


def test_amounts_memo_never_answers_for_another_text():
    other = TEXT.replace("30万元", "20万元")
    expected, expected_other = _uncached(TEXT), _uncached(other)
    assert [row[3] for row in expected_other] == [5e8, 2e5]
    find_amounts(TEXT)
    assert _read(find_amounts(other)) == expected_other
    assert find_amounts("无金额。") == []
    assert _read(find_amounts(TEXT)) == expected
