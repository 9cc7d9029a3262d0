"""find_dates scans only the lines that can hold a date: it must find exactly what a full scan finds."""

from __future__ import annotations

import pytest

from pipeline.extract import dates
from tests.conftest import REAL, SEEDS, need_shared


def _read(expressions) -> list[tuple]:
    return [(d.text, d.start, d.end, d.year, d.month, d.day, d.part, d.precision, d.weekday) for d in expressions]


def _full_scan(monkeypatch, text: str) -> list[tuple]:
    with monkeypatch.context() as m:
        m.setattr(dates, "_on_lines_with", lambda pattern, text, anchors: pattern.finditer(text))
        return _read(dates.find_dates(text))


@pytest.mark.parametrize(
    "text",
    [
        "2019年8月\n23日前",  # a date broken by a line end is not one date
        "请于2020年8月30日（星期日）前报送。\n二〇一九年八月二十三日\n今年\n年底",
        "8 月 30 日前\t2025年年底前\n第一季度完成，明年底前验收",
        "月",  # an anchor with nothing around it
        "电话号码8月号码\n十二月底\n2022-2024年内有效",
        "",
    ],
)
def test_dates_line_scan_equals_full_scan(monkeypatch, text):
    assert _read(dates.find_dates(text)) == _full_scan(monkeypatch, text)


def test_dates_line_scan_equals_full_scan_on_seeds(monkeypatch):
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        fast = _read(dates.find_dates(text))
        assert fast and fast == _full_scan(monkeypatch, text), path.name


def test_dates_line_scan_equals_full_scan_on_real_corpus(monkeypatch):
    for path in sorted(need_shared(REAL).glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert _read(dates.find_dates(text)) == _full_scan(monkeypatch, text), path.name
