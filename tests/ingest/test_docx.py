"""Word .docx: reading order, heading levels, automatic numbering as displayed, tables, furniture."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.config import Limits
from pipeline.errors import CorruptFileError, EncryptedFileError, ResourceLimitError
from pipeline.ingest import load
from pipeline.ingest.docx import read_docx
from pipeline.ingest.docx_numbering import NumberingState, format_number, parse_numbering
from pipeline.model import BlockKind, Source
from tests.ingest import fixtures as fx


def _read(path: Path, **limits: int):
    return read_docx(path, Source(str(path), "docx", "0"), Limits(**limits))


@pytest.fixture(scope="module")
def notice_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fx.build_docx(tmp_path_factory.mktemp("docx") / "notice.docx")


def test_docx_blocks_in_reading_order_with_numbering(notice_docx: Path) -> None:
    doc = _read(notice_docx)
    body = [b for b in doc.blocks if b.start is not None and b.kind != BlockKind.TABLE_CELL]
    got = [(str(b.kind), b.level, doc.text[b.start : b.end]) for b in body]
    assert got == fx.DOCX_EXPECTED


def test_docx_text_is_blocks_joined_by_newline(notice_docx: Path) -> None:
    doc = _read(notice_docx)
    body = [b for b in doc.blocks if b.start is not None and b.kind != BlockKind.TABLE_CELL]
    assert doc.text == "\n".join(t for _, _, t in fx.DOCX_EXPECTED)
    for b in doc.blocks:
        if b.start is not None:
            assert 0 <= b.start <= b.end <= len(doc.text)
    assert len(body) == len(fx.DOCX_EXPECTED)


def test_docx_header_footer_are_furniture_not_text(notice_docx: Path) -> None:
    doc = _read(notice_docx)
    furniture = {(str(b.kind), b.content) for b in doc.blocks if b.start is None}
    assert furniture == {("header", fx.HEADER_TEXT), ("footer", fx.FOOTER_TEXT)}
    assert fx.HEADER_TEXT not in doc.text and fx.FOOTER_TEXT not in doc.text


def test_docx_table_cells_point_into_text(notice_docx: Path) -> None:
    doc = _read(notice_docx)
    cells = [b for b in doc.blocks if b.kind == BlockKind.TABLE_CELL]
    assert [[doc.text[c.start : c.end] for c in cells if c.row == r] for r in range(3)] == fx.TABLE_ROWS


def test_docx_style_names_as_word_shows_them(notice_docx: Path) -> None:
    doc = _read(notice_docx)
    styles = [b.style for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert styles[:3] == ["Title", "Heading 1", "Heading 2"]
    assert "标题 3" in styles


def test_docx_dispatcher_reads_docx(notice_docx: Path) -> None:
    doc = load(notice_docx)
    assert doc.source.format == "docx"
    assert doc.text.startswith(fx.TITLE + "\n一、总体要求\n（一）工作目标")


def test_docx_edits_links_fields_text_boxes_merged_cells(tmp_path: Path) -> None:
    doc = _read(fx.build_docx_tricky(tmp_path / "tricky.docx"))
    body = [b for b in doc.blocks if b.start is not None and b.kind != BlockKind.TABLE_CELL]
    assert [(str(b.kind), doc.text[b.start : b.end]) for b in body] == fx.TRICKY_EXPECTED


def test_docx_numbering_bound_to_heading_styles(tmp_path: Path) -> None:
    doc = _read(fx.build_docx_style_numbering(tmp_path / "styles.docx"))
    assert doc.text.split("\n") == fx.STYLE_NUMBERED_EXPECTED
    assert [b.level for b in doc.blocks] == [1, 2, 2, 1, 2]


def test_docx_empty_numbered_paragraph_uses_up_its_number(tmp_path: Path) -> None:
    # Word shows "2." on the empty item, so the next item a reader sees is "3."
    import docx

    document = docx.Document()
    fx._numbering_xml(document)
    for text in ("报送申报书", "", "报送财务报表"):
        fx._set_num(document.add_paragraph(text), "91", 0)
    path = tmp_path / "empty.docx"
    document.save(str(path))
    assert _read(path).text == "1.报送申报书\n3.报送财务报表"


# ----- number formats (ECMA-376 numFmt) --------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (23, "chineseCounting", "二十三"),
        (105, "chineseCountingThousand", "一百零五"),
        (110, "chineseCountingThousand", "一百一十"),
        (3, "chineseLegalSimplified", "叁"),
        (12, "ideographDigital", "一二"),
        (1, "ideographTraditional", "甲"),
        (10, "ideographTraditional", "癸"),
        (3, "decimalEnclosedCircle", "③"),
        (20, "decimalEnclosedCircleChinese", "⑳"),
        (2, "decimalEnclosedParen", "⑵"),
        (1, "upperLetter", "A"),
        (27, "upperLetter", "AA"),
        (2, "lowerLetter", "b"),
        (4, "upperRoman", "IV"),
        (9, "lowerRoman", "ix"),
        (7, "decimal", "7"),
        (7, "decimalZero", "07"),
        (7, "someFormatWeDoNotKnow", "7"),
    ],
)
def test_docx_numbering_format_number(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


@pytest.mark.parametrize(
    ("value", "fmt", "not_expected"),
    [
        (11, "chineseCounting", "一十一"),  # Word writes 十一
        (21, "decimalEnclosedCircle", "㉑"),  # past the list: decimal, not an invented symbol
        (11, "ideographTraditional", "甲"),  # the stems do not wrap around
    ],
)
def test_docx_numbering_format_number_not(value: int, fmt: str, not_expected: str) -> None:
    assert format_number(value, fmt) != not_expected


def _numbering(xml_body: str):
    from lxml import etree

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(f'<w:numbering xmlns:w="{ns}">{xml_body}</w:numbering>'.encode())
    return parse_numbering(root)


_MULTI = """
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%3）"/>
    <w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/>
    <w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>
    <w:isLgl/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
"""


def test_docx_numbering_levels_restart_and_continue() -> None:
    state = NumberingState(_numbering(_MULTI))
    seq = [("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1), ("2", 0), ("3", 0), ("3", 1)]
    got = [state.label(n, lvl) for n, lvl in seq]
    # "%1.%2" renders the parent in its own format; numId 2 shares abstractNum 1 and continues
    # it; numId 3 restarts at 5 (w:startOverride). The default w:suff (tab) shows as one space.
    assert got == ["一、", "一.1 ", "一.2 ", "二、", "二.1 ", "三、", "五、", "五.1 "]


def test_docx_numbering_lvl_restart_zero_never_restarts() -> None:
    state = NumberingState(_numbering(_MULTI))
    got = [state.label("1", lvl) for lvl in (0, 2, 2, 0, 2)]
    assert got == ["一、", "（3）", "（4）", "二、", "（5）"]


def test_docx_numbering_is_legal_and_suffix_space() -> None:
    state = NumberingState(_numbering(_MULTI))
    assert [state.label("4", lvl) for lvl in (0, 1, 0, 1)] == ["第一条 ", "1.1 ", "第二条 ", "2.1 "]


def test_docx_numbering_style_link_uses_the_linked_list() -> None:
    # abstractNum 5 only says "numbering of style ListStyle", whose w:numPr names numId 1;
    # paragraphs of numId 7 (→ abstractNum 5) therefore count on in list 1
    xml = _MULTI + """
    <w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>
    <w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>
    """
    state = NumberingState(_numbering(xml), {"ListStyle": ("1", None)})
    assert [state.label(n, 0) for n in ("1", "7", "7")] == ["一、", "二、", "三、"]


@pytest.mark.parametrize("num_id", [None, "0", "999"])
def test_docx_numbering_unnumbered_paragraph_has_no_label(num_id: str | None) -> None:
    assert NumberingState(_numbering(_MULTI)).label(num_id, 0) is None


def test_docx_macro_enabled_package_is_read(tmp_path: Path, notice_docx: Path) -> None:
    # .docm: the same body under the macro-enabled content type, which python-docx refuses
    path = tmp_path / "notice.docm"
    plain = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(notice_docx) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                assert plain in data
                data = data.replace(plain, b"application/vnd.ms-word.document.macroEnabled.main+xml")
            zout.writestr(info, data)
    assert _read(path).text == "\n".join(t for _, _, t in fx.DOCX_EXPECTED)


# ----- bad input ----------------------------------------------------------------------------------
def test_docx_zip_that_is_not_word_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "notword.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "你好")
    with pytest.raises(CorruptFileError, match=r"notword\.docx: corrupt or truncated DOCX"):
        _read(path)


def test_docx_truncated_is_corrupt(tmp_path: Path, notice_docx: Path) -> None:
    data = notice_docx.read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError, match=r"cut\.docx: corrupt or truncated DOCX"):
        _read(path)


def test_docx_encrypted_package_is_reported_as_encrypted(tmp_path: Path) -> None:
    # an OLE compound file carrying an EncryptedPackage stream, as Word writes for a password
    path = tmp_path / "locked.docx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    path.write_bytes(ole + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(EncryptedFileError, match=r"locked\.docx: password-protected DOCX"):
        _read(path)


def test_docx_expanding_over_limit_is_refused(notice_docx: Path) -> None:
    with pytest.raises(ResourceLimitError, match="over the 1000-byte limit"):
        _read(notice_docx, max_archive_total=1000)


_STYLES = """
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:styleId="a3"><w:name w:val="标题 2"/></w:style>
  <w:style w:styleId="Own"><w:name w:val="公文二级标题"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:styleId="OwnChild"><w:name w:val="我的标题"/><w:basedOn w:val="Heading1"/></w:style>
  <w:style w:styleId="Body"><w:name w:val="Normal"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
  <w:style w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
  <w:style w:styleId="a4"><w:name w:val="标题"/></w:style>
  <w:style w:styleId="Loop1"><w:name w:val="loop a"/><w:basedOn w:val="Loop2"/></w:style>
  <w:style w:styleId="Loop2"><w:name w:val="loop b"/><w:basedOn w:val="Loop1"/></w:style>
</w:styles>
"""


@pytest.mark.parametrize(
    ("style_id", "outline"),
    [
        ("Heading1", 0),  # Word's built-in name
        ("a3", 1),  # a WPS/Chinese-Word name "标题 2" without outline level
        ("Own", 1),  # a custom style that declares an outline level
        ("OwnChild", 0),  # inherits the level of the style it is based on
    ],
)
def test_docx_style_outline_level(style_id: str, outline: int) -> None:
    from lxml import etree

    from pipeline.ingest.docx import _Styles

    assert _Styles(etree.fromstring(_STYLES.encode())).outline(style_id) == outline


@pytest.mark.parametrize(
    "style_id",
    ["Body", "TOC1", "a4", "Loop1", "Missing", None],  # 9 = body text; toc 1 is not a heading; Title
    ids=["body-level-9", "toc", "title", "basedOn-cycle", "unknown", "none"],
)
def test_docx_style_outline_level_not(style_id: str | None) -> None:
    from lxml import etree

    from pipeline.ingest.docx import _Styles

    outline = _Styles(etree.fromstring(_STYLES.encode())).outline(style_id)
    assert outline is None or not 0 <= outline <= 8
