"""Find the applicants in a batch, read their files, and pick each one's plan by content.

A dossier is whatever a county sent: a folder or a zip with the plan, the
application form, annexes, scans — named anything ("新建文件夹(2)/1.docx").
So the plan is chosen by what it says, not by its file name: every document
is scored by how many of the rubric's section names (or their synonyms) it
mentions, whether its title says 方案, and its length; the best one is the
plan. The other files are materials: a file titled 申请表 can satisfy the
申请表 item the plan itself lacks (see :func:`materials_satisfied`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.data import load_data
from pipeline.errors import PolicyLensError
from pipeline.model import Document

TITLE_CHARS = 80
NOTICE_SHINGLE = 8  # characters per shingle when comparing a file with the notice
NOTICE_COPY = 0.5  # share of shingles from the notice above which a file is the notice itself  # how much of a document's start counts as its title region
_PAREN = re.compile(r"[（(][^（()）]*[)）]")
_NOISE = re.compile(r"[\s\W_]+")


@dataclass
class Applicant:
    """One applicant: a sub-folder, a zip, or a top-level folder inside the batch zip."""

    name: str
    path: str  # folder, zip, or the batch zip (then ``prefix`` selects the members)
    kind: str  # folder | zip | zip_group
    prefix: str | None = None


@dataclass
class LoadedFile:
    name: str  # path shown to the reviewer, relative to the applicant
    doc: Document | None = None
    error: str | None = None  # one line, when the file could not be read


@dataclass
class PlanChoice:
    plan: LoadedFile | None
    scores: dict[str, float] = field(default_factory=dict)  # file name -> plan-likeness
    notices: list[str] = field(default_factory=list)  # files that are a copy of the notice itself


def error_line(err: BaseException, path: str) -> str:
    """One line naming the file and the problem (the CLI's wording, without its exit)."""
    if isinstance(err, PolicyLensError):
        return str(err)
    detail = f"{type(err).__name__}: {err}".splitlines()[0][:200]
    return f"error E070: {path}: internal error ({detail})"


# ------------------------------------------------------------- discovery
def _display_name(name: str) -> str:
    return name[:-4] if name.lower().endswith(".zip") else name


def find_applicants(root: str | Path) -> list[Applicant]:
    """Applicants in ``root``: its sub-folders and zips (or, for a zip, its top-level folders).

    A folder that holds only loose files is one applicant (a single dossier).
    """
    root = Path(root)
    if root.is_dir():
        found: list[Applicant] = []
        loose = False
        for child in sorted(root.iterdir()):
            if child.name.startswith("."):
                continue
            if child.is_dir():
                found.append(Applicant(child.name, str(child), "folder"))
            elif child.suffix.lower() == ".zip":
                found.append(Applicant(_display_name(child.name), str(child), "zip"))
            else:
                loose = True
        if not found and loose:
            found.append(Applicant(root.name, str(root), "folder"))
        return found
    if zipfile.is_zipfile(root):
        from pipeline.ingest.archive import member_name

        with zipfile.ZipFile(root) as zf:
            tops: list[str] = []
            for info in zf.infolist():
                first = PurePosixPath(member_name(info)).parts[0] if member_name(info) else ""
                if first and first not in tops and not first.startswith(("__MACOSX", ".")):
                    tops.append(first)
        groups = [t for t in tops if t]
        return [Applicant(_display_name(t), str(root), "zip_group", prefix=t) for t in groups]
    return [Applicant(root.stem, str(root), "folder")]


# ------------------------------------------------------------- loading
def load_applicant(app: Applicant) -> list[LoadedFile]:
    """Every readable document of an applicant; unreadable files are kept with their error."""
    from pipeline.ingest import load_all

    files: list[LoadedFile] = []
    if app.kind == "folder":
        base = Path(app.path)
        for child in sorted(base.rglob("*")):
            if not child.is_file() or child.name.startswith("."):
                continue
            rel = str(child.relative_to(base))
            try:
                docs = load_all(child)
            except Exception as err:  # noqa: BLE001 - one broken file never stops the dossier
                # name the file as the applicant sent it, not by this machine's path
                files.append(LoadedFile(rel, error=error_line(err, rel).replace(str(child), rel)))
                continue
            files.extend(LoadedFile(_member_label(rel, d), doc=d) for d in docs)
        return files
    files.extend(_load_zip(app))
    return files


def _member_label(rel: str, doc: Document) -> str:
    return f"{rel}!{doc.source.member}" if doc.source.member else rel


def _inner_name(app: Applicant, inner: str) -> str | None:
    """A member's name relative to the applicant, or None when it belongs to another applicant."""
    parts = list(PurePosixPath(inner).parts)
    if app.kind == "zip_group":
        if not parts or parts[0] != app.prefix:
            return None
        parts = parts[1:]
    if len(parts) > 1 and parts[0] == app.name:
        parts = parts[1:]  # 鹤鸣县.zip holding 鹤鸣县/…: the folder says nothing new
    return str(PurePosixPath(*parts)) if parts else inner


def _load_zip(app: Applicant) -> Iterable[LoadedFile]:
    from pipeline.ingest.archive import iter_archive

    display = Path(app.path).name
    try:
        members = list(iter_archive(app.path, display_path=display))
    except Exception as err:  # noqa: BLE001 - an unsafe or corrupt zip is this applicant's error
        yield LoadedFile(display, error=error_line(err, display))
        return
    for label, loader in members:
        inner = label[len(display) + 1 :] if label.startswith(display + "!") else label
        name = _inner_name(app, inner)
        if name is None:
            continue
        try:
            docs = loader()
        except Exception as err:  # noqa: BLE001
            yield LoadedFile(name, error=error_line(err, name).replace(label, name))
            continue
        for d in docs:
            # a nested zip yields several documents: each is named by its own member path
            yield LoadedFile(_inner_name(app, d.source.member) or name if d.source.member else name, doc=d)


# ------------------------------------------------------------- the plan
def _norm(text: str) -> str:
    return _NOISE.sub("", text)


def item_keys(item: Any) -> list[str]:
    """The names an item goes by: its name without brackets, and its synonyms (normalised)."""
    names = [_PAREN.sub("", item.name)] + list(getattr(item, "synonyms", []) or [])
    return [k for k in {_norm(n) for n in names} if len(k) >= 2]


def material_keys(item: Any) -> list[str]:
    """Item keys plus the distinctive tail of each part of the name ("…企业名单及其…" → 企业名单)."""
    rules = load_data("dossier_files.yaml")
    name = _PAREN.sub("", item.name)
    split = re.compile(
        "|".join(re.escape(s) for s in sorted(rules["part_separators"], key=len, reverse=True))
    )
    tails = {_norm(part)[-4:] for part in split.split(name) if len(_norm(part)) >= 4}
    tails -= set(rules["generic_tails"])
    return sorted(set(item_keys(item)) | tails)


def plan_likeness(doc: Document, rubric: Any) -> float:
    """How much a document looks like the plan the rubric describes (higher = more)."""
    text = _norm(doc.text)
    sections = [i for i in rubric.items if i.kind in ("section", "material") and i.scope == "plan"]
    hits = sum(1 for i in sections if any(k in text for k in item_keys(i)))
    title = _norm(doc.text[:TITLE_CHARS])
    words = load_data("dossier_files.yaml")["plan_title_words"]
    title_bonus = 3.0 if any(w in title for w in words) else 0.0
    length_bonus = min(len(doc.text) / 1500.0, 2.0)
    return hits + title_bonus + length_bonus


@lru_cache(maxsize=8)
def _notice_shingles(source: str) -> frozenset[str]:
    """8-character shingles of the notice's normalised text (empty when it cannot be read)."""
    try:
        from pipeline.ingest import load

        text = _norm(load(source).text)
    except Exception:  # noqa: BLE001 - without the notice the check is skipped, not failed
        return frozenset()
    return frozenset(text[i : i + NOTICE_SHINGLE] for i in range(len(text) - NOTICE_SHINGLE + 1))


def notice_overlap(doc: Document, rubric: Any) -> float:
    """Share of the document's text that is the notice's own text (1.0 = a copy of the notice).

    Counties often put the notice itself into the dossier; it names every
    section the plan must have, so by section hits alone it looks like the
    best plan of all.
    """
    if getattr(rubric, "sha256", None) and doc.source.sha256 == rubric.sha256:
        return 1.0
    source = getattr(rubric, "source", None)
    shingles = _notice_shingles(str(source)) if source else frozenset()
    text = _norm(doc.text)
    grams = [text[i : i + NOTICE_SHINGLE] for i in range(0, len(text) - NOTICE_SHINGLE + 1, 4)]
    if not shingles or not grams:
        return 0.0
    return sum(g in shingles for g in grams) / len(grams)


def choose_plan(files: list[LoadedFile], rubric: Any) -> PlanChoice:
    readable = [f for f in files if f.doc is not None and f.doc.text.strip()]
    choice = PlanChoice(None)
    for f in readable:
        choice.scores[f.name] = round(plan_likeness(f.doc, rubric), 2)  # type: ignore[arg-type]
        if notice_overlap(f.doc, rubric) >= NOTICE_COPY:  # type: ignore[arg-type]
            choice.notices.append(f.name)
    candidates = [f for f in readable if f.name not in choice.notices]
    readable = candidates or readable
    if readable:
        choice.plan = max(readable, key=lambda f: (choice.scores[f.name], len(f.doc.text)))  # type: ignore[union-attr]
    return choice


# ------------------------------------------------------------- other materials
def materials_satisfied(
    files: list[LoadedFile], plan: LoadedFile | None, rubric: Any, exclude: Iterable[str] = ()
) -> dict[str, str]:
    """rubric item id -> file name, for materials another file of the dossier provides.

    A file provides a material when the material's name (or a synonym) is in
    its title region or its file name: "附件1 申请表.docx", a scan titled
    "外贸转型升级试点县申请表". Only materials (not plan sections) are considered.
    """
    out: dict[str, str] = {}
    # containers (实施方案 = 申请表 + 详细实施方案 + …) are judged by their parts
    materials = [
        i
        for i in rubric.items
        if i.kind == "material" and not any(c.kind != "requirement" for c in rubric.children(i.id))
    ]
    keys = {i.id: material_keys(i) for i in materials}
    skip = set(exclude)
    for f in files:
        if f is plan or f.doc is None or f.name in skip:
            continue
        head = _norm(f.doc.text[:TITLE_CHARS]) + _norm(PurePosixPath(f.name).stem)
        for item in materials:
            if item.id in out:
                continue
            if any(k in head for k in keys[item.id]):
                out[item.id] = f.name
    return out
