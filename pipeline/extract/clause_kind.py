"""What a clause is about: eligibility, material, procedure, deadline, money, …

Two layers, so that the obvious cases never depend on a statistical model and
the rest still get a sensible label:

1. cue-word rules from ``pipeline/data/clause_kinds.yaml`` (high precision:
   "联系电话：", "于2019年8月23日前", "取消…资格");
2. a classifier trained on ``corpora/gold/clauses`` by
   ``python -m pipeline.extract.train_clause_kind``: TF-IDF of the clause's
   char 1–3-grams, of its char 2–3-grams and dictionary words without its
   numbering, of its heading context, and of cue-word, sentence-shape
   and deadline tokens (what ``pipeline.extract.deadlines``
   finds in the clause: a due date, a period counted from an event, an
   application window), into a logistic regression; a second logistic regression sees the
   same features plus the first one's probabilities for the clauses just
   before and after, because the items of one list and the sentences of one
   paragraph share a kind.

Speed: the features are fitted with scikit-learn but applied by
:class:`FastModel`, which computes the same TF-IDF values with numpy over all
clauses of a document at once: char n-grams become integer keys looked up
with ``searchsorted`` instead of Python string slicing, one heading context is
vectorised once for all clauses under it, and words come from forward maximum
matching over a dictionary (:class:`DictionaryWords`) instead of jieba. The
trainer checks that FastModel reproduces scikit-learn's features before it
saves a model (``benchmarks/bench_clause_kind.py`` measures the speed-up).

The model is stored with skops and loaded with an explicit list of trusted
types, never with pickle: a model file is code, and a tampered one must fail
to load rather than run.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

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
    "sklearn.linear_model._logistic.LogisticRegression",
)

RULE_CONFIDENCE = 0.9  # a cue-word rule is trusted at least this much
SECONDARY_MIN_PROB = 0.3  # other labels the model finds this likely go to Clause.kinds
FALLBACK_KIND = "other"

# One row of model input, in this order (see model_input).
COLUMNS: tuple[str, ...] = ("text", "context", "cues", "body")
# what load_model accepts: a dict of exported vectorizers and classifiers (train_clause_kind.export)
BUNDLE_FORMAT = "policylens.clause_kind.v2"


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


def clause_body(text: str) -> str:
    """The clause without its numbering ("（一）", "第七条", "1.")."""
    return _NUMBERING.sub("", text, count=1)


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue words of every kind as ONE regex, and which kinds each word counts for.

    Matches are leftmost-longest and do not overlap, so a decoy ("相应",
    "主要") takes its characters away from the one-character cue inside it
    ("应", "要") — the word-boundary knowledge jieba used to supply.
    """

    pattern: re.Pattern[str] | None
    kinds_of: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def _lexicon() -> CueLexicon:
    data: dict[str, Any] = load_data("clause_kinds.yaml")
    kinds_of: dict[str, list[str]] = {}
    for kind, words in (data.get("cues") or {}).items():
        for w in words:
            kinds_of.setdefault(w, [])
            if kind not in kinds_of[w]:
                kinds_of[w].append(kind)
    for w in data.get("cue_decoys") or ():
        kinds_of.setdefault(w, [])
    if not kinds_of:
        return CueLexicon(None, {})
    alternation = "|".join(re.escape(w) for w in sorted(kinds_of, key=lambda w: (-len(w), w)))
    return CueLexicon(re.compile(alternation), {w: tuple(k) for w, k in kinds_of.items()})


def _cue_hits(text: str, prefix: str) -> list[str]:
    """``<prefix>_<kind>`` once for every cue word of that kind in ``text``."""
    lex = _lexicon()
    if lex.pattern is None:
        return []
    out: list[str] = []
    kinds_of = lex.kinds_of
    for word in lex.pattern.findall(text):
        out += [f"{prefix}_{k}" for k in kinds_of[word]]
    return out


@lru_cache(maxsize=4096)
def _context_hits(context: str) -> tuple[str, ...]:
    # cached: one heading context repeats for every clause under it
    return tuple(_cue_hits(context, "ctx"))


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
    body = clause_body(text)
    tokens = _cue_hits(body, "cue")
    tokens += _context_hits(" ".join(context))
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


def model_input(
    text: str, context: Sequence[str], position: float | None = None, deadline: str = ""
) -> list[str]:
    """One row of model input (see COLUMNS): [clause, heading context, cue/shape tokens, body].

    ``position`` is the clause start as a fraction of the document length;
    ``deadline`` the clause's tokens from :func:`deadline_tokens` (they join the
    cue column). The body (the clause without its numbering) feeds two
    feature columns: char 2–3-grams and dictionary words.
    """
    cues = cue_tokens(text, context, position)
    return [text, " ".join(context), f"{cues} {deadline}" if deadline else cues, clause_body(text)]


def model_rows(
    items: Sequence[tuple[str, Sequence[str]]], positions: Sequence[float | None] | None = None
) -> list[list[str]]:
    """Model input of every clause of ONE document, in text order (training and run time alike)."""
    pos = list(positions) if positions is not None else [None] * len(items)
    deadlines = deadline_tokens([t for t, _ in items])
    return [model_input(t, c, p, d) for (t, c), p, d in zip(items, pos, deadlines)]


# A clause the deadline stage can find anything in names a date or a period unit
# (pipeline/data/deadlines.yaml period_units: 日, 天, 周, 星期, 月, 年, 小时; 有效期).
_TIME_WORD = re.compile(r"[年月日天周期时]")


def deadline_tokens(texts: Sequence[str]) -> list[str]:
    """What the deadline stage finds in each clause, as feature tokens ("" for none).

    The GUIDE calls a clause ``deadline`` when a time limit is its point; the
    deadline stage (F1 1.0 on its gold) already tells a limit ("于…前报送",
    "自收到…之日起30日内") from a date that merely happens ("于2025年4月3日公示")
    or a statistic. The clause stage runs before it, so it is run here on the
    clauses that name a time word, joined one per line: the same input at
    training and at run time. Tokens: ``dl_<kind>`` per kind found (due_by,
    period, start, range_end, on_date, recurring), ``dl_anchor`` for a period
    counted from an event, ``dl_act`` when an action follows the limit,
    ``dl_at<k>`` for where in the clause the first one sits (thirds).
    """
    from bisect import bisect_right

    from pipeline.extract.deadlines import extract_deadlines, without_actors
    from pipeline.extract.workdays import HolidayCalendar
    from pipeline.model import Document, Source

    out = [""] * len(texts)
    picked = [i for i, t in enumerate(texts) if _TIME_WORD.search(t)]
    if not picked:
        return out
    starts: list[int] = []
    offset = 0
    for i in picked:
        starts.append(offset)
        offset += len(texts[i]) + 1
    doc = Document(source=Source(path="<clauses>", format="txt", sha256=""), text="\n".join(texts[i] for i in picked))
    found: dict[int, list[str]] = {}
    # an empty holiday calendar: only which limits exist matters here, not their computed dates,
    # and a reviewer's POLICYLENS_HOLIDAYS file must not change a clause's kind
    # actors are not features: skipping their reader (jieba.posseg) changes no token on 19,681 clauses
    # of the real corpus, the seeds and 150 bulk laws, and saves most of this step's time
    with without_actors():
        found_deadlines = extract_deadlines(doc, holidays=HolidayCalendar()).deadlines
    for d in found_deadlines:
        j = bisect_right(starts, d.start) - 1
        tokens = found.setdefault(j, [])
        if not tokens:
            share = (d.start - starts[j]) / max(len(texts[picked[j]]), 1)
            tokens.append(f"dl_at{min(int(share * 3), 2)}")
        tokens.append(f"dl_{d.kind}")
        if d.anchor:
            tokens.append("dl_anchor")
        if d.action:
            tokens.append("dl_act")
    for j, tokens in found.items():
        out[picked[j]] = " ".join(dict.fromkeys(tokens))
    return out


# ---- applying the model fast ------------------------------------------------------
#
# The trainer fits scikit-learn TfidfVectorizers, then exports each one as plain arrays
# (its terms in column order, idf, settings; see export_vectorizer) and checks that
# FastModel reproduces ColumnTransformer.transform on every training row. A skops file
# of arrays loads in a fraction of the time the vectorizers' vocabulary dicts took.

_BITS = 21  # every code point + 1 fits in 21 bits, so three of them fit in a uint64
MAX_CHAR_NGRAM = 3
_WHITE_SPACES = re.compile(r"\s\s+")  # what sklearn's char analyzer collapses to " "


def export_vectorizer(vectorizer: Any, column: int, weight: float) -> dict[str, Any]:
    """A fitted TfidfVectorizer as the arrays and settings FastModel needs.

    Only what FastModel computes exactly is accepted: char n-grams up to
    MAX_CHAR_NGRAM, whitespace-separated tokens, or DictionaryWords with its
    dictionary as the vocabulary.
    """
    char = vectorizer.analyzer == "char" and 1 <= vectorizer.ngram_range[0] <= vectorizer.ngram_range[1] <= MAX_CHAR_NGRAM
    tokens = (
        vectorizer.analyzer == "word"
        and vectorizer.token_pattern == r"\S+"
        and tuple(vectorizer.ngram_range) == (1, 1)
        and vectorizer.tokenizer is None
        and vectorizer.stop_words is None
    )
    words = isinstance(vectorizer.analyzer, DictionaryWords)
    plain = vectorizer.preprocessor is None and vectorizer.strip_accents is None and vectorizer.use_idf
    if not (char or tokens or words) or not plain or vectorizer.norm not in ("l2", None):
        raise ValueError(f"vectorizer of column {column} is not one FastModel can apply: {vectorizer!r}")
    vocab: dict[str, int] = vectorizer.vocabulary_
    terms = [""] * len(vocab)
    for term, i in vocab.items():
        terms[i] = term
    if words and terms != vectorizer.analyzer.words:
        raise ValueError(f"column {column}: the vocabulary must be the tokenizer's dictionary, in its order")
    return {
        "column": int(column),
        "analyzer": "dict_words" if words else "char" if char else "tokens",
        "ngram_range": [int(n) for n in vectorizer.ngram_range],
        "lowercase": bool(vectorizer.lowercase),
        "sublinear_tf": bool(vectorizer.sublinear_tf),
        "norm": vectorizer.norm,
        "weight": float(weight),
        "terms": np.array(terms, dtype=str),
        "idf": np.asarray(vectorizer.idf_, dtype=np.float64),
    }


def _keys(terms: Any) -> Any:
    """The integer key of each char n-gram (see _CharTfidf), from a fixed-width unicode array."""
    width = terms.dtype.itemsize // 4
    codes = terms.view(np.uint32).reshape(len(terms), width).astype(np.uint64)
    keys = np.zeros(len(terms), dtype=np.uint64)
    for j in range(width):
        c = codes[:, j]
        present = c > 0  # numpy pads shorter terms with NUL
        keys = np.where(present, (keys << np.uint64(_BITS)) | (c + np.uint64(1)), keys)
    return keys


def _ngram_keys(codes: Any, n: int, bits: int) -> Any:
    """The key of the n-gram starting at each position: its n codes as ``bits``-bit digits."""
    m = len(codes) - n + 1
    key = codes[:m].copy()
    for j in range(1, n):
        key = (key << np.uint64(bits)) | codes[j : j + m]
    return key


class _CharTfidf:
    """``TfidfVectorizer(analyzer="char")`` transform over many texts at once.

    An n-gram is the integer made of its code points (21 bits each, +1 so that
    n-grams of different lengths never share a key); all n-grams of all texts
    are built with array shifts and looked up in the sorted vocabulary keys.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self.lo, self.hi = spec["ngram_range"]
        self.lowercase = spec["lowercase"]
        terms = spec["terms"]
        keys = _keys(terms) if len(terms) else np.zeros(0, dtype=np.uint64)
        order = np.argsort(keys, kind="stable")
        self.keys, self.cols = keys[order], order.astype(np.int64)
        self.n_features = len(terms)
        self.spec = spec

    def transform(self, texts: Sequence[str]) -> Any:
        docs = [_WHITE_SPACES.sub(" ", t.lower() if self.lowercase else t) for t in texts]
        n_docs = len(docs)
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=n_docs)
        codes = np.frombuffer("".join(docs).encode("utf-32-le"), dtype="<u4").astype(np.uint64) + np.uint64(1)
        row_of = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
        rows: list[Any] = [np.zeros(0, dtype=np.int64)]
        cols: list[Any] = [np.zeros(0, dtype=np.int64)]
        for n in range(self.lo, self.hi + 1):
            m = len(codes) - n + 1
            if m <= 0 or not len(self.keys):
                continue
            key = _ngram_keys(codes, n, _BITS)
            inside = row_of[:m] == row_of[n - 1 : n - 1 + m]  # the n-gram does not span two texts
            key, row = key[inside], row_of[:m][inside]
            pos = np.searchsorted(self.keys, key)
            pos[pos == len(self.keys)] = 0
            hit = self.keys[pos] == key
            rows.append(row[hit])
            cols.append(self.cols[pos[hit]])
        counts = _counts(np.concatenate(rows), np.concatenate(cols), n_docs, self.n_features)
        return _tfidf(counts, self.spec)


_WORD_BITS = 16  # dictionary words are 2–4 characters: four 16-bit codes fit in a uint64
DICT_WORD_CHARS = (2, 4)


def _word_codes(text: str) -> Any:
    """Code points as 16-bit word-key digits (+1; characters beyond U+FFFE share the top digit)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    return np.minimum(codes, 0xFFFE).astype(np.uint64) + np.uint64(1)


class DictionaryWords:
    """Forward maximum matching over a fixed dictionary of 2–4-character words.

    Scanning left to right, the longest dictionary word starting at the
    current character is a token and the scan resumes after it; a character
    that starts no word is skipped. The dictionary is the jieba words of the
    training clauses (train_clause_kind.words_dictionary), so the classifier
    keeps what jieba words told it (应当 vs 相应, 申报 vs 申报表: grouped CV
    +0.008 macro-F1 over no word column) while run time needs no jieba: the
    longest match at every position comes from array lookups, and only the
    greedy walk over matched positions is a Python loop (jieba was 40% of the
    clause stage; this is ~5% of it).

    Callable on one text (sklearn's ``analyzer`` while training);
    :meth:`tokens` serves many texts at once.
    """

    def __init__(self, words: Sequence[str]) -> None:
        self.words = [str(w) for w in words]
        lo, hi = DICT_WORD_CHARS
        if any(not lo <= len(w) <= hi for w in self.words):
            raise ValueError(f"dictionary words must have {lo}–{hi} characters")
        keys = np.fromiter((self._key(w) for w in self.words), dtype=np.uint64, count=len(self.words))
        order = np.argsort(keys, kind="stable")
        self.keys, self.cols = keys[order], order.astype(np.int64)

    @staticmethod
    def _key(word: str) -> int:
        key = 0
        for code in _word_codes(word).tolist():
            key = (key << _WORD_BITS) | code
        return key

    def tokens(self, texts: Sequence[str]) -> tuple[Any, Any]:
        """(text index, dictionary index) of every token of ``texts``, in text order."""
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        codes = _word_codes("".join(texts))
        row_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        longest = np.zeros(len(codes), dtype=np.int64)
        col = np.zeros(len(codes), dtype=np.int64)
        lo, hi = DICT_WORD_CHARS
        for n in range(lo, hi + 1):  # longer words overwrite shorter ones at the same position
            m = len(codes) - n + 1
            if m <= 0 or not len(self.keys):
                break
            key = _ngram_keys(codes, n, _WORD_BITS)
            pos = np.searchsorted(self.keys, key)
            pos[pos == len(self.keys)] = 0
            hit = (self.keys[pos] == key) & (row_of[:m] == row_of[n - 1 : n - 1 + m])
            where = np.flatnonzero(hit)
            longest[where] = n
            col[where] = self.cols[pos[where]]
        starts: list[int] = []
        free = 0
        size = longest.tolist()
        for p in np.flatnonzero(longest).tolist():
            if p >= free:
                starts.append(p)
                free = p + size[p]
        at = np.array(starts, dtype=np.int64)
        return row_of[at], col[at]

    def __call__(self, text: str) -> list[str]:
        _, cols = self.tokens([text])
        return [self.words[c] for c in cols.tolist()]


class _DictWordsTfidf:
    """TF-IDF of DictionaryWords tokens (the words column)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.tokenizer = DictionaryWords(spec["terms"])
        self.spec = spec

    def transform(self, texts: Sequence[str]) -> Any:
        rows, cols = self.tokenizer.tokens(texts)
        return _tfidf(_counts(rows, cols, len(texts), len(self.tokenizer.words)), self.spec)


def _counts(rows: Any, cols: Any, n_rows: int, n_cols: int) -> Any:
    """A CSR count matrix from (row, col) pairs; np.unique sorts them, the canonical CSR order."""
    from scipy import sparse

    pairs, counts = np.unique(rows * n_cols + cols, return_counts=True)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(pairs // n_cols, minlength=n_rows), out=indptr[1:])
    return sparse.csr_matrix((counts.astype(np.float64), pairs % n_cols, indptr), shape=(n_rows, n_cols))


class _TokenTfidf:
    """``TfidfVectorizer(token_pattern=r"\\S+")`` over space-separated tokens (the cue column)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.vocab = {str(t): i for i, t in enumerate(spec["terms"])}
        self.lowercase = spec["lowercase"]
        self.spec = spec

    def transform(self, texts: Sequence[str]) -> Any:
        from scipy import sparse

        vocab = self.vocab
        rows: list[int] = []
        cols: list[int] = []
        for i, t in enumerate(texts):
            for tok in (t.lower() if self.lowercase else t).split():
                col = vocab.get(tok)
                if col is not None:
                    rows.append(i)
                    cols.append(col)
        counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(vocab)))
        counts.sum_duplicates()
        return _tfidf(counts, self.spec)


def _tfidf(counts: Any, spec: dict[str, Any]) -> Any:
    """TfidfTransformer's arithmetic on a count matrix, then the ColumnTransformer weight."""
    if spec["sublinear_tf"]:
        np.log(counts.data, counts.data)
        counts.data += 1.0
    counts.data *= spec["idf"][counts.indices]
    if spec["norm"] == "l2" and counts.nnz:
        # sklearn's normalize(), without its input checks: each row divided by its Euclidean norm
        row = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        norms = np.sqrt(np.bincount(row, weights=counts.data**2, minlength=counts.shape[0]))
        counts.data /= norms[row]
    if spec["weight"] != 1.0:
        counts.data *= spec["weight"]
    return counts


def neighbour_features(proba: Any, weight: float) -> Any:
    """The first stage's probabilities of the previous and of the next clause (zeros at the ends).

    Rows must be in document order; the second stage reads them next to the
    clause's own features (grouped CV: see train_clause_kind.py).
    """
    n, k = proba.shape
    out = np.zeros((n, 2 * k))
    if n > 1:
        out[1:, :k] = proba[:-1]
        out[:-1, k:] = proba[1:]
    return out * weight


class FastModel:
    """The shipped model applied with numpy: feature columns, the first-stage classifier, and the
    optional neighbour-aware second stage. ``bundle`` is what train_clause_kind exports."""

    def __init__(self, bundle: dict[str, Any]) -> None:
        kinds = {"char": _CharTfidf, "tokens": _TokenTfidf, "dict_words": _DictWordsTfidf}
        self.encoders: list[tuple[int, Any]] = [
            (spec["column"], kinds[spec["analyzer"]](spec)) for spec in bundle["encoders"]
        ]
        self.base = bundle["base"]
        self.stacked = bundle.get("stacked")
        self.neighbour_weight = float(bundle.get("neighbour_weight", 1.0))
        self.classes_ = np.asarray(self.base.classes_)

    def features(self, rows: Sequence[Sequence[str]]) -> Any:
        """All feature columns of ``rows`` side by side (each column's distinct strings encoded once:
        one heading context serves every clause under it)."""
        from scipy import sparse

        blocks = []
        for column, encoder in self.encoders:
            distinct: dict[str, int] = {}
            index = np.fromiter(
                (distinct.setdefault(row[column], len(distinct)) for row in rows), dtype=np.int64, count=len(rows)
            )
            block = encoder.transform(list(distinct))
            blocks.append(block[index] if len(distinct) < len(rows) else block)
        return sparse.hstack(blocks, format="csr")

    def predict_proba_base(self, rows: Sequence[Sequence[str]]) -> Any:
        """The first stage's class probabilities (no neighbours)."""
        return self.base.predict_proba(self.features(rows))

    def predict_proba(self, rows: Sequence[Sequence[str]]) -> Any:
        """Class probabilities, rows in document order (the second stage reads neighbours)."""
        from scipy import sparse

        X = self.features(rows)
        proba = self.base.predict_proba(X)
        if self.stacked is None:
            return proba
        extra = sparse.csr_matrix(neighbour_features(proba, self.neighbour_weight))
        return self.stacked.predict_proba(sparse.hstack([X, extra], format="csr"))


_LOCK = threading.Lock()
_MODEL: FastModel | None = None
_MODEL_LOADED = False


def load_model(path: Path = MODEL_PATH, trusted: Sequence[str] = TRUSTED_TYPES) -> dict[str, Any]:
    """Load a skops model bundle, refusing any type outside ``trusted``."""
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
    model = sio.load(path, trusted=list(trusted))
    if not isinstance(model, dict) or model.get("format") != BUNDLE_FORMAT:
        raise ModelFileError(path, f"not a {BUNDLE_FORMAT} model; retrain it with `python -m pipeline.extract.train_clause_kind`")
    return model


def _model() -> FastModel | None:
    """The shipped model, loaded once on first use (None when absent)."""
    global _MODEL, _MODEL_LOADED
    if not _MODEL_LOADED:
        with _LOCK:
            if not _MODEL_LOADED:
                _MODEL = FastModel(load_model()) if MODEL_PATH.exists() else None
                _MODEL_LOADED = True
    return _MODEL


def model_meta() -> dict[str, Any]:
    try:
        return json.loads(META_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def decide(
    items: Sequence[tuple[str, Sequence[str]]], proba: Any, classes: Sequence[str]
) -> list[tuple[str, float, list[str]]]:
    """Rules first, then the model's most likely kind; secondary kinds from the probabilities."""
    out: list[tuple[str, float, list[str]]] = []
    names = [str(c) for c in classes]
    for i, (text, context) in enumerate(items):
        p = dict(zip(names, map(float, proba[i]))) if proba is not None else {}
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


def classify_many(
    items: Sequence[tuple[str, Sequence[str]]], positions: Sequence[float] | None = None
) -> list[tuple[str, float, list[str]]]:
    """(kind, confidence, secondary kinds) for each (clause text, heading context).

    ``items`` are the clauses of ONE document in text order: they are
    vectorised in one pass, and each clause's neighbours inform its kind.
    """
    if not items:
        return []
    model = _model()
    proba = None
    if model is not None:
        proba = model.predict_proba(model_rows(items, positions))
    return decide(items, proba, model.classes_ if model is not None else ())


def classify(text: str, context: Sequence[str] = ()) -> tuple[str, float]:
    """Kind and confidence of one clause."""
    kind, conf, _ = classify_many([(text, context)])[0]
    return kind, conf


__all__ = [
    "BUNDLE_FORMAT",
    "COLUMNS",
    "MODEL_PATH",
    "TRUSTED_TYPES",
    "DictionaryWords",
    "FastModel",
    "classify",
    "classify_many",
    "clause_body",
    "cue_tokens",
    "deadline_tokens",
    "decide",
    "export_vectorizer",
    "labels",
    "load_model",
    "model_input",
    "model_rows",
    "neighbour_features",
    "rule_kind",
]
