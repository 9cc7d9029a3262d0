"""Working-day arithmetic on the official Chinese holiday calendar.

"7个工作日" in a notice means seven days the State Council's holiday schedule
counts as working days: National Day weeks are skipped and the weekend days
swapped in to make up for them (调休) are counted. ``chinese_calendar`` holds
that schedule for 2004–2026. The State Council publishes each year's
schedule only in the November before it, so later years have no data:
there we count Monday–Friday and say so in a warning, unless a reviewer has
supplied the year's schedule as a holiday file (``POLICYLENS_HOLIDAYS`` or the
``holidays=`` parameter; format in ``pipeline/data/holidays/README.md``).

Counting rule: the day the period starts from is not counted (开始的当日不计入,
民法典 第201条), so ``add_workdays(d, 1)`` is the first working day after ``d``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import chinese_calendar
import yaml

from pipeline.data import DATA_DIR
from pipeline.errors import HolidayFileError

HOLIDAYS_ENV = "POLICYLENS_HOLIDAYS"
_SCHEMA = DATA_DIR / "schema" / "holidays.schema.json"


def fallback_warning(year: int) -> str:
    """The warning a reader sees when a year's official schedule is unknown."""
    return (
        f"no official holiday calendar for {year}: working days counted Monday–Friday; "
        f"supply the year's schedule with {HOLIDAYS_ENV}=<holiday file>"
    )


@dataclass(slots=True)
class HolidayCalendar:
    """Reviewer-supplied schedules by year: official holidays and adjusted weekend workdays."""

    holidays: set[dt.date] = field(default_factory=set)
    workdays: set[dt.date] = field(default_factory=set)
    years: set[int] = field(default_factory=set)

    def covers(self, year: int) -> bool:
        return year in self.years

    def is_workday(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def merge(self, other: HolidayCalendar) -> HolidayCalendar:
        return HolidayCalendar(
            self.holidays | other.holidays, self.workdays | other.workdays, self.years | other.years
        )


def _iso(value: object) -> object:
    # YAML reads an unquoted 2027-01-01 as a date; the schema checks strings.
    return value.isoformat() if isinstance(value, dt.date) else value


def load_holiday_file(path: str | Path) -> HolidayCalendar:
    """Read and check one holiday file; HolidayFileError names the file and the problem."""
    import jsonschema

    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HolidayFileError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise HolidayFileError(path, f"cannot read it ({exc})") from None
    except yaml.YAMLError as exc:
        raise HolidayFileError(path, f"not YAML ({str(exc).splitlines()[0]})") from None
    except ValueError as exc:  # YAML's own date reader: "2027-13-01" -> month must be in 1..12
        raise HolidayFileError(path, f"a value is not a date ({exc}); write yyyy-mm-dd") from None
    if not isinstance(raw, dict):
        raise HolidayFileError(path, "expected a mapping with keys year, holidays, workdays")
    data = {k: ([_iso(v) for v in val] if isinstance(val, list) else val) for k, val in raw.items()}
    errors = list(jsonschema.Draft202012Validator(json.loads(_SCHEMA.read_text("utf-8"))).iter_errors(data))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        raise HolidayFileError(path, f"at {where}: {err.message}")
    year = data["year"]
    holidays = _dates(path, data.get("holidays", []), year, "holidays")
    workdays = _dates(path, data.get("workdays", []), year, "workdays")
    both = holidays & workdays
    if both:
        raise HolidayFileError(path, f"{min(both)} is listed both as a holiday and as a workday")
    weekday_workdays = sorted(d for d in workdays if d.weekday() < 5)
    if weekday_workdays:
        raise HolidayFileError(
            path, f"workdays lists {weekday_workdays[0]} (a weekday); it is for weekend days made working days"
        )
    return HolidayCalendar(holidays, workdays, {year})


def _dates(path: Path, values: Iterable[str], year: int, key: str) -> set[dt.date]:
    out: set[dt.date] = set()
    for value in values:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise HolidayFileError(path, f"{key}: {value!r} is not a date (write yyyy-mm-dd)") from None
        if day.year != year:
            raise HolidayFileError(path, f"{key}: {value} is not in year {year}")
        out.add(day)
    return out


def calendar_from_env() -> HolidayCalendar | None:
    """Holiday files named in POLICYLENS_HOLIDAYS (os.pathsep-separated), merged."""
    value = os.environ.get(HOLIDAYS_ENV, "").strip()
    if not value:
        return None
    merged = HolidayCalendar()
    for part in value.split(os.pathsep):
        if part.strip():
            merged = merged.merge(load_holiday_file(part.strip()))
    return merged


def _calendar(holidays: HolidayCalendar | str | Path | None) -> HolidayCalendar | None:
    if holidays is None:
        return calendar_from_env()
    if isinstance(holidays, HolidayCalendar):
        return holidays
    return load_holiday_file(holidays)


def _official(day: dt.date) -> bool | None:
    """chinese_calendar's answer, or None when the year is outside its data."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None


def is_workday(
    day: dt.date,
    holidays: HolidayCalendar | str | Path | None = None,
    warnings: list[str] | None = None,
) -> bool:
    """Whether ``day`` is a working day; appends a fallback warning for years with no schedule."""
    return _is_workday(day, _calendar(holidays), warnings)


def _is_workday(day: dt.date, cal: HolidayCalendar | None, warnings: list[str] | None) -> bool:
    if cal is not None and cal.covers(day.year):
        return cal.is_workday(day)
    official = _official(day)
    if official is not None:
        return official
    if warnings is not None:
        message = fallback_warning(day.year)
        if message not in warnings:
            warnings.append(message)
    return day.weekday() < 5


def add_workdays(
    day: dt.date,
    n: int,
    holidays: HolidayCalendar | str | Path | None = None,
    warnings: list[str] | None = None,
) -> dt.date:
    """The ``n``-th working day after ``day`` (``n`` ≥ 0; ``day`` itself is not counted)."""
    if n < 0:
        raise ValueError(f"The 'n' parameter of add_workdays must be >= 0; got {n} instead.")
    cal = _calendar(holidays)
    current = day
    remaining = n
    while remaining > 0:
        current += dt.timedelta(days=1)
        if _is_workday(current, cal, warnings):
            remaining -= 1
    return current


__all__ = [
    "HOLIDAYS_ENV",
    "HolidayCalendar",
    "add_workdays",
    "calendar_from_env",
    "fallback_warning",
    "is_workday",
    "load_holiday_file",
]
