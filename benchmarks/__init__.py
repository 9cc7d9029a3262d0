"""Benchmarks run by ``make bench`` (``python -m benchmarks``).

Each ``bench_*.py`` module exposes ``run(quick: bool = False) -> list[dict]``.
Rows are measured against a baseline in the same run, so the ratios mean
something on any machine; absolute numbers are printed for the README.
"""
