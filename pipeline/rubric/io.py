"""Rubric YAML: written so a reviewer can edit it, read back with validation.

The header comment documents what each field means and how the score is
computed, because the person editing weights needs that next to the weights.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import FileMissingError, RubricError
from pipeline.rubric.schema import CHECK_TYPES, Rubric, RubricItem, validate_rubric

HEADER = """\
# PolicyLens rubric: the checklist compiled from a notice (edit freely; validated on load).
#
# Each item:
#   id         stable slug, unique (children are listed after their parent)
#   name       the notice's own wording
#   kind       material | section | requirement
#   parent     id of the item it belongs to, or null for a top-level item
#   check      {checks}
#   params     years: [2019, 2020] (covers_years, has_money_per_year); keywords: [...] (mentions)
#   weight     >= 0; 0 means "reported but not scored"
#   synonyms   headings that count as this item in a plan (add your own)
#   scope      plan (default): looked for inside the plan file;
#              dossier: a separate file of the dossier, reported but not scored for one plan file
#   provenance where the notice asks for it (offsets into the notice's normalised text)
#
# Score (pipeline/check/scoring.py):
#   status credit: present = 1, partial = 0.5, empty = 0, missing = 0
#   an item with children: credit = {own:.1f} * own credit + {kids:.1f} * weighted mean of its children's credits
#     (a material whose whole content is its sections, e.g. 详细实施方案, takes its children's mean only)
#   score = 100 * sum(weight * credit) / sum(weight) over top-level items of scope "plan"
"""


def dump_rubric(rubric: Rubric, path: str | Path | None = None) -> str:
    """The rubric as commented YAML; written to ``path`` when given."""
    from pipeline.check.scoring import OWN_SHARE

    header = HEADER.format(checks=" | ".join(CHECK_TYPES), own=OWN_SHARE, kids=1 - OWN_SHARE)
    data = rubric.to_dict()
    items = data.pop("items")
    parts = [header, yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), "items:\n"]
    for item in items:
        block = yaml.safe_dump([item], allow_unicode=True, sort_keys=False, width=120)
        parts.append("\n" + _indent(block, "  "))
    text = "".join(parts)
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text


def _indent(block: str, pad: str) -> str:
    return "".join(pad + line if line.strip() else line for line in block.splitlines(keepends=True))


def load_rubric(path: str | Path) -> Rubric:
    """Read and validate a rubric YAML; RubricError names the file, the item and the fix."""
    p = Path(path)
    if not p.exists():
        raise FileMissingError(p)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RubricError(p, f"not valid YAML ({str(exc).splitlines()[0]})") from None
    except UnicodeDecodeError:
        raise RubricError(p, "not UTF-8 text; save the rubric as UTF-8") from None
    return rubric_from_data(data, str(p))


def rubric_from_data(data: Any, path: str = "-") -> Rubric:
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise RubricError(
            path, "expected a mapping with an 'items:' list; compile one with `policylens rubric NOTICE`"
        )
    items: list[RubricItem] = []
    for n, raw in enumerate(data["items"], 1):
        if not isinstance(raw, dict) or "id" not in raw:
            raise RubricError(path, f"item #{n} has no id; give every item a unique id such as plan.goals")
        unknown = set(raw) - set(RubricItem.__slots__)
        if unknown:
            raise RubricError(
                path, f"item {raw['id']!r}: unknown field(s) {', '.join(sorted(unknown))}; check the spelling"
            )
        if raw.get("params") is not None and not isinstance(raw["params"], dict):
            raise RubricError(
                path, f"item {raw['id']!r}: params must be a mapping, e.g. params: {{years: [2019]}}"
            )
        items.append(RubricItem.from_dict(raw))
    rubric = Rubric(
        items=items,
        source=data.get("source"),
        sha256=data.get("sha256"),
        title=data.get("title"),
        warnings=[str(w) for w in data.get("warnings") or []],
    )
    validate_rubric(rubric, path)  # the common mistakes, with a message that names the fix
    _schema_check(data, path)  # then every type (synonyms as a list, provenance offsets as numbers ...)
    return rubric


def _schema_check(data: Any, path: str) -> None:
    import json

    import jsonschema

    from pipeline.data import DATA_DIR

    schema = json.loads((DATA_DIR / "schema" / "rubric.schema.json").read_text(encoding="utf-8"))
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path)
    )
    if errors:
        err = errors[0]
        loc = list(err.absolute_path)
        where = "/".join(str(p) for p in loc) or "(top level)"
        if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int):
            item_id = data["items"][loc[1]].get("id")
            where = f"item {item_id!r} field {'/'.join(str(p) for p in loc[2:]) or '(item)'}"
        raise RubricError(path, f"{where}: {err.message}")
