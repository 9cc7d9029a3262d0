"""Stage ``extract.amounts.v1``: money amounts in yuan (or their own currency).

Runs on the normalised text with regular expressions, before any word
segmentation: jieba splits 3480.83万元 and 23.4% apart. Every lexicon and
marker lives in ``pipeline/data/amounts.yaml``; the annotation rules this code
follows are in ``corpora/gold/amounts/GUIDE.md``.

Reading an amount takes three passes:

1. *Scan*: one regular expression finds ranges (300-1000万美元), single amounts
   (最高800万元, 壹佰万元整, 1.5亿元) and percentages (10%, 5%—20%).
2. *Read the surroundings*: markers before/after the number make it a cap, a
   floor or a per-unit rate; percentages are dropped unless they are a money
   rate, and get the base they apply to.
3. *Sentences* (``tiers.py``): lists become tiers (threshold -> reward by
   index) and a percentage takes the cap stated later in its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pipeline.data import load_data
from pipeline.extract.numerals import CHINESE_DIGITS, CHINESE_NUMERAL_CHARS, parse_number
from pipeline.model import Amount, Document

__all__ = ["extract_amounts", "find_amounts"]


# ---------------------------------------------------------------- lexicon --
@dataclass(frozen=True, slots=True)
class Marker:
    """A word that bounds an amount: 最高 (cap, inclusive), 以上 (floor, exclusive)…"""

    text: str
    kind: str  # cap | floor
    inclusive: bool
    adjacent: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """amounts.yaml compiled once: the scanner regex, marker tables and word lists."""

    scanner: re.Pattern[str]
    anchors: re.Pattern[str]
    currencies: dict[str, str]
    prefixes: dict[str, str]
    multipliers: dict[str, int]
    not_money_after: tuple[str, ...]
    bare_next_ok: frozenset[str]
    bare_context: tuple[str, ...]
    before: tuple[Marker, ...]
    markers_by_last: dict[str, tuple[Marker, ...]]
    after: tuple[Marker, ...]
    window: int
    skip_after: tuple[str, ...]
    per_slash: tuple[str, ...]
    per_unit_stop: frozenset[str]
    per_max_chars: int
    per_phrase: re.Pattern[str]
    per_window: int
    per_implied: dict[str, str]
    level_words: tuple[str, ...]
    money_words: tuple[str, ...]
    next_openers: tuple[str, ...]
    not_money_words: tuple[str, ...]
    not_money_pattern: re.Pattern[str]
    rate_words: tuple[str, ...]
    rate_after: tuple[str, ...]
    base_openers: tuple[str, ...]
    base_suffixes: tuple[str, ...]
    separators: tuple[str, ...]
    reward_words: tuple[str, ...]
    segment_breaks: frozenset[str]
    sentence_breaks: frozenset[str]


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    rules = load_data("amounts.yaml")
    cur = _alt(rules["currencies"])
    mult = _alt(rules["multipliers"])
    pre = _alt(rules["currency_prefixes"])
    conn = _alt(rules["range_connectors"])
    cn = re.escape(CHINESE_NUMERAL_CHARS)
    # a Chinese numeral starts with a digit or 十 (十万元); 千亿万企 is not a number
    # bounded repetitions: a run of 100 000 digits must cost linear time, not quadratic
    # An Arabic number never starts inside a Latin-letter token: "1e308万元" is no 308万元 and "第一年为l000元"
    # (lawrefbook 01589, a Latin l typed for 1) no 0 yuan — except right after a lettered currency prefix
    # (RMB500万元, USD2000).
    lettered = [w for w in rules["currency_prefixes"] if w[-1].isascii() and w[-1].isalpha()]
    num_start = "(?:(?<![\\d.,A-Za-z])" + "".join(f"|(?<={re.escape(w)})" for w in lettered) + ")"
    num = (
        rf"(?:{num_start}(?:\d{{1,4}}(?:,\d{{3}}){{1,5}}(?:\.\d{{1,8}})?|\d{{1,16}}(?:\.\d{{1,8}})?)"
        rf"|(?<![{cn}])[{re.escape(CHINESE_DIGITS)}十拾][{cn}]{{0,15}})"
    )
    ws = r"[ \t]{0,3}\n?[ \t]{0,3}"  # ingestion may leave 1000万\n元 from a PDF line break
    incl = r"(?:[（(]含(?P<incl>[^）)\n]{1,15})[）)])"
    left_after = r"(?P<lmark>及以上|以上|（含）以上|\(含\)以上|（含）|\(含\))?"
    # The lookahead rejects, with one character test, every position where no amount can
    # start; without it each position tries all five alternatives (6x slower on real text).
    prefix_starts = "".join({w[0] for w in rules["currency_prefixes"]})
    starts = re.escape("0123456789" + CHINESE_NUMERAL_CHARS + prefix_starts)
    # a single amount ends in a currency or a multiplier (2019, 一次性 never match at all)
    end_chars = {w[-1] for w in rules["currencies"]} | {c for w in rules["multipliers"] for c in w}
    ends = re.escape("".join(sorted(end_chars)))
    pnum = r"\d{1,6}(?:\.\d{1,6})?"  # a percentage
    scanner = re.compile(
        rf"""
        (?=[{starts}])
        (?:
        (?P<range>
            (?:(?P<lpre>{pre}){ws})?(?P<lnum>{num}){ws}(?P<lmult>{mult})?{ws}(?P<lcur>{cur})?{left_after}
            {ws}(?P<conn>{conn}){ws}
            (?:(?P<rpre>{pre}){ws})?(?P<rnum>{num}){ws}(?P<rmult>{mult})?{ws}(?P<rcur>{cur})?{incl}?
        )
        |(?P<prange>(?<![\d.])(?P<plow>{pnum})[%％]?{ws}(?:{conn}){ws}(?P<phigh>{pnum})[%％])
        |(?P<pcrange>百分之(?P<pcl>[{cn}]{{1,8}})(?:{conn})(?:百分之)?(?P<pch>[{cn}]{{1,8}}))
        |(?P<pct>
            (?<![\d.])(?P<pnum>{pnum}){ws}[%％]
            |百分之(?P<pcn>[{cn}]{{1,8}}(?:点[{cn}]{{1,6}})?|{pnum})
        )
        |(?P<single>
            (?:(?P<spre>{pre}){ws})?(?P<snum>{num}){ws}(?P<smult>{mult})?{ws}(?P<scur>{cur})?
            (?(spre)|(?<=[{ends}]))
        )
        |(?P<implicit>(?P<imult>千万|百万|亿)元)
        )
        """,
        re.VERBOSE,
    )
    # Every amount ends in a currency, a multiplier or a percent sign, and those characters are
    # rare in running text: the scanner only runs in windows around them (about half of a
    # money-dense notice, a small part of a law).
    anchor_chars = {w[-1] for w in rules["currencies"]} | {c for w in rules["multipliers"] for c in w}
    # prefixes: only the symbols (人 of 人民币 is everywhere; 人民币 ends in 币 anyway)
    anchor_chars |= {"%", "％"} | {c for w in rules["currency_prefixes"] for c in w if not c.isalnum()}
    anchors = re.compile("[" + "".join(re.escape(c) for c in sorted(anchor_chars)) + "]|百分之")
    markers_before = []
    markers_after = []
    for kind in ("cap", "floor"):
        for m in rules[kind]["before"]:
            markers_before.append(Marker(m["text"], kind, m["inclusive"], m.get("adjacent", False)))
        for m in rules[kind]["after"]:
            markers_after.append(Marker(m["text"], kind, m["inclusive"]))
    per = rules["per"]
    units = _alt(per["units"])
    count = rf"\d+(?:\.\d+)?|[{re.escape(CHINESE_DIGITS)}十百千万]+"
    filler = rf"[^\d{re.escape(CHINESE_DIGITS)}十百千万，,。；;、%％\s]{{1,{int(per['max_filler_chars'])}}}?"
    per_phrase = re.compile(
        rf"(?:{_alt(per['prefixes'])})(?:增加|新增)?满?(?P<full>(?P<n>{count})?(?P<u>{units}))"
        # 每连续租满1年: words between 每 and a counted unit
        rf"|(?:{_alt(per['prefixes'])}){filler}(?P<full2>(?P<n2>{count})(?P<u2>{units}))"
        # 按车向托运人偿付…: 按 + a unit, then the verb or preposition of the payment
        rf"|{re.escape(per['by_prefix'])}(?P<by>{_alt(per['by_units'])})(?=[{re.escape(''.join(per['by_next']))}])"
        rf"|(?P<implied>{_alt(per['implied'])})"
    )
    pct = rules["percent"]
    return Lexicon(
        scanner=scanner,
        anchors=anchors,
        currencies=dict(rules["currencies"]),
        prefixes=dict(rules["currency_prefixes"]),
        multipliers={k: int(v) for k, v in rules["multipliers"].items()},
        not_money_after=tuple(rules["not_money_after_currency"]),
        bare_next_ok=frozenset(rules["bare_multiplier"]["next_ok"]),
        bare_context=tuple(rules["bare_multiplier"]["context"]),
        before=tuple(sorted(markers_before, key=lambda m: len(m.text), reverse=True)),
        markers_by_last=_by_last_char(markers_before),
        after=tuple(sorted(markers_after, key=lambda m: len(m.text), reverse=True)),
        window=int(rules["marker_window"]),
        skip_after=tuple(rules["skip_after"]),
        per_slash=tuple(per["slash"]),
        per_unit_stop=frozenset(per["unit_stop"]),
        per_max_chars=int(per["max_unit_chars"]),
        per_phrase=per_phrase,
        per_window=int(per["window"]),
        per_implied=dict(per["implied"]),
        level_words=tuple(sorted(pct["level_words"], key=len, reverse=True)),
        money_words=tuple(pct["money_words"]),
        next_openers=tuple(pct["next_segment_openers"]),
        not_money_words=tuple(pct["not_money_words"]),
        not_money_pattern=re.compile("|".join(f"(?:{p})" for p in pct["not_money_patterns"])),
        rate_words=tuple(pct["rate_words"]),
        rate_after=tuple(pct["rate_after"]),
        base_openers=tuple(sorted(pct["base_openers"], key=len, reverse=True)),
        base_suffixes=tuple(pct["base_suffixes"]),
        separators=tuple(sorted(rules["tiers"]["separators"], key=len, reverse=True)),
        reward_words=tuple(rules["tiers"]["reward_words"]),
        segment_breaks=frozenset(rules["segment_breaks"]),
        sentence_breaks=frozenset(rules["sentence_breaks"]),
    )


def _by_last_char(markers: list[Marker]) -> dict[str, tuple[Marker, ...]]:
    """Markers indexed by their last character, longest first (不低于 before 低于)."""
    out: dict[str, list[Marker]] = {}
    for mk in sorted(markers, key=lambda m: len(m.text), reverse=True):
        out.setdefault(mk.text[-1], []).append(mk)
    return {k: tuple(v) for k, v in out.items()}


# ------------------------------------------------------------- candidates --
@dataclass(slots=True)
class Candidate:
    """An amount being read; becomes an :class:`Amount` once its surroundings are known."""

    start: int
    end: int
    kind: str
    value: Decimal | None = None
    currency: str = "CNY"
    low: Decimal | None = None
    high: Decimal | None = None
    low_inclusive: bool | None = None
    high_inclusive: bool | None = None
    percent: Decimal | None = None
    base: str | None = None
    cap: Decimal | None = None
    per: str | None = None
    bare: bool = False  # a multiplier without a currency word (200万)
    is_percent: bool = False
    from_before: bool = False  # kind/per came from a marker before the number (inherited by lists)
    has_own_marker: bool = False
    role: str | None = None
    tier_group: str | None = None
    tier_index: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# A segment or sentence longer than this is cut: searching further buys nothing (the words
# that matter stand near the amount) and would make long texts quadratic.
_SEGMENT_REACH = 400


def _segment(text: str, start: int, end: int, breaks: frozenset[str]) -> tuple[int, int]:
    """The stretch around [start, end) bounded by any of ``breaks`` (str.find runs in C)."""
    floor = max(0, start - _SEGMENT_REACH)
    a = max(max(text.rfind(c, floor, start) for c in breaks) + 1, floor)
    n = len(text)
    b = min(n, end + _SEGMENT_REACH)
    for c in breaks:
        i = text.find(c, end, b)
        if i >= 0:
            b = i
    return a, b


def _money_value(num: str | None, mult: str | None, lex: Lexicon) -> Decimal | None:
    if not num:
        return None
    value = parse_number(num)
    if value is None:
        return None
    if mult:
        value *= lex.multipliers[mult]
    return value


def _currency(pre: str | None, cur: str | None, lex: Lexicon) -> str | None:
    if cur:
        return lex.currencies[cur]
    if pre:
        return lex.prefixes[pre]
    return None


def _after_currency_ok(text: str, end: int, cur: str | None, num_start: int, lex: Lexicon) -> bool:
    if cur is None:
        return True
    following = text[end : end + 3]
    if any(following.startswith(w) for w in lex.not_money_after):
        return False
    # 5月1日元旦: 日元 after a date is not yen
    return not (cur == "日元" and text[max(0, num_start - 3) : num_start].rstrip().endswith("月"))


def _bare_ok(text: str, end: int, seg: tuple[int, int], lex: Lexicon) -> bool:
    """200万 without 元 is money only before punctuation/a joining word, in a money sentence."""
    nxt = text[end] if end < len(text) else ""
    if nxt and not (nxt in lex.bare_next_ok or nxt in lex.segment_breaks or nxt in "。，、；）) \n"):
        return False
    segment = text[seg[0] : seg[1]]
    return any(w in segment for w in lex.bare_context)


# How far around an anchor character the scanner looks: the longest amount we read
# (1000-2000万美元（含2000万美元）, 1000万元及以上至5000万元) fits well inside.
_LEFT, _RIGHT = 48, 24
_NUMBER_CHARS = frozenset("0123456789.,") | frozenset(CHINESE_NUMERAL_CHARS)


def _windows(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Disjoint stretches of text around currency/multiplier/percent characters."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in lex.anchors.finditer(text):
        a, b = max(0, m.start() - _LEFT), min(n, m.end() + _RIGHT)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    out = []
    for a, b in spans:
        stop = max(0, a - _LEFT)  # never start inside a number, but do not follow a digit flood
        while a > stop and text[a - 1] in _NUMBER_CHARS:
            a -= 1
        stop = min(n, b + _RIGHT)
        while b < stop and text[b] in _NUMBER_CHARS:
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _scan(text: str, lex: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    for a, b in _windows(text, lex):
        out.extend(_scan_window(text, a, b, lex))
    return out


def _scan_window(text: str, a: int, b: int, lex: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    for m in lex.scanner.finditer(text, a, b):
        g = m.groupdict()
        if g["range"] is not None:
            cand = _read_range(text, m, lex)
        elif g["prange"] is not None:
            cand = Candidate(m.start(), m.end(), "percent", is_percent=True)
            cand.low, cand.high = Decimal(g["plow"]), Decimal(g["phigh"])
        elif g["pcrange"] is not None:  # 本人工资百分之四十至百分之六十, 百分之十至二十
            low, high = parse_number(g["pcl"]), parse_number(g["pch"])
            if low is None or high is None or low > high:
                continue
            cand = Candidate(m.start(), m.end(), "percent", low=low, high=high, is_percent=True)
        elif g["pct"] is not None:
            raw = g["pnum"] or g["pcn"]
            val = parse_number(raw.replace("点", ".")) if raw else None
            if g["pcn"] and "点" in g["pcn"]:
                whole, _, frac = g["pcn"].partition("点")
                w, f = parse_number(whole), parse_number(frac)
                val = Decimal(f"{w}.{f}") if w is not None and f is not None else None
            if val is None:
                continue
            cand = Candidate(m.start(), m.end(), "percent", percent=val, is_percent=True)
        elif g["single"] is not None:
            cand = _read_single(text, m, lex)
        else:  # 过亿元, 亿元以上: the 1 is implied
            cand = Candidate(m.start(), m.end(), "exact", value=Decimal(lex.multipliers[g["imult"]]))
            cand.extra["implicit"] = True
        if cand is not None:
            out.append(cand)
    return out


def _read_single(text: str, m: re.Match[str], lex: Lexicon) -> Candidate | None:
    g = m.groupdict()
    num, mult, cur, pre = g["snum"], g["smult"], g["scur"], g["spre"]
    # a Chinese numeral may carry its own 万/亿 (一千五百万); a plain number is no amount
    if cur is None and mult is None and pre is None and not (num[0] in CHINESE_NUMERAL_CHARS and num[-1] in "万萬亿億"):
        return None
    value = _money_value(num, mult, lex)
    if value is None:
        return None
    if not _after_currency_ok(text, m.end(), cur, m.start("snum"), lex):
        return None
    # 二元结构, 一元化: a one-character Chinese numeral before 元 is rarely money — unless a bound
    # follows or a 每… unit stands right before: 对个人处每平方米一元以下的罚款 (lawrefbook 01176)
    if cur == "元" and mult is None and len(num) == 1 and not num.isdigit():
        per_before = [p for p in lex.per_phrase.finditer(text, max(0, m.start() - lex.per_window), m.start())
                      if p.end() == m.start()]
        if not per_before and _after_marker(text, m.end(), lex) is None:
            return None
    end = m.end()
    if cur is not None and text.startswith("整", end):
        end += 1  # 壹佰万元整: 整 closes a 大写 amount
    cand = Candidate(m.start(), end, "exact", value=value)
    cand.currency = _currency(pre, cur, lex) or "CNY"
    cand.bare = cur is None and pre is None
    return cand


def _read_range(text: str, m: re.Match[str], lex: Lexicon) -> Candidate | None:
    g = m.groupdict()
    rcur = g["rcur"] or g["lcur"]
    if g["rmult"] is None and rcur is None and g["rpre"] is None and g["lpre"] is None:
        return None  # 2022-2024年, 1-2个: no unit, no money
    rmult = g["rmult"]
    lmult = g["lmult"] if g["lmult"] is not None else (None if g["lcur"] else rmult)
    # 300-1000万美元: the unit of the right end applies to the left one when it has none
    if g["lmult"] is None and g["lcur"] is None and g["lnum"][0].isdigit() == g["rnum"][0].isdigit():
        lmult = rmult
    low = _money_value(g["lnum"], lmult, lex)
    high = _money_value(g["rnum"], rmult, lex)
    if low is None or high is None or low > high:
        return None
    if not _after_currency_ok(text, m.end(), g["rcur"], m.start("rnum"), lex):
        return None
    cand = Candidate(m.start(), m.end(), "range", low=low, high=high)
    cand.currency = _currency(g["lpre"] or g["rpre"], rcur, lex) or "CNY"
    cand.bare = rcur is None and g["lpre"] is None and g["rpre"] is None
    lmark = g["lmark"]
    if lmark:
        cand.low_inclusive = "及" in lmark or "含" in lmark
    if g["incl"]:
        inc = _money_inclusion(g["incl"], lex, rmult)
        if inc is not None and inc == high:
            cand.high_inclusive = True
        elif inc is not None and inc == low:
            cand.low_inclusive = True
    return cand


def _money_inclusion(inner: str, lex: Lexicon, default_mult: str | None) -> Decimal | None:
    """（含1000万美元） -> 10000000."""
    m = re.match(r"(\d+(?:\.\d+)?)\s*(" + _alt(lex.multipliers) + r")?", inner)
    if not m:
        return None
    return _money_value(m.group(1), m.group(2) or default_mult, lex)


# ------------------------------------------------------------ surroundings --
def _before_marker(text: str, start: int, seg_start: int, lex: Lexicon) -> tuple[Marker, int] | None:
    """The marker standing closest before ``start`` (longest on a tie) and its start offset.

    Walks left from the number one character at a time; the words between marker and
    number may not hold a digit, 、 or %, which would mean they belong to another amount.
    """
    lo = max(seg_start, start - lex.window - 1)
    end = start
    while end > lo:
        gap = start - end
        for mk in lex.markers_by_last.get(text[end - 1], ()):
            if (
                (gap == 0 or not mk.adjacent)
                and text.startswith(mk.text, end - len(mk.text))
                and end - len(mk.text) >= seg_start
            ):
                return mk, end - len(mk.text)
        ch = text[end - 1]
        if ch.isdigit() or ch in "、%％":
            return None
        end -= 1
    return None


def _after_marker(text: str, end: int, lex: Lexicon) -> tuple[Marker, int] | None:
    """The marker right after ``end`` (skipping 含税 notes); returns it and the new end."""
    pos = end
    while pos < len(text) and text[pos] in " \n" and pos - end < 2:
        pos += 1  # beijing part2: 6亿元\n（含）以上, a PDF line break before the marker
    for skip in lex.skip_after:
        if text.startswith(skip, pos):
            pos += len(skip)
            break
    for mk in lex.after:
        if text.startswith(mk.text, pos):
            return mk, pos + len(mk.text)
    return None


def _per_slash(text: str, end: int, lex: Lexicon) -> tuple[str, int] | None:
    """元/亩, 元/人/夜, 元/平方米/月 -> ("亩", new end)."""
    units: list[str] = []
    pos = end
    while pos < len(text) and text[pos] in lex.per_slash:
        j = pos + 1
        while j < len(text) and j - pos - 1 < lex.per_max_chars and text[j] not in lex.per_unit_stop:
            if text[j] in lex.per_slash or text[j].isdigit():
                break
            j += 1
        if j == pos + 1:
            break
        units.append(text[pos + 1 : j])
        pos = j
    if not units:
        return None
    return "/".join(units), pos


def _per_prefix(
    text: str, start: int, seg_start: int, lex: Lexicon
) -> tuple[str, list[tuple[int, int]]] | None:
    """每人每月3000元 -> "人/月"; also the spans of the 每… phrases (每1美元 is no amount)."""
    lo = max(seg_start, start - lex.per_window)
    cut = text.rfind("、", lo, start)
    if cut >= 0:  # a list member: its 每… is the one before the first member (tiers.py)
        lo = cut + 1
    window = text[lo:start]
    found = list(lex.per_phrase.finditer(window))
    if not found:
        return None
    # the phrases must be close: nothing but words between the last one and the number
    # 每1美元 is "per 美元"; 每满一万人 keeps its count ("一万人")
    units = [_per_unit(f, lex) for f in found]
    spans = [(lo + f.start(), lo + f.end()) for f in found]
    return "/".join(units), spans


def _per_unit(f: re.Match[str], lex: Lexicon) -> str:
    """The unit one 每…/按… phrase names: 每1美元 -> 美元, 每满一万人 -> 一万人, 按车 -> 车."""
    if f.group("implied"):
        return lex.per_implied[f.group("implied")]
    if f.group("by"):
        return f.group("by")
    n, u, full = (f.group("n"), f.group("u"), f.group("full")) if f.group("u") else (
        f.group("n2"), f.group("u2"), f.group("full2"))
    return u if n in (None, "1", "一") else full


def _percent_is_money(text: str, seg: tuple[int, int], lex: Lexicon) -> bool:
    segment = text[seg[0] : seg[1]]
    for w in lex.level_words:  # 报销比例提高到90%: the level reached, not an increase
        segment = segment.replace(w, "")
    if any(w in segment for w in lex.not_money_words) or lex.not_money_pattern.search(segment):
        return False
    if any(w in segment for w in lex.money_words):
        return True
    after = text[seg[1] + 1 : seg[1] + 1 + max(map(len, lex.next_openers))]
    return text[seg[1] : seg[1] + 1] == "，" and after.startswith(lex.next_openers)


def _percent_base(text: str, seg_start: int, pct_start: int, lex: Lexicon) -> str | None:
    """按照年度实际投资额的10% -> 年度实际投资额; 给予企业当年实际到账外资额3% -> 当年实际到账外资额."""
    pre = text[seg_start:pct_start].rstrip()
    for mk in lex.before:  # 不超过项目投资额的30%: a cap marker may stand right before
        if pre.endswith(mk.text):
            pre = pre[: -len(mk.text)]
            break
    pre = pre.removesuffix("的")
    best = -1
    best_len = 0
    for op in lex.base_openers:
        if op == "的":
            continue
        pos = pre.rfind(op)
        if pos >= 0 and pos + len(op) > best + best_len:
            best, best_len = pos, len(op)
    base = pre[best + best_len :] if best >= 0 else pre[-16:]
    if "的" in base:
        base = base.rsplit("的", 1)[1] if not base.endswith("的") else base
    base = base.strip(" （）()“”\"")
    if not (2 <= len(base) <= 20) or any(c.isdigit() for c in base):
        return None
    if not base.endswith(lex.base_suffixes):
        return None
    return base


def _read_surroundings(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    per_denominators: set[tuple[int, int]] = set()
    for c in cands:
        seg = _segment(text, c.start, c.end, lex.segment_breaks)
        if c.is_percent:
            segment = text[seg[0] : seg[1]]
            if not _percent_is_money(text, seg, lex):
                continue
            if any(w in segment for w in lex.rate_words):
                c.kind = "rate"
            c.base = _percent_base(text, seg[0], c.start, lex)
            found = _before_marker(text, c.start, seg[0], lex)
            if found and found[0].kind == "cap" and c.percent is not None:
                c.high, c.high_inclusive = c.percent, found[0].inclusive
            after = _after_marker(text, c.end, lex) if c.percent is not None else None
            if after:  # 5%以上10%以下 (merged below), 不超过30%以内
                mk, c.end = after
                c.extra["after"] = mk.kind
                if mk.kind == "floor":
                    c.low, c.low_inclusive = c.percent, mk.inclusive
                else:
                    c.high, c.high_inclusive = c.percent, mk.inclusive
            if text[c.end : c.end + 4].lstrip(" ").startswith(lex.rate_after):
                c.kind = "rate"  # 按4%－5%交纳: a fee paid at that rate
            out.append(c)
            continue
        if c.bare and not _bare_ok(text, c.end, seg, lex):
            continue
        # slash units first: 100元/亩以上 reads the unit before the bound
        slash = _per_slash(text, c.end, lex)
        if slash:
            c.per, c.end = slash
        if c.kind != "range":
            after = _after_marker(text, c.end, lex)
            before = _before_marker(text, c.start, seg[0], lex)
            if after:
                mk, c.end = after
                _apply_bound(c, mk)
                c.has_own_marker = True
                c.extra["after"] = True
            elif before:
                mk, pos = before
                _apply_bound(c, mk)
                c.from_before = True
                c.has_own_marker = True
                c.start = pos  # show the marker with the number: 最高800万元, 最高补助2万元
            elif c.extra.get("implicit"):
                continue  # a bare 亿元 with no 过/以上 is a word, not an amount
        else:
            after = _after_marker(text, c.end, lex)
            if after and after[0].kind == "cap" and c.high_inclusive is None:
                c.high_inclusive = after[0].inclusive
                c.end = after[1]
        prefix = _per_prefix(text, c.start, seg[0], lex)
        if prefix:
            per, spans = prefix
            c.per = c.per or per
            per_denominators.update(spans)
            if c.kind == "exact":
                c.kind = "per_unit"
                c.from_before = True
        elif c.per and c.kind == "exact":
            c.kind = "per_unit"
        out.append(c)
    # 每1美元 is the unit of the rate that follows, not an amount of its own
    out = [c for c in out if not any(a <= c.start and c.end <= b for a, b in per_denominators)]
    return _merge_open_ranges(text, _drop_nested(out))


def _merge_open_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    """处一万元以上十万元以下罚款: a floor followed at once by a cap is one range.

    Laws state fines this way throughout (lawrefbook corpus); read apart they
    would be a floor of 1万 and a separate cap of 10万.
    """
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (  # the same for rates: 处虚假出资金额5%以上10%以下的罚款
            prev is not None
            and prev.is_percent
            and c.is_percent
            and prev.extra.get("after") == "floor"
            and c.extra.get("after") == "cap"
            and text[prev.end : c.start].strip() in ("", "，", ",")
            and prev.low is not None
            and c.high is not None
            and prev.low <= c.high
        ):
            prev.end, prev.percent, prev.high, prev.high_inclusive = c.end, None, c.high, c.high_inclusive
            continue
        if (
            prev is not None
            and prev.kind == "floor"
            and prev.extra.get("after")
            and c.kind == "cap"
            and (c.extra.get("after") or text[prev.end : c.start] == "")
            and prev.currency == c.currency
            and text[prev.end : c.start].strip() in ("", "，", ",")
            and prev.low is not None
            and c.high is not None
            and prev.low <= c.high
        ):
            prev.kind, prev.end, prev.value = "range", c.end, None
            prev.high, prev.high_inclusive = c.high, c.high_inclusive
            continue
        out.append(c)
    return out


def _apply_bound(c: Candidate, mk: Marker) -> None:
    if mk.kind == "cap":
        c.kind, c.high, c.high_inclusive = "cap", c.value, mk.inclusive
    else:
        c.kind, c.low, c.low_inclusive = "floor", c.value, mk.inclusive


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Candidate] = []
    for c in cands:
        if out and c.start < out[-1].end:
            continue  # overlaps the previous (larger) amount: （含1000万美元） inside a range
        out.append(c)
    return out


# ------------------------------------------------------------------- API --
def find_amounts(text: str) -> list[Amount]:
    """Every money amount in ``text``, in order; offsets index into ``text``.

    The last text's answer is kept: clause segmentation (``clauses.Figures``) and
    the amount stage each ask for the whole document in turn, and reading it
    twice was ~5% of indexing a seed-004-sized document. Callers get their own
    copies, since the stage writes ``clause`` onto them.
    """
    global _last_found
    from pipeline.extract.tiers import link_sentences

    lex = lexicon()
    last = _last_found
    if last is not None and last[1] is lex and last[0] == text:
        return [replace(a) for a in last[2]]
    cands = _read_surroundings(text, _scan(text, lex), lex)
    link_sentences(text, cands, lex)
    found = [_to_amount(text, c) for c in cands]
    _last_found = (text, lex, tuple(replace(a) for a in found))
    return found


# (text, lexicon it was read with, amounts found): see find_amounts
_last_found: tuple[str, Lexicon, tuple[Amount, ...]] | None = None


def _f(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def _to_amount(text: str, c: Candidate) -> Amount:
    value = None if c.kind in ("range", "percent", "rate") else c.value
    return Amount(
        text=text[c.start : c.end],
        start=c.start,
        end=c.end,
        value=_f(value),
        currency=c.currency,
        kind=c.kind,
        low=_f(c.low),
        high=_f(c.high),
        low_inclusive=c.low_inclusive,
        high_inclusive=c.high_inclusive,
        percent=_f(c.percent),
        base=c.base,
        cap=_f(c.cap),
        per=c.per,
        role=c.role,
        tier_group=c.tier_group,
        tier_index=c.tier_index,
    )


def extract_amounts(doc: Document) -> Document:
    """Fill ``doc.amounts``; each amount names the clause it sits in when clauses exist."""
    amounts = find_amounts(doc.text)
    if doc.clauses:
        for a in amounts:
            clause = doc.clause_at(a.start)
            a.clause = clause.id if clause else None
    doc.amounts = amounts
    return doc
