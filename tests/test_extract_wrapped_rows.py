"""Rules for tables whose cells wrapped over several printed lines (browser-printed PDFs)."""

from __future__ import annotations

import re

from minutebook.ingest.cleanup import clean_lines
from minutebook.ingest.readers.pdf_layout import (
    Cell,
    PrintedLine,
    Run,
    layout_text,
    merge_wrapped_rows,
    render_line,
)
from minutebook.ingest.source import SourceLine
from tests.extract_helpers import extract_text

WIDTH = 5.0  # points per character
PITCH = 13.5  # the page's line spacing
ROW_PITCH = 16.5  # a padded table's rows stand further apart


def printed(baseline: float, *cells: tuple[float, str]) -> PrintedLine:
    """A printed line from (left, text) cells, each character WIDTH wide."""
    return PrintedLine(
        [Cell(left, left + WIDTH * len(text), text) for left, text in cells], baseline, 11.0
    )


def prose(top: float, count: int) -> list[PrintedLine]:
    """A paragraph's lines at the page's line spacing."""
    return [
        printed(top - PITCH * i, (0, "The Board noted the report on the budget."))
        for i in range(count)
    ]


def texts(lines: list[PrintedLine]) -> list[str]:
    return [render_line(line, WIDTH, 0).strip() for line in lines]


def test_a_padded_tables_wrapped_cells_join_their_row():
    table = [
        printed(500, (0, "Subject"), (80, "Budget 2024/25")),
        printed(500 - ROW_PITCH, (0, "Contact"), (80, "Ann Price, Chief Finance Officer. Email:")),
        printed(500 - ROW_PITCH - PITCH, (0, "Officer"), (80, "ann.price@example.org")),
        printed(500 - 2 * ROW_PITCH - PITCH, (0, "Background"), (80, "None")),
        printed(500 - 2 * ROW_PITCH - 2 * PITCH, (0, "Papers")),
    ]
    merged = texts(merge_wrapped_rows(prose(700, 4) + table, WIDTH))[4:]
    assert merged == [
        "Subject         Budget 2024/25",
        "Contact Officer   Ann Price, Chief Finance Officer. Email: ann.price@example.org",
        "Background Papers   None",
    ]


def test_a_wrapped_name_joins_its_cell_and_a_new_row_does_not():
    table = [
        printed(500, (0, "Others"), (60, "Jo"), (120, "Police and Crime")),
        printed(500 - PITCH, (0, "Present:"), (60, "Kerr"), (120, "Commissioner")),
        printed(500 - PITCH - ROW_PITCH, (60, "Tom Hale"), (120, "Chief Constable")),
    ]
    merged = texts(merge_wrapped_rows(prose(700, 4) + table, WIDTH))[4:]
    assert merged[0].split("   ") == ["Others Present:", "Jo Kerr", "Police and Crime Commissioner"]
    assert merged[1].split() == ["Tom", "Hale", "Chief", "Constable"]


def test_a_table_whose_rows_keep_the_line_spacing_is_left_as_printed():
    table = [
        printed(500 - PITCH * i, (0, name), (80, role))
        for i, (name, role) in enumerate([("Ann Price", "Chair"), ("Tom Hale", "Member")])
    ]
    lines = prose(700, 4) + table
    assert texts(merge_wrapped_rows(lines, WIDTH)) == texts(lines)


def test_running_text_under_a_row_is_not_a_wrapped_cell():
    lines = [
        *prose(700, 4),
        printed(500, (0, "Date:"), (80, "4 June 2024")),
        printed(500 - PITCH, (0, "The meeting opened with a minute's silence for a colleague.")),
        printed(500 - PITCH - ROW_PITCH, (0, "Time:"), (80, "10:00")),
    ]
    assert texts(merge_wrapped_rows(lines, WIDTH)) == texts(lines)


def test_a_hyphen_that_ends_a_cells_line_is_kept_without_a_space():
    table = [
        printed(500, (0, "1.0"), (80, "On-")),
        printed(500 - PITCH, (80, "going")),
        printed(500 - PITCH - ROW_PITCH, (0, "2.0"), (80, "Closed")),
    ]
    merged = texts(merge_wrapped_rows(prose(700, 4) + table, WIDTH))[4:]
    assert merged[0].split() == ["1.0", "On-going"]


def test_a_numbered_laid_out_line_is_a_row_of_its_own_not_a_wrapped_cell():
    rows = [
        "Item           Title                      Lead        Pages",
        "1.   Welcome and Apologies                Chair",
        "2.   Declarations of Interest             Chair",
    ]
    lines = clean_lines([SourceLine(i + 1, 1, row) for i, row in enumerate(rows)])
    assert [line.cells[0] for line in lines] == ["Item", "1.", "2."]


RECORD = """Police and Crime Commissioner for Wessex Vale
WESSEX VALE POLICE AND CRIME COMMISSIONER DECISION RECORD - WVPCC
2024-007
Subject      Replacement Custody Suite
Decision     To approve the business case for a replacement custody suite.
Decision Summary   The Commissioner has considered the business case.
Financial Implications   Capital of 4.2m from the reserve.
Contact Officer   Ann Price, Chief Finance Officer
Ann Price, Police and Crime Commissioner for Wessex Vale
Signature: (signed)
Date: 12/03/2024
"""


def test_a_decision_number_wrapped_away_from_its_prefix_keeps_the_prefix():
    record = extract_text(RECORD, "record.txt")["decision_records"][0]
    assert record["number"] == "WVPCC 2024-007"


def test_a_row_with_a_label_not_kept_does_not_run_on_into_the_field_above():
    record = extract_text(RECORD, "record.txt")["decision_records"][0]
    assert record["summary"] == "The Commissioner has considered the business case."
    assert record["contact_officer"] == "Ann Price, Chief Finance Officer"


def printed_runs(baseline: float, *cells: tuple[float, ...]) -> PrintedLine:
    """A printed line of cells made of runs: each cell is (left, text, left, text, ...),
    its runs joined by one space."""
    out = []
    for cell in cells:
        runs = [
            Run(text, left, baseline, left + WIDTH * len(text), baseline + 9)
            for left, text in zip(cell[::2], cell[1::2], strict=True)
        ]
        parts = [("" if i == 0 else " ", run) for i, run in enumerate(runs)]
        out.append(Cell(runs[0].left, runs[-1].right, " ".join(r.text for r in runs), parts))
    return PrintedLine(out, baseline, 11.0)


def test_headings_centred_over_their_columns_join_the_table_and_its_only_row_is_folded():
    table = [
        printed(500, (10, "Ref"), (150, "Action"), (330, "Status")),
        printed(500 - ROW_PITCH, (0, "3.0"), (60, "Chief Constable to"), (300, "On-")),
        printed(500 - ROW_PITCH - PITCH, (60, "report on overtime."), (300, "going")),
    ]
    merged = texts(merge_wrapped_rows(prose(700, 4) + table, WIDTH))[4:]
    assert re.split(" {3,}", merged[1]) == [
        "3.0",
        "Chief Constable to report on overtime.",
        "On-going",
    ]


def test_cells_a_narrow_gap_ran_together_are_cut_at_the_tables_columns():
    table = [
        printed_runs(500, (0, "Action"), (100, "Owner"), (200, "Status")),
        printed_runs(500 - ROW_PITCH, (0, "Review the visits"), (100, "Head of"), (200, "Open")),
        # "volunteers" and "Policy" are one cell on this line: the gap between them is narrow
        printed_runs(500 - ROW_PITCH - PITCH, (0, "by volunteers", 100, "Policy")),
    ]
    merged = texts(merge_wrapped_rows(prose(700, 4) + table, WIDTH))[4:]
    assert re.split(" {3,}", merged[1]) == [
        "Review the visits by volunteers",
        "Head of Policy",
        "Open",
    ]


def test_a_paragraphs_space_prints_as_a_blank_line():
    def line(baseline: float, text: str) -> Run:
        return Run(text, 0, baseline - 2, WIDTH * len(text), baseline + 9, baseline=baseline)

    runs = [
        line(700, "AGENDA"),
        line(700 - 2.5 * PITCH, "The Board met on 4 May."),
        line(700 - 3.5 * PITCH, "It noted the report."),
        line(700 - 4.5 * PITCH, "It agreed the budget."),
    ]
    assert layout_text(runs).split("\n") == [
        "AGENDA",
        "",
        "The Board met on 4 May.",
        "It noted the report.",
        "It agreed the budget.",
    ]


def test_a_heading_printed_letter_by_letter_stays_one_line():
    """An apostrophe's box sits above the small letters' boxes, which sit below the capitals'."""

    def letter(left: float, text: str, bottom: float, top: float) -> Run:
        return Run(text, left, bottom, left + 5, top, glued=left > 0, baseline=500)

    runs = [
        letter(0, "V", 500, 509),
        letter(5, "i", 500, 510),
        letter(10, "c", 500, 506),
        letter(15, "'", 505, 509.5),  # the apostrophe: the highest middle of all
        letter(20, "s", 500, 506),
    ]
    assert layout_text(runs) == "Vic's"


def test_a_label_wrapped_with_the_name_beside_it_stays_one_row():
    text = "\n".join(
        [
            "NORTHSHIRE POLICE AND CRIME PANEL",
            "MINUTES OF A MEETING HELD ON 12 OCTOBER 2022 AT 2.00 PM",
            "",
            "Members Present: Councillor Ann Reed (Chair), Councillor Tom Hale",
            "",
            "Others         Gemma           Police and Crime Commissioner, Office of the Police and Crime",
            "Present:       Siddon          Commissioner",
            "               Lorna Dacre     Chief Executive, Office of the Police and Crime Commissioner",
            "",
            "1. Apologies for Absence",
            "There were no apologies.",
        ]
    )
    meeting = extract_text(text)["meetings"][0]
    assert [p["name"] for p in meeting["in_attendance"]] == ["Gemma Siddon", "Lorna Dacre"]
    assert "Siddon" not in [p["name"] for p in meeting["present"]]


HEADING = " Ref    Raised      Item   Action                         Owner            Status"
# What stands above the action log on its first page (so its heading is not a running head).
LEAD_IN = [
    " 4. Action Log",
    " 4.1    The Board reviewed the action log.",
    " 4.2    Members noted the progress made.",
]
ROW_4 = " 4.0    8 March     5.2    Chief Executive to write.      Chief Executive  Closed"
ROW_5 = " 5.0    8 March     6.1    Chief Executive to report.     Chief Executive  Closed"
ROW_7 = " 7.0    8 March     8.3    Chief Constable to report.     Chief Constable  Open"


def paged(*pages: list[str]) -> list[SourceLine]:
    lines, number = [], 0
    for page, rows in enumerate(pages, start=1):
        for row in rows:
            number += 1
            lines.append(SourceLine(number, page, row))
    return lines


def table_rows(lines) -> list[list[str]]:
    return [line.cells for line in lines if line.cells and len(line.cells) > 2]


def test_a_row_cut_by_its_headings_repeated_on_the_next_page_is_whole_again():
    first_page = [
        *LEAD_IN,
        HEADING,
        ROW_4,
        ROW_5,
        " 6.0    8 March     7.3    Deputy Chief Constable to      Deputy Chief     Closed",
    ]
    next_page = [
        HEADING,
        "                           provide a breakdown of the     Constable",
        "                           forensic service.",
        ROW_7,
    ]
    rows = table_rows(clean_lines(paged(first_page, next_page)))
    assert rows[3] == [
        "6.0",
        "8 March",
        "7.3",
        "Deputy Chief Constable to provide a breakdown of the forensic service.",
        "Deputy Chief Constable",
        "Closed",
    ]
    assert [row[0] for row in rows] == ["Ref", "4.0", "5.0", "6.0", "7.0"]


def test_headings_repeated_over_a_row_of_their_own_stay():
    first_page = [
        *LEAD_IN,
        HEADING,
        ROW_4,
        ROW_5,
        " 6.0    8 March     7.3    Deputy Chief Constable.        Deputy Chief     Closed",
    ]
    rows = table_rows(clean_lines(paged(first_page, [HEADING, ROW_7])))
    assert [row[0] for row in rows] == ["Ref", "4.0", "5.0", "6.0", "Ref", "7.0"]


def test_a_table_heading_near_the_foot_of_a_page_and_repeated_is_no_running_head():
    """Running heads are found as lines repeated at the edges of pages; a short table at the
    foot of one page, its heading repeated over the next, has its heading at both edges."""
    first_page = [*LEAD_IN, HEADING, ROW_4, ROW_5]
    next_page = [HEADING, ROW_7, " 5.    Any Other Business", " 5.1    There was none."]
    rows = table_rows(clean_lines(paged(first_page, next_page)))
    assert [row[0] for row in rows] == ["Ref", "4.0", "5.0", "Ref", "7.0"]
