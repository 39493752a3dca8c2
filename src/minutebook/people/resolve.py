"""Resolving a printed name, initials or role to one person.

Minutes write the same person many ways: "Niki Howard" in the attendance
list, "NH" in the text, "the Director of Finance" elsewhere; a Panel writes
"Councillors Oliver, Cuffley". A name is resolved only among the people who
could be meant on that date (the meeting's attendance, the body's members,
the holders of a post) and every answer carries a confidence; below
`DOUBT_BELOW` the caller records a `PersonMatchReview` instead of trusting it.
"""

from __future__ import annotations

import datetime
import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from minutebook.bodies.models import Body, Post
from minutebook.bodies.resolve import PostDirectory
from minutebook.core.rows import create_row, insert_new
from minutebook.people.memberships import SeatBook
from minutebook.people.models import Membership, Person, PersonName
from minutebook.people.names import (
    clean_printed_name,
    display_form,
    looks_like_initials,
    name_forms,
    name_key,
    name_parts,
    sort_name,
)

#: A match under this confidence is doubtful: listed for review, not linked.
DOUBT_BELOW = 0.75
#: How far around a date a body's past members are still candidates for a surname.
MEMBER_WINDOW = datetime.timedelta(days=400)
#: A post holder seen this close to a date probably held the post on it.
RECENT_DAYS = 183


@dataclass(frozen=True)
class PersonMatch:
    """The answer of `resolve_person_at`; unpacks as (person, confidence, doubtful)."""

    person: Person | None
    confidence: float
    doubtful: bool
    how: str = ""
    alternatives: tuple[Person, ...] = ()

    def __iter__(self) -> Iterator[object]:
        return iter((self.person, self.confidence, self.doubtful))

    @property
    def sure(self) -> Person | None:
        """The person when the match can be trusted, else None."""
        return None if self.doubtful else self.person


NO_MATCH = PersonMatch(None, 0.0, False, "no match")


def _match(people: list[Person], confidence: float, how: str) -> PersonMatch:
    """One person at `confidence`; several equally good ones make the match doubtful."""
    unique = list(dict.fromkeys(people))
    if not unique:
        return NO_MATCH
    if len(unique) == 1:
        return PersonMatch(unique[0], confidence, confidence < DOUBT_BELOW, how)
    return PersonMatch(
        unique[0], min(confidence, 0.45), True, f"{how} (ambiguous)", tuple(unique[1:])
    )


class PeopleDirectory:
    """The people met so far, each one instance with the stored forms of their names.

    A meeting's candidate pool is mostly the people of the meetings before
    it: reading them and their names once per run, not once per meeting,
    spares two queries and a few hundred rows per meeting. The sets of forms
    are shared with every pool built from the directory, so a form one
    meeting stores is known to the next. It mirrors the database as long as
    every name stored goes through a pool (`CandidatePool.add`, `add_names`
    with the pool's set).
    """

    def __init__(self) -> None:
        self._people: dict[int, Person] = {}
        self._forms: dict[int, set[tuple[str, str]]] = {}

    def people(self, ids: Iterable[int]) -> list[Person]:
        """The people with these ids, in that order, reading those not met yet in two queries."""
        ids = list(dict.fromkeys(ids))
        missing = [pk for pk in ids if pk not in self._people]
        if missing:
            for person in Person.objects.filter(pk__in=missing):
                self._people[person.pk] = person
                self._forms[person.pk] = set()
            names = PersonName.objects.filter(person_id__in=missing).values_list(
                "person_id", "key", "kind"
            )
            for person_id, key, kind in names:
                self._forms[person_id].add((key, kind))
        return [self._people[pk] for pk in ids if pk in self._people]

    def forms(self, person: Person) -> set[tuple[str, str]]:
        """The (key, kind) forms stored for a person (met before, or just created)."""
        if person.pk not in self._forms:
            self.people([person.pk])
        return self._forms.setdefault(person.pk, set())

    def add(self, person: Person) -> None:
        """A person just created: their forms are added to `forms(person)` as they are stored."""
        self._people.setdefault(person.pk, person)
        self._forms.setdefault(person.pk, set())


@dataclass
class Lookups:
    """The posts and who held them, and the people met, read once and reused: an import run
    keeps one for all its documents, a single lookup makes its own."""

    posts: PostDirectory = field(default_factory=PostDirectory)
    seats: SeatBook = field(default_factory=SeatBook)
    people: PeopleDirectory = field(default_factory=PeopleDirectory)

    def candidate_ids(self, on_date: datetime.date, body: Body | None = None) -> list[int]:
        """The ids of `candidate_ids_at`, from memory when the book holds every seat."""
        if self.seats.holds_every_seat:
            return candidate_ids_in(self.seats, on_date, body)
        return list(candidate_ids_at(on_date, body).values_list("person_id", flat=True))

    @classmethod
    def for_run(cls) -> Lookups:
        """Lookups for many documents: every seat's holders are read at once."""
        return cls(seats=SeatBook(every_seat=True))


@dataclass
class CandidatePool:
    """People a name may mean, with every stored form of their names, loaded in one query.

    `stored` holds the (key, kind) forms each person has in the database, so
    storing another printing of their name needs no query; `keys` are the
    forms matched on.
    """

    people: list[Person] = field(default_factory=list)
    keys: dict[str, dict[str, list[Person]]] = field(default_factory=dict)
    stored: dict[int, set[tuple[str, str]]] = field(default_factory=dict)
    lookups: Lookups | None = None
    #: The area of the meeting the names are printed at: roles mean its posts.
    area: str = ""

    @classmethod
    def of_ids(cls, ids: Iterable[int], lookups: Lookups, *, area: str = "") -> CandidatePool:
        """The pool of the people with these ids, as the run's directory knows them."""
        people = lookups.people.people(ids)
        stored = {p.pk: lookups.people.forms(p) for p in people}
        return cls._indexed(people, stored, lookups, area=area)

    @classmethod
    def of(cls, people: Iterable[Person], lookups: Lookups | None = None) -> CandidatePool:
        people = list(dict.fromkeys(p for p in people if p is not None))
        stored: dict[int, set[tuple[str, str]]] = {p.pk: set() for p in people}
        names = PersonName.objects.filter(person_id__in=stored).values_list(
            "person_id", "key", "kind"
        )
        for person_id, key, kind in names:
            stored[person_id].add((key, kind))
        return cls._indexed(people, stored, lookups)

    @classmethod
    def _indexed(
        cls,
        people: list[Person],
        stored: dict[int, set[tuple[str, str]]],
        lookups: Lookups | None,
        *,
        area: str = "",
    ) -> CandidatePool:
        keys: dict[str, dict[str, list[Person]]] = defaultdict(lambda: defaultdict(list))
        for person in people:
            for key, kind in stored[person.pk]:
                keys[kind][key].append(person)
        return cls(people, keys, stored, lookups, area)

    def add(self, person: Person, forms: Iterable[tuple[str, str]] | None = None) -> None:
        """Make a person just created or matched a candidate for the names that follow.

        `forms`, the (key, kind) forms stored for the person, spare the query
        when the caller knows them.
        """
        if person in self.people:
            return
        self.people.append(person)
        directory = self.lookups.people if self.lookups is not None else None
        if directory is not None:
            if forms is not None:
                directory.add(person)  # just created: nothing to read
            known = self.stored[person.pk] = directory.forms(person)
            known.update(forms or ())
            forms = list(known)
        else:
            if forms is None:
                forms = PersonName.objects.filter(person=person).values_list("key", "kind")
            known = self.stored.setdefault(person.pk, set())
        for key, kind in forms:
            known.add((key, kind))
            self.keys.setdefault(kind, {}).setdefault(key, []).append(person)

    def with_key(self, key: str, *kinds: str) -> list[Person]:
        found: list[Person] = []
        for kind in kinds:
            found.extend(self.keys.get(kind, {}).get(key, []))
        return list(dict.fromkeys(found))


def candidate_ids_at(on_date: datetime.date, body: Body | None = None) -> QuerySet:
    """The people who held a seat on `on_date` (and a body's members seen around it), as a
    subquery of their ids."""
    held = (Q(start__isnull=True) | Q(start__lte=on_date)) & (
        Q(end__isnull=True) | Q(end__gte=on_date)
    )
    if body is not None:
        held |= Q(body=body, start__lte=on_date + MEMBER_WINDOW, end__gte=on_date - MEMBER_WINDOW)
    return Membership.objects.filter(held).values("person_id")


def candidate_ids_in(book: SeatBook, on_date: datetime.date, body: Body | None = None) -> list[int]:
    """`candidate_ids_at` answered from a book of every seat (an import run's), in id order:
    a run asks it for every meeting, and the book has every membership in memory. One
    pass over 5,000 memberships takes about 0.6 ms, less than the query it replaces."""
    earliest, latest = on_date - MEMBER_WINDOW, on_date + MEMBER_WINDOW
    ids = set()
    for membership in book.every_membership():
        if _held_on(membership, on_date) or (
            body is not None
            and membership.body_id == body.pk
            and membership.start is not None
            and membership.end is not None
            and membership.start <= latest
            and membership.end >= earliest
        ):
            ids.add(membership.person_id)
    return sorted(ids)


def post_holders_at(
    posts: list[Post], on_date: datetime.date | None, seats: SeatBook | None = None
) -> PersonMatch:
    """Who held one of `posts` on `on_date`.

    A period covering the date is sure; so is the same person seen before and
    after it, or a holder seen within `RECENT_DAYS` of it (and nearer than
    any other). Otherwise the nearest holder is only a doubtful guess.
    `seats` is the book the memberships are read from (a new one by default).
    """
    if not posts:
        return NO_MATCH
    book = seats or SeatBook()
    memberships = book.of_posts(posts)
    if on_date is None:
        holders = [m.person for m in memberships]
        return _match(holders, 0.5, "post holder, no date") if holders else NO_MATCH
    current = [m.person for m in memberships if _held_on(m, on_date)]
    if current:
        single = all(p.single_holder for p in posts)
        return _match(current, 0.95 if single else 0.6, "post holder on the date")
    # Rare: the database picks among periods ending (or starting) the same day, as it always has.
    book.flush()
    periods = Membership.objects.filter(post__in=posts).select_related("person")
    before = periods.filter(end__lt=on_date).order_by("-end").first()
    after = periods.filter(start__gt=on_date).order_by("start").first()
    if before and after and before.person_id == after.person_id:
        return PersonMatch(before.person, 0.9, False, "post holder before and after the date")
    gap_before = (on_date - before.end).days if before else None
    gap_after = (after.start - on_date).days if after else None
    if (
        gap_before is not None
        and gap_before <= RECENT_DAYS
        and (gap_after is None or gap_before < gap_after)
    ):
        return PersonMatch(before.person, 0.8, False, "post holder seen shortly before the date")
    if (
        gap_after is not None
        and gap_after <= RECENT_DAYS
        and (gap_before is None or gap_after < gap_before)
    ):
        return PersonMatch(after.person, 0.75, False, "post holder seen shortly after the date")
    nearest = before or after
    if nearest is None:
        return NO_MATCH
    return PersonMatch(nearest.person, 0.6, True, "post holder nearest the date")


def _held_on(membership: Membership, on_date: datetime.date) -> bool:
    """`MembershipQuerySet.current`, in memory."""
    return (membership.start is None or membership.start <= on_date) and (
        membership.end is None or membership.end >= on_date
    )


def _match_name(text: str, pool: CandidatePool) -> PersonMatch:
    key = name_key(text)
    if not key:
        return NO_MATCH
    found = pool.with_key(key, "full", "honorific", "former", "other")
    if found:
        return _match(found, 1.0, "full name")
    if looks_like_initials(text):
        found = pool.with_key(key.replace(" ", ""), "initials")
        if found:
            return _match(found, 0.9, "initials")
    parts = name_parts(text)
    if not parts.given:
        found = pool.with_key(parts.surname, "surname")
        return _match(found, 0.85, "surname") if found else NO_MATCH
    found = pool.with_key(parts.initial_surname, "initial_surname")
    if parts.given_is_initial and found:
        return _match(found, 0.9, "initial and surname")
    same_surname = pool.with_key(parts.surname, "surname")
    if same_surname:
        compatible = [p for p in same_surname if _given_names_agree(parts.given, p, pool)]
        if compatible:
            return _match(compatible, 0.85, "initial and surname")
    return _fuzzy(key, pool)


def _given_names_agree(given: tuple[str, ...], person: Person, pool: CandidatePool) -> bool:
    """ "N Massey" agrees with "Nick Massey"; "Nick Massey" with "N Massey" (or a person known
    only as "Massey") but not with "Nora Massey"."""
    known = [
        name_parts(key).given
        for key, people in pool.keys.get("full", {}).items()
        if person in people
    ]
    if not known:
        return True
    return any(_first_names_agree(given, theirs) for theirs in known)


def _first_names_agree(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    if not ours or not theirs or ours[0][0] != theirs[0][0]:
        return False
    return len(ours[0]) == 1 or len(theirs[0]) == 1 or ours[0] == theirs[0]


def _fuzzy(key: str, pool: CandidatePool) -> PersonMatch:
    """A near spelling ("Charles Kitchen" for "Charles Kitchin"): always doubtful."""
    best: list[tuple[float, Person]] = []
    for full, people in pool.keys.get("full", {}).items():
        matcher = difflib.SequenceMatcher(None, key, full)
        # The quick ratios bound the ratio from above: most names are ruled out without it.
        if matcher.real_quick_ratio() < 0.85 or matcher.quick_ratio() < 0.85:
            continue
        ratio = matcher.ratio()
        if ratio >= 0.85:
            best.extend((ratio, p) for p in people)
    if not best:
        return NO_MATCH
    best.sort(key=lambda pair: -pair[0])
    top = [p for r, p in best if r == best[0][0]]
    match = _match(top, 0.65, "similar spelling")
    return PersonMatch(match.person, match.confidence, True, match.how, match.alternatives)


def _match_role(
    text: str,
    on_date: datetime.date | None,
    pool: CandidatePool | None,
    lookups: Lookups,
    area: str,
) -> PersonMatch:
    posts = lookups.posts.find(text, area=area)
    match = post_holders_at(posts, on_date, lookups.seats)
    if match.person is None and area:
        # a holder seen before the body's papers named its area sits in a post of no area
        unplaced = [p for p in lookups.posts.find_unplaced(text) if p not in posts]
        match = post_holders_at(unplaced, on_date, lookups.seats)
    if match.person is None:
        return NO_MATCH
    if pool is not None and pool.people and match.alternatives:
        present = [p for p in (match.person, *match.alternatives) if p in pool.people]
        if len(present) == 1:
            return PersonMatch(present[0], 0.85, False, "post holder present at the meeting")
    return PersonMatch(
        match.person, match.confidence, match.doubtful, f"role: {match.how}", match.alternatives
    )


def _match_globally(text: str) -> PersonMatch:
    """A full name (two words or more) anyone has been recorded under: sure only when unique."""
    key = name_key(text)
    if len(key.split()) < 2 or looks_like_initials(text):
        return NO_MATCH
    people = list(
        Person.objects.filter(names__key=key, names__kind__in=["full", "honorific"]).distinct()
    )
    return _match(people, 0.8, "full name recorded elsewhere")


def resolve_person_at(
    name_or_role: str,
    on_date: datetime.date | None,
    candidates: Iterable[Person] | CandidatePool | None = None,
    *,
    body: Body | None = None,
    lookups: Lookups | None = None,
) -> PersonMatch:
    """The person a printed name, initials or role means on `on_date`.

    `candidates` are the people who could be meant (a meeting's attendance);
    when None, people holding a seat on the date (and `body`'s members)
    are used. A mention starting with "the" ("the Chief Constable") is read
    as a role first; otherwise as a name first, then as a role. A name that
    matches no candidate may still match one person's full name recorded
    elsewhere. `lookups` (else the pool's, else new ones) answer the roles,
    with the posts of the pool's area (else `body`'s).
    """
    text = clean_printed_name(name_or_role)
    if not text:
        return NO_MATCH
    name_part, comma, _role_part = text.partition(",")
    if comma and name_part.strip() and not name_part.lower().startswith("the "):
        text = name_part.strip()  # "Jason Ablewhite, Police and Crime Commissioner"
    if isinstance(candidates, CandidatePool):
        pool = candidates
    elif candidates is None and on_date is not None and lookups is not None:
        # the run's directory knows most of the seat holders and their names already
        pool = CandidatePool.of_ids(lookups.candidate_ids(on_date, body), lookups)
    else:
        if candidates is None and on_date is not None:
            candidates = Person.objects.filter(pk__in=candidate_ids_at(on_date, body)).order_by()
        pool = CandidatePool.of(candidates or [], lookups)
    lookups = lookups or pool.lookups or Lookups()
    area = pool.area or (body.police_area if body is not None else "")
    role_first = text.lower().startswith("the ")
    if role_first:
        role = _match_role(text, on_date, pool, lookups, area)
        if role.person is not None:
            return role
    name = _match_name(text, pool)
    if name.person is not None and not name.doubtful:
        return name
    if not role_first:
        role = _match_role(text, on_date, pool, lookups, area)
        if role.person is not None and (name.person is None or role.confidence > name.confidence):
            return role
    if name.person is not None:
        return name
    return _match_globally(text)


def create_person(printed: str, *, stored: set[tuple[str, str]] | None = None) -> Person:
    """A new person known by `printed`, with every form of the name stored for matching.

    `stored`, an empty set, receives the (key, kind) forms stored.
    """
    name = display_form(printed)
    person = create_row(Person, display_name=name, sort_name=sort_name(name))
    add_names(person, name, stored=set() if stored is None else stored)
    return person


def add_names(person: Person, printed: str, *, stored: set[tuple[str, str]] | None = None) -> bool:
    """Store the forms of another printing of a person's name; a fuller name becomes the display name.

    `stored`, the (key, kind) forms the person already has, spares reading
    them and gains the new ones. True when the display name changed.
    """
    forms = name_forms(printed)
    if stored is None:
        stored = set(PersonName.objects.filter(person=person).values_list("key", "kind"))
    new = [
        PersonName(person=person, name=f.name[:255], key=f.key[:255], kind=f.kind)
        for f in forms
        if (f.key, f.kind) not in stored
    ]
    insert_new(new)
    stored.update((n.key, n.kind) for n in new)
    name = display_form(printed)
    if _fuller(name, person.display_name):
        person.display_name = name
        person.sort_name = sort_name(name)
        person.save(update_fields=["display_name", "sort_name", "updated_at"])
        return True
    return False


def _fuller(new: str, old: str) -> bool:
    """ "Nick Massey" is fuller than "N Massey" or "Massey"; same surname required."""
    new_parts, old_parts = name_parts(new), name_parts(old)
    if not new_parts.surname or new_parts.surname != old_parts.surname:
        return False
    new_len = sum(len(g) for g in new_parts.given)
    old_len = sum(len(g) for g in old_parts.given)
    return new_len > old_len
