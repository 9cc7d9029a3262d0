"""OCR for scanned PDF pages and images, with rapidocr-onnxruntime.

rapidocr ships its PP-OCRv4 detection/recognition and direction-classifier
ONNX models inside the wheel (``rapidocr_onnxruntime/models``) and has no
download code path: :func:`engine` checks the models are there and fails
with :class:`OcrUnavailableError` otherwise, so nothing is ever fetched at
run time. Loading the three models takes about a second, so the engine is
created once per process and shared.

OCR returns text lines with boxes; they go through the same geometry as a
PDF text layer (``pdf_layout``) to become paragraphs. A block's confidence
is the mean score of its lines.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from pipeline.config import Limits
from pipeline.errors import CorruptFileError, OcrUnavailableError, ResourceLimitError
from pipeline.ingest.pdf_layout import Line, drop_cjk_spaces
from pipeline.model import Document, Source

_ENGINE: Any = None
_LOCK = threading.Lock()
MODEL_FILES = (
    "ch_PP-OCRv4_det_infer.onnx",
    "ch_PP-OCRv4_rec_infer.onnx",
    "ch_ppocr_mobile_v2.0_cls_infer.onnx",
)


def model_dir() -> Path:
    import rapidocr_onnxruntime

    return Path(rapidocr_onnxruntime.__file__).resolve().parent / "models"


def engine(name: str = "-") -> Any:
    """The shared RapidOCR engine, loaded from the models bundled in the wheel."""
    global _ENGINE
    if _ENGINE is not None:
        return _ENGINE
    with _LOCK:
        if _ENGINE is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as exc:
                raise OcrUnavailableError(name, f"rapidocr-onnxruntime cannot be imported ({exc})") from None
            missing = [f for f in MODEL_FILES if not (model_dir() / f).is_file()]
            if missing:
                raise OcrUnavailableError(name, f"OCR model files are missing from {model_dir()}: {missing}")
            _ENGINE = RapidOCR()
    return _ENGINE


def ocr_lines(image: Any, scale: float, name: str = "-") -> list[Line]:
    """OCR a PIL image; line boxes are divided by ``scale`` (pixels per point) into points."""
    import numpy as np

    result, _ = engine(name)(np.asarray(image.convert("RGB")))
    lines: list[Line] = []
    for box, text, score in result or []:
        text = drop_cjk_spaces(str(text).strip())
        if not text:
            continue
        xs = [p[0] / scale for p in box]
        ys = [p[1] / scale for p in box]
        top, bottom = min(ys), max(ys)
        # a detected box is taller than the glyphs; its height stands in for the font size
        lines.append(Line(text, min(xs), max(xs), top, bottom, (bottom - top) * 0.8, score=float(score)))
    return lines


def _too_big(width_px: float, height_px: float, limits: Limits) -> bool:
    return width_px * height_px > limits.max_page_pixels


def ocr_pdf_page(page: Any, page_no: int, limits: Limits, name: str, warnings: list[str]) -> list[Line]:
    """Render one pdfium page at ``limits.ocr_dpi`` and OCR it; skip (with a warning) pages over
    the pixel budget — a 200×200-inch page at 200 dpi would be 6 GB of bitmap."""
    scale = limits.ocr_dpi / 72.0
    width, height = page.get_size()
    if _too_big(width * scale, height * scale, limits):
        warnings.append(
            f"page {page_no}: not OCR'd, rendering at {limits.ocr_dpi} dpi needs "
            f"{int(width * scale) * int(height * scale)} pixels, over the {limits.max_page_pixels} limit"
        )
        return []
    from pypdfium2 import raw

    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        w_px, h_px = obj.get_px_size()
        if _too_big(w_px, h_px, limits):
            warnings.append(
                f"page {page_no}: not OCR'd, an embedded image of {w_px}x{h_px} pixels is over the "
                f"{limits.max_page_pixels} limit"
            )
            return []
    bitmap = page.render(scale=scale)
    image = bitmap.to_pil()
    try:
        left, top, cropped = crop_to_ink(image)
        lines = ocr_lines(cropped, scale, name)
    finally:
        bitmap.close()
    for ln in lines:  # back to page coordinates
        ln.x0 += left / scale
        ln.x1 += left / scale
        ln.top += top / scale
        ln.bottom += top / scale
    return lines


# Darker than this (0-255 grey) counts as ink when cropping the white margins of a scan.
INK_LEVEL = 200
CROP_PAD = 24  # pixels kept around the ink, so the detector sees whole glyph boxes


def crop_to_ink(image: Any) -> tuple[int, int, Any]:
    """Cut the blank margins off a rendered page: detection time grows with the pixel count
    and an A4 page at 200 dpi is a third margin. Returns (left, top, cropped)."""
    grey = image.convert("L")
    box = grey.point(lambda v: 255 if v < INK_LEVEL else 0).getbbox()
    if box is None:
        return 0, 0, image
    left = max(0, box[0] - CROP_PAD)
    top = max(0, box[1] - CROP_PAD)
    right = min(image.width, box[2] + CROP_PAD)
    bottom = min(image.height, box[3] + CROP_PAD)
    return left, top, image.crop((left, top, right, bottom))


def read_image(path: Path, source: Source, limits: Limits) -> Document:
    """OCR a .png/.jpg/.tif scan into a Document (every block ``ocr=True``).

    A multi-page TIFF (how fax servers and many scanners store a dossier) gives one page
    per frame; page numbers and running headers are found by position as in a PDF.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    from pipeline.ingest.pdf import build_pages

    name = source.display_name
    fmt = (source.format or Path(path).suffix.lstrip(".")).upper()
    pages: list[tuple[int, float, list[Line]]] = []
    try:
        with Image.open(path) as img:
            frames = getattr(img, "n_frames", 1)
            if frames > limits.max_pages:
                raise ResourceLimitError(name, f"{frames} pages, over the {limits.max_pages}-page limit")
            for index in range(frames):
                img.seek(index)
                width, height = img.size
                if _too_big(width, height, limits):
                    raise ResourceLimitError(
                        name,
                        f"image is {width}x{height} pixels, over the {limits.max_page_pixels}-pixel limit",
                    )
                img.load()
                frame = (ImageOps.exif_transpose(img) if index == 0 else img).convert("RGB")
                # pixel coordinates: the layout rules work in units of the text size, not points
                pages.append((index + 1, float(height), ocr_lines(frame, 1.0, name)))
    except Image.DecompressionBombError as exc:
        raise ResourceLimitError(name, f"image refused by the decompression-bomb check ({exc})") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptFileError(name, f"cannot decode: {exc}", fmt=fmt) from None
    doc = build_pages(source, pages, [])
    if not doc.text:
        doc.warnings.append(f"{name}: OCR found no text in the image")
    return doc


__all__ = ["engine", "model_dir", "ocr_lines", "ocr_pdf_page", "read_image"]
