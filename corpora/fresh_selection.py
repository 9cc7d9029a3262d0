"""The fixed selection rule of the fresh held-out sets (``gold_fresh2`` to ``gold_fresh4``): each set's
``select.py`` holds its own seed, sizes and the corpus numbers frozen at its selection, and runs this.

The rule depends only on the corpus text, the repository's references to corpus files and a fixed
seed, never on how any extractor does on the documents.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
BULK, REAL = SHARED / "bulk", SHARED / "real"
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

_REF = re.compile(r"(?:lawrefbook_laws[/_]|lawref_)(\d{5})|(\d{5})\.txt")
_SKIP_DIRS = {".git", ".venv", "bench-out", ".pytest_cache", "node_modules", "__pycache__"}
_TEXT_SUFFIXES = {".py", ".yaml", ".yml", ".md", ".json", ".csv", ".txt", ".toml", ".cfg", ".ini"}


@dataclass(frozen=True)
class Rule:
    """One set's parameters."""

    folder: str  # the set's own folder, left out when reading the repository's references
    seed: int
    want_bulk: int
    want_real: int
    bulk_chars: tuple[int, int]
    used_at_selection: frozenset[str]  # bulk numbers the repository referred to at selection time
    earlier_golds: tuple[str, ...]  # corpora/<gold> folders whose amount/deadline documents are taken
    # mentions a bulk file needs ("rich in money amounts and deadlines"); gold_fresh4 wants deadline-rich files
    bulk_min_money: int = MIN_MONEY
    bulk_min_dates: int = MIN_DATES
    real_min_dates: int = 0  # a real pick needs this many date/limit mentions (gold_fresh4: 3)


def _repo_texts(rule: Rule) -> list[str]:
    skip = _SKIP_DIRS | {rule.folder}
    out = []
    for p in ROOT.rglob("*"):
        if p.is_file() and p.suffix in _TEXT_SUFFIXES and not skip & set(p.relative_to(ROOT).parts) \
                and not any(part.endswith(".egg-info") for part in p.parts):
            out.append(p.read_text(encoding="utf-8", errors="replace"))
    return out


def used_bulk_numbers(rule: Rule) -> set[str]:
    """Five-digit numbers of bulk files the repository names (``lawrefbook_laws/00398``, ``lawref_00012_…``, ``00017.txt``)."""
    found: set[str] = set()
    for t in _repo_texts(rule):
        for m in _REF.finditer(t):
            found.add(m.group(1) or m.group(2))
    return found


def _annotated_real_ids(rule: Rule) -> set[str]:
    """Real documents already in the split or in any earlier amount/deadline gold."""
    split = yaml.safe_load((ROOT / "corpora" / "split.yaml").read_text(encoding="utf-8")) or {}
    ids = {d for part in ("train", "test") for d in (split.get(part) or {})}
    for gold in rule.earlier_golds:
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


def select_bulk(rule: Rule, used: frozenset[str] | set[str] | None = None, live_titles: bool = False) -> list[dict[str, str]]:
    """The bulk picks. By default the repository state at selection is used: the frozen numbers, and no title
    check (on that day no candidate's title appeared in the repository, so the check dropped nothing).
    ``live_titles`` also drops candidates whose title the repository quotes now."""
    used = rule.used_at_selection if used is None else used
    rows = [r for r in csv.DictReader((BULK / "MANIFEST.csv").open(encoding="utf-8"))
            if r["file"].startswith("lawrefbook_laws/")]  # the 5 mengke25 files are copies of corpus/real docs
    repo = "\n".join(_repo_texts(rule)) if live_titles else ""
    cands = []
    for r in rows:
        text = (BULK / r["file"]).read_text(encoding="utf-8", errors="replace")
        num = Path(r["file"]).stem
        if not (rule.bulk_chars[0] <= len(text) <= rule.bulk_chars[1] and TITLE.search(r["title"])):
            continue
        if len(MONEY.findall(text)) < rule.bulk_min_money or len(DATES.findall(text)) < rule.bulk_min_dates:
            continue
        if num in used or (live_titles and r["title"] in repo):
            continue
        cands.append(r)
    random.Random(rule.seed).shuffle(cands)
    return cands[: rule.want_bulk]


def select_real(rule: Rule) -> list[tuple[str, int, int, int]]:
    """(id, chars, money mentions, date mentions) of the richest unannotated real documents."""
    done = _annotated_real_ids(rule) | _other_versions()
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
    return [row for row in rows[: rule.want_real] if row[3] >= rule.real_min_dates]


def slug(file: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", file.lower().removesuffix(".txt")).strip("_")


def main(rule: Rule) -> None:
    """Print the picks; ``--live`` also compares the frozen references with the repository now."""
    if "--live" in sys.argv[1:]:
        live = used_bulk_numbers(rule)
        print("referenced now, not at selection:", " ".join(sorted(live - rule.used_at_selection)) or "-")
        print("referenced at selection, not now:", " ".join(sorted(rule.used_at_selection - live)) or "-")
        now = {Path(r["file"]).stem for r in select_bulk(rule, live, live_titles=True)}
        print("picks the rule would make today:", " ".join(sorted(now)))
    for r in select_bulk(rule):
        print(f"{slug(r['file'])}: ../shared/corpus/bulk/{r['file']}  # {r['title']} ({r['chars']} chars)")
    for doc_id, n, m, d in select_real(rule):
        print(f"{doc_id}: ../shared/corpus/real/{doc_id}.txt  # {n} chars, {m} money / {d} date mentions")
