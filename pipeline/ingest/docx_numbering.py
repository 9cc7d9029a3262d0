"""Word automatic numbering rendered as the text a reader sees on the page.

In a .docx the "一、" before 总体要求 is usually not in the text at all: the
paragraph says "numbering list 3, level 0" and Word computes the label from
``word/numbering.xml`` while it lays the page out. Structure detection reads
the text, so without this the heading tree of most Word-authored notices
would be flat. We replay what Word does:

* ``w:num`` (numId) points to a ``w:abstractNum`` and may override levels
  (``w:lvlOverride`` / ``w:startOverride`` — "restart numbering at 1");
* each ``w:lvl`` has a start value, a number format (``w:numFmt``), a label
  template (``w:lvlText`` like ``%1、``, ``（%1）``, ``%1.%2``), an optional
  ``w:lvlRestart`` and ``w:isLgl`` (show all levels as decimal);
* counters belong to the abstract list, so two ``w:num`` sharing one
  abstractNum continue each other (that is how "continue numbering" works in
  Word) unless one restarts with a ``w:startOverride``;
* using level *n* resets the deeper levels.

Number formats are data (``pipeline/data/docx_numbering.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pipeline.data import load_data

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return _W + tag


def _val(el: Any, tag: str, default: str | None = None) -> str | None:
    child = el.find(w(tag)) if el is not None else None
    if child is None:
        return default
    return child.get(w("val"), default)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # 1-based level after which this one restarts; 0 = never
    legal: bool = False  # w:isLgl: every %n shown as decimal ("1.1" under "一、")
    suffix: str = "tab"  # tab | space | nothing
    style: str | None = None  # w:pStyle: a paragraph style bound to this level


@dataclass(slots=True)
class NumberingDefs:
    """What numbering.xml declares: abstract lists and the numIds that use them."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    # numId -> ilvl -> start value the num imposes (w:startOverride)
    start_overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    # numId -> ilvl -> a whole replacement level (w:lvlOverride/w:lvl)
    level_overrides: dict[str, dict[int, Level]] = field(default_factory=dict)
    # abstractNum with w:numStyleLink -> the style whose numPr names the real list
    style_links: dict[str, str] = field(default_factory=dict)


def _parse_level(lvl: Any) -> Level:
    restart = lvl.find(w("lvlRestart"))
    return Level(
        start=_int(_val(lvl, "start"), 1),
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=_val(lvl, "lvlText", "") or "",
        restart=_int(restart.get(w("val")), 0) if restart is not None else None,
        legal=lvl.find(w("isLgl")) is not None and _val(lvl, "isLgl", "1") not in ("0", "false"),
        suffix=_val(lvl, "suff", "tab") or "tab",
        style=_val(lvl, "pStyle"),
    )


def parse_numbering(root: Any | None) -> NumberingDefs:
    """Read the ``w:numbering`` element (python-docx part element) into plain tables."""
    defs = NumberingDefs()
    if root is None:
        return defs
    for absn in root.iter(w("abstractNum")):
        aid = absn.get(w("abstractNumId"))
        if aid is None:
            continue
        levels = {}
        for lvl in absn.findall(w("lvl")):
            levels[_int(lvl.get(w("ilvl")), 0)] = _parse_level(lvl)
        defs.abstract[aid] = levels
        link = _val(absn, "numStyleLink")
        if link:
            defs.style_links[aid] = link
    for num in root.iter(w("num")):
        nid = num.get(w("numId"))
        aid = _val(num, "abstractNumId")
        if nid is None or aid is None:
            continue
        defs.num_to_abstract[nid] = aid
        for ov in num.findall(w("lvlOverride")):
            ilvl = _int(ov.get(w("ilvl")), 0)
            so = ov.find(w("startOverride"))
            if so is not None:
                defs.start_overrides.setdefault(nid, {})[ilvl] = _int(so.get(w("val")), 1)
            lvl = ov.find(w("lvl"))
            if lvl is not None:
                defs.level_overrides.setdefault(nid, {})[ilvl] = _parse_level(lvl)
    return defs


class NumberingState:
    """Counters for one document, advanced paragraph by paragraph in reading order."""

    def __init__(
        self, defs: NumberingDefs, style_num: dict[str, tuple[str | None, int | None]] | None = None
    ) -> None:
        self.defs = defs
        # style id -> (numId, ilvl) from the style's own w:numPr, to resolve numStyleLink
        self.style_num = style_num or {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started_nums: set[tuple[str, int]] = set()

    def _abstract_id(self, num_id: str) -> str | None:
        aid = self.defs.num_to_abstract.get(num_id)
        seen = 0
        # an abstractNum may only say "use the list of style X" (numStyleLink)
        while aid is not None and aid in self.defs.style_links and seen < 5:
            linked = self.style_num.get(self.defs.style_links[aid], (None, None))[0]
            if linked is None or linked == num_id:
                break
            num_id = linked
            aid = self.defs.num_to_abstract.get(num_id)
            seen += 1
        return aid

    def level(self, num_id: str, ilvl: int) -> Level | None:
        over = self.defs.level_overrides.get(num_id, {}).get(ilvl)
        if over is not None:
            return over
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        return self.defs.abstract.get(aid, {}).get(ilvl)

    def label(self, num_id: str | None, ilvl: int | None) -> str | None:
        """Advance the counter of (num_id, ilvl) and return the label, or None if unnumbered."""
        if num_id is None or num_id == "0":
            return None
        ilvl = ilvl or 0
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return None
        counters = self.counters.setdefault(aid, {})
        override = self.defs.start_overrides.get(num_id, {})
        if ilvl in override and (num_id, ilvl) not in self.started_nums:
            # "restart at N": this num's first use of the level starts afresh
            counters[ilvl] = override[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = lvl.start
        self.started_nums.add((num_id, ilvl))
        for deeper in [d for d in counters if d > ilvl]:
            dl = self.level(num_id, deeper)
            restart_after = dl.restart if dl is not None and dl.restart is not None else deeper
            if restart_after != 0 and ilvl < restart_after:
                del counters[deeper]
        return self._render(num_id, ilvl, lvl, counters)

    def _render(self, num_id: str, ilvl: int, lvl: Level, counters: dict[int, int]) -> str:
        kind = number_format(lvl.fmt)["kind"]
        if kind == "bullet":
            return "•"
        if kind == "none":
            text = re.sub(r"%[1-9]", "", lvl.text)
            return _with_suffix(text, lvl.suffix)

        def sub(m: re.Match[str]) -> str:
            n = int(m.group(1)) - 1
            other = self.level(num_id, n) if n != ilvl else lvl
            value = counters.get(n, other.start if other is not None else 1)
            # w:isLgl: "1.1" under a "一、" parent — every level shown as Arabic digits
            fmt = "decimal" if lvl.legal or other is None else other.fmt
            return format_number(value, fmt)

        text = re.sub(r"%([1-9])", sub, lvl.text)
        return _with_suffix(text, lvl.suffix)


# label followed by text: Word puts a tab (or space) after the label; in Chinese labels
# ending in 、 or ） the gap is only visual, so we write none ("一、总体要求").
_NO_GAP_AFTER = "、，．：）】〕」』.:)"


def _with_suffix(label: str, suffix: str) -> str:
    if not label or suffix == "nothing" or label[-1] in _NO_GAP_AFTER:
        return label
    return label + " "


@cache
def _formats() -> dict[str, dict[str, Any]]:
    return load_data("docx_numbering.yaml")["formats"]


def number_format(fmt: str) -> dict[str, Any]:
    return _formats().get(fmt, {"kind": "decimal"})


_CN_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def _chinese(n: int, digits: str, zero: str, units: tuple[str, str, str]) -> str:
    """1..9999 in Chinese numerals; 10-19 written 十, 十一 (not 一十一) as Word does."""
    if n <= 0 or n >= 10000:
        return str(n)
    ten, hundred, thousand = units
    parts: list[str] = []
    values = [(n // 1000) % 10, (n // 100) % 10, (n // 10) % 10, n % 10]
    names = [thousand, hundred, ten, ""]
    pending_zero = False
    started = False
    for d, name in zip(values, names):
        if d == 0:
            if started:
                pending_zero = True
            continue
        if pending_zero:
            parts.append(zero)
            pending_zero = False
        parts.append(digits[d] + name)
        started = True
    out = "".join(parts)
    if 10 <= n < 20 and digits is _CN_DIGITS:
        out = out[1:]  # 十一, not 一十一
    return out


def _letter(n: int, upper: bool) -> str:
    if n <= 0:
        return str(n)
    ch = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    return ch if upper else ch.lower()


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int, upper: bool) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out += sym
            n -= value
    return out if upper else out.lower()


def format_number(n: int, fmt: str) -> str:
    """Render counter value ``n`` in Word number format ``fmt`` (e.g. chineseCounting → 一)."""
    spec = number_format(fmt)
    kind = spec["kind"]
    if kind == "decimal":
        return str(n).zfill(spec.get("pad", 1))
    if kind == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in str(n))
    if kind == "chinese":
        return _chinese(n, _CN_DIGITS, spec.get("zero", "〇"), ("十", "百", "千"))
    if kind == "legal":
        return _chinese(n, _LEGAL_DIGITS, "零", ("拾", "佰", "仟"))
    if kind == "digits":
        symbols = spec["symbols"]
        return "".join(symbols[int(c)] if c.isdigit() else c for c in str(n))
    if kind == "sequence":
        symbols = spec["symbols"]
        return symbols[n - 1] if 1 <= n <= len(symbols) else str(n)
    if kind == "letter":
        return _letter(n, spec.get("upper", True))
    if kind == "roman":
        return _roman(n, spec.get("upper", True))
    if kind == "bullet":
        return "•"
    return ""


__all__ = ["W_NS", "Level", "NumberingDefs", "NumberingState", "format_number", "parse_numbering", "w"]
