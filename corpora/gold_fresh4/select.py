"""Reproduce the fourth fresh held-out selection (see README.md): ``python corpora/gold_fresh4/select.py``.

The shared pieces (money/date regexes, title rule, repository references, real-document exclusions) are
``corpora/fresh_selection.py``'s; this set changes only the thresholds, so it is deadline-rich rather than
money-rich: bulk files of 1,500–5,000 characters with at least 8 date/limit mentions and at least 2 money
mentions, and real documents with at least 3 date/limit mentions. ``--live`` recomputes the repository's
references to corpus files and shows the picks the rule would make today (``fresh_selection.main``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import fresh_selection as fs  # corpora/ is not a package: found through sys.path

# bulk file numbers the repository referred to on 2026-11-23 17:28 UTC, before this selection (output of
# fs.used_bulk_numbers()), united with the numbers gold_fresh2/gold_fresh3 froze (00100, 01335 are no longer
# named in the checkout but were used before)
USED_AT_SELECTION = frozenset((
    "00001", "00012", "00013", "00017", "00026", "00051", "00052", "00064", "00078", "00079",
    "00085", "00086", "00087", "00089", "00196", "00197", "00201", "00202", "00204", "00206",
    "00214", "00224", "00227", "00232", "00236", "00263", "00266", "00280", "00289", "00306",
    "00309", "00313", "00331", "00335", "00398", "00405", "00417", "00535", "00554", "00566",
    "00618", "00648", "00649", "00726", "00751", "00762", "00763", "00880", "00885", "01066",
    "01079", "01118", "01122", "01126", "01176", "01192", "01239", "01251", "01260", "01315",
    "01372", "01375", "01408", "01410", "01441", "01473", "01476", "01481", "01492", "01513",
    "01548", "01579", "01603", "01609", "01644", "01717", "01721", "01722", "01723", "01731",
    "01750", "01771", "01801", "01829", "01876", "01888", "01900", "01935", "01995",
    "00100", "01335",
))

RULE = fs.Rule(
    folder="gold_fresh4",
    seed=20261126,  # gold_fresh 20261123, gold_fresh2 20261124, gold_fresh3 20261125
    want_bulk=9,
    want_real=10,
    bulk_chars=(1500, 5000),  # short enough to read every line with care in the time this set had
    used_at_selection=USED_AT_SELECTION,
    earlier_golds=("gold", "gold_second", "gold_fresh", "gold_fresh2", "gold_fresh3"),
    bulk_min_dates=8,  # deadline-rich first
    bulk_min_money=2,  # some money, so amounts are measured too
    real_min_dates=3,
)


if __name__ == "__main__":
    fs.main(RULE)
