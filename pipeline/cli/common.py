"""Shared CLI plumbing: input expansion, output formats, and clean error handling.

The CLI is a thin layer over the Python API. Its one real job is turning
library errors into one-line messages with distinct exit codes, and making
sure that in a batch one bad file is reported while the rest go on.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console

from pipeline.errors import PolicyLensError
from pipeline.paths import expand_inputs  # noqa: F401 - re-exported for commands

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)

INTERNAL_ERROR_EXIT = 70  # EX_SOFTWARE: a bug of ours, not the user's input


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def debug_enabled() -> bool:
    return os.environ.get("POLICYLENS_DEBUG") == "1"


def error_line(err: BaseException, path: str | None = None) -> tuple[str, int]:
    """One line for the user and the exit code it maps to."""
    if isinstance(err, PolicyLensError):
        return str(err), err.exit_code
    if isinstance(err, MemoryError):
        return f"error E019: {path or '-'}: ran out of memory", 19
    detail = f"{type(err).__name__}: {err}".splitlines()[0][:300]
    return (
        f"error E070: {path or '-'}: internal error ({detail}); rerun with POLICYLENS_DEBUG=1 and report it",
        INTERNAL_ERROR_EXIT,
    )


def fail(err: BaseException, path: str | None = None) -> None:
    """Print one line for ``err`` and exit with its code (traceback only in debug mode)."""
    line, code = error_line(err, path)
    if debug_enabled():
        traceback.print_exception(err)
    stderr.print(line, markup=False, highlight=False)
    raise typer.Exit(code)


@dataclass
class BatchResult:
    ok: int = 0
    failures: list[tuple[str, str, int]] = field(default_factory=list)  # (path, line, exit code)

    @property
    def exit_code(self) -> int:
        return self.failures[0][2] if self.failures else 0


def run_batch(items: Iterable[str], fn: Callable[[str], Any]) -> BatchResult:
    """Call ``fn`` on each item; report each failure at once and keep going."""
    result = BatchResult()
    for item in items:
        try:
            fn(item)
            result.ok += 1
        except (KeyboardInterrupt, typer.Exit):
            raise
        except BaseException as err:  # noqa: BLE001 - the batch must go on
            if debug_enabled():
                traceback.print_exception(err)
            line, code = error_line(err, item)
            stderr.print(line, markup=False, highlight=False)
            result.failures.append((item, line, code))
    return result


def finish_batch(result: BatchResult, what: str = "files") -> None:
    """List failures at the end of a batch and exit non-zero if there were any."""
    if not result.failures:
        return
    if result.ok + len(result.failures) > 1:
        stderr.print(
            f"{len(result.failures)} of {result.ok + len(result.failures)} {what} failed:",
            markup=False,
            highlight=False,
        )
        for path, line, _ in result.failures:
            stderr.print(f"  {line}", markup=False, highlight=False)
    raise typer.Exit(result.exit_code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")
