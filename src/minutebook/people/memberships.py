"""Who held a seat when, learnt from attendance lists.

Each time a paper shows a person in a seat ("Nick Dean, Chief Constable" on
12 October 2021) the observed membership for that seat widens to cover the
date, unless someone else was seen in the same single-holder seat in
between: then a new period starts. Resolving "the Chief Constable" on a day
reads these periods.
"""

from __future__ import annotations

import datetime

from django.db.models import Q

from minutebook.bodies.models import Body, Post
from minutebook.people.models import Membership, Person

#: Sightings further apart than this start a new period rather than bridge the gap.
MAX_GAP = datetime.timedelta(days=400)


def record_sighting(
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
    seat = Q(post=post) if post is not None else Q(body=body, post__isnull=True)
    mine = list(
        Membership.objects.filter(seat, person=person, basis=Membership.Basis.OBSERVED).order_by(
            "start"
        )
    )
    for membership in mine:
        if membership.start <= on_date <= membership.end:
            return membership
    nearest = min(mine, key=lambda m: _distance(m, on_date), default=None)
    close = nearest is not None and _distance(nearest, on_date) <= MAX_GAP.days
    if close and not _someone_else_between(nearest, on_date, post):
        values = {"start": min(nearest.start, on_date), "end": max(nearest.end, on_date)}
        if role and not nearest.role:
            values["role"] = role
        for name, value in values.items():
            setattr(nearest, name, value)
        nearest.save(update_fields=[*values, "updated_at"])
        return nearest
    return Membership.objects.create(
        person=person,
        post=post,
        body=body if post is None else None,
        role=role[:255],
        start=on_date,
        end=on_date,
        basis=Membership.Basis.OBSERVED,
    )


def _distance(membership: Membership, on_date: datetime.date) -> int:
    if on_date < membership.start:
        return (membership.start - on_date).days
    return (on_date - membership.end).days


def _someone_else_between(
    membership: Membership, on_date: datetime.date, post: Post | None
) -> bool:
    """For a single-holder post, was another person seen in it between the period and the date?"""
    if post is None or not post.single_holder:
        return False
    low, high = (
        (membership.end, on_date) if on_date > membership.end else (on_date, membership.start)
    )
    return (
        Membership.objects.filter(post=post, start__lte=high, end__gte=low)
        .exclude(person_id=membership.person_id)
        .exists()
    )
