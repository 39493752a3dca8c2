"""A run keeps the items and paragraphs of the meetings it stored lately, and they agree with
the database: the minutes that follow a pack merge into what the pack stored without reading
it again (`RunCache.kept_children`)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutebook.importer.context import KEPT_MEETINGS, RunCache
from minutebook.meetings.models import AgendaItem, Meeting, MinuteParagraph
from tests.factories import agenda, extract, item, minutes, store

pytestmark = pytest.mark.django_db

FIELDS = ("pk", "number", "title", "outcome", "order", "presenter", "withdrawn", "parent_id")


def the_items(day: str, *, with_paragraphs: bool, note: str = "Noted.") -> list[dict]:
    items = [item("1", "Welcome"), item("2", "Budget"), item("2.1", "Capital programme")]
    if with_paragraphs:
        for entry in items:
            entry["outcome"] = "AGREED"
            entry["paragraphs"] = [{"number": f"{entry['number']}.a", "text": f"{note} {day}"}]
    return items


def pack(day: str) -> dict:
    return extract(agendas=[agenda(date=day, items=the_items(day, with_paragraphs=False))])


def minuted(day: str, note: str = "Noted.") -> dict:
    return extract(
        meetings=[minutes(date=day, items=the_items(day, with_paragraphs=True, note=note))]
    )


def assert_kept_rows_are_stored(cache: RunCache) -> None:
    for meeting in Meeting.objects.all():
        kept = cache.kept_children(meeting, "items")
        if kept is not None:
            stored = list(AgendaItem.objects.filter(meeting=meeting).order_by("pk"))
            assert [
                tuple(getattr(i, f) for f in FIELDS) for i in sorted(kept, key=lambda i: i.pk)
            ] == [tuple(getattr(i, f) for f in FIELDS) for i in stored]
        kept = cache.kept_children(meeting, "paragraphs")
        if kept is not None:
            stored = MinuteParagraph.objects.filter(item__meeting=meeting).order_by("pk")
            rows = [(p.pk, p.item_id, p.number, p.text, p.order, p.withdrawn) for p in stored]
            assert (
                sorted((p.pk, p.item_id, p.number, p.text, p.order, p.withdrawn) for p in kept)
                == rows
            )


def test_minutes_after_their_pack_in_a_run_read_no_items_or_paragraphs():
    cache = RunCache()
    store(pack("2019-02-28"), "pack.txt", cache=cache)
    with CaptureQueriesContext(connection) as queries:
        store(minuted("2019-02-28"), "minutes.txt", cache=cache)
    reads = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("SELECT")
        and (
            'FROM "meetings_agendaitem"' in q["sql"]
            or 'FROM "meetings_minuteparagraph"' in q["sql"]
        )
    ]
    assert reads == []
    items = AgendaItem.objects.filter(meeting__date="2019-02-28")
    assert items.count() == 3 and set(items.values_list("outcome", flat=True)) == {"AGREED"}
    assert items.get(number="2.1").parent == items.get(number="2")
    assert MinuteParagraph.objects.count() == 3
    assert_kept_rows_are_stored(cache)


def test_kept_rows_follow_corrections_and_the_oldest_meetings_are_read_again():
    cache = RunCache()
    first = datetime.date(2019, 1, 10)
    days = [(first + datetime.timedelta(weeks=4 * n)).isoformat() for n in range(KEPT_MEETINGS + 3)]
    for day in days:
        store(pack(day), f"{day}-pack.txt", cache=cache)
        store(minuted(day), f"{day}-minutes.txt", cache=cache)
    assert cache.kept_children(Meeting.objects.get(date=days[0]), "items") is None  # let go
    # the first meeting's minutes corrected late in the run: read again, merged, kept
    store(minuted(days[0], note="Noted, with thanks."), f"{days[0]}-minutes.txt", cache=cache)
    texts = MinuteParagraph.objects.filter(item__meeting__date=days[0], withdrawn=False)
    assert {p.text for p in texts} == {f"Noted, with thanks. {days[0]}"}
    assert_kept_rows_are_stored(cache)
    later = "2021-06-10"
    store(pack(later), f"{later}-pack.txt", cache=cache)
    store(minuted(later), f"{later}-minutes.txt", cache=cache)
    assert cache.kept_children(Meeting.objects.get(date=later), "paragraphs") is not None
    assert_kept_rows_are_stored(cache)
    assert AgendaItem.objects.count() == 3 * (len(days) + 1)
