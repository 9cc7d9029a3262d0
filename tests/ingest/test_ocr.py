"""OCR of images and scanned PDF pages (rapidocr, models bundled in the wheel)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.config import Limits
from pipeline.errors import CorruptFileError, OcrUnavailableError, ResourceLimitError
from pipeline.ingest import load, ocr
from pipeline.ingest.ocr import model_dir, read_image
from pipeline.ingest.pdf import read_pdf
from pipeline.model import BlockKind, Source
from tests.ingest import fixtures as fx

# Clean, 40-px rendered text: PP-OCRv4 reads it almost perfectly; 0.95 leaves room for one
# confusable character per line without letting a garbled page through.
MIN_CHAR_ACCURACY = 0.95


def char_accuracy(expected: str, got: str) -> float:
    """1 - Levenshtein distance / len(expected)."""
    prev = list(range(len(got) + 1))
    for i, a in enumerate(expected, 1):
        cur = [i]
        for j, b in enumerate(got, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return 1 - prev[-1] / max(1, len(expected))


@pytest.mark.parametrize(
    ("expected", "got", "accuracy"),
    [("关于通知", "关于通知", 1.0), ("关于通知", "关干通知", 0.75), ("关于通知", "", 0.0), ("关于", "关于通知", 0.0)],
)
def test_ocr_char_accuracy_helper(expected: str, got: str, accuracy: float) -> None:
    assert char_accuracy(expected, got) == pytest.approx(accuracy)


@pytest.fixture(scope="module")
def png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fx.render_text_png(tmp_path_factory.mktemp("ocr") / "scan.png")


@pytest.mark.slow
def test_ocr_image_text_accuracy_flags_and_confidence(png: Path) -> None:
    doc = load(png)  # through the dispatcher: sniffed as PNG, read by read_image
    assert doc.source.format == "png"
    expected = "\n".join(fx.OCR_LINES)
    assert char_accuracy(expected, doc.text) >= MIN_CHAR_ACCURACY, doc.text
    body = [b for b in doc.blocks if b.start is not None]
    assert len(body) == len(fx.OCR_LINES)  # three short lines: three paragraphs, not one
    assert all(b.ocr and b.confidence is not None and 0.5 < b.confidence <= 1.0 for b in body)
    assert ocr.engine() is ocr.engine()  # loaded once per process


@pytest.mark.slow
def test_ocr_only_pages_without_text_layer(png: Path, tmp_path: Path) -> None:
    pdf = fx.build_mixed_pdf(tmp_path / "mixed.pdf", png)
    doc = read_pdf(pdf, Source(str(pdf), "pdf", "0"), Limits())
    body = [b for b in doc.blocks if b.start is not None]
    page1 = [b for b in body if b.page == 1]
    page2 = [b for b in body if b.page == 2]
    got_page1 = [(doc.text[b.start : b.end], b.ocr, b.confidence) for b in page1]
    assert got_page1 == [(fx.MIXED_TEXT_PAGE, False, None)]
    assert page2 and all(b.ocr and b.confidence for b in page2)
    got = "\n".join(doc.text[b.start : b.end] for b in page2)
    assert char_accuracy("\n".join(fx.OCR_LINES), got) >= MIN_CHAR_ACCURACY, got


@pytest.mark.slow
def test_ocr_scan_keeps_its_few_text_layer_characters(png: Path, tmp_path: Path) -> None:
    pdf = fx.build_labelled_scan_pdf(tmp_path / "form.pdf", png)
    doc = read_pdf(pdf, Source(str(pdf), "pdf", "0"), Limits())
    body = [b for b in doc.blocks if b.start is not None]
    assert (doc.text[body[0].start : body[0].end], body[0].ocr) == (fx.SCAN_LABEL, False)
    assert all(b.ocr for b in body[1:])
    got = "\n".join(doc.text[b.start : b.end] for b in body[1:])
    assert char_accuracy("\n".join(fx.OCR_LINES), got) >= MIN_CHAR_ACCURACY, got


@pytest.mark.slow
def test_ocr_multipage_tiff_one_page_per_frame(tmp_path: Path) -> None:
    path = fx.build_multipage_tiff(tmp_path / "fax.tif", tmp_path)
    doc = read_image(path, Source(str(path), "tif", "0"), Limits())
    body = [(b.page, doc.text[b.start : b.end]) for b in doc.blocks if b.start is not None]
    assert [page for page, _ in body] == [1, 2]
    for (_, got), lines in zip(body, fx.TIFF_PAGES):
        assert char_accuracy(lines[0], got) >= MIN_CHAR_ACCURACY, got


@pytest.mark.slow
def test_ocr_engine_never_touches_the_network(png: Path) -> None:
    """Load the engine and OCR a page in a process where opening any socket fails."""
    script = textwrap.dedent(
        f"""
        import socket
        def refuse(*a, **k):
            raise RuntimeError("network access attempted")
        socket.socket = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from PIL import Image
        from pipeline.ingest.ocr import ocr_lines
        lines = ocr_lines(Image.open({str(png)!r}), 1.0)
        print(lines[0].text)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == fx.OCR_LINES[0]


def test_ocr_models_ship_inside_the_package() -> None:
    import rapidocr_onnxruntime

    pkg = Path(rapidocr_onnxruntime.__file__).resolve().parent
    assert model_dir() == pkg / "models"
    for name in ocr.MODEL_FILES:
        assert (model_dir() / name).stat().st_size > 100_000  # real weights, not an LFS pointer
    # the engine's config names exactly these files, relative to the package directory
    import yaml

    config = yaml.safe_load((pkg / "config.yaml").read_text(encoding="utf-8"))
    paths = {config[part]["model_path"] for part in ("Det", "Cls", "Rec")}
    assert paths == {f"models/{name}" for name in ocr.MODEL_FILES}


def test_ocr_unavailable_when_rapidocr_missing(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "_ENGINE", None)
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import now fails
    with pytest.raises(OcrUnavailableError, match=r"scan\.png: page needs OCR but rapidocr-onnxruntime"):
        ocr.engine("scan.png")


def test_ocr_image_over_pixel_budget_is_refused(png: Path) -> None:
    message = r"scan\.png: image is [0-9]+x[0-9]+ pixels, over the 1000-pixel"
    with pytest.raises(ResourceLimitError, match=message):
        read_image(png, Source(str(png), "png", "0"), Limits(max_page_pixels=1000))


def test_ocr_scanned_page_over_pixel_budget_is_skipped_not_rendered(png: Path, tmp_path: Path) -> None:
    pdf = fx.build_scanned_pdf(tmp_path / "scan.pdf", png)
    with pytest.raises(ResourceLimitError, match=r"page 1: not OCR'd, rendering at 200 dpi needs"):
        read_pdf(pdf, Source(str(pdf), "pdf", "0"), Limits(max_page_pixels=1000))


def test_ocr_mixed_pdf_keeps_text_pages_when_a_scan_is_too_big(png: Path, tmp_path: Path) -> None:
    pdf = fx.build_mixed_pdf(tmp_path / "mixed.pdf", png)
    doc = read_pdf(pdf, Source(str(pdf), "pdf", "0"), Limits(max_page_pixels=1000))
    assert doc.text == fx.MIXED_TEXT_PAGE
    assert any("page 2: not OCR'd" in w for w in doc.warnings)
    assert not any(b.kind == BlockKind.PARAGRAPH and b.ocr for b in doc.blocks)


def test_ocr_corrupt_image(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    with pytest.raises(CorruptFileError, match=r"broken\.png: corrupt or truncated PNG"):
        read_image(path, Source(str(path), "png", "0"), Limits())
