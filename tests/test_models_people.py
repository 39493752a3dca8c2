"""People: memberships over time and the resolution of printed names."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from minutebook.people.memberships import record_sighting
from minutebook.people.models import Membership, PersonName
from minutebook.people.names import name_forms, name_key
from minutebook.people.resolve import resolve_person_at
from tests.factories import make_body, make_holder, make_person

D = datetime.date


@pytest.mark.django_db
def test_membership_cannot_end_before_it_starts():
    someone = make_person("Niki Howard")
    body = make_body()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=someone, body=body, start=D(2020, 5, 1), end=D(2020, 4, 30)
        )
    Membership.objects.create(person=someone, body=body, start=D(2020, 5, 1), end=D(2020, 5, 1))


@pytest.mark.django_db
def test_membership_needs_a_body_or_a_post():
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(person=make_person("Jon Lee"), start=D(2020, 1, 1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("on", "current"),
    [
        (D(2019, 12, 31), False),
        (D(2020, 1, 1), True),
        (D(2020, 6, 1), True),
        (D(2020, 12, 31), True),
        (D(2021, 1, 1), False),
    ],
)
def test_current_membership_on_a_date(on, current):
    Membership.objects.create(
        person=make_person("Jon Lee"), body=make_body(), start=D(2020, 1, 1), end=D(2020, 12, 31)
    )
    assert Membership.objects.current(on=on).exists() is current


@pytest.mark.django_db
def test_open_ended_membership_is_current_from_its_start():
    Membership.objects.create(person=make_person("Jon Lee"), body=make_body(), start=D(2020, 1, 1))
    assert Membership.objects.current(on=D(2030, 1, 1)).exists()
    assert not Membership.objects.current(on=D(2019, 1, 1)).exists()


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Niki Howard", "niki howard"),
        ("Cllr Shellens", "shellens"),
        ("Councillor M. Shellens", "m shellens"),
        ("Dr Dorothy Gregson", "dorothy gregson"),
        ("Sir Graham Bright", "graham bright"),
        ("Jim Haylett (Observer)", "jim haylett"),
        ("Ren\u00e9e O'Brien-Smith", "renee obriensmith"),
    ],
)
def test_name_key_folds_honorifics_case_and_punctuation(printed, key):
    assert name_key(printed) == key


def test_name_forms_include_initials_and_surname():
    forms = {(f.key, f.kind) for f in name_forms("Niki Howard")}
    assert forms == {
        ("niki howard", "full"),
        ("n howard", "initial_surname"),
        ("howard", "surname"),
        ("nh", "initials"),
    }


@pytest.mark.django_db
def test_observed_membership_widens_until_someone_else_holds_the_post(posts):
    first = make_holder("Alec Wood", "Chief Constable", D(2015, 9, 30), D(2015, 11, 26))
    membership = first.memberships.get()
    assert (membership.start, membership.end) == (D(2015, 9, 30), D(2015, 11, 26))
    make_holder("Nick Dean", "Chief Constable", D(2016, 3, 1))
    later = record_sighting(first, D(2016, 6, 1), post=membership.post)
    assert later != membership  # a new period: Nick Dean held the post in between


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("printed", "expected", "doubtful"),
    [
        ("Niki Howard", "Niki Howard", False),
        ("NH", "Niki Howard", False),
        ("N.H.", "Niki Howard", False),
        ("JG", "Josie Gowler", False),
        ("Howard", "Niki Howard", False),
        ("Cllr Gowler", "Josie Gowler", False),
        ("N Howard", "Niki Howard", False),
        ("Niki Howerd", "Niki Howard", True),  # a near spelling is only a suggestion
        ("Nora Howard", None, False),  # another given name is someone else
        ("XY", None, False),
    ],
)
def test_printed_names_resolve_among_the_meetings_people(printed, expected, doubtful):
    people = [make_person("Niki Howard"), make_person("Josie Gowler"), make_person("Brian Ashton")]
    match = resolve_person_at(printed, D(2015, 8, 27), people)
    assert (match.person.display_name if match.person else None) == expected
    assert match.doubtful is doubtful


@pytest.mark.django_db
def test_a_surname_shared_by_two_candidates_is_doubtful():
    people = [make_person("Helen Smith"), make_person("Andy Smith")]
    person, confidence, doubtful = resolve_person_at("Smith", D(2018, 9, 12), people)
    assert doubtful and confidence < 0.75
    assert person in people


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("on", "expected", "doubtful"),
    [
        (D(2015, 10, 1), "Alec Wood", False),  # inside the observed period
        (D(2021, 10, 12), "Nick Dean", False),
        (D(2018, 1, 1), "Alec Wood", True),  # between two holders: a guess
        (D(2014, 1, 1), "Alec Wood", True),  # before anyone was seen
    ],
)
def test_the_chief_constable_is_whoever_held_the_post_that_day(posts, on, expected, doubtful):
    make_holder("Alec Wood", "Chief Constable", D(2015, 9, 30), D(2016, 11, 26))
    make_holder(
        "Nick Dean", "Chief Constable, Cambridgeshire Constabulary", D(2021, 1, 1), D(2021, 12, 1)
    )
    match = resolve_person_at("the Chief Constable", on)
    assert match.person.display_name == expected
    assert match.doubtful is doubtful


@pytest.mark.django_db
def test_a_role_mention_prefers_the_post_holder_present_at_the_meeting(posts):
    hebb = make_holder("Andy Hebb", "Assistant Chief Constable", D(2015, 9, 30))
    make_holder("Dan Vajzovic", "Assistant Chief Constable", D(2015, 9, 30))
    match = resolve_person_at("the ACC", D(2015, 9, 30), [hebb])
    assert match.person == hebb and not match.doubtful


@pytest.mark.django_db
def test_a_full_name_recorded_elsewhere_resolves_outside_the_candidates():
    claire = make_person("Claire George")
    match = resolve_person_at("Claire George", D(2018, 9, 12), [make_person("Jane Webb")])
    assert match.person == claire and not match.doubtful


@pytest.mark.django_db
def test_name_and_role_printed_together_resolve_by_the_name():
    jason = make_person("Jason Ablewhite")
    assert (
        resolve_person_at(
            "Jason Ablewhite, Cambridgeshire Police and Crime Commissioner", None
        ).person
        == jason
    )


@pytest.mark.django_db
def test_person_names_are_stored_once_per_form():
    someone = make_person("Niki Howard")
    from minutebook.people.resolve import add_names

    add_names(someone, "Niki Howard")
    add_names(someone, "Mrs Niki Howard")
    assert PersonName.objects.filter(person=someone, kind="full").count() == 1
    assert PersonName.objects.filter(
        person=someone, kind="honorific", key="mrs niki howard"
    ).exists()
