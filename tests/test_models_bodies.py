"""Bodies and posts: one row per body however its name is printed."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from minutebook.bodies.models import Body, BodyAlias
from minutebook.bodies.names import acronym, body_key
from minutebook.bodies.resolve import (
    add_body_alias,
    find_posts,
    guess_classification,
    resolve_body,
    resolve_post,
    split_role,
)


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Business Co-ordination Board", "business coordination board"),
        ("Business Coordination Board", "business coordination board"),
        ("Business Co-Ordination Board", "business coordination board"),
        ("BUSINESS CO-ORDINATION BOARD", "business coordination board"),
        ("the Business Co\u2013ordination Board", "business coordination board"),
        ("  Business   Coordination Board. ", "business coordination board"),
        ("Police & Crime Panel", "police and crime panel"),
        ("Commissioner's Board", "commissioners board"),
        ("Finance Sub-Group", "finance subgroup"),
        ("BCB", "bcb"),
    ],
)
def test_alias_key_folds_case_hyphens_punctuation_and_the(printed, key):
    assert body_key(printed) == key


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Business Co-ordination Board", "BCB"),
        ("Business Coordination Board", "BCB"),
        ("Police and Crime Panel", "PCP"),
        ("Finance Sub-Group", "FSG"),
        ("Force Executive Board", "FEB"),
        ("Panel", None),
    ],
)
def test_acronym_of_a_body_name(name, short):
    assert acronym(name) == short


@pytest.mark.parametrize(
    ("name", "classification"),
    [
        ("Police and Crime Panel", "panel"),
        ("Business Co-ordination Board", "board"),
        ("Finance Sub-Group", "sub-group"),
        ("Estates Sub Group", "sub-group"),
        ("Joint Audit Committee", "committee"),
        ("Strategic Alliance Summit", "other"),
    ],
)
def test_classification_is_guessed_from_the_name(name, classification):
    assert guess_classification(name) == classification


@pytest.mark.django_db
@pytest.mark.parametrize(
    "printed",
    [
        "BCB",
        "Business Co-ordination Board",
        "Business Coordination Board",
        "Business Co-Ordination Board",
        "BUSINESS CO-ORDINATION BOARD",
        "the Business Coordination Board",
    ],
)
def test_every_spelling_of_a_board_resolves_to_one_body(printed):
    board = resolve_body("Business Co-ordination Board")
    assert resolve_body(printed) == board
    assert Body.objects.count() == 1


@pytest.mark.django_db
def test_a_new_body_gets_its_name_and_acronym_as_aliases():
    panel = resolve_body("CAMBRIDGESHIRE POLICE AND CRIME PANEL")
    assert panel.name == "Cambridgeshire Police and Crime Panel"
    assert panel.classification == Body.Classification.PANEL
    assert set(panel.aliases.values_list("alias", flat=True)) >= {
        "CPCP",
        "Cambridgeshire Police and Crime Panel",
    }
    assert resolve_body("Police and Crime Panel") == panel  # the place left off


@pytest.mark.django_db
def test_an_alias_key_belongs_to_one_body_only():
    board = resolve_body("Business Coordination Board")
    other = Body.objects.create(name="Other", slug="other")
    assert add_body_alias(other, "Business Co-ordination Board") is False
    with pytest.raises(IntegrityError), transaction.atomic():
        BodyAlias.objects.create(
            body=other, alias="business coordination board", key=body_key("BCB")
        )
    assert resolve_body("BCB") == board


@pytest.mark.django_db
def test_resolve_body_without_create_finds_nothing_new():
    assert resolve_body("Estates Sub-Group", create=False) is None
    assert not Body.objects.exists()


@pytest.mark.parametrize(
    ("role", "title", "organisation"),
    [
        (
            "Chief Constable, Cambridgeshire Constabulary",
            "Chief Constable",
            "Cambridgeshire Constabulary",
        ),
        ("Chief Executive OPCC", "Chief Executive", "OPCC"),
        ("Director of Finance for OPCC", "Director of Finance", "OPCC"),
        (
            "Chief Constable Cambridgeshire Constabulary",
            "Chief Constable",
            "Cambridgeshire Constabulary",
        ),
        (
            "Staff Officer, Cambridgeshire Constabulary (Observer)",
            "Staff Officer",
            "Cambridgeshire Constabulary",
        ),
        ("Deputy Police and Crime Commissioner", "Deputy Police and Crime Commissioner", ""),
    ],
)
def test_split_role_into_title_and_organisation(role, title, organisation):
    assert split_role(role) == (title, organisation)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("mention", "title"),
    [
        ("the Chief Constable", "Chief Constable"),
        ("CC", "Chief Constable"),
        ("the DPCC", "Deputy Police and Crime Commissioner"),
        ("Deputy Police and Crime Commissioner", "Deputy Police and Crime Commissioner"),
        ("the Commissioner", "Police and Crime Commissioner"),
        (
            "Police and Crime Commissioner for Cambridgeshire and Peterborough",
            "Police and Crime Commissioner",
        ),
        ("Cambridgeshire Police and Crime Commissioner", "Police and Crime Commissioner"),
        ("PCC CFO", "Chief Finance Officer"),
        ("T/DCC", "Deputy Chief Constable"),
    ],
)
def test_post_aliases_resolve_role_mentions(posts, mention, title):
    assert [p.title for p in find_posts(mention)] == [title]


@pytest.mark.django_db
def test_the_forces_finance_officer_is_not_the_commissioners(posts):
    opcc = resolve_post("Chief Finance Officer, Office of the Police and Crime Commissioner")
    force = resolve_post("Chief Finance Officer, Cambridgeshire Constabulary")
    assert opcc != force
    assert len(find_posts("Chief Finance Officer")) == 2
    assert find_posts("Chief Finance Officer", "Cambridgeshire Constabulary") == [force]


@pytest.mark.django_db
def test_a_seat_on_the_body_is_not_a_post(posts):
    assert resolve_post("Chairperson") is None
    assert resolve_post("Independent Co-opted Member") is None
