"""Regressions found by the full-corpus sweep's odd-input pass (see the sweep report).

Inputs are short hand-written snippets; each test is named after the bug it pins.
"""

from __future__ import annotations

import random

import pytest

from pipeline.errors import NotTextError
from pipeline.ingest.txt import decode_text

# Mostly CJK with a few digits and newlines: the NULs of its UTF-16 are few and on both
# sides (digits put them on one side, 一 = U+4E00 on the other).
NOTICE = "关于开展2023年度试点工作的通知\n一、支持标准\n每个项目奖励最高800万元。\n二、申报时间\n请于8月23日前报送。\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_txt_regression_bomless_utf16_chinese_is_text_not_binary(codec: str) -> None:
    """Sweep: a BOM-less UTF-16-BE notice was refused as "binary data: contains NUL bytes"."""
    assert decode_text(NOTICE.encode(codec), "n.txt") == (NOTICE, codec)


def _junk(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


@pytest.mark.parametrize("seed, size", [(1, 200), (2, 2000), (3, 10000)])
def test_txt_regression_random_binary_with_nuls_is_still_not_text(seed: int, size: int) -> None:
    data = _junk(seed, size)
    assert b"\x00" in data  # the probe only runs on data with NULs
    with pytest.raises(NotTextError):
        decode_text(data, "junk.txt")


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_txt_regression_utf16_probe_leaves_other_encodings_alone(codec: str) -> None:
    assert decode_text(NOTICE.encode(codec), "n.txt") == (NOTICE, codec)
