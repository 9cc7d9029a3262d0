"""The classifier's training pairs: known labels, and nothing mined from held-out plans."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

from pipeline.data import load_data

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ROOT / "corpora" / "sections"


def _rows(name: str) -> list[dict[str, str]]:
    with (SECTIONS / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_section_classifier_data_labels_are_section_keys():
    keys = set(load_data("section_synonyms.yaml")["sections"]) | {"other"}
    for name in ("pairs.tsv", "gold_pairs.tsv"):
        bad = {r["label"] for r in _rows(name)} - keys
        assert not bad, f"{name}: unknown labels {bad}"


def test_section_classifier_data_mined_only_from_development_plans():
    """Regression guard: the held-out plans (corpora/plans test split, the blind plans_holdout3) never feed
    the model. plans_holdout2 and plans_dev4 are development data since issue 5."""
    test_ids = set(
        yaml.safe_load((ROOT / "corpora" / "plans" / "split.yaml").read_text(encoding="utf-8"))["test"]
    )
    sources = {r["source"] for r in _rows("gold_pairs.tsv")}
    assert sources, "gold_pairs.tsv is empty: run corpora/sections/mine_gold_pairs.py"
    corpora = {s.split("/")[0] for s in sources}
    assert corpora <= {"plans", "plans_dev2", "plans_holdout", "plans_dev3", "plans_dev4", "plans_holdout2"}
    assert "plans_holdout3" not in corpora
    assert not {s.split("/")[1] for s in sources if s.startswith("plans/")} & test_ids
