"""New actions raised in minutes, and the action log's reviews of earlier ones."""

from __future__ import annotations

import re
from typing import Any

from minutebook.actions.carry import (
    LogEntry,
    MeetingLog,
    action_status,
    reference_key,
    similarity,
    waiting_actions,
)
from minutebook.actions.models import Action
from minutebook.core.rows import insert_new
from minutebook.core.text import fold
from minutebook.importer import values
from minutebook.importer.context import StoreContext
from minutebook.importer.store_items import ItemIndex, find_item
from minutebook.importer.store_people import link_person
from minutebook.meetings.models import Meeting
from minutebook.meetings.numbers import item_key
from minutebook.people.resolve import CandidatePool, resolve_person_at

#: "NH would look into", "Chief Constable to update", "JG offered to write up".
_OWNER_LEAD = re.compile(
    r"^(?P<owner>[A-Z][\w/&.' -]{0,60}?)\s+(?:to|would|will|offered to|agreed to|is to|was asked to)\s",
    re.U,
)


def store_new_actions(
    ctx: StoreContext,
    meeting: Meeting,
    actions: list[dict[str, Any]],
    items: ItemIndex,
    pool: CandidatePool,
    span: tuple[int, int] | None,
) -> list[Action]:
    """Store the actions a meeting raised, merged with what is already known of them.

    Known are: the meeting's own actions from an earlier version of its
    minutes, and actions first met in a later meeting's log that cite this
    meeting. The same item and text is the same action; failing that, the
    closest text at the same item (a corrected typo, a log's paraphrase).
    Returns the waiting actions left unmatched, for `adopt_waiting_actions`.
    """
    own = [] if ctx.fresh(meeting, "actions") else list(Action.objects.filter(raised_at=meeting))
    waiting = waiting_actions(meeting) if ctx.run.may_have_waiting_actions(meeting) else []
    known = own + waiting
    wanted = [
        (data, values.text(data.get("text")), values.text(data.get("item"), 50))
        for data in actions
        if values.text(data.get("text"))
    ]
    matched: dict[int, Action] = {}
    used: set[int] = set()
    for index, (_, text, raw_item) in enumerate(wanted):  # exact matches first
        for action in known:
            same_item = action.item_key == item_key(raw_item)
            if action.pk not in used and same_item and fold(action.text) == fold(text):
                matched[index] = action
                used.add(action.pk)
                break
    for index, (_, text, raw_item) in enumerate(wanted):  # then the closest text at the same item
        if index in matched:
            continue
        near = [
            (similarity(a.text, text), a)
            for a in known
            if a.pk not in used and a.item_key == item_key(raw_item)
        ]
        near = [pair for pair in near if pair[0] >= 0.5]
        if near:
            action = max(near, key=lambda pair: pair[0])[1]
            matched[index] = action
            used.add(action.pk)
    for index, (_, _, raw_item) in enumerate(wanted):  # then the one action left at an item
        if index in matched:
            continue
        key = item_key(raw_item)
        left = [a for a in known if a.pk not in used and a.item_key == key]
        wanting = [i for i, w in enumerate(wanted) if i not in matched and item_key(w[2]) == key]
        if key and len(left) == 1 and wanting == [index]:
            matched[index] = left[0]
            used.add(left[0].pk)
    created: list[Action] = []
    for index, (data, text, raw_item) in enumerate(wanted):
        owner_text = values.text(data.get("owner"), 255) or _owner_from_text(text, meeting, pool)
        due_text = values.text(data.get("due"), 255)
        raised_under = find_item(items, raw_item)
        new = {
            "raised_at_id": meeting.pk,
            "raised_on": meeting.date,
            "raised_under_id": raised_under.pk if raised_under else None,
            "raw_item": raw_item,
            "item_key": item_key(raw_item),
            "text": text,
            "owner_text": owner_text,
            "due_text": due_text,
            "due_date": values.due_date(due_text),
        }
        reference = values.text(data.get("ref") or data.get("reference"), 50)
        if reference:
            new.update(reference=reference, reference_key=reference_key(reference))
        action = matched.get(index)
        if action is None:
            action = Action(body=meeting.body, **new)
            created.append(action)
        else:
            ctx.changed(action, new)
        ctx.cite(action, ctx.span(data, span), confidence=data.get("confidence"))
        if owner_text:
            link_person(ctx, action, "owner", owner_text, meeting, pool)
    insert_new(created)
    ctx.write()
    # Every action raised on this day, in the instances just written: what the logs of later
    # meetings review (`MeetingLog`). The waiting ones left are adopted by the meeting next.
    days = ctx.run.action_days(meeting.body)
    days.put(meeting.date, own + waiting + created)
    days.created(created)
    return [a for a in waiting if a.pk not in used]


def _owner_from_text(text: str, meeting: Meeting, pool: CandidatePool) -> str:
    """The owner named at the start of an action ("NH would ...") when the parser gave none.

    Kept only when it is surely a person or post of the meeting, so "The
    invite to be resent" never makes "The invite" an owner.
    """
    match = _OWNER_LEAD.match(text)
    if not match or len(match.group("owner").split()) > 6:
        return ""
    owner = match.group("owner").strip()
    return owner if resolve_person_at(owner, meeting.date, pool).sure is not None else ""


def store_action_log(
    ctx: StoreContext, meeting: Meeting, entries: list[dict[str, Any]], span: tuple[int, int] | None
) -> None:
    """Each log entry becomes this meeting's update on the action it continues."""
    if not entries:
        return
    log = MeetingLog(
        meeting.body,
        meeting,
        unplaced=ctx.run.unplaced_actions(meeting.body),
        fresh=ctx.fresh(meeting, "action_updates"),
        days=ctx.run.action_days(meeting.body),
    )
    read = [
        (
            data,
            LogEntry(
                reference=values.text(data.get("ref"), 50),
                item=values.text(data.get("item"), 50),
                meeting_date=values.iso_date(data.get("meeting_date")),
                text=values.text(data.get("text")),
                update=values.text(data.get("update")),
                status=action_status(values.text(data.get("status"))),
            ),
        )
        for data in entries
    ]
    read = [(data, e) for data, e in read if e.reference or e.text or e.update]
    log.prefetch([entry for _, entry in read])
    for data, entry in read:
        if entry.meeting_date and entry.meeting_date > meeting.date:
            ctx.warn(
                f"action log of {meeting}: entry {entry.reference or entry.text[:40]!r} cites a later meeting"
            )
        linked = log.link(entry)
        ctx.merged |= linked.merged
        ctx.run.note_action(linked.action)
        entry_span = ctx.span(data, span)
        ctx.cite(linked.action, entry_span, confidence=data.get("confidence"))
        ctx.cite(linked.update, entry_span, confidence=data.get("confidence"))
    log.finish()
