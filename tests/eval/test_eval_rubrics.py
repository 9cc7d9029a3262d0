"""Tests for pipeline.eval.rubrics: name matching, hand-computed P/R on small rubrics, and the gold files."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from pipeline.cli.app import app
from pipeline.errors import DataFileError
from pipeline.eval.rubrics import (
    GOLD_DIR,
    ROOT,
    SPLIT_FILE,
    compiled_nodes,
    evaluate,
    gold_nodes,
    load_gold,
    load_split,
    name_similarity,
    normalise_name,
    parse_gold,
    score_document,
)
from pipeline.rubric.schema import Rubric, RubricItem
from tests.conftest import need_shared

# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("（一）《广州市就业见习基地申请表》；", "广州市就业见习基地申请表"),
        ("1.《天河区人才公寓申请表（个人）》（附件1）", "天河区人才公寓申请表个人"),
        ("①毕业证书、学位证书", "毕业证书学位证书"),
        ("(一)外国商会章程一式五份", "外国商会章程"),
        ("第六条 项目申请书", "项目申请书"),
        ("（二）1.项目情况", "项目情况"),
        ("申请表（见附件1）", "申请表"),
        ("a.满足条件1的企业", "满足条件1的企业"),
        ("年度工作计划（2019年-2021年）", "年度工作计划2019年2021年"),
        # numbers that are not numbering stay
        ("2016年以来产销", "2016年以来产销"),
        ("第一批试点县名单", "第一批试点县名单"),
    ],
)
def test_rubrics_normalise_name(name: str, expected: str) -> None:
    assert normalise_name(name) == expected


@pytest.mark.parametrize(
    ("gold", "compiled"),
    [
        ("申请表", "（一）申请表（见附件1）"),  # equal after normalisation
        ("申请表", "天河区人才公寓申请表（个人）"),  # containment
        ("实施方案", "试点县实施方案"),
        ("上年度企业完税证明", "上年度企业完税证明、上年度企业纳税申报表以及相关退税证明"),
        ("责任单位、责任人以及职责分工", "责任单位、责任人及职责分工"),  # one character apart
    ],
)
def test_rubrics_similarity_matches(gold: str, compiled: str) -> None:
    assert name_similarity(gold, compiled) > 0


@pytest.mark.parametrize(
    ("gold", "compiled"),
    [
        # distinct forms of one issuer share long prefixes (train gold: 0.85-0.87 char overlap)
        ("广州市就业见习基地申请表", "广州市就业见习示范基地申报表"),
        ("互联网药品信息服务申请表", "互联网药品信息服务项目变更申请表"),
        ("信息安全保密管理制度", "用户信息安全管理制度"),
        ("近三年外贸运行情况分析报告（2016年-2018年）", "覆盖2016年-2018年"),
        ("表", "申请表"),  # one shared character says nothing
        ("申请表", ""),
    ],
)
def test_rubrics_similarity_rejects(gold: str, compiled: str) -> None:
    assert name_similarity(gold, compiled) == 0


def test_rubrics_similarity_ranks_exact_over_containment() -> None:
    exact = name_similarity("申请表", "申请表")
    close = name_similarity("申请表", "申请表（个人）")
    loose = name_similarity("申请表", "申请人填写申请表并加盖公章后报送")
    assert exact == 1.0
    assert 1.0 > close > loose >= 0.7


def test_rubrics_similarity_prefers_the_head_of_a_line() -> None:
    """bulk 00013: the line 网站栏目设置说明（…收费栏目及收费方式的说明） is the 说明, not its note."""
    line = "网站栏目设置说明（申请经营性互联网药品信息服务的网站需提供收费栏目及收费方式的说明）"
    assert name_similarity("网站栏目设置说明", line) > name_similarity("收费栏目及收费方式的说明", line)


# ---------------------------------------------------------------- hand-made rubrics


def _gold(items: list[tuple[str, str, str | None]]) -> list:
    data = {
        "doc_id": "toy",
        "notice": "corpora/seeds/000_3152260086050f01.txt",
        "items": [{"name": n, "kind": k, "parent": p, "quote": n} for n, k, p in items],
    }
    return gold_nodes(parse_gold(data))


def _compiled(items: list[tuple[str, str, str, str | None]]) -> list:
    return compiled_nodes(Rubric(items=[RubricItem(id=i, name=n, kind=k, parent=p) for i, n, k, p in items]))


def test_rubrics_score_hand_computed() -> None:
    gold = _gold([
        ("申请表", "material", None),
        ("实施方案", "material", None),
        ("目标设定", "section", "实施方案"),
        ("外贸进出口规模及增幅", "requirement", "实施方案/目标设定"),
        ("工作机制", "section", "实施方案"),
        ("分析报告（2016年-2018年）", "material", None),
    ])
    compiled = _compiled([
        ("m1", "（一）申请表（见附件1）", "material", None),
        ("m2", "试点县实施方案", "material", None),
        ("s1", "二、目标设定", "section", "m2"),
        ("r1", "外贸进出口规模及增幅", "requirement", "m2"),  # under the plan, not under 目标设定
        ("s2", "保障措施", "section", "m2"),  # not in the gold
        ("r2", "覆盖2016年-2018年", "requirement", None),  # not in the gold
        ("m3", "工作机制", "material", "m2"),  # right parent, wrong kind
    ])
    score = score_document(gold, compiled)
    m = score.metrics()
    # matched: 申请表, 实施方案, 目标设定, 外贸…增幅, 工作机制; missed: 分析报告
    assert (m["gold"], m["compiled"], m["matched"]) == (6, 7, 5)
    assert m["recall"] == pytest.approx(5 / 6)
    assert m["precision"] == pytest.approx(5 / 7)
    assert m["f1"] == pytest.approx(2 * (5 / 7) * (5 / 6) / (5 / 7 + 5 / 6))
    assert m["parent_accuracy"] == pytest.approx(4 / 5)  # 外贸…增幅 hangs under m2, gold under 目标设定
    assert m["kind_accuracy"] == pytest.approx(4 / 5)  # 工作机制 compiled as a material
    by_kind = m["by_kind"]
    assert by_kind["material"]["recall"] == pytest.approx(2 / 3)
    assert by_kind["section"]["recall"] == 1.0
    assert by_kind["requirement"]["recall"] == 1.0
    assert by_kind["material"]["precision"] == 1.0  # m1, m2, m3 all matched
    assert by_kind["section"]["precision"] == pytest.approx(1 / 2)  # s2 extra
    assert by_kind["requirement"]["precision"] == pytest.approx(1 / 2)  # r2 extra
    assert [u["path"] for u in score.unmatched_gold] == ["分析报告（2016年-2018年）"]
    assert sorted(u["id"] for u in score.unmatched_compiled) == ["r2", "s2"]


def test_rubrics_parent_skips_unmatched_container() -> None:
    """An extra compiled level (申报材料) between two matched items does not make the child's parent wrong."""
    gold = _gold([("实施方案", "material", None), ("目标设定", "section", "实施方案")])
    compiled = _compiled([
        ("a", "实施方案", "material", None),
        ("x", "方案正文", "material", "a"),
        ("b", "目标设定", "section", "x"),
    ])
    m = score_document(gold, compiled).metrics()
    assert (m["matched"], m["parent_accuracy"], m["precision"], m["recall"]) == (2, 1.0, pytest.approx(2 / 3), 1.0)


def test_rubrics_duplicate_names_pair_by_parent() -> None:
    """The same form under two applicant groups pairs with the copy under the matching group."""
    gold = _gold([
        ("重点企业", "material", None),
        ("申请表（企业）", "material", "重点企业"),
        ("创新型企业", "material", None),
        ("申请表（企业）", "material", "创新型企业"),
    ])
    compiled = _compiled([
        ("g2", "3.创新型企业需提供", "material", None),
        ("f2", "①《申请表（企业）》", "material", "g2"),
        ("g1", "1.重点企业需提供", "material", None),
        ("f1", "①《申请表（企业）》", "material", "g1"),
    ])
    score = score_document(gold, compiled)
    assert {p["gold"]: p["compiled"] for p in score.pairs} == {
        "重点企业": "g1", "重点企业/申请表（企业）": "f1", "创新型企业": "g2", "创新型企业/申请表（企业）": "f2",
    }
    assert score.metrics()["parent_accuracy"] == 1.0


def test_rubrics_empty_compiled_scores_zero_recall() -> None:
    m = score_document(_gold([("申请表", "material", None)]), []).metrics()
    assert (m["recall"], m["precision"], m["parent_accuracy"]) == (0.0, None, None)


def _toy_split(tmp_path: Path, compiled_ok: bool) -> dict:
    notice = tmp_path / "notice.txt"
    notice.write_text("申报材料：（一）申请表。", encoding="utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "toy.yaml").write_text(yaml.safe_dump({
        "doc_id": "toy", "notice": str(notice),
        "items": [{"name": "申请表", "kind": "material", "parent": None, "quote": "（一）申请表"},
                  {"name": "实施方案", "kind": "material", "parent": None, "quote": "x"}],
    }, allow_unicode=True), encoding="utf-8")
    (gold_dir / "gone.yaml").write_text(yaml.safe_dump({
        "doc_id": "gone", "notice": str(tmp_path / "absent.txt"),
        "items": [{"name": "申请表", "kind": "material", "parent": None, "quote": "申请表"}],
    }, allow_unicode=True), encoding="utf-8")
    split_file = gold_dir / "split.yaml"
    split_file.write_text("train:\n  toy: x\ntest:\n  gone: y\n", encoding="utf-8")

    def compiler(path: Path) -> Rubric:
        if not compiled_ok:
            raise RuntimeError("boom")
        return Rubric(items=[RubricItem(id="a", name="申请表", kind="material")])

    return evaluate("all", compiler=compiler, details=True, gold_dir=gold_dir, split_file=split_file)


def test_rubrics_evaluate_reports_documents_and_skips_absent(tmp_path: Path) -> None:
    report = _toy_split(tmp_path, compiled_ok=True)
    [row] = report["documents"]
    assert (row["doc_id"], row["matched"], row["recall"], row["precision"]) == ("toy", 1, 0.5, 1.0)
    assert row["unmatched_gold"] == [{"path": "实施方案", "kind": "material"}]
    assert [s["doc_id"] for s in report["skipped"]] == ["gone"]
    assert report["summary"]["all"]["recall"] == 0.5


def test_rubrics_evaluate_compiler_crash_is_a_zero_not_a_stop(tmp_path: Path) -> None:
    report = _toy_split(tmp_path, compiled_ok=False)
    [row] = report["documents"]
    assert row["recall"] == 0.0 and row["error"].startswith("RuntimeError: boom")


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"name": "a", "kind": "chapter", "parent": None, "quote": "a"}], "kind must be one of"),
        ([{"name": "a", "kind": "material", "parent": "b", "quote": "a"}], "is not the path of an earlier item"),
        ([{"name": "a/b", "kind": "material", "parent": None, "quote": "a"}], "cannot contain '/'"),
        ([{"name": "a", "kind": "material", "parent": None, "quote": ""}], "needs a quote"),
        ([{"name": "a", "kind": "material", "parent": None, "quote": "a"}] * 2, "duplicate path"),
    ],
)
def test_rubrics_parse_gold_rejects_bad_items(items: list, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        parse_gold({"doc_id": "x", "notice": "n.txt", "items": items}, "x.yaml")


def test_rubrics_cli_rejects_unknown_split() -> None:
    result = CliRunner().invoke(app, ["eval", "rubric", "--split", "dev"])
    assert result.exit_code == 2
    assert "--split must be test, train or all" in result.output


# ---------------------------------------------------------------- the gold files


def _by_digest(doc_ids: set[str]) -> list[str]:
    return sorted(doc_ids, key=lambda d: hashlib.sha256(d.encode("utf-8")).hexdigest())


def test_rubrics_split_follows_documented_rule() -> None:
    """corpora/gold/rubrics/GUIDE.md "Split": forced docs first, then sha256(doc_id) order fills train to ceil(n/2).

    The rule applies per batch: the first batch as above, the second batch (``second_batch`` in
    split.yaml, GUIDE.md "Second batch, 2026-11-23") among themselves, with no forced documents.
    """
    assigned = load_split("all")
    second = set(yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8")).get("second_batch") or [])
    assert second <= set(assigned), "every second-batch document must be in train or test"
    first = {d: s for d, s in assigned.items() if d not in second}
    extraction_test = set((yaml.safe_load((ROOT / "corpora" / "split.yaml").read_text(encoding="utf-8")))["test"])
    forced_test = sorted(d for d in first if d in extraction_test)
    rest = _by_digest({d for d in first if d not in extraction_test and d != "seed_000"})
    n_train = math.ceil(len(first) / 2)
    expected_train = {"seed_000", *rest[: n_train - 1]}
    expected_test = {*forced_test, *rest[n_train - 1:]}
    assert {d for d, s in first.items() if s == "train"} == expected_train
    assert {d for d, s in first.items() if s == "test"} == expected_test
    assert forced_test, "the extraction-test documents used here must be in this set's test split"
    ordered = _by_digest(second)
    half = math.ceil(len(ordered) / 2)
    assert {d for d in second if assigned[d] == "train"} == set(ordered[:half])
    assert {d for d in second if assigned[d] == "test"} == set(ordered[half:])
    assert not second & extraction_test, "a second-batch document held out elsewhere would need the forced rule"


def test_rubrics_every_gold_file_is_in_the_split_and_valid() -> None:
    files = {p.stem for p in GOLD_DIR.glob("*.yaml") if p.name != "split.yaml"}
    split = yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))
    assigned = load_split("all")
    assert files == set(assigned)
    for doc_id in files:
        gold = load_gold(doc_id)
        assert gold.items, doc_id
        assert (ROOT / split[assigned[doc_id]][doc_id]).resolve() == gold.notice.resolve(), doc_id


def test_rubrics_seed_gold_has_issue5_checklist() -> None:
    """Issue 5's expected checklist for seed 000, as a reviewer reads it from the notice."""
    paths = {item.path for item in load_gold("seed_000").items}
    plan = "试点县实施方案（2019年-2021年）"
    detailed = f"{plan}/详细实施方案"
    for section in ("试点基础条件", "目标设定", "工作机制", "推进措施", "配套政策", "重点项目"):
        assert f"{detailed}/{section}" in paths
    assert {f"{plan}/申请表", f"{plan}/年度工作计划（2019年-2021年）",
            f"{plan}/近三年外贸运行情况分析报告（2016年-2018年）",
            f"{detailed}/目标设定/具体化、可量化", f"{detailed}/目标设定/外贸进出口规模及增幅"} <= paths


@pytest.mark.parametrize("doc_id", sorted(load_split("all")))
def test_rubrics_gold_quotes_are_in_the_notice(doc_id: str) -> None:
    from pipeline.ingest import load

    gold = load_gold(doc_id)
    text = load(need_shared(gold.notice)).text
    missing = [item.quote for item in gold.items if item.quote not in text]
    assert not missing, f"{doc_id}: quotes not found in the normalised text: {missing}"


def test_rubrics_batch_ids_separate_the_two_annotation_batches() -> None:
    """The second batch (GUIDE.md, "Second batch, 2026-11-23") is reported on its own, so its blind
    test half is never averaged into notices the compiler was already tuned after."""
    from pipeline.eval.rubrics import batch_ids

    second = batch_ids("second")
    first = batch_ids("first")
    assert second == {
        "bulk_00762_ip_conduct_preservation", "bulk_01644_shanghai_deputy_motions",
        "bulk_00726_court_self_compensation_cases", "bulk_00224_foreign_enterprise_representative_offices",
        "bulk_00227_domestic_listed_foreign_shares", "bulk_01260_beijing_law_enforcement_inspection",
        "bulk_00266_international_freight_forwarding", "bulk_00649_submarine_cable_pipeline_laying",
    }
    assert first is not None and len(first) == 16 and "seed_000" in first
    assert not first & second
    assert batch_ids("all") is None
    with pytest.raises(ValueError, match="batch"):
        batch_ids("third")


def test_rubrics_cli_corpus_reads_another_gold_folder(tmp_path: Path) -> None:
    """`--corpus DIR` scores the gold checklists of DIR/split.yaml, and only those."""
    import json
    import shutil

    shutil.copy(GOLD_DIR / "seed_000.yaml", tmp_path / "seed_000.yaml")
    (tmp_path / "split.yaml").write_text("test:\n  seed_000: corpora/seeds/000_3152260086050f01.txt\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "rubric", "--corpus", str(tmp_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert [row["doc_id"] for row in report["documents"]] == ["seed_000"]
    missing = CliRunner().invoke(app, ["eval", "rubric", "--corpus", str(tmp_path / "nowhere")])
    assert missing.exit_code != 0 and "no split.yaml" in missing.output
