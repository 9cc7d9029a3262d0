"""Document metadata: title, 文号, issuers, 主送 recipients, 成文日期 and 印发日期.

公文 put these in fixed places (GB/T 9704): the 发文机关标志 and 文号 above the
title, the 主送 line (ending with ``：``) under it, the signature and the date
line at the end of the body, and ``…办公室 2020年9月24日印发`` at the foot.
Real texts are looser — web pages add ``发布日期：…`` headers, pkulaw exports
add two source lines and print the title twice, 印发 notices carry a second
document with its own title — so each field is looked for in the places the
convention allows, in order of how reliable they are, and left empty when
none applies. Every value found records where it came from in ``meta.spans``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cn2an

from pipeline.data import load_data
from pipeline.model import Document
from pipeline.structure.lines import Line, text_lines

# 2020年9月24日, 二〇二〇年九月二十四日, 2026年 4月 20 日 (spaces from PDF/web layout)
_CN = "〇○零一二三四五六七八九十"
DATE = re.compile(
    rf"(?P<y>(?:19|20)\d\d|[{_CN}]{{4}})\s*年\s*(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
    rf"\s*(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
)
# longest alternatives first: "2026-05-18" must not stop at day "1" (gold_structure2, hukou guide)
_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12]\d|0?[1-9])(?!\d)")
_DATE_ONLY = re.compile(rf"^[（(]?\s*{DATE.pattern}\s*[）)]?$")
_ISSUED = re.compile(rf"^(?P<org>.*?)\s*{DATE.pattern}\s*印\s*发$")
_YEAR_ONLY = re.compile(rf"^(?:(?:19|20)\d\d|[{_CN}]{{4}})\s*年$")
_SENTENCE_END = re.compile(r"[。！？!?]")


@dataclass(frozen=True, slots=True)
class _Rules:
    number: re.Pattern[str]
    strip_prefix: tuple[str, ...]
    max_agency: int
    order_issuer: re.Pattern[str]
    order_number: re.Pattern[str]
    promulgation: re.Pattern[str]
    title_label: re.Pattern[str]
    title_endings: tuple[str, ...]
    max_title: int
    source_header: tuple[re.Pattern[str], ...]
    labels: dict[str, tuple[str, ...]]
    org_suffixes: tuple[str, ...]
    max_org: int
    letterhead: re.Pattern[str]
    recipient_split: re.Pattern[str]
    recipient_words: tuple[str, ...]
    max_recipient: int
    recipient_ends: tuple[str, ...]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    d: dict[str, Any] = load_data("metadata.yaml")
    return _Rules(
        number=re.compile(d["doc_number"]["pattern"]),
        strip_prefix=tuple(sorted(d["doc_number"]["agency_strip_prefix"], key=len, reverse=True)),
        max_agency=d["doc_number"]["max_agency_chars"],
        order_issuer=re.compile(d["order"]["issuer_line"]),
        order_number=re.compile(d["order"]["number_line"]),
        promulgation=re.compile(d["order"]["promulgation_line"]),
        title_label=re.compile(d["title_column_label"]),
        title_endings=tuple(d["title_endings"]),
        max_title=d["max_title_chars"],
        source_header=tuple(re.compile(p) for p in d["source_header_lines"]),
        labels={k: tuple(v) for k, v in d["labels"].items()},
        org_suffixes=tuple(sorted(d["org_suffixes"], key=len, reverse=True)),
        max_org=d["max_org_chars"],
        letterhead=re.compile(d["letterhead"]),
        recipient_split=re.compile(d["recipient_separators"]),
        recipient_words=tuple(d["recipient_words"]),
        max_recipient=d["max_recipient_chars"],
        recipient_ends=tuple(d["recipient_ends"]),
    )


# ----- small readers shared with citations / tests ---------------------------


def iso_date(m: re.Match[str]) -> str | None:
    """ISO date from a DATE/_ISO match; None when the numbers make no calendar date."""
    try:
        y = _num(m.group("y"), year=True)
        mo, d = _num(m.group("m")), _num(m.group("d"))
    except ValueError:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _num(raw: str, *, year: bool = False) -> int:
    raw = raw.strip().replace("○", "〇")
    if raw.isdigit():
        return int(raw)
    if year:  # 二〇二〇 is read digit by digit
        return int("".join(str("〇一二三四五六七八九".index(c)) for c in raw if c in "〇一二三四五六七八九"))
    return int(cn2an.cn2an(raw, "smart"))


@dataclass(frozen=True, slots=True)
class DocNumber:
    text: str  # normalised: 市中发〔2020〕12号
    start: int
    end: int


# A 文号's year in brackets, the cheap part to find: the full pattern (an agency of up to 12 CJK
# characters tried at every CJK position) runs only in a window before each of these.
_YEAR_BRACKET = re.compile(r"[〔\[［(（【]\s*(?:19|20)\d\d\s*[〕\]］)）】]")
_AGENCY_REACH = 40  # characters before a bracket the agency (≤ 12) and its spaces may start


def _number_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches ``rules().number.finditer(text, start, end)`` gives, found from the brackets
    (the same leftmost, non-overlapping matches; 3× faster on a 公文, robustness sweep)."""
    number = rules().number
    pos = start
    for b in _YEAR_BRACKET.finditer(text, start, end):
        if b.start() < pos:
            continue
        m = number.search(text, max(pos, b.start() - _AGENCY_REACH), end)
        if m is None:
            return
        if m.start() > b.end():
            continue  # this bracket starts no 文号; the next bracket's window finds m again
        yield m
        pos = m.end()


def find_doc_numbers(text: str, start: int = 0, end: int | None = None) -> list[DocNumber]:
    """Every 文号 in ``text[start:end]``, brackets normalised to 〔〕."""
    r = rules()
    end = len(text) if end is None else end
    out: list[DocNumber] = []
    for m in _number_matches(text, start, end):
        agency = m.group("agency")
        a_start = m.start("agency")
        # the scan starts the agency as far left as the CJK run allows: keep its last
        # max_agency characters, then drop running-text words in front ("根据鲁政发")
        if len(agency) > r.max_agency:
            a_start += len(agency) - r.max_agency
            agency = agency[-r.max_agency :]
        changed = True
        while changed:
            changed = False
            for p in r.strip_prefix:
                if agency.startswith(p) and len(agency) > len(p) + 1:
                    agency, a_start, changed = agency[len(p) :], a_start + len(p), True
        value = f"{agency}〔{m.group('year')}〕{m.group('serial')}号"
        out.append(DocNumber(value, a_start, m.end()))
    return out


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def is_org(text: str) -> bool:
    """Does this short line name an organisation (signature, letterhead, 发布机关)?"""
    r = rules()
    t = text.strip()
    if not t or len(t) > r.max_org or re.search(r"[。，,：:；;！？《》\d]", t):
        return False
    return t.endswith(r.org_suffixes) or bool(re.match(r"^中共.{1,20}委", t))


def split_orgs(text: str) -> list[str]:
    """A signature line may hold several organisations separated by spaces (联合发文), a joint
    order's issuer line by 、 ("农业部、财政部、国家物价局令第1号")."""
    parts = [p for p in re.split(r"[\s、]+", text.strip()) if p]
    if len(parts) > 1 and all(is_org(p) for p in parts):
        return parts
    return [re.sub(r"\s+", "", text.strip())] if is_org(text) else []


# ----- the stage ---------------------------------------------------------------


def extract_metadata(doc: Document) -> Document:
    """Stage ``structure.metadata.v1``: fill ``doc.meta`` and ``doc.meta.spans``."""
    lines = text_lines(doc.text)
    if not lines:
        return doc
    meta, spans = doc.meta, doc.meta.spans
    body_start = _body_start(doc, lines)
    header = [ln for ln in lines if ln.start < body_start]
    labelled = _labelled_fields(header)

    title = _title(header)
    if title and not meta.title:
        meta.title, spans["title"] = title[0], [title[1], title[2]]

    promulgated = _promulgation(header)
    number = _doc_number(header, labelled, promulgated)
    if number and not meta.doc_number:
        meta.doc_number, spans["doc_number"] = number[0], [number[1], number[2]]

    recipients = _recipients(header, title)
    if recipients and not meta.recipients:
        meta.recipients, spans["recipients"] = recipients[0], [recipients[1], recipients[2]]

    date_line, issuers = _signature(doc, lines)
    if date_line is not None and not meta.date:
        m = DATE.search(date_line.text)
        if m and (iso := iso_date(m)):
            meta.date, spans["date"] = iso, [date_line.start + m.start(), date_line.start + m.end()]
    if not issuers:
        issuers = _issuers_fallback(header, title, labelled, promulgated)
    if issuers and not meta.issuers:
        meta.issuers = [name for name, _, _ in issuers]
        spans["issuers"] = [issuers[0][1], issuers[-1][2]]

    if not meta.date and "date" in labelled:
        value, a, _b = labelled["date"]
        m = DATE.search(value) or _ISO.search(value)
        if m and (iso := iso_date(m)):
            meta.date, spans["date"] = iso, [a + m.start(), a + m.end()]

    if promulgated and not meta.date:
        m, ln = promulgated
        d = DATE.search(m.group("date"))
        if d and (iso := iso_date(d)):
            meta.date, spans["date"] = iso, [ln.start + m.start("date"), ln.start + m.end("date")]

    issued = _issued_date(lines)
    if issued and not meta.issued_date:
        meta.issued_date, spans["issued_date"] = issued[0], [issued[1], issued[2]]
    return doc


def _body_start(doc: Document, lines: list[Line]) -> int:
    """Where the header (title, 文号, 主送) ends: the first paragraph or heading."""
    limit = doc.sections[0].start if doc.sections else len(doc.text)
    for ln in lines:
        if ln.start >= limit:
            break
        if len(ln.text) > 60 and _SENTENCE_END.search(ln.text):
            return ln.start
    return limit


def _is_source_header(text: str) -> bool:
    return any(p.search(text) for p in rules().source_header)


def _label_of(text: str, field: str) -> str | None:
    """The value of a "label：value" line for ``field`` (spaces inside the label ignored)."""
    m = re.match(r"^([\u4e00-\u9fff\s]{1,10}?)\s*[：:]\s*(.*)$", text)
    if not m:
        return None
    label = re.sub(r"\s+", "", m.group(1))
    return m.group(2) if label in rules().labels[field] else None


def _labelled_fields(header: list[Line]) -> dict[str, tuple[str, int, int]]:
    """Header fields written as labels, the value on the same line or the next one."""
    out: dict[str, tuple[str, int, int]] = {}
    for i, ln in enumerate(header):
        for field in ("doc_number", "date", "issuers"):
            value = _label_of(ln.text, field)
            if value is None or field in out:
                continue
            if value.strip():
                a = ln.start + ln.text.index(value)
                out[field] = (value.strip(), a, a + len(value.strip()))
            elif i + 1 < len(header):
                nxt = header[i + 1]
                out[field] = (nxt.text, nxt.start, nxt.end)
    return out


def _is_label_line(text: str) -> bool:
    return bool(re.match(r"^[\u4e00-\u9fff\s]{1,8}[：:]", text)) and any(
        _label_of(text, f) is not None for f in ("doc_number", "date", "issuers")
    )


def _title_like(text: str) -> bool:
    r = rules()
    t = re.sub(r"\s+", "", text)
    if not t or len(t) > r.max_title or _SENTENCE_END.search(t) or _is_source_header(t):
        return False
    core = re.sub(r"[（(][^（）()]*[）)]$", "", t)  # "…导引（市级版）"
    return core.endswith(r.title_endings) or t.endswith(r.title_endings)


def is_title_line(text: str) -> bool:
    """A line that reads as a document title (…办法, 关于…) or a 发文机关标志 (…文件): the head
    of the document, which the heading stage must not turn into a section (QA F11)."""
    t = re.sub(r"\s+", "", text)
    return _title_like(t) or _guanyu_line(t) or bool(rules().letterhead.match(t))


def is_unfinished_title(text: str) -> bool:
    """A 关于… line without its type word: the title wraps onto the next line."""
    t = re.sub(r"\s+", "", text)
    return _guanyu_line(t) and not _title_like(t)


def _guanyu_line(text: str) -> bool:
    """A 关于… line with no sentence end is a title even when its type word was cut off
    (seed 000 "关于开展第二批…试点县（市、区）认定工作")."""
    t = re.sub(r"\s+", "", text)
    at = t.find("关于")
    if at < 0 or "《" in t[:at] or DATE.match(t):  # "2016年2月6日《国务院关于修改…的决定》修订"
        return False
    return (
        at < 30
        and len(t) <= rules().max_title
        and not _SENTENCE_END.search(t)
        and not re.search(r"[，,；;]", t)
        and not _is_source_header(t)
    )


def _title_tail(text: str) -> bool:
    """The rest of a wrapped title: short, no sentence, not a label, 主送, 文号 or date line."""
    t = re.sub(r"\s+", "", text)
    return (
        0 < len(t) <= 30
        and not _SENTENCE_END.search(t)
        and not re.search(r"[，,；;：:]", t)
        and not _is_label_line(t)
        and not _is_source_header(t)
        and not find_doc_numbers(t)
        and not DATE.search(t)
        and not _guanyu_line(t)
        and not rules().letterhead.match(t)
    )


def _title(header: list[Line]) -> tuple[str, int, int] | None:
    """The 关于…的通知 line (joined with the next when it wraps); else the first title-like line."""
    for ln in header[:3]:
        md = re.match(r"^#\s+(?=\S)", ln.text)  # Markdown exports (LawRefBook): "# 殡葬管理条例"
        if md and not ln.text.startswith("##"):
            return ln.text[md.end() :], ln.start + md.end(), ln.end
    candidates: list[tuple[str, int, int, bool]] = []
    for i, ln in enumerate(header):
        if _is_source_header(ln.text) or _is_label_line(ln.text) or ln.text.endswith(("：", ":")):
            continue
        text = ln.text
        label = rules().title_label.match(text)
        if label and _title_like(text[label.end() :]):
            candidates.append((text[label.end() :], ln.start + label.end(), ln.end, "关于" in text))
            continue
        if _title_like(text):
            candidates.append((text, ln.start, ln.end, "关于" in text))
            continue
        if i + 1 < len(header) and _guanyu_line(text):
            nxt = header[i + 1]  # 国办发 notice: "…成效明显地方" / "进一步加大激励支持力度的通知"
            joined = text + nxt.text
            if _title_like(joined) and not _is_label_line(nxt.text):
                candidates.append((joined, ln.start, nxt.end, True))
                continue
        if i + 1 < len(header) and is_unfinished_title(text) and _title_tail(header[i + 1].text):
            # a title cut by a line wrap with no type word to end it (seed 000 as a 公文 PDF:
            # "关于开展第二批山东省外贸转型升级试点县" / "（市、区）认定工作")
            nxt = header[i + 1]
            candidates.append((text + nxt.text, ln.start, nxt.end, True))
            continue
        if _guanyu_line(text):
            candidates.append((text, ln.start, ln.end, True))
    if not candidates:
        return None
    with_guanyu = [c for c in candidates if c[3]]
    best = (with_guanyu or candidates)[0]
    return best[0], best[1], best[2]


# the header's "<date> <issuer>令第N号公布" line: its match and the line
_Promulgation = tuple[re.Match[str], Line]


def _doc_number(
    header: list[Line], labelled: dict[str, tuple[str, int, int]], promulgated: _Promulgation | None
) -> tuple[str, int, int] | None:
    """The document's own 文号: alone on a header line, labelled, or a 政府令's number."""
    r = rules()
    for ln in header:
        found = find_doc_numbers(ln.text)
        if found and _number_line(ln.text, found[0]):
            return found[0].text, ln.start + found[0].start, ln.start + found[0].end
    if "doc_number" in labelled:
        value, a, _ = labelled["doc_number"]
        found = find_doc_numbers(value)
        if found:
            return found[0].text, a + found[0].start, a + found[0].end
    for i, ln in enumerate(header[:-1]):
        issuer = r.order_issuer.match(ln.text)
        if issuer:
            for nxt in header[i + 1 : i + 3]:
                num = r.order_number.match(nxt.text)
                if num:
                    return f"{ln.text}第{num.group('serial')}号", ln.start, nxt.end
    if promulgated and promulgated[0].group("serial"):
        m, ln = promulgated
        return f"{m.group('issuer')}令第{m.group('serial')}号", ln.start + m.start("issuer"), ln.start + m.end("serial") + 1
    return None


def _promulgation(header: list[Line]) -> _Promulgation | None:
    """The first "<date> <issuer>令第N号公布" line of the header, if any."""
    for ln in header:
        m = rules().promulgation.match(ln.text.strip())
        if m:
            return m, ln
    return None


def _number_line(text: str, number: DocNumber) -> bool:
    """A 文号 line holds the number and little else ("（皖政办秘〔2021〕82号）", "签发人：…" aside)."""
    rest = text[: number.start] + text[number.end :]
    rest = re.sub(r"[\s（）()]|签发人[：:]\S*", "", rest)
    return len(rest) <= 2


def _recipients(header: list[Line], title: tuple[str, int, int] | None) -> tuple[list[str], int, int] | None:
    """The 主送 line: organisations ending with ``：`` after the title."""
    r = rules()
    after = title[2] if title else -1
    for ln in header:
        if ln.start < after:
            continue
        t = ln.text
        if (
            not t.endswith(("：", ":"))
            or len(t) > r.max_recipient
            or _is_label_line(t)
            or _is_source_header(t)
        ):
            continue
        body = t[:-1].strip()
        if re.search(r"如下|通知|[。！？]", body) or not any(w in body for w in r.recipient_words):
            continue
        names = split_recipients(body)
        if names:
            return names, ln.start, ln.start + len(body)
    return None


def split_recipients(body: str) -> list[str]:
    """主送 organisations: split on ，/、 outside brackets, re-joining shared names."""
    r = rules()
    out: list[str] = []
    for group in _split_outside_brackets(body, r.recipient_split):
        pending: list[str] = []
        for piece in _split_outside_brackets(group, re.compile("、")):
            piece = piece.strip()
            if not piece:
                continue
            pending.append(piece)
            core = re.sub(r"[（(][^（）()]*[）)]$", "", piece)
            if core.endswith(r.org_suffixes + r.recipient_ends):
                out.append("、".join(pending))
                pending = []
        if pending:
            out.extend(pending)
    return out


def _split_outside_brackets(text: str, sep: re.Pattern[str]) -> list[str]:
    """Split on separators that are not inside （）: "各县（市、区）人民政府" stays whole."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        if depth == 0 and sep.fullmatch(ch):
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts


def _signature(doc: Document, lines: list[Line]) -> tuple[Line | None, list[tuple[str, int, int]]]:
    """The 成文日期 line and the organisations signed above it.

    Date-only lines after a label (``实施日期：`` / ``2025年06月01日``) are field values,
    not signatures; ``…印发`` lines are the 印发日期. Attachments (forms with their own
    ``年 月 日``) come after the signature, so a signed date wins, then the first date line.
    """
    attachment_start = next((s.start for s in doc.sections if s.style == "attachment"), len(doc.text))
    dated: list[tuple[int, Line]] = []
    for i, ln in enumerate(lines):
        if ln.start >= attachment_start:
            break
        if not (_DATE_ONLY.match(ln.text) or _YEAR_ONLY.match(ln.text)):
            continue
        if i > 0 and lines[i - 1].text.endswith(("：", ":")):
            continue
        dated.append((i, ln))
    best: tuple[Line | None, list[tuple[str, int, int]]] = (None, [])
    for i, ln in dated:
        orgs = _orgs_above(lines, i)
        is_date = bool(_DATE_ONLY.match(ln.text))
        if orgs:
            return (ln if is_date else None), orgs
        if is_date and best[0] is None:
            best = (ln, [])
    return best


def _orgs_above(lines: list[Line], i: int) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    j = i - 1
    while j >= 0 and i - j <= 4:
        names = split_orgs(lines[j].text)
        if not names:
            break
        for name in reversed(names):
            out.append((name, lines[j].start, lines[j].end))
        j -= 1
    return list(reversed(out))


def _issuers_fallback(
    header: list[Line],
    title: tuple[str, int, int] | None,
    labelled: dict[str, tuple[str, int, int]],
    promulgated: _Promulgation | None,
) -> list[tuple[str, int, int]]:
    """No signature: a 政府令's issuer, the letterhead, org lines above the title, a label."""
    r = rules()
    for ln in header:
        m = r.order_issuer.match(ln.text)
        if m:
            return [(m.group("issuer"), ln.start, ln.start + len(m.group("issuer")))]
    if promulgated:
        m, ln = promulgated
        names = split_orgs(m.group("issuer"))
        if names:
            return [(n, ln.start + m.start("issuer"), ln.start + m.end("issuer")) for n in names]
    for ln in header:
        m = r.letterhead.match(ln.text)
        if m and is_org(m.group("issuer")):
            return [(m.group("issuer"), ln.start, ln.start + len(m.group("issuer")))]
    if title:
        above = [ln for ln in header if ln.end <= title[1]]
        out: list[tuple[str, int, int]] = []
        for ln in reversed(above[-2:]):
            names = split_orgs(ln.text)
            if not names:
                break
            out = [(n, ln.start, ln.end) for n in names] + out
        if out:
            return out
        # the issuer named at the head of the title (pkulaw drops the signature):
        # "包头市人民政府办公室关于印发…", "北京市经济和信息化局印发《…》的通知"
        head = re.match(r"^(?P<org>.+?)(?:关于|印发|转发)", title[0])
        if head:
            names = split_orgs(head.group("org"))
            if names:
                a = title[1]
                return [(n, a, a + len(head.group("org"))) for n in names]
    if "issuers" in labelled:
        value, a, b = labelled["issuers"]
        names = split_orgs(value)
        if names:
            return [(n, a, b) for n in names]
    return []


def _issued_date(lines: list[Line]) -> tuple[str, int, int] | None:
    for ln in reversed(lines):
        m = _ISSUED.match(ln.text)
        if m:
            d = DATE.search(ln.text)
            if d and (iso := iso_date(d)):
                return iso, ln.start + d.start(), ln.start + d.end()
    return None
