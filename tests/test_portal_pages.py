"""The public site over records imported from real-shaped papers."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from minutebook.actions.models import Action
from minutebook.decisions.models import Decision, DecisionExemptPart
from minutebook.documents.models import SourceDocument
from minutebook.importer.service import import_paths
from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.synth.generate import write_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "minutes"


@pytest.fixture(scope="module")
def imported_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """A generated year of two bodies' papers plus the fictional fixtures, imported once."""
    folder = tmp_path_factory.mktemp("papers")
    write_corpus(folder, bodies=2, years=1, seed=5, formats=("txt", "html"))
    with django_db_blocker.unblock():
        summary = import_paths([folder, FIXTURES])
        assert summary.exit_code == 0
        yield summary
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def imported(imported_once, db):
    return imported_once


def test_home_lists_bodies_and_recent_meetings(client, imported):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    meeting = Meeting.objects.order_by("-date").first()
    assert meeting.body.name in response.content.decode()


def test_meeting_page_shows_attendance_items_and_evidence(
    client, imported, django_assert_max_num_queries
):
    meeting = (
        Meeting.objects.filter(items__isnull=False, attendance__isnull=False).distinct().first()
    )
    with django_assert_max_num_queries(25):
        response = client.get(reverse("portal:meeting", args=[meeting.public_id]))
    page = response.content.decode()
    assert response.status_code == 200
    assert meeting.items.first().title.split()[0] in page
    assert "source:" in page  # the link to the lines the meeting came from
    assert meeting.attendance.first().raw_name in page


def test_meeting_page_query_count_does_not_grow_with_items(
    client, imported, django_assert_max_num_queries
):
    biggest = max(Meeting.objects.all(), key=lambda m: m.items.count())
    with django_assert_max_num_queries(25):
        client.get(reverse("portal:meeting", args=[biggest.public_id]))


def test_action_page_shows_its_life_across_meetings(client, imported):
    action = max(Action.objects.all(), key=lambda a: a.updates.count())
    assert action.updates.count() >= 1, "the generated corpus carries actions forward"
    response = client.get(reverse("portal:action", args=[action.public_id]))
    page = response.content.decode()
    for update in action.updates.all():
        assert update.date.strftime("%-d %B %Y") in page


def test_actions_list_filters_by_status(client, imported):
    closed = client.get(reverse("portal:actions"), {"status": "closed"}).content.decode()
    outstanding = client.get(reverse("portal:actions")).content.decode()
    some_closed = Action.objects.filter(status="closed").first()
    some_open = Action.objects.exclude(status="closed").first()
    if some_closed:
        assert some_closed.text[:40] in closed
    if some_open:
        assert some_open.text[:40] in outstanding


def test_decision_page_never_shows_the_exempt_part(client, imported):
    decision = Decision.objects.first()
    DecisionExemptPart.objects.update_or_create(
        decision=decision, defaults={"text": "SECRET-TENDER-PRICES", "paragraph": "3"}
    )
    response = client.get(reverse("portal:decision", args=[decision.public_id]))
    assert response.status_code == 200
    assert decision.number in response.content.decode()
    assert "SECRET-TENDER-PRICES" not in response.content.decode()


def test_document_page_marks_the_cited_lines(client, imported):
    document = SourceDocument.objects.exclude(text="").first()
    response = client.get(reverse("portal:document", args=[document.public_id]), {"lines": "2-3"})
    page = response.content.decode()
    assert page.count('class="marked"') == 2


def test_search_finds_items_and_actions(client, imported):
    item = AgendaItem.objects.exclude(title="").first()
    word = max(item.title.split(), key=len)
    response = client.get(reverse("portal:search"), {"q": word})
    assert item.title in response.content.decode()


def test_imported_text_is_escaped(client, imported):
    item = AgendaItem.objects.exclude(title="").first()
    item.title = "Budget <script>alert('x')</script> & reserves"
    item.save(update_fields=["title"])
    page = client.get(reverse("portal:meeting", args=[item.meeting.public_id])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_unknown_records_are_not_found(client, db):
    import uuid

    assert client.get(reverse("portal:meeting", args=[uuid.uuid4()])).status_code == 404
    assert client.get(reverse("portal:action", args=[uuid.uuid4()])).status_code == 404
