"""Who held a seat when, learnt from attendance lists.

Each time a paper shows a person in a seat ("Nick Dean, Chief Constable" on
12 October 2021) the observed membership for that seat widens to cover the
date, unless someone else was seen in the same single-holder seat in
between: then a new period starts. Resolving "the Chief Constable" on a day
reads these periods.
"""

from __future__ import annotations

import datetime

from django.db import connection

from minutebook.bodies.models import Body, Post
from minutebook.core.rows import insert_new, update_rows
from minutebook.people.models import Membership, Person

#: Sightings further apart than this start a new period rather than bridge the gap.
MAX_GAP = datetime.timedelta(days=400)

Seat = tuple[str, int]


class SeatBook:
    """The memberships of every seat looked at so far, of everyone and on any basis.

    A seat is read in one query the first time it is asked about (with
    `every_seat`, every membership is read at once, the first time any is
    needed); sightings then widen or start periods in memory, and `flush`
    writes them: new periods in one insert, widened ones in one update per
    change. An import run keeps one book of every seat for all its documents
    and flushes it before anything reads memberships from the database again.
    """

    def __init__(self, *, every_seat: bool = False) -> None:
        self._every_seat = every_seat
        self._everyone: list[Membership] | None = None
        self._seats: dict[Seat, list[Membership]] = {}
        self._new: list[Membership] = []
        self._widened: dict[int, tuple[Membership, set[str]]] = {}

    def _load(self, seats: list[Seat]) -> None:
        missing = [seat for seat in dict.fromkeys(seats) if seat not in self._seats]
        if not missing:
            return
        if self._every_seat:
            self.every_membership()  # a seat it did not find has no memberships but ours
            for seat in missing:
                self._seats.setdefault(seat, [])
            return
        for seat in missing:
            self._seats[seat] = []
        posts = [pk for kind, pk in missing if kind == "post"]
        bodies = [pk for kind, pk in missing if kind == "body"]
        query = Membership.objects.select_related("person").order_by("pk")
        if posts:
            for membership in query.filter(post_id__in=posts):
                self._seats["post", membership.post_id].append(membership)
        if bodies:
            for membership in query.filter(body_id__in=bodies, post__isnull=True):
                self._seats["body", membership.body_id].append(membership)

    @property
    def holds_every_seat(self) -> bool:
        return self._every_seat

    def every_membership(self) -> list[Membership]:
        """Every membership, stored or sighted since: only a book of `every_seat` holds them.

        Read in one query the first time; a run's candidates for a name
        (`resolve.candidate_ids_in`) are then found without one per meeting.
        """
        if not self._every_seat:
            raise ValueError("only a book of every seat holds every membership")
        if self._everyone is None:
            self._everyone = []
            query = Membership.objects.select_related("person").order_by("pk")
            for membership in query:
                self._everyone.append(membership)
                seat: Seat = (
                    ("post", membership.post_id)
                    if membership.post_id is not None
                    else ("body", membership.body_id)
                )
                self._seats.setdefault(seat, []).append(membership)
        return self._everyone

    def seat(self, *, post: Post | None = None, body: Body | None = None) -> list[Membership]:
        """The memberships of a post, or of a place on a body (not a post on it), oldest first."""
        key: Seat = ("post", post.pk) if post is not None else ("body", body.pk)
        self._load([key])
        return self._seats[key]

    def of_posts(self, posts: list[Post]) -> list[Membership]:
        """The memberships of all `posts`, in the model's order (start, then pk)."""
        self._load([("post", p.pk) for p in posts])
        found = [m for p in dict.fromkeys(posts) for m in self._seats["post", p.pk]]
        return in_period_order(found)

    def record_sighting(
        self,
        person: Person,
        on_date: datetime.date,
        *,
        post: Post | None = None,
        body: Body | None = None,
        role: str = "",
    ) -> Membership:
        """Widen (or start) the observed membership of `person` in a post or body to cover `on_date`."""
        if post is None and body is None:
            raise ValueError("a membership needs a post or a body")
        seat = self.seat(post=post, body=body)
        mine = sorted(
            (m for m in seat if m.person_id == person.pk and m.basis == Membership.Basis.OBSERVED),
            key=lambda m: (m.start is not None, m.start or datetime.date.min),
        )
        for membership in mine:
            if membership.start <= on_date <= membership.end:
                return membership
        nearest = min(mine, key=lambda m: _distance(m, on_date), default=None)
        close = nearest is not None and _distance(nearest, on_date) <= MAX_GAP.days
        if close and not _someone_else_between(seat, nearest, on_date, post):
            changes = {"start": min(nearest.start, on_date), "end": max(nearest.end, on_date)}
            if role and not nearest.role:
                changes["role"] = role
            changed = {name for name, value in changes.items() if getattr(nearest, name) != value}
            for name, value in changes.items():
                setattr(nearest, name, value)
            if nearest.pk is not None:
                self._widened.setdefault(nearest.pk, (nearest, set()))[1].update(changed)
            return nearest
        membership = Membership(
            person=person,
            post=post,
            body=body if post is None else None,
            role=role[:255],
            start=on_date,
            end=on_date,
            basis=Membership.Basis.OBSERVED,
        )
        seat.append(membership)
        self._new.append(membership)
        if self._everyone is not None:
            self._everyone.append(membership)
        return membership

    def refresh_person(self, person: Person) -> None:
        """Show a person's new display name wherever the book holds them."""
        for seat in self._seats.values():
            for membership in seat:
                if membership.person_id == person.pk and membership.person is not person:
                    membership.person.display_name = person.display_name
                    membership.person.sort_name = person.sort_name

    def flush(self) -> None:
        """Write the periods started and widened since the last flush."""
        if self._new:
            insert_new(self._new)
            self._new = []
        # The periods widened, each with its own dates: one statement per set of fields.
        widened, self._widened = list(self._widened.values()), {}
        update_rows(Membership, widened)


def record_sighting(
    person: Person,
    on_date: datetime.date,
    *,
    post: Post | None = None,
    body: Body | None = None,
    role: str = "",
) -> Membership:
    """Widen (or start) the observed membership of `person` in a post or body to cover `on_date`."""
    book = SeatBook()
    membership = book.record_sighting(person, on_date, post=post, body=body, role=role)
    book.flush()
    return membership


def in_period_order(memberships: list[Membership]) -> list[Membership]:
    """Sorted as the model orders them (start, then pk), an unknown start where the database
    puts NULL: first on SQLite, last on PostgreSQL."""
    nulls_last = connection.vendor in ("postgresql", "oracle")
    return sorted(
        memberships,
        key=lambda m: (
            (m.start is None) == nulls_last,
            m.start or datetime.date.min,
            m.pk if m.pk is not None else float("inf"),
        ),
    )


def _distance(membership: Membership, on_date: datetime.date) -> int:
    if on_date < membership.start:
        return (membership.start - on_date).days
    return (on_date - membership.end).days


def _someone_else_between(
    seat: list[Membership], membership: Membership, on_date: datetime.date, post: Post | None
) -> bool:
    """For a single-holder post, was another person seen in it between the period and the date?"""
    if post is None or not post.single_holder:
        return False
    low, high = (
        (membership.end, on_date) if on_date > membership.end else (on_date, membership.start)
    )
    return any(
        m.person_id != membership.person_id
        and m.start is not None
        and m.end is not None
        and m.start <= high
        and m.end >= low
        for m in seat
    )
