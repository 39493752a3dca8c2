"""Recommendations a meeting made to an office holder ("the Commissioner")."""

from __future__ import annotations

from typing import Any

from minutebook.bodies.resolve import find_posts
from minutebook.core.models import save_changed
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
    existing = {fold(r.text)[:300]: r for r in meeting.recommendations.all()}
    for data in recommendations:
        text = values.text(data.get("text"))
        if not text:
            continue
        to_text = values.text(data.get("to"), 255)
        posts = find_posts(to_text) if to_text else []
        raw_item = values.text(data.get("item"), 50)
        new = {
            "body": meeting.body,
            "raw_item": raw_item,
            "item": find_item(items, raw_item),
            "to_text": to_text,
            "to_post": posts[0] if len(posts) == 1 else None,
            "text": text,
            "date": meeting.date,
        }
        recommendation = existing.get(fold(text)[:300])
        if recommendation is None:
            recommendation = Recommendation.objects.create(meeting=meeting, **new)
            existing[fold(text)[:300]] = recommendation
        else:
            save_changed(recommendation, new)
        ctx.cite(recommendation, ctx.span(data, span), confidence=data.get("confidence"))
