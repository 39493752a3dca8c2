"""minutebook's PostgreSQL backend: Django's, with many-row inserts bound value by value."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from minutebook.bodies.models import Body

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


def test_bulk_create_binds_each_value_and_returns_the_new_ids():
    with CaptureQueriesContext(connection) as queries:
        bodies = Body.objects.bulk_create(
            Body(name=f"Sub-Group {n}", slug=f"sub-group-{n}") for n in range(3)
        )

    (insert,) = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert "UNNEST" not in insert
    assert insert.count("VALUES") == 1
    assert all(body.pk is not None for body in bodies)
    assert sorted(Body.objects.values_list("slug", flat=True)) == [
        "sub-group-0",
        "sub-group-1",
        "sub-group-2",
    ]


def test_statements_are_prepared_once_run_five_times():
    with connection.cursor() as cursor:
        for _ in range(6):
            cursor.execute("SELECT count(*) FROM bodies_body WHERE slug = %s", ["x"])
            cursor.fetchone()
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        (prepared,) = cursor.fetchone()
    assert prepared >= 1


def test_document_text_is_compressed_with_lz4_where_the_server_has_it():
    with connection.cursor() as cursor:
        try:
            with transaction.atomic():
                cursor.execute("CREATE TEMPORARY TABLE lz4_probe (t text COMPRESSION lz4)")
        except DatabaseError:
            pytest.skip("this PostgreSQL was built without lz4")
        cursor.execute(
            "SELECT attcompression FROM pg_attribute "
            "WHERE attrelid = 'documents_sourcedocument'::regclass AND attname = 'text'"
        )
        assert cursor.fetchone() == ("l",)
