"""What a clause is about: eligibility, material, procedure, deadline, money, …

Two layers, so that the obvious cases never depend on a statistical model and
the rest still get a sensible label:

1. cue-word rules from ``pipeline/data/clause_kinds.yaml`` (high precision:
   "联系电话：", "于2019年8月23日前", "取消…资格");
2. a scikit-learn classifier (char 1–3-gram TF-IDF of the clause and of its
   heading context, cue-word and sentence-shape tokens, jieba words; logistic
   regression) trained on ``corpora/gold/clauses`` by
   ``python -m pipeline.extract.train_clause_kind``.

The model is stored with skops and loaded with an explicit list of trusted
types, never with pickle: a model file is code, and a tampered one must fail
to load rather than run.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from pipeline.data import load_data
from pipeline.errors import ModelFileError

ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = ROOT / "models" / "clause_kind"
MODEL_PATH = MODEL_DIR / "model.skops"
META_PATH = MODEL_DIR / "meta.json"

# Every non-builtin type the shipped model may contain. skops refuses anything
# else, so a model file that smuggles in another callable fails to load.
TRUSTED_TYPES: tuple[str, ...] = (
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "numpy.ndarray",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.Pipeline",
    "builtins.slice",
)

RULE_CONFIDENCE = 0.9  # a cue-word rule is trusted at least this much
SECONDARY_MIN_PROB = 0.3  # other labels the model finds this likely go to Clause.kinds
FALLBACK_KIND = "other"


@dataclass(frozen=True, slots=True)
class KindRule:
    kind: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    why: str
    # the nearest heading or lead-in must match this ("应当符合下列条件：" makes its items conditions)
    context: re.Pattern[str] | None = None
    # fire only on a numbered item ("（一）…；"), the shape a lead-in's list takes
    item_only: bool = False


@lru_cache(maxsize=1)
def kind_config() -> tuple[tuple[str, ...], tuple[KindRule, ...]]:
    """The label set and the compiled cue-word rules (validated YAML)."""
    data: dict[str, Any] = load_data("clause_kinds.yaml")
    labels = tuple(data["kinds"])
    rules = []
    for r in data["rules"]:
        if r["kind"] not in labels:
            from pipeline.data import DATA_DIR
            from pipeline.errors import DataFileError

            raise DataFileError(DATA_DIR / "clause_kinds.yaml", f"rule kind {r['kind']!r} is not in kinds")
        rules.append(
            KindRule(
                kind=r["kind"],
                pattern=re.compile(r["pattern"]),
                unless=re.compile(r["unless"]) if r.get("unless") else None,
                why=r["why"],
                context=re.compile(r["context"]) if r.get("context") else None,
                item_only=bool(r.get("item_only", False)),
            )
        )
    return labels, tuple(rules)


def labels() -> tuple[str, ...]:
    return kind_config()[0]


def rule_kind(text: str, context: Sequence[str] = ()) -> str | None:
    """The kind the first matching cue-word rule gives, or None.

    Rules see the clause without its numbering, so that "^本办法自…施行" also
    fires on "第二十四条 本办法自公布之日起施行。" (lawref_00012); a rule with a
    ``context`` pattern also needs the nearest heading or lead-in to match it.
    """
    body = _NUMBERING.sub("", text, count=1)
    numbered = bool(_ITEM.match(text))
    nearest = context[-1] if context else ""
    for rule in kind_config()[1]:
        if rule.item_only and not numbered:
            continue
        if rule.context is not None and not rule.context.search(nearest):
            continue
        if rule.pattern.search(body) and not (rule.unless and rule.unless.search(body)):
            return rule.kind
    return None


_NUMBERING = re.compile(r"^\s*(?:第[^条章]{1,6}[条章]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）]|[①-⑳])\s*")
# a list item's marker; an article ("第七条") is not an item of the lead-in before it
_ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）]|[①-⑳])")
_MONEY = re.compile(r"\d[\d,.]*\s*(?:万|亿|千)?\s*元|\d+(?:\.\d+)?\s*[%％]")
_DATE = re.compile(r"(?:19|20)\d\d\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日")
_DUE = re.compile(r"(?:日|月|年底|月底)\s*(?:前|之前|以前)|\d+\s*个?(?:工作日|日|天|月)内|截止")


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data: dict[str, Any] = load_data("clause_kinds.yaml")
    return tuple((kind, tuple(words)) for kind, words in (data.get("cues") or {}).items())


@lru_cache(maxsize=4096)
def _cue_counts(text: str) -> tuple[tuple[str, int], ...]:
    """Occurrences of each kind's cue words in ``text`` (same counts as str.count per word).

    A word with a character the text lacks cannot occur, so it is skipped
    before the scan; cached because a heading context repeats for every
    clause under it. This was half the clause stage's time.
    """
    chars = set(text)
    return tuple(
        (kind, sum(text.count(w) for w in words if chars.issuperset(w))) for kind, words in _cues()
    )


@lru_cache(maxsize=1)
def _shapes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data: dict[str, Any] = load_data("clause_kinds.yaml")
    return tuple((name, re.compile(p)) for name, p in (data.get("shapes") or {}).items())


_AS_WRITTEN = frozenset({"item", "article"})  # shapes tested on the clause with its numbering


def cue_tokens(text: str, context: Sequence[str] = (), position: float | None = None) -> str:
    """Generalising features as tokens: cue-word hits per kind and the clause's shape.

    ``cue_measure`` for each 鼓励/支持/… in the clause, ``ctx_eligibility`` for a
    heading that names the conditions, ``open:对`` for how the clause opens,
    ``money``/``date``/``due`` when a figure of that sort is present.
    """
    body = _NUMBERING.sub("", text, count=1)
    ctx = " ".join(context)
    tokens: list[str] = []
    for kind, hits in _cue_counts(body):
        tokens += [f"cue_{kind}"] * hits
    for kind, hits in _cue_counts(ctx):
        tokens += [f"ctx_{kind}"] * hits
    if body:
        tokens += [f"open:{body[:1]}", f"open2:{body[:2]}"]
    if _MONEY.search(body):
        tokens.append("money")
    if _DATE.search(body):
        tokens.append("date")
    if _DUE.search(body):
        tokens.append("due")
    if body.rstrip().endswith(("：", ":")):
        tokens.append("leadin")
    tokens += [f"sh_{name}" for name, rx in _shapes() if rx.search(text if name in _AS_WRITTEN else body)]
    tokens.append(f"len{min(len(body) // 40, 4)}")
    if position is not None:
        # where in the document: preambles open it, contacts and closing provisions end it
        tokens.append(f"pos{min(int(position * 5), 4)}")
    return " ".join(tokens)


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def words(text: str) -> str:
    """The clause (without its numbering) as space-separated jieba words.

    Words tell 应当 from 相应 and 申报 from 申报表 where char n-grams blur them;
    grouped CV rose from 0.699 to 0.715 macro-F1 with this column (2026-11-23).
    Tokenising here, not in the vectorizer, keeps the saved model free of callables.
    """
    body = _NUMBERING.sub("", text, count=1)
    return " ".join(w for w in _jieba().lcut(body) if w.strip())


def model_input(text: str, context: Sequence[str], position: float | None = None) -> list[str]:
    """One row of model input: [clause text, heading context, cue/shape tokens, jieba words].

    ``position`` is the clause start as a fraction of the document length.
    """
    return [text, " ".join(context), cue_tokens(text, context, position), words(text)]


_LOCK = threading.Lock()
_MODEL: Any = None
_MODEL_LOADED = False


def load_model(path: Path = MODEL_PATH, trusted: Sequence[str] = TRUSTED_TYPES) -> Any:
    """Load a skops model, refusing any type outside ``trusted``."""
    import skops.io as sio

    if not path.exists():
        raise ModelFileError(path, "file not found; train it with `python -m pipeline.extract.train_clause_kind`")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:  # noqa: BLE001 - a corrupt file is a user-facing error
        raise ModelFileError(path, f"not a skops file ({type(exc).__name__})") from None
    unknown = sorted(set(untrusted) - set(trusted))
    if unknown:
        raise ModelFileError(path, f"untrusted types {', '.join(unknown)}; refusing to load")
    return sio.load(path, trusted=list(trusted))


def _model() -> Any:
    """The shipped model, loaded once on first use (None when absent)."""
    global _MODEL, _MODEL_LOADED
    if not _MODEL_LOADED:
        with _LOCK:
            if not _MODEL_LOADED:
                _MODEL = load_model() if MODEL_PATH.exists() else None
                _MODEL_LOADED = True
    return _MODEL


def model_meta() -> dict[str, Any]:
    try:
        return json.loads(META_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def classify_many(
    items: Sequence[tuple[str, Sequence[str]]], positions: Sequence[float] | None = None
) -> list[tuple[str, float, list[str]]]:
    """(kind, confidence, secondary kinds) for each (clause text, heading context)."""
    if not items:
        return []
    model = _model()
    probs: list[dict[str, float]] = [{} for _ in items]
    if model is not None:
        import numpy as np

        pos = list(positions) if positions is not None else [None] * len(items)
        rows = np.array([model_input(t, c, p) for (t, c), p in zip(items, pos)], dtype=object)
        for i, row in enumerate(model.predict_proba(rows)):
            probs[i] = {str(k): float(p) for k, p in zip(model.classes_, row)}
    out: list[tuple[str, float, list[str]]] = []
    for (text, context), p in zip(items, probs):
        ruled = rule_kind(text, context)
        if ruled is not None:
            kind, conf = ruled, max(RULE_CONFIDENCE, p.get(ruled, 0.0))
        elif p:
            kind = max(p, key=p.__getitem__)
            conf = p[kind]
        else:
            kind, conf = FALLBACK_KIND, 0.0
        secondary = sorted((k for k, v in p.items() if k != kind and v >= SECONDARY_MIN_PROB), key=lambda k: -p[k])
        out.append((kind, conf, secondary))
    return out


def classify(text: str, context: Sequence[str] = ()) -> tuple[str, float]:
    """Kind and confidence of one clause."""
    kind, conf, _ = classify_many([(text, context)])[0]
    return kind, conf


__all__ = [
    "TRUSTED_TYPES",
    "MODEL_PATH",
    "classify",
    "classify_many",
    "labels",
    "load_model",
    "model_input",
    "rule_kind",
]
