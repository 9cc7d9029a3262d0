"""Rubric YAML: round trip, and validation errors that name the file, the item and the fix."""

from __future__ import annotations

import pytest
import yaml

from pipeline.errors import FileMissingError, RubricError
from pipeline.rubric import compile_rubric, load_rubric
from tests.conftest import SEED_NOTICE


@pytest.fixture(scope="module")
def rubric():
    return compile_rubric(SEED_NOTICE)


def test_io_round_trip(rubric, tmp_path):
    path = tmp_path / "rubric.yaml"
    rubric.to_yaml(path)
    loaded = load_rubric(path)
    assert [i.to_dict() for i in loaded.items] == [i.to_dict() for i in rubric.items]
    assert (loaded.source, loaded.sha256) == (rubric.source, rubric.sha256)


def test_io_yaml_documents_score_formula(rubric):
    text = rubric.to_yaml()
    assert "# Score" in text and "present = 1, partial = 0.5" in text
    assert "目标设定" in text  # written as readable Chinese, not \u escapes


def test_io_reviewer_edits_are_kept(rubric, tmp_path):
    data = yaml.safe_load(rubric.to_yaml())
    for item in data["items"]:
        if item["id"] == "plan.mechanism":
            item["weight"] = 3
            item["synonyms"].append("组织推进")
    data["items"].append(
        {
            "id": "plan.goals.export",
            "name": "出口目标",
            "kind": "requirement",
            "parent": "plan.goals",
            "check": "mentions",
            "params": {"keywords": ["出口"]},
        }
    )
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded = load_rubric(path)
    assert loaded.get("plan.mechanism").weight == 3
    assert "组织推进" in loaded.get("plan.mechanism").synonyms
    assert loaded.get("plan.goals.export").parent == "plan.goals"


def _write(tmp_path, items, name="bad.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump({"items": items}, allow_unicode=True), encoding="utf-8")
    return path


GOOD = {"id": "plan.goals", "name": "目标设定", "kind": "section"}


@pytest.mark.parametrize(
    "items, message",
    [
        (
            [
                GOOD,
                {
                    "id": "plan.goals.x",
                    "name": "x",
                    "kind": "requirement",
                    "parent": "plan.goals",
                    "check": "has_numbrs",
                },
            ],
            "item 'plan.goals.x': unknown check type 'has_numbrs'; use one of present, mentions",
        ),
        ([GOOD, dict(GOOD)], "duplicate id 'plan.goals'; rename one of the items with this id"),
        (
            [{"id": "plan.goals.q", "name": "q", "kind": "requirement", "parent": "plan.goal"}],
            "item 'plan.goals.q': unknown parent 'plan.goal'; use the id of another item or leave parent empty",
        ),
        ([dict(GOOD, weight=-1)], "item 'plan.goals': negative weight -1; use a weight >= 0"),
        (
            [dict(GOOD, weight="heavy")],
            "item 'plan.goals': weight must be a number >= 0; got 'heavy' instead",
        ),
        (
            [dict(GOOD, kind="chapter")],
            "item 'plan.goals': unknown kind 'chapter'; use one of material, section, requirement",
        ),
        ([dict(GOOD, check="covers_years")], "item 'plan.goals': check covers_years needs params.years"),
        ([dict(GOOD, params={"years": ["2019"]})], "item 'plan.goals': params.years must be a list of years"),
        ([dict(GOOD, wieght=2)], "item 'plan.goals': unknown field(s) wieght; check the spelling"),
        ([{"name": "no id"}], "item #1 has no id"),
        (
            [dict(GOOD, synonyms="组织保障")],
            "item 'plan.goals' field synonyms: '组织保障' is not of type 'array'",
        ),
        (
            [dict(GOOD, parent="plan.b"), {"id": "plan.b", "name": "b", "parent": "plan.goals"}],
            "parent chain loops back to itself",
        ),
    ],
)
def test_io_validation_errors(tmp_path, items, message):
    path = _write(tmp_path, items)
    with pytest.raises(RubricError) as err:
        load_rubric(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert str(err.value).startswith("error E030:")


@pytest.mark.parametrize(
    "text, message",
    [
        ("items: [\n", "not valid YAML"),
        ("- a\n- b\n", "expected a mapping with an 'items:' list"),
        ("title: x\n", "expected a mapping with an 'items:' list"),
    ],
)
def test_io_malformed_files(tmp_path, text, message):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RubricError, match=message):
        load_rubric(path)


def test_io_missing_file(tmp_path):
    with pytest.raises(FileMissingError):
        load_rubric(tmp_path / "nope.yaml")
