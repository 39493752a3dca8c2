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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from minutebook.actions.models import Action, ActionStatus, ActionUpdate
from minutebook.bodies.models import Body
from minutebook.core.models import assign_changed, save_changed
from minutebook.core.rows import create_row, insert_new, update_rows
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


def find_action_for_entry(
    body: Body,
    entry: LogEntry,
    *,
    raised_on: Callable[[datetime.date], list[Action]] | None = None,
    before_reading: Callable[[], None] | None = None,
) -> Action | None:
    """The action a log entry continues.

    First the meeting and item it cites ("Agenda Item 10.6, 28th February
    2019"), then its reference among actions not raised on another day,
    then (for an entry with neither) the open action with the same text.
    `raised_on`, when given, lists the live actions of the body raised on a
    day (as the query would, by pk); `before_reading` is called before the
    actions are read by reference or text (to write what the caller holds).
    """
    actions = Action.objects.filter(body=body, withdrawn=False)
    ikey, rkey = item_key(entry.item), reference_key(entry.reference)
    if entry.meeting_date and ikey:
        if raised_on is not None:
            same_day = raised_on(entry.meeting_date)
        else:
            same_day = list(actions.filter(raised_on=entry.meeting_date))
        found = [a for a in same_day if a.item_key == ikey] or [
            a for a in same_day if _nested(a.item_key, ikey)
        ]
        if found:
            return _best(found, entry, rkey)
    if before_reading is not None and (rkey or entry.text):
        before_reading()
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


@dataclass
class LinkedEntry:
    """What linking one log entry did."""

    action: Action
    update: ActionUpdate
    created: bool  # the action was started from this entry
    merged: bool  # namesakes were merged into the action (and deleted)


def unplaced_reference_keys(body: Body) -> set[str]:
    """Reference keys of the body's actions known only from a log with no meeting or item."""
    return set(
        Action.objects.filter(body=body, raised_on__isnull=True, item_key="")
        .order_by()
        .values_list("reference_key", flat=True)
    )


class ActionDays:
    """One body's live actions by the day they were raised, as a run of imports holds them,
    with the updates it wrote.

    Every action log cites the meetings whose actions it reviews, and most
    cite the last few: a run keeps each day's actions from the minutes that
    raised them (`put`) or the first log that read them, rather than read
    them again for every log. It holds one instance per action row, which
    the logs change in place and write. Whoever changes actions of a day by
    other instances `forget`s the day. It also follows every update of the
    actions the run created (`latest_update`), so a log refreshes their
    statuses without reading them, and keeps each meeting's log
    (`reviews`) for its minutes printed again.
    """

    def __init__(self) -> None:
        self._days: dict[datetime.date, list[Action]] = {}
        self._rows: dict[int, Action] = {}
        # The live updates of actions created in the run, whose every update the run wrote:
        # action id -> {meeting id: (date, update id, status)}.
        self._updates: dict[int, dict[int, tuple[datetime.date, int, str]]] = {}
        # Each reviewing meeting's updates, as its log left them: meeting id -> {action id: update}.
        self._reviews: dict[int, dict[int, ActionUpdate]] = {}

    def __contains__(self, day: datetime.date) -> bool:
        return day in self._days

    def actions(self, day: datetime.date) -> list[Action]:
        return self._days[day]

    def put(self, day: datetime.date, actions: list[Action]) -> None:
        """Every action raised on `day` (withdrawn ones are left out)."""
        self.forget(day)
        live = [action for action in actions if not action.withdrawn]
        self._days[day] = live
        self._rows.update((action.pk, action) for action in live)

    def forget(self, day: datetime.date) -> None:
        for action in self._days.pop(day, []):
            self._rows.pop(action.pk, None)

    def placed(self, action: Action) -> None:
        """`action` now has its raising day: listed under it, when the day is held."""
        day = self._days.get(action.raised_on)
        if day is not None and action.pk not in self._rows:
            day.append(action)
            self._rows[action.pk] = action

    def deleted(self, pk: int) -> None:
        action = self._rows.pop(pk, None)
        day = self._days.get(action.raised_on) if action is not None else None
        if day is not None and action in day:
            day.remove(action)

    def instance(self, action: Action) -> Action:
        """The instance held for `action`'s row, or `action` itself."""
        return self._rows.get(action.pk, action)

    def created(self, actions: list[Action]) -> None:
        """New actions: none has an update yet, so the run knows all of theirs from now on."""
        for action in actions:
            self._updates[action.pk] = {}

    def recorded(self, update: ActionUpdate) -> None:
        """An update written (created or changed) for an action the run follows."""
        updates = self._updates.get(update.action_id)
        if updates is None:
            return
        if update.withdrawn:
            updates.pop(update.meeting_id, None)
        else:
            updates[update.meeting_id] = (update.date, update.pk, update.status)

    def latest_update(self, pk: int) -> tuple[str, int] | None:
        """(status, meeting id) of the action's latest live update, as `refresh_status` reads it;
        None when it has none or the run does not know all of its updates (`follows`)."""
        updates = self._updates.get(pk)
        if not updates:
            return None
        *_, status, meeting_id = max((d, u, s, m) for m, (d, u, s) in updates.items())
        return status, meeting_id

    def follows(self, pk: int) -> bool:
        return pk in self._updates

    def unfollow(self, pk: int) -> None:
        """The action's updates changed by query (a merge moved some): read them again."""
        self._updates.pop(pk, None)

    def reviews(self, meeting_id: int) -> dict[int, ActionUpdate] | None:
        """Every update a meeting's log wrote, by action id, when the run holds them: the
        minutes printed again in the next pack review the same actions."""
        return self._reviews.get(meeting_id)

    def keep_reviews(self, meeting_id: int, updates: dict[int, ActionUpdate]) -> None:
        self._reviews[meeting_id] = updates

    def forget_reviews(self) -> None:
        """A merge moved updates between actions: read every meeting's again."""
        self._reviews = {}


class MeetingLog:
    """Links the entries of one meeting's action log, reading what they share once.

    `unplaced` are the reference keys `unplaced_reference_keys` gives (read
    when None); a key added since is fine, one missing is not. `fresh` says
    the meeting was just created, so no update of it exists yet. `days` are
    the body's actions a run holds (`ActionDays`).

    The actions raised on the days the entries cite are read in one query
    (`prefetch`), unless `days` holds them, and the log holds one instance
    per action row; so are the meeting's own updates, when its minutes were
    stored before. What an entry fills in on an action (its reference,
    text, raising day or item) is written for all of them in one statement,
    before anything reads actions by those columns and at `finish`. The
    updates of the log are inserted together, and the status of the actions
    reviewed refreshed from their updates (those `days` does not hold, in
    one query) when a later entry's search reads statuses (or a merge reads
    updates) and at `finish`, which the caller runs once the log is linked.
    """

    def __init__(
        self,
        body: Body,
        meeting: Meeting,
        *,
        unplaced: set[str] | None = None,
        fresh: bool = False,
        days: ActionDays | None = None,
    ) -> None:
        self.body = body
        self.meeting = meeting
        self._unplaced = unplaced
        self._days = ActionDays() if days is None else days
        self._updates: dict[int, ActionUpdate] | None = (
            {} if fresh else self._days.reviews(meeting.pk)
        )
        if self._updates is not None:
            self._days.keep_reviews(meeting.pk, self._updates)
        self._stale: dict[int, Action] = {}
        self._new_updates: list[ActionUpdate] = []
        self._known: dict[int, Action] = {}  # the one instance of each action row met
        self._deleted: set[int] = set()
        self._filled: dict[int, tuple[Action, set[str]]] = {}

    def prefetch(self, entries: list[LogEntry]) -> None:
        """Read at once the actions raised on the days the entries cite with an item."""
        days = {
            e.meeting_date
            for e in entries
            if e.meeting_date and item_key(e.item) and e.meeting_date not in self._days
        }
        if not days:
            return
        read: dict[datetime.date, list[Action]] = {day: [] for day in days}
        live = Action.objects.filter(body=self.body, withdrawn=False, raised_on__in=days)
        for action in live.order_by("pk"):
            read[action.raised_on].append(self._own(action))
        for day, actions in read.items():
            self._days.put(day, actions)

    def _raised_on(self, day: datetime.date) -> list[Action]:
        self.prefetch([LogEntry(item="-", meeting_date=day)])
        return sorted(
            (
                a
                for a in self._days.actions(day)
                if a.raised_on == day and a.pk not in self._deleted
            ),
            key=lambda a: a.pk,
        )

    def _own(self, action: Action) -> Action:
        """This log's instance of an action row (what it holds equals the row): the run's,
        when it holds the row."""
        return self._known.setdefault(action.pk, self._days.instance(action))

    def _placed(self, action: Action) -> None:
        """`action` now has a raising day: list it under that day."""
        self._days.placed(action)

    def link(self, entry: LogEntry) -> LinkedEntry:
        """Record the meeting's review of the action `entry` continues.

        An entry whose action is not known yet (its raising meeting is not
        imported) starts the action from what the log says; the raising
        meeting, when it arrives, adopts it instead of raising a second one.
        """
        body = self.body
        if _reads_status(entry):
            self.finish()
        action = find_action_for_entry(
            body, entry, raised_on=self._raised_on, before_reading=self._write_fills
        )
        if action is not None:
            action = self._own(action)
        created = action is None
        merged = False
        reference = clean_reference(entry.reference)
        if action is None:
            raised_at = (
                Meeting.objects.filter(body=body, date=entry.meeting_date).first()
                if entry.meeting_date
                else None
            )
            action = create_row(
                Action,
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
            self._own(action)
            self._placed(action)
            self._days.created([action])
            if action.raised_on is None and not action.item_key:
                self.unplaced.add(action.reference_key)
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
            self._fill(action, fill)
            if "raised_on" in fill:
                self._placed(action)
            for duplicate in self._unplaced_namesakes(action):
                self._insert_updates()  # the merge reads both actions' updates
                merge_actions(action, duplicate)
                self._deleted.add(duplicate.pk)
                self._days.deleted(duplicate.pk)
                self._days.unfollow(duplicate.pk)
                self._days.unfollow(action.pk)
                self._known.pop(duplicate.pk, None)
                merged = True
        if merged:
            self._updates = None  # the merge moved updates between actions
            self._days.forget_reviews()
        update = self._record_update(action, entry)
        self._stale[action.pk] = action
        return LinkedEntry(action, update, created, merged)

    def _fill(self, action: Action, values: dict[str, Any]) -> None:
        """Set what the log tells of an action, to be written with the others' (`_write_fills`)."""
        changed = assign_changed(action, values)
        if changed:
            self._filled.setdefault(action.pk, (action, set()))[1].update(changed)

    def _write_fills(self) -> None:
        if self._filled:
            update_rows(Action, list(self._filled.values()))
            self._filled = {}

    def finish(self) -> None:
        """Write what the entries filled in, and refresh the status of the actions reviewed
        since the last call (`refresh_status`)."""
        self._write_fills()
        self._insert_updates()
        if not self._stale:
            return
        actions, self._stale = self._stale, {}
        for update in (self._updates or {}).values():
            self._days.recorded(update)
        latest: dict[int, tuple[str, int]] = {}
        unknown = []
        for pk in actions:
            if not self._days.follows(pk):
                unknown.append(pk)
            elif (known := self._days.latest_update(pk)) is not None:
                latest[pk] = known
        if unknown:
            live = ActionUpdate.objects.filter(action_id__in=unknown, withdrawn=False)
            for action_id, status, meeting_id in live.order_by("-date", "-pk").values_list(
                "action_id", "status", "meeting_id"
            ):
                latest.setdefault(action_id, (status, meeting_id))
        changed_rows: list[tuple[Action, set[str]]] = []
        for pk, action in actions.items():
            if pk not in latest:
                continue
            status, meeting_id = latest[pk]
            changed = assign_changed(
                action,
                {
                    "status": status,
                    "closed_at_id": meeting_id if status == ActionStatus.CLOSED else None,
                },
            )
            if changed:
                changed_rows.append((action, set(changed)))
        update_rows(Action, changed_rows)  # one statement per set of fields, for all rows

    @property
    def unplaced(self) -> set[str]:
        if self._unplaced is None:
            self._unplaced = unplaced_reference_keys(self.body)
        return self._unplaced

    def _unplaced_namesakes(self, action: Action) -> list[Action]:
        if not (action.reference_key and action.raised_on):
            return []
        if action.reference_key not in self.unplaced:
            return []
        self._write_fills()  # the namesakes are read, and may be merged, by reference
        return _unplaced_namesakes(action)

    def _record_update(self, action: Action, entry: LogEntry) -> ActionUpdate:
        """The one update row of the meeting for `action` (created, or corrected in place)."""
        if self._updates is None:
            self._updates = {
                u.action_id: u for u in ActionUpdate.objects.filter(meeting=self.meeting).order_by()
            }
            self._days.keep_reviews(self.meeting.pk, self._updates)
        update = self._updates.get(action.pk)
        if update is None:
            update = ActionUpdate(
                action=action, meeting=self.meeting, **_update_values(self.meeting, entry)
            )
            self._new_updates.append(update)
            self._updates[action.pk] = update
        elif update.pk is None:
            for name, value in _update_values(self.meeting, entry).items():
                setattr(update, name, value)
        else:
            save_changed(update, _update_values(self.meeting, entry))
        return update

    def _insert_updates(self) -> None:
        if self._new_updates:
            insert_new(self._new_updates)
            self._new_updates = []


def _reads_status(entry: LogEntry) -> bool:
    """Whether `find_action_for_entry` may look at action statuses for this entry."""
    dated_item = bool(entry.meeting_date and item_key(entry.item))
    by_reference = bool(reference_key(entry.reference)) and not entry.meeting_date
    return by_reference or bool(entry.text and not dated_item)


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


def _update_values(meeting: Meeting, entry: LogEntry) -> dict[str, object]:
    return {
        "date": meeting.date,
        "text": entry.update,
        "status": entry.status,
        "raw_reference": entry.reference[:50],
    }


def refresh_status(action: Action) -> None:
    """The action's status is its latest live update's; closed at the meeting that closed it."""
    latest = action.updates.filter(withdrawn=False).order_by("-date", "-pk").first()
    if latest is None:
        return
    closed = latest.status == ActionStatus.CLOSED
    save_changed(
        action, {"status": latest.status, "closed_at_id": latest.meeting_id if closed else None}
    )


def waiting_actions(meeting: Meeting) -> list[Action]:
    """Actions first known from later logs that cite this meeting, not yet pointing at it."""
    return list(
        Action.objects.filter(body=meeting.body, raised_on=meeting.date, raised_at__isnull=True)
    )


def adopt_waiting_actions(
    meeting: Meeting, items: dict[str, AgendaItem], waiting: list[Action] | None = None
) -> int:
    """Actions first known from later logs that cite this meeting now point at it and its item.

    `waiting` is `waiting_actions(meeting)` when the caller has it already.
    """
    if waiting is None:
        waiting = waiting_actions(meeting)
    adopted = 0
    for action in waiting:
        item = items.get(action.item_key)
        save_changed(
            action, {"raised_at_id": meeting.pk, "raised_under_id": item.pk if item else None}
        )
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
