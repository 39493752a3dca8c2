"""Django's PostgreSQL compilers, but for inserts of many rows, which bind each value.

Since Django 5.2 the PostgreSQL backend writes a `bulk_create` as one
`INSERT ... SELECT * FROM UNNEST(%s::type[], ...)`, an array per column,
so that a statement of ten thousand rows is planned as fast as one of ten.
An import's batches are tens of rows, run thousands of times on prepared
statements: there the arrays cost more than they save, as psycopg builds
each in Python and the server parses it back (measured: a sixth of storing
a corpus, client and server together). Rows are bound value by value, as
on every other database.
"""

from __future__ import annotations

from django.db.backends.postgresql.compiler import (
    SQLAggregateCompiler,
    SQLCompiler,
    SQLDeleteCompiler,
    SQLUpdateCompiler,
)
from django.db.models.sql import compiler as generic

__all__ = [
    "SQLAggregateCompiler",
    "SQLCompiler",
    "SQLDeleteCompiler",
    "SQLInsertCompiler",
    "SQLUpdateCompiler",
]


class SQLInsertCompiler(generic.SQLInsertCompiler):
    """The insert compiler every backend shares, without PostgreSQL's UNNEST form."""
