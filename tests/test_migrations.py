"""Migrations: they match the models, and their data steps keep what was stored."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

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
