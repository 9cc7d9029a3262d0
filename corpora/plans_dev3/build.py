"""Build the .docx and .pdf plans of plans_dev3 from their sources in ``src/``
(renderers and source markup: ``corpora/plan_documents.py``).

Usage: /work/main/.venv/bin/python corpora/plans_dev3/build.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from plan_documents import build_all  # corpora/ is not a package: found through sys.path

# output file in plans/ -> (source in src/, renderer)
TARGETS: dict[str, tuple[str, str]] = {
    "v1b_zhexi_docx_styles.docx": ("v1b_zhexi_docx_styles.md", "docx"),
    "v2b_jinhe_pdf_renamed.pdf": ("v2b_jinhe_pdf_renamed.md", "pdf"),
    "v2c_lantang_docx_manual.docx": ("v2c_lantang_docx_manual.md", "docx_manual"),
}


if __name__ == "__main__":
    build_all(HERE, TARGETS, author="policylens-dev3")
