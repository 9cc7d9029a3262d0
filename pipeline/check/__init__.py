"""Plan screening: match a plan to a rubric, check content, score completeness."""

import sys
import types

from pipeline.check.checker import check
from pipeline.check.result import CheckResult, ItemResult

__all__ = ["CheckResult", "ItemResult", "check"]


class _CallableModule(types.ModuleType):
    """``pipeline.check(plan, rubric)`` is the public API, but importing this
    subpackage rebinds the attribute ``pipeline.check`` to the module; making
    the module callable keeps the documented call working either way."""

    def __call__(self, plan, rubric):  # type: ignore[no-untyped-def]
        return check(plan, rubric)


sys.modules[__name__].__class__ = _CallableModule
