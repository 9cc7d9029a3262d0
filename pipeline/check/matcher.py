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
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

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
        if len(stripped) <= STANDALONE_MAX and not re.search(r"[。，；,;]", unbracketed):
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
            label_end = m.end(1)
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
    return out


_ATTACHMENT_LINE = re.compile(r"(?m)^[ \t]*附[件表]\s*\d*\s*[：:．.、]")
_LABEL = re.compile(r"^\s*([^\s，。：:；;、（）()]{2,14})[：:]")


def _first_sentence(text: str, start: int, end: int) -> str:
    chunk = text[start : min(end, start + 120)].lstrip("。：: \n")
    m = re.search(r"[。；\n]", chunk)
    return chunk[: m.start()] if m else chunk


def title_score(title: str, names: list[str]) -> tuple[float, str]:
    """How well a heading names an item: 1.0 equal, ~0.9 contains a synonym, fuzzy below."""
    return _title_score(title, tuple(names))


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


def match_items(
    rubric: Rubric,
    items: list[RubricItem],
    cands: list[Candidate],
    probs: dict[int, dict[str, float]] | None = None,
) -> dict[str, Match]:
    """Greedy one-to-one assignment of items to headings by descending match score."""
    if probs is None:
        probs = candidate_probs(cands)
    pairs: list[tuple[float, int, int, str, str, Candidate]] = []
    for item in items:
        names = [item.name, *item.synonyms]
        for idx, c in enumerate(cands):
            sc, how = title_score(c.title, names)
            if c.level >= 98 and how != "synonym":
                continue  # an unnumbered line or a label counts only when a synonym names it
            if sc >= MATCH_MIN:
                pairs.append((sc, -c.level, -c.start, item.id, how, c))
    unmatched_canonical = {i.canonical: i for i in items if i.canonical}
    pairs.extend(_classifier_pairs(cands, unmatched_canonical, probs))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]), reverse=True)
    taken_items: dict[str, Match] = {}
    taken_cands: set[int] = set()
    for sc, _, _, item_id, how, c in pairs:
        if item_id in taken_items or id(c) in taken_cands:
            continue
        taken_items[item_id] = Match(item_id, c, sc, how)
        taken_cands.add(id(c))
    return taken_items


def candidate_probs(cands: list[Candidate]) -> dict[int, dict[str, float]]:
    """Classifier label probabilities for each numbered heading, keyed by id(candidate)."""
    from pipeline.check.section_classifier import feature_text, label_probs

    numbered = [c for c in cands if c.level < 98]
    probs = label_probs([feature_text(c.title, c.first_sentence) for c in numbered]) if numbered else None
    if probs is None:
        return {}
    return {id(c): p for c, p in zip(numbered, probs)}


def _classifier_pairs(
    cands: list[Candidate], by_canonical: dict[str, RubricItem], probs: dict[int, dict[str, float]]
) -> list:
    out = []
    for c in cands:
        p = probs.get(id(c))
        if not p:
            continue
        label = max(p, key=p.__getitem__)
        if label in by_canonical and p[label] >= CLASSIFIER_MIN:
            out.append((0.6 * p[label], -c.level, -c.start, by_canonical[label].id, "classifier", c))
    return out
