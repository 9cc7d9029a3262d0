"""Heading -> canonical section, for plan headings no synonym explains.

A scikit-learn pipeline (char 1-3-gram TF-IDF over "heading + first
sentence" -> logistic regression) trained by ``train_section_classifier.py``
on the heading pairs in ``corpora/sections/``, shipped as a skops file.
skops loads only the types listed in TRUSTED_TYPES: a model file is never
unpickled, so a tampered artefact fails instead of running code.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import ModelFileError

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "section_classifier"
MODEL_FILE = MODEL_DIR / "model.skops"
META_FILE = MODEL_DIR / "meta.json"

TRUSTED_TYPES = [
    "sklearn.pipeline.Pipeline",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.dtype",
    "numpy.ndarray",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "builtins.str",
    "builtins.int",
    "builtins.float",
    "builtins.slice",
    "scipy.sparse._csr.csr_matrix",
    "numpy.float64",
    "numpy.int64",
]


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> Any | None:
    """The fitted pipeline, or None when no model has been trained (matching then uses synonyms only)."""
    if not path.exists():
        return None
    import skops.io as sio

    try:
        untrusted = set(sio.get_untrusted_types(file=path))
        extra = untrusted - set(TRUSTED_TYPES)
        if extra:
            raise ModelFileError(
                path, f"untrusted types {sorted(extra)}; retrain with train_section_classifier.py"
            )
        return sio.load(path, trusted=sorted(untrusted))
    except ModelFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - any load failure is a bad model file
        raise ModelFileError(path, f"{type(exc).__name__}: {exc}") from None


def feature_text(heading: str, first_sentence: str = "") -> str:
    """The classifier's input; training and prediction must build it the same way."""
    return f"{heading.strip()} | {first_sentence.strip()[:60]}"


def meta() -> dict[str, Any]:
    return json.loads(META_FILE.read_text(encoding="utf-8")) if META_FILE.exists() else {}


def predict(texts: list[str]) -> list[tuple[str, float]] | None:
    """(label, probability) per text; None when no model is installed."""
    model = load_model()
    if model is None or not texts:
        return None
    probs = model.predict_proba(texts)
    classes = list(model.classes_)
    out = []
    for row in probs:
        i = int(row.argmax())
        out.append((str(classes[i]), float(row[i])))
    return out


def label_probs(texts: list[str]) -> list[dict[str, float]] | None:
    """Per text, every label's probability (one batched call: per-text calls cost ~2 ms each)."""
    model = load_model()
    if model is None or not texts:
        return None
    classes = [str(c) for c in model.classes_]
    return [dict(zip(classes, map(float, row))) for row in model.predict_proba(texts)]
