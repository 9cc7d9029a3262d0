"""Odd-but-valid and bad inputs through the real CLI process.

A reviewer feeds PolicyLens whatever a dossier holds: a notice with no
headings, a form that is only a table, a title page, a text pasted as one
200k-character line. Readable input must give valid JSON (empty lists where
nothing is found), never a crash; unreadable input must give one line naming
the file and a non-zero exit while the good files of the batch still come out.

Everything runs through ``python -m pipeline.cli`` in a subprocess, exactly
as a user runs it, so a traceback printed by any layer is caught.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from pipeline.data import DATA_DIR
from tests.conftest import ROOT

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
SCHEMA_PATH = DATA_DIR / "schema" / "document.schema.json"
CLI_TIMEOUT = 300  # seconds; a hang fails the test instead of blocking the suite

ONE_LINE = "加强部门协作，形成工作合力。"
TITLE_ONLY = "关于印发《某市促进数字经济发展若干措施》的通知"
# the long line: one sentence repeated without a line break, an amount at the very end
LONG_UNIT = "各部门要加强统筹协调，形成工作合力，"
LONG_TAIL = "对认定的企业给予最高50万元奖励。"
TABLE_ROWS = [["序号", "单位名称", "联系人"], ["1", "市发展改革委", "张伟"], ["2", "市财政局", "李娜"]]

ODD_TEXTS: dict[str, str] = {
    # a notice whose body has no numbered headings at all
    "no_headings.txt": (
        "关于做好春季安全生产工作的通知\n各区人民政府，市各有关单位：\n"
        "为切实做好春季安全生产工作，请各单位认真排查隐患，落实主体责任，加强值班值守。\n"
        "各单位要高度重视，确保各项措施落到实处。\n"
    ),
    # prose with neither dates nor money
    "no_dates_amounts.txt": "各部门要加强组织领导，明确责任分工。\n要广泛开展宣传，营造良好氛围。\n要强化督促检查，确保工作落实。\n",
    "one_line.txt": ONE_LINE + "\n",
    "punctuation.txt": "。，、；：？！……——（）《》“”【】\n！！！。。。\n",
    "long_line.txt": LONG_UNIT * ((200_000 - len(LONG_TAIL)) // len(LONG_UNIT)) + LONG_TAIL,
    # full-width digits mixed with ASCII ones inside one number, as pasted from Word
    "fullwidth_digits.txt": "对符合条件的企业给予最高５0万元奖励，请于２０24年３月31日前提交申报材料。\n",
    "title_only.txt": TITLE_ONLY + "\n",
    # QA F7: strict UTF-8 with a few emoji (a notice copied from WeChat) was refused as "not text"
    "emoji.txt": "🎉关于申报的通知🎉\n一、奖励😀最高50万元💰。\n联系电话：010-12345678📞\n",
}


def _cli(*args: str, timeout: int = CLI_TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(Path.home()),
            "LANG": "C.UTF-8",
            "PYTHONIOENCODING": "utf-8",
        },
    )


def build_table_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(TABLE_ROWS), cols=len(TABLE_ROWS[0]))
    for r, row in enumerate(TABLE_ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))
    return path


def build_table_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    table = Table(TABLE_ROWS, colWidths=[60, 160, 100])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "WQY"),
                ("FONTSIZE", (0, 0), (-1, -1), 12),
                ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
            ]
        )
    )
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    return path


def _validator() -> Any:
    if not SCHEMA_PATH.exists():
        return None
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


# ----- odd but valid ---------------------------------------------------------


@pytest.fixture(scope="module")
def odd_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every odd input in one ``extract --jsonl`` run: name -> document JSON (or the error line)."""
    d = tmp_path_factory.mktemp("odd")
    paths = []
    for name, text in ODD_TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
        paths.append(d / name)
    paths.append(build_table_docx(d / "table_only.docx"))
    if FONT.exists():
        paths.append(build_table_pdf(d / "table_only.pdf"))
    proc = _cli("extract", "--format", "json", "--jsonl", *map(str, paths))
    out: dict[str, Any] = {"__proc__": proc}
    for line in proc.stdout.splitlines():
        data = json.loads(line)
        out[Path(data["source"]["path"]).name] = data
    return out


def _doc(odd_outputs: dict[str, Any], name: str) -> dict[str, Any]:
    proc = odd_outputs["__proc__"]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert name in odd_outputs, f"no JSON for {name}; exit {proc.returncode}; stderr: {proc.stderr[-1000:]}"
    data = odd_outputs[name]
    validator = _validator()
    if validator is not None:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == []
    for key in ("clauses", "amounts", "deadlines", "citations", "contacts"):
        for x in data[key]:
            assert data["text"][x["start"] : x["end"]] == x["text"], (key, x)
    return data


def test_odd_inputs_whole_batch_exits_zero(odd_outputs: dict[str, Any]) -> None:
    proc = odd_outputs["__proc__"]
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr.strip() == ""


def test_odd_inputs_notice_without_headings_has_no_sections(odd_outputs: dict[str, Any]) -> None:
    data = _doc(odd_outputs, "no_headings.txt")
    assert data["sections"] == []
    assert data["amounts"] == [] and data["deadlines"] == []
    assert any("落实主体责任" in c["text"] for c in data["clauses"])


def test_odd_inputs_text_without_dates_or_amounts_gives_empty_lists(odd_outputs: dict[str, Any]) -> None:
    data = _doc(odd_outputs, "no_dates_amounts.txt")
    assert data["amounts"] == []
    assert data["deadlines"] == []
    assert data["meta"]["date"] is None


def test_odd_inputs_one_line_file(odd_outputs: dict[str, Any]) -> None:
    data = _doc(odd_outputs, "one_line.txt")
    assert data["text"].strip() == ONE_LINE
    assert data["sections"] == [] and data["amounts"] == [] and data["deadlines"] == []
    assert [c["text"].strip() for c in data["clauses"]] in ([], [ONE_LINE])


def test_odd_inputs_punctuation_only_finds_nothing(odd_outputs: dict[str, Any]) -> None:
    data = _doc(odd_outputs, "punctuation.txt")
    for key in ("sections", "amounts", "deadlines", "citations", "contacts", "attachments"):
        assert data[key] == [], key
    assert data["meta"]["title"] in (None, "")


def test_odd_inputs_200k_single_line_finds_the_amount_at_its_end(odd_outputs: dict[str, Any]) -> None:
    data = _doc(odd_outputs, "long_line.txt")
    assert len(data["text"].strip()) == len(ODD_TEXTS["long_line.txt"])
    assert data["deadlines"] == []
    # "最高50万元": a cap of 500,000 yuan, the only amount in the text
    assert [(a["value"], a["kind"]) for a in data["amounts"]] == [(500_000.0, "cap")]
    assert data["amounts"][0]["start"] > 199_000


def test_odd_inputs_mixed_fullwidth_digits(odd_outputs: dict[str, Any]) -> None:
    data = _doc(odd_outputs, "fullwidth_digits.txt")
    assert [a["value"] for a in data["amounts"]] == [500_000.0]
    assert [d["date"] for d in data["deadlines"]] == ["2024-03-31"]


def test_odd_inputs_title_only_file(odd_outputs: dict[str, Any]) -> None:
    data = _doc(odd_outputs, "title_only.txt")
    assert data["meta"]["title"] == TITLE_ONLY
    assert data["sections"] == [] and data["amounts"] == [] and data["deadlines"] == []


def test_odd_inputs_regression_emoji_in_utf8_is_text(odd_outputs: dict[str, Any]) -> None:
    data = _doc(odd_outputs, "emoji.txt")
    assert "最高50万元" in data["text"]
    assert [a["value"] for a in data["amounts"]] == [500_000.0]


@pytest.mark.parametrize("name", ["table_only.docx", "table_only.pdf"])
def test_odd_inputs_table_only_document(odd_outputs: dict[str, Any], name: str) -> None:
    if name.endswith(".pdf") and not FONT.exists():
        pytest.skip(f"{FONT} is absent: cannot build a CJK PDF")
    data = _doc(odd_outputs, name)
    flat = "".join(data["text"].split())
    for row in TABLE_ROWS:
        for cell in row:
            assert cell in flat, cell
    assert data["sections"] == [] and data["amounts"] == [] and data["deadlines"] == []


def test_odd_inputs_single_file_gives_one_object(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ONE_LINE, encoding="utf-8")
    proc = _cli("extract", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"]["path"] == str(path)


# ----- bad input ---------------------------------------------------------------


def _garbage(n: int = 5000, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    return b"\x00\x01\x02\x03" + bytes(rng.randrange(256) for _ in range(n))


def _zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.bin", _garbage(200))


BAD_INPUTS: list[tuple[str, Any]] = [
    ("empty.txt", b""),
    ("garbage.txt", _garbage()),
    ("garbage.pdf", _garbage()),
    ("garbage.docx", _garbage()),
    ("truncated.pdf", b"%PDF-1.7\n" + _garbage(3000)),
    ("not_word.docx", _zip_without_document),
]


def _make(path: Path, content: Any) -> Path:
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    return path


def _assert_one_line_error(proc: subprocess.CompletedProcess[str], path: Path) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0]
    assert "internal error" not in lines[0], lines[0]


@pytest.mark.parametrize("command", ["extract", "text"])
@pytest.mark.parametrize("name, content", BAD_INPUTS, ids=[n for n, _ in BAD_INPUTS])
def test_odd_inputs_bad_file_is_one_line_error(tmp_path: Path, command: str, name: str, content: Any) -> None:
    path = _make(tmp_path / name, content)
    args = [command, str(path)] + (["--format", "json"] if command == "extract" else [])
    proc = _cli(*args)
    _assert_one_line_error(proc, path)
    assert proc.stdout.strip() in ("", "[]")


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    d = tmp_path / "dossier"
    d.mkdir()
    (d / "a_good.txt").write_text(ODD_TEXTS["no_headings.txt"], encoding="utf-8")
    _make(d / "b_bad.pdf", _garbage())
    (d / "c_good.txt").write_text(ODD_TEXTS["fullwidth_digits.txt"], encoding="utf-8")
    return d


def _assert_batch_reports_bad(proc: subprocess.CompletedProcess[str], bad: Path) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    error_lines = [ln for ln in proc.stderr.splitlines() if "error" in ln.lower() and str(bad) in ln]
    assert error_lines, proc.stderr
    assert all("internal error" not in ln for ln in error_lines)
    assert not any(
        ("a_good" in ln or "c_good" in ln) and "error" in ln.lower() for ln in proc.stderr.splitlines()
    )


def test_odd_inputs_folder_with_one_bad_file_extract(mixed_dir: Path) -> None:
    proc = _cli("extract", str(mixed_dir), "--format", "json")
    _assert_batch_reports_bad(proc, mixed_dir / "b_bad.pdf")
    docs = json.loads(proc.stdout)
    assert sorted(Path(d["source"]["path"]).name for d in docs) == ["a_good.txt", "c_good.txt"]


def test_odd_inputs_folder_with_one_bad_file_text(mixed_dir: Path) -> None:
    proc = _cli("text", str(mixed_dir))
    _assert_batch_reports_bad(proc, mixed_dir / "b_bad.pdf")
    assert "落实主体责任" in proc.stdout
    assert "提交申报材料" in proc.stdout


def test_odd_inputs_regression_docx_named_zip_is_corrupt_docx_not_dossier(tmp_path: Path) -> None:
    path = _make(tmp_path / "not_word.docx", _zip_without_document)
    proc = _cli("text", str(path))
    _assert_one_line_error(proc, path)
    # same answer as pipeline.ingest.load: a corrupt DOCX (E015), not a member of a dossier
    assert "E015" in proc.stderr and f"{path}!" not in proc.stderr


class _RawNameInfo(zipfile.ZipInfo):
    """Writes the name's cp437 bytes without the UTF-8 flag, as Windows' zip and WinRAR store GBK names."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("cp437"), self.flag_bits


def test_odd_inputs_regression_gbk_member_name_of_a_windows_zip(tmp_path: Path) -> None:
    path = tmp_path / "dossier.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            _RawNameInfo("通知.txt".encode("gbk").decode("cp437")), "对认定的企业给予最高50万元奖励。"
        )
    proc = _cli("extract", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"]["member"] == "通知.txt"
