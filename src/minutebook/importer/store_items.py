"""Agenda items and minute paragraphs, merged by their printed numbers.

An item is first seen in an agenda (number, title, presenter, pages) and
again in the minutes (title as minuted, outcome, paragraphs); both land on
one `AgendaItem`, found by the meeting and the folded number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from minutebook.core.rows import insert_new
from minutebook.core.text import fold
from minutebook.importer import values
from minutebook.importer.context import StoreContext
from minutebook.meetings.models import AgendaItem, Meeting, MinuteParagraph, Outcome
from minutebook.meetings.numbers import item_key
from minutebook.people.resolve import CandidatePool, resolve_person_at

ItemIndex = dict[str, AgendaItem]


def item_merge_key(number: str, title: str) -> str:
    """The key items merge on: the folded number, or the folded title of an unnumbered item."""
    return item_key(number) or f"t:{fold(title)[:50]}"


def outcome_kind(outcome: str) -> str:
    """The outcome as one of the `Outcome` choices: "AGREED to note" is agreed, free text is other."""
    if not outcome:
        return ""
    words = fold(outcome).split()
    if not words:
        return ""
    if words[0] in Outcome.values:
        return words[0]
    for word in words[:8]:
        for kind in Outcome.values:
            if word == kind:
                return kind
    return Outcome.OTHER


def store_items(
    ctx: StoreContext,
    meeting: Meeting,
    items: list[dict[str, Any]],
    span: tuple[int, int] | None,
    *,
    from_minutes: bool,
    pool: CandidatePool | Callable[[], CandidatePool] | None = None,
) -> ItemIndex:
    """Store the items of one agenda or set of minutes; return every item of the meeting by key.

    The minutes' title wins over the agenda's (it is the record of what was
    taken); the agenda alone gives presenter and pages. `pool` may be given
    as a function, called when a presenter is first resolved. What the
    meeting has already comes from the run when it stored the meeting lately
    (`RunCache.kept_children`), else from the database.
    """
    stored_items = ctx.run.kept_children(meeting, "items")
    if stored_items is None:
        stored_items = list(meeting.items.order_by())  # put in order below, kept or read
    index: ItemIndex = {
        item_merge_key(i.number, i.title): i for i in sorted(stored_items, key=_in_order)
    }
    paragraphs: dict[int, list[MinuteParagraph]] = {}
    stored_paragraphs: list[MinuteParagraph] = []
    if from_minutes:
        kept = ctx.run.kept_children(meeting, "paragraphs")
        stored_paragraphs = (
            list(MinuteParagraph.objects.filter(item__meeting=meeting).order_by())
            if kept is None
            else kept
        )
        for paragraph in sorted(stored_paragraphs, key=_in_order):
            paragraphs.setdefault(paragraph.item_id, []).append(paragraph)
    created: list[AgendaItem] = []
    new_paragraphs: list[MinuteParagraph] = []
    for order, data in enumerate(items, start=1):
        number = values.text(data.get("number"), 30)
        title = values.text(data.get("title"))
        if not number and not title:
            continue
        key = item_merge_key(number, title)
        item = index.get(key)
        new = {"number": number, "number_key": item_key(number)}
        if title and (from_minutes or item is None or not item.title):
            new["title"] = title
        outcome = values.text(data.get("outcome"))
        if outcome:
            new.update(outcome=outcome, outcome_kind=outcome_kind(outcome))
        presenter = values.text(data.get("presenter"), 255)
        if presenter:
            new["presenter"] = presenter
            if callable(pool):
                pool = pool()
            match = resolve_person_at(presenter, meeting.date, pool, body=meeting.body)
            if match.sure is not None:
                new["presenter_person_id"] = match.sure.pk
                ctx.note_person(match.sure)
        pages = values.text(data.get("pages"), 50)
        if pages:
            new["pages"] = pages
        exempt = data.get("exempt")
        if exempt:
            new["exempt"] = True
            if isinstance(exempt, str):
                new["exempt_paragraph"] = exempt[:100]
        if item is None or not from_minutes or item.order == 0:
            new["order"] = order
        if item is None:
            item = AgendaItem(meeting=meeting, **new)
            created.append(item)
            index[key] = item
        else:
            ctx.changed(item, new)
        item_span = ctx.span(data, span)
        ctx.cite(item, item_span, confidence=data.get("confidence"))
        if from_minutes:
            _store_paragraphs(
                ctx,
                item,
                paragraphs.get(item.pk, []) if item.pk is not None else [],
                values.dicts(data.get("paragraphs")),
                item_span,
                new_paragraphs,
            )
    insert_new(created)
    _link_parents(ctx, index)
    insert_new(new_paragraphs)
    ctx.write()
    ctx.run.keep_children(meeting, "items", stored_items + created)
    if from_minutes:
        ctx.run.keep_children(meeting, "paragraphs", stored_paragraphs + new_paragraphs)
    return index


def _in_order(row: AgendaItem | MinuteParagraph) -> tuple[int, int]:
    """The order items and paragraphs are read in: printed order, then the order stored."""
    return (row.order, row.pk)


def find_item(index: ItemIndex, number: Any) -> AgendaItem | None:
    """The item a printed number ("5.4", "Item 5") points to: itself, or the item it is a paragraph of."""
    key = item_key(values.text(number))
    while key:
        if key in index:
            return index[key]
        key = _parent_key(key)
    return None


def _parent_key(key: str) -> str:
    if "." in key:
        return key.rsplit(".", 1)[0]
    if len(key) > 1 and key[-1].isalpha() and key[:-1]:
        return key[:-1]
    return ""


def _link_parents(ctx: StoreContext, index: ItemIndex) -> None:
    """ "10.6" belongs to "10" when the meeting has both."""
    for key, item in index.items():
        if key.startswith("t:"):
            continue
        parent_key = _parent_key(key)
        parent = index.get(parent_key) if parent_key else None
        if parent is not None and item.parent_id != parent.pk:
            item.parent = parent
            ctx.save_later(item, ["parent"])


def _store_paragraphs(
    ctx: StoreContext,
    item: AgendaItem,
    known: list[MinuteParagraph],
    paragraphs: list[dict[str, Any]],
    span: tuple[int, int] | None,
    created: list[MinuteParagraph],
) -> None:
    """Merge an item's paragraphs by number (or position when unnumbered); new ones join
    `created`, inserted with the other items' in one insert."""
    existing: dict[str, MinuteParagraph] = {}
    for paragraph in sorted(known, key=lambda p: p.order):  # the keys they were stored under
        existing[_paragraph_key(paragraph.number, paragraph.order, set(existing))] = paragraph
    new_here: list[tuple[MinuteParagraph, tuple[int, int] | None]] = []
    seen: set[str] = set()
    for order, data in enumerate(paragraphs, start=1):
        text = values.text(data.get("text"))
        if not text:
            continue
        number = values.text(data.get("number"), 30)
        key = _paragraph_key(number, order, seen)
        seen.add(key)
        paragraph = existing.get(key)
        new = {"number": number, "text": text, "order": order}
        if paragraph is None:
            paragraph = MinuteParagraph(item=item, **new)
            existing[key] = paragraph
            new_here.append((paragraph, ctx.span(data, span)))
        else:
            ctx.changed(paragraph, new)
            ctx.cite(paragraph, ctx.span(data, span))
    for paragraph, paragraph_span in new_here:
        created.append(paragraph)
        ctx.cite(paragraph, paragraph_span)


def _paragraph_key(number: str, order: int, seen: set[str]) -> str:
    """A paragraph's merge key: its number, or its position when unnumbered or numbered twice
    (a numbering slip: "14.3, 14.3")."""
    return number if number and number not in seen else f"{number}#{order}"
