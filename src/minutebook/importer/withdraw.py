"""What a corrected re-publication no longer says is withdrawn, never deleted.

A fact is withdrawn when the replaced version cited it, the new version
does not, and no other current document still does (an agenda pack keeps
its meeting alive when the minutes are corrected).
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from minutebook.actions.carry import refresh_status
from minutebook.actions.models import Action, ActionUpdate
from minutebook.documents.models import Provenance, SourceDocument


def withdraw_facts_no_longer_stated(replaced: list[SourceDocument], current: SourceDocument) -> int:
    """Withdraw facts only `replaced` stated; returns how many were withdrawn."""
    old = set(
        Provenance.objects.filter(document__in=replaced).values_list("content_type_id", "object_id")
    )
    new = set(
        Provenance.objects.filter(document=current).values_list("content_type_id", "object_id")
    )
    gone: dict[int, set[int]] = defaultdict(set)
    for content_type_id, object_id in old - new:
        gone[content_type_id].add(object_id)
    withdrawn = 0
    for content_type_id, ids in gone.items():
        still_stated = set(
            Provenance.objects.filter(
                content_type_id=content_type_id,
                object_id__in=ids,
                document__status=SourceDocument.Status.CURRENT,
            ).values_list("object_id", flat=True)
        )
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not any(f.name == "withdrawn" for f in model._meta.get_fields()):
            continue
        ids -= still_stated
        withdrawn += model._default_manager.filter(pk__in=ids, withdrawn=False).update(
            withdrawn=True, updated_at=timezone.now()
        )
        if model is ActionUpdate:
            for action in Action.objects.filter(updates__pk__in=ids).distinct():
                refresh_status(action)
    return withdrawn
