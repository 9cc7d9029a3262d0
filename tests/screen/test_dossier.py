"""Finding applicants, reading their files, and picking the plan by content."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.screen.dossier import choose_plan, find_applicants, load_applicant, materials_satisfied
from tests.conftest import SEED_NOTICE

PLAN = """岱北县外贸转型升级试点县实施方案
一、试点基础条件
我县纺织产业集群有企业120家。
二、目标设定
到2021年进出口达到30亿元，年均增长10%。
三、工作机制
成立领导小组，县商务局局长任办公室主任。
四、推进措施
（一）建设跨境电商园区。
五、配套政策
县财政每年安排专项资金500万元。
六、重点项目
纺织智能制造项目，实施主体为岱北纺织有限公司。
"""

FORM = """外贸转型升级试点县申请表
申报单位：岱北县人民政府
联系人：张三
"""


@pytest.fixture(scope="module")
def rubric():
    from pipeline.rubric import compile_rubric

    return compile_rubric(SEED_NOTICE)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def test_dossier_find_applicants_folders_and_zips(tmp_path):
    _write(tmp_path / "甲县" / "a.txt", PLAN)
    _write(tmp_path / "乙县" / "sub" / "b.txt", PLAN)
    with zipfile.ZipFile(tmp_path / "丙县.zip", "w") as zf:
        zf.writestr("方案.txt", PLAN)
    _write(tmp_path / ".hidden" / "x.txt", PLAN)
    apps = find_applicants(tmp_path)
    assert [(a.name, a.kind) for a in apps] == [("丙县", "zip"), ("乙县", "folder"), ("甲县", "folder")]


def test_dossier_folder_of_loose_files_is_one_applicant(tmp_path):
    _write(tmp_path / "one" / "plan.txt", PLAN)
    _write(tmp_path / "one" / "form.txt", FORM)
    apps = find_applicants(tmp_path / "one")
    assert [(a.name, a.kind) for a in apps] == [("one", "folder")]


def test_dossier_batch_zip_groups_by_top_folder(tmp_path):
    batch = tmp_path / "batch.zip"
    with zipfile.ZipFile(batch, "w") as zf:
        zf.writestr("甲县/方案.txt", PLAN)
        zf.writestr("甲县/申请表.txt", FORM)
        zf.writestr("乙县/plan.txt", PLAN)
    apps = find_applicants(batch)
    assert [(a.name, a.kind, a.prefix) for a in apps] == [
        ("甲县", "zip_group", "甲县"),
        ("乙县", "zip_group", "乙县"),
    ]
    files = load_applicant(apps[0])
    assert sorted(f.name for f in files) == ["方案.txt", "申请表.txt"]


def test_dossier_plan_is_chosen_by_content_not_file_name(tmp_path, rubric):
    # the form is misleadingly named 实施方案.txt; the plan is 1.txt
    _write(tmp_path / "丁县" / "实施方案.txt", FORM)
    _write(tmp_path / "丁县" / "1.txt", PLAN)
    app = find_applicants(tmp_path)[0]
    files = load_applicant(app)
    choice = choose_plan(files, rubric)
    assert choice.plan is not None and choice.plan.name == "1.txt"
    assert choice.scores["1.txt"] > choice.scores["实施方案.txt"]


def test_dossier_separate_application_form_satisfies_the_material(tmp_path, rubric):
    _write(tmp_path / "戊县" / "plan.txt", PLAN)
    _write(tmp_path / "戊县" / "附件1.txt", FORM, encoding="gb18030")
    files = load_applicant(find_applicants(tmp_path)[0])
    choice = choose_plan(files, rubric)
    satisfied = materials_satisfied(files, choice.plan, rubric)
    names = {rubric.get(i).name: f for i, f in satisfied.items()}
    assert names == {"申请表": "附件1.txt"}


@pytest.mark.parametrize(
    ("file_name", "title"),
    [
        ("企业名单.txt", "芦湾区主要外贸企业名单及经营状况"),  # tail of "区域内主要企业名单及其整体经营状况"
        ("x.txt", "区域内主要企业名单及其整体经营状况"),
    ],
)
def test_dossier_material_matched_by_distinctive_tail(tmp_path, rubric, file_name, title):
    _write(tmp_path / "己县" / "plan.txt", PLAN)
    _write(tmp_path / "己县" / file_name, title + "\n1. 某公司：出口1亿元。\n")
    files = load_applicant(find_applicants(tmp_path)[0])
    satisfied = materials_satisfied(files, choose_plan(files, rubric).plan, rubric)
    assert any("企业名单" in rubric.get(i).name for i in satisfied)


@pytest.mark.parametrize(
    "title",
    ["某某公司2018年经营状况", "项目基本情况说明", "关于有关事项的说明"],  # generic endings must not match
)
def test_dossier_generic_titles_satisfy_nothing(tmp_path, rubric, title):
    _write(tmp_path / "庚县" / "plan.txt", PLAN)
    _write(tmp_path / "庚县" / "other.txt", title + "\n正文。\n")
    files = load_applicant(find_applicants(tmp_path)[0])
    assert materials_satisfied(files, choose_plan(files, rubric).plan, rubric) == {}


def test_dossier_gbk_member_names_and_broken_member(tmp_path):
    class GBKInfo(zipfile.ZipInfo):
        def _encodeFilenameFlags(self):
            return self.filename.encode("gbk"), self.flag_bits & ~0x800

    with zipfile.ZipFile(tmp_path / "辛县.zip", "w") as zf:
        zf.writestr(GBKInfo("实施方案.txt"), PLAN.encode("utf-8"))
        zf.writestr(GBKInfo("扫描件.pdf"), b"%PDF-1.4\ngarbage")
    files = load_applicant(find_applicants(tmp_path)[0])
    by_name = {f.name: f for f in files}
    assert set(by_name) == {"实施方案.txt", "扫描件.pdf"}
    assert by_name["实施方案.txt"].doc is not None
    assert by_name["扫描件.pdf"].doc is None and "扫描件.pdf" in by_name["扫描件.pdf"].error


def test_dossier_a_copy_of_the_notice_is_never_the_plan(tmp_path, rubric):
    """Regression: the notice names every section, so by section hits it outscored a short plan."""
    _write(tmp_path / "壬县" / "通知.txt", SEED_NOTICE.read_text(encoding="utf-8"))
    _write(tmp_path / "壬县" / "b.txt", PLAN)
    files = load_applicant(find_applicants(tmp_path)[0])
    choice = choose_plan(files, rubric)
    assert choice.plan.name == "b.txt"
    assert choice.notices == ["通知.txt"]
    assert choice.scores["通知.txt"] > choice.scores["b.txt"]  # why the check is needed


@pytest.mark.parametrize("name", ["1.txt", "申请表.txt"])
def test_dossier_plan_and_form_are_not_notice_copies(tmp_path, rubric, name):
    from pipeline.screen.dossier import notice_overlap

    doc = load_applicant(find_applicants(_write(tmp_path / "癸县" / name, PLAN).parent.parent)[0])[0].doc
    assert notice_overlap(doc, rubric) < 0.2
