"""Lines of the normalised text with their offsets, indentation stripped.

Metadata, contacts and attachments are line-oriented in 公文 (a title line, a
文号 line, signature lines, ``联系人：…`` lines), so these stages walk lines
rather than sentences. Offsets always index ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass

_SPACE = " \t\u3000\u00a0"


@dataclass(frozen=True, slots=True)
class Line:
    index: int  # 0-based line number in the text
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str  # text[start:end]


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text[start:end]`` as written: untrimmed, blank lines kept.

    For readers that need a line's exact characters (tab-separated cells, a list's own
    numbering at the line start) or its position among all lines; offsets index ``text``."""
    end = len(text) if end is None else end
    out, pos = [], start
    for line in text[start:end].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def text_lines(text: str, *, keep_blank: bool = False) -> list[Line]:
    """Every line of ``text`` with surrounding spaces trimmed; blank lines dropped unless asked."""
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        a, b = pos, pos + len(raw)
        pos = b + 1
        while a < b and text[a] in _SPACE:
            a += 1
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        if a == b and not keep_blank:
            continue
        out.append(Line(i, a, b, text[a:b]))
    return out
