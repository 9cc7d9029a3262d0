"""Bad input: the right error class, a one-line message naming the file, a distinct exit code."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Limits
from pipeline.errors import (
    ArchiveBombError,
    CorruptFileError,
    EmptyFileError,
    FileMissingError,
    FileTooLargeError,
    NotTextError,
    UnsafeArchiveError,
)
from pipeline.ingest import load, load_all, load_bytes

runner = CliRunner()

GOOD = "关于开展试点工作的通知\n各市商务局：\n现将有关事项通知如下。\n"


def _garbage(n: int = 4096) -> bytes:
    return os.urandom(n)


def _cli(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _one_error_line(result) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# ----- library ------------------------------------------------------------------------------
@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t  \n", "\ufeff\u3000\n".encode("utf-8")])
def test_bad_input_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyFileError, match="empty.txt: file has no text"):
        load(path)


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("garbage.txt", NotTextError, "garbage.txt: not text in any Chinese or Unicode encoding"),
        ("garbage.pdf", CorruptFileError, "garbage.pdf: corrupt or truncated PDF file \\(no %PDF header\\)"),
        (
            "garbage.docx",
            CorruptFileError,
            "garbage.docx: corrupt or truncated DOCX file \\(not a zip container\\)",
        ),
        ("garbage.doc", CorruptFileError, "garbage.doc: corrupt or truncated DOC file"),
        ("garbage.png", CorruptFileError, "garbage.png: corrupt or truncated PNG file"),
    ],
)
def test_bad_input_binary_garbage(tmp_path: Path, name: str, error: type, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x00\x01\x02garbage" + _garbage())
    with pytest.raises(error, match=message):
        load(path)


def test_bad_input_docx_that_is_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(
        CorruptFileError, match="plan.docx: corrupt or truncated DOCX file \\(not a zip container\\)"
    ):
        load(path)


def test_bad_input_docx_that_is_a_plain_zip(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(CorruptFileError, match="DOCX file \\(zip without word/document.xml\\)"):
        load(path)


def test_bad_input_missing(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError, match="nope.txt: no such file or directory"):
        load(tmp_path / "nope.txt")


def test_bad_input_too_large_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 100, encoding="utf-8")
    size = path.stat().st_size
    with pytest.raises(FileTooLargeError, match=f"big.txt: file is {size} bytes, over the 1000-byte limit"):
        load(path, limits=Limits(max_bytes=1000))
    with pytest.raises(FileTooLargeError):
        load_bytes(path.read_bytes(), "stdin.txt", limits=Limits(max_bytes=1000))


def test_bad_input_truncated_zip(tmp_path: Path) -> None:
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w") as zf:
        zf.writestr("a.txt", GOOD)
    path = tmp_path / "cut.zip"
    path.write_bytes(good.read_bytes()[:40])
    with pytest.raises(CorruptFileError, match="cut.zip: corrupt or truncated ZIP file"):
        load_all(path)


# ----- CLI: message and exit code -------------------------------------------------------------
def test_bad_input_cli_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = _cli("text", str(path))
    assert result.exit_code == 11
    assert _one_error_line(result) == f"error E011: {path}: file has no text (empty or only whitespace)"


@pytest.mark.parametrize(
    ("name", "code", "prefix"),
    [
        ("garbage.txt", 14, "error E014: "),
        ("garbage.pdf", 15, "error E015: "),
        ("garbage.docx", 15, "error E015: "),
    ],
)
def test_bad_input_cli_garbage(tmp_path: Path, name: str, code: int, prefix: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x00\xff" + _garbage())
    result = _cli("text", str(path))
    assert result.exit_code == code
    assert _one_error_line(result).startswith(f"{prefix}{path}: ")


def test_bad_input_cli_missing(tmp_path: Path) -> None:
    result = _cli("blocks", str(tmp_path / "nope.pdf"))
    assert result.exit_code == 10
    assert _one_error_line(result) == f"error E010: {tmp_path / 'nope.pdf'}: no such file or directory"


def test_bad_input_cli_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 50, encoding="utf-8")
    result = _cli("text", "--max-bytes", "100", str(path))
    assert result.exit_code == 12
    assert "over the 100-byte limit (raise it with --max-bytes)" in _one_error_line(result)


def test_bad_input_cli_unsafe_zip(tmp_path: Path) -> None:
    work = tmp_path / "in"
    work.mkdir()
    path = work / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("方案.txt", GOOD)
        zf.writestr("../../escaped.txt", "pwned")
        zf.writestr("/tmp/abs_escaped.txt", "pwned")
    before = set(tmp_path.rglob("*"))
    result = _cli("text", str(path))
    assert result.exit_code == 17
    assert _one_error_line(result).startswith(
        f"error E017: {path}: unsafe archive member '../../escaped.txt'"
    )
    assert result.stdout == ""  # not even the safe member is read
    assert set(tmp_path.rglob("*")) == before
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_bad_input_cli_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    chunk = bytes(1 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("zeros.txt", "w", force_zip64=True) as fh,
    ):
        for _ in range(200):
            fh.write(chunk)
    result = _cli("text", str(path))
    assert result.exit_code == 18
    assert _one_error_line(result).startswith(
        f"error E018: {path}: archive exceeds limits (member 'zeros.txt' expands"
    )


def test_bad_input_cli_batch_one_bad_among_good(tmp_path: Path) -> None:
    good1, bad, good2 = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    good1.write_text("甲文件，第一行。", encoding="utf-8")
    bad.write_bytes(b"")
    good2.write_text("丙文件，第二行。", encoding="gbk")
    result = _cli("text", str(good1), str(bad), str(good2))
    assert result.exit_code == 11
    assert result.stdout == f"==> {good1} <==\n甲文件，第一行。\n\n==> {good2} <==\n丙文件，第二行。\n"
    err = result.stderr.splitlines()
    line = f"error E011: {bad}: file has no text (empty or only whitespace)"
    assert err == [line, "1 of 3 files failed:", f"  {line}"]


def test_bad_input_cli_no_traceback_on_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.ingest import txt

    def boom(*_a, **_k):
        raise ValueError("simulated bug")

    monkeypatch.setattr(txt, "build_from_text", boom)
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = _cli("text", str(path))
    assert result.exit_code == 70
    assert _one_error_line(result).startswith(
        f"error E070: {path}: internal error (ValueError: simulated bug)"
    )


def test_bad_input_bomb_library(tmp_path: Path) -> None:
    path = tmp_path / "b.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x.txt", bytes(3 << 20))
    with pytest.raises(ArchiveBombError):
        load_all(path)


def test_bad_input_unsafe_library(tmp_path: Path) -> None:
    path = tmp_path / "u.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("/etc/passwd_copy", "x")
    with pytest.raises(UnsafeArchiveError, match="'/etc/passwd_copy'"):
        load_all(path)


def test_bad_input_spreadsheet_refused_not_unpacked(tmp_path: Path) -> None:
    import openpyxl

    from pipeline.errors import UnsupportedFormatError

    path = tmp_path / "预算表.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "项目"
    wb.save(path)
    with pytest.raises(
        UnsupportedFormatError, match="预算表.xlsx: unsupported format \\(xlsx files are not supported\\)"
    ):
        load(path)
    renamed = tmp_path / "预算表.zip"  # an xlsx is a zip, but not a dossier of its XML parts
    path.rename(renamed)
    with pytest.raises(UnsupportedFormatError):
        load_all(renamed)


def test_bad_input_wrong_extension_read_by_content(tmp_path: Path) -> None:
    # a web page saved as .doc (common from government sites) is read as HTML
    path = tmp_path / "notice.doc"
    path.write_bytes(
        "<html><head><meta charset='gbk'></head><body><div class='TRS_Editor'>"
        "<p>各市商务局：现将有关事项通知如下，请认真贯彻执行。</p></div></body></html>".encode("gbk")
    )
    doc = load(path)
    assert doc.source.format == "html"
    assert doc.text == "各市商务局：现将有关事项通知如下，请认真贯彻执行。"


@pytest.mark.parametrize(
    ("magic", "fmt"), [(b"Rar!\x1a\x07\x01\x00", "rar"), (b"7z\xbc\xaf\x27\x1c\x00\x04", "7z")]
)
def test_bad_input_other_archives_unsupported(tmp_path: Path, magic: bytes, fmt: str) -> None:
    from pipeline.errors import UnsupportedFormatError

    path = tmp_path / f"dossier.{fmt}"
    path.write_bytes(magic + _garbage(512))
    with pytest.raises(
        UnsupportedFormatError, match=f"{fmt} files are not supported; unpack it and pass the folder"
    ):
        load(path)


def test_bad_input_encrypted_zip_member(tmp_path: Path) -> None:
    from pipeline.errors import EncryptedFileError

    path = tmp_path / "locked.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("方案.txt", GOOD)
    data = bytearray(path.read_bytes())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set "encrypted" (bit 0) in both headers
        i = data.find(sig)
        data[i + flag_at] |= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(EncryptedFileError, match="locked.zip!方案.txt: password-protected ZIP member"):
        load_all(path)


def test_bad_input_regression_whitespace_only_file_message_is_true(tmp_path: Path) -> None:
    """QA F8: an 8-byte file of spaces/tabs/U+3000 was reported as "0 bytes of content"."""
    path = tmp_path / "w.txt"
    path.write_bytes(" \n\t\u3000\n".encode("utf-8"))
    with pytest.raises(EmptyFileError) as err:
        load(path)
    assert err.value.exit_code == 11
    assert err.value.message == f"{path}: file has no text (empty or only whitespace)"
    assert "0 bytes" not in str(err.value)
