"""corpora/plans_dev4 (plans for three REAL notices) is consistent, and evaluates where ../shared is.

The notices are not in the repo (licensing): rubrics.yaml points at ../shared/corpus. Gold files
are checked everywhere; the checker run needs the notices and skips with the reason without them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.errors import UsageError
from pipeline.eval import plans as ev
from tests.conftest import need_shared

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "plans_dev4"
GOLD_IDS = sorted(p.stem for p in (CORPUS / "gold").glob("*.yaml"))


def test_plans_dev4_split_lists_every_gold_file_as_train() -> None:
    split = yaml.safe_load((CORPUS / "split.yaml").read_text(encoding="utf-8"))
    assert sorted(split["train"]) == GOLD_IDS
    assert len(GOLD_IDS) == 12
    assert not split.get("test")


@pytest.mark.parametrize("plan_id", GOLD_IDS)
def test_plans_dev4_gold_keys_statuses_and_score(plan_id: str) -> None:
    with ev.using_corpus(CORPUS):
        gold = ev.load_gold_plan(plan_id)
        rubric = ev.load_rubrics()[gold["notice"]]
        assert list(gold["items"]) == rubric["items"], "every gold file judges every item, in notice order"
        assert gold["score"] == ev.gold_score(gold["items"], rubric["scored"])
        assert ev.plan_path(gold).exists()
        assert len(gold["justification"]) > 80


def test_plans_dev4_notices_point_into_shared_not_the_repo() -> None:
    rubrics = yaml.safe_load((CORPUS / "rubrics.yaml").read_text(encoding="utf-8"))
    assert {r["notice"].split("/")[:3] == ["..", "shared", "corpus"] for r in rubrics.values()} == {True}


def test_plans_dev4_covers_every_status() -> None:
    with ev.using_corpus(CORPUS):
        seen = {s for pid in GOLD_IDS for s in ev.load_gold_plan(pid)["items"].values()}
    assert seen == set(ev.STATUSES)


def test_plans_dev4_absent_notice_stops_with_one_line(tmp_path: Path) -> None:
    """Without ../shared the eval says which notice is absent, instead of failing every plan."""
    (tmp_path / "gold").mkdir()
    (tmp_path / "rubrics.yaml").write_text(
        "n1:\n  notice: ../shared/corpus/bulk/no_such_notice.txt\n  scored: {a: 1}\n  items: [a]\n",
        encoding="utf-8",
    )
    (tmp_path / "split.yaml").write_text("train: [p1]\ntest: []\n", encoding="utf-8")
    (tmp_path / "gold" / "p1.yaml").write_text(
        "plan: p1.txt\nnotice: n1\nitems: {a: present}\nscore: 100\n", encoding="utf-8"
    )
    with pytest.raises(UsageError, match="no_such_notice.txt.*absent.*../shared"):
        ev.evaluate_plans("train", corpus=tmp_path, checker=lambda path, rubric: {})


def test_plans_dev4_complete_plans_of_the_zero_waste_notice() -> None:
    """c1 (PDF, 第一章/第一节, task table) answers every requirement the checker can name."""
    need_shared(ROOT.parent / "shared" / "corpus" / "real" / "sc_zero_waste_city_pilot_plan_2018.txt")
    report = ev.evaluate_plans("train", corpus=CORPUS)
    assert report.summary()["failed_plans"] == []
    c1 = next(p for p in report.plans if p.plan_id == "c1_linxi_pdf_chapters_complete")
    got = {key: checker for key, _, _, checker in c1.pairs}
    for part in ("试点目标", "任务清单和分工", "年度任务分解", "每项任务的目标成果、进度安排、保障措施"):
        assert got[f"“无废城市”建设试点实施方案/{part}"] == "present", part
