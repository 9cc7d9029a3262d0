"""Numerals as policy texts write them: Arabic with decimals/thousands, Chinese, 大写."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.extract.numerals import parse_arabic, parse_chinese, parse_number

NUMBERS = [
    ("500", Decimal(500)),
    ("3480.83", Decimal("3480.83")),
    ("50,000", Decimal(50000)),
    ("1,000,000", Decimal(1000000)),
    ("0.02", Decimal("0.02")),
    ("八百万", Decimal(8000000)),
    ("壹佰万", Decimal(1000000)),
    ("一千五百万", Decimal(15000000)),
    ("十五万", Decimal(150000)),
    ("十", Decimal(10)),
    ("两千", Decimal(2000)),
    ("一亿五千万", Decimal(150000000)),
    ("叁仟", Decimal(3000)),
    ("贰拾万", Decimal(200000)),
    ("伍佰", Decimal(500)),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_numerals_parse_number(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


def test_numerals_decimal_multiplication_is_exact() -> None:
    # 3480.83万: float arithmetic would give 34808300.000000004
    assert parse_number("3480.83") * 10000 == Decimal(34808300)


NOT_NUMBERS = ["", "abc", "1.2.3", "5000万", "第三", "万", "亿元", "1,00", "十行千亿万企"]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_numerals_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_numerals_arabic_and_chinese_parsers_stay_apart() -> None:
    assert parse_arabic("八百") is None
    assert parse_chinese("800") is None
