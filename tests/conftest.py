"""Shared test fixtures: paths to bundled seeds and to ../shared material."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SEEDS = CORPORA / "seeds"
SHARED = ROOT.parent / "shared"
REAL = SHARED / "corpus" / "real"
BULK = SHARED / "corpus" / "bulk"

SEED_NOTICE = SEEDS / "000_3152260086050f01.txt"
SEED_OPINIONS = SEEDS / "004_8ce19e87db4bba9c.txt"


def need_shared(path: Path) -> Path:
    """Skip (with the reason) when the shared corpus is not beside the clone."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpus lives beside the clone in CI (../shared)")
    return path


@pytest.fixture
def real_dir() -> Path:
    return need_shared(REAL)


@pytest.fixture
def bulk_dir() -> Path:
    return need_shared(BULK)


@pytest.fixture
def seed_notice() -> Path:
    return SEED_NOTICE


@pytest.fixture
def seed_opinions() -> Path:
    return SEED_OPINIONS
