"""Extraction stages: clauses and their kinds, amounts, deadlines (each Document -> Document)."""

from pipeline._callable import make_module_callable

make_module_callable(__name__, "pipeline.api:extract")  # pipeline.extract(path) stays the API call
