"""The abstract bases every stored record shares.

`Record` gives each row a public id that survives re-imports (URLs and the
API use it, never the database key), timestamps, and `extras` for what a
source says that the model has no column for yet. `Fact` adds what an
imported fact needs on top: a `withdrawn` flag (a corrected re-publication
withdraws what it no longer says, it never deletes) and the reverse side of
its `documents.Provenance` rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models


class Record(models.Model):
    public_id = models.UUIDField(
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text="Stable identifier used in URLs and the API; never changes on re-import.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    extras = models.JSONField(
        default=dict,
        blank=True,
        help_text="What the source says that the model has no column for yet.",
    )

    class Meta:
        abstract = True


class FactQuerySet(models.QuerySet):
    def live(self) -> FactQuerySet:
        """Facts the current versions of their documents still state."""
        return self.filter(withdrawn=False)


class Fact(Record):
    withdrawn = models.BooleanField(
        default=False,
        help_text="Set when a corrected re-publication no longer states this fact.",
    )
    provenance = GenericRelation("documents.Provenance")

    objects = FactQuerySet.as_manager()

    class Meta:
        abstract = True


def assign_changed(obj: models.Model, values: Mapping[str, Any]) -> list[str]:
    """Set the attributes that differ and return their names.

    Importers call this before `save(update_fields=...)` so an unchanged
    record is never written: a re-import then costs reads only and
    `updated_at` keeps meaning "last changed".
    """
    changed = []
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


def save_changed(obj: models.Model, values: Mapping[str, Any]) -> bool:
    """Save only the fields whose values differ; True when something was written."""
    changed = assign_changed(obj, values)
    if changed:
        obj.save(update_fields=[*changed, "updated_at"] if hasattr(obj, "updated_at") else changed)
    return bool(changed)
