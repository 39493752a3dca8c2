"""`minutebook synth`: write a generated corpus of fictional papers with gold files.

Plain Python, no Django: it runs in tests, the demo and benchmarks without a
database. Exit codes follow the cli: 0 written, 2 bad usage (out of range
options, unknown format, an output directory that cannot be written).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from minutebook.synth.corpus import FORMATS, KINDS, Options, write_all
from minutebook.synth.world import BODY_NAMES, BODY_ORDER

EXIT_OK = 0
EXIT_BAD_USAGE = 2


def add_synth_arguments(parser: argparse.ArgumentParser) -> None:
    bodies = ", ".join(f"{n + 1}: {BODY_NAMES[k]}" for n, k in enumerate(BODY_ORDER))
    parser.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        type=Path,
        help="directory to write into (created if missing; files are overwritten)",
    )
    parser.add_argument(
        "--bodies",
        type=int,
        default=2,
        metavar="N",
        help=f"how many bodies, 1 to {len(BODY_ORDER)}, taken in order ({bodies}); default 2",
    )
    parser.add_argument(
        "--years", type=int, default=1, metavar="N", help="how many years of meetings, default 1"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="seed: the same seed writes the same bytes; default 1",
    )
    parser.add_argument(
        "--formats",
        default=",".join(FORMATS),
        metavar="LIST",
        help=f"comma list of formats used in rotation, from {','.join(FORMATS)}; default all",
    )
    parser.add_argument(
        "--kinds",
        default=",".join(KINDS),
        metavar="LIST",
        help=f"comma list of document kinds from {','.join(KINDS)}; default all",
    )
    parser.add_argument(
        "--meetings-per-year",
        type=int,
        default=6,
        metavar="N",
        help="meetings of each body per year, 1 to 12; default 6",
    )
    parser.add_argument(
        "--start-year",
        type=int,
        default=2022,
        metavar="YEAR",
        help="first year of the period; default 2022",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    parser.set_defaults(run=run_synth)


def _list(value: str, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    items = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [v for v in items if v not in allowed]
    if unknown or not items:
        raise ValueError(
            f"unknown {what} {','.join(unknown) or '(none given)'}; choose from {','.join(allowed)}"
        )
    return items


def _options(args: argparse.Namespace) -> Options:
    if not 1 <= args.bodies <= len(BODY_ORDER):
        raise ValueError(f"--bodies must be 1 to {len(BODY_ORDER)}")
    if not 1 <= args.years <= 50:
        raise ValueError("--years must be 1 to 50")
    if not 1 <= args.meetings_per_year <= 12:
        raise ValueError("--meetings-per-year must be 1 to 12")
    if not 1900 <= args.start_year <= 2200:
        raise ValueError("--start-year must be a year between 1900 and 2200")
    return Options(
        out=args.out,
        bodies=args.bodies,
        years=args.years,
        seed=args.seed,
        formats=_list(args.formats, FORMATS, "format"),
        kinds=_list(args.kinds, KINDS, "kind"),
        meetings_per_year=args.meetings_per_year,
        start_year=args.start_year,
    )


def _check_writable(out: Path) -> str | None:
    if out.exists() and not out.is_dir():
        return f"{out} exists and is not a directory"
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".minutebook-synth-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return f"cannot write to {out}: {exc.strerror or exc}"
    return None


def run_synth(args: argparse.Namespace) -> int:
    try:
        options = _options(args)
    except ValueError as exc:
        print(f"minutebook synth: {exc}", file=sys.stderr)
        return EXIT_BAD_USAGE
    problem = _check_writable(options.out)
    if problem:
        print(f"minutebook synth: {problem}", file=sys.stderr)
        return EXIT_BAD_USAGE
    started = time.perf_counter()
    manifest = write_all(options)
    totals = manifest["totals"]
    if not getattr(args, "quiet", False):
        formats = ", ".join(f"{n} {f}" for f, n in totals["by_format"].items())
        print(
            f"minutebook synth: wrote {totals['files']} files to {options.out}: "
            f"{totals['documents']} documents ({formats}), each with a gold file, and "
            f"manifest.json; {totals['meetings']} meetings, {totals['decisions']} decisions, "
            f"{totals['pdf_pages']} PDF pages; {time.perf_counter() - started:.1f}s",
            file=sys.stderr,
        )
    return EXIT_OK
