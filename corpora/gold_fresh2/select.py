"""Reproduce the second fresh held-out selection (see README.md): ``python corpora/gold_fresh2/select.py``.

The rule is in ``corpora/fresh_selection.py``. ``--live`` recomputes the set of corpus files the
repository already refers to (which grows once these picks are cited elsewhere) and prints how it
differs from the set frozen at selection time.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fresh_selection import Rule, main  # corpora/ is not a package: found through sys.path

# bulk file numbers the repository referred to on 2026-11-23, before this selection
# (output of used_bulk_numbers(); frozen so the selection stays reproducible once the picks are cited)
USED_AT_SELECTION = frozenset((
    "00001", "00012", "00017", "00051", "00064", "00085", "00086", "00087", "00100", "00202",
    "00206", "00214", "00236", "00263", "00289", "00331", "00335", "00398", "00405", "00554",
    "00763", "00885", "01122", "01126", "01192", "01251", "01315", "01335", "01375", "01408",
    "01410", "01473", "01481", "01492", "01513", "01750", "01771", "01801", "01829", "01876",
    "01888",
))

RULE = Rule(
    folder="gold_fresh2",
    seed=20261124,  # gold_fresh used 20261123
    want_bulk=9,
    want_real=3,
    bulk_chars=(1500, 10000),  # short enough to read every line with care
    used_at_selection=USED_AT_SELECTION,
    earlier_golds=("gold", "gold_second", "gold_fresh"),
)

if __name__ == "__main__":
    main(RULE)
