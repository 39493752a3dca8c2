"""`minutebook demo`: a demo database with generated papers and, when present, the real corpus."""

from __future__ import annotations

import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from minutebook.synth.generate import write_corpus

DEMO_USER = "demo"
DEMO_PASSWORD = "demo-minutebook"


class Command(BaseCommand):
    help = (
        "Build a demo database: migrate, generate fictional papers, import them and the real corpus "
        "in ../shared/corpus when present, create an admin login, and optionally serve the site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data",
            default="demo-data",
            help="folder for the generated papers (default demo-data)",
        )
        parser.add_argument(
            "--corpus",
            default=None,
            help="folder of real papers to import as well "
            "(default ../shared/corpus when it exists)",
        )
        parser.add_argument("--seed", type=int, default=7, help="seed for the generated papers")
        parser.add_argument(
            "--serve", action="store_true", help="serve the site when the data is in"
        )
        parser.add_argument(
            "--addrport", default="127.0.0.1:8000", help="where to serve (default 127.0.0.1:8000)"
        )

    def handle(
        self, *args, data: str, corpus: str | None, seed: int, serve: bool, addrport: str, **options
    ):
        call_command("migrate", interactive=False, verbosity=0)
        folder = Path(data)
        if not (folder / "manifest.json").exists():
            self.stdout.write(f"Generating fictional papers in {folder}/ ...")
            write_corpus(
                folder, bodies=3, years=2, seed=seed, formats=("txt", "html", "docx", "pdf")
            )
        paths = [folder]
        real = Path(corpus) if corpus else Path.cwd().parent / "shared" / "corpus"
        if real.is_dir():
            paths.append(real)
        try:
            call_command("import_papers", *map(str, paths), stdout=self.stdout, stderr=self.stderr)
        except SystemExit as exc:  # some files failed: the reasons are printed; the demo goes on
            self.stderr.write(f"some files could not be imported (exit {exc.code}); see above")

        user_model = get_user_model()
        if not user_model.objects.filter(username=DEMO_USER).exists():
            user_model.objects.create_superuser(DEMO_USER, "demo@example.invalid", DEMO_PASSWORD)
        self.stdout.write(f"Admin login: {DEMO_USER} / {DEMO_PASSWORD}")
        if serve:
            os.environ.setdefault("MINUTEBOOK_DEBUG", "1")
            call_command("serve", addrport)
