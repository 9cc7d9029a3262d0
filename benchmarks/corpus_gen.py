"""A generated corpus for scale runs: real policy texts with varied numbers, dates and issuers.

Documents are built from the bundled seeds (and ../shared/corpus/real when it
is present), so their shape — headings, tiers, amounts, deadlines — is that of
real notices; only the figures, dates and issuing bodies vary, which is what
an index has to cope with at scale.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "seeds"
REAL = ROOT.parent / "shared" / "corpus" / "real"

ISSUERS = ["山东省商务厅", "枣庄市人民政府", "四川省财政厅", "广州市人力资源和社会保障局", "安徽省人民政府办公厅",
           "六合区人民政府", "北京市经济和信息化局", "成都高新区管委会", "临沂市商务局", "贵州省扶贫办"]


def base_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if REAL.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt"))]
    return texts


def _vary_numbers(text: str, rng: random.Random) -> str:
    return re.sub(r"(?<![\d〔年])(\d{1,4})(?=万元|亿元|元|%|个工作日)", lambda m: str(max(1, int(int(m.group(1)) * rng.uniform(0.5, 2)))), text)


def _vary_dates(text: str, rng: random.Random, year: int) -> str:
    return re.sub(r"20\d\d年(\d{1,2})月(\d{1,2})日", lambda m: f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", text)


def generate(
    out_dir: Path, n: int, *, seed: int = 7, max_chars: int = 25_000, bases: list[str] | None = None
) -> list[Path]:
    """Write ``n`` documents to ``out_dir`` (reused if already there); returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = sorted(out_dir.glob("*.txt"))
    if len(existing) >= n:
        return existing[:n]
    rng = random.Random(seed)
    bases = [t[:max_chars] for t in (bases or base_texts())]
    paths = []
    for i in range(n):
        year = rng.randint(2015, 2026)
        issuer = rng.choice(ISSUERS)
        body = _vary_dates(_vary_numbers(rng.choice(bases), rng), rng, year)
        text = f"{issuer}\n{issuer[:2]}发〔{year}〕{rng.randint(1, 200)}号\n{body}\n{issuer}\n{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日\n"
        path = out_dir / f"doc{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
