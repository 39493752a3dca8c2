"""A corrected re-publication replaces the facts of the version it corrects, keeping that version."""

from __future__ import annotations

import pytest

from minutebook.actions.models import Action
from minutebook.documents.models import SourceDocument
from minutebook.meetings.models import AgendaItem, Meeting, MeetingDocument
from tests.factories import agenda, extract, item, minutes, new_action, store

pytestmark = pytest.mark.django_db


def version_one() -> dict:
    return extract(
        meetings=[
            minutes(
                items=[item("1", "Welcome"), item("2", "Finance"), item("3", "Estates")],
                actions=[
                    new_action("Director of Estates to report on Yaxley", item="3"),
                    new_action("JG to share the draft Home Office responce", item="2"),
                ],
            )
        ]
    )


def version_two() -> dict:
    return extract(
        meetings=[
            minutes(
                items=[item("1", "Welcome"), item("2", "Finance (corrected)")],
                actions=[new_action("JG to share the draft Home Office response", item="2")],
            )
        ]
    )


@pytest.mark.parametrize("second_name", ["minutes.txt", "minutes-corrected.txt"])
def test_corrected_republication_supersedes_the_old_version_and_withdraws_what_it_dropped(
    second_name,
):
    first = store(version_one(), name="minutes.txt")
    meeting_id = Meeting.objects.get().public_id
    second = store(version_two(), name=second_name, version="corrected")

    assert second.outcome == "replaced"
    old = SourceDocument.objects.get(pk=first.document.pk)
    assert old.status == SourceDocument.Status.SUPERSEDED  # kept, not deleted
    assert second.document.supersedes == old
    assert second.document.status == SourceDocument.Status.CURRENT

    meeting = Meeting.objects.get()
    assert meeting.public_id == meeting_id
    items = {i.number: i for i in AgendaItem.objects.all()}
    assert items["3"].withdrawn and not items["1"].withdrawn and not items["2"].withdrawn
    assert items["2"].title == "Finance (corrected)"
    assert {a.text: a.withdrawn for a in Action.objects.all()} == {
        "Director of Estates to report on Yaxley": True,
        "JG to share the draft Home Office response": False,  # the typo fixed in place
    }
    assert set(items["1"].provenance.values_list("document__status", flat=True)) == {
        "current",
        "superseded",
    }
    assert set(MeetingDocument.objects.values_list("document__status", flat=True)) == {
        "current",
        "superseded",
    }


def test_a_withdrawn_fact_returns_when_a_later_version_states_it_again():
    store(version_one(), name="minutes.txt")
    store(version_two(), name="minutes.txt", version="2")
    store(version_one(), name="minutes.txt", version="3")
    assert not AgendaItem.objects.filter(withdrawn=True).exists()
    assert SourceDocument.objects.filter(status="current").count() == 1


def test_a_fact_another_current_paper_states_is_not_withdrawn():
    store(
        extract(agendas=[agenda(items=[item("1", "Welcome"), item("3", "Estates")])]),
        name="agenda.txt",
    )
    store(version_one(), name="minutes.txt")
    store(version_two(), name="minutes.txt", version="corrected")
    estates = AgendaItem.objects.get(number="3")
    assert not estates.withdrawn  # the agenda still lists it


def test_same_file_name_for_another_meeting_is_not_a_republication():
    store(
        extract(meetings=[minutes(date="2019-02-28", items=[item("1", "Welcome")])]),
        name="minutes.pdf",
    )
    second = store(
        extract(meetings=[minutes(date="2019-05-30", items=[item("1", "Welcome")])]),
        name="minutes.pdf",
    )
    assert second.outcome == "inserted"
    assert SourceDocument.objects.filter(status="current").count() == 2
    assert not AgendaItem.objects.filter(withdrawn=True).exists()


def test_a_pack_holding_earlier_minutes_does_not_replace_those_minutes():
    store(
        extract(meetings=[minutes(date="2018-09-12", items=[item("1", "Apologies")])]),
        name="minutes.txt",
    )
    pack = store(
        extract(
            agendas=[agenda(date="2018-11-14", items=[item("1", "Apologies")])],
            meetings=[minutes(date="2018-09-12", items=[item("1", "Apologies")])],
        ),
        name="pack.txt",
    )
    assert pack.outcome == "inserted"
    assert SourceDocument.objects.filter(status="current").count() == 2
