"""The review queue of doubtful person matches, and confirming or rejecting one."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from minutebook.people.models import Person, PersonMatchReview
from minutebook.people.resolve import PersonMatch, add_names


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
    alternatives = [p for p in (match.person, *match.alternatives) if p is not None]
    values = {
        "raw_text": raw_text[:500],
        "on_date": on_date,
        "context": context[:500],
        "suggested": match.person,
        "confidence": round(match.confidence, 3),
        "candidates": [{"id": p.pk, "name": p.display_name} for p in alternatives],
        "document": document,
    }
    review, created = PersonMatchReview.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(fact),
        object_id=fact.pk,
        field_name=field_name,
        defaults=values,
    )
    if not created and review.status == PersonMatchReview.Status.OPEN:
        changed = [k for k, v in values.items() if getattr(review, k) != v]
        for name in changed:
            setattr(review, name, values[name])
        if changed:
            review.save(update_fields=[*changed, "updated_at"])
    return review


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
