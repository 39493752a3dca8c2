"""Bodies and posts: one row per body however its name is printed."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from minutebook.bodies.models import Body, BodyAlias
from minutebook.bodies.names import (
    acronym,
    area_name,
    body_key,
    organisation_key,
    organisations_agree,
    police_area_key,
)
from minutebook.bodies.resolve import (
    BodyDirectory,
    add_body_alias,
    ensure_standard_posts,
    find_posts,
    guess_classification,
    post_area,
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


# Posts of different areas --------------------------------------------------------


@pytest.mark.parametrize(
    ("organisation", "body_area", "area"),
    [
        (
            "Cambridgeshire Constabulary",
            "cambridgeshire peterborough",
            "cambridgeshire peterborough",
        ),
        ("", "marchmoor", "marchmoor"),
        ("Office of the Police and Crime Commissioner", "marchmoor", "marchmoor"),
        ("Bedfordshire Police", "cambridgeshire", "bedfordshire"),
        ("Bedfordshire Police", "", ""),
        ("Office of the Police and Crime Commissioner (Chair)", "marchmoor", "marchmoor"),
    ],
)
def test_a_post_belongs_to_its_bodys_area_unless_it_names_another(organisation, body_area, area):
    assert post_area(organisation, body_area) == area


@pytest.mark.parametrize(
    ("name", "organisation", "area"),
    [
        ("Business Coordination Board", "Police and Crime Commissioner for Marchmoor", "marchmoor"),
        ("Cambridgeshire Police and Crime Panel", "Peterborough City Council", "cambridgeshire"),
        ("Police, Fire and Crime Panel for North Yorkshire", "", "north yorkshire"),
        ("Police and Crime Panel", "Peterborough City Council", "peterborough"),
        ("Finance Sub-Group", "", ""),
    ],
)
def test_a_panels_police_area_is_the_one_it_is_named_for(name, organisation, area):
    assert police_area_key(name, organisation) == area


@pytest.mark.django_db
def test_each_area_has_its_own_chief_constable():
    ensure_standard_posts("marchmoor")
    ensure_standard_posts("harrowdale")
    marchmoor = find_posts("the Chief Constable", area="marchmoor")
    harrowdale = find_posts("the Chief Constable", area="harrowdale")
    assert [p.area for p in marchmoor] == ["marchmoor"]
    assert [p.area for p in harrowdale] == ["harrowdale"]
    assert resolve_post("Chief Constable, Marchmoor Constabulary", area="marchmoor") in marchmoor
    # A mention whose area is not known may mean either.
    assert len(find_posts("the Chief Constable")) == 2


@pytest.mark.django_db
def test_a_post_seen_in_another_areas_papers_is_that_areas():
    ensure_standard_posts("cambridgeshire")
    visitor = resolve_post("Chief Constable, Bedfordshire Police", area="cambridgeshire")
    assert visitor.area == "bedfordshire"
    assert find_posts("the Chief Constable", area="cambridgeshire") != [visitor]
    assert find_posts("the Chief Constable", area="bedfordshire") == [visitor]


@pytest.mark.django_db
def test_posts_of_no_known_area_stand_in_where_the_area_has_none(posts):
    assert [p.area for p in find_posts("the Chief Constable", area="marchmoor")] == [""]
    ensure_standard_posts("marchmoor")
    assert [p.area for p in find_posts("the Chief Constable", area="marchmoor")] == ["marchmoor"]


# Bodies of different organisations ----------------------------------------------

MARCHMOOR = "Police and Crime Commissioner for Marchmoor"
HARROWDALE = "Police and Crime Commissioner for Harrowdale"


@pytest.mark.parametrize(
    "printed",
    [
        "Police and Crime Commissioner for Marchmoor",
        "Office of the Police and Crime Commissioner for Marchmoor",
        "Marchmoor Police and Crime Commissioner",
        "Marchmoor Police & Crime Commissioner",
        "Marchmoor OPCC",
        "Office of the Police, Fire and Crime Commissioner for Marchmoor",
        "Marchmoor Police and Crime Panel",
        "Marchmoor County Council",
        "MARCHMOOR CONSTABULARY",
    ],
)
def test_spellings_of_one_organisation_share_its_key(printed):
    assert organisation_key(printed) == "marchmoor"


@pytest.mark.parametrize(
    ("printed", "area"),
    [
        ("Marchmoor Constabulary", "Marchmoor"),
        ("Police and Crime Commissioner for Harrow & Dale", "Harrow & Dale"),
        ("Office of the Police and Crime Commissioner", ""),
    ],
)
def test_the_area_of_an_organisation_is_its_place_as_printed(printed, area):
    assert area_name(printed) == area


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        (
            "Cambridgeshire PCC",
            "Police and Crime Commissioner for Cambridgeshire and Peterborough",
            True,
        ),
        ("Wessex Vale OPCC", "Police and Crime Commissioner for Wessex Vale", True),
        ("Police and Crime Commissioner for Marchmoor", HARROWDALE, False),
        ("Office of the Police and Crime Commissioner", MARCHMOOR, False),  # no place: unknown
    ],
)
def test_organisations_agree_on_their_area(first, second, agree):
    assert organisations_agree(organisation_key(first), organisation_key(second)) is agree


@pytest.mark.django_db
def test_same_named_boards_of_two_commissioners_are_two_bodies():
    marchmoor = resolve_body("Business Co-ordination Board", MARCHMOOR)
    harrowdale = resolve_body("Business Coordination Board", HARROWDALE)
    assert marchmoor != harrowdale
    assert (marchmoor.organisation, harrowdale.organisation) == (MARCHMOOR, HARROWDALE)
    assert marchmoor.slug != harrowdale.slug
    assert resolve_body("BCB", "Marchmoor OPCC") == marchmoor
    assert resolve_body("the Business Co-Ordination Board", "Harrowdale PCC") == harrowdale
    assert set(BodyAlias.objects.filter(key="bcb").values_list("body", flat=True)) == {
        marchmoor.pk,
        harrowdale.pk,
    }
    assert Body.objects.count() == 2


@pytest.mark.django_db
def test_a_body_first_seen_without_organisation_adopts_the_one_seen_later():
    board = resolve_body("Business Co-ordination Board")
    assert board.organisation == ""
    assert resolve_body("BCB", "Marchmoor Police and Crime Commissioner") == board
    board.refresh_from_db()
    assert (board.organisation, board.organisation_key) == (
        "Marchmoor Police and Crime Commissioner",
        "marchmoor",
    )
    assert set(board.aliases.values_list("organisation_key", flat=True)) == {"marchmoor"}
    # now known, it is not the board of another Commissioner
    other = resolve_body("Business Co-ordination Board", HARROWDALE)
    assert other != board
    assert Body.objects.count() == 2


@pytest.mark.django_db
def test_an_organisation_without_a_place_is_no_organisation():
    board = resolve_body("Business Co-ordination Board", MARCHMOOR)
    assert resolve_body("Business Co-ordination Board", "Police & Crime Commissioner") == board
    assert Body.objects.count() == 1


@pytest.mark.django_db
def test_without_organisation_the_only_body_of_a_name_is_meant():
    board = resolve_body("Finance Sub-Group", MARCHMOOR)
    assert resolve_body("FSG") == board
    assert resolve_body("Finance Sub-Group") == board


@pytest.mark.django_db
def test_without_organisation_among_same_named_bodies_the_unknown_one_else_the_last_seen():
    directory = BodyDirectory()
    marchmoor = directory.resolve("Finance Sub-Group", MARCHMOOR)
    harrowdale = directory.resolve("Finance Sub-Group", HARROWDALE)
    assert directory.resolve("Finance Sub-Group") == harrowdale  # the last seen
    directory.resolve("FSG", MARCHMOOR)
    assert directory.resolve("Finance Sub-Group") == marchmoor
    # a fresh directory has seen neither: the first recorded
    assert BodyDirectory().resolve("Finance Sub-Group", create=False) == marchmoor

    unknown = Body.objects.create(name="Finance Sub-Group", slug="finance-sub-group-unknown")
    BodyAlias.objects.create(body=unknown, alias="Finance Sub-Group", key="finance subgroup")
    assert BodyDirectory().resolve("Finance Sub-Group") == unknown
    assert BodyDirectory().resolve("Finance Sub-Group", "Harrowdale OPCC") == harrowdale


@pytest.mark.django_db
def test_adopting_an_organisation_drops_an_alias_its_other_body_has():
    known = resolve_body("Business Continuity Board", MARCHMOOR)  # also "BCB"
    unknown = resolve_body("Business Co-ordination Board")
    assert resolve_body("Business Co-ordination Board", MARCHMOOR) == unknown
    assert set(unknown.aliases.values_list("key", flat=True)) == {"business coordination board"}
    assert resolve_body("BCB", MARCHMOOR) == known
