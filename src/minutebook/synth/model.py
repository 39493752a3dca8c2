"""What happened at the meetings: the facts the documents print.

The simulation fills these in; the composers lay them out; the gold files
state them. Printed forms that later papers repeat (an action's text and
reference, a decision's number) are fixed here, once, so every paper that
mentions them agrees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from minutebook.synth.styles import Style
from minutebook.synth.topics import Topic
from minutebook.synth.world import Body, Person


@dataclass
class Attendee:
    person: Person
    post: str  # post key: the role held on the day
    group: str  # "member", "officer" or "other"
    note: str | None = None  # "left at 3.10pm", "for item 6"
    substitute_for: Person | None = None


@dataclass
class Action:
    ref: str  # as printed: "3.0", "FSG/24/03", "A12"
    body: str
    raised_at: date
    item_ref: str  # "10.6" under decimal numbering, else the item number
    text: str  # as printed when raised
    owner: str  # as printed
    owner_post: str
    due: str | None  # "July 2024 Board"
    due_date: date | None
    reviews: int  # reviews before it is closed
    report_back: bool = False
    aspect: str = ""
    closed_at: date | None = None


@dataclass
class LogEntry:
    action: Action
    update: str
    status: str  # contract value: "open", "on-going" or "closed"
    printed_status: str  # as printed: "On-going", "Complete", ...


@dataclass
class Decision:
    number: str  # "WVPCC 2024-008"
    signed: date
    subject: str
    decision: str
    summary: list[str]
    contact_post: str
    contact: Person
    signed_by: Person
    background: list[str]
    exempt: str | None = None  # the exempt part, if any
    source: str | None = None  # "bcb 2024-03-12 item 7"


@dataclass
class Recommendation:
    item: str
    to: str
    text: str  # as printed after "RECOMMENDED that"


@dataclass
class Declaration:
    person: Person
    printed_name: str
    item: str | None
    text: str  # the declaration as printed, without the name


@dataclass
class Paragraph:
    text: str
    action: Action | None = None  # an action recorded under this paragraph
    lettered: bool = False  # a Q&A point, lettered a), b) in council style
    outcome: bool = False


@dataclass
class Item:
    number: int
    kind: str  # welcome, declarations, minutes, log, report, update, decisions, aob, next, ...
    title: str
    topic: Topic | None = None
    presenter: str | None = None  # post key
    paper: bool = False  # a paper in the pack
    exempt: str | None = None  # "paragraph 3"
    outcome: str | None = None  # noted, approved, agreed, resolved, deferred
    paragraphs: list[Paragraph] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    decisions_cited: list[Decision] = field(default_factory=list)
    decision: Decision | None = None  # taken after the meeting on this item
    aspect: str = ""  # for a report back: what the action asked about
    answers_action: str = ""  # for a report back: the action's reference


@dataclass
class Meeting:
    body: Body
    index: int  # position among the body's meetings inside the period
    date: date
    style: Style
    start: int = 0  # minutes after midnight
    end: int = 0
    location: str = ""
    members: list[Attendee] = field(default_factory=list)
    officers: list[Attendee] = field(default_factory=list)
    others: list[Attendee] = field(default_factory=list)
    apologies: list[Attendee] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    approves: list[date] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    action_log: list[LogEntry] = field(default_factory=list)
    next_date: date | None = None
    next_location: str = ""
    forward_plan: list[tuple[date, list[tuple[str, str, str]]]] = field(default_factory=list)
    pack_decisions: list[Decision] = field(default_factory=list)
    minutes_approved: bool = False  # set when a later meeting approves them

    @property
    def key(self) -> str:
        return f"{self.body.key}-{self.date.isoformat()}"

    @property
    def new_actions(self) -> list[Action]:
        return [a for item in self.items for a in item.actions]

    @property
    def substitutes(self) -> list[Attendee]:
        return [a for a in self.members if a.substitute_for is not None]


@dataclass
class Record:
    """Everything the simulation produced, in date order."""

    meetings: dict[str, list[Meeting]]  # body key -> meetings in date order
    decisions: list[Decision]  # in number order
