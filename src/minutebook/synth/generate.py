"""The programmatic way in: write a generated corpus from Python (the demo does).

Same output as `minutebook synth`, without argument parsing or printing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from minutebook.synth.corpus import FORMATS, KINDS, Options, write_all


def write_corpus(
    out: Path | str,
    *,
    bodies: int = 2,
    years: int = 1,
    seed: int = 1,
    formats: Iterable[str] = FORMATS,
    kinds: Iterable[str] = KINDS,
    meetings_per_year: int = 6,
    start_year: int = 2022,
) -> dict[str, Any]:
    """Write the documents, their gold files and manifest.json into `out`; return the manifest.

    Raises ValueError for options out of range (the command turns those into exit code 2).
    """
    formats, kinds = tuple(formats), tuple(kinds)
    if not 1 <= bodies <= 5 or years < 1 or not 1 <= meetings_per_year <= 12:
        raise ValueError("bodies must be 1 to 5, years at least 1, meetings_per_year 1 to 12")
    unknown = [f for f in formats if f not in FORMATS] + [k for k in kinds if k not in KINDS]
    if unknown or not formats or not kinds:
        raise ValueError(f"unknown or missing formats/kinds: {unknown}")
    return write_all(
        Options(
            out=Path(out),
            bodies=bodies,
            years=years,
            seed=seed,
            formats=formats,
            kinds=kinds,
            meetings_per_year=meetings_per_year,
            start_year=start_year,
        )
    )
