"""Writing many rows at once, cheaper than the ORM's statement built value by value.

`bulk_create` and `bulk_update` build each row through the ORM's SQL compiler;
for the evidence rows an import writes by the thousand (`insert_rows`), the new
items, paragraphs and attendance rows it writes by the hundred (`insert_new`),
the single records it creates (`create_row`), the links of a document to its
meetings (`insert_links`) and the small corrections it makes to many rows
(`update_rows`), these write the values in one statement for all: by COPY on
PostgreSQL, or one INSERT for a few rows, or one UPDATE joined to the rows'
values.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from functools import lru_cache, partial
from typing import Any, TypeVar

from django.db import connections, models, router
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone

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
    fields = [model._meta.get_field(name) for name in columns]
    table = table_columns(connection, model, fields)
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
            copy_rows(connection, cursor, table, rows)
        else:
            values = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} VALUES ({values})", rows)


def insert_new(objs: list[models.Model]) -> None:
    """Insert new instances of one model and give them their ids, as `bulk_create` does.

    On PostgreSQL a few rows (`FEW_ROWS`) go in one INSERT, one round trip;
    more go by COPY, their ids drawn from the table's sequence in one query
    first: for the items, paragraphs and attendance an import writes by the
    thousand, an INSERT of many rows cost more to build, send and parse than
    the rows themselves. During an import the ids come from the run's
    reserve (`reserving_ids`). Elsewhere this is `bulk_create`.
    The values are Django's (defaults, `auto_now`, each field's database
    value); like `bulk_create`, no signals are sent and no `save()` runs.
    """
    if not objs:
        return
    model = type(objs[0])
    alias = router.db_for_write(model)
    connection = connections[alias]
    if connection.vendor != "postgresql" or any(obj.pk is not None for obj in objs):
        model._default_manager.using(alias).bulk_create(objs)  # or rows with ids of their own
        return
    opts = model._meta
    fields = [f for f in opts.concrete_fields if f is not opts.pk]
    rows = new_row_values(objs, fields, connection)
    with connection.cursor() as cursor:
        if len(rows) <= FEW_ROWS and _reserves.get() is None:
            returning = connection.ops.quote_name(opts.pk.column)
            table = table_columns(connection, model, fields)
            ids = insert_values(cursor, table, rows, returning=returning)
        else:
            ids = _new_ids(cursor, alias, opts.db_table, opts.pk.column, len(objs))
            rows = [[pk, *row] for pk, row in zip(ids, rows, strict=True)]
            table = table_columns(connection, model, [opts.pk, *fields])
            if len(rows) <= FEW_ROWS:
                insert_values(cursor, table, rows)
            else:
                copy_rows(connection, cursor, table, rows)
    for pk, obj in zip(ids, objs, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = alias


def new_row_values(
    objs: list[models.Model], fields: list[models.Field], connection: Any
) -> list[list[Any]]:
    """The database values of `fields` for each new object, as `bulk_create` computes them.

    Django prepares each value through four or five calls; for the rows an
    import writes by the ten thousand that was a twelfth of storing. Where the
    result is known, it is taken directly (`_preparer`): the `auto_now`
    timestamps, prepared once for the batch (one time for all its rows, as
    one statement writes them), an empty JSON object, prepared once, and
    text, flags, UUIDs, integers and keys that already have their Python
    type. Anything else takes Django's way. The preparers of a model are
    built once per database (`_preparers`): most batches are of a few rows.
    """
    batch = _Batch(timezone.now(), connection)
    preparers = _preparers(type(objs[0]), tuple(fields), connection)
    rows = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        rows.append([prepare(obj, batch) for prepare in preparers])
    return rows


class _Batch:
    """What the rows of one batch share: the time they are written (prepared once per field)
    and the connection they are written by."""

    __slots__ = ("now", "stamps", "connection")

    def __init__(self, now: Any, connection: Any) -> None:
        self.now = now
        self.stamps: dict[models.Field, Any] = {}
        self.connection = connection


Preparer = Callable[[models.Model, _Batch], Any]

#: (model, fields, database alias, vendor) -> the preparer of each field.
_PREPARERS: dict[tuple[Any, ...], list[Preparer]] = {}


def _preparers(
    model: type[models.Model], fields: tuple[models.Field, ...], connection: Any
) -> list[Preparer]:
    key = (model, fields, connection.alias, connection.vendor)
    preparers = _PREPARERS.get(key)
    if preparers is None:
        preparers = _PREPARERS[key] = [_preparer(field, connection) for field in fields]
    return preparers


#: Field classes whose value of this Python type is its own database value (a UUID too, where
#: the database has a UUID type).
_UNCHANGED: dict[type[models.Field], type] = {
    models.CharField: str,
    models.TextField: str,
    models.BooleanField: bool,
}

#: Integer field classes: an `int` needs only the backend's integer adapter (Django's own step).
_INTEGERS = (
    models.IntegerField,
    models.PositiveIntegerField,
    models.SmallIntegerField,
    models.PositiveSmallIntegerField,
    models.BigIntegerField,
    models.PositiveBigIntegerField,
)


def _preparer(field: models.Field, connection: Any) -> Preparer:
    """How to compute one field's database value of a new object (`new_row_values`), on a
    database of `connection`'s kind (the batch brings its own connection)."""
    attname = field.attname

    def django_way(obj: models.Model, batch: _Batch) -> Any:
        return field.get_db_prep_save(field.pre_save(obj, True), batch.connection)

    if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):

        def timestamp(obj: models.Model, batch: _Batch) -> Any:
            setattr(obj, attname, batch.now)  # as `pre_save` does
            stamp = batch.stamps.get(field)
            if stamp is None:
                stamp = batch.stamps[field] = field.get_db_prep_save(batch.now, batch.connection)
            return stamp

        return timestamp
    if isinstance(field, models.JSONField):
        empty = field.get_db_prep_save({}, connection)  # most rows' `extras`

        def json(obj: models.Model, batch: _Batch) -> Any:
            value = getattr(obj, attname)
            return empty if type(value) is dict and not value else django_way(obj, batch)

        return json
    plain = _UNCHANGED.get(type(field))
    convert: Callable[[Any], Any] | None = None
    if type(field) is models.UUIDField and connection.features.has_native_uuid_field:
        plain = uuid.UUID
    elif isinstance(field, models.ForeignKey) and isinstance(field.target_field, AutoFieldMixin):
        plain = int  # a key to an id: the id as it is
    elif type(field) in _INTEGERS:
        plain = int
        convert = partial(
            connection.ops.adapt_integerfield_value, internal_type=field.get_internal_type()
        )
    if plain is None:
        return django_way

    def known(obj: models.Model, batch: _Batch) -> Any:
        value = getattr(obj, attname)
        if value is None:
            return None
        if type(value) is plain:
            return value if convert is None else convert(value)
        return django_way(obj, batch)

    return known


M = TypeVar("M", bound=models.Model)


def create_row(model: type[M], **fields: Any) -> M:
    """`model.objects.create(**fields)` by `insert_new`: during an import on PostgreSQL, one
    INSERT with an id from the run's reserve rather than the ORM's, whose building cost
    more than the row. For models without a `save()` of their own; no signals are sent."""
    obj = model(**fields)
    insert_new([obj])
    return obj


#: Ids drawn from a table's sequence at a time while `reserving_ids` is in force.
RESERVE_BLOCK = 500

#: Per (database alias, table): ids drawn from the sequence and not used yet.
_reserves: ContextVar[dict[tuple[str, str], list[int]] | None] = ContextVar(
    "id_reserves", default=None
)


@contextmanager
def reserving_ids() -> Iterator[None]:
    """Draw the ids of `insert_new`'s rows in blocks of `RESERVE_BLOCK` while this lasts.

    An import calls `insert_new` a few times per document, a few dozen rows
    each; drawing each call's ids was a sixth of its statements on
    PostgreSQL. A sequence never hands an id out twice, so other writers are
    safe, and ids left over at the end (or taken by a document that failed)
    are gaps, as a rolled-back insert leaves. Hold a reserve for one run and
    no longer: a sequence reset afterwards (`sqlsequencereset`, a flush)
    would hand its ids out again.
    """
    token = _reserves.set({})
    try:
        yield
    finally:
        _reserves.reset(token)


def _new_ids(cursor: Any, alias: str, table: str, column: str, count: int) -> list[int]:
    """`count` new ids for `table`, ascending: from the run's reserve when one is held."""
    reserves = _reserves.get()
    if reserves is None:
        return _draw_ids(cursor, table, column, count)
    reserve = reserves.setdefault((alias, table), [])
    if len(reserve) < count:
        reserve += _draw_ids(cursor, table, column, max(count - len(reserve), RESERVE_BLOCK))
    ids = reserve[:count]
    del reserve[:count]
    return ids


def _draw_ids(cursor: Any, table: str, column: str, count: int) -> list[int]:
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
        [table, column, count],
    )
    return sorted(pk for (pk,) in cursor.fetchall())  # ascending, in the objects' order


#: Up to this many rows go in one INSERT (one round trip), more by COPY (two: its start and
#: its end), which costs less per row. Measured on an import: 8 saved a twentieth of the
#: storing time against COPY for all; 24 or 64 cost more than they saved, each row count
#: being a statement of its own to parse, plan and prepare.
FEW_ROWS = 8


def insert_links(objs: list[models.Model]) -> None:
    """Insert new rows of a link table, skipping those a unique constraint already holds:
    `bulk_create(ignore_conflicts=True)` in one plain statement, on either database, without
    building it through the ORM's compiler (once per document stored). As there, the rows'
    ids are not read back; no signals are sent and no `save()` runs."""
    if not objs:
        return
    model = type(objs[0])
    connection = connections[router.db_for_write(model)]
    opts = model._meta
    fields = [f for f in opts.concrete_fields if f is not opts.pk]
    table = table_columns(connection, model, fields)
    with connection.cursor() as cursor:
        insert_values(cursor, table, new_row_values(objs, fields, connection), skip_conflicts=True)


def table_columns(connection: Any, model: type[models.Model], fields: list[models.Field]) -> str:
    """ "table (column, ...)", quoted, as an INSERT or a COPY names what it writes."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    return f"{quote(model._meta.db_table)} ({columns})"


def insert_values(
    cursor: Any,
    table: str,
    rows: list[Any],
    *,
    returning: str | None = None,
    skip_conflicts: bool = False,
) -> list[Any]:
    """INSERT rows into `table` ("name (columns)") in one statement; with `returning` (a
    quoted column), that column of each row, in the rows' order; with `skip_conflicts`,
    leaving out the rows a unique constraint already holds."""
    row = "({})".format(", ".join(["%s"] * len(rows[0])))
    sql = f"INSERT INTO {table} VALUES {', '.join([row] * len(rows))}"
    if skip_conflicts:
        sql += " ON CONFLICT DO NOTHING"
    params = [value for values in rows for value in values]
    if returning is None:
        cursor.execute(sql, params)
        return []
    cursor.execute(f"{sql} RETURNING {returning}", params)
    return [value for (value,) in cursor.fetchall()]


def copy_rows(connection: Any, cursor: Any, table: str, rows: list[Any]) -> None:
    """COPY rows into `table` ("name (columns)") on PostgreSQL, logged as Django logs a query
    and failing with Django's errors (an `IntegrityError` for a duplicate)."""
    sql = f"COPY {table} FROM STDIN"
    logged = cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else nullcontext()
    with logged, connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def update_rows(model: type[models.Model], rows: list[tuple[models.Model, set[str]]]) -> None:
    """Write the named fields of each row, as `save(update_fields=...)` would (without signals,
    which nothing here listens to): one statement per set of fields, for all its rows. The
    model's `auto_now` timestamps (`updated_at`) are set and written with them, so a row
    written here shows when it last changed.

    `bulk_update` would do it in one statement too, but builds a CASE per field and row,
    which costs more than the writes. On PostgreSQL the rows' values are joined in as a
    VALUES list (`_values_update_sql`): one round trip, where running the statement per row
    in a pipeline sent a message per row and waited three times. Elsewhere the statement
    runs once per row.
    """
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    pk = model._meta.pk
    stamped = [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateTimeField) and f.auto_now
    ]
    now = timezone.now()
    alike: dict[tuple[str, ...], list[models.Model]] = {}
    for obj, fields in rows:
        for name in stamped:
            setattr(obj, name, now)
        alike.setdefault(tuple(sorted({*fields, *stamped})), []).append(obj)
    with connection.cursor() as cursor:
        for names, objs in alike.items():
            fields = [model._meta.get_field(name) for name in names]
            params = [
                [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]
                + [pk.get_db_prep_save(obj.pk, connection)]
                for obj in objs
            ]
            if len(params) > 1 and connection.vendor == "postgresql":
                sql = _values_update_sql(connection, model, tuple(fields), len(params))
                cursor.execute(sql, [value for row in params for value in row])
                continue
            assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
            sql = (
                f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
                f"WHERE {quote(pk.column)} = %s"
            )
            if len(params) == 1:
                cursor.execute(sql, params[0])
            else:
                cursor.executemany(sql, params)


@lru_cache(maxsize=256)
def _values_update_sql(
    connection: Any, model: type[models.Model], fields: tuple[models.Field, ...], count: int
) -> str:
    """`update_rows`' statement for `count` rows on PostgreSQL. Each value is cast to its column's
    type, as a VALUES list takes its types from its values."""
    quote = connection.ops.quote_name
    pk = model._meta.pk
    columns = [*fields, pk]
    casts = ", ".join(f"%s::{column.db_type(connection)}" for column in columns)
    names = ", ".join(f"v{i}" for i in range(len(columns)))
    table = quote(model._meta.db_table)
    assignments = ", ".join(f"{quote(f.column)} = v.v{i}" for i, f in enumerate(fields))
    return (
        f"UPDATE {table} SET {assignments} "
        f"FROM (VALUES {', '.join([f'({casts})'] * count)}) AS v({names}) "
        f"WHERE {table}.{quote(pk.column)} = v.v{len(fields)}"
    )
