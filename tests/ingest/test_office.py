"""Legacy office formats via LibreOffice, and the converter's failure modes (fast, with fakes)."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from pipeline.config import Limits
from pipeline.errors import ConversionError, ConversionTimeoutError, ConverterMissingError, EncryptedFileError
from pipeline.ingest.office import CONVERTER_ENV, read_office
from pipeline.model import BlockKind, Source
from tests.ingest import fixtures as fx

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
)


def _read(path: Path, fmt: str, converter: list[str] | None = None, **limits: int):
    return read_office(path, Source(str(path), fmt, "0"), Limits(**limits), converter=converter)


def _body(doc) -> list[tuple[str, int | None, str]]:
    return [
        (str(b.kind), b.level, doc.text[b.start : b.end])
        for b in doc.blocks
        if b.start is not None and b.kind != BlockKind.TABLE_CELL
    ]


@pytest.fixture(scope="session")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """.doc and .odt made once per session from the numbered .docx fixture (LibreOffice is slow)."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) not installed")
    d = tmp_path_factory.mktemp("office")
    docx = fx.build_docx(d / "notice.docx")
    profile = d / "profile"
    out = {fmt: fx.convert_with_soffice(docx, fmt, d, profile) for fmt in ("doc", "odt")}
    out["rtf"] = fx.build_rtf(d / "plain.rtf")
    out["wps"] = fx.copy_of(out["doc"], d / "notice.wps")  # Kingsoft .wps is Word-97-like
    return out


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "odt", "wps"])
def test_office_converted_text_equals_the_source(office_files: dict[str, Path], fmt: str) -> None:
    doc = _read(office_files[fmt], fmt)
    expected = list(fx.DOCX_EXPECTED)
    if fmt in ("doc", "wps"):
        # LibreOffice's Word 97 export splits the restarted "1. 2." list into two lists; it then
        # shows "1. 成立工作专班 / 1. 定期调度" itself (checked with --convert-to txt)
        expected[-3] = ("list_item", None, "1.定期调度")
    assert _body(doc) == expected
    assert doc.source.format == fmt
    assert {b.content for b in doc.blocks if b.start is None} == {fx.HEADER_TEXT, fx.FOOTER_TEXT}


@pytest.mark.slow
@needs_soffice
def test_office_rtf_written_by_hand(office_files: dict[str, Path]) -> None:
    doc = _read(office_files["rtf"], "rtf")
    assert doc.text == "\n".join(fx.RTF_PARAGRAPHS)
    assert doc.source.format == "rtf"


# ----- failure modes with a fake converter: fast and deterministic ---------------------------------
def _script(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def some_doc(tmp_path: Path) -> Path:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return path


def test_office_timeout_kills_the_whole_process_group(tmp_path: Path, some_doc: Path) -> None:
    # the fake converter starts a grandchild (like oosplash → soffice.bin) and both hang
    pid_file = tmp_path / "child.pid"
    fake = _script(tmp_path / "hang.sh", f"sleep 60 &\necho $! > {pid_file}\nwait")
    started = time.monotonic()
    with pytest.raises(ConversionTimeoutError, match=r"old\.doc: conversion did not finish within 1 s"):
        _read(some_doc, "doc", converter=[str(fake)], convert_timeout=1)
    assert time.monotonic() - started < 15
    child = int(pid_file.read_text())
    time.sleep(0.2)
    assert _dead(child)  # the grandchild was killed too, not left running


def _dead(pid: int) -> bool:
    """Gone, or a zombie waiting for a reaper (its parent was killed with it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    status = Path(f"/proc/{pid}/status")
    try:
        return "\nState:\tZ" in status.read_text()
    except OSError:
        return True


def test_office_converter_from_environment(tmp_path: Path, some_doc: Path, monkeypatch) -> None:
    fake = _script(tmp_path / "slow.sh", "sleep 30")
    monkeypatch.setenv(CONVERTER_ENV, str(fake))
    with pytest.raises(ConversionTimeoutError):
        _read(some_doc, "doc", convert_timeout=1)


def test_office_converter_missing(some_doc: Path) -> None:
    with pytest.raises(ConverterMissingError, match=r"old\.doc: LibreOffice \(soffice\) is not installed"):
        _read(some_doc, "doc", converter=["/nonexistent/soffice"])


def test_office_converter_writes_nothing(tmp_path: Path, some_doc: Path) -> None:
    fake = _script(tmp_path / "fail.sh", "echo 'Error: source file could not be loaded' >&2\nexit 0")
    message = r"old\.doc: conversion failed \(Error: source file could not be loaded\)"
    with pytest.raises(ConversionError, match=message):
        _read(some_doc, "doc", converter=[str(fake)])


def test_office_converter_writes_garbage_docx(tmp_path: Path, some_doc: Path) -> None:
    # a converter that "succeeds" but leaves a broken .docx in --outdir (last argument but one … )
    fake = _script(
        tmp_path / "garbage.sh",
        'while [ $# -gt 1 ]; do if [ "$1" = "--outdir" ]; then out="$2"; fi; shift; done\n'
        'echo "not a zip" > "$out/input.docx"',
    )
    message = r"old\.doc: conversion failed \(LibreOffice wrote an unreadable"
    with pytest.raises(ConversionError, match=message):
        _read(some_doc, "doc", converter=[str(fake)])


def test_office_encrypted_ooxml_named_doc_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "locked.doc"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    path.write_bytes(ole + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(EncryptedFileError, match=r"locked\.doc: password-protected DOCX"):
        _read(path, "doc", converter=["/nonexistent/soffice"])
