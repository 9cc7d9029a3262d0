"""``policylens text`` and ``policylens blocks``: files, folders, zips and stdin."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()

A = "关于开展试点工作的通知\n各市商务局：\n奖励资金最高 800 万元。"
B = "实施方案\n一、总体目标\n到2021年，进出口总额达到5亿元。"


def test_cli_ingest_text_single_file_no_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(A, encoding="gb18030")
    result = runner.invoke(app, ["text", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "关于开展试点工作的通知\n各市商务局：\n奖励资金最高800万元。\n"


def test_cli_ingest_text_stdin(seed_opinions: Path) -> None:
    result = runner.invoke(app, ["text", "-"], input=seed_opinions.read_bytes())
    assert result.exit_code == 0
    assert result.stdout.startswith("中共枣庄市市中区委文件\n市中发〔2020〕12号\n")
    assert "年度实际使用外资金额500万美元及以上" in result.stdout


def test_cli_ingest_text_folder_and_zip_members(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    (folder / "县A").mkdir(parents=True)
    (folder / "县A" / "a.txt").write_text(A, encoding="utf-8")
    zpath = tmp_path / "县B.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("县B/方案.txt", B.encode("utf-8"))
        zf.writestr("县B/说明.txt", "说明。".encode())
    result = runner.invoke(app, ["text", str(folder), str(zpath)])
    assert result.exit_code == 0, result.stderr
    headers = [ln for ln in result.stdout.splitlines() if ln.startswith("==> ")]
    assert headers == [
        f"==> {folder / '县A' / 'a.txt'} <==",
        f"==> {zpath}!县B/方案.txt <==",
        f"==> {zpath}!县B/说明.txt <==",
    ]
    assert "到2021年，进出口总额达到5亿元。" in result.stdout


def test_cli_ingest_blocks_json(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(B, encoding="utf-16")
    result = runner.invoke(app, ["blocks", "--format", "json", str(path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data) == 1
    assert data[0]["source"]["path"] == str(path)
    assert data[0]["source"]["encoding"] == "utf-16-le"
    assert [b["text"] for b in data[0]["blocks"]] == [
        "实施方案",
        "一、总体目标",
        "到2021年，进出口总额达到5亿元。",
    ]
    assert [(b["start"], b["end"]) for b in data[0]["blocks"]] == [(0, 4), (5, 11), (12, 30)]


def test_cli_ingest_blocks_json_batch_keeps_good_files(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(B, encoding="utf-8")
    bad.write_bytes(b"")
    result = runner.invoke(app, ["blocks", "--format", "json", str(good), str(bad)])
    assert result.exit_code == 11
    data = json.loads(result.stdout)
    assert [d["source"]["path"] for d in data] == [str(good)]
    assert "1 of 2 files failed:" in result.stderr


def test_cli_ingest_blocks_table(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(B, encoding="utf-8")
    result = runner.invoke(app, ["blocks", str(path)])
    assert result.exit_code == 0
    assert "一、总体目标" in result.stdout
    assert "paragraph" in result.stdout


def test_cli_ingest_help() -> None:
    for cmd in ("text", "blocks"):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0
        assert "--max-bytes" in result.stdout and "--timeout" in result.stdout
