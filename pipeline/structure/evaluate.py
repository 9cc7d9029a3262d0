"""Score the heading tree and metadata against the hand-written gold files.

Gold lives in ``corpora/gold/sections/<doc>.yaml`` and ``corpora/gold/meta/<doc>.yaml``
(rules in ``corpora/gold/sections/GUIDE.md``); which documents are train and which
are held-out test is ``corpora/split.yaml``. ``policylens eval`` calls
:func:`evaluate_sections` and :func:`evaluate_meta`; ``python -m
pipeline.structure.evaluate`` prints both for train and test.

Heading-tree accuracy is the share of gold headings found with the same number,
level and parent; precision is the share of predicted headings (inside the
annotated part) that are gold headings. Gold and predicted headings are aligned
in document order by their numbers, so one missed heading does not shift the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from pipeline.model import Document

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpora" / "gold"
SPLIT = ROOT / "corpora" / "split.yaml"

_BRACKETS = str.maketrans(
    {
        "(": "（",
        ")": "）",
        "．": ".",
        "﹒": ".",
        "〔": "〔",
        "[": "〔",
        "]": "〕",
        "【": "〔",
        "】": "〕",
        "—": "-",
        "－": "-",
        "–": "-",
        "：": ":",
        "，": ",",
    }
)
_SEPARATORS = re.compile(r"[\s、，,；;]+")


def split_docs(split: str, *, split_file: Path | None = None) -> dict[str, Path]:
    """Documents of ``split`` (train, test, or all) -> their paths.

    ``split_file`` points at another split (e.g. ``corpora/gold_structure2/split.yaml``, a
    blind set added after the audit of the first test split); its paths are relative to the
    repository root like those of ``corpora/split.yaml``.
    """
    data = yaml.safe_load((split_file or SPLIT).read_text(encoding="utf-8"))
    names = sorted(data) + ["all"]
    if split not in names:
        raise ValueError(f"The 'split' parameter must be one of {names}; got {split!r} instead.")
    parts = list(data) if split == "all" else [split]
    return {doc_id: (ROOT / rel).resolve() for part in parts for doc_id, rel in (data[part] or {}).items()}


def load_document(path: Path) -> Document:
    """The normalised Document for ``path`` (offsets must index the same text the pipeline uses)."""
    from pipeline.ingest import load

    return load(path)


def _key(text: str | None) -> str:
    return re.sub(r"\s+", "", (text or "")).translate(_BRACKETS)


def _node_key(number: str | None, title: str | None) -> str:
    return _key(number) if number else "title:" + _key(title).strip("〔〕")


def _align(gold: list[str], pred: list[str]) -> list[tuple[int, int]]:
    """Longest common subsequence of two key lists, as index pairs."""
    n, m = len(gold), len(pred)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1 if gold[i] == pred[j] else max(table[i + 1][j], table[i][j + 1])
            )
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if gold[i] == pred[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def score_sections(gold: dict[str, Any], doc: Document) -> dict[str, Any]:
    """Compare one document's predicted heading tree with its gold tree."""
    g = gold.get("sections") or []
    by_id = {s.id: s for s in doc.sections}
    pred = doc.sections
    gkeys = [_node_key(s.get("number"), s.get("title")) for s in g]
    pkeys = [_node_key(s.number, s.title) for s in pred]
    pairs = _align(gkeys, pkeys)
    correct, errors = 0, []
    for gi, pj in pairs:
        gs, ps = g[gi], pred[pj]
        parent = by_id.get(ps.parent) if ps.parent else None
        pparent = _node_key(parent.number, parent.title) if parent else None
        gparent = None
        if gs.get("parent") is not None:
            gparent = (
                _key(gs["parent"])
                if _looks_numbered(gs["parent"], g)
                else "title:" + _key(gs["parent"]).strip("〔〕")
            )
        if gs["level"] == ps.level and gparent == pparent:
            correct += 1
        else:
            errors.append(f"{gkeys[gi]}: level {ps.level}/{gs['level']} parent {pparent}/{gparent}")
    matched = {gi for gi, _ in pairs}
    missed = [gkeys[i] for i in range(len(g)) if i not in matched]
    last = pairs[-1][1] if (gold.get("partial") and pairs) else len(pred) - 1
    in_scope = pred[: last + 1]
    aligned_pred = {pj for _, pj in pairs}
    extra = [pkeys[j] for j in range(len(in_scope)) if j not in aligned_pred]
    return {
        "gold": len(g),
        "correct": correct,
        "predicted": len(in_scope),
        "aligned": len(pairs),
        "accuracy": correct / len(g) if g else 1.0,
        "precision": len(pairs) / len(in_scope) if in_scope else (1.0 if not g else 0.0),
        "errors": errors,
        "missed": missed,
        "extra": extra,
    }


def _looks_numbered(parent: str, gold_sections: list[dict[str, Any]]) -> bool:
    return any(s.get("number") == parent for s in gold_sections)


def evaluate_sections(
    split: str = "test",
    *,
    loader: Callable[[Path], Document] | None = None,
    gold_dir: Path | None = None,
    split_file: Path | None = None,
) -> dict[str, Any]:
    """Heading-tree accuracy and precision over the documents of ``split``.

    ``gold_dir``/``split_file`` score another gold corpus laid out like ``corpora/gold``
    (``sections/`` and ``meta/``); the defaults are ``corpora/gold`` and ``corpora/split.yaml``.
    """
    from pipeline.structure.headings import detect_sections

    loader = loader or load_document
    per_doc: dict[str, Any] = {}
    gold_total = correct = predicted = aligned = 0
    for doc_id, path in split_docs(split, split_file=split_file).items():
        gold_file = (gold_dir or GOLD) / "sections" / f"{doc_id}.yaml"
        if not gold_file.exists() or not path.exists():
            per_doc[doc_id] = {"skipped": "no gold file" if not gold_file.exists() else f"{path} is absent"}
            continue
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        doc = detect_sections(loader(path))
        s = score_sections(gold, doc)
        per_doc[doc_id] = s
        gold_total += s["gold"]
        correct += s["correct"]
        predicted += s["predicted"]
        aligned += s["aligned"]
    return {
        "split": split,
        "documents": sum(1 for v in per_doc.values() if "skipped" not in v),
        "gold_headings": gold_total,
        "accuracy": correct / gold_total if gold_total else None,
        "precision": aligned / predicted if predicted else None,
        "per_doc": per_doc,
    }


META_FIELDS = ("title", "doc_number", "issuers", "recipients", "date")


def _meta_value(value: Any) -> str:
    if isinstance(value, list):
        return "".join(_SEPARATORS.sub("", _key(v)) for v in value)
    return _key(value if value is None or isinstance(value, str) else str(value))


def evaluate_meta(
    split: str = "test",
    *,
    loader: Callable[[Path], Document] | None = None,
    gold_dir: Path | None = None,
    split_file: Path | None = None,
) -> dict[str, Any]:
    """Per-field accuracy of ``extract_metadata`` (a field is right when it equals gold, None included).

    ``gold_dir``/``split_file`` as in :func:`evaluate_sections`.
    """
    from pipeline.structure.headings import detect_sections
    from pipeline.structure.metadata import extract_metadata

    loader = loader or load_document
    per_doc: dict[str, Any] = {}
    right = {f: 0 for f in META_FIELDS}
    n = 0
    for doc_id, path in split_docs(split, split_file=split_file).items():
        gold_file = (gold_dir or GOLD) / "meta" / f"{doc_id}.yaml"
        if not gold_file.exists() or not path.exists():
            per_doc[doc_id] = {"skipped": "no gold file" if not gold_file.exists() else f"{path} is absent"}
            continue
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        # the stages run in pipeline order: metadata reads the heading tree to find the body
        meta = extract_metadata(detect_sections(loader(path))).meta
        n += 1
        wrong = {}
        for f in META_FIELDS:
            want, got = gold.get(f), getattr(meta, f)
            if _meta_value(want) == _meta_value(got):
                right[f] += 1
            else:
                wrong[f] = {"gold": want, "predicted": got}
        per_doc[doc_id] = {"wrong": wrong}
    return {
        "split": split,
        "documents": n,
        "fields": {f: (right[f] / n if n else None) for f in META_FIELDS},
        "accuracy": (sum(right.values()) / (n * len(META_FIELDS))) if n else None,
        "per_doc": per_doc,
    }


def corpus_options(corpus: Path | None) -> dict[str, Path]:
    """``gold_dir``/``split_file`` for a gold corpus folder holding ``split.yaml``, ``sections/``, ``meta/``."""
    if corpus is None:
        return {}
    corpus = corpus if corpus.is_absolute() else (ROOT / corpus)
    return {"gold_dir": corpus, "split_file": corpus / "split.yaml"}


def main(verbose: bool = False, corpus: Path | None = None, json_out: Path | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    options = corpus_options(corpus)
    # the default corpus prints train then test; another corpus prints the splits its split.yaml has
    splits = (
        ("train", "test")
        if corpus is None
        else tuple(yaml.safe_load(options["split_file"].read_text(encoding="utf-8")))
    )
    results: dict[str, Any] = {}
    for split in splits:
        sec = evaluate_sections(split, **options)
        meta = evaluate_meta(split, **options)
        results[split] = {"sections": sec, "meta": meta}
        label = split if corpus is None else f"{corpus} {split}"
        table = Table(title=f"structure gold — {label}")
        for col in ("document", "gold", "correct", "predicted", "accuracy", "precision", "meta wrong"):
            table.add_column(col)
        for doc_id, s in sec["per_doc"].items():
            if "skipped" in s:
                table.add_row(doc_id, "-", "-", "-", s["skipped"], "", "")
                continue
            wrong = ", ".join(meta["per_doc"].get(doc_id, {}).get("wrong", {}))
            table.add_row(
                doc_id,
                str(s["gold"]),
                str(s["correct"]),
                str(s["predicted"]),
                f"{s['accuracy']:.3f}",
                f"{s['precision']:.3f}",
                wrong,
            )
        console.print(table)
        fields = ", ".join(f"{k} {v:.2f}" for k, v in meta["fields"].items() if v is not None)
        console.print(
            f"{split}: heading-tree accuracy {sec['accuracy']:.3f}, precision {sec['precision']:.3f} "
            f"over {sec['gold_headings']} gold headings in {sec['documents']} documents; "
            f"meta {meta['accuracy']:.3f} ({fields})"
        )
        if verbose:
            for doc_id, s in sec["per_doc"].items():
                if s.get("errors") or s.get("missed") or s.get("extra"):
                    console.print(
                        f"[bold]{doc_id}[/] errors={s['errors'][:8]} missed={s['missed'][:8]} extra={s['extra'][:8]}"
                    )
            for doc_id, m in meta["per_doc"].items():
                if m.get("wrong"):
                    console.print(f"[bold]{doc_id}[/] meta {m['wrong']}")
    if json_out is not None:
        import json

        json_out.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Score heading trees and metadata against gold files.")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the errors of each document")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="a gold corpus folder with split.yaml, sections/ and meta/ (default: corpora/gold + corpora/split.yaml)",
    )
    parser.add_argument(
        "--json", type=Path, default=None, help="also write the full results (every error) here"
    )
    args = parser.parse_args()
    main(verbose=args.verbose, corpus=args.corpus, json_out=args.json)
