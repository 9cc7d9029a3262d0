"""Limits that protect the machine from hostile or broken input.

Defaults suit a reviewer's laptop; every one can be raised per run from the
CLI (``--max-bytes``, ``--timeout``) or by environment variable, so that a
legitimate 300-page scan is never blocked for good.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = _env_int("POLICYLENS_MAX_BYTES", 200 * 1024 * 1024)
    # zip dossiers: total uncompressed size, member count and per-member ratio
    max_archive_total: int = _env_int("POLICYLENS_MAX_ARCHIVE_TOTAL", 1024 * 1024 * 1024)
    max_archive_members: int = _env_int("POLICYLENS_MAX_ARCHIVE_MEMBERS", 5000)
    max_compression_ratio: int = _env_int("POLICYLENS_MAX_RATIO", 200)
    max_archive_depth: int = 3
    # PDF pages: rendered image budget in pixels (a 600-dpi A4 page is ~35 Mpx)
    max_page_pixels: int = _env_int("POLICYLENS_MAX_PAGE_PIXELS", 80_000_000)
    max_pages: int = _env_int("POLICYLENS_MAX_PAGES", 2000)
    convert_timeout: int = _env_int("POLICYLENS_TIMEOUT", 120)  # seconds, LibreOffice
    ocr_dpi: int = 200

    def with_(self, **changes: object) -> Limits:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


DEFAULT_LIMITS = Limits()
