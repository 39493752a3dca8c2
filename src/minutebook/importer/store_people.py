"""Identifying the people of one meeting: attendance rows, seats, and name mentions.

The attendance list is where a meeting defines its people ("Niki Howard,
Director of Finance"); everything later in the minutes ("NH", "the DPCC",
"Councillors Oliver, Cuffley") is resolved against that list first. So the
attendance is stored before anything else of a meeting, and the pool of
candidates it builds is handed to the steps that follow.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from minutebook.bodies.resolve import is_body_role, resolve_post, role_key, split_role
from minutebook.core.models import save_changed
from minutebook.importer import values
from minutebook.importer.context import StoreContext
from minutebook.meetings.models import Attendance, Meeting
from minutebook.people.memberships import record_sighting
from minutebook.people.models import Person
from minutebook.people.names import name_key
from minutebook.people.resolve import (
    MEMBER_WINDOW,
    CandidatePool,
    PersonMatch,
    add_names,
    candidates_at,
    create_person,
    resolve_person_at,
)
from minutebook.people.review import record_doubtful_match

_LISTS = (
    ("present", Attendance.Kind.PRESENT),
    ("in_attendance", Attendance.Kind.IN_ATTENDANCE),
    ("apologies", Attendance.Kind.APOLOGIES),
)


def meeting_pool(meeting: Meeting) -> CandidatePool:
    """The people a name at this meeting may mean: its attendance, the body's members, and
    whoever attended the body's meetings around the date (officers have no membership)."""
    around = Person.objects.filter(
        attendance__meeting__body=meeting.body,
        attendance__meeting__date__range=(
            meeting.date - MEMBER_WINDOW,
            meeting.date + MEMBER_WINDOW,
        ),
    ).distinct()
    return CandidatePool.of([*around, *candidates_at(meeting.date, meeting.body)])


def store_attendance(
    ctx: StoreContext, meeting: Meeting, data: dict[str, Any], span: tuple[int, int] | None
) -> CandidatePool:
    """Store who was present, in attendance, apologised or substituted; return the candidate pool."""
    pool = meeting_pool(meeting)
    existing = {(a.kind, a.name_key): a for a in meeting.attendance.all()}
    seen: set[tuple[str, str]] = set()
    entries: list[tuple[str, dict[str, Any]]] = [
        (kind, entry) for key, kind in _LISTS for entry in values.dicts(data.get(key))
    ]
    entries += [(Attendance.Kind.SUBSTITUTE, s) for s in values.dicts(data.get("substitutes"))]
    for kind, entry in entries:
        name = values.text(entry.get("name"), 255)
        role = values.text(entry.get("role"), 500)
        key = name_key(name) if name else (f"role:{role_key(role)}" if role_key(role) else "")
        if not key or (kind, key) in seen:
            continue
        seen.add((kind, key))
        match = _identify(name, role, meeting, pool)
        person = match.sure
        if person is None and name and match.person is None:
            person = create_person(name)
        elif person is not None and name:
            add_names(person, name)
        if person is not None:
            pool.add(person)  # "NH" later in the minutes may mean this attendee
        row_values = {
            "person": person,
            "raw_name": name,
            "role": role,
            "organisation": values.text(entry.get("organisation"), 255)
            or split_role(role)[1][:255],
            "note": values.text(entry.get("note"), 255),
            "substitute_for_raw": values.text(entry.get("for"), 255),
        }
        row = existing.get((kind, key))
        if row is None:
            row = Attendance.objects.create(
                meeting=meeting, kind=kind, name_key=key[:255], **row_values
            )
        else:
            if row.person_id and person is None:
                row_values.pop("person")  # a person confirmed in review stays confirmed
            save_changed(row, row_values)
        entry_span = ctx.span(entry, span)
        ctx.cite(row, entry_span)
        ctx.note_person(person)
        if match.doubtful:
            record_doubtful_match(
                row,
                "person",
                name or role,
                match,
                on_date=meeting.date,
                context=f"{row.get_kind_display()} at {meeting}",
                document=ctx.document,
            )
        if row.substitute_for_raw:
            link_person(ctx, row, "substitute_for", row.substitute_for_raw, meeting, pool)
        if person is not None:
            _record_seats(ctx, person, kind, role, row.organisation, meeting, entry_span)
    return pool


def _identify(name: str, role: str, meeting: Meeting, pool: CandidatePool) -> PersonMatch:
    if name:
        return resolve_person_at(name, meeting.date, pool)
    return resolve_person_at(f"the {role}", meeting.date, pool)


def _record_seats(
    ctx: StoreContext,
    person: Person,
    kind: str,
    role: str,
    organisation: str,
    meeting: Meeting,
    span: tuple[int, int] | None,
) -> None:
    """What an attendance row tells about seats: the post in the role, the place on the body."""
    post = resolve_post(role, organisation) if role else None
    if post is not None:
        ctx.cite(record_sighting(person, meeting.date, post=post, role=role), span)
    if kind in (Attendance.Kind.PRESENT, Attendance.Kind.SUBSTITUTE) or (
        role and is_body_role(role)
    ):
        body_role = role if role and is_body_role(role) else "member"
        ctx.cite(record_sighting(person, meeting.date, body=meeting.body, role=body_role), span)


def link_person(
    ctx: StoreContext,
    fact: models.Model,
    field_name: str,
    printed: str,
    meeting: Meeting,
    pool: CandidatePool,
) -> Person | None:
    """Resolve `printed` at the meeting and fill `fact.<field_name>`; list a doubtful match for review.

    A person already linked (for example confirmed in review) is kept when
    the name no longer resolves surely.
    """
    if not printed:
        return None
    match = resolve_person_at(printed, meeting.date, pool)
    person = match.sure
    if person is not None and getattr(fact, f"{field_name}_id") != person.pk:
        setattr(fact, field_name, person)
        fact.save(update_fields=[field_name, "updated_at"])
    if match.doubtful:
        record_doubtful_match(
            fact,
            field_name,
            printed,
            match,
            on_date=meeting.date,
            context=f"{fact._meta.verbose_name} at {meeting}",
            document=ctx.document,
        )
    ctx.note_person(person)
    return person
