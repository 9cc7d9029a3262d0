"""Match rubric items (sections, materials) to the plan's headings.

However a plan numbers or names a section, the reviewer's question is the
same: "where does this plan talk about 工作机制?". Matching goes from the
most to the least certain evidence: a synonym equal to or contained in the
heading, then a fuzzy match on the heading text, then the section classifier
(char n-grams over heading + first sentence, trained on corpora/sections/)
for headings no synonym explains. Each plan heading serves one item.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from pipeline.model import Document, Section
from pipeline.rubric.schema import Rubric, RubricItem

FUZZY_MIN = 0.6
CLASSIFIER_MIN = 0.5
MATCH_MIN = 0.4
STANDALONE_MAX = 25
_NOISE = re.compile(
    r"[\s　、，。：:；;．.（）()《》“”\"'【】\[\]]|^附件\s*\d*|(?:19|20)\d\d\s*年?\s*[-—–~～至到]?"
)
_LEADING_VERB = re.compile(r"^(?:加强|强化|完善|健全|建立|建立健全|明确|落实|加大|优化|做好|推进|坚持)")


@dataclass(slots=True)
class Candidate:
    """A plan heading (numbered, styled, or a short standalone line) and its section span."""

    title: str
    start: int  # section start (heading line)
    end: int  # section end
    body_start: int
    level: int
    first_sentence: str = ""
    field: bool = False  # a table row or 【】 label: one line, the value of one field


@dataclass(slots=True)
class Match:
    item_id: str
    candidate: Candidate
    score: float
    how: str  # synonym | fuzzy | classifier


def norm_title(title: str) -> str:
    return _NOISE.sub("", title)


def candidates(doc: Document, sections: list[Section]) -> list[Candidate]:
    """Numbered/styled headings, plus short unnumbered lines ("附件1 申请表", "年度工作计划")."""
    text = doc.text
    out: list[Candidate] = []
    starts = sorted({s.start for s in sections})
    attachment_lines = [m.start() for m in _ATTACHMENT_LINE.finditer(text)]
    for s in sections:
        body = s.heading_end if s.heading_end is not None else s.start
        # 公文 put attachments after the body: "附件1：申报表" ends the last section before it
        end = min(s.end, next((x for x in attachment_lines if x > s.start), s.end))
        out.append(Candidate(s.title, s.start, end, body, s.level, _first_sentence(text, body, end)))
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped or start in starts:
            continue
        unbracketed = re.sub(r"[（(][^（）()]*[)）]", "", stripped)
        row = _ROW_LABEL.match(line) or _BRACKET_LABEL.match(line)
        if row:
            # "校址 待定" (a 项目/内容 table row), "【校址】澜州市北湖新区…" (a run-in label): the label names
            # the part and the rest of the line is its content (plans_dev4 b3, b1) — not a title "校址 待定"
            # whose body would be the next lines
            body, stop = start + row.end(), start + len(line)
            out.append(
                Candidate(row.group(1), start, stop, body, 98, _first_sentence(text, body, stop), True)
            )
            continue
        # digits do not count toward the length: "2023年至2025年县域农产品冷链物流发展情况统计表" is a table's
        # title line, its years making it long (holdout3 k2d)
        if len(re.sub(r"\d", "", stripped)) <= STANDALONE_MAX and not re.search(r"[。，；,;]", unbracketed):
            # "附：申请表（见附件1，已随文报送）", "年度工作计划": a title line without numbering
            nxt = next((x for x in starts if x > start), len(text))
            # "附件1：申报表（略）\n附件2：绩效目标表（另附）": the next attachment line ends this one
            nxt = min(nxt, next((x for x in attachment_lines if x > start), len(text)))
            body = start + len(line)
            out.append(Candidate(stripped, start, nxt, body, 99, _first_sentence(text, body, nxt)))
            continue
        m = _LABEL.match(line)
        if m:
            # "重点项目：1.环保板材…" — a labelled paragraph inside another section
            label_end = start + m.end(1)  # an offset into the text, not into the line
            out.append(
                Candidate(
                    m.group(1),
                    start,
                    start + len(line),
                    label_end,
                    98,
                    _first_sentence(text, label_end, start + len(line)),
                )
            )
    return _promote_plain_headings(text, out)


# A plan with fewer numbered headings than this is taken to head its parts with plain lines.
PLAIN_HEADINGS_BELOW = 3
_DATE_LINE = re.compile(r"^[（(]?\s*(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?\s*[)）]?$")


def _promote_plain_headings(text: str, out: list[Candidate]) -> list[Candidate]:
    """Plain title lines become headings of level 1 in a plan that numbers (almost) nothing.

    plans_dev3 v2d heads its parts "项目单位情况", "项目建设的必要性", "建设目标" on lines of
    their own; each runs to the next such line. Not the plan's own title (its first line),
    a label, a table row, a date, an attachment line, or a line with little text after it (a signature).
    """
    if sum(1 for c in out if c.level < 98) >= PLAIN_HEADINGS_BELOW:
        return out
    first = next((i for i, ch in enumerate(text) if not ch.isspace()), 0)
    plain = [
        c
        for c in out
        if c.level == 99
        and c.start > first
        # words only: not a label ("项目名称：…"), a table row ("冷藏车（辆） 22"), a lead-in ("…如下表："), a date
        and re.fullmatch(r"[\u4e00-\u9fff（）()、]{2,20}", c.title)
        and not c.title.startswith("附")
        and len(CONTENT.findall(text[c.body_start : c.body_start + 200])) >= 20
    ]
    if len(plain) < 2:
        return out
    stops = sorted({c.start for c in plain} | {c.start for c in out if c.level < 98} | {len(text)})
    promoted = []
    for c in plain:
        end = min(x for x in stops if x > c.start)
        promoted.append(
            Candidate(c.title, c.start, end, c.body_start, 1, _first_sentence(text, c.body_start, end))
        )
    keep = [c for c in out if not any(p.start == c.start for p in promoted)]
    return promoted + keep


CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_ATTACHMENT_LINE = re.compile(r"(?m)^[ \t]*附[件表]\s*\d*\s*[：:．.、]")
_LABEL = re.compile(r"^\s*([^\s，。：:；;、（）()]{2,14})[：:]")
# a two-column table row: a label of words, whitespace, then its content (a .txt table's tabs are
# normalised to spaces); a run-in label in 【】 brackets
_ROW_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{2,14})(?:[\t \u3000]+|(?=【))(?=\S)")
_BRACKET_LABEL = re.compile(r"^\s*【([^】\s]{2,14})】\s*(?=\S)")


def _first_sentence(text: str, start: int, end: int) -> str:
    chunk = text[start : min(end, start + 120)].lstrip("。：: \n")
    m = re.search(r"[。；\n]", chunk)
    return chunk[: m.start()] if m else chunk


def title_score(title: str, names: list[str]) -> tuple[float, str]:
    """How well a heading names an item: 1.0 equal, ~0.9 contains a synonym, fuzzy below.

    A heading that joins two parts ("项目背景与目标", "建设目标和主要内容", "村情与目标") names each
    of them: a part scores a little below the whole (PART_SHARE), so a heading naming only
    the item wins over one that names it among others.
    """
    best = _title_score(title, tuple(names))
    for part in heading_parts(title):
        sc = _part_score(part, tuple(names))
        if sc * PART_SHARE > best[0]:
            best = (sc * PART_SHARE, "synonym")
    if best[0] < PARTS_INSIDE and any(_parts_inside(title, n) for n in names):
        best = (PARTS_INSIDE, "synonym")
    return best


PARTS_INSIDE = 0.7


@lru_cache(maxsize=65536)
def _parts_inside(title: str, name: str) -> bool:
    """A joined heading abridges a joined name part by part: "资源和环境影响" for 项目利用资源情况分析
    以及对生态环境的影响分析 (plans_dev4 a3) — each part of the heading inside its own part of the name."""
    heads = heading_parts(title)
    parts = list(title_parts(name.replace("的", "")))
    if len(heads) < 2 or len(parts) < len(heads):
        return False
    for h in heads:
        hit = next((p for p in parts if h in p), None)
        if hit is None:
            return False
        parts.remove(hit)
    return True


@lru_cache(maxsize=65536)
def _part_score(part: str, names: tuple[str, ...]) -> float:
    """A part of a joined heading names an item when it is a name, contains one, or is a name's head:
    "目标" (项目背景与目标) for 主要目标 — Chinese puts the head last — but "产业" (人口与产业) is not 产业基础."""
    best = 0.0
    for n in _norm_names(names):
        if part == n:
            return 1.0
        if n in part:
            best = max(best, 0.9 - 0.01 * min(len(part) - len(n), 20))
        elif n.endswith(part):
            best = max(best, 0.8 - 0.01 * min(len(n) - len(part), 20))
    return best


PART_SHARE = 0.9
_JOIN = re.compile(r"[与和及、]|以及")


@lru_cache(maxsize=8192)
def title_parts(title: str) -> tuple[str, ...]:
    """ "项目背景与目标" -> (项目背景, 目标): the parts a heading joins, each of two characters or more."""
    t = norm_title(title)
    parts = [p for p in _JOIN.split(t) if p]
    if len(parts) < 2 or any(len(p) < 2 for p in parts):
        return ()
    return tuple(parts)


@lru_cache(maxsize=1)
def _merged_heads() -> re.Pattern[str] | None:
    from pipeline.data import load_data

    heads = load_data("section_synonyms.yaml").get("merged_heads") or []
    if not heads:
        return None
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(.*?(?:{alt}))({alt})")


def heading_parts(title: str) -> tuple[str, ...]:
    """A plan heading's parts: joined by a word (title_parts) or run together (merged_parts).

    Only for headings: an item named "年度目标任务" is one thing, and its "任务" must not let
    "重点任务" pass for it (corpora/plans p09).
    """
    return title_parts(title) or merged_parts(norm_title(title))


@lru_cache(maxsize=8192)
def merged_parts(t: str) -> tuple[str, ...]:
    """ "目标任务" -> (目标, 任务): two part heads run together with no joining word (plans_dev3 v3b).

    Only heads of different parts (merged_heads in section_synonyms.yaml) and only at the end of
    the heading: "发展目标任务" -> (发展目标, 任务), but "任务分工" and "保障措施" stay whole.
    """
    pat = _merged_heads()
    m = pat.fullmatch(t) if pat is not None else None
    if m is None or m.group(1).endswith(m.group(2)):
        return ()
    return (m.group(1), m.group(2))


# ------------------------------------------------------------------ word overlap
WORD_SHARE = 0.7  # a heading made of the item's own words (or words of one family) scores up to this
_FUNCTION_WORDS = frozenset(list("与和及的、等之其"))
# words nearly every heading has: they show nothing about which part it is ("特色产业集群发展情况" is no
# 发展情况分析 report, corpora/plans p11)
_GENERIC_WORDS = frozenset(
    [
        "情况",
        "发展",
        "工作",
        "主要",
        "具体",
        "相关",
        "有关",
        "方面",
        "建设",
        "重点",
        "推进",
        "推动",
        "加强",
        "项目",
        # "预期效益" is the plan's 办学效益 (plans_dev4 b2): "expected" qualifies any part
        "预期",
    ]
)


@lru_cache(maxsize=1)
def _families() -> list[tuple[str, list[str]]]:
    from pipeline.data import load_data

    out = []
    families = (load_data("section_synonyms.yaml").get("word_families") or []) + (
        load_data("plan_word_families.yaml").get("word_families") or []
    )
    for fam in families:
        out.append((fam[0], sorted(fam, key=len, reverse=True)))
    return out


@lru_cache(maxsize=16384)
def heading_words(text: str) -> frozenset[str]:
    """The content words of a heading or name, each word of a family replaced by the family's name."""
    from pipeline.extract.segment import words

    t = norm_title(text)
    for head, members in _families():
        for m in members:
            t = t.replace(m, f" {head} ")
    out = set()
    for chunk in t.split():
        for w in words(chunk):
            if (
                w
                and w not in _FUNCTION_WORDS
                and w not in _GENERIC_WORDS
                and re.search(r"[\u4e00-\u9fff]", w)
            ):
                out.add(w)
    return frozenset(out)


_HEADS = ("项目", "内容", "情况", "工作", "方面", "事项")


def _same_word(a: str, b: str) -> bool:
    """Equal, or one is the other plus a generic head: jieba keeps "服务项目" whole, and it is 服务 (服务内容)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and long.startswith(short) and long[len(short) :] in _HEADS


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How many words of ``a`` ``b`` has (_same_word); not "基础" in "基础设施", a different thing."""
    return sum(1 for w in a if any(_same_word(w, x) for x in b))


@lru_cache(maxsize=1)
def _bare_heads() -> frozenset[str]:
    from pipeline.data import load_data

    return frozenset(load_data("section_synonyms.yaml").get("bare_heads") or [])


def word_score(title: str, names: list[str]) -> float:
    return _word_score(title, tuple(names))


@lru_cache(maxsize=65536)
def _word_score(title: str, names: tuple[str, ...]) -> float:
    """How much of a heading is the item's own words: "运营及效益" for 运营模式和效益分析, "经费测算" for 资金预算.

    The mean of the shares of the heading's and the name's words that the other has, times WORD_SHARE;
    0 unless half of the heading's words are the item's and half of the item's are the heading's.
    """
    tw = heading_words(title)
    if not tw:
        return 0.0
    best = 0.0
    for name in names:
        nw = heading_words(name)
        if not nw:
            continue
        shared = _overlap(tw, nw)
        # an abbreviation on one side spelled out on the other: 文旅 = 文化和旅游 (plans_dev3 v1b)
        in_t, in_n = _abbreviated(title, tw, nw)
        by_n, by_t = _abbreviated(name, nw, tw)
        shared_t, shared_n = shared + len(in_t | by_t), shared + len(in_n | by_n)
        # half of each side: "重点任务" is not 年度目标任务 (one word of three; corpora/plans p09)
        if shared_t == 0 or shared_t * 2 < len(tw) or shared_n * 2 < len(nw):
            continue
        # only a bare head in common: "工作机制" is not 运营模式 (plans_dev3 v3c; section_synonyms bare_heads)
        common = {w for w in tw if any(_same_word(w, x) for x in nw)}
        if not (in_t | by_t) and common <= _bare_heads() and shared_n < len(nw):
            continue
        best = max(best, WORD_SHARE * (min(1.0, shared_t / len(tw)) + min(1.0, shared_n / len(nw))) / 2)
    return best


_JOINER = "(?:[和与及]|以及)?"


def _abbreviated(
    long_text: str, long_words: frozenset[str], short_words: frozenset[str]
) -> tuple[set[str], set[str]]:
    """Words of ``short_words`` that abbreviate words of ``long_text``, and the words they stand for.

    A Chinese abbreviation takes the first character of each word: 文旅 for 文化和旅游, 电商 for
    电子商务. The spelled-out span must be whole words of ``long_words`` (文化 + 旅游, or 电子商务 as
    one word): a character in the middle of a word begins nothing.
    """
    t = norm_title(long_text)
    got_long: set[str] = set()
    got_short: set[str] = set()
    for abbr in short_words:
        if not 2 <= len(abbr) <= 3 or abbr in t:
            continue
        pat = _JOINER.join(f"{re.escape(ch)}[\u4e00-\u9fff]" for ch in abbr)
        for m in re.finditer(pat, t):
            span = m.group(0)
            words = {w for w in long_words if w in span}
            if span in long_words or (
                len(words) >= len(abbr) and "".join(sorted(words, key=span.index)) == _JOINED.sub("", span)
            ):
                got_short.add(abbr)
                got_long |= words
                break
    return got_long, got_short


_JOINED = re.compile("[和与及]|以及")


@lru_cache(maxsize=8192)
def _norm_names(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in (norm_title(x) for x in names) if n)


@lru_cache(maxsize=65536)
def _title_score(title: str, names: tuple[str, ...]) -> tuple[float, str]:
    t = norm_title(title)
    t2 = _LEADING_VERB.sub("", t)
    if not t:
        return 0.0, ""
    best = (0.0, "")
    for n in _norm_names(names):
        for cand in {t, t2}:
            if cand == n:
                return 1.0, "synonym"
            if n in cand:
                best = max(best, (0.9 - 0.01 * min(len(cand) - len(n), 20), "synonym"))
            elif len(cand) >= 2 and cand in n:
                best = max(best, (0.8 - 0.01 * min(len(n) - len(cand), 20), "synonym"))
            elif 2 * min(len(cand), len(n)) >= FUZZY_MIN * (len(cand) + len(n)):  # ratio's upper bound
                sm = SequenceMatcher(None, cand, n)
                if sm.quick_ratio() >= FUZZY_MIN:
                    r = sm.ratio()
                    if r >= FUZZY_MIN:
                        best = max(best, (0.75 * r, "fuzzy"))
    return best


def own_words(item: RubricItem) -> list[str]:
    """The item's own wording (and its parts and canonical label) for word_score: a synonym list is
    matched whole, word by word it would let "产业发展项目" pass for 村庄基本情况 through 产业基础."""
    names = [item.name, *title_parts(item.name)]
    # "拟建学校的师资来源": the head after 的 is what a heading names ("师资队伍", plans_dev4 b2)
    head = item.name.rsplit("的", 1)[-1]
    if head != item.name and len(head) >= 2 and head not in names:
        names.append(head)
    label = _labels().get(item.canonical or "")
    if label and label not in names:
        names.append(label)
    return names


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    from pipeline.data import load_data

    data = load_data("section_synonyms.yaml")
    return {k: v["label"] for group in ("sections", "materials") for k, v in data[group].items()}


def item_names(item: RubricItem) -> list[str]:
    """The item's wording, its synonyms, and the parts a joined name names ("投资估算和资金筹措")."""
    names = [item.name, *item.synonyms]
    # 的 is optional in a Chinese noun phrase: "拟建学校的名称" is written "学校名称" in a
    # 项目/内容 table (plans_dev4 b3), "高等教育的布局" as "高等教育布局" (b1)
    plain = item.name.replace("的", "")
    if plain != item.name and plain not in names:
        names.append(plain)
    own = without_applicant(item.name)
    if own and own not in names:
        names.append(own)
    return names + [p for p in title_parts(item.name) if p not in names]


@lru_cache(maxsize=1)
def _applicant_role() -> re.Pattern[str] | None:
    from pipeline.data import load_data

    roles = load_data("plan_layout.yaml").get("applicant_roles") or []
    return re.compile("^(?:" + "|".join(roles) + ")") if roles else None


@lru_cache(maxsize=4096)
def without_applicant(name: str) -> str:
    """ "申报城市基本情况表" -> "基本情况表": the applicant writes its own name for the role
    ("柏川市基本情况表", holdout2 m1b). "" when the name has no role word or too little is left."""
    pat = _applicant_role()
    m = pat.match(norm_title(name)) if pat is not None else None
    rest = norm_title(name)[m.end() :] if m else ""
    return rest if len(rest) >= 4 else ""


_YEAR = re.compile(r"((?:19|20)\d\d)\s*年?")
_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)\s*年?\s*[-—–~～至到]+\s*((?:19|20)\d\d)")
_RECENT = re.compile(r"近[一二两三四五六七八九十\d]+年")


def _years_of(text: str) -> set[int]:
    years = {int(y) for y in _YEAR.findall(text)}
    for a, b in _YEAR_SPAN.findall(text):
        if int(a) <= int(b) <= int(a) + 20:
            years |= set(range(int(a), int(b) + 1))
    return years


@lru_cache(maxsize=1)
def _period_heads() -> tuple[str, ...]:
    from pipeline.data import load_data

    heads = load_data("plan_layout.yaml").get("period_report_heads") or []
    return tuple(sorted(heads, key=len, reverse=True))


PERIOD_REPORT = 0.85
_REPORT_NAME = re.compile(r"(?:报告|总结|情况)$")


def period_report_score(title: str, item: RubricItem) -> float:
    """A heading "2022—2024年工作回顾" for a material "近三年（2022年—2024年）…工作情况报告".

    The notice asks for an account of a past period; a plan heads it with the period and a word
    for an account (plan_layout.yaml period_report_heads) rather than the notice's long name
    (holdout2 m1d; m1b "六、2024年工作开展情况" covers one year of three — found, then judged on
    its years). The heading's years must lie inside the item's period.
    """
    if item.kind != "material":
        return 0.0
    name = re.sub(r"[（(][^（）()]*[)）]", "", item.name)
    want = _years_of(item.name)
    if not want or not _REPORT_NAME.search(name):
        return 0.0
    have = _years_of(title)
    if not have or not have <= want:
        return 0.0
    rest = norm_title(_YEAR.sub("", _YEAR_SPAN.sub("", title)))
    rest = re.sub(r"^(?:[一二三四五六七八九十\d]+|[-—–~～至到]|度|以来|来)+", "", rest)
    head = next((h for h in _period_heads() if rest.endswith(h)), None)
    if head is None:
        return 0.0
    # words before the head must be the item's own ("中小企业数字化转型工作情况"), not another part's
    lead = rest[: -len(head)]
    if lead and not (lead in name or word_score(lead, [name]) > 0):
        return 0.0
    return PERIOD_REPORT


# A heading whose body answers most of an item's sub-requirements is likely that item even when
# the heading is worded otherwise (holdout h2b "重点建设项目" holds 产业发展/基础设施提升/乡风文明);
# the evidence adds up to CONTENT_SHARE to a title score, or stands alone with some title overlap.
CONTENT_SHARE = 0.15
CONTENT_ALONE = 0.45
CONTENT_MIN = 2 / 3


def match_items(
    rubric: Rubric,
    items: list[RubricItem],
    cands: list[Candidate],
    probs: dict[int, dict[str, float]] | None = None,
    text: str | None = None,
) -> dict[str, Match]:
    """Greedy one-to-one assignment of items to headings by descending match score.

    Evidence, strongest first: the heading is a synonym (or contains one, or a part of a
    joined heading is one); fuzzy characters; the heading is made of the item's own words
    (word_score); the section classifier. With the plan's ``text``, a heading whose body
    answers the item's sub-requirements scores higher (content_share), so "投资与融资"
    holding 总投资 and 资金来源 wins over a bare label "资金来源" inside it.
    """
    if probs is None:
        probs = candidate_probs(cands)
    pairs: list[tuple[float, int, int, str, str, Candidate]] = []
    for item in items:
        names = item_names(item)
        # one table row cannot hold a section's several parts: "建设内容\t新建厂房…" is a field of
        # 项目情况, not 项目情况 itself (plans_dev4 a4)
        several = sum(1 for r in rubric.children(item.id) if r.kind == "requirement") >= 2
        for c in cands:
            if c.field and several:
                continue
            sc, how = title_score(c.title, names)
            ps = period_report_score(c.title, item)
            if ps > sc:
                sc, how = ps, "synonym"
            if c.level >= 98 and how != "synonym":
                continue  # an unnumbered line or a label counts only when a synonym names it
            if c.level < 98:
                ws = word_score(c.title, own_words(item))
                if ws > sc:
                    sc, how = ws, "words"
                cs = _classifier_score(c, item, probs)
                if cs > sc:
                    sc, how = cs, "classifier"
            bonus = 0.0
            # content evidence only where the title gives some (a long plan has hundreds of headings)
            if text is not None and c.level < 98 and (sc >= MATCH_MIN or word_overlap(c.title, names)):
                share = content_share(rubric, item, c, text)
                bonus = CONTENT_SHARE * share
                if sc < MATCH_MIN and share >= CONTENT_MIN:
                    sc, how = CONTENT_ALONE, "content"
            if sc >= MATCH_MIN:
                pairs.append((sc + bonus, -c.level, -c.start, item.id, how, c))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]), reverse=True)
    taken_items: dict[str, Match] = {}
    taken_cands: set[int] = set()
    for sc, _, _, item_id, how, c in pairs:
        if item_id in taken_items or id(c) in taken_cands:
            continue
        taken_items[item_id] = Match(item_id, c, sc, how)
        taken_cands.add(id(c))
    _promote_labels(taken_items, pairs, taken_cands)
    share_joined(taken_items, items)
    return taken_items


JOINED_PART_MIN = 0.6


def share_joined(taken: dict[str, Match], items: list[RubricItem]) -> None:
    """A heading that joins two parts serves both: "项目和资金" is 重点项目清单 and 资金投入计划 (plans_dev3 v1d).

    One-to-one assignment gives the heading to one item; an item still unmatched takes it too
    when one part of the heading names it and another part names the item that holds it.
    """
    by_id = {i.id: i for i in items}

    def names_part(part: str, item: RubricItem) -> bool:
        return title_score(part, item_names(item))[0] >= JOINED_PART_MIN or word_overlap(
            part, own_words(item)
        )

    holders = {id(m.candidate): m.item_id for m in taken.values()}
    for item in items:
        if item.id in taken:
            continue
        for m in list(taken.values()):
            c = m.candidate
            parts = heading_parts(c.title)
            if c.level >= 98 or not parts or holders.get(id(c)) not in by_id:
                continue
            holder = by_id[holders[id(c)]]
            mine = {p for p in parts if names_part(p, item)}
            theirs = {p for p in parts if names_part(p, holder)}
            if mine and theirs and mine != theirs:
                taken[item.id] = Match(item.id, c, JOINED_PART_MIN, "shared")
                break


def _promote_labels(
    taken: dict[str, Match], pairs: list[tuple[float, int, int, str, str, Candidate]], used: set[int]
) -> None:
    """A label or sub-heading matched inside a heading that also names the item: the heading is the item.

    v2b of plans_dev3: "资金来源：…" (a label, an exact synonym) inside "四、投资与融资" — the
    section the notice asks for (投资估算和资金筹措) is the whole chapter, not its last line; and
    "（一）运营方式" (a synonym of 运营模式) inside "六、运营及效益" for 运营模式和效益分析, whose
    other half (经济效益) is the chapter's next sub-heading.
    """
    for item_id, m in list(taken.items()):
        c = m.candidate
        outer = [
            p
            for p in pairs
            if p[3] == item_id
            and p[5].level < min(c.level, 98)
            and p[5].start < c.start < p[5].end
            and id(p[5]) not in used
        ]
        if outer:
            best = max(outer, key=lambda p: (p[0], p[1]))
            used.discard(id(c))
            used.add(id(best[5]))
            taken[item_id] = Match(item_id, best[5], best[0], best[4])


def word_overlap(title: str, names: list[str]) -> bool:
    """At least one content word of the heading is the item's (or of its family)."""
    return _word_overlap(title, tuple(names))


@lru_cache(maxsize=65536)
def _word_overlap(title: str, names: tuple[str, ...]) -> bool:
    tw = heading_words(title)
    bare = _bare_heads()
    for n in names:
        nw = heading_words(n)
        common = {w for w in tw if any(_same_word(w, x) for x in nw)}
        # a bare head in common ("机制") names another part when the item has words of its own
        if common and (not common <= bare or nw <= bare):
            return True
    return False


def content_share(rubric: Rubric, item: RubricItem, c: Candidate, text: str) -> float:
    """Share of the item's sub-requirements (two or more) that the candidate's body answers; partial counts half."""
    reqs = [r for r in rubric.children(item.id) if r.kind == "requirement" and not r.params.get("question")]
    if len(reqs) < 2:
        return 0.0
    from pipeline.check.requirements import run_check

    credit = {"present": 1.0, "partial": 0.5}
    got = sum(credit.get(run_check(r, text, c.body_start, c.end).status, 0.0) for r in reqs)
    return got / len(reqs)


def candidate_probs(cands: list[Candidate]) -> dict[int, dict[str, float]]:
    """Classifier label probabilities for each numbered heading, keyed by id(candidate)."""
    from pipeline.check.section_classifier import feature_text, label_probs

    numbered = [c for c in cands if c.level < 98]
    probs = label_probs([feature_text(c.title, c.first_sentence) for c in numbered]) if numbered else None
    if probs is None:
        return {}
    return {id(c): p for c, p in zip(numbered, probs)}


def _classifier_score(c: Candidate, item: RubricItem, probs: dict[int, dict[str, float]]) -> float:
    """0.6 × the classifier's probability when its top label for the heading is the item's canonical section."""
    p = probs.get(id(c))
    if not p or not item.canonical:
        return 0.0
    label = max(p, key=p.__getitem__)
    return 0.6 * p[label] if label == item.canonical and p[label] >= CLASSIFIER_MIN else 0.0


# ------------------------------------------------------------------ meaning (heading_vectors)
# A sub-heading is a requirement's own by meaning when it is nearer to it than to any sibling by
# MEANING_MARGIN, and nearer than MEANING_MIN: holdout h3b "日托服务" is 日间照料 (0.64 against 0.33
# for 上门服务 once the shared 服务 is left out), "老年食堂" is 助餐服务 (0.74 against 0.56). Unrelated
# policy phrases still score 0.3-0.55 ("强化安全保障" against 考核督办安排: 0.54), hence the high floor.
MEANING_MIN = 0.6
MEANING_MARGIN = 0.08


def meaning(text: str, drop: frozenset[str] = frozenset()) -> Any | None:
    """The mean vector of a heading's content words (generic words and ``drop`` left out)."""
    from pipeline.check.heading_vectors import phrase_vector

    words = sorted(heading_words(text) - drop)
    vs = [v for v in (phrase_vector(w) for w in words) if v is not None]
    if not vs:
        return None
    import numpy as np

    v = np.mean(vs, axis=0)
    n = float(np.linalg.norm(v))
    return v / n if n else None


def meaning_score(title: str, names: list[str], drop: frozenset[str] = frozenset()) -> float:
    """Best cosine between a heading and any of the names; 0.0 when either has no vector."""
    t = meaning(title, drop)
    if t is None:
        return 0.0
    best = 0.0
    for n in names:
        v = meaning(n, drop)
        if v is not None:
            best = max(best, float(t @ v))
    return best


def _shared_words(phrases: list[str]) -> frozenset[str]:
    """Words in two or more of the phrases: "服务" in a heading 日托服务 and a name 助餐服务 tells nothing."""
    seen: dict[str, int] = {}
    for p in phrases:
        for w in heading_words(p):
            seen[w] = seen.get(w, 0) + 1
    return frozenset(w for w, n in seen.items() if n > 1)


def meaning_heading(
    item: RubricItem,
    siblings: list[RubricItem],
    subs: list[Candidate],
    names_it: Callable[[RubricItem, Candidate], bool],
) -> Candidate | None:
    """The sub-heading among ``subs`` that means ``item`` rather than any of its ``siblings``.

    Mutual best: the heading is the item's nearest (by MEANING_MARGIN over its next) and the item
    is the heading's nearest among the siblings no heading names in words (``names_it``). Words
    that two of the sub-headings and sibling names share are left out: they tell none apart.
    """
    free = [c for c in subs if not any(names_it(s, c) for s in siblings)]
    rivals = [s for s in siblings if s.id != item.id and not any(names_it(s, c) for c in subs)]
    if not free:
        return None

    def names(it: RubricItem) -> list[str]:
        return [it.name, *(it.params.get("keywords") or [])]

    drop = _shared_words([c.title for c in subs] + [s.name for s in siblings])
    mine = sorted(((meaning_score(c.title, names(item), drop), i) for i, c in enumerate(free)), reverse=True)
    best, i = mine[0]
    if best < MEANING_MIN or (len(mine) > 1 and best - mine[1][0] < MEANING_MARGIN):
        return None
    theirs = max((meaning_score(free[i].title, names(s), drop) for s in rivals), default=0.0)
    return free[i] if best - theirs >= MEANING_MARGIN else None
