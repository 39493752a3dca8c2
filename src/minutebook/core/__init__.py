"""Shared foundations: the abstract record base and provenance helpers."""
