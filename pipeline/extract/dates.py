"""Find calendar expressions in normalised Chinese text and resolve them to dates.

Dates are found with rules on the raw text, before any segmentation: jieba
cuts "2019年8月23日前" into pieces that no longer say which year the day
belongs to. This module only *reads* expressions ("8月30日" is month 8, day
30, no year); deciding whether one is a deadline, and which year a yearless
date falls in, is left to :mod:`pipeline.extract.deadlines`, which knows the
document's date.

Numbers may be Arabic or Chinese (二〇一九年八月二十三日); Chinese numerals
are read with ``cn2an``, the library the rest of the pipeline uses.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from pipeline.data import load_data

# Chinese digits as they appear in dates; ○ (U+25CB) and Ｏ are common OCR/typing stand-ins for 〇.
_CN_DIGIT = "〇○Ｏ零一二三四五六七八九"
_CN_NUM = "〇○零一二三四五六七八九十两"
_YEAR = rf"(?:(?:19|20)\d\d|[{_CN_DIGIT}]{{4}})"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_SP = r"[ \t]*"
# A time of day after a date: "6月20日18：00前", "5月22日下午3点", "9时30分".
_TIME = (
    rf"(?:{_SP}[（(]?(?:上午|下午|中午|晚上|凌晨)?{_SP}\d{{1,2}}{_SP}"
    rf"(?:[:：]{_SP}\d{{2}}|[时点](?:{_SP}\d{{1,2}}{_SP}分|半|整)?)[）)]?)"
)
# A weekday in brackets after a day: "8月30日（星期五）前", "3月15日(周五)17:00前" (QA F19: the
# bracket hid the 前 and a due date became on_date). Part of the date, so 前 still follows it.
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY = rf"(?:{_SP}[（(]{_SP}(?:星期|周|礼拜)(?P<wd>[一二三四五六日天]){_SP}[）)])"


def cn_number(token: str) -> float | None:
    """Read an Arabic or Chinese number ("23", "二十三", "两", "二〇一九"); None if it is not one."""
    token = token.strip().replace("○", "〇").replace("Ｏ", "〇")
    if not token:
        return None
    if token == "半":
        return 0.5
    try:
        return float(token)
    except ValueError:
        pass
    try:
        return float(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


@dataclass(slots=True)
class DateExpr:
    """One calendar expression as written; fields are None when the text does not say them.

    ``part`` names a fuzzy part of a year or month ("年底", "上半年", "月底", "中旬");
    ``precision`` is "day", "month" or "fuzzy".
    """

    text: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    part: str | None = None
    precision: str = "day"
    weekday: int | None = None  # 0 = Monday, when the text names it: "3月15日（星期五）"

    def resolve(self, year: int | None = None) -> dt.date | None:
        """The last day the expression covers, with ``year`` filling a missing year."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        rules = _rules()
        try:
            if self.part is not None and self.month is None:
                mm, dd = rules["fuzzy_periods"][self.part].split("-")
                return dt.date(y, int(mm), int(dd))
            if self.month is None:
                return None
            if self.day is not None:
                return dt.date(y, self.month, self.day)
            last = calendar.monthrange(y, self.month)[1]
            if self.part is None:
                return dt.date(y, self.month, last)
            value = rules["month_parts"][self.part]
            return dt.date(y, self.month, last if value == "end" else min(int(value), last))
        except ValueError:  # 2月30日, a typo in the source: not a date we can hand out
            return None

    def first_day(self, year: int | None = None) -> dt.date | None:
        """The first day the expression covers ("2023年7月起" starts on 07-01)."""
        y = self.year if self.year is not None else year
        if y is None or self.month is None:
            return self.resolve(year)
        try:
            return dt.date(y, self.month, self.day or 1)
        except ValueError:
            return None


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_data("deadlines.yaml")


def _alt(words: list[str] | dict) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    rules = _rules()
    month_parts = _alt(rules["month_parts"])
    fuzzy = _alt(rules["fuzzy_periods"])
    return {
        # 2019年8月23日 / 8月23日 / 2019年8月 / 8月底 / 二〇一九年八月二十三日 / 8月23号
        "cjk": re.compile(
            rf"(?<![\d{_CN_NUM}〔])(?:(?P<y>{_YEAR}){_SP}年{_SP})?(?P<m>{_MONTH}){_SP}(?:月份|月)"
            rf"(?:{_SP}(?P<d>{_DAY}){_SP}(?:日|号(?![码楼室院])){_WEEKDAY}?|(?P<mp>{month_parts}))?"
            rf"(?P<t>{_TIME})?"
        ),
        # 2019-08-23, 2019.8.23, 2019/8/23: a year is required so that phone numbers
        # ("0531-82669593", seed 000) and section numbers ("3.1.2") never match.
        "iso": re.compile(
            r"(?<![\d.\-/])(?P<y>(?:19|20)\d\d)(?P<sep>[-./])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
            r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\d.\-/])"
            rf"{_WEEKDAY}?"
            rf"(?P<t>{_SP}\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
        ),
        # 2025年底 / 年底 / 今年上半年 / 第一季度 / 2025年内
        "fuzzy": re.compile(
            rf"(?<![\d{_CN_NUM}半周])(?:(?P<y>{_YEAR}){_SP}年?{_SP}|(?P<rel>今年|本年度|本年|当年|明年|次年|下一年度|下年度))?"
            rf"(?P<p>{fuzzy})(?![蒙容])"
        ),
    }


def _year(token: str | None) -> int | None:
    if not token:
        return None
    value = cn_number(token) if not token.isdigit() else float(token)
    return int(value) if value else None


def _on_lines_with(pattern: re.Pattern[str], text: str, anchors: tuple[str, ...]) -> Iterator[re.Match[str]]:
    r"""``pattern.finditer(text)``, run only on the lines that contain one of ``anchors``.

    Exact for the "cjk" and "fuzzy" patterns: every match of them contains an
    anchor (月; a fuzzy period word), and none can cross a line, since their only
    spacing is ``[ \t]*``. Scanning a line with pos/endpos keeps the character
    before it visible to the lookbehind, and the negative lookaheads at the
    line's end see no character instead of "\n", which they reject alike.
    Profiling seed-004-sized documents: scanning every character was ~2/3 of
    find_dates; most lines hold no 月 and no 年底/季度.
    """
    starts: set[int] = set()
    for anchor in anchors:
        i = text.find(anchor)
        while i != -1:
            line_start = text.rfind("\n", 0, i) + 1
            starts.add(line_start)
            line_end = text.find("\n", i)
            if line_end == -1:
                break
            i = text.find(anchor, line_end)
    for line_start in sorted(starts):
        line_end = text.find("\n", line_start)
        yield from pattern.finditer(text, line_start, len(text) if line_end == -1 else line_end)


def find_dates(text: str) -> list[DateExpr]:
    """Every calendar expression in ``text``, left to right, none overlapping.

    Bare years ("2016年以来", "2019年-2021年") are not returned: a year alone
    never says by when something is due.
    """
    pats = _patterns()
    found: list[DateExpr] = []
    taken = bytearray(len(text) + 1)  # occupancy by character: linear in the number of matches

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(s: int, e: int) -> None:
        taken[s:e] = b"\x01" * (e - s)

    for m in pats["iso"].finditer(text):
        found.append(DateExpr(m.group(), m.start(), m.end(), int(m["y"]), int(m["m"]), int(m["d"]),
                              weekday=_WEEKDAYS.get(m["wd"] or "")))
        take(m.start(), m.end())
    for m in _on_lines_with(pats["cjk"], text, ("月",)):
        if not free(m.start(), m.end()):
            continue
        year = _year(m["y"])
        month = int(cn_number(m["m"]) or 0)
        day = int(cn_number(m["d"]) or 0) if m["d"] else None
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            continue
        precision = "day" if day else ("fuzzy" if m["mp"] else "month")
        found.append(DateExpr(m.group(), m.start(), m.end(), year, month, day, m["mp"], precision,
                              weekday=_WEEKDAYS.get(m["wd"] or "")))
        take(m.start(), m.end())
    for m in _on_lines_with(pats["fuzzy"], text, tuple(_rules()["fuzzy_periods"])):
        if not free(m.start(), m.end()):
            continue
        # "2022-2024 年内有效" (Beijing guide style): the end of a plan-year range, not 年内.
        before = text[max(0, m.start() - 6) : m.start()]
        if m["y"] and re.search(r"\d{4}\s*年?\s*[-—～~至到]\s*$", before):
            continue
        # "2025年年底" is written either way; "年内" right after a number is "3年内" (a period).
        if m["p"] == "年内" and not m["y"] and re.search(rf"[\d{_CN_NUM}]\s*$", before):
            continue
        found.append(
            DateExpr(m.group(), m.start(), m.end(), _year(m["y"]), None, None, m["p"], "fuzzy")
        )
        take(m.start(), m.end())
    found.sort(key=lambda d: d.start)
    return found


def relative_year(expr: DateExpr, text: str) -> int:
    """Offset in years that a relative word before a fuzzy period means ("明年底" → +1)."""
    head = text[expr.start : expr.end]
    if head.startswith(("明年", "次年", "下一年度", "下年度")):
        return 1
    return 0


def parse_date(text: str, year: int | None = None) -> dt.date | None:
    """The date one expression stands for, e.g. ``parse_date("8月30日", 2019)``; None if none."""
    found = find_dates(text)
    if not found:
        return None
    return found[0].resolve(year)


__all__ = ["DateExpr", "cn_number", "find_dates", "parse_date", "relative_year"]
