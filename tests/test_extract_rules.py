"""The small rules the parser is built from, one table per rule."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.ingest import action_log
from minutebook.ingest.cleanup import clean_lines
from minutebook.ingest.dates import find_dates, find_times
from minutebook.ingest.names import names_in_list, parse_person
from minutebook.ingest.patterns import decision_numbers
from minutebook.ingest.source import SourceLine
from tests.extract_helpers import extract_text, only_meeting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12th October 2021", dt.date(2021, 10, 12)),
        ("WEDNESDAY 14 NOVEMBER 2018, 2.00 PM", dt.date(2018, 11, 14)),
        ("the 30^h July 2015", dt.date(2015, 7, 30)),
        ("on the 3pt May 2019", dt.date(2019, 5, 3)),
        ("21 st September 2018", dt.date(2018, 9, 21)),
        ("signed 21/9/2018", dt.date(2018, 9, 21)),
        ("Friday, 5 February 2021", dt.date(2021, 2, 5)),
        ("September 5, 2020", dt.date(2020, 9, 5)),
        ("2023-03-14", dt.date(2023, 3, 14)),
    ],
)
def test_dates_as_minutes_print_them(text, expected):
    assert find_dates(text)[0][1] == expected


@pytest.mark.parametrize(
    "text", ["2019/20 to 2022/23", "paragraph 5.4", "31 February 2020", "item 14 of 2018"]
)
def test_things_that_are_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Time: 11:45", ["11:45"]),
        ("13.15", ["13:15"]),
        ("10:00 hours", ["10:00"]),
        ("2.00 PM", ["14:00"]),
        ("began at 2:00pm and ended at 4:15pm", ["14:00", "16:15"]),
        ("12 noon", ["12:00"]),
        ("item 5.4 and 101 calls", []),
    ],
)
def test_times(text, expected):
    assert find_times(text) == expected


@pytest.mark.parametrize(
    ("row", "name", "role", "organisation", "note"),
    [
        (
            "Nick Dean Chief Constable, Wessex Constabulary",
            "Nick Dean",
            "Chief Constable",
            "Wessex Constabulary",
            None,
        ),
        (
            "Dr Dorothy Grey Chief Executive, Office of the Police and Crime Commissioner",
            "Dr Dorothy Grey",
            "Chief Executive",
            "Office of the Police and Crime Commissioner",
            None,
        ),
        (
            "Louisa Barr Staff Officer, Wessex Constabulary (Observer)",
            "Louisa Barr",
            "Staff Officer",
            "Wessex Constabulary",
            "Observer",
        ),
        (
            "Sir Graham Bell\tPolice and Crime Commissioner",
            "Sir Graham Bell",
            "Police and Crime Commissioner",
            None,
            None,
        ),
        (
            "Mark Hope\tT/Deputy Chief Constable",
            "Mark Hope",
            "T/Deputy Chief Constable",
            None,
            None,
        ),
        ("Councillor J Smith (Chair)", "J Smith", "Chair", None, None),
        (
            "Fiona McMillan Monitoring Officer, Kingsford City Council",
            "Fiona McMillan",
            "Monitoring Officer",
            "Kingsford City Council",
            None,
        ),
        ("Howard Thorne", "Howard Thorne", None, None, None),
    ],
)
def test_attendance_row_splits_name_role_and_note(row, name, role, organisation, note):
    person = parse_person(row)
    assert (person.name, person.role, person.organisation, person.note) == (
        name,
        role,
        organisation,
        note,
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Councillors Oliver, Cuffley, Daunton and Claire George",
            ["Oliver", "Cuffley", "Daunton", "Claire George"],
        ),
        ("Jane Gyford, Deputy Chief Constable, Wessex Constabulary", ["Jane Gyford"]),
        (
            "Dora Green, Chief Executive OPCC and Nancy Lever, Strategic Accountant OPCC",
            ["Dora Green", "Nancy Lever"],
        ),
        (
            "Edward Lee (Chairperson), Councillors N Massey, J Palmer (left at 3:50pm) and M Shell",
            ["Edward Lee", "N Massey", "J Palmer", "M Shell"],
        ),
        (
            ", Andy Webb Temporary Assistant Chief Constable, Wessex Constabulary, Cristina Stone Head of Policy",
            ["Andy Webb", "Cristina Stone"],
        ),
    ],
)
def test_names_in_a_running_list(text, names):
    assert [p.name for p in names_in_list(text)] == names


def test_a_note_in_brackets_stays_with_its_person():
    people = names_in_list("J Palmer (left at 3:50pm), A Ali (left at 3pm)")
    assert [(p.name, p.note) for p in people] == [
        ("J Palmer", "left at 3:50pm"),
        ("A Ali", "left at 3pm"),
    ]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Decision CPCC 2019-008 was signed", ["CPCC 2019-008"]),
        ("see CPCC2019-008 and CPCC 2019-009", ["CPCC2019-008", "CPCC 2019-009"]),
        ("Decision Notice 2017-001: appointment", ["2017-001"]),
        ("the MTFS 2019/20 to 2022/23", []),
        ("budget 2015/16 and 2016/17", []),
    ],
)
def test_decision_numbers_cited_in_text(text, numbers):
    assert decision_numbers(text) == numbers


@pytest.mark.parametrize(
    ("text", "ref", "item", "date", "status"),
    [
        (
            "Action 3.0 - Agenda Item 10.6, 28th February 2019 Board meeting - CC to report on X. "
            "Update: Report due in May. Action: On-going.",
            "3.0",
            "10.6",
            "2019-02-28",
            "on-going",
        ),
        (
            "Action 4 - Agenda Item 7, 1 March 2020 meeting - Review Y. Update: Done. Action: Closed.",
            "4",
            "7",
            "2020-03-01",
            "closed",
        ),
        (
            "Action 5.0 - Agenda Item 3, 2 April 2021 - Circulate Z.",
            "5.0",
            "3",
            "2021-04-02",
            "open",
        ),
    ],
)
def test_action_log_entries(text, ref, item, date, status):
    entry = action_log.log_entry(text, {"first_line": 1, "last_line": 1})
    assert (entry["ref"], entry["item"], entry["meeting_date"], entry["status"]) == (
        ref,
        item,
        date,
        status,
    )


@pytest.mark.parametrize(
    ("text", "task", "owner", "due"),
    [
        (
            "Action: OPCC / Constabulary to explore options",
            "OPCC / Constabulary to explore options",
            "OPCC / Constabulary",
            None,
        ),
        (
            "Action: Head of Business Development to bring a paper to the next Board",
            "Head of Business Development to bring a paper to the next Board",
            "Head of Business Development",
            "next Board",
        ),
        (
            "ACTION - Chief Constable to report back by the July 2019 Board",
            "Chief Constable to report back by the July 2019 Board",
            "Chief Constable",
            "July 2019 Board",
        ),
        ("Action: On-going.", None, None, None),
        ("Action: Closed", None, None, None),
    ],
)
def test_new_actions(text, task, owner, due):
    assert action_log.new_action_text(text) == task
    if task:
        action = action_log.new_action(task, "5", {}, set())
        assert (action["owner"], action["due"]) == (owner, due)


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("**1. Welcome and Apologies**", "1. Welcome and Apologies"),
        ("## **8. Monitoring the Plan**", "8. Monitoring the Plan"),
        ("the report ofthe Board", "the report of the Board"),
        ("[Rules of Procedure](#)", "Rules of Procedure"),
        ("14<sup>th</sup> November 2018", "14th November 2018"),
    ],
)
def test_converter_noise_is_removed(raw, cleaned):
    assert clean_lines([SourceLine(1, None, raw)])[0].text == cleaned


def test_blank_page_notice_becomes_a_break():
    lines = clean_lines([SourceLine(1, None, "This page is intentionally left blank")])
    assert lines[0].is_break


def test_running_footer_and_page_numbers_are_dropped_from_pdf_text():
    pages = []
    for page in (1, 2, 3):
        pages += [
            SourceLine(len(pages) + 1, page, "Wessex PCC - Board - 1 May 2024"),
            SourceLine(len(pages) + 2, page, f"{page}.1 Body text of page {page}."),
            SourceLine(len(pages) + 3, page, f"Page {page} of 3"),
        ]
    texts = [line.text for line in clean_lines(pages)]
    assert texts == [
        "1.1 Body text of page 1.",
        "2.1 Body text of page 2.",
        "3.1 Body text of page 3.",
    ]


def test_paragraph_number_alone_on_a_line_joins_its_text():
    lines = clean_lines(
        [SourceLine(1, None, "5.1"), SourceLine(2, None, "The Board noted the report.")]
    )
    assert lines[0].text == "5.1 The Board noted the report."
    assert (lines[0].first, lines[0].last) == (1, 2)


def test_one_word_per_line_is_rejoined():
    words = ["The", "Board", "noted", "the", "report"]
    lines = clean_lines([SourceLine(i + 1, None, w) for i, w in enumerate(words)])
    assert lines[0].text == "The Board noted the report"


MINUTES = """WESSEX VALE BUSINESS CO-ORDINATION BOARD
APPROVED MINUTES
Date: 4th June 2024 Time: 10:00
Location: Room 2, Headquarters
Members: Ann Price Police and Crime Commissioner
 Tom Hale Chief Constable, Wessex Vale Constabulary
In Attendance: Sue Marsh Business Support Officer, Office of the Police and
Crime Commissioner
1. Welcome and Apologies
1.1 Apologies were received from Jo Kerr, Deputy Chief Constable.
2. Declarations of Interest
2.1 There were no declarations of interest.
3. Minutes of the meeting held on 2nd April 2024
3.1 The minutes were approved as a true record.
4. Action Log
Action 7.0 - Agenda Item 6.2, 2nd April 2024 Board meeting - Chief Constable to report on
call handling. Update: Report at item 5. Action: Closed.
5. Call Handling Report
5.1 The Chief Constable presented the report. The Board noted the report.
Action: Chief Constable to provide monthly figures to the September 2024 Board.
5.2 The Commissioner signed Decision Notice WVPCC 2024-011.
6. Date of next meeting
6.1 The next meeting will be held on 3rd September 2024 at 10:00.
"""


def test_minutes_in_full():
    meeting = only_meeting(MINUTES)
    assert meeting["body"] == "Wessex Vale Business Co-ordination Board"
    assert (meeting["date"], meeting["start_time"], meeting["status"]) == (
        "2024-06-04",
        "10:00",
        "approved",
    )
    assert meeting["location"] == "Room 2, Headquarters"
    assert [p["name"] for p in meeting["present"]] == ["Ann Price", "Tom Hale"]
    assert [p["name"] for p in meeting["in_attendance"]] == ["Sue Marsh"]
    assert (
        meeting["in_attendance"][0]["organisation"] == "Office of the Police and Crime Commissioner"
    )
    assert [p["name"] for p in meeting["apologies"]] == ["Jo Kerr"]
    assert meeting["declarations"] == []
    assert meeting["previous_minutes_approved"] == ["2024-04-02"]
    assert [i["number"] for i in meeting["items"]] == ["1", "2", "3", "4", "5", "6"]
    assert meeting["items"][4]["outcome"] == "noted"
    [logged] = meeting["action_log"]
    assert (logged["ref"], logged["item"], logged["meeting_date"], logged["status"]) == (
        "7.0",
        "6.2",
        "2024-04-02",
        "closed",
    )
    [action] = meeting["actions"]
    assert (action["item"], action["owner"], action["due"]) == (
        "5.1",
        "Chief Constable",
        "September 2024 Board",
    )
    assert [d["number"] for d in meeting["decisions"]] == ["WVPCC 2024-011"]
    assert meeting["next_meeting"] == {"date": "2024-09-03", "time": "10:00", "location": None}


def test_each_person_and_citation_points_at_its_own_lines():
    meeting = only_meeting(MINUTES)

    def lines(fact: dict) -> tuple[int, int]:
        return fact["span"]["first_line"], fact["span"]["last_line"]

    assert [lines(p) for p in meeting["present"]] == [(5, 5), (6, 6)]
    assert [lines(p) for p in meeting["in_attendance"]] == [(7, 8)]  # the role wraps
    assert [lines(p) for p in meeting["apologies"]] == [(10, 10)]  # said in an item
    assert lines(meeting["decisions"][0]) == (21, 21)
    assert meeting["previous_minutes_span"] == {"first_line": 13, "last_line": 14}


def test_people_in_a_running_list_share_the_lists_lines():
    meeting = only_meeting(
        "FINANCE SUB-GROUP\nMINUTES\nDate: 4th June 2024\n"
        "Present: Councillors Ann Price, Tom Hale,\nJo Kerr and Sam Lowe\n"
        "Apologies: Councillor Ben Ash\n1. Welcome\n1.1 The Chair welcomed members.\n"
    )
    assert [p["name"] for p in meeting["present"]][-1] == "Sam Lowe"
    assert {(p["span"]["first_line"], p["span"]["last_line"]) for p in meeting["present"]} == {
        (4, 5)
    }
    assert meeting["apologies"][0]["span"] == {"first_line": 6, "last_line": 6}


def test_untrusted_markup_in_text_is_kept_as_text():
    meeting = only_meeting(
        MINUTES.replace("Call Handling Report", "Call Handling <script>alert(1)</script> Report")
    )
    assert "alert(1)" in meeting["items"][4]["title"]


@pytest.mark.parametrize(
    ("header", "organisation", "body"),
    [
        (
            "Police and Crime Commissioner for Wessex\nFINANCE SUB-GROUP\nAPPROVED MINUTES",
            "Police and Crime Commissioner for Wessex",
            "Finance Sub-Group",
        ),
        (
            "Southfield Police and Crime Commissioner Joint Audit Committee\nMinutes of the meeting",
            "Southfield Police and Crime Commissioner",
            "Joint Audit Committee",
        ),
        ("BUSINESS CO-ORDINATION BOARD\nAPPROVED MINUTES", None, "Business Co-ordination Board"),
    ],
)
def test_letterhead_names_the_organisation_apart_from_the_body(header, organisation, body):
    text = (
        header
        + "\nDate: 4 June 2024\nPresent: Ann Price, Tom Hale and Jo Kerr\n1. Welcome\nThe Chair welcomed all.\n"
    )
    meeting = only_meeting(text)
    assert (meeting["organisation"], meeting["body"]) == (organisation, body)


@pytest.mark.parametrize(
    ("header", "organisation", "body"),
    [
        (
            "Office of the Police and Crime Commissioner for Marchmoor\nBUSINESS CO-ORDINATION BOARD",
            "Office of the Police and Crime Commissioner for Marchmoor",
            "Business Co-ordination Board",
        ),
        (
            "Southfield Police and Crime Commissioner Joint Audit Committee",
            "Southfield Police and Crime Commissioner",
            "Joint Audit Committee",
        ),
        ("ESTATES SUB-GROUP", None, "Estates Sub-Group"),
    ],
)
def test_agenda_letterhead_names_the_organisation_apart_from_the_body(header, organisation, body):
    text = header + "\nAGENDA\nDate: 12 March 2024\n1. Apologies for absence\n2. Finance report\n"
    agendas = extract_text(text, "agenda.txt")["agendas"]
    assert [(a["organisation"], a["body"]) for a in agendas] == [(organisation, body)]
