"""Ingestion speed: pypdfium2 vs pdfplumber on the same Chinese PDF, docx, OCR.

The PDF reader uses pypdfium2 for every page and pdfplumber only for pages
with ruling lines (tables); this benchmark is the measurement behind that
choice. All inputs are generated here (reportlab, python-docx, PIL), so the
numbers are comparable between machines and runs.
"""

from __future__ import annotations

import importlib.util
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _fixtures() -> ModuleType:
    path = ROOT / "tests" / "ingest" / "fixtures.py"
    spec = importlib.util.spec_from_file_location("ingest_fixtures", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def _pdfium_text(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()


def _plumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def _plumber_chars(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            _ = page.chars


def run(quick: bool = False) -> list[dict]:
    from pipeline.config import Limits
    from pipeline.ingest.docx import read_docx
    from pipeline.ingest.ocr import engine
    from pipeline.ingest.pdf import read_pdf
    from pipeline.model import Source

    fx = _fixtures()
    rows: list[dict] = []
    limits = Limits()
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        d = Path(tmp)
        # ~0.38 pages per repeat of the 8 paragraphs: 132 repeats ≈ 50 pages
        pdf = fx.build_text_pdf(d / "long.pdf", repeat=20 if quick else 132)
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(str(pdf)))
        repeat = 1 if quick else 3
        t_pdfium = _timed(lambda: _pdfium_text(pdf), repeat)
        # every reader gets the same number of repeats, so no ratio gains from best-of-3 against one run
        t_plumber = _timed(lambda: _plumber_text(pdf), repeat)
        t_chars = _timed(lambda: _plumber_chars(pdf), repeat)
        src = Source(str(pdf), "pdf", "0")
        t_reader = _timed(lambda: read_pdf(pdf, src, limits), repeat)
        base = pages / t_plumber
        for name, seconds in (
            ("pdfplumber extract_text (baseline)", t_plumber),
            ("pdfplumber page.chars", t_chars),
            ("pypdfium2 get_text_range", t_pdfium),
            ("read_pdf (pdfium glyphs + layout + builder)", t_reader),
        ):
            rows.append(
                {"name": name, "metric": f"pages/s ({pages} pages)", "value": pages / seconds,
                 "baseline": base, "ratio": (pages / seconds) / base}
            )

        n_par = 300 if quick else 2000
        docx = fx.build_docx_paragraphs(d / "long.docx", n_par)
        dsrc = Source(str(docx), "docx", "0")
        t_docx = _timed(lambda: read_docx(docx, dsrc, limits), repeat)
        rows.append({"name": "read_docx", "metric": f"paragraphs/s ({n_par})", "value": n_par / t_docx})

        # a full page of body text (about 25 lines of 28 characters), as a 公文 page holds 22×28
        text = "".join(fx.PDF_PARAGRAPHS) * 2
        page_lines = [text[i : i + 28] for i in range(0, len(text), 28)][: (3 if quick else 25)]
        png = fx.render_text_png(d / "scan.png", page_lines)
        scan = fx.build_scanned_pdf(d / "scan.pdf", png)
        t_load = _timed(lambda: engine(), 1)
        ssrc = Source(str(scan), "pdf", "0")
        n_ocr = 1 if quick else 2  # best of 2: OCR is the slow part of the whole suite
        t_ocr = _timed(lambda: read_pdf(scan, ssrc, limits), n_ocr)
        rows.append({"name": "OCR engine load (once per process)", "metric": "seconds", "value": t_load})
        name = f"read_pdf scanned A4 page ({len(page_lines)} lines)"
        rows.append({"name": name, "metric": "seconds/page", "value": t_ocr})
    return rows


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
