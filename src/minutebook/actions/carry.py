"""Carrying actions from meeting to meeting.

An action is raised once ("Action: NH to report back to the July Board")
and then reviewed in the action log of every meeting until it is closed
("Action 3.0 - Agenda Item 10.6, 28th February 2019 Board meeting - ...
Update: ... Action: On-going"). Each review becomes an `ActionUpdate` on
the one `Action` it continues, found by the meeting date and item number
the log cites, or else by the action's reference, so the action shows its
whole life whatever order the papers are imported in.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from minutebook.actions.models import Action, ActionStatus, ActionUpdate
from minutebook.bodies.models import Body
from minutebook.core.models import save_changed
from minutebook.core.text import fold
from minutebook.documents.models import Provenance
from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.meetings.numbers import item_key


@dataclass(frozen=True)
class LogEntry:
    """One line of an action log, as printed."""

    reference: str = ""
    item: str = ""
    meeting_date: datetime.date | None = None
    text: str = ""
    update: str = ""
    status: str = ActionStatus.OPEN


_REFERENCE_WORDS = re.compile(
    r"^\s*(?:action|ref(?:erence)?\.?)\s*(?:no\.?|number)?\s*", re.IGNORECASE
)


def reference_key(reference: str) -> str:
    """ "Action 3.0" and "3.0" give the same key."""
    return item_key(clean_reference(reference))


def clean_reference(reference: str) -> str:
    """The reference without the word "Action": "Action 3.0" is shown as "3.0"."""
    return _REFERENCE_WORDS.sub("", reference or "").strip(" .:-")[:50]


def action_status(printed: str | None) -> str:
    """A printed status as an `ActionStatus`: "Complete" is closed, "Ongoing"/"In progress" on-going."""
    words = fold(printed or "")
    if not words:
        return ActionStatus.OPEN
    if any(w in words for w in ("closed", "complete", "done", "discharged", "achieved")):
        return ActionStatus.CLOSED
    if any(w in words for w in ("ongoing", "going", "progress", "continuing")):
        return ActionStatus.ON_GOING
    return ActionStatus.OPEN


def similarity(a: str, b: str) -> float:
    """How alike two printed texts are, 0-1, ignoring case and punctuation."""
    return difflib.SequenceMatcher(None, fold(a)[:300], fold(b)[:300]).ratio()


def find_action_for_entry(body: Body, entry: LogEntry) -> Action | None:
    """The action a log entry continues.

    First the meeting and item it cites ("Agenda Item 10.6, 28th February
    2019"), then its reference among actions not raised on another day,
    then (for an entry with neither) the open action with the same text.
    """
    actions = Action.objects.filter(body=body, withdrawn=False)
    ikey, rkey = item_key(entry.item), reference_key(entry.reference)
    if entry.meeting_date and ikey:
        same_day = list(actions.filter(raised_on=entry.meeting_date))
        found = [a for a in same_day if a.item_key == ikey] or [
            a for a in same_day if _nested(a.item_key, ikey)
        ]
        if found:
            return _best(found, entry, rkey)
    if rkey:
        found = list(actions.filter(reference_key=rkey).order_by("-raised_on", "-pk"))
        if entry.meeting_date:
            found = [a for a in found if a.raised_on in (None, entry.meeting_date)]
        else:
            found = [a for a in found if a.status != ActionStatus.CLOSED] or found
        if found:
            return _best(found, entry, rkey)
    if entry.text and not (entry.meeting_date and ikey):
        open_ones = actions.exclude(status=ActionStatus.CLOSED)
        scored = [(similarity(a.text, entry.text), a) for a in open_ones]
        scored = [pair for pair in scored if pair[0] >= 0.85]
        if scored:
            return max(scored, key=lambda pair: pair[0])[1]
    return None


def _nested(a: str, b: str) -> bool:
    """Item "10" and its paragraph "10.6" name the same item for linking."""
    return bool(a and b) and (a.startswith(f"{b}.") or b.startswith(f"{a}."))


def _best(found: list[Action], entry: LogEntry, rkey: str) -> Action:
    if len(found) == 1:
        return found[0]
    same_ref = [a for a in found if rkey and a.reference_key == rkey]
    if len(same_ref) == 1:
        return same_ref[0]
    pool = same_ref or found
    if entry.text:
        return max(pool, key=lambda a: similarity(a.text, entry.text))
    return pool[0]


def link_log_entry_to_action(
    body: Body, meeting: Meeting, entry: LogEntry
) -> tuple[Action, ActionUpdate, bool]:
    """Record `meeting`'s review of the action `entry` continues; returns (action, update, action created).

    An entry whose action is not known yet (its raising meeting is not
    imported) starts the action from what the log says; the raising
    meeting, when it arrives, adopts it instead of raising a second one.
    """
    action = find_action_for_entry(body, entry)
    created = action is None
    reference = clean_reference(entry.reference)
    if action is None:
        raised_at = (
            Meeting.objects.filter(body=body, date=entry.meeting_date).first()
            if entry.meeting_date
            else None
        )
        action = Action.objects.create(
            body=body,
            reference=reference,
            reference_key=reference_key(entry.reference),
            raised_at=raised_at,
            raised_on=entry.meeting_date,
            raised_under=_item_of(raised_at, entry.item),
            raw_item=entry.item[:50],
            item_key=item_key(entry.item),
            text=entry.text or entry.update,
        )
    else:
        fill = {}
        if reference and not action.reference:
            fill.update(reference=reference, reference_key=reference_key(entry.reference))
        if entry.text and not action.text:
            fill["text"] = entry.text
        if entry.meeting_date and not action.raised_on:
            fill["raised_on"] = entry.meeting_date
        if entry.item and not action.item_key:
            fill.update(raw_item=entry.item[:50], item_key=item_key(entry.item))
        save_changed(action, fill)
        for duplicate in _unplaced_namesakes(action):
            merge_actions(action, duplicate)
    update = record_update(action, meeting, entry)
    refresh_status(action)
    return action, update, created


def _unplaced_namesakes(action: Action) -> list[Action]:
    """Actions known only by the same reference from a log with no meeting or item: the same
    action, met before an entry said where it was raised."""
    if not (action.reference_key and action.raised_on):
        return []
    return list(
        Action.objects.filter(
            body_id=action.body_id,
            reference_key=action.reference_key,
            raised_on__isnull=True,
            item_key="",
        ).exclude(pk=action.pk)
    )


@transaction.atomic
def merge_actions(keep: Action, duplicate: Action) -> None:
    """Fold `duplicate` into `keep`: its updates, evidence and anything `keep` lacks; then delete it."""
    taken = set(keep.updates.values_list("meeting_id", flat=True))
    for update in duplicate.updates.all():
        if update.meeting_id in taken:
            update.delete()
        else:
            ActionUpdate.objects.filter(pk=update.pk).update(action=keep)
    action_type = ContentType.objects.get_for_model(Action)
    evidenced = set(
        Provenance.objects.filter(content_type=action_type, object_id=keep.pk).values_list(
            "document_id", flat=True
        )
    )
    moved = Provenance.objects.filter(content_type=action_type, object_id=duplicate.pk)
    moved.exclude(document_id__in=evidenced).update(object_id=keep.pk)
    fill = {
        name: getattr(duplicate, name)
        for name in ("reference", "reference_key", "text", "owner_text", "due_text")
        if not getattr(keep, name) and getattr(duplicate, name)
    }
    save_changed(keep, fill)
    duplicate.delete()
    refresh_status(keep)


def record_update(action: Action, meeting: Meeting, entry: LogEntry) -> ActionUpdate:
    """The one update row of `meeting` for `action` (created, or corrected in place on re-publication)."""
    new = {
        "date": meeting.date,
        "text": entry.update,
        "status": entry.status,
        "raw_reference": entry.reference[:50],
    }
    update = ActionUpdate.objects.filter(action=action, meeting=meeting).first()
    if update is None:
        return ActionUpdate.objects.create(action=action, meeting=meeting, **new)
    save_changed(update, new)
    return update


def refresh_status(action: Action) -> None:
    """The action's status is its latest live update's; closed at the meeting that closed it."""
    latest = action.updates.filter(withdrawn=False).order_by("-date", "-pk").first()
    if latest is None:
        return
    closed = latest.status == ActionStatus.CLOSED
    save_changed(
        action, {"status": latest.status, "closed_at_id": latest.meeting_id if closed else None}
    )


def adopt_waiting_actions(meeting: Meeting, items: dict[str, AgendaItem]) -> int:
    """Actions first known from later logs that cite this meeting now point at it and its item."""
    waiting = Action.objects.filter(
        body=meeting.body, raised_on=meeting.date, raised_at__isnull=True
    )
    adopted = 0
    for action in waiting:
        save_changed(action, {"raised_at": meeting, "raised_under": items.get(action.item_key)})
        adopted += 1
    return adopted


def open_actions_for(body: Body, before_date: datetime.date) -> QuerySet[Action]:
    """Actions of `body` raised before `before_date` and not closed by a review before it.

    The list a meeting's action log should carry forward.
    """
    latest_status = Subquery(
        ActionUpdate.objects.filter(action=OuterRef("pk"), withdrawn=False, date__lt=before_date)
        .order_by("-date", "-pk")
        .values("status")[:1]
    )
    return (
        Action.objects.filter(body=body, withdrawn=False, raised_on__lt=before_date)
        .annotate(status_then=Coalesce(latest_status, Value(ActionStatus.OPEN.value)))
        .exclude(status_then=ActionStatus.CLOSED)
        .order_by("raised_on", "pk")
    )


def _item_of(meeting: Meeting | None, number: str) -> AgendaItem | None:
    key = item_key(number)
    if meeting is None or not key:
        return None
    return meeting.items.filter(number_key=key).first()
