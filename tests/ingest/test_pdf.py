"""PDF text layer: exact text, paragraphs by geometry, columns, tables, furniture, bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.config import Limits
from pipeline.errors import CorruptFileError, EncryptedFileError, ResourceLimitError
from pipeline.ingest import load
from pipeline.ingest.pdf import read_pdf, text_layer_usable
from pipeline.ingest.pdf_layout import Char, Line, continues, find_gutter, margins_of, paragraphs
from pipeline.model import BlockKind, Source
from tests.ingest import fixtures as fx


def _read(path: Path, **limits: int):
    return read_pdf(path, Source(str(path), "pdf", "0"), Limits(**limits))


def _body(doc) -> list[tuple[str, int | None, str]]:
    return [
        (str(b.kind), b.page, doc.text[b.start : b.end])
        for b in doc.blocks
        if b.start is not None and b.kind != BlockKind.TABLE_CELL
    ]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("pdf")
    out = {
        "text": fx.build_text_pdf(d / "text.pdf", repeat=3),
        "two": fx.build_two_column_pdf(d / "two.pdf"),
        "table": fx.build_table_pdf(d / "table.pdf"),
        "kangxi": fx.build_kangxi_pdf(d / "kangxi.pdf"),
        "encrypted": fx.build_encrypted_pdf(d / "encrypted.pdf"),
    }
    out["crossing"], _ = fx.build_crossing_pdf(d / "crossing.pdf")
    out["truncated"] = fx.build_truncated_pdf(d / "truncated.pdf", out["text"])
    return out


def test_pdf_paragraphs_equal_the_text_typeset(pdfs: dict[str, Path]) -> None:
    doc = _read(pdfs["text"])
    assert [t for _, _, t in _body(doc)] == fx.PDF_PARAGRAPHS * 3
    assert doc.text == "\n".join(fx.PDF_PARAGRAPHS * 3)


def test_pdf_page_numbers_are_furniture_with_their_page(pdfs: dict[str, Path]) -> None:
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(str(pdfs["text"])))
    assert pages >= 2
    doc = _read(pdfs["text"])
    footers = [(b.page, b.content) for b in doc.blocks if b.kind == BlockKind.FOOTER]
    assert footers == [(n, f"—{n}—") for n in range(1, pages + 1)]
    assert "—" not in doc.text


def test_pdf_every_block_has_its_page_and_pages_increase(pdfs: dict[str, Path]) -> None:
    doc = _read(pdfs["text"])
    pages = [b.page for b in doc.blocks if b.start is not None]
    assert all(p is not None for p in pages)
    assert pages == sorted(pages) and pages[-1] >= 2


def test_pdf_paragraph_cut_by_page_break_is_one_block(pdfs: dict[str, Path]) -> None:
    _, crossing = fx.build_crossing_pdf(pdfs["crossing"].with_name("again.pdf"))
    doc = _read(pdfs["crossing"])
    body = _body(doc)
    hits = [(kind, page) for kind, page, text in body if text == crossing]
    assert hits == [("paragraph", 1)]
    assert body[-1] == ("paragraph", 2, "四、其他事项")


def test_pdf_two_columns_read_left_then_right(pdfs: dict[str, Path]) -> None:
    doc = _read(pdfs["two"])
    body = _body(doc)
    assert [t for _, _, t in body] == [fx.TWO_COLUMN_TITLE, *fx.LEFT_COLUMN, *fx.RIGHT_COLUMN]
    assert body[0][0] == "heading"  # 16 pt over 12 pt body text


def test_pdf_table_in_place_with_cells(pdfs: dict[str, Path]) -> None:
    doc = _read(pdfs["table"])
    table = "\n".join("\t".join(r) for r in fx.TABLE_ROWS)
    assert _body(doc) == [
        ("paragraph", 1, fx.TABLE_INTRO),
        ("table", 1, table),
        ("paragraph", 1, fx.TABLE_AFTER),
    ]
    cells = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == BlockKind.TABLE_CELL]
    assert cells == [c for row in fx.TABLE_ROWS for c in row]


def test_pdf_pdfplumber_only_opened_for_table_pages(pdfs: dict[str, Path], monkeypatch) -> None:
    import pdfplumber

    def refuse(*_a, **_k):
        raise AssertionError("pdfplumber opened for a page without ruling lines")

    monkeypatch.setattr(pdfplumber, "open", refuse)
    assert _read(pdfs["text"]).text.startswith(fx.PDF_PARAGRAPHS[0])


def test_pdf_kangxi_radical_in_text_layer_becomes_the_ideograph(pdfs: dict[str, Path]) -> None:
    import pypdfium2

    page = pypdfium2.PdfDocument(str(pdfs["kangxi"]))[0]
    assert "\u2f29" in page.get_textpage().get_text_range()  # the fixture really has ⼩ in it
    doc = _read(pdfs["kangxi"])
    assert doc.text == fx.KANGXI_EXPECTED


def test_pdf_rotated_page_reads_as_displayed(tmp_path: Path) -> None:
    path = fx.build_rotated_pdf(tmp_path / "rotated.pdf")
    doc = _read(path)
    assert [t for _, _, t in _body(doc)] == fx.ROTATED_LINES


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_pdf_made_by_libreoffice_reads_back_exactly(tmp_path: Path) -> None:
    """A real producer: justified text, indents, a running header and PAGE-field footers."""
    docx = fx.build_long_docx(tmp_path / "long.docx")
    pdf = fx.convert_with_soffice(docx, "pdf", tmp_path, tmp_path / "profile")
    doc = _read(pdf)
    assert [t for _, _, t in _body(doc)] == fx.long_docx_expected()
    pages = max(b.page for b in doc.blocks if b.page)
    assert pages >= 3
    furniture = [(b.page, str(b.kind), b.content) for b in doc.blocks if b.start is None]
    expected = [(n, "header", fx.HEADER_TEXT) for n in range(1, pages + 1)]
    expected += [(n, "footer", str(n)) for n in range(1, pages + 1)]
    assert sorted(furniture) == sorted(expected)


def test_pdf_attachment_labels_at_page_tops_are_not_running_headers(tmp_path: Path) -> None:
    # regression: "附件1/附件2/附件3" starting three pages (and the same last line on each)
    # were taken for a running header/footer and dropped from the text
    doc = _read(fx.build_attachments_pdf(tmp_path / "attachments.pdf"))
    expected = [t for label, title in fx.ATTACHMENT_PAGES for t in (label, title, "（内容略）")]
    assert [t for _, _, t in _body(doc)] == expected
    assert not [b for b in doc.blocks if b.start is None]


def test_pdf_fake_bold_double_drawn_heading_reads_once(tmp_path: Path) -> None:
    # pdfium drops the overprinted copy itself (pdfplumber needs dedupe_chars for it); this
    # pins that the text layer we read has it once
    doc = _read(fx.build_fake_bold_pdf(tmp_path / "bold.pdf"))
    assert doc.text == f"{fx.FAKE_BOLD_HEADING}\n{fx.FAKE_BOLD_BODY}"


def test_pdf_gongwen_layout_reads_as_written(tmp_path: Path) -> None:
    """GB/T 9704 layout: banner, 文号, a 2-line centred title, indented headings, a paragraph
    cut by the page break, page numbers at alternating outer edges, signature set right."""
    import pypdfium2

    path, pages = fx.build_gongwen_pdf(tmp_path / "gongwen.pdf")
    assert pages == 2
    page2_first = pypdfium2.PdfDocument(str(path))[1].get_textpage().get_text_range().split("\r\n")[0]
    expected = fx.gongwen_expected()
    assert not any(t.startswith(page2_first) for t in expected)  # page 2 opens mid-paragraph
    doc = _read(path)
    body = _body(doc)
    assert [t for _, _, t in body] == expected
    assert [k for k, _, _ in body[:3]] == ["heading", "paragraph", "heading"]  # 36 pt, 16 pt, 22 pt
    furniture = [(b.page, b.content) for b in doc.blocks if b.start is None]
    assert furniture == [(1, "—1—"), (2, "—2—")]


def test_pdf_dispatcher_reads_pdf(pdfs: dict[str, Path]) -> None:
    doc = load(pdfs["table"])
    assert doc.source.format == "pdf"
    assert doc.text.splitlines()[0] == fx.TABLE_INTRO


# ----- bad input ----------------------------------------------------------------------------------
def test_pdf_encrypted_is_reported(pdfs: dict[str, Path]) -> None:
    with pytest.raises(EncryptedFileError, match=r"encrypted\.pdf: password-protected PDF"):
        _read(pdfs["encrypted"])


def test_pdf_owner_password_only_is_read(tmp_path: Path) -> None:
    # encrypted, but the empty user password opens it: a reader's viewer shows it, so do we
    path = fx.build_encrypted_pdf(tmp_path / "restricted.pdf", user_password="")
    assert _read(path).text == "保密文件"


def test_pdf_truncated_is_corrupt(pdfs: dict[str, Path]) -> None:
    with pytest.raises(CorruptFileError, match=r"truncated\.pdf: corrupt or truncated PDF file \(no %%EOF"):
        _read(pdfs["truncated"])


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nnot really a pdf\n%%EOF\n", b"hello, not a pdf at all\n%%EOF"],
    ids=["garbage-body", "no-header"],
)
def test_pdf_garbage_is_corrupt(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(CorruptFileError, match=r"bad\.pdf: corrupt or truncated PDF"):
        _read(path)


def test_pdf_too_many_pages_is_refused(pdfs: dict[str, Path]) -> None:
    with pytest.raises(ResourceLimitError, match=r"text\.pdf: [0-9]+ pages, over the 1-page limit"):
        _read(pdfs["text"], max_pages=1)


# ----- geometry rules ---------------------------------------------------------------------------------
def _ln(x0: float, x1: float, top: float, size: float = 12.0) -> Line:
    return Line("字" * max(1, int((x1 - x0) // size)), x0, x1, top, top + size, size)


def _column(x0: float, x1: float, n: int = 10) -> list[Line]:
    return [_ln(x0, x1, 100 + 20 * i) for i in range(n)]


def test_pdf_layout_gutter_found_between_two_columns() -> None:
    lines = _column(72, 280) + _column(310, 523)
    gutter = find_gutter(lines)
    assert gutter is not None and 280 <= gutter <= 310


@pytest.mark.parametrize(
    "lines",
    [
        _column(72, 523),  # one column of full lines
        _column(72, 523) + [_ln(400, 523, 400), _ln(420, 523, 420), _ln(380, 523, 440)],  # signature block
        [_ln(72, 200, 100 + 20 * i) for i in range(8)],  # short lines, nothing on the right
    ],
    ids=["single", "signature", "short-left"],
)
def test_pdf_layout_no_gutter(lines: list[Line]) -> None:
    assert find_gutter(lines) is None


@pytest.mark.parametrize(
    ("prev", "nxt", "expected"),
    [
        (_ln(72, 523, 100), _ln(72, 300, 120), True),  # full line, next flush left: continues
        (_ln(72, 523, 100), _ln(96, 523, 120), False),  # next line indented two characters
        (_ln(72, 300, 100), _ln(72, 523, 120), False),  # previous line stopped short
        (_ln(72, 523, 100), _ln(72, 523, 150), False),  # a blank line's worth of space
        (_ln(72, 523, 100), _ln(72, 523, 120, size=16), False),  # font size changes
    ],
    ids=["wrap", "indent", "short", "gap", "size"],
)
def test_pdf_layout_continues(prev: Line, nxt: Line, expected: bool) -> None:
    m = margins_of(_column(72, 523))
    assert continues(prev, nxt, m, m, same_flow=True) is expected


def _centred_line(text: str, top: float, size: float = 22.0) -> Line:
    width = len(text) * size
    x0 = (72 + 523) / 2 - width / 2
    return Line(text, x0, x0 + width, top, top + size, size)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a two-line title in 22 pt over 12 pt body text: one heading
        (
            [_centred_line("关于印发数字化转型试点", 60), _centred_line("工作方案的通知", 90)],
            ["关于印发数字化转型试点工作方案的通知"],
        ),
        # far apart: a banner and a title, not one heading
        (
            [_centred_line("某某市人民政府文件", 60), _centred_line("关于开展试点工作的通知", 160)],
            ["某某市人民政府文件", "关于开展试点工作的通知"],
        ),
        # a different size: not a wrapped title
        (
            [_centred_line("某某市人民政府文件", 60, 30.0), _centred_line("关于开展试点工作的通知", 96)],
            ["某某市人民政府文件", "关于开展试点工作的通知"],
        ),
    ],
    ids=["wrapped-title", "banner-gap", "banner-size"],
)
def test_pdf_layout_title_lines(lines: list[Line], expected: list[str]) -> None:
    page = lines + _column(72, 523, 6)
    for i, ln in enumerate(page[len(lines):]):
        ln.top, ln.bottom = 200 + 20 * i, 212 + 20 * i
    got = [p.text for p in paragraphs([(1, page)]) if p.heading]
    assert got == expected


def _chars(text: str) -> list[Char]:
    return [Char(t, 12.0 * i, 12.0 * (i + 1), 0, 12, 12) for i, t in enumerate(text)]


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("关于开展试点工作的通知", True),
        ("Notice 2024 第3号", True),
        ("关于开展试点工作的通知\ue001", True),  # one unmapped glyph in a line: still text
        ("\ue001\ue002\ue003\ue004\ue005\ue006的通知", False),  # subset font without ToUnicode
        ("\ufffd\ufffd\ufffd\ufffd", False),
        ("   ", False),
    ],
)
def test_pdf_text_layer_usable(text: str, usable: bool) -> None:
    assert text_layer_usable(_chars(text)) is usable


# ----- QA F10: no first-line indent, the previous line runs to the right margin -----------------
def _flush(text: str, top: float, x1: float = 523) -> Line:
    return Line(text, 72, x1, top, top + 12, 12.0)


# (previous line, next line, does the next line continue the previous paragraph?)
HEADING_AFTER_FULL_LINE = [
    ("每个项目最高给予一次性奖励30万元。", "三、打造对外开放平台", False),  # seed 004 as an exported PDF
    ("对企业给予每年最高不超过5万元。", "6.支持出口企业开展境外商标注册", False),
    ("由民政部门按程序办理审核确认。", "（五）加强监督管理", False),
    ("本办法由州数据资源主管部门负责解释。", "第二十条 本办法自印发之日起施行", False),
    ("请各单位按要求报送。", "附件：1.申报表", False),
    ("（二）重点企业人才、区重点新引进企业人才、创新型企业人才申请材料要求", "1.重点企业需提供", False),
    # still one paragraph: the sentence is open, or the "number" is the rest of a wrapped amount
    ("各区财政部门应当在收到资金后按照规定的程序拨付", "三、四季度的资金不再另行下达", True),
    ("对年度进出口额达到5亿元以上的企业，给予奖励共计", "1.5亿元由市级财政统筹安排。", True),
    ("对年度进出口额达到5亿元以上的企业给予奖励。", "1.5亿元由市级财政统筹安排。", True),
]


@pytest.mark.parametrize(("prev", "nxt", "expected"), HEADING_AFTER_FULL_LINE)
def test_pdf_regression_heading_after_full_line_not_glued(prev: str, nxt: str, expected: bool) -> None:
    m = margins_of(_column(72, 523))
    assert continues(_flush(prev, 100), _flush(nxt, 120, x1=300), m, m, same_flow=True) is expected


def test_pdf_regression_heading_after_full_line_starts_a_paragraph() -> None:
    lines = [
        _flush("对新获批的国家级基地给予一次性奖励", 100),
        _flush("30万元。", 120, x1=523),
        _flush("三、打造对外开放平台", 140, x1=200),
        _flush("11.积极申建综合保税区", 160, x1=320),
    ]
    got = [p.text for p in paragraphs([(1, lines)])]
    assert got == ["对新获批的国家级基地给予一次性奖励30万元。", "三、打造对外开放平台", "11.积极申建综合保税区"]
