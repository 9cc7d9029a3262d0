"""Numbers as written in Chinese policy text: 3480.83, 50,000, 八百, 壹佰, 一千五百万.

Arabic numbers are read with Decimal so that 3480.83万 is exactly 34808300 (float
multiplication gives 34808300.000000004). Chinese and 大写 numerals go to cn2an,
which we checked on real inputs: "normal" mode reads 八百万 → 8000000, 壹佰万 →
1000000, 一千五百万 → 15000000 and 两千 → 2000 (strict rejects 两), but it refuses
Arabic-with-unit strings like 5000万 or 1.5亿 outside "smart" mode, and smart mode
returns floats — so mixed forms are split here (number × multiplier) instead.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

CHINESE_DIGITS = "零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
CHINESE_UNITS = "十拾百佰千仟万萬亿億"
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + CHINESE_UNITS

_ARABIC = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_TRAD = str.maketrans({"貳": "贰", "參": "叁", "陸": "陆", "萬": "万", "億": "亿"})


def parse_arabic(text: str) -> Decimal | None:
    """50,000 → 50000; 3480.83 → Decimal('3480.83'); anything else → None."""
    if not _ARABIC.match(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


@lru_cache(maxsize=4096)
def parse_chinese(text: str) -> Decimal | None:
    """八百万 → 8000000, 壹佰 → 100, 十五 → 15; None when it is not a well-formed numeral."""
    if not text or any(c not in CHINESE_NUMERAL_CHARS for c in text):
        return None
    import cn2an  # imported lazily: it pulls in its own data files

    try:
        value = cn2an.cn2an(text.translate(_TRAD), "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def parse_number(text: str) -> Decimal | None:
    """An Arabic or Chinese numeral, without unit."""
    if not text:
        return None
    if text[0].isdigit():
        return parse_arabic(text)
    return parse_chinese(text)


def to_float(value: Decimal) -> float:
    """Integral values become exact floats; others keep their decimal digits (1963.5)."""
    return float(value)
