"""Finding gold quotes again in the normalised text."""

from __future__ import annotations

import pytest

from pipeline.eval.gold import load_gold, load_split, locate

TEXT = "奖励资金最高 800 万元。\n每市最多推荐１个县；其它市最多可以推荐2个县；最多推荐１个县。"

LOCATE = [
    ("奖励资金", 0, (0, 4)),
    ("最多推荐", 1, (TEXT.index("最多推荐", 20), TEXT.index("最多推荐", 20) + 4)),
    # whitespace-insensitive: the gold was written before ingestion dropped the spaces, or after
    ("最高800万元", 0, (4, 13)),
    # full/half width: ASCII 1 in the gold, full-width １ in the text
    ("推荐1个县", 0, (TEXT.index("推荐１"), TEXT.index("推荐１") + 5)),
]


@pytest.mark.parametrize("quote,occurrence,expected", LOCATE)
def test_gold_locate(quote: str, occurrence: int, expected: tuple[int, int]) -> None:
    assert locate(TEXT, quote, occurrence) == expected


NOT_FOUND = [("奖励资金", 1), ("补贴", 0), ("", 0), ("   ", 0), ("奖励资金", -1)]


@pytest.mark.parametrize("quote,occurrence", NOT_FOUND)
def test_gold_locate_not_found(quote: str, occurrence: int) -> None:
    assert locate(TEXT, quote, occurrence) is None


def test_gold_load_split_and_files() -> None:
    train, test = load_split("train"), load_split("test")
    assert "seed_000" in train and not set(train) & set(test)
    assert set(load_split("all")) == set(train) | set(test)
    gold = load_gold("clauses", "seed_000")
    assert gold["doc"] == "seed_000" and len(gold["clauses"]) > 40
    assert load_gold("clauses", "no_such_doc") is None
    with pytest.raises(ValueError, match="must be one of"):
        load_split("dev")
