"""Train character vectors for heading similarity from the unlabeled policy corpus.

    python -m pipeline.check.train_heading_vectors [--corpus ../shared/corpus] [--docs 700]

Plans name a part in words the notice does not use: 日托 for 日间照料, 老年食堂 for 助餐服务.
Characters that occur in the same sentences of real policy texts (日托/照料/托养,
食堂/助餐/就餐) get close vectors: TF-IDF over the characters and character bigrams of each
sentence, reduced by TruncatedSVD (LSA). No text is stored, only one vector per character
or bigram: models/heading_vectors/vectors.npy (float16, loaded with allow_pickle=False)
and vocab.json, with meta.json saying what made them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "models" / "heading_vectors"
DIMS = 64
MIN_DF = 20  # a bigram in fewer sentences gets no vector of its own (its characters still do)
_HAN = re.compile(r"[^\u4e00-\u9fff]")


def corpus_files(corpus: Path, docs: int, seed: int = 0) -> list[Path]:
    """Every real text plus a fixed random sample of the bulk texts (the same sample each run)."""
    real = sorted((corpus / "real").glob("*.txt"))
    bulk = sorted((corpus / "bulk").glob("*/*.txt"))
    rng = random.Random(seed)
    return real + (rng.sample(bulk, docs) if docs < len(bulk) else bulk)


def sentences(files: list[Path]) -> list[str]:
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="ignore")
        for s in re.split(r"[。；！？\n]", text):
            s = _HAN.sub("", s)
            if len(s) >= 6:
                out.append(s)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.check.train_heading_vectors")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--docs", type=int, default=700, help="bulk texts to sample")
    args = parser.parse_args(argv)
    import numpy as np
    import sklearn
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    files = corpus_files(args.corpus, args.docs)
    sents = sentences(files)
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), min_df=3, sublinear_tf=True, dtype=np.float32)
    x = vec.fit_transform(sents)
    svd = TruncatedSVD(DIMS, random_state=0, n_iter=5).fit(x)
    vectors = svd.components_.T * svd.singular_values_
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    df = np.asarray((x > 0).sum(axis=0)).ravel()
    terms = vec.get_feature_names_out()
    keep = [i for i, t in enumerate(terms) if len(t) == 1 or df[i] >= MIN_DF]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    np.save(OUT_DIR / "vectors.npy", vectors[keep].astype(np.float16), allow_pickle=False)
    (OUT_DIR / "vocab.json").write_text(
        json.dumps([str(terms[i]) for i in keep], ensure_ascii=False), encoding="utf-8"
    )
    meta = {
        "model": f"char 1-2-gram TF-IDF over sentences -> TruncatedSVD({DIMS}), rows L2-normalised",
        "corpus": "../shared/corpus: real/*.txt and a seeded sample of bulk/*/*.txt",
        "files": len(files),
        "sentences": len(sents),
        "terms": len(keep),
        "min_df_bigram": MIN_DF,
        "sklearn": sklearn.__version__,
        "trained_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "script": "pipeline/check/train_heading_vectors.py",
    }
    (OUT_DIR / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"{len(files)} files, {len(sents)} sentences -> {len(keep)} vectors in {OUT_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
