"""What the storing of one document carries around: its evidence, its tally, its pending writes.

Every fact stored from a document is `cite`d: that queues its `Provenance`
row (page, line span, raw text) and counts it. The queue is written in one
bulk insert at the end, and the set of cited facts is what a corrected
re-publication compares against to find what it withdrew. A fact may be
cited before it is saved: its key is read when the queue is written.

Changes to rows already stored are queued too (`changed`) and written by
`write`, one update per table, at the end of each step; the links of the
document to its meetings and the doubtful person matches are written with
the evidence. `RunCache` is what a run of imports keeps from one document to
the next.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from minutebook.actions.carry import ActionDays, unplaced_reference_keys
from minutebook.actions.models import Action, ActionUpdate
from minutebook.bodies.models import Body
from minutebook.bodies.resolve import BodyDirectory
from minutebook.core.models import assign_changed
from minutebook.core.rows import insert_links, insert_rows, update_rows
from minutebook.decisions.models import Decision, DecisionCitation
from minutebook.documents.models import Provenance, SourceDocument
from minutebook.importer import values
from minutebook.ingest.source import ReadDocument
from minutebook.meetings.models import Attendance, Meeting, MeetingDocument, MinutesApproval
from minutebook.people.resolve import MEMBER_WINDOW, Lookups, PersonMatch
from minutebook.people.review import DoubtfulMatch, doubtful_match, record_doubtful_matches

RAW_TEXT_LIMIT = 4000

#: Summary names of the record kinds counted per document.
COUNTED = {
    "meetings.meeting": "meetings",
    "actions.action": "actions",
    "decisions.decision": "decisions",
}

#: Meetings whose items, paragraphs, attendance, declarations and approvals a run keeps
#: (`RunCache.kept_children`), the latest.
KEPT_MEETINGS = 16

#: Facts storing a document may delete (an action met twice is merged into one).
MERGEABLE = (Action, ActionUpdate)

Span = tuple[int, int] | None


#: The columns of a `Provenance` row as the importer inserts them.
PROVENANCE_COLUMNS = (
    "content_type_id",
    "object_id",
    "document_id",
    "page",
    "first_line",
    "last_line",
    "raw_text",
    "confidence",
    "created_at",
)


class RunCache:
    """What an import run reads once and reuses for every document: bodies by their aliases,
    posts and who held them, and which actions and decision citations wait for a meeting or
    a decision record to arrive, and who attended each body's meetings.

    It mirrors the committed rows plus what the document being stored wrote;
    `reset` (after a document's transaction rolled back) drops it all, to be
    read again. The "waiting" sets may hold more than waits (a query then
    finds nothing), never less.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.bodies = BodyDirectory()
        self.lookups = Lookups.for_run()
        self._unplaced: dict[int, set[str]] = {}
        self._waiting_actions: set[tuple[int, Any]] | None = None
        self._waiting_citations: tuple[set[str], set[tuple[int, int]]] | None = None
        self._published: tuple[set[str], set[str]] | None = None
        self._meetings: dict[int, dict[Any, Meeting]] = {}
        self._waiting_approvals: set[tuple[int, Any]] | None = None
        self._attendees: dict[int, dict[int, tuple[datetime.date, set[int]]]] = {}
        self._decision_keys: set[str] | None = None
        self._children: OrderedDict[int, dict[str, list[Any]]] = OrderedDict()
        self._action_days: dict[int, ActionDays] = {}

    def may_replace(self, name: str, publication_key: str) -> bool:
        """Whether a current document has this file name or publication key: only then can a
        new document replace one (`store._earlier_versions`). Most documents are new, and
        this spares them the queries."""
        if self._published is None:
            names: set[str] = set()
            keys: set[str] = set()
            current = SourceDocument.objects.filter(status=SourceDocument.Status.CURRENT)
            for stored_name, key in current.order_by().values_list("name", "publication_key"):
                names.add(stored_name)
                keys.add(key)
            self._published = (names, keys)
        names, keys = self._published
        return name in names or (bool(publication_key) and publication_key in keys)

    def note_published(self, name: str, publication_key: str) -> None:
        """Keep `may_replace` whole: a document just stored may be replaced later in the run."""
        if self._published is not None:
            self._published[0].add(name)
            self._published[1].add(publication_key)

    def meeting(self, body: Body, date: Any) -> Meeting | None:
        """The body's meeting on `date`: every meeting of a body is read in one query, the
        first time the run meets the body, and kept (the run's own instances, saved in place)."""
        known = self._meetings.get(body.pk)
        if known is None:
            known = self._meetings[body.pk] = {
                m.date: m for m in Meeting.objects.filter(body=body).order_by()
            }
        meeting = known.get(date)
        if meeting is not None:
            meeting.body = body
        return meeting

    def note_meeting(self, meeting: Meeting) -> None:
        """Keep `meeting` whole: a meeting just created (with no items or paragraphs yet)."""
        if meeting.body_id in self._meetings:
            self._meetings[meeting.body_id][meeting.date] = meeting
        self.keep_children(meeting, "items", [])
        self.keep_children(meeting, "paragraphs", [])

    def forget_meetings(self) -> None:
        """Read the meetings (their items, paragraphs and actions) again: a replaced document
        withdrew facts by query, so the kept instances may no longer show what the rows hold."""
        self._meetings = {}
        self._children = OrderedDict()
        self.forget_actions()

    def action_days(self, body: Body) -> ActionDays:
        """The body's actions by the day they were raised, as the run holds them (`ActionDays`):
        the action logs of its meetings read each day once, not once per log."""
        return self._action_days.setdefault(body.pk, ActionDays())

    def forget_actions(self) -> None:
        """Read the actions again: some changed by query or by instances the run does not hold."""
        self._action_days = {}

    def kept_children(self, meeting: Meeting, kind: str) -> list[Any] | None:
        """Every row of `kind` ("items", "paragraphs", "attendance", "declarations",
        "approvals_given") of a meeting the run stored lately, as `keep_children` left them;
        None when the run does not hold them (read the rows).

        The minutes of a meeting mostly follow its agenda pack in a folder, and
        merge into the items and paragraphs the pack stored; the next meeting's
        pack prints them again as its draft minutes. The run keeps the rows of
        its last `KEPT_MEETINGS` meetings rather than read them again.
        """
        children = self._children.get(meeting.pk)
        if children is None or kind not in children:
            return None
        self._children.move_to_end(meeting.pk)
        return children[kind]

    def forget_kept(self, kind: str) -> None:
        """Read every meeting's rows of `kind` again: some changed by query."""
        for children in self._children.values():
            children.pop(kind, None)

    def keep_children(self, meeting: Meeting, kind: str, rows: list[Any]) -> None:
        """Every row of `kind` the meeting now has (the run's own instances, saved)."""
        self._children.setdefault(meeting.pk, {})[kind] = rows
        self._children.move_to_end(meeting.pk)
        while len(self._children) > KEPT_MEETINGS:
            self._children.popitem(last=False)

    def may_have_waiting_approvals(self, meeting: Meeting) -> bool:
        """Whether approvals stored before this meeting may wait for it (`link_waiting_approvals`):
        the later minutes approved it before its own papers arrived."""
        if self._waiting_approvals is None:
            self._waiting_approvals = set(
                MinutesApproval.objects.filter(minutes_of__isnull=True)
                .order_by()
                .values_list("approved_at__body_id", "minutes_of_date")
            )
        return (meeting.body_id, meeting.date) in self._waiting_approvals

    def note_approval(self, approval: MinutesApproval, body: Body) -> None:
        """Keep the waiting set whole: an approval of minutes not yet stored waits for them."""
        if self._waiting_approvals is not None and approval.minutes_of_id is None:
            self._waiting_approvals.add((body.pk, approval.minutes_of_date))

    def attendees_near(self, body: Body, on_date: datetime.date) -> set[int]:
        """The people named in the attendance of the body's meetings up to `MEMBER_WINDOW`
        either side of `on_date`: candidates for the names printed at a meeting then.

        The body's attendance is read in one query the first time, not once
        per meeting; `note_attendees` keeps it whole.
        """
        meetings = self._attendees.get(body.pk)
        if meetings is None:
            meetings = self._attendees[body.pk] = {}
            rows = Attendance.objects.filter(meeting__body=body, person__isnull=False)
            for meeting_id, date, person_id in rows.order_by().values_list(
                "meeting_id", "meeting__date", "person_id"
            ):
                meetings.setdefault(meeting_id, (date, set()))[1].add(person_id)
        earliest, latest = on_date - MEMBER_WINDOW, on_date + MEMBER_WINDOW
        return {
            person_id
            for date, people in meetings.values()
            if earliest <= date <= latest
            for person_id in people
        }

    def note_attendees(self, meeting: Meeting, person_ids: set[int]) -> None:
        """Keep `attendees_near` whole: the people the meeting's attendance now names."""
        meetings = self._attendees.get(meeting.body_id)
        if meetings is not None:
            meetings[meeting.pk] = (meeting.date, set(person_ids))

    def unplaced_actions(self, body: Body) -> set[str]:
        """`actions.carry.unplaced_reference_keys` of `body`, kept up to date by `MeetingLog`."""
        if body.pk not in self._unplaced:
            self._unplaced[body.pk] = unplaced_reference_keys(body)
        return self._unplaced[body.pk]

    def may_have_waiting_actions(self, meeting: Meeting) -> bool:
        """Whether actions known from later logs may cite this meeting (`waiting_actions`)."""
        if self._waiting_actions is None:
            self._waiting_actions = set(
                Action.objects.filter(raised_at__isnull=True)
                .order_by()
                .values_list("body_id", "raised_on")
            )
        return (meeting.body_id, meeting.date) in self._waiting_actions

    def note_action(self, action: Action) -> None:
        """Keep the waiting set whole: an action not yet pointing at its meeting waits for it."""
        if self._waiting_actions is not None and action.raised_at_id is None:
            self._waiting_actions.add((action.body_id, action.raised_on))

    def may_hold_decision(self, number_key: str) -> bool:
        """Whether a decision of this folded number may be stored: only then is it looked up.
        Most decision records a run meets are new, and this spares them the query."""
        if self._decision_keys is None:
            stored = Decision.objects.order_by().values_list("number_key", flat=True)
            self._decision_keys = set(stored)
        return number_key in self._decision_keys

    def note_decision(self, decision: Decision) -> None:
        """Keep `may_hold_decision` whole: a decision just stored."""
        if self._decision_keys is not None:
            self._decision_keys.add(decision.number_key)

    def waiting_citations(self, decision: Decision) -> tuple[bool, bool]:
        """Whether citations stored before `decision` may wait for it (`link_waiting_citations`):
        any at all, and any printed without a prefix."""
        if self._waiting_citations is None:
            self._waiting_citations = (set(), set())
            waiting = DecisionCitation.objects.filter(decision__isnull=True).order_by()
            for citation in waiting.only("number_key", "year", "sequence"):
                self._note_waiting(citation)
        keys, bare = self._waiting_citations
        bare_waiting = (decision.year, decision.sequence) in bare
        return decision.number_key in keys or bare_waiting, bare_waiting

    def note_citation(self, citation: DecisionCitation) -> None:
        if self._waiting_citations is not None and citation.decision_id is None:
            self._note_waiting(citation)

    def _note_waiting(self, citation: DecisionCitation) -> None:
        keys, bare = self._waiting_citations
        keys.add(citation.number_key)
        if not re.match(r"[A-Z]", citation.number_key):
            bare.add((citation.year, citation.sequence))


@dataclass
class StoreContext:
    document: SourceDocument
    read: ReadDocument
    run: RunCache = field(default_factory=RunCache)
    warnings: list[str] = field(default_factory=list)
    people: set[int] = field(default_factory=set)
    people_created: set[int] = field(default_factory=set)
    merged: bool = False  # actions were merged while storing: some cited rows may be gone
    _pending: list[tuple[models.Model, Span, float | None]] = field(default_factory=list)
    _cited: dict[tuple[int, int], tuple[Any, ...]] = field(default_factory=dict)
    _raw: dict[tuple[int, int], str] = field(default_factory=dict)
    _models: dict[int, type[models.Model]] = field(default_factory=dict)
    _changed: dict[int, tuple[models.Model, set[str]]] = field(default_factory=dict)
    _attached: dict[tuple[int, str], MeetingDocument] = field(default_factory=dict)
    _doubtful: list[DoubtfulMatch] = field(default_factory=list)
    _created_meetings: set[int] = field(default_factory=set)
    _asked: set[tuple[int, str]] = field(default_factory=set)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def span(self, fact: dict[str, Any] | None, fallback: Span) -> Span:
        """A fact's own line span, or its enclosing fact's when it gives none."""
        own = values.span(fact.get("span")) if isinstance(fact, dict) else None
        return own or fallback

    def cite(self, obj: models.Model, span: Span, *, confidence: float | None = None) -> None:
        """Queue the evidence that `obj` was read at `span` of this document (first citation wins)."""
        self._pending.append((obj, span, confidence))

    def note_person(self, person: Any) -> None:
        if person is not None:
            self.people.add(person.pk)

    def note_created(self, person: Any) -> None:
        self.people_created.add(person.pk)
        self.note_person(person)

    # Meetings ---------------------------------------------------------------------

    def created_meeting(self, meeting: Meeting) -> None:
        """`meeting` was created by this document: nothing of it is stored yet."""
        self._created_meetings.add(meeting.pk)

    def fresh(self, meeting: Meeting, children: str) -> bool:
        """True the first time a step asks for `children` of a meeting this document created:
        there are none to read. Later steps read what the first stored."""
        key = (meeting.pk, children)
        if meeting.pk not in self._created_meetings or key in self._asked:
            return False
        self._asked.add(key)
        return True

    def stored_children(
        self, meeting: Meeting, kind: str, read: Callable[[], list[Any]]
    ) -> list[Any]:
        """Every row of `kind` the meeting has, as a step merges into them: none when this
        document created the meeting (`fresh`), the run's own instances when it stored them
        lately (`RunCache.kept_children`), else `read()`. The step hands back what the meeting
        then has with `RunCache.keep_children`."""
        kept = self.run.kept_children(meeting, kind)
        if kept is not None:
            return list(kept)
        return [] if self.fresh(meeting, kind) else read()

    def attach(self, meeting: Meeting, role: str) -> None:
        """This document is one of the meeting's papers, in `role`."""
        self._attached.setdefault(
            (meeting.pk, role), MeetingDocument(meeting=meeting, document=self.document, role=role)
        )

    # People --------------------------------------------------------------------------

    def doubtful(
        self,
        fact: models.Model,
        field_name: str,
        raw_text: str,
        match: PersonMatch,
        *,
        on_date: Any,
        context: str,
    ) -> None:
        """List a doubtful match of `fact.<field_name>` for review (written with the evidence)."""
        self._doubtful.append(
            doubtful_match(
                fact,
                field_name,
                raw_text,
                match,
                on_date=on_date,
                context=context,
                document=self.document,
            )
        )

    # Writes ---------------------------------------------------------------------------

    def changed(self, obj: models.Model, new: Mapping[str, Any]) -> bool:
        """Set the values that differ; a stored row is saved by the next `write`."""
        fields = assign_changed(obj, new)
        if fields and obj.pk is not None:
            self.save_later(obj, fields)
        return bool(fields)

    def save_later(self, obj: models.Model, fields: list[str]) -> None:
        names = {obj._meta.get_field(name).name for name in fields}
        _, queued = self._changed.setdefault(id(obj), (obj, set()))
        queued.update(names)

    def write(self) -> None:
        """Save the rows changed since the last write: one statement per table and set of
        fields, run for every row at once."""
        by_model: dict[type[models.Model], list[tuple[models.Model, set[str]]]] = {}
        for obj, fields in self._changed.values():
            by_model.setdefault(type(obj), []).append((obj, fields))
        self._changed = {}
        for model, rows in by_model.items():
            update_rows(model, rows)

    def flush(self) -> None:
        """Write the queued changes, evidence (`Provenance` rows), meeting papers and doubtful
        matches, and un-withdraw facts this version states again.

        A fact merged into another while the document was stored (an action
        met twice) no longer exists; its evidence is not written.
        """
        self.write()
        self.run.lookups.seats.flush()
        withdrawn: dict[type[models.Model], list[int]] = {}
        stated_again: list[models.Model] = []
        content_types: dict[type[models.Model], ContentType] = {}  # a hundred facts, few kinds
        for obj, span, confidence in self._pending:
            if obj.pk is None:
                raise ValueError(f"{type(obj).__name__} cited but never saved")
            content_type = content_types.get(type(obj))
            if content_type is None:
                content_type = content_types[type(obj)] = ContentType.objects.get_for_model(obj)
            key = (content_type.pk, obj.pk)
            if key in self._cited:
                continue
            self._models[content_type.pk] = type(obj)
            self._cited[key] = self._evidence(content_type, obj.pk, span, confidence)
            if getattr(obj, "withdrawn", False):
                withdrawn.setdefault(type(obj), []).append(obj.pk)
                stated_again.append(obj)
        self._pending = []
        if self.merged:
            self._drop_merged(withdrawn)
        for model, pks in withdrawn.items():
            model._default_manager.filter(pk__in=pks, withdrawn=True).update(withdrawn=False)
        for obj in stated_again:  # the run may keep the instance (`RunCache.kept_children`)
            obj.withdrawn = False
        if Action in withdrawn or ActionUpdate in withdrawn:
            self.run.forget_actions()  # live again: the run holds live actions and updates only
        now = timezone.now()
        insert_rows(Provenance, PROVENANCE_COLUMNS, [(*row, now) for row in self._cited.values()])
        insert_links(list(self._attached.values()))
        record_doubtful_matches(self._doubtful)
        self._doubtful = []

    def _evidence(
        self, content_type: ContentType, pk: int, span: Span, confidence: Any
    ) -> tuple[Any, ...]:
        """The values of `PROVENANCE_COLUMNS` but the last, for one fact."""
        first, last = span if span else (None, None)
        page = None
        raw = ""
        if first is not None:
            page = self.read.page_of_line(first)
            raw = self._raw.get((first, last))
            if raw is None:
                raw = "\n".join(self.read.line_texts[first - 1 : last])
                raw = self._raw[first, last] = raw[:RAW_TEXT_LIMIT]
        if confidence is not None:
            confidence = Provenance._meta.get_field("confidence").get_prep_value(confidence)
        return (content_type.pk, pk, self.document.pk, page, first, last, raw, confidence)

    def _drop_merged(self, withdrawn: dict[type[models.Model], list[int]]) -> None:
        for model in MERGEABLE:
            content_type_id = ContentType.objects.get_for_model(model).pk
            pks = [pk for ct, pk in self._cited if ct == content_type_id]
            if not pks:
                continue
            alive = set(model._default_manager.filter(pk__in=pks).values_list("pk", flat=True))
            for pk in pks:
                if pk not in alive:
                    del self._cited[content_type_id, pk]
            if model in withdrawn:
                withdrawn[model] = [pk for pk in withdrawn[model] if pk in alive]

    @property
    def cited(self) -> set[tuple[int, int]]:
        return set(self._cited)

    def counted_records(self) -> frozenset[tuple[str, int]]:
        """The meetings, actions and decisions this document stated, as (kind, id) pairs.

        A run's totals count each record once, however many of its documents
        state it (the agenda pack and the minutes of one meeting).
        """
        return frozenset(
            (COUNTED[label], pk)
            for content_type_id, pk in self._cited
            if (label := self._models[content_type_id]._meta.label_lower) in COUNTED
        )

    def counts(self) -> dict[str, int]:
        """Facts stored from this document, by kind ("meetings", "actions", ... and app.model labels)."""
        tally: Counter[str] = Counter()
        for content_type_id, _ in self._cited:
            tally[self._models[content_type_id]._meta.label_lower] += 1
        out = {COUNTED.get(label, label): n for label, n in sorted(tally.items())}
        out["people"] = len(self.people)
        return out
