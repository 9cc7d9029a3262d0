"""Render plan sources (``src/*.md``) as .docx and .pdf, deterministically; shared by the
``build.py`` of plans_dev3 and plans_dev4. The older sets (plans, plans_holdout,
plans_holdout2) share ``parse`` and ``normalise_zip`` from here; plans and plans_holdout keep
their own renderers, whose output their committed files were built with, and plans_holdout2/3
use ``build_holdout_docx``/``build_holdout_pdf``.

Why generated: reviewers receive Word files whose chapters carry real Heading
styles, Word files whose "headings" are ordinary paragraphs with typed numbers
and bold runs, and PDFs rendered from a CJK font; the checker must read all
three. Output is deterministic (fixed zip timestamps/order and document
properties, reportlab ``invariant``) and the generated files are committed, so
nothing depends on running a build.

Source markup, one paragraph per line:
    ``# text`` title   ``## text`` chapter   ``### text`` sub-heading
    ``| a | b | c |`` a table row (consecutive rows form one table)
    ``* text`` a list item (consecutive items form one list; plans_holdout3's web-page notice)
Everything else is a body paragraph.

Renderers:
    docx         chapters/sub-headings get Word ``Heading 1``/``Heading 2`` styles
    docx_manual  every paragraph is ``Normal``; headings are only bold runs with
                 their typed numbering (第一章, 一、, 1.) — no outline level
    pdf          reportlab with wqy-zenhei, headings in a larger size
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FIXED_TIME = dt.datetime(2025, 5, 20, 9, 0, 0)

Item = tuple[str, object]  # (kind, text), ("table", [[cell, ...], ...]) or ("list", [text, ...])


def parse(src: str) -> list[Item]:
    """Source lines -> [(kind, payload)] with kind in title/h1/h2/p, or table (rows) / list (items)."""
    out: list[Item] = []
    for line in (ln.strip() for ln in src.splitlines()):
        if not line:
            continue
        if line.startswith("|") and line.endswith("|"):
            row = [c.strip() for c in line.strip("|").split("|")]
            if out and out[-1][0] == "table":
                out[-1][1].append(row)  # type: ignore[union-attr]
            else:
                out.append(("table", [row]))
            continue
        if line.startswith("* "):
            if out and out[-1][0] == "list":
                out[-1][1].append(line[2:])  # type: ignore[union-attr]
            else:
                out.append(("list", [line[2:]]))
            continue
        for mark, kind in (("### ", "h2"), ("## ", "h1"), ("# ", "title")):
            if line.startswith(mark):
                out.append((kind, line[len(mark) :]))
                break
        else:
            out.append(("p", line))
    return out


def normalise_zip(data: bytes, fixed_time: dt.datetime = FIXED_TIME, *, sort_members: bool = True) -> bytes:
    """Rewrite a zip with fixed timestamps (and member order) so builds are byte-identical.

    ``sort_members=False`` keeps python-docx's own member order, which the first plan set
    (``corpora/plans/build.py``) was built with; its committed files stay reproducible.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    members = src.infolist()
    if sort_members:
        members = sorted(members, key=lambda i: i.filename)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in members:
            zi = zipfile.ZipInfo(info.filename, date_time=fixed_time.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def build_docx(items: list[Item], out: Path, *, styled: bool, author: str) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    props = d.core_properties
    props.created = props.modified = FIXED_TIME
    props.author = props.last_modified_by = author
    for kind, payload in items:
        if kind == "table":
            rows = payload  # type: ignore[assignment]
            table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
            continue
        text = str(payload)
        if kind == "title":
            if styled:
                d.add_paragraph(text, style="Title")
            else:
                para = d.add_paragraph()
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                para.add_run(text).bold = True
        elif kind in ("h1", "h2") and styled:
            d.add_heading(text, level=1 if kind == "h1" else 2)
        elif kind in ("h1", "h2"):
            d.add_paragraph().add_run(text).bold = True
        else:
            d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue()))


def build_pdf(items: list[Item], out: Path, *, author: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    body = ParagraphStyle("body", fontName="WQY", fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=14, firstLineIndent=0)
    head = ParagraphStyle("head", parent=body, fontSize=13, leading=22, firstLineIndent=0, spaceBefore=6)
    sub = ParagraphStyle("sub", parent=body, fontSize=11.5, leading=20, firstLineIndent=0, spaceBefore=3)
    title = ParagraphStyle("title", parent=body, fontSize=17, leading=28, alignment=1, firstLineIndent=0)
    styles = {"title": title, "h1": head, "h2": sub, "p": body}
    flow = []
    for kind, payload in items:
        if kind == "table":
            data = [[Paragraph(c, cell) for c in row] for row in payload]  # type: ignore[union-attr]
            t = Table(data, repeatRows=1)
            t.setStyle(
                TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
            )
            flow.append(t)
        else:
            flow.append(Paragraph(str(payload), styles[kind]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, title="", author=author).build(flow)
    out.write_bytes(buf.getvalue())


def build_holdout_docx(
    items: list[Item], out: Path, *, styled: bool, author: str, fixed_time: dt.datetime
) -> None:
    """The .docx renderer the blind sets plans_holdout2 and plans_holdout3 were built with: unlike
    ``build_docx``, its manual variant sets every run's bold explicitly (headings and title bold, body not)."""
    import docx

    d = docx.Document()
    props = d.core_properties
    props.created = props.modified = fixed_time
    props.author = props.last_modified_by = author
    for kind, content in items:
        if kind == "table":
            rows = content  # type: ignore[assignment]
            table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif kind == "list":
            for text in content:  # type: ignore[union-attr]
                d.add_paragraph(str(text))
        elif not styled:
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
    out.write_bytes(normalise_zip(buf.getvalue(), fixed_time))


def build_holdout_pdf(items: list[Item], out: Path, *, author: str) -> None:
    """The PDF renderer of plans_holdout2/3: one heading size, centred tables, text escaped for reportlab."""
    import html

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
            rows = [[Paragraph(html.escape(c), cell) for c in row] for row in content]  # type: ignore[union-attr]
            table = Table(rows, repeatRows=1, hAlign="CENTER")
            table.setStyle(
                TableStyle(
                    [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
                )
            )
            flow += [table, Spacer(1, 6)]
        elif kind == "list":
            flow += [Paragraph(html.escape(str(t)), body) for t in content]  # type: ignore[union-attr]
        else:
            flow.append(Paragraph(html.escape(str(content)), styles[kind]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, title="", author=author).build(flow)
    out.write_bytes(buf.getvalue())


def build_all(here: Path, targets: dict[str, tuple[str, str]], author: str) -> None:
    """Build ``here/plans/<name>`` from ``here/src/<source>`` with each target's renderer."""
    for name, (src, how) in targets.items():
        path = here / "src" / src
        if not path.exists():
            print(f"skip {name} (no source yet)")
            continue
        items = parse(path.read_text(encoding="utf-8"))
        if how == "pdf":
            build_pdf(items, here / "plans" / name, author=author)
        else:
            build_docx(items, here / "plans" / name, styled=how == "docx", author=author)
        print(f"built {name}")
