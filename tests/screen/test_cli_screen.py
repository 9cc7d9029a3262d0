"""`policylens screen`, `policylens eval plans` and `policylens demo` through the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import pipeline.cli.demo_cmds
import pipeline.cli.screen_cmds  # noqa: F401 - registers `screen` and `eval plans`
from pipeline.cli import app
from tests.conftest import CORPORA, SEED_NOTICE

SAMPLES = CORPORA / "samples" / "dossiers"
runner = CliRunner()


def test_cli_screen_writes_outputs_and_lists_broken_file(tmp_path):
    res = runner.invoke(
        app, ["screen", str(SAMPLES), "--notice", str(SEED_NOTICE), "--out", str(tmp_path), "-w", "1"]
    )
    assert res.exit_code == 0, res.output
    assert "泓川县" in res.stdout and "杞原县" in res.stdout
    assert "证明材料扫描件.pdf" in res.stderr
    assert (tmp_path / "summary.json").exists() and (tmp_path / "summary.xlsx").exists()
    assert len(list((tmp_path / "reports").glob("*.html"))) == 5


def test_cli_screen_json_and_strict(tmp_path):
    res = runner.invoke(
        app,
        [
            "screen",
            str(SAMPLES),
            "-n",
            str(SEED_NOTICE),
            "-o",
            str(tmp_path),
            "-w",
            "1",
            "--format",
            "json",
            "--strict",
        ],
    )
    assert res.exit_code == 3  # one unreadable file, and --strict asked to fail on it
    data = json.loads(res.stdout)
    assert data["applicants"] == 5 and "result" not in data["rows"][0]
    assert "error E003" in res.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--notice", "N", "--rubric", "R"], 2, "give exactly one of --notice"),
        ([], 2, "give exactly one of --notice"),
        (["--notice", "/nonexistent/notice.txt"], 10, "no such file"),
    ],
)
def test_cli_screen_usage_errors_are_one_line(tmp_path, args, code, message):
    res = runner.invoke(app, ["screen", str(SAMPLES), "--out", str(tmp_path), *args])
    assert res.exit_code == code
    assert message in res.stderr and "Traceback" not in res.output
    assert len(res.stderr.strip().splitlines()) == 1


def test_cli_screen_missing_dossiers(tmp_path):
    res = runner.invoke(
        app, ["screen", str(tmp_path / "none"), "-n", str(SEED_NOTICE), "-o", str(tmp_path / "o")]
    )
    assert res.exit_code == 10 and "no such file" in res.stderr


def test_cli_eval_plans_json_shape():
    res = runner.invoke(app, ["eval", "plans", "--split", "train", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    for key in ("missing_empty_f1", "section_accuracy", "subrequirement_accuracy", "spearman", "mad"):
        assert key in data["summary"]
    from pipeline.eval.plans import load_plan_split

    assert data["summary"]["split"] == "train" and len(data["plans"]) == len(load_plan_split("train"))


def test_cli_eval_plans_bad_split():
    res = runner.invoke(app, ["eval", "plans", "--split", "dev"])
    assert res.exit_code == 2 and "The 'split' parameter must be one of" in res.stderr


def test_cli_demo_runs_on_bundled_material(tmp_path):
    res = runner.invoke(app, ["demo", "--out", str(tmp_path / "demo"), "-w", "1"])
    assert res.exit_code == 0, res.output
    assert "示例申报材料初筛" in res.stdout and "泓川县" in res.stdout
    assert (tmp_path / "demo" / "index.html").exists()
    # the extraction part: seed 004's reward clauses and its three time limits (三年内, 2021年底, 2个工作日)
    assert "奖励条款" in res.stdout and "期限（3）" in res.stdout
    assert "skipping the extraction part" not in res.stdout


def test_cli_screen_csv_one_row_per_applicant(tmp_path):
    import csv
    import io

    res = runner.invoke(
        app, ["screen", str(SAMPLES), "-n", str(SEED_NOTICE), "-o", str(tmp_path), "-w", "1", "-f", "csv"]
    )
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["applicant"] for r in rows} == {"泓川县", "莘垣市", "芦湾区", "杞原县", "鹤鸣县"}
    assert "证明材料扫描件.pdf" in next(r for r in rows if r["applicant"] == "芦湾区")["errors"]


def test_cli_screen_with_a_rubric_yaml(tmp_path):
    from pipeline.rubric import compile_rubric, dump_rubric

    rubric = tmp_path / "rubric.yaml"
    dump_rubric(compile_rubric(SEED_NOTICE), rubric)
    res = runner.invoke(
        app, ["screen", str(SAMPLES), "-r", str(rubric), "-o", str(tmp_path / "o"), "-w", "1"]
    )
    assert res.exit_code == 0, res.output
    assert len(list((tmp_path / "o" / "reports").glob("*.html"))) == 5
