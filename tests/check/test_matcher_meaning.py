"""Sub-headings that mean a requirement in other words (heading_vectors + meaning_heading)."""

from __future__ import annotations

import pytest

from pipeline.check.checker import own_heading
from pipeline.check.heading_vectors import VECTORS_DIR, similarity
from pipeline.check.matcher import Candidate
from pipeline.rubric.schema import RubricItem


@pytest.fixture(autouse=True)
def _need_vectors():
    if not (VECTORS_DIR / "vectors.npy").exists():
        pytest.fail(f"{VECTORS_DIR} missing: run python -m pipeline.check.train_heading_vectors")


def _req(i: int, name: str) -> RubricItem:
    return RubricItem(id=f"r{i}", name=name, kind="requirement", parent="s", check="mentions")


def _region(titles: list[str]) -> tuple[Candidate, list[Candidate]]:
    """A section "服务内容" whose body is one sub-heading per title, each with a line under it."""
    region = Candidate("服务内容", 0, 100 * (len(titles) + 1), 5, 1)
    subs = [Candidate(t, 100 * (i + 1), 100 * (i + 2), 100 * (i + 1) + 8, 2) for i, t in enumerate(titles)]
    return region, [region, *subs]


# holdout h3b: the plan heads its services 日托服务 / 老年食堂 / 居家上门, the notice asks for
# 日间照料 / 助餐服务 / 上门服务
ELDERCARE = ["日间照料", "助餐服务", "上门服务"]


@pytest.mark.parametrize(
    "name, heading",
    [("日间照料", "日托服务"), ("助餐服务", "老年食堂")],
)
def test_matcher_meaning_finds_heading_in_other_words(name, heading):
    region, cands = _region(["日托服务", "老年食堂", "居家上门"])
    sibs = [_req(i, n) for i, n in enumerate(ELDERCARE)]
    item = next(s for s in sibs if s.name == name)
    got = own_heading(item, region, cands, sibs)
    assert got is not None and got.title == heading


def test_matcher_meaning_needs_siblings():
    """Without siblings to compare with, nothing is taken on meaning alone."""
    region, cands = _region(["日托服务", "老年食堂"])
    assert own_heading(_req(0, "日间照料"), region, cands) is None


@pytest.mark.parametrize(
    "name, titles, sibling",
    [
        # holdout h1b: 强化安全保障 is not 考核督办安排 (0.54: unrelated policy phrases are not far apart)
        ("考核督办安排", ["加强组织领导", "强化安全保障", "加强宣传培训"], "组织领导"),
        ("日间照料", ["项目选址", "资金来源"], "建设资金"),
    ],
)
def test_matcher_meaning_does_not_match_unrelated(name, titles, sibling):
    region, cands = _region(titles)
    sibs = [_req(0, name), _req(1, sibling)]
    assert own_heading(sibs[0], region, cands, sibs) is None


def test_matcher_meaning_whole_plan_is_no_region():
    """An item whose parent has no heading is checked in the whole plan: its chapters are not sub-headings."""
    whole = Candidate("", 0, 300, 0, 0)
    _, cands = _region(["日托服务", "老年食堂"])
    sibs = [_req(i, n) for i, n in enumerate(ELDERCARE)]
    assert own_heading(sibs[0], whole, cands[1:], sibs) is None


def test_heading_vectors_related_nearer_than_unrelated():
    assert similarity("老年食堂", "助餐") > similarity("老年食堂", "上门")
    assert similarity("日托", "日间照料") > similarity("日托", "助餐")


def test_heading_vectors_refuse_pickled_arrays(tmp_path, monkeypatch):
    """A vectors file holding Python objects is a bad model file, never unpickled."""
    import json

    import numpy as np

    from pipeline.check import heading_vectors as hv
    from pipeline.errors import ModelFileError

    np.save(tmp_path / "vectors.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    (tmp_path / "vocab.json").write_text(json.dumps(["日"]), encoding="utf-8")
    monkeypatch.setattr(hv, "VECTORS_DIR", tmp_path)
    hv._load.cache_clear()
    try:
        with pytest.raises(ModelFileError):
            hv._load()
    finally:
        monkeypatch.undo()
        hv._load.cache_clear()
        hv.phrase_vector.cache_clear()
