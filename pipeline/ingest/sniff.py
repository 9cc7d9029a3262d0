"""Tell a file's format from its first bytes; the extension is only a hint.

Dossiers arrive with wrong extensions (a .doc that is really .docx, a .pdf
saved from a web page as HTML), so readers are chosen by content. When the
content contradicts a specific extension we say so (``CorruptFileError``)
rather than feeding a .docx reader something that is not a zip.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

# extensions we know, mapped to the format name readers and Source.format use
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".csv": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".doc": "doc",
    ".wps": "wps",
    ".rtf": "rtf",
    ".odt": "odt",
    ".zip": "zip",
    ".mht": "mht",
    ".mhtml": "mht",
    ".rar": "rar",
    ".7z": "7z",
    ".png": "png",
    ".jpg": "jpg",
    ".jpeg": "jpg",
    ".tif": "tif",
    ".tiff": "tif",
    ".bmp": "bmp",
    # recognised so that they are refused by name rather than misread
    ".xls": "xls",
    ".xlsx": "xlsx",
    ".ppt": "ppt",
    ".pptx": "pptx",
    ".ods": "ods",
    ".odp": "odp",
}

# formats whose files are zip containers
ZIP_FORMATS = {"docx", "odt", "zip"}
OLE_FORMATS = {"doc", "wps"}
IMAGE_FORMATS = {"png", "jpg", "tif", "bmp"}
TEXT_FORMATS = {"txt", "md", "html"}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def format_from_extension(name: str) -> str | None:
    return EXTENSIONS.get(PurePath(name).suffix.lower())


def sniff_bytes(head: bytes, *, zip_names: list[str] | None = None) -> str | None:
    """The format the leading bytes announce, or None when they announce nothing (text?).

    ``zip_names`` (member names) tells docx/odt/plain zip apart; without it a
    zip is reported as "zip".
    """
    if b"%PDF-" in head[:1024]:  # the spec lets junk precede the header
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return zip_kind(zip_names) if zip_names is not None else "zip"
    if head.startswith(OLE_MAGIC):
        return "doc"  # doc and wps share the OLE container; the extension decides which
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tif"
    if head.startswith(b"BM") and len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "bmp"
    if head.startswith(b"Rar!\x1a\x07"):
        return "rar"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if _looks_mhtml(head):
        return "mht"
    if _looks_html(head):
        return "html"
    return None


def _looks_mhtml(head: bytes) -> bool:
    # MHTML: a MIME message. Word's "single file web page" saved with a .doc name starts so.
    probe = head[:2048].lstrip()
    return probe[:200].lower().startswith(
        (b"mime-version:", b"from:", b"content-type: multipart/related")
    ) and (b"multipart/related" in probe.lower())


def zip_kind(names: list[str]) -> str:
    """docx/odt by their members; other OOXML packages (xlsx, pptx) are named so that they are
    refused as unsupported instead of being unpacked as a dossier of XML files."""
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "content.xml" in names and any(n == "mimetype" for n in names):
        return "odt"
    if "[Content_Types].xml" in names:
        return "ooxml"
    return "zip"


def zip_names_of(data: bytes | None = None, path: str | None = None) -> list[str] | None:
    """Member names of a zip (from bytes or a path), or None when it is not a readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as zf:  # type: ignore[arg-type]
            return zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None


def _looks_html(head: bytes) -> bool:
    probe = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for enc_probe in (probe, _utf16_ascii(probe)):
        if enc_probe.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in enc_probe[:2048]:
            return True
        if enc_probe.startswith((b"<!doctype html", b"<html", b"<head", b"<meta")):
            return True
    return False


def _utf16_ascii(probe: bytes) -> bytes:
    # "<\x00h\x00t\x00m\x00l\x00" → "<html": HTML saved as UTF-16 by old Windows tools
    if probe.startswith((b"\xff\xfe", b"\xfe\xff")):
        return probe[2:].replace(b"\x00", b"").lower()
    return b""


__all__ = [
    "EXTENSIONS",
    "IMAGE_FORMATS",
    "OLE_FORMATS",
    "TEXT_FORMATS",
    "ZIP_FORMATS",
    "format_from_extension",
    "sniff_bytes",
    "zip_kind",
    "zip_names_of",
]
