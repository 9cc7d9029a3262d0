"""Reproduce the fresh held-out selection (see README.md): ``python corpora/gold_fresh/select.py``.

The rule depends only on the corpus text and a fixed seed, never on how any
extractor does on the documents.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
SEED = 20261123
WANT = 10
MIN_CHARS, MAX_CHARS = 1500, 15000
# money (元) or a date/period: a month-day date (8月30日, 三月十五日), 工作日, 日内
_DATE = re.compile(r"月\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*日|工作日|日内")


def _held_in_split() -> set[Path]:
    split = yaml.safe_load((ROOT / "corpora" / "split.yaml").read_text(encoding="utf-8")) or {}
    return {(ROOT / rel).resolve() for part in ("train", "test") for rel in (split.get(part) or {}).values()}


def select() -> list[dict[str, str]]:
    rows = list(csv.DictReader((BULK / "MANIFEST.csv").open(encoding="utf-8")))
    texts = {r["file"]: (BULK / r["file"]).read_text(encoding="utf-8", errors="replace") for r in rows}
    cands = [r for r in rows if "元" in texts[r["file"]] or _DATE.search(texts[r["file"]])]
    random.Random(SEED).shuffle(cands)
    used = _held_in_split()
    out = []
    for r in cands:
        n = len(texts[r["file"]])
        if MIN_CHARS <= n <= MAX_CHARS and (BULK / r["file"]).resolve() not in used:
            out.append(r)
        if len(out) == WANT:
            break
    return out


def slug(file: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", file.lower().removesuffix(".txt")).strip("_")


if __name__ == "__main__":
    for r in select():
        print(f"{slug(r['file'])}: ../shared/corpus/bulk/{r['file']}  # {r['title']} ({r['chars']} chars)")
