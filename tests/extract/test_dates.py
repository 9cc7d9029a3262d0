"""Date expressions: what is read as a calendar date, and what must never be."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.dates import cn_number, find_dates, parse_date

# (text, year to fill a missing one, expected date)
DATES = [
    ("2019年8月23日前", None, dt.date(2019, 8, 23)),
    ("2019年8月23日", None, dt.date(2019, 8, 23)),
    ("2019.8.23", None, dt.date(2019, 8, 23)),
    ("2019-08-23", None, dt.date(2019, 8, 23)),
    ("2019/8/23", None, dt.date(2019, 8, 23)),
    ("二〇一九年八月二十三日", None, dt.date(2019, 8, 23)),
    ("二○一九年八月二十三日", None, dt.date(2019, 8, 23)),  # U+25CB for 〇, common in OCR
    ("二零零三年二月一日起施行", None, dt.date(2003, 2, 1)),
    ("二〇二四年十二月三十一日", None, dt.date(2024, 12, 31)),
    ("2026年 4月 20 日", None, dt.date(2026, 4, 20)),  # spaces typeset around numbers
    ("于8月30日前", 2019, dt.date(2019, 8, 30)),
    ("8月23号", 2019, dt.date(2019, 8, 23)),
    ("6月20日18：00前", 2014, dt.date(2014, 6, 20)),
    # fuzzy periods resolve to the END of the period
    ("2025年底前", None, dt.date(2025, 12, 31)),
    ("2025年年底", None, dt.date(2025, 12, 31)),
    ("年末", 2020, dt.date(2020, 12, 31)),
    ("年内完成", 2020, dt.date(2020, 12, 31)),
    ("2019年上半年", None, dt.date(2019, 6, 30)),
    ("下半年", 2019, dt.date(2019, 12, 31)),
    ("第一季度", 2020, dt.date(2020, 3, 31)),
    ("一季度", 2020, dt.date(2020, 3, 31)),
    ("第三季度", 2020, dt.date(2020, 9, 30)),
    ("9月底前", 2019, dt.date(2019, 9, 30)),
    ("2024年2月底", None, dt.date(2024, 2, 29)),  # leap year
    ("2023年2月底", None, dt.date(2023, 2, 28)),
    ("3月中旬", 2020, dt.date(2020, 3, 20)),
    ("3月上旬", 2020, dt.date(2020, 3, 10)),
    ("4月下旬", 2020, dt.date(2020, 4, 30)),
    ("2019年9月", None, dt.date(2019, 9, 30)),  # month precision: last day
]


@pytest.mark.parametrize(("text", "year", "expected"), DATES)
def test_dates_parse(text: str, year: int | None, expected: dt.date) -> None:
    assert parse_date(text, year) == expected


def test_dates_yearless_needs_a_year() -> None:
    (expr,) = find_dates("于8月30日前分别报省商务厅")
    assert (expr.year, expr.month, expr.day) == (None, 8, 30)
    assert expr.resolve() is None
    assert expr.text == "8月30日"


def test_dates_offsets_point_into_the_text() -> None:
    text = "请于2019年8月23日前报送，并于8月30日前报省商务厅。"
    found = find_dates(text)
    assert [text[d.start : d.end] for d in found] == ["2019年8月23日", "8月30日"]


def test_dates_month_start_is_first_day() -> None:
    (expr,) = find_dates("从2023年7月起")
    assert expr.first_day() == dt.date(2023, 7, 1)


# None of these is a calendar date.
NOT_DATES = [
    "2016年以来转型升级取得的成效",
    "试点县实施方案（2019年-2021年）",
    "2018年外贸进出口或出口规模居本地前三位",
    "依照第3条规定",
    "连续5年奖励",
    "联系电话：0531-82669593",
    "鲁商字〔2018〕191号",
    "每个试点县奖励资金最高800万元",
    "增长12.5%",
    "3.5万元",
    "2019.8",
    "在2022-2024 年内有效",
    "2019年内蒙古自治区",
    "3个月内完成",
    "承诺半年内申领",
    "三年内未发生",
    "45周岁以下",
    "1900元/生•年",
    "第十三条",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_dates_must_not_match(text: str) -> None:
    assert find_dates(text) == []


NUMBERS = [("23", 23), ("二十三", 23), ("两", 2), ("十五", 15), ("三十一", 31), ("二〇一九", 2019), ("半", 0.5)]


@pytest.mark.parametrize(("token", "expected"), NUMBERS)
def test_dates_cn_number(token: str, expected: float) -> None:
    assert cn_number(token) == expected


@pytest.mark.parametrize("token", ["", "abc", "年"])
def test_dates_cn_number_not_a_number(token: str) -> None:
    assert cn_number(token) is None
