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
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from plan_documents import (  # corpora/ is not a package: found through sys.path
    build_holdout_docx,
    build_holdout_pdf,
    parse,
)

SRC = HERE / "src"
OUT = HERE / "plans"
FIXED_TIME = dt.datetime(2025, 7, 20, 9, 0, 0)
AUTHOR = "policylens-holdout2"

# output file in plans/ -> (source in src/, renderer)
TARGETS: dict[str, tuple[str, str]] = {
    "m1a_linchen_docx_complete.docx": ("m1a_linchen_docx_complete.md", "docx_styles"),
    "m1b_baichuan_gb18030_synonyms_qualitative.txt": (
        "m1b_baichuan_gb18030_synonyms_qualitative.txt",
        "gb18030",
    ),
    "m2b_shixiu_pdf_tables.pdf": ("m2b_shixiu_pdf_tables.md", "pdf"),
    "m2c_qingyu_docx_manual_merged.docx": ("m2c_qingyu_docx_manual_merged.md", "docx_manual"),
}


def main() -> None:
    for name, (src, how) in TARGETS.items():
        text = (SRC / src).read_text(encoding="utf-8")
        if how == "gb18030":
            (OUT / name).write_bytes(text.encode("gb18030"))
        elif how == "pdf":
            build_holdout_pdf(parse(text), OUT / name, author=AUTHOR)
        else:
            build_holdout_docx(
                parse(text), OUT / name, styled=how == "docx_styles", author=AUTHOR, fixed_time=FIXED_TIME
            )
        print(f"built {name}")


if __name__ == "__main__":
    main()
