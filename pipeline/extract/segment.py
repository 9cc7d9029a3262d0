"""Word segmentation with jieba, set up once with the policy-text user dictionary.

Amounts and dates are extracted with rules on the raw text *before* any
segmentation (jieba splits "3480.83万元" and "23.4%"); words are for the
things that need them: the spaCy integration and word-level features.
The user dictionary (``pipeline/data/jieba_user_dict.txt``) keeps policy terms
whole ("一事一议", "就高不重复", "专精特新", "建档立卡"), which jieba's default
dictionary would split.
"""

from __future__ import annotations

import logging
import threading

from pipeline.data import data_path

USER_DICT = data_path("jieba_user_dict.txt")

_LOCK = threading.Lock()
_READY = False


def setup_jieba() -> None:
    """Initialise jieba's default tokenizer and load the user dictionary, once per process."""
    global _READY
    if _READY:
        return
    with _LOCK:
        if _READY:
            return
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        jieba.load_userdict(str(USER_DICT))
        _READY = True


def words(text: str) -> list[str]:
    """jieba words of ``text`` (whitespace dropped); loads the dictionary on first use."""
    setup_jieba()
    import jieba

    return [w for w in jieba.lcut(text) if w.strip()]


__all__ = ["USER_DICT", "setup_jieba", "words"]
