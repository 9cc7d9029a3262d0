"""The blind gold corpus `corpora/gold_structure2` and the evaluator options that score it.

The gold here was written by reading the texts (see its README); these tests check that the
files load, that every quoted heading really is in the text, and that the new options leave
the default corpus alone. They never assert the score: that number is reported, not gated.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from pipeline.structure.evaluate import (
    GOLD,
    ROOT,
    SPLIT,
    corpus_options,
    evaluate_meta,
    evaluate_sections,
    load_document,
    split_docs,
)
from tests.conftest import SEED_OPINIONS, need_shared

CORPUS = ROOT / "corpora" / "gold_structure2"
SPLIT2 = CORPUS / "split.yaml"
DOCS2 = split_docs("test", split_file=SPLIT2)
META_FIELDS = {"title", "doc_number", "issuers", "recipients", "date"}


def _squash(text: str) -> str:
    """Whitespace removed: gold numbers are written without spaces (`第 1 0 条` -> `第10条`)."""
    return re.sub(r"\s+", "", text)


def _lines(path: Path) -> list[str]:
    # Markdown heading markers of the LawRefBook files (`## 第一章 总则`) are not part of the heading
    return [_squash(line).lstrip("#") for line in load_document(path).text.split("\n")]


def test_structure_eval_corpus_split_has_only_test() -> None:
    data = yaml.safe_load(SPLIT2.read_text(encoding="utf-8"))
    assert list(data) == ["test"]
    assert 8 <= len(DOCS2) <= 10


def test_structure_eval_corpus_is_disjoint_from_first_gold() -> None:
    # blind means new documents: none of them may already have gold in corpora/gold
    assert not set(DOCS2) & set(split_docs("all"))
    assert not {p.resolve() for p in DOCS2.values()} & {p.resolve() for p in split_docs("all").values()}
    assert not [d for d in DOCS2 if (GOLD / "sections" / f"{d}.yaml").exists()]


@pytest.mark.parametrize("doc_id", sorted(DOCS2))
def test_structure_eval_corpus_gold_files_load(doc_id: str) -> None:
    sections = yaml.safe_load((CORPUS / "sections" / f"{doc_id}.yaml").read_text(encoding="utf-8"))
    meta = yaml.safe_load((CORPUS / "meta" / f"{doc_id}.yaml").read_text(encoding="utf-8"))
    assert sections["doc"] == doc_id and meta["doc"] == doc_id
    assert META_FIELDS <= set(meta)
    assert sections["sections"], "a blind gold file with no headings scores nothing"
    seen: list[dict] = []
    for s in sections["sections"]:
        assert {"number", "title", "level", "parent"} <= set(s), s
        if s["level"] == 1:
            assert s["parent"] is None, s
        else:
            # the parent is the nearest earlier heading one level up, and no level is skipped
            parent = next(p for p in reversed(seen) if p["level"] < s["level"])
            assert parent["level"] == s["level"] - 1, s
            assert s["parent"] == (parent["number"] or parent["title"]), s
        seen.append(s)


@pytest.mark.corpus
@pytest.mark.parametrize("doc_id", sorted(DOCS2))
def test_structure_eval_corpus_headings_are_in_the_text(doc_id: str) -> None:
    """Every gold heading is a line of the normalised text that starts with its number and title."""
    lines = _lines(need_shared(DOCS2[doc_id]))
    gold = yaml.safe_load((CORPUS / "sections" / f"{doc_id}.yaml").read_text(encoding="utf-8"))
    missing = []
    for s in gold["sections"]:
        quote = _squash((s["number"] or "") + s["title"])
        if not any(line.startswith(quote) for line in lines):
            missing.append(quote)
    assert not missing


@pytest.mark.corpus
@pytest.mark.parametrize("doc_id", sorted(DOCS2))
def test_structure_eval_corpus_meta_is_in_the_text(doc_id: str) -> None:
    path = need_shared(DOCS2[doc_id])
    # a title wrapped over two lines is joined in the gold, so compare without line breaks
    text = _squash(load_document(path).text).replace("[", "〔").replace("]", "〕")
    meta = yaml.safe_load((CORPUS / "meta" / f"{doc_id}.yaml").read_text(encoding="utf-8"))
    for field in ("title", "doc_number"):
        if meta[field]:
            assert _squash(meta[field]) in text, (field, meta[field])
    for name in meta["issuers"] + meta["recipients"]:
        assert _squash(name) in text, name
    if meta["date"]:
        y, m, d = (int(x) for x in meta["date"].split("-"))
        assert f"{y}年{m}月{d}日" in text, meta["date"]


@pytest.mark.parametrize("split", ["train", "test", "all"])
def test_structure_eval_corpus_default_split_unchanged(split: str) -> None:
    assert split_docs(split) == split_docs(split, split_file=SPLIT) == split_docs(split, split_file=None)
    assert corpus_options(None) == {}


def test_structure_eval_corpus_options_point_at_the_folder() -> None:
    options = corpus_options(Path("corpora/gold_structure2"))
    assert options == {"gold_dir": CORPUS, "split_file": SPLIT2}


def test_structure_eval_corpus_option_scores_the_given_gold(tmp_path: Path) -> None:
    """The same document and gold scored through another folder gives the same result as the default."""
    (tmp_path / "sections").mkdir()
    (tmp_path / "meta").mkdir()
    shutil.copy(GOLD / "sections" / "seed_004.yaml", tmp_path / "sections")
    shutil.copy(GOLD / "meta" / "seed_004.yaml", tmp_path / "meta")
    rel = SEED_OPINIONS.relative_to(ROOT).as_posix()
    (tmp_path / "split.yaml").write_text(f"test:\n  seed_004: {rel}\n", encoding="utf-8")
    options = corpus_options(tmp_path)

    sec = evaluate_sections("test", **options)
    meta = evaluate_meta("test", **options)
    assert list(sec["per_doc"]) == ["seed_004"] and sec["documents"] == 1
    assert sec["gold_headings"] == len(
        yaml.safe_load((GOLD / "sections" / "seed_004.yaml").read_text())["sections"]
    )
    # the same split with the default gold folder (corpora/gold): the per-document result must not move
    default_sec = evaluate_sections("test", split_file=options["split_file"])["per_doc"]["seed_004"]
    default_meta = evaluate_meta("test", split_file=options["split_file"])["per_doc"]["seed_004"]
    assert sec["per_doc"]["seed_004"] == default_sec
    assert meta["per_doc"]["seed_004"] == default_meta


def test_structure_eval_corpus_missing_gold_is_skipped_not_scored(tmp_path: Path) -> None:
    rel = SEED_OPINIONS.relative_to(ROOT).as_posix()
    (tmp_path / "split.yaml").write_text(f"test:\n  seed_004: {rel}\n", encoding="utf-8")
    sec = evaluate_sections("test", **corpus_options(tmp_path))
    assert sec["documents"] == 0
    assert sec["per_doc"]["seed_004"] == {"skipped": "no gold file"}
