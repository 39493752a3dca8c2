"""Settings for minutebook, read from environment variables.

Every setting has one obvious default for a single office running on SQLite;
a bad value stops start-up with an error naming the variable, never a silent
fallback.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def env_flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


DEBUG = env_flag("MINUTEBOOK_DEBUG", False)
SECRET_KEY = os.environ.get("MINUTEBOOK_SECRET_KEY") or (
    "insecure-development-key-set-MINUTEBOOK_SECRET_KEY-in-production"
)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("MINUTEBOOK_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

DEFAULT_DATABASE_URL = f"sqlite:///{Path.cwd() / 'minutebook.sqlite3'}"
try:
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, conn_max_age=60
        )
    }
except ValueError as exc:  # dj-database-url names the scheme it did not understand
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the site read while an import writes; a busy timeout stops
    # "database is locked" errors under a second writer.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, inserting many rows as plain VALUES (see minutebook.core.postgresql).
    DATABASES["default"]["ENGINE"] = "minutebook.core.postgresql"
    # Parameters bound by the server, and statements prepared once run five times in a
    # connection: an import runs the same few hundred statements thousands of times, and
    # PostgreSQL then plans each once. Django leaves preparing off for connection poolers;
    # behind a pooler that cannot keep prepared statements (PgBouncer in transaction mode
    # before 1.21), set MINUTEBOOK_PG_PREPARED_STATEMENTS=0.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True,
        prepare_threshold=5 if env_flag("MINUTEBOOK_PG_PREPARED_STATEMENTS", True) else None,
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks.backends.database",
    "minutebook.core",
    "minutebook.bodies",
    "minutebook.people",
    "minutebook.documents",
    "minutebook.meetings",
    "minutebook.actions",
    "minutebook.decisions",
    "minutebook.recommendations",
    "minutebook.importer",
    "minutebook.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "minutebook.urls"
WSGI_APPLICATION = "minutebook.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Static files are served from the installed package (WhiteNoise finders); set a root only
# to run `minutebook collectstatic` for a production server.
STATIC_ROOT = os.environ.get("MINUTEBOOK_STATIC_ROOT") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("MINUTEBOOK_LOG_LEVEL", "WARNING")},
}
