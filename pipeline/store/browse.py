"""Serving a store with Datasette: readable tables, views and canned queries."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import ConverterMissingError, StoreError
from pipeline.store.db import connect

METADATA = Path(__file__).with_name("datasette_metadata.yaml")


def metadata_for(db: str | Path) -> dict[str, Any]:
    """The metadata document with the database key set to the store's name."""
    raw = METADATA.read_text(encoding="utf-8").replace("{db}", Path(db).stem)
    return yaml.safe_load(raw)


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    db = Path(db)
    connect(db, readonly=True).close()  # a clear error for a missing or foreign file
    exe = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))
    if not Path(exe).exists():
        raise ConverterMissingError(db, "datasette")
    with tempfile.TemporaryDirectory() as tmp:
        meta = Path(tmp) / "metadata.json"
        meta.write_text(json.dumps(metadata_for(db), ensure_ascii=False), encoding="utf-8")
        try:
            subprocess.run([exe, "serve", str(db), "--metadata", str(meta), "--host", host, "--port", str(port),
                            "--setting", "sql_time_limit_ms", "5000"], check=False)
        except OSError as exc:
            raise StoreError(db, f"could not start datasette ({exc})") from None
