"""Similarity of meaning between short phrases, from character vectors learnt on real policy texts.

Lexical matching cannot see that 日托 is 日间照料 or 老年食堂 助餐服务: they share no
character. Vectors trained by ``train_heading_vectors.py`` (LSA over the sentences of the
unlabeled corpus) put characters used together close; a phrase is the mean of its
characters' and bigrams' vectors. Loaded as plain arrays (``allow_pickle=False``) and JSON.
Without the files, every similarity is None and matching stays lexical.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import ModelFileError

VECTORS_DIR = Path(__file__).resolve().parents[2] / "models" / "heading_vectors"
_HAN = re.compile(r"[^\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _load() -> tuple[Any, dict[str, int]] | None:
    vec_file, vocab_file = VECTORS_DIR / "vectors.npy", VECTORS_DIR / "vocab.json"
    if not vec_file.exists() or not vocab_file.exists():
        return None
    import numpy as np

    try:
        vectors = np.load(vec_file, allow_pickle=False).astype(np.float32)
        vocab = json.loads(vocab_file.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001 - any load failure is a bad model file
        raise ModelFileError(vec_file, f"{type(exc).__name__}: {exc}") from None
    if vectors.ndim != 2 or len(vocab) != vectors.shape[0]:
        raise ModelFileError(vec_file, f"{vectors.shape} vectors for {len(vocab)} terms")
    return vectors, {t: i for i, t in enumerate(vocab)}


@lru_cache(maxsize=16384)
def phrase_vector(phrase: str) -> Any | None:
    """The mean of the phrase's character and bigram vectors, unit length; None when none is known."""
    loaded = _load()
    if loaded is None:
        return None
    import numpy as np

    vectors, index = loaded
    p = _HAN.sub("", phrase)
    grams = [p[i : i + 2] for i in range(len(p) - 1)] + list(p)
    rows = [index[g] for g in grams if g in index]
    if not rows:
        return None
    v = vectors[rows].mean(axis=0)
    n = float(np.linalg.norm(v))
    return v / n if n else None


def similarity(a: str, b: str) -> float | None:
    """Cosine of the two phrases' vectors (about 0.1 unrelated, 0.4 and up related); None if unknown."""
    va, vb = phrase_vector(a), phrase_vector(b)
    if va is None or vb is None:
        return None
    return float(va @ vb)
