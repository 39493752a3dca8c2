"""An action keeps one identity from the meeting that raised it to the one that closed it."""

from __future__ import annotations

import datetime
import itertools

import pytest

from minutebook.actions.carry import action_status, open_actions_for
from minutebook.actions.models import Action, ActionStatus, ActionUpdate
from minutebook.bodies.resolve import resolve_body
from minutebook.importer import values
from minutebook.importer.context import RunCache
from tests.factories import extract, item, log_entry, minutes, new_action, person, store

pytestmark = pytest.mark.django_db

FEB, MAY, JUL = "2019-02-28", "2019-05-30", "2019-07-25"


def raising_meeting() -> dict:
    return extract(
        meetings=[
            minutes(
                date=FEB,
                present=[person("Niki Howard", "Director of Finance")],
                items=[item("10", "Estates"), item("10.6", "Yaxley Police Station")],
                actions=[
                    new_action(
                        "NH to bring the Yaxley business case to the July 2019 Board",
                        item="10.6",
                        owner="NH",
                        due="July 2019 Board",
                    )
                ],
            )
        ]
    )


def reviewing_meeting() -> dict:
    return extract(
        meetings=[
            minutes(
                date=MAY,
                action_log=[
                    log_entry(
                        "3.0",
                        "10.6",
                        FEB,
                        "Yaxley business case",
                        "Draft in preparation.",
                        "on-going",
                    )
                ],
            )
        ]
    )


def closing_meeting() -> dict:
    return extract(
        meetings=[
            minutes(
                date=JUL,
                action_log=[
                    log_entry("Action 3.0", None, None, None, "Presented at item 5.", "closed")
                ],
            )
        ]
    )


PAPERS = {
    "raised": (raising_meeting, "feb.txt"),
    "reviewed": (reviewing_meeting, "may.txt"),
    "closed": (closing_meeting, "jul.txt"),
}


@pytest.mark.parametrize("one_run", [False, True], ids=["runs of their own", "one run"])
@pytest.mark.parametrize("order", list(itertools.permutations(PAPERS)), ids=lambda o: " > ".join(o))
def test_action_update_links_to_the_action_it_continues_across_three_meetings(order, one_run):
    """In one run the logs take the actions and their updates from what the run holds."""
    cache = RunCache() if one_run else None
    for key in order:
        build, name = PAPERS[key]
        store(build(), name=name, cache=cache)

    action = Action.objects.get()
    assert action.raised_at.date == datetime.date(2019, 2, 28)
    assert action.raised_under.number == "10.6"
    assert action.reference == "3.0"
    assert action.owner.display_name == "Niki Howard"
    assert action.due_text == "July 2019 Board" and action.due_date is None
    updates = list(action.updates.all())
    assert [(u.date.isoformat(), u.status) for u in updates] == [(MAY, "on-going"), (JUL, "closed")]
    assert action.status == ActionStatus.CLOSED
    assert action.closed_at.date == datetime.date(2019, 7, 25)
    assert all(u.provenance.exists() for u in updates)


def test_log_entry_citing_another_item_number_falls_back_to_the_reference():
    store(raising_meeting(), name="feb.txt")
    store(
        extract(
            meetings=[
                minutes(
                    date=MAY,
                    action_log=[log_entry("3.0", "10.6", FEB, None, "On-going", "on-going")],
                )
            ]
        ),
        name="may.txt",
    )
    store(
        extract(
            meetings=[
                minutes(date=JUL, action_log=[log_entry("3.0", "7", None, None, "Done", "closed")])
            ]
        ),
        name="jul.txt",
    )
    assert Action.objects.count() == 1
    assert ActionUpdate.objects.count() == 2


def test_a_log_entry_for_an_unknown_action_starts_it_and_the_raising_minutes_adopt_it():
    store(reviewing_meeting(), name="may.txt")
    waiting = Action.objects.get()
    assert waiting.raised_at is None and waiting.raised_on == datetime.date(2019, 2, 28)
    store(raising_meeting(), name="feb.txt")
    action = Action.objects.get()
    assert action.pk == waiting.pk
    assert action.raised_at is not None


def test_open_actions_for_a_body_as_of_a_date():
    store(raising_meeting(), name="feb.txt")
    store(reviewing_meeting(), name="may.txt")
    store(closing_meeting(), name="jul.txt")
    board = resolve_body("Business Coordination Board")
    assert open_actions_for(board, datetime.date(2019, 2, 28)).count() == 0  # not raised yet
    assert open_actions_for(board, datetime.date(2019, 6, 1)).count() == 1
    assert open_actions_for(board, datetime.date(2019, 7, 26)).count() == 0  # closed on 25 July


@pytest.mark.parametrize(
    ("printed", "status"),
    [
        ("open", "open"),
        ("On-going", "on-going"),
        ("Ongoing", "on-going"),
        ("In progress", "on-going"),
        ("Closed", "closed"),
        ("Complete", "closed"),
        ("completed", "closed"),
        (None, "open"),
    ],
)
def test_printed_action_status(printed, status):
    assert action_status(printed) == status


@pytest.mark.parametrize(
    ("due", "date"),
    [
        ("31st March 2020", datetime.date(2020, 3, 31)),
        ("2020-03-31", datetime.date(2020, 3, 31)),
        ("July 2019 Board", None),
        ("next meeting", None),
        ("31st February 2020", None),
    ],
)
def test_due_date_only_when_a_day_is_written(due, date):
    assert values.due_date(due) == date


def test_two_actions_at_one_item_stay_two():
    store(
        extract(
            meetings=[
                minutes(
                    items=[item("3", "Revenue monitoring")],
                    actions=[
                        new_action("NH would look into pension numbers", item="3"),
                        new_action("NH would add a notes column", item="3"),
                    ],
                )
            ]
        )
    )
    assert Action.objects.count() == 2
