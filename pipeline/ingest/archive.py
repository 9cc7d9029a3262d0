"""Zip dossiers: every member read as its own Document, safely.

Applicants zip a folder per county (``县A/实施方案.docx``); Chinese Windows
writes the member names in GBK without the UTF-8 flag, which ``zipfile``
shows as cp437 mojibake, so names are re-decoded. A dossier is untrusted
input: before anything is read we refuse members whose path escapes the
archive (``../``, absolute paths) and archives whose declared sizes, member
count or compression ratio exceed ``Limits``; while reading we count the
bytes actually inflated, because headers can lie. Members are read into
memory and handed to their reader through a private temporary directory,
so nothing is ever written where a member name points.
"""

from __future__ import annotations

import hashlib
import io
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pipeline.config import DEFAULT_LIMITS, Limits
from pipeline.errors import (
    ArchiveBombError,
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    FileTooLargeError,
    UnsafeArchiveError,
)
from pipeline.model import Document, Source

# members that are operating-system litter, not documents
_LITTER = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$|~\$|\._)", re.IGNORECASE)
# a member this small cannot be a bomb whatever its ratio (a page of spaces compresses 1000:1)
_RATIO_FLOOR = 1 << 20
_CHUNK = 1 << 16
_UTF8_FLAG = 0x800
_SAFE_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")


@dataclass
class _Budget:
    """Inflated bytes left across one dossier, nested archives included."""

    remaining: int
    members: int = 0


@dataclass
class ArchiveMember:
    name: str  # decoded member path, e.g. "县A/实施方案.docx"
    info: zipfile.ZipInfo = field(repr=False)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's real name: UTF-8 when flagged, else GBK/GB18030 undone from cp437."""
    name = info.filename
    if info.flag_bits & _UTF8_FLAG:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    decoded: dict[str, str] = {}
    for codec in ("utf-8", "gb18030", "big5"):
        try:
            decoded[codec] = raw.decode(codec)
        except UnicodeDecodeError:
            continue
    utf8, gb = decoded.get("utf-8"), decoded.get("gb18030")
    # QA F21: 通知 in GBK (CD A8 D6 AA) is also valid UTF-8 (U+0368 U+05AA): a GBK pair with lead
    # C2-DF and trail 80-BF always is. Unflagged names come from Chinese Windows tools, so a UTF-8
    # reading that is not plain ASCII/CJK loses to a GB18030 reading that is.
    if utf8 is not None and (_plausible_name(utf8) or gb is None or not _plausible_name(gb)):
        return utf8
    if gb is not None:
        return gb
    return decoded.get("big5", name)


def _plausible_name(name: str) -> bool:
    """Every character ASCII, CJK, CJK/full-width punctuation or general punctuation."""
    return all(
        c.isascii()
        or "\u4e00" <= c <= "\u9fff"
        or "\u3400" <= c <= "\u4dbf"
        or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef"
        or "\u2000" <= c <= "\u206f"
        for c in name
    )


def _is_unsafe(name: str) -> bool:
    n = name.replace("\\", "/")
    if n.startswith("/") or re.match(r"^[A-Za-z]:", n):
        return True
    return any(part == ".." for part in n.split("/"))


class SafeZip:
    """A zip opened for reading after the whole central directory passed the safety checks."""

    def __init__(self, data: bytes | Path, display: str, limits: Limits, budget: _Budget, depth: int) -> None:
        self.display = display
        self.limits = limits
        self.budget = budget
        self.depth = depth
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise CorruptFileError(display, str(exc), fmt="ZIP") from None
        self.members: list[ArchiveMember] = []
        declared_total = 0
        for info in infos:
            name = member_name(info)
            if _is_unsafe(name):
                raise UnsafeArchiveError(display, repr(name))
            if info.is_dir() or _LITTER.search(name):
                continue
            self.members.append(ArchiveMember(name, info))
            declared_total += info.file_size
            if info.file_size > _RATIO_FLOOR and info.file_size > limits.max_compression_ratio * max(
                info.compress_size, 1
            ):
                raise ArchiveBombError(
                    display,
                    f"member {name!r} expands {info.file_size // max(info.compress_size, 1)}:1, "
                    f"over the {limits.max_compression_ratio}:1 limit",
                )
        if not self.members:
            raise EmptyFileError(display, "archive holds no documents")
        budget.members += len(self.members)
        if budget.members > limits.max_archive_members:
            raise ArchiveBombError(
                display, f"{budget.members} members, over the {limits.max_archive_members} limit"
            )
        if declared_total > budget.remaining:
            raise ArchiveBombError(
                display,
                f"{declared_total} bytes uncompressed, over the {limits.max_archive_total}-byte limit",
            )

    def read(self, member: ArchiveMember) -> bytes:
        """Inflate one member, counting real bytes against the declared size and the budget."""
        info = member.info
        if info.flag_bits & 0x1:
            raise EncryptedFileError(f"{self.display}!{member.name}", fmt="ZIP member")
        limit = min(info.file_size, self.limits.max_bytes)
        if info.file_size > self.limits.max_bytes:
            raise FileTooLargeError(
                f"{self.display}!{member.name}", size=info.file_size, limit=self.limits.max_bytes
            )
        out = bytearray()
        try:
            with self.zf.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > limit:
                        raise ArchiveBombError(
                            self.display,
                            f"member {member.name!r} inflates past its declared {info.file_size} bytes",
                        )
                    if len(out) > self.budget.remaining:
                        raise ArchiveBombError(
                            self.display,
                            f"over the {self.limits.max_archive_total}-byte total uncompressed limit",
                        )
                    if len(out) > _RATIO_FLOOR and len(out) > self.limits.max_compression_ratio * max(
                        info.compress_size, 1
                    ):
                        raise ArchiveBombError(
                            self.display,
                            f"member {member.name!r} over the {self.limits.max_compression_ratio}:1 ratio",
                        )
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            # RuntimeError: an encrypted member ("password required")
            raise CorruptFileError(f"{self.display}!{member.name}", str(exc), fmt="ZIP") from None
        self.budget.remaining -= len(out)
        return bytes(out)


def iter_archive(
    path: str | Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    display_path: str | None = None,
) -> Iterator[tuple[str, Callable[[], list[Document]]]]:
    """(member display name, loader) for each member; a loader returns that member's Documents.

    The whole archive is checked before the first member is yielded, so an
    unsafe or oversized dossier fails as one error and nothing is read from it.
    The CLI calls each loader inside its batch, so one bad member is one error line.
    """
    path = Path(path)
    display = display_path or str(path)
    budget = _Budget(remaining=limits.max_archive_total)
    yield from _iter_zip(path, display, None, limits, budget, depth=0)


def _iter_zip(
    data: bytes | Path,
    display: str,
    prefix: str | None,
    limits: Limits,
    budget: _Budget,
    depth: int,
) -> Iterator[tuple[str, Callable[[], list[Document]]]]:
    if depth >= limits.max_archive_depth:
        raise ArchiveBombError(display, f"zips nested deeper than {limits.max_archive_depth} levels")
    safe = SafeZip(data, f"{display}!{prefix}" if prefix else display, limits, budget, depth)
    for member in safe.members:
        full = f"{prefix}/{member.name}" if prefix else member.name
        label = f"{display}!{full}"

        def loader(member: ArchiveMember = member, full: str = full) -> list[Document]:
            return _load_member(safe, member, display, full, limits, budget, depth)

        yield label, loader


def _load_member(
    safe: SafeZip,
    member: ArchiveMember,
    display: str,
    full: str,
    limits: Limits,
    budget: _Budget,
    depth: int,
) -> list[Document]:
    from pipeline.ingest import detect_format, load_source  # the dispatcher imports this module

    label = f"{display}!{full}"
    data = safe.read(member)
    if not data:
        raise EmptyFileError(label)
    base = PurePosixPath(member.name).name or "member"
    suffix = PurePosixPath(base).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="policylens-zip-") as tmp:
        # a fixed safe file name inside our private dir: the member name never becomes a path
        safe_suffix = suffix if _SAFE_SUFFIX.fullmatch(suffix) else ""
        tmp_path = Path(tmp) / f"member{safe_suffix}"
        tmp_path.write_bytes(data)
        fmt = detect_format(tmp_path, data[:4096], label if suffix else str(tmp_path))
        if fmt == "zip":
            docs: list[Document] = []
            for _, nested in _iter_zip(data, display, full, limits, budget, depth + 1):
                docs.extend(nested())
            return docs
        source = Source(
            path=display,
            format=fmt,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            member=full,
        )
        return [load_source(tmp_path, source, limits)]


def load_archive(
    path: str | Path, *, limits: Limits = DEFAULT_LIMITS, display_path: str | None = None
) -> list[Document]:
    """Every document in a zip (nested zips expanded), in member order; the first error raises."""
    docs: list[Document] = []
    for _, loader in iter_archive(path, limits=limits, display_path=display_path):
        docs.extend(loader())
    return docs


# the brief's name for it: ``archive.load_all(path)``
load_all = load_archive

__all__ = ["ArchiveMember", "SafeZip", "iter_archive", "load_all", "load_archive", "member_name"]
