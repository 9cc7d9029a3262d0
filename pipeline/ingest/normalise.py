"""Character-level normalisation of one line or block of Chinese text.

Why not NFKC on everything: it turns Chinese punctuation into ASCII (，→ ,
：→ :, （→ ( ), which changes how sentences and headings are read and what a
reviewer sees quoted. We only fold what makes rules miss: full-width digits
and Latin letters, ％, look-alike radicals emitted by PDF fonts, invisible
characters, and the spaces typeset around numbers (``500 万元``).

The tables and patterns live in ``pipeline/data/normalise.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pipeline.data import load_data

# CJK ideographs (BMP unified + extension A + compatibility block after mapping).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


_PUA_EDGES = re.compile(r"^[\ue000-\uf8ff ]+|[\ue000-\uf8ff ]+$")


class _PuaRange:
    def __contains__(self, ch: str) -> bool:
        return "\ue000" <= ch <= "\uf8ff"


_PUA_EDGE = _PuaRange()


@dataclass(frozen=True, slots=True)
class _Tables:
    translate: dict[int, str]
    between_digits: re.Pattern[str]
    between_map: dict[str, str]
    thousands: re.Pattern[str]
    drop_spaces: tuple[re.Pattern[str], ...]
    multi_space: re.Pattern[str]
    title_space: re.Pattern[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    rules = load_data("normalise.yaml")
    table: dict[int, str] = {}
    for ch in rules["remove_chars"]:
        table[ord(ch)] = ""
    for ch in rules["space_chars"]:
        table[ord(ch)] = " "
    # full-width ASCII digits and letters U+FF10-FF19, U+FF21-FF3A, U+FF41-FF5A
    for cp in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):
        table[cp] = chr(cp - 0xFEE0)
    for src, dst in rules["always"].items():
        table[ord(src)] = dst
    # Kangxi radicals and CJK compatibility ideographs: NFKC maps each to its unified ideograph
    # (⼩ U+2F29 → 小, 﨑 stays: U+FA11 is itself a unified ideograph and NFKC leaves it).
    for cp in list(range(0x2F00, 0x2FE0)) + list(range(0xF900, 0xFB00)):
        ch = chr(cp)
        mapped = unicodedata.normalize("NFKC", ch)
        if mapped != ch and len(mapped) == 1:
            table[cp] = mapped
    for src, dst in rules["radicals"].items():
        table[ord(src)] = dst
    punct = re.escape(rules["cjk_punct"])
    # one alternation, one pass: every rule deletes its match
    drops = (
        re.compile(
            "|".join(f"(?:{p})" for p in rules["drop_spaces"])
            .replace("{cjk}", CJK)
            .replace("{cjk_punct}", punct)
        ),
    )
    between = rules["between_digits"]
    chars = "".join(re.escape(c) for c in between if c != "，")
    return _Tables(
        translate=table,
        between_digits=re.compile(rf"(?<=[0-9A-Za-z])([{chars}])(?=[0-9A-Za-z])"),
        between_map=between,
        thousands=re.compile(r"(?<=[0-9])，(?=[0-9]{3}(?![0-9]))"),
        drop_spaces=drops,
        multi_space=re.compile(r" {2,}"),
        title_space=re.compile(r"《[^《》\n]*》"),
    )


def fold_chars(text: str) -> str:
    """Map characters one to one (or to nothing): full-width, radicals, invisible, spaces."""
    return text.translate(_tables().translate)


def normalise_line(text: str) -> str:
    """Normalise one line (no newlines expected; any are kept): characters, then spaces.

    Leading and trailing spaces are stripped: indentation (often two U+3000) is
    layout, not content.
    """
    t = _tables()
    s = text.translate(t.translate)
    s = t.between_digits.sub(lambda m: t.between_map[m.group(1)], s)
    if "，" in t.between_map:
        s = t.thousands.sub(",", s)
    if " " in s:
        for pat in t.drop_spaces:
            s = pat.sub("", s)
        if "《" in s:
            s = t.title_space.sub(_drop_cjk_spaces, s)
        s = s.strip(" ")
    if s and (s[-1] in _PUA_EDGE or s[0] in _PUA_EDGE):
        # private-use code points at a line's edge are unmappable font glyphs (bulk/01574:
        # "…产业化。" + U+E5F9 U+E5F9); they hide the full stop from the join rules
        s = _PUA_EDGES.sub("", s).strip(" ")
    return s


def _drop_cjk_spaces(m: re.Match[str]) -> str:
    # inside 《…》 a space between two CJK characters is a title's line-break artefact
    return re.sub(rf"(?<=[{CJK}]) +(?=[{CJK}])", "", m.group(0))


def normalise_text(text: str) -> str:
    """Normalise a whole text line by line (newline conventions unified to \\n)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(normalise_line(line) for line in text.split("\n"))


# East Asian Wide/Fullwidth ranges (UAX #11) that occur in Chinese text; a regex count is ~20x
# faster than unicodedata.east_asian_width per character and agrees on every CJK code point.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def display_width(text: str) -> int:
    """Columns a line takes in a fixed-width layout: CJK and full-width count two."""
    return len(text) + len(_WIDE.findall(text))
