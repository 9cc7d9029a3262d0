"""spaCy factories: findings as spans with normalised values, on a blank zh pipeline with jieba."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

import pipeline.spacy_components  # noqa: F401  (registers the factories)

NOTICE = "每个试点县奖励资金最高800万元，根据评审结果分批下达。请于2019年8月23日前报送申报材料。"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in ("policylens_amounts", "policylens_deadlines", "policylens_clauses"):
        nlp.add_pipe(name)
    return nlp


def test_spacy_components_blank_zh_uses_jieba(nlp) -> None:
    assert str(nlp.tokenizer.segmenter) in ("jieba", "Segmenter.jieba")
    assert nlp.pipe_names == ["policylens_amounts", "policylens_deadlines", "policylens_clauses"]


def test_spacy_components_amounts(nlp) -> None:
    doc = nlp(NOTICE)
    spans = list(doc.spans["policylens_amounts"])
    assert [(s.text, s.label_, s._.amount_value, s._.amount_kind) for s in spans] == [
        ("最高800万元", "cap", 8_000_000.0, "cap")
    ]
    assert spans[0]._.amount_currency == "CNY"


def test_spacy_components_deadlines(nlp) -> None:
    doc = nlp(NOTICE)
    spans = list(doc.spans["policylens_deadlines"])
    assert len(spans) == 1
    assert "2019年8月23日" in spans[0].text
    assert spans[0]._.deadline_date == "2019-08-23"


def test_spacy_components_clauses(nlp) -> None:
    doc = nlp(NOTICE)
    spans = list(doc.spans["policylens_clauses"])
    assert [s.text for s in spans] == [
        "每个试点县奖励资金最高800万元，根据评审结果分批下达。",
        "请于2019年8月23日前报送申报材料。",
    ]
    assert [s._.clause_kind for s in spans] == ["funding_reward", "deadline"]
    assert spans[0].label_ == "funding_reward"


def test_spacy_components_expand_keeps_findings_cut_inside_tokens(nlp) -> None:
    # jieba makes "日前" one token; the deadline ends inside it and must still be kept
    doc = nlp("请于2019年8月23日前报送。")
    assert any(t.text == "日前" for t in doc)
    span = doc.spans["policylens_deadlines"][0]
    assert span._.deadline_date == "2019-08-23"
    assert span.text.endswith("日前")


def test_spacy_components_text_without_findings(nlp) -> None:
    doc = nlp("加强部门协作，形成工作合力")
    assert list(doc.spans["policylens_amounts"]) == []
    assert list(doc.spans["policylens_deadlines"]) == []


def test_spacy_components_spans_key_config() -> None:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("policylens_amounts", config={"spans_key": "money"})
    doc = nlp("给予一次性奖励30万元。")
    assert [s._.amount_value for s in doc.spans["money"]] == [300_000.0]


def test_spacy_components_user_dictionary_loaded(nlp) -> None:
    doc = nlp("按照就高不重复原则实行一事一议。")
    assert {"就高不重复", "一事一议"} <= {t.text for t in doc}
