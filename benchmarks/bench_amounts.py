"""Money amounts: our extractor vs JioNLP's extract_money and a cn2an-based baseline.

All three run on the same hand-read gold (corpora/gold/amounts, test split) and
are scored by the same code (pipeline/eval/amounts.py): value F1 by span
overlap, kind accuracy over matched pairs. Throughput is characters of
normalised text per second of extraction only — JioNLP takes about half a
second to import, which is paid before timing starts.

Baselines:
- ``jionlp``: ``jionlp.ner.extract_money`` (JioNLP 1.5; the top-level
  ``jio.extract_money`` of older docs is not exported). Its ranges become
  ``range``, "blur+"/"blur-" become floor/cap, everything else exact. It does
  not read percentages.
- ``cn2an_transform``: ``cn2an.transform`` (Chinese numerals -> Arabic) on lines that hold
  Chinese numerals, then a regex for number + 万/亿 + currency.
- ``cn2an_regex``: a floor, not a competitor — one bare regex with ``cn2an.cn2an(…, "smart")``
  reading each match. It is faster than any real extractor (it reads no markers, no
  percentages, no ranges) and shows what rules cost; speed ratios are against the libraries.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from pipeline.eval.amounts import load_document, load_gold, score_document, split_docs, summarise
from pipeline.model import Amount, Document

Extractor = Callable[[str], list[Amount]]

_CURRENCY = {"元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD",
             "日元": "JPY", "英镑": "GBP"}


def _ours() -> Extractor:
    from pipeline.extract.amounts import find_amounts

    return find_amounts


def _jionlp() -> Extractor:
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
        import jionlp

    extract = jionlp.ner.extract_money

    def run(text: str) -> list[Amount]:
        out = []
        for item in extract(text, with_parsing=True):
            start, end = item["offset"]
            detail = item.get("detail") or {}
            num = detail.get("num")
            cur = _CURRENCY.get(detail.get("case", "元"), "CNY")
            definition = detail.get("definition", "")
            if isinstance(num, list):
                low, high = float(num[0]), float(num[1])
                out.append(Amount(item["text"], start, end, None, cur, "range", low=low, high=high))
                continue
            try:
                value = float(num)
            except (TypeError, ValueError):
                continue
            kind = {"blur+": "floor", "blur-": "cap"}.get(definition, "exact")
            out.append(Amount(item["text"], start, end, value, cur, kind))
        return out

    return run


def _cn2an_regex() -> Extractor:
    import cn2an

    pattern = re.compile(
        r"(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)(万|亿|千)?(元|美元|欧元|港元)"
    )

    def run(text: str) -> list[Amount]:
        out = []
        for m in pattern.finditer(text):
            try:
                value = float(cn2an.cn2an(m.group(1) + (m.group(2) or ""), "smart"))
            except (ValueError, KeyError, IndexError, TypeError):
                continue
            out.append(Amount(m.group(0), m.start(), m.end(), value, _CURRENCY[m.group(3)], "exact"))
        return out

    return run


def _cn2an_transform() -> Extractor:
    """cn2an.transform turns Chinese numerals into Arabic ones (八百万元 -> 8000000元); a regex then
    reads number + 万/亿 + currency. Lines it changed are aligned back to the original text with
    difflib so spans can be scored; only lines with Chinese numerals go through transform."""
    import difflib
    import warnings

    import cn2an

    cn_chars = re.compile("[零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]")
    pattern = re.compile(r"(\d+(?:\.\d+)?)(万|亿|千)?(元|美元|欧元|港元)")
    unit = {"万": 1e4, "亿": 1e8, "千": 1e3, None: 1}

    def run(text: str) -> list[Amount]:
        out = []
        offset = 0
        for line in text.split("\n"):
            changed = line
            if cn_chars.search(line):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # it warns on every numeral it cannot read
                    changed = cn2an.transform(line, "cn2an")
            to_orig = _align(changed, line, difflib) if changed != line else None
            for m in pattern.finditer(changed):
                a, b = m.start(), m.end()
                if to_orig is not None:
                    a, b = to_orig[a], to_orig[b]
                if b <= a:
                    continue
                value = float(m.group(1)) * unit[m.group(2)]
                out.append(Amount(text[offset + a : offset + b], offset + a, offset + b, value,
                                  _CURRENCY[m.group(3)], "exact"))
            offset += len(line) + 1
        return out

    return run


def _align(changed: str, original: str, difflib) -> list[int]:
    """Index in ``changed`` -> index in ``original`` (replaced stretches map to their ends)."""
    to_orig = [0] * (len(changed) + 1)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, changed, original, autojunk=False).get_opcodes():
        for k in range(i1, i2 + 1):
            to_orig[k] = j1 + (k - i1) if op == "equal" else (j1 if k == i1 else j2)
    return to_orig


def _score(extractor: Extractor, docs: list[tuple[str, Document, list]]) -> dict[str, Any]:
    scores = []
    for doc_id, doc, gold in docs:
        doc.amounts = extractor(doc.text)
        scores.append(score_document(doc_id, doc, gold))
    return summarise(scores)


def _throughput(extractor: Extractor, texts: list[str], repeats: int) -> float:
    """Best of ``repeats`` passes: the machine is shared, the fastest pass is the least disturbed."""
    chars = sum(len(t) for t in texts)
    for t in texts:  # warm-up: lazy tables, regex compilation
        extractor(t)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for t in texts:
            extractor(t)
        best = min(best, time.perf_counter() - started)
    return chars / best


def run(quick: bool = False) -> list[dict]:
    docs = []
    for doc_id, path in split_docs("test").items():
        if not path.exists():
            continue
        doc = load_document(path)
        docs.append((doc_id, doc, load_gold(doc_id, doc.text)))
    if not docs:
        return [{"name": "amounts", "metric": "skipped", "value": "test docs absent (../shared)"}]
    texts = [d.text for _, d, _ in docs]
    repeats = 3 if quick else 15
    # cn2an_regex is a floor, not a competitor: one bare regex with cn2an reading the values.
    engines = {"policylens": _ours, "jionlp": _jionlp, "cn2an_transform": _cn2an_transform,
               "cn2an_regex": _cn2an_regex}
    rows = []
    for name, make in engines.items():
        extractor = make()  # imports happen here, outside the timing
        quality = _score(extractor, docs)
        rows.append(
            {
                "engine": name,
                "docs": quality["docs"],
                "gold": quality["gold"],
                "precision": quality["precision"],
                "recall": quality["recall"],
                "f1": quality["f1"],
                "kind_accuracy": quality["kind_accuracy"],
                "chars_per_s": _throughput(extractor, texts, repeats),
            }
        )
    libraries = [r for r in rows if r["engine"] in ("jionlp", "cn2an_transform")]
    fastest_baseline = max(r["chars_per_s"] for r in libraries)
    best_baseline_f1 = max(r["f1"] for r in libraries)
    for r in rows:
        r["speed_vs_fastest_baseline"] = r["chars_per_s"] / fastest_baseline
        r["f1_minus_best_baseline"] = r["f1"] - best_baseline_f1
    return rows
