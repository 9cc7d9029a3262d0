"""Apply the selection rule of README.md (mechanical: counts numbering at line starts only).

Run from the repository root: ``.venv/bin/python corpora/gold_structure2/choose_documents.py``.
"""

from __future__ import annotations

import csv
import random
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "corpus" / "real"
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
CN = "一二三四五六七八九十百零〇两"
STYLES = {
    "chap": re.compile(rf"^第[{CN}\d]+[章节编]|^第[{CN}\d]+部分"),
    "art": re.compile(rf"^第[{CN}\d]+条"),
    "cn": re.compile(rf"^[{CN}]+\s*、"),
    "pcn": re.compile(rf"^[（(][{CN}]+[）)]"),
    "arab": re.compile(r"^\d{1,2}\s*[.．、﹒](?!\d)"),
    "parab": re.compile(r"^[（(]\d{1,2}[）)]"),
    "att": re.compile(r"^附件\s*\d*\s*[：:]?\s*$"),
}
# rule A.2: another version of a document already in corpora/gold (SOURCES.md: "earlier version")
OTHER_VERSIONS = {"liuhe_key_industries_opinions_early"}


def styles(path: Path) -> tuple[set[str], int]:
    found: set[str] = set()
    lines = 0
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip().lstrip("#").strip()
        hit = [name for name, rx in STYLES.items() if rx.match(line)]
        found.update(hit)
        lines += bool(hit)
    return found, lines


def part_a() -> list[tuple[str, list[str], int]]:
    gold = {p.stem for p in (ROOT / "corpora" / "gold" / "sections").glob("*.yaml")}
    rows = []
    for path in sorted(REAL.glob("*.txt")):
        if path.stem in gold or path.stem in OTHER_VERSIONS or path.stat().st_size > 30_000:
            continue
        found, lines = styles(path)
        rows.append((path.stem, sorted(found), lines))
    rows.sort(key=lambda r: (-len(r[1]), -r[2], r[0]))
    return rows


def referenced(number: str) -> bool:
    out = subprocess.run(
        ["grep", "-rlF", number, "corpora", "pipeline", "tests"],
        check=False,  # grep exits 1 when nothing matches
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    hits = [h for h in out.stdout.split() if not h.startswith("corpora/gold_structure2/")]
    return bool(hits)


def part_b() -> list[tuple[str, list[str], int, str]]:
    rows = []
    with open(BULK / "MANIFEST.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if not rec["file"].startswith("lawrefbook_laws/"):
                continue
            if not any(w in rec["title"] for w in ("办法", "通知", "意见")):
                continue
            if not 1500 <= int(rec["chars"]) <= 9000:
                continue
            found, lines = styles(BULK / rec["file"])
            if len(found) < 3 or not found - {"chap", "art"}:
                continue
            number = Path(rec["file"]).stem
            if referenced(number):
                continue
            rows.append((number, sorted(found), lines, rec["title"]))
    random.Random(20261123).shuffle(rows)
    return rows


if __name__ == "__main__":
    print("Part A (ranked):")
    for r in part_a():
        print("  ", r)
    b = part_b()
    print(f"Part B: {len(b)} pass; first 6 after shuffle:")
    for r in b[:6]:
        print("  ", r)
