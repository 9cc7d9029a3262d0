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

from pipeline.model import Document, Section
from pipeline.rubric.schema import Rubric, RubricItem

FUZZY_MIN = 0.6
CLASSIFIER_MIN = 0.5
MATCH_MIN = 0.4
STANDALONE_MAX = 25
_NOISE = re.compile(r"[\s　、，。：:；;．.（）()《》“”\"'【】\[\]]|^附件\s*\d*|(?:19|20)\d\d\s*年?\s*[-—–~～至到]?")
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
    for s in sections:
        body = s.heading_end if s.heading_end is not None else s.start
        out.append(Candidate(s.title, s.start, s.end, body, s.level, _first_sentence(text, body, s.end)))
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
            body = start + len(line)
            out.append(Candidate(stripped, start, nxt, body, 99, _first_sentence(text, body, nxt)))
            continue
        m = _LABEL.match(line)
        if m:
            # "重点项目：1.环保板材…" — a labelled paragraph inside another section
            label_end = m.end(1)
            out.append(Candidate(m.group(1), start, start + len(line), label_end, 98,
                                 _first_sentence(text, label_end, start + len(line))))
    return out


_LABEL = re.compile(r"^\s*([^\s，。：:；;、（）()]{2,14})[：:]")


def _first_sentence(text: str, start: int, end: int) -> str:
    chunk = text[start : min(end, start + 120)].lstrip("。：: \n")
    m = re.search(r"[。；\n]", chunk)
    return chunk[: m.start()] if m else chunk


def title_score(title: str, names: list[str]) -> tuple[float, str]:
    """How well a heading names an item: 1.0 equal, ~0.9 contains a synonym, fuzzy below."""
    t = norm_title(title)
    t2 = _LEADING_VERB.sub("", t)
    if not t:
        return 0.0, ""
    best = (0.0, "")
    for name in names:
        n = norm_title(name)
        if not n:
            continue
        for cand in {t, t2}:
            if cand == n:
                return 1.0, "synonym"
            if n in cand:
                best = max(best, (0.9 - 0.01 * min(len(cand) - len(n), 20), "synonym"))
            elif len(cand) >= 2 and cand in n:
                best = max(best, (0.8 - 0.01 * min(len(n) - len(cand), 20), "synonym"))
            else:
                r = SequenceMatcher(None, cand, n).ratio()
                if r >= FUZZY_MIN:
                    best = max(best, (0.75 * r, "fuzzy"))
    return best


def match_items(rubric: Rubric, items: list[RubricItem], cands: list[Candidate]) -> dict[str, Match]:
    """Greedy one-to-one assignment of items to headings by descending match score."""
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
    pairs.extend(_classifier_pairs(cands, unmatched_canonical))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]), reverse=True)
    taken_items: dict[str, Match] = {}
    taken_cands: set[int] = set()
    for sc, _, _, item_id, how, c in pairs:
        if item_id in taken_items or id(c) in taken_cands:
            continue
        taken_items[item_id] = Match(item_id, c, sc, how)
        taken_cands.add(id(c))
    return taken_items


def _classifier_pairs(cands: list[Candidate], by_canonical: dict[str, RubricItem]) -> list:
    numbered = [c for c in cands if c.level < 98]
    if not numbered or not by_canonical:
        return []
    from pipeline.check.section_classifier import feature_text, predict

    preds = predict([feature_text(c.title, c.first_sentence) for c in numbered])
    if preds is None:
        return []
    out = []
    for c, (label, prob) in zip(numbered, preds):
        if label in by_canonical and prob >= CLASSIFIER_MIN:
            out.append((0.6 * prob, -c.level, -c.start, by_canonical[label].id, "classifier", c))
    return out
