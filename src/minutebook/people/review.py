"""The review queue of doubtful person matches, and confirming or rejecting one."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from minutebook.core.rows import insert_new
from minutebook.people.models import Person, PersonMatchReview
from minutebook.people.resolve import PersonMatch, add_names


@dataclass(frozen=True)
class DoubtfulMatch:
    """A doubtful match to list for review, as it stood when it was met; the fact may be
    saved later (its key is read when the match is recorded)."""

    fact: models.Model
    field_name: str
    values: dict[str, Any]


def doubtful_match(
    fact: models.Model,
    field_name: str,
    raw_text: str,
    match: PersonMatch,
    *,
    on_date: datetime.date | None,
    context: str = "",
    document: models.Model | None = None,
) -> DoubtfulMatch:
    alternatives = [p for p in (match.person, *match.alternatives) if p is not None]
    return DoubtfulMatch(
        fact,
        field_name,
        {
            "raw_text": raw_text[:500],
            "on_date": on_date,
            "context": context[:500],
            "suggested": match.person,
            "confidence": round(match.confidence, 3),
            "candidates": [{"id": p.pk, "name": p.display_name} for p in alternatives],
            "document": document,
        },
    )


def record_doubtful_match(
    fact: models.Model,
    field_name: str,
    raw_text: str,
    match: PersonMatch,
    *,
    on_date: datetime.date | None,
    context: str = "",
    document: models.Model | None = None,
) -> PersonMatchReview:
    """List a doubtful match of `fact.<field_name>` for a person to confirm.

    Keyed by the fact and field, so importing the same paper again updates
    the row; a review already decided is left as decided.
    """
    found = doubtful_match(
        fact, field_name, raw_text, match, on_date=on_date, context=context, document=document
    )
    return record_doubtful_matches([found])[0]


def record_doubtful_matches(matches: list[DoubtfulMatch]) -> list[PersonMatchReview]:
    """`record_doubtful_match` for many, in one read and one insert; returns one review per
    fact and field (a fact listed twice keeps its last values), in the order first listed."""
    latest: dict[tuple[int, int, str], DoubtfulMatch] = {}
    for found in matches:
        content_type = ContentType.objects.get_for_model(found.fact)
        latest[content_type.pk, found.fact.pk, found.field_name] = found
    if not latest:
        return []
    by_type: dict[int, set[int]] = {}
    for content_type_id, object_id, _ in latest:
        by_type.setdefault(content_type_id, set()).add(object_id)
    query = Q()
    for content_type_id, object_ids in by_type.items():
        query |= Q(content_type_id=content_type_id, object_id__in=object_ids)
    known = {
        (r.content_type_id, r.object_id, r.field_name): r
        for r in PersonMatchReview.objects.filter(query).order_by()
    }
    reviews: list[PersonMatchReview] = []
    new: list[PersonMatchReview] = []
    for (content_type_id, object_id, field_name), found in latest.items():
        review = known.get((content_type_id, object_id, field_name))
        if review is None:
            review = PersonMatchReview(
                content_type_id=content_type_id,
                object_id=object_id,
                field_name=field_name,
                **found.values,
            )
            new.append(review)
        elif review.status == PersonMatchReview.Status.OPEN:
            changed = [k for k, v in found.values.items() if _differs(review, k, v)]
            for name in changed:
                setattr(review, name, found.values[name])
            if changed:
                review.save(update_fields=[*changed, "updated_at"])
        reviews.append(review)
    insert_new(new)
    return reviews


def _differs(review: PersonMatchReview, name: str, value: Any) -> bool:
    """Whether a field holds another value; a related row is compared by key, not loaded."""
    field = review._meta.get_field(name)
    if field.is_relation:
        return getattr(review, field.attname) != (value.pk if value is not None else None)
    return getattr(review, name) != value


@transaction.atomic
def confirm_match(review: PersonMatchReview, person: Person | None = None) -> None:
    """Link the fact to `person` (the suggestion by default) and learn the spelling."""
    person = person or review.suggested
    if person is None:
        raise ValueError("nothing to confirm: no person given or suggested")
    fact = review.fact
    if fact is not None:
        setattr(fact, review.field_name, person)
        fact.save(update_fields=[review.field_name, "updated_at"])
    add_names(person, review.raw_text)
    review.status = PersonMatchReview.Status.CONFIRMED
    review.decided_person = person
    review.decided_at = timezone.now()
    review.save(update_fields=["status", "decided_person", "decided_at", "updated_at"])


def reject_match(review: PersonMatchReview) -> None:
    """The suggestion is wrong; the fact keeps only the printed name."""
    review.status = PersonMatchReview.Status.REJECTED
    review.decided_at = timezone.now()
    review.save(update_fields=["status", "decided_at", "updated_at"])
