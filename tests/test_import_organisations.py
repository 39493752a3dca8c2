"""Same-named bodies of different organisations: two Commissioners' boards stay two boards."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from minutebook.bodies.models import Body
from minutebook.meetings.models import Meeting, MeetingDocument
from tests.factories import agenda, extract, item, minutes, person, store

pytestmark = pytest.mark.django_db

MARCHMOOR = "Police and Crime Commissioner for Marchmoor"
HARROWDALE = "Office of the Police and Crime Commissioner for Harrowdale"
DAY = datetime.date(2023, 3, 14)


def board_minutes(organisation: str | None, body: str = "Business Co-ordination Board") -> dict:
    return extract(
        meetings=[
            minutes(
                body=body,
                organisation=organisation,
                date=DAY.isoformat(),
                items=[item("1", f"Finance report of {organisation}", "noted")],
            )
        ]
    )


def test_same_named_boards_of_two_organisations_stay_apart():
    store(board_minutes(MARCHMOOR), name="marchmoor.txt")
    store(board_minutes(HARROWDALE, "Business Coordination Board"), name="harrowdale.txt")

    bodies = {b.organisation_key: b for b in Body.objects.all()}
    assert set(bodies) == {"marchmoor", "harrowdale"}
    for key, paper in (("marchmoor", "marchmoor.txt"), ("harrowdale", "harrowdale.txt")):
        meeting = Meeting.objects.get(body=bodies[key])  # not merged: one each
        assert meeting.date == DAY
        assert list(meeting.documents.values_list("name", flat=True)) == [paper]
        assert meeting.items.get().title.endswith(bodies[key].organisation)


def test_a_body_first_seen_without_organisation_adopts_the_one_printed_later():
    store(extract(agendas=[agenda(body="BCB", date=DAY.isoformat())]), name="agenda.txt")
    store(board_minutes("Marchmoor Police and Crime Commissioner"), name="minutes.txt")

    board = Body.objects.get()
    assert board.organisation == "Marchmoor Police and Crime Commissioner"
    meeting = Meeting.objects.get()
    assert set(MeetingDocument.objects.filter(meeting=meeting).values_list("role", flat=True)) == {
        MeetingDocument.Role.AGENDA,
        MeetingDocument.Role.MINUTES,
    }
    store(board_minutes(HARROWDALE), name="harrowdale.txt")
    assert Body.objects.count() == 2


def test_an_agenda_takes_the_organisation_of_the_minutes_in_its_pack():
    store(board_minutes(HARROWDALE), name="harrowdale.txt")
    store(board_minutes(MARCHMOOR), name="marchmoor.txt")
    pack = extract(
        meetings=[minutes(organisation="Marchmoor OPCC", date="2023-01-10")],
        agendas=[agenda(body="Business Co-ordination Board", date="2023-05-16")],
    )
    store(pack, name="pack.txt")

    scheduled = Meeting.objects.get(date=datetime.date(2023, 5, 16))
    assert scheduled.body.organisation_key == "marchmoor"
    assert Body.objects.count() == 2


def test_spellings_of_one_organisation_find_one_body():
    for n, organisation in enumerate(
        [
            MARCHMOOR,
            "Office of the Police and Crime Commissioner for Marchmoor",
            "Marchmoor Police and Crime Commissioner",
            "Marchmoor OPCC",
        ]
    ):
        store(board_minutes(organisation), name=f"minutes-{n}.txt", version=str(n))
    assert Body.objects.count() == 1
    assert Meeting.objects.count() == 1


def test_the_body_page_and_list_show_the_organisation_escaped(client):
    store(board_minutes(MARCHMOOR), name="marchmoor.txt")
    store(board_minutes("Harrowdale <b>PCC</b>"), name="harrowdale.txt")
    marchmoor = Body.objects.get(organisation_key="marchmoor")
    harrowdale = Body.objects.get(organisation__startswith="Harrowdale")

    page = client.get(reverse("portal:body", args=[marchmoor.slug])).content.decode()
    assert MARCHMOOR in page
    home = client.get(reverse("portal:home")).content.decode()
    assert MARCHMOOR in home
    assert "Harrowdale &lt;b&gt;PCC&lt;/b&gt;" in home
    assert "<b>PCC</b>" not in home
    assert harrowdale.slug in home


def minutes_without_letterhead(*organisations: str) -> dict:
    present = [
        person(f"Member {n}", "Officer", organisation=o) for n, o in enumerate(organisations)
    ]
    return extract(
        meetings=[minutes(body="Business Coordination Board", date="2023-05-09", present=present)]
    )


def test_minutes_without_a_letterhead_take_the_area_their_attendees_print():
    store(board_minutes(MARCHMOOR), name="marchmoor.txt")
    store(board_minutes(HARROWDALE), name="harrowdale.txt")
    store(
        minutes_without_letterhead(
            "Harrowdale Constabulary",
            "Office of the Police and Crime Commissioner",  # no place: says nothing
            "Harrowdale Constabulary",
        ),
        name="no-letterhead.txt",
    )
    meeting = Meeting.objects.get(date=datetime.date(2023, 5, 9))
    assert meeting.body.organisation_key == "harrowdale"


def test_a_board_known_only_by_its_attendees_area_is_named_by_the_area():
    store(
        minutes_without_letterhead("Harrowdale Constabulary", "Harrowdale Constabulary"),
        name="no-letterhead.txt",
    )
    assert Body.objects.get().organisation == "Harrowdale"  # the board is not the force's


def test_attendees_of_several_areas_name_no_organisation():
    store(
        minutes_without_letterhead("Harrowdale Constabulary", "Marchmoor County Council"),
        name="mixed.txt",
    )
    assert Body.objects.get().organisation == ""
