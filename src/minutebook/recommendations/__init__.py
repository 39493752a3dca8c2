"""Recommendations made to an office holder and the responses."""
