"""One meeting per body and date, whichever papers name it and in whatever order."""

from __future__ import annotations

import datetime

import pytest

from minutebook.bodies.models import Body
from minutebook.importer.context import RunCache
from minutebook.meetings.models import Meeting, MeetingDocument, MinutesApproval
from tests.factories import agenda, extract, item, minutes, store

pytestmark = pytest.mark.django_db


def the_agenda() -> dict:
    return extract(
        agendas=[
            agenda(
                body="BCB",
                date="2019-02-28",
                time="10:00",
                items=[
                    item("1", "Apologies"),
                    {
                        "number": "5",
                        "title": "Performance",
                        "presenter": "Chief Constable",
                        "pages": "15 - 34",
                    },
                ],
            )
        ]
    )


def the_minutes() -> dict:
    return extract(
        meetings=[
            minutes(
                body="Business Co-ordination Board",
                date="2019-02-28",
                location="Cambourne",
                status="approved",
                items=[
                    item("1", "Welcome and Apologies"),
                    item("5", "Performance Report", "noted"),
                ],
                next_meeting={"date": "2019-05-30", "time": "14:00", "location": None},
            )
        ]
    )


@pytest.mark.parametrize("order", ["agenda first", "minutes first"])
def test_agenda_and_minutes_of_a_meeting_become_one_meeting(order):
    papers = [(the_agenda(), "agenda.txt"), (the_minutes(), "minutes.txt")]
    if order == "minutes first":
        papers.reverse()
    for data, name in papers:
        store(data, name=name)

    meeting = Meeting.objects.get()
    assert Body.objects.count() == 1
    assert meeting.status == Meeting.Status.HELD
    assert meeting.minutes_status == Meeting.MinutesStatus.APPROVED
    assert meeting.start_time == datetime.time(10, 0)
    assert meeting.location == "Cambourne"
    assert meeting.next_meeting_date == datetime.date(2019, 5, 30)
    assert set(MeetingDocument.objects.values_list("role", "document__name")) == {
        ("agenda", "agenda.txt"),
        ("minutes", "minutes.txt"),
    }
    items = {i.number: i for i in meeting.items.all()}
    assert set(items) == {"1", "5"}
    assert items["5"].title == "Performance Report"  # as minuted
    assert items["5"].pages == "15 - 34"  # from the agenda
    assert items["5"].outcome_kind == "noted"


def test_an_agenda_alone_is_a_scheduled_meeting():
    store(the_agenda())
    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.SCHEDULED
    assert meeting.minutes_status == ""


def test_agenda_in_a_pack_is_attached_as_the_pack():
    store(
        extract(agendas=the_agenda()["agendas"], meetings=[minutes(date="2018-12-01")]),
        name="pack.pdf",
    )
    roles = dict(MeetingDocument.objects.values_list("meeting__date", "role"))
    assert roles == {datetime.date(2019, 2, 28): "pack", datetime.date(2018, 12, 1): "minutes"}


@pytest.mark.parametrize("run", ["a run per paper", "one run"])
@pytest.mark.parametrize("order", ["earlier first", "approving first"])
def test_minutes_approved_at_a_later_meeting_are_linked_either_way(order, run):
    earlier = extract(meetings=[minutes(date="2019-02-28")])
    approving = extract(
        meetings=[minutes(date="2019-05-30", previous_minutes_approved=["2019-02-28"])]
    )
    papers = [(earlier, "feb.txt"), (approving, "may.txt")]
    if order == "approving first":
        papers.reverse()
    cache = RunCache() if run == "one run" else None
    for data, name in papers:
        store(data, name=name, cache=cache)
    approval = MinutesApproval.objects.get()
    feb = Meeting.objects.get(date="2019-02-28")
    assert approval.minutes_of == feb
    assert approval.approved_at.date == datetime.date(2019, 5, 30)
    assert feb.minutes_status == Meeting.MinutesStatus.APPROVED


def test_a_meeting_without_a_date_is_not_stored_but_warned_about():
    result = store(extract(meetings=[minutes(date=None)]))
    assert not Meeting.objects.exists()
    assert any("without a date" in w for w in result.warnings)


def test_a_meeting_without_a_body_takes_the_papers_only_body():
    result = store(
        extract(
            meetings=[minutes(body=None, date="2019-02-28")],
            agendas=[agenda(body="Police and Crime Panel", date="2019-03-10")],
        )
    )
    assert set(Meeting.objects.values_list("body__name", flat=True)) == {"Police and Crime Panel"}
    assert any("names no body" in w for w in result.warnings)


def test_declarations_are_stored_with_their_item():
    store(
        extract(
            meetings=[
                minutes(
                    present=[{"name": "Cllr M Shellens", "role": None}],
                    items=[item("5", "Fire Governance")],
                    declarations=[
                        {
                            "name": "Shellens",
                            "item": "5",
                            "text": "declared an interest as a Member of the Fire Authority",
                        }
                    ],
                )
            ]
        )
    )
    declaration = Meeting.objects.get().declarations.get()
    assert declaration.item.number == "5"
    assert declaration.person.display_name == "M Shellens"


def test_paragraphs_numbered_twice_by_a_slip_are_both_kept_and_merge_on_reimport():
    paragraphs = [
        {"number": "14.2", "text": "First."},
        {"number": "14.3", "text": "Second."},
        {"number": "14.3", "text": "Third, misnumbered."},
    ]
    store(extract(meetings=[minutes(items=[item("14", "AOB", paragraphs=paragraphs)])]))
    paragraphs[2]["text"] = "Third, misnumbered (corrected)."
    store(
        extract(meetings=[minutes(items=[item("14", "AOB", paragraphs=paragraphs)])]), version="2"
    )
    texts = list(Meeting.objects.get().items.get().paragraphs.values_list("text", "withdrawn"))
    assert texts == [
        ("First.", False),
        ("Second.", False),
        ("Third, misnumbered (corrected).", False),
    ]
