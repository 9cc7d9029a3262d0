"""Build the third blind set's generated files from their sources in ``src/``.

Why generated: reviewers receive notices as web pages and plans as Word files
(with and without real heading styles), PDFs and legacy-encoded text; a script
keeps those binary/encoded files reproducible. Output is deterministic (fixed
zip timestamps and member order, fixed document properties, reportlab
``invariant``), and the generated files are committed so nothing depends on
running this script.

Source markup (``src/*.md``), one paragraph per line:
    ``# text`` title   ``## text`` heading level 1   ``### text`` heading level 2
    ``* text`` list item (consecutive items form one list; HTML renderer only)
    ``| a | b |`` table row (consecutive rows form one table; the first is the header)
Everything else is a normal paragraph. The ``docx_manual`` renderer uses no
heading styles at all: ``#``/``##``/``###`` lines become bold Normal paragraphs,
the way many applicants format a plan by hand.

Usage: .venv/bin/python corpora/plans_holdout3/build.py
"""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FIXED_TIME = dt.datetime(2026, 5, 20, 9, 0, 0)

# output path (relative to this folder) -> (source in src/, renderer)
TARGETS: dict[str, tuple[str, str]] = {
    "notices/k3_night_culture_tourism_notice.html": ("k3_night_culture_tourism_notice.md", "html"),
    "plans/k1a_fengxi_docx_headings_complete.docx": ("k1a_fengxi_docx_headings_complete.md", "docx_styles"),
    "plans/k1b_tangli_gbk_synonyms_two_years.txt": ("k1b_tangli_gbk_synonyms_two_years.txt", "gbk"),
    "plans/k2b_xingwu_pdf_tables.pdf": ("k2b_xingwu_pdf_tables.md", "pdf"),
    "plans/k2c_weichuan_docx_manual_qualitative.docx": ("k2c_weichuan_docx_manual_qualitative.md", "docx_manual"),
}

Item = tuple[str, object]  # (kind, text), ("table", rows) or ("list", items)


def parse(src: str) -> list[Item]:
    """Source lines -> [(kind, text)] with kind in title/h1/h2/p, or ("table", rows) / ("list", items)."""
    out: list[Item] = []
    for line in (ln.strip() for ln in src.splitlines()):
        if not line:
            continue
        if line.startswith("|"):
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


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and member order so builds are byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def build_html(items: list[Item], out: Path) -> None:
    """A government web page: header/nav chrome around an article with h1/h2/h3, p, ul and attachment links."""
    esc = html.escape
    title = next((str(c) for k, c in items if k == "title"), "")
    body: list[str] = []
    for kind, content in items:
        if kind == "title":
            body.append(f'<h1 class="article-title">{esc(str(content))}</h1>')
        elif kind == "h1":
            body.append(f"<h2>{esc(str(content))}</h2>")
        elif kind == "h2":
            body.append(f"<h3>{esc(str(content))}</h3>")
        elif kind == "list":
            lis = []
            for n, text in enumerate(content, 1):  # type: ignore[arg-type]
                if text.endswith((".docx", ".xlsx")):
                    ext = text.rsplit(".", 1)[1]
                    lis.append(f'<li><a href="/uploads/2026/05/P02026050837{n:02d}.{ext}">{esc(text)}</a></li>')
                else:
                    lis.append(f"<li>{esc(text)}</li>")
            body.append("<ol>\n" + "\n".join(lis) + "\n</ol>")
        elif kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in content)  # type: ignore[union-attr]
            body.append(f"<table border=\"1\">{rows}</table>")
        else:
            body.append(f"<p>{esc(str(content))}</p>")
    page = (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{esc(title)}_通知公告_云岫省文化和旅游厅</title>\n</head>\n<body>\n"
        '<div class="header"><a href="/">云岫省文化和旅游厅</a> | <a href="/zwgk/">政务公开</a> | '
        '<a href="/tzgg/">通知公告</a> | <a href="/hdjl/">互动交流</a></div>\n'
        '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>\n'
        '<div class="article">\n' + "\n".join(body) + "\n</div>\n"
        '<div class="footer">主办：云岫省文化和旅游厅 网站标识码：5300000099 滇ICP备00000000号</div>\n'
        "</body>\n</html>\n"
    )
    out.write_text(page, encoding="utf-8")


def build_docx(items: list[Item], out: Path, *, styles: bool) -> None:
    import docx

    d = docx.Document()
    props = d.core_properties
    props.created = props.modified = FIXED_TIME
    props.author = props.last_modified_by = "policylens-holdout3"
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
    out.write_bytes(_normalise_zip(buf.getvalue()))


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
            rows = [[Paragraph(html.escape(c), cell) for c in row] for row in content]  # type: ignore[union-attr]
            table = Table(rows, repeatRows=1, hAlign="CENTER")
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            flow += [table, Spacer(1, 6)]
        elif kind == "list":
            flow += [Paragraph(html.escape(str(t)), body) for t in content]  # type: ignore[union-attr]
        else:
            flow.append(Paragraph(html.escape(str(content)), styles[kind]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, title="", author="policylens-holdout3").build(flow)
    out.write_bytes(buf.getvalue())


def main() -> None:
    for name, (src, how) in TARGETS.items():
        text = (SRC / src).read_text(encoding="utf-8")
        out = HERE / name
        if how == "gbk":
            out.write_bytes(text.encode("gbk"))
        elif how == "html":
            build_html(parse(text), out)
        elif how == "pdf":
            build_pdf(parse(text), out)
        else:
            build_docx(parse(text), out, styles=how == "docx_styles")
        print(f"built {name}")


if __name__ == "__main__":
    main()
