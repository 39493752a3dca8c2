"""Storing one document's extract: the unit of work, in one transaction.

`store_extract` is what `import_paths` calls for each file after reading
and parsing it; tests call it directly with an extract built in code. It
writes nothing for a document already stored (same sha256), replaces an
earlier version of the same publication (keeping it, superseded), and
stores every fact with its provenance, or nothing at all. A run of imports
hands every call the same `RunCache`, so what one document read (bodies,
posts, seats) the next need not read again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from minutebook.bodies.names import area_name, organisation_key, organisations_agree
from minutebook.bodies.resolve import BodyDirectory
from minutebook.core.rows import create_row
from minutebook.decisions.numbers import decision_number_key
from minutebook.documents.models import SourceDocument
from minutebook.importer import values
from minutebook.importer.context import RunCache, StoreContext
from minutebook.importer.store_decisions import store_decision_record
from minutebook.importer.store_meetings import store_agenda, store_minutes
from minutebook.importer.withdraw import withdraw_facts_no_longer_stated
from minutebook.ingest.source import ReadDocument
from minutebook.meetings.models import MeetingDocument

SCHEMA_PREFIX = "minutebook.extract/"


@dataclass
class StoredDocument:
    """What storing one document did."""

    outcome: str  # an ImportRunFile.Outcome value other than failed
    document: SourceDocument
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    replaced: list[SourceDocument] = field(default_factory=list)
    withdrawn: int = 0
    people: frozenset[int] = frozenset()  # identified in the document (created or matched)
    people_created: frozenset[int] = frozenset()
    records: frozenset[tuple[str, int]] = (
        frozenset()
    )  # (kind, id) of its meetings, actions, decisions


def store_extract(
    read: ReadDocument,
    extract: dict[str, Any],
    *,
    path: str = "",
    sha256: str | None = None,
    cache: RunCache | None = None,
    checked: bool = False,
) -> StoredDocument:
    """Store the facts `extract` found in `read`, all or nothing.

    `sha256` is the file's digest when the caller computed it (the reader's
    otherwise). A document already stored is returned unchanged without a
    write; `checked` says the caller has just found the digest unknown.
    `cache` is the run's (a new one by default); it is reset when the
    document fails.
    """
    digest = sha256 or read.sha256
    if not checked:
        known = SourceDocument.objects.filter(sha256=digest).first()
        if known is not None:
            return StoredDocument("unchanged", known)
    cache = RunCache() if cache is None else cache
    try:
        with transaction.atomic():
            return _store_new(read, extract, path=path, digest=digest, cache=cache)
    except BaseException:
        cache.reset()  # it may hold rows the rollback undid
        raise


def _store_new(
    read: ReadDocument, extract: dict[str, Any], *, path: str, digest: str, cache: RunCache
) -> StoredDocument:
    warnings: list[str] = []
    schema = values.text(extract.get("schema"))
    if not schema.startswith(SCHEMA_PREFIX):
        warnings.append(f"extract schema {schema or 'missing'}: read as {SCHEMA_PREFIX}1")
    meetings = [dict(m) for m in values.dicts(extract.get("meetings"))]
    agendas = [dict(a) for a in values.dicts(extract.get("agendas"))]
    records = values.dicts(extract.get("decision_records"))
    _fill_missing_organisations(meetings + agendas)
    _fill_missing_bodies(meetings + agendas, warnings, cache.bodies)

    kind = _kind(meetings, agendas, records)
    key = _publication_key(kind, meetings, agendas, records, cache.bodies)
    name = read.name[:255]
    replaced = _earlier_versions(name, key, digest) if cache.may_replace(name, key) else []
    document = create_row(
        SourceDocument,
        name=name,
        path=path[:1000],
        sha256=digest,
        media_type=read.media_type[:100],
        kind=kind,
        publication_key=key,
        page_count=read.page_count,
        size=len(read.text.encode()),
        text=read.text,
        supersedes=replaced[0] if replaced else None,
        extras={"reader_warnings": list(read.warnings)} if read.warnings else {},
    )
    if replaced:
        SourceDocument.objects.filter(pk__in=[d.pk for d in replaced]).update(
            status=SourceDocument.Status.SUPERSEDED
        )
    cache.note_published(name, key)
    ctx = StoreContext(document=document, read=read, run=cache, warnings=warnings)
    agenda_role = (
        MeetingDocument.Role.PACK
        if kind == SourceDocument.Kind.PACK
        else MeetingDocument.Role.AGENDA
    )
    for data in meetings:
        store_minutes(ctx, data)
    for data in agendas:
        store_agenda(ctx, data, agenda_role)
    for data in records:
        store_decision_record(ctx, data)
    ctx.flush()
    withdrawn = 0
    if replaced:
        withdrawn = withdraw_facts_no_longer_stated(replaced, document)
        cache.forget_meetings()
    ctx.warnings.extend(values.text(w) for w in extract.get("warnings") or [] if values.text(w))
    return StoredDocument(
        outcome="replaced" if replaced else "inserted",
        document=document,
        counts=ctx.counts(),
        warnings=ctx.warnings,
        replaced=replaced,
        withdrawn=withdrawn,
        people=frozenset(ctx.people),
        people_created=frozenset(ctx.people_created),
        records=ctx.counted_records(),
    )


def _fill_missing_organisations(entries: list[dict[str, Any]]) -> None:
    """A meeting or agenda whose paper prints no organisation takes the document's, when its
    minutes and agendas that print one all name the same (`organisation_key`).

    An agenda's letterhead is often left off, and the pack's minutes print it;
    without it the agenda's board could be any Commissioner's board of that name.
    """
    printed = [values.text(e.get("organisation"), 255) for e in entries]
    keyed = [org for org in printed if organisation_key(org)]
    if keyed and len({organisation_key(org) for org in keyed}) == 1:
        for entry, organisation in zip(entries, printed, strict=True):
            if not organisation_key(organisation):
                entry["organisation"] = keyed[0]
    for entry in entries:
        if not organisation_key(values.text(entry.get("organisation"), 255)):
            entry["organisation"] = organisation_of_attendees(entry)


#: How many attendees must print organisations of one area for a meeting to be taken as its.
ATTENDEES_NAMING_THE_AREA = 2


def organisation_of_attendees(meeting: dict[str, Any]) -> str | None:
    """The area a meeting's attendees print, when they all print one ("Cambridgeshire").

    Minutes without a letterhead still list "Chief Constable, Cambridgeshire
    Constabulary" and the like: when at least two attendees name an area and
    none names another, the board is that area's. Organisations without a
    place ("Office of the Police and Crime Commissioner") say nothing either
    way. The area alone is returned: the board is not the force's.
    """
    printed = [
        organisation
        for kind in ("present", "in_attendance")
        for person in values.dicts(meeting.get(kind))
        if organisation_key(organisation := values.text(person.get("organisation"), 255))
    ]
    if len(printed) < ATTENDEES_NAMING_THE_AREA:
        return meeting.get("organisation")
    first = organisation_key(printed[0])
    if all(organisations_agree(first, organisation_key(o)) for o in printed[1:]):
        return area_name(min(printed, key=lambda o: len(organisation_key(o))))
    return meeting.get("organisation")


def _fill_missing_bodies(
    entries: list[dict[str, Any]], warnings: list[str], directory: BodyDirectory
) -> None:
    """A meeting without a body takes the document's only body, when there is exactly one."""
    named = {
        (values.text(e.get("body")), values.text(e.get("organisation"), 255))
        for e in entries
        if values.text(e.get("body"))
    }
    bodies = {directory.resolve(n, org, create=False) or n for n, org in named}
    if len(bodies) != 1:
        return
    only = next(iter(named))[0]
    for entry in entries:
        if not values.text(entry.get("body")):
            entry["body"] = only
            warnings.append(f"meeting of {entry.get('date') or '?'} names no body: taken as {only}")


def _kind(meetings: list, agendas: list, records: list) -> str:
    if agendas:
        return SourceDocument.Kind.PACK if (meetings or records) else SourceDocument.Kind.AGENDA
    if meetings:
        return SourceDocument.Kind.MINUTES
    if records:
        return SourceDocument.Kind.DECISION
    return SourceDocument.Kind.OTHER


def _publication_key(
    kind: str, meetings: list, agendas: list, records: list, directory: BodyDirectory
) -> str:
    """What the document publishes, so a corrected file with another name still replaces it.

    Only a document about one thing has a key: the agenda (or pack) of one
    meeting, the minutes of one meeting, or one decision record.
    """

    def meeting_key(prefix: str, entry: dict[str, Any]) -> str:
        body = directory.resolve(
            values.text(entry.get("body")), values.text(entry.get("organisation"), 255)
        )
        date = values.iso_date(entry.get("date"))
        return f"{prefix}|{body.slug}|{date.isoformat()}" if body and date else ""

    if kind in (SourceDocument.Kind.AGENDA, SourceDocument.Kind.PACK) and len(agendas) == 1:
        return meeting_key("agenda", agendas[0])
    if kind == SourceDocument.Kind.MINUTES and len(meetings) == 1:
        return meeting_key("minutes", meetings[0])
    if kind == SourceDocument.Kind.DECISION and len(records) == 1:
        number = decision_number_key(values.text(records[0].get("number")))
        return f"decision|{number}" if number else ""
    return ""


def _earlier_versions(name: str, key: str, digest: str) -> list[SourceDocument]:
    """Current documents this one replaces: the same publication, or the same file name unless
    both say they publish different things (two folders' "minutes.pdf").

    Two simple queries, one per index, rather than one with an OR across
    columns, which SQLite answers by reading every document (text and all).
    """
    current = SourceDocument.objects.filter(status=SourceDocument.Status.CURRENT).exclude(
        sha256=digest
    )
    found = {
        doc.pk: doc
        for doc in current.filter(name=name)
        if not key or doc.publication_key in ("", key)
    }
    if key:
        found.update((doc.pk, doc) for doc in current.filter(publication_key=key))
    return sorted(found.values(), key=lambda doc: (doc.imported_at, doc.pk), reverse=True)
