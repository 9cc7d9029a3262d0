"""Build the .docx and .pdf gold plans from their sources in ``src/``.

Why generated: the checker must be tested on the formats reviewers actually
receive (Word files with real heading styles, Word files where someone typed
"一、" into Normal paragraphs, PDFs), and a script keeps them reproducible.
The output is deterministic (fixed zip timestamps and document properties,
reportlab ``invariant``), and the generated files are committed so tests do
not depend on this script running.

Source markup (``src/*.md``), one paragraph per line:
    ``# text``   title        ``## text`` Heading 1     ``### text`` Heading 2
    ``[TABLE caption]`` then ``a|b`` rows until the next line without ``|``
Everything else is a Normal paragraph.

Usage: .venv/bin/python corpora/plans/build.py
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from plan_documents import normalise_zip  # corpora/ is not a package: found through sys.path

SRC = HERE / "src"
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FIXED_TIME = dt.datetime(2019, 8, 20, 9, 0, 0)

# plan file -> (source, how to render it)
TARGETS: dict[str, tuple[str, str]] = {
    "p12_liuting_docx_styles.docx": ("p12_liuting_docx_styles.md", "docx_styles"),
    "p13_tangze_docx_manual.docx": ("p13_tangze_docx_manual.md", "docx_manual"),
    "p14_kaiyang_pdf.pdf": ("p14_kaiyang_pdf.md", "pdf"),
    "p22_chengxi_docx_tables.docx": ("p22_chengxi_docx_tables.md", "docx_styles"),
}


def parse(src: str) -> list[tuple[str, object]]:
    """Lines -> [(kind, payload)] with kind in title/h1/h2/p/table."""
    out: list[tuple[str, object]] = []
    lines = [ln.rstrip() for ln in src.splitlines() if ln.strip()]
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("[TABLE"):
            rows = []
            i += 1
            while i < len(lines) and "|" in lines[i]:
                rows.append(lines[i].split("|"))
                i += 1
            out.append(("table", (ln[len("[TABLE") : -1].strip(), rows)))
            continue
        for mark, kind in (("### ", "h2"), ("## ", "h1"), ("# ", "title")):
            if ln.startswith(mark):
                out.append((kind, ln[len(mark) :]))
                break
        else:
            out.append(("p", ln))
        i += 1
    return out




def build_docx(items: list[tuple[str, object]], out: Path, *, styles: bool) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.core_properties.created = FIXED_TIME
    d.core_properties.modified = FIXED_TIME
    d.core_properties.last_modified_by = "policylens"
    d.core_properties.author = "policylens"
    d.styles["Normal"].font.size = Pt(12)
    for kind, payload in items:
        if kind == "table":
            caption, rows = payload  # type: ignore[misc]
            d.add_paragraph(caption)
            table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif not styles or kind == "p":
            # manual numbering: the author typed "一、" into a Normal paragraph
            d.add_paragraph(str(payload))
        elif kind == "title":
            d.add_paragraph(str(payload), style="Title")
        else:
            d.add_heading(str(payload), level=1 if kind == "h1" else 2)
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue(), FIXED_TIME, sort_members=False))


def build_pdf(items: list[tuple[str, object]], out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    body = ParagraphStyle("body", fontName="WQY", fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22)
    h1 = ParagraphStyle("h1", parent=body, fontSize=13, leading=22, firstLineIndent=0, spaceBefore=6)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=28, alignment=1, firstLineIndent=0)
    flow = []
    for kind, payload in items:
        style = {"title": title, "h1": h1, "h2": h1}.get(kind, body)
        flow.append(Paragraph(str(payload), style))
        if kind == "title":
            flow.append(Spacer(1, 12))
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        invariant=1,
        title="",
        author="policylens",
        creator="policylens",
        producer="policylens",
    )
    doc.build(flow)


def main() -> None:
    for name, (src_name, how) in TARGETS.items():
        items = parse((SRC / src_name).read_text(encoding="utf-8"))
        out = HERE / name
        if how == "pdf":
            build_pdf(items, out)
        else:
            build_docx(items, out, styles=(how == "docx_styles"))
        print(f"wrote {out.relative_to(HERE)} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
