"""The processes that read and parse files, started early so their start-up overlaps ours.

Workers fork from a server process (multiprocessing's `forkserver`) that has
imported the readers and the parser once, so they start ready to work and
never inherit the importing process's database connections. Starting that
server takes a tenth of a second of imports (the readers of formats other
than PDF load in a worker when it first meets one); `start_worker_server`
lets the command line begin it before Django has even set up. This module imports no
parser itself, so the importing process need never load one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from multiprocessing import forkserver
from multiprocessing.context import BaseContext

# Modules the workers need, imported once in the server they are forked from.
WORKER_PRELOAD = ["minutebook.ingest.extract", "minutebook.ingest.readers"]


def worker_context() -> BaseContext:
    """The multiprocessing context workers start in."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_PRELOAD)
    return context


def start_worker_server() -> None:
    """Start the server workers fork from, if it is not running yet (it returns at once)."""
    worker_context()
    forkserver.ensure_running()


#: How much lower than the importing process workers run (added to their niceness).
WORKER_NICENESS = 10


def lower_priority() -> None:
    """Run this worker below the process that stores what it parses.

    Storing, in one process, bounds an import; parsing has workers to
    spare. With the workers niced, the storing process never waits for a
    core while they parse ahead, and they take whatever it leaves. It also
    keeps a long import polite to the rest of the machine.
    """
    # no niceness on this platform, or not allowed: run at the same priority
    with contextlib.suppress(AttributeError, OSError):
        os.nice(WORKER_NICENESS)
