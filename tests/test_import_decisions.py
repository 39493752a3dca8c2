"""Decision records, and the decision numbers minutes cite, linked in either order."""

from __future__ import annotations

import pytest

from minutebook.decisions.models import Decision, DecisionCitation, DecisionExemptPart
from minutebook.importer.context import RunCache
from tests.factories import decision_record, extract, item, minutes, person, store

pytestmark = pytest.mark.django_db


def panel_minutes(number: str = "CPCC 2018-012") -> dict:
    return extract(
        meetings=[
            minutes(
                body="Police and Crime Panel",
                date="2018-11-14",
                items=[item("11", "Decisions by the Commissioner")],
                decisions=[
                    {"item": "11", "number": number, "text": f"The Panel noted decision {number}."}
                ],
            )
        ]
    )


def the_record() -> dict:
    return extract(
        decision_records=[decision_record("CPCC2018-012", "Upgrade of Road Safety Cameras")]
    )


@pytest.mark.parametrize("run", ["one run", "runs of their own"])
@pytest.mark.parametrize("order", ["minutes first", "record first"])
@pytest.mark.parametrize("cited", ["CPCC 2018-012", "CPCC2018-012", "decision 2018-012"])
def test_decision_cited_in_minutes_is_linked_whichever_arrives_first(order, cited, run):
    papers = [(panel_minutes(cited), "minutes.txt"), (the_record(), "decision.txt")]
    if order == "record first":
        papers.reverse()
    cache = RunCache() if run == "one run" else None
    for data, name in papers:
        store(data, name=name, cache=cache)
    citation = DecisionCitation.objects.get()
    assert citation.decision == Decision.objects.get()
    assert citation.raw_number == cited
    assert citation.item.number == "11"


def test_a_record_met_again_is_the_one_decision_in_a_run_or_a_later_one():
    """A run knows which numbers are stored, to skip looking up new ones: a number it stored
    itself, or an earlier run did, is still found and updated, never stored twice."""
    cache = RunCache()
    store(the_record(), name="decision.txt", cache=cache)
    again = extract(decision_records=[decision_record("CPCC 2018-012", "Road Safety Cameras")])
    store(again, name="decision-republished.txt", cache=cache)
    assert Decision.objects.get().subject == "Road Safety Cameras"
    later = extract(decision_records=[decision_record("CPCC2018-012", "Safety Cameras")])
    store(later, name="decision-later.txt", cache=RunCache())
    assert Decision.objects.get().subject == "Safety Cameras"


def test_a_citation_of_an_unknown_decision_keeps_its_raw_text():
    store(panel_minutes("CPCC 2019-099"))
    citation = DecisionCitation.objects.get()
    assert citation.decision is None
    assert (citation.number_key, citation.year, citation.sequence) == ("CPCC2019-099", 2019, 99)


def test_decision_record_fields_and_exempt_part_kept_apart():
    store(
        extract(
            decision_records=[
                decision_record(
                    "CPCC 2018-014",
                    "Appointment of the Chief Finance Officer",
                    contact_officer="Dorothy Gregson, Chief Executive",
                    background_papers=["BCB 13th September 2018 Agenda Item 7.0"],
                    signed_by="Jason Ablewhite, Cambridgeshire Police and Crime Commissioner",
                    exempt="Salary details withheld.",
                )
            ]
        )
    )
    decision = Decision.objects.get()
    assert (decision.number_key, decision.year, decision.sequence) == ("CPCC2018-014", 2018, 14)
    assert decision.background_papers == ["BCB 13th September 2018 Agenda Item 7.0"]
    assert "Salary" not in decision.decision_text
    assert DecisionExemptPart.objects.get(decision=decision).text == "Salary details withheld."


def test_signed_by_resolves_to_the_commissioner_seen_in_attendance(posts):
    store(
        extract(
            meetings=[
                minutes(
                    date="2018-09-12",
                    present=[person("Jason Ablewhite", "Police and Crime Commissioner")],
                )
            ]
        ),
        name="m.txt",
    )
    store(
        extract(
            decision_records=[
                decision_record(
                    "CPCC 2018-012", signed_by="Police and Crime Commissioner", date="2018-09-12"
                )
            ]
        ),
        name="d.txt",
    )
    assert Decision.objects.get().signed_by.display_name == "Jason Ablewhite"


def test_a_record_without_a_number_is_warned_about():
    result = store(extract(decision_records=[decision_record("", "Untitled")]))
    assert not Decision.objects.exists()
    assert any("without a readable number" in w for w in result.warnings)
