"""The HTML report: evidence marks and anchors, escaping, asks, structure."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from pipeline.report import ask_list, render_html
from pipeline.report.html import collect_evidence, split_text


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.marks: list[str] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag in ("script", "link", "img") and (a.get("src") or a.get("href")):
            self.external.append(tag)
        if tag == "mark":
            self.marks.append(a.get("id", ""))
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collect:
    p = _Collect()
    p.feed(html)
    return p


def test_html_evidence_marks_and_anchors(fake_result, plan_text, tmp_path):
    html = render_html(fake_result, plan_text, tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == html
    p = _parse(html)
    ev_ids = [i for i in p.ids if i.startswith("ev-")]
    assert ev_ids == ["ev-1", "ev-2", "ev-3", "ev-4", "ev-5"]  # five evidence spans, each with an anchor
    ev_links = [h for h in p.hrefs if h.startswith("#ev-")]
    assert set(ev_links) == {f"#{i}" for i in ev_ids}  # every link lands on an anchor, every anchor is linked
    # clicking an item's name jumps to its first evidence
    assert '<a class="item" href="#ev-2">责任单位、责任人</a>' in html
    assert not p.external


def test_html_plan_text_survives_marking(fake_result, plan_text):
    """Cutting at evidence boundaries loses and duplicates nothing (overlaps included)."""
    spans, problems = collect_evidence(fake_result, plan_text)
    assert problems == []
    assert "".join(piece.text for piece in split_text(plan_text, spans)) == plan_text


def test_html_escapes_plan_text_names_and_flags(fake_result, plan_text):
    html = render_html(fake_result, plan_text)
    assert "<重点>" not in html and "&lt;重点&gt; &amp; 项目" in html
    assert "重点项目 &lt;A&amp;B&gt;" in html
    assert "&lt;placeholder&gt;" in html
    assert "plan&lt;1&gt;.txt" in html
    # the only tags are ours: no tag was injected from the data
    assert not re.search(
        r"<(?!/?(?:html|head|meta|title|style|body|header|h1|h2|div|main|section|span|ul|li|table|thead|tbody|tr|th|td|a|mark|p)\b|!DOCTYPE)",
        html,
    )


def test_html_evidence_with_stale_offsets_is_found_by_quote(fake_result, plan_text):
    fake_result["items"][3]["evidence"] = [{"text": "局长任组长", "start": 0, "end": 5}]
    spans, problems = collect_evidence(fake_result, plan_text)
    found = next(s for s in spans if s.item_id == "w.units")
    assert plan_text[found.start : found.end] == "局长任组长"
    assert problems == []


def test_html_evidence_not_in_text_is_reported(fake_result, plan_text):
    fake_result["items"][3]["evidence"] = [{"text": "根本不存在的引文", "start": 500, "end": 508}]
    html = render_html(fake_result, plan_text)
    assert "根本不存在的引文" in html and "not found in the plan text" in html


def test_html_sections_listed_with_their_requirements(fake_result, plan_text):
    html = render_html(fake_result, plan_text)
    order = [m.group(1) for m in re.finditer(r'<tr id="item-([^"]+)"', html)]
    assert order == ["m", "d", "w", "w.units", "w.div", "p", "p.funds", "k"]


@pytest.mark.parametrize(
    ("expected",),
    [
        ("请补充提交《申请表》。",),
        ("“工作机制”内容不完整，请补充：职责分工。",),
        ("“配套政策”只有标题或“略/另附/待补充”等占位内容，请补充具体内容。",),
    ],
)
def test_html_asks_in_reviewer_language(fake_result, expected):
    assert expected in ask_list(fake_result)


def test_html_asks_skip_requirements_of_empty_sections(fake_result):
    asks = ask_list(fake_result)
    assert not any("资金" in a for a in asks)  # covered by the 配套政策 line
    assert not any("详细实施方案" in a for a in asks)  # a container: its parts have their own lines
    assert len(asks) == 3


def test_html_all_present_asks_nothing(fake_result, plan_text):
    for item in fake_result["items"]:
        item["status"] = "present"
    assert ask_list(fake_result) == []
    assert "无：各项材料与章节齐全" in render_html(fake_result, plan_text)
