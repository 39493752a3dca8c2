"""Turns extracted papers into stored, linked records."""
