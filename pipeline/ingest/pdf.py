"""PDF: the text layer with pypdfium2, tables with pdfplumber, scans with OCR.

Why two libraries: pdfium (C++) walks a page's glyphs an order of magnitude
faster than pdfminer under pdfplumber (``make bench`` measures it on a
generated 50-page Chinese document, see benchmarks/README.md), but
pdfplumber's ruling-line table finder is what turns a bordered 申报表 into
rows and cells. So pdfium reads every page, and pdfplumber is opened only
for the pages that draw enough lines and rectangles to hold a table.

Glyph positions, not pdfium's own text with its ``\\r\\n`` per line, decide
lines, columns and paragraphs (``pdf_layout``): a paragraph of a 公文 wraps
every ~28 characters and often crosses a page. Page numbers (``— 3 —``) and
running headers are recognised by their place in the top or bottom band of
the page and handed to the builder as furniture. Pages with no text layer
go to OCR (``ocr.py``).
"""

from __future__ import annotations

import ctypes
import dataclasses
from collections import defaultdict
from pathlib import Path
from typing import Any

from pipeline.config import Limits
from pipeline.errors import CorruptFileError, EncryptedFileError, ResourceLimitError
from pipeline.ingest.builder import DocumentBuilder, join_rules
from pipeline.ingest.pdf_layout import (
    Char,
    Line,
    chars_to_lines,
    drop_cjk_spaces,
    glue,
    paragraphs,
    reading_order,
)
from pipeline.model import BlockKind, Document, Source

# A page with fewer real characters than this and an image on it is a scan (a scanner may
# stamp a page number or a Bates number into the text layer).
MIN_TEXT_CHARS = 10
# Ruling lines/rectangles on a page before pdfplumber is asked to look for a table
# (the red rule under a 红头 banner and an underline are one or two paths).
MIN_TABLE_PATHS = 6
# Bands of the page height where page numbers and running headers live. 公文 (GB/T 9704)
# put the page number 7 mm below the type area, ~28 mm above the bottom edge of A4.
TOP_BAND = 0.10
BOTTOM_BAND = 0.88


def _open(path: Path, name: str) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (4, 6):  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY
            raise EncryptedFileError(name, fmt="PDF") from None
        raise CorruptFileError(name, str(exc).strip().rstrip("."), fmt="PDF") from None


def _check_tail(path: Path, name: str) -> None:
    """A PDF ends with ``%%EOF``; a download cut short does not, and pdfium would quietly
    rebuild what it can and lose the missing pages."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise CorruptFileError(name, "no %PDF- header", fmt="PDF")
    if b"%%EOF" not in tail:
        raise CorruptFileError(name, "no %%EOF marker at the end: the file was cut short", fmt="PDF")


# ----- glyphs of one page ------------------------------------------------------------------
def page_chars(page: Any, textpage: Any) -> list[Char]:
    """Every glyph with its loose box (font ascent..descent), top-down coordinates in points."""
    from pypdfium2 import raw

    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    left, bottom, right, top = page.get_cropbox()
    width, height = right - left, top - bottom
    rotation = page.get_rotation() % 360
    rect = raw.FS_RECTF()
    # one call for the whole text instead of one per glyph (ctypes calls dominate the reader's
    # time); its indices match the glyphs unless a character lies outside the BMP
    text = textpage.get_text_range() if n else ""
    aligned = len(text) == n
    get_unicode, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
    get_box, get_size, box_ref = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize, ctypes.byref(rect)
    out: list[Char] = []
    for i in range(n):
        char = text[i] if aligned else chr(get_unicode(tp, i))
        code = ord(char)
        if code < 0x20 or code in (0xFFFE, 0xFFFF) or is_generated(tp, i) == 1:
            continue
        if not get_box(tp, i, box_ref):
            continue
        size = max(float(get_size(tp, i) or (rect.top - rect.bottom)), 1.0)
        x0, x1 = rect.left - left, rect.right - left
        y0, y1 = rect.bottom - bottom, rect.top - bottom
        if rotation == 0:
            out.append(Char(char, x0, x1, height - y1, height - y0, size))
        else:
            # /Rotate: glyph boxes are in the unrotated page; map them to the page as displayed
            # (a landscape table page is often a portrait page with /Rotate 90)
            xs, ys = _rotate((x0, x1), (y0, y1), rotation, width, height)
            out.append(Char(char, min(xs), max(xs), min(ys), max(ys), size))
    return out


def _rotate(
    xs: tuple[float, float], ys: tuple[float, float], rotation: int, width: float, height: float
) -> tuple[list[float], list[float]]:
    """Corners of a box (PDF user space, y up) in displayed, top-down coordinates."""
    dx: list[float] = []
    dy: list[float] = []
    for x in xs:
        for y in ys:
            if rotation == 90:
                dx.append(y)
                dy.append(x)
            elif rotation == 180:
                dx.append(width - x)
                dy.append(y)
            else:  # 270
                dx.append(height - y)
                dy.append(width - x)
    return dx, dy


def display_size(page: Any) -> tuple[float, float]:
    width, height = page.get_size()
    return (height, width) if page.get_rotation() % 180 == 90 else (width, height)


# Share of a page's glyphs that may be unmapped (private-use or U+FFFD) before its text layer
# is judged unreadable: subset fonts without a ToUnicode map, from some Chinese PDF
# producers, give private-use code points for every character ("乱码").
MAX_UNMAPPED_SHARE = 0.3


def text_layer_usable(chars: list[Char]) -> bool:
    glyphs = [c.text for c in chars if not c.text.isspace()]
    if not glyphs:
        return False
    unmapped = sum(1 for t in glyphs if t == "\ufffd" or 0xE000 <= ord(t[0]) <= 0xF8FF)
    return unmapped <= MAX_UNMAPPED_SHARE * len(glyphs)


def _count_objects(page: Any, kind: int) -> int:
    """Page objects of one type. The top level is counted with raw calls (a text page has
    thousands of glyph runs and the wrapper objects cost more than the count); form
    XObjects, where some producers put whole tables or scans, are walked only if present."""
    from pypdfium2 import raw

    handle = page.raw
    count = raw.FPDFPage_CountObjects(handle)
    types = [raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(handle, i)) for i in range(count)]
    if raw.FPDF_PAGEOBJ_FORM in types:
        return sum(1 for _ in page.get_objects(filter=(kind,), max_depth=3))
    return types.count(kind)


def _table_lines(plumber_page: Any) -> list[Line]:
    """Bordered tables pdfplumber finds on the page, as flow items with rows."""
    out: list[Line] = []
    # fake-bold cells (each glyph drawn twice) would read "项项目目"; pdfium drops the copies
    # for the body text, pdfplumber needs telling
    for table in plumber_page.dedupe_chars().find_tables():
        # a cell's text wraps inside the cell: glue its lines like a paragraph's
        rows = [[drop_cjk_spaces(glue((cell or "").split("\n"))) for cell in row] for row in table.extract()]
        rows = [r for r in rows if any(c.strip() for c in r)]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        out.append(Line("", x0, x1, top, bottom, 10.0, rows=rows))
    return out


def _overlaps(a: Line, b: Line) -> bool:
    """Boxes share more than half of the smaller one's area."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return False
    smaller = min((a.x1 - a.x0) * a.height, (b.x1 - b.x0) * b.height) or 1.0
    return w * h > 0.5 * smaller


def _inside(ch: Char, boxes: list[Line]) -> bool:
    cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
    return any(b.x0 - 1 <= cx <= b.x1 + 1 and b.top - 1 <= cy <= b.bottom + 1 for b in boxes)


# ----- page numbers and running headers by position ---------------------------------------
def _furniture(pages: list[tuple[int, float, list[Line]]]) -> dict[int, list[tuple[BlockKind, Line]]]:
    """Lines in the top/bottom band that are page numbers or repeat on other pages.

    Repetition is of the exact text (spaces aside) on at least half the pages: digits are
    not masked, because attachments that each start a page ("附件1", "附件2") sit where a
    running header would and must stay in the text.
    """
    rules = join_rules()
    keyed: dict[tuple[str, str], set[int]] = defaultdict(set)
    band: list[tuple[int, str, Line]] = []
    for page, height, lines in pages:
        for ln in lines:
            if ln.rows is not None or len(ln.text) > 60:
                continue
            where = ""
            if ln.bottom <= TOP_BAND * height:
                where = "top"
            elif ln.top >= BOTTOM_BAND * height:
                where = "bottom"
            if where:
                band.append((page, where, ln))
                keyed[(where, ln.text.replace(" ", ""))].add(page)
    needed = max(2, (len(pages) + 1) // 2)
    found: dict[int, list[tuple[BlockKind, Line]]] = defaultdict(list)
    for page, where, ln in band:
        text = ln.text.strip()
        number = rules.page_number.match(text) or rules.bare_page_number.match(text)
        repeated = len(keyed[(where, text.replace(" ", ""))]) >= needed
        if number or repeated:
            found[page].append((BlockKind.HEADER if where == "top" else BlockKind.FOOTER, ln))
    return found


# ----- the reader -----------------------------------------------------------------------------
def read_pdf(path: Path, source: Source, limits: Limits) -> Document:
    """Read a PDF: text-layer pages by geometry, scanned pages by OCR, tables by pdfplumber."""
    path = Path(path)
    name = source.display_name
    _check_tail(path, name)
    pdf = _open(path, name)
    plumber = None
    warnings: list[str] = []
    try:
        count = len(pdf)
        if count == 0:
            raise CorruptFileError(name, "no pages", fmt="PDF")
        if count > limits.max_pages:
            raise ResourceLimitError(
                name, f"{count} pages, over the {limits.max_pages}-page limit (raise POLICYLENS_MAX_PAGES)"
            )
        import pypdfium2 as pdfium
        from pypdfium2 import raw

        pages: list[tuple[int, float, list[Line]]] = []
        ocr_pages = 0
        for index in range(count):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
            except pdfium.PdfiumError as exc:
                raise CorruptFileError(name, f"page {index + 1}: {exc}", fmt="PDF") from None
            chars = page_chars(page, textpage)
            height = display_size(page)[1]
            real = sum(1 for c in chars if not c.text.isspace())
            if real >= MIN_TEXT_CHARS and not text_layer_usable(chars):
                # glyphs without a Unicode mapping: the page shows text the layer cannot give
                from pipeline.ingest.ocr import ocr_pdf_page

                warnings.append(f"page {index + 1}: text layer unreadable (unmapped glyphs); OCR used")
                ocr_pages += 1
                lines = ocr_pdf_page(page, index + 1, limits, name, warnings)
            elif real < MIN_TEXT_CHARS and _count_objects(page, raw.FPDF_PAGEOBJ_IMAGE):
                from pipeline.ingest.ocr import ocr_pdf_page

                ocr_pages += 1
                # a scanned form often carries a few real characters ("附件2") over the image:
                # keep them, and the OCR lines that do not repeat them
                lines = chars_to_lines(chars)
                scanned = ocr_pdf_page(page, index + 1, limits, name, warnings)
                lines += [ln for ln in scanned if not any(_overlaps(ln, t) for t in lines)]
            else:
                tables: list[Line] = []
                if _count_objects(page, raw.FPDF_PAGEOBJ_PATH) >= MIN_TABLE_PATHS:
                    import pdfplumber

                    try:
                        plumber = plumber or pdfplumber.open(str(path))
                        tables = _table_lines(plumber.pages[index])
                    except Exception as exc:  # noqa: BLE001 - pdfminer fails in many ways; text still reads
                        why = f"{type(exc).__name__}: {exc}"
                        warnings.append(f"page {index + 1}: table detection failed ({why})")
                    if tables:
                        chars = [c for c in chars if not _inside(c, tables)]
                lines = chars_to_lines(chars) + tables
            textpage.close()
            page.close()
            pages.append((index + 1, height, lines))
    finally:
        if plumber is not None:
            plumber.close()
        pdf.close()
    if ocr_pages and all(not lines for _, _, lines in pages) and warnings:
        raise ResourceLimitError(name, "; ".join(warnings))
    return build_pages(source, pages, warnings)


class _PagedBuilder(DocumentBuilder):
    """The builder, minus its text-only guess at running headers.

    The builder cannot see positions, so it calls a short line that starts (ends) three
    pages a running header once digits are masked; in a PDF that removes "附件1/附件2/附件3"
    at the top of the pages they start and a "（盖章）" line closing each form page. Here
    furniture was found by position already (``_furniture``); the builder's unambiguous
    page-number shapes still apply.
    """

    def _mark_furniture(self, rules: Any) -> None:
        try:
            rules = dataclasses.replace(rules, running_min_pages=1 << 30)
        except (TypeError, ValueError):  # the builder's rules changed shape: keep its behaviour
            pass
        super()._mark_furniture(rules)


def build_pages(
    source: Source, pages: list[tuple[int, float, list[Line]]], warnings: list[str]
) -> Document:
    """Pages of lines (text layer or OCR) → furniture, reading order, paragraphs → Document."""
    furniture = _furniture(pages)
    ordered: list[tuple[int, list[Line]]] = []
    for page, _, lines in pages:
        skip = {id(ln) for _, ln in furniture.get(page, [])}
        ordered.append((page, reading_order([ln for ln in lines if id(ln) not in skip])))
    builder = _PagedBuilder(source, rejoin=False)
    paras = paragraphs(ordered)
    by_page: dict[int, list] = defaultdict(list)
    for para in paras:
        by_page[para.page].append(para)
    for page, _, _ in pages:
        if page > 1:
            builder.page_break()
        for kind, ln in furniture.get(page, []):
            builder.add_furniture(kind, ln.text, page=page)
        for para in by_page.get(page, []):
            if para.table is not None:
                builder.add_table(para.table, page=page)
                continue
            score = para.score
            builder.add(
                BlockKind.HEADING if para.heading else BlockKind.PARAGRAPH,
                para.text,
                page=page,
                ocr=score is not None,
                confidence=round(score, 4) if score is not None else None,
            )
    doc = builder.build()
    doc.warnings.extend(warnings)
    return doc


__all__ = ["build_pages", "page_chars", "read_pdf", "text_layer_usable"]
