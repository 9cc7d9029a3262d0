"""Pay the checker's one-off start-up (classifier, lexicons) once, before workers fork.

The forkserver imports this module and then forks every worker from itself,
so workers start warm: the first check in a fresh process costs seconds
(loading the section classifier imports skops and scikit-learn), later ones
~0.1 s. Without it, two workers were slower than one on a 12-dossier batch.
"""

from __future__ import annotations


def warm() -> bool:
    """Run one tiny check; False (never an exception) if the checker cannot run here."""
    try:
        from pipeline.check import check
        from pipeline.rubric import Rubric, RubricItem

        rubric = Rubric(items=[RubricItem(id="s", name="工作机制", kind="section")])
        check("一、工作机制\n成立领导小组，县商务局局长任组长。\n", rubric)
        from pipeline.report import html

        html._env()
        return True
    except Exception:  # noqa: BLE001 - warming is an optimisation, never a failure
        return False


WARM = warm()
