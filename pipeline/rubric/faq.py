"""政策问答 pages: "问：申报需要准备哪些材料？" / "答：共需准备四项材料：一是…；二是…".

A department often publishes its notice's requirements as questions and answers. An answer is
read like a body paragraph, but only where its question asks what to hand in (materials) or
what a document or part must say (its parts and requirements). Answers about eligibility,
procedure, deadlines, support or duties after approval name documents too ("每半年报送一次
运营情况报告") but nothing to hand in with the application, so items found there are dropped.
Patterns: ``pipeline/data/rubric_groups.yaml``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.rubric.topics import _rules

if TYPE_CHECKING:
    from pipeline.rubric.compiler import _Builder
    from pipeline.rubric.schema import RubricItem

Span = tuple[int, int]


def qa_pairs(text: str) -> list[tuple[Span, Span]]:
    """(question span, answer span) of every 问/答 pair, the answer running to the next question."""
    r = _rules()
    qs = list(r["question"].finditer(text))
    out = []
    for n, q in enumerate(qs):
        end = qs[n + 1].start() if n + 1 < len(qs) else len(text)
        a = r["answer"].search(text, q.end(), end)
        if a is None:
            continue
        stop = re.search(r"\n\s*\n(?!\s*(?:答|A)\s*[：:])", text[a.end() : end])
        out.append((q.span(1), (a.end(), a.end() + stop.start() if stop else end)))
    return out if len(out) >= 2 else []


def read_faq(b: _Builder) -> bool:
    """Items from the answers of a 问答 page; False when the text is no such page."""
    from pipeline.rubric.compiler import DOC_SUFFIX, core, split_spans, strip_span
    from pipeline.rubric.hints import elements

    text = b.text
    r = _rules()
    pairs = qa_pairs(text)
    if not pairs:
        return False
    b.faq_answers = []  # answers that may hold items (the rest are dropped by drop_outside)
    # materials first: a content question names a document the materials answer introduced
    for (qs, qe), (as_, ae) in pairs:
        if not r["asks_materials"].search(text, qs, qe):
            continue
        b.faq_answers.append((as_, ae))
        items = list(r["runin_item"].finditer(text, as_, ae))
        if len(items) >= 2:
            for n, m in enumerate(items):
                end = items[n + 1].start() if n + 1 < len(items) else ae
                stop = re.search(r"[；;。]", text[m.end() : end])
                ie = m.end() + stop.start() if stop else end
                s, e = strip_span(text, m.end(), ie)
                if e - s >= 2:
                    b.add_material(text[s:e], s, e, None)
            continue
        for cs, ce in split_spans(text, as_, ae, "。；;"):
            if r["not_needed"].search(text, cs, ce):
                continue
            for m in r["answer_material"].finditer(text, cs, ce):
                s, e = strip_span(text, *m.span(1))
                doc = DOC_SUFFIX.search(core(text[s:e])) or r["answer_documents"].search(core(text[s:e]))
                if doc and not _known(b, text[s:e]):
                    b.add_material(text[s:e], s, e, None)
    for (qs, qe), (as_, ae) in pairs:
        if not r["asks_contents"].search(text, qs, qe):
            continue
        target = _subject(b, text[qs:qe])
        if target is None:
            continue
        b.faq_answers.append((as_, ae))
        for ss, se in split_spans(text, as_, ae, "。"):
            if r["not_needed"].search(text, ss, se):
                continue
            parts = re.search(
                r"包括(?:以下|下列)?[一二三四五六七八九十\d]*个?(?:部分|方面)[：:]", text[ss:se]
            )
            if parts and target.kind == "material":
                for es, ee in elements(text, ss + parts.end(), se):
                    b.add_section(text[es:ee], es, ee, target)
                continue
            if re.match(r"其中[，,]", text[ss:se]) and target.kind == "material":
                b.read_sentence(ss, se, target)  # "其中，业态布局部分要列明…；安全…部分要说明…"
                continue
            _answer_demands(b, ss, se, target)
    return True


def _answer_demands(b: _Builder, start: int, end: int, target: RubricItem) -> None:
    """ "主要写清A、B和C，便于…" / "须载明A、B" / "目标要具体、可量化，至少包括A、B": requirements."""
    from pipeline.rubric.hints import read_hint

    text = b.text
    s = start
    m = re.match(r"(?:主要|需要|需|须|要|应当|应)?(?:写清|写明|载明|列明|明确|包括|体现)", text[start:end])
    lead = re.match(
        r"[^，,。；;]{0,12}?(?:[，,]\s*)?(?:但)?(?=(?:须|需要|需|要|应当|应)?(?:载明|写明|写清|列明|明确|包括|具体))",
        text[start:end],
    )
    if m is None and lead is not None:
        s = start + lead.end()
    read_hint(b, s, end, target, judged=False)


def _known(b: _Builder, name: str) -> bool:
    from pipeline.rubric.outline import _known as known

    return known(b, name)


def _subject(b: _Builder, question: str) -> RubricItem | None:
    """The item a content question is about: "建设运营方案需要写哪些内容" -> the 方案 material."""
    from pipeline.rubric.compiler import core

    r = _rules()
    m = r["subject_end"].search(question)
    subject = core(question[: m.start()] if m else question)
    subject = re.sub(r"^(?:申报|申请)", "", subject)
    if len(subject) < 2:
        return None
    best = None
    for item in b.items:
        name = core(item.name)
        if item.kind == "requirement" or len(name) < 2:
            continue
        named = subject == name or subject in name or name in subject
        if named and (best is None or (item.kind == "section") > (best.kind == "section")):
            best = item  # a part's name beats the document that holds it ("街区概况部分主要写什么")
    return best


def drop_outside(b: _Builder) -> None:
    """Drop items a reader found in answers that ask for nothing to hand in (procedure, after approval)."""
    answers = getattr(b, "faq_answers", None)
    if answers is None:
        return
    pairs = qa_pairs(b.text)
    other = [a for _, a in pairs if a not in answers]
    drop = {i.id for i in b.items if i.provenance and any(s <= i.provenance["start"] < e for s, e in other)}
    b.remove(drop, with_descendants=True)
