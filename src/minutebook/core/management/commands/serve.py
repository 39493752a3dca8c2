"""`minutebook serve`: migrate if needed, then serve the site and admin."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Apply any pending migrations, then serve the public site and the admin."

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport",
            nargs="?",
            default="127.0.0.1:8000",
            help="address:port (default 127.0.0.1:8000)",
        )

    def handle(self, *args, addrport: str, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(
            f"minutebook: site at http://{addrport}/  admin at http://{addrport}/admin/"
        )
        call_command("runserver", addrport, use_reloader=False)
