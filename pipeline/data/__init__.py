"""Rules, lexicons and patterns as YAML, validated when loaded.

Anyone changing a rule edits a YAML file here, not Python. Each file is
checked against a JSON Schema (``schema/<name>.schema.json``) when one
exists, so a typo gives a clear error naming the file instead of a rule
that silently never fires.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    return DATA_DIR / name


@cache
def load_data(name: str) -> Any:
    """Load ``pipeline/data/<name>`` (YAML or JSON), validated against its schema if present."""
    path = DATA_DIR / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(path, f"cannot read ({exc.strerror})") from None
    try:
        data = json.loads(text) if name.endswith(".json") else yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise DataFileError(path, str(exc).splitlines()[0]) from None
    stem = name.rsplit(".", 1)[0]
    schema_file = DATA_DIR / "schema" / f"{stem}.schema.json"
    if schema_file.exists():
        validate(data, json.loads(schema_file.read_text(encoding="utf-8")), path)
    return data


def validate(data: Any, schema: dict[str, Any], path: Path | str) -> None:
    """Validate ``data`` against a JSON Schema, raising one readable DataFileError."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        raise DataFileError(path, f"at {where}: {err.message}")


__all__ = ["DATA_DIR", "data_path", "load_data", "resources", "validate"]
