"""The heading classifier: trusted loading, and headings no synonym explains."""

from __future__ import annotations

import pytest

from pipeline.check import check
from pipeline.check.section_classifier import MODEL_FILE, load_model, predict
from pipeline.errors import ModelFileError
from tests.check.conftest import PARTS, make_plan


@pytest.fixture(autouse=True)
def _need_model():
    if not MODEL_FILE.exists():
        pytest.fail(f"{MODEL_FILE} missing: run python -m pipeline.check.train_section_classifier")


@pytest.mark.parametrize(
    "text, label",
    [
        ("健全领导体制 | 成立领导小组，县长任组长", "mechanism"),
        ("抓好项目建设 | 实施项目10个，总投资", "projects"),
        ("主要预期指标 | 到2021年出口增长", "goals"),
        ("强化支撑保障 | 县财政安排资金", "policies"),
    ],
)
def test_section_classifier_predicts_unseen_headings(text, label):
    assert predict([text])[0][0] == label


def test_section_classifier_rejects_untrusted_types(tmp_path):
    import skops.io as sio

    bad = tmp_path / "model.skops"
    sio.dump({"f": pytest.approx}, bad)  # a function object: not in the trusted list
    with pytest.raises(ModelFileError, match="untrusted types"):
        load_model.__wrapped__(bad)


def test_section_classifier_matches_heading_without_synonym(write_plan, seed_rubric):
    # "压实各方责任" is close to no synonym; the classifier maps it to 工作机制
    body = PARTS["mechanism"].partition("\n")[2]
    result = check(write_plan(make_plan(mechanism=f"三、压实各方责任\n{body}")), seed_rubric)
    item = result.item("plan.mechanism")
    assert item.status == "present"
    assert item.match == "classifier"
