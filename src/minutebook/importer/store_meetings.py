"""Meetings from minutes and agendas: one `Meeting` per body and date, whatever paper names it.

An agenda pack and, weeks later, the minutes of the same meeting are two
documents of one meeting: both resolve the body through its aliases and
meet on the date, and each is attached with its role.
"""

from __future__ import annotations

import datetime
from typing import Any

from minutebook.actions.carry import adopt_waiting_actions
from minutebook.bodies.models import Body
from minutebook.core.models import save_changed
from minutebook.core.rows import create_row, insert_new
from minutebook.core.text import fold
from minutebook.importer import values
from minutebook.importer.context import StoreContext
from minutebook.importer.store_actions import store_action_log, store_new_actions
from minutebook.importer.store_decisions import store_decision_citations
from minutebook.importer.store_items import find_item, store_items
from minutebook.importer.store_people import link_person, meeting_pool, store_attendance
from minutebook.importer.store_recommendations import store_recommendations
from minutebook.meetings.models import Declaration, Meeting, MeetingDocument, MinutesApproval
from minutebook.people.resolve import CandidatePool


def meeting_key(
    ctx: StoreContext, data: dict[str, Any], *, what: str
) -> tuple[Body, datetime.date] | None:
    """The body and date the meeting of a set of minutes or an agenda is known by; None (with
    a warning) when the paper gives no body or no date.

    The organisation (the letterhead, or the document's) keeps two Commissioners'
    boards of one name, and so their meetings of one date, apart; the body's
    area gets the standard posts (`bodies.posts`) on first sight.
    """
    date = values.iso_date(data.get("date"))
    name = values.text(data.get("body"))
    if date is None or not name:
        missing = "date" if date is None else "body"
        printed_date = data.get("date") or "?"
        ctx.warn(
            f"{what} without a {missing} (body {name or '?'}, date {printed_date}): not stored"
        )
        return None
    body = ctx.run.bodies.resolve(name, values.text(data.get("organisation"), 255))
    # "the Chief Constable" at this body's meetings means its area's: make sure the seat exists.
    ctx.run.lookups.posts.ensure_standard(body.police_area)
    return body, date


def create_meeting(ctx: StoreContext, body: Body, date: datetime.date, **fields: Any) -> Meeting:
    """A new meeting with what the paper says of it; approvals waiting for it now point at it."""
    meeting = create_row(Meeting, body=body, date=date, **fields)
    ctx.created_meeting(meeting)
    ctx.run.note_meeting(meeting)
    if ctx.run.may_have_waiting_approvals(meeting) and link_waiting_approvals(meeting):
        ctx.run.forget_kept("approvals_given")  # the approvals it linked are kept unlinked
    return meeting


def store_minutes(ctx: StoreContext, data: dict[str, Any]) -> Meeting | None:
    """Store one set of minutes and everything in it; people first, so later mentions resolve."""
    key = meeting_key(ctx, data, what="minutes")
    if key is None:
        return None
    span = ctx.span(data, None)
    next_meeting = data.get("next_meeting") if isinstance(data.get("next_meeting"), dict) else {}
    printed_status = values.text(data.get("status")).lower()
    known = _known(
        start_time=values.clock_time(data.get("start_time")),
        end_time=values.clock_time(data.get("end_time")),
        location=values.text(data.get("location"), 500),
        next_meeting_date=values.iso_date(next_meeting.get("date")),
        next_meeting_time=values.clock_time(next_meeting.get("time")),
        next_meeting_location=values.text(next_meeting.get("location"), 500),
    )
    meeting = ctx.run.meeting(*key)
    if meeting is None:
        # Approvals linked on creation make the minutes approved, as they would a known meeting's.
        status = Meeting.MinutesStatus.APPROVED if printed_status == "approved" else ""
        meeting = create_meeting(
            ctx,
            *key,
            status=Meeting.Status.HELD,
            minutes_status=status or Meeting.MinutesStatus.DRAFT,
            **known,
        )
    else:
        new: dict[str, Any] = {"status": Meeting.Status.HELD}
        if printed_status == "approved" or meeting.approvals.exists():
            new["minutes_status"] = Meeting.MinutesStatus.APPROVED
        elif printed_status == "draft" or not meeting.minutes_status:
            new["minutes_status"] = Meeting.MinutesStatus.DRAFT
        new.update(known)
        save_changed(meeting, new)
    ctx.attach(meeting, MeetingDocument.Role.MINUTES)
    ctx.cite(meeting, span)

    pool = store_attendance(ctx, meeting, data, span)
    items = store_items(
        ctx, meeting, values.dicts(data.get("items")), span, from_minutes=True, pool=pool
    )
    _store_declarations(ctx, meeting, values.dicts(data.get("declarations")), items, pool, span)
    approvals_span = values.span(data.get("previous_minutes_span")) or span
    _store_approvals(ctx, meeting, data.get("previous_minutes_approved"), approvals_span)
    waiting = store_new_actions(ctx, meeting, values.dicts(data.get("actions")), items, pool, span)
    adopt_waiting_actions(meeting, items, waiting)
    store_action_log(ctx, meeting, values.dicts(data.get("action_log")), span)
    store_recommendations(ctx, meeting, values.dicts(data.get("recommendations")), items, span)
    store_decision_citations(ctx, meeting, values.dicts(data.get("decisions")), items, span)
    return meeting


def store_agenda(ctx: StoreContext, data: dict[str, Any], role: str) -> Meeting | None:
    """Store one agenda: the meeting (scheduled, unless already held) and its items."""
    key = meeting_key(ctx, data, what="agenda")
    if key is None:
        return None
    span = ctx.span(data, None)
    known = _known(
        start_time=values.clock_time(data.get("time") or data.get("start_time")),
        location=values.text(data.get("location"), 500),
    )
    meeting = ctx.run.meeting(*key)
    if meeting is None:
        meeting = create_meeting(ctx, *key, **known)
    else:
        save_changed(meeting, known)
    ctx.attach(meeting, role)
    ctx.cite(meeting, span)
    items = store_items(
        ctx,
        meeting,
        values.dicts(data.get("items")),
        span,
        from_minutes=False,
        pool=lambda: meeting_pool(ctx, meeting),
    )
    if ctx.run.may_have_waiting_actions(meeting) and adopt_waiting_actions(meeting, items):
        # adopted through instances of their own: the run reads the day's actions again
        ctx.run.action_days(meeting.body).forget(meeting.date)
    return meeting


def link_waiting_approvals(meeting: Meeting) -> int:
    """Approvals recorded before this meeting's own papers arrived now point at it; returns
    how many."""
    waiting = MinutesApproval.objects.filter(
        minutes_of__isnull=True, minutes_of_date=meeting.date, approved_at__body=meeting.body
    )
    linked = waiting.update(minutes_of=meeting)
    if linked:
        save_changed(meeting, {"minutes_status": Meeting.MinutesStatus.APPROVED})
    return linked


def _known(**fields: Any) -> dict[str, Any]:
    """The fields a paper gives; an absent value never erases what another paper said."""
    return {k: v for k, v in fields.items() if v not in (None, "")}


def _store_declarations(
    ctx: StoreContext,
    meeting: Meeting,
    declarations: list[dict[str, Any]],
    items: dict,
    pool: CandidatePool,
    span: tuple[int, int] | None,
) -> None:
    if not declarations:
        return
    stored: list[Declaration] = ctx.stored_children(
        meeting, "declarations", lambda: list(meeting.declarations.order_by("pk"))
    )
    existing = {(fold(d.raw_name), fold(d.text)[:200]): d for d in stored}
    created: list[Declaration] = []
    for data in declarations:
        text = values.text(data.get("text"))
        name = values.text(data.get("name"), 255)
        if not text and not name:
            continue
        raw_item = values.text(data.get("item"), 100)
        key = (fold(name), fold(text)[:200])
        item = find_item(items, raw_item)
        new = {
            "raw_name": name,
            "raw_item": raw_item,
            "text": text,
            "item_id": item.pk if item else None,
        }
        declaration = existing.get(key)
        if declaration is None:
            declaration = Declaration(meeting=meeting, **new)
            created.append(declaration)
            existing[key] = declaration
        else:
            ctx.changed(declaration, new)
        ctx.cite(declaration, ctx.span(data, span))
        link_person(ctx, declaration, "person", name, meeting, pool)
    insert_new(created)
    ctx.write()
    ctx.run.keep_children(meeting, "declarations", stored + created)


def _store_approvals(
    ctx: StoreContext, meeting: Meeting, dates: Any, span: tuple[int, int] | None
) -> None:
    """ "The minutes of 28 July were approved": one append-only row per approved meeting."""
    given: dict[datetime.date, MinutesApproval] | None = None
    for value in dates if isinstance(dates, list) else []:
        date = values.iso_date(value)
        if date is None:
            ctx.warn(f"minutes of {meeting}: approval of an unreadable date {value!r} skipped")
            continue
        if date >= meeting.date:
            ctx.warn(f"minutes of {meeting}: approval of later minutes ({date}) skipped")
            continue
        earlier = ctx.run.meeting(meeting.body, date)
        if given is None:
            stored = ctx.stored_children(
                meeting, "approvals_given", lambda: list(meeting.approvals_given.order_by())
            )
            given = {a.minutes_of_date: a for a in stored}
        approval = given.get(date)
        if approval is None:
            approval = create_row(
                MinutesApproval, approved_at=meeting, minutes_of_date=date, minutes_of=earlier
            )
            given[date] = approval
            ctx.run.note_approval(approval, meeting.body)
        elif earlier is not None and approval.minutes_of_id is None:
            save_changed(approval, {"minutes_of": earlier})
        if earlier is not None:
            save_changed(earlier, {"minutes_status": Meeting.MinutesStatus.APPROVED})
        ctx.cite(approval, span)
    if given is not None:
        ctx.run.keep_children(meeting, "approvals_given", list(given.values()))
