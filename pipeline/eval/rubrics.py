"""Measure rubric compilation against gold checklists of real notices (``corpora/gold/rubrics``).

The gold (written from the notice alone, GUIDE.md in that folder) names each
item in the notice's own words, short; a compiled rubric names the same item
however the compiler cut the sentence: with its numbering (``（一）``), an
attachment reference (``（见附件1）``), a copy count, or the whole clause
around it (``申请人拥有的大学本科及以上学历复印件；或中级及以上职称证书复印件``).
So names are compared after normalisation, and a gold item matches a compiled
item when the names are equal, when one contains the other, or when they
differ by a character or two (char overlap >= :data:`MATCH_MIN`). Matching is
one-to-one and greedy by similarity; among equally similar candidates the one
under the corresponding parent and of the same kind wins, so a form listed in
three applicant groups pairs with the right group's copy.

Metrics (per document and summed over a split): item recall (gold items
matched) and precision (compiled items matched), overall and per kind (recall
by the gold kind, precision by the compiled kind); among matched items, kind
accuracy and parent accuracy. A matched item's parent is right when its
nearest *matched* ancestor on both sides correspond (both top level counts):
a container the compiler adds or misses then costs precision or recall once,
not the parent of every item below it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import DataFileError

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "corpora" / "gold" / "rubrics"
SPLIT_FILE = GOLD_DIR / "split.yaml"

KINDS = ("material", "section", "requirement")
SPLITS = ("train", "test", "all")

# Char overlap (difflib ratio, 2·matches / total length) above which two names
# that neither contain the other are the same item. Distinct items of one notice
# share long prefixes: 广州市就业见习示范基地申报表 / 广州市就业见习示范基地补贴申请表
# score 0.87, 互联网药品信息服务申请表 / 互联网药品信息服务项目变更申请表 0.86 (train gold),
# so only near-identical spellings (以及/及, 或者/或, a dropped 的) pass.
MATCH_MIN = 0.88
# Containment scores CONTAIN_BASE..CONTAIN_BASE+CONTAIN_SPAN by how much of the
# longer name the shorter covers, so that 申请表 prefers 申请表（个人） over a whole
# clause mentioning it; PREFIX_BONUS more when the shorter name opens the longer:
# a compiled line is named by its head, and what follows is detail (bulk 00013:
# 网站栏目设置说明（…需提供收费栏目及收费方式的说明） is the 说明, not the 收费 note).
CONTAIN_BASE = 0.7
CONTAIN_SPAN = 0.2
PREFIX_BONUS = 0.09
CONTAIN_MIN_CHARS = 2  # one shared character (表) says nothing

# leading numbering: 第三条 / （一） / (1) / 1. / 1、 / ① / a. — possibly stacked (（二）1.)
_NUMBERING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇0-9]+[条章节部分款项]"
    r"|[（(][一二三四五六七八九十0-9]+[)）]"
    r"|[一二三四五六七八九十]+[、.．]"
    r"|[0-9]+[、.．](?![0-9])"
    r"|[a-zA-Z][.．、)）])\s*"
)
_CIRCLED = re.compile(r"^\s*[①-⑳]\s*")  # before NFKC, which turns ① into a bare 1
# （见附件1） / （附件3） / （详见附件2） / (附表1)
_ATTACHMENT_REF = re.compile(r"[（(](?:见|详见|另见)?附[件表][^)）]{0,12}[)）]")
_COPIES = re.compile(r"一式[一二三四五六七八九十两0-9]+份")
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise_name(name: str) -> str:
    """The part of a name that identifies the item: no numbering, references, copy counts or punctuation."""
    text = unicodedata.normalize("NFKC", _CIRCLED.sub("", name or ""))
    for _ in range(3):  # stacked numbering: （二）1.
        stripped = _NUMBERING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = _ATTACHMENT_REF.sub("", text)
    text = _COPIES.sub("", text)
    return _NOISE.sub("", text).lower()


def name_similarity(a: str, b: str) -> float:
    """1 for equal names, 0.7..0.99 for containment, the char overlap if >= MATCH_MIN, else 0."""
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    short, long_ = sorted((na, nb), key=len)
    if len(short) >= CONTAIN_MIN_CHARS and short in long_:
        prefix = PREFIX_BONUS if long_.startswith(short) else 0.0
        return CONTAIN_BASE + CONTAIN_SPAN * len(short) / len(long_) + prefix
    ratio = SequenceMatcher(None, na, nb, autojunk=False).ratio()
    return ratio if ratio >= MATCH_MIN else 0.0


# ---------------------------------------------------------------- gold files
@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold checklist item; ``parent`` is the parent's path (names joined by '/') or None."""

    name: str
    kind: str
    parent: str | None
    quote: str

    @property
    def path(self) -> str:
        return f"{self.parent}/{self.name}" if self.parent else self.name


@dataclass(slots=True)
class GoldRubric:
    doc_id: str
    notice: Path
    items: list[GoldItem]
    title: str | None = None


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(path, f"cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise DataFileError(path, str(exc).splitlines()[0]) from None


BATCHES = ("all", "first", "second")


def batch_ids(batch: str, split_file: Path = SPLIT_FILE) -> set[str] | None:
    """The doc ids of an annotation batch, or None for every batch.

    Each batch was annotated before the compiler was run on its notices, so its test
    half is blind only until the compiler is tuned after that first run; reporting a
    batch alone keeps the newest blind measurement apart from ones already acted on."""
    if batch not in BATCHES:
        raise ValueError(f"The 'batch' parameter must be one of {', '.join(BATCHES)}; got {batch!r} instead.")
    if batch == "all":
        return None
    data = _read_yaml(split_file) or {}
    second = {str(x) for x in data.get("second_batch") or []}
    if batch == "second":
        return second
    every = {str(d) for name in ("train", "test") for d in (data.get(name) or {})}
    return every - second


def load_split(split: str = "test", split_file: Path = SPLIT_FILE) -> dict[str, str]:
    """doc_id -> split name, for the documents of ``split`` (train, test or all), in file order."""
    if split not in SPLITS:
        raise ValueError(f"The 'split' parameter must be one of {', '.join(SPLITS)}; got {split!r} instead.")
    data = _read_yaml(split_file) or {}
    names = ("train", "test") if split == "all" else (split,)
    out: dict[str, str] = {}
    for name in names:
        block = data.get(name) or {}
        if not isinstance(block, dict):
            raise DataFileError(split_file, f"{name!r} must map doc ids to notice paths")
        for doc_id in block:
            out[str(doc_id)] = name
    return out


def parse_gold(data: Any, path: Path | str = "-") -> GoldRubric:
    """Validate one gold file's data; every problem names the file and the item."""
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise DataFileError(path, "a gold rubric needs doc_id, notice and a list of items")
    for key in ("doc_id", "notice"):
        if not data.get(key):
            raise DataFileError(path, f"missing {key!r}")
    items: list[GoldItem] = []
    paths: set[str] = set()
    for n, raw in enumerate(data["items"], 1):
        where = f"item {n}"
        if not isinstance(raw, dict) or not raw.get("name"):
            raise DataFileError(path, f"{where}: needs a name")
        name = str(raw["name"])
        where = f"item {n} ({name})"
        if "/" in name:
            raise DataFileError(path, f"{where}: a name cannot contain '/', which separates parent paths")
        kind = raw.get("kind")
        if kind not in KINDS:
            raise DataFileError(path, f"{where}: kind must be one of {', '.join(KINDS)}; got {kind!r}")
        parent = raw.get("parent")
        if parent is not None and str(parent) not in paths:
            raise DataFileError(path, f"{where}: parent {parent!r} is not the path of an earlier item")
        item = GoldItem(name=name, kind=kind, parent=None if parent is None else str(parent),
                        quote=str(raw.get("quote") or ""))
        if not item.quote:
            raise DataFileError(path, f"{where}: needs a quote locating it in the notice")
        if item.path in paths:
            raise DataFileError(path, f"{where}: duplicate path {item.path!r}; sibling names must be unique")
        paths.add(item.path)
        items.append(item)
    return GoldRubric(doc_id=str(data["doc_id"]), notice=ROOT / str(data["notice"]), items=items,
                      title=data.get("title"))


def load_gold(doc_id: str, gold_dir: Path = GOLD_DIR) -> GoldRubric:
    path = gold_dir / f"{doc_id}.yaml"
    gold = parse_gold(_read_yaml(path), path)
    if gold.doc_id != doc_id:
        raise DataFileError(path, f"doc_id {gold.doc_id!r} does not match the file name")
    return gold


# ---------------------------------------------------------------- matching
@dataclass(frozen=True, slots=True)
class Node:
    """A checklist item reduced to what matching needs; ``parent`` is an index into the same list."""

    name: str
    kind: str
    parent: int | None
    key: str  # gold path or compiled id, for reports


def gold_nodes(gold: GoldRubric) -> list[Node]:
    index = {item.path: i for i, item in enumerate(gold.items)}
    return [Node(i.name, i.kind, None if i.parent is None else index[i.parent], i.path) for i in gold.items]


def compiled_nodes(rubric: Any) -> list[Node]:
    """Nodes of a compiled ``pipeline.rubric.schema.Rubric`` (items with id, name, kind, parent id)."""
    items = list(rubric.items)
    index = {item.id: i for i, item in enumerate(items)}
    return [Node(item.name, item.kind, index.get(item.parent) if item.parent is not None else None, item.id)
            for item in items]


def _parents_agree(g: Node, c: Node, gold: list[Node], compiled: list[Node]) -> bool:
    """Tie-break only: the parents' names match, or both are top level."""
    if g.parent is None or c.parent is None:
        return g.parent is None and c.parent is None
    return name_similarity(gold[g.parent].name, compiled[c.parent].name) > 0


def match_items(gold: list[Node], compiled: list[Node]) -> dict[int, tuple[int, float]]:
    """Gold index -> (compiled index, similarity): one-to-one, greedy by similarity."""
    candidates = []
    for gi, g in enumerate(gold):
        for ci, c in enumerate(compiled):
            sim = name_similarity(g.name, c.name)
            if sim > 0:
                tie = (_parents_agree(g, c, gold, compiled), g.kind == c.kind)
                candidates.append((sim, tie, -gi, -ci))
    candidates.sort(reverse=True)
    pairs: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for sim, _tie, mgi, mci in candidates:
        gi, ci = -mgi, -mci
        if gi in pairs or ci in used:
            continue
        pairs[gi] = (ci, sim)
        used.add(ci)
    return pairs


def _matched_ancestor(nodes: list[Node], i: int, matched: set[int] | dict[int, Any]) -> int | None:
    cur = nodes[i].parent
    hops = 0
    while cur is not None and cur not in matched and hops <= len(nodes):
        cur = nodes[cur].parent
        hops += 1
    return cur if cur is not None and cur in matched else None


@dataclass(slots=True)
class DocScore:
    """Counts for one document; ratios are derived so that sums over documents stay exact."""

    gold: int = 0
    compiled: int = 0
    matched: int = 0
    parent_ok: int = 0
    kind_ok: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    recalled_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    compiled_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    precise_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    pairs: list[dict[str, Any]] = field(default_factory=list)
    unmatched_gold: list[dict[str, Any]] = field(default_factory=list)
    unmatched_compiled: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: DocScore) -> None:
        for name in ("gold", "compiled", "matched", "parent_ok", "kind_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("gold_by_kind", "recalled_by_kind", "compiled_by_kind", "precise_by_kind"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for kind, n in theirs.items():
                mine[kind] = mine.get(kind, 0) + n

    def metrics(self) -> dict[str, Any]:
        p, r = _ratio(self.matched, self.compiled), _ratio(self.matched, self.gold)
        by_kind = {
            kind: {
                "gold": self.gold_by_kind.get(kind, 0),
                "compiled": self.compiled_by_kind.get(kind, 0),
                "recall": _ratio(self.recalled_by_kind.get(kind, 0), self.gold_by_kind.get(kind, 0)),
                "precision": _ratio(self.precise_by_kind.get(kind, 0), self.compiled_by_kind.get(kind, 0)),
            }
            for kind in KINDS
        }
        return {
            "gold": self.gold,
            "compiled": self.compiled,
            "matched": self.matched,
            "precision": p,
            "recall": r,
            "f1": _f1(p, r),
            "parent_accuracy": _ratio(self.parent_ok, self.matched),
            "kind_accuracy": _ratio(self.kind_ok, self.matched),
            "by_kind": by_kind,
        }


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None or p + r == 0:
        return None if p is None or r is None else 0.0
    return 2 * p * r / (p + r)


def score_document(gold: list[Node], compiled: list[Node]) -> DocScore:
    """Match and count; see the module docstring for each metric."""
    pairs = match_items(gold, compiled)
    back = {ci: gi for gi, (ci, _sim) in pairs.items()}
    score = DocScore(gold=len(gold), compiled=len(compiled), matched=len(pairs))
    for node in gold:
        score.gold_by_kind[node.kind] = score.gold_by_kind.get(node.kind, 0) + 1
    for node in compiled:
        score.compiled_by_kind[node.kind] = score.compiled_by_kind.get(node.kind, 0) + 1
    for gi, (ci, sim) in sorted(pairs.items()):
        g, c = gold[gi], compiled[ci]
        g_anc = _matched_ancestor(gold, gi, pairs)
        c_anc = _matched_ancestor(compiled, ci, back)
        parent_ok = (g_anc is None and c_anc is None) or (g_anc is not None and pairs[g_anc][0] == c_anc)
        kind_ok = g.kind == c.kind
        score.parent_ok += parent_ok
        score.kind_ok += kind_ok
        score.recalled_by_kind[g.kind] = score.recalled_by_kind.get(g.kind, 0) + 1
        score.precise_by_kind[c.kind] = score.precise_by_kind.get(c.kind, 0) + 1
        score.pairs.append({"gold": g.key, "compiled": c.key, "compiled_name": c.name,
                            "similarity": round(sim, 3), "parent_ok": parent_ok, "kind_ok": kind_ok})
    score.unmatched_gold = [{"path": g.key, "kind": g.kind} for gi, g in enumerate(gold) if gi not in pairs]
    score.unmatched_compiled = [
        {"id": c.key, "name": c.name, "kind": c.kind} for ci, c in enumerate(compiled) if ci not in back
    ]
    return score


# ---------------------------------------------------------------- the report
Compiler = Callable[[Path], Any]


def _default_compiler(path: Path) -> Any:
    import pipeline

    return pipeline.compile_rubric(path)


def evaluate(
    split: str = "test",
    *,
    batch: str = "all",
    compiler: Compiler | None = None,
    details: bool = False,
    gold_dir: Path = GOLD_DIR,
    split_file: Path = SPLIT_FILE,
    progress: Callable[[Iterable[str]], Iterable[str]] | None = None,
) -> dict[str, Any]:
    """Compile every notice of ``split`` and score it against its gold checklist.

    A notice that is absent (../shared not beside the clone) is listed under
    ``skipped``; one the compiler fails on scores zero recall and carries the
    error, so a crash is never mistaken for a good score.
    """
    compile_ = compiler or _default_compiler
    docs = load_split(split, split_file)
    only = batch_ids(batch, split_file)
    if only is not None:
        docs = {k: v for k, v in docs.items() if k in only}
    rows: list[dict[str, Any]] = []
    skipped: list[dict[str, str]] = []
    totals = {"train": DocScore(), "test": DocScore()}
    doc_ids: Iterable[str] = progress(list(docs)) if progress else docs
    for doc_id in doc_ids:
        gold = load_gold(doc_id, gold_dir)
        if not gold.notice.exists():
            skipped.append({"doc_id": doc_id, "reason": f"{gold.notice} is absent"})
            continue
        error = None
        try:
            compiled = compiled_nodes(compile_(gold.notice))
        except Exception as exc:  # noqa: BLE001 - a compiler crash is a result to report, not a stop
            compiled, error = [], f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        score = score_document(gold_nodes(gold), compiled)
        totals[docs[doc_id]].add(score)
        row = {"doc_id": doc_id, "split": docs[doc_id], **score.metrics()}
        if error:
            row["error"] = error
        if details:
            row["unmatched_gold"] = score.unmatched_gold
            row["unmatched_compiled"] = score.unmatched_compiled
            row["matches"] = score.pairs
        rows.append(row)
    overall = DocScore()
    for part in totals.values():
        overall.add(part)
    summary = {name: totals[name].metrics() for name in ("train", "test") if totals[name].gold}
    summary["all"] = overall.metrics()
    macro = {
        key: _mean([row[key] for row in rows]) for key in ("precision", "recall", "f1")
    }
    return {
        "split": split,
        "batch": batch,
        "match": {"min_overlap": MATCH_MIN, "containment_base": CONTAIN_BASE, "prefix_bonus": PREFIX_BONUS},
        "documents": rows,
        "summary": summary,
        "macro": macro,
        "skipped": skipped,
    }


def _mean(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None and not math.isnan(v)]
    return sum(vals) / len(vals) if vals else None


def render_tables(report: dict[str, Any], details: bool = False) -> list[Any]:
    """Rich renderables: per-document rows, the summary per split and kind, then (details) misses."""
    from rich.table import Table
    from rich.text import Text

    def pct(v: float | None) -> str:
        return "-" if v is None else f"{100 * v:.1f}"

    docs = Table(title=f"rubric compilation vs gold checklists — split {report['split']}, batch {report.get('batch', 'all')}")
    for col in ("document", "split", "gold", "compiled", "matched", "P", "R", "F1", "parent", "kind"):
        docs.add_column(col, justify="left" if col in ("document", "split") else "right")
    for row in report["documents"]:
        name = row["doc_id"] + (" (error)" if row.get("error") else "")
        docs.add_row(name, row["split"], str(row["gold"]), str(row["compiled"]), str(row["matched"]),
                     pct(row["precision"]), pct(row["recall"]), pct(row["f1"]),
                     pct(row["parent_accuracy"]), pct(row["kind_accuracy"]))
    out: list[Any] = [docs]

    summary = Table(title="summary (micro: summed over documents; P by compiled kind, R by gold kind)")
    for col in ("split", "kind", "gold", "compiled", "P", "R", "F1", "parent", "kind acc"):
        summary.add_column(col, justify="left" if col in ("split", "kind") else "right")
    for name, m in report["summary"].items():
        summary.add_row(name, "all", str(m["gold"]), str(m["compiled"]), pct(m["precision"]), pct(m["recall"]),
                        pct(m["f1"]), pct(m["parent_accuracy"]), pct(m["kind_accuracy"]))
        for kind, k in m["by_kind"].items():
            summary.add_row("", kind, str(k["gold"]), str(k["compiled"]), pct(k["precision"]), pct(k["recall"]),
                            "", "", "")
    macro = report["macro"]
    summary.caption = (f"macro over documents: P {pct(macro['precision'])}  R {pct(macro['recall'])}  "
                       f"F1 {pct(macro['f1'])}")
    out.append(summary)

    if details:
        for row in report["documents"]:
            text = Text(f"\n{row['doc_id']}", style="bold")
            if row.get("error"):
                text.append(f"\n  compiler error: {row['error']}", style="red")
            for miss in row.get("unmatched_gold", []):
                text.append(f"\n  missed gold  [{miss['kind']}] {miss['path']}")
            for extra in row.get("unmatched_compiled", []):
                text.append(f"\n  extra comp.  [{extra['kind']}] {extra['id']}: {extra['name']}")
            out.append(text)
    for skip in report["skipped"]:
        out.append(Text(f"skipped {skip['doc_id']}: {skip['reason']}", style="yellow"))
    return out
