"""Recommendations a meeting made to an office holder ("the Commissioner")."""

from __future__ import annotations

from typing import Any

from minutebook.core.rows import insert_new
from minutebook.core.text import fold
from minutebook.importer import values
from minutebook.importer.context import StoreContext
from minutebook.importer.store_items import ItemIndex, find_item
from minutebook.meetings.models import Meeting
from minutebook.recommendations.models import Recommendation


def store_recommendations(
    ctx: StoreContext,
    meeting: Meeting,
    recommendations: list[dict[str, Any]],
    items: ItemIndex,
    span: tuple[int, int] | None,
) -> None:
    if not recommendations:
        return
    existing: dict[str, Recommendation] = {}
    if not ctx.fresh(meeting, "recommendations"):
        existing = {fold(r.text)[:300]: r for r in meeting.recommendations.order_by("-date", "pk")}
    created: list[Recommendation] = []
    for data in recommendations:
        text = values.text(data.get("text"))
        if not text:
            continue
        to_text = values.text(data.get("to"), 255)
        posts = (
            ctx.run.lookups.posts.find(to_text, area=meeting.body.police_area) if to_text else []
        )
        raw_item = values.text(data.get("item"), 50)
        item = find_item(items, raw_item)
        new = {
            "body_id": meeting.body_id,
            "raw_item": raw_item,
            "item_id": item.pk if item else None,
            "to_text": to_text,
            "to_post_id": posts[0].pk if len(posts) == 1 else None,
            "text": text,
            "date": meeting.date,
        }
        recommendation = existing.get(fold(text)[:300])
        if recommendation is None:
            recommendation = Recommendation(meeting=meeting, **new)
            created.append(recommendation)
            existing[fold(text)[:300]] = recommendation
        else:
            ctx.changed(recommendation, new)
        ctx.cite(recommendation, ctx.span(data, span), confidence=data.get("confidence"))
    insert_new(created)
    ctx.write()
