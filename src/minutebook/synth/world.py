"""The fictional world: an area, its force, the Commissioner's office, people
holding posts over time, and the bodies that meet.

Everything downstream (meetings, documents, gold) reads from this model, so
the same person is the same person in every paper, and "the Chief Constable"
in year one and year four can be different people, as in real records.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from minutebook.synth import names
from minutebook.synth.schedule import meeting_day, nth_weekday
from minutebook.synth.styles import Style, base_style, successor_style

#: Bodies in the order `--bodies N` takes them.
BODY_ORDER = ("bcb", "pcp", "fsg", "jac", "esg")
BODY_NAMES = {
    "bcb": "Business Co-ordination Board",
    "pcp": "Police and Crime Panel",
    "fsg": "Finance Sub-Group",
    "jac": "Joint Audit Committee",
    "esg": "Estates Sub-Group",
}


@dataclass(frozen=True)
class Person:
    key: str
    first: str
    last: str
    honorific: str = ""  # "Dr", occasionally
    councillor: bool = False

    @property
    def name(self) -> str:
        plain = f"{self.first} {self.last}"
        return f"{self.honorific} {plain}" if self.honorific else plain

    @property
    def short(self) -> str:
        """Initial and surname, as council minutes print members: "D Hale"."""
        return f"{self.first[0]} {self.last}"

    @property
    def initials(self) -> str:
        return self.first[0] + self.last[0]


@dataclass
class Holding:
    person: Person
    start: date
    end: date | None = None


@dataclass
class Post:
    """An office held by one person at a time."""

    key: str
    title: str
    short: str  # "CC", "PCC CFO", used in prose
    org: str
    holdings: list[Holding] = field(default_factory=list)

    def holder(self, when: date) -> Person:
        for holding in reversed(self.holdings):
            if holding.start <= when and (holding.end is None or when < holding.end):
                return holding.person
        return self.holdings[0].person

    def started(self, when: date) -> date:
        for holding in reversed(self.holdings):
            if holding.start <= when:
                return holding.start
        return self.holdings[0].start


@dataclass
class Body:
    key: str
    kind: str
    members: list[str]  # post keys of members
    officers: list[str]  # post keys of officers usually in attendance
    others: list[str]  # post keys printed under "Others Present" (panels)
    chair: str
    substitutes: dict[str, str]  # member post key -> substitute post key (panels)
    eras: list[tuple[date, Style]]
    start_time: int  # minutes after midnight
    venues: list[str]
    dates: list[date]  # dates[0] precedes the period, dates[-1] follows it
    publishes_pack: bool

    def style_at(self, when: date) -> Style:
        style = self.eras[0][1]
        for since, era_style in self.eras:
            if since <= when:
                style = era_style
        return style

    @property
    def meeting_dates(self) -> list[date]:
        """The meetings inside the period (the first and last entries are outside)."""
        return self.dates[1:-1]


@dataclass
class Area:
    name: str
    code: str  # "WV"
    towns: list[str]
    councils: list[str]  # councils sending members to the Panel
    host_council: str
    hq_town: str

    @property
    def force(self) -> str:
        return f"{self.name} Constabulary"

    @property
    def opcc(self) -> str:
        return "Office of the Police and Crime Commissioner"

    @property
    def decision_prefix(self) -> str:
        return f"{self.code}PCC"

    @property
    def short_name(self) -> str:
        """Running-footer name of the Commissioner's office: "Wessex Vale PCC"."""
        return f"{self.name} PCC"

    @property
    def email_domain(self) -> str:
        return "opcc." + self.name.lower().replace(" ", "") + ".example"


@dataclass
class World:
    seed: int
    area: Area
    start: date
    end: date  # exclusive
    people: list[Person]
    posts: dict[str, Post]
    bodies: list[Body]

    def holder(self, post: str, when: date) -> Person:
        return self.posts[post].holder(when)


# Posts: key, title, short form, organisation ("force", "opcc" or literal).
_OPCC_POSTS = (
    ("pcc", "Police and Crime Commissioner", "the Commissioner"),
    ("dpcc", "Deputy Police and Crime Commissioner", "the DPCC"),
    ("ceo", "Chief Executive", "the Chief Executive"),
    ("pcc_cfo", "Chief Finance Officer", "the PCC CFO"),
    ("head_gov", "Head of Governance and Assurance", "the Head of Governance"),
    ("gov_officer", "Governance Officer", "the Governance Officer"),
    ("head_policy", "Head of Policy and Commissioning", "the Head of Policy"),
    ("comms", "Head of Communications and Engagement", "the Head of Communications"),
    ("accountant", "Strategic Finance Manager", "the Strategic Finance Manager"),
)
_FORCE_POSTS = (
    ("cc", "Chief Constable", "the Chief Constable"),
    ("dcc", "Deputy Chief Constable", "the DCC"),
    ("acc", "Assistant Chief Constable", "the ACC"),
    ("force_cfo", "Director of Finance and Resources", "the Director of Finance"),
    ("head_estates", "Head of Estates and Facilities", "the Head of Estates"),
    ("head_perf", "Head of Performance and Analysis", "the Head of Performance"),
    ("staff_officer", "Staff Officer to the Chief Constable", "the Staff Officer"),
    ("fin_accountant", "Financial Accountant", "the Financial Accountant"),
)


class _PeopleFactory:
    """Draws people with unique surnames and, where possible, unique initials."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people: list[Person] = []
        self.surnames = list(names.SURNAMES)
        rng.shuffle(self.surnames)
        self.initials: set[str] = set()

    def new(self, councillor: bool = False) -> Person:
        rng = self.rng
        # Over a long period the list runs out: double-barrel to keep surnames unique.
        last = self.surnames.pop() if self.surnames else "-".join(rng.sample(names.SURNAMES, 2))
        first = rng.choice(names.FIRST_NAMES)
        for _ in range(30):
            if first[0] + last[0] not in self.initials:
                break
            first = rng.choice(names.FIRST_NAMES)
        honorific = "Dr" if not councillor and rng.random() < 0.05 else ""
        person = Person(f"p{len(self.people) + 1:03d}", first, last, honorific, councillor)
        self.initials.add(person.initials)
        self.people.append(person)
        return person


def _first_of_month(d: date) -> date:
    return date(d.year, d.month, 1)


def _staff_changes(
    post: Post,
    factory: _PeopleFactory,
    start: date,
    end: date,
    rate: float,
    month: int,
    councillor: bool = False,
) -> None:
    """Hand the post on at a fixed month each year with probability `rate`."""
    rng = factory.rng
    for year in range(start.year + 1, end.year + 1):
        when = date(year, month, 1)
        if start < when < end and rng.random() < rate:
            post.holdings[-1].end = when
            post.holdings.append(Holding(factory.new(councillor), when))


def _build_posts(area: Area, factory: _PeopleFactory, start: date, end: date) -> dict[str, Post]:
    rng = factory.rng
    posts: dict[str, Post] = {}
    before = date(start.year - 3, 4, 1)
    for key, title, short in _OPCC_POSTS:
        posts[key] = Post(key, title, short, area.opcc, [Holding(factory.new(), before)])
    for key, title, short in _FORCE_POSTS:
        posts[key] = Post(key, title, short, area.force, [Holding(factory.new(), before)])
    # The Chief Constable always changes holder half-way through the period.
    middle = _first_of_month(start + (end - start) / 2)
    cc = posts["cc"]
    cc.holdings[-1].end = middle
    cc.holdings.append(Holding(factory.new(), middle))
    # The Commissioner may lose an election in a May of a year divisible by four.
    for year in range(start.year, end.year + 1):
        election = nth_weekday(year, 5, 3, 1) + timedelta(days=4)
        if year % 4 == 0 and start < election < end and rng.random() < 0.6:
            for key in ("pcc", "dpcc"):
                posts[key].holdings[-1].end = election
                posts[key].holdings.append(Holding(factory.new(), election))
    for key in (
        "ceo",
        "pcc_cfo",
        "head_gov",
        "gov_officer",
        "head_policy",
        "comms",
        "accountant",
        "dcc",
        "acc",
        "force_cfo",
        "head_estates",
        "head_perf",
        "staff_officer",
        "fin_accountant",
    ):
        _staff_changes(posts[key], factory, start, end, 0.12, 4)
    # Panel: members from each council, a substitute per council, two co-optees.
    for c, council in enumerate(area.councils):
        seats = 3 if c == 0 else 2
        for s in range(seats):
            key = f"seat{c}_{s}"
            posts[key] = Post(
                key, "Panel Member", "Councillor", council, [Holding(factory.new(True), before)]
            )
            _staff_changes(posts[key], factory, start, end, 0.2, 5, councillor=True)
        key = f"sub{c}"
        posts[key] = Post(
            key, "Substitute Member", "Councillor", council, [Holding(factory.new(True), before)]
        )
    for n in (1, 2):
        posts[f"coopt{n}"] = Post(
            f"coopt{n}",
            "Independent Co-opted Member",
            "co-opted member",
            "",
            [Holding(factory.new(), before)],
        )
    posts["panel_sec"] = Post(
        "panel_sec",
        "Democratic Services Officer",
        "the Secretariat",
        area.host_council,
        [Holding(factory.new(), before)],
    )
    posts["panel_legal"] = Post(
        "panel_legal",
        "Legal Adviser to the Panel",
        "the Legal Adviser",
        area.host_council,
        [Holding(factory.new(), before)],
    )
    for n in (1, 2, 3, 4):
        posts[f"jac{n}"] = Post(
            f"jac{n}",
            "Independent Member",
            "Independent Member",
            "",
            [Holding(factory.new(), before)],
        )
        _staff_changes(posts[f"jac{n}"], factory, start, end, 0.1, 4)
    posts["internal_audit"] = Post(
        "internal_audit",
        "Internal Audit Manager",
        "Internal Audit",
        names.INTERNAL_AUDITOR,
        [Holding(factory.new(), before)],
    )
    posts["external_audit"] = Post(
        "external_audit",
        "Engagement Lead, External Audit",
        "External Audit",
        names.EXTERNAL_AUDITOR,
        [Holding(factory.new(), before)],
    )
    return posts


def _body_layout(kind: str, area: Area, posts: dict[str, Post]) -> dict:
    """Who sits on each kind of body, who attends, who chairs, where and when."""
    hq = f"{area.hq_town} Police Headquarters"
    if kind == "bcb":
        return dict(
            members=["pcc", "dpcc", "cc", "dcc", "ceo", "pcc_cfo", "force_cfo"],
            officers=["head_gov", "head_policy", "staff_officer", "comms", "gov_officer"],
            others=[],
            chair="pcc",
            start=10 * 60,
            weekday=1,
            week=2,
            venues=[
                f"Conference Room 1, {hq}",
                f"Conference Room 1, {hq}",
                "Held remotely by video conference",
            ],
            offset=0,
            pack=True,
        )
    if kind == "fsg":
        return dict(
            members=["dpcc", "pcc_cfo", "force_cfo", "dcc"],
            officers=["accountant", "fin_accountant"],
            others=[],
            chair="dpcc",
            start=9 * 60 + 30,
            weekday=3,
            week=4,
            venues=[f"OPCC Meeting Room, {area.hq_town}"],
            offset=0,
            pack=False,
        )
    if kind == "esg":
        return dict(
            members=["ceo", "dpcc", "head_estates", "force_cfo", "acc"],
            officers=["pcc_cfo", "gov_officer"],
            others=[],
            chair="ceo",
            start=13 * 60 + 30,
            weekday=0,
            week=3,
            venues=[f"Estates Office, {hq}", f"Room 4, {area.towns[4]} Police Station"],
            offset=1,
            pack=False,
        )
    if kind == "pcp":
        seats = sorted(k for k in posts if k.startswith("seat"))
        subs = {k: f"sub{k[4:].split('_')[0]}" for k in seats}
        return dict(
            members=["coopt1", *seats, "coopt2"],
            officers=["panel_sec", "panel_legal"],
            others=["pcc", "ceo", "dpcc"],
            chair="coopt1",
            start=14 * 60,
            weekday=2,
            week=2,
            subs=subs,
            venues=[
                f"Council Chamber, {area.host_council} Offices, {area.towns[0]}",
                f"Committee Room 2, {area.towns[1]} Guildhall",
            ],
            offset=1,
            pack=True,
        )
    return dict(
        members=["jac1", "jac2", "jac3", "jac4"],
        officers=["pcc_cfo", "force_cfo", "head_gov", "internal_audit", "external_audit"],
        others=[],
        chair="jac1",
        start=10 * 60 + 30,
        weekday=3,
        week=3,
        venues=[f"Training Suite, {hq}"],
        offset=1,
        pack=True,
    )


def _meeting_dates(layout: dict, start: date, years: int, per_year: int) -> list[date]:
    """One meeting every 12/per_year months, plus one before and one after the period."""
    dates: list[date] = []
    for i in range(-1, years * per_year + 1):
        step = max(1, round(12 / per_year))
        month_index = layout["offset"] % step + round(i * 12 / per_year)
        year = start.year + month_index // 12
        month = month_index % 12 + 1
        week = layout["week"]
        if month == 8 and layout.get("subs"):  # councils do not meet in August
            month, week = 7, 5
        dates.append(meeting_day(year, month, layout["weekday"], week))
    return sorted(dict.fromkeys(dates))


def build_world(
    seed: int, bodies: int, years: int, start_year: int = 2022, meetings_per_year: int = 6
) -> World:
    """Build the whole fictional world for a seed: deterministic, no I/O."""
    rng = random.Random(f"minutebook-synth:{seed}:world")
    area_name, code = names.AREAS[(seed - 1) % len(names.AREAS)]
    towns = list(names.TOWNS)
    rng.shuffle(towns)
    councils = [
        f"{area_name} County Council",
        f"{towns[0]} Borough Council",
        f"{towns[1]} District Council",
        f"{towns[2]} City Council",
    ]
    area = Area(area_name, code, towns, councils, councils[1], towns[3])
    start = date(start_year, 1, 1)
    end = date(start_year + years, 1, 1)
    factory = _PeopleFactory(rng)
    posts = _build_posts(area, factory, start, end)
    built: list[Body] = []
    for kind in BODY_ORDER[:bodies]:
        layout = _body_layout(kind, area, posts)
        style = base_style(kind, area_name, rng)
        dates = _meeting_dates(layout, start, years, meetings_per_year)
        eras = [(date.min, style)]
        inside = dates[1:-1]
        if len(inside) >= 4 and rng.random() < 0.5:
            eras.append(
                (inside[rng.randrange(len(inside) // 3, len(inside))], successor_style(style, rng))
            )
        built.append(
            Body(
                key=kind,
                kind=kind,
                members=layout["members"],
                officers=layout["officers"],
                others=layout["others"],
                chair=layout["chair"],
                substitutes=layout.get("subs", {}),
                eras=eras,
                start_time=layout["start"],
                venues=layout["venues"],
                dates=dates,
                publishes_pack=layout["pack"],
            )
        )
    return World(seed, area, start, end, factory.people, posts, built)
