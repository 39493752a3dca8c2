"""Writes nothing reads back, held until the next statement that needs an answer.

Storing a document on PostgreSQL writes mostly new rows whose ids are
already known (`rows.reserving_ids`) and updates of rows the importer
holds: it needs no answer from the server for them, yet each cost a round
trip, a tenth of a millisecond or so on a local server and more over a
network, thousands of them in an import. While `holding_writes` is in force
(the importer holds them for each document), `rows.insert_values` and
`rows.update_rows` put such writes on a list instead, and the list goes to
the server in one pipeline (psycopg's pipeline mode) together with the next
statement that needs an answer: a read, an ORM write, a COPY, the end of the
document.

A held write that fails fails the statement it was sent with, as Django's
error (an `IntegrityError` for a duplicate); inside the document's
transaction that rolls the document back, as any failure did. Writes still
held when the block ends in failure are dropped with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

T = TypeVar("T")


@dataclass
class _Held:
    alias: str
    statements: list[tuple[str, Any, bool]] = field(default_factory=list)


_held: ContextVar[_Held | None] = ContextVar("held_writes", default=None)


@contextmanager
def holding_writes(alias: str = "default") -> Iterator[None]:
    """Hold the answerless writes to `alias` (PostgreSQL only) until a statement needs an
    answer, and send what is left when the block ends."""
    connection = connections[alias]
    if connection.vendor != "postgresql" or _held.get() is not None:
        yield
        return
    held = _Held(alias)
    token = _held.set(held)
    try:
        with connection.execute_wrapper(_send_held_first):
            yield
            send_held_writes(connection)
    finally:
        held.statements.clear()  # a failed block's writes go with it
        _held.reset(token)


def execute_or_hold(
    connection: BaseDatabaseWrapper, sql: str, params: Any, *, many: bool = False
) -> None:
    """Run a statement whose answer nobody reads, or hold it while `holding_writes` is in
    force for its database."""
    held = _held.get()
    if held is not None and held.alias == connection.alias:
        held.statements.append((sql, params, many))
        return
    with connection.cursor() as cursor:
        if many:
            cursor.executemany(sql, params)
        else:
            cursor.execute(sql, params)


def send_held_writes(
    connection: BaseDatabaseWrapper, then: Callable[[], T] | None = None
) -> T | None:
    """Send the held writes, then run `then` (which runs one statement), in one round trip.

    The writes go out first, in the order they were made, so the statement
    sees them; a failure among them is raised as Django's error.
    """
    held = _held.get()
    if held is None or held.alias != connection.alias or not held.statements:
        return then() if then is not None else None
    statements, held.statements = held.statements, []
    connection.ensure_connection()
    raw = connection.connection
    with connection.wrap_database_errors, raw.pipeline(), raw.cursor() as cursor:
        for sql, params, many in statements:
            if connection.queries_logged:  # listed where Django lists the queries it ran
                connection.queries_log.append({"sql": sql, "time": "0.000", "held": True})
            if many:
                cursor.executemany(sql, params)
            else:
                cursor.execute(sql, params)
        return then() if then is not None else None


def _send_held_first(execute: Callable[..., Any], sql: str, params: Any, many: bool, context):
    """Django's execute wrapper: a statement goes to the server after the held writes, with
    them, and its answer is read once all of theirs are in."""
    return send_held_writes(context["connection"], lambda: execute(sql, params, many, context))
