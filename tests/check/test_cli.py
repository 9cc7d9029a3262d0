"""`policylens rubric` and `policylens check`: outputs, and one-line errors with distinct exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app
from tests.check.conftest import make_plan
from tests.conftest import SEED_NOTICE

runner = CliRunner()


def test_cli_rubric_writes_yaml(tmp_path):
    out = tmp_path / "r.yaml"
    res = runner.invoke(app, ["rubric", str(SEED_NOTICE), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "plan.mechanism.units_posts" in out.read_text(encoding="utf-8")


def test_cli_check_json(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(make_plan(mechanism=None), encoding="utf-8")
    res = runner.invoke(app, ["check", str(plan), "--notice", str(SEED_NOTICE), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    statuses = {i["id"]: i["status"] for i in data["items"]}
    assert statuses["plan.mechanism"] == "missing"
    assert 0 < data["score"] < 100


def test_cli_check_table(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(make_plan(), encoding="utf-8")
    res = runner.invoke(app, ["check", str(plan), "--notice", str(SEED_NOTICE)])
    assert res.exit_code == 0, res.output
    assert "score 100.0/100" in res.stdout


def test_cli_check_bad_rubric_is_one_line(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(make_plan(), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("items:\n- {id: a, check: nope}\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(plan), "--rubric", str(bad)])
    assert res.exit_code == 30
    assert "unknown check type 'nope'" in res.output
    assert "Traceback" not in res.output


def test_cli_check_needs_exactly_one_checklist(tmp_path):
    res = runner.invoke(app, ["check", "plan.txt"])
    assert res.exit_code == 2
    assert "give exactly one of --notice" in res.output


def test_cli_check_missing_plan(tmp_path):
    res = runner.invoke(app, ["check", str(tmp_path / "none.txt"), "--notice", str(SEED_NOTICE)])
    assert res.exit_code == 10
    assert "no such file" in res.output


def test_cli_check_html_and_xlsx(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(make_plan(mechanism="三、工作机制\n略"), encoding="utf-8")
    for fmt in ("html", "xlsx"):
        out = tmp_path / f"report.{fmt}"
        res = runner.invoke(
            app, ["check", str(plan), "--notice", str(SEED_NOTICE), "--format", fmt, "-o", str(out)]
        )
        assert res.exit_code == 0, res.output
        assert out.stat().st_size > 0
    assert "工作机制" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_cli_check_html_needs_output(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(make_plan(), encoding="utf-8")
    res = runner.invoke(app, ["check", str(plan), "--notice", str(SEED_NOTICE), "--format", "html"])
    assert res.exit_code == 2
    assert "add -o REPORT.html" in res.output


def test_cli_rubric_table_and_json():
    res = runner.invoke(app, ["rubric", str(SEED_NOTICE), "--format", "json"])
    assert res.exit_code == 0, res.output
    ids = [i["id"] for i in json.loads(res.stdout)["items"]]
    assert "plan.projects.funding" in ids
    res = runner.invoke(app, ["rubric", str(SEED_NOTICE), "--format", "table"])
    assert res.exit_code == 0 and "plan.goals" in res.stdout


def test_cli_rubric_missing_notice(tmp_path):
    res = runner.invoke(app, ["rubric", str(tmp_path / "none.txt")])
    assert res.exit_code == 10
    assert "no such file" in res.output
