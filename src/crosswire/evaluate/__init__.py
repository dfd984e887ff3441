"""Scores against gold data (clustering, ...)."""
