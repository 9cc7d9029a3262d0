"""Sentence-level links between amounts: tier lists and the caps of percentages.

Chinese policy texts state graded rewards as two parallel lists in one
sentence — 对年度进出口额达5亿元、3亿元、1亿元、5000万元…一次性分别给予30万元、20万元、
15万元、10万元奖励 (seed 004) — so a threshold is paired with the reward of the same
index. A percentage is usually limited by a cap later in its sentence:
按照年度实际投资额的10%给予补助，每家企业每年最高不超过10万元.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for types only: amounts.py imports this module lazily
    from pipeline.extract.amounts import Candidate, Lexicon


def _sentence(text: str, start: int, lex: Lexicon) -> tuple[int, int]:
    from pipeline.extract.amounts import _segment

    return _segment(text, start, start, lex.sentence_breaks)


def _joined(text: str, left: Candidate, right: Candidate, lex: Lexicon) -> bool:
    between = text[left.end : right.start].strip()
    if not between:
        return True
    return between in lex.separators


def find_lists(text: str, cands: list[Candidate], lex: Lexicon) -> list[list[Candidate]]:
    """Runs of amounts of one sort (money or percent) joined only by 、/和/及."""
    lists: list[list[Candidate]] = []
    current: list[Candidate] = []
    for c in cands:
        if current and current[-1].is_percent == c.is_percent and _joined(text, current[-1], c, lex):
            current.append(c)
            continue
        if len(current) > 1:
            lists.append(current)
        current = [c]
    if len(current) > 1:
        lists.append(current)
    return lists


def _propagate(members: list[Candidate]) -> None:
    """达5亿元、3亿元: the 达 before the first member bounds every member."""
    head = members[0]
    for c in members[1:]:
        if c.is_percent:
            if c.base is None:
                c.base = head.base
            continue
        if c.has_own_marker or c.kind == "range" or not head.from_before:
            continue
        c.kind = head.kind
        c.per = c.per or head.per
        if head.kind == "cap":
            c.high, c.high_inclusive = c.value, head.high_inclusive
        elif head.kind == "floor":
            c.low, c.low_inclusive = c.value, head.low_inclusive


def _band_bounds(members: list[Candidate]) -> None:
    """300万美元及以下、300-1000万美元: the second band excludes 300万, which the first took."""
    for prev, c in itertools.pairwise(members):
        if (
            c.kind == "range" and c.low_inclusive is None and prev.high is not None and prev.high == c.low
            and prev.high_inclusive
        ):
            c.low_inclusive = False


def link_sentences(text: str, cands: list[Candidate], lex: Lexicon) -> None:
    """Set role/tier_group/tier_index on list members and cap on percentages, in place."""
    lists = find_lists(text, cands, lex)
    by_sentence: dict[tuple[int, int], list[list[Candidate]]] = {}
    for members in lists:
        _propagate(members)
        by_sentence.setdefault(_sentence(text, members[0].start, lex), []).append(members)
    group = 0
    for (s, e), sentence_lists in by_sentence.items():
        sentence = text[s:e]
        paired: set[int] = set()
        for i, first in enumerate(sentence_lists):
            if i in paired or first[0].is_percent:
                continue
            for j in range(i + 1, len(sentence_lists)):
                second = sentence_lists[j]
                if j not in paired and len(second) == len(first):
                    group += 1
                    _band_bounds(first)
                    for k, (t, r) in enumerate(zip(first, second)):
                        t.role, r.role = "threshold", "reward"
                        t.tier_group = r.tier_group = f"tier{group}"
                        t.tier_index = r.tier_index = k
                    paired.update((i, j))
                    break
        rewarding = any(w in sentence for w in lex.reward_words)
        for i, members in enumerate(sentence_lists):
            if i in paired:
                continue
            group += 1
            for k, c in enumerate(members):
                c.role = "reward" if rewarding else None
                c.tier_group = f"tier{group}"
                c.tier_index = k
    _link_caps(text, cands, lex)


def _link_caps(text: str, cands: list[Candidate], lex: Lexicon) -> None:
    """A percentage takes the first cap after it in its sentence."""
    for i, c in enumerate(cands):
        if not c.is_percent:
            continue
        _, sentence_end = _sentence(text, c.start, lex)
        for later in cands[i + 1 :]:
            if later.start >= sentence_end:
                break
            if not later.is_percent and later.kind == "cap":
                c.cap = later.value
                break
