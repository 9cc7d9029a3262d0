"""Working days on the official calendar, the Monday–Friday fallback, and reviewer holiday files.

Expected days were read off the State Council holiday notices for each year (国务院办公厅关于20xx年
部分节假日安排的通知): e.g. 2019 National Day 10-01..10-07 off, with Sunday 09-29 and Saturday 10-12
worked instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.errors import HolidayFileError
from pipeline.extract.workdays import (
    HOLIDAYS_ENV,
    HolidayCalendar,
    add_workdays,
    calendar_from_env,
    is_workday,
    load_holiday_file,
)

EXAMPLE_2027 = Path(__file__).resolve().parents[2] / "pipeline" / "data" / "holidays" / "example-2027.yaml"

D = dt.date

IS_WORKDAY = [
    (D(2019, 10, 1), False),  # National Day
    (D(2019, 10, 7), False),
    (D(2019, 9, 29), True),  # Sunday made a working day
    (D(2019, 10, 12), True),  # Saturday made a working day
    (D(2019, 10, 13), False),  # an ordinary Sunday
    (D(2024, 2, 4), True),  # Sunday before the Spring Festival, worked
    (D(2024, 2, 12), False),  # Spring Festival
    (D(2024, 2, 18), True),  # Sunday after, worked
    (D(2025, 1, 26), True),
    (D(2025, 2, 8), True),
    (D(2025, 10, 8), False),  # 2025 National Day + Mid-Autumn: 10-01..10-08
    (D(2025, 10, 11), True),
    (D(2026, 1, 4), True),  # 2026 New Year make-up Sunday
    (D(2026, 2, 23), False),  # 2026 Spring Festival 02-15..02-23
    (D(2026, 2, 28), True),
    (D(2026, 10, 10), True),
    (D(2026, 10, 7), False),
]


@pytest.mark.parametrize(("day", "expected"), IS_WORKDAY)
def test_workdays_is_workday(day: dt.date, expected: bool) -> None:
    assert is_workday(day) is expected


ADD = [
    # 7 working days after Friday 2019-09-27: 09-29, 09-30, 10-08, 10-09, 10-10, 10-11, 10-12 (Saturday)
    (D(2019, 9, 27), 7, D(2019, 10, 12)),
    (D(2019, 9, 27), 1, D(2019, 9, 29)),
    (D(2019, 9, 30), 1, D(2019, 10, 8)),
    (D(2024, 2, 8), 1, D(2024, 2, 9)),
    (D(2024, 2, 9), 1, D(2024, 2, 18)),  # across the Spring Festival to the make-up Sunday
    (D(2025, 9, 26), 1, D(2025, 9, 28)),
    (D(2025, 9, 30), 1, D(2025, 10, 9)),
    (D(2026, 2, 13), 1, D(2026, 2, 14)),  # Saturday 02-14 worked
    (D(2026, 2, 14), 1, D(2026, 2, 24)),
    (D(2026, 9, 30), 3, D(2026, 10, 10)),  # 10-08 Thu, 10-09 Fri, 10-10 Sat
    (D(2019, 8, 23), 0, D(2019, 8, 23)),
]


@pytest.mark.parametrize(("start", "n", "expected"), ADD)
def test_workdays_add_workdays(start: dt.date, n: int, expected: dt.date) -> None:
    assert add_workdays(start, n) == expected


def test_workdays_add_workdays_rejects_negative() -> None:
    with pytest.raises(ValueError, match="'n' parameter"):
        add_workdays(D(2019, 1, 1), -1)


def test_workdays_2027_falls_back_to_weekdays_with_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HOLIDAYS_ENV, raising=False)
    warnings: list[str] = []
    # Friday 2027-10-01: no official data, so Monday 10-04 is the next working day
    assert add_workdays(D(2027, 10, 1), 1, warnings=warnings) == D(2027, 10, 4)
    assert len(warnings) == 1 and "2027" in warnings[0] and HOLIDAYS_ENV in warnings[0]
    assert is_workday(D(2027, 10, 2)) is False  # Saturday
    assert is_workday(D(2027, 10, 4)) is True


def test_workdays_official_years_give_no_warning() -> None:
    warnings: list[str] = []
    add_workdays(D(2026, 9, 30), 3, warnings=warnings)
    assert warnings == []


def test_workdays_holiday_file_parameter() -> None:
    cal = load_holiday_file(EXAMPLE_2027)
    assert cal.covers(2027) and not cal.covers(2026)
    warnings: list[str] = []
    # example file: 10-01, 10-04..10-07 off, Saturday 10-09 worked: 10-08, 10-09, 10-11
    assert add_workdays(D(2027, 9, 30), 3, holidays=cal, warnings=warnings) == D(2027, 10, 11)
    assert add_workdays(D(2027, 9, 30), 3, holidays=str(EXAMPLE_2027)) == D(2027, 10, 11)
    assert warnings == []


def test_workdays_holiday_file_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOLIDAYS_ENV, str(EXAMPLE_2027))
    assert add_workdays(D(2027, 9, 30), 3) == D(2027, 10, 11)
    assert is_workday(D(2027, 10, 9)) is True  # a make-up Saturday in the file
    cal = calendar_from_env()
    assert isinstance(cal, HolidayCalendar) and D(2027, 10, 1) in cal.holidays


def test_workdays_holiday_file_does_not_override_official_years() -> None:
    cal = HolidayCalendar(holidays={D(2027, 1, 4)}, years={2027})
    assert is_workday(D(2019, 10, 1), holidays=cal) is False


BAD_FILES = [
    ("year: [\n", "not YAML"),
    ("- 2027-01-01\n", "expected a mapping"),
    ("holidays: [2027-01-01]\n", "'year' is a required property"),
    ("year: 2027\nholidays: [2026-12-31]\n", "not in year 2027"),
    ("year: 2027\nholidays: [2027-13-01]\n", "is not a date"),
    ("year: 2027\nholidays: [2027-10-09]\nworkdays: [2027-10-09]\n", "both as a holiday and as a workday"),
    ("year: 2027\nholidays: []\nworkdays: [2027-10-08]\n", "(a weekday)"),
    ("year: 2027\nholidays: ['2027-1-5']\n", "does not match"),
    ("year: 2027\nholiday: [2027-10-08]\n", "Additional properties"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_workdays_bad_holiday_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(HolidayFileError) as info:
        load_holiday_file(path)
    assert message in str(info.value)
    assert str(path) in str(info.value) and info.value.code == "E033"


def test_workdays_missing_holiday_file(tmp_path: Path) -> None:
    with pytest.raises(HolidayFileError, match="no such file"):
        load_holiday_file(tmp_path / "absent.yaml")
