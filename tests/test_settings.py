"""Settings come from the environment: the database URL picks the engine and its options."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SHOW_DATABASE = (
    "import json; from django.conf import settings; "
    "print(json.dumps({k: settings.DATABASES['default'][k] for k in ('ENGINE', 'OPTIONS')}))"
)


def database_settings(url: str, **extra: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "minutebook.settings",
        **extra,
    }
    done = subprocess.run(
        [sys.executable, "-c", SHOW_DATABASE], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_sqlite_writes_ahead_and_waits_for_a_second_writer(tmp_path):
    found = database_settings(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert found["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in found["OPTIONS"]["init_command"]
    assert found["OPTIONS"]["timeout"] > 0


def test_postgresql_binds_parameters_on_the_server_and_prepares_statements():
    found = database_settings("postgres://someone@db.example:5432/minutebook")
    assert found["ENGINE"] == "minutebook.core.postgresql"
    assert found["OPTIONS"]["server_side_binding"] is True
    assert found["OPTIONS"]["prepare_threshold"] == 5


def test_prepared_statements_can_be_turned_off_for_a_connection_pooler():
    found = database_settings(
        "postgres://someone@db.example:5432/minutebook", MINUTEBOOK_PG_PREPARED_STATEMENTS="0"
    )
    assert found["OPTIONS"]["prepare_threshold"] is None


def test_a_database_url_that_is_not_one_is_named():
    env = {
        **os.environ,
        "DATABASE_URL": "nonsense://x",
        "DJANGO_SETTINGS_MODULE": "minutebook.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", SHOW_DATABASE], env=env, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "DATABASE_URL is not a database URL" in done.stderr
