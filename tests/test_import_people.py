"""People resolved to one identity across names, initials, surnames and roles."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutebook.actions.models import Action
from minutebook.importer.context import RunCache
from minutebook.meetings.models import Attendance, Declaration
from minutebook.people.models import Membership, Person, PersonMatchReview
from minutebook.people.review import confirm_match
from minutebook.recommendations.models import Recommendation
from tests.factories import extract, minutes, new_action, person, store

pytestmark = pytest.mark.django_db


def finance_sub_group(**fields) -> dict:
    return minutes(
        body="Finance Sub-Group",
        date="2015-08-27",
        present=[
            person("Brian Ashton", "Deputy Police and Crime Commissioner"),
            person("Niki Howard", "Director of Finance & Resources"),
            person("Josie Gowler", "Director of Finance for OPCC"),
            person("Mark Hopkins", "T/Deputy Chief Constable"),
        ],
        **fields,
    )


@pytest.mark.parametrize(
    ("owner", "expected"),
    [
        ("NH", "Niki Howard"),
        ("JG", "Josie Gowler"),
        ("the DPCC", "Brian Ashton"),
        ("The T/DCC", "Mark Hopkins"),
        ("Howard", "Niki Howard"),
        (None, "Niki Howard"),  # read from "NH would ..." at the start of the text
    ],
)
def test_action_owner_printed_as_initials_surname_or_role_is_the_attendee(owner, expected):
    store(
        extract(
            meetings=[
                finance_sub_group(
                    actions=[new_action("NH would add a notes column.", item="4", owner=owner)]
                )
            ]
        )
    )
    assert Action.objects.get().owner.display_name == expected


def test_surname_lists_resolve_to_members_named_in_full_elsewhere():
    store(
        extract(
            meetings=[
                minutes(
                    body="Police and Crime Panel",
                    date="2018-09-12",
                    present=[person("M Shellens"), person("A Sharp"), person("H Smith")],
                    apologies=[
                        person("Oliver"),
                        person("Cuffley"),
                        person("Daunton"),
                        person("Shellens"),
                    ],
                    substitutes=[{"name": "Smith", "for": "Daunton"}],
                )
            ]
        )
    )
    rows = {
        (a.kind, a.raw_name): a
        for a in Attendance.objects.select_related("person", "substitute_for")
    }
    assert rows[("apologies", "Shellens")].person == rows[("present", "M Shellens")].person
    substitute = rows[("substitute", "Smith")]
    assert substitute.person.display_name == "H Smith"
    assert substitute.substitute_for == rows[("apologies", "Daunton")].person
    assert Person.objects.count() == 6  # Shellens, Sharp, Smith, Oliver, Cuffley, Daunton

    store(
        extract(
            meetings=[
                minutes(
                    body="Police and Crime Panel",
                    date="2018-11-14",
                    present=[person("Cllr D Oliver"), person("Mike Shellens")],
                )
            ]
        ),
        name="november.txt",
    )
    assert Person.objects.count() == 6
    assert Person.objects.filter(display_name="Mike Shellens").exists()  # the fuller name now shown


def chief_constable_seen(name: str, date: str) -> dict:
    return minutes(
        date=date, present=[person(name, "Chief Constable, Cambridgeshire Constabulary")]
    )


@pytest.mark.parametrize(
    ("date", "holder"),
    [("2015-10-28", "Alec Wood"), ("2021-11-30", "Nick Dean")],
)
def test_the_chief_constable_named_by_role_is_the_holder_on_the_meeting_date(date, holder):
    store(extract(meetings=[chief_constable_seen("Alec Wood", "2015-09-30")]), name="2015.txt")
    store(extract(meetings=[chief_constable_seen("Nick Dean", "2021-10-12")]), name="2021.txt")
    store(
        extract(
            meetings=[
                minutes(
                    date=date,
                    actions=[
                        new_action(
                            "Chief Constable to update the Board", owner="the Chief Constable"
                        )
                    ],
                )
            ]
        ),
        name="later.txt",
    )
    assert Action.objects.get().owner.display_name == holder


def board_of(area: str, date: str, **fields) -> dict:
    return minutes(organisation=f"Police and Crime Commissioner for {area}", date=date, **fields)


def chief_constable_asked_in_february(area: str) -> str:
    """Store an area's February minutes giving "the Chief Constable" an action; who owns it."""
    later = board_of(
        area,
        "2020-02-12",
        actions=[new_action("Chief Constable to update the Board", owner="the Chief Constable")],
    )
    store(extract(meetings=[later]), name=f"{area}-february.txt")
    return Action.objects.get(body__organisation__endswith=area).owner.display_name


def test_the_chief_constable_of_one_area_is_never_the_other_areas():
    for area, chief in (("Marchmoor", "Tom Hale"), ("Harrowdale", "Ruth Penrose")):
        seen = board_of(
            area, "2020-01-15", present=[person(chief, f"Chief Constable, {area} Constabulary")]
        )
        store(extract(meetings=[seen]), name=f"{area}-january.txt")
    assert chief_constable_asked_in_february("Marchmoor") == "Tom Hale"
    assert chief_constable_asked_in_february("Harrowdale") == "Ruth Penrose"
    assert Membership.objects.filter(post__title="Chief Constable").count() == 2
    assert not PersonMatchReview.objects.exists()


def test_the_commissioner_at_the_panel_is_the_one_seen_at_the_commissioners_board():
    board = board_of(
        "Marchmoor",
        "2020-01-15",
        present=[person("Ursula Walmsley", "Police and Crime Commissioner")],
    )
    store(extract(meetings=[board]), name="board.txt")
    panel = minutes(
        body="Marchmoor Police and Crime Panel",
        organisation="Brackenhurst Borough Council",
        date="2020-02-03",
        recommendations=[{"text": "To publish the plan.", "to": "the Commissioner", "item": None}],
        actions=[new_action("The Commissioner to report back.", owner="the Commissioner")],
    )
    store(extract(meetings=[panel]), name="panel.txt")
    assert Action.objects.get().owner.display_name == "Ursula Walmsley"
    assert Recommendation.objects.get().to_post.area == "marchmoor"


def test_a_holder_seen_before_the_board_had_an_area_still_answers_for_the_role():
    unplaced = minutes(date="2020-01-15", present=[person("Tom Hale", "Chief Constable")])
    store(extract(meetings=[unplaced]), name="january.txt")
    assert chief_constable_asked_in_february("Marchmoor") == "Tom Hale"


def test_a_visiting_chief_constable_holds_their_own_areas_post():
    present = [
        person("Tom Hale", "Chief Constable, Marchmoor Constabulary"),
        person("Ann Visitor", "Chief Constable, Bedfordshire Police"),
    ]
    store(extract(meetings=[board_of("Marchmoor", "2020-01-15", present=present)]))
    assert chief_constable_asked_in_february("Marchmoor") == "Tom Hale"
    visitor = Membership.objects.get(person__display_name="Ann Visitor", post__isnull=False)
    assert visitor.post.area == "bedfordshire"


def test_one_person_across_papers_is_one_identity():
    store(extract(meetings=[finance_sub_group()]), name="fsg.txt")
    store(
        extract(
            meetings=[
                minutes(date="2015-09-30", present=[person("Niki Howard", "Director of Finance")])
            ]
        ),
        name="bcb.txt",
    )
    assert Person.objects.filter(display_name="Niki Howard").count() == 1
    assert Attendance.objects.filter(person__display_name="Niki Howard").count() == 2


def test_a_doubtful_match_is_listed_for_review_not_linked():
    store(
        extract(
            meetings=[
                minutes(
                    present=[person("Helen Smith"), person("Andy Smith")],
                    declarations=[
                        {"name": "Smith", "item": None, "text": "declared a personal interest"}
                    ],
                )
            ]
        )
    )
    declaration = Declaration.objects.get()
    assert declaration.person is None
    review = PersonMatchReview.objects.get()
    assert review.raw_text == "Smith"
    assert review.status == PersonMatchReview.Status.OPEN
    assert {c["name"] for c in review.candidates} == {"Helen Smith", "Andy Smith"}
    assert review.fact == declaration

    confirm_match(review, Person.objects.get(display_name="Andy Smith"))
    declaration.refresh_from_db()
    assert declaration.person.display_name == "Andy Smith"


def test_a_near_spelling_in_a_later_meeting_is_suggested_not_merged():
    store(
        extract(
            meetings=[
                minutes(
                    date="2015-09-30",
                    apologies=[person("Charles Kitchin", "Director of Public Engagement")],
                )
            ]
        ),
        name="sep.txt",
    )
    store(
        extract(
            meetings=[
                minutes(
                    date="2015-11-26",
                    in_attendance=[person("Charles Kitchen", "Director of Public Engagement")],
                )
            ]
        ),
        name="nov.txt",
    )
    review = PersonMatchReview.objects.get()
    assert (review.raw_text, review.suggested.display_name) == (
        "Charles Kitchen",
        "Charles Kitchin",
    )
    assert Attendance.objects.get(kind="in_attendance").person is None
    confirm_match(review)
    assert Attendance.objects.get(kind="in_attendance").person.display_name == "Charles Kitchin"
    assert (
        Person.objects.get().names.filter(name="Charles Kitchen").exists()
    )  # the spelling is learnt


def test_reimporting_keeps_a_confirmed_person():
    store(
        extract(
            meetings=[
                minutes(
                    present=[person("Helen Smith"), person("Andy Smith")],
                    declarations=[{"name": "Smith", "text": "an interest"}],
                )
            ]
        )
    )
    confirm_match(PersonMatchReview.objects.get(), Person.objects.get(display_name="Andy Smith"))
    store(
        extract(
            meetings=[
                minutes(
                    present=[person("Helen Smith"), person("Andy Smith")],
                    declarations=[{"name": "Smith", "text": "an interest"}],
                )
            ]
        ),
        version="2",
    )
    assert Declaration.objects.get().person.display_name == "Andy Smith"
    assert PersonMatchReview.objects.get().status == PersonMatchReview.Status.CONFIRMED


def test_attendance_roles_become_observed_memberships(posts):
    store(extract(meetings=[finance_sub_group()]))
    ashton = Person.objects.get(display_name="Brian Ashton")
    post_seats = ashton.memberships.filter(post__isnull=False)
    assert [m.post.title for m in post_seats] == ["Deputy Police and Crime Commissioner"]
    body_seat = ashton.memberships.get(body__isnull=False)
    assert (body_seat.start, body_seat.end) == (datetime.date(2015, 8, 27),) * 2
    assert body_seat.provenance.exists()


def test_a_run_reads_each_persons_names_once_and_shares_what_it_learns():
    """The run's directory of people: the second meeting's pool reads no names again, and
    a fuller name stored by one document is known to the next without a query."""
    cache = RunCache()

    def store_in_run(data: dict, name: str) -> None:
        store(data, name, cache=cache)

    store_in_run(
        extract(meetings=[minutes(date="2015-08-27", present=[person("N Howard", "Director")])]),
        "first.txt",
    )
    second = extract(
        meetings=[
            minutes(date="2015-09-30", present=[person("Niki Howard", "Director of Finance")])
        ]
    )
    with CaptureQueriesContext(connection) as queries:
        store_in_run(second, "second.txt")
    name_reads = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("SELECT") and "people_personname" in q["sql"]
    ]
    assert name_reads == []
    store_in_run(
        extract(
            meetings=[
                minutes(
                    date="2015-10-28",
                    present=[person("Niki Howard", "Director of Finance")],
                    actions=[new_action("NH to report on reserves", owner="NH")],
                )
            ]
        ),
        "third.txt",
    )
    assert Person.objects.filter(display_name="Niki Howard").count() == 1
    assert Person.objects.count() == 1
    assert Action.objects.get().owner.display_name == "Niki Howard"
