"""Build the held-out .docx and .pdf plans from their sources in ``src/``.

Why generated: the held-out set must include the formats reviewers receive
(a Word file whose chapters carry real Heading 1/Heading 2 styles, a PDF
rendered from a CJK font), and a script keeps them reproducible. Output is
deterministic (fixed zip timestamps/order and document properties, reportlab
``invariant``); the generated files are committed so nothing depends on
running this script.

Source markup (``src/*.md``), one paragraph per line:
    ``# text`` title   ``## text`` Heading 1   ``### text`` Heading 2
Everything else is a Normal paragraph.

Usage: .venv/bin/python corpora/plans_holdout/build.py
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from plan_documents import normalise_zip, parse  # corpora/ is not a package: found through sys.path

SRC = HERE / "src"
OUT = HERE / "plans"
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FIXED_TIME = dt.datetime(2025, 3, 15, 9, 0, 0)

# output file in plans/ -> (source in src/, renderer)
TARGETS: dict[str, tuple[str, str]] = {
    "h1b_liuxi_docx_synonyms.docx": ("h1b_liuxi_docx_synonyms.md", "docx"),
    "h2b_taoyuan_pdf.pdf": ("h2b_taoyuan_pdf.md", "pdf"),
}






def build_docx(items: list[tuple[str, str]], out: Path) -> None:
    import docx

    d = docx.Document()
    props = d.core_properties
    props.created = props.modified = FIXED_TIME
    props.author = props.last_modified_by = "policylens-holdout"
    for kind, text in items:
        if kind == "title":
            d.add_paragraph(text, style="Title")
        elif kind == "h1":
            d.add_heading(text, level=1)
        elif kind == "h2":
            d.add_heading(text, level=2)
        else:
            d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue(), FIXED_TIME))


def build_pdf(items: list[tuple[str, str]], out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    body = ParagraphStyle("body", fontName="WQY", fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22)
    head = ParagraphStyle("head", parent=body, fontSize=13, leading=22, firstLineIndent=0, spaceBefore=6)
    title = ParagraphStyle("title", parent=body, fontSize=17, leading=28, alignment=1, firstLineIndent=0)
    styles = {"title": title, "h1": head, "h2": head, "p": body}
    flow = [Paragraph(text, styles[kind]) for kind, text in items]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, title="", author="policylens-holdout").build(flow)
    out.write_bytes(buf.getvalue())


def main() -> None:
    for name, (src, how) in TARGETS.items():
        items = parse((SRC / src).read_text(encoding="utf-8"))
        (build_docx if how == "docx" else build_pdf)(items, OUT / name)
        print(f"built {name}")


if __name__ == "__main__":
    main()
