"""Zip dossiers: every member read, GBK names decoded, hostile archives refused."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from pipeline.config import Limits
from pipeline.errors import ArchiveBombError, UnsafeArchiveError
from pipeline.ingest import load, load_all
from pipeline.ingest.archive import member_name

PLAN = "某县外贸转型升级试点实施方案\n一、总体目标\n到2021年，全县进出口总额达到5亿元。\n"
NOTE = "申报说明\n本方案由县商务局负责解释。\n"


class _GbkName(zipfile.ZipInfo):
    """Writes the name as raw GBK without the UTF-8 flag, as Chinese Windows zip tools do."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def _zip_bytes(members: dict[str, bytes], *, gbk_names: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = _GbkName(name) if gbk_names else zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


def test_archive_gbk_member_names_and_folders(tmp_path: Path) -> None:
    path = tmp_path / "dossier.zip"
    path.write_bytes(
        _zip_bytes(
            {"县A/实施方案.txt": PLAN.encode("gb18030"), "县A/附件/说明.txt": NOTE.encode("utf-8")},
            gbk_names=True,
        )
    )
    with zipfile.ZipFile(path) as zf:  # what zipfile alone shows: cp437 mojibake, no UTF-8 flag
        assert zf.infolist()[0].filename != "县A/实施方案.txt"
        assert not zf.infolist()[0].flag_bits & 0x800
        assert member_name(zf.infolist()[0]) == "县A/实施方案.txt"
    docs = load_all(path)
    assert [d.source.member for d in docs] == ["县A/实施方案.txt", "县A/附件/说明.txt"]
    assert [d.source.path for d in docs] == [str(path)] * 2
    assert docs[0].text == PLAN.rstrip("\n")
    assert docs[0].source.encoding == "gb18030"
    assert docs[1].text == NOTE.rstrip("\n")
    assert docs[0].source.display_name == f"{path}!县A/实施方案.txt"


def test_archive_utf8_flagged_names(tmp_path: Path) -> None:
    path = tmp_path / "utf8.zip"
    path.write_bytes(_zip_bytes({"县B/方案.txt": PLAN.encode("utf-8")}))  # zipfile sets the flag
    assert [d.source.member for d in load_all(path)] == ["县B/方案.txt"]


def test_archive_nested_zip(tmp_path: Path) -> None:
    inner = _zip_bytes({"乡镇/方案.txt": PLAN.encode("utf-8")})
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip_bytes({"县C/材料.zip": inner, "总说明.txt": NOTE.encode("utf-8")}))
    docs = load_all(path)
    assert sorted(d.source.member for d in docs) == ["县C/材料.zip/乡镇/方案.txt", "总说明.txt"]


def test_archive_nested_too_deep(tmp_path: Path) -> None:
    data = _zip_bytes({"方案.txt": PLAN.encode("utf-8")})
    for level in range(4):
        data = _zip_bytes({f"第{level}层.zip": data})
    path = tmp_path / "deep.zip"
    path.write_bytes(data)
    with pytest.raises(ArchiveBombError, match="nested deeper than 3 levels"):
        load_all(path)


def test_archive_single_member_load(tmp_path: Path) -> None:
    path = tmp_path / "one.zip"
    path.write_bytes(_zip_bytes({"方案.txt": PLAN.encode("utf-8")}))
    assert load(path).text == PLAN.rstrip("\n")


def test_archive_skips_os_litter(tmp_path: Path) -> None:
    path = tmp_path / "mac.zip"
    path.write_bytes(
        _zip_bytes(
            {
                "方案.txt": PLAN.encode("utf-8"),
                "__MACOSX/._方案.txt": b"\x00\x05\x16\x07",
                ".DS_Store": b"\x00",
            }
        )
    )
    assert [d.source.member for d in load_all(path)] == ["方案.txt"]


@pytest.mark.parametrize(
    "evil", ["../evil.txt", "县A/../../evil.txt", "/tmp/evil.txt", "..\\evil.txt", "C:/evil.txt"]
)
def test_archive_unsafe_paths_refused(tmp_path: Path, evil: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    path = work / "evil.zip"
    path.write_bytes(_zip_bytes({"方案.txt": PLAN.encode("utf-8"), evil: b"pwned"}))
    before = set(tmp_path.rglob("*"))
    cwd = os.getcwd()
    os.chdir(work)
    try:
        with pytest.raises(
            UnsafeArchiveError, match="unsafe archive member .*evil.txt.*nothing was extracted"
        ):
            load_all(path)
    finally:
        os.chdir(cwd)
    assert set(tmp_path.rglob("*")) == before  # nothing written anywhere under tmp
    assert not Path("/tmp/evil.txt").exists() or Path("/tmp/evil.txt").read_bytes() != b"pwned"


def _zeros_zip(path: Path, size: int) -> None:
    """A zip holding ``size`` bytes of zeros, written in 1 MiB chunks (small memory)."""
    chunk = bytes(1 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("zeros.txt", "w", force_zip64=True) as fh,
    ):
        for _ in range(size // len(chunk)):
            fh.write(chunk)


def test_archive_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    _zeros_zip(path, 200 * (1 << 20))
    assert path.stat().st_size < 1 << 20  # 200 MiB of zeros compress to a few hundred KiB
    with pytest.raises(ArchiveBombError, match="bomb.zip: archive exceeds limits .*200:1"):
        load_all(path)


def test_archive_total_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.zip"
    path.write_bytes(_zip_bytes({f"方案{i}.txt": PLAN.encode("utf-8") * 20 for i in range(3)}))
    with pytest.raises(ArchiveBombError, match="over the 2000-byte limit"):
        load_all(path, limits=Limits(max_archive_total=2000))


def test_archive_member_count_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    path.write_bytes(_zip_bytes({f"方案{i}.txt": PLAN.encode("utf-8") for i in range(5)}))
    with pytest.raises(ArchiveBombError, match="5 members, over the 3 limit"):
        load_all(path, limits=Limits(max_archive_members=3))


def test_archive_lying_header_stops_at_declared_size(tmp_path: Path) -> None:
    """A member whose headers declare 100 bytes but inflate to 4 MiB is not read past 100 bytes."""
    path = tmp_path / "liar.zip"
    _zeros_zip(path, 4 << 20)
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")  # central directory entry: zipfile trusts its sizes
    assert int.from_bytes(data[central + 24 : central + 28], "little") == 4 << 20
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")  # uncompressed size
    path.write_bytes(bytes(data))
    from pipeline.errors import CorruptFileError

    with pytest.raises((ArchiveBombError, CorruptFileError)):
        load_all(path)


def test_archive_without_documents_is_empty(tmp_path: Path) -> None:
    from pipeline.errors import EmptyFileError

    path = tmp_path / "empty.zip"
    path.write_bytes(_zip_bytes({"__MACOSX/._x": b"\x00", "县A/": b""}))
    with pytest.raises(EmptyFileError, match="empty.zip: archive holds no documents"):
        load_all(path)


class _RawUtf8Name(zipfile.ZipInfo):
    """Writes the name as UTF-8 bytes WITHOUT the UTF-8 flag, as some macOS/Linux zip tools do."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("utf-8"), self.flag_bits & ~0x800


# QA F21: names whose GBK bytes are also valid UTF-8 (通知 = CD A8 D6 AA), and names that are not
@pytest.mark.parametrize("name", ["通知.txt", "申报书.txt", "县A/实施方案.txt", "附件1 说明.txt"])
def test_archive_regression_gbk_name_that_is_also_valid_utf8(name: str) -> None:
    with zipfile.ZipFile(io.BytesIO(_zip_bytes({name: PLAN.encode("utf-8")}, gbk_names=True))) as zf:
        info = zf.infolist()[0]
        assert not info.flag_bits & 0x800
        assert member_name(info) == name


@pytest.mark.parametrize("name", ["通知.txt", "实施方案.docx", "plan-2024.txt"])
def test_archive_regression_unflagged_utf8_name_stays_utf8(name: str) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(_RawUtf8Name(name), PLAN)
    with zipfile.ZipFile(buf) as zf:
        assert member_name(zf.infolist()[0]) == name


def test_archive_regression_flagged_utf8_name_is_trusted() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("通知.txt", PLAN)  # zipfile sets the 0x800 flag for non-ASCII names
    with zipfile.ZipFile(buf) as zf:
        assert zf.infolist()[0].flag_bits & 0x800
        assert member_name(zf.infolist()[0]) == "通知.txt"
