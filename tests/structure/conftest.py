"""Fixtures for the structure stage tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from structure_helpers import structure_file, structure_text

from pipeline.model import Document


@pytest.fixture
def structured() -> Callable[[Path], Document]:
    """Load a file through ingestion and run every structure stage on it."""
    return structure_file


@pytest.fixture
def structured_text() -> Callable[[str], Document]:
    return structure_text
