"""The `minutebook` command.

`extract` and `synth` are plain Python and start fast: they never set up
Django. Everything else (`import`, `serve`, `demo`, `migrate`,
`createsuperuser`, ...) is a Django management command run through here, so a
user has one command to learn.

Exit codes: 0 success, 1 some work failed (for example one file of a batch),
2 bad input or bad usage.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

EXIT_OK = 0
EXIT_PARTIAL_FAILURE = 1
EXIT_BAD_INPUT = 2

#: Sub-commands implemented as Django management commands, with the name
#: the user types mapped to the command module.
DJANGO_COMMANDS = {
    "import": "import_papers",
    "serve": "serve",
    "demo": "demo",
}

PLAIN_COMMANDS = ("extract", "synth")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutebook",
        description="Keep the governance record of public bodies: import published "
        "minutes and packs, and serve them.",
        epilog="Django's own management commands (migrate, createsuperuser, shell, ...) "
        "also run through minutebook: `minutebook migrate`.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from minutebook.ingest.command import add_extract_arguments
    from minutebook.synth.command import add_synth_arguments

    add_extract_arguments(
        sub.add_parser(
            "extract",
            help="print the facts found in one document as JSON",
            description="Read one published document (text, Markdown, HTML, DOCX or PDF) "
            "and print what it holds as one JSON object (minutebook.extract/1).",
        )
    )
    add_synth_arguments(
        sub.add_parser(
            "synth",
            help="write a generated corpus of fictional papers with gold files",
            description="Write agendas, packs, minutes and decision records of fictional "
            "bodies in text, HTML, DOCX and PDF, each with a gold JSON file.",
        )
    )
    sub.add_parser(
        "import",
        help="store documents as linked records (see: minutebook import -h)",
        add_help=False,
    )
    sub.add_parser(
        "serve", help="serve the site and admin (see: minutebook serve -h)", add_help=False
    )
    sub.add_parser("demo", help="build the demo database (see: minutebook demo -h)", add_help=False)
    return parser


#: Commands that parse files in worker processes.
PARSING_COMMANDS = frozenset({"import", "demo"})


def run_django(argv: Sequence[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.settings")
    if argv[0] == "import" and not django_is_set_up():
        from minutebook.importer.unchanged import answer_if_nothing_new

        code = answer_if_nothing_new(argv[1:])  # a folder imported again: no Django needed
        if code is not None:
            return code
    if argv[0] in PARSING_COMMANDS and not {"-h", "--help"} & set(argv):
        from minutebook.ingest.workers import start_worker_server

        start_worker_server()  # its imports run while Django sets up
    with no_collections():
        from django.core.management import execute_from_command_line

    command, *rest = argv
    command = DJANGO_COMMANDS.get(command, command)
    try:
        execute_from_command_line(["minutebook", command, *rest])
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_PARTIAL_FAILURE
    return EXIT_OK


def django_is_set_up() -> bool:
    """Django is configured in this process already (a test, a shell): its connection is the
    one to ask, not the database the settings module names."""
    if "django.conf" not in sys.modules:
        return False
    from django.conf import settings

    return settings.configured


@contextmanager
def no_collections() -> Iterator[None]:
    """Hold off the cyclic garbage collector while importing a framework.

    Importing Django's management machinery builds some hundred thousand
    objects, none of them garbage, and the collector would walk them every
    700 allocations: a tenth of a short command's start.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def skip_collection_at_exit() -> None:
    """Spare the interpreter a last walk over every object it holds: the process is ending.

    At exit Python collects garbage over everything loaded, 70 ms with
    Django (a fifth of re-importing a folder already stored), to free memory
    the operating system takes back anyway. Frozen objects are not walked,
    so database connections are closed here first rather than left to it.
    """
    if "django.db" in sys.modules:
        from django.conf import settings
        from django.db import connections

        if settings.configured:
            connections.close_all()
    gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help") or args[0] in PLAIN_COMMANDS:
        parser = build_parser()
        namespace = parser.parse_args(args)
        if namespace.command is None:
            parser.print_help()
            return EXIT_OK if args else EXIT_BAD_INPUT
        return namespace.run(namespace)
    return run_django(args)


def run(argv: Sequence[str] | None = None) -> int:
    """The console entry point: `main` in a process that ends with it."""
    try:
        return main(argv)
    except BrokenPipeError:
        return reader_went_away()
    finally:
        skip_collection_at_exit()


def reader_went_away() -> int:
    """End quietly when what reads our output closes it (`minutebook extract X | head`).

    The output still buffered would fail again as Python flushes it at exit;
    it goes to /dev/null instead, as Python's documentation advises.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_PARTIAL_FAILURE


if __name__ == "__main__":
    sys.exit(run())
