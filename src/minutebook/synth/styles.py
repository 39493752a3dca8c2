"""House styles: how each body's secretariat writes its papers.

Real bodies differ in small ways that break naive parsers: "Present:" or
"Members:", apologies in a header row or in a sentence, "RESOLVED that" or
"The Board noted", decimal paragraphs or lettered ones, actions referenced
"3.0" or "FSG/24/03". Each body gets a base style for its kind, perturbed by
the seed, and may change style part-way through (a new minute-taker), so a
parser cannot overfit one layout.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Style:
    """Every printing convention the composers consult."""

    body_name: str  # the body as printed in headings
    noun: str  # "Board", "Panel", "Group", "Committee"
    date: str  # header date style (see schedule.format_date)
    text_date: str  # dates inside sentences
    time: str  # see schedule.format_time
    header: str  # "fields" (Date:/Time:/Location: rows) or "sentence"
    status_banner: bool  # print "APPROVED MINUTES" / "DRAFT MINUTES"
    members_label: str
    officers_label: str
    others_label: str | None  # a separate "Others Present:" group, or None
    attendance_layout: str  # "table" (name and role rows) or "list" (one sentence)
    apologies: str  # "row", "sentence" or "para"
    outcome: str  # "noted", "resolved", "agreed" or "roman"
    numbering: str  # "decimal" (5.1), "plain" or "lettered" (a), b))
    refer: str  # how speakers are named in prose: "role", "initials" or "name"
    log: str  # action log as "paragraph" entries or a "table"
    action_ref: str  # "dotzero" (3.0), "coded" (FSG/24/03) or "letter" (A12)
    action_layout: str  # new actions as "line" ("Action: ...") or a summary "table"
    close_line: bool  # print "The meeting closed at ..."
    welcome_title: str
    declarations_title: str
    minutes_title: str  # with {dates}
    log_title: str
    aob_title: str
    next_title: str
    decisions_title: str
    ongoing_word: str  # printed status of an open action
    closed_word: str
    councillor_names: str  # "full" (Councillor Dawn Hale) or "initial" (D Hale)
    show_initials: bool  # "Niki Hale (NH)" in the attendance list
    roles_in_list: bool  # print roles beside names in attendance


def _base(kind: str, area: str) -> Style:
    common = dict(
        status_banner=True,
        others_label=None,
        attendance_layout="table",
        close_line=False,
        welcome_title="Welcome and Apologies",
        declarations_title="Declarations of Interest",
        minutes_title="Minutes of the Meeting held on {dates}",
        log_title="Action Log",
        aob_title="Any Other Business",
        next_title="Date of Next Meeting",
        decisions_title="Decisions of the Commissioner",
        ongoing_word="On-going",
        closed_word="Closed",
        councillor_names="full",
        show_initials=False,
        roles_in_list=True,
        action_layout="line",
    )
    if kind == "bcb":
        return Style(
            body_name="Business Co-ordination Board",
            noun="Board",
            date="ordinal",
            text_date="ordinal",
            time="24h",
            header="fields",
            members_label="Members:",
            officers_label="In Attendance:",
            apologies="para",
            outcome="noted",
            numbering="decimal",
            refer="role",
            log="paragraph",
            action_ref="dotzero",
            **{
                **common,
                "minutes_title": "To approve the minutes of the meeting held on the {dates}",
                "log_title": "Business Co-ordination Board Action Log",
                "decisions_title": "Commissioner's Decisions and Forward Plan",
            },
        )
    if kind == "fsg":
        return Style(
            body_name="Finance Sub-Group",
            noun="Group",
            date="ordinal",
            text_date="ordinal",
            time="hours",
            header="fields",
            members_label="Members:",
            officers_label="In Attendance:",
            apologies="para",
            outcome="roman",
            numbering="plain",
            refer="initials",
            log="table",
            action_ref="coded",
            **{
                **common,
                "show_initials": True,
                "ongoing_word": "Open",
                "closed_word": "Complete",
                "log_title": "Actions Arising",
            },
        )
    if kind == "esg":
        return Style(
            body_name="Estates Sub-Group",
            noun="Group",
            date="plain",
            text_date="plain",
            time="dot_am",
            header="fields",
            members_label="Present:",
            officers_label="Also Present:",
            apologies="row",
            outcome="agreed",
            numbering="decimal",
            refer="name",
            log="table",
            action_ref="letter",
            **{
                **common,
                "welcome_title": "Welcome, Introductions and Apologies",
                "aob_title": "AOB",
            },
        )
    if kind == "pcp":
        return Style(
            body_name=f"{area} Police and Crime Panel",
            noun="Panel",
            date="upper",
            text_date="plain",
            time="space_pm",
            header="sentence",
            members_label="Members Present:",
            officers_label="Officers Present:",
            apologies="sentence",
            outcome="agreed",
            numbering="lettered",
            refer="role",
            log="table",
            action_ref="letter",
            **{
                **common,
                "others_label": "Others Present:",
                "attendance_layout": "list",
                "status_banner": False,
                "welcome_title": "Apologies for Absence",
                "log_title": "Action and Recommendation Tracker",
                "decisions_title": "Decisions by the Police and Crime Commissioner",
                "ongoing_word": "Open",
                "councillor_names": "initial",
                "roles_in_list": False,
                "action_layout": "table",
                "next_title": "Date of Next Meeting",
            },
        )
    return Style(  # jac
        body_name="Joint Audit Committee",
        noun="Committee",
        date="weekday",
        text_date="plain",
        time="dot_am",
        header="fields",
        members_label="Present:",
        officers_label="In Attendance:",
        apologies="sentence",
        outcome="resolved",
        numbering="decimal",
        refer="name",
        log="table",
        action_ref="dotzero",
        **{
            **common,
            "close_line": True,
            "welcome_title": "Apologies for Absence",
            "log_title": "Matters Arising and Action Log",
        },
    )


_VARIANTS: dict[str, tuple[str, ...]] = {
    "date": ("ordinal", "plain", "weekday", "weekday_ordinal"),
    "time": ("24h", "dot_am", "space_pm", "hours", "colon_am"),
    "members_label": ("Members:", "Present:", "Members Present:"),
    "officers_label": (
        "In Attendance:",
        "Officers Present:",
        "Also Present:",
        "Officers in Attendance:",
    ),
    "apologies": ("row", "sentence", "para"),
    "log": ("paragraph", "table"),
    "aob_title": ("Any Other Business", "AOB"),
    "ongoing_word": ("On-going", "Ongoing", "Open"),
    "closed_word": ("Closed", "Complete", "Completed"),
}

_BCB_NAMES = (
    "Business Co-ordination Board",
    "Business Coordination Board",
    "Business Co-Ordination Board",
)


def base_style(kind: str, area: str, rng: random.Random) -> Style:
    """The body's first style: its kind's house style with a few seeded changes."""
    style = _base(kind, area)
    if kind == "bcb":
        name = rng.choice(_BCB_NAMES)
        style = replace(style, body_name=name, log_title=f"{name} Action Log")
    for field in sorted(_VARIANTS):
        if rng.random() < 0.3:
            style = replace(style, **{field: rng.choice(_VARIANTS[field])})
    if style.attendance_layout == "list" and style.apologies == "row":
        style = replace(style, apologies="sentence")
    return style


def successor_style(style: Style, rng: random.Random) -> Style:
    """A new minute-taker's take on the same template: two or three things change."""
    fields = sorted(_VARIANTS)
    rng.shuffle(fields)
    for field in fields[: rng.randint(2, 3)]:
        options = [v for v in _VARIANTS[field] if v != getattr(style, field)]
        style = replace(style, **{field: rng.choice(options)})
    if style.attendance_layout == "list" and style.apologies == "row":
        style = replace(style, apologies="sentence")
    return style
