"""Builders for the tests of the record model and the importer.

Extracts are built in code in the shape of the extract contract
(minutebook.extract/1), so importer tests do not depend on the parser;
`store` hands one to `store_extract` with a matching read document.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any

from minutebook.bodies.resolve import ensure_standard_posts, resolve_body, resolve_post
from minutebook.documents.models import SourceDocument
from minutebook.importer.context import RunCache
from minutebook.importer.store import StoredDocument, store_extract
from minutebook.ingest.source import ReadDocument
from minutebook.meetings.models import Meeting
from minutebook.people.memberships import record_sighting
from minutebook.people.models import Person
from minutebook.people.resolve import create_person

# Extract dicts ----------------------------------------------------------------


def person(
    name: str | None,
    role: str | None = None,
    organisation: str | None = None,
    note: str | None = None,
) -> dict:
    return {"name": name, "role": role, "organisation": organisation, "note": note}


def item(number: str, title: str, outcome: str | None = None, **extra: Any) -> dict:
    return {"number": number, "title": title, "outcome": outcome, **extra}


def new_action(
    text: str,
    item: str | None = None,
    owner: str | None = None,
    due: str | None = None,
    **extra: Any,
) -> dict:
    return {"item": item, "text": text, "owner": owner, "due": due, **extra}


def log_entry(
    ref: str | None,
    item: str | None = None,
    meeting_date: str | None = None,
    text: str | None = None,
    update: str | None = None,
    status: str = "open",
) -> dict:
    return {
        "ref": ref,
        "item": item,
        "meeting_date": meeting_date,
        "text": text,
        "update": update,
        "status": status,
    }


def minutes(
    body: str | None = "Business Coordination Board",
    date: str | None = "2019-02-28",
    **fields: Any,
) -> dict:
    """One set of minutes with every key of the contract present."""
    data: dict[str, Any] = {
        "body": body,
        "organisation": None,
        "date": date,
        "start_time": None,
        "end_time": None,
        "location": None,
        "status": None,
        "present": [],
        "in_attendance": [],
        "apologies": [],
        "substitutes": [],
        "declarations": [],
        "previous_minutes_approved": [],
        "items": [],
        "actions": [],
        "action_log": [],
        "recommendations": [],
        "decisions": [],
        "next_meeting": None,
    }
    data.update(fields)
    return data


def agenda(
    body: str = "Business Coordination Board",
    date: str = "2019-02-28",
    items: list | None = None,
    **fields: Any,
) -> dict:
    return {
        "body": body,
        "organisation": None,
        "date": date,
        "time": None,
        "location": None,
        "items": items or [],
        **fields,
    }


def decision_record(
    number: str, subject: str = "A subject", date: str | None = "2018-09-21", **fields: Any
) -> dict:
    data = {
        "number": number,
        "date": date,
        "subject": subject,
        "decision": "To do the thing.",
        "summary": None,
        "contact_officer": None,
        "background_papers": [],
        "signed_by": None,
    }
    data.update(fields)
    return data


def extract(
    meetings: list | None = None,
    agendas: list | None = None,
    decision_records: list | None = None,
    warnings: list | None = None,
) -> dict:
    return {
        "schema": "minutebook.extract/1",
        "source": {},
        "meetings": meetings or [],
        "agendas": agendas or [],
        "decision_records": decision_records or [],
        "warnings": warnings or [],
    }


# Read documents and storing -----------------------------------------------------


def read_document(
    name: str = "minutes.txt",
    text: str | None = None,
    *,
    pages: list[str] | None = None,
    version: str = "",
) -> ReadDocument:
    """A read document; `version` changes the digest without changing the text."""
    if pages is None:
        pages = [text if text is not None else "\n".join(f"line {n}" for n in range(1, 201))]
    digest = hashlib.sha256(f"{name}\0{version}\0{''.join(pages)}".encode()).hexdigest()
    return ReadDocument(
        name=name,
        sha256=digest,
        media_type="application/pdf" if len(pages) > 1 else "text/plain",
        page_count=len(pages) if len(pages) > 1 else None,
        pages=pages,
    )


def store(
    data: dict,
    name: str = "minutes.txt",
    *,
    version: str = "",
    cache: RunCache | None = None,
    **read: Any,
) -> StoredDocument:
    """Store `data` as read from a file `name`; a different extract is a different file.
    `cache` is the run's, when the test imports several documents in one run."""
    content = json.dumps(data, sort_keys=True, default=str)
    document = read_document(name, version=f"{version}\0{content}", **read)
    return store_extract(document, data, cache=cache)


# Records -------------------------------------------------------------------------


def make_body(name: str = "Business Coordination Board"):
    return resolve_body(name)


def make_meeting(
    body_name: str = "Business Coordination Board", date: datetime.date = datetime.date(2019, 2, 28)
) -> Meeting:
    meeting, _ = Meeting.objects.get_or_create(body=make_body(body_name), date=date)
    return meeting


def make_person(name: str) -> Person:
    return create_person(name)


def make_holder(
    name: str, role: str, start: datetime.date, end: datetime.date | None = None
) -> Person:
    """A person seen holding `role` from `start` (to `end`), as attendance lists would show."""
    ensure_standard_posts()
    someone = Person.objects.filter(display_name=name).first() or create_person(name)
    post = resolve_post(role)
    record_sighting(someone, start, post=post, role=role)
    if end:
        record_sighting(someone, end, post=post, role=role)
    return someone


def make_document(name: str = "paper.txt", sha: str | None = None) -> SourceDocument:
    return SourceDocument.objects.create(
        name=name, sha256=sha or hashlib.sha256(name.encode()).hexdigest(), media_type="text/plain"
    )
