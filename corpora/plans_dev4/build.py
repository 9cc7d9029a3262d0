"""Build the .docx and .pdf plans of plans_dev4 from their sources in ``src/``
(renderers and source markup: ``corpora/plan_documents.py``).

Usage: /work/main/.venv/bin/python corpora/plans_dev4/build.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from plan_documents import build_all  # corpora/ is not a package: found through sys.path

# output file in plans/ -> (source in src/, renderer)
TARGETS: dict[str, tuple[str, str]] = {
    "a2_zhuyuan_docx_synonyms.docx": ("a2_zhuyuan_docx_synonyms.md", "docx"),
    "a4_jinshi_docx_table_merged.docx": ("a4_jinshi_docx_table_merged.md", "docx_manual"),
    "b2_lanchuan_docx_styles_synonyms.docx": ("b2_lanchuan_docx_styles_synonyms.md", "docx"),
    "c1_linxi_pdf_chapters_complete.pdf": ("c1_linxi_pdf_chapters_complete.md", "pdf"),
}


if __name__ == "__main__":
    build_all(HERE, TARGETS, author="policylens-dev4")
