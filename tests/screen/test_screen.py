"""A batch over a copy of the bundled sample dossiers: outputs, ranking, broken files."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.screen import rank_rows, screen
from tests.conftest import CORPORA, SEED_NOTICE

SAMPLES = CORPORA / "samples" / "dossiers"
APPLICANTS = {"泓川县", "莘垣市", "芦湾区", "杞原县", "鹤鸣县"}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    src = tmp_path_factory.mktemp("dossiers") / "in"
    shutil.copytree(SAMPLES, src)
    out = tmp_path_factory.mktemp("out")
    summary = screen(src, SEED_NOTICE, out, workers=2, min_parallel=0)  # exercise the process pool
    return summary, out


def test_screen_summary_json_fields(batch):
    _, out = batch
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert data["applicants"] == 5 and data["screened"] == 5
    assert {r["applicant"] for r in data["rows"]} == APPLICANTS
    for row in data["rows"]:
        for key in (
            "applicant",
            "plan_file",
            "score",
            "rank",
            "missing_items",
            "empty_items",
            "flags_count",
            "report",
            "errors",
        ):
            assert key in row
        assert 0 <= row["score"] <= 100
    ranks = [r["rank"] for r in data["rows"]]
    assert ranks[0] == 1 and ranks == sorted(ranks)


def test_screen_plan_found_by_content(batch):
    rows = {r["applicant"]: r for r in batch[0].rows}
    assert rows["莘垣市"]["plan_file"] == "莘垣市申报材料.docx"  # the name does not say 方案
    assert rows["芦湾区"]["plan_file"] == "芦湾区方案.pdf"
    assert rows["鹤鸣县"]["plan_file"] == "实施方案.txt"  # GBK member name inside 鹤鸣县.zip
    assert rows["泓川县"]["plan_file"] == "2.实施方案.txt"  # not the 请示 letter


def test_screen_separate_files_supply_materials(batch):
    rows = {r["applicant"]: r for r in batch[0].rows}
    assert rows["莘垣市"]["materials"]["申请表"] == "附件1 申请表.pdf"
    assert rows["莘垣市"]["materials"]["年度工作计划（2019年-2021年）"] == "附件2 年度工作计划.txt"
    assert "年度工作计划（2019年-2021年）" not in rows["莘垣市"]["missing_items"]
    assert rows["鹤鸣县"]["materials"]["近三年外贸运行情况分析报告（2016年-2018年）"].endswith("分析报告.txt")
    # 杞原县 sent only its plan, which has no annual plan
    assert "年度工作计划（2019年-2021年）" in rows["杞原县"]["missing_items"]


def test_screen_broken_file_is_listed_not_fatal(batch):
    summary, out = batch
    rows = {r["applicant"]: r for r in summary.rows}
    luwan = rows["芦湾区"]
    assert luwan["score"] is not None
    assert len(luwan["errors"]) == 1 and "证明材料扫描件.pdf" in luwan["errors"][0]
    assert any("证明材料扫描件.pdf" in f for f in luwan["flags"])
    assert [a for a, _ in summary.failures] == ["芦湾区"]
    html = (out / luwan["report"]).read_text(encoding="utf-8")
    assert "证明材料扫描件.pdf" in html and "corrupt" in html


def test_screen_one_html_per_applicant(batch):
    _, out = batch
    reports = sorted(p.stem for p in (out / "reports").glob("*.html"))
    assert set(reports) == APPLICANTS
    for name in reports:
        html = (out / "reports" / f"{name}.html").read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and '<mark id="ev-1"' in html
        assert "http://" not in html and "https://" not in html  # self-contained
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('href="reports/') == 5


def test_screen_summary_xlsx_readable(batch):
    from openpyxl import load_workbook

    _, out = batch
    ws = load_workbook(out / "summary.xlsx").active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["排名", "申报单位", "方案文件", "得分"]
    body = list(ws.iter_rows(min_row=2, values_only=True))
    assert {r[1] for r in body} == APPLICANTS
    assert ws.freeze_panes == "A2"
    link = ws.cell(row=2, column=len(header))
    assert link.hyperlink is not None and link.hyperlink.target.startswith("reports/")
    assert ws.conditional_formatting  # score colour scale


def test_screen_one_worker_gives_the_same_scores(batch, tmp_path):
    summary, _ = batch
    again = screen(SAMPLES, SEED_NOTICE, tmp_path, workers=1)
    assert {r["applicant"]: r["score"] for r in again.rows} == {
        r["applicant"]: r["score"] for r in summary.rows
    }


def test_screen_missing_input_raises_file_missing(tmp_path):
    from pipeline.errors import FileMissingError

    with pytest.raises(FileMissingError, match="no such file"):
        screen(tmp_path / "nope", SEED_NOTICE, tmp_path / "out")


@pytest.mark.parametrize(
    ("scores", "ranks"),
    [
        ([90, 80, 80, 70], [1, 2, 2, 4]),
        ([50, None, 60], [1, 2, None]),
    ],
)
def test_screen_rank_rows_competition_ranking(scores, ranks):
    rows = [{"applicant": f"a{i}", "score": s} for i, s in enumerate(scores)]
    ranked = rank_rows(rows)
    assert [r["rank"] for r in ranked] == ranks


def test_screen_batch_given_as_one_zip(tmp_path):
    """A call's dossiers zipped together: applicants are the zip's top folders (and nested zips)."""
    import zipfile

    batch = tmp_path / "batch.zip"
    with zipfile.ZipFile(batch, "w") as zf:
        for path in sorted(SAMPLES.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(SAMPLES).as_posix())
    summary = screen(batch, SEED_NOTICE, tmp_path / "out", workers=1)
    rows = {r["applicant"]: r for r in summary.rows}
    assert set(rows) == APPLICANTS
    assert rows["鹤鸣县"]["plan_file"] == "实施方案.txt"
    assert rows["莘垣市"]["plan_file"] == "莘垣市申报材料.docx"
    assert [a for a, _ in summary.failures] == ["芦湾区"]
    assert summary.failures[0][1].startswith("error E015: 证明材料扫描件.pdf:")


def test_screen_applicants_without_a_readable_plan_are_listed(tmp_path):
    """An empty folder, a folder of broken files and an unsafe zip: each is a row with its error."""
    import zipfile

    src = tmp_path / "in"
    (src / "空目录县").mkdir(parents=True)
    (src / "坏文件县").mkdir()
    (src / "坏文件县" / "方案.docx").write_bytes(b"PK\x03\x04 not really a docx")
    with zipfile.ZipFile(src / "越界县.zip", "w") as zf:
        zf.writestr("../../evil.txt", "x")
    shutil.copytree(SAMPLES / "杞原县", src / "杞原县")
    summary = screen(src, SEED_NOTICE, tmp_path / "out", workers=1)
    rows = {r["applicant"]: r for r in summary.rows}
    assert rows["杞原县"]["rank"] == 1 and rows["杞原县"]["score"] is not None
    for name in ("空目录县", "坏文件县", "越界县"):
        assert rows[name]["score"] is None and rows[name]["rank"] is None
        assert any("no readable plan" in e for e in rows[name]["errors"])
        assert (tmp_path / "out" / rows[name]["report"]).exists()
    assert any("E017" in e for e in rows["越界县"]["errors"])  # unsafe archive member
    assert any("方案.docx" in e for e in rows["坏文件县"]["errors"])


def test_screen_small_batch_runs_in_process(tmp_path, monkeypatch):
    """Below min_parallel applicants no pool is started (its start-up costs more than it saves)."""
    import pipeline.screen as screen_mod

    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started for a 5-applicant batch")

    monkeypatch.setattr(screen_mod, "ProcessPoolExecutor", no_pool)
    summary = screen(SAMPLES, SEED_NOTICE, tmp_path, workers=2)
    assert len(summary.rows) == 5


def test_screen_dossier_materials_are_looked_for_in_other_files(batch):
    rows = {r["applicant"]: r for r in batch[0].rows}
    hongchuan = rows["泓川县"]
    # 1.申报请示.txt is the 请示 the notice asks for; nobody sent the indicator sheet
    assert any("请示" in name for name in hongchuan["materials"])
    assert hongchuan["materials"][next(n for n in hongchuan["materials"] if "请示" in n)] == "1.申报请示.txt"
    assert any(f.startswith("MISSING") and "试点县评价指标体系完成情况" in f for f in hongchuan["flags"])
    assert not any("请示" in f for f in hongchuan["flags"])
