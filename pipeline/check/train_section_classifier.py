"""Train the heading -> canonical section classifier from corpora/sections/*.tsv.

    python -m pipeline.check.train_section_classifier [--check]

Training data: pairs.tsv (written by hand) and gold_pairs.tsv (mined from the development
gold plans by corpora/sections/mine_gold_pairs.py; rerun it after the gold changes).

Writes models/section_classifier/model.skops and meta.json (data sha256,
sizes, cross-validated accuracy, library versions) so a model can always be
traced to the data and code that made it. ``--check`` only prints the
cross-validation score.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
from pathlib import Path

from pipeline.check.section_classifier import META_FILE, MODEL_DIR, MODEL_FILE, feature_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "corpora" / "sections" / "pairs.tsv"
MINED = ROOT / "corpora" / "sections" / "gold_pairs.tsv"


def load_pairs(path: Path = DATA) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            texts.append(feature_text(row["heading"], row.get("first_sentence") or ""))
            labels.append(row["label"])
    return texts, labels


def training_files() -> list[Path]:
    return [p for p in (DATA, MINED) if p.exists()]


def load_all() -> tuple[list[str], list[str]]:
    texts: list[str] = []
    labels: list[str] = []
    for path in training_files():
        x, y = load_pairs(path)
        texts += x
        labels += y
    return texts, labels


def build():  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    # char n-grams: Chinese headings share morphemes (组织/保障/机制), not whitespace tokens
    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True, min_df=1)),
            # C=3, not 10: the mined pairs file one heading ("保障措施") under different sections by
            # what follows it; a weaker fit leaves the first sentence its say (corpora/plans p16:
            # "保障措施 | 成立…工作领导小组" is still 工作机制 in part). Leave-one-corpus-out accuracy
            # (mine_gold_pairs.py --by-corpus) 0.918 against 0.928 at C=10.
            ("clf", LogisticRegression(C=3.0, max_iter=2000)),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.check.train_section_classifier")
    parser.add_argument("--check", action="store_true", help="cross-validate only; write nothing")
    args = parser.parse_args(argv)
    import sklearn
    import skops
    import skops.io as sio
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    texts, labels = load_all()
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    scores = cross_val_score(build(), texts, labels, cv=cv)
    print(
        f"{len(texts)} pairs, {len(set(labels))} labels; 5-fold accuracy {scores.mean():.3f} ± {scores.std():.3f}"
    )
    if args.check:
        return 0
    model = build().fit(texts, labels)
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    sio.dump(model, MODEL_FILE)
    meta = {
        "model": "char_wb 1-3-gram TF-IDF + LogisticRegression(C=3)",
        "input": "heading | first sentence of its body",
        "data": [str(p.relative_to(ROOT)) for p in training_files()],
        "data_sha256": {
            str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest() for p in training_files()
        },
        "pairs": len(texts),
        "labels": sorted(set(labels)),
        "cv_accuracy_mean": round(float(scores.mean()), 4),
        "cv_accuracy_std": round(float(scores.std()), 4),
        "sklearn": sklearn.__version__,
        "skops": skops.__version__,
        "trained_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "script": "pipeline/check/train_section_classifier.py",
    }
    META_FILE.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE} and {META_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
