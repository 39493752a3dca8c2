"""The shared real corpus, imported end to end (skipped when the corpus is absent)."""

from __future__ import annotations

import datetime

import pytest

from minutebook.actions.models import Action
from minutebook.bodies.models import Body
from minutebook.decisions.models import Decision
from minutebook.documents.models import Provenance
from minutebook.importer.service import import_paths
from minutebook.meetings.models import Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.corpus]


@pytest.fixture
def imported(corpus):
    summary = import_paths([corpus])
    assert summary.exit_code == 0, [(f.path, f.reason) for f in summary.failures]
    return summary


def test_the_corpus_imports_without_failures_and_again_without_changes(corpus, imported):
    again = import_paths([corpus])
    assert {f.outcome for f in again.files} == {"unchanged"}
    assert {f.path.rsplit("/", 1)[-1] for f in imported.files} >= {
        "001_6f2f00c5b50ea9d4.txt",
        "002_47029f60c6f76bef.txt",
        "004_3b99b6a33a4d41cf.txt",
    }


def test_the_four_spellings_of_the_board_are_one_body(imported):
    boards = Body.objects.filter(aliases__key="bcb").distinct()
    assert boards.count() == 1
    assert {m.date for m in Meeting.objects.filter(body=boards.get())} >= {
        datetime.date(2021, 10, 12)
    }


def test_initials_in_the_finance_sub_group_resolve_to_the_attendees(imported):
    owners = set(
        Action.objects.filter(
            raised_on=datetime.date(2015, 8, 27), owner__isnull=False
        ).values_list("owner__display_name", flat=True)
    )
    assert owners <= {"Niki Howard", "Josie Gowler"}
    assert owners  # at least one action owner was found from initials


def test_decision_records_of_the_pack_are_stored_with_their_lines(imported):
    numbers = set(Decision.objects.values_list("number_key", flat=True))
    assert {"CPCC2018-012", "CPCC2018-013", "CPCC2018-014"} <= numbers
    assert not Provenance.objects.filter(
        first_line__isnull=True, content_type__model="decision"
    ).exists()
