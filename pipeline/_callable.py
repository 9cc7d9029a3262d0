"""Subpackages that share a name with a public API function stay callable.

``pipeline.extract(path)`` and ``pipeline.check(plan, rubric)`` are the
documented API, but importing the subpackages ``pipeline.extract`` and
``pipeline.check`` rebinds those attributes of ``pipeline`` to the modules.
Making the modules callable keeps the documented calls working whichever
was imported first.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module
from typing import Any


def make_module_callable(module_name: str, target: str) -> None:
    """Calling the module ``module_name`` calls ``target`` ("module:function")."""
    target_module, func = target.split(":")

    class _CallableModule(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return getattr(import_module(target_module), func)(*args, **kwargs)

    sys.modules[module_name].__class__ = _CallableModule
