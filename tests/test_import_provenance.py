"""Every stored fact points at its evidence: document version, page, lines, raw text."""

from __future__ import annotations

import pytest
from django.apps import apps

from minutebook.core.models import Fact
from minutebook.documents.models import Provenance
from minutebook.meetings.models import AgendaItem, Meeting
from tests.factories import (
    agenda,
    decision_record,
    extract,
    item,
    log_entry,
    minutes,
    new_action,
    person,
    read_document,
    store,
)

pytestmark = pytest.mark.django_db


def everything() -> dict:
    return extract(
        meetings=[
            minutes(
                date="2019-05-30",
                present=[person("Niki Howard", "Director of Finance")],
                apologies=[person("Jane Gyford")],
                substitutes=[{"name": "Jon Lee", "for": "Jane Gyford"}],
                declarations=[{"name": "Niki Howard", "item": "2", "text": "a personal interest"}],
                previous_minutes_approved=["2019-02-28"],
                items=[
                    item(
                        "2",
                        "Finance",
                        "noted",
                        paragraphs=[
                            {
                                "number": "2.1",
                                "text": "The Board noted.",
                                "span": {"first_line": 12, "last_line": 13},
                            }
                        ],
                    )
                ],
                actions=[new_action("NH to report", item="2", owner="NH")],
                action_log=[
                    log_entry("3.0", "10.6", "2019-02-28", "Yaxley", "On-going", "on-going")
                ],
                recommendations=[
                    {"item": "2", "to": "the Commissioner", "text": "Publish the plan"}
                ],
                decisions=[{"item": "2", "number": "CPCC 2019-008", "text": "Noted"}],
                span={"first_line": 1, "last_line": 30},
            )
        ],
        agendas=[
            agenda(
                date="2019-07-25",
                items=[item("1", "Welcome")],
                span={"first_line": 31, "last_line": 35},
            )
        ],
        decision_records=[
            decision_record("CPCC 2019-008", span={"first_line": 36, "last_line": 40})
        ],
    )


def test_every_stored_fact_has_provenance():
    store(everything())
    facts = [m for m in apps.get_models() if issubclass(m, Fact)]
    unsourced = {
        m.__name__: list(m.objects.filter(provenance__isnull=True).values_list("pk", flat=True))
        for m in facts
    }
    assert {name: pks for name, pks in unsourced.items() if pks} == {}
    stored = {m.__name__ for m in facts if m.objects.exists()}
    assert stored >= {
        "Meeting",
        "AgendaItem",
        "MinuteParagraph",
        "Attendance",
        "Declaration",
        "MinutesApproval",
        "Action",
        "ActionUpdate",
        "Recommendation",
        "DecisionCitation",
        "Decision",
    }


def test_provenance_gives_the_page_of_the_line_in_a_paged_document():
    pages = ["BUSINESS COORDINATION BOARD\nMinutes", "2. Finance\nThe Board noted the report."]
    store(
        extract(
            meetings=[
                minutes(
                    items=[item("2", "Finance", span={"first_line": 3, "last_line": 4})],
                    span={"first_line": 1, "last_line": 4},
                )
            ]
        ),
        pages=pages,
    )
    evidence = AgendaItem.objects.get().provenance.get()
    assert (evidence.page, evidence.first_line, evidence.last_line) == (2, 3, 4)
    assert evidence.raw_text == "2. Finance\nThe Board noted the report."
    assert evidence.document.page_count == 2


def test_a_fact_without_its_own_span_takes_its_meetings_span():
    store(
        extract(
            meetings=[minutes(items=[item("1", "Welcome")], span={"first_line": 2, "last_line": 5})]
        ),
        text="a\nb\nc\nd\ne\nf",
    )
    evidence = AgendaItem.objects.get().provenance.get()
    assert (evidence.first_line, evidence.last_line, evidence.page) == (2, 5, None)
    assert evidence.raw_text == "b\nc\nd\ne"


def test_attendance_approvals_and_citations_cite_their_own_lines():
    """The evidence of a person's attendance is their row of the list, not the minutes."""
    text = "\n".join(f"line {n}" for n in range(1, 31))
    store(
        extract(
            meetings=[
                minutes(
                    present=[
                        {**person("Niki Howard", "Director of Finance"), "span": _lines(4, 5)}
                    ],
                    previous_minutes_approved=["2019-01-31"],
                    previous_minutes_span=_lines(9, 10),
                    decisions=[
                        {"item": None, "number": "CPCC 2019-008", "text": "x", "span": _lines(20)}
                    ],
                    span=_lines(1, 30),
                )
            ]
        ),
        text=text,
    )
    evidence = {
        row.content_type.model: (row.first_line, row.last_line, row.raw_text)
        for row in Provenance.objects.select_related("content_type")
    }
    assert evidence["attendance"] == (4, 5, "line 4\nline 5")
    assert evidence["membership"] == (4, 5, "line 4\nline 5")
    assert evidence["minutesapproval"] == (9, 10, "line 9\nline 10")
    assert evidence["decisioncitation"] == (20, 20, "line 20")
    assert evidence["meeting"][:2] == (1, 30)


def _lines(first: int, last: int | None = None) -> dict[str, int]:
    return {"first_line": first, "last_line": first if last is None else last}


def test_parser_confidence_is_kept():
    store(extract(meetings=[minutes(items=[item("1", "Welcome", confidence=0.62)])]))
    assert AgendaItem.objects.get().provenance.get().confidence == pytest.approx(0.62)


def test_the_document_keeps_its_text_and_digest():
    read = read_document("m.txt", "one\ntwo")
    from minutebook.importer.store import store_extract

    stored = store_extract(read, extract(meetings=[minutes()]))
    assert stored.document.text == "one\ntwo"
    assert stored.document.sha256 == read.sha256
    assert stored.document.line_text(2, 2) == "two"
    assert Provenance.objects.get().fact == Meeting.objects.get()
