"""Legacy and other office formats (.doc, .wps, .rtf, .odt) via LibreOffice → .docx.

There is no maintained pure-Python reader for Word 97 binaries or Kingsoft
WPS files, and many government sites still publish them. LibreOffice
converts them faithfully, including automatic numbering, which then goes
through the same .docx reader as everything else.

LibreOffice is a hazard as a subprocess: a second instance sharing a user
profile silently hands its job to the first and exits, and a broken file can
hang it. So each conversion gets a fresh profile directory
(``-env:UserInstallation``), runs in its own session, and on timeout the
whole process group (oosplash + soffice.bin) is killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pipeline.config import Limits
from pipeline.errors import (
    ConversionError,
    ConversionTimeoutError,
    ConverterMissingError,
    CorruptFileError,
    EncryptedFileError,
)
from pipeline.model import Document, Source

# Override the converter (tests point it at a script that sleeps; a site may use a
# specific LibreOffice build): a command, split on whitespace.
CONVERTER_ENV = "POLICYLENS_SOFFICE"
# Kingsoft .wps files are Word-97-like OLE documents; LibreOffice's type detection picks the
# right filter when the copy is named .doc (named .wps it may try MS Works).
_COPY_SUFFIX = {"wps": ".doc"}


def converter_command(converter: Sequence[str] | None = None) -> list[str]:
    if converter:
        return list(converter)
    env = os.environ.get(CONVERTER_ENV)
    if env:
        return env.split()
    for exe in ("soffice", "libreoffice"):
        found = shutil.which(exe)
        if found:
            return [found]
    return []


def convert_to_docx(
    path: Path, name: str, limits: Limits, workdir: Path, converter: Sequence[str] | None = None
) -> Path:
    """Convert ``path`` to .docx inside ``workdir``; return the .docx path."""
    cmd = converter_command(converter)
    if not cmd or (not os.path.isabs(cmd[0]) and shutil.which(cmd[0]) is None) or (
        os.path.isabs(cmd[0]) and not os.path.exists(cmd[0])
    ):
        raise ConverterMissingError(name, "LibreOffice (soffice)")
    fmt = path.suffix.lower().lstrip(".")
    src = workdir / f"input{_COPY_SUFFIX.get(fmt, path.suffix.lower())}"
    shutil.copyfile(path, src)  # a plain ASCII name: no option-like or non-UTF-8 file names
    outdir = workdir / "out"
    outdir.mkdir()
    profile = workdir / "profile"
    args = [
        *cmd,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(outdir),
        str(src),
    ]
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True
    )
    try:
        _, err = proc.communicate(timeout=limits.convert_timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise ConversionTimeoutError(name, seconds=limits.convert_timeout) from None
    out = outdir / (src.stem + ".docx")
    if not out.exists():
        detail = (err or b"").decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"converter exited with code {proc.returncode} and wrote nothing"
        raise ConversionError(name, reason)
    return out


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def _refuse_encrypted_ooxml(path: Path, name: str) -> None:
    """A password-protected .docx is an OLE file holding an ``EncryptedPackage`` stream;
    LibreOffice headless cannot ask for the password, so say so instead of a vague failure."""
    with open(path, "rb") as fh:
        data = fh.read(8 << 20)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" and "EncryptedPackage".encode("utf-16-le") in data:
        raise EncryptedFileError(name, fmt="DOCX")


def read_office(
    path: Path, source: Source, limits: Limits, converter: Sequence[str] | None = None
) -> Document:
    """Read .doc/.wps/.rtf/.odt through a LibreOffice conversion to .docx."""
    from pipeline.ingest.docx import read_docx

    path = Path(path)
    name = source.display_name
    original = (source.format or path.suffix.lstrip(".")).lower()
    _refuse_encrypted_ooxml(path, name)
    workdir = Path(tempfile.mkdtemp(prefix="policylens-office-"))
    try:
        docx_path = convert_to_docx(path, name, limits, workdir, converter)
        try:
            doc = read_docx(docx_path, source, limits)
        except CorruptFileError as exc:
            raise ConversionError(name, f"LibreOffice wrote an unreadable .docx ({exc.detail})") from None
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    doc.source.format = original
    return doc


__all__ = ["CONVERTER_ENV", "convert_to_docx", "converter_command", "read_office"]
