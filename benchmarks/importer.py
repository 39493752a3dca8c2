"""Import benchmark: pages and documents per second, peak memory, re-import cost.

    python -m benchmarks.importer [--documents 200] [--seed 11] [--skip-postgres] [--repeat 3]

On a generated corpus of PDF packs and minutes it measures, over the same files:
bare text extraction with pypdfium2, pypdf and pdfplumber (the yardsticks),
then `minutebook import` on SQLite and on PostgreSQL (a fresh database each),
then the same import again (which must be close to free: it is answered before
Django loads), then one file again (the start-up of such an answer). Each import runs in its own
process. Bare pypdfium2 and each import are run `--repeat` times and the
fastest kept, as timings on a shared machine wander; bare pypdfium2 is timed
again just before and just after each import, and the goal's ratio is the
median over those runs of the import to the mean of its two bare timings, each
measured under the same load (the lowest and highest are printed beside it). Peak memory is measured in runs of their
own: sampling a process family's memory costs CPU the timed runs would lose.
The commands run with compiled bytecode, as an installed package does. Prints
a table and the goals; changes nothing outside bench-data/ (and __pycache__).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench-data"
CLI = [sys.executable, "-m", "minutebook"]
PG_ADMIN_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_BENCH_DB = "minutebook_bench"


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output: str
    # CPU seconds of the command's own process: steadier than the clock on a busy machine,
    # and for an import, the storing that bounds it (parsing runs in worker processes)
    cpu_seconds: float = 0.0


def tree_memory(handle: psutil.Process) -> int:
    """The memory of a process and its children, each shared page counted once.

    Worker processes share the pages of the process they were forked from;
    adding up their resident sizes would count those pages once per worker.
    The proportional set size (PSS) splits each shared page among its
    sharers, so the sum is what the family really occupies.
    """
    try:
        family = [handle, *handle.children(recursive=True)]
    except psutil.Error:
        return 0  # the command has ended
    total = 0
    for process in family:
        try:
            total += process.memory_full_info().pss
        except psutil.Error:
            continue
    return total


def command_environment(**extra: str) -> dict[str, str]:
    """The environment the commands run in: this one, with bytecode written and read.

    An installed package's modules are compiled once; where
    PYTHONDONTWRITEBYTECODE is set, every run would compile minutebook's
    modules again (a tenth of a second of each start), a cost no user pays.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def compile_sources(env: dict[str, str]) -> None:
    """Fill the bytecode cache, so that no timed run pays for compiling."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], env=env, check=True
    )


def run_measured(args: list[str], env: dict[str, str], memory: bool = False) -> Run:
    """Run a command; with `memory`, sample the memory of it and its children every 20 ms
    (which costs CPU: the timings of such a run are not the ones to keep)."""
    started = time.perf_counter()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            handle = psutil.Process(process.pid)
            while not stop.is_set():
                peak = max(peak, tree_memory(handle))
                stop.wait(0.02)
        except psutil.Error:
            return

    sampler = threading.Thread(target=sample, daemon=True)
    if memory:
        sampler.start()
    out, err = process.communicate()
    stop.set()
    if memory:
        sampler.join()
    seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = (cpu_after.ru_utime + cpu_after.ru_stime) - (
        cpu_before.ru_utime + cpu_before.ru_stime
    )
    if process.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(args[:4])} failed ({process.returncode}): {err.strip()[-500:]}"
        )
    return Run(seconds, peak / 2**20, out, cpu_seconds)


def corpus(documents: int, seed: int) -> list[Path]:
    """The first `documents` agenda packs and minutes of a generated corpus (made once)."""
    folder = DATA / f"corpus-seed{seed}"
    if not (folder / "manifest.json").exists():
        print(f"generating a corpus in {folder} ...", file=sys.stderr)
        subprocess.run(
            [
                *CLI,
                "synth",
                "--out",
                str(folder),
                "--bodies",
                "5",
                "--years",
                "8",
                "--seed",
                str(seed),
                "--formats",
                "pdf",
            ],
            check=True,
        )
    # the papers of meetings (agenda packs and minutes), as the goal is set on; decision
    # records are single pages and would measure start-up more than reading
    pdfs = sorted(p for p in folder.rglob("*.pdf") if p.stem.endswith(("-pack", "-minutes")))
    if len(pdfs) < documents:
        print(
            f"note: the generated corpus holds {len(pdfs)} PDFs, fewer than {documents}",
            file=sys.stderr,
        )
    return pdfs[:documents]


def bare_pypdfium2(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


def bare_pypdf(paths: list[Path]) -> int:
    from pypdf import PdfReader

    pages = 0
    for path in paths:
        for page in PdfReader(str(path)).pages:
            page.extract_text()
            pages += 1
    return pages


def bare_pdfplumber(paths: list[Path]) -> int:
    import pdfplumber

    pages = 0
    for path in paths:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    return pages


def timed(function, paths: list[Path]) -> tuple[int, float]:
    started = time.perf_counter()
    pages = function(paths)
    return pages, time.perf_counter() - started


@dataclass
class Imports:
    """One database's measurements: the fastest of each kind of run, and the ratios of
    an import to the bare pypdfium2 run timed just before it."""

    first: Run
    again: Run
    start_up: Run
    ratios: list[float]

    @property
    def ratio(self) -> float:
        """The median ratio: one lucky or unlucky pair moves it least."""
        return statistics.median(self.ratios)


def import_twice(
    paths: list[Path], database_url: str, memory: bool = False
) -> tuple[Run, Run, Run]:
    """An import into a new database, the same import again, and one file again (what a run
    that finds nothing new costs before its files: start-up); with `memory`, each sampled
    for its peak."""
    env = command_environment(DATABASE_URL=database_url, MINUTEBOOK_LOG_LEVEL="ERROR")
    subprocess.run([*CLI, "migrate", "--verbosity", "0"], env=env, check=True)
    args = [*CLI, "import", *map(str, paths), "--format", "json"]
    first, again = run_measured(args, env, memory), run_measured(args, env, memory)
    one_file = [*CLI, "import", str(paths[0]), "--format", "json"]
    return first, again, run_measured(one_file, env, memory)


def fastest(runs: list[Run], sampled: Run) -> Run:
    """The quickest of repeated runs, with the peak memory of the run that measured it:
    on a shared machine the slower repeats measure the neighbours."""
    best = min(runs, key=lambda run: run.seconds)
    return Run(best.seconds, sampled.peak_mb, best.output, best.cpu_seconds)


def import_repeatedly(
    paths: list[Path], fresh_database: Callable[[], str | None], repeat: int
) -> Imports | None:
    """The fastest first import into a fresh database, the fastest import again, and each
    import's ratio to bare pypdfium2 timed just before and after it: the machine's load
    wanders, and a ratio is only fair between runs made under the same load."""
    firsts, agains, start_ups, ratios = [], [], [], []
    for _ in range(repeat):
        url = fresh_database()
        if url is None:
            return None
        _, before = timed(bare_pypdfium2, paths)
        first, again, start_up = import_twice(paths, url)
        _, after = timed(bare_pypdfium2, paths)
        bare = (before + after) / 2
        firsts.append(first)
        agains.append(again)
        start_ups.append(start_up)
        ratios.append(first.seconds / bare)
    url = fresh_database()
    if url is None:
        return None
    sampled = import_twice(paths, url, memory=True)
    return Imports(
        fastest(firsts, sampled[0]),
        fastest(agains, sampled[1]),
        fastest(start_ups, sampled[2]),
        ratios,
    )


def fresh_sqlite() -> str:
    return f"sqlite:///{tempfile.mkdtemp(prefix='mb-bench-')}/bench.sqlite3"


def fresh_postgres() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB}")
            connection.execute(f"CREATE DATABASE {PG_BENCH_DB}")
    except Exception as exc:  # noqa: BLE001 - any failure means: no PostgreSQL run
        print(f"PostgreSQL not available ({exc}); skipping it", file=sys.stderr)
        return None
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + PG_BENCH_DB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--documents", type=int, default=200, help="how many PDFs to import (default 200)"
    )
    parser.add_argument("--seed", type=int, default=11, help="seed of the generated corpus")
    parser.add_argument("--skip-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of bare pypdfium2 and of each import, the fastest kept (default 3)",
    )
    args = parser.parse_args(argv)

    paths = corpus(args.documents, args.seed)
    compile_sources(command_environment())
    size_mb = sum(p.stat().st_size for p in paths) / 2**20
    print(f"corpus: {len(paths)} PDF documents, {size_mb:.1f} MB")
    rows = []
    for name, function in (
        ("pypdfium2", bare_pypdfium2),
        ("pypdf", bare_pypdf),
        ("pdfplumber", bare_pdfplumber),
    ):
        repeat = args.repeat if name == "pypdfium2" else 1  # the others take minutes
        pages, seconds = min((timed(function, paths) for _ in range(repeat)), key=lambda t: t[1])
        rows.append((f"bare text: {name}", pages, seconds, None, None))
    pages = rows[0][1]

    databases: list[tuple[str, Callable[[], str | None]]] = [("SQLite", fresh_sqlite)]
    if not args.skip_postgres:
        databases.append(("PostgreSQL", fresh_postgres))
    results = {}
    for label, fresh_database in databases:
        measured = import_repeatedly(paths, fresh_database, max(1, args.repeat))
        if measured is None:
            continue
        first, again = measured.first, measured.again
        summary = json.loads(first.output) if first.output.strip().startswith("{") else {}
        results[label] = (measured, summary)
        rows.append((f"import: {label}", pages, first.seconds, first.peak_mb, first.cpu_seconds))
        rows.append((f"re-import: {label}", pages, again.seconds, again.peak_mb, again.cpu_seconds))
        start_up = measured.start_up
        rows.append(
            (f"start-up: {label}", None, start_up.seconds, start_up.peak_mb, start_up.cpu_seconds)
        )

    print(
        f"\n{'run':28} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'docs/s':>7} {'peak MB':>8} {'cpu s':>6}"
    )
    for name, count, seconds, peak, cpu in rows:
        peak_text = f"{peak:8.0f}" if peak is not None else f"{'':8}"
        cpu_text = f"{cpu:6.2f}" if cpu is not None else f"{'':6}"
        if count is None:  # one file again: only its time says anything
            print(f"{name:28} {'':6} {seconds:8.2f} {'':8} {'':7} {peak_text} {cpu_text}")
            continue
        print(
            f"{name:28} {count:6d} {seconds:8.2f} {count / seconds:8.1f} "
            f"{len(paths) / seconds:7.1f} {peak_text} {cpu_text}"
        )
    print("\ngoals (each import's ratio is to bare pypdfium2 timed just before and after it):")
    for label, (measured, summary) in results.items():
        first, again, start_up = measured.first, measured.again, measured.start_up
        reimport = 100 * again.seconds / first.seconds
        beyond = 100 * max(0.0, again.seconds - start_up.seconds) / first.seconds
        print(
            f"  {label}: import {measured.ratio:.1f}x bare pypdfium2 (goal <= 3x; median of "
            f"{len(measured.ratios)}, {min(measured.ratios):.1f}x-{max(measured.ratios):.1f}x); "
            f"peak {first.peak_mb:.0f} MB (goal < 300); re-import {reimport:.1f}% of first "
            f"(goal < 5%; {beyond:.1f}% beyond the {start_up.seconds:.2f} s of one file again)"
        )
        totals = summary.get("totals") or {}
        if totals:
            print(f"  {label} imported: {totals}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
