"""The gold plans corpus is consistent: keys, statuses, scores, split, generated files."""

from __future__ import annotations

import importlib.util

import pytest
import yaml

from pipeline.eval.plans import (
    GOLD_DIR,
    PLANS_DIR,
    STATUSES,
    gold_score,
    load_gold_plan,
    load_plan_split,
    load_rubrics,
    plan_path,
)

GOLD_IDS = sorted(p.stem for p in GOLD_DIR.glob("*.yaml"))


def test_gold_plans_corpus_size():
    rubrics = load_rubrics()
    by_notice = {k: [g for g in GOLD_IDS if load_gold_plan(g)["notice"] == k] for k in rubrics}
    assert len(by_notice["seed_000"]) >= 18
    assert len(by_notice["notice_n000"]) >= 4


@pytest.mark.parametrize("plan_id", GOLD_IDS)
def test_gold_plans_keys_statuses_and_score(plan_id):
    gold = load_gold_plan(plan_id)
    rubric = load_rubrics()[gold["notice"]]
    assert list(gold["items"]) == rubric["items"], "every gold file judges every item, in notice order"
    assert set(gold["items"].values()) <= set(STATUSES)
    assert gold["score"] == gold_score(gold["items"], rubric["scored"])
    assert plan_path(gold).exists()
    assert len(gold["justification"]) > 80


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        # GUIDE.md worked example (p03): 申请表 empty, 工作机制 present with its sub-requirement partial
        ({"a": "empty", "m": "present", "m/x": "partial", "b": "present"}, 58),  # (0 + .75 + 1) / 3
        ({"a": "present", "m": "present", "m/x": "present", "b": "present"}, 100),
        ({"a": "missing", "m": "missing", "m/x": "missing", "b": "missing"}, 0),
        ({"a": "partial", "m": "partial", "m/x": "missing", "b": "empty"}, 25),  # (.5 + .25 + 0) / 3
    ],
)
def test_gold_plans_score_formula(statuses, expected):
    assert gold_score(statuses, {"a": 1, "m": 1, "b": 1}) == expected


def test_gold_plans_guide_worked_example_p03():
    gold = load_gold_plan("p03_queshan_out_of_order")
    assert gold["items"]["申请表"] == "empty"
    assert gold["score"] == 86


def test_gold_plans_split_is_a_partition_with_docx_and_pdf_in_test():
    train, test = load_plan_split("train"), load_plan_split("test")
    assert not set(train) & set(test)
    assert sorted(train + test) == GOLD_IDS
    assert len(test) >= 8
    suffixes = {plan_path(load_gold_plan(p)).suffix for p in test}
    assert {".docx", ".pdf", ".txt"} <= suffixes


def test_gold_plans_split_rejects_unknown_split():
    with pytest.raises(ValueError, match="The 'split' parameter must be one of"):
        load_plan_split("dev")


def test_gold_plans_generated_files_are_up_to_date(tmp_path):
    """build.py is deterministic and the committed .docx/.pdf are what it builds."""
    spec = importlib.util.spec_from_file_location("plans_build", PLANS_DIR / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for name, (src, how) in build.TARGETS.items():
        items = build.parse((build.SRC / src).read_text(encoding="utf-8"))
        out = tmp_path / name
        if how == "pdf":
            build.build_pdf(items, out)
        else:
            build.build_docx(items, out, styles=how == "docx_styles")
        assert out.read_bytes() == (PLANS_DIR / name).read_bytes(), (
            f"{name} is stale: run corpora/plans/build.py"
        )


def test_gold_plans_docx_heading_styles_and_manual_numbering():
    import docx

    styled = docx.Document(str(PLANS_DIR / "p12_liuting_docx_styles.docx"))
    headings = [p.text for p in styled.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["试点基础条件", "目标设定", "工作机制"]
    manual = docx.Document(str(PLANS_DIR / "p13_tangze_docx_manual.docx"))
    assert {p.style.name for p in manual.paragraphs} == {"Normal"}
    assert any(p.text.startswith("三、工作机制") for p in manual.paragraphs)
    assert manual.tables[0].cell(0, 0).text == "申报县（市、区）"


def test_gold_plans_second_notice_is_bundled():
    rubrics = load_rubrics()
    notice = PLANS_DIR.parent.parent / rubrics["notice_n000"]["notice"]
    text = notice.read_text(encoding="utf-8")
    assert "资金使用计划" in text and "绩效目标表" in text
    assert yaml.safe_load((PLANS_DIR / "split.yaml").read_text(encoding="utf-8"))["test"]
