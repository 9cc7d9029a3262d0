"""Reproduce the third fresh held-out selection (see README.md): ``python corpora/gold_fresh3/select.py``.

The rule depends only on the corpus text, the repository's references to
corpus files and a fixed seed, never on how any extractor does on the
documents. ``--live`` recomputes the set of corpus files the repository
already refers to (which grows once these picks are cited elsewhere) and
prints how it differs from the set frozen at selection time.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
BULK, REAL = SHARED / "bulk", SHARED / "real"
SEED = 20261125  # gold_fresh used 20261123, gold_fresh2 20261124
WANT_BULK, WANT_REAL = 7, 3  # fewer if fewer real documents remain; bulk fills up to 10
BULK_CHARS = (1500, 7000)  # short enough to read every line with care in the time available
REAL_MAX_CHARS = 15000
MIN_MONEY, MIN_DATES = 5, 5  # bulk: "rich in money amounts and deadlines"

# a money mention: a number (digits or Chinese numerals), optional 万/亿, then 元
MONEY = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿.．]+\s*[万亿]?\s*元")
# a time limit or date: N日内, 工作日, N天内, N个月内, 年内, 之日起, a month-day date, 月底/月末/旬
DATES = re.compile(
    r"日内|工作日|天内|个月内|年内|之日起|月\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*日|月(?:底|末|中旬|上旬|下旬)"
)
# regulation-type titles (not 条例/法, which gold_fresh drew), optionally with a version note: …办法（2019修正）
TITLE = re.compile(r"(办法|规定|细则|通知|规则|决定)(（[^）]*）|\([^)]*\))?$")

# bulk file numbers the repository referred to on 2026-11-23 14:49 UTC, before this selection, united with the
# numbers frozen by gold_fresh2 (00100 and 01335 are no longer named in the checkout but were used before)
# (output of used_bulk_numbers(); frozen so the selection stays reproducible once the picks are cited)
USED_AT_SELECTION = frozenset((
    "00001", "00012", "00013", "00017", "00051", "00064", "00078", "00079", "00085", "00086",
    "00087", "00089", "00100", "00202", "00204", "00206", "00214", "00236", "00263", "00280",
    "00289", "00306", "00313", "00331", "00335", "00398", "00405", "00417", "00535", "00554",
    "00648", "00763", "00885", "01118", "01122", "01126", "01176", "01192", "01251", "01315",
    "01335", "01375", "01408", "01410", "01473", "01481", "01492", "01513", "01579", "01723",
    "01731", "01750", "01771", "01801", "01829", "01876", "01888", "01900",
))

_REF = re.compile(r"(?:lawrefbook_laws[/_]|lawref_)(\d{5})|(\d{5})\.txt")
_SKIP_DIRS = {".git", ".venv", "bench-out", ".pytest_cache", "node_modules", "__pycache__", "gold_fresh3"}
_TEXT_SUFFIXES = {".py", ".yaml", ".yml", ".md", ".json", ".csv", ".txt", ".toml", ".cfg", ".ini"}


def _repo_texts() -> list[str]:
    out = []
    for p in ROOT.rglob("*"):
        if p.is_file() and p.suffix in _TEXT_SUFFIXES and not _SKIP_DIRS & set(p.relative_to(ROOT).parts) \
                and not any(part.endswith(".egg-info") for part in p.parts):
            out.append(p.read_text(encoding="utf-8", errors="replace"))
    return out


def used_bulk_numbers(texts: list[str] | None = None) -> set[str]:
    """Five-digit numbers of bulk files the repository names (``lawrefbook_laws/00398``, ``lawref_00012_…``, ``00017.txt``)."""
    found: set[str] = set()
    for t in texts if texts is not None else _repo_texts():
        for m in _REF.finditer(t):
            found.add(m.group(1) or m.group(2))
    return found


def _annotated_real_ids() -> set[str]:
    """Real documents already in the split or in any amount/deadline gold (first, second, fresh)."""
    split = yaml.safe_load((ROOT / "corpora" / "split.yaml").read_text(encoding="utf-8")) or {}
    ids = {d for part in ("train", "test") for d in (split.get(part) or {})}
    for gold in ("gold", "gold_second", "gold_fresh", "gold_fresh2"):
        for field in ("amounts", "deadlines"):
            ids |= {p.stem for p in (ROOT / "corpora" / gold / field).glob("*.yaml")}
    return ids


def _other_versions() -> set[str]:
    """Real documents that SOURCES.md marks as another version of a document (``earlier version``)."""
    out, current = set(), None
    for line in (REAL / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## ") and line.strip().endswith(".txt"):
            current = line[3:].strip().removesuffix(".txt")
        elif current and line.startswith("- title:") and "earlier version" in line:
            out.add(current)
    return out


def _shingles(text: str, n: int = 5) -> set[str]:
    t = re.sub(r"\s+", "", text)
    return {t[i:i + n] for i in range(len(t) - n + 1)}


def select_bulk(used: frozenset[str] | set[str] = USED_AT_SELECTION, live_titles: bool = False) -> list[dict[str, str]]:
    """The bulk picks. By default the repository state of 2026-11-23 is used: the frozen numbers, and no title
    check (on that day no candidate's title appeared in the repository, so the check dropped nothing).
    ``live_titles`` also drops candidates whose title the repository quotes now."""
    rows = [r for r in csv.DictReader((BULK / "MANIFEST.csv").open(encoding="utf-8"))
            if r["file"].startswith("lawrefbook_laws/")]  # the 5 mengke25 files are copies of corpus/real docs
    repo = "\n".join(_repo_texts()) if live_titles else ""
    cands = []
    for r in rows:
        text = (BULK / r["file"]).read_text(encoding="utf-8", errors="replace")
        num = Path(r["file"]).stem
        if not (BULK_CHARS[0] <= len(text) <= BULK_CHARS[1] and TITLE.search(r["title"])):
            continue
        if len(MONEY.findall(text)) < MIN_MONEY or len(DATES.findall(text)) < MIN_DATES:
            continue
        if num in used or (live_titles and r["title"] in repo):
            continue
        cands.append(r)
    random.Random(SEED).shuffle(cands)
    return cands[:WANT_BULK]


def select_real() -> list[tuple[str, int, int, int]]:
    """(id, chars, money mentions, date mentions) of the richest unannotated real documents."""
    done = _annotated_real_ids() | _other_versions()
    annotated_text = [_shingles((REAL / f"{d}.txt").read_text(encoding="utf-8")) for d in sorted(done)
                      if (REAL / f"{d}.txt").exists()]
    rows = []
    for p in sorted(REAL.glob("*.txt")):
        text = p.read_text(encoding="utf-8", errors="replace")
        if p.stem in done or len(text) > REAL_MAX_CHARS:
            continue
        sh = _shingles(text)
        # a copy of an annotated document is not fresh text (an earlier version shares only ~17 % of its
        # 5-grams with the later one, so versions are dropped by SOURCES.md above, not here)
        if any(len(sh & a) / max(1, len(sh | a)) >= 0.3 for a in annotated_text):
            continue
        m, d = len(MONEY.findall(text)), len(DATES.findall(text))
        rows.append((p.stem, len(text), m, d))
    rows.sort(key=lambda r: (-(r[2] + r[3]), r[0]))
    return rows[:WANT_REAL]


def slug(file: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", file.lower().removesuffix(".txt")).strip("_")


if __name__ == "__main__":
    if "--live" in sys.argv[1:]:
        live = used_bulk_numbers()
        print("referenced now, not at selection:", " ".join(sorted(live - USED_AT_SELECTION)) or "-")
        print("referenced at selection, not now:", " ".join(sorted(USED_AT_SELECTION - live)) or "-")
        now = {Path(r["file"]).stem for r in select_bulk(live, live_titles=True)}
        print("picks the rule would make today:", " ".join(sorted(now)))
    for r in select_bulk():
        print(f"{slug(r['file'])}: ../shared/corpus/bulk/{r['file']}  # {r['title']} ({r['chars']} chars)")
    for doc_id, n, m, d in select_real():
        print(f"{doc_id}: ../shared/corpus/real/{doc_id}.txt  # {n} chars, {m} money / {d} date mentions")
