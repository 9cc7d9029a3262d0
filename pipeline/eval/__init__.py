"""Evaluation against the gold annotations in corpora/gold (test split by default)."""
