"""Decision records, and decision numbers cited in minutes."""

from __future__ import annotations

from typing import Any

from minutebook.core.models import save_changed
from minutebook.core.rows import create_row, insert_new
from minutebook.core.text import fold
from minutebook.decisions.link import decisions_for, link_waiting_citations
from minutebook.decisions.models import Decision, DecisionCitation, DecisionExemptPart
from minutebook.decisions.numbers import parse_decision_number
from minutebook.importer import values
from minutebook.importer.context import StoreContext
from minutebook.importer.store_items import ItemIndex, find_item
from minutebook.meetings.models import Meeting
from minutebook.people.resolve import resolve_person_at


def store_decision_record(ctx: StoreContext, data: dict[str, Any]) -> Decision | None:
    """Store one decision record by its folded number, and link citations waiting for it."""
    printed = values.text(data.get("number"), 50)
    number = parse_decision_number(printed)
    if number is None:
        subject = values.text(data.get("subject"), 60)
        ctx.warn(
            f"decision record without a readable number ({printed or subject or '?'}): not stored"
        )
        return None
    date = values.iso_date(data.get("date"))
    signed_by_text = values.text(data.get("signed_by"), 255)
    papers = data.get("background_papers")
    new: dict[str, Any] = {
        "number": printed,
        "year": number.year,
        "sequence": number.sequence,
        "date": date,
        "subject": values.text(data.get("subject")),
        "decision_text": values.text(data.get("decision")),
        "summary": values.text(data.get("summary")),
        "contact_officer": values.text(data.get("contact_officer"), 500),
        "background_papers": [values.text(p) for p in papers if values.text(p)]
        if isinstance(papers, list)
        else [],
        "signed_by_text": signed_by_text,
    }
    for field, key in (
        ("published_on", "published"),
        ("notified_to_panel_on", "notified_to_panel"),
    ):
        if values.iso_date(data.get(key)):
            new[field] = values.iso_date(data.get(key))
    if signed_by_text:
        match = resolve_person_at(signed_by_text, date, lookups=ctx.run.lookups)
        if match.sure is not None:
            new["signed_by_id"] = match.sure.pk
            ctx.note_person(match.sure)
    decision = None
    if ctx.run.may_hold_decision(number.key):
        decision = Decision.objects.filter(number_key=number.key).order_by().first()
    created = decision is None
    if decision is None:
        decision = create_row(Decision, number_key=number.key, **new)
        ctx.run.note_decision(decision)
    else:
        save_changed(decision, new)
    exempt = values.text(data.get("exempt"))
    if exempt:
        part = None if created else DecisionExemptPart.objects.filter(decision=decision).first()
        if part is None:
            create_row(DecisionExemptPart, decision=decision, text=exempt)
        elif part.text != exempt:
            part.text = exempt
            part.save(update_fields=["text"])
    ctx.cite(decision, ctx.span(data, None), confidence=data.get("confidence"))
    waiting, bare_waiting = ctx.run.waiting_citations(decision)
    if waiting:
        link_waiting_citations(decision, bare_waiting=bare_waiting)
    return decision


def store_decision_citations(
    ctx: StoreContext,
    meeting: Meeting,
    decisions: list[dict[str, Any]],
    items: ItemIndex,
    span: tuple[int, int] | None,
) -> None:
    """Decisions the minutes record or cite; a number links to its record now or when it arrives."""
    cited = []
    for data in decisions:
        printed = values.text(data.get("number"), 100)
        text = values.text(data.get("text"))
        if printed or text:
            number = parse_decision_number(printed) or parse_decision_number(text)
            cited.append((data, printed, text, number))
    if not cited:
        return
    existing: dict[tuple[str, str], DecisionCitation] = {}
    if not ctx.fresh(meeting, "decision_citations"):
        existing = {
            (c.number_key, fold(c.text)[:200]): c for c in meeting.decision_citations.order_by("pk")
        }
    known = decisions_for([number for *_, number in cited], ctx.run.may_hold_decision)
    created: list[DecisionCitation] = []
    for data, printed, text, number in cited:
        key = number.key if number else ""
        raw_item = values.text(data.get("item"), 50)
        item = find_item(items, raw_item)
        decision = known.get(number) if number else None
        new = {
            "raw_number": printed,
            "number_key": key,
            "year": number.year if number else None,
            "sequence": number.sequence if number else None,
            "raw_item": raw_item,
            "item_id": item.pk if item else None,
            "text": text,
            "decision_id": decision.pk if decision else None,
        }
        citation = existing.get((key, fold(text)[:200]))
        if citation is None:
            citation = DecisionCitation(meeting=meeting, **new)
            created.append(citation)
            existing[(key, fold(text)[:200])] = citation
        else:
            if citation.decision_id and new["decision_id"] is None:
                new.pop("decision_id")
            ctx.changed(citation, new)
        ctx.cite(citation, ctx.span(data, span), confidence=data.get("confidence"))
        ctx.run.note_citation(citation)
    insert_new(created)
    ctx.write()
