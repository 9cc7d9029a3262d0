"""``policylens extract`` and ``policylens eval extraction``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()

NOTICE = "关于开展试点工作的通知\n各市商务局：\n一、支持标准\n每个试点县奖励资金最高800万元。\n二、申报时间\n请于2019年8月23日前报送申报材料。\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_cli_json_one_document(tmp_path: Path) -> None:
    path = _write(tmp_path, "notice.txt", NOTICE)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["path"] == str(path)
    kinds = {c["text"]: c["kind"] for c in data["clauses"]}
    assert kinds["每个试点县奖励资金最高800万元。"] == "funding_reward"
    assert kinds["请于2019年8月23日前报送申报材料。"] == "deadline"
    assert [a["value"] for a in data["amounts"]] == [8_000_000.0]
    assert [d["date"] for d in data["deadlines"]] == ["2019-08-23"]
    for c in data["clauses"]:
        assert data["text"][c["start"] : c["end"]] == c["text"]


def test_extract_cli_many_files_give_a_list_and_jsonl(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", NOTICE)
    b = _write(tmp_path, "b.txt", "加强部门协作，形成工作合力。")
    listed = runner.invoke(app, ["extract", str(a), str(b)])
    assert listed.exit_code == 0
    assert [d["source"]["path"] for d in json.loads(listed.stdout)] == [str(a), str(b)]
    lines = runner.invoke(app, ["extract", "--jsonl", str(a), str(b)])
    assert lines.exit_code == 0
    assert [json.loads(line)["source"]["path"] for line in lines.stdout.splitlines()] == [str(a), str(b)]


# odd but readable input: valid JSON with empty lists, never a crash
ODD_INPUTS = [
    ("no_headings.txt", "请各单位认真贯彻执行。", {"sections": 0, "amounts": 0, "deadlines": 0}),
    ("no_dates.txt", "一、总体要求\n坚持问题导向，加强统筹协调。", {"amounts": 0, "deadlines": 0}),
    ("table_only.txt", "项目\t金额\n甲\t100\n乙\t200\n", {"clauses": 0, "deadlines": 0}),
]


@pytest.mark.parametrize("name,text,empty", ODD_INPUTS)
def test_extract_cli_odd_input_gives_empty_lists(tmp_path: Path, name: str, text: str, empty: dict) -> None:
    result = runner.invoke(app, ["extract", str(_write(tmp_path, name, text))])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for field, n in empty.items():
        assert len(data[field]) == n, field


def test_extract_cli_missing_file_one_line_and_exit_code(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "absent.txt")])
    assert result.exit_code == 10
    assert "Traceback" not in result.output
    assert "absent.txt: no such file or directory" in result.output


def test_extract_cli_batch_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", NOTICE)
    result = runner.invoke(app, ["extract", "--jsonl", str(tmp_path / "absent.txt"), str(good)])
    assert result.exit_code == 10
    docs = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [d["source"]["path"] for d in docs] == [str(good)]
    assert "1 of 2 documents failed" in result.output


def test_extract_cli_csv_one_row_per_clause(tmp_path: Path) -> None:
    path = _write(tmp_path, "notice.txt", NOTICE)
    result = runner.invoke(app, ["extract", "--format", "csv", str(path)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_text = {r["text"]: r for r in rows}
    money = by_text["每个试点县奖励资金最高800万元。"]
    assert money["kind"] == "funding_reward"
    assert money["amounts"] == "cap ≤800万"  # seed 000: 每个试点县奖励资金最高800万元
    assert "2019-08-23" in by_text["请于2019年8月23日前报送申报材料。"]["deadlines"]


def test_extract_cli_table(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "--format", "table", str(_write(tmp_path, "n.txt", NOTICE))])
    assert result.exit_code == 0, result.output
    for title in ("Clauses by kind", "Amounts", "Deadlines", "funding_reward"):
        assert title in result.stdout


def test_extract_cli_eval_report_survives_a_broken_evaluator(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.eval import report

    monkeypatch.setattr(report, "EVALUATORS", {"amounts": "pipeline.eval.no_such_module:evaluate"})
    out = report.gather("test")
    assert out["areas"]["amounts"]["available"] is False
    assert "not available" in out["rows"][0]["notes"]


def test_extract_cli_eval_extraction_rejects_bad_split() -> None:
    result = runner.invoke(app, ["eval", "extraction", "--split", "dev"])
    assert result.exit_code == 2
    assert "--split must be test, train or all" in result.output


def test_extract_cli_eval_clauses_json_shape() -> None:
    from pipeline.eval.clauses import evaluate_clauses

    res = evaluate_clauses("train")
    assert res["documents"] >= 2  # the two bundled seeds at least
    assert 0.0 <= res["kind_macro_f1"] <= 1.0
    assert res["coverage"] > 0.9
    assert {"precision", "recall", "f1", "support"} <= set(next(iter(res["per_kind"].values())))
