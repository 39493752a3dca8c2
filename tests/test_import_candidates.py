"""A run's candidates for the names at a meeting come from memory, and agree with the database.

Every meeting's pool of people (`importer.store_people.meeting_pool`) joins the
body's attendance around the date with everyone seated then. A run keeps both
in memory (`RunCache.attendees_near`, `SeatBook(every_seat=True)`), so these
tests hold the in-memory answers to the queries they replace.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutebook.bodies.models import Post
from minutebook.importer.context import RunCache
from minutebook.meetings.models import Attendance, Meeting
from minutebook.people.memberships import SeatBook
from minutebook.people.models import Membership
from minutebook.people.resolve import MEMBER_WINDOW, candidate_ids_at, candidate_ids_in
from tests.factories import extract, make_body, make_person, minutes, person, store

pytestmark = pytest.mark.django_db

D = datetime.date


def attendees_in_database(meeting: Meeting) -> set[int]:
    """What `RunCache.attendees_near` stands for, asked of the database."""
    return set(
        Attendance.objects.filter(
            meeting__body_id=meeting.body_id,
            meeting__date__range=(meeting.date - MEMBER_WINDOW, meeting.date + MEMBER_WINDOW),
            person__isnull=False,
        ).values_list("person_id", flat=True)
    )


def test_seated_candidates_from_memory_are_the_databases():
    board, panel = make_body(), make_body("Police and Crime Panel")
    chief = Post.objects.create(title="Chief Constable", key="chief constable")
    people = [make_person(name) for name in ("Ann Ames", "Ben Bell", "Cal Cole", "Dee Dunn")]
    periods = [
        (people[0], {"body": board}, D(2019, 1, 10), D(2019, 6, 10)),
        (people[1], {"body": panel}, None, D(2019, 3, 1)),  # open start
        (people[2], {"body": board}, D(2020, 5, 1), None),  # open end
        (people[3], {"post": chief}, None, None),  # a post held at any date
        (people[1], {"body": board}, D(2017, 1, 1), D(2017, 2, 1)),
    ]
    for someone, seat, start, end in periods:
        Membership.objects.create(person=someone, start=start, end=end, **seat)
    book = SeatBook(every_seat=True)
    for on_date in (D(2016, 12, 1), D(2017, 6, 1), D(2019, 2, 1), D(2019, 9, 1), D(2021, 4, 1)):
        for body in (None, board, panel):
            stored = sorted(
                set(candidate_ids_at(on_date, body).values_list("person_id", flat=True))
            )
            assert candidate_ids_in(book, on_date, body) == stored, (on_date, body)


def test_a_sighting_joins_the_books_candidates_before_it_is_written():
    board = make_body()
    ann = make_person("Ann Ames")
    book = SeatBook(every_seat=True)
    assert candidate_ids_in(book, D(2019, 1, 10), board) == []
    book.record_sighting(ann, D(2019, 1, 10), body=board, role="member")
    assert candidate_ids_in(book, D(2019, 1, 10), board) == [ann.pk]
    book.flush()
    assert list(candidate_ids_at(D(2019, 1, 10), board).values_list("person_id", flat=True)) == [
        ann.pk
    ]
    with pytest.raises(ValueError, match="every seat"):
        SeatBook().every_membership()


def test_a_runs_attendees_follow_what_each_document_stores():
    cache = RunCache()
    papers = [
        ("2019-01-10", ["Ann Ames", "Ben Bell"]),
        ("2019-03-14", ["Ann Ames", "Cal Cole"]),
        ("2021-06-10", ["Dee Dunn"]),  # beyond the window of the first two
    ]
    for day, names in papers:
        present = [person(name, "Member") for name in names]
        store(extract(meetings=[minutes(date=day, present=present)]), f"{day}.txt", cache=cache)
        for meeting in Meeting.objects.all():
            assert cache.attendees_near(meeting.body, meeting.date) == attendees_in_database(
                meeting
            )
    # minutes corrected later in the run name someone else: the kept attendance follows
    corrected = [person("Ann Ames", "Member"), person("Eve Evans", "Member")]
    store(
        extract(meetings=[minutes(date="2019-03-14", present=corrected)]),
        "2019-03-14-v2.txt",
        cache=cache,
    )
    for meeting in Meeting.objects.all():
        assert cache.attendees_near(meeting.body, meeting.date) == attendees_in_database(meeting)


def test_a_meetings_pool_in_a_run_reads_no_attendance_or_seats():
    cache = RunCache()
    first = extract(meetings=[minutes(date="2019-01-10", present=[person("Ann Ames", "Chair")])])
    store(first, "first.txt", cache=cache)
    second = extract(meetings=[minutes(date="2019-03-14", present=[person("A Ames", "Chair")])])
    with CaptureQueriesContext(connection) as queries:
        store(second, "second.txt", cache=cache)
    reads = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip("(").startswith("SELECT")
        and ("people_membership" in q["sql"] or '"meetings_attendance"."person_id"' in q["sql"])
    ]
    assert reads == []
    assert {a.person.display_name for a in Attendance.objects.all()} == {"Ann Ames"}
