"""Held writes (`core.held`): sent with the next statement that needs an answer, in order,
failing as Django's errors, and dropped with a block that fails."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from minutebook.core.held import holding_writes
from minutebook.core.rows import FEW_ROWS, insert_new, reserving_ids, update_rows
from minutebook.meetings.models import AgendaItem, Attendance, MinuteParagraph
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="writes are held on PostgreSQL only"
)


def _items(meeting, count: int, prefix: str = "") -> list[AgendaItem]:
    return [AgendaItem(meeting=meeting, number=f"{prefix}{n}", order=n) for n in range(count)]


@postgresql_only
def test_held_writes_go_out_with_the_next_statement_that_reads():
    meeting = make_meeting()
    with reserving_ids(), holding_writes(), CaptureQueriesContext(connection) as queries:
        items = _items(meeting, 3)
        insert_new(items)
        items[0].title = "Apologies"
        update_rows(AgendaItem, [(items[0], {"title"})])
        sent_before_reading = len(queries)
        titles = dict(AgendaItem.objects.values_list("number", "title"))
    assert sent_before_reading == 1  # the ids drawn for the reserve; the writes held
    assert titles == {"0": "Apologies", "1": "", "2": ""}  # the read saw both writes
    held = [q for q in queries if q.get("held")]
    assert [q["sql"].split()[0] for q in held] == ["INSERT", "UPDATE"]


@postgresql_only
def test_what_is_still_held_at_the_end_of_the_block_is_sent():
    meeting = make_meeting()
    with reserving_ids(), holding_writes():
        insert_new(_items(meeting, 2))
    assert AgendaItem.objects.count() == 2


@postgresql_only
def test_a_copy_goes_after_the_writes_held_before_it():
    meeting = make_meeting()
    with reserving_ids(), holding_writes():
        few = _items(meeting, 2, "a")
        insert_new(few)  # held
        many = [
            MinuteParagraph(item=few[0], number=str(n), text="Noted.") for n in range(FEW_ROWS + 1)
        ]
        insert_new(many)  # by COPY, which sends the held rows first
    assert AgendaItem.objects.count() == 2
    assert MinuteParagraph.objects.filter(item=few[0]).count() == FEW_ROWS + 1


@postgresql_only
def test_a_held_write_that_fails_fails_the_next_statement_and_the_block_rolls_back():
    meeting = make_meeting()
    twice = [
        Attendance(meeting=meeting, kind="present", name_key="niki howard", raw_name=name)
        for name in ("Niki Howard", "N Howard")
    ]
    with pytest.raises(IntegrityError), transaction.atomic(), reserving_ids(), holding_writes():
        insert_new(_items(meeting, 2))
        insert_new(twice)  # held: nothing fails yet
        AgendaItem.objects.count()
    assert not AgendaItem.objects.exists() and not Attendance.objects.exists()
    # nothing of the failed block is left to send with the next one
    with reserving_ids(), holding_writes():
        insert_new(_items(meeting, 1))
    assert AgendaItem.objects.count() == 1


def test_writes_held_by_a_block_that_raises_are_dropped():
    meeting = make_meeting()
    with pytest.raises(RuntimeError), reserving_ids(), holding_writes():
        insert_new(_items(meeting, 2))
        raise RuntimeError("the document could not be stored")
    expected = 2 if connection.vendor != "postgresql" else 0  # SQLite writes at once
    assert AgendaItem.objects.count() == expected


def test_rows_whose_ids_are_needed_are_written_at_once():
    meeting = make_meeting()
    with holding_writes(), CaptureQueriesContext(connection) as queries:
        insert_new(_items(meeting, 2))
        written = len(queries)
    assert written >= 1 and AgendaItem.objects.count() == 2  # no reserve: ids are returned
