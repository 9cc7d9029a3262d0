"""Clause segmentation regressions found by the full-corpus sweep; named after the bug."""

from __future__ import annotations

import pytest

from pipeline.extract.clauses import segment


def _clauses(text: str) -> list[str]:
    return [text[c.start : c.end] for c in segment(text)]


# a revision history as LawRefBook prints it under a law's title: one dated record per line,
# each longer than a heading (40 characters) and without a full stop
HISTORY = (
    "1982年12月4日 全国人民代表大会公告公布施行\n"
    "1988年4月12日 第七届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》\n"
    "1993年3月29日 第八届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》\n"
)


def test_clauses_regression_dated_record_lines_are_not_joined_as_a_wrapped_sentence() -> None:
    """Sweep (lawref_00880): 13 record lines, each 20+ characters without a full stop, were
    rejoined as one PDF-wrapped paragraph: a 798-character clause."""
    assert _clauses(HISTORY) == [
        "1982年12月4日 全国人民代表大会公告公布施行",
        "1988年4月12日 第七届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》",
        "1993年3月29日 第八届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a wrapped line that goes on with a date is still one sentence: only a date on BOTH lines splits
        (
            "本办法所称补贴资金按照规定由市财政局统一拨付，自\n2023年1月1日起施行，有效期三年。",
            ["本办法所称补贴资金按照规定由市财政局统一拨付，自\n2023年1月1日起施行，有效期三年。"],
        ),
        (
            "2023年1月1日起，本办法所称补贴资金按照规定由市财政局\n统一拨付，有效期三年。",
            ["2023年1月1日起，本办法所称补贴资金按照规定由市财政局\n统一拨付，有效期三年。"],
        ),
    ],
)
def test_clauses_regression_wrapped_sentence_with_a_date_still_joins(text: str, expected: list[str]) -> None:
    assert _clauses(text) == expected
