"""Gold files: what a careful person would label from each generated document.

The shape is the extract contract's (../shared/spec/extract-json.md) as the
scorer (../shared/tools/score_extract.py) reads it: meetings, agendas and
decision records, with only the keys that are printed. Names are given as
printed (through the same naming helpers the composers use), so the scorer
compares an extractor with the document, not with the simulation's inner
truth (a surname-only apology stays surname-only).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from minutebook.synth.model import Attendee, Decision, Meeting
from minutebook.synth.naming import apology_name, gold_listed_name, role_of
from minutebook.synth.schedule import hhmm
from minutebook.synth.world import World

SCHEMA = "minutebook.synth-gold/1"

#: Keys every meeting in a gold file has (others depend on the body's papers).
MEETING_KEYS = (
    "body",
    "date",
    "start_time",
    "location",
    "present",
    "in_attendance",
    "apologies",
    "previous_minutes_approved",
    "items",
    "actions",
    "action_log",
    "decision_numbers",
    "next_meeting_date",
)


def _person(world: World, m: Meeting, att: Attendee) -> dict[str, Any]:
    role: str | None = role_of(world, att.post)
    if att.substitute_for is not None:
        role = f"Substitute for Councillor {att.substitute_for.last}"
    if (
        m.style.attendance_layout == "list"
        and att.group == "member"
        or not m.style.roles_in_list
        and att.group == "member"
    ):
        role = "Chair" if att.post == m.body.chair else None
    out: dict[str, Any] = {"name": gold_listed_name(att.person, m.style)}
    if role:
        out["role"] = role
    if att.note:
        out["note"] = att.note
    return out


def meeting_gold(world: World, m: Meeting) -> dict[str, Any]:
    """The facts of one set of minutes, as printed."""
    style = m.style
    kinds = {item.kind for item in m.items}
    g: dict[str, Any] = {
        "body": style.body_name,
        "date": m.date.isoformat(),
        "start_time": hhmm(m.start),
    }
    if style.close_line:
        g["end_time"] = hhmm(m.end)
    g["location"] = m.location
    g["present"] = [_person(world, m, a) for a in m.members]
    g["in_attendance"] = [_person(world, m, a) for a in m.officers + m.others]
    g["apologies"] = [{"name": apology_name(a.person, style)} for a in m.apologies]
    if m.body.substitutes:
        g["substitutes"] = [
            {"name": f"Councillor {a.person.last}", "for": f"Councillor {a.substitute_for.last}"}
            for a in m.substitutes
            if a.substitute_for is not None
        ]
    if "declarations" in kinds:
        g["declarations"] = [
            {"name": d.printed_name, "item": d.item, "text": d.text} for d in m.declarations
        ]
    g["previous_minutes_approved"] = [d.isoformat() for d in m.approves]
    g["items"] = [[str(item.number), item.title] for item in m.items]
    g["actions"] = [
        {"item": a.item_ref, "text": a.text, "owner": a.owner, "due": a.due} for a in m.new_actions
    ]
    g["action_log"] = [
        {
            "ref": e.action.ref,
            "item": e.action.item_ref,
            "meeting_date": e.action.raised_at.isoformat(),
            "text": e.action.text,
            "update": e.update,
            "status": e.status,
        }
        for e in m.action_log
    ]
    if m.body.kind == "pcp":
        g["recommendations"] = [
            {"item": r.item, "to": r.to, "text": r.text}
            for item in m.items
            for r in item.recommendations
        ]
    g["decision_numbers"] = [d.number for item in m.items for d in item.decisions_cited]
    if m.next_date:
        g["next_meeting_date"] = m.next_date.isoformat()
    return g


def agenda_gold(m: Meeting) -> dict[str, Any]:
    return {
        "body": m.style.body_name,
        "date": m.date.isoformat(),
        "time": hhmm(m.start),
        "location": m.location,
        "items": [[str(item.number), item.title] for item in m.items],
    }


def decision_gold(world: World, d: Decision) -> dict[str, Any]:
    return {
        "number": d.number,
        "date": d.signed.isoformat(),
        "subject": d.subject,
        "decision": d.decision,
        "contact_officer": d.contact.name,
        "signed_by": d.signed_by.name,
        "background_papers": list(d.background),
    }


def gold_document(
    file: str,
    kind: str,
    fmt: str,
    note: str,
    meetings: list[dict[str, Any]],
    agendas: list[dict[str, Any]],
    decisions: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "file": file,
        "schema": SCHEMA,
        "kind": kind,
        "format": fmt,
        "note": note,
        "meetings": meetings,
        "agendas": agendas,
        "decision_records": decisions,
    }


def write_gold(path: Path, gold: dict[str, Any]) -> None:
    path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def shape_errors(gold: dict[str, Any]) -> list[str]:
    """Problems that would stop the scorer reading a gold file (empty when it is fine)."""
    errors: list[str] = []
    for key in ("file", "meetings", "agendas", "decision_records"):
        if key not in gold:
            errors.append(f"missing {key}")
    for n, m in enumerate(gold.get("meetings", [])):
        for key in MEETING_KEYS:
            if key not in m:
                errors.append(f"meeting {n}: missing {key}")
        for item in m.get("items", []):
            if not (isinstance(item, list) and len(item) == 2):
                errors.append(f"meeting {n}: item {item!r} is not [number, title]")
        for entry in m.get("action_log", []):
            if entry.get("status") not in ("open", "on-going", "closed"):
                errors.append(f"meeting {n}: bad status {entry.get('status')!r}")
    for n, a in enumerate(gold.get("agendas", [])):
        if "date" not in a or "items" not in a:
            errors.append(f"agenda {n}: missing date or items")
    for n, d in enumerate(gold.get("decision_records", [])):
        if not d.get("number"):
            errors.append(f"decision record {n}: missing number")
    return errors
