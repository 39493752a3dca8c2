"""Benchmarks: scripts that print figures. Run from the project folder: `make bench-import`."""
