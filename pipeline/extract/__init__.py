"""Extraction stages: clauses and their kinds, amounts, deadlines (each Document -> Document)."""
