"""Notice -> checklist (rubric): compile, save as YAML, load with validation."""

from pipeline.rubric.compiler import compile_rubric
from pipeline.rubric.io import dump_rubric, load_rubric
from pipeline.rubric.schema import CHECK_TYPES, Rubric, RubricItem, validate_rubric

__all__ = [
    "CHECK_TYPES",
    "Rubric",
    "RubricItem",
    "compile_rubric",
    "dump_rubric",
    "load_rubric",
    "validate_rubric",
]
