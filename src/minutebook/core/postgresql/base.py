"""Django's PostgreSQL backend with minutebook's insert compiler."""

from __future__ import annotations

from django.db.backends.postgresql import base


class DatabaseOperations(base.DatabaseOperations):
    compiler_module = "minutebook.core.postgresql.compiler"


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
