"""Writing many rows at once (`core.rows`): the rows are the ones `bulk_create` would write."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from minutebook.actions.models import Action, ActionUpdate
from minutebook.core import rows
from minutebook.core.rows import (
    FEW_ROWS,
    create_row,
    insert_new,
    new_row_values,
    reserving_ids,
)
from minutebook.decisions.models import Decision
from minutebook.documents.models import SourceDocument
from minutebook.meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingDocument,
    MinuteParagraph,
)
from minutebook.people.models import Person
from tests.factories import make_document, make_meeting

pytestmark = pytest.mark.django_db


def test_new_rows_get_their_ids_in_order_and_djangos_values():
    meeting = make_meeting()
    items = [AgendaItem(meeting=meeting, number=str(n), order=n) for n in (1, 2, 3)]
    insert_new(items)
    paragraphs = [
        MinuteParagraph(item=item, number=f"{item.number}.1", text="Noted.") for item in items
    ]
    with CaptureQueriesContext(connection) as queries:
        insert_new(paragraphs)
    assert len(queries) == 1  # a few rows: one INSERT, which returns their ids
    ids = [p.pk for p in paragraphs]
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert not any(p._state.adding for p in paragraphs)
    stored = {p.pk: p for p in MinuteParagraph.objects.all()}
    for paragraph in paragraphs:
        row = stored[paragraph.pk]
        assert (row.item_id, row.number, row.text) == (
            paragraph.item.pk,
            paragraph.number,
            "Noted.",
        )
        assert row.public_id == paragraph.public_id
        assert row.extras == {} and row.withdrawn is False
        assert row.created_at == paragraph.created_at and row.created_at is not None
    # the sequence moved on: an ordinary insert after them takes a new id
    later = MinuteParagraph.objects.create(item=items[0], number="1.2", text="Agreed.")
    assert later.pk > max(ids)
    insert_new([])  # nothing to write, no query


def test_many_rows_take_their_ids_first_then_go_in_together():
    meeting = make_meeting()
    items = [AgendaItem(meeting=meeting, number=str(n), order=n) for n in range(FEW_ROWS + 3)]
    with CaptureQueriesContext(connection) as queries:
        insert_new(items)
    assert len(queries) <= 2  # the ids and the rows (COPY on PostgreSQL), however many rows
    ids = [item.pk for item in items]
    assert ids == sorted(ids) and len(set(ids)) == len(items)
    stored = dict(AgendaItem.objects.values_list("pk", "number"))
    assert stored == {item.pk: item.number for item in items}


def test_create_row_writes_what_create_would_in_one_statement():
    body = make_meeting().body
    with CaptureQueriesContext(connection) as queries:
        meeting = create_row(Meeting, body=body, date=date(2024, 5, 1), location="Room 1")
    assert len(queries) == 1
    assert meeting.pk is not None and not meeting._state.adding
    stored = Meeting.objects.get(pk=meeting.pk)
    assert (stored.body_id, stored.date, stored.location) == (body.pk, date(2024, 5, 1), "Room 1")
    assert stored.public_id == meeting.public_id and stored.created_at == meeting.created_at
    assert stored.status == Meeting._meta.get_field("status").default
    with reserving_ids(), CaptureQueriesContext(connection) as queries:
        first = create_row(Meeting, body=body, date=date(2024, 6, 1))
        second = create_row(Meeting, body=body, date=date(2024, 7, 1))
    if connection.vendor == "postgresql":  # ids from the run's reserve: one draw for both
        assert len(queries) == 3
    assert first.pk < second.pk and Meeting.objects.count() == 4


def test_a_row_the_database_refuses_is_djangos_error_and_nothing_is_written():
    meeting = make_meeting()
    twice = [
        Attendance(meeting=meeting, kind="present", name_key="niki howard", raw_name=name)
        for name in ("Niki Howard", "N Howard")
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_new(twice)
    assert not Attendance.objects.exists()


def test_a_row_pointing_at_an_unsaved_row_is_refused_before_writing():
    unsaved = AgendaItem(meeting=make_meeting(), number="1")
    with pytest.raises(ValueError, match="unsaved related object"):
        insert_new([MinuteParagraph(item=unsaved, text="Noted.")])
    assert not MinuteParagraph.objects.exists()


def test_a_run_draws_ids_in_blocks_and_never_hands_one_out_twice(monkeypatch):
    monkeypatch.setattr(rows, "RESERVE_BLOCK", 4)
    meeting = make_meeting()
    with reserving_ids(), CaptureQueriesContext(connection) as queries:
        batches = []
        for size in (3, 1, 2, 5):
            items = [
                AgendaItem(meeting=meeting, number=f"{size}.{n}", order=n) for n in range(size)
            ]
            insert_new(items)
            batches.append([item.pk for item in items])
            if size == 1:  # another writer between two batches
                meanwhile = AgendaItem.objects.create(meeting=meeting, number="x")
    ids = [pk for batch in batches for pk in batch]
    assert ids == sorted(ids) and len(set(ids)) == 11
    assert meanwhile.pk not in ids
    assert AgendaItem.objects.count() == 12
    drawn = [q for q in queries if "nextval" in q["sql"]]
    if connection.vendor == "postgresql":  # 3 of 4, 1, 2 of a new 4, then 5 at once
        assert len(drawn) == 3
    after = AgendaItem.objects.create(meeting=meeting, number="y")  # the reserve is gone
    assert after.pk > max([*ids, meanwhile.pk])


def _comparable(value):
    """A database value as something `==` compares: psycopg's JSON wrappers by what they hold."""
    return (type(value), getattr(value, "obj", value))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL path's own values")
def test_new_row_values_are_the_values_django_would_write(monkeypatch):
    fixed = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: fixed)
    meeting = make_meeting()
    item = AgendaItem.objects.create(meeting=meeting, number="1", title="Apologies")
    action = Action.objects.create(body=meeting.body, text="Report back.")
    samples = [
        Meeting(body=meeting.body, date=date(2024, 5, 1), location="Room 1", extras={"a": 1}),
        AgendaItem(meeting=meeting, number="2", title="Finance", order=2, exempt=True),
        AgendaItem(meeting=meeting, number="3", order="3"),  # not yet an int: Django's way
        MinuteParagraph(item=item, number="1.1", text="Noted.", order=0),
        Attendance(meeting=meeting, kind=Attendance.Kind.PRESENT, name_key="a b", raw_name="A B"),
        Action(body=meeting.body, raised_at=meeting, raised_on=date(2024, 5, 1), text="Do."),
        ActionUpdate(action=action, meeting=meeting, date=date(2024, 6, 1), status="closed"),
        Decision(number="CPCC 2019-008", number_key="CPCC2019008", year=2019, sequence=8),
        SourceDocument(name="a.pdf", sha256="0" * 64, text="Minutes", page_count=2, size=7),
        Person(display_name="Niki Howard", sort_name="Howard, Niki"),
    ]
    for obj in samples:
        fields = [f for f in obj._meta.concrete_fields if not f.primary_key]
        twin = copy.deepcopy(obj)
        expected = [f.get_db_prep_save(f.pre_save(twin, True), connection) for f in fields]
        (row,) = new_row_values([obj], fields, connection)
        assert [_comparable(v) for v in row] == [_comparable(v) for v in expected], obj
        assert [getattr(obj, f.attname) for f in fields] == [
            getattr(twin, f.attname) for f in fields
        ]


def test_update_rows_writes_each_rows_own_values_in_one_statement_per_set_of_fields():
    meeting = make_meeting()
    actions = [
        Action.objects.create(body=meeting.body, text=f"Action {n}", raised_on=date(2019, 1, n))
        for n in (1, 2, 3, 4)
    ]
    first, second, third, untouched = actions
    before = {a.pk: a.updated_at for a in actions}
    first.text, first.raised_on, first.raised_at = "Text's new\nlines", None, meeting
    second.text, second.raised_on, second.raised_at = "", date(2020, 2, 29), None
    third.reference, third.extras = "3.0", {"note": "a 'quoted' value"}
    with CaptureQueriesContext(connection) as queries:
        rows.update_rows(
            Action,
            [
                (first, {"text", "raised_on", "raised_at"}),
                (second, {"text", "raised_on", "raised_at"}),
                (third, {"reference", "extras"}),
            ],
        )
    if connection.vendor == "postgresql":
        assert len(queries) == 2  # one statement per set of fields, whatever the rows
    stored = {a.pk: a for a in Action.objects.all()}
    assert (stored[first.pk].text, stored[first.pk].raised_on) == ("Text's new\nlines", None)
    assert stored[first.pk].raised_at_id == meeting.pk
    assert (stored[second.pk].text, stored[second.pk].raised_on) == ("", date(2020, 2, 29))
    assert stored[second.pk].raised_at_id is None
    assert (stored[third.pk].reference, stored[third.pk].extras) == (
        "3.0",
        {"note": "a 'quoted' value"},
    )
    assert stored[third.pk].text == "Action 3"  # only the fields named are written
    assert (stored[untouched.pk].text, stored[untouched.pk].raised_on) == (
        "Action 4",
        date(2019, 1, 4),
    )
    # the timestamp shows when each written row last changed, as `save()` would
    assert all(stored[a.pk].updated_at > before[a.pk] for a in (first, second, third))
    assert stored[first.pk].updated_at == first.updated_at
    assert stored[untouched.pk].updated_at == before[untouched.pk]
    rows.update_rows(Action, [])  # nothing to write, no query


def test_insert_links_skips_the_links_already_stored_in_one_statement():
    meeting = make_meeting()
    pack, minutes = make_document("pack.pdf"), make_document("minutes.pdf")
    MeetingDocument.objects.create(meeting=meeting, document=pack, role="pack")
    with CaptureQueriesContext(connection) as queries:
        rows.insert_links(
            [
                MeetingDocument(meeting=meeting, document=pack, role="pack"),  # stored already
                MeetingDocument(meeting=meeting, document=minutes, role="minutes"),
            ]
        )
    assert len(queries) == 1
    assert sorted(MeetingDocument.objects.values_list("document__name", "role")) == [
        ("minutes.pdf", "minutes"),
        ("pack.pdf", "pack"),
    ]
    rows.insert_links([])  # nothing to write, no query
