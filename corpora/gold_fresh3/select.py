"""Reproduce the third fresh held-out selection (see README.md): ``python corpora/gold_fresh3/select.py``.

The rule is in ``corpora/fresh_selection.py``. ``--live`` recomputes the set of corpus files the
repository already refers to (which grows once these picks are cited elsewhere) and prints how it
differs from the set frozen at selection time.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fresh_selection import Rule, main  # corpora/ is not a package: found through sys.path

# bulk file numbers the repository referred to on 2026-11-23 14:49 UTC, before this selection, united with the
# numbers frozen by gold_fresh2 (00100 and 01335 are no longer named in the checkout but were used before)
# (output of used_bulk_numbers(); frozen so the selection stays reproducible once the picks are cited)
USED_AT_SELECTION = frozenset((
    "00001", "00012", "00013", "00017", "00051", "00064", "00078", "00079", "00085", "00086",
    "00087", "00089", "00100", "00202", "00204", "00206", "00214", "00236", "00263", "00280",
    "00289", "00306", "00313", "00331", "00335", "00398", "00405", "00417", "00535", "00554",
    "00648", "00763", "00885", "01118", "01122", "01126", "01176", "01192", "01251", "01315",
    "01335", "01375", "01408", "01410", "01473", "01481", "01492", "01513", "01579", "01723",
    "01731", "01750", "01771", "01801", "01829", "01876", "01888", "01900",
))

RULE = Rule(
    folder="gold_fresh3",
    seed=20261125,  # gold_fresh used 20261123, gold_fresh2 20261124
    want_bulk=7,
    want_real=3,  # fewer if fewer real documents remain; bulk fills up to 10
    bulk_chars=(1500, 7000),  # short enough to read every line with care in the time available
    used_at_selection=USED_AT_SELECTION,
    earlier_golds=("gold", "gold_second", "gold_fresh", "gold_fresh2"),
)

if __name__ == "__main__":
    main(RULE)
