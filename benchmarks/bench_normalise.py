"""Ingestion speed: load + normalise + re-join, against plain ``read_text`` of the same files.

Rows: chars/s of each path over the real corpus (../shared/corpus/real) or, when
that is absent, the two bundled seeds; ``ratio`` is the slowdown against the
baseline measured in the same run.

Also the choice of HTML body extraction: our CMS-selector rules (pipeline/data/html.yaml)
against readability-lxml alone, on the government-style pages of tests/ingest/test_html.py —
boilerplate terms leaked into the text and data tables kept (the reason the rules come first
and readability is only the fallback).
"""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
SEEDS = ROOT / "corpora" / "seeds"


def _corpus(quick: bool) -> tuple[str, list[Path]]:
    if REAL.exists():
        files = sorted(REAL.glob("*.txt"))
        return ("real" if not quick else "real (8 files)"), (files[:8] if quick else files)
    return "seeds", sorted(SEEDS.glob("*.txt"))


def _timed(fn, files: list[Path], repeat: int) -> tuple[float, int]:
    best = float("inf")
    chars = 0
    for _ in range(repeat):
        start = time.perf_counter()
        chars = sum(fn(f) for f in files)
        best = min(best, time.perf_counter() - start)
    return best, chars


def run(quick: bool = False) -> list[dict]:
    from pipeline.ingest import load
    from pipeline.ingest.normalise import normalise_text

    corpus, files = _corpus(quick)
    repeat = 1 if quick else 3
    load(files[0])  # warm caches: rule files, compiled patterns

    def baseline(f: Path) -> int:
        return len(f.read_text(encoding="utf-8-sig"))

    def normalise_only(f: Path) -> int:
        return len(normalise_text(f.read_text(encoding="utf-8-sig")))

    def full(f: Path) -> int:
        return len(load(f).text)

    rows = []
    base_t, base_chars = _timed(baseline, files, repeat)
    base_rate = base_chars / base_t
    rows.append(
        {
            "name": "read_text (baseline)",
            "metric": "chars/s",
            "value": base_rate,
            "ratio": 1.0,
            "files": len(files),
            "chars": base_chars,
            "corpus": corpus,
        }
    )
    for name, fn in (("normalise_text", normalise_only), ("load (sniff+decode+normalise+rejoin)", full)):
        t, chars = _timed(fn, files, repeat)
        rate = base_chars / t  # per source character, so rows compare the same work
        rows.append(
            {
                "name": name,
                "metric": "chars/s",
                "value": rate,
                "ratio": base_rate / rate,
                "files": len(files),
                "chars": chars,
                "corpus": corpus,
            }
        )
    rows.extend(_html_rows())
    return rows


def _html_rows() -> list[dict]:
    import lxml.html
    from readability import Document as Readability

    from pipeline.ingest.html import html_to_document
    from pipeline.model import Source
    from tests.ingest import test_html as pages

    junk = pages.BOILERPLATE + ["县情概况", "办事服务", "Copyright", "通知公告", "技术支持", "索 引 号"]
    cases = {
        "TRS page": (pages.TRS_PAGE, "30万元"),
        "UCAP page": (pages.UCAP_PAGE, None),
        "table layout page": (pages.LAYOUT_PAGE, "1200户"),
        "unknown layout page": (pages.PLAIN_PAGE, None),
    }
    rows = []
    for engine in ("rules+fallback", "readability only"):
        leaked = tables = table_pages = 0
        for html, table_cell in cases.values():
            if engine == "rules+fallback":
                text = html_to_document(html, Source("page.html", "html", "0")).text
            else:
                summary = Readability(html).summary(html_partial=True)
                text = " ".join(lxml.html.fragment_fromstring(summary, create_parent="div").itertext())
            leaked += sum(1 for j in set(junk) if j in text)
            if table_cell:
                table_pages += 1
                tables += table_cell in text
        rows.append(
            {
                "name": f"html body ({engine})",
                "metric": "boilerplate terms leaked",
                "value": leaked,
                "files": len(cases),
                "corpus": "tests/ingest/test_html.py",
            }
        )
        rows.append(
            {
                "name": f"html body ({engine})",
                "metric": "data tables kept",
                "value": f"{tables}/{table_pages}",
                "files": len(cases),
                "corpus": "tests/ingest/test_html.py",
            }
        )
    return rows


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
