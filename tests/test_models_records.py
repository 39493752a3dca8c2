"""Meetings, decisions, documents and provenance: the rules the schema itself keeps."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from minutebook.decisions.models import Decision
from minutebook.decisions.numbers import decision_number_key, parse_decision_number
from minutebook.documents.models import Provenance
from minutebook.importer.store_items import outcome_kind
from minutebook.meetings.models import Meeting
from minutebook.meetings.numbers import item_key
from tests.factories import make_body, make_document, make_meeting

D = datetime.date


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("CPCC 2018-012", "CPCC2018-012"),
        ("CPCC2018-012", "CPCC2018-012"),
        ("cpcc 2018/12", "CPCC2018-012"),
        ("CPCC 2018\u2013012", "CPCC2018-012"),
        ("Decision Notice 2017-001", "DN2017-001"),
        ("decision 2019-008", "2019-008"),
        ("2019-008", "2019-008"),
        ("No Decision Notice was required.", ""),
        ("", ""),
    ],
)
def test_decision_number_key(printed, key):
    assert decision_number_key(printed) == key


def test_decision_number_parts():
    number = parse_decision_number("CPCC 2019-008")
    assert (number.prefix, number.year, number.sequence) == ("CPCC", 2019, 8)


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("5", "5"),
        ("5.", "5"),
        ("10.6", "10.6"),
        ("Item 10.6", "10.6"),
        ("Agenda Item 4 (b)", "4b"),
        ("Action 3.0", "3.0"),
        (None, ""),
    ],
)
def test_item_number_key(printed, key):
    assert item_key(printed) == key


@pytest.mark.parametrize(
    ("outcome", "kind"),
    [
        ("noted", "noted"),
        ("AGREED to note the report", "agreed"),
        ("The group noted the report.", "noted"),
        ("RESOLVED", "resolved"),
        ("deferred to the next meeting", "deferred"),
        ("No Decision Notice was required.", "other"),
        ("", ""),
    ],
)
def test_outcome_kind_from_printed_outcome(outcome, kind):
    assert outcome_kind(outcome) == kind


@pytest.mark.django_db
def test_a_body_meets_at_most_once_a_day():
    meeting = make_meeting()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(body=meeting.body, date=meeting.date)
    Meeting.objects.create(body=make_body("Police and Crime Panel"), date=meeting.date)


@pytest.mark.django_db
def test_a_decision_number_is_unique_however_printed():
    Decision.objects.create(number="CPCC 2018-012", number_key=decision_number_key("CPCC 2018-012"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            number="CPCC2018-012", number_key=decision_number_key("CPCC2018-012")
        )


@pytest.mark.django_db
def test_public_id_is_stable_and_unique():
    first, second = make_meeting(date=D(2019, 1, 1)), make_meeting(date=D(2019, 2, 1))
    assert first.public_id != second.public_id
    public_id = first.public_id
    first.location = "Cambourne"
    first.save()
    first.refresh_from_db()
    assert first.public_id == public_id


@pytest.mark.django_db
def test_provenance_is_reachable_from_the_fact_and_deleted_with_it():
    meeting = make_meeting()
    document = make_document()
    Provenance.objects.create(
        content_type=ContentType.objects.get_for_model(meeting),
        object_id=meeting.pk,
        document=document,
        first_line=3,
        last_line=9,
        raw_text="BUSINESS CO-ORDINATION BOARD",
    )
    assert meeting.provenance.get().document == document
    meeting.delete()
    assert not Provenance.objects.exists()


@pytest.mark.django_db
def test_provenance_span_cannot_run_backwards():
    meeting = make_meeting()
    with pytest.raises(IntegrityError), transaction.atomic():
        Provenance.objects.create(
            content_type=ContentType.objects.get_for_model(meeting),
            object_id=meeting.pk,
            document=make_document(),
            first_line=9,
            last_line=3,
        )


@pytest.mark.django_db
def test_public_urls_use_the_public_id_never_the_database_key():
    from minutebook.actions.models import Action

    meeting = make_meeting()
    action = Action.objects.create(body=meeting.body, raised_at=meeting, text="Report back")
    decision = Decision.objects.create(number="CPCC 2018-012", number_key="CPCC2018-012")
    document = make_document()
    for record in (meeting, action, decision, document):
        assert str(record.public_id) in record.get_absolute_url()
    assert meeting.body.get_absolute_url().endswith(f"/{meeting.body.slug}/")
