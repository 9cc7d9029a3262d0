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
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from plan_documents import Item, build_holdout_docx, build_holdout_pdf, parse  # corpora/ is not a package

SRC = HERE / "src"
FIXED_TIME = dt.datetime(2026, 5, 20, 9, 0, 0)
AUTHOR = "policylens-holdout3"

# output path (relative to this folder) -> (source in src/, renderer)
TARGETS: dict[str, tuple[str, str]] = {
    "notices/k3_night_culture_tourism_notice.html": ("k3_night_culture_tourism_notice.md", "html"),
    "plans/k1a_fengxi_docx_headings_complete.docx": ("k1a_fengxi_docx_headings_complete.md", "docx_styles"),
    "plans/k1b_tangli_gbk_synonyms_two_years.txt": ("k1b_tangli_gbk_synonyms_two_years.txt", "gbk"),
    "plans/k2b_xingwu_pdf_tables.pdf": ("k2b_xingwu_pdf_tables.md", "pdf"),
    "plans/k2c_weichuan_docx_manual_qualitative.docx": (
        "k2c_weichuan_docx_manual_qualitative.md",
        "docx_manual",
    ),
}


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
                    lis.append(
                        f'<li><a href="/uploads/2026/05/P02026050837{n:02d}.{ext}">{esc(text)}</a></li>'
                    )
                else:
                    lis.append(f"<li>{esc(text)}</li>")
            body.append("<ol>\n" + "\n".join(lis) + "\n</ol>")
        elif kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in content)  # type: ignore[union-attr]
            body.append(f'<table border="1">{rows}</table>')
        else:
            body.append(f"<p>{esc(str(content))}</p>")
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}_通知公告_云岫省文化和旅游厅</title>\n</head>\n<body>\n"
        '<div class="header"><a href="/">云岫省文化和旅游厅</a> | <a href="/zwgk/">政务公开</a> | '
        '<a href="/tzgg/">通知公告</a> | <a href="/hdjl/">互动交流</a></div>\n'
        '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>\n'
        '<div class="article">\n' + "\n".join(body) + "\n</div>\n"
        '<div class="footer">主办：云岫省文化和旅游厅 网站标识码：5300000099 滇ICP备00000000号</div>\n'
        "</body>\n</html>\n"
    )
    out.write_text(page, encoding="utf-8")


def main() -> None:
    for name, (src, how) in TARGETS.items():
        text = (SRC / src).read_text(encoding="utf-8")
        out = HERE / name
        if how == "gbk":
            out.write_bytes(text.encode("gbk"))
        elif how == "html":
            build_html(parse(text), out)
        elif how == "pdf":
            build_holdout_pdf(parse(text), out, author=AUTHOR)
        else:
            build_holdout_docx(
                parse(text), out, styled=how == "docx_styles", author=AUTHOR, fixed_time=FIXED_TIME
            )
        print(f"built {name}")


if __name__ == "__main__":
    main()
