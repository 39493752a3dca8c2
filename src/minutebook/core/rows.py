"""Writing many rows in one statement, without a model instance (or a query) per row.

`bulk_create` and `bulk_update` build each row through the ORM; for the evidence
rows an import writes by the thousand, and the small corrections it makes to
many rows, these write the values as they are, one statement for all.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from django.db import connections, models, router

#: Field types whose values the database driver needs adapted.
DATED = ("DateTimeField", "DateField")


def insert_rows(
    model: type[models.Model], columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """Insert plain rows of `columns` (attribute names) without building a model instance
    per row: for the evidence rows, which nothing reads back. PostgreSQL takes them by COPY,
    SQLite in one statement run for every row.

    Values must be of the fields' Python types. The rows must not conflict with stored
    ones (the evidence of a document is written once, when the new document is stored).
    """
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in columns]
    table = "{} ({})".format(
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    )
    dated = [i for i, f in enumerate(fields) if f.get_internal_type() in DATED]
    if dated:
        adapted: dict[tuple[int, Any], Any] = {}  # rows mostly share their dates
        rows = [list(row) for row in rows]
        for row in rows:
            for i in dated:
                if (i, row[i]) not in adapted:
                    adapted[i, row[i]] = fields[i].get_db_prep_save(row[i], connection)
                row[i] = adapted[i, row[i]]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            sql = f"COPY {table} FROM STDIN"
            logged = cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else nullcontext()
            with logged, cursor.cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            values = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} VALUES ({values})", rows)


def update_rows(model: type[models.Model], rows: list[tuple[models.Model, set[str]]]) -> None:
    """Write the named fields of each row, as `save(update_fields=...)` would (without signals,
    which nothing here listens to): one statement per set of fields, executed for all its rows.

    `bulk_update` would do it in one statement too, but builds a CASE per field and row,
    which costs more than the writes.
    """
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    pk = model._meta.pk
    alike: dict[tuple[str, ...], list[models.Model]] = {}
    for obj, fields in rows:
        alike.setdefault(tuple(sorted(fields)), []).append(obj)
    with connection.cursor() as cursor:
        for names, objs in alike.items():
            fields = [model._meta.get_field(name) for name in names]
            assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
            sql = (
                f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
                f"WHERE {quote(pk.column)} = %s"
            )
            params = [
                [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]
                + [pk.get_db_prep_save(obj.pk, connection)]
                for obj in objs
            ]
            if len(params) == 1:
                cursor.execute(sql, params[0])
            else:
                cursor.executemany(sql, params)
