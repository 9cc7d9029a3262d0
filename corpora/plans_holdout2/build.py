"""Build the blind set's .docx, .pdf and GB18030 plans from their sources in ``src/``.

Why generated: the set must include the formats reviewers receive — a Word file
whose chapters carry real Heading 1/Heading 2 styles, a Word file where the
applicant typed the numbering into Normal paragraphs, a PDF rendered from a CJK
font with tables, and a plain-text file in GB18030 — and a script keeps them
reproducible. Output is deterministic (fixed zip timestamps/order and document
properties, reportlab ``invariant``); the generated files are committed so
nothing depends on running this script.

Source markup (``src/*.md``), one paragraph per line:
    ``# text`` title   ``## text`` Heading 1   ``### text`` Heading 2
    ``| a | b |`` a table row (consecutive rows form one table; the first is the header)
Everything else is a Normal paragraph. In the ``docx_manual`` renderer there are
no heading styles at all: ``#``/``##`` lines become bold Normal paragraphs, the
way many applicants format a plan by hand.

Usage: .venv/bin/python corpora/plans_holdout2/build.py
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
FIXED_TIME = dt.datetime(2025, 7, 20, 9, 0, 0)

# output file in plans/ -> (source in src/, renderer)
TARGETS: dict[str, tuple[str, str]] = {
    "m1a_linchen_docx_complete.docx": ("m1a_linchen_docx_complete.md", "docx_styles"),
    "m1b_baichuan_gb18030_synonyms_qualitative.txt": ("m1b_baichuan_gb18030_synonyms_qualitative.txt", "gb18030"),
    "m2b_shixiu_pdf_tables.pdf": ("m2b_shixiu_pdf_tables.md", "pdf"),
    "m2c_qingyu_docx_manual_merged.docx": ("m2c_qingyu_docx_manual_merged.md", "docx_manual"),
}

Item = tuple[str, object]  # (kind, text) or ("table", [[cell, ...], ...])






def build_docx(items: list[Item], out: Path, *, styles: bool) -> None:
    import docx

    d = docx.Document()
    props = d.core_properties
    props.created = props.modified = FIXED_TIME
    props.author = props.last_modified_by = "policylens-holdout2"
    for kind, content in items:
        if kind == "table":
            rows = content  # type: ignore[assignment]
            table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif not styles:
            para = d.add_paragraph()
            run = para.add_run(str(content))
            run.bold = kind != "p"
            if kind == "title":
                para.alignment = 1
        elif kind == "title":
            d.add_paragraph(str(content), style="Title")
        elif kind == "h1":
            d.add_heading(str(content), level=1)
        elif kind == "h2":
            d.add_heading(str(content), level=2)
        else:
            d.add_paragraph(str(content))
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue(), FIXED_TIME))


def build_pdf(items: list[Item], out: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    body = ParagraphStyle("body", fontName="WQY", fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22)
    head = ParagraphStyle("head", parent=body, fontSize=13, leading=22, firstLineIndent=0, spaceBefore=6)
    title = ParagraphStyle("title", parent=body, fontSize=17, leading=28, alignment=1, firstLineIndent=0)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=14, firstLineIndent=0)
    styles = {"title": title, "h1": head, "h2": head, "p": body}
    flow: list[object] = []
    for kind, content in items:
        if kind == "table":
            rows = [[Paragraph(c, cell) for c in row] for row in content]  # type: ignore[union-attr]
            table = Table(rows, repeatRows=1, hAlign="CENTER")
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            flow += [table, Spacer(1, 6)]
        else:
            flow.append(Paragraph(str(content), styles[kind]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, title="", author="policylens-holdout2").build(flow)
    out.write_bytes(buf.getvalue())


def main() -> None:
    for name, (src, how) in TARGETS.items():
        text = (SRC / src).read_text(encoding="utf-8")
        if how == "gb18030":
            (OUT / name).write_bytes(text.encode("gb18030"))
        elif how == "pdf":
            build_pdf(parse(text), OUT / name)
        else:
            build_docx(parse(text), OUT / name, styles=how == "docx_styles")
        print(f"built {name}")


if __name__ == "__main__":
    main()
