"""Commands: store_cmds (registered on the shared app)."""

from __future__ import annotations

from pipeline.cli.app import app  # noqa: F401
