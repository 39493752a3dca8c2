"""Migrations: they match the models, and their data steps keep what was stored."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from minutebook.bodies.models import Post
from minutebook.bodies.resolve import resolve_body
from minutebook.people.models import Membership
from tests.factories import make_person

pytestmark = pytest.mark.django_db

post_area = importlib.import_module("minutebook.bodies.migrations.0003_post_area")


def test_the_models_need_no_migration_that_is_not_written():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def seat(person, *, post=None, body=None) -> None:
    day = datetime.date(2020, 1, 15)
    Membership.objects.create(person=person, post=post, body=body, start=day, end=day)


def test_a_post_stored_before_areas_takes_the_area_its_holders_sat_in():
    marchmoor = resolve_body("Business Coordination Board", "PCC for Marchmoor")
    harrowdale = resolve_body("Business Coordination Board", "PCC for Harrowdale")
    chief = Post.objects.create(title="Chief Constable", key="chief constable@force")
    deputy = Post.objects.create(title="Deputy Chief Constable", key="deputy chief constable@force")
    hale, penrose, kerr = (make_person(n) for n in ("Tom Hale", "Ruth Penrose", "Jo Kerr"))
    seat(hale, post=chief)
    seat(hale, body=marchmoor)
    seat(kerr, post=deputy)  # seen in both areas: which one is not known
    seat(kerr, body=marchmoor)
    seat(penrose, body=harrowdale)
    seat(kerr, body=harrowdale)

    post_area.place_posts_in_their_areas(apps, None)

    chief.refresh_from_db()
    deputy.refresh_from_db()
    assert (chief.area, deputy.area) == ("marchmoor", "")


def test_no_index_of_ours_is_the_first_columns_of_another():
    """Every index costs each insert: one whose columns lead another index (a foreign key's
    own index under a composite one) answers no query the other cannot, so it must not be
    there. The provenance of an import alone is tens of thousands of rows."""
    redundant = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if not model.__module__.startswith("minutebook."):
                continue
            table = model._meta.db_table
            found = connection.introspection.get_constraints(cursor, table)
            indexes = {
                name: tuple(c["columns"])
                for name, c in found.items()
                if (c["index"] or c["unique"]) and c["columns"]
            }
            for name, columns in indexes.items():
                if found[name]["unique"] or found[name]["primary_key"]:
                    continue
                for other, longer in indexes.items():
                    if len(longer) > len(columns) and longer[: len(columns)] == columns:
                        redundant.append(f"{table}.{name} {columns} leads {other} {longer}")
    assert redundant == []
