"""Ingestion: any supported file → a normalised ``Document``.

``load(path)`` checks the file (exists, size limit), sniffs its real format
from magic bytes (the extension is only a hint), hashes it and hands it to
the reader for that format. Readers are imported lazily from ``READERS`` so
a machine without LibreOffice or OCR can still read txt and html.

``load_all(path)`` reads a folder or zip dossier into one Document per
member; ``load_bytes(data, name)`` reads stdin.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from importlib import import_module
from pathlib import Path, PurePath

from pipeline.config import DEFAULT_LIMITS, Limits
from pipeline.errors import (
    CorruptFileError,
    EmptyFileError,
    FileMissingError,
    FileTooLargeError,
    UnsupportedFormatError,
)
from pipeline.ingest.sniff import (
    OLE_FORMATS,
    format_from_extension,
    sniff_bytes,
    zip_kind,
    zip_names_of,
)
from pipeline.model import Document, Source
from pipeline.paths import file_sha256

Reader = Callable[[Path, Source, Limits], Document]

# format -> "module:function"; each reader is read_<fmt>(path, source, limits) -> Document
READERS: dict[str, str] = {
    "txt": "pipeline.ingest.txt:read_txt",
    "md": "pipeline.ingest.txt:read_txt",
    "html": "pipeline.ingest.html:read_html",
    "mht": "pipeline.ingest.html:read_mhtml",
    "docx": "pipeline.ingest.docx:read_docx",
    "pdf": "pipeline.ingest.pdf:read_pdf",
    "png": "pipeline.ingest.ocr:read_image",
    "jpg": "pipeline.ingest.ocr:read_image",
    "tif": "pipeline.ingest.ocr:read_image",
    "bmp": "pipeline.ingest.ocr:read_image",
    "doc": "pipeline.ingest.office:read_office",
    "wps": "pipeline.ingest.office:read_office",
    "rtf": "pipeline.ingest.office:read_office",
    "odt": "pipeline.ingest.office:read_office",
}

_SNIFF_BYTES = 4096
# what a file of each claimed format must start with, for the "not a …" message
_EXPECTED = {
    "docx": "not a zip container",
    "odt": "not a zip container",
    "pdf": "no %PDF header",
    "doc": "no OLE2 header",
    "wps": "no OLE2 header",
    "png": "no PNG signature",
    "jpg": "no JPEG signature",
    "tif": "no TIFF signature",
    "bmp": "no BMP signature",
    "zip": "not a zip archive",
}


def get_reader(fmt: str, name: str) -> Reader:
    try:
        target = READERS[fmt]
    except KeyError:
        hint = "; unpack it and pass the folder" if fmt in ("rar", "7z", "gz") else ""
        raise UnsupportedFormatError(name, f"{fmt} files are not supported{hint}") from None
    module, func = target.split(":")
    try:
        return getattr(import_module(module), func)
    except (ImportError, AttributeError) as exc:
        raise UnsupportedFormatError(name, f"the {fmt} reader is not available: {exc}") from None


def detect_format(path: Path, head: bytes, name: str | None = None) -> str:
    """The format to read ``path`` as: magic bytes first, the extension as a hint."""
    name = name or str(path)
    claimed = format_from_extension(name)
    sniffed = sniff_bytes(head)
    if sniffed == "zip":
        names = zip_names_of(path=str(path))
        if names is None:
            raise CorruptFileError(name, "zip container cannot be read", fmt=(claimed or "zip").upper())
        sniffed = zip_kind(names)
        if claimed == "docx" and sniffed != "docx":
            raise CorruptFileError(name, "zip without word/document.xml", fmt="DOCX")
    if sniffed == "doc" and claimed in OLE_FORMATS:
        return claimed  # doc and wps share the OLE container
    if claimed in ("xls", "ppt", "ods", "odp"):
        return claimed  # refused by get_reader as unsupported, whatever the container
    if sniffed == "doc" and claimed == "docx":
        # a legacy Word file or an encrypted OOXML package (also OLE) with a .docx name:
        # LibreOffice reads the first and reports the second as password-protected
        return "doc"
    if sniffed is not None:
        return sniffed
    # no magic: text, or garbage claiming to be a binary format
    if claimed in _EXPECTED:
        raise CorruptFileError(name, _EXPECTED[claimed], fmt=claimed.upper())
    if claimed == "html":
        return "html"
    if claimed == "md":
        return "md"
    return "txt"


def _check_file(path: Path, limits: Limits, name: str) -> int:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise FileMissingError(name) from None
    except NotADirectoryError:
        raise FileMissingError(name) from None
    if path.is_dir():
        raise UnsupportedFormatError(name, "a folder; use load_all() or pass the folder to the CLI")
    if st.st_size > limits.max_bytes:
        raise FileTooLargeError(name, size=st.st_size, limit=limits.max_bytes)
    if st.st_size == 0:
        raise EmptyFileError(name)
    return st.st_size


def load(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read one file into a Document (a zip must hold exactly one document)."""
    path = Path(path)
    name = str(path)
    size = _check_file(path, limits, name)
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    fmt = detect_format(path, head, name)
    if fmt == "zip":
        docs = load_all(path, limits=limits)
        if len(docs) != 1:
            raise UnsupportedFormatError(
                name, f"a zip dossier with {len(docs)} documents; read it with load_all() or the CLI"
            )
        return docs[0]
    source = Source(path=name, format=fmt, sha256=file_sha256(path), size=size)
    return get_reader(fmt, name)(path, source, limits)


def load_source(path: Path, source: Source, limits: Limits) -> Document:
    """Read ``path`` with ``source`` already filled in (archive members, stdin)."""
    return get_reader(source.format, source.display_name)(path, source, limits)


def load_all(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> list[Document]:
    """A folder or zip → one Document per file/member (recursively); a single file → [doc]."""
    path = Path(path)
    if path.is_dir():
        docs: list[Document] = []
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith("."):
                docs.extend(load_all(child, limits=limits))
        return docs
    name = str(path)
    _check_file(path, limits, name)
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    if detect_format(path, head, name) == "zip":
        from pipeline.ingest.archive import load_archive

        return load_archive(path, limits=limits)
    return [load(path, limits=limits)]


def load_bytes(data: bytes, name: str = "-", *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read in-memory bytes (stdin): written to a private temp file so every reader works."""
    if len(data) > limits.max_bytes:
        raise FileTooLargeError(name, size=len(data), limit=limits.max_bytes)
    if not data:
        raise EmptyFileError(name)
    suffix = PurePath(name).suffix if name != "-" else ""
    with tempfile.TemporaryDirectory(prefix="policylens-") as tmp:
        tmp_path = Path(tmp) / f"input{suffix}"
        tmp_path.write_bytes(data)
        fmt = detect_format(tmp_path, data[:_SNIFF_BYTES], name if name != "-" else str(tmp_path))
        if fmt == "zip":
            from pipeline.ingest.archive import load_archive

            docs = load_archive(tmp_path, limits=limits, display_path=name)
            if len(docs) != 1:
                raise UnsupportedFormatError(name, f"a zip dossier with {len(docs)} documents on stdin")
            return docs[0]
        source = Source(path=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
        return load_source(tmp_path, source, limits)


__all__ = [
    "DEFAULT_LIMITS",
    "READERS",
    "Limits",
    "detect_format",
    "get_reader",
    "load",
    "load_all",
    "load_bytes",
    "load_source",
]
